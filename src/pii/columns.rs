//! Values in table columns: a header row with a name, card or record-number column
//! (`序号 姓名 科室 银行卡号`, `序号 病案号 姓名`) and the rows under it (`1 张三 内科 6217…`),
//! where the label stands lines above its value.
//! OCR and the corpus both write a table row as one line with its cells separated by spaces, so
//! cells are read from the original text, where those spaces are still there (normalisation
//! drops spaces between Han characters).

use super::cn_id::{IdValidity, validate_cn_id};
use super::digits::luhn;
use super::labels::{self, LabelKind};
use super::names::{can_be_in_name, surname_len};
use super::normalize::is_han;
use super::{Detector, Finding, NormalizedText, PiiKind};

/// Finds names, bank card numbers and record numbers in the columns of tables.
#[derive(Debug, Clone, Copy, Default)]
pub struct TableColumnDetector;

impl Detector for TableColumnDetector {
    fn name(&self) -> &'static str {
        "table_column"
    }

    fn detect(&self, text: &NormalizedText<'_>, out: &mut Vec<Finding>) {
        // No label gates this: a header may hold only a role word no list has (`查阅人`), and
        // lines without cell gaps are passed over cheaply.
        values_in_columns(text.original(), out);
    }
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Holds {
    Name,
    Card,
    Record,
}

/// Rows without a name under the header after which the table is taken to have ended.
const MAX_MISSES: usize = 3;

/// Cells with Han characters looked at for a name, from the name column on: OCR runs the tail of
/// the row above into the start of a row (`果 建议1 盛泰勇 男 27`), which moves the name right.
const NAME_REACH: usize = 2;

/// One whitespace-separated cell of a line, with its character range in the whole text.
struct Cell<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

/// Finds values in the name and card columns of tables in `text` (offsets in characters).
fn values_in_columns(text: &str, out: &mut Vec<Finding>) {
    // the columns of the table being read: (index, what it holds)
    let mut header: Option<Vec<(usize, Holds)>> = None;
    let mut misses = 0;
    let mut offset = 0;
    let mut row = Vec::new();
    for line in text.split('\n') {
        let line_offset = offset;
        offset += line.chars().count() + 1;
        // a header has at least two gaps; skip other lines outside tables cheaply
        if header.is_none() && !line.contains([' ', '\t', '\u{3000}']) {
            continue;
        }
        cells(line, line_offset, &mut row);
        if let Some(columns) = header_columns(&row)
            .or_else(|| header_after_text(&row))
            .or_else(|| header_before_row(&row))
        {
            header = Some(columns);
            misses = 0;
            continue;
        }
        let Some(columns) = &header else {
            continue;
        };
        if row.is_empty() {
            header = None;
            continue;
        }
        if row.len() < 2 {
            // a wrapped cell (`建议`): the table may go on below it
            misses += 1;
            if misses >= MAX_MISSES {
                header = None;
            }
            continue;
        }
        let mut found = false;
        for &(j, holds) in columns {
            let Some(cell) = value_under(&row, j, holds) else {
                continue;
            };
            if out.iter().rev().take(4).any(|f| f.start == cell.start) {
                continue;
            }
            let (kind, detector, confidence) = match holds {
                Holds::Name => (PiiKind::PersonName, "person_name/column", 0.8),
                Holds::Card => (PiiKind::BankCard, "bank_card/column", 0.85),
                Holds::Record => (PiiKind::Mrn, "mrn/column", 0.85),
            };
            out.push(Finding {
                kind,
                start: cell.start,
                end: cell.end,
                detector,
                confidence,
            });
            found = true;
        }
        misses = if found { 0 } else { misses + 1 };
        if misses >= MAX_MISSES {
            header = None;
        }
    }
}

/// The cells of `line`, which starts at character `offset` of the text, into `out`.
fn cells<'t>(line: &'t str, offset: usize, out: &mut Vec<Cell<'t>>) {
    out.clear();
    let mut start: Option<(usize, usize)> = None; // (byte, char) where the open cell began
    let mut chars = 0;
    for (b, c) in line.char_indices() {
        if c.is_whitespace() {
            if let Some((sb, sc)) = start.take() {
                out.push(Cell {
                    text: &line[sb..b],
                    start: offset + sc,
                    end: offset + chars,
                });
            }
        } else if start.is_none() {
            start = Some((b, chars));
        }
        chars += 1;
    }
    if let Some((sb, sc)) = start {
        out.push(Cell {
            text: &line[sb..],
            start: offset + sc,
            end: offset + chars,
        });
    }
}

