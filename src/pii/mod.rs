//! Personal-data detection and masking (SPEC §3).
//!
//! The text is NFKC-normalised once ([`NormalizedText`]), every [`Detector`] adds its candidate
//! [`Finding`]s, and the [`Scanner`] keeps the best non-overlapping ones, sorted. Offsets are in
//! characters (Unicode scalar values) of the original text, end exclusive. [`mask`] replaces each
//! finding by `*` characters per type, keeping the parts SPEC §3 allows.
//!
//! ```
//! use arkiv::pii::{mask, PiiKind, Scanner};
//! let text = "姓名：张三 手机：13812345678";
//! let findings = Scanner::default().scan(text);
//! assert_eq!(findings[0].kind, PiiKind::PersonName);
//! assert_eq!(mask(text, &findings), "姓名：张* 手机：138****5678");
//! ```

mod address;
mod bank_card;
mod birth_date;
pub mod cli;
mod cn_id;
mod columns;
mod digits;
mod email;
mod insurance_no;
pub mod labels;
mod mask;
mod mrn;
mod names;
pub mod normalize;
mod person_name;
mod phone;

use std::collections::BTreeMap;

use serde::Serialize;

pub use address::AddressDetector;
pub use bank_card::BankCardDetector;
pub use birth_date::BirthDateDetector;
pub use cn_id::{CnIdDetector, IdValidity, validate_cn_id};
pub use columns::TableColumnDetector;
pub use email::EmailDetector;
pub use insurance_no::InsuranceNoDetector;
pub use mask::mask;
pub use mrn::MrnDetector;
pub use normalize::NormalizedText;
pub use person_name::PersonNameDetector;
pub use phone::PhoneDetector;

/// The kind of personal data a finding holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PiiKind {
    /// Resident identity card number (居民身份证号码), 18 or 15 characters.
    CnId,
    /// Mobile or landline telephone number.
    Phone,
    /// Bank card number.
    BankCard,
    /// E-mail address.
    Email,
    /// Person's name.
    PersonName,
    /// Postal address.
    Address,
    /// Medical record, admission, outpatient or card number.
    Mrn,
    /// Health-insurance or social-security number.
    InsuranceNo,
    /// Date of birth.
    BirthDate,
}

impl PiiKind {
    /// All kinds, in declaration order.
    pub const ALL: [PiiKind; 9] = [
        PiiKind::CnId,
        PiiKind::Phone,
        PiiKind::BankCard,
        PiiKind::Email,
        PiiKind::PersonName,
        PiiKind::Address,
        PiiKind::Mrn,
        PiiKind::InsuranceNo,
        PiiKind::BirthDate,
    ];

    /// The snake_case name used in output (`"cn_id"`, `"phone"`, …).
    pub fn as_str(&self) -> &'static str {
        match self {
            PiiKind::CnId => "cn_id",
            PiiKind::Phone => "phone",
            PiiKind::BankCard => "bank_card",
            PiiKind::Email => "email",
            PiiKind::PersonName => "person_name",
            PiiKind::Address => "address",
            PiiKind::Mrn => "mrn",
            PiiKind::InsuranceNo => "insurance_no",
            PiiKind::BirthDate => "birth_date",
        }
    }
}

impl std::fmt::Display for PiiKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One piece of personal data found in a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// What was found.
    #[serde(rename = "type")]
    pub kind: PiiKind,
    /// First character (Unicode scalar value) of the original text, inclusive.
    pub start: usize,
    /// Last character of the original text, exclusive.
    pub end: usize,
    /// The rule that found it (`"cn_id"`, `"person_name/label"`, …).
    pub detector: &'static str,
    /// How sure the rule is, 0–1.
    pub confidence: f32,
}

impl Finding {
    /// The text of the finding, cut from the original text it was found in.
    pub fn text<'t>(&self, original: &'t str) -> &'t str {
        let mut idx = original.char_indices().map(|(i, _)| i);
        let start = idx.nth(self.start).unwrap_or(original.len());
        let end = if self.end > self.start {
            original[start..]
                .char_indices()
                .nth(self.end - self.start)
                .map_or(original.len(), |(i, _)| start + i)
        } else {
            start
        };
        &original[start..end]
    }

    fn len(&self) -> usize {
        self.end - self.start
    }
}

