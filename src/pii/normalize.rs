//! NFKC normalisation with an offset map back to the original text.
//!
//! Detectors run on the normalised text (full-width digits and letters folded to ASCII,
//! `：` to `:`, ideographic space to a space) and report byte ranges in it; the map turns those
//! into character offsets of the original text.
//!
//! Normalisation is applied per cluster (a starter character with its following combining marks),
//! so every normalised byte belongs to exactly one original cluster and offsets stay exact.
//! Spaces between two Han characters are dropped, because OCR engines scatter them through
//! Chinese text (`姓 名 : 张 三`) and they carry no meaning there.

use std::borrow::Cow;
use std::ops::Range;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

use super::labels::{self, LabelHit};
use super::{Finding, PiiKind};

/// Longest run of separators (spaces or hyphens) tolerated inside a digit run.
const MAX_SEPARATOR: usize = 2;
/// Most OCR-confusable letters (`O o` for 0, `l I |` for 1) tolerated in one digit group.
const MAX_CONFUSABLES: usize = 3;

/// A maximal stretch of digit-like characters without separators, e.g. `1381` in `1381 2345 678`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DigitGroup {
    /// Byte range in the normalised text.
    pub bytes: Range<usize>,
    /// Range in [`NormalizedText::digits`] holding the group's digits (confusables folded,
    /// a final check character kept as `X`).
    pub digits: Range<usize>,
    /// Index of the run (groups joined by single separators) this group belongs to.
    pub run: usize,
    /// Whether OCR-confusable letters were read as digits in this group.
    pub confusables: bool,
    /// Whether the group touches a decimal point or thousands separator (`3.14`, `1,234`),
    /// which makes it a part of a larger number rather than an identifier.
    pub in_number: bool,
}

/// Text prepared for detection: the NFKC-normalised string, its digit groups and field labels,
/// and the map back to character offsets of the original text.
#[derive(Debug)]
pub struct NormalizedText<'a> {
    original: &'a str,
    text: String,
    /// For every normalised byte, the index of the original character (cluster start) it came
    /// from; one extra entry holds the original length in characters.
    origin: Vec<u32>,
    /// Original clusters longer than one character: (first character, length), sorted.
    long_clusters: Vec<(u32, u32)>,
    digits: Vec<u8>,
    groups: Vec<DigitGroup>,
    labels: Vec<LabelHit>,
}

impl<'a> NormalizedText<'a> {
    /// Normalises `original` and indexes its digit groups and field labels.
    pub fn new(original: &'a str) -> Self {
        let mut n = NormalizedText {
            original,
            text: String::with_capacity(original.len()),
            origin: Vec::with_capacity(original.len() + 1),
            long_clusters: Vec::new(),
            digits: Vec::new(),
            groups: Vec::new(),
            labels: Vec::new(),
        };
        n.normalize();
        n.index_digits();
        n.labels = labels::find(&n.text);
        n
    }

    /// The original, unnormalised text.
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// The normalised text the detectors search.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Digits of all groups, concatenated (see [`DigitGroup::digits`]).
    pub fn digits(&self) -> &[u8] {
        &self.digits
    }

    /// Digit groups in text order.
    pub fn groups(&self) -> &[DigitGroup] {
        &self.groups
    }

    /// Field labels (`姓名`, `住院号`, …) found in the text, in text order.
    pub fn labels(&self) -> &[LabelHit] {
        &self.labels
    }

    /// The digits of one group.
    pub fn group_digits(&self, g: &DigitGroup) -> &[u8] {
        &self.digits[g.digits.clone()]
    }

    /// The nearest label ending at most `max_gap` bytes before byte `pos`, with only
    /// separators, spaces and short connecting words between.
    pub fn label_before(&self, pos: usize, max_gap: usize) -> Option<&LabelHit> {
        let idx = self.labels.partition_point(|l| l.bytes.end <= pos);
        let hit = self.labels[..idx].last()?;
        (pos - hit.bytes.end <= max_gap).then_some(hit)
    }

    /// Whether the original text had spaces right before the character at byte `pos` that
    /// normalisation dropped (`张三 内科` reads `张三内科`): a gap between table cells, or OCR's
    /// letter spacing.
    pub fn spaced_before(&self, pos: usize) -> bool {
        if pos == 0 || pos >= self.text.len() || !self.text.is_char_boundary(pos) {
            return false;
        }
        let prev = self.text[..pos]
            .chars()
            .next_back()
            .map_or(0, char::len_utf8);
        let before = self.origin[pos - prev];
        self.origin[pos] > before + self.cluster_len(before)
    }

