//! Person names: values of name fields (`姓名：张三`), of role fields (`交班者：詹鹏民`), names
//! after role words (`主治医生张敏华`) and before titles (`韩雪梅医生`, `王女士`).
//!
//! Running-text names without such cues are out of reach of rules; a NER model can add them.

use super::labels::{self, LabelHit, LabelKind};
use super::names::{can_be_in_name, is_surname, surname_len};
use super::normalize::is_han;
use super::{Detector, Finding, NormalizedText, PiiKind};

/// Finds person names in labelled fields and next to role words or titles.
#[derive(Debug, Clone, Copy, Default)]
pub struct PersonNameDetector;

/// Characters that may follow a name after a role word (`患者张三因…`).
const FOLLOW: &str = "男女因于为是的在等说诉自今之及和与、";

impl Detector for PersonNameDetector {
    fn name(&self) -> &'static str {
        "person_name"
    }

    fn detect(&self, text: &NormalizedText<'_>, out: &mut Vec<Finding>) {
        let hits = text.labels();
        for (i, hit) in hits.iter().enumerate() {
            let next_label = hits.get(i + 1).map_or(usize::MAX, |h| h.bytes.start);
            match hit.kind {
                LabelKind::Name => forward(text, hit, true, next_label, out),
                LabelKind::Patient | LabelKind::Role => forward(text, hit, false, next_label, out),
                LabelKind::Staff => {
                    forward(text, hit, false, next_label, out);
                    backward(text, hit, true, out);
                }
                LabelKind::Title => backward(text, hit, false, out),
                _ => {}
            }
        }
        role_fields(text, out);
        before_sex(text, out);
    }
}

/// Names after a role word and a colon (`考勤员：商爱`, `交班者：詹鹏民 接班者：汪澄琛`,
/// `负责人（签字）：孙骏`, `出席：岑峰、敖昊、仇华`), whatever the role: forms invent role words
/// faster than label lists grow, so any word [`labels::is_role_word`] accepts will do. As the role
/// is not known to take a name, the value must read as one by the strict rule of
/// [`strict_name`]; a `、` list of names is read in full.
fn role_fields(text: &NormalizedText<'_>, out: &mut Vec<Finding>) {
    let s = text.as_str();
    for (colon, _) in s.match_indices(':') {
        if !role_before(text, colon) {
            continue;
        }
        let (mut pos, _) = labels::skip_separator(s, colon);
        pos = skip_title(text, pos);
        while let Some(name) = strict_name(text, pos) {
            push(text, pos, &name, "person_name/role_field", 0.85, out);
            pos += name.iter().map(|c| c.len_utf8()).sum::<usize>();
            match s[pos..].strip_prefix('、') {
                Some(_) => pos += '、'.len_utf8(),
                None => break,
            }
        }
    }
}

/// Whether the cell before the colon at byte `colon` is a role word, after a signature mark
/// (`负责人（签字）`, `医师签名`): the Han characters back to the start of the cell.
fn role_before(text: &NormalizedText<'_>, colon: usize) -> bool {
    let s = text.as_str();
    let mut head = s[..colon].trim_end();
    for sign in SIGNATURE {
        if let Some(h) = head.strip_suffix(sign) {
            head = h.trim_end();
            break;
        }
    }
    let mut start = head.len();
    for (k, c) in head.chars().rev().enumerate() {
        if !is_han(c) {
            break;
        }
        if k == labels::MAX_ROLE_WORD {
            return false;
        }
        start -= c.len_utf8();
        if text.spaced_before(start) {
            break;
        }
    }
    labels::is_role_word(&head[start..])
}

/// Marks after a role word asking for a signature (`（签字）` reads `(签字)` once normalised).
const SIGNATURE: &[&str] = &[
    "(签字)", "(签名)", "(簽字)", "(簽名)", "签字", "签名", "簽字", "簽名",
];

/// Skips a title or staff word in a cell of its own at byte `pos` (`消防安全责任人：院长 房刚`).
fn skip_title(text: &NormalizedText<'_>, pos: usize) -> usize {
    let chars = han_run(text, pos);
    let n = cell_len(text, pos, &chars);
    let word: String = chars[..n].iter().collect();
    let title = matches!(
        labels::kind_of(&word),
        Some(LabelKind::Title | LabelKind::Staff)
    );
    if title && n < chars.len() {
        pos + word.len()
    } else {
        pos
    }
}

