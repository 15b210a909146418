"""Tests of the corpus generator: field validity, labels, PII offsets, determinism.

Run: .venv/bin/python -m unittest discover -s datasets/tests
"""

import collections
import datetime as dt
import random
import re
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from arkivgen.corpus import generate, iter_documents  # noqa: E402
from arkivgen.doc import wrap  # noqa: E402
from arkivgen.fields import REGIONS, Fields, amount_upper, id_check_char, luhn_valid  # noqa: E402
from arkivgen.templates import CATEGORIES, LEVELS, all_templates, splits  # noqa: E402

PII_TYPES = {"cn_id", "phone", "bank_card", "email", "person_name", "address", "mrn", "insurance_no", "birth_date"}
REGION_CODES = {r[0] for r in REGIONS}


def _docs(seed=1, per_template=6):
    return [gd.record for gd in iter_documents(seed, per_template)]


class FieldTests(unittest.TestCase):
    def setUp(self):
        self.f = Fields(random.Random(42))

    def test_id_check_char_known_vectors(self):
        # textbook examples of GB 11643-1999
        self.assertEqual(id_check_char("11010519491231002"), "X")
        self.assertEqual(id_check_char("44052418800101001"), "4")

    def test_generated_ids_are_valid(self):
        weights = [2 ** (17 - i) % 11 for i in range(17)]
        for _ in range(500):
            sex = self.f.pick(["男", "女"])
            cid = self.f.cn_id(sex=sex)
            self.assertRegex(cid, r"^\d{17}[\dX]$")
            self.assertIn(cid[:6], REGION_CODES)
            dt.date(int(cid[6:10]), int(cid[10:12]), int(cid[12:14]))  # raises if not a real date
            total = sum(int(c) * w for c, w in zip(cid[:17], weights))
            self.assertEqual(cid[17], "10X98765432"[total % 11])
            self.assertEqual(int(cid[16]) % 2, 1 if sex == "男" else 0)

    def test_phone_formats(self):
        for _ in range(300):
            m = self.f.fmt_mobile(self.f.mobile())
            digits = m.replace(" ", "").removeprefix("+86")
            self.assertRegex(digits, r"^1[3-9]\d{9}$")
            self.assertRegex(self.f.landline(), r"^0\d{2,3}-[2-8]\d{6,7}$")

    def test_bank_cards_pass_luhn(self):
        for _ in range(200):
            _, card = self.f.bank_card()
            self.assertIn(len(card), (16, 19))
            self.assertTrue(luhn_valid(card), card)

    def test_amount_upper(self):
        self.assertEqual(amount_upper(1204.5), "壹仟贰佰零肆元伍角整")
        self.assertEqual(amount_upper(100000), "壹拾万元整")
        self.assertEqual(amount_upper(10.05), "壹拾元零伍分")
        self.assertEqual(amount_upper(30020.1), "叁万零贰拾元壹角整")

    def test_vocabulary_sizes(self):
        from arkivgen import fields
        self.assertGreaterEqual(len(set(fields.SURNAMES)), 200)
        self.assertGreaterEqual(len(set(fields.GIVEN_CHARS)), 200)
        self.assertGreaterEqual(len(fields.DIAGNOSES), 60)
        self.assertGreaterEqual(sum(1 for d in fields.DIAGNOSES if d[3]), 15)
        self.assertGreaterEqual(len(fields.DRUGS), 80)
        self.assertGreaterEqual(len(fields.CLINICAL_DEPTS + fields.SPECIAL_DEPTS + fields.TECH_DEPTS + fields.ADMIN_DEPTS), 40)
        self.assertGreaterEqual(len(fields.EQUIPMENT), 30)


