"""Tests of the training package: gradients, ONNX export, calibration, data, smoke run.

    .venv/bin/python -m unittest discover -s training/tests
"""

from __future__ import annotations

import json
import sys
import tempfile
import unicodedata
import unittest
from pathlib import Path

import numpy as np

TRAINING = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TRAINING))

from arkivtrain import export_onnx  # noqa: E402
from arkivtrain.augment import OcrNoise  # noqa: E402
from arkivtrain.calibrate import choose_threshold, ece, fit_temperature, softmax  # noqa: E402
from arkivtrain.data import CATEGORIES, SENSITIVITIES, DataError, load_records  # noqa: E402
from arkivtrain.infer import document_logits, numpy_runner  # noqa: E402
from arkivtrain.model import SPARSE, Config, backward, forward, init_params, loss_and_grads, pad_batch  # noqa: E402

import train  # noqa: E402


def tiny_model(dtype=np.float32, hidden=5, ngram=2):
    cfg = Config(vocab_size=30, dim=6, hidden=hidden, buckets=17, ngram=ngram)
    params = init_params(cfg, np.random.default_rng(0))
    return cfg, {k: v.astype(dtype) for k, v in params.items()}


def tiny_corpus(path: Path, per_class: int = 6) -> None:
    """A small labelled JSONL: two templates per category, the second held out."""
    words = {
        "medical": ("入院记录 主诉 咳嗽 发热 诊断 肺炎", "S4"),
        "research_teaching": ("科研项目 课题 论文 伦理审查 教学计划", "S2"),
        "administrative": ("通知 会议纪要 各科室 院办公室 请示", "S2"),
        "personnel": ("职工档案 职称 聘任 考核 工资", "S3"),
        "finance": ("记账凭证 发票 预算 审计 金额", "S2"),
        "construction": ("建设工程 竣工验收 图纸 施工 许可证", "S1"),
        "equipment": ("设备 维修 保养 计量 检定", "S2"),
        "fire_safety": ("消防 检查 隐患 整改 疏散演练", "S1"),
        "heritage": ("院史 纪念 荣誉 文物 始建", "S1"),
        "secrecy": ("保密协议 涉密人员 工作秘密 保密检查", "S5"),
    }
    rng = np.random.default_rng(1)
    with open(path, "w", encoding="utf-8") as f:
        for cat, (vocab, sens) in words.items():
            toks = vocab.split()
            for t in range(2):
                for i in range(per_class):
                    text = "，".join(rng.choice(toks, size=6)) + f"。第{i}号"
                    split = "train" if t == 0 else ("val" if i % 2 else "test")
                    row = {"id": f"{cat}-{t}-{i}", "text": text, "category": cat, "sensitivity": sens,
                           "template": f"{cat}/{t}", "split": split}
                    f.write(json.dumps(row, ensure_ascii=False) + "\n")


class GradientTest(unittest.TestCase):
    def check(self, hidden, ngram=2):
        cfg, p = tiny_model(np.float64, hidden, ngram)
        ids, mask = pad_batch([[2, 5, 7, 3], [2, 9, 3], [2, 3], [4]])
        yc, ys = np.array([0, 3, 9, 1]), np.array([4, 0, 2, 3])
        wc, ws = np.array([1.0, 2.0, 0.5, 1.0]), np.array([1.0, 1.0, 3.0, 0.5])
        smooth = np.array([0.0, 0.5, 0.0, 1.0])  # two snippets with soft sensitivity targets
        cat_smooth = np.array([0.0, 0.0, 0.3, 1.0])  # and an outlier with a uniform category target

        def loss(p):
            c, s, _ = forward(p, ids, mask, cfg)
            return loss_and_grads(c, s, yc, ys, wc, ws, undercall=0.7, public_undercall=0.5, sens_smooth=smooth,
                                  cat_smooth=cat_smooth)[0]

        c, s, cache = forward(p, ids, mask, cfg)
        _, dc, ds = loss_and_grads(c, s, yc, ys, wc, ws, undercall=0.7, public_undercall=0.5, sens_smooth=smooth,
                                   cat_smooth=cat_smooth)
        grads = backward(p, cache, dc, ds)
        eps = 1e-6
        for name, value in p.items():
            g = grads[name]
            if name in SPARSE:
                dense = np.zeros_like(value)
                np.add.at(dense, g[0], g[1])
                g = dense
            for idx in np.ndindex(value.shape):
                old = value[idx]
                value[idx] = old + eps
                up = loss(p)
                value[idx] = old - eps
                down = loss(p)
                value[idx] = old
                num = (up - down) / (2 * eps)
                self.assertAlmostEqual(num, g[idx], delta=1e-6, msg=f"{name}{idx}")

    def test_fully_smoothed_snippet_pulls_towards_uniform(self):
        sens = np.zeros((2, 5))
        _, _, ds = loss_and_grads(np.zeros((2, 10)), sens, np.array([0, 0]), np.array([4, 4]), np.ones(2), np.ones(2),
                                  undercall=3.0, sens_smooth=np.array([1.0, 0.0]))
        np.testing.assert_allclose(ds[0], 0.0, atol=1e-12)  # uniform target, no under-call cost
        self.assertLess(ds[1, 4], 0.0)  # the plain row is pulled towards its level

    def test_gradients_with_hidden_layer(self):
        self.check(hidden=5)

    def test_gradients_without_hidden_layer(self):
        self.check(hidden=0)

    def test_gradients_with_trigrams(self):
        self.check(hidden=0, ngram=3)