/// The name at byte `pos` if it reads as one without a label that asks for a name: a listed
/// surname and given-name characters, two to four characters (five with a two-character
/// surname), not an organisation (`华润集团`), and the whole cell: followed by a character other
/// than a Han one, a cell gap or a label.
fn strict_name(text: &NormalizedText<'_>, pos: usize) -> Option<Vec<char>> {
    let s = text.as_str();
    let mut chars = han_run(text, pos);
    chars.truncate(cell_len(text, pos, &chars));
    let sur = surname_len(&chars)?;
    let max = if sur == 2 { 5 } else { 4 };
    let n = chars.len();
    if n <= sur
        || n > max
        || !chars[sur..].iter().all(|&c| can_be_in_name(c))
        || ORGANISATION_ENDS.contains(chars[n - 1])
    {
        return None;
    }
    let end = pos + chars.iter().map(|c| c.len_utf8()).sum::<usize>();
    let whole_cell = s[end..].chars().next().is_none_or(|c| !is_han(c))
        || text.spaced_before(end)
        || text
            .labels()
            .binary_search_by_key(&end, |h| h.bytes.start)
            .is_ok();
    whole_cell.then_some(chars)
}

/// The Han characters at byte `pos`, at most six: the longest a name or a title before one is.
fn han_run(text: &NormalizedText<'_>, pos: usize) -> Vec<char> {
    text.as_str()[pos..]
        .chars()
        .take(6)
        .take_while(|&c| is_han(c))
        .collect()
}

/// Last characters of organisations, which a party or a role may be (`乙方：华润集团`).
const ORGANISATION_ENDS: &str = "院科室部处處办辦局委厅廳所站队隊组組会會司厂廠校馆館团團社店";

/// A name opening a clause and followed by the sex (`常建良，男，`, `王有为：男`), the usual
/// head of a resume or a case summary.
fn before_sex(text: &NormalizedText<'_>, out: &mut Vec<Finding>) {
    let s = text.as_str();
    for (sep, _) in s.match_indices([',', ':']) {
        if !s[sep + 1..].starts_with(['男', '女']) {
            continue;
        }
        let mut start = sep;
        let mut name: Vec<char> = Vec::new();
        for c in s[..sep].chars().rev() {
            if !is_han(c) || name.len() > 5 {
                break;
            }
            name.push(c);
            start -= c.len_utf8();
        }
        name.reverse();
        let Some(sur) = surname_len(&name) else {
            continue;
        };
        let max = if sur == 2 { 5 } else { 4 };
        if name.len() <= sur || name.len() > max || !name[sur..].iter().all(|&c| can_be_in_name(c))
        {
            continue;
        }
        out.push(text.finding(PiiKind::PersonName, start..sep, "person_name/sex", 0.75));
    }
}

/// A name right after a label.
fn forward(
    text: &NormalizedText<'_>,
    hit: &LabelHit,
    strong: bool,
    next_label: usize,
    out: &mut Vec<Finding>,
) {
    let s = text.as_str();
    let label_ascii = s[hit.bytes.clone()].is_ascii();
    let (pos, colon) = labels::skip_separator(s, hit.bytes.end);
    if label_ascii && !colon {
        return;
    }
    // A label and a value in cells of their own (`投诉人 敖峰 联系电话`) make a form field.
    let strong = strong || text.spaced_before(pos);
    let rest = &s[pos..next_label.clamp(pos, s.len())];
    if rest.starts_with(|c: char| c.is_ascii_uppercase()) {
        if colon {
            let len = latin_name_len(rest);
            if len > 0 {
                out.push(text.finding(
                    PiiKind::PersonName,
                    pos..pos + len,
                    "person_name/label",
                    0.85,
                ));
            }
        }
        return;
    }
    let mut chars: Vec<char> = rest.chars().take(6).take_while(|&c| is_han(c)).collect();
    chars.truncate(cell_len(text, pos, &chars));
    let Some(sur) = surname_len(&chars) else {
        if colon {
            // Any name after `姓名：`, even with a rare surname.
            let n = value_len(&chars, 0);
            // `联系人：院办公室` names an office, not a person
            if n >= 2 && chars[..n].iter().all(|&c| can_be_in_name(c)) {
                push(
                    text,
                    pos,
                    &chars[..n],
                    "person_name/label",
                    if strong { 0.9 } else { 0.8 },
                    out,
                );
            }
        }
        return;
    };
    if colon || strong {
        let n = value_len(&chars, sur);
        if n > sur {
            let confidence = if colon { 0.95 } else { 0.85 };
            push(text, pos, &chars[..n], "person_name/label", confidence, out);
        }
        return;
    }
    // A role word in running text: surname + given name, followed by a plausible next word.
    let after = |n: usize| -> Option<char> { rest.chars().nth(n) };
    for given in [2usize, 1] {
        let n = sur + given;
        if chars.len() < n || !chars[sur..n].iter().all(|&c| can_be_in_name(c)) {
            continue;
        }
        let next = after(n);
        let ok = match given {
            2 => next
                .is_none_or(|c| (!is_han(c) && !c.is_ascii_alphanumeric()) || FOLLOW.contains(c)),
            _ => {
                let tail: String = rest.chars().skip(n).take(2).collect();
                tail.starts_with(['男', '女', '因', '于'])
                    || tail.starts_with(",男")
                    || tail.starts_with(",女")
            }
        };
        if ok {
            push(
                text,
                pos,
                &chars[..n],
                "person_name/role",
                if given == 2 { 0.7 } else { 0.6 },
                out,
            );
            return;
        }
    }
}

