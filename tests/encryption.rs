//! Encryption at rest: `arkiv run --encrypt-key FILE` encrypts the columns holding unmasked text
//! and personal data (documents.text, documents.pii, pages.text, pages.words); the masked and all
//! other columns stay readable without the key, by arkiv and by other readers.
//!
//! One small run (a born-digital PDF and a scanned bill with personal data, tiny model) is read
//! back by the plain parquet reader, `arkiv export-training`, `arkiv review`, pyarrow (the
//! README's snippet, when .venv exists), `arkiv verify` and a resumed run.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use arrow::array::{Array, AsArray};
use parquet::arrow::ProjectionMask;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::{Value, json};

mod common;
use common::{arkiv, manifests, parquet_files, root, run_tiny};

const KEY: &str = "8f1c0b5e3a7d92c4e6b1a0f3d5c7e9b2a4c6e8f0d2b4a6c8e0f2a4b6c8d0e2f4";
const OTHER_KEY: &str = "00112233445566778899aabbccddeeff";
const PASSWORD: &str = "encryption test password";
const SAMPLES: [&str; 2] = [
    "arkivgen-s7-construction-tender_announcement-00000.pdf",
    "arkivgen-s7-finance-patient_bill-00000.png",
];

fn key_file(dir: &Path, name: &str, hex: &str, mode: u32) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, format!("{hex}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    path
}

/// Exit code, stdout, stderr; stderr never shows a panic.
fn outcome(cmd: &mut Command) -> (i32, String, String) {
    let o = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr,
    )
}

/// Reads one top-level column of a file with the parquet reader and no key.
fn read_without_key(file: &Path, column: &str) -> Result<Vec<Option<String>>, String> {
    let builder =
        ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(file).unwrap()).unwrap();
    let index = builder
        .parquet_schema()
        .root_schema()
        .get_fields()
        .iter()
        .position(|f| f.name() == column)
        .unwrap();
    let mask = ProjectionMask::roots(builder.parquet_schema(), [index]);
    let reader = builder
        .with_projection(mask)
        .build()
        .map_err(|e| e.to_string())?;
    let mut values = Vec::new();
    // A failing reader repeats its error: stop at the first.
    for batch in reader {
        let batch = batch.map_err(|e| e.to_string())?;
        let array = batch.column(0);
        match array.as_string_opt::<i32>() {
            Some(s) => {
                values.extend((0..s.len()).map(|i| s.is_valid(i).then(|| s.value(i).into())))
            }
            None => values.extend((0..array.len()).map(|_| None)),
        }
    }
    Ok(values)
}

/// doc_id → value of a string column, read without a key.
fn by_doc(file: &Path, column: &str) -> BTreeMap<String, String> {
    let ids = read_without_key(file, "doc_id").unwrap();
    let values = read_without_key(file, column).unwrap();
    ids.into_iter()
        .zip(values)
        .map(|(i, v)| (i.unwrap(), v.unwrap()))
        .collect()
}

/// `arkiv review` on a free loopback port; returns the child and its base URL.
fn start_review(out: &Path, users: &Path, key: Option<&Path>) -> (Child, String) {
    let mut cmd = arkiv();
    cmd.arg("review")
        .arg(out)
        .args(["--bind", "127.0.0.1:0", "--users"])
        .arg(users)
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    if let Some(key) = key {
        cmd.arg("--encrypt-key").arg(key);
    }
    let mut child = cmd.spawn().unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let base = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .trim_end_matches('/')
        .to_string();
    (child, base)
}

fn login(base: &str) -> (reqwest::blocking::Client, String) {
    let client = reqwest::blocking::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let login: Value = client
        .post(format!("{base}/api/login"))
        .json(&json!({"user": "ann", "password": PASSWORD}))
        .send()
        .unwrap()
        .json()
        .unwrap();
    let csrf = login["csrf_token"].as_str().unwrap().to_string();
    (client, csrf)
}

