//! Plane geometry for text boxes: convex hulls, minimum-area rectangles, and sampling a rotated
//! rectangle of a page into an upright strip.

use image::GrayImage;

/// A point in pixel coordinates (x right, y down).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// Horizontal coordinate.
    pub x: f32,
    /// Vertical coordinate.
    pub y: f32,
}

/// A rectangle at any angle: centre, side lengths, and the direction of the `width` side.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RotatedRect {
    /// Centre.
    pub cx: f32,
    /// Centre.
    pub cy: f32,
    /// Length of the side along `angle`.
    pub width: f32,
    /// Length of the other side.
    pub height: f32,
    /// Direction of the width side in radians, normalised to (-π/4, π/4].
    pub angle: f32,
}

impl RotatedRect {
    /// Unit vector along the width side.
    pub fn axis(&self) -> (f32, f32) {
        (self.angle.cos(), self.angle.sin())
    }

    /// The four corners: top-left, top-right, bottom-right, bottom-left (for small angles).
    pub fn corners(&self) -> [Point; 4] {
        let (ux, uy) = self.axis();
        let (nx, ny) = (-uy, ux);
        let (hw, hh) = (self.width / 2.0, self.height / 2.0);
        let at = |a: f32, b: f32| Point {
            x: self.cx + ux * a + nx * b,
            y: self.cy + uy * a + ny * b,
        };
        [at(-hw, -hh), at(hw, -hh), at(hw, hh), at(-hw, hh)]
    }

    /// Axis-aligned bounds `[left, top, right, bottom]`.
    pub fn bounds(&self) -> [f32; 4] {
        let c = self.corners();
        let xs = c.iter().map(|p| p.x);
        let ys = c.iter().map(|p| p.y);
        [
            xs.clone().fold(f32::INFINITY, f32::min),
            ys.clone().fold(f32::INFINITY, f32::min),
            xs.fold(f32::NEG_INFINITY, f32::max),
            ys.fold(f32::NEG_INFINITY, f32::max),
        ]
    }

    /// The same rectangle grown by `d` on every side.
    pub fn grown(&self, d: f32) -> RotatedRect {
        RotatedRect {
            width: self.width + 2.0 * d,
            height: self.height + 2.0 * d,
            ..*self
        }
    }

    /// The same rectangle with every coordinate multiplied by `sx`, `sy` (only exact for
    /// `sx == sy` or axis-aligned rectangles; close enough for the small aspect changes of
    /// detection resizing).
    pub fn scaled(&self, sx: f32, sy: f32) -> RotatedRect {
        let (ux, uy) = self.axis();
        let (nx, ny) = (-uy, ux);
        let w = self.width * ((ux * sx).powi(2) + (uy * sy).powi(2)).sqrt();
        let h = self.height * ((nx * sx).powi(2) + (ny * sy).powi(2)).sqrt();
        RotatedRect {
            cx: self.cx * sx,
            cy: self.cy * sy,
            width: w,
            height: h,
            angle: (uy * sy).atan2(ux * sx),
        }
    }
}

/// Convex hull (counter-clockwise in y-down coordinates is irrelevant here) by the monotone
/// chain algorithm. Collinear points are dropped.
pub fn convex_hull(points: &mut [Point]) -> Vec<Point> {
    points.sort_by(|a, b| a.x.total_cmp(&b.x).then(a.y.total_cmp(&b.y)));
    if points.len() < 3 {
        return points.to_vec();
    }
    let cross =
        |o: Point, a: Point, b: Point| (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
    let mut hull: Vec<Point> = Vec::with_capacity(points.len() * 2);
    for &p in points.iter() {
        while hull.len() >= 2 && cross(hull[hull.len() - 2], hull[hull.len() - 1], p) <= 0.0 {
            hull.pop();
        }
        hull.push(p);
    }
    let lower = hull.len() + 1;
    for &p in points.iter().rev().skip(1) {
        while hull.len() >= lower && cross(hull[hull.len() - 2], hull[hull.len() - 1], p) <= 0.0 {
            hull.pop();
        }
        hull.push(p);
    }
    hull.pop();
    hull
}

/// The rectangle of least area enclosing a convex polygon (rotating calipers: one side of the
/// optimum lies on a hull edge). `None` for fewer than one point.
pub fn min_area_rect(hull: &[Point]) -> Option<RotatedRect> {
    let first = *hull.first()?;
    let mut best: Option<(f32, RotatedRect)> = None;
    let n = hull.len();
    let edges = if n < 2 { 1 } else { n };
    for i in 0..edges {
        let (a, b) = (hull[i], hull[(i + 1) % n]);
        let (dx, dy) = (b.x - a.x, b.y - a.y);
        let len = (dx * dx + dy * dy).sqrt();
        let (ux, uy) = if len > 1e-6 {
            (dx / len, dy / len)
        } else {
            (1.0, 0.0)
        };
        let (mut umin, mut umax, mut vmin, mut vmax) = (f32::MAX, f32::MIN, f32::MAX, f32::MIN);
        for p in hull {
            let (px, py) = (p.x - first.x, p.y - first.y);
            let u = px * ux + py * uy;
            let v = -px * uy + py * ux;
            umin = umin.min(u);
            umax = umax.max(u);
            vmin = vmin.min(v);
            vmax = vmax.max(v);
        }
        let area = (umax - umin) * (vmax - vmin);
        if best.as_ref().is_none_or(|(a, _)| area < *a) {
            let (cu, cv) = ((umin + umax) / 2.0, (vmin + vmax) / 2.0);
            let rect = RotatedRect {
                cx: first.x + cu * ux - cv * uy,
                cy: first.y + cu * uy + cv * ux,
                width: umax - umin,
                height: vmax - vmin,
                angle: uy.atan2(ux),
            };
            best = Some((area, normalise(rect)));
        }
    }
    best.map(|(_, r)| r)
}

/// Chooses among the four equivalent descriptions of a rectangle the one whose width side is
/// closest to horizontal (angle in (-π/4, π/4]).
pub fn normalise(mut r: RotatedRect) -> RotatedRect {
    use std::f32::consts::{FRAC_PI_2, FRAC_PI_4, PI};
    let mut a = r.angle.rem_euclid(PI);
    if a > PI - FRAC_PI_4 {
        a -= PI;
    }
    if a > FRAC_PI_4 {
        a -= FRAC_PI_2;
        std::mem::swap(&mut r.width, &mut r.height);
    }
    r.angle = a;
    r
}

/// Where a strip is taken from: output pixel (x, y) reads the page at
/// `origin + (x + 0.5) · step_x + (y + 0.5) · step_y`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Strip {
    /// Page position of the strip's top-left corner.
    pub origin: Point,
    /// Page displacement per output column.
    pub step_x: Point,
    /// Page displacement per output row.
    pub step_y: Point,
    /// Output width in pixels.
    pub width: u32,
    /// Output height in pixels.
    pub height: u32,
}

