"""Template registry: one module per archive category, each with at least eight templates.

A template is a function `fn(g, d)` that fills the `Doc` `d` for the sensitivity level already
chosen in `g.level` (from the template's `levels` weights); it must make the content match that
level (SPEC §2): no personal data at S1/S2 (published honours and history may name people),
identifying data without health details at S3, patient health data at S4, special-category health
data or a secrecy marking at S5.
"""

import hashlib
from dataclasses import dataclass

CATEGORIES = ["medical", "research_teaching", "administrative", "personnel", "finance",
              "construction", "equipment", "fire_safety", "heritage", "secrecy"]
LEVELS = ["S1", "S2", "S3", "S4", "S5"]


@dataclass(frozen=True)
class Template:
    id: str
    category: str
    fn: object
    levels: tuple      # ((level, weight), ...)
    en: bool           # has an English variant


REGISTRY: list[Template] = []


def template(category: str, name: str, levels: dict, en: bool = False):
    """Register a template function under id "<category>/<name>"."""
    assert category in CATEGORIES, category

    def deco(fn):
        REGISTRY.append(Template(f"{category}/{name}", category, fn, tuple(levels.items()), en))
        return fn
    return deco


def _load():
    from . import (administrative, construction, equipment, finance, fire_safety,  # noqa: F401
                   heritage, medical, personnel, research_teaching, secrecy)


def all_templates() -> list[Template]:
    if not REGISTRY:
        _load()
    return sorted(REGISTRY, key=lambda t: t.id)


def splits() -> dict[str, str]:
    """Template id -> train | val | test. Per category one template is held out for validation
    and one for test, chosen by a fixed hash of the template id (independent of --seed)."""
    out = {}
    by_cat: dict[str, list[str]] = {}
    for t in all_templates():
        by_cat.setdefault(t.category, []).append(t.id)
    for ids in by_cat.values():
        ranked = sorted(ids, key=lambda i: hashlib.sha256(f"arkivgen-split-v1:{i}".encode()).hexdigest())
        for k, tid in enumerate(ranked):
            out[tid] = "val" if k == 0 else "test" if k == 1 else "train"
    return out
