//! PDF pages through poppler's command-line tools (`pdfinfo`, `pdftotext`, `pdftoppm`).
//!
//! Running poppler in a child process keeps a hostile or broken PDF from taking arkiv down with
//! it, and lets every call be bounded in time.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use image::GrayImage;

use super::{IngestError, IngestParams};
use crate::record::PageInput;

/// Pages with at least this many letters, digits or CJK characters in their text layer are taken
/// as text; fewer means a scanned page (or one with a stray caption) and it is OCR'd.
const MIN_TEXT_LAYER_CHARS: usize = 20;

/// Counts the pages of a PDF; refuses password-protected files.
pub fn count_pages(path: &Path, params: &IngestParams) -> Result<u32, IngestError> {
    let out = run_tool(
        "pdfinfo",
        &[path.as_os_str().to_owned()],
        params.tool_timeout,
    )?;
    let info = String::from_utf8_lossy(&out);
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|v| v.trim().parse::<u32>().ok())
        .ok_or_else(|| IngestError::new("broken PDF: page count not found"))?;
    Ok(pages)
}

/// Produces page `page_no`: its text layer when it holds real text, else the page rasterised at
/// `params.pdf_dpi`.
pub fn load_page(
    path: &Path,
    page_no: u32,
    params: &IngestParams,
) -> Result<PageInput, IngestError> {
    let page = page_no.to_string();
    let file = path.as_os_str().to_owned();
    let text = run_tool(
        "pdftotext",
        &[
            "-f".into(),
            page.clone().into(),
            "-l".into(),
            page.clone().into(),
            "-enc".into(),
            "UTF-8".into(),
            file.clone(),
            "-".into(),
        ],
        params.tool_timeout,
    )?;
    let text = String::from_utf8_lossy(&text).replace('\u{c}', "");
    if meaningful_chars(&text) >= MIN_TEXT_LAYER_CHARS {
        let (width, height) = page_size(path, page_no, params).unwrap_or((0, 0));
        return Ok(PageInput::TextLayer {
            text: tidy_text_layer(&text),
            width,
            height,
        });
    }
    let pgm = run_tool(
        "pdftoppm",
        &[
            "-f".into(),
            page.clone().into(),
            "-l".into(),
            page.into(),
            "-r".into(),
            params.pdf_dpi.to_string().into(),
            "-gray".into(),
            file,
        ],
        params.tool_timeout,
    )?;
    let image = parse_pgm(&pgm, params.max_pixels)?;
    Ok(PageInput::Raster {
        image,
        dpi: Some(params.pdf_dpi as f32),
    })
}

fn meaningful_chars(text: &str) -> usize {
    text.chars().filter(|c| c.is_alphanumeric()).count()
}

fn tidy_text_layer(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    lines.join("\n").trim().to_string()
}

/// Page size in points from `pdfinfo -f n -l n`.
fn page_size(path: &Path, page_no: u32, params: &IngestParams) -> Option<(u32, u32)> {
    let page = page_no.to_string();
    let out = run_tool(
        "pdfinfo",
        &[
            "-f".into(),
            page.clone().into(),
            "-l".into(),
            page.into(),
            path.as_os_str().to_owned(),
        ],
        params.tool_timeout,
    )
    .ok()?;
    let info = String::from_utf8_lossy(&out);
    let line = info
        .lines()
        .find(|l| l.starts_with("Page") && l.contains("size:"))?;
    let dims = line.split("size:").nth(1)?;
    let mut nums = dims
        .split_whitespace()
        .filter_map(|t| t.parse::<f32>().ok());
    Some((nums.next()?.round() as u32, nums.next()?.round() as u32))
}

/// Parses a binary PGM (P5, 8-bit) as written by `pdftoppm -gray`.
fn parse_pgm(data: &[u8], max_pixels: u64) -> Result<GrayImage, IngestError> {
    let bad = || IngestError::new("poppler produced an unreadable page image");
    let mut fields = Vec::new();
    let mut pos = 0;
    while fields.len() < 4 {
        while pos < data.len() && data[pos].is_ascii_whitespace() {
            pos += 1;
        }
        if data.get(pos) == Some(&b'#') {
            while pos < data.len() && data[pos] != b'\n' {
                pos += 1;
            }
            continue;
        }
        let start = pos;
        while pos < data.len() && !data[pos].is_ascii_whitespace() {
            pos += 1;
        }
        if start == pos {
            return Err(bad());
        }
        fields.push(std::str::from_utf8(&data[start..pos]).map_err(|_| bad())?);
    }
    if fields[0] != "P5" || fields[3] != "255" {
        return Err(bad());
    }
    let w: u32 = fields[1].parse().map_err(|_| bad())?;
    let h: u32 = fields[2].parse().map_err(|_| bad())?;
    if u64::from(w) * u64::from(h) > max_pixels {
        return Err(IngestError::new(format!(
            "PDF page rasterises to {w}×{h} pixels, more than the limit of {max_pixels}"
        )));
    }
    let body = data.get(pos + 1..).ok_or_else(bad)?;
    let n = w as usize * h as usize;
    if body.len() < n {
        return Err(bad());
    }
    GrayImage::from_raw(w, h, body[..n].to_vec()).ok_or_else(bad)
}

/// Runs a poppler tool, returning its standard output; errors carry poppler's own message.
fn run_tool(
    program: &str,
    args: &[std::ffi::OsString],
    timeout: Duration,
) -> Result<Vec<u8>, IngestError> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            IngestError::new(format!(
                "cannot run {program} (poppler-utils): {e}; run `make setup` to install it"
            ))
        })?;
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut stderr = child.stderr.take().expect("stderr is piped");
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stdout.read_to_end(&mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stderr.read_to_end(&mut buf);
        buf
    });
    let deadline = Instant::now() + timeout;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(IngestError::new(format!(
                    "{program} took longer than {} s on this PDF (raise --tool-timeout if it is genuine)",
                    timeout.as_secs()
                )));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(IngestError::new(format!("{program} failed: {e}"))),
        }
    };
    let out = out_reader.join().unwrap_or_default();
    let err = err_reader.join().unwrap_or_default();
    if status.success() {
        return Ok(out);
    }
    let message = String::from_utf8_lossy(&err);
    let message = message
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    if message.contains("Incorrect password") || message.to_lowercase().contains("encrypt") {
        return Err(IngestError::new(
            "encrypted PDF: it needs a password; decrypt it (e.g. with qpdf --decrypt) and run again",
        ));
    }
    Err(IngestError::new(format!(
        "broken PDF ({program}: {})",
        if message.is_empty() {
            "no message"
        } else {
            message
        }
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_pgm() {
        let mut data = b"P5\n# comment\n3 2\n255\n".to_vec();
        data.extend_from_slice(&[0, 1, 2, 3, 4, 5]);
        let img = parse_pgm(&data, 1000).unwrap();
        assert_eq!(img.dimensions(), (3, 2));
        assert_eq!(img.get_pixel(2, 1).0[0], 5);
        assert!(parse_pgm(&data[..data.len() - 1], 1000).is_err());
        assert!(parse_pgm(&data, 5).is_err());
        assert!(parse_pgm(b"P6\n1 1\n255\n\0\0\0", 1000).is_err());
    }

    #[test]
    fn counts_meaningful_chars() {
        assert_eq!(meaningful_chars("  \n\u{c} .,- "), 0);
        assert_eq!(meaningful_chars("病案号 A12"), 6);
    }
}
