//! Resident identity card numbers (GB 11643): 18 characters with an ISO 7064 MOD 11-2 check
//! character, or the 15-digit legacy form.

use super::digits::{for_each_candidate, num, valid_date};
use super::labels::LabelKind;
use super::{Detector, Finding, NormalizedText, PiiKind};

/// Finds resident ID numbers: valid region prefix and birth date, and a valid check character;
/// numbers failing only the check are reported with low confidence when an ID label precedes
/// them (a misprint or OCR error still identifies a person).
#[derive(Debug, Clone, Copy, Default)]
pub struct CnIdDetector;

/// Provincial codes (first two digits) of GB/T 2260, plus 71/81/82/83 (Taiwan, Hong Kong,
/// Macao residents).
const PROVINCES: &[u8] = &[
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
    53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
];

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK: &[u8; 11] = b"10X98765432";

/// Bytes between an ID label and the number (`号码为：`).
const LABEL_GAP: usize = 12;

/// Outcome of validating an ID number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdValidity {
    /// Region, date and check character are valid (15-digit: region and date).
    Valid,
    /// Region and date are valid, the check character is not.
    BadChecksum,
    /// Not an ID number.
    Invalid,
}

/// Validates an 18-character or 15-digit ID number given as ASCII (`X` allowed last).
pub fn validate_cn_id(id: &[u8]) -> IdValidity {
    let (body, year, rest) = match id.len() {
        18 => (&id[..17], num(&id[6..10]), &id[10..14]),
        15 => (id, 1900 + num(&id[6..8]), &id[8..12]),
        _ => return IdValidity::Invalid,
    };
    if body.iter().any(|b| !b.is_ascii_digit()) {
        return IdValidity::Invalid;
    }
    let province = num(&id[..2]) as u8;
    if !PROVINCES.contains(&province) || &id[2..4] == b"00" {
        return IdValidity::Invalid;
    }
    if !(1900..=2099).contains(&year) || !valid_date(year, num(&rest[..2]), num(&rest[2..])) {
        return IdValidity::Invalid;
    }
    if id.len() == 15 {
        return IdValidity::Valid;
    }
    let sum: u32 = body
        .iter()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    if CHECK[(sum % 11) as usize] == id[17].to_ascii_uppercase() {
        IdValidity::Valid
    } else {
        IdValidity::BadChecksum
    }
}

impl Detector for CnIdDetector {
    fn name(&self) -> &'static str {
        "cn_id"
    }

    fn detect(&self, text: &NormalizedText<'_>, out: &mut Vec<Finding>) {
        for_each_candidate(text, 15..=18, |c| {
            if c.digits.len() != 15 && c.digits.len() != 18 {
                return;
            }
            let labelled = text
                .label_before(c.bytes.start, LABEL_GAP)
                .is_some_and(|l| l.kind == LabelKind::IdCard);
            let (detector, confidence) = match (validate_cn_id(c.digits), c.digits.len()) {
                (IdValidity::Valid, 18) if c.confusables => ("cn_id", 0.95),
                (IdValidity::Valid, 18) => ("cn_id", 0.99),
                (IdValidity::Valid, _) if labelled => ("cn_id/legacy", 0.95),
                (IdValidity::Valid, _) if !c.separated() => ("cn_id/legacy", 0.85),
                (IdValidity::BadChecksum, _) if labelled => ("cn_id/label", 0.6),
                _ => return,
            };
            out.push(text.finding(PiiKind::CnId, c.bytes, detector, confidence));
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(t: &str) -> Vec<Finding> {
        let n = NormalizedText::new(t);
        let mut out = Vec::new();
        CnIdDetector.detect(&n, &mut out);
        out
    }

    #[test]
    fn validates_check_character() {
        assert_eq!(validate_cn_id(b"11010519491231002X"), IdValidity::Valid);
        assert_eq!(
            validate_cn_id(b"110105194912310021"),
            IdValidity::BadChecksum
        );
        assert_eq!(validate_cn_id(b"110105194913310021"), IdValidity::Invalid);
        assert_eq!(validate_cn_id(b"991105194912310021"), IdValidity::Invalid);
        assert_eq!(validate_cn_id(b"110105491231002"), IdValidity::Valid);
    }

    #[test]
    fn finds_ids_with_ocr_noise() {
        let f = scan("身份证号：1101 0519 4912 3100 2x 其他");
        assert_eq!((f[0].start, f[0].end, f[0].confidence), (5, 27, 0.99));
        let f = scan("ID 11O1O519491231002X");
        assert_eq!(f[0].confidence, 0.95);
    }

    #[test]
    fn bad_checksum_needs_a_label() {
        assert!(scan("编号 110105194912310021").is_empty());
        let f = scan("身份证号码为110105194912310021");
        assert_eq!(f[0].detector, "cn_id/label");
    }

    #[test]
    fn ignores_decimals_and_lab_values() {
        assert!(scan("WBC 11010519491231002X.5").is_empty());
        assert!(scan("3.11010519491231002X").is_empty());
    }
}
