//! Tesseract 5 through its C API.
//!
//! One [`Tesseract`] per worker thread (the C++ object is not thread-safe). Text is assembled from
//! Tesseract's TSV output, which carries per-word confidences and boxes; words are joined without
//! a space where both sides are CJK, since Tesseract splits Chinese text into single-character
//! "words".
//!
//! With the default `chi_sim+eng`, a page is read with `chi_sim` alone first and re-read with both
//! languages only when at least 15% of that reading is Latin letters (see
//! [`TesseractParams::reread_latin_share`]): given two languages, Tesseract retries with `eng`
//! every stretch of text `chi_sim` is unsure of (on Chinese pages, most lines), which took about a
//! third of the recognition time and on Chinese pages only made the reading worse.

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
    /// For `lang` = `chi_sim+eng`: read with `chi_sim` alone, and re-read with both languages only
    /// when at least this share of the recognised non-space characters are Latin letters (default
    /// 0.15). `chi_sim` reads the digits and Latin words of Chinese pages itself. Measured with
    /// Tesseract 5.3 (`benches/ocr_accuracy.rs`): on Chinese pages (at most 9% Latin letters) the
    /// character error rate fell or stayed (generated forms 2.40% → 2.10%, EMR text 3.25% →
    /// 2.90%, heavily degraded EMR text 29.6% → 25.1%) and recognition took 30% less time. On
    /// pages mixing Chinese with English sentences `chi_sim` alone was as good up to 15% Latin
    /// letters and worse above (CER 1.9–2.9% against 1.1–2.0%); English scans read 58–100% Latin.
    /// Those pages are re-read, costing the first reading on top. `None` always reads with all
    /// languages at once.
    pub reread_latin_share: Option<f32>,
}

