//! OCR: engines behind one trait, page cleaning, and orientation handling.
//!
//! [`read_page`] is the stage function: it takes a decoded [`PageInput`] and produces an
//! [`OcrPage`], cleaning the image first ([`preprocess`]) and fixing upside-down or sideways
//! pages with the engine's orientation detection when the first reading looks poor.

pub mod ppocr;
pub mod preprocess;
pub mod tesseract;

use image::GrayImage;

use crate::record::{OcrPage, PageInput, TextSource, Word};

pub use ppocr::PpOcr;
pub use preprocess::{CleanParams, MedianMode};
pub use tesseract::Tesseract;

/// What an engine recognised on one image.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Recognition {
    /// Text, lines separated by `\n`.
    pub text: String,
    /// Words with confidences and boxes.
    pub words: Vec<Word>,
    /// Skew of the text lines in degrees, as estimated by layout analysis.
    pub skew: f32,
}

impl Recognition {
    /// Mean word confidence (0–100), or 0 when nothing was recognised.
    pub fn mean_confidence(&self) -> f32 {
        if self.words.is_empty() {
            return 0.0;
        }
        self.words.iter().map(|w| w.confidence).sum::<f32>() / self.words.len() as f32
    }

    /// A quality score for choosing between readings of the same page in different orientations:
    /// confident characters recognised.
    fn quality(&self) -> f32 {
        self.words
            .iter()
            .map(|w| w.confidence * w.text.chars().count() as f32)
            .sum()
    }
}

/// An orientation estimate: the clockwise rotation that makes the page upright.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Orientation {
    /// 0, 90, 180 or 270.
    pub rotate_degrees: u16,
    /// Engine confidence (engine-specific scale).
    pub confidence: f32,
}

/// Why an engine could not read an image.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct OcrError(pub String);

/// An OCR engine. One instance serves one worker thread.
pub trait OcrEngine: Send {
    /// Engine name recorded per page.
    fn name(&self) -> &'static str;
    /// Recognises text on a grayscale image at the given resolution.
    fn recognize(&mut self, image: &GrayImage, dpi: f32) -> Result<Recognition, OcrError>;
    /// Whether the engine's own reading suggests the page is not upright (e.g. most text lines
    /// run vertically), so that orientation detection should run even on a confident reading.
    /// Default: no opinion.
    fn doubts_orientation(&self, _reading: &Recognition) -> bool {
        false
    }
    /// Estimates the page orientation; `None` when the engine cannot tell.
    fn detect_orientation(
        &mut self,
        image: &GrayImage,
        dpi: f32,
    ) -> Result<Option<Orientation>, OcrError>;
}

/// When to run orientation detection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OsdMode {
    /// Only when the upright reading looks poor (low confidence or little text). Cheap.
    Auto,
    /// On every page.
    Always,
    /// Never: pages are assumed upright.
    Never,
}

/// Settings of the OCR stage.
#[derive(Debug, Clone)]
pub struct OcrParams {
    /// Image cleaning before recognition.
    pub clean: CleanParams,
    /// Orientation detection policy (default `Auto`).
    pub osd: OsdMode,
    /// In `Auto` mode, pages whose mean word confidence is below this are checked for
    /// orientation (default 60).
    pub osd_below_confidence: f32,
}

impl Default for OcrParams {
    fn default() -> Self {
        OcrParams {
            clean: CleanParams::default(),
            osd: OsdMode::Auto,
            osd_below_confidence: 60.0,
        }
    }
}

/// Produces one page: text-layer pages pass through; raster pages are cleaned, recognised, and
/// re-read rotated when orientation detection finds them sideways or upside down.
pub fn read_page(
    engine: &mut dyn OcrEngine,
    page_no: u32,
    input: PageInput,
    params: &OcrParams,
) -> OcrPage {
    match input {
        PageInput::TextLayer {
            text,
            width,
            height,
        } => OcrPage {
            page_no,
            width,
            height,
            dpi: 72.0,
            rotation: 0,
            skew: 0.0,
            ocr_confidence: None,
            text,
            words: Vec::new(),
            text_source: TextSource::TextLayer,
            engine: "text_layer".into(),
            preprocessing: Vec::new(),
            error: None,
        },
        PageInput::Raster { image, dpi } => {
            let (width, height) = image.dimensions();
            let source_dpi = dpi.unwrap_or_else(|| preprocess::estimate_dpi(width, height));
            let cleaned = preprocess::clean(image, source_dpi, &params.clean);
            match recognize_upright(engine, &cleaned.image, cleaned.dpi, params) {
                Ok((rec, rotation)) => OcrPage {
                    page_no,
                    width,
                    height,
                    dpi: source_dpi,
                    rotation,
                    skew: rec.skew,
                    ocr_confidence: Some(rec.mean_confidence()),
                    text: rec.text,
                    words: rec.words,
                    text_source: TextSource::Ocr,
                    engine: engine.name().into(),
                    preprocessing: cleaned.applied,
                    error: None,
                },
                Err(e) => OcrPage::failed(page_no, format!("OCR failed: {e}")),
            }
        }
    }
}

