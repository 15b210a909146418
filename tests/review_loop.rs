//! The review loop closed: smoke-train a base model on a generated corpus → `arkiv run` on three
//! sample scans → decide them over HTTP → `arkiv export-training` → smoke-train on the corpus plus
//! the corrections → `arkiv eval` on the exported rows.
//!
//! Needs `make setup` (.venv, .runtime, Tesseract) and datasets/sample; skips with a message
//! otherwise. About 40 s in a debug build.

mod review_fixture;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use review_fixture::Server;
use serde_json::{Value, json};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const ARKIV: &str = env!("CARGO_BIN_EXE_arkiv");
const PASSWORD: &str = "loop password 1";

fn python() -> PathBuf {
    Path::new(ROOT).join(".venv/bin/python")
}

fn run(cmd: &mut Command, what: &str) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(
        out.status.success(),
        "{what} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn missing_prerequisite() -> Option<String> {
    let sample = Path::new(ROOT).join("datasets/sample");
    let needs = [
        (python(), "make setup (.venv)"),
        (Path::new(ROOT).join(".runtime"), "make setup (.runtime)"),
        (PathBuf::from("/usr/bin/tesseract"), "tesseract-ocr"),
        (
            sample.join("arkivgen-s7-administrative-official_notice-00000.png"),
            "datasets/sample",
        ),
    ];
    needs
        .into_iter()
        .find(|(p, _)| !p.exists())
        .map(|(p, why)| format!("{} missing ({why})", p.display()))
}

