//! Telephone numbers: mainland mobiles (`1[3-9]` + 9 digits, optional `+86`) and landlines
//! (`0xx(x)-xxxxxxx(x)`).

use super::digits::{DigitCandidate, for_each_candidate};
use super::labels::LabelKind;
use super::{Detector, Finding, NormalizedText, PiiKind};

/// Finds mobile and landline numbers. Unseparated landlines and bare local numbers need a
/// phone label (`电话`, `Tel`) before them; numbers right after an ID, record, insurance or
/// card label are left to those detectors.
#[derive(Debug, Clone, Copy, Default)]
pub struct PhoneDetector;

const LABEL_GAP: usize = 16;

fn is_mobile(d: &[u8]) -> bool {
    d.len() == 11
        && d[0] == b'1'
        && (b'3'..=b'9').contains(&d[1])
        && d.iter().all(u8::is_ascii_digit)
}

/// Length of the area code at the start of `d` (`010`, `02x`, `0[3-9]xx`), if any.
fn area_code_len(d: &[u8]) -> Option<usize> {
    if d.len() < 3 || d[0] != b'0' || !d.iter().all(u8::is_ascii_digit) {
        return None;
    }
    match d[1] {
        b'1' if d[2] == b'0' => Some(3),
        b'2' => Some(3),
        b'3'..=b'9' if d.len() >= 4 => Some(4),
        _ => None,
    }
}

fn is_local(d: &[u8]) -> bool {
    (7..=8).contains(&d.len()) && (b'2'..=b'9').contains(&d[0]) && d.iter().all(u8::is_ascii_digit)
}

impl Detector for PhoneDetector {
    fn name(&self) -> &'static str {
        "phone"
    }

    fn detect(&self, text: &NormalizedText<'_>, out: &mut Vec<Finding>) {
        let s = text.as_str().as_bytes();
        let groups = text.groups();
        for_each_candidate(text, 7..=13, |c: DigitCandidate<'_>| {
            let label = text.label_before(c.bytes.start, LABEL_GAP).map(|l| l.kind);
            if matches!(
                label,
                Some(
                    LabelKind::Mrn | LabelKind::Insurance | LabelKind::BankCard | LabelKind::IdCard
                )
            ) {
                return;
            }
            let labelled = label == Some(LabelKind::Phone);
            let group_len_ok = c.groups.clone().all(|g| groups[g].digits.len() >= 3);
            let d = c.digits;
            let mut start = c.bytes.start;
            let (detector, confidence) = if is_mobile(d) && group_len_ok {
                // A country code in the group before: `+86 138 …`, `0086-138…`.
                let first = *c.groups.start();
                if first > 0 {
                    let prev = &groups[first - 1];
                    let pd = text.group_digits(prev);
                    if prev.run == groups[first].run && (pd == b"86" || pd == b"0086") {
                        start = prev.bytes.start;
                    }
                }
                ("phone/mobile", if labelled { 0.98 } else { 0.95 })
            } else if d.len() == 13 && d.starts_with(b"86") && is_mobile(&d[2..]) && !c.separated()
            {
                ("phone/mobile", if labelled { 0.98 } else { 0.95 })
            } else if c.separated() && c.groups.clone().count() == 2 {
                let area = text.group_digits(&groups[*c.groups.start()]);
                let local = text.group_digits(&groups[*c.groups.end()]);
                if area_code_len(area) == Some(area.len()) && is_local(local) {
                    ("phone/landline", if labelled { 0.97 } else { 0.9 })
                } else {
                    return;
                }
            } else if !c.separated() && labelled {
                match area_code_len(d) {
                    Some(n) if is_local(&d[n..]) => ("phone/landline", 0.9),
                    _ if is_local(d) => ("phone/local", 0.75),
                    _ => return,
                }
            } else {
                return;
            };
            if start > 0 && s[start - 1] == b'+' {
                start -= 1;
            }
            out.push(text.finding(PiiKind::Phone, start..c.bytes.end, detector, confidence));
        });
        // Area code in parentheses: `(010)12345678`, `(0571) 88123456`.
        for (i, g) in groups.iter().enumerate() {
            let area = text.group_digits(g);
            if area_code_len(area) != Some(area.len())
                || g.bytes.start == 0
                || s[g.bytes.start - 1] != b'('
                || s.get(g.bytes.end) != Some(&b')')
            {
                continue;
            }
            let Some(next) = groups.get(i + 1) else {
                continue;
            };
            let gap = &s[g.bytes.end + 1..next.bytes.start.max(g.bytes.end + 1)];
            if gap.len() <= 1 && gap.iter().all(|&b| b == b' ') && is_local(text.group_digits(next))
            {
                out.push(text.finding(
                    PiiKind::Phone,
                    g.bytes.start - 1..next.bytes.end,
                    "phone/landline",
                    0.9,
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(t: &str) -> Vec<(String, &'static str)> {
        let n = NormalizedText::new(t);
        let mut out = Vec::new();
        PhoneDetector.detect(&n, &mut out);
        out.iter()
            .map(|f| (f.text(t).to_string(), f.detector))
            .collect()
    }

    #[test]
    fn mobiles() {
        assert_eq!(scan("手机13945671234联系")[0].0, "13945671234");
        assert_eq!(scan("call +86 138 1234 5678.")[0].0, "+86 138 1234 5678");
        assert_eq!(
            scan("Tel: ＋８６１３８１２３４５６７８")[0].0,
            "＋８６１３８１２３４５６７８"
        );
        assert!(scan("12345678901").is_empty());
        assert!(scan("13 45 67 89 012").is_empty());
    }

    #[test]
    fn landlines() {
        assert_eq!(scan("电话 010-62345678")[0].1, "phone/landline");
        assert_eq!(scan("(0571)88123456")[0].0, "(0571)88123456");
        assert_eq!(scan("联系电话：057188123456")[0].1, "phone/landline");
        assert!(scan("编号 057188123456").is_empty());
        assert!(scan("2016-10-29").is_empty());
    }

    #[test]
    fn leaves_record_numbers_alone() {
        assert!(scan("住院号：13812345678").is_empty());
    }
}
