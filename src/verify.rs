//! `arkiv verify`: tamper evidence for a dataset (SPEC §8).
//!
//! Recomputes the sha256 of every file the run manifests list, checks that each manifest's
//! `previous_manifest_sha256` matches the manifest it names, reports table files that no manifest
//! lists, and checks the hash chain of the review files.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use serde::Serialize;

use crate::error::Result;
use crate::sink::manifest::RunManifest;
use crate::sink::parquet::sha256_file;
use crate::sink::{self, DOCUMENTS_DIR, PAGES_DIR, RUNS_DIR};

/// What `verify` found.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Verification {
    /// Manifests read.
    pub manifests: usize,
    /// Files whose hash was checked.
    pub files_checked: usize,
    /// Review rows in the chain.
    pub reviews: usize,
    /// Every mismatch, one sentence each.
    pub problems: Vec<String>,
}

impl Verification {
    /// True when nothing is wrong.
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Verifies the dataset at `out`.
pub fn verify(out: &Path) -> Result<Verification> {
    let mut v = Verification::default();
    let runs = out.join(RUNS_DIR);
    let mut names: Vec<String> = std::fs::read_dir(&runs)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".json") && !n.starts_with('.'))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut hashes: BTreeMap<String, String> = BTreeMap::new();
    let mut listed: HashSet<String> = HashSet::new();
    for name in &names {
        let path = runs.join(name);
        match sha256_file(&path) {
            Ok(h) => {
                hashes.insert(name.clone(), h);
            }
            Err(e) => v.problems.push(format!("runs/{name}: cannot read ({e})")),
        }
    }
    for name in &names {
        let path = runs.join(name);
        let manifest: RunManifest = match std::fs::read(&path)
            .map_err(|e| e.to_string())
            .and_then(|b| serde_json::from_slice(&b).map_err(|e| e.to_string()))
        {
            Ok(m) => m,
            Err(e) => {
                v.problems
                    .push(format!("runs/{name}: not a readable manifest ({e})"));
                continue;
            }
        };
        v.manifests += 1;
        if format!("{}.json", manifest.run_id) != *name {
            v.problems.push(format!(
                "runs/{name}: names run {} — the manifest was renamed",
                manifest.run_id
            ));
        }
        match (&manifest.previous_manifest, &manifest.previous_manifest_sha256) {
            (Some(prev), Some(expected)) => match hashes.get(prev) {
                None => v.problems.push(format!(
                    "runs/{name}: its previous manifest runs/{prev} is missing"
                )),
                Some(actual) if actual != expected => v.problems.push(format!(
                    "runs/{name}: previous manifest runs/{prev} has sha256 {actual}, the chain recorded {expected} (edited)"
                )),
                Some(_) => {}
            },
            (None, None) => {}
            _ => v
                .problems
                .push(format!("runs/{name}: incomplete link to the previous manifest")),
        }
        for file in &manifest.files {
            listed.insert(file.path.clone());
            v.files_checked += 1;
            let path = out.join(&file.path);
            match sha256_file(&path) {
                Ok(h) if h == file.sha256 => {}
                Ok(h) => v.problems.push(format!(
                    "{}: sha256 is {h}, run {} recorded {} (modified)",
                    file.path, manifest.run_id, file.sha256
                )),
                Err(_) => v.problems.push(format!(
                    "{}: listed by run {} but missing (deleted)",
                    file.path, manifest.run_id
                )),
            }
        }
    }
    for table in [DOCUMENTS_DIR, PAGES_DIR] {
        for path in sink::table_files(out, table) {
            let rel = format!(
                "{table}/{}",
                path.file_name()
                    .map(|n| n.to_string_lossy())
                    .unwrap_or_default()
            );
            if !listed.contains(&rel) {
                v.problems.push(format!(
                    "{rel}: not listed in any run manifest (added, or left by a run that is still going or was interrupted)"
                ));
            }
        }
    }
    match crate::review::verify_chain(out) {
        Ok(n) => v.reviews = n,
        Err(e) => v.problems.push(format!("review chain broken: {e}")),
    }
    Ok(v)
}

/// Human-readable report.
pub fn render(v: &Verification) -> String {
    let mut s = format!(
        "{} manifests, {} files checked, {} reviews in the chain\n",
        v.manifests, v.files_checked, v.reviews
    );
    if v.ok() {
        s.push_str("OK: every file matches its recorded sha256 and the chains are intact\n");
    } else {
        s.push_str(&format!("{} problem(s):\n", v.problems.len()));
        for p in &v.problems {
            s.push_str(&format!("  - {p}\n"));
        }
    }
    s
}