/// The README's pyarrow snippet, pointed at `out` and `key`, printing what it read as JSON.
fn readme_snippet(out: &Path, key: &Path) -> String {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let section = &readme[readme
        .find("## Encryption at rest")
        .expect("README section")..];
    let start = section.find("```python\n").expect("python snippet") + "```python\n".len();
    let code = &section[start..start + section[start..].find("```").unwrap()];
    assert!(code.contains("CryptoFactory"), "{code}");
    let code = code
        .replace("\"OUT/", &format!("\"{}/", out.display()))
        .replace("\"arkiv.key\"", &format!("\"{}\"", key.display()));
    format!(
        "{code}
import json
try:
    pq.read_table(\"{out}/documents\", columns=[\"text\"])
    without_key = \"read\"
except Exception as e:
    without_key = str(e)
print(json.dumps({{
    \"text\": dict(zip(docs[\"doc_id\"].to_pylist(), docs[\"text\"].to_pylist())),
    \"masked\": dict(zip(masked[\"doc_id\"].to_pylist(), masked[\"text_masked\"].to_pylist())),
    \"pii\": sum(len(p) for p in docs[\"pii\"].to_pylist()),
    \"pages\": pages.num_rows,
    \"words\": sum(len(w) for w in pages[\"words\"].to_pylist()),
    \"without_key\": without_key,
}}))
",
        out = out.display()
    )
}

#[test]
fn encrypted_run_is_readable_with_the_key_only() {
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    let input = t.join("in");
    std::fs::create_dir(&input).unwrap();
    for f in SAMPLES {
        std::fs::copy(root().join("datasets/sample").join(f), input.join(f)).unwrap();
    }
    let key = key_file(t, "arkiv.key", KEY, 0o600);
    let other = key_file(t, "other.key", OTHER_KEY, 0o600);
    let out = t.join("out");
    let (code, _, stderr) = outcome(run_tiny(&input, &out).arg("--encrypt-key").arg(&key));
    assert_eq!(code, 0, "{stderr}");
    let key_id = manifests(&out)[0]["config"]["encryption"]["key_id"]
        .as_str()
        .expect("the manifest records the key id")
        .to_string();
    assert!(key_id.starts_with("arkiv-"), "{key_id}");

    // The plain parquet reader without a key: masked and other columns read, sensitive ones fail.
    let docs_file = &parquet_files(&out, "documents")[0];
    let pages_file = &parquet_files(&out, "pages")[0];
    let masked = by_doc(docs_file, "text_masked");
    assert_eq!(masked.len(), 2);
    for column in ["sensitivity", "source_path", "category_scores"] {
        read_without_key(docs_file, column).unwrap();
    }
    for column in ["page_no", "engine", "preprocessing"] {
        read_without_key(pages_file, column).unwrap();
    }
    for (file, column) in [
        (docs_file, "text"),
        (docs_file, "pii"),
        (pages_file, "text"),
        (pages_file, "words"),
    ] {
        assert!(
            read_without_key(file, column).is_err(),
            "{column} of {} read without the key",
            file.display()
        );
    }
    // Encryption covers exactly the sensitive leaves, and the bytes hold no plaintext.
    let footer = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(docs_file).unwrap())
        .unwrap()
        .metadata()
        .clone();
    for c in footer.row_group(0).columns() {
        let root_column = c.column_path().parts()[0].as_str();
        assert_eq!(
            c.crypto_metadata().is_some(),
            root_column == "text" || root_column == "pii",
            "{}",
            c.column_path()
        );
    }

    // arkiv without the key, or with another one: clear errors, exit 2.
    let export = t.join("export.jsonl");
    let (code, _, stderr) = outcome(
        arkiv()
            .arg("export-training")
            .arg(&out)
            .arg("--out")
            .arg(&export)
            .arg("--include-auto"),
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("column `text` is encrypted; pass --encrypt-key FILE"),
        "{stderr}"
    );
    let (code, _, stderr) = outcome(
        arkiv()
            .arg("export-training")
            .arg(&out)
            .arg("--out")
            .arg(&export)
            .arg("--encrypt-key")
            .arg(&other),
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains(&format!("encrypted with key {key_id}")) && stderr.contains("holds key"),
        "{stderr}"
    );

    // The review server: masked text without the key, unmasked with it; decide both documents.
    let users = t.join("users.json");
    let mut add = arkiv()
        .args(["user", "add", "ann", "--role", "lead", "--clearance", "S5"])
        .args(["--password-stdin", "--users"])
        .arg(&users)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    writeln!(add.stdin.take().unwrap(), "{PASSWORD}").unwrap();
    assert!(add.wait().unwrap().success());

    let (mut keyless, base) = start_review(&out, &users, None);
    let (client, _) = login(&base);
    let id = masked.keys().next().unwrap();
    let r = client
        .get(format!("{base}/api/documents/{id}/text?unmasked=true"))
        .send()
        .unwrap();
    assert!(!r.status().is_success());
    assert!(r.text().unwrap().contains("pass --encrypt-key"));
    let r: Value = client
        .get(format!("{base}/api/documents/{id}/text"))
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(r["text"].as_str(), Some(masked[id].as_str()));
    keyless.kill().unwrap();
    keyless.wait().unwrap();

    let (mut server, base) = start_review(&out, &users, Some(&key));
    let (client, csrf) = login(&base);
    let mut unmasked = BTreeMap::new();
    for (id, masked_text) in &masked {
        let r: Value = client
            .get(format!("{base}/api/documents/{id}/text?unmasked=true"))
            .send()
            .unwrap()
            .json()
            .unwrap();
        let text = r["text"]
            .as_str()
            .unwrap_or_else(|| panic!("{r}"))
            .to_string();
        assert_eq!(text.chars().count(), masked_text.chars().count());
        let r = client
            .post(format!("{base}/api/documents/{id}/decision"))
            .header("X-CSRF-Token", &csrf)
            .json(&json!({"category": "finance", "sensitivity": "S4", "comment": "checked"}))
            .send()
            .unwrap();
        assert!(r.status().is_success(), "{}", r.text().unwrap());
        unmasked.insert(id.clone(), text);
    }
    server.kill().unwrap();
    server.wait().unwrap();
    assert!(
        unmasked.values().any(|t| t.contains("招标公告")),
        "the PDF's text layer: {unmasked:?}"
    );
    assert!(
        unmasked.iter().any(|(id, t)| *t != masked[id]),
        "the bill's personal data is masked in text_masked only"
    );

    // export-training with the key: the real text.
    let (code, stdout, stderr) = outcome(
        arkiv()
            .arg("export-training")
            .arg(&out)
            .arg("--out")
            .arg(&export)
            .arg("--encrypt-key")
            .arg(&key),
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("2 reviewed"), "{stdout}");
    let exported: BTreeMap<String, String> = std::fs::read_to_string(&export)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_string(),
                r["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(exported, unmasked);

    // pyarrow, per the README: with the key the same text; without it the masked text.
    let python = root().join(".venv/bin/python");
    if python.exists() {
        let (code, stdout, stderr) = outcome(
            Command::new(&python)
                .arg("-c")
                .arg(readme_snippet(&out, &key)),
        );
        assert_eq!(code, 0, "{stderr}");
        let read: Value = serde_json::from_str(stdout.trim()).unwrap();
        for (id, text) in &unmasked {
            assert_eq!(read["text"][id].as_str(), Some(text.as_str()), "{id}");
            assert_eq!(
                read["masked"][id].as_str(),
                Some(masked[id].as_str()),
                "{id}"
            );
        }
        assert!(read["pii"].as_u64().unwrap() > 0, "{read}");
        assert!(read["pages"].as_u64().unwrap() >= 2, "{read}");
        assert!(read["words"].as_u64().unwrap() > 0, "{read}");
        assert_ne!(read["without_key"], "read", "{read}");
    } else {
        eprintln!(
            "note: {} missing (make setup); pyarrow check skipped",
            python.display()
        );
    }

    // Tamper evidence and summaries need no key.
    let (code, stdout, _) = outcome(arkiv().arg("verify").arg(&out));
    assert_eq!(code, 0, "{stdout}");
    let (code, _, stderr) = outcome(arkiv().arg("inspect").arg(&out));
    assert_eq!(code, 0, "{stderr}");

    // Resuming reads only doc_id; a run would add unencrypted or differently keyed parts: refused.
    let (code, stdout, stderr) = outcome(run_tiny(&input, &out).arg("--encrypt-key").arg(&key));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("skipped (already done) 2"), "{stdout}");
    let (code, _, stderr) = outcome(&mut run_tiny(&input, &out));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("pass --encrypt-key FILE"), "{stderr}");
    let (code, _, stderr) = outcome(run_tiny(&input, &out).arg("--encrypt-key").arg(&other));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains(&key_id), "{stderr}");
    assert_eq!(parquet_files(&out, "documents").len(), 1);
}