/// A personal-data detector: finds one kind of data in normalised text.
pub trait Detector: Send + Sync {
    /// Short name of the detector (`"cn_id"`).
    fn name(&self) -> &'static str;
    /// Appends candidate findings for `text` to `out`; they may overlap, the scanner resolves.
    fn detect(&self, text: &NormalizedText<'_>, out: &mut Vec<Finding>);
}

/// Runs a set of detectors and resolves their overlapping findings.
pub struct Scanner {
    detectors: Vec<Box<dyn Detector>>,
}

impl Default for Scanner {
    /// A scanner with every detector of this module.
    fn default() -> Self {
        Scanner::new(vec![
            Box::new(CnIdDetector),
            Box::new(PhoneDetector),
            Box::new(BankCardDetector),
            Box::new(EmailDetector),
            Box::new(PersonNameDetector),
            Box::new(AddressDetector),
            Box::new(MrnDetector),
            Box::new(InsuranceNoDetector),
            Box::new(BirthDateDetector),
            Box::new(TableColumnDetector),
        ])
    }
}

impl std::fmt::Debug for Scanner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.detectors.iter().map(|d| d.name()))
            .finish()
    }
}

impl Scanner {
    /// A scanner running exactly `detectors`.
    pub fn new(detectors: Vec<Box<dyn Detector>>) -> Self {
        Scanner { detectors }
    }

    /// Names of the detectors this scanner runs.
    pub fn detector_names(&self) -> Vec<&'static str> {
        self.detectors.iter().map(|d| d.name()).collect()
    }

    /// Finds personal data in `text`: sorted by start, not overlapping, offsets in characters
    /// of `text`.
    pub fn scan(&self, text: &str) -> Vec<Finding> {
        if text.is_empty() {
            return Vec::new();
        }
        let normalized = NormalizedText::new(text);
        self.scan_normalized(&normalized)
    }

    /// Like [`Scanner::scan`], on text already normalised.
    pub fn scan_normalized(&self, text: &NormalizedText<'_>) -> Vec<Finding> {
        let mut candidates = Vec::new();
        for d in &self.detectors {
            d.detect(text, &mut candidates);
        }
        resolve(candidates)
    }
}

/// Keeps the best of overlapping candidates: highest confidence, then longest, then the more
/// specific kind (declaration order of [`PiiKind`]). Returns them sorted by start.
pub fn resolve(mut candidates: Vec<Finding>) -> Vec<Finding> {
    candidates.retain(|f| f.end > f.start);
    candidates.sort_by(|a, b| {
        b.confidence
            .total_cmp(&a.confidence)
            .then(b.len().cmp(&a.len()))
            .then(a.kind.cmp(&b.kind))
            .then(a.start.cmp(&b.start))
    });
    // start -> end of accepted findings
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut accepted = Vec::with_capacity(candidates.len());
    for f in candidates {
        let overlaps_before = taken
            .range(..f.end)
            .next_back()
            .is_some_and(|(_, &end)| end > f.start);
        if overlaps_before {
            continue;
        }
        taken.insert(f.start, f.end);
        accepted.push(f);
    }
    accepted.sort_by_key(|f| f.start);
    accepted
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(kind: PiiKind, start: usize, end: usize, confidence: f32) -> Finding {
        Finding {
            kind,
            start,
            end,
            detector: "t",
            confidence,
        }
    }

    #[test]
    fn resolve_prefers_confident_then_long() {
        let out = resolve(vec![
            f(PiiKind::BankCard, 0, 18, 0.8),
            f(PiiKind::CnId, 0, 18, 0.99),
            f(PiiKind::Address, 20, 30, 0.9),
            f(PiiKind::Phone, 25, 36, 0.95),
            f(PiiKind::Email, 40, 50, 0.9),
            f(PiiKind::Mrn, 45, 47, 0.9),
        ]);
        let kinds: Vec<_> = out.iter().map(|f| f.kind).collect();
        assert_eq!(kinds, [PiiKind::CnId, PiiKind::Phone, PiiKind::Email]);
    }

    #[test]
    fn finding_text_cuts_by_chars() {
        let t = "电话：１３８";
        let f = f(PiiKind::Phone, 3, 6, 1.0);
        assert_eq!(f.text(t), "１３８");
    }

    #[test]
    fn scanner_is_shareable_between_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Scanner>();
    }

    #[test]
    fn kind_names() {
        let names: Vec<_> = PiiKind::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(names[0], "cn_id");
        assert_eq!(
            serde_json::to_string(&PiiKind::InsuranceNo).unwrap(),
            "\"insurance_no\""
        );
    }
}
