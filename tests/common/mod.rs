//! Helpers shared by the end-to-end tests: the binary, the fixtures, reading the dataset.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use arrow::array::RecordBatch;

/// The crate root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `arkiv` binary under test, with no explicit runtime path from the environment.
pub fn arkiv() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_arkiv"));
    cmd.env_remove("ARKIV_ORT_LIB");
    cmd
}

/// The tiny model package fixture (see its PROVENANCE.md).
pub fn tiny_model() -> PathBuf {
    root().join("tests/fixtures/tiny_model")
}

/// `arkiv run --quiet --jobs 1 --model <tiny> INPUT --out OUT`, ready for more arguments.
pub fn run_tiny(input: &Path, out: &Path) -> Command {
    let mut cmd = arkiv();
    cmd.args(["run", "--quiet", "--jobs", "1", "--model"])
        .arg(tiny_model())
        .arg(input)
        .arg("--out")
        .arg(out);
    cmd
}

/// The Parquet files of a table, sorted.
pub fn parquet_files(out: &Path, table: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(out.join(table))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "parquet"))
        .collect();
    files.sort();
    files
}

/// Every record batch of a table.
pub fn read_table(out: &Path, table: &str) -> Vec<RecordBatch> {
    let mut batches = Vec::new();
    for f in parquet_files(out, table) {
        let file = std::fs::File::open(&f).unwrap();
        let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)
            .unwrap()
            .build()
            .unwrap();
        batches.extend(reader.map(|b| b.unwrap()));
    }
    batches
}

/// The run manifests (`runs/*.json`), parsed, in name order.
pub fn manifests(out: &Path) -> Vec<serde_json::Value> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(out.join("runs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap())
        .collect()
}
