//! `arkiv eval`: a model package measured on labelled text, after the decision rules.
//!
//! Reads JSONL or Parquet rows with `text` and optional `id`, `category` and `sensitivity`;
//! classifies them with the package, applies PII detection and the decision rules exactly as
//! `arkiv run` does, and reports accuracy, macro-F1, per-class figures, confusion matrices,
//! expected calibration error, the review rate and the sensitivity under-call rate.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::path::Path;
use std::sync::Arc;

use arrow::array::{ArrayRef, BooleanArray, Float32Array, ListArray, RecordBatch, StringArray};
use arrow::buffer::OffsetBuffer;
use arrow::datatypes::{DataType, Field, Schema};
use serde::{Deserialize, Serialize};

use crate::classify::Classifier;
use crate::decide::{self, DecideParams};
use crate::error::{Error, Result};
use crate::pii;
use crate::record::{Document, Level, Score};
use crate::sink::schema::{score_list_array, score_list_type};

/// One labelled example.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Example {
    /// Identifier (row number when absent).
    #[serde(default)]
    pub id: Option<String>,
    /// The text.
    pub text: String,
    /// True category, if labelled.
    #[serde(default)]
    pub category: Option<String>,
    /// True sensitivity level, if labelled.
    #[serde(default)]
    pub sensitivity: Option<String>,
}

/// Labels to assume for rows that carry none (e.g. a real corpus known to be all medical).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Assume {
    /// Category for rows without one.
    pub category: Option<String>,
    /// Sensitivity for rows without one.
    pub sensitivity: Option<String>,
}

/// Reads examples from JSONL (`.jsonl`, `.json`) or Parquet (`.parquet`).
pub fn read_examples(path: &Path, assume: &Assume) -> Result<Vec<Example>> {
    let is_parquet = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("parquet"));
    let mut rows = if is_parquet {
        read_parquet(path)?
    } else {
        read_jsonl(path)?
    };
    for (i, row) in rows.iter_mut().enumerate() {
        if row.id.is_none() {
            row.id = Some(format!("row-{}", i + 1));
        }
        if row.category.as_deref().is_none_or(str::is_empty) {
            row.category = assume.category.clone();
        }
        if row.sensitivity.as_deref().is_none_or(str::is_empty) {
            row.sensitivity = assume.sensitivity.clone();
        }
    }
    Ok(rows)
}

