//! End-to-end: the `arkiv` binary on real Tesseract, ONNX Runtime and Parquet.
//!
//! Kept few and small: a bad-input folder, and a handful of the bundled sample pages.

use std::path::PathBuf;

use arrow::array::{Array, AsArray, RecordBatch};

mod common;
use common::{arkiv, read_table, root, run_tiny, tiny_model};

fn strings(batches: &[RecordBatch], column: &str) -> Vec<Option<String>> {
    let mut out = Vec::new();
    for b in batches {
        let col = b.column_by_name(column).unwrap().as_string::<i32>();
        for i in 0..col.len() {
            out.push(col.is_valid(i).then(|| col.value(i).to_string()));
        }
    }
    out
}

#[test]
fn bad_inputs_become_failed_rows_and_the_run_completes() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir(&input).unwrap();
    // A PNG signature followed by garbage, an empty file, a text file.
    let mut corrupt = b"\x89PNG\r\n\x1a\n".to_vec();
    corrupt.extend_from_slice(&[0x13; 200]);
    std::fs::write(input.join("corrupt.png"), corrupt).unwrap();
    std::fs::write(input.join("empty.tif"), b"").unwrap();
    std::fs::write(input.join("notes.txt"), "病人名单见附件").unwrap();
    let out = tmp.path().join("out");
    let output = run_tiny(&input, &out).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "stderr: {stderr}");
    assert!(stderr.contains("3 document(s) failed"), "stderr: {stderr}");

    let docs = read_table(&out, "documents");
    let paths = strings(&docs, "source_path");
    let status = strings(&docs, "status");
    let errors = strings(&docs, "error");
    assert_eq!(paths.len(), 3);
    assert!(status.iter().all(|s| s.as_deref() == Some("failed")));
    let error_of = |name: &str| {
        let i = paths
            .iter()
            .position(|p| p.as_deref().unwrap().ends_with(name))
            .unwrap();
        errors[i].clone().unwrap()
    };
    assert!(
        error_of("corrupt.png").contains("corrupt"),
        "{}",
        error_of("corrupt.png")
    );
    assert!(error_of("empty.tif").contains("empty file"));
    assert!(error_of("notes.txt").contains("not a supported document"));
    // Unreadable documents are restricted until a reviewer has seen them.
    assert!(
        strings(&docs, "sensitivity")
            .iter()
            .all(|s| s.as_deref() == Some("S5"))
    );

    // The manifest accounts for every input.
    let runs: Vec<PathBuf> = std::fs::read_dir(out.join("runs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    assert_eq!(runs.len(), 1);
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&runs[0]).unwrap()).unwrap();
    assert_eq!(manifest["counts"]["inputs"], 3);
    assert_eq!(manifest["counts"]["failed"], 3);

    // A second run skips what is already there.
    let again = run_tiny(&input, &out).output().unwrap();
    assert_eq!(again.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&again.stdout).contains("skipped (already done) 3"),
        "{}",
        String::from_utf8_lossy(&again.stdout)
    );
    assert_eq!(strings(&read_table(&out, "documents"), "doc_id").len(), 3);
}

