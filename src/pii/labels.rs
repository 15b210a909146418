//! Field labels (`姓名`, `住院号`, `出生日期`, …) that introduce personal data in forms.
//!
//! All labels, Simplified and Traditional, are searched in one pass; detectors then look for a
//! label just before a candidate (context) or read the value right after one (labelled fields).
//! Labels that name other fields (`性别`, `年龄`, …) are indexed too: they end a value.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// What a label announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LabelKind {
    /// A person's name in a form field (`姓名`, `联系人`, `签名`).
    Name,
    /// A patient word often followed by the patient's name (`患者`, `病人`).
    Patient,
    /// A part in a case or a project (`投诉人`, `负责人`), followed by a name in a form, but in
    /// running text often by a verb (`向投诉人解释`).
    Role,
    /// A staff role written before or after a name (`医生`, `主治医师`).
    Staff,
    /// An address (`住址`, `家庭住址`).
    Address,
    /// A medical record number (`病案号`, `住院号`).
    Mrn,
    /// A health-insurance or social-security number (`医保卡号`).
    Insurance,
    /// A date of birth (`出生日期`).
    BirthDate,
    /// A resident ID number (`身份证号`).
    IdCard,
    /// A telephone number (`电话`, `手机`).
    Phone,
    /// A bank card or account number (`银行卡号`).
    BankCard,
    /// A title written after a name (`女士`, `教授`).
    Title,
    /// Another field (`性别`, `年龄`, …): not personal data itself, but it ends a value.
    Other,
}

/// One label occurrence in the normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelHit {
    /// Byte range in the normalised text.
    pub bytes: Range<usize>,
    /// What the label announces.
    pub kind: LabelKind,
}

