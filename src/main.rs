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
use arkiv::ocr::ppocr::{ModelSet, PpOcrParams};
use arkiv::ocr::tesseract::TesseractParams;
use arkiv::ocr::{CleanParams, MedianMode, OcrParams, OsdMode};
use arkiv::pipeline::EngineChoice;
use arkiv::sink::EncryptionKey;
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
    /// Measure a model package on labelled text, after the decision rules.
    Eval(EvalArgs),
    /// Check a dataset for tampering: file hashes, manifest chain, review chain. Exit 1 on any
    /// mismatch.
    Verify {
        /// Dataset folder.
        dir: PathBuf,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Summarise a dataset: counts per status, category, sensitivity and review reason.
    Inspect {
        /// Dataset folder (the --out of `arkiv run`).
        dir: PathBuf,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Find and mask personal data in a text, for quick checks.
    Pii(PiiArgs),
    /// Manage review users (argon2id password hashes, role, clearance S1–S5).
    User {
        /// Users file (mode 0600; a file others can read is refused).
        #[arg(long, env = "ARKIV_USERS", default_value = arkiv::review::users::DEFAULT_USERS_FILE, value_name = "FILE", global = true)]
        users: PathBuf,
        #[command(subcommand)]
        action: UserAction,
    },
    /// Serve the review web app on a dataset (loopback by default).
    ///
    /// Reviewers log in, work through the queue of documents needing review (most uncertain
    /// first) with the keyboard, and each decision is appended to OUT/reviews/ before it is
    /// confirmed. The JSON API is under /api (POST /api/login, GET /api/queue,
    /// GET /api/documents/{id}, …/text?unmasked=true, …/pages/{n}.png, POST …/decision,
    /// POST /api/undo, GET /api/audit). Logins, unmaskings and decisions go to OUT/audit/audit.jsonl.
    Review {
        /// Dataset folder (the --out of `arkiv run`).
        dir: PathBuf,
        /// Address to listen on; anything but loopback exposes the app (plain HTTP) to the network.
        #[arg(long, default_value = "127.0.0.1:8700", value_name = "ADDR:PORT")]
        bind: std::net::SocketAddr,
        /// Users file (create it with `arkiv user add`).
        #[arg(long, env = "ARKIV_USERS", default_value = arkiv::review::users::DEFAULT_USERS_FILE, value_name = "FILE")]
        users: PathBuf,
        /// Key file of a dataset written with --encrypt-key: needed to show unmasked text.
        #[arg(long, value_name = "FILE")]
        encrypt_key: Option<PathBuf>,
    },
    /// Write the effective labels of reviewed documents as a training file for training/.
    ///
    /// The file holds the UNMASKED text: it is personal data, store and share it accordingly.
    #[command(name = "export-training")]
    ExportTraining {
        /// Dataset folders (latest review of a document across them wins).
        #[arg(required = true, value_name = "OUT")]
        dirs: Vec<PathBuf>,
        /// File to write: .jsonl or .parquet.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Also export auto-accepted predictions (documents not sent to review), weight 0.5.
        #[arg(long)]
        include_auto: bool,
        /// Key file of datasets written with --encrypt-key (the text column is encrypted).
        #[arg(long, value_name = "FILE")]
        encrypt_key: Option<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
enum UserAction {
    /// Add a user; the password is prompted for (or read from stdin with --password-stdin).
    Add {
        /// Login name (lowercase letters, digits, `_ . -`).
        name: String,
        /// reviewer, lead (also reads the audit log) or admin.
        #[arg(long, default_value = "reviewer", value_parser = parse_role)]
        role: arkiv::review::users::Role,
        /// Highest sensitivity whose unmasked text and page images the user may see.
        #[arg(long, value_parser = parse_level)]
        clearance: arkiv::record::Level,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
    },
    /// List users with role and clearance.
    List,
    /// Remove a user.
    Remove {
        /// Login name.
        name: String,
    },
    /// Set a new password.
    Passwd {
        /// Login name.
        name: String,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
    },
}

fn parse_role(s: &str) -> Result<arkiv::review::users::Role, String> {
    arkiv::review::users::Role::parse(s)
        .ok_or_else(|| format!("`{s}`: use reviewer, lead or admin"))
}

fn parse_level(s: &str) -> Result<arkiv::record::Level, String> {
    arkiv::record::Level::parse(s).ok_or_else(|| format!("`{s}`: use S1, S2, S3, S4 or S5"))
}

#[derive(Args, Debug)]
struct EvalArgs {
    /// Model package folder.
    #[arg(long, value_name = "DIR", default_value = default_model())]
    model: PathBuf,
    /// Labelled rows: JSONL or Parquet with `text` and optional `id`, `category`, `sensitivity`.
    #[arg(long, value_name = "FILE")]
    data: PathBuf,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// Also write one row per document (JSONL, or Parquet if FILE ends in .parquet).
    #[arg(long, value_name = "FILE")]
    predictions: Option<PathBuf>,
    /// Category to assume for rows without one (e.g. `medical` for a clinical corpus).
    #[arg(long, value_name = "CODE")]
    assume_category: Option<String>,
    /// Sensitivity to assume for rows without one (e.g. `S4`).
    #[arg(long, value_name = "LEVEL")]
    assume_sensitivity: Option<String>,
    /// Rows with fewer letters, digits or CJK characters go to review (as in `arkiv run`); lower it
    /// for corpora of short texts such as headlines.
    #[arg(long, default_value_t = 20)]
    min_text_chars: usize,
    /// Evaluate only the first N rows.
    #[arg(long)]
    limit: Option<usize>,
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
    /// OCR engine: auto reads Chinese (--lang with chi_sim/chi_tra) with PP-OCR, else Tesseract.
    #[arg(long, value_enum, default_value_t = EngineChoice::Auto)]
    engine: EngineChoice,
    /// PP-OCR model folder (default: the one `make setup` filled, .models/ppocr/).
    #[arg(long, env = "ARKIV_PPOCR_MODELS", value_name = "DIR")]
    ppocr_models: Option<PathBuf>,
    /// PP-OCR model generation.
    #[arg(long, value_enum, default_value_t = ModelSet::V6)]
    ppocr_version: ModelSet,
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
    /// 3×3 median filter before OCR: auto (on pages with speckle noise), always or never.
    #[arg(long, value_enum, default_value_t = MedianMode::Auto)]
    median: MedianMode,
    /// Orientation detection: auto (when a page reads poorly), always or never.
    #[arg(long, value_enum, default_value_t = OsdMode::Auto)]
    osd: OsdMode,
    /// Tesseract page segmentation mode (4: one column of text of variable sizes; 3: automatic
    /// layout, better for multi-column pages).
    #[arg(long, default_value_t = 4)]
    psm: i32,
    /// With `--lang chi_sim+eng`: pages are read with chi_sim alone and re-read with both
    /// languages when at least this share of the characters read are Latin letters.
    #[arg(long, default_value_t = 0.15, value_name = "SHARE")]
    reread_latin_share: f32,
    /// Read every page with all of `--lang` at once (slower on Chinese pages; see README).
    #[arg(long)]
    one_pass: bool,
    /// Longest OCR time for one page, in seconds; slower pages fail with an error row.
    #[arg(long, default_value_t = 300, value_name = "SECONDS")]
    page_timeout: u64,
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
    /// Override the model's sensitivity confidence threshold (the probability that the final
    /// level is not an under-call).
    #[arg(long, value_name = "P")]
    sensitivity_threshold: Option<f32>,
    /// Override the model's threshold for an S4/S5 that only the model asserts (no rule evidence):
    /// the minimum probability of S4 or S5.
    #[arg(long, value_name = "P")]
    unsupported_threshold: Option<f32>,
    /// Documents whose mean OCR confidence is below this go to review.
    #[arg(long, default_value_t = 55.0)]
    min_ocr_confidence: f32,
    /// Documents per Parquet part file.
    #[arg(long, default_value_t = 500)]
    rows_per_part: usize,
    /// Encrypt the columns holding unmasked text and personal data (documents.text,
    /// documents.pii, pages.text, pages.words) with the AES key in FILE: 32 or 64 hex digits,
    /// mode 0600. The other columns stay readable without it.
    #[arg(long, value_name = "FILE")]
    encrypt_key: Option<PathBuf>,
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

#[derive(Args, Debug)]
struct PiiArgs {
    /// Text file to scan; `-` or nothing reads stdin.
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
    /// Print one JSON object {"masked", "findings"} for the whole input.
    #[arg(long, conflicts_with = "jsonl")]
    json: bool,
    /// Read lines of {"id","text"}; write one {"id","masked","findings"} line each.
    #[arg(long)]
    jsonl: bool,
}

/// `arkiv pii`: findings and masked text of one text, or of each line of a JSONL stream.
fn pii(args: PiiArgs) -> anyhow::Result<ExitCode> {
    use arkiv::pii::cli::{OutputMode, run_path};
    let mode = match (args.json, args.jsonl) {
        (_, true) => OutputMode::Jsonl,
        (true, _) => OutputMode::Json,
        _ => OutputMode::Text,
    };
    run_path(args.file.as_deref(), mode)?;
    Ok(ExitCode::SUCCESS)
}

fn dispatch(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Run(args) => run(args, cli.ort_lib, cli.quiet),
        Command::Pii(args) => pii(args),
        Command::Eval(args) => eval(args, cli.ort_lib),
        Command::Verify { dir, json } => {
            let v = arkiv::verify::verify(&dir)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&v)?);
            } else {
                print!("{}", arkiv::verify::render(&v));
            }
            Ok(if v.ok() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::Inspect { dir, json } => {
            let ins = arkiv::inspect::inspect(&dir)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&ins)?);
            } else {
                print!("{}", arkiv::inspect::render(&ins));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::User { users, action } => user(&users, action),
        Command::Review {
            dir,
            bind,
            users,
            encrypt_key,
        } => {
            arkiv::review::serve(&arkiv::review::ServeOptions {
                out: dir,
                bind,
                users,
                encrypt_key: load_key(encrypt_key.as_deref())?,
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::ExportTraining {
            dirs,
            out,
            include_auto,
            encrypt_key,
        } => {
            let key = load_key(encrypt_key.as_deref())?;
            let s = arkiv::export::export_training(&dirs, &out, include_auto, key.as_ref())?;
            println!(
                "wrote {}: {} reviewed, {} auto-accepted (unmasked text: personal data)",
                s.path.display(),
                s.reviewed,
                s.auto
            );
            if s.orphan_reviews > 0 {
                eprintln!(
                    "warning: {} reviewed document(s) are not in the datasets given; add their OUT folders",
                    s.orphan_reviews
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Reads and checks a key file given with --encrypt-key.
fn load_key(path: Option<&std::path::Path>) -> anyhow::Result<Option<EncryptionKey>> {
    Ok(path.map(EncryptionKey::load).transpose()?)
}

fn user(path: &std::path::Path, action: UserAction) -> anyhow::Result<ExitCode> {
    use arkiv::review::users::{Users, read_new_password};
    match action {
        UserAction::Add {
            name,
            role,
            clearance,
            password_stdin,
        } => {
            let mut users = Users::load_or_new(path)?;
            arkiv::review::users::validate_name(&name)?;
            let password = read_new_password(password_stdin)?;
            users.add(&name, role, clearance, &password)?;
            users.save()?;
            println!(
                "added {name} ({}, clearance {clearance}) to {}",
                role.as_str(),
                path.display()
            );
        }
        UserAction::List => {
            let users = Users::load(path)?;
            for u in users.list() {
                println!(
                    "{:<24} {:<9} {}  added {}",
                    u.name,
                    u.role.as_str(),
                    u.clearance,
                    u.created_at.format("%Y-%m-%d")
                );
            }
        }
        UserAction::Remove { name } => {
            let mut users = Users::load(path)?;
            users.remove(&name)?;
            users.save()?;
            println!("removed {name}");
        }
        UserAction::Passwd {
            name,
            password_stdin,
        } => {
            let mut users = Users::load(path)?;
            users.require(&name)?;
            let password = read_new_password(password_stdin)?;
            users.set_password(&name, &password)?;
            users.save()?;
            println!("password of {name} changed");
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn run(args: RunArgs, ort_lib: Option<PathBuf>, quiet: bool) -> anyhow::Result<ExitCode> {
    for (name, v) in [
        ("--category-threshold", args.category_threshold),
        ("--sensitivity-threshold", args.sensitivity_threshold),
        ("--unsupported-threshold", args.unsupported_threshold),
    ] {
        if v.is_some_and(|v| !(0.0..=1.0).contains(&v)) {
            return Err(Error::Usage(format!("{name} must be between 0 and 1")).into());
        }
    }
    let encryption = load_key(args.encrypt_key.as_deref())?;
    arkiv::runtime::init(ort_lib.as_deref())?;
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    if jobs == 0 {
        return Err(Error::Usage("--jobs must be at least 1".into()).into());
    }
    let thresholds = match (
        args.category_threshold,
        args.sensitivity_threshold,
        args.unsupported_threshold,
    ) {
        (None, None, None) => None,
        (c, s, u) => {
            let t = arkiv::classify::ModelPackage::open(&args.model)?
                .labels
                .thresholds;
            Some(arkiv::classify::Thresholds {
                category: c.unwrap_or(t.category),
                sensitivity: s.unwrap_or(t.sensitivity),
                sensitivity_unsupported: u.or(t.sensitivity_unsupported),
            })
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
                median: args.median,
            },
            osd: args.osd,
            ..OcrParams::default()
        },
        engine: args.engine,
        ppocr: PpOcrParams {
            model_dir: args.ppocr_models,
            models: args.ppocr_version,
            ..PpOcrParams::default()
        },
        tesseract: TesseractParams {
            lang: args.lang,
            psm: args.psm,
            reread_latin_share: (!args.one_pass).then_some(args.reread_latin_share),
            page_timeout: std::time::Duration::from_secs(args.page_timeout.max(1)),
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
        encryption,
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

fn eval(args: EvalArgs, ort_lib: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    if let Some(level) = &args.assume_sensitivity
        && arkiv::record::Level::parse(level).is_none()
    {
        return Err(Error::Usage(format!(
            "--assume-sensitivity `{level}` is not one of S1…S5"
        ))
        .into());
    }
    arkiv::runtime::init(ort_lib.as_deref())?;
    let mut classifier = arkiv::classify::Classifier::load(&args.model, ClassifyParams::default())?;
    let assume = arkiv::eval::Assume {
        category: args.assume_category,
        sensitivity: args.assume_sensitivity,
    };
    let mut examples = arkiv::eval::read_examples(&args.data, &assume)?;
    if let Some(limit) = args.limit {
        examples.truncate(limit);
    }
    let labels = classifier.package().labels.clone();
    let params = arkiv::decide::DecideParams {
        min_text_chars: args.min_text_chars,
        ..arkiv::decide::DecideParams::from_thresholds(&labels.thresholds)
    };
    let (report, rows) = arkiv::eval::evaluate(&mut classifier, &examples, &params, 64)?;
    if let Some(path) = &args.predictions {
        arkiv::eval::write_predictions(path, &rows)?;
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", arkiv::eval::render(&report));
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
