//! Bank card numbers: 16–19 digits passing the Luhn check, with a card label before them or
//! grouped like a card (`6222 0212 3456 7890 123`).

use super::digits::{for_each_candidate, luhn};
use super::labels::LabelKind;
use super::{Detector, Finding, NormalizedText, PiiKind};

/// Finds bank card numbers. Luhn alone passes one random number in ten, so a card label
/// (`银行卡号`, `账号`) or groups of four digits are required as well.
#[derive(Debug, Clone, Copy, Default)]
pub struct BankCardDetector;

const LABEL_GAP: usize = 16;

impl Detector for BankCardDetector {
    fn name(&self) -> &'static str {
        "bank_card"
    }

    fn detect(&self, text: &NormalizedText<'_>, out: &mut Vec<Finding>) {
        let groups = text.groups();
        for_each_candidate(text, 16..=19, |c| {
            let d = c.digits;
            if d[0] == b'0' || !luhn(d) {
                return;
            }
            let labelled = text
                .label_before(c.bytes.start, LABEL_GAP)
                .is_some_and(|l| l.kind == LabelKind::BankCard);
            let n = c.groups.clone().count();
            let grouped = n >= 4
                && c.groups.clone().enumerate().all(|(k, g)| {
                    let len = groups[g].digits.len();
                    if k + 1 < n {
                        len == 4
                    } else {
                        (1..=4).contains(&len)
                    }
                });
            let confidence = match (labelled, grouped) {
                (true, _) => 0.9,
                (false, true) => 0.85,
                _ => return,
            };
            out.push(text.finding(PiiKind::BankCard, c.bytes, "bank_card", confidence));
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(t: &str) -> Vec<Finding> {
        let n = NormalizedText::new(t);
        let mut out = Vec::new();
        BankCardDetector.detect(&n, &mut out);
        out
    }

    #[test]
    fn needs_label_or_grouping() {
        assert_eq!(scan("银行卡号：4111111111111111").len(), 1);
        assert_eq!(scan("card 4111 1111 1111 1111").len(), 1);
        assert!(scan("编号4111111111111111").is_empty());
        assert!(scan("卡号：4111111111111112").is_empty());
    }
}
