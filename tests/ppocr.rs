//! The PP-OCR engine on the real models (fetched by `make setup` into .models/ppocr/): known text
//! from a committed sample scan, rotated pages, an empty page, tiny images, a page with only a
//! stamp. Skips with a message when the models or the ONNX Runtime library are absent.

use std::path::{Path, PathBuf};

use arkiv::ocr::ppocr::{ModelSet, PpOcr, PpOcrParams, locate_models};
use arkiv::ocr::{self, OcrEngine, OcrParams, preprocess};
use arkiv::record::PageInput;
use image::{GrayImage, Luma};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The engine, or `None` (with a message) when models or runtime are missing.
fn engine(models: ModelSet) -> Option<PpOcr> {
    if let Err(e) = locate_models(None, models.files().0) {
        eprintln!("skipping: {e}");
        return None;
    }
    if let Err(e) = arkiv::runtime::init(None) {
        eprintln!("skipping: {e} (run `make setup`)");
        return None;
    }
    Some(
        PpOcr::new(&PpOcrParams {
            models,
            ..PpOcrParams::default()
        })
        .expect("models load"),
    )
}

fn sample(stem: &str) -> (GrayImage, String) {
    let dir = root().join("datasets/sample");
    let image = image::open(dir.join(format!("{stem}.png")))
        .expect("sample page")
        .to_luma8();
    let truth = std::fs::read_to_string(dir.join("truth.jsonl")).expect("truth.jsonl");
    let text = truth
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .find(|row| row["id"] == stem)
        .and_then(|row| row["text"].as_str().map(str::to_string))
        .expect("truth row");
    (image, text)
}

/// Character error rate ignoring whitespace.
fn cer(hyp: &str, truth: &str) -> f64 {
    let a: Vec<char> = hyp.chars().filter(|c| !c.is_whitespace()).collect();
    let b: Vec<char> = truth.chars().filter(|c| !c.is_whitespace()).collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, x) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(x != y))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()] as f64 / b.len().max(1) as f64
}

fn read(engine: &mut PpOcr, image: GrayImage) -> arkiv::record::OcrPage {
    let input = PageInput::Raster { image, dpi: None };
    ocr::read_page(engine, 1, input, &OcrParams::default())
}

const DISCHARGE: &str = "arkivgen-s7-medical-discharge_summary-00000";

#[test]
fn known_text_is_recognised_from_a_rendered_page() {
    let Some(mut engine) = engine(ModelSet::V6) else {
        return;
    };
    let (image, truth) = sample(DISCHARGE);
    let page = read(&mut engine, image);
    assert_eq!(page.error, None);
    assert_eq!(page.engine, "ppocr-v6");
    assert_eq!(page.rotation, 0);
    let rate = cer(&page.text, &truth);
    assert!(rate < 0.02, "CER {rate:.3}:\n{}", page.text);
    assert!(page.text.contains("出院小结"), "{}", page.text);
    assert!(
        page.text.lines().count() >= 15,
        "lines are kept apart:\n{}",
        page.text
    );
    // Per-character words with confidences and boxes inside the page.
    assert!(
        page.words
            .iter()
            .all(|w| (0.0..=100.0).contains(&w.confidence))
    );
    assert!(page.words.iter().any(|w| w.text == "院"));
    assert!(
        page.words
            .iter()
            .all(|w| w.bbox[0] + w.bbox[2] <= page.width + 2)
    );
    assert!(page.ocr_confidence.unwrap() > 80.0);
}

#[test]
fn the_older_model_set_reads_too() {
    let Some(mut engine) = engine(ModelSet::V4) else {
        return;
    };
    let (image, truth) = sample(DISCHARGE);
    let page = read(&mut engine, image);
    assert_eq!(page.engine, "ppocr-v4");
    assert!(cer(&page.text, &truth) < 0.03, "{}", page.text);
}

