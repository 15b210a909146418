//! The model package on disk (SPEC §6): `model.onnx`, `tokenizer.json`, `labels.json`.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// Per-head values (temperatures).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PerHead {
    /// Category head.
    pub category: f32,
    /// Sensitivity head.
    pub sensitivity: f32,
}

/// Minimum calibrated confidences for a document to be auto-accepted (SPEC §4).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Thresholds {
    /// Category head: the top category's probability.
    pub category: f32,
    /// Sensitivity head: the probability that the final level is not an under-call
    /// ([`crate::decide::sensitivity_review_confidence`]).
    pub sensitivity: f32,
    /// An S4 or S5 that only the model asserts (the rule floor is lower) needs the model's
    /// probability of S4 or S5 to reach this; absent in older packages, where `sensitivity`
    /// stands in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sensitivity_unsupported: Option<f32>,
}

/// `labels.json`: label lists in output order and calibration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Labels {
    /// Model name.
    pub name: String,
    /// Model version.
    pub version: String,
    /// Category codes in the order of `category_logits`.
    pub categories: Vec<String>,
    /// Sensitivity codes (`S1`…) in the order of `sensitivity_logits`.
    pub sensitivities: Vec<String>,
    /// Softmax temperature per head, fitted on validation data.
    pub temperatures: PerHead,
    /// Minimum calibrated confidences for a document to be auto-accepted.
    pub thresholds: Thresholds,
    /// Tokens per window.
    pub max_length: usize,
    /// Token id used for padding.
    #[serde(default)]
    pub pad_id: u32,
}

/// A model package read from disk.
#[derive(Debug, Clone)]
pub struct ModelPackage {
    /// The package directory.
    pub dir: PathBuf,
    /// `labels.json`.
    pub labels: Labels,
    /// Path of `model.onnx`.
    pub model_path: PathBuf,
    /// Path of `tokenizer.json`.
    pub tokenizer_path: PathBuf,
    /// `name@version+sha256:<hex>` of the ONNX file, written to every row.
    pub model_id: String,
}

impl ModelPackage {
    /// Reads and checks a package directory.
    pub fn open(dir: &Path) -> Result<Self> {
        let labels_path = dir.join("labels.json");
        let raw = std::fs::read(&labels_path).map_err(|e| {
            Error::model(
                dir,
                format!("cannot read labels.json ({e}); is this a model package folder?"),
            )
        })?;
        let labels: Labels = serde_json::from_slice(&raw)
            .map_err(|e| Error::model(dir, format!("labels.json is invalid: {e}")))?;
        validate(&labels).map_err(|reason| Error::model(dir, reason))?;
        let model_path = dir.join("model.onnx");
        let tokenizer_path = dir.join("tokenizer.json");
        for p in [&model_path, &tokenizer_path] {
            if !p.is_file() {
                return Err(Error::model(dir, format!("{} is missing", p.display())));
            }
        }
        let bytes = std::fs::read(&model_path)
            .map_err(|e| Error::model(dir, format!("cannot read model.onnx: {e}")))?;
        let digest = hex::encode(Sha256::digest(&bytes));
        let model_id = format!("{}@{}+sha256:{}", labels.name, labels.version, digest);
        Ok(ModelPackage {
            dir: dir.to_path_buf(),
            labels,
            model_path,
            tokenizer_path,
            model_id,
        })
    }
}

fn validate(labels: &Labels) -> std::result::Result<(), String> {
    if labels.categories.is_empty() {
        return Err("labels.json lists no categories".into());
    }
    if labels.sensitivities.is_empty() {
        return Err("labels.json lists no sensitivity levels".into());
    }
    for s in &labels.sensitivities {
        if crate::record::Level::parse(s).is_none() {
            return Err(format!(
                "labels.json: sensitivity `{s}` is not one of S1…S5"
            ));
        }
    }
    for (head, t) in [
        ("category", labels.temperatures.category),
        ("sensitivity", labels.temperatures.sensitivity),
    ] {
        if !(t.is_finite() && t > 0.0) {
            return Err(format!(
                "labels.json: temperature of {head} must be positive"
            ));
        }
    }
    let t = &labels.thresholds;
    for (name, v) in [
        ("category", Some(t.category)),
        ("sensitivity", Some(t.sensitivity)),
        ("sensitivity_unsupported", t.sensitivity_unsupported),
    ] {
        if v.is_some_and(|v| !(0.0..=1.0).contains(&v)) {
            return Err(format!(
                "labels.json: threshold `{name}` must be between 0 and 1"
            ));
        }
    }
    if labels.max_length < 2 {
        return Err("labels.json: max_length must be at least 2".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels() -> Labels {
        Labels {
            name: "t".into(),
            version: "1".into(),
            categories: vec!["medical".into()],
            sensitivities: vec!["S1".into(), "S4".into()],
            temperatures: PerHead {
                category: 1.0,
                sensitivity: 1.0,
            },
            thresholds: Thresholds {
                category: 0.5,
                sensitivity: 0.5,
                sensitivity_unsupported: None,
            },
            max_length: 16,
            pad_id: 0,
        }
    }

    #[test]
    fn validates_labels() {
        assert!(validate(&labels()).is_ok());
        let mut bad = labels();
        bad.sensitivities.push("S9".into());
        assert!(validate(&bad).unwrap_err().contains("S9"));
        let mut bad = labels();
        bad.temperatures.category = 0.0;
        assert!(validate(&bad).is_err());
        let mut bad = labels();
        bad.thresholds.sensitivity_unsupported = Some(1.5);
        assert!(
            validate(&bad)
                .unwrap_err()
                .contains("sensitivity_unsupported")
        );
    }

    #[test]
    fn missing_package_says_what_is_wrong() {
        let err = ModelPackage::open(Path::new("/nonexistent/model")).unwrap_err();
        assert!(err.to_string().contains("labels.json"), "{err}");
    }
}
