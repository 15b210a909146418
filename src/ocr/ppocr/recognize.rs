//! Text-line recognition with a CTC model: line strips are normalised into a batch tensor of
//! height 48 (padded on the right to the widest strip of the batch), and the model's per-column
//! class probabilities are decoded greedily — best class per column, repeats merged, blanks
//! dropped.

use image::GrayImage;

use super::geometry::Strip;

/// Input height of PP-OCR recognition models.
pub const LINE_HEIGHT: u32 = 48;

/// The recognition alphabet: class 0 is the CTC blank, classes 1..=n the characters listed in
/// the model's `character` metadata, and one more class a space when the model has it.
#[derive(Debug, Clone, PartialEq)]
pub struct Alphabet {
    chars: Vec<String>,
}

impl Alphabet {
    /// Builds the alphabet from the metadata value (one character per line) and the model's class
    /// count; `None` when they cannot belong together.
    pub fn from_metadata(listing: &str, classes: Option<usize>) -> Option<Alphabet> {
        let mut chars: Vec<String> = std::iter::once(String::new())
            .chain(
                listing
                    .split('\n')
                    .map(|c| c.trim_end_matches('\r').to_string()),
            )
            .collect();
        if chars.last().is_some_and(String::is_empty) && chars.len() > 1 {
            chars.pop();
        }
        match classes {
            Some(n) if n == chars.len() + 1 => chars.push(" ".into()),
            Some(n) if n == chars.len() => {}
            Some(_) => return None,
            None => chars.push(" ".into()),
        }
        (chars.len() > 1).then_some(Alphabet { chars })
    }

    /// Number of classes, blank included.
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// Whether only the blank is known (never true for a built alphabet).
    pub fn is_empty(&self) -> bool {
        self.chars.len() <= 1
    }

    /// The text of class `i` (empty for the blank or an unknown class).
    pub fn get(&self, i: usize) -> &str {
        self.chars.get(i).map_or("", String::as_str)
    }
}

/// Normalises strips into one `[n, 3, 48, width]` tensor in `data` (its earlier contents
/// replaced) and returns `width`: the widest strip's or `min_width`. Strip pixels are read from
/// the page, padding is zero (mid-gray after normalisation), as the models were trained.
pub fn batch_tensor(
    page: &GrayImage,
    strips: &[Strip],
    min_width: usize,
    data: &mut Vec<f32>,
) -> usize {
    let width = strips
        .iter()
        .map(|s| s.width as usize)
        .max()
        .unwrap_or(1)
        .max(min_width)
        .max(1);
    let h = LINE_HEIGHT as usize;
    let plane = h * width;
    data.clear();
    data.resize(strips.len() * 3 * plane, 0.0);
    for (n, strip) in strips.iter().enumerate() {
        let base = n * 3 * plane;
        strip.sample(page, |x, y, v| {
            if (y as usize) < h && (x as usize) < width {
                let value = f32::from(v) / 127.5 - 1.0;
                let i = y as usize * width + x as usize;
                data[base + i] = value;
                data[base + plane + i] = value;
                data[base + 2 * plane + i] = value;
            }
        });
    }
    width
}

/// One decoded character: text, probability, and the columns of the model's output it spans.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodedChar {
    /// The character (a space for the space class).
    pub text: String,
    /// Highest probability over its columns (0–1).
    pub prob: f32,
    /// First output column.
    pub start: usize,
    /// One past the last output column.
    pub end: usize,
}

/// Greedy CTC decoding of one line: `probs` holds `steps × classes` probabilities.
pub fn ctc_decode(
    probs: &[f32],
    steps: usize,
    classes: usize,
    alphabet: &Alphabet,
) -> Vec<DecodedChar> {
    let mut out: Vec<DecodedChar> = Vec::new();
    if classes == 0 {
        return out;
    }
    let mut previous = 0usize;
    for t in 0..steps {
        let Some(row) = probs.get(t * classes..(t + 1) * classes) else {
            break;
        };
        let (best, p) = argmax(row);
        if best != 0 && best == previous {
            if let Some(last) = out.last_mut() {
                last.prob = last.prob.max(p);
                last.end = t + 1;
            }
        } else if best != 0 {
            let text = alphabet.get(best);
            if !text.is_empty() {
                out.push(DecodedChar {
                    text: text.to_string(),
                    prob: p.clamp(0.0, 1.0),
                    start: t,
                    end: t + 1,
                });
            }
        }
        previous = best;
    }
    out
}

/// Index and value of the first largest value (NaN never wins; `(0, f32::MIN)` when nothing
/// does). The maximum is found eight lanes at a time, which the compiler turns into SIMD, then
/// its first position: over 18,710 classes per column this is most of the decoding time.
fn argmax(row: &[f32]) -> (usize, f32) {
    let mut lanes = [f32::MIN; 8];
    let chunks = row.chunks_exact(8);
    let rest = chunks.remainder();
    for chunk in chunks {
        for (m, &v) in lanes.iter_mut().zip(chunk) {
            *m = if v > *m { v } else { *m };
        }
    }
    let max = lanes
        .iter()
        .chain(rest)
        .fold(f32::MIN, |m, &v| if v > m { v } else { m });
    row.iter()
        .position(|&v| v == max)
        .map_or((0, f32::MIN), |i| (i, row[i]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alphabet() -> Alphabet {
        Alphabet::from_metadata("a\nb\n出\n院", Some(6)).unwrap()
    }

    #[test]
    fn alphabet_follows_class_count() {
        let a = alphabet();
        assert_eq!(a.len(), 6);
        assert_eq!(a.get(0), "");
        assert_eq!(a.get(3), "出");
        assert_eq!(a.get(5), " ");
        assert_eq!(a.get(99), "");
        assert_eq!(Alphabet::from_metadata("a\nb", Some(3)).unwrap().len(), 3);
        assert!(Alphabet::from_metadata("a\nb", Some(10)).is_none());
    }

    #[test]
    fn decoding_merges_repeats_and_drops_blanks() {
        // Columns: 出 出 blank 出 院 space a
        let classes = 6;
        let best = [3, 3, 0, 3, 4, 5, 1];
        let mut probs = vec![0.0f32; best.len() * classes];
        for (t, &c) in best.iter().enumerate() {
            probs[t * classes + c] = 0.9;
        }
        probs[classes + 3] = 0.95;
        let chars = ctc_decode(&probs, best.len(), classes, &alphabet());
        let text: String = chars.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(text, "出出院 a");
        assert_eq!((chars[0].start, chars[0].end), (0, 2));
        assert!((chars[0].prob - 0.95).abs() < 1e-6);
    }

    #[test]
    fn argmax_takes_the_first_largest_value() {
        let mut row: Vec<f32> = (0..37).map(|i| (i % 11) as f32 * 0.01).collect();
        row[20] = 0.5;
        row[33] = 0.5;
        row[5] = f32::NAN;
        assert_eq!(argmax(&row), (20, 0.5));
        assert_eq!(argmax(&[0.1, 0.3, 0.2]), (1, 0.3));
        assert_eq!(argmax(&[f32::NAN; 9]).0, 0);
        assert_eq!(argmax(&[]).0, 0);
    }

    #[test]
    fn short_output_does_not_panic() {
        assert!(ctc_decode(&[0.5; 5], 3, 6, &alphabet()).is_empty());
        assert!(ctc_decode(&[], 3, 0, &alphabet()).is_empty());
    }
}
