//! Reading columns back from the dataset's Parquet files.

use std::fs::File;
use std::path::Path;

use arrow::array::{Array, AsArray, RecordBatch};
use parquet::arrow::ProjectionMask;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

use crate::error::{Error, Result};

/// Reads the named columns of a Parquet file as record batches.
pub fn read_columns(path: &Path, columns: &[&str]) -> Result<Vec<RecordBatch>> {
    let file = File::open(path).map_err(|e| Error::output(path, e))?;
    let builder = ParquetRecordBatchReaderBuilder::try_new(file)
        .map_err(|e| Error::output(path, format!("not a readable Parquet file: {e}")))?;
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
pub fn for_each_string(path: &Path, column: &str, mut f: impl FnMut(&str)) -> Result<()> {
    for batch in read_columns(path, &[column])? {
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

/// Number of rows in a Parquet file, from its footer.
pub fn row_count(path: &Path) -> Result<u64> {
    let file = File::open(path).map_err(|e| Error::output(path, e))?;
    let builder = ParquetRecordBatchReaderBuilder::try_new(file)
        .map_err(|e| Error::output(path, format!("not a readable Parquet file: {e}")))?;
    Ok(builder.metadata().file_metadata().num_rows().max(0) as u64)
}