impl Strip {
    /// A strip reading `rect` along its width side (or, when `vertical`, top to bottom, as for a
    /// column of Chinese characters or a sideways line), scaled to `height` output rows, its width
    /// following the aspect ratio and limited to `max_width`.
    pub fn from_rect(rect: &RotatedRect, vertical: bool, height: u32, max_width: u32) -> Strip {
        let (ux, uy) = rect.axis();
        let (nx, ny) = (-uy, ux);
        let (hw, hh) = (rect.width / 2.0, rect.height / 2.0);
        // Reading direction `a` with length `la`, line-height direction `b` with length `lb`.
        let (a, la, b, lb, origin) = if vertical {
            // Turn the crop a quarter counter-clockwise: the right edge becomes the top.
            let origin = Point {
                x: rect.cx + ux * hw - nx * hh,
                y: rect.cy + uy * hw - ny * hh,
            };
            ((nx, ny), rect.height, (-ux, -uy), rect.width, origin)
        } else {
            let origin = Point {
                x: rect.cx - ux * hw - nx * hh,
                y: rect.cy - uy * hw - ny * hh,
            };
            ((ux, uy), rect.width, (nx, ny), rect.height, origin)
        };
        let (la, lb) = (la.max(1.0), lb.max(1.0));
        let out_h = height.max(1);
        let out_w = ((la * out_h as f32 / lb).round() as u32).clamp(1, max_width.max(1));
        let sx = la / out_w as f32;
        let sy = lb / out_h as f32;
        Strip {
            origin,
            step_x: Point {
                x: a.0 * sx,
                y: a.1 * sx,
            },
            step_y: Point {
                x: b.0 * sy,
                y: b.1 * sy,
            },
            width: out_w,
            height: out_h,
        }
    }

    /// The same page region sampled at `height` rows, the width following the aspect ratio and
    /// limited to `max_width`.
    pub fn resized(&self, height: u32, max_width: u32) -> Strip {
        let len = |p: Point| (p.x * p.x + p.y * p.y).sqrt();
        let la = len(self.step_x) * self.width as f32;
        let lb = len(self.step_y) * self.height as f32;
        let out_h = height.max(1);
        let out_w = ((la * out_h as f32 / lb.max(1e-6)).round() as u32).clamp(1, max_width.max(1));
        let (fx, fy) = (
            self.width as f32 / out_w as f32,
            self.height as f32 / out_h as f32,
        );
        Strip {
            step_x: Point {
                x: self.step_x.x * fx,
                y: self.step_x.y * fx,
            },
            step_y: Point {
                x: self.step_y.x * fy,
                y: self.step_y.y * fy,
            },
            width: out_w,
            height: out_h,
            ..*self
        }
    }

    /// The same strip read the other way round (turned by 180°).
    pub fn turned(&self) -> Strip {
        let far = |o: f32, sx: f32, sy: f32| o + sx * self.width as f32 + sy * self.height as f32;
        Strip {
            origin: Point {
                x: far(self.origin.x, self.step_x.x, self.step_y.x),
                y: far(self.origin.y, self.step_x.y, self.step_y.y),
            },
            step_x: Point {
                x: -self.step_x.x,
                y: -self.step_x.y,
            },
            step_y: Point {
                x: -self.step_y.x,
                y: -self.step_y.y,
            },
            ..*self
        }
    }

