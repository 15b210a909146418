//! The records that flow between pipeline stages.
//!
//! Each stage consumes one of these and produces the next:
//! `ingest` turns a path into a [`Source`] and its [`PageInput`]s, `ocr` turns a page into an
//! [`OcrPage`], `pipeline` gathers pages into a [`Document`], `pii` adds findings, `classify` adds
//! a [`Prediction`], `decide` adds a [`Decision`], and `sink` writes the lot.

use std::path::PathBuf;
use std::sync::Arc;

use image::GrayImage;
use serde::Serialize;

use crate::pii::Finding;

/// The container format of an input file, detected from its content (never its extension).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum MediaType {
    /// PNG image.
    Png,
    /// JPEG image.
    Jpeg,
    /// TIFF image, possibly with several pages.
    Tiff,
    /// PDF document.
    Pdf,
    /// Anything else: not a document arkiv can read.
    Unknown,
}

impl MediaType {
    /// The IANA media type written to the `media_type` column.
    pub fn as_mime(self) -> &'static str {
        match self {
            MediaType::Png => "image/png",
            MediaType::Jpeg => "image/jpeg",
            MediaType::Tiff => "image/tiff",
            MediaType::Pdf => "application/pdf",
            MediaType::Unknown => "application/octet-stream",
        }
    }
}

/// One input file, identified by the sha256 of its bytes.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path as given or found by the walk.
    pub path: PathBuf,
    /// Hex sha256 of the file's bytes.
    pub doc_id: String,
    /// File size in bytes.
    pub bytes: u64,
    /// Format detected from the content.
    pub media_type: MediaType,
}

/// What a worker needs to produce one page: the file's bytes (shared by the pages of a document)
/// and where the page sits in it.
#[derive(Debug, Clone)]
pub struct PageJob {
    /// Index of the document within the run (pipeline bookkeeping).
    pub doc_index: usize,
    /// 1-based page number.
    pub page_no: u32,
    /// The document's format.
    pub media_type: MediaType,
    /// Path of the source file (PDF pages are read by poppler from the path).
    pub path: PathBuf,
    /// The file's bytes, for image formats.
    pub data: Arc<[u8]>,
}

/// A decoded page, ready for OCR, or text taken from a PDF text layer.
#[derive(Debug)]
pub enum PageInput {
    /// A raster page and its resolution (dots per inch) when the file states it.
    Raster {
        /// Grayscale pixels.
        image: GrayImage,
        /// Resolution stated by the file, if any.
        dpi: Option<f32>,
    },
    /// A PDF page whose text layer holds real text; no OCR needed.
    TextLayer {
        /// The page's text.
        text: String,
        /// Page width in PDF points.
        width: u32,
        /// Page height in PDF points.
        height: u32,
    },
}

/// Where a page's text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TextSource {
    /// Recognised by an OCR engine.
    Ocr,
    /// Taken from a PDF text layer.
    TextLayer,
}

impl TextSource {
    /// Column value.
    pub fn as_str(self) -> &'static str {
        match self {
            TextSource::Ocr => "ocr",
            TextSource::TextLayer => "text_layer",
        }
    }
}

/// One recognised word.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Word {
    /// The word's text.
    pub text: String,
    /// Engine confidence, 0–100.
    pub confidence: f32,
    /// Left, top, width, height in pixels of the OCR'd (possibly rescaled and rotated) image.
    pub bbox: [u32; 4],
}

