//! The `arkiv` command line: parses arguments, calls the library, maps errors to exit codes.
//!
//! Exit status: 0 when the command completed (a run with failed documents still completes, with
//! a warning); 1 when it could not proceed (no runtime library, unwritable output, broken model);
//! 2 on usage errors.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};

use arkiv::classify::ClassifyParams;
use arkiv::ingest::IngestParams;
use arkiv::ocr::tesseract::TesseractParams;
use arkiv::ocr::{CleanParams, OcrParams, OsdMode};
use arkiv::{Error, Shard};

/// Archive digitisation: OCR, classification, personal-data masking, Parquet for review.
#[derive(Parser, Debug)]
#[command(name = "arkiv", version, about, propagate_version = true)]
struct Cli {
    /// ONNX Runtime shared library (default: the one `make setup` installed in .runtime/).
    #[arg(long, global = true, env = "ARKIV_ORT_LIB", value_name = "FILE")]
    ort_lib: Option<PathBuf>,
    /// Only print warnings and errors.
    #[arg(long, short, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// OCR, classify and mask scanned documents into a Parquet dataset.
    Run(RunArgs),
    /// Summarise a dataset: counts per status, category, sensitivity and review reason.
    Inspect {
        /// Dataset folder (the --out of `arkiv run`).
        dir: PathBuf,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args, Debug)]
struct RunArgs {
    /// Files or folders of scans (PNG, JPEG, TIFF, PDF); folders are walked recursively.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Dataset folder to write (created if missing; documents already in it are skipped).
    #[arg(long, short, value_name = "DIR")]
    out: PathBuf,
    /// Model package folder.
    #[arg(long, value_name = "DIR", default_value = default_model())]
    model: PathBuf,
    /// Tesseract languages.
    #[arg(long, default_value = "chi_sim+eng")]
    lang: String,
    /// OCR worker threads (default: number of cores).
    #[arg(long, short)]
    jobs: Option<usize>,
    /// Process only shard K of N (K from 0), e.g. `--shard 2/8`, for schedulers.
    #[arg(long, value_name = "K/N", value_parser = Shard::parse)]
    shard: Option<Shard>,
    /// Process documents again even if they are already in the dataset.
    #[arg(long)]
    force: bool,
    /// Resolution pages are scaled down to before OCR; 0 keeps the scan's resolution.
    #[arg(long, default_value_t = 200, value_name = "DPI")]
    ocr_dpi: u32,
    /// Do not apply the 3×3 median filter before OCR.
    #[arg(long)]
    no_median: bool,
    /// Orientation detection: auto (when a page reads poorly), always or never.
    #[arg(long, value_enum, default_value_t = OsdMode::Auto)]
    osd: OsdMode,
    /// Tesseract page segmentation mode.
    #[arg(long, default_value_t = 3)]
    psm: i32,
    /// Resolution for rasterising PDF pages without a text layer.
    #[arg(long, default_value_t = 200, value_name = "DPI")]
    pdf_dpi: u32,
    /// Largest page accepted, in pixels (bigger pages are refused as decompression bombs).
    #[arg(long, default_value_t = IngestParams::default().max_pixels)]
    max_pixels: u64,
    /// Most pages accepted in one document.
    #[arg(long, default_value_t = IngestParams::default().max_pages)]
    max_pages: u32,
    /// Largest file accepted, in bytes.
    #[arg(long, default_value_t = IngestParams::default().max_file_bytes)]
    max_file_bytes: u64,
    /// Override the model's category confidence threshold.
    #[arg(long, value_name = "P")]
    category_threshold: Option<f32>,
    /// Override the model's sensitivity confidence threshold.
    #[arg(long, value_name = "P")]
    sensitivity_threshold: Option<f32>,
    /// Documents whose mean OCR confidence is below this go to review.
    #[arg(long, default_value_t = 55.0)]
    min_ocr_confidence: f32,
    /// Documents per Parquet part file.
    #[arg(long, default_value_t = 500)]
    rows_per_part: usize,
}

fn default_model() -> &'static str {
    concat!(env!("CARGO_MANIFEST_DIR"), "/models/default")
}

fn main() -> ExitCode {
    ensure_single_threaded_openmp();
    let cli = Cli::parse();
    let level = if cli.quiet { "warn" } else { "info" };
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("ARKIV_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(level)),
        )
        .with_writer(std::io::stderr)
        .with_target(false)
        .init();
    match dispatch(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            match err.downcast_ref::<Error>() {
                Some(Error::Usage(_)) => ExitCode::from(2),
                _ => ExitCode::from(1),
            }
        }
    }
}

