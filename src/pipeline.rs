//! Wires the stages: walk → open → (workers: decode → clean → OCR) → gather → PII → classify →
//! decide → write. Only this module knows the order.
//!
//! Threads: one producer opens files and queues their pages on a bounded channel; `jobs` OCR
//! workers, each owning its own engine, turn pages into [`OcrPage`]s; the calling thread gathers
//! pages into documents and runs PII detection, classification (in batches), the decision rules
//! and the writer. Bounded queues keep memory flat however large the backlog.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{SecondsFormat, Utc};
use crossbeam_channel::{Receiver, Sender, bounded};
use indicatif::{ProgressBar, ProgressStyle};
use sha2::{Digest, Sha256};

use crate::classify::{Classifier, ClassifyParams, Thresholds};
use crate::decide::{self, DecideParams};
use crate::error::{Error, Result};
use crate::ingest::{self, IngestParams};
use crate::ocr::ppocr::{PpOcr, PpOcrParams};
use crate::ocr::tesseract::TesseractParams;
use crate::ocr::{self, OcrEngine, OcrParams, Tesseract};
use crate::pii;
use crate::record::{Document, DocumentRecord, MediaType, OcrPage, PageJob, Source, Status};
use crate::sink::manifest::{self, Counts, ModelInfo, RunManifest};
use crate::sink::{self, PartWriter, RunContext};

/// A deterministic share of the inputs: shard `index` of `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// 0-based shard index.
    pub index: u32,
    /// Number of shards.
    pub count: u32,
}

impl Default for Shard {
    fn default() -> Self {
        Shard { index: 0, count: 1 }
    }
}

impl Shard {
    /// Parses `K/N` with `0 ≤ K < N`.
    pub fn parse(s: &str) -> std::result::Result<Shard, String> {
        let (k, n) = s
            .split_once('/')
            .ok_or_else(|| format!("shard `{s}` must look like K/N, e.g. 0/4"))?;
        let index: u32 = k
            .trim()
            .parse()
            .map_err(|_| format!("shard index `{k}` is not a number"))?;
        let count: u32 = n
            .trim()
            .parse()
            .map_err(|_| format!("shard count `{n}` is not a number"))?;
        if count == 0 || index >= count {
            return Err(format!("shard {index}/{count}: need 0 ≤ K < N"));
        }
        Ok(Shard { index, count })
    }

    /// Whether `path` belongs to this shard (by a hash of the path, stable across machines that
    /// see the inputs under the same path).
    pub fn contains(&self, path: &std::path::Path) -> bool {
        if self.count <= 1 {
            return true;
        }
        let digest = Sha256::digest(path.as_os_str().as_encoded_bytes());
        let v = u64::from_be_bytes(digest[..8].try_into().expect("8 bytes"));
        v % u64::from(self.count) == u64::from(self.index)
    }
}

/// Everything a run needs.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// Files and folders to process.
    pub inputs: Vec<PathBuf>,
    /// Dataset directory.
    pub out: PathBuf,
    /// Model package directory.
    pub model_dir: PathBuf,
    /// OCR worker threads.
    pub jobs: usize,
    /// Input limits.
    pub ingest: IngestParams,
    /// OCR stage settings.
    pub ocr: OcrParams,
    /// Which OCR engine reads raster pages.
    pub engine: EngineChoice,
    /// Tesseract settings.
    pub tesseract: TesseractParams,
    /// PP-OCR settings.
    pub ppocr: PpOcrParams,
    /// Classifier settings.
    pub classify: ClassifyParams,
    /// The confidence thresholds, when not the package's.
    pub thresholds: Option<Thresholds>,
    /// OCR-confidence and text-length review thresholds.
    pub min_ocr_confidence: f32,
    /// Minimum letters/digits/CJK characters before a document can be judged.
    pub min_text_chars: usize,
    /// Which share of the inputs to process.
    pub shard: Shard,
    /// Process documents even if already in the dataset.
    pub force: bool,
    /// Documents per Parquet part file.
    pub rows_per_part: usize,
    /// Documents per classification batch.
    pub classify_batch: usize,
    /// Show a progress bar (on a terminal) or periodic log lines.
    pub progress: bool,
    /// Encrypt the columns holding unmasked text and personal data with this key.
    pub encryption: Option<sink::EncryptionKey>,
}

