"""The fastText-style classifier in numpy: forward, backward, losses and Adam.

    input_ids, attention_mask            [N, L]
    unigrams   E[input_ids]                               masked by attention
    bigrams    G[(id_l * K + id_{l+1}) mod B]             masked by both positions
    trigrams   G[((id_l * K + id_{l+1}) * K + id_{l+2}) mod B]   (order 3 only; same table)
    pooled     [mean, max] of the attended unigram and n-gram vectors [N, 2D]
    hidden     relu(pooled W1 + b1)          (skipped when hidden == 0) [N, H]

The mean carries the topic; the max lets a single marker (a secrecy stamp, a diagnosis,
an ID number) count however long the document is.
    category_logits    hidden Wc + bc                                 [N, C]
    sensitivity_logits hidden Ws + bs                                 [N, S]

The n-gram hashes are computed from adjacent token ids, so the ONNX graph
(``export_onnx``) recomputes them exactly from ``input_ids``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np

BIGRAM_MULT = 1000003


@dataclass
class Config:
    """Shape of the model. ``hidden = 0`` puts the heads directly on the pooled vector."""

    vocab_size: int
    dim: int = 64
    hidden: int = 64
    buckets: int = 40000
    n_categories: int = 10
    n_levels: int = 5
    ngram: int = 2  # longest hashed n-gram: 2 (bigrams) or 3 (bigrams and trigrams)

    def to_dict(self) -> dict:
        return asdict(self)


SPARSE = ("emb", "bemb")


def half_tables(params: dict) -> dict:
    """The parameters with the embedding tables rounded to float16, as the ONNX file stores them
    (half the size; the gathered rows are cast back to float32)."""
    return {k: v.astype(np.float16).astype(np.float32) if k in SPARSE else v for k, v in params.items()}


def init_params(cfg: Config, rng: np.random.Generator) -> dict[str, np.ndarray]:
    d, h = cfg.dim, cfg.hidden
    f = np.float32
    p = {
        "emb": (rng.standard_normal((cfg.vocab_size, d)) * 0.1).astype(f),
        "bemb": (rng.standard_normal((cfg.buckets, d)) * 0.1).astype(f),
    }
    width = 2 * d
    if h:
        p["W1"] = (rng.standard_normal((2 * d, h)) * np.sqrt(1.0 / d)).astype(f)
        p["b1"] = np.zeros(h, f)
        width = h
    p["Wc"] = (rng.standard_normal((width, cfg.n_categories)) * np.sqrt(1.0 / width)).astype(f)
    p["bc"] = np.zeros(cfg.n_categories, f)
    p["Ws"] = (rng.standard_normal((width, cfg.n_levels)) * np.sqrt(1.0 / width)).astype(f)
    p["bs"] = np.zeros(cfg.n_levels, f)
    return p


def ngram_ids(ids: np.ndarray, cfg: Config) -> np.ndarray:
    """Hashed bucket of every n-gram, n = 2 .. cfg.ngram, bigrams first: [N, (L-1) + (L-2) ...].

    The key of an n-gram is its (n-1)-gram key times K plus the next id (below 2**63 for
    vocabularies under 9,000,000 at n = 3)."""
    key, parts = ids, []
    for n in range(2, cfg.ngram + 1):
        key = key[:, :-1] * BIGRAM_MULT + ids[:, n - 1 :]
        parts.append(key % cfg.buckets)
    return np.concatenate(parts, axis=1)


def ngram_mask(m: np.ndarray, order: int) -> np.ndarray:
    """1 where every id of the n-gram is attended, in ``ngram_ids``' layout."""
    run, parts = m, []
    for n in range(2, order + 1):
        run = run[:, :-1] * m[:, n - 1 :]
        parts.append(run)
    return np.concatenate(parts, axis=1)


MASKED = 1.0e4  # subtracted from masked positions before the max


