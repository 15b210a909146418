//! Review app speed on loopback with a 1,000-document queue (targets: queue page < 300 ms,
//! decision round-trip < 50 ms).
//!
//! `cargo bench --bench review`

#[path = "../tests/review_fixture/mod.rs"]
mod review_fixture;

use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::{Value, json};

fn review(c: &mut Criterion) {
    let f = review_fixture::build(1000, false);
    let server = review_fixture::Server::start(&f);
    let http = reqwest::blocking::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let login: Value = http
        .post(format!("{}/api/login", server.base))
        .json(&json!({"user": "lena", "password": review_fixture::PASSWORD}))
        .send()
        .unwrap()
        .json()
        .unwrap();
    let csrf = login["csrf_token"].as_str().unwrap().to_string();
    let mut g = c.benchmark_group("review_1000_docs");
    g.sample_size(30);
    g.bench_function("queue_page_html", |b| {
        b.iter(|| {
            let body = http
                .get(format!("{}/", server.base))
                .send()
                .unwrap()
                .text()
                .unwrap();
            assert!(body.len() > 100_000);
        })
    });
    g.bench_function("queue_api_json", |b| {
        b.iter(|| {
            http.get(format!("{}/api/queue", server.base))
                .send()
                .unwrap()
                .bytes()
                .unwrap()
        })
    });
    let ids: Vec<String> = f.docs.iter().map(|d| d.0.clone()).collect();
    let mut i = 0;
    g.bench_function("decision_round_trip", |b| {
        b.iter(|| {
            let id = &ids[i % ids.len()];
            i += 1;
            let r = http
                .post(format!("{}/api/documents/{id}/decision", server.base))
                .header("X-CSRF-Token", &csrf)
                .json(&json!({"category": "finance", "sensitivity": "S3"}))
                .send()
                .unwrap();
            assert!(r.status().is_success());
        })
    });
    g.finish();
}

criterion_group!(benches, review);
criterion_main!(benches);