#[test]
fn rotated_pages_are_turned_upright() {
    let Some(mut engine) = engine(ModelSet::V6) else {
        return;
    };
    let (image, truth) = sample(DISCHARGE);
    for turned_by in [90u16, 180, 270] {
        let rotated = preprocess::rotate(&image, turned_by);
        let page = read(&mut engine, rotated);
        assert_eq!(
            page.rotation,
            (360 - turned_by) % 360,
            "page turned by {turned_by}°"
        );
        let rate = cer(&page.text, &truth);
        assert!(
            rate < 0.03,
            "turned by {turned_by}°: CER {rate:.3}\n{}",
            page.text
        );
    }
}

#[test]
fn empty_and_tiny_pages_read_as_empty() {
    let Some(mut engine) = engine(ModelSet::V6) else {
        return;
    };
    for (w, h) in [(1654, 2339), (1, 1), (3, 500), (2000, 2), (40, 40)] {
        let page = read(&mut engine, GrayImage::from_pixel(w, h, Luma([255])));
        assert_eq!(page.error, None, "{w}×{h}");
        assert_eq!(page.text, "", "{w}×{h}");
        assert!(page.words.is_empty());
    }
    let rec = engine
        .recognize(&GrayImage::from_pixel(1, 1, Luma([0])), 200.0)
        .unwrap();
    assert!(rec.text.is_empty());
}

/// A grey seal (thick ring and a five-pointed star, no text), as stamps look in grayscale scans.
fn stamp_page() -> GrayImage {
    let (w, h) = (1654u32, 2339u32);
    let mut page = GrayImage::from_pixel(w, h, Luma([255]));
    let (cx, cy, r) = (1100.0f32, 1500.0f32, 180.0f32);
    let star: Vec<(f32, f32)> = (0..10)
        .map(|i| {
            let a = -std::f32::consts::FRAC_PI_2 + i as f32 * std::f32::consts::PI / 5.0;
            let rr = if i % 2 == 0 { 70.0 } else { 28.0 };
            (cx + rr * a.cos(), cy + rr * a.sin())
        })
        .collect();
    let inside_star = |x: f32, y: f32| {
        let mut inside = false;
        for i in 0..star.len() {
            let (a, b) = (star[i], star[(i + 1) % star.len()]);
            if (a.1 > y) != (b.1 > y) && x < a.0 + (y - a.1) * (b.0 - a.0) / (b.1 - a.1) {
                inside = !inside;
            }
        }
        inside
    };
    for y in (cy - r) as u32..(cy + r) as u32 {
        for x in (cx - r) as u32..(cx + r) as u32 {
            let d = ((x as f32 - cx).powi(2) + (y as f32 - cy).powi(2)).sqrt();
            if (r - 14.0..r).contains(&d) || inside_star(x as f32, y as f32) {
                page.put_pixel(x, y, Luma([120]));
            }
        }
    }
    page
}

#[test]
fn a_page_with_only_a_stamp_yields_little_or_no_text() {
    let Some(mut engine) = engine(ModelSet::V6) else {
        return;
    };
    let page = read(&mut engine, stamp_page());
    assert_eq!(page.error, None);
    assert!(
        page.text.chars().filter(|c| !c.is_whitespace()).count() <= 2,
        "{:?}",
        page.text
    );
}

#[test]
fn missing_models_are_a_clear_error() {
    if arkiv::runtime::init(None).is_err() {
        eprintln!("skipping: no ONNX Runtime library (run `make setup`)");
        return;
    }
    let err = PpOcr::new(&PpOcrParams {
        model_dir: Some(Path::new("/nonexistent/ppocr").to_path_buf()),
        ..PpOcrParams::default()
    })
    .unwrap_err();
    assert!(err.0.contains("make setup"), "{err}");
}

#[test]
fn the_optional_angle_classifier_runs() {
    if engine(ModelSet::V6).is_none() {
        return;
    }
    let mut engine = PpOcr::new(&PpOcrParams {
        angle_classifier: true,
        ..PpOcrParams::default()
    })
    .expect("models load");
    let (image, truth) = sample(DISCHARGE);
    let page = read(&mut engine, image);
    assert_eq!(page.error, None);
    assert!(cer(&page.text, &truth) < 0.05, "{}", page.text);
}