class OnnxTest(unittest.TestCase):
    def test_export_matches_numpy(self):
        for ngram in (2, 3):
            cfg, p = tiny_model(ngram=ngram)
            with tempfile.TemporaryDirectory() as d:
                path = Path(d) / "model.onnx"
                export_onnx.export(path, cfg, p)
                ids, mask = pad_batch([[2, 5, 7, 3, 11, 29], [2, 9, 3], [2, 3], [4]])
                self.assertLess(export_onnx.verify(path, cfg, p, ids, mask), 1e-4)
                # a single token per row: no bigram at all
                self.assertLess(export_onnx.verify(path, cfg, p, *pad_batch([[5], [7]])), 1e-4)

    def test_trigrams_change_the_logits(self):
        """The same weights read a three-token run differently once trigrams count."""
        _, p = tiny_model()
        ids, mask = pad_batch([[2, 5, 7, 3]])
        two = forward(p, ids, mask, Config(vocab_size=30, dim=6, hidden=5, buckets=17, ngram=2))[0]
        three = forward(p, ids, mask, Config(vocab_size=30, dim=6, hidden=5, buckets=17, ngram=3))[0]
        self.assertGreater(np.abs(two - three).max(), 1e-4)

    def test_contract_io(self):
        import onnx

        cfg, p = tiny_model()
        m = export_onnx.build_graph(cfg, p)
        ins = {i.name: i.type.tensor_type for i in m.graph.input}
        outs = {o.name: o.type.tensor_type for o in m.graph.output}
        self.assertEqual(set(ins), {"input_ids", "attention_mask"})
        self.assertEqual(set(outs), {"category_logits", "sensitivity_logits"})
        for t in ins.values():
            self.assertEqual(t.elem_type, onnx.TensorProto.INT64)
            self.assertEqual([d.dim_param for d in t.shape.dim], ["batch", "seq"])
        self.assertEqual(outs["category_logits"].shape.dim[1].dim_value, cfg.n_categories)
        self.assertEqual(outs["sensitivity_logits"].shape.dim[1].dim_value, cfg.n_levels)

    def test_padding_does_not_change_logits(self):
        cfg, p = tiny_model()
        a = forward(p, *pad_batch([[2, 5, 7]]), cfg)[0]
        b = forward(p, *pad_batch([[2, 5, 7], [1, 2, 3, 4, 5, 6, 7, 8]]), cfg)[0][:1]
        np.testing.assert_allclose(a, b, atol=1e-6)


class WindowTest(unittest.TestCase):
    def test_windows_combine_mean_and_max(self):
        cfg, p = tiny_model()
        doc = [2, 5, 7, 9, 11, 13, 3]
        cat, sens = document_logits(numpy_runner(p, cfg), [doc], max_length=3)
        parts = [doc[0:3], doc[3:6], doc[6:7]]
        c, s, _ = forward(p, *pad_batch(parts), cfg)
        np.testing.assert_allclose(cat[0], c.mean(0), atol=1e-5)
        np.testing.assert_allclose(sens[0], s.max(0), atol=1e-5)