/// Tesseract's OpenMP threads fight the OCR workers for cores (it ran 4–5× slower here).
/// libgomp reads OMP_THREAD_LIMIT when it is loaded, before `main`, so arkiv re-executes itself
/// once with the variable set.
fn ensure_single_threaded_openmp() {
    use std::os::unix::process::CommandExt;
    if std::env::var_os("OMP_THREAD_LIMIT").is_some() {
        return;
    }
    let Ok(exe) = std::env::current_exe() else {
        return;
    };
    let err = std::process::Command::new(exe)
        .args(std::env::args_os().skip(1))
        .env("OMP_THREAD_LIMIT", "1")
        .exec();
    eprintln!("warning: could not restart with OMP_THREAD_LIMIT=1 ({err}); OCR may be slow");
}

fn dispatch(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Run(args) => run(args, cli.ort_lib, cli.quiet),
        Command::Inspect { dir, json } => {
            let ins = arkiv::inspect::inspect(&dir)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&ins)?);
            } else {
                print!("{}", arkiv::inspect::render(&ins));
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn run(args: RunArgs, ort_lib: Option<PathBuf>, quiet: bool) -> anyhow::Result<ExitCode> {
    for (name, v) in [
        ("--category-threshold", args.category_threshold),
        ("--sensitivity-threshold", args.sensitivity_threshold),
    ] {
        if v.is_some_and(|v| !(0.0..=1.0).contains(&v)) {
            return Err(Error::Usage(format!("{name} must be between 0 and 1")).into());
        }
    }
    arkiv::runtime::init(ort_lib.as_deref())?;
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    if jobs == 0 {
        return Err(Error::Usage("--jobs must be at least 1".into()).into());
    }
    let thresholds = match (args.category_threshold, args.sensitivity_threshold) {
        (None, None) => None,
        (c, s) => {
            let labels = arkiv::classify::ModelPackage::open(&args.model)?.labels;
            Some((
                c.unwrap_or(labels.thresholds.category),
                s.unwrap_or(labels.thresholds.sensitivity),
            ))
        }
    };
    let opts = arkiv::RunOptions {
        inputs: args.inputs,
        out: args.out.clone(),
        model_dir: args.model,
        jobs,
        ingest: IngestParams {
            max_pixels: args.max_pixels,
            max_pages: args.max_pages,
            max_file_bytes: args.max_file_bytes,
            pdf_dpi: args.pdf_dpi,
            ..IngestParams::default()
        },
        ocr: OcrParams {
            clean: CleanParams {
                target_dpi: (args.ocr_dpi > 0).then_some(args.ocr_dpi as f32),
                median: !args.no_median,
            },
            osd: args.osd,
            ..OcrParams::default()
        },
        tesseract: TesseractParams {
            lang: args.lang,
            psm: args.psm,
            ..TesseractParams::default()
        },
        classify: ClassifyParams::default(),
        thresholds,
        min_ocr_confidence: args.min_ocr_confidence,
        min_text_chars: 20,
        shard: args.shard.unwrap_or_default(),
        force: args.force,
        rows_per_part: args.rows_per_part,
        classify_batch: 32,
        progress: !quiet,
    };
    let summary = arkiv::run(&opts).context("the run could not complete")?;
    print!("{}", render_summary(&summary));
    if summary.counts.failed > 0 || summary.counts.partial > 0 {
        eprintln!(
            "warning: {} document(s) failed and {} partially failed; see the `error` column \
             (arkiv inspect {} lists them by status)",
            summary.counts.failed,
            summary.counts.partial,
            summary.out.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn render_summary(s: &arkiv::RunSummary) -> String {
    let c = &s.counts;
    let mut out = format!(
        "run {}\n  inputs {}  ok {}  partial {}  failed {}  skipped (already done) {}\n  \
         pages {}  needing review {}  time {:.1} s  {:.1} pages/min\n",
        s.run_id,
        c.inputs,
        c.ok,
        c.partial,
        c.failed,
        c.skipped,
        c.pages,
        c.needs_review,
        s.elapsed.as_secs_f64(),
        s.pages_per_minute()
    );
    let line = |m: &std::collections::BTreeMap<String, u64>| {
        m.iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    out.push_str(&format!("  categories: {}\n", line(&s.categories)));
    out.push_str(&format!("  sensitivity: {}\n", line(&s.sensitivities)));
    out.push_str(&format!(
        "  dataset: {}/documents/*.parquet (pages/, runs/{}.json)\n",
        s.out.display(),
        s.run_id
    ));
    out
}