/// A name right before a title or staff role (`韩雪梅医生`). Two-character names only before
/// a staff role and after a boundary (`，李明医师`): `关键先生`, `武汉教授` are not names.
fn backward(text: &NormalizedText<'_>, hit: &LabelHit, staff: bool, out: &mut Vec<Finding>) {
    let s = text.as_str();
    let before: Vec<char> = s[..hit.bytes.start].chars().rev().take(5).collect();
    let before: Vec<char> = before.into_iter().rev().collect();
    let n = before.len();
    let boundary = |len: usize| n == len || !is_han(before[n - len - 1]);
    let mut candidates: Vec<usize> = Vec::new();
    if n >= 4 && surname_len(&before[n - 4..]) == Some(2) {
        candidates.push(4);
    }
    if n >= 3 && is_surname(before[n - 3]) {
        candidates.push(3);
    }
    // After a title, a two-character name must end its clause (`李政先生，`, not `关键先生爆发`).
    let clause_ends = s[hit.bytes.end..]
        .chars()
        .next()
        .is_none_or(|c| !is_han(c) && !c.is_ascii_alphanumeric());
    if (staff || clause_ends) && n >= 2 && is_surname(before[n - 2]) && boundary(2) {
        candidates.push(2);
    }
    for len in candidates {
        let name = &before[n - len..];
        let sur = surname_len(name).unwrap_or(1);
        if sur < len && name[sur..].iter().all(|&c| can_be_in_name(c)) {
            let bytes: usize = name.iter().map(|c| c.len_utf8()).sum();
            let start = hit.bytes.start - bytes;
            out.push(text.finding(
                PiiKind::PersonName,
                start..hit.bytes.start,
                "person_name/title",
                0.6,
            ));
            return;
        }
    }
}

/// Characters of `chars` (starting at byte `pos`) before the first space of the original text
/// that normalisation dropped: `姓名 张三 科室` is a row of table cells, and the name ends at the
/// cell gap. Evenly spaced letters (`欧 阳 娜 娜`, OCR's letter spacing) are not cut.
fn cell_len(text: &NormalizedText<'_>, pos: usize, chars: &[char]) -> usize {
    let mut at = pos;
    for (k, c) in chars.iter().enumerate() {
        if k > 0 && text.spaced_before(at) {
            return if k >= 2 { k } else { chars.len() };
        }
        at += c.len_utf8();
    }
    chars.len()
}

/// Length of a name value of a labelled field: Han characters up to four (five with a
/// two-character surname), cut before a sex marker.
fn value_len(chars: &[char], sur: usize) -> usize {
    let max = if sur == 2 { 5 } else { 4 };
    let mut n = 0;
    for (i, &c) in chars.iter().enumerate().take(max) {
        if i >= 2 && (c == '男' || c == '女') {
            break;
        }
        if c == '某' || c == '氏' {
            return 0;
        }
        n = i + 1;
    }
    // A longer run is running text, not a name field value.
    if chars.len() > n && chars.len() > max && n == max {
        return 0;
    }
    n
}

/// Length in bytes of a Latin name (`John Smith`, `ZHANG San`): up to four capitalised words.
fn latin_name_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut end = 0;
    let mut i = 0;
    let mut words = 0;
    while i < b.len() && words < 4 {
        if !b[i].is_ascii_uppercase() {
            break;
        }
        let mut j = i + 1;
        while j < b.len() && (b[j].is_ascii_alphabetic() || b[j] == b'\'' || b[j] == b'-') {
            j += 1;
        }
        end = j;
        words += 1;
        if j < b.len() && b[j] == b' ' {
            i = j + 1;
        } else {
            break;
        }
    }
    end
}

fn push(
    text: &NormalizedText<'_>,
    pos: usize,
    chars: &[char],
    detector: &'static str,
    confidence: f32,
    out: &mut Vec<Finding>,
) {
    let value: String = chars.iter().collect();
    if NOT_NAMES.contains(&value.as_str()) {
        return;
    }
    out.push(text.finding(
        PiiKind::PersonName,
        pos..pos + value.len(),
        detector,
        confidence,
    ));
}