    /// Length in characters of the original cluster starting at character `first`.
    fn cluster_len(&self, first: u32) -> u32 {
        match self.long_clusters.binary_search_by_key(&first, |&(c, _)| c) {
            Ok(i) => self.long_clusters[i].1,
            Err(_) => 1,
        }
    }

    /// Maps a byte range of the normalised text to a finding on the original text.
    pub fn finding(
        &self,
        kind: PiiKind,
        bytes: Range<usize>,
        detector: &'static str,
        confidence: f32,
    ) -> Finding {
        let (start, end) = self.original_range(bytes);
        Finding {
            kind,
            start,
            end,
            detector,
            confidence,
        }
    }

    /// Character range of the original text covered by a byte range of the normalised text.
    pub fn original_range(&self, bytes: Range<usize>) -> (usize, usize) {
        let len = self.text.len();
        let s = bytes.start.min(len);
        let e = bytes.end.clamp(s, len);
        if e == s {
            let at = self.origin[s] as usize;
            return (at, at);
        }
        let start = self.origin[s] as usize;
        // The end is the end of the original cluster the last byte came from, even when the
        // range stops inside that cluster's output or dropped spaces follow it.
        let last = self.origin[e - 1];
        (start, (last + self.cluster_len(last)) as usize)
    }

    fn push(&mut self, c: char, orig: u32) {
        let len = c.len_utf8();
        self.text.push(c);
        match len {
            1 => self.origin.push(orig),
            n => self.origin.extend_from_slice(&[orig; 4][..n]),
        }
    }

    /// Emits `c` (from original character `orig`), dropping spaces held back between Han.
    fn emit(&mut self, c: char, orig: u32, pending: &mut Vec<u32>, last_han: &mut bool) {
        if c == ' ' && *last_han {
            pending.push(orig);
            return;
        }
        let han = is_han(c);
        self.settle(han, pending);
        self.push(c, orig);
        *last_han = han;
    }

    /// Writes held-back spaces unless a Han character follows them.
    fn settle(&mut self, next_is_han: bool, pending: &mut Vec<u32>) {
        if !pending.is_empty() {
            if !next_is_han {
                for &p in pending.iter() {
                    self.push(' ', p);
                }
            }
            pending.clear();
        }
    }

    /// Copies original bytes `from..to`, which normalise to themselves; `first` is the index
    /// of the character at `from`.
    fn copy_run(&mut self, from: usize, to: usize, first: u32) {
        let bytes = &self.original.as_bytes()[from..to];
        self.text.push_str(&self.original[from..to]);
        let mut idx = first;
        for (k, &b) in bytes.iter().enumerate() {
            if k > 0 && b & 0xC0 != 0x80 {
                idx += 1;
            }
            self.origin.push(idx);
        }
    }

    fn normalize(&mut self) {
        let original = self.original;
        let mut chars = original.char_indices().peekable();
        let mut index: u32 = 0;
        let mut cluster: Vec<char> = Vec::new();
        let mut out: Vec<char> = Vec::new();
        // Spaces seen after a Han character, held back until we know what follows.
        let mut pending: Vec<u32> = Vec::new();
        let mut last_han = false;
        // Start (byte, character index) of a stretch of characters that are already normal.
        let mut run: Option<(usize, u32)> = None;
        while let Some((b, c)) = chars.next() {
            let start = index;
            index += 1;
            let next_is_starter = chars.peek().is_none_or(|&(_, n)| is_starter(n));
            let folded = fast_fold(c).filter(|_| next_is_starter);
            if folded == Some(c) && c != ' ' {
                if run.is_none() {
                    self.settle(is_han(c), &mut pending);
                    run = Some((b, start));
                }
                continue;
            }
            if let Some((from, first)) = run.take() {
                self.copy_run(from, b, first);
                last_han = original[..b].chars().next_back().is_some_and(is_han);
            }
            if let Some(f) = folded {
                self.emit(f, start, &mut pending, &mut last_han);
                continue;
            }
            cluster.clear();
            cluster.push(c);
            while let Some(&(_, n)) = chars.peek() {
                if is_starter(n) {
                    break;
                }
                cluster.push(n);
                chars.next();
                index += 1;
            }
            if cluster.len() > 1 {
                self.long_clusters.push((start, cluster.len() as u32));
            }
            out.clear();
            out.extend(cluster.iter().copied().nfkc());
            for &o in &out {
                self.emit(o, start, &mut pending, &mut last_han);
            }
        }
        if let Some((from, first)) = run {
            self.copy_run(from, original.len(), first);
        }
        for &p in &pending {
            self.push(' ', p);
        }
        self.origin.push(index);
    }