class CalibrationTest(unittest.TestCase):
    def test_temperature_recovers_scale(self):
        rng = np.random.default_rng(0)
        true = rng.standard_normal((4000, 5)) * 2
        y = np.array([rng.choice(5, p=row) for row in softmax(true)])
        t = fit_temperature(true * 3.0, y)
        self.assertAlmostEqual(t, 3.0, delta=0.3)

    def test_threshold_reaches_target_accuracy(self):
        conf = np.array([0.99, 0.98, 0.95, 0.9, 0.8, 0.7, 0.6])
        wrong = np.array([0, 0, 0, 1, 0, 1, 1], bool)
        self.assertEqual(choose_threshold(conf, [(wrong, 0.0)]), 0.95)
        self.assertEqual(choose_threshold(conf, [(wrong, 0.2)]), 0.8)
        self.assertEqual(choose_threshold(conf, [(np.ones(7, bool), 0.0)]), 1.0)

    def test_threshold_keeps_ties_together(self):
        conf = np.array([0.9, 0.9, 0.5])
        wrong = np.array([0, 1, 0], bool)
        self.assertEqual(choose_threshold(conf, [(wrong, 0.0)]), 1.0)

    def test_rule_aware_thresholds(self):
        import tune_thresholds as tt

        def row(cat_ok, level, truth, c_conf, s_conf, reasons=(), unsupported=False):
            return {"cat_conf": c_conf, "sens_conf": s_conf, "cat_ok": cat_ok, "unsupported": unsupported,
                    "under": tt.LEVELS.index(level) < tt.LEVELS.index(truth), "forced": bool(reasons)}

        rows = [row(True, "S2", "S2", 0.9, 0.9), row(True, "S2", "S3", 0.9, 0.4),   # an under-call, low confidence
                row(True, "S1", "S3", 0.9, 0.95, ("floor_raised_sensitivity",)),      # the floor sends it to review
                row(False, "S4", "S4", 0.3, 0.9), row(True, "S4", "S4", 0.8, 0.5)]
        d = {k: np.array([r[k] for r in rows]) for k in rows[0]}
        c = tt.choose(d, 0.95, 0.0)
        self.assertEqual((c.accepted, c.undercall, c.category_accuracy), (2, 0.0, 1.0))
        self.assertTrue(0.4 < c.sensitivity <= 0.5 and 0.3 < c.category <= 0.8)
        self.assertAlmostEqual(c.review, 0.6)
        public = {"cat_conf": np.array([0.9]), "sens_conf": np.array([0.6]), "high": np.array([True]),
                  "forced": np.array([False]), "unsupported": np.array([False])}
        self.assertGreater(tt.choose(d, 0.95, 0.0, public=public, max_public_high=0.0).sensitivity, 0.6)

    def test_unsupported_high_levels_get_their_own_threshold(self):
        import tune_thresholds as tt

        keys = ("cat_conf", "sens_conf", "cat_ok", "under", "forced", "unsupported", "high_conf")
        # two supported documents at sensitivity confidence 0.5 and one unsupported S4 whose S4/S5
        # mass is 0.7
        d = {k: np.array(v) for k, v in zip(keys, zip(*[(0.9, 0.5, True, False, False, False, 0.0),
                                                        (0.9, 0.5, True, False, False, False, 0.0),
                                                        (0.9, 0.9, True, False, False, True, 0.7)]))}
        # a public headline called S4 by the model alone (S4/S5 mass 0.6, no under-call risk):
        # only the unsupported threshold must rise
        public = {"cat_conf": np.array([0.95]), "sens_conf": np.array([0.95]), "high": np.array([True]),
                  "forced": np.array([False]), "unsupported": np.array([True]), "high_conf": np.array([0.6])}
        c = tt.choose(d, 0.95, 0.0, public=public, max_public_high=0.0)
        self.assertEqual(c.accepted, 3)
        self.assertLessEqual(c.sensitivity, 0.5)
        self.assertTrue(0.6 < c.unsupported <= 0.7, c)

    def test_row_confidences_follow_arkiv(self):
        import tune_thresholds as tt

        scores = [{"label": lv, "score": s} for lv, s in zip(tt.LEVELS, (0.1, 0.1, 0.1, 0.45, 0.25))]
        row = {"sensitivity": "S4", "sensitivity_scores": scores}
        self.assertAlmostEqual(tt.sensitivity_confidence(row), 0.75)
        self.assertAlmostEqual(tt.high_confidence(row), 0.70)

    def test_ece_of_perfect_calibration_is_small(self):
        prob = np.array([[1.0, 0.0], [0.0, 1.0]])
        self.assertLess(ece(prob, np.array([0, 1])), 1e-9)