/// The OCR engine of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EngineChoice {
    /// Tesseract 5 (any language it has data for).
    Tesseract,
    /// PP-OCR on ONNX Runtime (Chinese and English; far better on degraded Chinese scans).
    Ppocr,
    /// PP-OCR when the languages include Chinese (`chi_sim`, `chi_tra`), else Tesseract; Tesseract
    /// with a warning when the PP-OCR models are missing.
    Auto,
}

/// Starts one OCR engine for a worker. `Auto` has been resolved by then.
fn new_engine(choice: EngineChoice, opts: &RunOptions) -> Result<Box<dyn OcrEngine>> {
    let engine: Box<dyn OcrEngine> = match choice {
        EngineChoice::Ppocr => Box::new(PpOcr::new(&opts.ppocr).map_err(|e| Error::Ocr(e.0))?),
        EngineChoice::Tesseract | EngineChoice::Auto => {
            Box::new(Tesseract::new(&opts.tesseract).map_err(|e| Error::Ocr(e.0))?)
        }
    };
    Ok(engine)
}

/// Starts the first engine, resolving `Auto`; returns it with the resolved choice.
fn first_engine(opts: &RunOptions) -> Result<(EngineChoice, Box<dyn OcrEngine>)> {
    match opts.engine {
        EngineChoice::Auto
            if opts
                .tesseract
                .lang
                .split('+')
                .any(|l| l.starts_with("chi_")) =>
        {
            match new_engine(EngineChoice::Ppocr, opts) {
                Ok(engine) => Ok((EngineChoice::Ppocr, engine)),
                Err(e) => {
                    tracing::warn!("{e}; reading with Tesseract instead");
                    Ok((
                        EngineChoice::Tesseract,
                        new_engine(EngineChoice::Tesseract, opts)?,
                    ))
                }
            }
        }
        EngineChoice::Auto => Ok((
            EngineChoice::Tesseract,
            new_engine(EngineChoice::Tesseract, opts)?,
        )),
        choice => Ok((choice, new_engine(choice, opts)?)),
    }
}

/// What a run did.
#[derive(Debug, Clone)]
pub struct RunSummary {
    /// Run identifier.
    pub run_id: String,
    /// Dataset directory.
    pub out: PathBuf,
    /// Outcome counts.
    pub counts: Counts,
    /// Documents per category.
    pub categories: BTreeMap<String, u64>,
    /// Documents per final sensitivity.
    pub sensitivities: BTreeMap<String, u64>,
    /// Wall-clock time.
    pub elapsed: Duration,
    /// Path of the manifest written.
    pub manifest: PathBuf,
}

impl RunSummary {
    /// Pages per minute of wall-clock time.
    pub fn pages_per_minute(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64();
        if secs > 0.0 {
            self.counts.pages as f64 * 60.0 / secs
        } else {
            0.0
        }
    }
}

enum Event {
    Opened {
        index: usize,
        source: Source,
        pages: usize,
    },
    Page {
        index: usize,
        page: OcrPage,
    },
    Failed {
        source: Source,
        error: String,
    },
    Skipped,
}

struct Pending {
    source: Source,
    expected: usize,
    pages: Vec<OcrPage>,
}

/// A run identifier: UTC start time plus a short random suffix (unique across parallel shards).
pub fn new_run_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    h.write_u32(std::process::id());
    format!(
        "{}-{:06x}",
        Utc::now().format("%Y%m%dT%H%M%S%3fZ"),
        h.finish() & 0xFF_FFFF
    )
}

