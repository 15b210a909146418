"""The Python pipeline a team would otherwise glue together, for the end-to-end benchmark.

pytesseract-style OCR (the tesseract CLI, one process per page, same language and page
segmentation as arkiv), the same ONNX model through onnxruntime with the same tokenizer, NFKC and
windowing, and pyarrow writing Parquet — parallelised with multiprocessing. No PII detection or
decision rules: the peer does strictly less work than arkiv.

    python benches/e2e_peer.py --model models/default --jobs 2 --out /tmp/peer.parquet PAGES...
"""

import argparse
import json
import multiprocessing as mp
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import numpy as np
import onnxruntime as ort
import pyarrow as pa
import pyarrow.parquet as pq
from tokenizers import Tokenizer


def ocr(path):
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    out = subprocess.run(
        ["tesseract", str(path), "-", "-l", LANG, "--psm", PSM],
        capture_output=True, env=env, check=False,
    )
    return str(path), out.stdout.decode("utf-8", "replace")


def classify(model_dir, texts):
    labels = json.loads((model_dir / "labels.json").read_text())
    tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    sess = ort.InferenceSession(str(model_dir / "model.onnx"), opts, providers=["CPUExecutionProvider"])
    n, pad = labels["max_length"], labels.get("pad_id", 0)
    out = []
    for text in texts:
        ids = tok.encode(unicodedata.normalize("NFKC", text)).ids or [pad]
        windows = [ids[i:i + n] for i in range(0, len(ids), n)]
        seq = max(len(w) for w in windows)
        x = np.full((len(windows), seq), pad, dtype=np.int64)
        m = np.zeros_like(x)
        for r, w in enumerate(windows):
            x[r, :len(w)] = w
            m[r, :len(w)] = 1
        cat, sens = sess.run(["category_logits", "sensitivity_logits"], {"input_ids": x, "attention_mask": m})
        out.append((labels["categories"][int(cat.mean(0).argmax())], labels["sensitivities"][int(sens.max(0).argmax())]))
    return out


def main():
    global LANG, PSM
    p = argparse.ArgumentParser()
    p.add_argument("--model", required=True, type=Path)
    p.add_argument("--jobs", type=int, default=os.cpu_count())
    p.add_argument("--lang", default="chi_sim+eng")
    p.add_argument("--psm", default="4")
    p.add_argument("--out", required=True)
    p.add_argument("pages", nargs="+")
    a = p.parse_args()
    LANG, PSM = a.lang, a.psm
    with mp.Pool(a.jobs, initializer=_init, initargs=(a.lang, a.psm)) as pool:
        results = pool.map(ocr, a.pages, chunksize=1)
    labels = classify(a.model, [t for _, t in results])
    table = pa.table({
        "source_path": [p for p, _ in results],
        "text": [t for _, t in results],
        "category": [c for c, _ in labels],
        "sensitivity": [s for _, s in labels],
    })
    pq.write_table(table, a.out, compression="zstd")
    print(f"peer: {len(results)} pages -> {a.out}", file=sys.stderr)


def _init(lang, psm):
    global LANG, PSM
    LANG, PSM = lang, psm


LANG, PSM = "chi_sim+eng", "4"

if __name__ == "__main__":
    main()
