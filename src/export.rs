//! `arkiv export-training`: turns reviewed (and optionally auto-accepted) documents into a
//! training file in the format `training/train.py` reads.
//!
//! One row per document: `id` (doc_id), `text` (UNMASKED — the file holds personal data),
//! `category`, `sensitivity`, `weight`, `provenance` (`review` or `auto`), `reviewer`,
//! `model_id`, `decided_at`. The label is the effective one: the latest review of the document
//! across all the datasets given (by `decided_at`), else — with `include_auto` — the prediction of
//! a document the pipeline did not send to review. JSONL or Parquet, chosen by the extension.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow::array::{
    Array, ArrayRef, AsArray, Float64Array, RecordBatch, StringArray, TimestampMicrosecondArray,
};
use arrow::datatypes::{DataType, Field, Schema, TimeUnit, TimestampMicrosecondType};
use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::review::reviews::{Review, read_reviews};
use crate::sink::{self, EncryptionKey, read};

/// Weight of a reviewed label.
pub const REVIEW_WEIGHT: f64 = 1.0;
/// Weight of an auto-accepted prediction.
pub const AUTO_WEIGHT: f64 = 0.5;

/// One training row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrainingRow {
    /// doc_id.
    pub id: String,
    /// Unmasked text.
    pub text: String,
    /// Category code.
    pub category: String,
    /// `S1`…`S5`.
    pub sensitivity: String,
    /// Sample weight.
    pub weight: f64,
    /// `review` or `auto`.
    pub provenance: &'static str,
    /// Reviewer (reviews only).
    pub reviewer: Option<String>,
    /// Model whose prediction was reviewed or accepted.
    pub model_id: String,
    /// When the label was decided (review time, or processing time for auto rows).
    pub decided_at: DateTime<Utc>,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportSummary {
    /// File written.
    pub path: PathBuf,
    /// Rows labelled by a review.
    pub reviewed: usize,
    /// Auto-accepted rows.
    pub auto: usize,
    /// Reviews whose document was not found in the datasets given.
    pub orphan_reviews: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Jsonl,
    Parquet,
}

fn format_of(dest: &Path) -> Result<Format> {
    match dest
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("jsonl" | "json" | "ndjson") => Ok(Format::Jsonl),
        Some("parquet") => Ok(Format::Parquet),
        _ => Err(Error::Usage(format!(
            "--out {}: end the file name in .jsonl or .parquet to choose the format",
            dest.display()
        ))),
    }
}

/// Reads the datasets and builds the training rows, sorted by id. Datasets written with a key
/// need it (`key`) to read the text.
pub fn training_rows(
    outs: &[PathBuf],
    include_auto: bool,
    key: Option<&EncryptionKey>,
) -> Result<(Vec<TrainingRow>, usize)> {
    let mut latest: HashMap<String, Review> = HashMap::new();
    for out in outs {
        for r in read_reviews(out)? {
            match latest.get(&r.doc_id) {
                Some(prev) if prev.decided_at > r.decided_at => {}
                _ => {
                    latest.insert(r.doc_id.clone(), r);
                }
            }
        }
    }
    let mut rows = Vec::new();
    let mut seen = HashSet::new();
    let columns = [
        "doc_id",
        "status",
        "text",
        "category",
        "sensitivity",
        "needs_review",
        "model_id",
        "processed_at",
    ];
    for out in outs {
        let files = sink::table_files(out, sink::DOCUMENTS_DIR);
        if files.is_empty() {
            return Err(Error::output(
                out,
                "no documents/*.parquet here; give the --out folder of an `arkiv run`",
            ));
        }
        for file in files.iter().rev() {
            for batch in read::read_columns(file, &columns, key)? {
                let bad =
                    |c: &str| Error::output(file, format!("column `{c}` has an unexpected type"));
                let s = |c: &'static str| {
                    batch
                        .column_by_name(c)
                        .and_then(|a| a.as_string_opt::<i32>())
                        .ok_or_else(|| bad(c))
                };
                let (ids, status, text, cat, sens, model) = (
                    s("doc_id")?,
                    s("status")?,
                    s("text")?,
                    s("category")?,
                    s("sensitivity")?,
                    s("model_id")?,
                );
                let needs = batch
                    .column_by_name("needs_review")
                    .and_then(|a| a.as_boolean_opt())
                    .ok_or_else(|| bad("needs_review"))?;
                let at = batch
                    .column_by_name("processed_at")
                    .and_then(|a| a.as_primitive_opt::<TimestampMicrosecondType>())
                    .ok_or_else(|| bad("processed_at"))?;
                for i in 0..batch.num_rows() {
                    let id = ids.value(i);
                    if !seen.insert(id.to_string()) {
                        continue;
                    }
                    if let Some(r) = latest.get(id) {
                        if let Some(category) = &r.category_after {
                            rows.push(TrainingRow {
                                id: id.to_string(),
                                text: text.value(i).to_string(),
                                category: category.clone(),
                                sensitivity: r.sensitivity_after.clone(),
                                weight: REVIEW_WEIGHT,
                                provenance: "review",
                                reviewer: Some(r.reviewer.clone()),
                                model_id: r.model_id.clone(),
                                decided_at: r.decided_at,
                            });
                        }
                    } else if include_auto
                        && !needs.value(i)
                        && status.value(i) != "failed"
                        && cat.is_valid(i)
                    {
                        rows.push(TrainingRow {
                            id: id.to_string(),
                            text: text.value(i).to_string(),
                            category: cat.value(i).to_string(),
                            sensitivity: sens.value(i).to_string(),
                            weight: AUTO_WEIGHT,
                            provenance: "auto",
                            reviewer: None,
                            model_id: model.value(i).to_string(),
                            decided_at: DateTime::from_timestamp_micros(at.value(i))
                                .unwrap_or_default(),
                        });
                    }
                }
            }
        }
    }
    let orphans = latest.keys().filter(|id| !seen.contains(*id)).count();
    rows.sort_by(|a, b| a.id.cmp(&b.id));
    Ok((rows, orphans))
}

