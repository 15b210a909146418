//! Decision rules (SPEC §4): the sensitivity rule floor, thresholds, review reasons and priority.
//!
//! Final sensitivity = max(model, rule floor). The floor rises to S3 on any personal data, to S4
//! on personal data with health content, and to S5 on a secrecy marking or on special-category
//! health vocabulary in a health or personal context. Every raise is recorded as a reason.

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::classify::Thresholds;
use crate::pii::Finding;
use crate::pii::normalize::fold_han_spaces;
use crate::record::{Decision, Document, Level, Prediction, Status};

/// Thresholds of the decision rules. The confidence thresholds default to the model package's.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DecideParams {
    /// Minimum calibrated category confidence to auto-accept.
    pub category_threshold: f32,
    /// Minimum calibrated confidence that the final level is not an under-call, to auto-accept.
    pub sensitivity_threshold: f32,
    /// For an S4 or S5 that only the model asserts (the rule floor is lower): minimum calibrated
    /// probability that the document is S4 or S5 at all.
    pub unsupported_threshold: f32,
    /// Documents with mean OCR word confidence below this go to review (default 55).
    pub min_ocr_confidence: f32,
    /// Documents with fewer letters, digits or CJK characters go to review (default 20).
    pub min_text_chars: usize,
}

impl Default for DecideParams {
    fn default() -> Self {
        DecideParams {
            category_threshold: 0.9,
            sensitivity_threshold: 0.9,
            unsupported_threshold: 0.9,
            min_ocr_confidence: 55.0,
            min_text_chars: 20,
        }
    }
}

impl DecideParams {
    /// A package's (or an override's) confidence thresholds, the other settings at their defaults.
    pub fn from_thresholds(t: &Thresholds) -> Self {
        DecideParams {
            category_threshold: t.category,
            sensitivity_threshold: t.sensitivity,
            unsupported_threshold: t.sensitivity_unsupported.unwrap_or(t.sensitivity),
            ..DecideParams::default()
        }
    }
}

/// Review reason codes written to `review_reasons`.
pub mod reason {
    /// Category confidence under its threshold.
    pub const CATEGORY_UNCERTAIN: &str = "category_low_confidence";
    /// Sensitivity confidence under its threshold.
    pub const SENSITIVITY_UNCERTAIN: &str = "sensitivity_low_confidence";
    /// The rule floor raised the model's sensitivity.
    pub const FLOOR_RAISED: &str = "floor_raised_sensitivity";
    /// Only the model puts the document at S4/S5 (no rule evidence), and it is not sure enough.
    pub const UNSUPPORTED_HIGH: &str = "unsupported_high_sensitivity";
    /// Only the model puts the document at S4/S5, and its text holds no health, special-category
    /// or secrecy vocabulary that such a level could rest on.
    pub const NO_HIGH_CONTENT: &str = "no_health_or_secrecy_content";
    /// Mean OCR confidence is low.
    pub const LOW_OCR: &str = "low_ocr_confidence";
    /// Too little text to judge.
    pub const SHORT_TEXT: &str = "text_too_short";
    /// A page (or the whole document) could not be read.
    pub const PAGE_FAILED: &str = "page_failed";
}

/// Categories whose content is health data in itself.
const HEALTH_CATEGORIES: &[&str] = &["medical"];

/// Diagnosis, examination and treatment vocabulary (Simplified, Traditional, English).
static HEALTH_TERMS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)诊断|診斷|主诉|主訴|现病史|現病史|既往史|病史|入院|出院|病历|病歷|病程|病理|检验|檢驗|化验|化驗|血常规|血常規|尿常规|影像|CT|MRI|B超|彩超|心电图|心電圖|处方|處方|医嘱|醫囑|手术记录|手術記錄|麻醉记录|麻醉記錄|护理记录|護理記錄|体温|體溫|血压|血壓|症状|症狀|治疗|治療|用药|用藥|患者|病人|就诊|就診|体检|體檢|健康检查|健康檢查|病假|病情|伤情|傷情|受伤|受傷|烧伤|燒傷|骨折|肿瘤|腫瘤|癌|结节|結節|糖尿病|高血压|高血壓|冠心病|肺炎|过敏史|過敏史|\bdiagnos|\bpatient\b|\bclinical\b|\bdischarge\b|\badmission\b|\bprescription\b|\bsurgery\b",
    )
    .expect("valid regex")
});

