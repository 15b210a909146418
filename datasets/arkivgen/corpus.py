"""Document generation: template + seed + index -> labelled document with its page layout."""

import random
from dataclasses import dataclass

from . import VERSION
from .doc import Doc, Page, Style, layout, page_texts
from .phrases import enrich
from .templates import Template, all_templates, splits
from .templates.common import G

_S2T = None


def _s2t(s: str) -> str:
    global _S2T
    if _S2T is None:
        import opencc
        _S2T = opencc.OpenCC("s2t")
    return _S2T.convert(s)


def _convert_segs(segs, fn):
    return [fn(s) if isinstance(s, str) else (s[0], fn(s[1])) + tuple(s[2:]) for s in segs]


def _convert_doc(doc: Doc, fn):
    """Apply a text conversion (Simplified -> Traditional) to every segment of a document."""
    out = []
    for b in doc.blocks:
        k = b[0]
        if k == "line":
            b = (k, b[1], _convert_segs(b[2], fn), b[3], b[4])
        elif k == "para":
            b = (k, _convert_segs(b[1], fn), b[2])
        elif k == "kv":
            b = (k, [(fn(lab), _convert_segs(v, fn)) for lab, v in b[1]], b[2], b[3])
        elif k == "table":
            hdr = [_convert_segs(c, fn) for c in b[1]] if b[1] else None
            b = (k, hdr, [[_convert_segs(c, fn) for c in r] for r in b[2]], b[3], b[4])
        elif k == "sign":
            b = (k, [_convert_segs(l, fn) for l in b[1]], (fn(b[2][0]), fn(b[2][1])) if b[2] else None)
        out.append(b)
    doc.blocks = out
    if doc.page_header:
        doc.page_header = _convert_segs(doc.page_header, fn)


def _archive_stamp(rng: random.Random, g: G, lang: str):
    """Rows of the filing stamp: fonds number, year, item number, office, retention, pages."""
    year = str(g.year)
    if lang == "en":
        return [(("Fonds", f"J{rng.randint(1, 99):03d}"), ("Year", year), ("Item", f"{rng.randint(1, 999):04d}")),
                (("Office", g.pick(["ADM", "MED", "FIN", "HR"])), ("Retention", g.pick(["Permanent", "30 yrs", "10 yrs"])),
                 ("Pages", str(rng.randint(1, 9))))]
    return [(("全宗号", f"J{rng.randint(1, 99):03d}"), ("年度", year), ("件号", f"{rng.randint(1, 999):04d}")),
            (("机构", g.f.admin_dept()[:4]), ("保管期限", g.pick(["永久", "30年", "10年"])), ("页数", str(rng.randint(1, 9))))]


@dataclass
class Generated:
    record: dict
    pages: list[Page]
    style: Style


def _style(rng: random.Random, lang: str) -> Style:
    family = rng.choice(["sans", "serif", "wqy", "sans", "serif"])
    return Style(
        family=family,
        title_family=rng.choice(["sans", "serif", family]),
        size=rng.choice([10.5, 11.0, 11.0, 12.0]),
        leading=rng.choice([1.5, 1.6, 1.7]),
        margin_l=rng.uniform(54, 80), margin_r=rng.uniform(50, 70),
        margin_t=rng.uniform(56, 80), margin_b=rng.uniform(56, 72),
        footer=rng.choice(["none", "none", "of", "dash", "slash"]),
        lang=lang,
    )


def generate(seed: int, tpl: Template, index: int, split_of: dict[str, str] | None = None) -> Generated:
    """One document, fully determined by (seed, template id, index)."""
    rng = random.Random(f"arkivgen:{seed}:{tpl.id}:{index}")
    levels, weights = zip(*tpl.levels)
    level = rng.choices(levels, weights)[0]
    r = rng.random()
    if tpl.en and r < 0.45:
        lang = "en"
    elif r > 0.9:
        lang = "zh-Hant"
    else:
        lang = "zh-Hans"
    g = G(rng, level, lang)
    doc = Doc()
    tpl.fn(g, doc)
    enrich(g, doc, tpl.category)
    if rng.random() < 0.25:
        doc.archive_stamp = _archive_stamp(rng, g, lang)
    if lang == "zh-Hant":
        _convert_doc(doc, _s2t)
    style = _style(rng, lang)
    if any(b[0] == "table" and len(b[2]) > 8 for b in doc.blocks) and style.footer == "none":
        style.footer = "of"
    pages = layout(doc, style)
    text, pii = page_texts(pages)
    split_of = split_of or splits()
    rec = {
        "id": f"arkivgen-s{seed}-{tpl.id.replace('/', '-')}-{index:05d}",
        "text": text,
        "category": tpl.category,
        "sensitivity": level,
        "template": tpl.id,
        "split": split_of[tpl.id],
        "lang": lang,
        "weight": 1.0,
        "provenance": f"synthetic:arkivgen-{VERSION}:seed{seed}",
        "pii": pii,
    }
    if doc.body_category:
        rec["body_category"] = doc.body_category
    return Generated(rec, pages, style)


def iter_documents(seed: int, per_template: int, split: str | None = None, categories=None):
    """All documents of a run, template by template, in a stable order."""
    split_of = splits()
    for tpl in all_templates():
        if split and split_of[tpl.id] != split:
            continue
        if categories and tpl.category not in categories:
            continue
        for i in range(per_template):
            yield generate(seed, tpl, i, split_of)