/// Runs the pipeline over the inputs into the dataset.
pub fn run(opts: &RunOptions) -> Result<RunSummary> {
    let started = Instant::now();
    let started_at = Utc::now();
    sink::prepare(&opts.out)?;
    sink::check_encryption(&opts.out, opts.encryption.as_ref())?;
    let mut classifier = Classifier::load(&opts.model_dir, opts.classify)?;
    let labels = classifier.package().labels.clone();
    let decide_params = DecideParams {
        min_ocr_confidence: opts.min_ocr_confidence,
        min_text_chars: opts.min_text_chars,
        ..DecideParams::from_thresholds(&opts.thresholds.unwrap_or(labels.thresholds))
    };
    // Start one engine now so that a missing language pack or model stops the run with a clear
    // message.
    let (engine_choice, first_engine) = first_engine(opts)?;
    let scanner = pii::Scanner::default();

    let entries: Vec<ingest::WalkEntry> = ingest::resolve_inputs(&opts.inputs)
        .into_iter()
        .filter(|e| opts.shard.contains(&e.path))
        .collect();
    let existing = if opts.force {
        HashSet::new()
    } else {
        sink::existing_doc_ids(&opts.out)?
    };
    let run_id = new_run_id();
    let alive = sink::lock_run(&opts.out, &run_id)?;
    for path in sink::recover(&opts.out)? {
        tracing::info!("removed {} left by an interrupted run", path.display());
    }
    let adopted = sink::orphaned_parts(&opts.out)?;
    let ctx = RunContext {
        run_id: run_id.clone(),
        model_id: classifier.package().model_id.clone(),
        arkiv_version: env!("CARGO_PKG_VERSION").to_string(),
    };
    let mut writer = PartWriter::new(&opts.out, ctx, opts.shard.index, opts.rows_per_part)
        .with_encryption(opts.encryption.clone());
    let mut counts = Counts {
        inputs: entries.len() as u64,
        ..Counts::default()
    };
    let mut categories = BTreeMap::new();
    let mut sensitivities = BTreeMap::new();
    let progress = Progress::new(opts.progress, entries.len() as u64);

    let jobs = opts.jobs.max(1);
    let (page_tx, page_rx) = bounded::<PageJob>(jobs * 2);
    let (event_tx, event_rx) = bounded::<Event>(jobs * 8);

    let outcome = std::thread::scope(|scope| -> Result<()> {
        {
            let event_tx = event_tx.clone();
            let ingest_params = opts.ingest.clone();
            let entries = &entries;
            let existing = &existing;
            scope.spawn(move || produce(entries, existing, &ingest_params, &page_tx, &event_tx));
        }
        let mut engines = vec![first_engine];
        for _ in 1..jobs {
            engines.push(new_engine(engine_choice, opts)?);
        }
        for engine in engines {
            let page_rx = page_rx.clone();
            let event_tx = event_tx.clone();
            let ingest_params = opts.ingest.clone();
            let ocr_params = opts.ocr.clone();
            scope.spawn(move || work(engine, &page_rx, &event_tx, &ingest_params, &ocr_params));
        }
        drop(page_rx);
        drop(event_tx);

        let mut pending: HashMap<usize, Pending> = HashMap::new();
        let mut batch: Vec<Document> = Vec::new();
        let mut finish_batch = |batch: &mut Vec<Document>| -> Result<()> {
            if batch.is_empty() {
                return Ok(());
            }
            let records = analyse(
                std::mem::take(batch),
                &scanner,
                &mut classifier,
                &decide_params,
            )?;
            for record in records {
                match record.document.status {
                    Status::Ok => counts.ok += 1,
                    Status::Partial => counts.partial += 1,
                    Status::Failed => counts.failed += 1,
                }
                counts.pages += record.document.pages.len() as u64;
                if record.decision.needs_review {
                    counts.needs_review += 1;
                }
                let category = record
                    .prediction
                    .as_ref()
                    .map_or("(none)".to_string(), |p| p.category.clone());
                *categories.entry(category).or_insert(0) += 1;
                *sensitivities
                    .entry(record.decision.sensitivity.as_str().to_string())
                    .or_insert(0) += 1;
                progress.document_done(record.document.pages.len() as u64);
                writer.push(record)?;
            }
            Ok(())
        };
        for event in event_rx.iter() {
            match event {
                Event::Opened {
                    index,
                    source,
                    pages,
                } => {
                    pending.insert(
                        index,
                        Pending {
                            source,
                            expected: pages,
                            pages: Vec::with_capacity(pages),
                        },
                    );
                }
                Event::Page { index, page } => {
                    let complete = pending.get_mut(&index).is_some_and(|p| {
                        p.pages.push(page);
                        p.pages.len() == p.expected
                    });
                    if complete && let Some(p) = pending.remove(&index) {
                        batch.push(Document::from_pages(p.source, p.pages));
                    }
                }
                Event::Failed { source, error } => {
                    batch.push(Document::failed(source, error));
                }
                Event::Skipped => {
                    counts.skipped += 1;
                    progress.document_done(0);
                }
            }
            if batch.len() >= opts.classify_batch.max(1) {
                finish_batch(&mut batch)?;
            }
        }
        finish_batch(&mut batch)?;
        Ok(())
    });
    progress.finish();
    outcome?;
    let mut files = adopted.clone();
    files.extend(writer.finish()?);
    let previous = manifest::latest(&opts.out)?;
    let elapsed = started.elapsed();
    let manifest_doc = RunManifest {
        run_id: run_id.clone(),
        arkiv_version: env!("CARGO_PKG_VERSION").to_string(),
        started_at: started_at.to_rfc3339_opts(SecondsFormat::Secs, true),
        finished_at: Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true),
        inputs: opts
            .inputs
            .iter()
            .map(|p| p.display().to_string())
            .collect(),
        shard: format!("{}/{}", opts.shard.index, opts.shard.count),
        model: ModelInfo {
            id: classifier.package().model_id.clone(),
            dir: opts.model_dir.display().to_string(),
        },
        config: config_json(opts, &decide_params, engine_choice),
        counts,
        categories: categories.clone(),
        sensitivities: sensitivities.clone(),
        files,
        adopted: adopted.into_iter().map(|f| f.path).collect(),
        previous_manifest: previous.as_ref().map(|p| p.0.clone()),
        previous_manifest_sha256: previous.map(|p| p.1),
        elapsed_seconds: elapsed.as_secs_f64(),
    };
    manifest::write(&opts.out, &manifest_doc)?;
    sink::unlock_run(&opts.out, &run_id, alive);
    Ok(RunSummary {
        run_id: run_id.clone(),
        out: opts.out.clone(),
        counts,
        categories,
        sensitivities,
        elapsed,
        manifest: opts.out.join(sink::RUNS_DIR).join(format!("{run_id}.json")),
    })
}