/// Special-category health vocabulary (GB/T 39725-2020 idea): infectious diseases with stigma,
/// mental health, genetics, reproductive health.
static SPECIAL_TERMS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)艾滋病|愛滋病|艾滋病毒|HIV|AIDS\b|获得性免疫缺陷|獲得性免疫缺陷|梅毒|淋病|尖锐湿疣|尖銳濕疣|性传播|性傳播|性病|精神分裂|精神障碍|精神障礙|精神疾病|精神病|抑郁|抑鬱|憂鬱症|焦虑障碍|焦慮障礙|强迫障碍|強迫障礙|亨廷顿|亨廷頓|稽留流产|稽留流產|不育|双相情感|雙相情感|躁狂|强迫症|強迫症|自杀|自殺|心理治疗|心理治療|精神科|基因检测|基因檢測|遗传病|遺傳病|染色体异常|染色體異常|遗传咨询|產前診斷|产前诊断|人工流产|人工流產|终止妊娠|終止妊娠|药物流产|藥物流產|引产|引產|试管婴儿|試管嬰兒|辅助生殖|輔助生殖|体外受精|體外受精|不孕|胚胎|遗传信息|遺傳信息|基因|戒毒|吸毒|酒精依赖|酒精依賴|药物依赖|藥物依賴|物质依赖|物質依賴|成瘾|成癮|唐氏|产前筛查|產前篩查|致病性突变|致病性突變|突变携带|突變攜帶|BRCA|\balcohol dependence|\bsyphilis\b|\bschizophreni|\bpsychiatr|\bgenetic test|\babortion\b|\bIVF\b",
    )
    .expect("valid regex")
});

/// Secrecy markings: 绝密/机密/秘密 with the star of a classification mark, a 密级 field, a line
/// that starts with a marking (as printed at the top of a marked document), or a declaration
/// that the document is classified (属工作秘密, 按秘密级管理). Mentions in running text
/// ("不得讨论工作秘密") are not markings.
static SECRECY_MARKING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)(绝密|机密|秘密|絕密|機密|祕密)\s*[★☆*＊]|密\s*[级級]\s*[:：]\s*(绝密|机密|秘密|工作[秘祕]密|絕密|機密|祕密)|^\s*(工作[秘祕]密|绝密|机密|秘密|絕密|機密|祕密|TOP SECRET|SECRET)\s*([★☆*＊].*)?$|属于?(工作秘密|绝密|机密|秘密)|屬於?(工作[秘祕]密|絕密|機密|秘密|祕密)|按(绝密|机密|秘密|絕密|機密|祕密)[级級]?管理",
    )
    .expect("valid regex")
});

/// Signs, symptoms, injuries, examination and care: clinical vocabulary beyond `HEALTH_TERMS`.
/// Too common in staff and incident records to raise a floor on, but enough to show that a text
/// speaks of someone's health.
static CLINICAL_TERMS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)查体|體檢|体格检查|體格檢查|生命体征|生命體徵|听诊|聽診|触诊|觸診|叩诊|叩診|压痛|壓痛|反跳痛|疼痛|头痛|頭痛|头晕|頭暈|胸闷|胸悶|气短|氣短|咳嗽|咳痰|发热|發熱|恶心|噁心|呕吐|嘔吐|腹泻|腹瀉|乏力|水肿|水腫|出血|麻木|外伤|外傷|挫伤|挫傷|裂伤|裂傷|伤口|傷口|切口|愈合|术后|術後|换药|換藥|拆线|拆線|输液|輸液|住院|门诊|門診|急诊|急診|来院|來院|病例|\bsymptom|\bfever\b|\binjur|\bwound\b|\bward\b",
    )
    .expect("valid regex")
});

/// Secrecy vocabulary short of a marking: what confidentiality agreements, cleared-personnel
/// files and secrecy inspections are about.
static SECRECY_TERMS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)保密|涉密|秘密|机密|绝密|密级|定密|解密|泄密|窃密|祕密|機密|絕密|密級|洩密|竊密|\bconfidential|\bsecret\b|\bclassified\b",
    )
    .expect("valid regex")
});

