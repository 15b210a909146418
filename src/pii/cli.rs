//! `arkiv pii`: findings and masked text for a quick check of one text or a JSONL stream.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Finding, PiiKind, Scanner, mask};

/// Output format of `arkiv pii`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OutputMode {
    /// The masked text, a blank line, then one tab-separated line per finding.
    #[default]
    Text,
    /// One JSON object `{"masked", "findings"}` for the whole input.
    Json,
    /// Input lines `{"id","text"}`; one `{"id","masked","findings"}` line each.
    Jsonl,
}

/// Errors of `arkiv pii`.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The input could not be opened.
    #[error("cannot read {path}: {cause}; give an existing text file, or - for stdin")]
    Open {
        /// The file.
        path: PathBuf,
        /// The cause.
        cause: io::Error,
    },
    /// Reading the input or writing the output failed.
    #[error("cannot read the input or write the output: {0}")]
    Io(io::Error),
    /// A JSONL input line is not an object with a string `text`.
    #[error("line {line}: expected a JSON object {{\"id\": …, \"text\": \"…\"}}: {cause}")]
    BadLine {
        /// 1-based line number.
        line: usize,
        /// The parse error.
        cause: serde_json::Error,
    },
}

impl From<io::Error> for CliError {
    fn from(e: io::Error) -> Self {
        CliError::Io(e)
    }
}

/// A finding with its text, as printed.
#[derive(Debug, Serialize)]
pub struct FindingOut<'a> {
    /// Kind of personal data.
    #[serde(rename = "type")]
    pub kind: PiiKind,
    /// Start, in characters of the input text.
    pub start: usize,
    /// End (exclusive), in characters of the input text.
    pub end: usize,
    /// The unmasked text of the finding.
    pub text: &'a str,
    /// The rule that found it.
    pub detector: &'static str,
    /// Confidence, 0–1.
    pub confidence: f32,
}

impl<'a> FindingOut<'a> {
    /// Pairs `f` with its text cut from `original`.
    pub fn new(f: &Finding, original: &'a str) -> Self {
        FindingOut {
            kind: f.kind,
            start: f.start,
            end: f.end,
            text: f.text(original),
            detector: f.detector,
            confidence: f.confidence,
        }
    }
}

#[derive(Serialize)]
struct Report<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a serde_json::Value>,
    masked: String,
    findings: Vec<FindingOut<'a>>,
}

#[derive(Deserialize)]
struct InputLine {
    #[serde(default)]
    id: serde_json::Value,
    text: String,
}

fn report<'a>(scanner: &Scanner, text: &'a str, id: Option<&'a serde_json::Value>) -> Report<'a> {
    let findings = scanner.scan(text);
    Report {
        id,
        masked: mask(text, &findings),
        findings: findings.iter().map(|f| FindingOut::new(f, text)).collect(),
    }
}

/// Scans `input` and writes the result to `out` in `mode`.
pub fn run(
    scanner: &Scanner,
    mut input: impl BufRead,
    mut out: impl Write,
    mode: OutputMode,
) -> Result<(), CliError> {
    match mode {
        OutputMode::Jsonl => {
            let mut line = String::new();
            let mut n = 0;
            loop {
                line.clear();
                if input.read_line(&mut line)? == 0 {
                    break;
                }
                n += 1;
                if line.trim().is_empty() {
                    continue;
                }
                let parsed: InputLine = serde_json::from_str(&line)
                    .map_err(|cause| CliError::BadLine { line: n, cause })?;
                let r = report(scanner, &parsed.text, Some(&parsed.id));
                serde_json::to_writer(&mut out, &r).map_err(io::Error::from)?;
                out.write_all(b"\n")?;
            }
        }
        OutputMode::Json | OutputMode::Text => {
            let mut text = String::new();
            input.read_to_string(&mut text)?;
            let r = report(scanner, &text, None);
            if mode == OutputMode::Json {
                serde_json::to_writer(&mut out, &r).map_err(io::Error::from)?;
                out.write_all(b"\n")?;
            } else {
                out.write_all(r.masked.as_bytes())?;
                if !r.masked.ends_with('\n') {
                    out.write_all(b"\n")?;
                }
                writeln!(out)?;
                for f in &r.findings {
                    writeln!(
                        out,
                        "{}\t{}..{}\t{}\t{:.2}\t{}",
                        f.kind, f.start, f.end, f.detector, f.confidence, f.text
                    )?;
                }
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// `arkiv pii [FILE|-]`: reads `path` (stdin when `None` or `-`) and writes to stdout.
pub fn run_path(path: Option<&Path>, mode: OutputMode) -> Result<(), CliError> {
    let scanner = Scanner::default();
    let stdout = io::stdout().lock();
    let result = match path {
        Some(p) if p != Path::new("-") => {
            let file = File::open(p).map_err(|cause| CliError::Open {
                path: p.to_path_buf(),
                cause,
            })?;
            run(&scanner, BufReader::new(file), stdout, mode)
        }
        _ => run(&scanner, io::stdin().lock(), stdout, mode),
    };
    match result {
        // The reader of our output went away (`arkiv pii … | head`): not an error.
        Err(CliError::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_str(input: &str, mode: OutputMode) -> Result<String, CliError> {
        let mut out = Vec::new();
        run(&Scanner::default(), input.as_bytes(), &mut out, mode)?;
        Ok(String::from_utf8(out).unwrap())
    }

    #[test]
    fn json_whole_input() {
        let out = run_str("手机：１３８１２３４５６７８", OutputMode::Json).unwrap();
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["masked"], "手机：１３８****５６７８");
        assert_eq!(v["findings"][0]["type"], "phone");
        assert_eq!(v["findings"][0]["start"], 3);
        assert_eq!(v["findings"][0]["end"], 14);
        assert_eq!(v["findings"][0]["text"], "１３８１２３４５６７８");
    }

    #[test]
    fn jsonl_keeps_ids_and_reports_bad_lines() {
        let out = run_str(
            "{\"id\":7,\"text\":\"邮箱 a@b.cn\"}\n\n{\"id\":\"x\",\"text\":\"无\"}\n",
            OutputMode::Jsonl,
        )
        .unwrap();
        let lines: Vec<serde_json::Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["id"], 7);
        assert_eq!(lines[0]["masked"], "邮箱 a@b.cn");
        assert_eq!(lines[1]["findings"].as_array().unwrap().len(), 0);
        let err = run_str("{\"id\":1}\n", OutputMode::Jsonl).unwrap_err();
        assert!(matches!(err, CliError::BadLine { line: 1, .. }));
    }
}
