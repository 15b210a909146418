// Evaluation of the PII detectors on the public sets in ../shared/data (see its README.md).
// Skips, with a note, when that folder is absent. Prints the table of the README with
//     cargo test --release --test pii_eval -- --nocapture
// and asserts the targets of issue 4, so that a regression fails.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use arkiv::pii::{Finding, PiiKind, Scanner, validate_cn_id};
use serde_json::Value;

fn data_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    dir.is_dir().then_some(dir)
}

fn load(dir: &Path, rel: &str) -> Option<Vec<Value>> {
    let text = std::fs::read_to_string(dir.join(rel)).ok()?;
    Some(
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).expect("dataset line is JSON"))
            .collect(),
    )
}

struct Gold {
    kind: PiiKind,
    start: usize,
    end: usize,
    // A sub-class reported separately (checksum-valid / invalid ID numbers).
    class: &'static str,
}

#[derive(Default, Clone, Copy)]
struct Counts {
    gold: usize,
    found: usize,
    exact: usize,
    predicted: usize,
    correct: usize,
}

impl Counts {
    fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }
    fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        f64::NAN
    } else {
        a as f64 / b as f64
    }
}

fn overlaps(f: &Finding, g: &Gold) -> bool {
    f.kind == g.kind && f.start < g.end && g.start < f.end
}

/// Scores one set: recall per gold class, precision per predicted kind among `kinds`.
fn score(
    scanner: &Scanner,
    docs: &[(String, Vec<Gold>)],
    kinds: &[PiiKind],
) -> BTreeMap<String, Counts> {
    let mut table: BTreeMap<String, Counts> = BTreeMap::new();
    for (text, gold) in docs {
        let found = scanner.scan(text);
        for g in gold {
            let c = table.entry(g.class.to_string()).or_default();
            c.gold += 1;
            if found.iter().any(|f| overlaps(f, g)) {
                c.found += 1;
            }
            if found
                .iter()
                .any(|f| f.kind == g.kind && f.start == g.start && f.end == g.end)
            {
                c.exact += 1;
            }
        }
        for f in found.iter().filter(|f| kinds.contains(&f.kind)) {
            let c = table.entry(f.kind.as_str().to_string()).or_default();
            c.predicted += 1;
            if gold.iter().any(|g| overlaps(f, g)) {
                c.correct += 1;
            }
        }
    }
    table
}

fn kind_of(label: &str) -> Option<PiiKind> {
    match label {
        "NAME" | "name" | "PER" => Some(PiiKind::PersonName),
        "ADDRESS" | "address" | "LOC" => Some(PiiKind::Address),
        "ID_CARD" => Some(PiiKind::CnId),
        "PHONE" => Some(PiiKind::Phone),
        "EMAIL" => Some(PiiKind::Email),
        _ => None,
    }
}

fn class_of(kind: PiiKind, text: &str) -> &'static str {
    match kind {
        PiiKind::CnId => {
            if validate_cn_id(text.as_bytes()) == arkiv::pii::IdValidity::Valid {
                "cn_id (checksum-valid)"
            } else {
                "cn_id (checksum-invalid)"
            }
        }
        k => k.as_str(),
    }
}

fn ner_docs(rows: &[Value]) -> Vec<(String, Vec<Gold>)> {
    rows.iter()
        .map(|r| {
            let text = r["text"].as_str().unwrap_or_default().to_string();
            let gold = r["entities"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|e| {
                    let kind = kind_of(e["type"].as_str()?)?;
                    Some(Gold {
                        kind,
                        start: e["start"].as_u64()? as usize,
                        end: e["end"].as_u64()? as usize,
                        class: class_of(kind, e["text"].as_str().unwrap_or_default()),
                    })
                })
                .collect();
            (text, gold)
        })
        .collect()
}