#[test]
fn review_decisions_flow_into_training_and_eval() {
    if let Some(why) = missing_prerequisite() {
        eprintln!("skipped: {why}");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    let corpus = t.join("corpus.jsonl");
    run(
        Command::new(python())
            .arg(Path::new(ROOT).join("datasets/generate.py"))
            .args(["text", "--seed", "1", "--per-template", "2", "--out"])
            .arg(&corpus),
        "generate corpus",
    );
    let base = t.join("base");
    run(
        Command::new(python())
            .arg(Path::new(ROOT).join("training/train.py"))
            .arg("--data")
            .arg(&corpus)
            .arg("--out")
            .arg(&base)
            .arg("--smoke"),
        "smoke-train base model",
    );

    let sample = Path::new(ROOT).join("datasets/sample");
    let out = t.join("out");
    run(
        Command::new(ARKIV)
            .arg("-q")
            .arg("run")
            .arg(sample.join("arkivgen-s7-administrative-official_notice-00000.png"))
            .arg(sample.join("arkivgen-s7-administrative-public_announcement-00000.jpg"))
            .arg(sample.join("arkivgen-s7-construction-secure_room_project-00001.png"))
            .arg("--out")
            .arg(&out)
            .arg("--model")
            .arg(&base),
        "arkiv run",
    );

    // The users CLI, as a script would use it.
    let users = t.join("users.json");
    let mut child = Command::new(ARKIV)
        .args([
            "user",
            "add",
            "lena",
            "--role",
            "lead",
            "--clearance",
            "S5",
            "--password-stdin",
            "--users",
        ])
        .arg(&users)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{PASSWORD}").unwrap();
    assert!(child.wait().unwrap().success(), "arkiv user add");
    let listed = run(
        Command::new(ARKIV)
            .args(["user", "list", "--users"])
            .arg(&users),
        "user list",
    );
    assert!(
        listed.contains("lena") && listed.contains("lead") && listed.contains("S5"),
        "{listed}"
    );

    // Decide every document over HTTP, each to a label the base model did not predict.
    let fixture = review_fixture::Fixture {
        out: out.clone(),
        users: users.clone(),
        docs: Vec::new(),
        dir: tempfile::tempdir().unwrap(),
    };
    let server = Server::start(&fixture);
    let decided: Vec<(String, String, String)> =
        tokio::runtime::Runtime::new().unwrap().block_on(async {
            let c = reqwest::Client::builder()
                .cookie_store(true)
                .build()
                .unwrap();
            let login: Value = c
                .post(format!("{}/api/login", server.base))
                .json(&json!({"user": "lena", "password": PASSWORD}))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            let csrf = login["csrf_token"].as_str().unwrap().to_string();
            let queue: Value = c
                .get(format!("{}/api/queue", server.base))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            let targets = [
                ("heritage", "S1"),
                ("equipment", "S2"),
                ("fire_safety", "S3"),
            ];
            let mut decided = Vec::new();
            for (item, (cat, lvl)) in queue["items"].as_array().unwrap().iter().zip(targets) {
                let id = item["doc_id"].as_str().unwrap();
                let r = c
                    .post(format!("{}/api/documents/{id}/decision", server.base))
                    .header("X-CSRF-Token", &csrf)
                    .json(&json!({"category": cat, "sensitivity": lvl, "comment": "loop test"}))
                    .send()
                    .await
                    .unwrap();
                assert!(r.status().is_success(), "{}", r.text().await.unwrap());
                decided.push((id.to_string(), cat.to_string(), lvl.to_string()));
            }
            decided
        });
    drop(server);
    assert_eq!(decided.len(), 3, "all three documents were in the queue");

    let export = t.join("export.jsonl");
    let said = run(
        Command::new(ARKIV)
            .arg("export-training")
            .arg(&out)
            .arg("--out")
            .arg(&export),
        "export-training",
    );
    assert!(said.contains("3 reviewed"), "{said}");
    let rows: Vec<Value> = std::fs::read_to_string(&export)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 3);
    for (id, cat, lvl) in &decided {
        let row = rows
            .iter()
            .find(|r| r["id"] == id.as_str())
            .expect("decided row exported");
        assert_eq!(row["category"], cat.as_str());
        assert_eq!(row["sensitivity"], lvl.as_str());
        assert_eq!(row["provenance"], "review");
        assert_eq!(row["reviewer"], "lena");
        assert_eq!(row["weight"], 1.0);
        assert!(!row["text"].as_str().unwrap().is_empty());
        assert!(row["model_id"].as_str().unwrap().contains("base"));
    }
    let parquet = t.join("export.parquet");
    run(
        Command::new(ARKIV)
            .arg("export-training")
            .arg(&out)
            .arg("--out")
            .arg(&parquet)
            .arg("--include-auto"),
        "export-training parquet",
    );

    // Retrain on the corpus plus the corrections (repeated, as a data team up-weights fresh
    // corrections), a short real training of a small model, then evaluate on the corrected
    // documents.
    let combined = t.join("combined.jsonl");
    let mut all = std::fs::read_to_string(&corpus).unwrap();
    for line in std::fs::read_to_string(&export).unwrap().lines() {
        let mut row: Value = serde_json::from_str(line).unwrap();
        row["split"] = Value::from("train");
        let line = serde_json::to_string(&row).unwrap();
        for _ in 0..20 {
            all.push_str(&line);
            all.push('\n');
        }
    }
    std::fs::write(&combined, all).unwrap();
    let retrained = t.join("retrained");
    run(
        Command::new(python())
            .arg(Path::new(ROOT).join("training/train.py"))
            .arg("--data")
            .arg(&combined)
            .arg("--out")
            .arg(&retrained)
            .args([
                "--epochs",
                "4",
                "--dim",
                "16",
                "--hidden",
                "0",
                "--buckets",
                "2000",
                "--vocab-size",
                "3000",
                "--limit-alphabet",
                "2500",
            ]),
        "train on the corrections",
    );
    let card = std::fs::read_to_string(retrained.join("MODEL_CARD.md")).unwrap();
    assert!(
        card.contains("review"),
        "the model card counts the review provenance"
    );
    let preds = t.join("preds.jsonl");
    run(
        Command::new(ARKIV)
            .arg("eval")
            .arg("--model")
            .arg(&retrained)
            .arg("--data")
            .arg(&export)
            .arg("--predictions")
            .arg(&preds)
            .arg("--json"),
        "arkiv eval",
    );
    let preds: Vec<Value> = std::fs::read_to_string(&preds)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(preds.len(), 3);
    let mut agree = 0;
    for (id, cat, lvl) in &decided {
        let p = preds
            .iter()
            .find(|p| p["id"] == id.as_str())
            .expect("evaluated");
        assert_eq!(
            p["true_category"],
            cat.as_str(),
            "eval scores against the reviewer's label"
        );
        assert_eq!(p["true_sensitivity"], lvl.as_str());
        for head in ["category", "sensitivity"] {
            let scores = p[format!("{head}_scores")].as_array().expect("scores");
            let total: f64 = scores.iter().map(|s| s["score"].as_f64().unwrap()).sum();
            assert!((total - 1.0).abs() < 1e-3, "{head} scores sum to 1");
            let top = scores
                .iter()
                .max_by(|a, b| {
                    a["score"]
                        .as_f64()
                        .partial_cmp(&b["score"].as_f64())
                        .unwrap()
                })
                .unwrap();
            let predicted = if head == "category" {
                &p["category"]
            } else {
                &p["model_sensitivity"]
            };
            assert_eq!(
                &top["label"], predicted,
                "the top {head} score is the prediction"
            );
        }
        agree += usize::from(p["category"] == cat.as_str());
    }
    assert_eq!(
        agree, 3,
        "the retrained model labels every corrected document as the reviewer said"
    );
}
