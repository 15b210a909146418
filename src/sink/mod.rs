//! The output dataset (SPEC §5): Parquet tables, run manifests.
//!
//! ```text
//! OUT/documents/part-<run>-<shard>-<n>.parquet   one row per input document
//! OUT/pages/part-<run>-<shard>-<n>.parquet       one row per page
//! OUT/runs/<run>.json                            run manifest
//! ```

pub mod crypt;
pub mod fault;
pub mod manifest;
pub mod parquet;
pub mod read;
pub mod schema;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::Utc;

use crate::error::{Error, Result};
use crate::record::DocumentRecord;

pub use self::parquet::WrittenFile;
pub use crypt::EncryptionKey;
pub use schema::RunContext;

/// Table folders of a dataset.
pub const DOCUMENTS_DIR: &str = "documents";
/// Pages table folder.
pub const PAGES_DIR: &str = "pages";
/// Manifests folder.
pub const RUNS_DIR: &str = "runs";

/// Creates the dataset folders and checks that they are writable.
pub fn prepare(out: &Path) -> Result<()> {
    for dir in [DOCUMENTS_DIR, PAGES_DIR, RUNS_DIR] {
        let path = out.join(dir);
        std::fs::create_dir_all(&path).map_err(|e| {
            Error::output(
                &path,
                format!("cannot create folder ({e}); choose a writable --out"),
            )
        })?;
    }
    let probe = out
        .join(RUNS_DIR)
        .join(format!(".probe-{}", std::process::id()));
    std::fs::write(&probe, b"")
        .map_err(|e| Error::output(out, format!("not writable ({e}); choose a writable --out")))?;
    let _ = std::fs::remove_file(probe);
    Ok(())
}

/// Marks a run as alive for as long as the returned file is open (an exclusive lock on
/// `OUT/runs/.lock-<run>`), so that other processes writing into the same dataset — a resumed
/// run, other shards — never clean up after a run that is still going.
pub fn lock_run(out: &Path, run_id: &str) -> Result<std::fs::File> {
    let path = lock_path(out, run_id);
    let file = std::fs::File::create(&path).map_err(|e| Error::output(&path, e))?;
    file.try_lock()
        .map_err(|e| Error::output(&path, format!("cannot lock run: {e}")))?;
    Ok(file)
}

/// Ends a run's lock and removes its lock file.
pub fn unlock_run(out: &Path, run_id: &str, lock: std::fs::File) {
    drop(lock);
    let _ = std::fs::remove_file(lock_path(out, run_id));
}

fn lock_path(out: &Path, run_id: &str) -> PathBuf {
    out.join(RUNS_DIR).join(format!(".lock-{run_id}"))
}

fn run_is_alive(out: &Path, run_id: &str) -> bool {
    let Ok(file) = std::fs::File::open(lock_path(out, run_id)) else {
        return false;
    };
    file.try_lock().is_err()
}

/// The run id inside a part file name `part-<run>-<shard>-<n>.parquet` (run ids are
/// `<time>-<suffix>`).
fn run_of_part(name: &str) -> Option<String> {
    let rest = name.strip_prefix("part-")?;
    let mut parts = rest.splitn(3, '-');
    Some(format!("{}-{}", parts.next()?, parts.next()?))
}

