#!/usr/bin/env python3
"""Out-of-fold predictions on the training templates, for choosing decision thresholds.

The validation split holds out whole templates, one per category in the generated corpus, so
thresholds chosen on it rest on ten templates and swing with them. This script splits the train
templates into K folds (each fold takes a share of every category's templates), trains a model
per fold with train.py on the other folds (the fold's own templates are its validation split),
and has arkiv evaluate each fold model on its held-out templates with synthetic OCR noise. The
result is a prediction row, after arkiv's decision rules, for every training document from a
model that never saw its template. The temperatures are fitted once on all folds' held-out
logits together (written to temperatures.json, and used by every fold package before arkiv
evaluates it), since a single fold's ten-odd templates make a poor calibration set.
tune_thresholds.py sets those temperatures on the final package and picks its thresholds on the
rows:

    python training/crossval.py --data corpus.jsonl --arkiv target/release/arkiv \\
        --work /tmp/cv -- --epochs 2 --undercall 8
    python training/tune_thresholds.py --model models/default \\
        --temperatures /tmp/cv/temperatures.json --predictions /tmp/cv/oof_predictions.jsonl --write

Arguments after `--` go to every train.py run (use the final model's settings). The fold
packages stay in --work for inspection; nothing in the repository is written.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", required=True, help="training file (JSONL) with split and template per row")
    p.add_argument("--arkiv", required=True, help="the arkiv binary that evaluates each fold model")
    p.add_argument("--work", required=True, help="directory for fold data, fold packages and predictions")
    p.add_argument("--folds", type=int, default=5)
    p.add_argument("--seed", type=int, default=0, help="fold assignment and OCR noise seed")
    p.add_argument("--max-folds", type=int, default=0,
                   help="run only the first N folds (a quick comparison of settings; 0: all)")
    p.add_argument("--reuse", action="store_true",
                   help="keep fold packages already in --work (same data, folds and settings) instead of training them")
    p.add_argument("train_args", nargs=argparse.REMAINDER, help="-- then arguments for train.py")
    a = p.parse_args(argv)
    if a.train_args and a.train_args[0] == "--":
        a.train_args = a.train_args[1:]
    if a.folds < 2:
        p.error("--folds must be at least 2")
    return a


def _rank(seed: int, name: str) -> str:
    return hashlib.sha256(f"{seed}:{name}".encode()).hexdigest()


def assign_folds(templates_by_category: dict[str, list[str]], folds: int, seed: int) -> dict[str, int]:
    """Template -> fold, each category's templates spread over the folds in a seeded order;
    the starting fold moves on from category to category so the folds come out even."""
    fold_of, start = {}, 0
    for category in sorted(templates_by_category):
        ordered = sorted(templates_by_category[category], key=lambda t: _rank(seed, t))
        for i, template in enumerate(ordered):
            fold_of[template] = (start + i) % folds
        start += len(ordered)
    return fold_of


def load_train_rows(path: Path) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            if row.get("split", "train") != "train":
                continue
            if not row.get("template"):
                raise SystemExit(f"{path}:{n}: a train row without `template`; folds are made of templates")
            rows.append(row)
    if not rows:
        raise SystemExit(f"{path}: no train rows")
    return rows


def run(cmd: list[str], log: Path) -> None:
    with open(log, "w", encoding="utf-8") as f:
        done = subprocess.run(cmd, stdout=f, stderr=subprocess.STDOUT)
    if done.returncode != 0:
        raise SystemExit(f"`{' '.join(cmd)}` failed (exit {done.returncode}); see {log}")


def pooled_temperatures(work: Path, folds, held_out: dict) -> dict:
    """One temperature per head, minimising the NLL of every fold model on its held-out text."""
    import numpy as np

    from arkivtrain.calibrate import fit_temperature
    from arkivtrain.data import CATEGORIES, SENSITIVITIES
    from arkivtrain.infer import Package

    cat, sens, y_cat, y_sens = [], [], [], []
    for k in folds:
        c, s = Package(work / f"fold{k}").logits([r["text"] for r in held_out[k]])
        cat.append(c)
        sens.append(s)
        y_cat += [CATEGORIES.index(r["category"]) for r in held_out[k]]
        y_sens += [SENSITIVITIES.index(r["sensitivity"]) for r in held_out[k]]
    return {
        "category": fit_temperature(np.concatenate(cat), np.array(y_cat)),
        "sensitivity": fit_temperature(np.concatenate(sens), np.array(y_sens)),
    }


def main(argv=None) -> int:
    a = parse_args(argv)
    sys.path.insert(0, str(HERE))
    from arkivtrain.augment import OcrNoise

    work = Path(a.work)
    work.mkdir(parents=True, exist_ok=True)
    rows = load_train_rows(Path(a.data))
    by_category = defaultdict(set)
    for r in rows:
        by_category[r["category"]].add(r["template"])
    fold_of = assign_folds({c: list(t) for c, t in by_category.items()}, a.folds, a.seed)
    print(f"{len(rows)} train documents, {len(fold_of)} templates in {a.folds} folds")

    folds = range(a.max_folds or a.folds)
    held_out = {}
    for k in folds:
        started = time.time()
        held = [r for r in rows if fold_of[r["template"]] == k]
        data = work / f"fold{k}.jsonl"
        with open(data, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps({**r, "split": "val" if fold_of[r["template"]] == k else "train"},
                                   ensure_ascii=False) + "\n")
        noise = OcrNoise(seed=a.seed * 1000 + k)
        held_out[k] = [{"id": r["id"], "text": noise(r["text"]), "category": r["category"],
                        "sensitivity": r["sensitivity"]} for r in held]
        with open(work / f"fold{k}_heldout.jsonl", "w", encoding="utf-8") as f:
            for r in held_out[k]:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        package = work / f"fold{k}"
        if a.reuse and (package / "labels.json").exists():
            print(f"fold {k}: reusing {package}")
            continue
        run([sys.executable, str(HERE / "train.py"), "--data", str(data), "--out", str(package),
             "--name", f"fold{k}", *a.train_args], work / f"fold{k}_train.log")
        templates = {r["template"] for r in held}
        print(f"fold {k}: trained on the other folds, {len(held)} documents from {len(templates)} templates "
              f"held out, {time.time() - started:.0f} s")

    temperatures = pooled_temperatures(work, folds, held_out)
    (work / "temperatures.json").write_text(json.dumps(temperatures, indent=2) + "\n", encoding="utf-8")
    print(f"temperatures fitted on all held-out folds: {temperatures}")

    from tune_thresholds import set_temperatures

    oof = work / "oof_predictions.jsonl"
    with open(oof, "w", encoding="utf-8") as merged:
        for k in folds:
            package = work / f"fold{k}"
            set_temperatures(package / "labels.json", work / "temperatures.json")
            predictions = work / f"fold{k}_predictions.jsonl"
            run([a.arkiv, "eval", "--model", str(package), "--data", str(work / f"fold{k}_heldout.jsonl"),
                 "--predictions", str(predictions)], work / f"fold{k}_eval.log")
            merged.write(predictions.read_text(encoding="utf-8"))
            summary = (work / f"fold{k}_eval.log").read_text(encoding="utf-8").splitlines()
            print(f"fold {k}: " + next((s for s in summary if "review rate" in s), "").strip())
    print(f"wrote {oof}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
