//! E-mail addresses.

use super::{Detector, Finding, NormalizedText, PiiKind};

/// Finds `local@domain.tld` addresses (RFC 5322 dot-atoms without quoting or comments).
#[derive(Debug, Clone, Copy, Default)]
pub struct EmailDetector;

fn local_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')
}

fn domain_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-')
}

impl Detector for EmailDetector {
    fn name(&self) -> &'static str {
        "email"
    }

    fn detect(&self, text: &NormalizedText<'_>, out: &mut Vec<Finding>) {
        let s = text.as_str().as_bytes();
        let mut last_end = 0;
        for (at, _) in text.as_str().match_indices('@') {
            if at < last_end {
                continue;
            }
            let mut start = at;
            while start > last_end && local_char(s[start - 1]) {
                start -= 1;
            }
            while start < at && s[start] == b'.' {
                start += 1;
            }
            if start == at || s[at - 1] == b'.' {
                continue;
            }
            let mut end = at + 1;
            while end < s.len() && domain_char(s[end]) {
                end += 1;
            }
            // Trailing dots and hyphens end a sentence, not the domain.
            while end > at + 1 && matches!(s[end - 1], b'.' | b'-') {
                end -= 1;
            }
            let domain = &s[at + 1..end];
            let labels: Vec<&[u8]> = domain.split(|&b| b == b'.').collect();
            let tld = labels.last().copied().unwrap_or_default();
            let valid = labels.len() >= 2
                && labels
                    .iter()
                    .all(|l| !l.is_empty() && l[0] != b'-' && l[l.len() - 1] != b'-')
                && tld.len() >= 2
                && tld.iter().all(u8::is_ascii_alphabetic);
            if !valid {
                continue;
            }
            out.push(text.finding(PiiKind::Email, start..end, "email", 0.99));
            last_end = end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(t: &str) -> Vec<String> {
        let n = NormalizedText::new(t);
        let mut out = Vec::new();
        EmailDetector.detect(&n, &mut out);
        out.iter().map(|f| f.text(t).to_string()).collect()
    }

    #[test]
    fn finds_addresses() {
        assert_eq!(scan("邮箱baiyaning@163.com或手机"), ["baiyaning@163.com"]);
        assert_eq!(
            scan("mail: a.b+c@mail.example.org."),
            ["a.b+c@mail.example.org"]
        );
        assert_eq!(
            scan("ｚｈａｎｇ＠ｑｑ．ｃｏｍ"),
            ["ｚｈａｎｇ＠ｑｑ．ｃｏｍ"]
        );
        assert!(scan("@home a@b c@d.1 x@.com").is_empty());
    }
}