/// A marking at the start of a line that OCR ran together with the title beside or below it
/// (`绝密 关于……的报告`); matched on the text as read, where the gap after the marking is still
/// there.
static MARKING_BEFORE_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t\u{3000}]*(工作[秘祕]密|绝密|机密|秘密|絕密|機密|祕密)[ \t\u{3000}]+\S")
        .expect("valid regex")
});

/// The first special-category term in `text`. `性病` (venereal disease) inside `慢性病` /
/// `急性病` (chronic / acute illness) is not one.
fn special_term(text: &str) -> Option<&str> {
    SPECIAL_TERMS
        .find_iter(text)
        .find(|m| m.as_str() != "性病" || !text[..m.start()].ends_with(['慢', '急']))
        .map(|m| m.as_str())
}

/// The floor and the reasons for each raise.
#[derive(Debug, Clone, PartialEq)]
pub struct Floor {
    /// Lowest level the document may have.
    pub level: Level,
    /// One reason per raise.
    pub reasons: Vec<String>,
}

/// Computes the rule floor from the text, its personal-data findings and the predicted category.
pub fn rule_floor(text: &str, findings: &[Finding], category: Option<&str>) -> Floor {
    let mut level = Level::S1;
    let mut reasons = Vec::new();
    let mut raise = |to: Level, why: String, level: &mut Level| {
        if to > *level {
            *level = to;
        }
        reasons.push(format!("{to}: {why}"));
    };
    // OCR scatters spaces through Chinese text; the vocabulary is matched without them.
    let as_read = text;
    let folded = fold_han_spaces(text);
    let text = folded.as_ref();
    let health_category = category.is_some_and(|c| HEALTH_CATEGORIES.contains(&c));
    let health_term = HEALTH_TERMS.find(text).map(|m| m.as_str().to_string());
    let health = health_category || health_term.is_some();
    if !findings.is_empty() {
        let mut kinds: Vec<&str> = findings.iter().map(|f| f.kind.as_str()).collect();
        kinds.sort_unstable();
        kinds.dedup();
        raise(
            Level::S3,
            format!("personal data ({})", kinds.join(", ")),
            &mut level,
        );
        if health {
            let what = match (&health_term, health_category) {
                (Some(term), _) => format!("health vocabulary `{term}`"),
                (None, _) => "medical category".to_string(),
            };
            raise(
                Level::S4,
                format!("personal data with health content ({what})"),
                &mut level,
            );
        }
    }
    let marking = SECRECY_MARKING
        .find(text)
        .map(|m| m.as_str().trim().to_string())
        .or_else(|| {
            MARKING_BEFORE_TEXT
                .captures(as_read)
                .map(|c| c[1].to_string())
        });
    if let Some(m) = marking {
        raise(Level::S5, format!("secrecy marking `{m}`"), &mut level);
    }
    if let Some(m) = special_term(text)
        && (health || !findings.is_empty())
    {
        raise(
            Level::S5,
            format!("special-category health vocabulary `{m}`"),
            &mut level,
        );
    }
    Floor { level, reasons }
}

/// Whether `text` holds any vocabulary an S4 or S5 can rest on (SPEC §2): health data
/// (diagnosis, examination, treatment, signs and symptoms), special-category health terms, or
/// secrecy. Without it, an S4/S5 is the model's guess from wording it has learnt to associate
/// with those levels.
pub fn has_high_level_content(text: &str) -> bool {
    let folded = fold_han_spaces(text);
    let text = folded.as_ref();
    HEALTH_TERMS.is_match(text)
        || CLINICAL_TERMS.is_match(text)
        || special_term(text).is_some()
        || SECRECY_TERMS.is_match(text)
}

fn meaningful_chars(text: &str) -> usize {
    text.chars().filter(|c| c.is_alphanumeric()).count()
}

