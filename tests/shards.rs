//! Three shard processes writing into one dataset give the same rows as one unsharded run.

use std::collections::BTreeSet;
use std::path::Path;

use arrow::array::AsArray;

mod common;
use common::{arkiv, manifests, read_table, run_tiny};

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
    for batch in read_table(out, "documents") {
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
    set
}

fn run(input: &Path, out: &Path, shard: Option<&str>) -> std::process::Child {
    let mut cmd = run_tiny(input, out);
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
    let inputs_total: u64 = manifests(&sharded)
        .iter()
        .map(|m| m["counts"]["inputs"].as_u64().unwrap())
        .sum();
    assert_eq!(inputs_total, 14);
    let verified = arkiv().arg("verify").arg(&sharded).output().unwrap();
    assert!(
        verified.status.success(),
        "{}",
        String::from_utf8_lossy(&verified.stdout)
    );
}