fn read_jsonl(path: &Path) -> Result<Vec<Example>> {
    let file = std::fs::File::open(path).map_err(|e| Error::Input {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    let mut rows = Vec::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| Error::Input {
            path: path.to_path_buf(),
            reason: format!("line {}: {e}", n + 1),
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let row: Example = serde_json::from_str(&line).map_err(|e| Error::Input {
            path: path.to_path_buf(),
            reason: format!(
                "line {}: not a JSON object with a `text` field ({e})",
                n + 1
            ),
        })?;
        rows.push(row);
    }
    Ok(rows)
}

fn read_parquet(path: &Path) -> Result<Vec<Example>> {
    use arrow::array::{Array, AsArray};
    let file = std::fs::File::open(path).map_err(|e| Error::Input {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)
        .and_then(|b| b.build())
        .map_err(|e| Error::Input {
            path: path.to_path_buf(),
            reason: format!("not a readable Parquet file: {e}"),
        })?;
    let mut rows = Vec::new();
    for batch in reader {
        let batch = batch.map_err(|e| Error::Input {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })?;
        let column = |name: &str| {
            batch
                .column_by_name(name)
                .and_then(|c| c.as_string_opt::<i32>().cloned())
        };
        let text = column("text").ok_or_else(|| Error::Input {
            path: path.to_path_buf(),
            reason: "no text column of strings".into(),
        })?;
        let (id, cat, sens) = (column("id"), column("category"), column("sensitivity"));
        let get = |c: &Option<StringArray>, i: usize| {
            c.as_ref()
                .filter(|c| c.is_valid(i))
                .map(|c| c.value(i).to_string())
        };
        for i in 0..batch.num_rows() {
            rows.push(Example {
                id: get(&id, i),
                text: if text.is_valid(i) {
                    text.value(i).to_string()
                } else {
                    String::new()
                },
                category: get(&cat, i),
                sensitivity: get(&sens, i),
            });
        }
    }
    Ok(rows)
}

/// Per-class figures.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ClassFigures {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
    /// True examples of the class.
    pub support: u64,
}

/// Figures of one head.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct HeadReport {
    /// Rows with a true label for this head.
    pub labelled: u64,
    /// Accuracy over labelled rows.
    pub accuracy: f64,
    /// Mean F1 over classes that occur in truth or prediction.
    pub macro_f1: f64,
    /// Expected calibration error of the model's confidence (15 bins).
    pub ece: f64,
    /// Per class.
    pub per_class: BTreeMap<String, ClassFigures>,
    /// Confusion matrix: `matrix[true][predicted]` in `labels` order.
    pub confusion_labels: Vec<String>,
    /// Counts.
    pub confusion: Vec<Vec<u64>>,
    /// Predictions per label over all rows.
    pub predicted: BTreeMap<String, u64>,
}

/// The evaluation report.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    /// Model evaluated.
    pub model_id: String,
    /// Rows evaluated.
    pub documents: u64,
    /// Category head.
    pub category: HeadReport,
    /// Final sensitivity (model and rule floor).
    pub sensitivity: HeadReport,
    /// Accuracy of the model's own sensitivity, before the rule floor.
    pub model_sensitivity_accuracy: f64,
    /// Share of rows routed to review.
    pub review_rate: f64,
    /// Rows auto-accepted (not routed to review).
    pub auto_accepted: u64,
    /// Accuracy of the category among auto-accepted labelled rows.
    pub auto_category_accuracy: f64,
    /// Share of auto-accepted rows whose final level is below the true level.
    pub under_call_rate: f64,
    /// Share of labelled rows whose final level is at or above the truth, or that go to review.
    pub safe_rate: f64,
    /// Share of all rows with final level S4 or S5 that are not routed to review.
    pub s4_plus_auto_rate: f64,
    /// Review reasons over all rows.
    pub review_reasons: BTreeMap<String, u64>,
}

/// One row's outcome, as written by `--predictions`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PredictionRow {
    /// Row identifier.
    pub id: String,
    /// True category.
    pub true_category: Option<String>,
    /// True sensitivity.
    pub true_sensitivity: Option<String>,
    /// Predicted category.
    pub category: String,
    /// Its confidence.
    pub category_confidence: f32,
    /// Final sensitivity.
    pub sensitivity: String,
    /// The model's own level.
    pub model_sensitivity: String,
    /// Its confidence.
    pub sensitivity_confidence: f32,
    /// Every category with its calibrated probability, in the model's label order.
    pub category_scores: Vec<Score>,
    /// Every level with its calibrated probability, in the model's label order.
    pub sensitivity_scores: Vec<Score>,
    /// Rule floor.
    pub sensitivity_floor: String,
    /// Reasons for the floor.
    pub sensitivity_reasons: Vec<String>,
    /// What the sensitivity threshold was compared with
    /// ([`decide::sensitivity_review_confidence`]).
    pub sensitivity_review_confidence: Option<f32>,
    /// Routed to review.
    pub needs_review: bool,
    /// Why.
    pub review_reasons: Vec<String>,
}

