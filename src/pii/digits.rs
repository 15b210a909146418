//! Candidate digit strings: one digit group or several joined by short separators
//! (`138 1234 5678`, `0571-88123456`), as indexed by [`NormalizedText`].

use std::ops::{Range, RangeInclusive};

use super::normalize::NormalizedText;

/// A digit string made of consecutive groups of one run.
#[derive(Debug, Clone)]
pub struct DigitCandidate<'t> {
    /// Byte range in the normalised text.
    pub bytes: Range<usize>,
    /// The digits (confusables folded; a final check character as `X`).
    pub digits: &'t [u8],
    /// Indices of the first and last group.
    pub groups: RangeInclusive<usize>,
    /// Whether OCR-confusable letters were read as digits.
    pub confusables: bool,
}

impl DigitCandidate<'_> {
    /// Whether the candidate spans more than one group (it contains separators).
    pub fn separated(&self) -> bool {
        self.groups.start() != self.groups.end()
    }
}

/// Calls `f` for every joined sequence of groups whose digit count lies in `lens`.
/// Groups that are part of decimal numbers are never used.
pub fn for_each_candidate<'t>(
    text: &'t NormalizedText<'_>,
    lens: RangeInclusive<usize>,
    mut f: impl FnMut(DigitCandidate<'t>),
) {
    let groups = text.groups();
    let digits = text.digits();
    for i in 0..groups.len() {
        if groups[i].in_number {
            continue;
        }
        let mut confusables = false;
        for j in i..groups.len() {
            let g = &groups[j];
            if g.run != groups[i].run || g.in_number {
                break;
            }
            // An `X` check character can only end a candidate.
            if j > i && digits[groups[j - 1].digits.end - 1] == b'X' {
                break;
            }
            confusables |= g.confusables;
            let d = &digits[groups[i].digits.start..g.digits.end];
            if d.len() > *lens.end() {
                break;
            }
            if lens.contains(&d.len()) {
                f(DigitCandidate {
                    bytes: groups[i].bytes.start..g.bytes.end,
                    digits: d,
                    groups: i..=j,
                    confusables,
                });
            }
        }
    }
}

/// Luhn checksum over ASCII digits.
pub fn luhn(digits: &[u8]) -> bool {
    if digits.iter().any(|d| !d.is_ascii_digit()) {
        return false;
    }
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| {
            let v = u32::from(d - b'0');
            if i % 2 == 1 {
                let x = v * 2;
                if x > 9 { x - 9 } else { x }
            } else {
                v
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// Whether `year`-`month`-`day` is a real calendar date.
pub fn valid_date(year: u32, month: u32, day: u32) -> bool {
    if !(1..=12).contains(&month) || day == 0 {
        return false;
    }
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    day <= days
}

/// Parses ASCII digits into a number (no overflow for the short slices used here).
pub fn num(d: &[u8]) -> u32 {
    d.iter().fold(0u32, |a, &b| {
        a.saturating_mul(10)
            .saturating_add(u32::from(b.wrapping_sub(b'0')))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_known_numbers() {
        assert!(luhn(b"4111111111111111"));
        assert!(!luhn(b"4111111111111112"));
    }

    #[test]
    fn dates() {
        assert!(valid_date(2000, 2, 29));
        assert!(!valid_date(1900, 2, 29));
        assert!(!valid_date(2001, 13, 1));
    }

    #[test]
    fn candidates_join_groups_of_a_run() {
        let n = NormalizedText::new("138 1234 5678");
        let mut seen = Vec::new();
        for_each_candidate(&n, 4..=11, |c| seen.push(c.digits.to_vec()));
        assert!(seen.contains(&b"13812345678".to_vec()));
        assert!(seen.contains(&b"12345678".to_vec()));
    }
}