/// Values of name fields that are answers, not names (`部门负责人：同意`).
const NOT_NAMES: &[&str] = &["同意", "不同意", "同意报销", "已阅", "待定", "本人"];

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(t: &str) -> Vec<String> {
        let n = NormalizedText::new(t);
        let mut out = Vec::new();
        PersonNameDetector.detect(&n, &mut out);
        out.iter().map(|f| f.text(t).to_string()).collect()
    }

    #[test]
    fn labelled_fields() {
        assert_eq!(scan("姓名：张三 性别：男"), ["张三"]);
        assert_eq!(scan("姓 名 : 欧 阳 娜 娜"), ["欧 阳 娜 娜"]);
        assert_eq!(scan("姓名张三性别男"), ["张三"]);
        assert_eq!(scan("联系人: 买买提 电话"), ["买买提"]);
        assert_eq!(scan("Name: John Smith, 45"), ["John Smith"]);
        assert!(scan("姓名：某某").is_empty());
        // table cells: the value ends at the cell gap
        assert_eq!(scan("患者姓名 蒲熙远 就诊科室 内科"), ["蒲熙远"]);
        assert_eq!(scan("姓名：张三 内科"), ["张三"]);
        assert_eq!(scan("投诉人 敖峰 联系电话"), ["敖峰"]);
        assert!(scan("已向投诉人解释，并建议").is_empty());
        assert!(scan("部门负责人：同意 财务审核：").is_empty());
        assert!(scan("联系人：院办公室").is_empty());
    }

    #[test]
    fn names_after_role_labels() {
        assert_eq!(scan("交班人：吉蔚然 接班人：苟泽"), ["吉蔚然", "苟泽"]);
        assert_eq!(
            scan("审核药师：刘尧悦 调配药师：盛远英\n核对/发药：金鹏英 药品金额：12.5"),
            ["刘尧悦", "盛远英", "金鹏英"]
        );
        assert_eq!(scan("應出勤天數：22天 考勤員：蘭紅星"), ["蘭紅星"]);
        assert_eq!(
            scan("審覈藥師：榮楷 勞務員：岑梅廷 班組長：蒲琳"),
            ["榮楷", "岑梅廷", "蒲琳"]
        );
        assert_eq!(scan("销毁中心接收人：廖宇梦"), ["廖宇梦"]);
        assert_eq!(
            scan("带教老师：薛艳\n主查教師：陳堯菊 職稱：副主任醫師"),
            ["薛艳", "陳堯菊"]
        );
        assert_eq!(scan("负责人（签字）：孙骏\n2014年"), ["孙骏"]);
        assert_eq!(scan("乙方：仇晟（党委办公室档案管理员）"), ["仇晟"]);
        assert_eq!(scan("消防安全责任人：院长 房刚 13867348703"), ["房刚"]);
        assert_eq!(scan("记录：肖倩萱（联系电话：13127652101）"), ["肖倩萱"]);
    }

    #[test]
    fn lists_of_names_after_a_role() {
        assert_eq!(
            scan("出席：岑峰、敖昊、仇华晓\n"),
            ["岑峰", "敖昊", "仇华晓"]
        );
        assert_eq!(
            scan("調查組組長：倪利鳳\n調查組成員：卓彤、倪英越\n"),
            ["倪利鳳", "卓彤", "倪英越"]
        );
        // the list ends at the first item that is no name
        assert_eq!(scan("出席：岑峰、各科室主任"), ["岑峰"]);
    }

    #[test]
    fn role_fields_without_a_name() {
        assert!(scan("负责人：院长").is_empty());
        assert!(scan("联系人：见附件").is_empty());
        assert!(scan("负责人：党委办公室").is_empty());
        assert!(scan("乙方：华润集团").is_empty());
        assert!(scan("甲方：华西医院").is_empty());
        assert!(scan("经治醫師：廖醫師").is_empty());
        assert!(scan("擅长：严重创伤救治").is_empty());
        // running text, and a role word that is only the end of a longer word
        assert!(scan("外交部发言人：中方坚决反对").is_empty());
        assert!(scan("病程记录：张力性水疱").is_empty());
    }

    #[test]
    fn name_before_sex() {
        assert_eq!(scan("常建良，男，汉族"), ["常建良"]);
        assert_eq!(scan("1963年出生。苏洋：男，大学学历"), ["苏洋"]);
        assert!(scan("中年女性，男方").is_empty());
    }

    #[test]
    fn role_words_and_titles() {
        assert_eq!(scan("主治医生张敏华为他开具了药"), ["张敏华"]);
        assert_eq!(scan("目前正在韩雪梅医生的指导下"), ["韩雪梅"]);
        assert_eq!(scan("患者张三因腹痛入院"), ["张三"]);
        assert_eq!(scan("李政先生，公司副董事"), ["李政"]);
        assert!(scan("关键先生爆发").is_empty());
        assert!(scan("患者于今日入院，医生查房，患者自述无不适").is_empty());
    }
}