/// Evaluates `classifier` on `examples`, in batches of `batch` rows.
pub fn evaluate(
    classifier: &mut Classifier,
    examples: &[Example],
    params: &DecideParams,
    batch: usize,
) -> Result<(Report, Vec<PredictionRow>)> {
    let scanner = pii::Scanner::default();
    let mut rows = Vec::with_capacity(examples.len());
    for chunk in examples.chunks(batch.max(1)) {
        let texts: Vec<&str> = chunk.iter().map(|e| e.text.as_str()).collect();
        let predictions = classifier.predict(&texts)?;
        for (example, prediction) in chunk.iter().zip(predictions) {
            let findings = scanner.scan(&example.text);
            let document =
                Document::from_text(example.id.as_deref().unwrap_or_default(), &example.text);
            let decision = decide::decide(
                &document,
                &example.text,
                &findings,
                Some(&prediction),
                params,
            );
            rows.push(PredictionRow {
                id: example.id.clone().unwrap_or_default(),
                true_category: example.category.clone(),
                true_sensitivity: example.sensitivity.clone(),
                category: prediction.category.clone(),
                category_confidence: prediction.category_confidence,
                sensitivity: decision.sensitivity.as_str().to_string(),
                model_sensitivity: prediction.sensitivity.clone(),
                sensitivity_confidence: prediction.sensitivity_confidence,
                category_scores: prediction.category_scores.clone(),
                sensitivity_scores: prediction.sensitivity_scores.clone(),
                sensitivity_floor: decision.floor.as_str().to_string(),
                sensitivity_reasons: decision.sensitivity_reasons,
                sensitivity_review_confidence: decision.sensitivity_review_confidence,
                needs_review: decision.needs_review,
                review_reasons: decision.review_reasons,
            });
        }
    }
    let labels = &classifier.package().labels;
    let report = summarise(
        &classifier.package().model_id,
        &labels.categories,
        &labels.sensitivities,
        &rows,
    );
    Ok((report, rows))
}

fn ratio(n: u64, d: u64) -> f64 {
    if d == 0 { 0.0 } else { n as f64 / d as f64 }
}

fn head_report(label_order: &[String], pairs: &[(Option<&str>, &str, f32)]) -> HeadReport {
    let mut labels: Vec<String> = label_order.to_vec();
    for (t, p, _) in pairs {
        for l in t.iter().chain(std::iter::once(p)) {
            if !labels.iter().any(|x| x == l) {
                labels.push((*l).to_string());
            }
        }
    }
    let index = |l: &str| labels.iter().position(|x| x == l).expect("label listed");
    let n = labels.len();
    let mut confusion = vec![vec![0u64; n]; n];
    let mut predicted = BTreeMap::new();
    let mut labelled = 0u64;
    let mut correct = 0u64;
    let mut bins = vec![(0u64, 0.0f64, 0u64); 15];
    for (t, p, conf) in pairs {
        *predicted.entry((*p).to_string()).or_insert(0) += 1;
        if let Some(t) = t {
            labelled += 1;
            confusion[index(t)][index(p)] += 1;
            let hit = t == p;
            correct += u64::from(hit);
            let b = ((*conf as f64) * 15.0).floor().clamp(0.0, 14.0) as usize;
            bins[b].0 += 1;
            bins[b].1 += f64::from(*conf);
            bins[b].2 += u64::from(hit);
        }
    }
    let ece = bins
        .iter()
        .filter(|b| b.0 > 0)
        .map(|(count, conf_sum, hits)| {
            let c = *count as f64;
            (c / labelled.max(1) as f64) * ((conf_sum / c) - (*hits as f64 / c)).abs()
        })
        .sum::<f64>()
        + 0.0;
    let mut per_class = BTreeMap::new();
    let mut f1s = Vec::new();
    for (i, label) in labels.iter().enumerate() {
        let tp = confusion[i][i];
        let support: u64 = confusion[i].iter().sum();
        let pred: u64 = confusion.iter().map(|r| r[i]).sum();
        if support == 0 && pred == 0 {
            continue;
        }
        let precision = ratio(tp, pred);
        let recall = ratio(tp, support);
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        f1s.push(f1);
        per_class.insert(
            label.clone(),
            ClassFigures {
                precision,
                recall,
                f1,
                support,
            },
        );
    }
    HeadReport {
        labelled,
        accuracy: ratio(correct, labelled),
        macro_f1: if f1s.is_empty() {
            0.0
        } else {
            f1s.iter().sum::<f64>() / f1s.len() as f64
        },
        ece,
        per_class,
        confusion_labels: labels,
        confusion,
        predicted,
    }
}

