"""The package's descriptive files: labels.json, metrics.json and MODEL_CARD.md."""

from __future__ import annotations

import json
from pathlib import Path

from .data import CATEGORIES, SENSITIVITIES


def labels_json(name: str, version: str, temperatures: dict, thresholds: dict, max_length: int, pad_id: int, extra: dict) -> dict:
    out = {
        "name": name,
        "version": version,
        "categories": CATEGORIES,
        "sensitivities": SENSITIVITIES,
        "temperatures": {k: round(float(v), 6) for k, v in temperatures.items()},
        "thresholds": {k: round(float(v), 6) for k, v in thresholds.items()},
        "max_length": max_length,
        "pad_id": pad_id,
    }
    out.update(extra)
    return out


def write_json(path: Path, obj: dict) -> None:
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _fmt(v) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:.4f}"
    return str(v)


def _head_table(evals: dict) -> str:
    keys = [
        ("category", "macro_f1"),
        ("category", "accuracy"),
        ("category", "ece"),
        ("category", "auto_accept_rate"),
        ("category", "accepted_accuracy"),
        ("sensitivity", "accuracy"),
        ("sensitivity", "ece"),
        ("sensitivity", "auto_accept_rate"),
        ("sensitivity", "accepted_accuracy"),
        ("sensitivity", "undercall_rate"),
        ("sensitivity", "accepted_undercall_rate"),
        (None, "review_rate"),
    ]
    names = list(evals)
    lines = ["| figure | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for head, key in keys:
        label = f"{head} {key}" if head else key
        cells = [_fmt(evals[n][head].get(key) if head else evals[n].get(key)) for n in names]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def model_card(m: dict) -> str:
    """MODEL_CARD.md from the metrics dictionary written beside it."""
    data = m["data"]
    cfg = m["model"]
    lines = [
        f"# Model card: {m['name']} {m['version']}",
        "",
        "Archive-category (10 classes) and sensitivity (S1–S5) classifier for OCR'd hospital-archive",
        "documents, honouring arkiv's model contract (SPEC §6). Trained by `training/train.py`.",
        "",
        "## Model",
        "",
        f"fastText-style: token embeddings ({cfg['vocab_size']} WordPiece tokens, one per CJK character) and",
        f"{cfg['buckets']} hashed {'bigram and trigram' if cfg.get('ngram', 2) == 3 else 'bigram'} buckets,"
        f" dimension {cfg['dim']}, masked mean and max pooling,"
        + (f" a ReLU hidden layer of {cfg['hidden']}," if cfg["hidden"] else "")
        + " two linear heads. The n-gram hash (`(id_i * 1000003 + id_{i+1}) mod buckets`, a trigram"
        + " multiplying the pair's key again) is computed inside",
        "the ONNX graph from `input_ids`; the embedding tables are stored as float16. Trained in numpy (Adam, lazy embedding updates, class weights,",
        f"token dropout, an expected under-call cost on the sensitivity head, weight {m['training']['undercall']}"
        f"{', plus ' + str(m['training'].get('public_undercall')) + ' for calling a non-public document S1' if m['training'].get('public_undercall') else ''}).",
        f"ONNX opset {m['onnx']['opset']}, {m['onnx']['bytes']} bytes, sha256 `{m['onnx']['sha256']}`;",
        f"max |ONNX − numpy| on a check batch: {m['onnx']['max_abs_diff']:.2e}.",
        "",
        "## Training data",
        "",
        f"File `{data['file']}` (sha256 `{data['sha256']}`), {data['documents']} documents, "
        f"{data['templates']} templates; splits {data['splits']}.",
        f"Provenance: {data['provenance']}. Languages: {data['languages']}.",
        f"Categories: {data['categories']}.",
        f"Sensitivities: {data['sensitivities']}.",
        "Train split only for fitting; val for early stopping, temperatures and thresholds; test for the",
        "figures below. Splits are held out by template. Training text is augmented with OCR noise",
        "(similar-shape substitutions, dropped/duplicated characters, spaces between CJK characters, broken",
        "lines, punctuation width swaps, 0/O and 1/l confusions, stray marks, lost passages).",
        f"Validation text: {m['validation']['source']}.",
        "",
        "## Command",
        "",
        "```",
        m["command"],
        "```",
        "",
        f"Trained {m['date']} in {m['training']['seconds']} s ({m['training']['epochs_run']} epochs, "
        f"{m['training']['steps']} steps, {m['training']['threads']} thread(s)).",
        "",
        "## Calibration and thresholds",
        "",
        f"Temperatures (NLL on validation): category {m['temperatures']['category']:.4f}, "
        f"sensitivity {m['temperatures']['sensitivity']:.4f}.",
        f"Thresholds (lowest confidence at which auto-accepted validation documents reach the target): "
        f"category {m['thresholds']['category']:.4f} for accuracy ≥ {m['targets']['category_accuracy']}, "
        f"sensitivity {m['thresholds']['sensitivity']:.4f} for accuracy ≥ {m['targets']['sensitivity_accuracy']} "
        f"and under-call ≤ {m['targets']['sensitivity_undercall']}.",
        "",
        "## Figures",
        "",
        "Computed by the training script with onnxruntime, windows and calibration as in arkiv. `review_rate`",
        "counts documents with either head under its threshold (model only: the rule floor and OCR",
        "checks of arkiv add reasons). Official figures come from `arkiv eval`.",
        "",
        _head_table(m["evaluation"]),
        "",
        "## Known limitations",
        "",
    ]
    lines += [f"- {x}" for x in m["limitations"]]
    return "\n".join(lines) + "\n"


def write_card(path: Path, metrics: dict) -> None:
    path.write_text(model_card(metrics), encoding="utf-8")
