//! The documents of a dataset as the review app needs them: labels, scores, reasons and masked
//! text in memory; unmasked text read from the Parquet file only when asked for.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use arrow::array::{Array, AsArray, GenericListArray, RecordBatch, StringArray};
use arrow::datatypes::Float32Type;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::record::Level;
use crate::sink::{self, EncryptionKey, read};

/// The default taxonomy (SPEC §2), used when the dataset holds no category scores.
pub const DEFAULT_CATEGORIES: [&str; 10] = [
    "medical",
    "research_teaching",
    "administrative",
    "personnel",
    "finance",
    "construction",
    "equipment",
    "fire_safety",
    "heritage",
    "secrecy",
];

/// A label and its calibrated probability.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LabelScore {
    /// Label code.
    pub label: String,
    /// Probability.
    pub score: f32,
}

/// One document row, without its unmasked text.
#[derive(Debug, Clone, Serialize)]
pub struct DocEntry {
    /// sha256 of the source file.
    pub doc_id: String,
    /// Where the file was read from.
    pub source_path: String,
    /// IANA media type.
    pub media_type: String,
    /// Pages in the document.
    pub page_count: u32,
    /// ok, partial or failed.
    pub status: String,
    /// Why it (partly) failed.
    pub error: Option<String>,
    /// Mean OCR confidence.
    pub ocr_confidence: Option<f32>,
    /// Text with personal data masked.
    pub text_masked: String,
    /// Predicted category.
    pub category: Option<String>,
    /// Its probability.
    pub category_confidence: Option<f32>,
    /// All categories with probabilities.
    pub category_scores: Vec<LabelScore>,
    /// Final sensitivity (model and rule floor).
    pub sensitivity: Level,
    /// Model's sensitivity probability.
    pub sensitivity_confidence: Option<f32>,
    /// All levels with probabilities.
    pub sensitivity_scores: Vec<LabelScore>,
    /// Rule floor.
    pub sensitivity_floor: String,
    /// Why the floor is where it is.
    pub sensitivity_reasons: Vec<String>,
    /// Whether the pipeline sent it to review.
    pub needs_review: bool,
    /// Why.
    pub review_reasons: Vec<String>,
    /// Higher is more urgent.
    pub review_priority: f32,
    /// Model that predicted.
    pub model_id: String,
    /// Run that wrote the row.
    pub run_id: String,
    #[serde(skip)]
    file: usize,
}

/// All documents of a dataset.
#[derive(Debug)]
pub struct Dataset {
    out: PathBuf,
    files: Vec<PathBuf>,
    docs: Vec<DocEntry>,
    index: HashMap<String, usize>,
    categories: Vec<String>,
    key: Option<EncryptionKey>,
}

const COLUMNS: [&str; 21] = [
    "doc_id",
    "source_path",
    "media_type",
    "page_count",
    "status",
    "error",
    "ocr_confidence",
    "text_masked",
    "category",
    "category_confidence",
    "category_scores",
    "sensitivity",
    "sensitivity_confidence",
    "sensitivity_scores",
    "sensitivity_floor",
    "sensitivity_reasons",
    "needs_review",
    "review_reasons",
    "review_priority",
    "model_id",
    "run_id",
];

impl Dataset {
    /// Loads `OUT/documents/*.parquet`. A document written twice (a forced rerun) keeps its last
    /// row in file-name order.
    pub fn load(out: &Path) -> Result<Dataset> {
        let files = sink::table_files(out, sink::DOCUMENTS_DIR);
        if files.is_empty() {
            return Err(Error::output(
                out,
                "no documents/*.parquet here; give the --out folder of an `arkiv run`",
            ));
        }
        let mut ds = Dataset {
            out: out.to_path_buf(),
            files: files.clone(),
            docs: Vec::new(),
            index: HashMap::new(),
            categories: Vec::new(),
            key: None,
        };
        for (i, file) in files.iter().enumerate() {
            for batch in read::read_columns(file, &COLUMNS, None)? {
                ds.add_batch(file, i, &batch)?;
            }
        }
        ds.categories = ds
            .docs
            .iter()
            .find(|d| !d.category_scores.is_empty())
            .map(|d| d.category_scores.iter().map(|s| s.label.clone()).collect())
            .unwrap_or_else(|| DEFAULT_CATEGORIES.iter().map(|s| s.to_string()).collect());
        Ok(ds)
    }

