//! Health-insurance and social-security numbers: values of `医保卡号`, `社保卡号` … fields.

use super::labels::{LabelKind, identifier_after};
use super::{Detector, Finding, NormalizedText, PiiKind};

/// Finds insurance and social-security numbers after their labels.
#[derive(Debug, Clone, Copy, Default)]
pub struct InsuranceNoDetector;

impl Detector for InsuranceNoDetector {
    fn name(&self) -> &'static str {
        "insurance_no"
    }

    fn detect(&self, text: &NormalizedText<'_>, out: &mut Vec<Finding>) {
        for hit in text
            .labels()
            .iter()
            .filter(|h| h.kind == LabelKind::Insurance)
        {
            if let Some(r) = identifier_after(text.as_str(), hit.bytes.end, 6, 4) {
                out.push(text.finding(PiiKind::InsuranceNo, r, "insurance_no", 0.9));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_labelled_numbers() {
        let t = "医保卡号：1101234567890 社保号 12";
        let n = NormalizedText::new(t);
        let mut out = Vec::new();
        InsuranceNoDetector.detect(&n, &mut out);
        let got: Vec<_> = out.iter().map(|f| f.text(t)).collect();
        assert_eq!(got, ["1101234567890"]);
    }
}
