#!/usr/bin/env python3
"""Choose a package's decision thresholds under arkiv's own decision rules (SPEC §4).

train.py picks each head's threshold on the model's validation predictions alone. In arkiv the
final level is max(model, rule floor) and a document whose floor is above the model's level goes
to review anyway, so those thresholds are stricter than they need to be. This script reads the
per-document rows that `arkiv eval --predictions` wrote for *labelled validation* text (never the
test split) and picks the pair of thresholds with the lowest review rate such that, among the
documents arkiv would auto-accept,

- the category accuracy is at least --target-category-accuracy, and
- the share of sensitivity under-calls (final level below the true one) is at most
  --target-undercall, and
- with --public (predictions on short public text, e.g. `datasets/generate.py headlines`), the
  share of those rows auto-accepted at S4/S5 is at most --max-public-high.

    arkiv eval --model models/default --data val.jsonl --predictions val_pred.jsonl
    python training/tune_thresholds.py --model models/default --predictions val_pred.jsonl [--write]

With `--temperatures` (crossval.py's temperatures.json) the package's temperatures are replaced
first; run it alone before `arkiv eval` makes the validation predictions.

Without --write it only prints the choice; with it, labels.json's thresholds are replaced and the
choice is recorded under `threshold_tuning`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

LEVELS = ["S1", "S2", "S3", "S4", "S5"]
# review reasons that do not depend on the two thresholds
THRESHOLD_REASONS = {"category_low_confidence", "sensitivity_low_confidence"}


def load(path: Path) -> dict[str, np.ndarray]:
    rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    rows = [r for r in rows if r.get("true_category") and r.get("true_sensitivity") and r.get("category")]
    if not rows:
        raise SystemExit(f"{path}: no labelled prediction rows (run `arkiv eval --predictions` on labelled data)")
    lv = LEVELS.index
    return {
        "cat_conf": np.array([r["category_confidence"] for r in rows], float),
        "sens_conf": np.array([r["sensitivity_confidence"] for r in rows], float),
        "cat_ok": np.array([r["category"] == r["true_category"] for r in rows]),
        "under": np.array([lv(r["sensitivity"]) < lv(r["true_sensitivity"]) for r in rows]),
        # reviewed whatever the thresholds: floor above the model, short text, OCR, failed pages
        "forced": np.array([bool(set(r["review_reasons"]) - THRESHOLD_REASONS) for r in rows]),
    }


def load_public(path: Path) -> dict[str, np.ndarray]:
    rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    return {
        "cat_conf": np.array([r["category_confidence"] for r in rows], float),
        "sens_conf": np.array([r["sensitivity_confidence"] for r in rows], float),
        "high": np.array([r["sensitivity"] in ("S4", "S5") for r in rows]),
        "forced": np.array([bool(set(r["review_reasons"]) - THRESHOLD_REASONS) for r in rows]),
    }


def choose(d: dict[str, np.ndarray], target_cat: float, target_under: float, grid: int = 200,
           public: dict[str, np.ndarray] | None = None, max_public_high: float = 1.0):
    """(review rate, category threshold, sensitivity threshold, accepted stats) of the best pair."""
    def cands(x):
        return np.unique(np.concatenate([[0.0], np.quantile(x, np.linspace(0, 1, grid))]))

    best = None
    for tc in cands(d["cat_conf"]):
        for ts in cands(d["sens_conf"]):
            acc = (d["cat_conf"] >= tc) & (d["sens_conf"] >= ts) & ~d["forced"]
            n = int(acc.sum())
            if n == 0:
                continue
            cat_acc = d["cat_ok"][acc].mean()
            under = d["under"][acc].mean()
            if cat_acc < target_cat or under > target_under:
                continue
            if public is not None:
                pub = (public["cat_conf"] >= tc) & (public["sens_conf"] >= ts) & ~public["forced"]
                if (pub & public["high"]).mean() > max_public_high:
                    continue
            review = 1.0 - n / len(acc)
            key = (review, tc + ts)
            if best is None or key < best[0]:
                best = (key, float(tc), float(ts), n, float(cat_acc), float(under))
    return best


def set_temperatures(labels_path: Path, temperatures_path: Path) -> None:
    temperatures = json.loads(temperatures_path.read_text(encoding="utf-8"))
    if set(temperatures) != {"category", "sensitivity"} or not all(
            isinstance(t, (int, float)) and t > 0 for t in temperatures.values()):
        raise SystemExit(f"{temperatures_path}: expected positive `category` and `sensitivity` temperatures")
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    labels["temperatures"] = temperatures
    labels["temperature_fitting"] = {
        "method": "training/crossval.py: minimum NLL of the fold models on their held-out templates",
        "file": temperatures_path.name,
    }
    labels_path.write_text(json.dumps(labels, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"temperatures {temperatures} written to {labels_path}")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--model", required=True, help="package directory (labels.json is read, and written with --write)")
    p.add_argument("--temperatures", help="temperatures.json from crossval.py: written into labels.json first (the "
                   "predictions must come from the package with these temperatures; without --predictions, "
                   "only they are written)")
    p.add_argument("--predictions", help="`arkiv eval --predictions` JSONL on labelled validation text")
    p.add_argument("--target-category-accuracy", type=float, default=0.97)
    p.add_argument("--target-undercall", type=float, default=0.003)
    p.add_argument("--public", help="`arkiv eval --predictions` JSONL on short public (S1) text")
    p.add_argument("--max-public-high", type=float, default=0.005,
                   help="largest share of --public rows auto-accepted at S4/S5")
    p.add_argument("--write", action="store_true", help="write the thresholds into labels.json")
    a = p.parse_args(argv)
    if a.temperatures:
        set_temperatures(Path(a.model) / "labels.json", Path(a.temperatures))
        if not a.predictions:
            return 0
    elif not a.predictions:
        p.error("give --predictions (or --temperatures)")
    d = load(Path(a.predictions))
    public = load_public(Path(a.public)) if a.public else None
    best = choose(d, a.target_category_accuracy, a.target_undercall, public=public, max_public_high=a.max_public_high)
    if best is None:
        print("no threshold pair meets the targets; labels.json left unchanged", file=sys.stderr)
        return 1
    (review, _), tc, ts, n, cat_acc, under = best
    print(f"{len(d['cat_conf'])} validation documents ({int(d['forced'].sum())} reviewed whatever the thresholds): "
          f"category {tc:.4f}, sensitivity {ts:.4f} -> review rate {review:.3f}, {n} auto-accepted, "
          f"category accuracy {cat_acc:.4f}, under-calls {under:.4f}")
    if a.write:
        path = Path(a.model) / "labels.json"
        labels = json.loads(path.read_text(encoding="utf-8"))
        labels["thresholds"] = {"category": tc, "sensitivity": ts}
        labels["threshold_tuning"] = {
            "method": "training/tune_thresholds.py on `arkiv eval --predictions` (decision rules applied)",
            "predictions": Path(a.predictions).name, "documents": len(d["cat_conf"]),
            "target_category_accuracy": a.target_category_accuracy, "target_undercall": a.target_undercall,
            "review_rate": review, "auto_accepted": n, "category_accuracy": cat_acc, "undercall": under,
        }
        if public is not None:
            labels["threshold_tuning"].update(public=Path(a.public).name, public_documents=len(public["high"]),
                                              max_public_high=a.max_public_high)
        path.write_text(json.dumps(labels, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