fn recognize_upright(
    engine: &mut dyn OcrEngine,
    image: &GrayImage,
    dpi: f32,
    params: &OcrParams,
) -> Result<(Recognition, u16), OcrError> {
    let first = match params.osd {
        OsdMode::Always => None,
        _ => Some(engine.recognize(image, dpi)?),
    };
    let doubted = first
        .as_ref()
        .is_some_and(|rec| engine.doubts_orientation(rec));
    let check = match (&first, params.osd) {
        (_, OsdMode::Never) => false,
        (_, OsdMode::Always) => true,
        (Some(rec), OsdMode::Auto) => {
            rec.mean_confidence() < params.osd_below_confidence || rec.words.len() < 5 || doubted
        }
        (None, OsdMode::Auto) => true,
    };
    if !check {
        return Ok((first.unwrap_or_default(), 0));
    }
    let rotate = engine
        .detect_orientation(image, dpi)?
        .map_or(0, |o| o.rotate_degrees);
    match (first, rotate) {
        (Some(rec), 0) => Ok((rec, 0)),
        (None, 0) => Ok((engine.recognize(image, dpi)?, 0)),
        (first, degrees) => {
            let turned = preprocess::rotate(image, degrees);
            let rec = engine.recognize(&turned, dpi)?;
            // An engine that doubted its first reading defers to orientation detection (a sideways
            // page can read confidently, in the wrong line order).
            match first {
                Some(upright) if !doubted && upright.quality() >= rec.quality() => Ok((upright, 0)),
                _ => Ok((rec, degrees)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An engine that reads well only when the image's top-left pixel is dark (the "upright"
    /// marker), and reports the rotation that brings the marker there.
    struct MarkerEngine {
        recognitions: usize,
    }

    fn upright(image: &GrayImage) -> bool {
        image.get_pixel(0, 0).0[0] < 128
    }

    impl OcrEngine for MarkerEngine {
        fn name(&self) -> &'static str {
            "marker"
        }
        fn recognize(&mut self, image: &GrayImage, _dpi: f32) -> Result<Recognition, OcrError> {
            self.recognitions += 1;
            let conf = if upright(image) { 95.0 } else { 20.0 };
            let words = (0..6)
                .map(|i| Word {
                    text: format!("w{i}"),
                    confidence: conf,
                    bbox: [0, 0, 1, 1],
                })
                .collect();
            Ok(Recognition {
                text: if upright(image) { "upright" } else { "garbage" }.into(),
                words,
                skew: 0.0,
            })
        }
        fn detect_orientation(
            &mut self,
            image: &GrayImage,
            _dpi: f32,
        ) -> Result<Option<Orientation>, OcrError> {
            for deg in [0u16, 90, 180, 270] {
                if upright(&preprocess::rotate(image, deg)) {
                    return Ok(Some(Orientation {
                        rotate_degrees: deg,
                        confidence: 10.0,
                    }));
                }
            }
            Ok(None)
        }
    }

    fn page_with_marker_at_bottom_right() -> GrayImage {
        let mut img = GrayImage::from_pixel(8, 6, image::Luma([255]));
        img.put_pixel(7, 5, image::Luma([0]));
        img
    }

    #[test]
    fn upside_down_page_is_turned_and_reread() {
        let mut engine = MarkerEngine { recognitions: 0 };
        let params = OcrParams {
            clean: CleanParams::none(),
            ..OcrParams::default()
        };
        let input = PageInput::Raster {
            image: page_with_marker_at_bottom_right(),
            dpi: Some(200.0),
        };
        let page = read_page(&mut engine, 1, input, &params);
        assert_eq!(page.rotation, 180);
        assert_eq!(page.text, "upright");
        assert_eq!(engine.recognitions, 2);
    }

    #[test]
    fn confident_upright_page_skips_orientation_check() {
        let mut engine = MarkerEngine { recognitions: 0 };
        let mut img = GrayImage::from_pixel(8, 6, image::Luma([255]));
        img.put_pixel(0, 0, image::Luma([0]));
        let params = OcrParams {
            clean: CleanParams::none(),
            ..OcrParams::default()
        };
        let page = read_page(
            &mut engine,
            3,
            PageInput::Raster {
                image: img,
                dpi: None,
            },
            &params,
        );
        assert_eq!(page.rotation, 0);
        assert_eq!(page.page_no, 3);
        assert_eq!(engine.recognitions, 1);
        assert_eq!(page.ocr_confidence, Some(95.0));
    }

    #[test]
    fn text_layer_passes_through() {
        let mut engine = MarkerEngine { recognitions: 0 };
        let page = read_page(
            &mut engine,
            1,
            PageInput::TextLayer {
                text: "出院小结".into(),
                width: 595,
                height: 842,
            },
            &OcrParams::default(),
        );
        assert_eq!(page.text_source, TextSource::TextLayer);
        assert_eq!(page.text, "出院小结");
        assert_eq!(engine.recognitions, 0);
    }
}