/// Applies the decision rules to one document.
///
/// A document that produced no text at all is treated as S5 until a reviewer has seen it: its
/// content is unknown, and under-calling is the dangerous error.
pub fn decide(
    document: &Document,
    text: &str,
    findings: &[Finding],
    prediction: Option<&Prediction>,
    params: &DecideParams,
) -> Decision {
    let floor = rule_floor(text, findings, prediction.map(|p| p.category.as_str()));
    let model_level = prediction.and_then(|p| Level::parse(&p.sensitivity));
    let mut review = Vec::new();
    let mut sensitivity_reasons = floor.reasons.clone();
    let mut floor_level = floor.level;
    if prediction.is_none() {
        floor_level = Level::S5;
        sensitivity_reasons.push("S5: no readable text; restricted until reviewed".into());
    }
    let sensitivity = model_level.map_or(floor_level, |m| m.max(floor_level));
    let sensitivity_confidence = prediction.map(|p| sensitivity_review_confidence(p, sensitivity));
    if let Some(p) = prediction {
        if p.category_confidence < params.category_threshold {
            review.push(reason::CATEGORY_UNCERTAIN);
        }
        if sensitivity_confidence.is_some_and(|c| c < params.sensitivity_threshold) {
            review.push(reason::SENSITIVITY_UNCERTAIN);
        }
        // An S4/S5 locks a document away from most staff: without rule evidence (personal data
        // with health content, a marking, a special-category term) the model must be sure of it.
        if sensitivity >= Level::S4
            && floor_level < Level::S4
            && level_mass(p, |l| l >= Level::S4) < params.unsupported_threshold
        {
            review.push(reason::UNSUPPORTED_HIGH);
        }
        // ... and the text must at least speak of health or secrecy at all.
        if sensitivity >= Level::S4 && floor_level < Level::S4 && !has_high_level_content(text) {
            review.push(reason::NO_HIGH_CONTENT);
        }
        if model_level.is_some_and(|m| floor_level > m) {
            review.push(reason::FLOOR_RAISED);
        }
    }
    if document
        .ocr_confidence()
        .is_some_and(|c| c < params.min_ocr_confidence)
    {
        review.push(reason::LOW_OCR);
    }
    if meaningful_chars(text) < params.min_text_chars {
        review.push(reason::SHORT_TEXT);
    }
    if document.status != Status::Ok {
        review.push(reason::PAGE_FAILED);
    }
    let margin = prediction.map_or(0.0, |p| p.category_margin().min(p.sensitivity_margin()));
    Decision {
        sensitivity,
        floor: floor_level,
        sensitivity_reasons,
        needs_review: !review.is_empty(),
        sensitivity_review_confidence: sensitivity_confidence,
        review_reasons: review.into_iter().map(String::from).collect(),
        review_priority: priority(margin, sensitivity),
    }
}

/// The calibrated confidence the sensitivity threshold is compared with: the probability that the
/// final level `level` is not an under-call, i.e. the model's probability mass on `level` and every
/// level below it (SPEC §2: under-calling is the dangerous error; an over-call only costs review
/// time).
pub fn sensitivity_review_confidence(prediction: &Prediction, level: Level) -> f32 {
    level_mass(prediction, |l| l <= level)
}

/// The model's calibrated probability mass on the levels `which` selects.
fn level_mass(prediction: &Prediction, which: impl Fn(Level) -> bool) -> f32 {
    let mass: f32 = prediction
        .sensitivity_scores
        .iter()
        .filter(|s| Level::parse(&s.label).is_some_and(&which))
        .map(|s| s.score)
        .sum();
    mass.min(1.0)
}

