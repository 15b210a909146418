//! Three shard processes writing into one dataset give the same rows as one unsharded run.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use arrow::array::AsArray;

fn arkiv() -> Command {
    Command::new(env!("CARGO_BIN_EXE_arkiv"))
}

fn tiny_model() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tiny_model")
}

fn inputs(dir: &Path) {
    std::fs::create_dir_all(dir.join("box")).unwrap();
    for i in 0..6u8 {
        let img = image::GrayImage::from_fn(40 + u32::from(i), 30, |x, y| {
            image::Luma([if (x + y) % 7 == u32::from(i) { 0 } else { 255 }])
        });
        img.save(dir.join(format!("box/page{i}.png"))).unwrap();
    }
    for i in 0..4 {
        std::fs::write(dir.join(format!("note{i}.txt")), format!("note {i}")).unwrap();
        std::fs::write(dir.join(format!("bad{i}.tif")), format!("II*\0{i}")).unwrap();
    }
}

/// (doc_id, source_path, status, text) of every document row.
fn rows(out: &Path) -> BTreeSet<(String, String, String, String)> {
    let mut set = BTreeSet::new();
    for entry in std::fs::read_dir(out.join("documents")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "parquet") {
            continue;
        }
        let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(
            std::fs::File::open(&path).unwrap(),
        )
        .unwrap()
        .build()
        .unwrap();
        for batch in reader {
            let batch = batch.unwrap();
            let col = |n: &str| batch.column_by_name(n).unwrap().as_string::<i32>().clone();
            let (id, src, st, tx) = (
                col("doc_id"),
                col("source_path"),
                col("status"),
                col("text"),
            );
            for i in 0..batch.num_rows() {
                let added = set.insert((
                    id.value(i).to_string(),
                    src.value(i).to_string(),
                    st.value(i).to_string(),
                    tx.value(i).to_string(),
                ));
                assert!(added, "duplicate row for {}", id.value(i));
            }
        }
    }
    set
}

fn run(input: &Path, out: &Path, shard: Option<&str>) -> std::process::Child {
    let mut cmd = arkiv();
    cmd.args(["run", "--quiet", "--jobs", "1", "--model"])
        .arg(tiny_model())
        .arg(input)
        .arg("--out")
        .arg(out);
    if let Some(s) = shard {
        cmd.args(["--shard", s]);
    }
    cmd.spawn().unwrap()
}

#[test]
fn union_of_shards_equals_a_single_run() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    inputs(&input);
    let single = tmp.path().join("single");
    assert!(run(&input, &single, None).wait().unwrap().success());

    let sharded = tmp.path().join("sharded");
    let children: Vec<_> = ["0/3", "1/3", "2/3"]
        .iter()
        .map(|s| run(&input, &sharded, Some(s)))
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    let expected = rows(&single);
    assert_eq!(expected.len(), 14);
    assert_eq!(rows(&sharded), expected);

    // Every shard accounted for its share; together they cover every input once.
    let mut inputs_total = 0;
    for entry in std::fs::read_dir(sharded.join("runs")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let m: serde_json::Value =
                serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
            inputs_total += m["counts"]["inputs"].as_u64().unwrap();
        }
    }
    assert_eq!(inputs_total, 14);
    let verified = arkiv().arg("verify").arg(&sharded).output().unwrap();
    assert!(
        verified.status.success(),
        "{}",
        String::from_utf8_lossy(&verified.stdout)
    );
}
