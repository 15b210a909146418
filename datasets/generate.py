#!/usr/bin/env python3
"""arkivgen command line: synthetic hospital-archive documents for arkiv.

  generate.py text   --seed 1 --per-template 40 --out corpus.jsonl
  generate.py scans  --seed 1 --per-template 2 --split test --out DIR [--dpi 150-300]
                     [--formats png,tiff,pdf] [--degrade none|mild|heavy|mixed]
                     [--text-layer-pdf] [--rotate-some]
  generate.py sample --out datasets/sample
  generate.py headlines --seed 3 --n 2000 --out public.jsonl

See datasets/README.md.
"""

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from arkivgen.corpus import iter_documents  # noqa: E402
from arkivgen.templates import CATEGORIES  # noqa: E402


def log(msg: str):
    print(msg, file=sys.stderr, flush=True)


def cmd_text(a) -> int:
    t0 = time.time()
    n = 0
    levels = Counter()
    out = sys.stdout if a.out == "-" else open(a.out, "w", encoding="utf-8")
    try:
        for gd in iter_documents(a.seed, a.per_template, a.split, a.categories):
            out.write(json.dumps(gd.record, ensure_ascii=False) + "\n")
            levels[gd.record["sensitivity"]] += 1
            n += 1
    finally:
        if out is not sys.stdout:
            out.close()
    log(f"wrote {n} documents to {a.out} in {time.time() - t0:.1f}s; levels: "
        + ", ".join(f"{k}={levels[k]}" for k in sorted(levels)))
    return 0


def cmd_headlines(a) -> int:
    """Short general-domain public text (S1): one or two news headlines a row, for checking that a
    model does not call unfamiliar public text S4/S5 (training/tune_thresholds.py --public). The
    headlines come from the held-out patterns, which no generated document uses."""
    import random

    from arkivgen import VERSION
    from arkivgen.phrases import headline
    from arkivgen.templates.common import G
    with open(a.out, "w", encoding="utf-8") as out:
        for i in range(a.n):
            g = G(random.Random(f"arkivgen-headlines:{a.seed}:{i}"), "S1", "zh-Hans")
            text = "  ".join(headline(g, held_out=True) for _ in range(g.num(1, 2)))
            out.write(json.dumps({"id": f"arkivgen-headline-s{a.seed}-{i:05d}", "text": text, "category": "administrative",
                                  "sensitivity": "S1", "split": "val", "lang": "zh-Hans", "weight": 1.0,
                                  "provenance": f"synthetic:arkivgen-{VERSION}:seed{a.seed}"}, ensure_ascii=False) + "\n")
    log(f"wrote {a.n} headlines to {a.out}")
    return 0


def cmd_scans(a) -> int:
    from arkivgen.scans import run_scans
    alias = {"jpeg": "jpg", "tif": "tiff"}
    formats = [alias.get(f.strip().lower(), f.strip().lower()) for f in a.formats.split(",") if f.strip()]
    bad = [f for f in formats if f not in {"png", "jpg", "tiff", "pdf", "text-pdf"}]
    if bad:
        log(f"error: unknown format(s) {bad}; use png, jpg, tiff, pdf")
        return 2
    t0 = time.time()
    n = run_scans(a.seed, a.per_template, a.split, Path(a.out), a.dpi, formats, a.degrade,
                  a.text_layer_pdf, a.rotate_some, a.categories, log)
    log(f"rendered {n} documents into {a.out} in {time.time() - t0:.1f}s (truth: {a.out}/truth.jsonl)")
    return 0


def cmd_realtext(a) -> int:
    from arkivgen.realtext import render_realtext
    with open(a.input, encoding="utf-8") as f:
        rows = [r for r in map(json.loads, f) if (r.get("text") or "").strip()]
    rows = rows[::max(1, len(rows) // max(1, a.limit))][:a.limit]  # spread over the file
    render_realtext(rows, Path(a.out), a.dpi, a.degrade, a.seed, log)
    return 0


def cmd_sample(a) -> int:
    from arkivgen.scans import run_sample
    n = run_sample(Path(a.out), log)
    log(f"sample: {n} files in {a.out}")
    return 0


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="generate.py", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)

    def common(sp):
        sp.add_argument("--seed", type=int, default=1)
        sp.add_argument("--per-template", type=int, default=40, help="documents per template")
        sp.add_argument("--split", choices=["train", "val", "test"], help="only templates of this split")
        sp.add_argument("--categories", type=lambda s: s.split(","), help=f"subset of {','.join(CATEGORIES)}")
        sp.add_argument("--out", required=True)

    t = sub.add_parser("text", help="ground-truth text with labels and PII spans, as JSON lines")
    common(t)
    t.set_defaults(fn=cmd_text)

    s = sub.add_parser("scans", help="render documents to scan-like PNG/JPEG/TIFF/PDF files + truth.jsonl")
    common(s)
    s.set_defaults(per_template=2)
    s.add_argument("--dpi", default="150-300", help="a resolution (200) or a range (150-300)")
    s.add_argument("--formats", default="png,tiff,pdf", help="comma list of png,jpg,tiff,pdf,text-pdf (born-digital PDF with a text layer)")
    s.add_argument("--degrade", choices=["none", "mild", "heavy", "mixed"], default="mixed")
    s.add_argument("--text-layer-pdf", action="store_true", help="make about 10%% born-digital PDFs with a text layer")
    s.add_argument("--rotate-some", action="store_true", help="rotate about 12%% of pages by 90/180/270 degrees")
    s.set_defaults(fn=cmd_scans)

    r = sub.add_parser("realtext", help="render real text (JSONL with `text`) to degraded PNG pages + truth.jsonl")
    r.add_argument("input", help="JSON lines with a `text` field (e.g. an evaluation corpus)")
    r.add_argument("--out", required=True)
    r.add_argument("--seed", type=int, default=1)
    r.add_argument("--limit", type=int, default=20, help="N rows, evenly spread over the input")
    r.add_argument("--dpi", type=int, default=300)
    r.add_argument("--degrade", choices=["none", "mild", "heavy", "mixed"], default="mild")
    r.set_defaults(fn=cmd_realtext)

    h = sub.add_parser("headlines", help="short general-domain public text (S1 news headlines), as JSON lines")
    h.add_argument("--seed", type=int, default=3)
    h.add_argument("--n", type=int, default=2000)
    h.add_argument("--out", required=True)
    h.set_defaults(fn=cmd_headlines)

    m = sub.add_parser("sample", help="the small committed sample set (datasets/sample)")
    m.add_argument("--out", default=str(Path(__file__).resolve().parent / "sample"))
    m.set_defaults(fn=cmd_sample)

    a = p.parse_args(argv)
    if getattr(a, "categories", None):
        unknown = [c for c in a.categories if c not in CATEGORIES]
        if unknown:
            log(f"error: unknown categories {unknown}; choose from {', '.join(CATEGORIES)}")
            return 2
    return a.fn(a)


if __name__ == "__main__":
    sys.exit(main())
