//! The classifier on ONNX Runtime with the tiny fixture package (tests/fixtures/tiny_model,
//! made by training/train.py; see its PROVENANCE.md).

use std::path::PathBuf;

use arkiv::classify::{Classifier, ClassifyParams};

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tiny_model")
}

fn load(dir: &std::path::Path, batch_size: usize) -> Classifier {
    arkiv::runtime::init(None).expect("ONNX Runtime from `make setup`");
    Classifier::load(
        dir,
        ClassifyParams {
            batch_size,
            threads: 1,
        },
    )
    .expect("fixture loads")
}

#[test]
fn predicts_calibrated_distributions_for_every_text() {
    let mut classifier = load(&fixture(), 4);
    let labels = classifier.package().labels.clone();
    let long = "出院小结 患者因胸痛入院，诊断冠心病。".repeat(400);
    let texts = [
        "出院小结 诊断：肺炎",
        "关于开展消防安全检查的通知",
        "",
        long.as_str(),
        "x",
    ];
    let predictions = classifier.predict(&texts).unwrap();
    assert_eq!(predictions.len(), texts.len());
    for p in &predictions {
        assert_eq!(p.category_scores.len(), labels.categories.len());
        assert_eq!(p.sensitivity_scores.len(), labels.sensitivities.len());
        let sum: f32 = p.category_scores.iter().map(|s| s.score).sum();
        assert!((sum - 1.0).abs() < 1e-4, "{sum}");
        let sum: f32 = p.sensitivity_scores.iter().map(|s| s.score).sum();
        assert!((sum - 1.0).abs() < 1e-4, "{sum}");
        assert!(labels.categories.contains(&p.category));
        let top = p
            .category_scores
            .iter()
            .map(|s| s.score)
            .fold(0.0f32, f32::max);
        assert_eq!(top, p.category_confidence);
    }
    assert!(classifier.package().model_id.contains("+sha256:"));
}

#[test]
fn batching_does_not_change_results() {
    let texts: Vec<String> = (0..9)
        .map(|i| {
            format!(
                "第{i}次 设备维护记录 消防演练 住院病历 {}",
                "检查".repeat(i * 30)
            )
        })
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let one = load(&fixture(), 1).predict(&refs).unwrap();
    let many = load(&fixture(), 64).predict(&refs).unwrap();
    for (a, b) in one.iter().zip(&many) {
        assert_eq!(a.category, b.category);
        for (x, y) in a.category_scores.iter().zip(&b.category_scores) {
            assert!((x.score - y.score).abs() < 1e-4);
        }
    }
}

#[test]
fn label_count_mismatch_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    for f in ["model.onnx", "tokenizer.json", "labels.json"] {
        std::fs::copy(fixture().join(f), tmp.path().join(f)).unwrap();
    }
    let path = tmp.path().join("labels.json");
    let mut labels: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    labels["categories"].as_array_mut().unwrap().pop();
    std::fs::write(&path, serde_json::to_vec(&labels).unwrap()).unwrap();
    let mut classifier = load(tmp.path(), 8);
    let err = classifier.predict(&["病历"]).unwrap_err().to_string();
    assert!(err.contains("labels.json lists"), "{err}");
}
