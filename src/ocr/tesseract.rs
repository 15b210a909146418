//! Tesseract 5 through its C API.
//!
//! One [`Tesseract`] per worker thread (the C++ object is not thread-safe). Text is assembled from
//! Tesseract's TSV output, which carries per-word confidences and boxes; words are joined without
//! a space where both sides are CJK, since Tesseract splits Chinese text into single-character
//! "words".

use std::ffi::{CStr, CString};
use std::os::raw::c_int;
use std::ptr;

use image::GrayImage;
use tesseract_sys as sys;

use super::{OcrEngine, OcrError, Orientation, Recognition};
use crate::record::Word;

/// Settings for a Tesseract engine.
#[derive(Debug, Clone, PartialEq)]
pub struct TesseractParams {
    /// Languages, `+`-separated (default `chi_sim+eng`).
    pub lang: String,
    /// Folder holding the `.traineddata` files; `None` uses Tesseract's default
    /// (`/usr/share/tesseract-ocr/5/tessdata` on Debian) or `TESSDATA_PREFIX`.
    pub datapath: Option<String>,
    /// Longest time recognition of one page may take (default 300 s); a page over it fails with
    /// a clear error instead of holding up the run.
    pub page_timeout: std::time::Duration,
    /// Page segmentation mode (default 4, a single column of text of variable sizes: on the
    /// sample pages it read forms better than 3, fully automatic layout — CER 7.9% against 9.7%).
    pub psm: i32,
}

impl Default for TesseractParams {
    fn default() -> Self {
        TesseractParams {
            lang: "chi_sim+eng".into(),
            datapath: None,
            page_timeout: std::time::Duration::from_secs(300),
            psm: 4,
        }
    }
}

/// An owned `TessBaseAPI` handle.
struct Handle(*mut sys::TessBaseAPI);

// SAFETY: a TessBaseAPI may move between threads; it is only ever used by one at a time (we hold
// it by value or `&mut`).
unsafe impl Send for Handle {}

impl Handle {
    fn init(datapath: Option<&str>, lang: &str) -> Result<Self, OcrError> {
        let lang_c = CString::new(lang).map_err(|_| OcrError("language contains NUL".into()))?;
        let path_c = datapath
            .map(CString::new)
            .transpose()
            .map_err(|_| OcrError("datapath contains NUL".into()))?;
        // SAFETY: plain constructor.
        let raw = unsafe { sys::TessBaseAPICreate() };
        if raw.is_null() {
            return Err(OcrError("Tesseract could not be created".into()));
        }
        let handle = Handle(raw);
        // SAFETY: valid handle and NUL-terminated strings that outlive the call.
        let rc = unsafe {
            sys::TessBaseAPIInit3(
                handle.0,
                path_c.as_ref().map_or(ptr::null(), |c| c.as_ptr()),
                lang_c.as_ptr(),
            )
        };
        if rc != 0 {
            return Err(OcrError(format!(
                "Tesseract could not load language data `{lang}`; install it (Debian: \
                 tesseract-ocr-chi-sim, tesseract-ocr-chi-tra, tesseract-ocr-osd; `make setup` does) \
                 or set TESSDATA_PREFIX"
            )));
        }
        Ok(handle)
    }

    fn set_variable(&mut self, name: &str, value: &str) {
        let (n, v) = (CString::new(name), CString::new(value));
        if let (Ok(n), Ok(v)) = (n, v) {
            // SAFETY: valid handle and strings.
            unsafe { sys::TessBaseAPISetVariable(self.0, n.as_ptr(), v.as_ptr()) };
        }
    }

    fn set_image(&mut self, image: &GrayImage, dpi: f32) -> Result<(), OcrError> {
        let (w, h) = image.dimensions();
        let (w, h) = (
            c_int::try_from(w).map_err(|_| OcrError("image too wide".into()))?,
            c_int::try_from(h).map_err(|_| OcrError("image too tall".into()))?,
        );
        // SAFETY: the buffer holds w*h bytes (one byte per pixel, rows of w bytes) and stays alive
        // until the next SetImage/Clear, which happens before `image` can be dropped by the
        // caller's use of this engine (we clear at the end of every call).
        unsafe {
            sys::TessBaseAPISetImage(self.0, image.as_raw().as_ptr(), w, h, 1, w);
            sys::TessBaseAPISetSourceResolution(self.0, dpi.round().max(1.0) as c_int);
        }
        Ok(())
    }

