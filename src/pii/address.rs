//! Postal addresses: values of address fields (`住址：…`) and province–city–district–street
//! patterns down to a door number (`浙江省杭州市西湖区文三路826号`).

use std::sync::LazyLock;

use regex::Regex;

use super::labels::{self, LabelKind};
use super::normalize::is_han;
use super::{Detector, Finding, NormalizedText, PiiKind};

/// Finds addresses in labelled fields and as administrative-division patterns.
#[derive(Debug, Clone, Copy, Default)]
pub struct AddressDetector;

/// Longest labelled value, in characters.
const MAX_VALUE: usize = 60;

/// Characters that mark an address (administrative levels, streets, door numbers).
const MARKERS: &str = "省市区县镇乡村路街道巷弄号栋幢楼室组屯里苑元寓厦座层";

static PATTERN: LazyLock<Regex> = LazyLock::new(|| {
    let provinces = "北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门";
    let unit = r"(?:号|弄|栋|幢|座|室|楼|层|单元)";
    let pattern = format!(
        r"(?:{provinces})(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)?(?:\p{{Han}}{{1,6}}?(?:市|自治州|州|盟|地区))?\p{{Han}}{{1,6}}?(?:区|县|旗|市)(?:[\p{{Han}}A-Za-z0-9]{{1,14}}?(?:街道|大街|大道|胡同|小区|花园|公寓|大厦|广场|新村|新区|路|街|道|巷|弄|镇|乡|村|苑))+(?:[A-Za-z]?\d+(?:-\d+)?{unit})*"
    );
    Regex::new(&pattern).expect("address pattern is valid")
});

/// A door number: digits followed by a unit.
static DOOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d+(?:-\d+)?(?:号|弄|栋|幢|座|室|楼|层|单元)").expect("door pattern is valid")
});

impl Detector for AddressDetector {
    fn name(&self) -> &'static str {
        "address"
    }

    fn detect(&self, text: &NormalizedText<'_>, out: &mut Vec<Finding>) {
        let s = text.as_str();
        for m in PATTERN.find_iter(s) {
            let confidence = if DOOR.is_match(m.as_str()) {
                0.85
            } else if m.as_str().contains('村') {
                0.75
            } else {
                continue;
            };
            out.push(text.finding(PiiKind::Address, m.range(), "address/pattern", confidence));
        }
        let hits = text.labels();
        for (i, hit) in hits.iter().enumerate() {
            if hit.kind != LabelKind::Address {
                continue;
            }
            let next_label = hits.get(i + 1).map_or(s.len(), |h| h.bytes.start);
            let (pos, _) = labels::skip_separator(s, hit.bytes.end);
            let limit = next_label.max(pos);
            let mut end = pos;
            let mut han = 0;
            let mut markers = 0;
            let mut digits_in_row = 0;
            let mut run_start = pos;
            for (k, c) in s[pos..limit].chars().enumerate() {
                if k >= MAX_VALUE || matches!(c, '\n' | '\r' | '。' | ',' | ';' | '；' | '、' | '|')
                {
                    break;
                }
                if c == ' ' && !s[end + 1..].starts_with(|d: char| d.is_ascii_digit()) {
                    break;
                }
                if c.is_ascii_digit() {
                    if digits_in_row == 0 {
                        run_start = end;
                    }
                    digits_in_row += 1;
                    if digits_in_row >= 7 {
                        // A phone or ID number follows without separator.
                        end = run_start;
                        break;
                    }
                } else {
                    digits_in_row = 0;
                }
                han += usize::from(is_han(c));
                markers += usize::from(MARKERS.contains(c));
                end += c.len_utf8();
            }
            // Cut running text after the last address marker (`…文三路456号的企业主`).
            let value = &s[pos..end];
            let end = match value.rfind(|c: char| MARKERS.contains(c) || c.is_ascii_digit()) {
                Some(i) if !value[i..].chars().skip(1).any(|c| c.is_ascii_digit()) => {
                    pos + i + value[i..].chars().next().map_or(0, char::len_utf8)
                }
                _ => pos + value.trim_end().len(),
            };
            if han >= 3 && markers >= 2 && s[pos..end].chars().count() >= 4 {
                out.push(text.finding(PiiKind::Address, pos..end, "address/label", 0.9));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(t: &str) -> Vec<String> {
        let n = NormalizedText::new(t);
        let mut out = Vec::new();
        AddressDetector.detect(&n, &mut out);
        out.iter().map(|f| f.text(t).to_string()).collect()
    }

    #[test]
    fn patterns_need_a_door_number_or_village() {
        assert_eq!(
            scan("现居住于黑龙江省哈尔滨市南岗区中山路123号，可通过"),
            [
                "黑龙江省哈尔滨市南岗区中山路123号",
                "黑龙江省哈尔滨市南岗区中山路123号"
            ]
        );
        assert!(scan("浙江省杭州市西湖区一小区发生火灾").is_empty());
    }

    #[test]
    fn labelled_values() {
        assert_eq!(
            scan("住址：承德市双滦区丝绸厂家属区，电话"),
            ["承德市双滦区丝绸厂家属区"]
        );
        assert_eq!(scan("家庭住址:朝阳路5号13812345678"), ["朝阳路5号"]);
        assert!(scan("地址：无").is_empty());
    }
}