def forward(params: dict, ids: np.ndarray, mask: np.ndarray, cfg: Config, ngram_keep=None):
    """Logits of both heads and a cache for ``backward``.

    ``ngram_keep`` (``ngram_ids``' shape, training only) drops n-grams independently of their
    tokens; the exported graph has no such input (every n-gram of attended tokens counts)."""
    ids = ids.astype(np.int64)
    m = mask.astype(np.float32)
    bg = ngram_ids(ids, cfg)
    bm = ngram_mask(m, cfg.ngram)
    if ngram_keep is not None:
        bm = bm * ngram_keep
    vals = np.concatenate([params["emb"][ids], params["bemb"][bg]], axis=1)  # [N, 2L-1, D]
    wm = np.concatenate([m, bm], axis=1)
    count = np.maximum(wm.sum(1), 1.0)[:, None]
    mean = np.einsum("npd,np->nd", vals, wm) / count
    shifted = vals + ((wm - 1.0) * MASKED)[:, :, None]
    arg = shifted.argmax(1)  # [N, D]
    mx = np.take_along_axis(shifted, arg[:, None, :], 1)[:, 0, :]
    pooled = np.concatenate([mean, mx], axis=1)
    if "W1" in params:
        a = pooled @ params["W1"] + params["b1"]
        h = np.maximum(a, 0.0)
    else:
        a = None
        h = pooled
    cat = h @ params["Wc"] + params["bc"]
    sens = h @ params["Ws"] + params["bs"]
    cache = (ids, m, bg, bm, count, arg, pooled, a, h)
    return cat, sens, cache


def _sparse_rows(index: np.ndarray, weight: np.ndarray, upstream: np.ndarray):
    """Rows touched and their gradient: sum over positions of weight * upstream[batch row]."""
    n = index.shape[0]
    keep = weight > 0
    idx = index[keep]
    rows_of = np.nonzero(keep)[0]
    uniq, inv = np.unique(idx, return_inverse=True)
    mat = np.bincount(inv * n + rows_of, weights=weight[keep], minlength=len(uniq) * n)
    grad = mat.reshape(len(uniq), n).astype(np.float32) @ upstream
    return uniq, grad


def _merge_rows(parts):
    """Sum (rows, gradients) pairs into one with unique rows."""
    rows = np.concatenate([r for r, _ in parts])
    grads = np.concatenate([g for _, g in parts]).astype(np.float32)
    uniq, inv = np.unique(rows, return_inverse=True)
    out = np.zeros((len(uniq), grads.shape[1]), np.float32)
    np.add.at(out, inv, grads)
    return uniq, out


def backward(params: dict, cache, dcat: np.ndarray, dsens: np.ndarray) -> dict:
    """Gradients; embedding tables come back as (rows, row gradients)."""
    ids, m, bg, bm, count, arg, pooled, a, h = cache
    g = {
        "Wc": h.T @ dcat,
        "bc": dcat.sum(0),
        "Ws": h.T @ dsens,
        "bs": dsens.sum(0),
    }
    dh = dcat @ params["Wc"].T + dsens @ params["Ws"].T
    if a is not None:
        da = dh * (a > 0)
        g["W1"] = pooled.T @ da
        g["b1"] = da.sum(0)
        dpooled = da @ params["W1"].T
    else:
        dpooled = dh
    n, d = arg.shape
    length = ids.shape[1]
    dmean = (dpooled[:, :d] / count).astype(np.float32)
    dmax = dpooled[:, d:].astype(np.float32)
    # the max routes each coordinate's gradient to the one position that won it
    onehot = np.zeros((n * d, d), np.float32)
    onehot[np.arange(n * d), np.tile(np.arange(d), n)] = dmax.reshape(-1)
    pos = arg.reshape(-1)
    batch_row = np.repeat(np.arange(n), d)
    is_tok = pos < length
    tok_rows = ids[batch_row[is_tok], pos[is_tok]]
    bg_rows = bg[batch_row[~is_tok], pos[~is_tok] - length]
    g["emb"] = _merge_rows([_sparse_rows(ids, m, dmean), (tok_rows, onehot[is_tok])])
    g["bemb"] = _merge_rows([_sparse_rows(bg, bm, dmean), (bg_rows, onehot[~is_tok])])
    return g


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(1, keepdims=True)


def undercall_cost(n_levels: int, public: float = 0.0) -> np.ndarray:
    """cost[y, k] = y - k for a prediction k below the true level y, else 0, plus ``public`` for
    calling a non-public document public (k = S1 < y): the rule floor catches most under-calls
    above S2 (personal data, health, secrecy vocabulary), never that one."""
    y = np.arange(n_levels)[:, None]
    k = np.arange(n_levels)[None, :]
    cost = np.maximum(y - k, 0).astype(np.float32)
    cost[1:, 0] += public
    return cost