fn parquet_batch(rows: &[TrainingRow]) -> RecordBatch {
    let utf8 = |n: &str, nullable: bool| Field::new(n, DataType::Utf8, nullable);
    let schema = Arc::new(Schema::new(vec![
        utf8("id", false),
        utf8("text", false),
        utf8("category", false),
        utf8("sensitivity", false),
        Field::new("weight", DataType::Float64, false),
        utf8("provenance", false),
        utf8("reviewer", true),
        utf8("model_id", false),
        Field::new(
            "decided_at",
            DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())),
            false,
        ),
    ]));
    let s = |f: fn(&TrainingRow) -> &str| -> ArrayRef {
        Arc::new(StringArray::from_iter_values(rows.iter().map(f)))
    };
    let columns: Vec<ArrayRef> = vec![
        s(|r| &r.id),
        s(|r| &r.text),
        s(|r| &r.category),
        s(|r| &r.sensitivity),
        Arc::new(Float64Array::from_iter_values(
            rows.iter().map(|r| r.weight),
        )),
        s(|r| r.provenance),
        Arc::new(
            rows.iter()
                .map(|r| r.reviewer.as_deref())
                .collect::<StringArray>(),
        ),
        s(|r| &r.model_id),
        Arc::new(
            TimestampMicrosecondArray::from_iter_values(
                rows.iter().map(|r| r.decided_at.timestamp_micros()),
            )
            .with_timezone("UTC"),
        ),
    ];
    RecordBatch::try_new(schema, columns).expect("columns match the training schema")
}

/// Writes the training file for `outs` to `dest` (atomically). Datasets written with a key need
/// it (`key`).
pub fn export_training(
    outs: &[PathBuf],
    dest: &Path,
    include_auto: bool,
    key: Option<&EncryptionKey>,
) -> Result<ExportSummary> {
    let format = format_of(dest)?;
    let (rows, orphan_reviews) = training_rows(outs, include_auto, key)?;
    match format {
        Format::Jsonl => {
            let mut buf = Vec::new();
            for r in &rows {
                serde_json::to_writer(&mut buf, r).map_err(|e| Error::output(dest, e))?;
                buf.push(b'\n');
            }
            sink::parquet::write_bytes_atomic(dest, &buf)?;
        }
        Format::Parquet => {
            let dir = match dest.parent() {
                Some(p) if !p.as_os_str().is_empty() => p,
                _ => Path::new("."),
            };
            let name = dest.file_name().and_then(|n| n.to_str()).ok_or_else(|| {
                Error::Usage(format!("--out {}: not a file name", dest.display()))
            })?;
            sink::parquet::write_parquet(dir, name, &parquet_batch(&rows))?;
        }
    }
    Ok(ExportSummary {
        path: dest.to_path_buf(),
        reviewed: rows.iter().filter(|r| r.provenance == "review").count(),
        auto: rows.iter().filter(|r| r.provenance == "auto").count(),
        orphan_reviews,
    })
}