/// Review priority: most uncertain first (smallest margin between the top two classes of either
/// head), higher sensitivity breaking ties. Higher value = review sooner.
pub fn priority(margin: f32, sensitivity: Level) -> f32 {
    let uncertainty = ((1.0 - margin.clamp(0.0, 1.0)) * 1000.0).round() / 1000.0;
    uncertainty + sensitivity as u8 as f32 * 0.0001
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pii::PiiKind;
    use crate::record::Score;

    fn finding(kind: PiiKind) -> Finding {
        Finding {
            kind,
            start: 0,
            end: 2,
            detector: "test",
            confidence: 1.0,
        }
    }

    #[test]
    fn floor_follows_the_ladder() {
        assert_eq!(
            rule_floor("会议纪要", &[], Some("administrative")).level,
            Level::S1
        );
        let name = [finding(PiiKind::PersonName)];
        assert_eq!(
            rule_floor("培训签到表", &name, Some("personnel")).level,
            Level::S3
        );
        let f = rule_floor("出院诊断：肺炎", &name, Some("medical"));
        assert_eq!(f.level, Level::S4);
        assert_eq!(f.reasons.len(), 2);
        assert_eq!(
            rule_floor("诊断：HIV感染", &name, Some("medical")).level,
            Level::S5
        );
    }

    #[test]
    fn markings_raise_the_floor_to_s5() {
        let marked = [
            ("机密★10年\n关于某项目的通知", Some("secrecy")),
            ("密级：工作秘密", None),
            ("工作秘密\n关于调整的通知", None),
            ("本纪要属工作秘密，不得外传。", None),
            // Traditional forms
            ("工作祕密\n涉密檔案庫房改造工程設計說明", None),
            ("本圖紙含安全防範布點信息，按祕密級管理。", None),
        ];
        for (text, category) in marked {
            assert_eq!(rule_floor(text, &[], category).level, Level::S5, "{text}");
        }
    }

    #[test]
    fn secrecy_talk_is_not_a_marking() {
        let f = rule_floor("关于开展保守国家秘密宣传教育的通知", &[], Some("secrecy"));
        assert_eq!(f.level, Level::S1);
        let f = rule_floor("不在社交媒体上讨论工作秘密和患者信息", &[], Some("secrecy"));
        assert_eq!(f.level, Level::S1);
        let f = rule_floor("序号 文号 密级 份数\n1 卫密〔2023〕29号 秘密 3", &[], None);
        assert_eq!(
            f.level,
            Level::S1,
            "a register listing levels is not itself marked"
        );
    }

    #[test]
    fn chronic_disease_is_not_a_venereal_disease() {
        let name = [finding(PiiKind::PersonName)];
        let f = rule_floor("查体：慢性病容，诊断：高血压", &name, Some("medical"));
        assert_eq!(f.level, Level::S4, "{:?}", f.reasons);
        let f = rule_floor("诊断：性病待查", &name, Some("medical"));
        assert_eq!(f.level, Level::S5);
        let f = rule_floor("诊断：重度抑郁发作", &name, Some("medical"));
        assert_eq!(f.level, Level::S5);
    }

    #[test]
    fn department_names_alone_are_not_health_content() {
        let name = [finding(PiiKind::PersonName)];
        let f = rule_floor("麻醉科 门诊部 手术室 值班表", &name, Some("personnel"));
        assert_eq!(f.level, Level::S3, "{:?}", f.reasons);
    }

    #[test]
    fn ocr_spaces_between_han_do_not_hide_the_vocabulary() {
        let name = [finding(PiiKind::PersonName)];
        let f = rule_floor("工 作 秘 密\n关 于 调 整 的 通 知", &[], None);
        assert_eq!(f.level, Level::S5, "{:?}", f.reasons);
        let f = rule_floor("项 目 名 称  梅 毒 血 清 固 定 患 者 研 究", &name, None);
        assert_eq!(f.level, Level::S5, "{:?}", f.reasons);
        let f = rule_floor("诊 断 : 肺 炎", &name, Some("personnel"));
        assert_eq!(f.level, Level::S4, "{:?}", f.reasons);
        let f = rule_floor("绝密 关 于 战 备 物 资 储 备 情 况 的 报 告", &[], None);
        assert_eq!(f.level, Level::S5, "{:?}", f.reasons);
        let f = rule_floor("秘 密 会 议 室 的 门 禁", &[], None);
        assert_eq!(f.level, Level::S1, "{:?}", f.reasons);
        // spaces between Latin words stay: `H I V` is not folded into a term
        let f = rule_floor("H I V", &name, Some("personnel"));
        assert_eq!(f.level, Level::S3, "{:?}", f.reasons);
    }

    #[test]
    fn staff_health_results_are_health_content() {
        let name = [finding(PiiKind::PersonName)];
        let f = rule_floor(
            "职工健康体检异常结果汇总表\n序号 姓名 异常结果\n1 张三 甲状腺结节",
            &name,
            Some("personnel"),
        );
        assert_eq!(f.level, Level::S4, "{:?}", f.reasons);
        let f = rule_floor("请假类别 病假 请假天数 3天", &name, Some("personnel"));
        assert_eq!(f.level, Level::S4, "{:?}", f.reasons);
    }

    #[test]
    fn every_special_category_diagnosis_raises_to_s5() {
        // the special-category diagnoses arkivgen writes (datasets/arkivgen/fields.py), and more
        let name = [finding(PiiKind::PersonName)];
        for dx in [
            "人类免疫缺陷病毒[HIV]病",
            "潜伏梅毒",
            "尖锐湿疣",
            "精神分裂症",
            "双相情感障碍",
            "广泛性焦虑障碍",
            "酒精依赖综合征",
            "阿片类药物依赖",
            "β地中海贫血（基因携带）",
            "BRCA1致病性突变携带",
            "唐氏综合征高风险（产前筛查）",
            "亨廷顿病",
            "早期妊娠人工流产",
            "女性不孕症（拟行体外受精-胚胎移植）",
            "男性不育症",
        ] {
            let f = rule_floor(&format!("临床诊断：{dx}"), &name, Some("medical"));
            assert_eq!(f.level, Level::S5, "{dx}: {:?}", f.reasons);
        }
    }

    #[test]
    fn special_vocabulary_alone_in_a_notice_does_not_raise() {
        let f = rule_floor("世界艾滋病日宣传活动安排", &[], Some("administrative"));
        assert_eq!(f.level, Level::S1);
    }

    fn prediction(levels: [f32; 5]) -> Prediction {
        let sensitivity_scores: Vec<Score> = Level::ALL
            .into_iter()
            .zip(levels)
            .map(|(l, score)| Score {
                label: l.as_str().into(),
                score,
            })
            .collect();
        let top = sensitivity_scores
            .iter()
            .max_by(|a, b| a.score.total_cmp(&b.score))
            .unwrap()
            .clone();
        Prediction {
            category: "medical".into(),
            category_confidence: 0.999,
            category_scores: vec![],
            sensitivity: top.label,
            sensitivity_confidence: top.score,
            sensitivity_scores,
        }
    }

    #[test]
    fn sensitivity_confidence_is_the_chance_of_no_under_call() {
        // the model hesitates between S3 and S4, the floor says S4: only S5 would be an under-call
        let p = prediction([0.02, 0.03, 0.4, 0.5, 0.05]);
        let c = sensitivity_review_confidence(&p, Level::S4);
        assert!((c - 0.95).abs() < 1e-6, "{c}");
        // a low level the model is unsure of: everything above it is under-call risk
        let p = prediction([0.05, 0.55, 0.0, 0.4, 0.0]);
        let c = sensitivity_review_confidence(&p, Level::S2);
        assert!((c - 0.6).abs() < 1e-6, "{c}");
        // S5 cannot be an under-call
        let c = sensitivity_review_confidence(&p, Level::S5);
        assert!((c - 1.0).abs() < 1e-6, "{c}");
    }

    #[test]
    fn review_compares_the_thresholds_with_under_call_risk_and_evidence() {
        let params = DecideParams {
            category_threshold: 0.9,
            sensitivity_threshold: 0.6,
            unsupported_threshold: 0.8,
            ..DecideParams::default()
        };
        let name = [finding(PiiKind::PersonName)];
        let record = "患者王某，出院诊断：社区获得性肺炎，治疗后好转出院。";
        // the model's top class S4 at 0.5 only, but the floor agrees and S5 is unlikely: accepted
        let p = prediction([0.02, 0.03, 0.4, 0.5, 0.05]);
        let d = decide(
            &Document::from_text("t", record),
            record,
            &name,
            Some(&p),
            &params,
        );
        assert_eq!(d.sensitivity, Level::S4);
        assert!(!d.needs_review, "{:?}", d.review_reasons);
        let c = d.sensitivity_review_confidence.unwrap();
        assert!((c - 0.95).abs() < 1e-6, "{c}");
        // the same scores on an anonymised note (no personal data): only the model says S4, and
        // only 55% of its mass is on S4/S5
        let note = "主诉：反复咳嗽三天。查体：双肺呼吸音粗，未闻及干湿啰音，建议复查胸片。";
        let d = decide(
            &Document::from_text("t", note),
            note,
            &[],
            Some(&p),
            &params,
        );
        assert_eq!(d.sensitivity, Level::S4);
        assert_eq!(d.review_reasons, vec![reason::UNSUPPORTED_HIGH]);
        // the model torn between S4 and S5 but sure the text is health data: S5 is no under-call
        // and S4/S5 holds 97% of the mass
        let p = prediction([0.01, 0.01, 0.01, 0.45, 0.52]);
        let d = decide(
            &Document::from_text("t", note),
            note,
            &[],
            Some(&p),
            &params,
        );
        assert_eq!(d.sensitivity, Level::S5);
        assert!(!d.needs_review, "{:?}", d.review_reasons);
        // at S4 the same split is a likely under-call of an S5 document
        let p = prediction([0.01, 0.01, 0.01, 0.52, 0.45]);
        let d = decide(
            &Document::from_text("t", note),
            note,
            &[],
            Some(&p),
            &params,
        );
        assert_eq!(d.review_reasons, vec![reason::SENSITIVITY_UNCERTAIN]);
        // with the floor's evidence the unsupported threshold does not apply
        let p = prediction([0.0, 0.0, 0.3, 0.7, 0.0]);
        let strict = DecideParams {
            unsupported_threshold: 0.99,
            ..params
        };
        assert!(
            !decide(
                &Document::from_text("t", record),
                record,
                &name,
                Some(&p),
                &strict
            )
            .needs_review
        );
        let d = decide(
            &Document::from_text("t", note),
            note,
            &[],
            Some(&p),
            &strict,
        );
        assert_eq!(d.review_reasons, vec![reason::UNSUPPORTED_HIGH]);
        // a confident-looking S2 with 45% on higher levels is under-call risk
        let p = prediction([0.0, 0.55, 0.05, 0.4, 0.0]);
        let d = decide(
            &Document::from_text("t", note),
            note,
            &[],
            Some(&p),
            &params,
        );
        assert_eq!(d.sensitivity, Level::S2);
        assert_eq!(d.review_reasons, vec![reason::SENSITIVITY_UNCERTAIN]);
    }

    #[test]
    fn a_high_level_only_the_model_asserts_needs_health_or_secrecy_content() {
        let params = DecideParams {
            category_threshold: 0.9,
            sensitivity_threshold: 0.6,
            unsupported_threshold: 0.8,
            ..DecideParams::default()
        };
        let sure = prediction([0.0, 0.0, 0.01, 0.95, 0.04]);
        let decided = |text: &str, findings: &[Finding], p: &Prediction| {
            decide(
                &Document::from_text("t", text),
                text,
                findings,
                Some(p),
                &params,
            )
        };
        // a headline the model is sure is S4: nothing in it is health data
        let news = "基金定投开始赚钱 银行短期资金紧张 百亿保险资金增持偏股基金";
        let d = decided(news, &[], &sure);
        assert_eq!(d.sensitivity, Level::S4);
        assert_eq!(d.review_reasons, vec![reason::NO_HIGH_CONTENT]);
        // signs and examination findings are health content, though too common to raise a floor
        for note in [
            "神清，一般情况可，心肺腹未见异常，手术切口愈合良好，无发热。",
            "神 清 ，一 般 情 況 可 ，心 肺 聽 診 未 見 異 常 ，切 口 癒 合 良 好 ，無 發 熱 。",
            "Patient reports fever and a wound on the left forearm since Monday.",
        ] {
            let d = decided(note, &[], &sure);
            assert!(!d.needs_review, "{note}: {:?}", d.review_reasons);
        }
        // secrecy vocabulary short of a marking carries an S5 the model asserts
        let p = prediction([0.0, 0.0, 0.01, 0.04, 0.95]);
        let agreement = "本人承诺遵守保密纪律，不在非涉密计算机上处理涉密信息。";
        assert!(!decided(agreement, &[], &p).needs_review);
        assert_eq!(
            decided(news, &[], &p).review_reasons,
            vec![reason::NO_HIGH_CONTENT]
        );
        // the rule weighs the model's own high levels only: below S4, or with the floor's
        // evidence, it does not apply
        let low = prediction([0.0, 0.95, 0.04, 0.01, 0.0]);
        assert!(!decided(news, &[], &low).needs_review);
        let staff = "人事处 工资发放名单 张伟 电话 13812345678";
        let phone = [finding(PiiKind::Phone)];
        let payroll = Prediction {
            category: "personnel".into(),
            ..sure.clone()
        };
        let d = decided(staff, &phone, &payroll);
        assert_eq!(d.floor, Level::S3);
        assert_eq!(d.review_reasons, vec![reason::NO_HIGH_CONTENT]);
    }

    #[test]
    fn priority_orders_by_margin_then_level() {
        assert!(priority(0.1, Level::S2) > priority(0.5, Level::S5));
        assert!(priority(0.3, Level::S5) > priority(0.3, Level::S2));
    }
}
