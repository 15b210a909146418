// OCR accuracy and speed per engine, through the same path as `arkiv run` (decode, clean to
// 200 dpi with the median filter, orientation check, recognise).
//
//   cargo bench --bench ocr_accuracy -- --engine ppocr DATASET...
//
// A DATASET is a folder holding either `truth.jsonl` (`id`, `text`; the page is `<id>.*`, as
// written by `datasets/generate.py scans|realtext`) or `img/` + `gt_txt/<stem>.txt` (the real
// English scans in ../shared/data). Options: `--engine tesseract|ppocr|ppocr-v4` (default
// ppocr), `--limit N` pages per dataset, `--lang` for Tesseract (default chi_sim+eng),
// `--det-side PX` for PP-OCR detection, `--median auto|always|never`, `--osd auto|always|never`, `--json FILE` for per-page rows.
// Prints CER (whitespace removed; edits / reference characters), WER (whitespace tokens), CPU
// seconds per page (process user+system time, one thread) and peak RSS. Run one engine per
// process so that peak RSS belongs to it. scripts/ocr_bench.sh builds the datasets and runs all.

use std::io::Write;
use std::path::{Path, PathBuf};

use arkiv::ingest::{self, IngestParams};
use arkiv::ocr::ppocr::{ModelSet, PpOcr, PpOcrParams};
use arkiv::ocr::preprocess::MedianMode;
use arkiv::ocr::tesseract::{Tesseract, TesseractParams};
use arkiv::ocr::{self, CleanParams, OcrEngine, OcrParams, OsdMode};

struct Options {
    engine: String,
    limit: usize,
    lang: String,
    det_side: Option<u32>,
    median: MedianMode,
    osd: OsdMode,
    json: Option<PathBuf>,
    datasets: Vec<PathBuf>,
}

fn parse_args() -> Result<Options, String> {
    let mut o = Options {
        engine: "ppocr".into(),
        limit: usize::MAX,
        lang: "chi_sim+eng".into(),
        det_side: None,
        median: MedianMode::Auto,
        osd: OsdMode::Auto,
        json: None,
        datasets: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--engine" => o.engine = value("--engine")?,
            "--limit" => o.limit = value("--limit")?.parse().map_err(|_| "bad --limit")?,
            "--lang" => o.lang = value("--lang")?,
            "--det-side" => {
                o.det_side = Some(value("--det-side")?.parse().map_err(|_| "bad --det-side")?)
            }
            "--median" => {
                o.median = match value("--median")?.as_str() {
                    "auto" => MedianMode::Auto,
                    "always" => MedianMode::Always,
                    "never" => MedianMode::Never,
                    m => return Err(format!("--median {m}: use auto, always or never")),
                }
            }
            "--osd" => {
                o.osd = match value("--osd")?.as_str() {
                    "auto" => OsdMode::Auto,
                    "always" => OsdMode::Always,
                    "never" => OsdMode::Never,
                    m => return Err(format!("--osd {m}: use auto, always or never")),
                }
            }
            "--json" => o.json = Some(value("--json")?.into()),
            "--bench" => {}
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            s => o.datasets.push(s.into()),
        }
    }
    Ok(o)
}

/// (image path, reference text) pairs of a dataset folder.
fn pages(dir: &Path, limit: usize) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    if let Ok(truth) = std::fs::read_to_string(dir.join("truth.jsonl")) {
        let files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        for line in truth.lines() {
            let Ok(row) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let (Some(id), Some(text)) = (row["id"].as_str(), row["text"].as_str()) else {
                continue;
            };
            let image = files.iter().find(|p| {
                p.file_stem().and_then(|s| s.to_str()) == Some(id)
                    && p.extension().is_some_and(|e| e != "jsonl")
            });
            if let Some(image) = image {
                out.push((image.clone(), text.to_string()));
            }
        }
    } else {
        let mut imgs: Vec<PathBuf> = std::fs::read_dir(dir.join("img"))
            .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        imgs.sort();
        for img in imgs {
            let Some(stem) = img.file_stem().and_then(|s| s.to_str()) else {
                continue;
            };
            if let Ok(text) =
                std::fs::read_to_string(dir.join("gt_txt").join(format!("{stem}.txt")))
            {
                out.push((img, text));
            }
        }
    }
    out.truncate(limit);
    out
}

fn levenshtein<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, x) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(x != y))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Full-width ASCII variants and the ideographic space folded to ASCII for comparison: the
/// rendered truth mixes `：` and `:` in ways no reader (or engine) can tell apart at 10 pt.
fn fold(c: char) -> char {
    match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    }
}

fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<f64> = after
        .split_whitespace()
        .filter_map(|v| v.parse().ok())
        .collect();
    // Fields after the command: state(skipped as non-numeric), ppid, …; utime and stime are the
    // 14th and 15th fields of the line, i.e. indices 10 and 11 of the numeric ones here.
    match (f.get(10), f.get(11)) {
        (Some(u), Some(s)) => (u + s) / 100.0,
        _ => 0.0,
    }
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() {
    let opts = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("ocr_accuracy: {e}");
            std::process::exit(2);
        }
    };
    if opts.datasets.is_empty() {
        eprintln!(
            "ocr_accuracy: no datasets given; see the comment at the top of benches/ocr_accuracy.rs"
        );
        return;
    }
    if let Err(e) = arkiv::runtime::init(None) {
        eprintln!("ocr_accuracy: {e}");
        std::process::exit(1);
    }
    let mut engine: Box<dyn OcrEngine> = match opts.engine.as_str() {
        "tesseract" => Box::new(
            Tesseract::new(&TesseractParams {
                lang: opts.lang.clone(),
                ..TesseractParams::default()
            })
            .unwrap_or_else(|e| panic!("{e}")),
        ),
        "ppocr" | "ppocr-v6" | "ppocr-v4" => {
            let mut p = PpOcrParams {
                models: if opts.engine == "ppocr-v4" {
                    ModelSet::V4
                } else {
                    ModelSet::V6
                },
                ..PpOcrParams::default()
            };
            if let Some(side) = opts.det_side {
                p.det.max_side = side;
            }
            match PpOcr::new(&p) {
                Ok(e) => Box::new(e),
                Err(e) => {
                    eprintln!("ocr_accuracy: {e}");
                    std::process::exit(1);
                }
            }
        }
        other => {
            eprintln!("ocr_accuracy: unknown engine {other}");
            std::process::exit(2);
        }
    };
    let params = OcrParams {
        clean: CleanParams {
            median: opts.median,
            ..CleanParams::default()
        },
        osd: opts.osd,
        ..OcrParams::default()
    };
    let ingest_params = IngestParams::default();
    let mut json = opts
        .json
        .as_ref()
        .map(|p| std::fs::File::create(p).expect("--json file"));
    println!("| dataset | engine | pages | CER % | WER % | CPU s/page |");
    println!("|---|---|---|---|---|---|");
    for dir in &opts.datasets {
        let (mut edits, mut chars, mut wedits, mut words, mut cpu, mut n) = (0, 0, 0, 0, 0.0, 0);
        for (path, truth) in pages(dir, opts.limit) {
            let Ok(opened) = ingest::open(&path, 0, &ingest_params) else {
                eprintln!("cannot open {}", path.display());
                continue;
            };
            let mut text = String::new();
            let t0 = cpu_seconds();
            for job in &opened.pages {
                if let Ok(input) = ingest::load_page(job, &ingest_params) {
                    let page = ocr::read_page(engine.as_mut(), job.page_no, input, &params);
                    text.push_str(&page.text);
                    text.push('\n');
                }
            }
            let spent = cpu_seconds() - t0;
            let squash = |s: &str| {
                s.chars()
                    .map(fold)
                    .filter(|c| !c.is_whitespace())
                    .collect::<Vec<char>>()
            };
            let (hyp, reference) = (squash(&text), squash(&truth));
            let e = levenshtein(&hyp, &reference);
            let tok = |s: &str| {
                s.split_whitespace()
                    .map(|w| w.chars().map(fold).collect::<String>())
                    .collect::<Vec<_>>()
            };
            let (hw, rw) = (tok(&text), tok(&truth));
            let we = levenshtein(&hw, &rw);
            if let Some(f) = json.as_mut() {
                let row = serde_json::json!({"dataset": dir, "engine": opts.engine, "page": path,
                    "cer": e as f64 / reference.len().max(1) as f64, "cpu_s": spent, "text": text,
                    "peak_rss_mb": peak_rss_mb()});
                let _ = writeln!(f, "{row}");
            }
            edits += e;
            chars += reference.len();
            wedits += we;
            words += rw.len();
            cpu += spent;
            n += opened.pages.len();
        }
        let name = dir
            .file_name()
            .map_or(String::new(), |s| s.to_string_lossy().into_owned());
        println!(
            "| {name} | {} | {n} | {:.2} | {:.1} | {:.2} |",
            opts.engine,
            100.0 * edits as f64 / chars.max(1) as f64,
            100.0 * wedits as f64 / words.max(1) as f64,
            cpu / n.max(1) as f64
        );
    }
    println!("peak RSS: {:.0} MB ({})", peak_rss_mb(), opts.engine);
}