#[test]
fn key_files_others_can_read_or_malformed_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    let input = t.join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("notes.txt"), "x").unwrap();
    let out = t.join("out");
    for (name, text, mode, expect) in [
        (
            "open.key",
            KEY,
            0o644,
            "readable by group or others (mode 644); run `chmod 600",
        ),
        (
            "group.key",
            KEY,
            0o640,
            "readable by group or others (mode 640)",
        ),
        (
            "short.key",
            "abcdef",
            0o600,
            "expected 32 or 64 hexadecimal digits",
        ),
        (
            "nothex.key",
            "0123456789abcdef0123456789abcdeg",
            0o600,
            "expected 32 or 64 hexadecimal digits",
        ),
    ] {
        let key = key_file(t, name, text, mode);
        let (code, _, stderr) = outcome(run_tiny(&input, &out).arg("--encrypt-key").arg(&key));
        assert_eq!(code, 2, "{name}: {stderr}");
        assert!(stderr.contains(expect), "{name}: {stderr}");
        assert!(stderr.contains(&key.display().to_string()), "{stderr}");
    }
    let (code, _, stderr) = outcome(
        arkiv()
            .arg("export-training")
            .arg(&out)
            .arg("--out")
            .arg(t.join("x.jsonl"))
            .arg("--encrypt-key")
            .arg(t.join("open.key")),
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("chmod 600"), "{stderr}");
    assert!(!out.join("documents").exists(), "nothing was written");
}