fn config_json(
    opts: &RunOptions,
    decide: &DecideParams,
    engine: EngineChoice,
) -> serde_json::Value {
    let engine = match engine {
        EngineChoice::Ppocr => opts.ppocr.models.engine_name(),
        _ => "tesseract",
    };
    serde_json::json!({
        "jobs": opts.jobs,
        "lang": opts.tesseract.lang,
        "psm": opts.tesseract.psm,
        "reread_latin_share": opts.tesseract.reread_latin_share,
        "engine": engine,
        "clean": {
            "target_dpi": opts.ocr.clean.target_dpi,
            "median": format!("{:?}", opts.ocr.clean.median).to_lowercase(),
        },
        "osd": format!("{:?}", opts.ocr.osd).to_lowercase(),
        "pdf_dpi": opts.ingest.pdf_dpi,
        "max_pixels": opts.ingest.max_pixels,
        "max_pages": opts.ingest.max_pages,
        "max_file_bytes": opts.ingest.max_file_bytes,
        "decide": decide,
        "force": opts.force,
        "rows_per_part": opts.rows_per_part,
        "encryption": opts.encryption.as_ref().map(|k| serde_json::json!({
            "key_id": k.id(),
            "documents": sink::crypt::sensitive_columns(sink::DOCUMENTS_DIR),
            "pages": sink::crypt::sensitive_columns(sink::PAGES_DIR),
        })),
    })
}

/// Opens each input in order and queues its pages.
fn produce(
    entries: &[ingest::WalkEntry],
    existing: &HashSet<String>,
    params: &IngestParams,
    pages: &Sender<PageJob>,
    events: &Sender<Event>,
) {
    let mut seen: HashSet<String> = HashSet::new();
    for (index, entry) in entries.iter().enumerate() {
        if let Some(error) = &entry.error {
            let source = Source {
                path: entry.path.clone(),
                doc_id: ingest::path_id(&entry.path),
                bytes: 0,
                media_type: MediaType::Unknown,
            };
            if events
                .send(Event::Failed {
                    source,
                    error: error.clone(),
                })
                .is_err()
            {
                return;
            }
            continue;
        }
        let event = match ingest::open(&entry.path, index, params) {
            Err((source, error)) => {
                if existing.contains(&source.doc_id) || !seen.insert(source.doc_id.clone()) {
                    Event::Skipped
                } else {
                    Event::Failed {
                        source,
                        error: error.0,
                    }
                }
            }
            Ok(opened) => {
                if existing.contains(&opened.source.doc_id)
                    || !seen.insert(opened.source.doc_id.clone())
                {
                    Event::Skipped
                } else {
                    let count = opened.pages.len();
                    if events
                        .send(Event::Opened {
                            index,
                            source: opened.source,
                            pages: count,
                        })
                        .is_err()
                    {
                        return;
                    }
                    for job in opened.pages {
                        if pages.send(job).is_err() {
                            return;
                        }
                    }
                    continue;
                }
            }
        };
        if events.send(event).is_err() {
            return;
        }
    }
}