/// The result of producing one page: text, geometry and quality figures, or an error.
#[derive(Debug, Clone)]
pub struct OcrPage {
    /// 1-based page number.
    pub page_no: u32,
    /// Width in pixels of the source page (points for text-layer pages).
    pub width: u32,
    /// Height in pixels of the source page (points for text-layer pages).
    pub height: u32,
    /// Resolution of the source page, stated or estimated.
    pub dpi: f32,
    /// Clockwise rotation in degrees applied to make the page upright (0, 90, 180, 270).
    pub rotation: u16,
    /// Estimated skew in degrees (as reported by the engine's layout analysis).
    pub skew: f32,
    /// Mean word confidence 0–100; `None` for text-layer pages and failed pages.
    pub ocr_confidence: Option<f32>,
    /// The page's text, lines separated by `\n`.
    pub text: String,
    /// Words with confidence and box (OCR pages only).
    pub words: Vec<Word>,
    /// Where the text came from.
    pub text_source: TextSource,
    /// Engine that produced the text (`tesseract`, `text_layer`).
    pub engine: String,
    /// Cleaning steps applied before OCR, in order (e.g. `rescale:200dpi`, `median3`).
    pub preprocessing: Vec<String>,
    /// Why the page failed, if it did.
    pub error: Option<String>,
}

impl OcrPage {
    /// A page that could not be produced.
    pub fn failed(page_no: u32, error: String) -> Self {
        OcrPage {
            page_no,
            width: 0,
            height: 0,
            dpi: 0.0,
            rotation: 0,
            skew: 0.0,
            ocr_confidence: None,
            text: String::new(),
            words: Vec::new(),
            text_source: TextSource::Ocr,
            engine: String::new(),
            preprocessing: Vec::new(),
            error: Some(error),
        }
    }
}

/// Outcome of a document as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Every page produced text.
    Ok,
    /// Some pages failed; the others are kept.
    Partial,
    /// Nothing could be read.
    Failed,
}

impl Status {
    /// Column value.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Partial => "partial",
            Status::Failed => "failed",
        }
    }
}

/// A document with all its pages read.
#[derive(Debug, Clone)]
pub struct Document {
    /// The input file.
    pub source: Source,
    /// Pages in order (empty when the file could not be opened).
    pub pages: Vec<OcrPage>,
    /// Overall outcome.
    pub status: Status,
    /// Why the document (or some pages) failed.
    pub error: Option<String>,
}

impl Document {
    /// Assembles a document from its pages; the status follows from the pages' errors.
    pub fn from_pages(source: Source, mut pages: Vec<OcrPage>) -> Self {
        pages.sort_by_key(|p| p.page_no);
        let failed: Vec<String> = pages
            .iter()
            .filter_map(|p| p.error.as_ref().map(|e| format!("page {}: {e}", p.page_no)))
            .collect();
        let status = if pages.is_empty() || failed.len() == pages.len() {
            Status::Failed
        } else if failed.is_empty() {
            Status::Ok
        } else {
            Status::Partial
        };
        let error = if failed.is_empty() {
            None
        } else {
            Some(failed.join("; "))
        };
        Document {
            source,
            pages,
            status,
            error,
        }
    }

    /// A document given as plain text (no file, no OCR): one text-layer page, as `arkiv eval`
    /// sees its rows.
    pub fn from_text(id: &str, text: &str) -> Self {
        let source = Source {
            path: id.into(),
            doc_id: id.into(),
            bytes: text.len() as u64,
            media_type: MediaType::Unknown,
        };
        let page = OcrPage {
            text: text.into(),
            text_source: TextSource::TextLayer,
            engine: "text".into(),
            error: None,
            ..OcrPage::failed(1, String::new())
        };
        Document::from_pages(source, vec![page])
    }

    /// A document that could not be opened at all.
    pub fn failed(source: Source, error: String) -> Self {
        Document {
            source,
            pages: Vec::new(),
            status: Status::Failed,
            error: Some(error),
        }
    }

    /// The document's text: its pages' texts separated by a form feed line.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (i, page) in self.pages.iter().filter(|p| p.error.is_none()).enumerate() {
            if i > 0 {
                out.push_str("\n\u{c}\n");
            }
            out.push_str(&page.text);
        }
        out
    }

    /// `ocr` when any page was OCR'd, else `text_layer`.
    pub fn text_source(&self) -> TextSource {
        if self
            .pages
            .iter()
            .any(|p| p.error.is_none() && p.text_source == TextSource::Ocr)
            || self.pages.is_empty()
        {
            TextSource::Ocr
        } else {
            TextSource::TextLayer
        }
    }

    /// Mean OCR confidence over OCR'd pages, weighted by their word count.
    pub fn ocr_confidence(&self) -> Option<f32> {
        let mut sum = 0.0f64;
        let mut n = 0usize;
        for p in &self.pages {
            if p.ocr_confidence.is_some() {
                for w in &p.words {
                    sum += f64::from(w.confidence);
                    n += 1;
                }
            }
        }
        (n > 0).then(|| (sum / n as f64) as f32)
    }
}

