//! The output dataset (SPEC §5): Parquet tables, run manifests.
//!
//! ```text
//! OUT/documents/part-<run>-<shard>-<n>.parquet   one row per input document
//! OUT/pages/part-<run>-<shard>-<n>.parquet       one row per page
//! OUT/runs/<run>.json                            run manifest
//! ```

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
            Error::output(&path, format!("cannot create folder ({e}); choose a writable --out"))
        })?;
    }
    let probe = out.join(RUNS_DIR).join(format!(".probe-{}", std::process::id()));
    std::fs::write(&probe, b"").map_err(|e| {
        Error::output(out, format!("not writable ({e}); choose a writable --out"))
    })?;
    let _ = std::fs::remove_file(probe);
    Ok(())
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

/// The doc_ids already in the dataset, for resuming.
pub fn existing_doc_ids(out: &Path) -> Result<HashSet<String>> {
    let mut ids = HashSet::new();
    for file in table_files(out, DOCUMENTS_DIR) {
        read::for_each_string(&file, "doc_id", |id| {
            ids.insert(id.to_string());
        })?;
    }
    Ok(ids)
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
        }
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
        let p = parquet::write_parquet(&self.out, &format!("{PAGES_DIR}/{name}"), &pages)?;
        let d = parquet::write_parquet(&self.out, &format!("{DOCUMENTS_DIR}/{name}"), &docs)?;
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
