"""Tests of rendering and export: page geometry, byte-determinism, the PDF text layer, the sample."""

import hashlib
import json
import random
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from arkivgen.corpus import generate  # noqa: E402
from arkivgen.scans import write_document  # noqa: E402
from arkivgen.templates import all_templates  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[1] / "sample"


def _doc(tid="construction/tender_announcement", index=0):
    tpl = next(t for t in all_templates() if t.id == tid)
    return generate(5, tpl, index)


class RenderTests(unittest.TestCase):
    def test_png_is_a4_and_deterministic(self):
        gd = _doc("finance/accounting_voucher")
        with tempfile.TemporaryDirectory() as d1, tempfile.TemporaryDirectory() as d2:
            hashes = []
            for d in (d1, d2):
                rec = write_document(gd, Path(d), "png", 100, "mild", random.Random("x"))
                data = (Path(d) / rec["file"]).read_bytes()
                hashes.append(hashlib.sha256(data).hexdigest())
            self.assertEqual(hashes[0], hashes[1])
            with Image.open(Path(d1) / rec["file"]) as im:
                self.assertEqual(im.mode, "L")
                self.assertAlmostEqual(im.width / im.height, 210 / 297, places=2)
            self.assertEqual(rec["degradation"]["level"], "mild")
            self.assertLessEqual(abs(rec["degradation"]["pages"][0]["skew"]), 1.5)

    def test_rotation_is_recorded(self):
        gd = _doc("finance/accounting_voucher")
        with tempfile.TemporaryDirectory() as d:
            rng = random.Random(0)
            recs = [write_document(gd, Path(d), "png", 72, "heavy", rng, rotate_some=True) for _ in range(30)]
            rotations = {r["degradation"]["pages"][0]["rotation"] for r in recs}
            self.assertIn(0, rotations)
            self.assertTrue(rotations - {0})

    def test_text_layer_pdf_contains_the_text(self):
        gd = _doc()
        with tempfile.TemporaryDirectory() as d:
            rec = write_document(gd, Path(d), "pdf", 150, "none", random.Random(1), text_layer=True)
            text = "".join(p.extract_text() for p in PdfReader(Path(d) / rec["file"]).pages)
            title = rec["text"].split("\n")[0]
            self.assertIn(title, text.replace(" ", ""))

    def test_multipage_tiff(self):
        tpl = next(t for t in all_templates() if t.id == "medical/nursing_record")
        gd = next(g for g in (generate(1, tpl, i) for i in range(200)) if len(g.pages) > 1)
        with tempfile.TemporaryDirectory() as d:
            rec = write_document(gd, Path(d), "png", 72, "none", random.Random(1))
            self.assertEqual(rec["format"], "tiff")  # PNG cannot hold several pages
            with Image.open(Path(d) / rec["file"]) as im:
                self.assertEqual(im.n_frames, len(gd.pages))


@unittest.skipUnless((SAMPLE / "truth.jsonl").exists(), "sample set not generated")
class SampleTests(unittest.TestCase):
    def test_sample_truth_matches_files(self):
        recs = [json.loads(line) for line in (SAMPLE / "truth.jsonl").read_text(encoding="utf-8").splitlines()]
        self.assertGreaterEqual(sum(r["pages"] for r in recs), 22)
        self.assertEqual({r["category"] for r in recs}, {t.category for t in all_templates()})
        for lv in ("S1", "S2", "S3", "S4", "S5"):
            self.assertGreaterEqual(sum(r["sensitivity"] == lv for r in recs), 2, lv)
        for r in recs:
            self.assertTrue((SAMPLE / r["file"]).exists(), r["file"])
            self.assertTrue(r["expect"])
            for s in r["expect"]:
                self.assertIn(s, r["text"])


if __name__ == "__main__":
    unittest.main()