class TemplateTests(unittest.TestCase):
    def test_every_category_has_eight_templates(self):
        by_cat = collections.Counter(t.category for t in all_templates())
        self.assertEqual(set(by_cat), set(CATEGORIES))
        for cat, n in by_cat.items():
            self.assertGreaterEqual(n, 8, cat)

    def test_levels_are_not_a_function_of_category(self):
        levels = collections.defaultdict(set)
        for t in all_templates():
            levels[t.category].update(lv for lv, _ in t.levels)
        self.assertEqual(set().union(*levels.values()), set(LEVELS))
        for cat, lv in levels.items():
            self.assertGreaterEqual(len(lv), 2, cat)
        self.assertGreaterEqual(sum("S1" in lv for lv in levels.values()), 5)
        self.assertGreaterEqual(sum("S5" in lv for lv in levels.values()), 5)

    def test_whole_templates_held_out(self):
        sp = splits()
        for cat in CATEGORIES:
            kinds = collections.Counter(sp[t.id] for t in all_templates() if t.category == cat)
            self.assertEqual(kinds["val"], 1, cat)
            self.assertEqual(kinds["test"], 1, cat)
            self.assertGreaterEqual(kinds["train"], 6, cat)
        for split in ("val", "test"):
            seen = {r["sensitivity"] for gd in iter_documents(1, 10, split) for r in [gd.record]}
            self.assertEqual(seen, set(LEVELS), split)


class DocumentTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.docs = _docs()

    def test_record_fields(self):
        for r in self.docs[:50]:
            self.assertEqual(set(r) - {"body_category"}, {"id", "text", "category", "sensitivity", "template",
                                                          "split", "lang", "weight", "provenance", "pii"})
            self.assertTrue(r["provenance"].startswith("synthetic:arkivgen-"))
        self.assertEqual(len({r["id"] for r in self.docs}), len(self.docs))

    def test_body_category_marks_clinical_prose_under_another_frame(self):
        framed = {r["template"]: r["body_category"] for r in self.docs if "body_category" in r}
        self.assertEqual(framed, {"research_teaching/teaching_round": "medical",
                                  "research_teaching/case_report": "medical",
                                  "heritage/historic_case_file": "medical"})
        for r in self.docs:
            self.assertEqual("body_category" in r, r["template"] in framed, r["id"])

    def test_pii_offsets_point_at_the_text(self):
        for r in self.docs:
            for p in r["pii"]:
                self.assertIn(p["type"], PII_TYPES)
                self.assertEqual(r["text"][p["start"]:p["end"]], p["text"], r["id"])
                self.assertTrue(p["text"].strip())
                self.assertIn(p["context"], ("field", "column", "table", "text"))
                if p["context"] in ("field", "column"):
                    self.assertTrue(p["label"], f"{r['id']}: a {p['context']} value without its label")
                    line_start = r["text"].rfind("\n", 0, p["start"]) + 1
                    if p["context"] == "field":
                        self.assertIn(p["label"], r["text"][line_start:p["start"]], r["id"])

    def test_pii_values_are_valid(self):
        for r in self.docs:
            for p in r["pii"]:
                if p["type"] == "cn_id":
                    self.assertEqual(id_check_char(p["text"][:17]), p["text"][17])
                if p["type"] == "bank_card":
                    self.assertTrue(luhn_valid(p["text"]))
                if p["type"] == "phone":
                    self.assertRegex(p["text"].replace(" ", ""), r"^(\+861[3-9]\d{9}|1[3-9]\d{9}|0\d{2,3}-\d{7,8})$")

    def test_labels_follow_the_level_rules(self):
        for r in self.docs:
            if r["sensitivity"] in ("S1", "S2"):
                self.assertEqual(r["pii"], [], f"{r['id']} is {r['sensitivity']} but has personal data")
            if r["sensitivity"] in ("S3", "S4"):
                self.assertTrue(r["pii"], f"{r['id']} is {r['sensitivity']} without personal data")
            if r["sensitivity"] != "S5":
                self.assertIsNone(re.search(r"^(绝密|机密|秘密|工作秘密)", r["text"], re.M), r["id"])

    def test_languages(self):
        docs = _docs(2, 30)
        langs = collections.Counter(r["lang"] for r in docs)
        n = len(docs)
        self.assertGreater(langs["zh-Hans"] / n, 0.75)
        self.assertTrue(0.05 < langs["zh-Hant"] / n < 0.15, langs)
        self.assertTrue(0.02 < langs["en"] / n < 0.09, langs)

    def test_deterministic_by_seed(self):
        tpl = all_templates()[5]
        a, b = generate(9, tpl, 3).record, generate(9, tpl, 3).record
        self.assertEqual(a, b)
        self.assertNotEqual(a["text"], generate(10, tpl, 3).record["text"])
        self.assertEqual([r["text"] for r in _docs(4, 1)], [r["text"] for r in _docs(4, 1)])

    def test_wrap_never_splits_pii(self):
        segs = ["患者" * 10, ("person_name", "欧阳明远"), "因发热入院" * 5, ("cn_id", "11010519491231002X")]
        lines = wrap(segs, width=120, size=10)
        flat = [s for line in lines for s in line if isinstance(s, tuple)]
        self.assertEqual(flat, [("person_name", "欧阳明远"), ("cn_id", "11010519491231002X")])


