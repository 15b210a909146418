#!/usr/bin/env python3
"""Train arkiv's classifier and write a model package (SPEC §6).

    python training/train.py --data corpus.jsonl --out models/default
    python training/train.py --data corpus.jsonl --out /tmp/smoke --smoke

Reads the training file (`arkiv export-training` format: JSONL or Parquet with text,
category, sensitivity, optional weight, provenance, split, template), trains the
tokenizer and a fastText-style model in numpy on the train split with OCR-noise
augmentation, early-stops, fits a temperature per head and thresholds on validation
text (OCR'd by arkiv when --val-ocr is given, else noised), exports a single-file ONNX
model checked against numpy, evaluates the package on the test split, and writes
model.onnx, tokenizer.json, labels.json, metrics.json and MODEL_CARD.md.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import time
from pathlib import Path


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", required=True, help="training file: JSONL or Parquet")
    p.add_argument("--val-ocr", help="validation text OCR'd by arkiv (JSONL or Parquet with text and labels)")
    p.add_argument("--out", required=True, help="package directory to write, e.g. models/default")
    p.add_argument("--name", help="package name (default: the --out directory's name)")
    p.add_argument("--version", default="0.1.0")
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--dim", type=int, default=64)
    p.add_argument("--hidden", type=int, default=0, help="hidden layer width, 0 for none")
    p.add_argument("--buckets", type=int, default=40000, help="hashed n-gram buckets")
    p.add_argument("--ngram", type=int, choices=(2, 3), default=2, help="longest hashed n-gram (3: bigrams and trigrams)")
    p.add_argument("--vocab-size", type=int, default=12000)
    p.add_argument("--limit-alphabet", type=int, default=6000)
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--lr", type=float, default=0.01)
    p.add_argument("--token-dropout", type=float, default=0.1, help="share of tokens masked in training")
    p.add_argument("--template-dropout", type=float, default=0.95,
                   help="drop rate of tokens/bigrams seen in one train template only (halved at two, ...)")
    p.add_argument("--fragments", type=float, default=0.25, help="share of passes on a random passage")
    p.add_argument("--fragment-sensitivity-weight", type=float, default=1.0,
                   help="weight of the sensitivity loss on a passage (its document's level may rest on text it lacks)")
    p.add_argument("--snippets", type=float, default=0.0,
                   help="share of passages that are 12-40-character snippets, for the category head only "
                        "(and the sensitivity head with --snippet-smoothing)")
    p.add_argument("--snippet-category-weight", type=float, default=1.0,
                   help="weight of the category loss on a snippet")
    p.add_argument("--snippet-smoothing", type=float, default=0.0,
                   help="share of a uniform distribution in a snippet's sensitivity target (0: no sensitivity "
                        "loss on snippets)")
    p.add_argument("--outliers", type=float, default=0.0,
                   help="share of training passes replaced by a collage of 2-6-character pieces of random "
                        "documents, with a uniform target on both heads (outlier exposure)")
    p.add_argument("--outlier-category-weight", type=float, default=1.0,
                   help="weight of the category loss on an outlier (0: outliers teach the sensitivity head only)")
    p.add_argument("--weight-decay", type=float, default=0.01, help="decoupled weight decay (AdamW)")
    p.add_argument("--undercall", type=float, default=1.0, help="weight of the under-call cost")
    p.add_argument("--public-undercall", type=float, default=0.0,
                   help="extra under-call cost of calling a non-public (S2+) document S1")
    p.add_argument("--max-length", type=int, default=512)
    p.add_argument("--target-category-accuracy", type=float, default=0.98)
    p.add_argument("--target-sensitivity-accuracy", type=float, default=0.99)
    p.add_argument("--target-sensitivity-undercall", type=float, default=0.003)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--threads", type=int, default=1, help="numpy/onnxruntime threads")
    p.add_argument("--max-docs", type=int, default=0, help="use at most this many train documents (0: all)")
    p.add_argument("--smoke", action="store_true", help="a few steps on a small model, for tests")
    a = p.parse_args(argv)
    for name in ("fragments", "snippets", "snippet_smoothing", "outliers"):
        if not 0.0 <= getattr(a, name) <= 1.0:
            p.error(f"--{name.replace('_', '-')} must be between 0 and 1")
    return a


def main(argv=None) -> int:
    args = parse_args(argv)
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(args.threads)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from arkivtrain.data import DataError

    try:
        run(args, argv)
    except DataError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    return 0


def _subsample(records, n, rng):
    if n and len(records) > n:
        idx = sorted(rng.choice(len(records), n, replace=False))
        return [records[i] for i in idx]
    return records


def run(args, argv) -> None:
    import datetime

    import numpy as np

    from arkivtrain import card, export_onnx
    from arkivtrain.augment import OcrNoise
    from arkivtrain.calibrate import choose_threshold, fit_temperature, head_report
    from arkivtrain.data import CATEGORIES, SENSITIVITIES, DataError, assign_splits, by_split, describe, file_sha256, load_records
    from arkivtrain.infer import Package, calibrated, document_logits, numpy_runner
    from arkivtrain.model import Config, half_tables
    from arkivtrain.tokenizer import PAD_ID, encode_batch, train_tokenizer
    from arkivtrain.trainer import TrainParams, fit

    started = time.time()
    out = Path(args.out)
    name = args.name or out.name
    rng = np.random.default_rng(args.seed)
    records = load_records(args.data)
    assign_splits(records)
    parts = by_split(records)
    if args.smoke:
        args.dim, args.hidden, args.buckets = 8, 8, 256
        args.vocab_size, args.limit_alphabet = 400, 300
        parts = {k: _subsample(v, 300 if k == "train" else 100, rng) for k, v in parts.items()}
    parts["train"] = _subsample(parts["train"], args.max_docs, rng)
    if not parts["train"]:
        raise DataError(f"{args.data}: no train rows")
    if not parts["val"]:
        raise DataError(f"{args.data}: no val rows; give rows split=val (or no split at all)")
    print(f"data: {len(parts['train'])} train, {len(parts['val'])} val, {len(parts['test'])} test documents")

    tok = train_tokenizer(
        (r.text for r in parts["train"]),
        vocab_size=args.vocab_size,
        limit_alphabet=args.limit_alphabet,
    )
    print(f"tokenizer: {tok.get_vocab_size()} tokens")

    def encode(texts):
        return encode_batch(tok, texts)

    ocr_val, ocr_test = [], []
    if args.val_ocr:
        for r in load_records(args.val_ocr):
            (ocr_test if r.split == "test" else ocr_val).append(r)
    if ocr_val:
        val = ocr_val
        val_texts = [r.text for r in val]
        val_source = f"text OCR'd by arkiv from rendered scans (`{args.val_ocr}`, {len(val)} documents)"
    else:
        val = parts["val"]
        noise = OcrNoise(seed=args.seed + 1)
        val_texts = [noise(r.text) for r in val]
        val_source = "the val split with synthetic OCR noise (no --val-ocr given)"
    y_val_cat = np.array([r.category for r in val])
    y_val_sens = np.array([r.sensitivity for r in val])
    val_ids = encode(val_texts)

    cfg = Config(
        vocab_size=tok.get_vocab_size(),
        dim=args.dim,
        hidden=args.hidden,
        buckets=args.buckets,
        ngram=args.ngram,
        n_categories=len(CATEGORIES),
        n_levels=len(SENSITIVITIES),
    )
    tp = TrainParams(
        epochs=1 if args.smoke else args.epochs,
        batch_size=args.batch_size,
        lr=args.lr,
        undercall=args.undercall,
        public_undercall=args.public_undercall,
        token_dropout=args.token_dropout,
        fragments=args.fragments,
        fragment_sensitivity_weight=args.fragment_sensitivity_weight,
        snippets=args.snippets,
        snippet_smoothing=args.snippet_smoothing,
        snippet_category_weight=args.snippet_category_weight,
        outliers=args.outliers,
        outlier_category_weight=args.outlier_category_weight,
        template_dropout=args.template_dropout,
        weight_decay=args.weight_decay,
        max_length=args.max_length,
        max_steps=5 if args.smoke else 0,
        seed=args.seed,
    )
    t0 = time.time()
    params, history = fit(cfg, tp, encode, parts["train"], (val_ids, y_val_cat, y_val_sens))
    params = half_tables(params)  # calibrate and check the weights the ONNX file will hold
    train_seconds = time.time() - t0

    # calibration and thresholds on validation text
    cat_l, sens_l = document_logits(numpy_runner(params, cfg), val_ids, args.max_length, PAD_ID)
    temps = {
        "category": fit_temperature(cat_l, y_val_cat),
        "sensitivity": fit_temperature(sens_l, y_val_sens),
    }
    pv = calibrated((cat_l, sens_l), temps, {"category": 1.0, "sensitivity": 1.0})
    pred_c, pred_s = pv.category, pv.sensitivity
    thresholds = {
        "category": choose_threshold(
            pv.cat_prob.max(1), [(pred_c != y_val_cat, 1.0 - args.target_category_accuracy)]
        ),
        "sensitivity": choose_threshold(
            pv.sens_prob.max(1),
            [
                (pred_s != y_val_sens, 1.0 - args.target_sensitivity_accuracy),
                (pred_s < y_val_sens, args.target_sensitivity_undercall),
            ],
        ),
    }
    print(f"temperatures {temps}, thresholds {thresholds}")

    out.mkdir(parents=True, exist_ok=True)
    tok.save(str(out / "tokenizer.json"))
    onnx_path = out / "model.onnx"
    export_onnx.export(
        onnx_path, cfg, params, {"name": name, "version": args.version, "producer": "training/train.py"}
    )
    check = [w for ids in val_ids[:64] for w in [ids[: args.max_length]]]
    from arkivtrain.model import pad_batch

    diff = export_onnx.verify(onnx_path, cfg, params, *pad_batch(check, PAD_ID))
    extra = {"model": {"kind": "fasttext-trigram" if cfg.ngram == 3 else "fasttext-bigram", **cfg.to_dict()}}
    labels = card.labels_json(name, args.version, temps, thresholds, args.max_length, PAD_ID, extra)
    card.write_json(out / "labels.json", labels)

    # figures of the written package, run as arkiv runs it
    pkg = Package(out, threads=args.threads)
    evals = {}

    def report(label, recs, texts):
        if not recs:
            return
        yc = np.array([r.category for r in recs])
        ys = np.array([r.sensitivity for r in recs])
        p = pkg.predict(texts)
        evals[label] = {
            "category": head_report(p.cat_prob, yc, p.cat_accept, len(CATEGORIES)),
            "sensitivity": head_report(p.sens_prob, ys, p.sens_accept, len(SENSITIVITIES), ordinal=True),
            "review_rate": float((~(p.cat_accept & p.sens_accept)).mean()),
        }

    report("val", val, val_texts)
    test = parts["test"]
    report("test_clean", test, [r.text for r in test])
    test_noise = OcrNoise(seed=args.seed + 2)
    test_noisy = [test_noise(r.text) for r in test]
    report("test_ocr_noise", test, test_noisy)
    report("test_ocr_arkiv", ocr_test, [r.text for r in ocr_test])

    throughput = None
    if test:
        texts = (test_noisy * (1 + 2000 // len(test)))[:2000]
        t1 = time.time()
        pkg.logits(texts)
        throughput = round(len(texts) / (time.time() - t1), 1)

    metrics = {
        "name": name,
        "version": args.version,
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "command": "python training/train.py " + shlex.join(argv if argv is not None else sys.argv[1:]),
        "smoke": bool(args.smoke),
        "data": {"file": str(args.data), "sha256": file_sha256(args.data), **describe(records)},
        "validation": {"source": val_source, "documents": len(val)},
        "model": cfg.to_dict(),
        "training": {
            **{k: v for k, v in vars(tp).items()},
            "seconds": round(train_seconds, 1),
            "epochs_run": len(history),
            "steps": history[-1]["steps"] if history else 0,
            "threads": args.threads,
            "history": history,
        },
        "onnx": {
            "opset": export_onnx.OPSET,
            "bytes": onnx_path.stat().st_size,
            "sha256": file_sha256(onnx_path),
            "max_abs_diff": diff,
        },
        "targets": {
            "category_accuracy": args.target_category_accuracy,
            "sensitivity_accuracy": args.target_sensitivity_accuracy,
            "sensitivity_undercall": args.target_sensitivity_undercall,
        },
        "temperatures": temps,
        "thresholds": thresholds,
        "evaluation": evals,
        "throughput_docs_per_s_1_thread_batch_32": throughput,
        "total_seconds": round(time.time() - started, 1),
        "limitations": [
            "Trained on a synthetic, template-generated corpus: real documents whose wording differs from "
            "the templates get lower confidence and go to review more often.",
            f"Bag of characters and character {'bigrams and trigrams' if args.ngram == 3 else 'bigrams'}: no "
            f"word order beyond {'three' if args.ngram == 3 else 'two'} adjacent characters, so negations "
            "('未见', '否认') and who a statement is about are not understood.",
            "Characters never seen in training encode as [UNK]; rare characters, Traditional Chinese and "
            "English wording carry less signal than Simplified Chinese.",
            "Sensitivity is predicted from content only; arkiv's rule floor (PII, health and secrecy "
            "vocabulary) must still raise it.",
        ]
        + (["Smoke run: a few training steps, not a usable model."] if args.smoke else []),
    }
    card.write_json(out / "metrics.json", metrics)
    card.write_card(out / "MODEL_CARD.md", metrics)
    print(f"wrote {out} ({onnx_path.stat().st_size} bytes ONNX) in {time.time() - started:.1f} s")
    for k, v in evals.items():
        print(
            f"  {k}: category macro-F1 {v['category']['macro_f1']:.4f} ece {v['category']['ece']:.4f}, "
            f"sensitivity acc {v['sensitivity']['accuracy']:.4f} ece {v['sensitivity']['ece']:.4f}, "
            f"review {v['review_rate']:.3f}, accepted under-call {v['sensitivity']['accepted_undercall_rate']}"
        )


if __name__ == "__main__":
    sys.exit(main())