def loss_and_grads(
    cat: np.ndarray,
    sens: np.ndarray,
    y_cat: np.ndarray,
    y_sens: np.ndarray,
    w_cat: np.ndarray,
    w_sens: np.ndarray,
    undercall: float = 0.0,
    public_undercall: float = 0.0,
    sens_smooth: np.ndarray | None = None,
    cat_smooth: np.ndarray | None = None,
):
    """Weighted cross-entropy on each head (normalised by that head's weight sum), plus
    ``undercall`` times the expected under-call cost on the sensitivity head. ``sens_smooth``
    (per row, 0-1) mixes that share of a uniform distribution into the row's sensitivity target
    and exempts the row from the under-call cost: for text too short to carry its document's level.
    ``cat_smooth`` does the same to the category target. Returns (loss, dcat, dsens)."""
    n = len(y_cat)
    rows = np.arange(n)
    wc = w_cat.astype(np.float64) / max(float(w_cat.sum()), 1e-8)
    ws = w_sens.astype(np.float64) / max(float(w_sens.sum()), 1e-8)
    pc = _softmax(cat.astype(np.float64))
    ps = _softmax(sens.astype(np.float64))
    target = np.zeros_like(ps)
    target[rows, y_sens] = 1.0
    smooth = np.zeros(n) if sens_smooth is None else sens_smooth.astype(np.float64)
    target = (1.0 - smooth)[:, None] * target + (smooth / ps.shape[1])[:, None]
    cat_target = np.zeros_like(pc)
    cat_target[rows, y_cat] = 1.0
    if cat_smooth is not None:
        cs = cat_smooth.astype(np.float64)
        cat_target = (1.0 - cs)[:, None] * cat_target + (cs / pc.shape[1])[:, None]
    loss = -(wc * (cat_target * np.log(pc + 1e-12)).sum(1)).sum() - (ws * (target * np.log(ps + 1e-12)).sum(1)).sum()
    dcat = pc - cat_target
    dsens = ps - target
    if undercall:
        c = undercall_cost(sens.shape[1], public_undercall)[y_sens]
        expected = (c * ps).sum(1)
        wu = np.where(smooth > 0, 0.0, 1.0)
        loss += undercall * (ws * wu * expected).sum()
        dsens += undercall * wu[:, None] * ps * (c - expected[:, None])
    dcat *= wc[:, None]
    dsens *= ws[:, None]
    return float(loss), dcat.astype(cat.dtype), dsens.astype(sens.dtype)


class Adam:
    """Adam with lazy (row-wise) updates for the embedding tables and optional decoupled
    weight decay (AdamW), applied to the rows a step touches."""

    def __init__(
        self,
        params: dict,
        lr: float = 0.01,
        b1: float = 0.9,
        b2: float = 0.999,
        eps: float = 1e-8,
        weight_decay: float = 0.0,
    ):
        self.lr, self.b1, self.b2, self.eps, self.wd = lr, b1, b2, eps, weight_decay
        self.m = {k: np.zeros_like(v) for k, v in params.items()}
        self.v = {k: np.zeros_like(v) for k, v in params.items()}
        self.t = 0

    def step(self, params: dict, grads: dict, lr: float | None = None) -> None:
        lr = self.lr if lr is None else lr
        self.t += 1
        c1 = 1 - self.b1**self.t
        c2 = 1 - self.b2**self.t
        for k, g in grads.items():
            if k in SPARSE:
                rows, g = g
                m = self.m[k][rows] * self.b1 + (1 - self.b1) * g
                v = self.v[k][rows] * self.b2 + (1 - self.b2) * g * g
                self.m[k][rows] = m
                self.v[k][rows] = v
                update = lr * ((m / c1) / (np.sqrt(v / c2) + self.eps) + self.wd * params[k][rows])
                params[k][rows] -= update.astype(np.float32)
            else:
                self.m[k] = self.m[k] * self.b1 + (1 - self.b1) * g
                self.v[k] = self.v[k] * self.b2 + (1 - self.b2) * g * g
                update = lr * ((self.m[k] / c1) / (np.sqrt(self.v[k] / c2) + self.eps) + self.wd * params[k])
                params[k] -= update.astype(np.float32)


def pad_batch(seqs: list[list[int]], pad_id: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Right-pad id lists to one length: (input_ids, attention_mask), int64."""
    width = max(1, max(len(s) for s in seqs))
    ids = np.full((len(seqs), width), pad_id, np.int64)
    mask = np.zeros((len(seqs), width), np.int64)
    for i, s in enumerate(seqs):
        ids[i, : len(s)] = s
        mask[i, : len(s)] = 1
    return ids, mask

