//! Classification: model package, tokenizer, ONNX session, windowing and calibration.
//!
//! Any model honouring the contract of SPEC §6 plugs in: inputs `input_ids` and
//! `attention_mask` (int64, `[batch, seq]`), outputs `category_logits` and `sensitivity_logits`
//! (float32). Long documents are cut into windows of `max_length` tokens; the windows' logits are
//! combined (mean for category, maximum for sensitivity, so that one sensitive page is enough),
//! divided by the head's temperature and turned into probabilities.

mod package;

use std::borrow::Cow;

use ndarray::Array2;
use ort::session::Session;
use ort::session::builder::GraphOptimizationLevel;
use ort::value::Tensor;
use tokenizers::Tokenizer;
use unicode_normalization::UnicodeNormalization;

pub use package::{Labels, ModelPackage, PerHead, Thresholds};

use crate::error::{Error, Result};
use crate::record::{Prediction, Score};

/// Settings for running the classifier.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClassifyParams {
    /// Windows per ONNX call (default 32).
    pub batch_size: usize,
    /// Threads ONNX Runtime may use inside one call (default 1: OCR workers own the cores).
    pub threads: usize,
}

impl Default for ClassifyParams {
    fn default() -> Self {
        ClassifyParams {
            batch_size: 32,
            threads: 1,
        }
    }
}

/// A loaded model, ready to classify texts.
pub struct Classifier {
    package: ModelPackage,
    tokenizer: Tokenizer,
    session: Session,
    params: ClassifyParams,
}

impl std::fmt::Debug for Classifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Classifier")
            .field("model_id", &self.package.model_id)
            .finish()
    }
}

/// Logits of one document, before calibration.
#[derive(Debug, Clone, PartialEq)]
pub struct Logits {
    /// Category logits (mean over windows).
    pub category: Vec<f32>,
    /// Sensitivity logits (maximum over windows).
    pub sensitivity: Vec<f32>,
}

impl Classifier {
    /// Loads the package in `dir`. ONNX Runtime must be initialised first
    /// ([`crate::runtime::init`]).
    pub fn load(dir: &std::path::Path, params: ClassifyParams) -> Result<Self> {
        let package = ModelPackage::open(dir)?;
        let tokenizer = Tokenizer::from_file(&package.tokenizer_path)
            .map_err(|e| Error::model(dir, format!("tokenizer.json cannot be loaded: {e}")))?;
        let options_err =
            |e: ort::Error<_>| Error::model(dir, format!("ONNX session options: {e}"));
        let session = Session::builder(crate::runtime::environment()?)
            .map_err(|e| Error::model(dir, format!("ONNX session: {e}")))?
            .with_optimization_level(GraphOptimizationLevel::Level3)
            .map_err(options_err)?
            .with_intra_threads(params.threads.max(1))
            .map_err(options_err)?
            .with_inter_threads(1)
            .map_err(options_err)?
            .commit_from_file(&package.model_path)
            .map_err(|e| Error::model(dir, format!("model.onnx cannot be loaded: {e}")))?;
        let classifier = Classifier {
            package,
            tokenizer,
            session,
            params,
        };
        classifier.check_contract()?;
        Ok(classifier)
    }

    fn check_contract(&self) -> Result<()> {
        let inputs: Vec<&str> = self.session.inputs().iter().map(|i| i.name()).collect();
        let outputs: Vec<&str> = self.session.outputs().iter().map(|o| o.name()).collect();
        for name in ["input_ids", "attention_mask"] {
            if !inputs.contains(&name) {
                return Err(Error::model(
                    &self.package.dir,
                    format!("model.onnx has no input `{name}` (inputs: {inputs:?}); see SPEC §6"),
                ));
            }
        }
        for name in ["category_logits", "sensitivity_logits"] {
            if !outputs.contains(&name) {
                return Err(Error::model(
                    &self.package.dir,
                    format!(
                        "model.onnx has no output `{name}` (outputs: {outputs:?}); see SPEC §6"
                    ),
                ));
            }
        }
        Ok(())
    }

    /// The package in use.
    pub fn package(&self) -> &ModelPackage {
        &self.package
    }

    /// Classifies texts, calibrated.
    pub fn predict(&mut self, texts: &[&str]) -> Result<Vec<Prediction>> {
        let logits = self.logits(texts)?;
        let labels = &self.package.labels;
        Ok(logits.iter().map(|l| calibrate(labels, l)).collect())
    }