/// The value of a row under header column `j`. Cells with spaces inside (`188 2003 2834`,
/// `3g po tid`) split into several, which moves later cells to the right, so the first cell
/// from `j` on that could hold such a value is the candidate: for a name the first cell with Han
/// characters, which must read as a name, or the next if that one is debris of the row above
/// (see [`NAME_REACH`]); for a card the first cell of 16–19 digits that passes the Luhn check and
/// is no resident ID, or, failing that, such a cell just before the column.
fn value_under<'r, 't>(row: &'r [Cell<'t>], j: usize, holds: Holds) -> Option<&'r Cell<'t>> {
    let rest = row.get(j..)?;
    match holds {
        Holds::Name => {
            for cell in rest
                .iter()
                .filter(|c| c.text.chars().any(is_han))
                .take(NAME_REACH)
            {
                if is_name(cell.text) {
                    return Some(cell);
                }
                // only debris of the row above (`建议1`, `果`) is passed over
                let debris =
                    cell.text.chars().count() == 1 || cell.text.chars().any(|c| c.is_ascii_digit());
                if !debris {
                    return None;
                }
            }
            None
        }
        Holds::Card => {
            let card = |c: &&Cell<'t>| {
                let d = c.text.as_bytes();
                (16..=19).contains(&d.len())
                    && d[0] != b'0'
                    && luhn(d)
                    && validate_cn_id(d) == IdValidity::Invalid
            };
            // an empty cell earlier in the row moves the card to the left: one or two cells back
            rest.iter()
                .find(card)
                .or_else(|| row[..j].iter().rev().take(CARD_REACH_BACK).find(card))
        }
        Holds::Record => rest.iter().take(3).find(|c| is_record_number(c.text)),
    }
}

/// How many cells before its column a card number is looked for, when empty cells earlier in
/// the row (`借支` left blank) have moved it left.
const CARD_REACH_BACK: usize = 2;

/// Whether a cell under a record-number column reads as one: letters, digits and hyphens, at
/// least three digits, and neither a date (`2023-05-01`) nor a mobile number.
fn is_record_number(cell: &str) -> bool {
    let b = cell.as_bytes();
    let digits = b.iter().filter(|c| c.is_ascii_digit()).count();
    let date =
        b.len() <= 10 && b.len() >= 8 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-';
    let mobile = b.len() == 11 && digits == 11 && b[0] == b'1';
    (3..=32).contains(&b.len())
        && digits >= 3
        && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
        && !date
        && !mobile
}

