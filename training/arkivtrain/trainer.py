"""The training loop: noisy mini-batches, Adam, early stopping on validation loss."""

from __future__ import annotations

import random
import sys
import time
from dataclasses import dataclass

import numpy as np

from .augment import OcrNoise, collage, fragment
from .calibrate import macro_f1, nll
from .infer import document_logits, numpy_runner
from .model import Adam, Config, backward, forward, init_params, loss_and_grads, ngram_ids, pad_batch


@dataclass
class TrainParams:
    """Optimisation settings; the defaults train the default model."""

    epochs: int = 12
    batch_size: int = 64
    lr: float = 0.01
    lr_final: float = 0.1  # fraction of lr reached at the end (linear decay)
    token_dropout: float = 0.1
    template_dropout: float = 0.8  # drop rate of a feature seen in one train template only
    weight_decay: float = 0.0
    undercall: float = 1.0  # weight of the expected under-call cost (sensitivity head)
    public_undercall: float = 0.0  # extra cost of calling a non-public document S1
    clean_copies: float = 0.2  # share of training passes on un-noised text
    fragments: float = 0.25  # share of training passes on a random passage of the text
    # weight of the sensitivity loss on a passage: the document's level may rest on a marking or
    # a diagnosis the passage does not hold (arkiv takes the maximum over windows, so a window
    # needs no level of its own)
    fragment_sensitivity_weight: float = 1.0
    # share of passages that are snippets of 12-40 characters (one-line sections, captions); they
    # teach the category only: a snippet seldom holds what sets its document's level
    snippets: float = 0.0
    # with snippets: their sensitivity target mixes in this share of a uniform distribution (and
    # they are exempt from the under-call cost) instead of carrying no sensitivity loss, so the
    # head learns that a short text seldom settles a level
    snippet_smoothing: float = 0.0
    snippet_category_weight: float = 1.0  # weight of the category loss on a snippet
    # share of training passes replaced by a collage of pieces of random documents (8-40
    # characters), with a uniform target on both heads: text that resembles none of the corpus
    # should leave the model unsure rather than confident (outlier exposure)
    outliers: float = 0.0
    outlier_category_weight: float = 1.0  # weight of the category loss on an outlier
    max_length: int = 512
    max_steps: int = 0  # stop after this many steps (0: no limit), for smoke runs
    patience: int = 3
    seed: int = 0


def class_weights(y: np.ndarray, n: int) -> np.ndarray:
    """Inverse square-root frequency, normalised to a mean of 1 over the documents."""
    counts = np.bincount(y, minlength=n).astype(np.float64)
    w = np.where(counts > 0, 1.0 / np.sqrt(np.maximum(counts, 1)), 0.0)
    return w / (w[y].mean())


def template_spread(id_lists, templates: list[str], cfg: Config):
    """For each token id and n-gram bucket: in how many train templates it occurs."""
    by_t: dict[str, list[list[int]]] = {}
    for ids, t in zip(id_lists, templates):
        by_t.setdefault(t, []).append(ids)
    tok = np.zeros(cfg.vocab_size, np.int64)
    gram = np.zeros(cfg.buckets, np.int64)
    for lists in by_t.values():
        flat = np.concatenate([np.asarray(x, np.int64) for x in lists])
        tok[np.unique(flat)] += 1
        grams = np.concatenate(
            [ngram_ids(np.asarray(x, np.int64)[None, :], cfg)[0] for x in lists if len(x) > 1]
            or [np.zeros(0, np.int64)]
        )
        gram[np.unique(grams)] += 1
    return tok, gram


def drop_rates(spread: np.ndarray, base: float, top: float) -> np.ndarray:
    """Features in few templates are dropped more: top / templates, at least ``base``."""
    return np.clip(top / np.maximum(spread, 1), base, top)


def _crop(ids: list[int], max_length: int, rng: np.random.Generator) -> list[int]:
    if len(ids) <= max_length:
        return ids
    start = int(rng.integers(0, len(ids) - max_length + 1))
    return ids[start : start + max_length]


def evaluate(params: dict, cfg: Config, id_lists, y_cat, y_sens, max_length: int) -> dict:
    cat, sens = document_logits(numpy_runner(params, cfg), id_lists, max_length)
    return {
        "loss": nll(cat, y_cat, 1.0) + nll(sens, y_sens, 1.0),
        "category_macro_f1": macro_f1(y_cat, cat.argmax(1), cfg.n_categories),
        "sensitivity_accuracy": float((sens.argmax(1) == y_sens).mean()),
        "sensitivity_undercall": float((sens.argmax(1) < y_sens).mean()),
    }