/// Forms with labelled fields built from the MultiPriv records (names, IDs, phones, addresses,
/// e-mails) and OCR-like damage: full-width digits, spaces in numbers and between Han.
fn labelled_forms(rows: &[Value]) -> Vec<(String, Vec<Gold>)> {
    let mut docs = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let rec = &r["record"];
        let name = rec["name"].as_str().unwrap_or_default();
        let doctor = rec["doctor"].as_str().unwrap_or_default();
        let phone = rec["phoneNumbers"].as_str().unwrap_or_default();
        let addr = rec["location"].as_str().unwrap_or_default();
        let id = match &rec["idCardNumbers"] {
            Value::String(s) => s.clone(),
            v => v.to_string(),
        };
        if name.is_empty() || phone.len() != 11 || id.len() != 18 {
            continue;
        }
        let spaced_id = format!("{} {} {}", &id[..6], &id[6..14], &id[14..]);
        let wide_phone: String = phone
            .chars()
            .map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap_or(c))
            .collect();
        let spaced_name: String = name.chars().map(|c| format!("{c} ")).collect::<String>();
        let spaced_name = spaced_name.trim_end().to_string();
        let mrn = format!("ZY{:07}", 1_000_000 + i);
        let parts: Vec<(String, Option<(PiiKind, &str)>)> = match i % 4 {
            0 => vec![
                ("姓名：".into(), None),
                (name.into(), Some((PiiKind::PersonName, "person_name"))),
                ("  性别：女  年龄：43岁\n身份证号：".into(), None),
                (
                    id.clone(),
                    Some((PiiKind::CnId, class_of(PiiKind::CnId, &id))),
                ),
                ("\n联系电话：".into(), None),
                (phone.into(), Some((PiiKind::Phone, "phone"))),
                ("\n家庭住址：".into(), None),
                (addr.into(), Some((PiiKind::Address, "address"))),
                ("\n".into(), None),
            ],
            1 => vec![
                ("患者姓名 ".into(), None),
                (name.into(), Some((PiiKind::PersonName, "person_name"))),
                (" 住院号 ".into(), None),
                (mrn.clone(), Some((PiiKind::Mrn, "mrn"))),
                (" 床号 12\n主治医师：".into(), None),
                (doctor.into(), Some((PiiKind::PersonName, "person_name"))),
                ("\n出生日期：1980年8月27日".into(), None),
            ],
            2 => vec![
                ("姓 名 : ".into(), None),
                (
                    spaced_name.clone(),
                    Some((PiiKind::PersonName, "person_name")),
                ),
                ("   身份证号 : ".into(), None),
                (
                    spaced_id.clone(),
                    Some((PiiKind::CnId, class_of(PiiKind::CnId, &id))),
                ),
                ("   手机 : ".into(), None),
                (wide_phone.clone(), Some((PiiKind::Phone, "phone"))),
            ],
            _ => vec![
                ("申请人签名：".into(), None),
                (name.into(), Some((PiiKind::PersonName, "person_name"))),
                ("  联系人：".into(), None),
                (doctor.into(), Some((PiiKind::PersonName, "person_name"))),
                ("  日期：2023年5月6日".into(), None),
            ],
        };
        let mut text = String::new();
        let mut gold = Vec::new();
        for (s, g) in parts {
            let start = text.chars().count();
            text.push_str(&s);
            if let Some((kind, class)) = g {
                gold.push(Gold {
                    kind,
                    start,
                    end: text.chars().count(),
                    class,
                });
            }
        }
        docs.push((text, gold));
    }
    docs
}

/// Findings per 10,000 characters, by kind.
fn false_positives(scanner: &Scanner, texts: &[String]) -> (usize, BTreeMap<&'static str, usize>) {
    let mut chars = 0;
    let mut by_kind = BTreeMap::new();
    for t in texts {
        chars += t.chars().count();
        for f in scanner.scan(t) {
            *by_kind.entry(f.kind.as_str()).or_insert(0) += 1;
        }
    }
    (chars, by_kind)
}

fn texts(rows: &[Value]) -> Vec<String> {
    rows.iter()
        .filter_map(|r| r["text"].as_str().map(str::to_string))
        .collect()
}

fn pct(x: f64) -> String {
    if x.is_nan() {
        "–".into()
    } else {
        format!("{:.1}%", 100.0 * x)
    }
}

fn print_scores(out: &mut String, set: &str, table: &BTreeMap<String, Counts>) {
    for (class, c) in table {
        let (recall, exact, gold) = if c.gold > 0 {
            (
                pct(c.recall()),
                pct(ratio(c.exact, c.gold)),
                c.gold.to_string(),
            )
        } else {
            ("–".into(), "–".into(), "–".into())
        };
        let precision = if c.predicted > 0 {
            pct(c.precision())
        } else {
            "–".into()
        };
        writeln!(
            out,
            "| {set} | {class} | {gold} | {recall} | {exact} | {} | {precision} |",
            c.predicted
        )
        .unwrap();
    }
}