class DataTest(unittest.TestCase):
    def test_unknown_label_names_the_row(self):
        with tempfile.TemporaryDirectory() as d:
            path = Path(d) / "bad.jsonl"
            path.write_text(
                '{"text":"a","category":"medical","sensitivity":"S4"}\n'
                '{"id":"x7","text":"b","category":"cooking","sensitivity":"S1"}\n',
                encoding="utf-8",
            )
            with self.assertRaisesRegex(DataError, r"line 2 \(id x7\): unknown category 'cooking'"):
                load_records(path)

    def test_parquet_with_defaults(self):
        import pyarrow as pa
        import pyarrow.parquet as pq

        with tempfile.TemporaryDirectory() as d:
            path = Path(d) / "t.parquet"
            pq.write_table(
                pa.table({"text": ["ＡＢＣ１２３", "x"], "category": ["finance", "secrecy"], "sensitivity": ["S2", "S5"]}),
                path,
            )
            recs = load_records(path)
        self.assertEqual([r.text for r in recs], ["ABC123", "x"])
        self.assertEqual(recs[1].category, CATEGORIES.index("secrecy"))
        self.assertEqual(recs[1].sensitivity, SENSITIVITIES.index("S5"))
        self.assertEqual((recs[0].weight, recs[0].provenance), (1.0, "unknown"))
        self.assertIsNone(recs[0].body_category)

    def test_body_category_is_a_category(self):
        with tempfile.TemporaryDirectory() as d:
            path = Path(d) / "b.jsonl"
            rows = [{"text": "a", "category": "research_teaching", "sensitivity": "S4", "body_category": "medical"},
                    {"text": "b", "category": "heritage", "sensitivity": "S4", "body_category": None}]
            path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
            self.assertEqual([r.body_category for r in load_records(path)], [CATEGORIES.index("medical"), None])
            rows[1]["body_category"] = "clinic"
            path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
            with self.assertRaisesRegex(DataError, r"line 2: unknown body_category 'clinic'"):
                load_records(path)


class AugmentTest(unittest.TestCase):
    def test_outlier_pulls_both_heads_towards_uniform(self):
        cat = np.array([[3.0, 0, 0, 0, 0, 0, 0, 0, 0, 0], [0.0] * 10])
        sens = np.array([[0, 0, 0, 2.0, 0], [0.0] * 5])
        _, dc, ds = loss_and_grads(cat, sens, np.array([0, 0]), np.array([3, 3]), np.ones(2), np.ones(2),
                                   undercall=3.0, sens_smooth=np.array([1.0, 0.0]), cat_smooth=np.array([1.0, 0.0]))
        self.assertGreater(dc[0, 0], 0.0)  # the confident outlier is pushed off its top class
        self.assertGreater(ds[0, 3], 0.0)
        self.assertTrue((dc[0, 1:] < 0).all())
        self.assertLess(dc[1, 0], 0.0)  # the plain row is pulled towards its class

    def test_noise_is_seeded_and_nfkc(self):
        text = "患者男，58岁，因胸闷3天于2016-10-29入院。\n诊断：冠心病。"
        a = [OcrNoise(seed=5, level="heavy")(text) for _ in range(2)]
        self.assertEqual(a[0], a[1])
        self.assertNotEqual(a[0], text)
        self.assertEqual(a[0], unicodedata.normalize("NFKC", a[0]))
        self.assertEqual(OcrNoise(level="clean")(text), unicodedata.normalize("NFKC", text))