    fn index_digits(&mut self) {
        let bytes = self.text.as_bytes();
        let mut i = 0;
        let mut run = 0usize;
        let mut last_group_end: Option<usize> = None;
        while i < bytes.len() {
            if !bytes[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let start = i;
            let dstart = self.digits.len();
            let mut last_digit = i;
            let mut confusables = 0usize;
            let mut j = i;
            while j < bytes.len() {
                let b = bytes[j];
                if b.is_ascii_digit() {
                    self.digits.push(b);
                    last_digit = j;
                } else if let Some(d) = confusable(b) {
                    confusables += 1;
                    self.digits.push(d);
                } else {
                    break;
                }
                j += 1;
            }
            // Confusables only count between real digits.
            let mut end = last_digit + 1;
            self.digits.truncate(dstart + (end - start));
            let used_confusables = bytes[start..end].iter().any(|b| !b.is_ascii_digit());
            if confusables > MAX_CONFUSABLES && used_confusables {
                // Too noisy: keep only the leading pure-digit part.
                let pure = bytes[start..end]
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                end = start + pure;
                self.digits.truncate(dstart + pure);
            }
            let used_confusables = bytes[start..end].iter().any(|b| !b.is_ascii_digit());
            // A check character X closes a group.
            if end < bytes.len() && matches!(bytes[end], b'X' | b'x') {
                let after = bytes.get(end + 1);
                if after.is_none_or(|b| !b.is_ascii_alphanumeric()) {
                    self.digits.push(b'X');
                    end += 1;
                }
            }
            let in_number = (start >= 2
                && matches!(bytes[start - 1], b'.' | b',')
                && bytes[start - 2].is_ascii_digit())
                || (end + 1 < bytes.len()
                    && matches!(bytes[end], b'.' | b',')
                    && bytes[end + 1].is_ascii_digit());
            // Same run as the previous group when only a short separator lies between.
            if let Some(prev_end) = last_group_end {
                let gap = &bytes[prev_end..start];
                let joined = !gap.is_empty()
                    && gap.len() <= MAX_SEPARATOR
                    && gap.iter().all(|&b| b == b' ' || b == b'-')
                    && gap.iter().filter(|&&b| b == b'-').count() <= 1;
                if !joined {
                    run += 1;
                }
            }
            self.groups.push(DigitGroup {
                bytes: start..end,
                digits: dstart..self.digits.len(),
                run,
                confusables: used_confusables,
                in_number,
            });
            last_group_end = Some(end);
            i = end.max(start + 1);
        }
    }
}

/// The digit an OCR-confusable letter stands for.
fn confusable(b: u8) -> Option<u8> {
    match b {
        b'O' | b'o' => Some(b'0'),
        b'l' | b'I' | b'|' => Some(b'1'),
        _ => None,
    }
}

/// NFKC of characters that are common and simple, without the general machinery.
fn fast_fold(c: char) -> Option<char> {
    let u = c as u32;
    if u < 0x80 || (0x4E00..=0x9FFF).contains(&u) || (0x3001..=0x3002).contains(&u) {
        return Some(c);
    }
    if (0xFF01..=0xFF5E).contains(&u) {
        return char::from_u32(u - 0xFEE0);
    }
    if u == 0x3000 {
        return Some(' ');
    }
    None
}

fn is_starter(c: char) -> bool {
    let u = c as u32;
    u < 0x300
        || (0x3400..=0x9FFF).contains(&u)
        || (0x3000..=0x3029).contains(&u)
        || (0xFF00..=0xFFEF).contains(&u)
        || canonical_combining_class(c) == 0
}

/// `text` without the spaces (and tabs, ideographic spaces) that OCR scatters between Han
/// characters (`梅 毒` → `梅毒`), for vocabulary matching; other spaces and line breaks stay.
pub fn fold_han_spaces(text: &str) -> Cow<'_, str> {
    let gap = |c: char| matches!(c, ' ' | '\t' | '\u{3000}');
    let mut out: Option<String> = None;
    // byte range of a run of gaps that follows a Han character, held until the next character
    let mut pending: Option<(usize, usize)> = None;
    let mut last_han = false;
    for (b, c) in text.char_indices() {
        if gap(c) {
            if last_han || pending.is_some() {
                let start = pending.map_or(b, |(s, _)| s);
                pending = Some((start, b + c.len_utf8()));
            } else if let Some(o) = out.as_mut() {
                o.push(c);
            }
            continue;
        }
        let han = is_han(c);
        if let Some((s, e)) = pending.take() {
            if han {
                // drop the run: copy what came before it, once
                out.get_or_insert_with(|| text[..s].to_string());
            } else if let Some(o) = out.as_mut() {
                o.push_str(&text[s..e]);
            }
        }
        if let Some(o) = out.as_mut() {
            o.push(c);
        }
        last_han = han;
    }
    match (out, pending) {
        (None, _) => Cow::Borrowed(text),
        (Some(mut o), Some((s, e))) => {
            o.push_str(&text[s..e]);
            Cow::Owned(o)
        }
        (Some(o), None) => Cow::Owned(o),
    }
}

