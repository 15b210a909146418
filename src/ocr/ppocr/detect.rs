//! Text detection with a DB (differentiable binarisation) model: the page is scaled and
//! normalised into a tensor, the model returns a per-pixel text probability, and the map is turned
//! into rotated boxes — threshold, connected regions, minimum-area rectangle, score filter, and
//! "unclip" (the model is trained to predict shrunk text kernels; each box is grown back by
//! area × ratio / perimeter).

use image::GrayImage;

use super::geometry::{Point, RotatedRect, convex_hull, min_area_rect};
use crate::ocr::preprocess;

/// Settings of text detection. Defaults follow the published PP-OCR detection settings, except
/// the page size, which was measured (see the README's OCR table).
#[derive(Debug, Clone, PartialEq)]
pub struct DetParams {
    /// Pages are scaled so that their longer side is at most this many pixels (default 1024:
    /// measured on 200 dpi pages, 1536 and 1280 read no better and took 40% and 15% longer).
    pub max_side: u32,
    /// Probability above which a pixel counts as text (default 0.3).
    pub threshold: f32,
    /// Minimum mean probability of a region to keep it as a box (default 0.5).
    pub box_threshold: f32,
    /// How far boxes are grown back: distance = area × ratio / perimeter (default 1.6).
    pub unclip_ratio: f32,
    /// Regions whose shorter side is below this many map pixels are dropped (default 3).
    pub min_size: f32,
    /// Most boxes kept per page, largest regions first (default 1000).
    pub max_boxes: usize,
}

impl Default for DetParams {
    fn default() -> Self {
        DetParams {
            max_side: 1024,
            threshold: 0.3,
            box_threshold: 0.5,
            unclip_ratio: 1.6,
            min_size: 3.0,
            max_boxes: 1000,
        }
    }
}

/// ImageNet statistics used by PP-OCR detection models (per channel; identical gray channels).
const MEAN: [f32; 3] = [0.485, 0.456, 0.406];
const STD: [f32; 3] = [0.229, 0.224, 0.225];

/// A detection input: NCHW data and how page coordinates map into it.
#[derive(Debug)]
pub struct DetInput {
    /// Tensor data, shape `[1, 3, height, width]`.
    pub data: Vec<f32>,
    /// Tensor width (a multiple of 32).
    pub width: usize,
    /// Tensor height (a multiple of 32).
    pub height: usize,
    /// Map pixels per page pixel.
    pub scale: f32,
}

/// Scales the page (never up) so that its longer side fits `max_side`, pads it with white to
/// multiples of 32, and normalises.
pub fn prepare(page: &GrayImage, max_side: u32) -> DetInput {
    let (w, h) = page.dimensions();
    let long = w.max(h).max(1);
    let scale = (max_side.max(32) as f32 / long as f32).min(1.0);
    let sw = ((w as f32 * scale).round() as u32).max(1);
    let sh = ((h as f32 * scale).round() as u32).max(1);
    let resized;
    let img = if (sw, sh) == (w, h) {
        page
    } else {
        resized = preprocess::resize(page, sw, sh);
        &resized
    };
    let width = (sw as usize).div_ceil(32) * 32;
    let height = (sh as usize).div_ceil(32) * 32;
    let plane = width * height;
    let mut data = vec![0f32; plane * 3];
    let lut: Vec<[f32; 3]> = (0..256)
        .map(|v| {
            let x = v as f32 / 255.0;
            [0, 1, 2].map(|c| (x - MEAN[c]) / STD[c])
        })
        .collect();
    let raw = img.as_raw();
    for y in 0..height {
        for x in 0..width {
            let v = if x < sw as usize && y < sh as usize {
                raw[y * sw as usize + x]
            } else {
                255
            };
            let n = lut[v as usize];
            let i = y * width + x;
            data[i] = n[0];
            data[plane + i] = n[1];
            data[2 * plane + i] = n[2];
        }
    }
    DetInput {
        data,
        width,
        height,
        scale: sw as f32 / w.max(1) as f32,
    }
}