const LABELS: &[(LabelKind, &[&str])] = &[
    (
        LabelKind::Name,
        &[
            "姓名",
            "患者姓名",
            "病人姓名",
            "患儿姓名",
            "联系人",
            "联系人姓名",
            "聯繫人",
            "聯絡人",
            "紧急联系人",
            "申请人",
            "申請人",
            "签名",
            "簽名",
            "签字",
            "簽字",
            "医师签名",
            "醫師簽名",
            "医生签名",
            "患者签名",
            "家属签名",
            "监护人",
            "監護人",
            "代理人",
            "委托人",
            "受托人",
            "被保险人",
            "投保人",
            "户主",
            "记录者",
            "记录人",
            "報告人",
            "报告人",
            "审核人",
            "审核者",
            "检验者",
            "检验人",
            "記錄人",
            "記錄者",
            "檢驗者",
            "審覈者",
            "報銷人",
            "报销人",
            "经办人",
            "經辦人",
            "领款人",
            "收款人",
            "填表人",
            "主持人",
            "主讲人",
            "受访人",
            "受訪人",
            "承诺人",
            "承諾人",
            "讲师",
            "講師",
            "培训讲师",
            "培訓講師",
            "授课教师",
            "被考核人",
            "考核人",
            "总值班",
            "總值班",
            "带班领导",
            "帶班領導",
            "值班人",
            "值班人员",
            "值班人員",
            "值班医师",
            "值班醫師",
            "值班医生",
            "值班护士",
            "值班護士",
            "责任人",
            "責任人",
            "Name",
            "Patient Name",
            "Employee",
            "Employee Name",
            "Physician",
            "physician",
            "Attending Physician",
            "Attending physician",
            "Signature",
        ],
    ),
    (
        LabelKind::Role,
        &[
            "投诉人",
            "投訴人",
            "被投诉人",
            "接待人",
            "捐赠人",
            "捐贈人",
            "负责人",
            "負責人",
            "项目负责人",
            "項目負責人",
        ],
    ),
    (
        LabelKind::Patient,
        &["患者", "病人", "患儿", "病員", "病员", "Patient"],
    ),
    (
        LabelKind::Staff,
        &[
            "医生",
            "醫生",
            "医师",
            "醫師",
            "大夫",
            "护士",
            "護士",
            "主治医生",
            "主治医师",
            "主治醫師",
            "经治医师",
            "住院医师",
            "主任医师",
            "副主任医师",
            "主管医师",
            "责任护士",
            "送检医生",
            "送检医师",
            "送檢醫師",
            "报告医师",
            "审核医师",
            "手术医师",
            "手術醫師",
            "麻醉医师",
            "麻醉醫師",
            "术者",
            "術者",
            "科主任",
            "编码员",
            "編碼員",
            "质控医师",
            "质控护士",
            "Dr.",
        ],
    ),
    (
        LabelKind::Address,
        &[
            "住址",
            "地址",
            "家庭住址",
            "家庭地址",
            "现住址",
            "現住址",
            "现住",
            "户籍地址",
            "户口地址",
            "户籍地",
            "通讯地址",
            "通訊地址",
            "联系地址",
            "聯絡地址",
            "居住地址",
            "居住地",
            "工作单位地址",
            "居住于",
            "居住在",
            "家住",
            "Address",
        ],
    ),
    (
        LabelKind::Mrn,
        &[
            "病案号",
            "病案號",
            "病案号码",
            "住院病案号",
            "病历号",
            "病歷號",
            "住院号",
            "住院號",
            "门诊号",
            "門診號",
            "门诊病历号",
            "就诊卡号",
            "就診卡號",
            "就诊号",
            "诊疗卡号",
            "ID号",
            "患者ID",
            "病人ID",
            "登记号",
            "影像号",
            "X线号",
            "CT号",
            "MR号",
            "检查号",
            "病理号",
            "MRN",
        ],
    ),
    (
        LabelKind::Insurance,
        &[
            "医保卡号",
            "醫保卡號",
            "医保号",
            "医保编号",
            "医保个人编号",
            "社保卡号",
            "社保卡號",
            "社保号",
            "社会保障号",
            "社会保障卡号",
            "社会保障号码",
            "医疗保险号",
            "医疗保险卡号",
            "参保号",
            "新农合号",
            "合作医疗证号",
            "医疗证号",
        ],
    ),
    (
        LabelKind::BirthDate,
        &[
            "出生日期",
            "出生年月",
            "出生年月日",
            "出生时间",
            "出生時間",
            "出生",
            "生日",
            "DOB",
            "Date of Birth",
        ],
    ),
    (
        LabelKind::IdCard,
        &[
            "身份证",
            "身份证号",
            "身份证号码",
            "身份證",
            "身份證號",
            "身份證號碼",
            "公民身份号码",
            "身份号码",
            "证件号",
            "证件号码",
            "證件號碼",
        ],
    ),
    (
        LabelKind::Phone,
        &[
            "电话",
            "電話",
            "联系电话",
            "聯繫電話",
            "聯絡電話",
            "电话号码",
            "手机",
            "手機",
            "手机号",
            "手机号码",
            "联系方式",
            "座机",
            "固话",
            "Tel",
            "TEL",
            "Phone",
            "Mobile",
        ],
    ),
    (
        LabelKind::BankCard,
        &[
            "银行卡",
            "銀行卡",
            "银行卡号",
            "卡号",
            "账号",
            "帳號",
            "帐号",
            "银行账号",
            "开户账号",
            "储蓄卡",
            "信用卡",
            "借记卡",
        ],
    ),
    (
        LabelKind::Title,
        &[
            "女士",
            "先生",
            "小姐",
            "教授",
            "副教授",
            "老师",
            "院长",
            "副院长",
            "同志",
            "主任",
            "副主任",
        ],
    ),
    (
        LabelKind::Other,
        &[
            "性别",
            "性別",
            "年龄",
            "年齡",
            "民族",
            "职业",
            "職業",
            "科室",
            "科别",
            "床号",
            "床號",
            "病区",
            "婚姻",
            "婚否",
            "籍贯",
            "國籍",
            "国籍",
            "单位",
            "日期",
            "入院",
            "出院",
            "诊断",
            "診斷",
            "关系",
            "邮编",
            "血型",
            "病室",
            "身高",
            "体重",
            "学历",
            "文化程度",
            "邮箱",
            "电子邮箱",
            "Email",
            "E-mail",
            "Sex",
            "Age",
        ],
    ),
];