/// Computes the report from per-row outcomes.
pub fn summarise(
    model_id: &str,
    categories: &[String],
    levels: &[String],
    rows: &[PredictionRow],
) -> Report {
    let cat_pairs: Vec<(Option<&str>, &str, f32)> = rows
        .iter()
        .map(|r| {
            (
                r.true_category.as_deref(),
                r.category.as_str(),
                r.category_confidence,
            )
        })
        .collect();
    let sens_pairs: Vec<(Option<&str>, &str, f32)> = rows
        .iter()
        .map(|r| {
            (
                r.true_sensitivity.as_deref(),
                r.sensitivity.as_str(),
                r.sensitivity_confidence,
            )
        })
        .collect();
    let category = head_report(categories, &cat_pairs);
    let mut sensitivity = head_report(levels, &sens_pairs);
    // Calibration is a property of the model's own level, not of the floor-raised one.
    let model_pairs: Vec<(Option<&str>, &str, f32)> = rows
        .iter()
        .map(|r| {
            (
                r.true_sensitivity.as_deref(),
                r.model_sensitivity.as_str(),
                r.sensitivity_confidence,
            )
        })
        .collect();
    let model_head = head_report(levels, &model_pairs);
    sensitivity.ece = model_head.ece;

    let level = |s: &str| Level::parse(s);
    let auto: Vec<&PredictionRow> = rows.iter().filter(|r| !r.needs_review).collect();
    let auto_labelled_cat: Vec<&&PredictionRow> =
        auto.iter().filter(|r| r.true_category.is_some()).collect();
    let auto_cat_correct = auto_labelled_cat
        .iter()
        .filter(|r| r.true_category.as_deref() == Some(r.category.as_str()))
        .count() as u64;
    let auto_with_truth: Vec<&&PredictionRow> = auto
        .iter()
        .filter(|r| r.true_sensitivity.as_deref().and_then(level).is_some())
        .collect();
    let under = auto_with_truth
        .iter()
        .filter(|r| level(&r.sensitivity) < r.true_sensitivity.as_deref().and_then(level))
        .count() as u64;
    let labelled_sens: Vec<&PredictionRow> = rows
        .iter()
        .filter(|r| r.true_sensitivity.as_deref().and_then(level).is_some())
        .collect();
    let safe = labelled_sens
        .iter()
        .filter(|r| {
            r.needs_review || level(&r.sensitivity) >= r.true_sensitivity.as_deref().and_then(level)
        })
        .count() as u64;
    let s4_auto = auto
        .iter()
        .filter(|r| level(&r.sensitivity).is_some_and(|l| l >= Level::S4))
        .count() as u64;
    let mut review_reasons = BTreeMap::new();
    for r in rows {
        for reason in &r.review_reasons {
            *review_reasons.entry(reason.clone()).or_insert(0) += 1;
        }
    }
    let n = rows.len() as u64;
    Report {
        model_id: model_id.to_string(),
        documents: n,
        category,
        sensitivity,
        model_sensitivity_accuracy: model_head.accuracy,
        review_rate: ratio(n - auto.len() as u64, n),
        auto_accepted: auto.len() as u64,
        auto_category_accuracy: ratio(auto_cat_correct, auto_labelled_cat.len() as u64),
        under_call_rate: ratio(under, auto_with_truth.len() as u64),
        safe_rate: ratio(safe, labelled_sens.len() as u64),
        s4_plus_auto_rate: ratio(s4_auto, n),
        review_reasons,
    }
}

