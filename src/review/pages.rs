//! Page images for the review app, rendered from the source files with the crate's ingest
//! functions (PDF pages with `pdftoppm`), after checking that the file still has the bytes the
//! document was made from.

use std::io::Cursor;
use std::path::Path;
use std::process::{Command, Stdio};

use image::{DynamicImage, GrayImage, ImageFormat, imageops::FilterType};

use crate::ingest::{self, IngestParams};
use crate::record::{MediaType, PageInput};
use crate::sink::parquet::sha256_file;

/// Width of thumbnails, in pixels.
pub const THUMB_WIDTH: u32 = 240;
/// Widest full page served, in pixels.
pub const FULL_WIDTH: u32 = 1400;

/// Whether a document's source file is still there and unchanged.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceState {
    /// The file exists and its sha256 equals the doc_id.
    Ok,
    /// No file at `source_path` any more.
    Missing,
    /// A file is there but its bytes differ.
    Changed,
}

impl SourceState {
    /// A sentence for the reviewer.
    pub fn message(&self) -> &'static str {
        match self {
            SourceState::Ok => "source file present and unchanged",
            SourceState::Missing => {
                "the source file has moved or been deleted since the run; page images cannot be shown"
            }
            SourceState::Changed => {
                "the source file has changed since the run (its sha256 no longer matches); page images are not shown"
            }
        }
    }
}

/// Checks a document's source file against its doc_id.
pub fn source_state(source_path: &str, doc_id: &str) -> SourceState {
    match sha256_file(Path::new(source_path)) {
        Ok(h) if h == doc_id => SourceState::Ok,
        Ok(_) => SourceState::Changed,
        Err(_) => SourceState::Missing,
    }
}

/// Why a page image could not be produced.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PageError {
    /// The source is missing or changed.
    #[error("{}", .0.message())]
    Source(SourceState),
    /// No such page.
    #[error("the document has no page {0}")]
    NoPage(u32),
    /// Decoding failed.
    #[error("cannot render the page: {0}")]
    Render(String),
}

/// Renders page `page_no` (1-based) of the document as PNG, `thumb` for a thumbnail.
pub fn render_png(
    source_path: &str,
    doc_id: &str,
    page_no: u32,
    thumb: bool,
) -> Result<Vec<u8>, PageError> {
    let params = IngestParams::default();
    let path = Path::new(source_path);
    let opened = match ingest::open(path, 0, &params) {
        Ok(o) => o,
        Err((source, e)) => {
            return Err(if source.bytes == 0 && !path.exists() {
                PageError::Source(SourceState::Missing)
            } else if !source.doc_id.is_empty() && source.doc_id != doc_id {
                PageError::Source(SourceState::Changed)
            } else {
                PageError::Render(e.to_string())
            });
        }
    };
    if opened.source.doc_id != doc_id {
        return Err(PageError::Source(SourceState::Changed));
    }
    let job = opened
        .pages
        .get((page_no as usize).wrapping_sub(1))
        .ok_or(PageError::NoPage(page_no))?;
    let width = if thumb { THUMB_WIDTH } else { FULL_WIDTH };
    if opened.source.media_type == MediaType::Pdf {
        let dpi = if thumb { 30 } else { 110 };
        return pdf_png(path, page_no, dpi);
    }
    match ingest::load_page(job, &params).map_err(|e| PageError::Render(e.to_string()))? {
        PageInput::Raster { image, .. } => encode(shrink(image, width)),
        PageInput::TextLayer { .. } => Err(PageError::Render("page has no image".into())),
    }
}

fn shrink(image: GrayImage, width: u32) -> GrayImage {
    if image.width() <= width {
        return image;
    }
    let height = ((u64::from(image.height()) * u64::from(width)) / u64::from(image.width().max(1)))
        .clamp(1, u64::from(u32::MAX)) as u32;
    image::imageops::resize(&image, width, height, FilterType::Triangle)
}

fn encode(image: GrayImage) -> Result<Vec<u8>, PageError> {
    let mut out = Cursor::new(Vec::new());
    DynamicImage::ImageLuma8(image)
        .write_to(&mut out, ImageFormat::Png)
        .map_err(|e| PageError::Render(e.to_string()))?;
    Ok(out.into_inner())
}

fn pdf_png(path: &Path, page_no: u32, dpi: u32) -> Result<Vec<u8>, PageError> {
    let page = page_no.to_string();
    let output = Command::new("pdftoppm")
        .args([
            "-f",
            &page,
            "-l",
            &page,
            "-r",
            &dpi.to_string(),
            "-gray",
            "-png",
            "-singlefile",
        ])
        .arg(path)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .map_err(|e| PageError::Render(format!("pdftoppm (poppler-utils) could not run: {e}")))?;
    if !output.status.success() || output.stdout.is_empty() {
        return Err(PageError::Render(
            "pdftoppm could not rasterise the page".into(),
        ));
    }
    Ok(output.stdout)
}