/// An OCR worker: decodes and reads pages until the queue closes, then drops its engine.
fn work(
    mut engine: Box<dyn OcrEngine>,
    pages: &Receiver<PageJob>,
    events: &Sender<Event>,
    ingest_params: &IngestParams,
    ocr_params: &OcrParams,
) {
    for job in pages.iter() {
        let page = match ingest::load_page(&job, ingest_params) {
            Ok(input) => ocr::read_page(engine.as_mut(), job.page_no, input, ocr_params),
            Err(e) => OcrPage::failed(job.page_no, e.0),
        };
        if events
            .send(Event::Page {
                index: job.doc_index,
                page,
            })
            .is_err()
        {
            break;
        }
    }
    drop(engine);
}

/// PII, classification and decisions for a batch of read documents.
fn analyse(
    documents: Vec<Document>,
    scanner: &pii::Scanner,
    classifier: &mut Classifier,
    params: &DecideParams,
) -> Result<Vec<DocumentRecord>> {
    let texts: Vec<String> = documents.iter().map(Document::text).collect();
    let readable: Vec<usize> = (0..documents.len())
        .filter(|&i| !texts[i].trim().is_empty())
        .collect();
    let inputs: Vec<&str> = readable.iter().map(|&i| texts[i].as_str()).collect();
    let mut predictions = vec![None; documents.len()];
    for (i, p) in readable.iter().zip(classifier.predict(&inputs)?) {
        predictions[*i] = Some(p);
    }
    Ok(documents
        .into_iter()
        .zip(texts)
        .zip(predictions)
        .map(|((document, text), prediction)| {
            let findings = scanner.scan(&text);
            let text_masked = pii::mask(&text, &findings);
            let decision = decide::decide(&document, &text, &findings, prediction.as_ref(), params);
            DocumentRecord {
                document,
                text,
                text_masked,
                pii: findings,
                prediction,
                decision,
            }
        })
        .collect())
}

/// A progress bar on a terminal, periodic log lines otherwise.
struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    last_line: std::cell::Cell<Instant>,
    total: u64,
    done: std::cell::Cell<u64>,
    pages: std::cell::Cell<u64>,
    enabled: bool,
}

impl Progress {
    fn new(enabled: bool, total: u64) -> Self {
        let bar = (enabled && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::new(total);
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} [{elapsed_precise}] {bar:40} {pos}/{len} documents  {msg}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar
        });
        Progress {
            bar,
            started: Instant::now(),
            last_line: std::cell::Cell::new(Instant::now()),
            total,
            done: std::cell::Cell::new(0),
            pages: std::cell::Cell::new(0),
            enabled,
        }
    }

    fn document_done(&self, pages: u64) {
        self.done.set(self.done.get() + 1);
        self.pages.set(self.pages.get() + pages);
        let minutes = self.started.elapsed().as_secs_f64() / 60.0;
        let rate = if minutes > 0.0 {
            self.pages.get() as f64 / minutes
        } else {
            0.0
        };
        if let Some(bar) = &self.bar {
            bar.set_position(self.done.get());
            bar.set_message(format!("{} pages, {rate:.1} pages/min", self.pages.get()));
        } else if self.enabled && self.last_line.get().elapsed() >= Duration::from_secs(10) {
            self.last_line.set(Instant::now());
            tracing::info!(
                "{}/{} documents, {} pages, {rate:.1} pages/min",
                self.done.get(),
                self.total,
                self.pages.get()
            );
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_partition_the_inputs() {
        let shards: Vec<Shard> = (0..3).map(|i| Shard { index: i, count: 3 }).collect();
        for i in 0..200 {
            let p = PathBuf::from(format!("/scans/box{}/page{i}.tif", i % 7));
            let owners = shards.iter().filter(|s| s.contains(&p)).count();
            assert_eq!(owners, 1, "{}", p.display());
        }
        assert!(Shard::default().contains(std::path::Path::new("x")));
    }

    #[test]
    fn parses_shards() {
        assert_eq!(Shard::parse("2/4").unwrap(), Shard { index: 2, count: 4 });
        assert!(Shard::parse("4/4").is_err());
        assert!(Shard::parse("1").is_err());
        assert!(Shard::parse("a/2").is_err());
    }

    #[test]
    fn run_ids_are_unique_and_sortable() {
        let a = new_run_id();
        let b = new_run_id();
        assert_ne!(a, b);
        assert!(a.starts_with("20"));
    }
}