/// Cleans up after runs that were killed: pages parts written without their documents part
/// (the writer publishes pages first), temporary files, and stale run locks. Files of runs that
/// are still alive are left alone. Returns the paths removed.
pub fn recover(out: &Path) -> Result<Vec<PathBuf>> {
    let mut removed = Vec::new();
    let documents: HashSet<String> = table_files(out, DOCUMENTS_DIR)
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    for page_part in table_files(out, PAGES_DIR) {
        let name = page_part
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if documents.contains(&name) {
            continue;
        }
        if let Some(run) = run_of_part(&name)
            && !run_is_alive(out, &run)
        {
            std::fs::remove_file(&page_part).map_err(|e| Error::output(&page_part, e))?;
            removed.push(page_part);
        }
    }
    for dir in [DOCUMENTS_DIR, PAGES_DIR, RUNS_DIR] {
        let Ok(entries) = std::fs::read_dir(out.join(dir)) else {
            continue;
        };
        for entry in entries.filter_map(|e| e.ok()) {
            let name = entry.file_name().to_string_lossy().into_owned();
            let run = if let Some(run) = name.strip_prefix(".lock-") {
                Some(run.to_string())
            } else if name.starts_with('.') && name.ends_with(".tmp") {
                let inner = name.trim_start_matches('.');
                run_of_part(inner).or_else(|| inner.split(".json").next().map(String::from))
            } else {
                None
            };
            if let Some(run) = run
                && !run_is_alive(out, &run)
            {
                let path = entry.path();
                std::fs::remove_file(&path).map_err(|e| Error::output(&path, e))?;
                removed.push(path);
            }
        }
    }
    Ok(removed)
}

/// Complete part files (both tables published) of runs that died before writing their manifest.
/// A resumed run lists them in its own manifest, so that `arkiv verify` covers every file.
pub fn orphaned_parts(out: &Path) -> Result<Vec<WrittenFile>> {
    let listed = manifest::listed_files(out)?;
    let mut adopted = Vec::new();
    for table in [PAGES_DIR, DOCUMENTS_DIR] {
        for path in table_files(out, table) {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let relative = format!("{table}/{name}");
            let dead = run_of_part(&name).is_some_and(|run| !run_is_alive(out, &run));
            if listed.contains(&relative) || !dead {
                continue;
            }
            let bytes = std::fs::metadata(&path)
                .map_err(|e| Error::output(&path, e))?
                .len();
            adopted.push(WrittenFile {
                path: relative,
                sha256: parquet::sha256_file(&path).map_err(|e| Error::output(&path, e))?,
                rows: read::row_count(&path)?,
                bytes,
            });
        }
    }
    Ok(adopted)
}

/// Parquet files of a table, sorted, skipping temporary and hidden files.
pub fn table_files(out: &Path, table: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(out.join(table)) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(".parquet") && !n.starts_with('.'))
        })
        .collect();
    files.sort();
    files
}

/// Checks that a run with (or without) `key` keeps the dataset readable with one key: refuses to
/// add unencrypted parts to a dataset holding encrypted ones, or parts encrypted with another key
/// than the dataset's; warns when encrypted parts join unencrypted ones.
pub fn check_encryption(out: &Path, key: Option<&EncryptionKey>) -> Result<()> {
    let mut plain = 0usize;
    for file in table_files(out, DOCUMENTS_DIR) {
        let footer = read::footer(&file)?;
        let Some(id) = crypt::key_id(&footer) else {
            plain += 1;
            continue;
        };
        match key {
            None => {
                return Err(Error::Usage(format!(
                    "{} holds parts encrypted with key {id}; pass {} FILE so that this run \
                     encrypts its parts too (or write to another --out)",
                    out.display(),
                    crypt::KEY_OPTION
                )));
            }
            Some(key) if key.id() != id => {
                return Err(Error::Usage(format!(
                    "{} holds parts encrypted with key {id}, but {} holds key {}; pass the \
                     dataset's key file (or write to another --out)",
                    out.display(),
                    key.path().display(),
                    key.id()
                )));
            }
            Some(_) => {}
        }
    }
    if key.is_some() && plain > 0 {
        tracing::warn!(
            "{} already holds {plain} documents part(s) written without encryption; their text \
             and personal data stay readable without the key",
            out.display()
        );
    }
    Ok(())
}