def fit(cfg: Config, tp: TrainParams, encode, train, val, log=print):
    """Train on ``train`` (records) and early-stop on ``val`` = (id lists, y_cat, y_sens).

    ``encode`` maps a list of texts to id lists. Returns (best params, history).
    """
    rng = np.random.default_rng(tp.seed)
    noise = OcrNoise(seed=tp.seed)
    cut = random.Random(tp.seed)
    params = init_params(cfg, rng)
    opt = Adam(params, lr=tp.lr, weight_decay=tp.weight_decay)
    y_cat = np.array([r.category for r in train])
    y_body = np.array([r.category if r.body_category is None else r.body_category for r in train])
    y_sens = np.array([r.sensitivity for r in train])
    w_doc = np.array([r.weight for r in train], np.float64)
    w_cat = class_weights(y_cat, cfg.n_categories)
    w_sens = class_weights(y_sens, cfg.n_levels)
    templates = [r.template for r in train]
    all_texts = [r.text for r in train]
    if tp.template_dropout and len(set(templates)) > 1 and all(templates):
        tok_spread, bg_spread = template_spread(encode([r.text for r in train]), templates, cfg)
        tok_drop = drop_rates(tok_spread, tp.token_dropout, tp.template_dropout)
        bg_drop = drop_rates(bg_spread, tp.token_dropout, tp.template_dropout)
        log(
            f"template dropout: {np.mean(tok_spread == 1):.2%} of tokens, "
            f"{np.mean(bg_spread == 1):.2%} of n-gram buckets in one template only"
        )
    else:
        tok_drop = np.full(cfg.vocab_size, tp.token_dropout)
        bg_drop = np.full(cfg.buckets, tp.token_dropout)
    steps_per_epoch = max(1, -(-len(train) // tp.batch_size))
    total_steps = steps_per_epoch * tp.epochs
    if tp.max_steps:
        total_steps = min(total_steps, tp.max_steps)
    history = []
    best, best_loss, bad_epochs, step = None, np.inf, 0, 0
    started = time.time()
    for epoch in range(tp.epochs):
        is_fragment = rng.random(len(train)) < tp.fragments
        is_snippet = is_fragment & (rng.random(len(train)) < tp.snippets)
        is_outlier = rng.random(len(train)) < tp.outliers
        texts = [
            collage(all_texts, cut) if o
            else fragment(r.text, cut, max_chars=40) if s else fragment(r.text, cut) if f else r.text
            for r, f, s, o in zip(train, is_fragment, is_snippet, is_outlier)
        ]
        snippet_sens_weight = tp.fragment_sensitivity_weight if tp.snippet_smoothing else 0.0
        w_sens_pass = np.where(is_snippet, snippet_sens_weight,
                               np.where(is_fragment, tp.fragment_sensitivity_weight, 1.0))
        w_sens_pass = np.where(is_outlier, 1.0, w_sens_pass)
        smooth = np.where(is_outlier, 1.0, np.where(is_snippet, tp.snippet_smoothing, 0.0))
        cat_smooth = np.where(is_outlier, 1.0, 0.0)
        w_cat_pass = np.where(is_outlier, tp.outlier_category_weight, np.where(is_snippet, tp.snippet_category_weight, 1.0))
        # a passage may miss the frame a document's category rests on: it has the body's category
        y_cat_pass = np.where(is_fragment, y_body, y_cat)
        texts = [t if rng.random() < tp.clean_copies else noise(t) for t in texts]
        id_lists = [_crop(ids, tp.max_length, rng) for ids in encode(texts)]
        order = rng.permutation(len(train))
        losses = []
        for b in range(steps_per_epoch):
            if step >= total_steps:
                break
            idx = order[b * tp.batch_size : (b + 1) * tp.batch_size]
            ids, mask = pad_batch([id_lists[i] for i in idx])
            drop = rng.random(mask.shape) < tok_drop[ids]
            drop[:, 0] = False
            mask = mask * ~drop
            grams = ngram_ids(ids, cfg)
            bg_keep = rng.random(grams.shape) >= bg_drop[grams]
            cat, sens, cache = forward(params, ids, mask, cfg, bg_keep.astype(np.float32))
            loss, dcat, dsens = loss_and_grads(
                cat,
                sens,
                y_cat_pass[idx],
                y_sens[idx],
                w_doc[idx] * w_cat[y_cat[idx]] * w_cat_pass[idx],
                w_doc[idx] * w_sens[y_sens[idx]] * w_sens_pass[idx],
                undercall=tp.undercall,
                public_undercall=tp.public_undercall,
                sens_smooth=smooth[idx],
                cat_smooth=cat_smooth[idx],
            )
            grads = backward(params, cache, dcat, dsens)
            frac = step / max(1, total_steps - 1)
            opt.step(params, grads, lr=tp.lr * (1.0 - (1.0 - tp.lr_final) * frac))
            losses.append(loss)
            step += 1
        row = {"epoch": epoch + 1, "steps": step, "train_loss": float(np.mean(losses)) if losses else None}
        row.update({f"val_{k}": v for k, v in evaluate(params, cfg, *val, tp.max_length).items()})
        row["seconds"] = round(time.time() - started, 1)
        history.append(row)
        log(
            f"epoch {row['epoch']}: train loss {row['train_loss']:.4f}, val loss {row['val_loss']:.4f}, "
            f"val category macro-F1 {row['val_category_macro_f1']:.4f}, "
            f"val sensitivity acc {row['val_sensitivity_accuracy']:.4f} ({row['seconds']} s)"
        )
        sys.stdout.flush()
        if row["val_loss"] < best_loss:
            best_loss, bad_epochs = row["val_loss"], 0
            best = {k: v.copy() for k, v in params.items()}
        else:
            bad_epochs += 1
            if bad_epochs >= tp.patience:
                log(f"early stop: no val improvement for {tp.patience} epochs")
                break
        if step >= total_steps:
            break
    return best, history