/// Endings of role words: a word ending so (`考勤员`, `交班者`, `审核药师`, `带教老师`, `班组长`,
/// `调查组成员`, `销毁中心接收人`) names the person who holds the role, whatever the role is.
/// Forms invent such words freely, so they are recognised by their ending, not listed.
const ROLE_ENDINGS: &[&str] = &[
    "人", "员", "員", "者", "师", "師", "长", "長", "主任", "领导", "領導",
];

/// Words with a role ending that name no role (`擅长`, `身长`).
const NOT_ROLES: &[&str] = &[
    "擅长", "擅長", "专长", "專長", "特长", "特長", "身长", "身長", "增长", "增長", "延长", "延長",
    "成长", "成長", "生长", "生長", "时长", "時長", "或者", "再者", "前者", "后者", "後者",
];

/// Role words without a role ending: attending or signing a record (`出席`, `记录`, `核对`) and
/// the parties of an agreement (`乙方`). They must be the whole word: `病程记录` is no role.
const ROLE_ACTS: &[&str] = &[
    "出席", "列席", "缺席", "参加", "參加", "记录", "記錄", "主持", "审核", "審核", "審覈", "审批",
    "審批", "批准", "核对", "核對", "覈對", "复核", "複核", "覆核", "发药", "發藥", "调配", "調配",
    "甲方", "乙方", "丙方",
];

/// Most characters of a role word (`科室消防安全管理人`); a longer run is running text.
pub const MAX_ROLE_WORD: usize = 10;

/// Whether `word`, Han characters only, names a role that a form writes a person's name after
/// (`值班员`, `查閱人`, `主查教师`, `出席`): a word with a role ending or a role act.
pub fn is_role_word(word: &str) -> bool {
    ROLE_ACTS.contains(&word) || has_role_ending(word)
}

/// Whether `word`, Han characters only, is a role by its ending (`值班员`, `查閱人`, `主查教师`):
/// two to [`MAX_ROLE_WORD`] characters. Patient words (`病人`) have rules of their own.
pub fn has_role_ending(word: &str) -> bool {
    (2..=MAX_ROLE_WORD).contains(&word.chars().count())
        && ROLE_ENDINGS
            .iter()
            .any(|e| word.ends_with(e) && word.len() > e.len())
        && !NOT_ROLES.contains(&word)
        && kind_of(word) != Some(LabelKind::Patient)
}