/// A detected text region in page coordinates.
#[derive(Debug, Clone, PartialEq)]
pub struct TextBox {
    /// The grown rectangle.
    pub rect: RotatedRect,
    /// Mean text probability inside the region (0–1).
    pub score: f32,
}

/// Turns a probability map (`width × height`, row-major) into text boxes in page coordinates
/// (`scale` map pixels per page pixel), clipped to the page.
pub fn boxes_from_map(
    prob: &[f32],
    width: usize,
    height: usize,
    scale: f32,
    page: (u32, u32),
    params: &DetParams,
) -> Vec<TextBox> {
    if width == 0 || height == 0 || prob.len() < width * height || scale <= 0.0 {
        return Vec::new();
    }
    let mut label = vec![0u32; width * height];
    let mut regions: Vec<Region> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    for start in 0..width * height {
        if label[start] != 0 || !is_text(prob[start], params.threshold) {
            continue;
        }
        let id = regions.len() as u32 + 1;
        let mut region = Region::starting_at(start / width);
        label[start] = id;
        stack.push(start);
        while let Some(i) = stack.pop() {
            let (x, y) = (i % width, i / width);
            region.add(x, y, prob[i]);
            for dy in -1i64..=1 {
                for dx in -1i64..=1 {
                    let (nx, ny) = (x as i64 + dx, y as i64 + dy);
                    if nx < 0 || ny < 0 || nx >= width as i64 || ny >= height as i64 {
                        continue;
                    }
                    let j = ny as usize * width + nx as usize;
                    if label[j] == 0 && is_text(prob[j], params.threshold) {
                        label[j] = id;
                        stack.push(j);
                    }
                }
            }
        }
        regions.push(region);
    }
    regions.sort_by_key(|r| std::cmp::Reverse(r.pixels));
    let (pw, ph) = (page.0 as f32, page.1 as f32);
    let mut boxes = Vec::new();
    for region in regions.into_iter().take(params.max_boxes) {
        let score = region.sum / region.pixels.max(1) as f32;
        if score < params.box_threshold {
            continue;
        }
        let mut points = region.extremes();
        let hull = convex_hull(&mut points);
        let Some(rect) = min_area_rect(&hull) else {
            continue;
        };
        if rect.width.min(rect.height) < params.min_size {
            continue;
        }
        let perimeter = 2.0 * (rect.width + rect.height);
        let distance = rect.width * rect.height * params.unclip_ratio / perimeter.max(1e-6);
        let grown = rect.grown(distance);
        if grown.width.min(grown.height) < params.min_size + 2.0 {
            continue;
        }
        let on_page = clip(grown.scaled(1.0 / scale, 1.0 / scale), pw, ph);
        if on_page.width >= 1.0 && on_page.height >= 1.0 {
            boxes.push(TextBox {
                rect: on_page,
                score,
            });
        }
    }
    boxes
}

/// Keeps a rectangle's centre on the page and trims sides that reach far outside it (only
/// meaningful for nearly axis-aligned boxes, which is what pages hold).
fn clip(mut r: RotatedRect, pw: f32, ph: f32) -> RotatedRect {
    let [l, t, rr, b] = r.bounds();
    let (l2, t2, r2, b2) = (l.max(0.0), t.max(0.0), rr.min(pw), b.min(ph));
    if r.angle.abs() < 0.05 && l2 < r2 && t2 < b2 {
        r.cx = (l2 + r2) / 2.0;
        r.cy = (t2 + b2) / 2.0;
        r.width -= (rr - l) - (r2 - l2);
        r.height -= (b - t) - (b2 - t2);
    }
    r
}

/// Whether a probability counts as text (NaN does not).
fn is_text(p: f32, threshold: f32) -> bool {
    p > threshold
}

/// A connected region of text pixels: its extent per row and its probability mass.
struct Region {
    pixels: usize,
    sum: f32,
    /// First row (regions are found in raster order, so no pixel lies above it).
    top: usize,
    /// Per row from `top`: leftmost and rightmost x.
    rows: Vec<(usize, usize)>,
}