#[test]
fn missing_runtime_library_is_a_clear_error_with_exit_1() {
    let tmp = tempfile::tempdir().unwrap();
    let output = arkiv()
        .args([
            "run",
            "--ort-lib",
            "/nonexistent/libonnxruntime.so",
            "--model",
        ])
        .arg(tiny_model())
        .arg(tmp.path())
        .arg("--out")
        .arg(tmp.path().join("out"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("make setup"), "{stderr}");
}

#[test]
fn usage_errors_exit_2() {
    let output = arkiv()
        .args(["run", "--shard", "3/2", "x", "--out", "y"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let output = arkiv().args(["run"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}

/// Sample files used end to end: a PNG form, a two-page TIFF, a born-digital PDF.
const SAMPLES: [&str; 3] = [
    "arkivgen-s7-medical-discharge_summary-00000.png",
    "arkivgen-s7-medical-nursing_record-00011.tif",
    "arkivgen-s7-construction-tender_announcement-00000.pdf",
];

fn truth(file: &str) -> serde_json::Value {
    let all = std::fs::read_to_string(root().join("datasets/sample/truth.jsonl")).unwrap();
    all.lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|v| v["file"] == file)
        .unwrap_or_else(|| panic!("{file} not in truth.jsonl"))
}

#[test]
fn sample_scans_are_read_classified_and_written_per_spec() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir(&input).unwrap();
    for f in SAMPLES {
        std::fs::copy(root().join("datasets/sample").join(f), input.join(f)).unwrap();
    }
    let out = tmp.path().join("out");
    let output = arkiv()
        .args(["run", "--quiet", "--model"])
        .arg(root().join("models/default"))
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    let docs = read_table(&out, "documents");
    let schema = docs[0].schema();
    let columns: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
    for spec_column in [
        "doc_id",
        "source_path",
        "source_bytes",
        "media_type",
        "page_count",
        "status",
        "error",
        "text_source",
        "ocr_confidence",
        "text",
        "text_masked",
        "pii",
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
        "arkiv_version",
        "run_id",
        "processed_at",
    ] {
        assert!(
            columns.contains(&spec_column),
            "documents lacks {spec_column}"
        );
    }
    let first = std::fs::read_dir(out.join("documents"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "parquet"))
        .unwrap();
    let builder = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(
        std::fs::File::open(first).unwrap(),
    )
    .unwrap();
    let kv = builder
        .metadata()
        .file_metadata()
        .key_value_metadata()
        .unwrap();
    assert!(
        kv.iter()
            .any(|e| e.key == "arkiv.schema_version" && e.value.as_deref() == Some("1")),
        "schema version missing from key-value metadata"
    );
    assert!(matches!(
        builder.metadata().row_group(0).column(0).compression(),
        parquet::basic::Compression::ZSTD(_)
    ));
    let paths = strings(&docs, "source_path");
    let texts = strings(&docs, "text");
    let sources = strings(&docs, "text_source");
    let status = strings(&docs, "status");
    let levels = strings(&docs, "sensitivity");
    let masked = strings(&docs, "text_masked");
    assert_eq!(paths.len(), SAMPLES.len());
    for file in SAMPLES {
        let i = paths
            .iter()
            .position(|p| p.as_deref().unwrap().ends_with(file))
            .unwrap();
        assert_eq!(status[i].as_deref(), Some("ok"), "{file}");
        let text: String = texts[i]
            .as_deref()
            .unwrap()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let t = truth(file);
        for expected in t["expect"].as_array().unwrap() {
            let expected: String = expected
                .as_str()
                .unwrap()
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            assert!(
                text.contains(&expected),
                "{file}: `{expected}` not in OCR text: {text}"
            );
        }
        let want_source = if t["text_layer"] == true {
            "text_layer"
        } else {
            "ocr"
        };
        assert_eq!(sources[i].as_deref(), Some(want_source), "{file}");
        // Medical records are at least S4 (model or rule floor), and their patient's name is masked.
        if t["category"] == "medical" {
            let level = levels[i].as_deref().unwrap();
            assert!(level == "S4" || level == "S5", "{file}: {level}");
        }
    }
    let discharge = paths
        .iter()
        .position(|p| p.as_deref().unwrap().ends_with(SAMPLES[0]))
        .unwrap();
    let masked = masked[discharge].as_deref().unwrap();
    assert!(
        !masked.contains("唐彤哲"),
        "patient name left unmasked: {masked}"
    );

    let pages = read_table(&out, "pages");
    let page_rows: usize = pages.iter().map(|b| b.num_rows()).sum();
    assert_eq!(page_rows, 4, "1 + 2 + 1 pages");
}