/// Whether `c` is a Han (CJK ideograph) character.
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2FFFF | 0x3007)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_spaces_fold_for_vocabulary() {
        assert_eq!(fold_han_spaces("梅 毒  血清"), "梅毒血清");
        assert_eq!(fold_han_spaces("工\u{3000}作 秘\t密"), "工作秘密");
        assert_eq!(fold_han_spaces("诊断 HIV 感染"), "诊断 HIV 感染");
        assert_eq!(fold_han_spaces("第一行 \n第二行"), "第一行 \n第二行");
        assert!(matches!(
            fold_han_spaces("no spaces here"),
            Cow::Borrowed(_)
        ));
        assert!(matches!(fold_han_spaces("中 a 文 "), Cow::Borrowed(_)));
        assert_eq!(fold_han_spaces("甲 乙 a 丙 丁  "), "甲乙 a 丙丁  ");
        // a long run of spaces takes one pass, not one scan per space
        let long = format!("甲{}乙", " ".repeat(1_000_000));
        assert_eq!(fold_han_spaces(&long), "甲乙");
    }

    #[test]
    fn full_width_digits_fold_and_map_back() {
        let n = NormalizedText::new("电话：１３８");
        assert_eq!(n.as_str(), "电话:138");
        let b = n.as_str().find("138").unwrap();
        assert_eq!(n.original_range(b..b + 3), (3, 6));
    }

    #[test]
    fn spaces_between_han_are_dropped() {
        let n = NormalizedText::new("姓 名 : 张 三 ab c");
        assert_eq!(n.as_str(), "姓名 : 张三 ab c");
        let b = n.as_str().find("张三").unwrap();
        assert_eq!(n.original_range(b..b + 6), (6, 9));
    }

    #[test]
    fn expanding_compatibility_chars_map_to_whole_char() {
        // U+3392 (㎒) expands to "MHz".
        let n = NormalizedText::new("a\u{3392}b");
        assert_eq!(n.as_str(), "aMHzb");
        assert_eq!(n.original_range(1..2), (1, 2));
        assert_eq!(n.original_range(4..5), (2, 3));
    }

    #[test]
    fn combining_clusters_map_as_a_whole() {
        // e + combining acute composes to é; the cluster is two original characters.
        let n = NormalizedText::new("xe\u{301}y");
        assert_eq!(n.as_str(), "x\u{e9}y");
        assert_eq!(n.original_range(1..3), (1, 3));
        assert_eq!(n.original_range(3..4), (3, 4));
    }

    #[test]
    fn digit_groups_and_runs() {
        let n = NormalizedText::new("tel 138 1234 5678, id 2301O319800827362X; 3.14");
        let g: Vec<_> = n
            .groups()
            .iter()
            .map(|g| {
                (
                    String::from_utf8_lossy(n.group_digits(g)).into_owned(),
                    g.run,
                )
            })
            .collect();
        assert_eq!(g[0], ("138".into(), 0));
        assert_eq!(g[2], ("5678".into(), 0));
        assert_eq!(g[3], ("23010319800827362X".into(), 1));
        assert!(n.groups()[3].confusables);
        assert!(n.groups()[4].in_number);
    }

    #[test]
    fn confusables_at_edges_are_not_digits() {
        let n = NormalizedText::new("lO12l");
        assert_eq!(n.groups().len(), 1);
        assert_eq!(n.group_digits(&n.groups()[0]), b"12");
    }
}
