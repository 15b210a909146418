//! Masking per SPEC §3: each finding's characters become `*`, except the parts its type may
//! keep. One `*` replaces one character, so the masked text has the same length in characters
//! and the findings' offsets hold in it too. Spaces and separators inside a finding are kept.

use super::names::surname_len;
use super::{Finding, PiiKind};

/// The mask character.
pub const MASK: char = '*';

/// Masks `findings` (offsets in characters of `text`) in `text`. Findings out of bounds are
/// clipped; overlapping findings are each applied.
pub fn mask(text: &str, findings: &[Finding]) -> String {
    if findings.is_empty() {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.chars().collect();
    for f in findings {
        let end = f.end.min(chars.len());
        let start = f.start.min(end);
        mask_span(f.kind, &mut chars[start..end]);
    }
    chars.into_iter().collect()
}

fn mask_span(kind: PiiKind, span: &mut [char]) {
    match kind {
        PiiKind::CnId | PiiKind::BankCard | PiiKind::InsuranceNo => keep_ends(span, 0, 4),
        PiiKind::Mrn => keep_ends(span, 0, 2),
        PiiKind::Phone => {
            let digits: String = span.iter().filter(|c| c.is_alphanumeric()).collect();
            let prefix = if span.first() == Some(&'+') || digits.len() > 12 {
                if digits.starts_with("0086") {
                    4
                } else if digits.starts_with("86") {
                    2
                } else {
                    0
                }
            } else {
                0
            };
            keep_ends(span, prefix + 3, 4);
        }
        PiiKind::Email => {
            let at = span
                .iter()
                .position(|&c| c == '@' || c == '＠')
                .unwrap_or(span.len());
            for c in span.iter_mut().take(at).skip(1) {
                *c = MASK;
            }
        }
        PiiKind::PersonName => {
            let visible: Vec<char> = span
                .iter()
                .copied()
                .filter(|c| !c.is_whitespace())
                .collect();
            let keep = if visible.first().is_some_and(|c| c.is_ascii_alphabetic()) {
                latin_surname(span);
                return;
            } else {
                surname_len(&visible).unwrap_or(1)
            };
            mask_after(span, keep, |c| !c.is_whitespace());
        }
        PiiKind::Address => {
            let visible: Vec<char> = span
                .iter()
                .copied()
                .filter(|c| !c.is_whitespace())
                .collect();
            let head: Vec<char> = visible.iter().copied().take(16).collect();
            // `市` first: the `州` of `杭州市` or `广州市` is not the end of the city.
            let keep = head
                .iter()
                .position(|&c| c == '市')
                .or_else(|| head.iter().position(|c| matches!(c, '州' | '盟')))
                .or_else(|| head.iter().position(|&c| c == '省'))
                .map_or(0, |i| i + 1);
            // Keep the city only when something more specific follows.
            let keep = if keep >= visible.len() { 0 } else { keep };
            mask_after(span, keep, |c| !c.is_whitespace());
        }
        PiiKind::BirthDate => mask_after(span, 4, char::is_numeric),
    }
}

/// Masks the alphanumeric characters of `span` except the first `first` and the last `last`.
fn keep_ends(span: &mut [char], first: usize, last: usize) {
    let total = span.iter().filter(|c| c.is_alphanumeric()).count();
    let mut k = 0;
    for c in span.iter_mut() {
        if c.is_alphanumeric() {
            if k >= first && k + last < total {
                *c = MASK;
            }
            k += 1;
        }
    }
}

/// Masks the characters selected by `counts` after the first `keep` of them.
fn mask_after(span: &mut [char], keep: usize, counts: impl Fn(char) -> bool) {
    let mut k = 0;
    for c in span.iter_mut() {
        if counts(*c) {
            if k >= keep {
                *c = MASK;
            }
            k += 1;
        }
    }
}

/// Keeps the surname of a Latin-script name: the first word when it is in capitals
/// (`ZHANG San`), else the last (`John Smith`).
fn latin_surname(span: &mut [char]) {
    let words: Vec<(usize, usize)> = {
        let mut v = Vec::new();
        let mut start = None;
        for (i, c) in span.iter().enumerate() {
            match (c.is_whitespace(), start) {
                (false, None) => start = Some(i),
                (true, Some(s)) => {
                    v.push((s, i));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            v.push((s, span.len()));
        }
        v
    };
    let Some(&first) = words.first() else {
        return;
    };
    let first_caps = span[first.0..first.1].iter().all(|c| !c.is_lowercase()) && words.len() > 1;
    let keep = if first_caps {
        first
    } else {
        words[words.len() - 1]
    };
    for (i, c) in span.iter_mut().enumerate() {
        if !c.is_whitespace() && !(keep.0..keep.1).contains(&i) {
            *c = MASK;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(text: &str, kind: PiiKind) -> String {
        let n = text.chars().count();
        let f = Finding {
            kind,
            start: 0,
            end: n,
            detector: "t",
            confidence: 1.0,
        };
        mask(text, &[f])
    }

    #[test]
    fn rules_of_spec_3() {
        assert_eq!(m("11010519491231002X", PiiKind::CnId), "**************002X");
        assert_eq!(m("+86 138 1234 5678", PiiKind::Phone), "+86 138 **** 5678");
        assert_eq!(m("010-62345678", PiiKind::Phone), "010-****5678");
        assert_eq!(
            m("6222 0212 3456 7890", PiiKind::BankCard),
            "**** **** **** 7890"
        );
        assert_eq!(m("baiyaning@163.com", PiiKind::Email), "b********@163.com");
        assert_eq!(m("欧阳娜娜", PiiKind::PersonName), "欧阳**");
        assert_eq!(m("张 三", PiiKind::PersonName), "张 *");
        assert_eq!(m("John Smith", PiiKind::PersonName), "**** Smith");
        assert_eq!(m("ZHANG San", PiiKind::PersonName), "ZHANG ***");
        assert_eq!(
            m("黑龙江省哈尔滨市南岗区中山路123号", PiiKind::Address),
            "黑龙江省哈尔滨市**********"
        );
        assert_eq!(m("双滦区应营子村", PiiKind::Address), "*******");
        assert_eq!(
            m("浙江省杭州市西湖区文三路456号", PiiKind::Address),
            "浙江省杭州市**********"
        );
        assert_eq!(m("ZY2023001", PiiKind::Mrn), "*******01");
        assert_eq!(m("1980年8月27日", PiiKind::BirthDate), "1980年*月**日");
    }

    #[test]
    fn clips_out_of_bounds_and_keeps_length() {
        let f = Finding {
            kind: PiiKind::Mrn,
            start: 2,
            end: 99,
            detector: "t",
            confidence: 1.0,
        };
        assert_eq!(mask("ab1234", &[f]), "ab**34");
    }
}
