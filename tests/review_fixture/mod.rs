//! A small review dataset made without OCR: fabricated document records pointing at tiny PNGs,
//! written with the crate's own schema and Parquet writer, plus a users file. Shared by the
//! review tests and the review benchmark.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arkiv::pii::{Finding, PiiKind};
use arkiv::record::{
    Decision, Document, DocumentRecord, Level, MediaType, OcrPage, Prediction, Score, Source,
    TextSource,
};
use arkiv::review::users::{Role, Users};
use arkiv::review::{App, dataset::DEFAULT_CATEGORIES};
use arkiv::sink::RunContext;
use sha2::{Digest, Sha256};

/// Password of every fixture user.
pub const PASSWORD: &str = "correct horse battery";

/// Users: `rita` reviewer S2, `lena` lead S5, `sam` reviewer S4.
pub const USERS: [(&str, Role, Level); 3] = [
    ("rita", Role::Reviewer, Level::S2),
    ("lena", Role::Lead, Level::S5),
    ("sam", Role::Reviewer, Level::S4),
];

/// The unmasked secret in every fixture document's text; it must never leak to the uncleared.
pub const SECRET_PHONE: &str = "13800138000";

/// A fabricated dataset.
pub struct Fixture {
    /// Keeps the temporary folder alive.
    pub dir: tempfile::TempDir,
    /// Dataset folder.
    pub out: PathBuf,
    /// Users file.
    pub users: PathBuf,
    /// (doc_id, category, final sensitivity) of each document, in write order.
    pub docs: Vec<(String, String, Level)>,
}

fn png(path: &Path, seed: usize) -> Vec<u8> {
    let img = image::GrayImage::from_fn(120, 160, |x, y| {
        let v = ((x as usize * 7 + y as usize * 3 + seed * 31) % 200) as u8 + 40;
        image::Luma([if (y / 20) % 2 == 0 { v } else { 255 - v / 4 }])
    });
    img.save(path).expect("write png");
    std::fs::read(path).expect("read png")
}

fn scores(labels: &[&str], top: usize, p: f32) -> Vec<Score> {
    let rest = (1.0 - p) / (labels.len() as f32 - 1.0);
    labels
        .iter()
        .enumerate()
        .map(|(i, l)| Score {
            label: l.to_string(),
            score: if i == top { p } else { rest },
        })
        .collect()
}

/// Builds `n` documents (with real PNG sources when `images`), and the users file.
pub fn build(n: usize, images: bool) -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    let scans = dir.path().join("scans");
    std::fs::create_dir_all(&scans).unwrap();
    arkiv::sink::prepare(&out).expect("prepare");
    let levels = ["S1", "S2", "S3", "S4", "S5"];
    let mut records = Vec::new();
    let mut docs = Vec::new();
    for i in 0..n {
        let path = scans.join(format!("scan-{i:04}.png"));
        let (doc_id, bytes) = if images {
            let data = png(&path, i);
            (hex::encode(Sha256::digest(&data)), data.len() as u64)
        } else {
            (hex::encode(Sha256::digest(format!("doc {i}"))), 1000)
        };
        // Sensitivity cycles S4, S2, S1, S5, S3 so the first documents cover the interesting cases.
        let level = [Level::S4, Level::S2, Level::S1, Level::S5, Level::S3][i % 5];
        let cat = i % DEFAULT_CATEGORIES.len();
        let p = 0.35 + (i % 50) as f32 / 100.0;
        let text = format!("文件 {i}\n姓名：张三 电话：{SECRET_PHONE}\n诊断：高血压 第{i}号");
        let masked = format!("文件 {i}\n姓名：张* 电话：138****8000\n诊断：高血压 第{i}号");
        let page = OcrPage {
            page_no: 1,
            width: 120,
            height: 160,
            dpi: 200.0,
            rotation: 0,
            skew: 0.0,
            ocr_confidence: Some(80.0),
            text: text.clone(),
            words: Vec::new(),
            text_source: TextSource::Ocr,
            engine: "tesseract".into(),
            preprocessing: Vec::new(),
            error: None,
        };
        let source = Source {
            path: path.clone(),
            doc_id: doc_id.clone(),
            bytes,
            media_type: MediaType::Png,
        };
        let model_level = levels[(level as usize).saturating_sub(1)];
        let prediction = Prediction {
            category: DEFAULT_CATEGORIES[cat].into(),
            category_confidence: p,
            category_scores: scores(&DEFAULT_CATEGORIES, cat, p),
            sensitivity: model_level.into(),
            sensitivity_confidence: 0.6,
            sensitivity_scores: scores(&levels, level as usize - 1, 0.6),
        };
        let start = text
            .find(SECRET_PHONE)
            .map(|b| text[..b].chars().count())
            .unwrap_or(0);
        records.push(DocumentRecord {
            document: Document::from_pages(source, vec![page]),
            text,
            text_masked: masked,
            pii: vec![Finding {
                kind: PiiKind::Phone,
                start,
                end: start + SECRET_PHONE.len(),
                detector: "phone",
                confidence: 0.99,
            }],
            prediction: Some(prediction),
            decision: Decision {
                sensitivity: level,
                floor: level,
                sensitivity_reasons: vec!["pii".into()],
                needs_review: i % 7 != 6,
                sensitivity_review_confidence: Some(p),
                review_reasons: vec![
                    if i % 2 == 0 {
                        "low_category_confidence"
                    } else {
                        "floor_raised"
                    }
                    .into(),
                ],
                review_priority: arkiv::decide::priority(p, level),
            },
        });
        docs.push((doc_id, DEFAULT_CATEGORIES[cat].to_string(), level));
    }
    let ctx = RunContext {
        run_id: "20250101T000000Z-test".into(),
        model_id: "fixture@0.1+sha256:00".into(),
        arkiv_version: "test".into(),
    };
    let now = chrono::Utc::now();
    for (part, chunk) in records.chunks(500).enumerate() {
        let name = format!("part-test-0-{part:05}.parquet");
        let batch = arkiv::sink::schema::documents_batch(chunk, &ctx, now);
        arkiv::sink::parquet::write_parquet(&out, &format!("documents/{name}"), &batch)
            .expect("write");
        let pages = arkiv::sink::schema::pages_batch(chunk, &ctx);
        arkiv::sink::parquet::write_parquet(&out, &format!("pages/{name}"), &pages).expect("write");
    }
    let users = dir.path().join("users.json");
    let mut u = Users::load_or_new(&users).unwrap();
    for (name, role, level) in USERS {
        u.add(name, role, level, PASSWORD).unwrap();
    }
    u.save().unwrap();
    Fixture {
        dir,
        out,
        users,
        docs,
    }
}

/// A running review server on a free loopback port.
pub struct Server {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// The app behind it.
    pub app: Arc<App>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    /// Starts the server for a fixture on its own runtime thread.
    pub fn start(f: &Fixture) -> Server {
        let app = Arc::new(App::open(&f.out, &f.users).expect("open app"));
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let (addr_tx, addr_rx) = std::sync::mpsc::channel::<SocketAddr>();
        let served = Arc::clone(&app);
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                addr_tx.send(listener.local_addr().unwrap()).unwrap();
                arkiv::review::server::serve_listener(served, listener, async {
                    let _ = rx.await;
                })
                .await
                .unwrap();
            });
        });
        let addr = addr_rx.recv().expect("server address");
        Server {
            base: format!("http://{addr}"),
            app,
            stop: Some(tx),
            thread: Some(thread),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
