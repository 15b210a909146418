"""The model package run the way the Rust side runs it (SPEC §6).

NFKC, encode with special tokens, split the ids into windows of ``max_length`` (the
last one padded, attention 0), run the model, combine the windows of a document (mean
of category logits, element-wise max of sensitivity logits), divide by the head's
temperature, softmax, and accept a head when its top probability reaches the head's
threshold.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .calibrate import softmax
from .model import forward, pad_batch


def windows(ids: list[int], max_length: int) -> list[list[int]]:
    """Consecutive windows of at most ``max_length`` ids (at least one, maybe empty)."""
    if not ids:
        return [[]]
    return [ids[i : i + max_length] for i in range(0, len(ids), max_length)]


def document_logits(runner, id_lists: list[list[int]], max_length: int, pad_id: int = 0, batch_size: int = 32):
    """Per-document (category, sensitivity) logits from a window-level ``runner(ids, mask)``."""
    owner: list[int] = []
    wins: list[list[int]] = []
    for d, ids in enumerate(id_lists):
        for w in windows(ids, max_length):
            owner.append(d)
            wins.append(w)
    cats, senss = [], []
    for i in range(0, len(wins), batch_size):
        ids, mask = pad_batch(wins[i : i + batch_size], pad_id)
        c, s = runner(ids, mask)
        cats.append(c)
        senss.append(s)
    cat_w = np.concatenate(cats)
    sens_w = np.concatenate(senss)
    owner_a = np.asarray(owner)
    n = len(id_lists)
    cat = np.zeros((n, cat_w.shape[1]), np.float64)
    np.add.at(cat, owner_a, cat_w)
    cat /= np.bincount(owner_a, minlength=n)[:, None]
    sens = np.full((n, sens_w.shape[1]), -np.inf)
    np.maximum.at(sens, owner_a, sens_w)
    return cat.astype(np.float32), sens.astype(np.float32)


def numpy_runner(params: dict, cfg):
    def run(ids, mask):
        c, s, _ = forward(params, ids, mask, cfg)
        return c, s

    return run


def onnx_runner(model_path, threads: int = 1):
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    sess = ort.InferenceSession(str(model_path), opts, providers=["CPUExecutionProvider"])

    def run(ids, mask):
        c, s = sess.run(
            ["category_logits", "sensitivity_logits"], {"input_ids": ids, "attention_mask": mask}
        )
        return c, s

    return run


@dataclass
class Predictions:
    """Calibrated per-document predictions of both heads."""

    cat_prob: np.ndarray
    sens_prob: np.ndarray
    cat_accept: np.ndarray
    sens_accept: np.ndarray

    @property
    def category(self) -> np.ndarray:
        return self.cat_prob.argmax(1)

    @property
    def sensitivity(self) -> np.ndarray:
        return self.sens_prob.argmax(1)


class Package:
    """A model package directory loaded with onnxruntime, for evaluation in Python."""

    def __init__(self, directory, threads: int = 1):
        from tokenizers import Tokenizer

        self.dir = Path(directory)
        self.labels = json.loads((self.dir / "labels.json").read_text(encoding="utf-8"))
        self.tokenizer = Tokenizer.from_file(str(self.dir / "tokenizer.json"))
        self.runner = onnx_runner(self.dir / "model.onnx", threads)

    def encode(self, texts: list[str]) -> list[list[int]]:
        texts = [unicodedata.normalize("NFKC", t) for t in texts]
        return [e.ids for e in self.tokenizer.encode_batch(texts, add_special_tokens=True)]

    def logits(self, texts: list[str]):
        return document_logits(
            self.runner, self.encode(texts), self.labels["max_length"], self.labels["pad_id"]
        )

    def predict(self, texts: list[str]) -> Predictions:
        return calibrated(self.logits(texts), self.labels["temperatures"], self.labels["thresholds"])


def calibrated(logits, temperatures: dict, thresholds: dict) -> Predictions:
    cat, sens = logits
    pc = softmax(cat / temperatures["category"])
    ps = softmax(sens / temperatures["sensitivity"])
    return Predictions(
        cat_prob=pc,
        sens_prob=ps,
        cat_accept=pc.max(1) >= thresholds["category"],
        sens_accept=ps.max(1) >= thresholds["sensitivity"],
    )
