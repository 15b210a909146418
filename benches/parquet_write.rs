//! Parquet writing throughput: document rows per second through the documents and pages schemas,
//! zstd, fsync and rename, as `arkiv run` writes them.
//!
//! `cargo bench --bench parquet_write`

use std::path::PathBuf;

use arkiv::decide::{DecideParams, decide};
use arkiv::record::{Document, DocumentRecord, MediaType, OcrPage, Source, TextSource, Word};
use arkiv::sink::{PartWriter, RunContext};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn records(n: usize) -> Vec<DocumentRecord> {
    let text = "姓名：张某某 住院号：ZY2024001 出院诊断：冠状动脉粥样硬化性心脏病。".repeat(20);
    (0..n)
        .map(|i| {
            let page = OcrPage {
                text: text.clone(),
                words: (0..200)
                    .map(|w| Word {
                        text: "诊断".into(),
                        confidence: 90.0,
                        bbox: [w, w, 20, 20],
                    })
                    .collect(),
                text_source: TextSource::Ocr,
                ocr_confidence: Some(90.0),
                engine: "tesseract".into(),
                error: None,
                ..OcrPage::failed(1, String::new())
            };
            let source = Source {
                path: PathBuf::from(format!("/scans/{i}.png")),
                doc_id: format!("{i:064x}"),
                bytes: 100_000,
                media_type: MediaType::Png,
            };
            let document = Document::from_pages(source, vec![page]);
            let decision = decide(&document, &text, &[], None, &DecideParams::default());
            DocumentRecord {
                document,
                text: text.clone(),
                text_masked: text.clone(),
                pii: Vec::new(),
                prediction: None,
                decision,
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let rows = records(500);
    let mut group = c.benchmark_group("parquet_write");
    group.sample_size(10);
    group.throughput(Throughput::Elements(rows.len() as u64));
    group.bench_function("500_documents", |b| {
        b.iter(|| {
            let tmp = tempfile::tempdir().expect("tempdir");
            arkiv::sink::prepare(tmp.path()).expect("prepare");
            let ctx = RunContext {
                run_id: "20260101T000000000Z-000000".into(),
                model_id: "bench".into(),
                arkiv_version: "bench".into(),
            };
            let mut writer = PartWriter::new(tmp.path(), ctx, 0, 500);
            for r in rows.iter().cloned() {
                writer.push(r).expect("push");
            }
            writer.finish().expect("finish");
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
