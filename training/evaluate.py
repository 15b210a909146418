#!/usr/bin/env python3
"""Look at a model package on the real evaluation sets (never trained on).

    python training/evaluate.py --model models/default [--data ../shared/data] [--json OUT]

Model-only figures (no rule floor, no OCR): arkiv's own `arkiv eval` gives the official
ones. Sets missing from --data are skipped.

- emr_zh_ccks2017_sections: real clinical text, should be `medical` and S4 or above
  (or routed to review);
- cls_zh_thucnews_titles (test): news headlines, should not be `medical` nor S4/S5
  without review.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main(argv=None) -> int:
    here = Path(__file__).resolve().parent
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--model", required=True, help="model package directory")
    p.add_argument("--data", default=str(here.parent.parent / "shared" / "data"), help="real data folder")
    p.add_argument("--json", help="also write the figures to this JSON file")
    args = p.parse_args(argv)
    sys.path.insert(0, str(here))
    from arkivtrain.infer import Package

    pkg = Package(args.model)
    cats, levels = pkg.labels["categories"], pkg.labels["sensitivities"]
    medical, s4 = cats.index("medical"), levels.index("S4")
    data = Path(args.data)
    report = {"model": str(args.model)}

    emr = data / "emr_zh_ccks2017_sections" / "records.spans.jsonl"
    if emr.exists():
        texts = [r["text"] for r in read_jsonl(emr)]
        p_ = pkg.predict(texts)
        review = ~(p_.cat_accept & p_.sens_accept)
        report["emr_zh_ccks2017_sections"] = {
            "documents": len(texts),
            "medical": float((p_.category == medical).mean()),
            "medical_and_accepted": float(((p_.category == medical) & p_.cat_accept).mean()),
            "s4_plus": float((p_.sensitivity >= s4).mean()),
            "s4_plus_or_review": float(((p_.sensitivity >= s4) | review).mean()),
            "review_rate": float(review.mean()),
            "category_counts": {c: int((p_.category == i).sum()) for i, c in enumerate(cats)},
        }
    news = data / "cls_zh_thucnews_titles" / "test.jsonl"
    if news.exists():
        texts = [r["text"] for r in read_jsonl(news)]
        t0 = time.time()
        p_ = pkg.predict(texts)
        secs = time.time() - t0
        review = ~(p_.cat_accept & p_.sens_accept)
        report["cls_zh_thucnews_titles"] = {
            "documents": len(texts),
            "s4_plus_without_review": float(((p_.sensitivity >= s4) & ~review).mean()),
            "s4_plus": float((p_.sensitivity >= s4).mean()),
            "medical": float((p_.category == medical).mean()),
            "medical_without_review": float(((p_.category == medical) & ~review).mean()),
            "review_rate": float(review.mean()),
            "docs_per_s_1_thread": round(len(texts) / secs, 1),
            "category_counts": {c: int((p_.category == i).sum()) for i, c in enumerate(cats)},
        }
    print(json.dumps(report, indent=2, ensure_ascii=False))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