    fn clear(&mut self) {
        // SAFETY: valid handle.
        unsafe { sys::TessBaseAPIClear(self.0) };
    }
}

impl Drop for Handle {
    fn drop(&mut self) {
        // SAFETY: valid handle, dropped once.
        unsafe {
            sys::TessBaseAPIEnd(self.0);
            sys::TessBaseAPIDelete(self.0);
        }
    }
}

/// A Tesseract engine for one worker thread.
pub struct Tesseract {
    params: TesseractParams,
    ocr: Handle,
    osd: Option<Handle>,
}

impl Tesseract {
    /// Starts Tesseract with the given languages. Fails with a message naming the missing
    /// language data.
    pub fn new(params: &TesseractParams) -> Result<Self, OcrError> {
        let mut ocr = Handle::init(params.datapath.as_deref(), &params.lang)?;
        // SAFETY: valid handle; the mode is a plain enum value.
        unsafe { sys::TessBaseAPISetPageSegMode(ocr.0, params.psm as sys::TessPageSegMode) };
        ocr.set_variable("debug_file", "/dev/null");
        Ok(Tesseract {
            params: params.clone(),
            ocr,
            osd: None,
        })
    }

    fn skew_degrees(&mut self) -> f32 {
        // SAFETY: the iterator is created from a handle that has just recognised an image, and
        // deleted before returning.
        unsafe {
            let it = sys::TessBaseAPIGetIterator(self.ocr.0);
            if it.is_null() {
                return 0.0;
            }
            let page = sys::TessResultIteratorGetPageIterator(it);
            let mut orientation = 0 as sys::TessOrientation;
            let mut direction = 0 as sys::TessWritingDirection;
            let mut order = 0 as sys::TessTextlineOrder;
            let mut deskew: f32 = 0.0;
            if !page.is_null() {
                sys::TessPageIteratorOrientation(
                    page,
                    &mut orientation,
                    &mut direction,
                    &mut order,
                    &mut deskew,
                );
            }
            sys::TessResultIteratorDelete(it);
            if deskew.is_finite() {
                deskew.to_degrees()
            } else {
                0.0
            }
        }
    }
}

impl OcrEngine for Tesseract {
    fn name(&self) -> &'static str {
        "tesseract"
    }

    fn recognize(&mut self, image: &GrayImage, dpi: f32) -> Result<Recognition, OcrError> {
        self.ocr.set_image(image, dpi)?;
        let limit_ms = c_int::try_from(self.params.page_timeout.as_millis()).unwrap_or(c_int::MAX);
        // SAFETY: valid handle with an image set; the monitor lives until after Recognize and is
        // deleted once.
        let rc = unsafe {
            let monitor = sys::TessMonitorCreate();
            if !monitor.is_null() {
                sys::TessMonitorSetDeadlineMSecs(monitor, limit_ms);
            }
            let rc = sys::TessBaseAPIRecognize(self.ocr.0, monitor);
            if !monitor.is_null() {
                sys::TessMonitorDelete(monitor);
            }
            rc
        };
        if rc != 0 {
            self.ocr.clear();
            return Err(OcrError(format!(
                "Tesseract could not recognise the page (or took longer than the {} s limit; \
                 raise --page-timeout if the page is genuine)",
                self.params.page_timeout.as_secs()
            )));
        }
        let skew = self.skew_degrees();
        // SAFETY: valid handle after Recognize; the returned string is freed with TessDeleteText.
        let tsv = unsafe {
            let raw = sys::TessBaseAPIGetTsvText(self.ocr.0, 0);
            if raw.is_null() {
                self.ocr.clear();
                return Err(OcrError("Tesseract returned no result".into()));
            }
            let s = CStr::from_ptr(raw).to_string_lossy().into_owned();
            sys::TessDeleteText(raw);
            s
        };
        self.ocr.clear();
        let (text, words) = parse_tsv(&tsv);
        Ok(Recognition { text, words, skew })
    }

    fn detect_orientation(
        &mut self,
        image: &GrayImage,
        dpi: f32,
    ) -> Result<Option<Orientation>, OcrError> {
        if self.osd.is_none() {
            let mut handle = Handle::init(self.params.datapath.as_deref(), "osd")?;
            handle.set_variable("debug_file", "/dev/null");
            self.osd = Some(handle);
        }
        let osd = self.osd.as_mut().expect("just set");
        osd.set_image(image, dpi)?;
        let mut degrees: c_int = 0;
        let mut conf: f32 = 0.0;
        let mut script: *const std::os::raw::c_char = ptr::null();
        let mut script_conf: f32 = 0.0;
        // SAFETY: valid handle with an image set; out-pointers are valid; the script name is
        // owned by Tesseract in 5.x and must not be freed by us.
        let ok = unsafe {
            sys::TessBaseAPIDetectOrientationScript(
                osd.0,
                &mut degrees,
                &mut conf,
                &mut script,
                &mut script_conf,
            )
        };
        osd.clear();
        if ok == 0 || !conf.is_finite() {
            return Ok(None);
        }
        // Tesseract reports how far the page is rotated clockwise; turning it back is the
        // complementary clockwise rotation.
        let rotate = ((360 - degrees.rem_euclid(360)) % 360) as u16;
        Ok(Some(Orientation {
            rotate_degrees: rotate,
            confidence: conf,
        }))
    }
}

