//! Medical record numbers: values of `病案号`, `住院号`, `门诊号`, `就诊卡号`, `ID号` … fields.

use super::labels::{LabelKind, identifier_after};
use super::{Detector, Finding, NormalizedText, PiiKind};

/// Finds record, admission, outpatient and card numbers after their labels.
#[derive(Debug, Clone, Copy, Default)]
pub struct MrnDetector;

impl Detector for MrnDetector {
    fn name(&self) -> &'static str {
        "mrn"
    }

    fn detect(&self, text: &NormalizedText<'_>, out: &mut Vec<Finding>) {
        for hit in text.labels().iter().filter(|h| h.kind == LabelKind::Mrn) {
            if let Some(r) = identifier_after(text.as_str(), hit.bytes.end, 3, 3) {
                out.push(text.finding(PiiKind::Mrn, r, "mrn", 0.9));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_labelled_numbers() {
        let t = "病案号：00123456 住院號:ZY2023001 门诊号： 无";
        let n = NormalizedText::new(t);
        let mut out = Vec::new();
        MrnDetector.detect(&n, &mut out);
        let got: Vec<_> = out.iter().map(|f| f.text(t)).collect();
        assert_eq!(got, ["00123456", "ZY2023001"]);
    }
}
