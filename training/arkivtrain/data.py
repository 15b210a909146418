"""Reading the training file: the format `arkiv export-training` writes.

One record per document, JSONL (one JSON object a line) or Parquet, with at least
``text``, ``category`` and ``sensitivity``; optional ``weight`` (default 1.0),
``provenance`` (default "unknown"), ``split`` (train | val | test), ``template``, ``id``,
``lang`` and ``body_category``: the category of the document's body read without its frame
(title, headings, sign-off) where that is not the document's category, as for a teaching round
whose case presentation alone reads as a medical record; the passages the trainer cuts from such
a document are labelled with it. Any other field is ignored. A row whose label is not in the
taxonomy is an error naming the row.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

CATEGORIES = [
    "medical",
    "research_teaching",
    "administrative",
    "personnel",
    "finance",
    "construction",
    "equipment",
    "fire_safety",
    "heritage",
    "secrecy",
]
SENSITIVITIES = ["S1", "S2", "S3", "S4", "S5"]
SPLITS = ("train", "val", "test")


class DataError(ValueError):
    """A training file that cannot be used; the message names the file and row."""


@dataclass
class Record:
    """One labelled document."""

    text: str
    category: int
    sensitivity: int
    weight: float = 1.0
    provenance: str = "unknown"
    split: str = ""
    template: str = ""
    id: str = ""
    lang: str = ""
    body_category: int | None = None
    extra: dict = field(default_factory=dict)


def normalize(text: str) -> str:
    """NFKC, as the Rust side does before encoding."""
    return unicodedata.normalize("NFKC", text)


def _rows(path: Path):
    """Yield (row label, dict) for each row of a JSONL or Parquet file."""
    with open(path, "rb") as f:
        magic = f.read(4)
    if magic == b"PAR1" or path.suffix == ".parquet":
        import pyarrow.parquet as pq

        table = pq.read_table(path)
        for i, row in enumerate(table.to_pylist()):
            yield f"{path}: row {i}", row
        return
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                raise DataError(f"{path}: line {lineno}: not valid JSON ({e})") from None
            if not isinstance(row, dict):
                raise DataError(f"{path}: line {lineno}: expected a JSON object")
            yield f"{path}: line {lineno}", row


def _label(row_name: str, row: dict, key: str, labels: list[str]) -> int:
    value = row.get(key)
    if value not in labels:
        ident = f" (id {row['id']})" if row.get("id") is not None else ""
        raise DataError(
            f"{row_name}{ident}: unknown {key} {value!r}; expected one of {', '.join(labels)}"
        )
    return labels.index(value)


def load_records(path: str | Path) -> list[Record]:
    """Read and validate every row of a training file."""
    path = Path(path)
    if not path.exists():
        raise DataError(f"{path}: no such file; pass the JSONL or Parquet training file")
    records = []
    for row_name, row in _rows(path):
        text = row.get("text")
        if not isinstance(text, str):
            raise DataError(f"{row_name}: missing or non-string 'text'")
        weight = row.get("weight")
        weight = 1.0 if weight is None else float(weight)
        if not weight >= 0.0:
            raise DataError(f"{row_name}: weight must be >= 0, got {weight}")
        split = row.get("split") or ""
        if split and split not in SPLITS:
            raise DataError(f"{row_name}: unknown split {split!r}; expected train, val or test")
        records.append(
            Record(
                text=normalize(text),
                category=_label(row_name, row, "category", CATEGORIES),
                sensitivity=_label(row_name, row, "sensitivity", SENSITIVITIES),
                weight=weight,
                provenance=str(row.get("provenance") or "unknown"),
                split=split,
                template=str(row.get("template") or ""),
                id=str(row.get("id") if row.get("id") is not None else len(records)),
                lang=str(row.get("lang") or ""),
                body_category=(
                    None if row.get("body_category") is None
                    else _label(row_name, row, "body_category", CATEGORIES)
                ),
            )
        )
    if not records:
        raise DataError(f"{path}: no rows")
    return records


def _hash_fraction(key: str) -> float:
    return int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) / 0x100000000


def assign_splits(records: list[Record], val: float = 0.1, test: float = 0.1) -> None:
    """Give a split to records that have none, held out by template when there is one.

    Records that already carry a split keep it, so a generated corpus's held-out
    templates stay held out.
    """
    for r in records:
        if r.split:
            continue
        x = _hash_fraction(r.template or r.id)
        r.split = "test" if x < test else "val" if x < test + val else "train"


def by_split(records: list[Record]) -> dict[str, list[Record]]:
    out: dict[str, list[Record]] = {s: [] for s in SPLITS}
    for r in records:
        out[r.split].append(r)
    return out


def describe(records: list[Record]) -> dict:
    """Counts per split, category, sensitivity and provenance, for the model card."""
    return {
        "documents": len(records),
        "splits": dict(Counter(r.split for r in records)),
        "categories": {CATEGORIES[k]: v for k, v in sorted(Counter(r.category for r in records).items())},
        "sensitivities": {
            SENSITIVITIES[k]: v for k, v in sorted(Counter(r.sensitivity for r in records).items())
        },
        "provenance": dict(Counter(r.provenance for r in records)),
        "templates": len({r.template for r in records if r.template}),
        "languages": dict(Counter(r.lang or "unknown" for r in records)),
    }


def file_sha256(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
