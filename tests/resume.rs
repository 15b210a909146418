//! Kill-and-resume: a run killed at any moment, then run again, yields exactly the rows of an
//! uninterrupted run — no duplicates, no loss, no half-written file visible — and the dataset
//! still verifies.
//!
//! Crash points inside the writer are hit deterministically with `ARKIV_CRASH_AT` (the process
//! aborts there, like `kill -9`); a real SIGKILL lands during OCR.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use arrow::array::{Array, AsArray};

mod common;
use common::{arkiv, root, run_tiny};

const PAGES: [&str; 3] = [
    "arkivgen-s7-heritage-history_article-00004.png",
    "arkivgen-s7-fire_safety-volunteer_team-00000.png",
    "arkivgen-s7-personnel-staff_registration-00000.png",
];

fn run_cmd(input: &Path, out: &Path) -> Command {
    let mut cmd = run_tiny(input, out);
    cmd.args(["--rows-per-part", "1"]);
    cmd
}

type Row = (String, String, String, String, String);
/// Document rows, and (doc_id, page_no) of the page rows.
type Snapshot = (BTreeSet<Row>, Vec<(String, i32)>);

/// Document rows without the per-run columns, and the number of page rows per doc_id.
fn snapshot(out: &Path) -> Snapshot {
    let mut docs = BTreeSet::new();
    let mut pages = Vec::new();
    for table in ["documents", "pages"] {
        for entry in std::fs::read_dir(out.join(table)).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            assert!(
                !name.starts_with('.'),
                "temporary file left visible: {name}"
            );
            let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(
                std::fs::File::open(&path).unwrap(),
            )
            .unwrap()
            .build()
            .unwrap();
            for batch in reader {
                let b = batch.unwrap();
                let s = |n: &str| b.column_by_name(n).unwrap().as_string::<i32>().clone();
                if table == "documents" {
                    let (id, st, tx, cat, lv) = (
                        s("doc_id"),
                        s("status"),
                        s("text"),
                        s("category"),
                        s("sensitivity"),
                    );
                    for i in 0..b.num_rows() {
                        let row = (
                            id.value(i).to_string(),
                            st.value(i).to_string(),
                            tx.value(i).to_string(),
                            if cat.is_valid(i) {
                                cat.value(i).to_string()
                            } else {
                                String::new()
                            },
                            lv.value(i).to_string(),
                        );
                        assert!(docs.insert(row), "duplicate document row {}", id.value(i));
                    }
                } else {
                    let id = s("doc_id");
                    let no = b
                        .column_by_name("page_no")
                        .unwrap()
                        .as_primitive::<arrow::datatypes::Int32Type>()
                        .clone();
                    for i in 0..b.num_rows() {
                        pages.push((id.value(i).to_string(), no.value(i)));
                    }
                }
            }
        }
    }
    pages.sort();
    (docs, pages)
}

/// The input folder (three scans and a broken file) and the rows of an uninterrupted run.
fn fixture(tmp: &Path) -> (std::path::PathBuf, Snapshot) {
    let input = tmp.join("in");
    std::fs::create_dir(&input).unwrap();
    for p in PAGES {
        std::fs::copy(root().join("datasets/sample").join(p), input.join(p)).unwrap();
    }
    std::fs::write(input.join("broken.png"), b"\x89PNG\r\n\x1a\nxx").unwrap();
    let reference = tmp.join("reference");
    assert!(run_cmd(&input, &reference).status().unwrap().success());
    let expected = snapshot(&reference);
    assert_eq!(expected.0.len(), 4);
    (input, expected)
}

/// Runs again into `out`: the run succeeds, its rows are those of an uninterrupted run, and the
/// dataset verifies.
fn rerun_completes(input: &Path, out: &Path, expected: &Snapshot) {
    let finish = run_cmd(input, out).output().unwrap();
    assert!(
        finish.status.success(),
        "{}",
        String::from_utf8_lossy(&finish.stderr)
    );
    assert_eq!(&snapshot(out), expected);
    let verified = arkiv().arg("verify").arg(out).output().unwrap();
    assert!(
        verified.status.success(),
        "{}",
        String::from_utf8_lossy(&verified.stdout)
    );
}

#[test]
fn a_full_disk_stops_the_run_and_a_rerun_completes() {
    let tmp = tempfile::tempdir().unwrap();
    let (input, expected) = fixture(tmp.path());
    let out = tmp.path().join("out");
    // The disk fills up at different moments: in the first part file, later parts, a manifest.
    for capacity in ["100", "6000", "20000"] {
        let run = run_cmd(&input, &out)
            .env("ARKIV_DISK_FULL_AFTER", capacity)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(!run.status.success(), "{capacity}: the run should fail");
        assert!(stderr.contains("The disk is full"), "{capacity}: {stderr}");
        assert!(!stderr.contains("panicked"), "{capacity}: {stderr}");
        if out.join("documents").is_dir() {
            snapshot(&out); // no temporary file visible, no duplicate row
        }
    }
    rerun_completes(&input, &out, &expected);
}

#[test]
fn killed_runs_resume_to_the_same_rows() {
    let tmp = tempfile::tempdir().unwrap();
    let (input, expected) = fixture(tmp.path());
    let out = tmp.path().join("out");
    // Writer crash points, each followed by another interrupted run.
    for point in [
        "parquet-before-rename:2",
        "between-tables:2",
        "file-half-written:1",
    ] {
        let status = run_cmd(&input, &out)
            .env("ARKIV_CRASH_AT", point)
            .status()
            .unwrap();
        assert!(
            !status.success(),
            "{point}: the run should have been aborted"
        );
    }
    // A real SIGKILL while pages are being OCR'd.
    let mut child = run_cmd(&input, &out).spawn().unwrap();
    std::thread::sleep(Duration::from_millis(700));
    child.kill().unwrap();
    let _ = child.wait();

    rerun_completes(&input, &out, &expected);
}