class FragmentTest(unittest.TestCase):
    def test_snippets_are_short_passages(self):
        import random

        from arkivtrain.augment import fragment

        text = "".join(chr(0x4E00 + i) for i in range(500))
        rng = random.Random(3)
        for _ in range(50):
            snippet = fragment(text, rng, max_chars=40)
            self.assertTrue(12 <= len(snippet) <= 40)
            self.assertIn(snippet, text)
            self.assertGreaterEqual(len(fragment(text, rng)), 50)  # a passage: at least a tenth

    def test_collage_mixes_short_pieces_of_many_documents(self):
        import random

        from arkivtrain.augment import collage

        texts = [chr(0x4E00 + 100 * d) * 60 for d in range(20)]  # document d is one character
        rng = random.Random(4)
        sources = []
        for _ in range(50):
            text = collage(texts, rng)
            self.assertTrue(8 <= len(text) <= 40)
            sources.append(len(set(text)))
        self.assertGreater(sum(sources) / len(sources), 3)  # pieces of several documents

    def test_passages_can_leave_the_sensitivity_head_alone(self):
        from arkivtrain.data import Record
        from arkivtrain.trainer import TrainParams, fit

        cfg = Config(vocab_size=500, dim=8, hidden=0, buckets=101)
        train = [Record(text=f"入院记录 诊断 肺炎 {i}", category=i % 10, sensitivity=i % 5, template=f"t{i % 3}")
                 for i in range(40)]

        def encode(texts):
            return [[1] + [2 + ord(c) % 498 for c in t] for t in texts]

        val = (encode([r.text for r in train[:8]]), np.arange(8) % 10, np.arange(8) % 5)
        heads = {}
        for weight in (0.0, 1.0):
            tp = TrainParams(epochs=1, batch_size=8, fragments=1.0, fragment_sensitivity_weight=weight,
                             undercall=0.0, template_dropout=0.0, patience=5)
            start = init_params(cfg, np.random.default_rng(tp.seed))
            params, _ = fit(cfg, tp, encode, train, val, log=lambda *_: None)
            heads[weight] = (start, params)
        start, params = heads[0.0]
        np.testing.assert_array_equal(params["Ws"], start["Ws"])  # only passages: no sensitivity loss
        self.assertFalse(np.array_equal(params["Wc"], start["Wc"]))
        start, params = heads[1.0]
        self.assertFalse(np.array_equal(params["Ws"], start["Ws"]))

    def test_passages_learn_the_body_category(self):
        from arkivtrain.data import Record
        from arkivtrain.trainer import TrainParams, fit

        cfg = Config(vocab_size=500, dim=8, hidden=0, buckets=101)

        def encode(texts):
            return [[1] + [2 + ord(c) % 498 for c in t] for t in texts]

        def medical_bias(body_category, fragments):
            train = [Record(text=f"患者 入院 {i}", category=1, sensitivity=3, template=f"t{i % 3}",
                            body_category=body_category) for i in range(40)]
            val = (encode([r.text for r in train[:8]]), np.ones(8, int), np.full(8, 3))
            tp = TrainParams(epochs=2, batch_size=8, fragments=fragments, undercall=0.0, template_dropout=0.0,
                             patience=5)
            params, _ = fit(cfg, tp, encode, train, val, log=lambda *_: None)
            return params["bc"][0] - params["bc"][1]

        # every pass a passage: the body's category is learnt; whole documents keep the document's
        self.assertGreater(medical_bias(0, fragments=1.0), 0.0)
        self.assertLess(medical_bias(0, fragments=0.0), 0.0)
        self.assertLess(medical_bias(None, fragments=1.0), 0.0)


class SmokeTest(unittest.TestCase):
    def test_smoke_training_writes_a_valid_package(self):
        from arkivtrain.infer import Package

        with tempfile.TemporaryDirectory() as d:
            data = Path(d) / "corpus.jsonl"
            tiny_corpus(data)
            out = Path(d) / "pkg"
            self.assertEqual(train.main(["--data", str(data), "--out", str(out), "--smoke"]), 0)
            for f in ("model.onnx", "tokenizer.json", "labels.json", "metrics.json", "MODEL_CARD.md"):
                self.assertTrue((out / f).is_file(), f)
            labels = json.loads((out / "labels.json").read_text(encoding="utf-8"))
            self.assertEqual(labels["categories"], CATEGORIES)
            self.assertEqual(labels["sensitivities"], SENSITIVITIES)
            self.assertEqual(labels["pad_id"], 0)
            for head in ("category", "sensitivity"):
                self.assertGreater(labels["temperatures"][head], 0)
                self.assertTrue(0 <= labels["thresholds"][head] <= 1)
            pkg = Package(out)
            pred = pkg.predict(["入院记录 诊断 肺炎", "消防检查 " * 400])
            self.assertEqual(pred.cat_prob.shape, (2, 10))
            np.testing.assert_allclose(pred.sens_prob.sum(1), 1.0, atol=1e-6)
            metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
            self.assertTrue(metrics["smoke"])
            self.assertLess(metrics["onnx"]["max_abs_diff"], 1e-4)

    def test_bad_training_file_exits_2(self):
        with tempfile.TemporaryDirectory() as d:
            data = Path(d) / "corpus.jsonl"
            data.write_text('{"text":"a","category":"medical","sensitivity":"S9"}\n', encoding="utf-8")
            self.assertEqual(train.main(["--data", str(data), "--out", str(Path(d) / "o"), "--smoke"]), 2)