/// Human-readable report.
pub fn render(report: &Report) -> String {
    let pct = |v: f64| format!("{:.2}%", v * 100.0);
    let mut s = format!(
        "model {}\n{} documents; review rate {}; auto-accepted {}\n",
        report.model_id,
        report.documents,
        pct(report.review_rate),
        report.auto_accepted
    );
    for (name, head) in [
        ("category", &report.category),
        ("sensitivity (final)", &report.sensitivity),
    ] {
        s.push_str(&format!(
            "\n{name}: labelled {}  accuracy {}  macro-F1 {:.4}  ECE {:.4}\n",
            head.labelled,
            pct(head.accuracy),
            head.macro_f1,
            head.ece
        ));
        s.push_str(&format!(
            "  {:<20} {:>9} {:>9} {:>9} {:>8}\n",
            "class", "precision", "recall", "F1", "support"
        ));
        for (label, f) in &head.per_class {
            s.push_str(&format!(
                "  {:<20} {:>9.4} {:>9.4} {:>9.4} {:>8}\n",
                label, f.precision, f.recall, f.f1, f.support
            ));
        }
        let preds: Vec<String> = head
            .predicted
            .iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect();
        s.push_str(&format!("  predicted: {}\n", preds.join(", ")));
        if head.labelled > 0 {
            s.push_str("  confusion (rows = truth, columns = predicted):\n");
            s.push_str(&format!("  {:<20}", ""));
            for l in &head.confusion_labels {
                s.push_str(&format!(" {:>6.6}", l));
            }
            s.push('\n');
            for (l, row) in head.confusion_labels.iter().zip(&head.confusion) {
                if row.iter().sum::<u64>() == 0 {
                    continue;
                }
                s.push_str(&format!("  {:<20}", l));
                for v in row {
                    s.push_str(&format!(" {:>6}", v));
                }
                s.push('\n');
            }
        }
    }
    s.push_str(&format!(
        "\nmodel sensitivity accuracy (before rule floor): {}\n\
         sensitivity under-call among auto-accepted: {}\n\
         at or above true level, or routed to review: {}\n\
         S4/S5 auto-accepted (not reviewed): {}\n\
         category accuracy among auto-accepted: {}\n",
        pct(report.model_sensitivity_accuracy),
        pct(report.under_call_rate),
        pct(report.safe_rate),
        pct(report.s4_plus_auto_rate),
        pct(report.auto_category_accuracy),
    ));
    let reasons: Vec<String> = report
        .review_reasons
        .iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect();
    s.push_str(&format!("review reasons: {}\n", reasons.join(", ")));
    s
}

