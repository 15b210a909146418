//! Crash-safe Parquet files: written under a temporary name, fsynced, then renamed, so a reader
//! never sees half a file. The sha256 of the bytes is computed while writing.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use arrow::array::RecordBatch;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::crypt::EncryptionKey;
use super::schema::{SCHEMA_VERSION, SCHEMA_VERSION_KEY};
use crate::error::{Error, Result};

/// A file written to the dataset, as listed in the run manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrittenFile {
    /// Path relative to the dataset root, `/`-separated.
    pub path: String,
    /// Hex sha256 of the file's bytes.
    pub sha256: String,
    /// Rows in the file (0 for non-table files).
    pub rows: u64,
    /// Size in bytes.
    pub bytes: u64,
}

struct HashingFile {
    file: File,
    hasher: Sha256,
    bytes: u64,
}

impl Write for HashingFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        super::fault::disk_write(buf.len())?;
        let n = self.file.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

/// Writes `batch` to `root/relative` atomically (zstd, schema version in the key-value metadata).
pub fn write_parquet(root: &Path, relative: &str, batch: &RecordBatch) -> Result<WrittenFile> {
    write_parquet_with(root, relative, batch, None)
}

/// [`write_parquet`], encrypting the given top-level columns with the key when one is given
/// (see [`super::crypt`]).
pub fn write_parquet_with(
    root: &Path,
    relative: &str,
    batch: &RecordBatch,
    encrypt: Option<(&EncryptionKey, &[&str])>,
) -> Result<WrittenFile> {
    let target = root.join(relative);
    let encryption = match encrypt {
        Some((key, columns)) => key.file_encryption(&batch.schema(), columns)?,
        None => None,
    };
    let tmp = temp_name(&target);
    let file = File::create(&tmp).map_err(|e| Error::output(&tmp, e))?;
    let sink = HashingFile {
        file,
        hasher: Sha256::new(),
        bytes: 0,
    };
    let mut props = WriterProperties::builder()
        .set_compression(Compression::ZSTD(
            ZstdLevel::try_new(3).expect("valid level"),
        ))
        .set_key_value_metadata(Some(vec![KeyValue::new(
            SCHEMA_VERSION_KEY.to_string(),
            SCHEMA_VERSION.to_string(),
        )]))
        .set_created_by(format!("arkiv {}", env!("CARGO_PKG_VERSION")));
    if let Some(encryption) = encryption {
        props = props.with_file_encryption_properties(encryption);
    }
    let props = props.build();
    let result = (|| {
        let mut writer = ArrowWriter::try_new(sink, batch.schema(), Some(props))
            .map_err(|e| Error::output(&tmp, e))?;
        writer.write(batch).map_err(|e| Error::output(&tmp, e))?;
        let sink = writer.into_inner().map_err(|e| Error::output(&tmp, e))?;
        sink.file.sync_all().map_err(|e| Error::output(&tmp, e))?;
        super::fault::point("parquet-before-rename");
        Ok::<_, Error>(sink)
    })();
    let sink = match result {
        Ok(sink) => sink,
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
    };
    publish(&tmp, &target)?;
    Ok(WrittenFile {
        path: relative.to_string(),
        sha256: hex::encode(sink.hasher.finalize()),
        rows: batch.num_rows() as u64,
        bytes: sink.bytes,
    })
}

/// Writes bytes to `target` atomically.
pub fn write_bytes_atomic(target: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = temp_name(target);
    let outcome = (|| {
        let mut file = File::create(&tmp)?;
        super::fault::disk_write(bytes.len())?;
        file.write_all(&bytes[..bytes.len() / 2])?;
        super::fault::point("file-half-written");
        file.write_all(&bytes[bytes.len() / 2..])?;
        file.sync_all()
    })();
    if let Err(e) = outcome {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::output(target, e));
    }
    publish(&tmp, target)
}

/// Temporary sibling name: hidden and with a `.tmp` suffix, so dataset globs skip it.
fn temp_name(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

fn publish(tmp: &Path, target: &Path) -> Result<()> {
    std::fs::rename(tmp, target).map_err(|e| Error::output(target, e))?;
    if let Some(dir) = target.parent()
        && let Ok(d) = File::open(dir)
    {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Hex sha256 of a file's bytes.
pub fn sha256_file(path: &Path) -> std::io::Result<String> {
    let mut file = File::open(path)?;
    let mut hasher = Sha256::new();
    std::io::copy(&mut file, &mut hasher)?;
    Ok(hex::encode(hasher.finalize()))
}
