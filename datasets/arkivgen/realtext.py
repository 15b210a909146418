"""Render real text (JSON lines with a `text` field) onto A4 pages, for OCR benchmarks.

Each input row becomes one single-page PNG: a section heading and the text as wrapped paragraphs,
laid out and rendered by the same code as the synthetic corpus, then degraded. The truth record
holds exactly the rendered lines joined with "\\n" (text that does not fit on the page is cut).
The pages are *rendered* from real text, not scans: label any figure measured on them as such.
"""

import json
import random
from pathlib import Path

from .degrade import degrade
from .doc import Doc, Style, layout, page_texts
from .render import render_page

FAMILIES = ["sans", "serif", "wqy"]


def render_realtext(rows: list[dict], out: Path, dpi: int, level: str, seed: int, log=print) -> int:
    """Write `<id>.png` per row plus truth.jsonl (`id`, `text`, `source_id`, `dpi`, `degrade`)."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    n = 0
    with open(out / "truth.jsonl", "w", encoding="utf-8") as truth:
        for row in rows:
            text = (row.get("text") or "").strip()
            if not text:
                continue
            style = Style(family=rng.choice(FAMILIES), size=rng.choice([10.5, 11.0, 12.0]))
            doc = Doc()
            heading = row.get("section_zh") or row.get("title")
            if heading:
                doc.title(heading, scale=1.3)
            for para in text.split("\n"):
                if para.strip():
                    doc.para(para.strip())
            page = layout(doc, style)[0]
            page_text, _ = page_texts([page])
            image = render_page(page, style, dpi)
            lvl = rng.choice(["mild", "heavy"]) if level == "mixed" else level
            image, info = degrade(image, lvl, rng, dpi)
            doc_id = f"realtext-{row.get('id', n)}"
            image.save(out / f"{doc_id}.png", dpi=(dpi, dpi), optimize=False)
            truth.write(json.dumps({"id": doc_id, "text": page_text, "source_id": row.get("id"),
                                    "dpi": dpi, "degrade": info}, ensure_ascii=False) + "\n")
            n += 1
    log(f"realtext: {n} pages in {out}")
    return n