/// The columns of a header row that hold names, card or record numbers: three or more cells of
/// at most [`MAX_HEADER_CELL`] characters without digits, one of them a name, staff, card or
/// record label (`姓名`, `医师签名`, `总值班`, `银行卡号`, `病案号`), a word with a role ending
/// (`值班员`, `查阅人`) or an approval (`定密责任人审批`). Role acts (`批准`) are not taken: in
/// a table they are more often an opinion in a cell than a column. A label followed by a name is a row of a form
/// (`姓名 张三 科室 内科`), not a header.
fn header_columns(row: &[Cell<'_>]) -> Option<Vec<(usize, Holds)>> {
    if row.len() < 3
        || row.iter().any(|c| {
            c.text.chars().count() > MAX_HEADER_CELL || c.text.chars().any(|c| c.is_ascii_digit())
        })
    {
        return None;
    }
    let columns: Vec<(usize, Holds)> = (0..row.len())
        .filter_map(|j| {
            let cell = row[j].text;
            match header_kind(cell) {
                Some(LabelKind::Name | LabelKind::Role | LabelKind::Staff) => {
                    Some((j, Holds::Name))
                }
                Some(LabelKind::BankCard) => Some((j, Holds::Card)),
                Some(LabelKind::Mrn) => Some((j, Holds::Record)),
                _ if labels::has_role_ending(cell) || is_approval(cell) => Some((j, Holds::Name)),
                _ => None,
            }
        })
        .collect();
    let form_row = columns
        .iter()
        .any(|&(j, _)| row.get(j + 1).is_some_and(|c| is_strict_name(c.text)));
    if columns.is_empty() || form_row {
        return None;
    }
    // OCR spaces a header word out (`序 号 姓名`); its characters stand for one column of the rows
    let spaced = |k: usize| row[k].text.chars().count() == 1 && row[k].text.chars().all(is_han);
    let logical = |j: usize| {
        (0..j)
            .filter(|&k| !(k > 0 && spaced(k) && spaced(k - 1)))
            .count()
    };
    Some(columns.into_iter().map(|(j, h)| (logical(j), h)).collect())
}

/// The label kind of a header cell; a cell of alternatives (`住院号/工号`: a patient's record
/// number or a staff number) takes the first alternative that is a label.
fn header_kind(cell: &str) -> Option<LabelKind> {
    labels::kind_of(cell).or_else(|| cell.split(['/', '／']).find_map(labels::kind_of))
}

/// Longest header cell (`消防设施操作员证号`, `承办部门负责人意见`).
const MAX_HEADER_CELL: usize = 10;

/// Endings of an approval column of a signature table: the opinion goes in the cell under it and
/// the signer's name in the cell under that.
const APPROVAL_ENDINGS: &[&str] = &[
    "意见", "意見", "审批", "審批", "审核", "審核", "審覈", "签字", "簽字", "签名", "簽名",
];

/// Places whose approval a signature table asks for (`保密办公室审核意见`).
const OFFICE_ENDINGS: &[&str] = &[
    "办公室",
    "辦公室",
    "部门",
    "部門",
    "科室",
    "委员会",
    "委員會",
];

/// Whether a header cell asks a role or an office for its approval (`定密责任人审批`,
/// `承办部门负责人意见`, `保密办公室审核意见`), which the signer's name goes under.
fn is_approval(cell: &str) -> bool {
    let mut who = cell;
    // `审核意见`: an approval ending may stand on another
    for _ in 0..2 {
        if let Some(e) = APPROVAL_ENDINGS.iter().find(|e| who.ends_with(*e)) {
            who = &who[..who.len() - e.len()];
        }
    }
    who.len() < cell.len()
        && (labels::has_role_ending(who) || OFFICE_ENDINGS.iter().any(|e| who.ends_with(e)))
}

/// A header that OCR ran onto the end of the line above it (`日期:2021年4月15日序号 姓名 性别
/// 年龄 临床诊断`): the cells after the last one with a digit, four or more, none of them a name.
/// Column indices count from the first of those cells; a row's value is looked for from its
/// column on, so a row with more cells before it (`1 张三 …` under `姓名 …`) still reads.
fn header_after_text(row: &[Cell<'_>]) -> Option<Vec<(usize, Holds)>> {
    let last_digit = row
        .iter()
        .rposition(|c| c.text.chars().any(|c| c.is_ascii_digit()))?;
    let tail = &row[last_digit + 1..];
    if tail.len() < 4 || tail.iter().any(|c| is_strict_name(c.text)) {
        return None;
    }
    header_columns(tail)
}

/// A header with the first row run onto its end (`序号 日期 姓名 就诊卡号 金额 经办人1 2021年…`):
/// the cells before the first one with a digit, four or more. (A row of the table itself starts
/// with its number, so it leaves no such cells.)
fn header_before_row(row: &[Cell<'_>]) -> Option<Vec<(usize, Holds)>> {
    let first_digit = row
        .iter()
        .position(|c| c.text.chars().any(|c| c.is_ascii_digit()))?;
    let head = &row[..first_digit];
    if head.len() < 4 {
        return None;
    }
    header_columns(head)
}

/// Whether a cell under a name column reads as a Chinese name: a listed surname and a given
/// name, two to four characters (five with a two-character surname). Under a name column any
/// given name goes (`林向`); names with surnames we do not list are missed rather than taking
/// every short cell (`局部浸润` of a wrapped order) for a name.
fn is_name(cell: &str) -> bool {
    let chars: Vec<char> = cell.chars().collect();
    if chars.len() < 2
        || chars.len() > 5
        || !chars.iter().all(|&c| is_han(c))
        || chars.contains(&'某')
        || labels::kind_of(cell).is_some()
    {
        return false;
    }
    surname_len(&chars)
        .is_some_and(|sur| chars.len() > sur && chars.len() <= if sur == 2 { 5 } else { 4 })
}

/// A name even outside a name column: a listed surname and a given name of name characters.
fn is_strict_name(cell: &str) -> bool {
    let chars: Vec<char> = cell.chars().collect();
    is_name(cell)
        && surname_len(&chars).is_some_and(|sur| chars[sur..].iter().all(|&c| can_be_in_name(c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        values_in_columns(text, &mut out);
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let byte = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
        out.iter()
            .map(|f| &text[byte(f.start)..byte(f.end)])
            .collect()
    }

    #[test]
    fn names_under_a_name_column() {
        let table =
            "名单\n序号 姓名 科室 联系电话\n1 张三丰 内科 13800138000\n2 欧阳娜娜 外科 13900139000";
        assert_eq!(scan(table), ["张三丰", "欧阳娜娜"]);
        let rota = "日期 星期 总值班 联系电话 带班领导 联系电话\n6月1日 五 贺琳舜 18323940211 盛爱锐 15926888545";
        assert_eq!(scan(rota), ["贺琳舜", "盛爱锐"]);
    }

    #[test]
    fn names_under_a_role_column() {
        let log = "班次 时间 值班员 消防设施操作员证号 联系电话\n\
                   白班 08:00—20:00 车尧东 4678164970734 13168553210\n\
                   夜班 20:00—次日08:00 任璐 4639504840027 15916983228\n";
        assert_eq!(scan(log), ["车尧东", "任璐"]);
        let register = "日期 查閱人 聯繫電話 利用目的\n6-27 師程平 13746000000 撰寫論文\n";
        assert_eq!(scan(register), ["師程平"]);
    }

    #[test]
    fn signers_under_approval_columns() {
        let text = "承办部门负责人意见 保密办公室审核意见 定密责任人审批\n\
                    同意 符合定密权限和程序 批准\n\
                    慕容利 瞿妍子 舒琪\n\
                    注：本表一式两份，承办部门和保密办公室各存一份。\n";
        assert_eq!(scan(text), ["慕容利", "瞿妍子", "舒琪"]);
        // an opinion column without a role or an office is no approval
        assert!(!is_approval("处理意见"));
        assert!(is_approval("定密責任人審批"));
    }

    #[test]
    fn card_numbers_under_a_card_column() {
        let table = "序号 姓名 实发金额 银行卡号\n1 沈海 7668.15 6217007971795092\n2 张三 100.00 6217007971795093";
        assert_eq!(scan(table), ["沈海", "6217007971795092", "张三"]);
        // an empty cell (no advance paid) moves the card left; the ID number is never taken
        let table = "序号 姓名 身份证号 应发 借支 实发 银行卡号\n\
                     1 孟平洁 330102196306238743 7250.00 7250.00 6216614082536231717";
        assert_eq!(scan(table), ["孟平洁", "6216614082536231717"]);
    }

    #[test]
    fn record_numbers_under_a_record_column() {
        let table = "序号 病案号 姓名 出院日期 联系电话\n1 ZY2023001 张三 2023-05-01 13800138000\n2 00456789 李四 2023-05-02 13900139000";
        assert_eq!(scan(table), ["ZY2023001", "张三", "00456789", "李四"]);
        // an empty record cell does not take the date or the phone number
        let table = "序号 姓名 就诊卡号 日期 电话\n1 张三 无 2023-05-01 13800138000";
        assert_eq!(scan(table), ["张三"]);
        // a header of alternatives: the record number of a patient, a dash for a visitor
        let table =
            "序号 姓名 性别 住院号/工号 伤情\n1 易露秋 女 2016873707 烧伤\n2 宁铭岚 女 — 惊吓";
        assert_eq!(scan(table), ["易露秋", "2016873707", "宁铭岚"]);
    }

    #[test]
    fn header_run_onto_the_line_above() {
        let text = "机房:MR2号机房 日期:2021年4月15日序号 姓名 性别 年龄 检查号 临床诊断\n\
                    1 钟森林 女 38 MR818881 慢性乙型病毒性肝炎\n\
                    2 齐峰利 男 67 MR592869 骨质疏松症\n";
        assert_eq!(scan(text), ["钟森林", "MR818881", "齐峰利", "MR592869"]);
    }

    #[test]
    fn wrapped_cells_and_a_first_row_on_the_header_line() {
        let text = "表序号 姓名 性别 年龄 科室 异常结果\n 建议\n1  席庆薇 男 54 护理部 血压偏高\n\
                    果 建议1 盛泰勇 男 27 新生儿科 脂肪肝\n";
        assert_eq!(scan(text), ["席庆薇", "盛泰勇"]);
        let text = "序号 日期 姓名 就诊卡号 退费项目 经办人1 2021年6月30日\n\
                    2 2021年7月1日 任露 38307470719 检查费 郑沛璇\n";
        assert_eq!(scan(text), ["任露", "38307470719"]);
        // a header cell that reads like a name (`常結果`, from 異常結果) does not hide the header
        let text = "序號 姓名 性別 年齡 科室 常結果 建議1 柳雨偉\n2 甄承 男 48 眼科 血壓 偏高\n";
        assert_eq!(scan(text), ["甄承"]);
    }

    #[test]
    fn a_spaced_out_header_word_is_one_column() {
        let text = "序 号 姓名 性别 年龄 科室 异常结果 建\n议\n1 陆川娟 女 60 院长办公室 甲\n\
                    2 梅华雪 女 25 采购中心 空腹血糖升高\n";
        assert_eq!(scan(text), ["陆川娟", "梅华雪"]);
    }

    #[test]
    fn a_row_with_a_label_word_is_not_a_header() {
        let text = "序号 科室 日期 备注\n1 内科 2021-01-01 张三 签名 待定 复核\n2 外科 李四 王五\n";
        assert!(scan(text).is_empty());
    }

    #[test]
    fn not_a_table() {
        // a row of a form, and columns without names
        assert!(scan("姓名 段新梅 科室 总务处\n请假类型 事假 天数 3").is_empty());
        assert!(scan("序号 项目 科室 金额\n1 血常规 检验科 35.00").is_empty());
        // the table ends: later lines are not read as its rows
        let text = "序号 姓名 科室\n1 张三 内科\n\n会议 纪要\n王府 大街 东侧\n李明 发言 记录";
        assert_eq!(scan(text), ["张三"]);
    }
}