/// Labels grouped by first character, longest first, with a bitmap of those characters.
struct Index {
    first: Box<[u64; 1024]>,
    by_first: Vec<(char, Vec<(&'static str, LabelKind)>)>,
}

static INDEX: LazyLock<Index> = LazyLock::new(|| {
    let mut first = Box::new([0u64; 1024]);
    let mut by_first: HashMap<char, Vec<(&'static str, LabelKind)>> = HashMap::new();
    for (kind, words) in LABELS {
        for w in *words {
            let c = w.chars().next().expect("labels are not empty");
            let u = c as usize;
            first[u / 64] |= 1 << (u % 64);
            by_first.entry(c).or_default().push((w, *kind));
        }
    }
    // Longest first, so that `家庭住址` wins over `家庭`, `医保卡号` over `医保号`.
    for v in by_first.values_mut() {
        v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }
    let mut by_first: Vec<_> = by_first.into_iter().collect();
    by_first.sort_by_key(|(c, _)| *c);
    Index { first, by_first }
});

/// What `word` announces when the whole word is a label (`姓名` → [`LabelKind::Name`]).
pub fn kind_of(word: &str) -> Option<LabelKind> {
    let c = word.chars().next()?;
    let index = &*INDEX;
    let at = index.by_first.binary_search_by_key(&c, |(f, _)| *f).ok()?;
    index.by_first[at]
        .1
        .iter()
        .find(|(w, _)| *w == word)
        .map(|&(_, kind)| kind)
}

/// Finds all labels in `text`, leftmost-longest, in order, not overlapping.
pub fn find(text: &str) -> Vec<LabelHit> {
    let index = &*INDEX;
    let b = text.as_bytes();
    let mut hits = Vec::new();
    let mut skip_to = 0;
    for (i, c) in text.char_indices() {
        let u = c as usize;
        if i < skip_to || u >= 65536 || index.first[u / 64] & (1 << (u % 64)) == 0 {
            continue;
        }
        let Ok(at) = index.by_first.binary_search_by_key(&c, |(f, _)| *f) else {
            continue;
        };
        let words = &index.by_first[at].1;
        let rest = &text[i..];
        let Some(&(w, kind)) = words.iter().find(|(w, _)| rest.starts_with(w)) else {
            continue;
        };
        // An ASCII label must not be glued to a longer word (`Username`, `Telnet`).
        if w.is_ascii() {
            let before = i.checked_sub(1).map(|k| b[k]);
            let after = b.get(i + w.len()).copied();
            if before.is_some_and(|c| c.is_ascii_alphabetic())
                || after.is_some_and(|c| c.is_ascii_alphabetic())
            {
                continue;
            }
        }
        hits.push(LabelHit {
            bytes: i..i + w.len(),
            kind,
        });
        skip_to = i + w.len();
    }
    hits
}

/// Skips separators between a label and its value (`:`, spaces, `号码为`, `是` …) and returns
/// the byte offset where the value starts and whether an explicit colon was seen.
pub fn skip_separator(text: &str, mut pos: usize) -> (usize, bool) {
    let mut colon = false;
    let rest = &text[pos..];
    for c in rest.chars() {
        match c {
            ':' | '=' => colon = true,
            ' ' | '\t' | '.' | '#' | '为' | '是' | '爲' | '為' | '：' => {}
            _ => break,
        }
        pos += c.len_utf8();
    }
    (pos, colon)
}

/// Byte range of an identifier value (`ZY2023-00123`) right after a label ending at `pos`:
/// letters, digits and inner hyphens, `min_len`–32 characters with at least `min_digits` digits.
pub fn identifier_after(
    text: &str,
    pos: usize,
    min_len: usize,
    min_digits: usize,
) -> Option<Range<usize>> {
    let (start, _) = skip_separator(text, pos);
    let b = text.as_bytes();
    let mut end = start;
    while end < b.len() && (b[end].is_ascii_alphanumeric() || b[end] == b'-') {
        end += 1;
    }
    while end > start && b[end - 1] == b'-' {
        end -= 1;
    }
    let value = &b[start..end];
    let digits = value.iter().filter(|c| c.is_ascii_digit()).count();
    (value.len() >= min_len && value.len() <= 32 && digits >= min_digits).then_some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_label_wins() {
        let hits = find("医保卡号:123 家庭住址:x 卡号:9");
        let kinds: Vec<_> = hits.iter().map(|h| h.kind).collect();
        assert_eq!(
            kinds,
            [
                LabelKind::Insurance,
                LabelKind::Address,
                LabelKind::BankCard
            ]
        );
    }

    #[test]
    fn identifiers_after_labels() {
        let t = "住院号：ZY-2023-0012- 床号";
        let hit = &find(t)[0];
        let r = identifier_after(t, hit.bytes.end, 4, 3).unwrap();
        assert_eq!(&t[r], "ZY-2023-0012");
        assert!(identifier_after("号: abc", 0, 4, 3).is_none());
    }

    #[test]
    fn role_words() {
        for w in [
            "考勤员",
            "班組長",
            "交班者",
            "审核药师",
            "帶教老師",
            "维修工程师",
            "调查组成员",
        ] {
            assert!(is_role_word(w), "{w}");
        }
        assert!(is_role_word("出席") && !has_role_ending("出席"));
        for w in ["人", "擅长", "病人", "病程记录", "出席会议"] {
            assert!(!is_role_word(w), "{w}");
        }
    }

    #[test]
    fn ascii_labels_need_word_boundaries() {
        assert!(find("Username: x").is_empty());
        assert_eq!(find("Tel: 1").len(), 1);
    }
}