impl Default for TesseractParams {
    fn default() -> Self {
        TesseractParams {
            lang: "chi_sim+eng".into(),
            datapath: None,
            page_timeout: std::time::Duration::from_secs(300),
            psm: 4,
            reread_latin_share: Some(0.15),
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
        let mut handle = Handle(raw);
        // SAFETY: valid handle and NUL-terminated strings that outlive the call.
        let rc = unsafe {
            sys::TessBaseAPIInit3(
                handle.0,
                path_c.as_ref().map_or(ptr::null(), |c| c.as_ptr()),
                lang_c.as_ptr(),
            )
        };
        if rc != 0 {
            return Err(missing_language(lang));
        }
        handle.set_variable("debug_file", "/dev/null");
        Ok(handle)
    }

    /// A handle for recognition with the given languages and page segmentation mode.
    fn for_text(datapath: Option<&str>, lang: &str, psm: i32) -> Result<Self, OcrError> {
        let handle = Handle::init(datapath, lang)?;
        // SAFETY: valid handle; the mode is a plain enum value.
        unsafe { sys::TessBaseAPISetPageSegMode(handle.0, psm as sys::TessPageSegMode) };
        Ok(handle)
    }

    /// Languages whose data Tesseract finds in the data folder this handle was started with.
    fn available_languages(&self) -> Vec<String> {
        let mut langs = Vec::new();
        // SAFETY: valid handle; the array is NULL-terminated, read before it is freed, and freed
        // once with TessDeleteTextArray.
        unsafe {
            let arr = sys::TessBaseAPIGetAvailableLanguagesAsVector(self.0);
            if arr.is_null() {
                return langs;
            }
            let mut i = 0;
            while !(*arr.add(i)).is_null() {
                langs.push(CStr::from_ptr(*arr.add(i)).to_string_lossy().into_owned());
                i += 1;
            }
            sys::TessDeleteTextArray(arr);
        }
        langs
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

    /// Recognises the image, giving up after `timeout`.
    fn read(
        &mut self,
        image: &GrayImage,
        dpi: f32,
        timeout: std::time::Duration,
    ) -> Result<Recognition, OcrError> {
        self.set_image(image, dpi)?;
        let limit_ms = c_int::try_from(timeout.as_millis()).unwrap_or(c_int::MAX);
        // SAFETY: valid handle with an image set; the monitor lives until after Recognize and is
        // deleted once.
        let rc = unsafe {
            let monitor = sys::TessMonitorCreate();
            if !monitor.is_null() {
                sys::TessMonitorSetDeadlineMSecs(monitor, limit_ms);
            }
            let rc = sys::TessBaseAPIRecognize(self.0, monitor);
            if !monitor.is_null() {
                sys::TessMonitorDelete(monitor);
            }
            rc
        };
        if rc != 0 {
            self.clear();
            return Err(OcrError(format!(
                "Tesseract could not recognise the page (or took longer than the {} s limit; \
                 raise --page-timeout if the page is genuine)",
                timeout.as_secs()
            )));
        }
        let skew = self.skew_degrees();
        // SAFETY: valid handle after Recognize; the returned string is freed with TessDeleteText.
        let tsv = unsafe {
            let raw = sys::TessBaseAPIGetTsvText(self.0, 0);
            if raw.is_null() {
                self.clear();
                return Err(OcrError("Tesseract returned no result".into()));
            }
            let s = CStr::from_ptr(raw).to_string_lossy().into_owned();
            sys::TessDeleteText(raw);
            s
        };
        self.clear();
        let (text, words) = parse_tsv(&tsv);
        Ok(Recognition { text, words, skew })
    }

    fn skew_degrees(&mut self) -> f32 {
        // SAFETY: the iterator is created from a handle that has just recognised an image, and
        // deleted before returning.
        unsafe {
            let it = sys::TessBaseAPIGetIterator(self.0);
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

fn missing_language(lang: &str) -> OcrError {
    OcrError(format!(
        "Tesseract could not load language data `{lang}`; install it (Debian: \
         tesseract-ocr-chi-sim, tesseract-ocr-chi-tra, tesseract-ocr-osd; `make setup` does) \
         or set TESSDATA_PREFIX"
    ))
}

/// The language a page is read with first when `params` asks for a reading in two steps (see
/// [`TesseractParams::reread_latin_share`]); `None` when pages are read with all languages at once.
fn first_step_language(params: &TesseractParams) -> Option<&'static str> {
    params.reread_latin_share?;
    (params.lang == "chi_sim+eng").then_some("chi_sim")
}

/// Share of the non-space characters of `text` that are Latin letters (A–Z, a–z); 0 for no text.
pub fn latin_share(text: &str) -> f32 {
    let (mut latin, mut all) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        all += 1;
        latin += usize::from(c.is_ascii_alphabetic());
    }
    if all == 0 {
        0.0
    } else {
        latin as f32 / all as f32
    }
}

/// A Tesseract engine for one worker thread.
pub struct Tesseract {
    params: TesseractParams,
    /// Reads every page: with all of `lang`, or with its first language when pages are read in
    /// two steps.
    ocr: Handle,
    /// Whether pages are read in two steps: `ocr` holds the first language only.
    two_step: bool,
    /// All of `lang`, for pages whose first reading is Latin enough to re-read; started when first
    /// needed.
    full: Option<Handle>,
    osd: Option<Handle>,
}

impl Tesseract {
    /// Starts Tesseract with the given languages. Fails with a message naming the missing
    /// language data.
    pub fn new(params: &TesseractParams) -> Result<Self, OcrError> {
        let first = first_step_language(params);
        let datapath = params.datapath.as_deref();
        let ocr = Handle::for_text(datapath, first.unwrap_or(&params.lang), params.psm)?;
        if first.is_some() {
            // The full set is started only when a page needs it; check now that it can be.
            let available = ocr.available_languages();
            if let Some(missing) = params
                .lang
                .split('+')
                .find(|l| !available.iter().any(|a| a == l))
            {
                return Err(missing_language(missing));
            }
        }
        Ok(Tesseract {
            params: params.clone(),
            ocr,
            two_step: first.is_some(),
            full: None,
            osd: None,
        })
    }
}

impl OcrEngine for Tesseract {
    fn name(&self) -> &'static str {
        "tesseract"
    }

    fn recognize(&mut self, image: &GrayImage, dpi: f32) -> Result<Recognition, OcrError> {
        let timeout = self.params.page_timeout;
        let first = self.ocr.read(image, dpi, timeout)?;
        let reread_at = self.params.reread_latin_share.unwrap_or(f32::INFINITY);
        if !self.two_step || latin_share(&first.text) < reread_at {
            return Ok(first);
        }
        if self.full.is_none() {
            let datapath = self.params.datapath.as_deref();
            self.full = Some(Handle::for_text(
                datapath,
                &self.params.lang,
                self.params.psm,
            )?);
        }
        let full = self.full.as_mut().expect("just set");
        full.read(image, dpi, timeout)
    }

    fn detect_orientation(
        &mut self,
        image: &GrayImage,
        dpi: f32,
    ) -> Result<Option<Orientation>, OcrError> {
        if self.osd.is_none() {
            self.osd = Some(Handle::init(self.params.datapath.as_deref(), "osd")?);
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
    fn latin_share_counts_letters_among_non_space_characters() {
        assert_eq!(latin_share(""), 0.0);
        assert_eq!(latin_share("出院小结 2021"), 0.0);
        assert!((latin_share("CT 检查") - 0.5).abs() < 1e-6);
        assert_eq!(latin_share("Total due\nUSD"), 1.0);
    }

    #[test]
    fn only_chinese_with_english_is_read_in_two_steps() {
        let params = TesseractParams::default();
        assert_eq!(first_step_language(&params), Some("chi_sim"));
        let all_at_once = TesseractParams {
            reread_latin_share: None,
            ..TesseractParams::default()
        };
        assert_eq!(first_step_language(&all_at_once), None);
        for lang in ["eng", "chi_sim", "chi_tra+eng", "eng+chi_sim", "osd"] {
            let params = TesseractParams {
                lang: lang.into(),
                ..TesseractParams::default()
            };
            assert_eq!(first_step_language(&params), None, "{lang}");
        }
    }

    #[test]
    fn garbage_tsv_yields_nothing() {
        let (text, words) = parse_tsv("5\tx\n\t\t\t\n");
        assert!(text.is_empty() && words.is_empty());
    }
}
