//! Run manifests: `runs/<run>.json`, one per run, chained by the previous manifest's hash.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::parquet::{WrittenFile, sha256_file, write_bytes_atomic};
use crate::error::{Error, Result};

/// How many inputs ended how. `inputs = ok + partial + failed + skipped`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Files found under the inputs (after sharding).
    pub inputs: u64,
    /// Documents whose every page was read.
    pub ok: u64,
    /// Documents with some pages failed.
    pub partial: u64,
    /// Documents that could not be read.
    pub failed: u64,
    /// Documents already in the dataset, not processed again.
    pub skipped: u64,
    /// Pages produced by this run.
    pub pages: u64,
    /// Documents of this run that need review.
    pub needs_review: u64,
}

impl Counts {
    /// Whether every input is accounted for.
    pub fn balanced(&self) -> bool {
        self.inputs == self.ok + self.partial + self.failed + self.skipped
    }
}

/// The model used by a run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelInfo {
    /// `name@version+sha256:…`.
    pub id: String,
    /// Package directory.
    pub dir: String,
}

/// `runs/<run>.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunManifest {
    /// Run identifier.
    pub run_id: String,
    /// arkiv version.
    pub arkiv_version: String,
    /// Start time (RFC 3339, UTC).
    pub started_at: String,
    /// End time (RFC 3339, UTC).
    pub finished_at: String,
    /// Input paths as given.
    pub inputs: Vec<String>,
    /// Shard `K/N` of this run.
    pub shard: String,
    /// Model used.
    pub model: ModelInfo,
    /// Effective configuration.
    pub config: serde_json::Value,
    /// Outcome counts.
    pub counts: Counts,
    /// Per category (documents of this run).
    pub categories: std::collections::BTreeMap<String, u64>,
    /// Per final sensitivity level (documents of this run).
    pub sensitivities: std::collections::BTreeMap<String, u64>,
    /// Files this run wrote, with their sha256 — and complete files of interrupted earlier runs
    /// that this run found and adopted (they are also in `adopted`).
    pub files: Vec<WrittenFile>,
    /// Paths of files adopted from interrupted runs.
    #[serde(default)]
    pub adopted: Vec<String>,
    /// Name of the previous manifest in the chain, if any.
    pub previous_manifest: Option<String>,
    /// sha256 of the previous manifest's bytes, if any.
    pub previous_manifest_sha256: Option<String>,
    /// Wall-clock seconds.
    pub elapsed_seconds: f64,
}

/// The latest manifest in `OUT/runs/` (by name, which starts with the UTC start time), with its
/// sha256.
pub fn latest(out: &Path) -> Result<Option<(String, String)>> {
    let dir = out.join("runs");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(None);
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json") && !n.starts_with('.'))
        .collect();
    names.sort();
    match names.pop() {
        Some(name) => {
            let hash = sha256_file(&dir.join(&name)).map_err(|e| Error::output(&dir, e))?;
            Ok(Some((name, hash)))
        }
        None => Ok(None),
    }
}

/// Every file listed by the manifests in `OUT/runs/` (paths relative to `OUT`).
pub fn listed_files(out: &Path) -> Result<std::collections::HashSet<String>> {
    let dir = out.join("runs");
    let mut listed = std::collections::HashSet::new();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(listed);
    };
    for entry in entries.filter_map(|e| e.ok()) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".json") || name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        let bytes = std::fs::read(&path).map_err(|e| Error::output(&path, e))?;
        let manifest: RunManifest = serde_json::from_slice(&bytes).map_err(|e| {
            Error::output(
                &path,
                format!("not a readable run manifest ({e}); `arkiv verify` tells more"),
            )
        })?;
        listed.extend(manifest.files.into_iter().map(|f| f.path));
    }
    Ok(listed)
}

/// Writes the manifest atomically to `OUT/runs/<run>.json`.
pub fn write(out: &Path, manifest: &RunManifest) -> Result<()> {
    let path = out.join("runs").join(format!("{}.json", manifest.run_id));
    let mut bytes = serde_json::to_vec_pretty(manifest).map_err(|e| Error::output(&path, e))?;
    bytes.push(b'\n');
    write_bytes_atomic(&path, &bytes)
}