class CrossValTest(unittest.TestCase):
    def test_folds_spread_every_category(self):
        import crossval

        templates = {"medical": [f"medical/t{i}" for i in range(12)],
                     "finance": [f"finance/t{i}" for i in range(4)],
                     "heritage": [f"heritage/t{i}" for i in range(3)]}
        fold_of = crossval.assign_folds(templates, 5, seed=0)
        self.assertEqual(set(fold_of), {t for ts in templates.values() for t in ts})
        sizes = [list(fold_of.values()).count(k) for k in range(5)]
        self.assertLessEqual(max(sizes) - min(sizes), 1, sizes)
        for ts in templates.values():  # a category's templates take as many folds as they can
            self.assertEqual(len({fold_of[t] for t in ts}), min(5, len(ts)))
        self.assertEqual(fold_of, crossval.assign_folds(templates, 5, seed=0))
        self.assertNotEqual(fold_of, crossval.assign_folds(templates, 5, seed=1))

    def test_temperatures_are_checked_and_written(self):
        import tune_thresholds

        with tempfile.TemporaryDirectory() as d:
            labels = Path(d) / "labels.json"
            labels.write_text(json.dumps({"temperatures": {"category": 1.0, "sensitivity": 1.0}}), encoding="utf-8")
            temps = Path(d) / "temperatures.json"
            temps.write_text(json.dumps({"category": 0.8, "sensitivity": 1.5}), encoding="utf-8")
            self.assertEqual(tune_thresholds.main(["--model", d, "--temperatures", str(temps)]), 0)
            self.assertEqual(json.loads(labels.read_text(encoding="utf-8"))["temperatures"],
                             {"category": 0.8, "sensitivity": 1.5})
            temps.write_text(json.dumps({"category": -1, "sensitivity": 1.5}), encoding="utf-8")
            with self.assertRaises(SystemExit):
                tune_thresholds.main(["--model", d, "--temperatures", str(temps)])


class OcrLabelledTest(unittest.TestCase):
    def test_join_keeps_labels_and_refuses_missing_scans(self):
        import pyarrow as pa
        import pyarrow.parquet as pq

        import ocr_labelled

        with tempfile.TemporaryDirectory() as d:
            d = Path(d)
            truth = d / "truth.jsonl"
            truth.write_text("".join(json.dumps({"id": f"doc{i}", "file": f"doc{i}.png", "category": "finance",
                                                 "sensitivity": "S2", "split": "val", "text": "truth"}) + "\n"
                                     for i in range(3)), encoding="utf-8")
            (d / "run" / "documents").mkdir(parents=True)
            table = pa.table({"source_path": ["/scans/doc0.png", "/scans/doc1.png"], "status": ["ok", "failed"],
                              "text": ["记账凭证 OCR", ""]})
            pq.write_table(table, d / "run" / "documents" / "part-0.parquet")
            out = d / "out.jsonl"
            args = ["--truth", str(truth), "--run", str(d / "run"), "--out", str(out)]
            self.assertEqual(ocr_labelled.main(args), 2)  # doc2.png was never run
            table = pa.table({"source_path": ["/scans/doc0.png", "/scans/doc1.png", "/scans/doc2.png"],
                              "status": ["ok", "failed", "ok"], "text": ["记账凭证 OCR", "", "发票"]})
            pq.write_table(table, d / "run" / "documents" / "part-0.parquet")
            self.assertEqual(ocr_labelled.main(args), 0)
            rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
            self.assertEqual([(r["id"], r["text"], r["category"], r["split"]) for r in rows],
                             [("doc0", "记账凭证 OCR", "finance", "val"), ("doc2", "发票", "finance", "val")])


if __name__ == "__main__":
    unittest.main()