/// Writes per-row outcomes as JSONL, or Parquet when the path ends in `.parquet`.
pub fn write_predictions(path: &Path, rows: &[PredictionRow]) -> Result<()> {
    let is_parquet = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("parquet"));
    if !is_parquet {
        let mut out = Vec::new();
        for r in rows {
            serde_json::to_writer(&mut out, r).map_err(|e| Error::output(path, e))?;
            out.push(b'\n');
        }
        let mut file = std::fs::File::create(path).map_err(|e| Error::output(path, e))?;
        return file.write_all(&out).map_err(|e| Error::output(path, e));
    }
    let strings = |f: &dyn Fn(&PredictionRow) -> Option<&str>| -> ArrayRef {
        Arc::new(rows.iter().map(f).collect::<StringArray>())
    };
    let lists = |f: &dyn Fn(&PredictionRow) -> &Vec<String>| -> ArrayRef {
        let offsets = OffsetBuffer::from_lengths(rows.iter().map(|r| f(r).len()));
        let values = StringArray::from_iter_values(rows.iter().flat_map(|r| f(r).iter()));
        Arc::new(ListArray::new(
            Arc::new(Field::new("item", DataType::Utf8, false)),
            offsets,
            Arc::new(values),
            None,
        ))
    };
    let list_type = DataType::List(Arc::new(Field::new("item", DataType::Utf8, false)));
    let schema = Arc::new(Schema::new(vec![
        Field::new("id", DataType::Utf8, true),
        Field::new("true_category", DataType::Utf8, true),
        Field::new("true_sensitivity", DataType::Utf8, true),
        Field::new("category", DataType::Utf8, true),
        Field::new("category_confidence", DataType::Float32, false),
        Field::new("sensitivity", DataType::Utf8, true),
        Field::new("model_sensitivity", DataType::Utf8, true),
        Field::new("sensitivity_confidence", DataType::Float32, false),
        Field::new("category_scores", score_list_type(), false),
        Field::new("sensitivity_scores", score_list_type(), false),
        Field::new("sensitivity_floor", DataType::Utf8, true),
        Field::new("sensitivity_reasons", list_type.clone(), false),
        Field::new("sensitivity_review_confidence", DataType::Float32, true),
        Field::new("needs_review", DataType::Boolean, false),
        Field::new("review_reasons", list_type, false),
    ]));
    let columns: Vec<ArrayRef> = vec![
        strings(&|r| Some(r.id.as_str())),
        strings(&|r| r.true_category.as_deref()),
        strings(&|r| r.true_sensitivity.as_deref()),
        strings(&|r| Some(r.category.as_str())),
        Arc::new(Float32Array::from_iter_values(
            rows.iter().map(|r| r.category_confidence),
        )),
        strings(&|r| Some(r.sensitivity.as_str())),
        strings(&|r| Some(r.model_sensitivity.as_str())),
        Arc::new(Float32Array::from_iter_values(
            rows.iter().map(|r| r.sensitivity_confidence),
        )),
        score_list_array(
            rows.iter()
                .map(|r| r.category_scores.iter().collect())
                .collect(),
        ),
        score_list_array(
            rows.iter()
                .map(|r| r.sensitivity_scores.iter().collect())
                .collect(),
        ),
        strings(&|r| Some(r.sensitivity_floor.as_str())),
        lists(&|r| &r.sensitivity_reasons),
        Arc::new(Float32Array::from_iter(
            rows.iter().map(|r| r.sensitivity_review_confidence),
        )),
        Arc::new(BooleanArray::from_iter(
            rows.iter().map(|r| Some(r.needs_review)),
        )),
        lists(&|r| &r.review_reasons),
    ];
    let batch = RecordBatch::try_new(schema, columns).map_err(|e| Error::output(path, e))?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    crate::sink::parquet::write_parquet(dir, &name, &batch).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow::array::Array;

    fn row(tc: &str, pc: &str, ts: &str, ps: &str, review: bool) -> PredictionRow {
        PredictionRow {
            id: "x".into(),
            true_category: Some(tc.into()),
            true_sensitivity: Some(ts.into()),
            category: pc.into(),
            category_confidence: 0.9,
            sensitivity: ps.into(),
            model_sensitivity: ps.into(),
            sensitivity_confidence: 0.9,
            category_scores: vec![],
            sensitivity_scores: vec![],
            sensitivity_floor: "S1".into(),
            sensitivity_reasons: vec![],
            sensitivity_review_confidence: Some(0.9),
            needs_review: review,
            review_reasons: if review { vec!["r".into()] } else { vec![] },
        }
    }

    #[test]
    fn parquet_predictions_carry_every_score() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rows.parquet");
        let mut r = row("medical", "medical", "S4", "S4", false);
        r.category_scores = vec![
            Score {
                label: "medical".into(),
                score: 0.75,
            },
            Score {
                label: "finance".into(),
                score: 0.25,
            },
        ];
        write_predictions(&path, &[r.clone(), r]).unwrap();
        let file = std::fs::File::open(&path).unwrap();
        let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)
            .unwrap()
            .build()
            .unwrap();
        let batch = reader.map(|b| b.unwrap()).next().unwrap();
        let scores = batch
            .column_by_name("category_scores")
            .unwrap()
            .as_any()
            .downcast_ref::<ListArray>()
            .unwrap();
        assert_eq!(scores.len(), 2);
        assert_eq!(scores.value(1).len(), 2);
        assert!(batch.column_by_name("sensitivity_scores").is_some());
    }

    #[test]
    fn figures_add_up() {
        let cats = vec!["medical".to_string(), "finance".to_string()];
        let levels: Vec<String> = ["S1", "S2", "S3", "S4", "S5"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let rows = vec![
            row("medical", "medical", "S4", "S4", false),
            row("medical", "finance", "S4", "S2", false),
            row("finance", "finance", "S2", "S2", false),
            row("finance", "finance", "S2", "S1", true),
        ];
        let r = summarise("m", &cats, &levels, &rows);
        assert_eq!(r.documents, 4);
        assert!((r.category.accuracy - 0.75).abs() < 1e-9);
        assert!((r.review_rate - 0.25).abs() < 1e-9);
        // Of three auto-accepted rows, one (S4 called S2) is under-called.
        assert!((r.under_call_rate - 1.0 / 3.0).abs() < 1e-9);
        // The reviewed S1-for-S2 row counts as safe; the S2-for-S4 row does not.
        assert!((r.safe_rate - 0.75).abs() < 1e-9);
        assert_eq!(r.category.confusion[0], vec![1, 1]);
        let medical = &r.category.per_class["medical"];
        assert!((medical.recall - 0.5).abs() < 1e-9 && (medical.precision - 1.0).abs() < 1e-9);
        // All confidences are 0.9 and accuracy 0.75: ECE is 0.15.
        assert!((r.category.ece - 0.15).abs() < 1e-6);
    }
}