/// A label with its calibrated probability.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    /// Label code.
    pub label: String,
    /// Calibrated probability.
    pub score: f32,
}

/// The model's output for one document, calibrated.
#[derive(Debug, Clone, PartialEq)]
pub struct Prediction {
    /// Top category.
    pub category: String,
    /// Its calibrated probability.
    pub category_confidence: f32,
    /// All categories with probabilities, in the model's label order.
    pub category_scores: Vec<Score>,
    /// Top sensitivity level (`S1`…`S5`).
    pub sensitivity: String,
    /// Its calibrated probability.
    pub sensitivity_confidence: f32,
    /// All levels with probabilities, in the model's label order.
    pub sensitivity_scores: Vec<Score>,
}

impl Prediction {
    /// Difference between the two highest category probabilities.
    pub fn category_margin(&self) -> f32 {
        top_two_margin(&self.category_scores)
    }

    /// Difference between the two highest sensitivity probabilities.
    pub fn sensitivity_margin(&self) -> f32 {
        top_two_margin(&self.sensitivity_scores)
    }
}

fn top_two_margin(scores: &[Score]) -> f32 {
    let mut first = 0.0f32;
    let mut second = 0.0f32;
    for s in scores {
        if s.score > first {
            second = first;
            first = s.score;
        } else if s.score > second {
            second = s.score;
        }
    }
    first - second
}

/// Sensitivity level, ordered S1 < … < S5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Level {
    /// Public.
    S1 = 1,
    /// Internal.
    S2 = 2,
    /// Personal information.
    S3 = 3,
    /// Health data.
    S4 = 4,
    /// Special-category health data or marked secret.
    S5 = 5,
}

impl Level {
    /// All levels in order.
    pub const ALL: [Level; 5] = [Level::S1, Level::S2, Level::S3, Level::S4, Level::S5];

    /// `S1`…`S5`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::S1 => "S1",
            Level::S2 => "S2",
            Level::S3 => "S3",
            Level::S4 => "S4",
            Level::S5 => "S5",
        }
    }

    /// Parses `S1`…`S5` (case-insensitive).
    pub fn parse(s: &str) -> Option<Level> {
        Level::ALL
            .into_iter()
            .find(|l| l.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

impl std::fmt::Display for Level {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the decision rules concluded.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    /// Final sensitivity: max(model, rule floor).
    pub sensitivity: Level,
    /// The rule floor alone.
    pub floor: Level,
    /// Why the floor is where it is (one entry per raise).
    pub sensitivity_reasons: Vec<String>,
    /// Whether a reviewer must look at the document.
    pub needs_review: bool,
    /// What the sensitivity threshold is compared with (see
    /// [`crate::decide::sensitivity_review_confidence`]); absent without a prediction.
    pub sensitivity_review_confidence: Option<f32>,
    /// Every reason for review.
    pub review_reasons: Vec<String>,
    /// Higher is more urgent.
    pub review_priority: f32,
}

/// Everything known about a document, ready for the sink.
#[derive(Debug, Clone)]
pub struct DocumentRecord {
    /// The read document.
    pub document: Document,
    /// Its full text (unmasked).
    pub text: String,
    /// Text with personal data masked.
    pub text_masked: String,
    /// Personal-data findings in `text`.
    pub pii: Vec<Finding>,
    /// Model output (absent when the document failed and has no text).
    pub prediction: Option<Prediction>,
    /// Decision rules' outcome.
    pub decision: Decision,
}