/// Parses Tesseract TSV into text (lines joined by `\n`, blocks by a blank line) and words.
pub fn parse_tsv(tsv: &str) -> (String, Vec<Word>) {
    let mut words = Vec::new();
    let mut text = String::new();
    let mut current_line: Option<(u32, u32, u32)> = None;
    let mut current_block: Option<u32> = None;
    for row in tsv.lines() {
        let cols: Vec<&str> = row.splitn(12, '\t').collect();
        if cols.len() < 12 || cols[0] != "5" {
            continue;
        }
        let num = |i: usize| cols[i].trim().parse::<i64>().unwrap_or(0);
        let word = cols[11].trim();
        let conf: f32 = cols[10].trim().parse().unwrap_or(-1.0);
        if word.is_empty() || conf < 0.0 {
            continue;
        }
        let block = num(2) as u32;
        let line_key = (block, num(3) as u32, num(4) as u32);
        if current_line != Some(line_key) {
            if current_line.is_some() {
                text.push('\n');
                if current_block != Some(block) {
                    text.push('\n');
                }
            }
            current_line = Some(line_key);
            current_block = Some(block);
        } else if needs_space(text.chars().last(), word.chars().next()) {
            text.push(' ');
        }
        text.push_str(word);
        let clamp = |v: i64| v.clamp(0, i64::from(u32::MAX)) as u32;
        words.push(Word {
            text: word.to_string(),
            confidence: conf,
            bbox: [clamp(num(6)), clamp(num(7)), clamp(num(8)), clamp(num(9))],
        });
    }
    (text, words)
}

fn needs_space(prev: Option<char>, next: Option<char>) -> bool {
    match (prev, next) {
        (Some(a), Some(b)) => !(is_cjk(a) || is_cjk(b)),
        _ => false,
    }
}

/// CJK ideographs, kana, hangul, and full-width/CJK punctuation.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF | 0x3000..=0x30FF | 0x3100..=0x31BF | 0x3200..=0x4DBF | 0x4E00..=0x9FFF
        | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF
        | 0x20000..=0x3134F)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TSV: &str = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t
5\t1\t1\t1\t1\t1\t10\t10\t20\t20\t96.5\t出院
5\t1\t1\t1\t1\t2\t30\t10\t20\t20\t91.0\t小结
5\t1\t1\t1\t2\t1\t10\t40\t20\t20\t88.0\tID
5\t1\t1\t1\t2\t2\t30\t40\t20\t20\t90.0\tA123
5\t1\t1\t1\t2\t3\t50\t40\t20\t20\t90.0\t号
5\t1\t2\t1\t1\t1\t10\t80\t20\t20\t70.0\tEnd
";

    #[test]
    fn joins_cjk_without_spaces_and_latin_with() {
        let (text, words) = parse_tsv(TSV);
        assert_eq!(text, "出院小结\nID A123号\n\nEnd");
        assert_eq!(words.len(), 6);
        assert_eq!(words[0].bbox, [10, 10, 20, 20]);
        assert!((words[0].confidence - 96.5).abs() < 1e-6);
    }

    #[test]
    fn garbage_tsv_yields_nothing() {
        let (text, words) = parse_tsv("5\tx\n\t\t\t\n");
        assert!(text.is_empty() && words.is_empty());
    }
}