/// The doc_ids already in the dataset, for resuming.
pub fn existing_doc_ids(out: &Path) -> Result<HashSet<String>> {
    let mut ids = HashSet::new();
    for file in table_files(out, DOCUMENTS_DIR) {
        read::for_each_string(&file, "doc_id", None, |id| {
            ids.insert(id.to_string());
        })?;
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovers_orphans_of_dead_runs_only() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path();
        prepare(out).unwrap();
        let alive = "20260101T000000Z-aaaaaa";
        let dead = "20260101T000000Z-bbbbbb";
        let _lock = lock_run(out, alive).unwrap();
        std::fs::write(out.join(RUNS_DIR).join(format!(".lock-{dead}")), b"").unwrap();
        let part = |run: &str, n: u32| format!("part-{run}-0-{n:05}.parquet");
        for run in [alive, dead] {
            std::fs::write(out.join(PAGES_DIR).join(part(run, 0)), b"x").unwrap();
            std::fs::write(out.join(DOCUMENTS_DIR).join(part(run, 0)), b"x").unwrap();
            std::fs::write(out.join(PAGES_DIR).join(part(run, 1)), b"x").unwrap();
            std::fs::write(
                out.join(DOCUMENTS_DIR)
                    .join(format!(".{}.123.tmp", part(run, 1))),
                b"x",
            )
            .unwrap();
        }
        let removed = recover(out).unwrap();
        let names: Vec<String> = removed
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 3, "{names:?}");
        assert!(names.contains(&part(dead, 1)));
        assert!(names.contains(&format!(".lock-{dead}")));
        assert!(out.join(PAGES_DIR).join(part(alive, 1)).exists());
        assert!(out.join(PAGES_DIR).join(part(dead, 0)).exists());
    }

    #[test]
    fn parses_run_of_part() {
        assert_eq!(
            run_of_part("part-20261123T203314Z-8b0567-2-00003.parquet").as_deref(),
            Some("20261123T203314Z-8b0567")
        );
        assert_eq!(run_of_part("other.parquet"), None);
    }
}

/// Buffers document records and writes them as numbered part files of both tables.
#[derive(Debug)]
pub struct PartWriter {
    out: PathBuf,
    prefix: String,
    ctx: RunContext,
    rows_per_part: usize,
    buffer: Vec<DocumentRecord>,
    next_part: usize,
    written: Vec<WrittenFile>,
    key: Option<EncryptionKey>,
}

impl PartWriter {
    /// A writer for one run; `shard` is the shard index (0 when not sharded).
    pub fn new(out: &Path, ctx: RunContext, shard: u32, rows_per_part: usize) -> Self {
        PartWriter {
            out: out.to_path_buf(),
            prefix: format!("part-{}-{shard}", ctx.run_id),
            ctx,
            rows_per_part: rows_per_part.max(1),
            buffer: Vec::new(),
            next_part: 0,
            written: Vec::new(),
            key: None,
        }
    }

    /// Encrypts the sensitive columns ([`crypt::sensitive_columns`]) of every part with `key`.
    pub fn with_encryption(mut self, key: Option<EncryptionKey>) -> Self {
        self.key = key;
        self
    }

    /// Adds a record; writes a part when the buffer is full.
    pub fn push(&mut self, record: DocumentRecord) -> Result<()> {
        self.buffer.push(record);
        if self.buffer.len() >= self.rows_per_part {
            self.flush()?;
        }
        Ok(())
    }

    /// Writes buffered records (pages first, so a visible document row always has its pages).
    pub fn flush(&mut self) -> Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let name = format!("{}-{:05}.parquet", self.prefix, self.next_part);
        let now = Utc::now();
        let pages = schema::pages_batch(&self.buffer, &self.ctx);
        let docs = schema::documents_batch(&self.buffer, &self.ctx, now);
        let encrypt = |table| {
            self.key
                .as_ref()
                .map(|k| (k, crypt::sensitive_columns(table)))
        };
        let p = parquet::write_parquet_with(
            &self.out,
            &format!("{PAGES_DIR}/{name}"),
            &pages,
            encrypt(PAGES_DIR),
        )?;
        fault::point("between-tables");
        let d = parquet::write_parquet_with(
            &self.out,
            &format!("{DOCUMENTS_DIR}/{name}"),
            &docs,
            encrypt(DOCUMENTS_DIR),
        )?;
        self.written.push(p);
        self.written.push(d);
        self.next_part += 1;
        self.buffer.clear();
        Ok(())
    }

    /// Flushes and returns the files written.
    pub fn finish(mut self) -> Result<Vec<WrittenFile>> {
        self.flush()?;
        Ok(self.written)
    }
}