    fn add_batch(&mut self, file: &Path, file_index: usize, batch: &RecordBatch) -> Result<()> {
        let bad = |c: &str| Error::output(file, format!("column `{c}` has an unexpected type"));
        let missing = arrow::array::new_null_array(&arrow::datatypes::DataType::Null, 0);
        let col = |name: &str| batch.column_by_name(name).unwrap_or(&missing);
        let text = |name: &'static str| col(name).as_string_opt::<i32>().ok_or_else(|| bad(name));
        let float = |name: &'static str| {
            col(name)
                .as_primitive_opt::<Float32Type>()
                .ok_or_else(|| bad(name))
        };
        let list = |name: &'static str| col(name).as_list_opt::<i32>().ok_or_else(|| bad(name));
        let (doc_id, source_path, media_type, status, error) = (
            text("doc_id")?,
            text("source_path")?,
            text("media_type")?,
            text("status")?,
            text("error")?,
        );
        let page_count = col("page_count")
            .as_primitive_opt::<arrow::datatypes::Int32Type>()
            .ok_or_else(|| bad("page_count"))?;
        let (ocr, masked, category, cat_conf) = (
            float("ocr_confidence")?,
            text("text_masked")?,
            text("category")?,
            float("category_confidence")?,
        );
        let (cat_scores, sens, sens_conf, sens_scores) = (
            list("category_scores")?,
            text("sensitivity")?,
            float("sensitivity_confidence")?,
            list("sensitivity_scores")?,
        );
        let (floor, sens_reasons, review_reasons, priority) = (
            text("sensitivity_floor")?,
            list("sensitivity_reasons")?,
            list("review_reasons")?,
            float("review_priority")?,
        );
        let needs_review = col("needs_review")
            .as_boolean_opt()
            .ok_or_else(|| bad("needs_review"))?;
        let (model_id, run_id) = (text("model_id")?, text("run_id")?);
        let opt_f = |a: &arrow::array::Float32Array, i: usize| a.is_valid(i).then(|| a.value(i));
        let opt_s = |a: &StringArray, i: usize| a.is_valid(i).then(|| a.value(i).to_string());
        for i in 0..batch.num_rows() {
            let entry = DocEntry {
                doc_id: doc_id.value(i).to_string(),
                source_path: source_path.value(i).to_string(),
                media_type: media_type.value(i).to_string(),
                page_count: u32::try_from(page_count.value(i)).unwrap_or(0),
                status: status.value(i).to_string(),
                error: opt_s(error, i),
                ocr_confidence: opt_f(ocr, i),
                text_masked: masked.value(i).to_string(),
                category: opt_s(category, i),
                category_confidence: opt_f(cat_conf, i),
                category_scores: scores(cat_scores, i).ok_or_else(|| bad("category_scores"))?,
                sensitivity: Level::parse(sens.value(i)).unwrap_or(Level::S5),
                sensitivity_confidence: opt_f(sens_conf, i),
                sensitivity_scores: scores(sens_scores, i)
                    .ok_or_else(|| bad("sensitivity_scores"))?,
                sensitivity_floor: floor.value(i).to_string(),
                sensitivity_reasons: string_list(sens_reasons, i)
                    .ok_or_else(|| bad("sensitivity_reasons"))?,
                needs_review: needs_review.value(i),
                review_reasons: string_list(review_reasons, i)
                    .ok_or_else(|| bad("review_reasons"))?,
                review_priority: priority.value(i),
                model_id: model_id.value(i).to_string(),
                run_id: run_id.value(i).to_string(),
                file: file_index,
            };
            match self.index.get(&entry.doc_id) {
                Some(&at) => self.docs[at] = entry,
                None => {
                    self.index.insert(entry.doc_id.clone(), self.docs.len());
                    self.docs.push(entry);
                }
            }
        }
        Ok(())
    }

    /// The dataset folder.
    pub fn out(&self) -> &Path {
        &self.out
    }

    /// Every document, in file order.
    pub fn docs(&self) -> &[DocEntry] {
        &self.docs
    }

    /// A document by id.
    pub fn get(&self, doc_id: &str) -> Option<&DocEntry> {
        self.index.get(doc_id).map(|&i| &self.docs[i])
    }

    /// Category codes in the model's label order (keys 1–0 pick them in this order).
    pub fn categories(&self) -> &[String] {
        &self.categories
    }

    /// Distinct run ids, sorted.
    pub fn runs(&self) -> Vec<String> {
        let runs: BTreeMap<&str, ()> = self.docs.iter().map(|d| (d.run_id.as_str(), ())).collect();
        runs.into_keys().map(String::from).collect()
    }

    /// Sets the key that decrypts the unmasked text of a dataset written with one (the masked
    /// columns the queue needs are readable without it).
    pub fn set_key(&mut self, key: Option<EncryptionKey>) {
        self.key = key;
    }

    /// The unmasked text of a document, read from its Parquet file.
    pub fn unmasked_text(&self, doc: &DocEntry) -> Result<String> {
        let file = &self.files[doc.file];
        let mut found = None;
        for batch in read::read_columns(file, &["doc_id", "text"], self.key.as_ref())? {
            let (Some(ids), Some(texts)) = (
                batch
                    .column_by_name("doc_id")
                    .and_then(|c| c.as_string_opt::<i32>()),
                batch
                    .column_by_name("text")
                    .and_then(|c| c.as_string_opt::<i32>()),
            ) else {
                return Err(Error::output(
                    file,
                    "columns doc_id/text have an unexpected type",
                ));
            };
            for i in 0..batch.num_rows() {
                if ids.value(i) == doc.doc_id {
                    found = Some(texts.value(i).to_string());
                }
            }
        }
        found.ok_or_else(|| Error::output(file, format!("document {} not found", doc.doc_id)))
    }
}

fn scores(list: &GenericListArray<i32>, i: usize) -> Option<Vec<LabelScore>> {
    let values = list.value(i);
    let items = values.as_struct_opt()?;
    let labels = items.column_by_name("label")?.as_string_opt::<i32>()?;
    let probs = items
        .column_by_name("score")?
        .as_primitive_opt::<Float32Type>()?;
    Some(
        (0..items.len())
            .map(|j| LabelScore {
                label: labels.value(j).to_string(),
                score: probs.value(j),
            })
            .collect(),
    )
}

fn string_list(list: &GenericListArray<i32>, i: usize) -> Option<Vec<String>> {
    let values = list.value(i);
    let strings = values.as_string_opt::<i32>()?;
    Some(
        (0..strings.len())
            .map(|j| strings.value(j).to_string())
            .collect(),
    )
}
