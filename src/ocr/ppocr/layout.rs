//! Reading order: recognised segments are grouped into lines (a segment joins a line when its
//! centre lies within half a line height of the line's centre line, extended along its tilt, so
//! that long lines of a skewed page stay apart), lines are read top to bottom and segments left
//! to right; characters become [`Word`]s the way Tesseract reports them (each CJK character a
//! word, Latin runs split at spaces).

use super::geometry::RotatedRect;
use crate::ocr::tesseract::is_cjk;
use crate::record::Word;

/// A recognised character with its box on the page.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedChar {
    /// The character.
    pub text: String,
    /// Probability 0–1.
    pub prob: f32,
    /// `[left, top, right, bottom]` in page pixels.
    pub bounds: [f32; 4],
}

/// One recognised text box.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// The detected box in page pixels.
    pub rect: RotatedRect,
    /// `[left, top, right, bottom]` of the box in page pixels.
    pub bounds: [f32; 4],
    /// Mean character probability (0–1): the line confidence.
    pub confidence: f32,
    /// Its characters in reading order.
    pub chars: Vec<PlacedChar>,
}

impl Segment {
    fn line_height(&self) -> f32 {
        self.rect.height.min(self.rect.width).max(1.0)
    }

    /// How far (vertically) this segment's centre lies from `other`'s centre line.
    fn offset_from(&self, other: &Segment) -> f32 {
        let slope = other.rect.angle.tan();
        let expected = other.rect.cy + slope * (self.rect.cx - other.rect.cx);
        (self.rect.cy - expected).abs()
    }
}

/// Orders segments into lines and returns the text (lines joined by `\n`, segments of a line by a
/// space) and the words.
pub fn assemble(mut segments: Vec<Segment>) -> (String, Vec<Word>) {
    segments.retain(|s| s.chars.iter().any(|c| !c.text.trim().is_empty()));
    segments.sort_by(|a, b| a.rect.cy.total_cmp(&b.rect.cy));
    // Each line: its widest segment (the reference for its centre line) and its members.
    let mut lines: Vec<(usize, Vec<Segment>)> = Vec::new();
    for seg in segments {
        let joined = lines.iter_mut().rev().take(4).find(|(reference, members)| {
            let r = &members[*reference];
            seg.offset_from(r) < 0.5 * seg.line_height().min(r.line_height())
        });
        match joined {
            Some((reference, members)) => {
                if seg.rect.width > members[*reference].rect.width {
                    *reference = members.len();
                }
                members.push(seg);
            }
            None => lines.push((0, vec![seg])),
        }
    }
    let mut text = String::new();
    let mut words = Vec::new();
    for (i, (_, mut members)) in lines.into_iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        members.sort_by(|a, b| a.bounds[0].total_cmp(&b.bounds[0]));
        for (j, seg) in members.iter().enumerate() {
            if j > 0 {
                text.push(' ');
            }
            text.push_str(
                seg.chars
                    .iter()
                    .map(|c| c.text.as_str())
                    .collect::<String>()
                    .trim(),
            );
            words.extend(words_of(&seg.chars));
        }
    }
    (text, words)
}

/// Splits characters into words: CJK characters alone, other runs at spaces.
fn words_of(chars: &[PlacedChar]) -> Vec<Word> {
    let mut words = Vec::new();
    let mut run: Vec<&PlacedChar> = Vec::new();
    let flush = |run: &mut Vec<&PlacedChar>, words: &mut Vec<Word>| {
        if run.is_empty() {
            return;
        }
        let text: String = run.iter().map(|c| c.text.as_str()).collect();
        let prob = run.iter().map(|c| c.prob).sum::<f32>() / run.len() as f32;
        let l = run
            .iter()
            .map(|c| c.bounds[0])
            .fold(f32::INFINITY, f32::min);
        let t = run
            .iter()
            .map(|c| c.bounds[1])
            .fold(f32::INFINITY, f32::min);
        let r = run
            .iter()
            .map(|c| c.bounds[2])
            .fold(f32::NEG_INFINITY, f32::max);
        let b = run
            .iter()
            .map(|c| c.bounds[3])
            .fold(f32::NEG_INFINITY, f32::max);
        let px = |v: f32| v.max(0.0).min(u32::MAX as f32) as u32;
        words.push(Word {
            text,
            confidence: (prob * 100.0).clamp(0.0, 100.0),
            bbox: [px(l), px(t), px(r - l), px(b - t)],
        });
        run.clear();
    };
    for c in chars {
        let first = c.text.chars().next().unwrap_or(' ');
        if first.is_whitespace() {
            flush(&mut run, &mut words);
        } else if is_cjk(first) {
            flush(&mut run, &mut words);
            run.push(c);
            flush(&mut run, &mut words);
        } else {
            run.push(c);
        }
    }
    flush(&mut run, &mut words);
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(text: &str, l: f32, t: f32, r: f32, b: f32) -> Segment {
        let n = text.chars().count().max(1) as f32;
        let w = (r - l) / n;
        Segment {
            rect: RotatedRect {
                cx: (l + r) / 2.0,
                cy: (t + b) / 2.0,
                width: r - l,
                height: b - t,
                angle: 0.0,
            },
            bounds: [l, t, r, b],
            confidence: 0.9,
            chars: text
                .chars()
                .enumerate()
                .map(|(i, c)| PlacedChar {
                    text: c.to_string(),
                    prob: 0.9,
                    bounds: [l + i as f32 * w, t, l + (i as f32 + 1.0) * w, b],
                })
                .collect(),
        }
    }

    #[test]
    fn segments_are_read_in_lines_left_to_right() {
        let segments = vec![
            seg("性别：女", 300., 102., 400., 130.),
            seg("出院小结", 100., 20., 300., 60.),
            seg("姓名：唐彤", 100., 100., 250., 128.),
            seg("ID A12", 100., 150., 200., 175.),
        ];
        let (text, words) = assemble(segments);
        assert_eq!(text, "出院小结\n姓名：唐彤 性别：女\nID A12");
        assert_eq!(words.len(), 4 + 5 + 4 + 2);
        assert_eq!(words.last().unwrap().text, "A12");
        assert!((words[0].confidence - 90.0).abs() < 1e-3);
    }

    #[test]
    fn long_lines_of_a_skewed_page_stay_apart() {
        // Two 1400-pixel lines 45 pixels apart, tilted by 3°: their upright bounds overlap.
        let tilted = |text: &str, cy: f32| {
            let mut s = seg(text, 100., cy - 15., 1500., cy + 15.);
            s.rect.angle = 3f32.to_radians();
            s.bounds = [100., cy - 52., 1500., cy + 52.];
            s
        };
        // A short segment at the right end, on the first line's extended centre line
        // (100 + tan 3° · 615 ≈ 132), which a level reading would put on the second line.
        let tail = seg("尾", 1400., 117., 1430., 147.);
        let (text, _) = assemble(vec![tilted("第二行", 145.), tilted("第一行", 100.), tail]);
        assert_eq!(text, "第一行 尾\n第二行");
    }

    #[test]
    fn empty_and_blank_segments_vanish() {
        let (text, words) = assemble(vec![seg(" ", 0., 0., 5., 5.), seg("", 0., 0., 1., 1.)]);
        assert!(text.is_empty() && words.is_empty());
    }
}
