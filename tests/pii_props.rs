// Robustness of the PII scanner: arbitrary Unicode and OCR-like garbage never make it panic, and
// findings are always in bounds, sorted, non-overlapping and on character boundaries; masking
// keeps the length in characters.

use arkiv::pii::{Scanner, mask};
use proptest::prelude::*;

/// Text made of pieces that exercise the detectors: labels, digits with OCR confusables and
/// separators, full-width forms, combining marks, Han, e-mail fragments.
fn ocr_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("姓名：".to_string()),
        Just("患者".to_string()),
        Just("住址:".to_string()),
        Just("身份证号".to_string()),
        Just("电话".to_string()),
        Just("住院号".to_string()),
        Just("出生日期".to_string()),
        Just("医保卡号".to_string()),
        Just("卡号".to_string()),
        Just("医生".to_string()),
        Just("浙江省杭州市西湖区文三路".to_string()),
        Just("@".to_string()),
        Just(".com".to_string()),
        Just("+86".to_string()),
        Just("X".to_string()),
        Just("\u{301}".to_string()),
        Just("\u{3000}".to_string()),
        "[0-9Ool|I \\-]{1,20}",
        "[０-９]{1,12}",
        "[\\u{4e00}-\\u{4e40}]{1,4}",
        "[a-zA-Z.]{1,8}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

fn check(text: &str) {
    let scanner = Scanner::default();
    let findings = scanner.scan(text);
    let n = text.chars().count();
    let mut last_end = 0;
    for f in &findings {
        assert!(f.start < f.end, "empty span {f:?} in {text:?}");
        assert!(
            f.end <= n,
            "span {f:?} past the end ({n} chars) of {text:?}"
        );
        assert!(
            f.start >= last_end,
            "overlap or disorder at {f:?} in {text:?}"
        );
        assert!((0.0..=1.0).contains(&f.confidence));
        assert_eq!(f.text(text).chars().count(), f.end - f.start);
        last_end = f.end;
    }
    assert_eq!(mask(text, &findings).chars().count(), n);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_unicode(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn ocr_like_garbage(text in ocr_like()) {
        check(&text);
    }
}

#[test]
fn known_tricky_inputs() {
    for t in [
        "",
        " ",
        "身份证号",
        "姓名：",
        "\u{301}\u{301}1",
        "住址：   ",
        "电话：+86",
        "a@",
        "@b.cn",
        "1\u{301}3812345678",
        "１３８ １２３４ ５６７８",
        "姓 名 :   张\u{3000}三",
        "ﬁ㎒\u{FDFA}\u{1F600}",
    ] {
        check(t);
    }
}
