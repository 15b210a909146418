//! Dates of birth: values of `出生日期`, `出生年月`, `生日`, `DOB` … fields.

use std::sync::LazyLock;

use regex::Regex;

use super::digits::{num, valid_date};
use super::labels::{self, LabelKind};
use super::{Detector, Finding, NormalizedText, PiiKind};

/// Finds dates of birth after their labels: `1980-08-27`, `1980年8月27日`, `19800827`,
/// `1980年8月`.
#[derive(Debug, Clone, Copy, Default)]
pub struct BirthDateDetector;

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(\d{4}) ?[年./-] ?(\d{1,2}) ?[月./-] ?(\d{1,2})(?: ?日)?|(\d{4})(\d{2})(\d{2})|(\d{4}) ?[年./-] ?(\d{1,2})(?: ?月)?)",
    )
    .expect("date pattern is valid")
});

impl Detector for BirthDateDetector {
    fn name(&self) -> &'static str {
        "birth_date"
    }

    fn detect(&self, text: &NormalizedText<'_>, out: &mut Vec<Finding>) {
        let s = text.as_str();
        for hit in text
            .labels()
            .iter()
            .filter(|h| h.kind == LabelKind::BirthDate)
        {
            let (mut pos, _) = labels::skip_separator(s, hit.bytes.end);
            for prefix in ["于", "於", "在"] {
                if let Some(rest) = s[pos..].strip_prefix(prefix) {
                    pos = s.len() - rest.len();
                }
            }
            let Some(c) = DATE.captures(&s[pos..]) else {
                continue;
            };
            let get = |i: usize| c.get(i).map(|m| num(m.as_str().as_bytes()));
            let (y, m, d) = match (get(1), get(4), get(7)) {
                (Some(y), _, _) => (y, get(2).unwrap_or(0), get(3)),
                (_, Some(y), _) => (y, get(5).unwrap_or(0), get(6)),
                (_, _, Some(y)) => (y, get(8).unwrap_or(0), None),
                _ => continue,
            };
            let whole = c.get(0).map_or(0, |m| m.end());
            // `19800827` must not be the start of a longer number.
            if s[pos + whole..].starts_with(|ch: char| ch.is_ascii_digit()) {
                continue;
            }
            if !(1880..=2100).contains(&y) || !valid_date(y, m, d.unwrap_or(1)) {
                continue;
            }
            out.push(text.finding(PiiKind::BirthDate, pos..pos + whole, "birth_date", 0.9));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(t: &str) -> Vec<String> {
        let n = NormalizedText::new(t);
        let mut out = Vec::new();
        BirthDateDetector.detect(&n, &mut out);
        out.iter().map(|f| f.text(t).to_string()).collect()
    }

    #[test]
    fn finds_labelled_dates() {
        assert_eq!(scan("出生日期：1980年8月27日 性别"), ["1980年8月27日"]);
        assert_eq!(scan("DOB: 1980-08-27"), ["1980-08-27"]);
        assert_eq!(scan("出生年月 １９８０．０８"), ["１９８０．０８"]);
        assert_eq!(scan("生日19800827,"), ["19800827"]);
        assert!(scan("出生日期：1980-13-01").is_empty());
        assert!(scan("出生后3天").is_empty());
    }
}