    /// Raw combined logits per text (for evaluation and calibration fitting).
    pub fn logits(&mut self, texts: &[&str]) -> Result<Vec<Logits>> {
        let max_len = self.package.labels.max_length;
        let pad = i64::from(self.package.labels.pad_id);
        let mut windows: Vec<(usize, Vec<i64>)> = Vec::new();
        for (doc, text) in texts.iter().enumerate() {
            let ids = self.encode(text)?;
            if ids.is_empty() {
                windows.push((doc, vec![pad]));
            } else {
                windows.extend(ids.chunks(max_len).map(|c| (doc, c.to_vec())));
            }
        }
        let n_cat = self.package.labels.categories.len();
        let n_sens = self.package.labels.sensitivities.len();
        let mut out: Vec<(Vec<f32>, Vec<f32>, usize)> = texts
            .iter()
            .map(|_| (vec![0.0; n_cat], vec![f32::NEG_INFINITY; n_sens], 0usize))
            .collect();
        for batch in windows.chunks(self.params.batch_size.max(1)) {
            let (cat, sens) = self.run_batch(batch, pad)?;
            for (i, (doc, _)) in batch.iter().enumerate() {
                let slot = &mut out[*doc];
                for (acc, v) in slot.0.iter_mut().zip(&cat[i * n_cat..(i + 1) * n_cat]) {
                    *acc += v;
                }
                for (acc, v) in slot.1.iter_mut().zip(&sens[i * n_sens..(i + 1) * n_sens]) {
                    *acc = acc.max(*v);
                }
                slot.2 += 1;
            }
        }
        Ok(out
            .into_iter()
            .map(|(cat, sens, n)| Logits {
                category: cat.into_iter().map(|v| v / n.max(1) as f32).collect(),
                sensitivity: sens,
            })
            .collect())
    }

    fn encode(&self, text: &str) -> Result<Vec<i64>> {
        let normalized: Cow<str> = Cow::Owned(text.nfkc().collect());
        let encoding = self
            .tokenizer
            .encode(normalized.as_ref(), true)
            .map_err(|e| Error::model(&self.package.dir, format!("tokenizer failed: {e}")))?;
        Ok(encoding.get_ids().iter().map(|&i| i64::from(i)).collect())
    }

    fn run_batch(&mut self, batch: &[(usize, Vec<i64>)], pad: i64) -> Result<(Vec<f32>, Vec<f32>)> {
        let seq = batch.iter().map(|(_, ids)| ids.len()).max().unwrap_or(1);
        let mut ids = Array2::<i64>::from_elem((batch.len(), seq), pad);
        let mut mask = Array2::<i64>::zeros((batch.len(), seq));
        for (row, (_, window)) in batch.iter().enumerate() {
            for (col, &id) in window.iter().enumerate() {
                ids[[row, col]] = id;
                mask[[row, col]] = 1;
            }
        }
        let dir = self.package.dir.clone();
        let err = |e: ort::Error| Error::model(&dir, format!("inference failed: {e}"));
        let ids = Tensor::from_array(ids).map_err(err)?;
        let mask = Tensor::from_array(mask).map_err(err)?;
        let outputs = self
            .session
            .run(ort::inputs!["input_ids" => ids, "attention_mask" => mask])
            .map_err(err)?;
        let (_, cat) = outputs["category_logits"]
            .try_extract_tensor::<f32>()
            .map_err(err)?;
        let (_, sens) = outputs["sensitivity_logits"]
            .try_extract_tensor::<f32>()
            .map_err(err)?;
        let n_cat = self.package.labels.categories.len();
        let n_sens = self.package.labels.sensitivities.len();
        if cat.len() != batch.len() * n_cat || sens.len() != batch.len() * n_sens {
            return Err(Error::model(
                &dir,
                format!(
                    "model outputs have {} and {} values for {} windows; labels.json lists {n_cat} categories and {n_sens} levels",
                    cat.len(),
                    sens.len(),
                    batch.len()
                ),
            ));
        }
        Ok((cat.to_vec(), sens.to_vec()))
    }
}

/// Temperature-scaled softmax of both heads.
pub fn calibrate(labels: &Labels, logits: &Logits) -> Prediction {
    let cat = softmax(&logits.category, labels.temperatures.category);
    let sens = softmax(&logits.sensitivity, labels.temperatures.sensitivity);
    let scores = |names: &[String], probs: &[f32]| -> Vec<Score> {
        names
            .iter()
            .zip(probs)
            .map(|(label, &score)| Score {
                label: label.clone(),
                score,
            })
            .collect()
    };
    let category_scores = scores(&labels.categories, &cat);
    let sensitivity_scores = scores(&labels.sensitivities, &sens);
    let top = |s: &[Score]| {
        s.iter()
            .max_by(|a, b| a.score.total_cmp(&b.score))
            .cloned()
            .unwrap_or(Score {
                label: String::new(),
                score: 0.0,
            })
    };
    let c = top(&category_scores);
    let s = top(&sensitivity_scores);
    Prediction {
        category: c.label,
        category_confidence: c.score,
        category_scores,
        sensitivity: s.label,
        sensitivity_confidence: s.score,
        sensitivity_scores,
    }
}

/// Softmax of `logits / temperature`, numerically stable.
pub fn softmax(logits: &[f32], temperature: f32) -> Vec<f32> {
    let t = if temperature > 0.0 { temperature } else { 1.0 };
    let max = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let exps: Vec<f32> = logits.iter().map(|&l| ((l - max) / t).exp()).collect();
    let sum: f32 = exps.iter().sum();
    exps.into_iter().map(|e| e / sum).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn softmax_is_a_distribution_and_temperature_flattens() {
        let p = softmax(&[2.0, 1.0, 0.0], 1.0);
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-6);
        assert!(p[0] > p[1] && p[1] > p[2]);
        let flat = softmax(&[2.0, 1.0, 0.0], 4.0);
        assert!(flat[0] < p[0]);
        let big = softmax(&[1000.0, 0.0], 1.0);
        assert!((big[0] - 1.0).abs() < 1e-6);
    }
}
