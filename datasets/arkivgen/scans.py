"""Render generated documents to scan-like files plus a truth.jsonl, and build the sample set."""

import json
import random
import re
from pathlib import Path

from .corpus import Generated, generate, iter_documents
from .degrade import degrade
from .export import EXT, SINGLE_PAGE, write_jpg, write_png, write_scanned_pdf, write_text_pdf, write_tiff
from .render import render_page
from .templates import all_templates, splits

STANDARD_DPI = [150, 200, 240, 300]


def parse_dpi(spec: str) -> tuple[int, int]:
    if "-" in spec:
        lo, hi = spec.split("-", 1)
        return int(lo), int(hi)
    return int(spec), int(spec)


def pick_dpi(rng: random.Random, lo: int, hi: int) -> int:
    if lo == hi:
        return lo
    choices = [d for d in STANDARD_DPI if lo <= d <= hi] or [lo, hi]
    return rng.choice(choices)


def write_document(gd: Generated, out: Path, fmt: str, dpi: int, level: str, rng: random.Random,
                   rotate_some: bool = False, text_layer: bool = False, grey_levels: int | None = None,
                   pdf_quality: int = 70) -> dict:
    """Render, degrade and write one document; return its truth record."""
    rec = dict(gd.record)
    n = len(gd.pages)
    if fmt in SINGLE_PAGE and n > 1:
        fmt = "tiff"
    name = rec["id"] + EXT[fmt]
    path = out / name
    if text_layer:
        write_text_pdf(path, gd.pages, gd.style, rec["id"])
        rec.update(file=name, pages=n, dpi=None, format="pdf", text_layer=True,
                   degradation={"level": "none", "pages": [{"level": "none", "rotation": 0}] * n})
        return rec
    ims, infos = [], []
    for p in gd.pages:
        rot = rng.choice([90, 180, 270]) if rotate_some and rng.random() < 0.12 else 0
        im, info = degrade(render_page(p, gd.style, dpi), level, rng, dpi, rot, grey_levels)
        ims.append(im)
        infos.append(info)
    if fmt == "png":
        write_png(path, ims[0], dpi)
    elif fmt == "jpg":
        write_jpg(path, ims[0], dpi)
    elif fmt == "tiff":
        write_tiff(path, ims, dpi)
    else:
        write_scanned_pdf(path, ims, dpi, rec["id"], pdf_quality)
    rec.update(file=name, pages=n, dpi=dpi, format=fmt, text_layer=False,
               degradation={"level": level, "pages": infos})
    return rec


def run_scans(seed: int, per_template: int, split: str | None, out: Path, dpi: str = "150-300",
              formats=("png", "tiff", "pdf"), level: str = "mixed", text_layer_pdf: bool = False,
              rotate_some: bool = False, categories=None, log=None) -> int:
    out.mkdir(parents=True, exist_ok=True)
    lo, hi = parse_dpi(dpi)
    count = 0
    with open(out / "truth.jsonl", "w", encoding="utf-8") as fh:
        for gd in iter_documents(seed, per_template, split, categories):
            rng = random.Random(f"arkivgen-scan:{seed}:{gd.record['id']}")
            fmt = rng.choice(list(formats))
            lvl = level if level != "mixed" else rng.choices(["none", "mild", "heavy"], [0.15, 0.55, 0.3])[0]
            text_layer = fmt == "text-pdf" or (text_layer_pdf and rng.random() < 0.1)
            rec = write_document(gd, out, "pdf" if text_layer else fmt, pick_dpi(rng, lo, hi), lvl, rng,
                                 rotate_some, text_layer)
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            count += 1
            if log and count % 20 == 0:
                log(f"{count} documents rendered")
    return count


# ---------------------------------------------------------------------------------------------
# The committed sample set
SAMPLE_SEED = 7
SAMPLE_DPI = 200
SAMPLE_DATE = "2026-11-23"
# (template, wanted level, format, min pages, max pages, language)
SAMPLE_PLAN = [
    ("medical/discharge_summary", "S4", "png", 1, 1, "zh-Hans"),
    ("medical/lab_report", "S5", "png", 1, 1, "zh-Hans"),
    ("medical/nursing_record", "S4", "tiff", 2, 3, "zh-Hans"),
    ("research_teaching/ethics_approval", "S5", "png", 1, 1, "zh-Hans"),
    ("research_teaching/paper_abstract", "S1", "png", 1, 1, "en"),
    ("administrative/official_notice", "S2", "png", 1, 1, "zh-Hans"),
    ("administrative/public_announcement", "S1", "jpg", 1, 1, "zh-Hans"),
    ("personnel/staff_registration", "S3", "png", 1, 1, "zh-Hans"),
    ("personnel/payroll_list", "S3", "pdf", 2, 2, "zh-Hans"),
    ("finance/vat_invoice", "S2", "jpg", 1, 1, "zh-Hans"),
    ("finance/patient_bill", "S4", "png", 1, 1, "zh-Hans"),
    ("construction/tender_announcement", "S1", "text-pdf", 1, 1, "zh-Hans"),
    ("construction/secure_room_project", "S5", "png", 1, 1, "zh-Hans"),
    ("equipment/asset_inventory", "S2", "tiff", 2, 2, "zh-Hans"),
    ("equipment/adverse_event", "S4", "png", 1, 1, "zh-Hans"),
    ("fire_safety/volunteer_team", "S3", "png", 1, 1, "zh-Hans"),
    ("fire_safety/drill_report", "S2", "png", 1, 1, "zh-Hant"),
    ("heritage/history_article", "S1", "png", 1, 1, "zh-Hans"),
    ("secrecy/classified_register", "S5", "png", 1, 1, "zh-Hans"),
    ("secrecy/confidentiality_agreement", "S3", "png", 1, 1, "zh-Hans"),
]