SPECIAL = re.compile(r"艾滋|HIV|梅毒|淋病|(?<![慢急])性病|精神分裂|精神障碍|精神病|抑郁|躁狂|自杀|心理治疗|精神科|基因|遗传|"
                     r"染色体|产前诊断|流产|终止妊娠|引产|试管|辅助生殖|体外受精|不孕|吸毒|秘密|绝密|机密")


class LanguageTests(unittest.TestCase):
    def test_category_language_is_level_neutral(self):
        from arkivgen.phrases import P, category_paragraph, news_item
        from arkivgen.templates.common import G
        self.assertTrue(set(CATEGORIES) - {"medical"} <= set(P))
        for cat in P:
            self.assertGreaterEqual(len(P[cat]["patterns"]), 8, cat)
            for i in range(30):
                g = G(random.Random(i), "S2", "zh-Hans")
                text = category_paragraph(g, cat) + news_item(g)
                self.assertIsNone(SPECIAL.search(text), text)
                self.assertIsNone(re.search(r"\d{7,}|@", text), text)

    def test_clinical_prose_of_ordinary_diagnoses_has_no_special_terms(self):
        from arkivgen.clinical import Clinic
        from arkivgen.templates.common import G
        for i in range(60):
            g = G(random.Random(i), "S4", "zh-Hans")
            c = Clinic(g, g.f.diagnosis(False), "女", 60)
            text = c.intro() + c.hpi() + c.past() + c.personal() + c.exam() + c.aux() + c.course() + c.round()
            self.assertIsNone(SPECIAL.search(text), text)
            self.assertIn("岁", c.intro())

    def test_held_out_headline_patterns_stay_out_of_documents(self):
        from arkivgen.phrases import GENERAL, HEADLINES_HELD_OUT, HEADLINES_IN_DOCUMENTS
        self.assertEqual(sorted(HEADLINES_HELD_OUT + HEADLINES_IN_DOCUMENTS), sorted(GENERAL["headlines"]))
        self.assertFalse(set(HEADLINES_HELD_OUT) & set(HEADLINES_IN_DOCUMENTS))
        # the longest fixed wording of each held-out pattern never shows in a news-carrying document
        fixed = [max(re.split(r"\{[a-z]+\}", h), key=len) for h in HEADLINES_HELD_OUT]
        fixed = [f for f in fixed if len(f) >= 5]
        self.assertGreater(len(fixed), 5)
        news = ("administrative/news_digest", "administrative/web_headlines", "personnel/union_bulletin")
        texts = [gd.record["text"].replace("\n", "") for gd in iter_documents(4, 60) if gd.record["template"] in news
                 and gd.record["lang"] == "zh-Hans"]
        self.assertGreater(len(texts), 100)
        for f in fixed:
            self.assertFalse(any(f in t for t in texts), f)

    def test_held_out_templates_share_the_category_vocabulary(self):
        docs = [gd.record for gd in iter_documents(3, 6)]
        for cat in CATEGORIES:
            train = set()
            for r in docs:
                if r["category"] == cat and r["split"] == "train" and r["lang"] != "en":
                    train |= {r["text"][i:i + 2] for i in range(len(r["text"]) - 1)}
            shares = []
            for r in docs:
                if r["category"] == cat and r["split"] == "test" and r["lang"] == "zh-Hans":
                    grams = {r["text"][i:i + 2] for i in range(len(r["text"]) - 1)}
                    shares.append(len(grams & train) / len(grams))
            self.assertGreater(sum(shares) / len(shares), 0.4, cat)


if __name__ == "__main__":
    unittest.main()
