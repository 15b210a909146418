//! Reading columns back from the dataset's Parquet files.
//!
//! Files written with a key have a plaintext footer: the columns that are not encrypted are read
//! without a key, and a key is needed (and checked) only when an encrypted column is asked for.

use std::fs::File;
use std::path::Path;
use std::sync::Arc;

use arrow::array::{Array, AsArray, RecordBatch};
use parquet::arrow::ProjectionMask;
use parquet::arrow::arrow_reader::{
    ArrowReaderMetadata, ArrowReaderOptions, ParquetRecordBatchReaderBuilder,
};
use parquet::file::metadata::ParquetMetaData;

use super::crypt::{self, EncryptionKey, KEY_OPTION};
use crate::error::{Error, Result};

/// Reads the named columns of a Parquet file as record batches. Encrypted columns need `key`;
/// without it the error says which column is encrypted and which option to pass.
pub fn read_columns(
    path: &Path,
    columns: &[&str],
    key: Option<&EncryptionKey>,
) -> Result<Vec<RecordBatch>> {
    let file = File::open(path).map_err(|e| Error::output(path, e))?;
    let plain = ArrowReaderMetadata::load(&file, ArrowReaderOptions::new())
        .map_err(|e| Error::output(path, format!("not a readable Parquet file: {e}")))?;
    let encrypted = crypt::encrypted_columns(plain.metadata());
    let needs_key = columns.iter().find(|c| encrypted.iter().any(|e| e == *c));
    let builder = match (needs_key, key) {
        (None, _) => ParquetRecordBatchReaderBuilder::new_with_metadata(file, plain),
        (Some(column), None) => {
            return Err(Error::Usage(format!(
                "{}: column `{column}` is encrypted; pass {KEY_OPTION} FILE",
                path.display()
            )));
        }
        (Some(_), Some(key)) => {
            key.check_opens(path, plain.metadata())?;
            let options =
                ArrowReaderOptions::new().with_file_decryption_properties(key.file_decryption()?);
            ParquetRecordBatchReaderBuilder::try_new_with_options(file, options)
                .map_err(|e| Error::output(path, format!("cannot decrypt: {e}")))?
        }
    };
    let schema = builder.parquet_schema();
    let indices: Vec<usize> = columns
        .iter()
        .map(|name| {
            schema
                .root_schema()
                .get_fields()
                .iter()
                .position(|f| f.name() == *name)
                .ok_or_else(|| Error::output(path, format!("column `{name}` is missing")))
        })
        .collect::<Result<_>>()?;
    let mask = ProjectionMask::roots(schema, indices);
    let reader = builder
        .with_projection(mask)
        .build()
        .map_err(|e| Error::output(path, e))?;
    reader
        .map(|b| b.map_err(|e| Error::output(path, e)))
        .collect()
}

/// Calls `f` with every non-null value of a string column.
pub fn for_each_string(
    path: &Path,
    column: &str,
    key: Option<&EncryptionKey>,
    mut f: impl FnMut(&str),
) -> Result<()> {
    for batch in read_columns(path, &[column], key)? {
        let array = batch.column(0);
        let strings = array
            .as_string_opt::<i32>()
            .ok_or_else(|| Error::output(path, format!("column `{column}` is not text")))?;
        for i in 0..strings.len() {
            if strings.is_valid(i) {
                f(strings.value(i));
            }
        }
    }
    Ok(())
}

/// Number of rows in a Parquet file, from its (plaintext) footer.
pub fn row_count(path: &Path) -> Result<u64> {
    Ok(footer(path)?.file_metadata().num_rows().max(0) as u64)
}

/// The footer of a Parquet file, read without a key (encrypted columns' details stay hidden).
pub fn footer(path: &Path) -> Result<Arc<ParquetMetaData>> {
    let file = File::open(path).map_err(|e| Error::output(path, e))?;
    let meta = ArrowReaderMetadata::load(&file, ArrowReaderOptions::new())
        .map_err(|e| Error::output(path, format!("not a readable Parquet file: {e}")))?;
    Ok(Arc::clone(meta.metadata()))
}