_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{5,}")
_EN_RUN = re.compile(r"[A-Za-z][A-Za-z ]{8,}[A-Za-z]")


def expected_strings(rec: dict, rng: random.Random, k: int = 3) -> list[str]:
    """A few distinctive strings a good OCR must find: the title and some body phrases, never PII."""
    text = rec["text"]
    pii_ranges = [(p["start"], p["end"]) for p in rec["pii"]]
    pattern = _EN_RUN if rec["lang"] == "en" else _CJK_RUN
    cands = []
    for m in pattern.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in pii_ranges):
            continue
        cands.append(m.group(0).strip())
    if not cands:
        return []
    out = [cands[0][:12]]
    rest = [c for c in cands[1:] if len(c) >= 5]
    for c in rng.sample(rest, min(k - 1, len(rest))):
        start = rng.randint(0, max(0, len(c) - 6))
        piece = c[start:start + 6].strip()
        if piece and piece not in out:
            out.append(piece)
    return out


def run_sample(out: Path, log=None) -> int:
    out.mkdir(parents=True, exist_ok=True)
    for f in out.iterdir():
        if f.is_file() and f.suffix in {".png", ".jpg", ".tif", ".pdf", ".jsonl"}:
            f.unlink()
    tpls = {t.id: t for t in all_templates()}
    split_of = splits()
    recs = []
    for tid, level, fmt, pmin, pmax, lang in SAMPLE_PLAN:
        tpl = tpls[tid]
        for i in range(500):
            gd = generate(SAMPLE_SEED, tpl, i, split_of)
            r = gd.record
            if r["sensitivity"] == level and r["lang"] == lang and pmin <= len(gd.pages) <= pmax:
                break
        else:
            raise RuntimeError(f"sample: no {tid} document with {level}, {lang}, {pmin}-{pmax} pages")
        rng = random.Random(f"arkivgen-sample:{r['id']}")
        rec = write_document(gd, out, "pdf" if fmt == "text-pdf" else fmt, SAMPLE_DPI, "mild", rng,
                             text_layer=fmt == "text-pdf", grey_levels=32, pdf_quality=50)
        rec["expect"] = expected_strings(rec, rng)
        recs.append(rec)
        if log:
            log(f"{rec['file']}: {rec['category']} {rec['sensitivity']} {rec['pages']} page(s)")
    with open(out / "truth.jsonl", "w", encoding="utf-8") as fh:
        for rec in recs:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    (out / "README.md").write_text(_sample_readme(recs), encoding="utf-8")
    return len(recs)


def _sample_readme(recs: list[dict]) -> str:
    from . import VERSION
    rows = "\n".join(f"| {r['file']} | {r['category']} | {r['sensitivity']} | {r['lang']} | {r['format']}"
                     f"{' (text layer)' if r['text_layer'] else ''} | {r['pages']} |" for r in recs)
    pages = sum(r["pages"] for r in recs)
    return f"""# Sample scans (synthetic)

Small committed set of synthetic hospital-archive documents for arkiv's end-to-end tests and demos:
{len(recs)} files, {pages} pages, all ten categories and sensitivity levels S1–S5.

Provenance: generated by `python datasets/generate.py sample --out datasets/sample`
(arkivgen {VERSION}, seed {SAMPLE_SEED}, {SAMPLE_DATE}); rerunning the command reproduces the files
byte for byte. Every name, ID, phone number, address and record is invented (random combinations;
ID numbers carry valid check characters but belong to nobody).

Rendering: A4 at {SAMPLE_DPI} dpi, grayscale, mild scan degradation (skew up to 1.5°, light blur
and noise, JPEG artefacts, off-white paper, 32 grey levels to keep the files small); the
text-layer PDF is born-digital. Fonts: Noto Sans CJK, Noto Serif CJK (Debian fonts-noto-cjk,
SC/TC faces) and WenQuanYi Zen Hei (fonts-wqy-zenhei).

`truth.jsonl` has one line per file: the labels (`category`, `sensitivity`), the exact page text
(`text`), PII spans (`pii`, character offsets into `text`), `file`, `pages`, `dpi`, `format`,
`text_layer`, the applied `degradation` per page, and `expect`: a few distinctive strings a good
OCR of the page must contain (compare after removing whitespace).

| file | category | level | lang | format | pages |
|---|---|---|---|---|---|
{rows}
"""
