//! `arkiv verify` detects edited, deleted and added files and a broken manifest chain.

use std::path::{Path, PathBuf};

mod common;
use common::{arkiv, run_tiny};

/// Two runs over unreadable inputs (fast: no OCR) give two chained manifests.
fn dataset(root: &Path) -> PathBuf {
    let out = root.join("out");
    for (dir, name, bytes) in [
        ("a", "x.png", &b"\x89PNG\r\n\x1a\nbroken"[..]),
        ("b", "y.txt", b"text"),
    ] {
        let input = root.join(dir);
        std::fs::create_dir_all(&input).unwrap();
        std::fs::write(input.join(name), bytes).unwrap();
        let status = run_tiny(&input, &out).output().unwrap();
        assert_eq!(status.status.code(), Some(0));
    }
    out
}

fn verify(out: &Path) -> (i32, String) {
    let o = arkiv().arg("verify").arg(out).output().unwrap();
    (
        o.status.code().unwrap(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
    )
}

fn files(out: &Path, table: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(out.join(table))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v
}

#[test]
fn intact_dataset_verifies() {
    let tmp = tempfile::tempdir().unwrap();
    let out = dataset(tmp.path());
    let (code, text) = verify(&out);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("2 manifests"), "{text}");
}

#[test]
fn edited_byte_is_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let out = dataset(tmp.path());
    let file = &files(&out, "documents")[0];
    let mut bytes = std::fs::read(file).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x01;
    std::fs::write(file, bytes).unwrap();
    let (code, text) = verify(&out);
    assert_eq!(code, 1);
    assert!(text.contains("modified"), "{text}");
}

#[test]
fn deleted_and_added_files_are_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let out = dataset(tmp.path());
    let pages = files(&out, "pages");
    std::fs::remove_file(&pages[0]).unwrap();
    std::fs::write(out.join("documents/part-extra.parquet"), b"PAR1").unwrap();
    let (code, text) = verify(&out);
    assert_eq!(code, 1);
    assert!(text.contains("deleted"), "{text}");
    assert!(text.contains("part-extra.parquet: not listed"), "{text}");
}

#[test]
fn edited_or_reordered_manifests_break_the_chain() {
    let tmp = tempfile::tempdir().unwrap();
    let out = dataset(tmp.path());
    let manifests: Vec<PathBuf> = files(&out, "runs")
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    assert_eq!(manifests.len(), 2);
    let first = std::fs::read_to_string(&manifests[0]).unwrap();
    std::fs::write(&manifests[0], first.replace("\"ok\": 0", "\"ok\": 1")).unwrap();
    let (code, text) = verify(&out);
    assert_eq!(code, 1);
    assert!(text.contains("(edited)"), "{text}");

    std::fs::write(&manifests[0], &first).unwrap();
    assert_eq!(verify(&out).0, 0);
    let tmp_name = manifests[0].with_extension("swap");
    std::fs::rename(&manifests[0], &tmp_name).unwrap();
    std::fs::rename(&manifests[1], &manifests[0]).unwrap();
    std::fs::rename(&tmp_name, &manifests[1]).unwrap();
    let (code, text) = verify(&out);
    assert_eq!(code, 1);
    assert!(
        text.contains("renamed") || text.contains("reordered"),
        "{text}"
    );
}