#[test]
fn pii_evaluation() {
    let Some(dir) = data_dir() else {
        eprintln!("note: ../shared/data not found, PII evaluation skipped");
        return;
    };
    let scanner = Scanner::default();
    let mut out = String::new();
    out.push_str("| set | type | gold | recall | exact span | predicted | precision |\n");
    out.push_str("|---|---|---|---|---|---|---|\n");
    let mut failures = Vec::new();
    let mut check = |what: String, value: f64, target: f64, higher: bool| {
        let ok = if higher {
            value >= target
        } else {
            value <= target
        };
        if !ok {
            failures.push(format!("{what}: {value:.4} (target {target})"));
        }
    };

    if let Some(rows) = load(&dir, "pii_zh_multipriv_synthetic/zh.spans.jsonl") {
        let docs = ner_docs(&rows);
        let kinds = [
            PiiKind::CnId,
            PiiKind::Phone,
            PiiKind::Email,
            PiiKind::PersonName,
            PiiKind::Address,
        ];
        let t = score(&scanner, &docs, &kinds);
        print_scores(&mut out, "multipriv zh (running text)", &t);
        let g = |k: &str| t.get(k).copied().unwrap_or_default();
        for k in ["cn_id (checksum-valid)", "phone", "email"] {
            check(format!("multipriv {k} recall"), g(k).recall(), 0.995, true);
        }
        for k in ["cn_id", "phone", "email"] {
            check(
                format!("multipriv {k} precision"),
                g(k).precision(),
                0.99,
                true,
            );
        }

        let forms = labelled_forms(&rows);
        let all = [
            PiiKind::CnId,
            PiiKind::Phone,
            PiiKind::Email,
            PiiKind::PersonName,
            PiiKind::Address,
            PiiKind::Mrn,
        ];
        let t = score(&scanner, &forms, &all);
        print_scores(&mut out, "labelled forms (from multipriv)", &t);
        let g = |k: &str| t.get(k).copied().unwrap_or_default();
        check(
            "forms person_name recall".into(),
            g("person_name").recall(),
            0.95,
            true,
        );
        check(
            "forms phone recall".into(),
            g("phone").recall(),
            0.995,
            true,
        );
        check(
            "forms cn_id (checksum-valid) recall".into(),
            g("cn_id (checksum-valid)").recall(),
            0.995,
            true,
        );
    }

    for (set, rel) in [
        ("cluener dev", "ner_zh_cluener2020/dev.spans.jsonl"),
        ("resume test", "ner_zh_resume/test.spans.jsonl"),
        ("msra test", "ner_zh_msra/test.spans.jsonl"),
    ] {
        if let Some(rows) = load(&dir, rel) {
            let t = score(
                &scanner,
                &ner_docs(&rows),
                &[PiiKind::PersonName, PiiKind::Address],
            );
            print_scores(&mut out, set, &t);
        }
    }

    out.push_str(
        "\n| set | characters | findings per 10,000 characters (by type) |\n|---|---|---|\n",
    );
    for (set, rels) in [
        (
            "cls_zh_thucnews_titles dev+test",
            &[
                "cls_zh_thucnews_titles/dev.jsonl",
                "cls_zh_thucnews_titles/test.jsonl",
            ][..],
        ),
        (
            "emr_zh_ccks2017_sections",
            &["emr_zh_ccks2017_sections/records.spans.jsonl"][..],
        ),
    ] {
        let rows: Vec<Value> = rels
            .iter()
            .filter_map(|r| load(&dir, r))
            .flatten()
            .collect();
        if rows.is_empty() {
            continue;
        }
        let (chars, by_kind) = false_positives(&scanner, &texts(&rows));
        let total: usize = by_kind.values().sum();
        let per10k = |n: usize| 10_000.0 * n as f64 / chars as f64;
        let detail: Vec<String> = by_kind
            .iter()
            .map(|(k, n)| format!("{k} {:.2}", per10k(*n)))
            .collect();
        writeln!(
            out,
            "| {set} | {chars} | {:.2} ({}) |",
            per10k(total),
            detail.join(", ")
        )
        .unwrap();
        if set.starts_with("cls_zh_thucnews") {
            check(
                "news findings per 10k chars".into(),
                per10k(total),
                1.0,
                false,
            );
        }
    }

    println!("{out}");
    assert!(
        failures.is_empty(),
        "targets missed:\n{}",
        failures.join("\n")
    );
}
