//! Ingest: find input files, identify them, and decode their pages.
//!
//! [`walk`] lists files in a deterministic order, [`open`] hashes a file, detects its format by
//! content and plans its pages, and [`load_page`] decodes one page for OCR (or takes a PDF page's
//! text layer). Anything wrong with an input becomes an [`IngestError`] whose message ends up in
//! the document's `error` column; it never stops the run.

mod pdf;
mod raster;
mod sniff;
mod walk;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use sha2::{Digest, Sha256};

use crate::record::{MediaType, PageInput, PageJob, Source};

pub use sniff::sniff;
pub use walk::{WalkEntry, walk};

/// Limits and settings for reading inputs. Defaults suit A4/A3 scans up to 600 dpi.
#[derive(Debug, Clone)]
pub struct IngestParams {
    /// Largest file accepted, in bytes (default 2 GiB).
    pub max_file_bytes: u64,
    /// Most pixels accepted on one page (default 200 million, about A2 at 600 dpi); larger pages
    /// are refused as likely decompression bombs.
    pub max_pixels: u64,
    /// Most pages accepted in one document (default 5,000).
    pub max_pages: u32,
    /// Resolution at which PDF pages without a text layer are rasterised (default 200).
    pub pdf_dpi: u32,
    /// Time allowed for one poppler call on a PDF (default 120 s).
    pub tool_timeout: Duration,
}

impl Default for IngestParams {
    fn default() -> Self {
        IngestParams {
            max_file_bytes: 2 << 30,
            max_pixels: 200_000_000,
            max_pages: 5_000,
            pdf_dpi: 200,
            tool_timeout: Duration::from_secs(120),
        }
    }
}

/// Why an input (or one of its pages) could not be read. The message is shown to the archivist.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct IngestError(pub String);

impl IngestError {
    fn new(msg: impl Into<String>) -> Self {
        IngestError(msg.into())
    }
}

/// A file opened for processing: its identity and one job per page.
#[derive(Debug)]
pub struct Opened {
    /// Identity of the file.
    pub source: Source,
    /// One job per page, in page order.
    pub pages: Vec<PageJob>,
}

/// Reads, hashes and identifies `path`, and plans its pages.
///
/// Returns the source with an error when the file is unreadable, empty, of an unknown format,
/// over a limit, or broken; the source then carries whatever could be learnt (the hash of the
/// bytes if they could be read).
pub fn open(
    path: &Path,
    doc_index: usize,
    params: &IngestParams,
) -> Result<Opened, (Source, IngestError)> {
    let mut source = Source {
        path: path.to_path_buf(),
        doc_id: String::new(),
        bytes: 0,
        media_type: MediaType::Unknown,
    };
    let data = match read_limited(path, params.max_file_bytes) {
        Ok(data) => data,
        Err(e) => {
            source.doc_id = path_id(path);
            return Err((source, e));
        }
    };
    source.bytes = data.len() as u64;
    source.doc_id = hex::encode(Sha256::digest(&data));
    source.media_type = sniff(&data);
    if data.is_empty() {
        return Err((source, IngestError::new("empty file (0 bytes)")));
    }
    let page_count = match source.media_type {
        MediaType::Png | MediaType::Jpeg => raster::check_single(&data, source.media_type, params),
        MediaType::Tiff => raster::count_tiff_pages(&data, params),
        MediaType::Pdf => pdf::count_pages(path, params),
        MediaType::Unknown => Err(IngestError::new(format!(
            "not a supported document: expected a PNG, JPEG, TIFF or PDF file, found {}",
            sniff::describe(&data)
        ))),
    };
    let page_count = match page_count {
        Ok(n) => n,
        Err(e) => return Err((source, e)),
    };
    if page_count == 0 {
        return Err((source, IngestError::new("document has no pages")));
    }
    if page_count > params.max_pages {
        return Err((
            source,
            IngestError::new(format!(
                "document has {page_count} pages, more than the limit of {} (raise --max-pages if it is genuine)",
                params.max_pages
            )),
        ));
    }
    let data: Arc<[u8]> = if source.media_type == MediaType::Pdf {
        Arc::from(Vec::new())
    } else {
        Arc::from(data)
    };
    let pages = (1..=page_count)
        .map(|page_no| PageJob {
            doc_index,
            page_no,
            media_type: source.media_type,
            path: source.path.clone(),
            data: Arc::clone(&data),
        })
        .collect();
    Ok(Opened { source, pages })
}

/// Decodes one page: pixels for OCR, or the text layer of a PDF page that has real text.
pub fn load_page(job: &PageJob, params: &IngestParams) -> Result<PageInput, IngestError> {
    match job.media_type {
        MediaType::Png | MediaType::Jpeg => {
            raster::decode_single(&job.data, job.media_type, params)
        }
        MediaType::Tiff => raster::decode_tiff_page(&job.data, job.page_no, params),
        MediaType::Pdf => pdf::load_page(&job.path, job.page_no, params),
        MediaType::Unknown => Err(IngestError::new("not a supported document")),
    }
}

fn read_limited(path: &Path, max: u64) -> Result<Vec<u8>, IngestError> {
    let file = std::fs::File::open(path)
        .map_err(|e| IngestError::new(format!("cannot open file: {}", io_reason(&e))))?;
    let meta = file
        .metadata()
        .map_err(|e| IngestError::new(format!("cannot read file metadata: {}", io_reason(&e))))?;
    if meta.is_dir() {
        return Err(IngestError::new("is a directory"));
    }
    if meta.len() > max {
        return Err(IngestError::new(format!(
            "file is {} bytes, more than the limit of {max} (raise --max-file-bytes if it is genuine)",
            meta.len()
        )));
    }
    let mut data = Vec::with_capacity(meta.len() as usize);
    file.take(max + 1)
        .read_to_end(&mut data)
        .map_err(|e| IngestError::new(format!("cannot read file: {}", io_reason(&e))))?;
    Ok(data)
}

/// Identifier for a file whose bytes cannot be read: sha256 of its path, prefixed so that it can
/// never collide with a content hash.
pub fn path_id(path: &Path) -> String {
    format!(
        "path:{}",
        hex::encode(Sha256::digest(path.as_os_str().as_encoded_bytes()))
    )
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::NotFound => "no such file".into(),
        _ => e.to_string(),
    }
}

/// Resolves the inputs given on the command line to files, in a deterministic order.
pub fn resolve_inputs(inputs: &[PathBuf]) -> Vec<WalkEntry> {
    let mut all = Vec::new();
    for input in inputs {
        all.extend(walk(input));
    }
    all
}
