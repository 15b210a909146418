//! `arkiv inspect`: what a dataset holds — counts per status, category, sensitivity and review
//! reason, and the review rate.

use std::collections::BTreeMap;
use std::path::Path;

use arrow::array::{Array, AsArray};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::sink::{self, read};

/// Summary of a dataset's documents table.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Inspection {
    /// Document rows.
    pub documents: u64,
    /// Page rows.
    pub pages: u64,
    /// Runs (manifests).
    pub runs: u64,
    /// Rows per status.
    pub status: BTreeMap<String, u64>,
    /// Rows per predicted category (`(none)` for unreadable documents).
    pub category: BTreeMap<String, u64>,
    /// Rows per final sensitivity.
    pub sensitivity: BTreeMap<String, u64>,
    /// Rows per review reason (a document may have several).
    pub review_reasons: BTreeMap<String, u64>,
    /// Rows needing review.
    pub needs_review: u64,
    /// `needs_review / documents`.
    pub review_rate: f64,
}

/// Reads the dataset at `out`.
pub fn inspect(out: &Path) -> Result<Inspection> {
    let files = sink::table_files(out, sink::DOCUMENTS_DIR);
    if files.is_empty() {
        return Err(Error::output(
            out,
            "no documents/*.parquet here; is this an arkiv output folder (arkiv run … --out DIR)?",
        ));
    }
    let mut ins = Inspection::default();
    let columns = [
        "status",
        "category",
        "sensitivity",
        "needs_review",
        "review_reasons",
    ];
    for file in &files {
        for batch in read::read_columns(file, &columns, None)? {
            let bad = |c: &str| Error::output(file, format!("column `{c}` has an unexpected type"));
            let status = batch
                .column(0)
                .as_string_opt::<i32>()
                .ok_or_else(|| bad("status"))?;
            let category = batch
                .column(1)
                .as_string_opt::<i32>()
                .ok_or_else(|| bad("category"))?;
            let level = batch
                .column(2)
                .as_string_opt::<i32>()
                .ok_or_else(|| bad("sensitivity"))?;
            let review = batch
                .column(3)
                .as_boolean_opt()
                .ok_or_else(|| bad("needs_review"))?;
            let reasons = batch
                .column(4)
                .as_list_opt::<i32>()
                .ok_or_else(|| bad("review_reasons"))?;
            for i in 0..batch.num_rows() {
                ins.documents += 1;
                *ins.status.entry(status.value(i).to_string()).or_default() += 1;
                let cat = if category.is_valid(i) {
                    category.value(i)
                } else {
                    "(none)"
                };
                *ins.category.entry(cat.to_string()).or_default() += 1;
                *ins.sensitivity
                    .entry(level.value(i).to_string())
                    .or_default() += 1;
                if review.value(i) {
                    ins.needs_review += 1;
                }
                let list = reasons.value(i);
                if let Some(list) = list.as_string_opt::<i32>() {
                    for j in 0..list.len() {
                        *ins.review_reasons
                            .entry(list.value(j).to_string())
                            .or_default() += 1;
                    }
                }
            }
        }
    }
    for file in sink::table_files(out, sink::PAGES_DIR) {
        for batch in read::read_columns(&file, &["page_no"], None)? {
            ins.pages += batch.num_rows() as u64;
        }
    }
    ins.runs = std::fs::read_dir(out.join(sink::RUNS_DIR))
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter(|e| {
                    let n = e.file_name();
                    let n = n.to_string_lossy();
                    n.ends_with(".json") && !n.starts_with('.')
                })
                .count() as u64
        })
        .unwrap_or(0);
    ins.review_rate = if ins.documents > 0 {
        ins.needs_review as f64 / ins.documents as f64
    } else {
        0.0
    };
    Ok(ins)
}

/// Human-readable report.
pub fn render(ins: &Inspection) -> String {
    let mut s = format!(
        "{} documents, {} pages, {} runs; {} need review ({:.1}%)\n",
        ins.documents,
        ins.pages,
        ins.runs,
        ins.needs_review,
        ins.review_rate * 100.0
    );
    for (title, map) in [
        ("status", &ins.status),
        ("category", &ins.category),
        ("sensitivity", &ins.sensitivity),
        ("review reasons", &ins.review_reasons),
    ] {
        s.push_str(&format!("\n{title}:\n"));
        if map.is_empty() {
            s.push_str("  (none)\n");
        }
        for (k, v) in map {
            s.push_str(&format!("  {k:<28} {v:>8}\n"));
        }
    }
    s
}