    /// Page position of a strip coordinate (in output pixels, not centres).
    pub fn page_point(&self, x: f32, y: f32) -> Point {
        Point {
            x: self.origin.x + x * self.step_x.x + y * self.step_y.x,
            y: self.origin.y + x * self.step_x.y + y * self.step_y.y,
        }
    }

    /// Samples the strip from the page with bilinear interpolation, calling `put(x, y, value)`
    /// for every output pixel; outside the page reads as white.
    pub fn sample(&self, page: &GrayImage, mut put: impl FnMut(u32, u32, u8)) {
        let (pw, ph) = page.dimensions();
        let raw = page.as_raw();
        let stride = pw as usize;
        let at = |x: i64, y: i64| -> f32 {
            if x < 0 || y < 0 || x >= i64::from(pw) || y >= i64::from(ph) {
                255.0
            } else {
                f32::from(raw[y as usize * stride + x as usize])
            }
        };
        for oy in 0..self.height {
            let fy = oy as f32 + 0.5;
            for ox in 0..self.width {
                let p = self.page_point(ox as f32 + 0.5, fy);
                let (x, y) = (p.x - 0.5, p.y - 0.5);
                let (x0, y0) = (x.floor(), y.floor());
                let (tx, ty) = (x - x0, y - y0);
                let (xi, yi) = (x0 as i64, y0 as i64);
                let top = at(xi, yi) * (1.0 - tx) + at(xi + 1, yi) * tx;
                let bottom = at(xi, yi + 1) * (1.0 - tx) + at(xi + 1, yi + 1) * tx;
                let v = top * (1.0 - ty) + bottom * ty;
                put(ox, oy, v.round().clamp(0.0, 255.0) as u8);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pt(x: f32, y: f32) -> Point {
        Point { x, y }
    }

    #[test]
    fn hull_drops_inner_points() {
        let mut pts = vec![
            pt(0., 0.),
            pt(2., 0.),
            pt(1., 1.),
            pt(2., 2.),
            pt(0., 2.),
            pt(1., 0.),
        ];
        let hull = convex_hull(&mut pts);
        assert_eq!(hull.len(), 4);
    }

    #[test]
    fn min_rect_of_tilted_square() {
        // A square of side √2 turned by 45°.
        let mut pts = vec![pt(1., 0.), pt(2., 1.), pt(1., 2.), pt(0., 1.)];
        let r = min_area_rect(&convex_hull(&mut pts)).unwrap();
        assert!((r.width * r.height - 2.0).abs() < 1e-4, "{r:?}");
        assert!((r.cx - 1.0).abs() < 1e-4 && (r.cy - 1.0).abs() < 1e-4);
    }

    #[test]
    fn min_rect_keeps_long_side_horizontal() {
        let mut pts = vec![pt(0., 0.), pt(10., 0.), pt(10., 2.), pt(0., 2.)];
        let r = min_area_rect(&convex_hull(&mut pts)).unwrap();
        assert!(
            (r.width - 10.0).abs() < 1e-4 && (r.height - 2.0).abs() < 1e-4,
            "{r:?}"
        );
        assert!(r.angle.abs() < 1e-4);
        let mut pts = vec![pt(0., 0.), pt(2., 0.), pt(2., 10.), pt(0., 10.)];
        let r = min_area_rect(&convex_hull(&mut pts)).unwrap();
        assert!(
            (r.width - 2.0).abs() < 1e-4 && (r.height - 10.0).abs() < 1e-4,
            "{r:?}"
        );
    }

    #[test]
    fn degenerate_inputs_do_not_panic() {
        assert!(min_area_rect(&[]).is_none());
        let r = min_area_rect(&[pt(3., 4.)]).unwrap();
        assert_eq!((r.cx, r.cy, r.width, r.height), (3., 4., 0., 0.));
    }

    #[test]
    fn strip_reads_rect_upright_and_turned() {
        let mut page = GrayImage::from_pixel(20, 10, image::Luma([255]));
        page.put_pixel(2, 2, image::Luma([0]));
        let rect = RotatedRect {
            cx: 10.,
            cy: 5.,
            width: 20.,
            height: 10.,
            angle: 0.,
        };
        let strip = Strip::from_rect(&rect, false, 10, 100);
        assert_eq!((strip.width, strip.height), (20, 10));
        let mut out = GrayImage::new(20, 10);
        strip.sample(&page, |x, y, v| out.put_pixel(x, y, image::Luma([v])));
        assert_eq!(out.get_pixel(2, 2).0[0], 0);
        strip
            .turned()
            .sample(&page, |x, y, v| out.put_pixel(x, y, image::Luma([v])));
        assert_eq!(out.get_pixel(17, 7).0[0], 0);
        // Vertical reading: the right edge becomes the top row.
        let strip = Strip::from_rect(&rect, true, 20, 100);
        assert_eq!((strip.width, strip.height), (10, 20));
        let mut out = GrayImage::new(10, 20);
        strip.sample(&page, |x, y, v| out.put_pixel(x, y, image::Luma([v])));
        assert_eq!(out.get_pixel(2, 17).0[0], 0);
    }
}
