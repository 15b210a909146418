"""Template registry: one module per archive category, each with at least eight templates.

A template is a function `fn(g, d)` that fills the `Doc` `d` for the sensitivity level already
chosen in `g.level` (from the template's `levels` weights); it must make the content match that
level (SPEC §2): no personal data at S1/S2 (published honours and history may name people),
identifying data without health details at S3, patient health data at S4, special-category health
data or a secrecy marking at S5.
"""

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


# Held-out templates per category: (validation, test). Chosen by hand so that the validation and
# the test split each contain every sensitivity level across categories, while rare
# (category, level) combinations stay in training.
HELD_OUT = {
    "medical": ("medical/nursing_record", "medical/imaging_report"),
    "research_teaching": ("research_teaching/lecture_notice", "research_teaching/trial_crf"),
    "administrative": ("administrative/annual_report", "administrative/meeting_minutes"),
    "personnel": ("personnel/leave_application", "personnel/annual_appraisal"),
    "finance": ("finance/reimbursement", "finance/audit_report"),
    "construction": ("construction/tender_announcement", "construction/secure_room_project"),
    "equipment": ("equipment/adverse_event", "equipment/bid_result"),
    "fire_safety": ("fire_safety/training_signin", "fire_safety/incident_report"),
    "heritage": ("heritage/oral_history", "heritage/exhibition_text"),
    "secrecy": ("secrecy/secrecy_inspection", "secrecy/cleared_personnel"),
}


def splits() -> dict[str, str]:
    """Template id -> train | val | test: whole templates are held out (see HELD_OUT)."""
    out = {}
    for t in all_templates():
        val, test = HELD_OUT[t.category]
        out[t.id] = "val" if t.id == val else "test" if t.id == test else "train"
    return out
