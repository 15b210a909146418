//! Classification throughput: tokeniser + ONNX inference, documents per second on one thread,
//! at batch sizes 1, 8, 32 and 64, with the shipped default model on the sample documents' text.
//!
//! `cargo bench --bench classify`

use std::path::PathBuf;

use arkiv::classify::{Classifier, ClassifyParams};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

fn texts() -> Vec<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let truth = std::fs::read_to_string(root.join("datasets/sample/truth.jsonl"))
        .expect("datasets/sample/truth.jsonl");
    let base: Vec<String> = truth
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("json")["text"]
                .as_str()
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    base.iter().cycle().take(256).cloned().collect()
}

fn bench(c: &mut Criterion) {
    arkiv::runtime::init(None).expect("ONNX Runtime (run `make setup`)");
    let model = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("models/default");
    let texts = texts();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let mut group = c.benchmark_group("classify");
    group.sample_size(10);
    for batch in [1usize, 8, 32, 64] {
        let mut classifier = Classifier::load(
            &model,
            ClassifyParams {
                batch_size: batch,
                threads: 1,
            },
        )
        .expect("models/default loads");
        group.throughput(Throughput::Elements(refs.len() as u64));
        group.bench_with_input(BenchmarkId::new("batch", batch), &refs, |b, refs| {
            b.iter(|| {
                for chunk in refs.chunks(batch) {
                    classifier.predict(chunk).expect("inference");
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