impl Region {
    fn starting_at(top: usize) -> Region {
        Region {
            pixels: 0,
            sum: 0.0,
            top,
            rows: Vec::new(),
        }
    }

    fn add(&mut self, x: usize, y: usize, p: f32) {
        self.pixels += 1;
        self.sum += p;
        let row = y.saturating_sub(self.top);
        if row >= self.rows.len() {
            self.rows.resize(row + 1, (usize::MAX, 0));
        }
        let e = &mut self.rows[row];
        e.0 = e.0.min(x);
        e.1 = e.1.max(x);
    }

    /// The pixel corners that bound the region row by row: enough for its convex hull.
    fn extremes(&self) -> Vec<Point> {
        let mut pts = Vec::with_capacity(self.rows.len() * 4);
        for (i, &(l, r)) in self.rows.iter().enumerate() {
            if l > r {
                continue;
            }
            let y = self.top + i;
            let (y0, y1) = (y as f32, y as f32 + 1.0);
            let (x0, x1) = (l as f32, r as f32 + 1.0);
            pts.extend([
                Point { x: x0, y: y0 },
                Point { x: x0, y: y1 },
                Point { x: x1, y: y0 },
                Point { x: x1, y: y1 },
            ]);
        }
        pts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prepare_pads_to_multiples_of_32_and_never_upscales() {
        let page = GrayImage::from_pixel(50, 10, image::Luma([0]));
        let input = prepare(&page, 1024);
        assert_eq!((input.width, input.height), (64, 32));
        assert_eq!(input.scale, 1.0);
        assert_eq!(input.data.len(), 3 * 64 * 32);
        // Text pixel vs white padding.
        assert!(input.data[0] < input.data[63]);
        let big = GrayImage::new(3000, 1000);
        let input = prepare(&big, 1500);
        assert_eq!((input.width, input.height), (1504, 512));
        assert!((input.scale - 0.5).abs() < 1e-6);
    }

    #[test]
    fn one_bar_gives_one_grown_box() {
        let (w, h) = (40usize, 20usize);
        let mut prob = vec![0f32; w * h];
        for y in 8..12 {
            for x in 5..35 {
                prob[y * w + x] = 0.9;
            }
        }
        let boxes = boxes_from_map(&prob, w, h, 0.5, (80, 40), &DetParams::default());
        assert_eq!(boxes.len(), 1);
        let b = &boxes[0];
        // 30×4 kernel, distance = 120·1.6/68 ≈ 2.8 map pixels; page coordinates are doubled.
        assert!((b.rect.width - 2.0 * (30.0 + 5.65)).abs() < 0.5, "{b:?}");
        assert!((b.rect.height - 2.0 * (4.0 + 5.65)).abs() < 0.5, "{b:?}");
        assert!((b.rect.cx - 40.0).abs() < 0.5 && (b.rect.cy - 20.0).abs() < 0.5);
    }

    #[test]
    fn faint_and_tiny_regions_are_dropped() {
        let (w, h) = (20usize, 20usize);
        let mut prob = vec![0f32; w * h];
        prob[5 * w + 5] = 0.99;
        for x in 2..18 {
            prob[15 * w + x] = 0.35;
            prob[16 * w + x] = 0.35;
            prob[17 * w + x] = 0.35;
        }
        assert!(boxes_from_map(&prob, w, h, 1.0, (20, 20), &DetParams::default()).is_empty());
    }

    #[test]
    fn bad_maps_yield_nothing() {
        let p = DetParams::default();
        assert!(boxes_from_map(&[], 0, 0, 1.0, (1, 1), &p).is_empty());
        assert!(boxes_from_map(&[1.0; 3], 2, 2, 1.0, (1, 1), &p).is_empty());
        assert!(boxes_from_map(&[f32::NAN; 4], 2, 2, 1.0, (1, 1), &p).is_empty());
    }
}
