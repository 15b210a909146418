"""Calibration and decision thresholds, fitted on validation data (SPEC §4).

- a temperature per head minimising the negative log-likelihood;
- a threshold per head: the lowest calibrated confidence at which the auto-accepted
  documents (confidence >= threshold) still reach the target accuracy (and, for
  sensitivity, stay under a maximum under-call rate);
- the figures reported in metrics.json: macro-F1, ECE, coverage, accepted accuracy.
"""

from __future__ import annotations

import numpy as np


def softmax(z: np.ndarray) -> np.ndarray:
    z = np.asarray(z, np.float64)
    z = z - z.max(1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(1, keepdims=True)


def nll(logits: np.ndarray, y: np.ndarray, temperature: float) -> float:
    p = softmax(logits / temperature)
    return float(-np.log(p[np.arange(len(y)), y] + 1e-12).mean())


def fit_temperature(logits: np.ndarray, y: np.ndarray, lo: float = 0.05, hi: float = 20.0) -> float:
    """Temperature minimising NLL, by golden-section search on log T."""
    a, b = np.log(lo), np.log(hi)
    g = (np.sqrt(5) - 1) / 2
    c, d = b - g * (b - a), a + g * (b - a)
    fc, fd = nll(logits, y, np.exp(c)), nll(logits, y, np.exp(d))
    for _ in range(60):
        if fc < fd:
            b, d, fd = d, c, fc
            c = b - g * (b - a)
            fc = nll(logits, y, np.exp(c))
        else:
            a, c, fc = c, d, fd
            d = a + g * (b - a)
            fd = nll(logits, y, np.exp(d))
    return float(np.exp((a + b) / 2))


def ece(prob: np.ndarray, y: np.ndarray, bins: int = 15) -> float:
    """Expected calibration error of the top class, equal-width bins."""
    conf = prob.max(1)
    correct = prob.argmax(1) == y
    edges = np.linspace(0.0, 1.0, bins + 1)
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        sel = (conf > lo) & (conf <= hi)
        if sel.any():
            total += sel.mean() * abs(conf[sel].mean() - correct[sel].mean())
    return float(total)


def choose_threshold(conf: np.ndarray, limits: list[tuple[np.ndarray, float]]) -> float:
    """Lowest threshold whose accepted set keeps every error rate under its limit.

    ``limits`` holds (is_error per document, maximum rate among accepted). Documents
    are accepted from the most confident down; the threshold is the confidence of the
    last document of the largest prefix that satisfies every limit. 1.0 when none does.
    """
    order = np.argsort(-conf, kind="stable")
    k = np.arange(1, len(conf) + 1)
    ok = np.ones(len(conf), bool)
    for bad, rate in limits:
        ok &= np.cumsum(bad[order]) <= rate * k
    # a prefix may only end between distinct confidences
    distinct = np.append(conf[order][1:] < conf[order][:-1], True)
    ok &= distinct
    if not ok.any():
        return 1.0
    last = int(np.nonzero(ok)[0].max())
    return float(conf[order][last])


def macro_f1(y: np.ndarray, pred: np.ndarray, n: int) -> float:
    f1s = []
    for c in range(n):
        tp = np.sum((pred == c) & (y == c))
        fp = np.sum((pred == c) & (y != c))
        fn = np.sum((pred != c) & (y == c))
        if tp + fp + fn == 0:
            continue
        f1s.append(2 * tp / (2 * tp + fp + fn))
    return float(np.mean(f1s)) if f1s else 0.0


def head_report(prob: np.ndarray, y: np.ndarray, accept: np.ndarray, n: int, ordinal: bool = False) -> dict:
    """Figures of one head on labelled documents."""
    pred = prob.argmax(1)
    out = {
        "documents": int(len(y)),
        "accuracy": float((pred == y).mean()),
        "macro_f1": macro_f1(y, pred, n),
        "ece": ece(prob, y),
        "auto_accept_rate": float(accept.mean()),
        "accepted_accuracy": float((pred[accept] == y[accept]).mean()) if accept.any() else None,
    }
    if ordinal:
        out["undercall_rate"] = float((pred < y).mean())
        out["accepted_undercall_rate"] = float((pred[accept] < y[accept]).mean()) if accept.any() else None
    return out
