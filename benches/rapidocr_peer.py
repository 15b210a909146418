#!/usr/bin/env python3
"""RapidOCR (Python) on the pages of benches/ocr_accuracy.rs, for the comparison asked by issue #8.

  rapidocr_peer.py run --engine rapidocr-v6|rapidocr-v4 [--det-side PX] [--limit N]
                       [--models DIR] --json OUT DATASET...
  rapidocr_peer.py table FILE.jsonl...

`run` reads each page with RapidOCR and writes one JSON row per page, like the Rust bench's
`--json` (dataset, engine, page, cer, cpu_s, text, peak_rss_mb); its first row (`"load": true`)
holds the model load, measured apart. `rapidocr-v6` is `rapidocr` 3.10.0 (PP-OCRv6 small det
and rec), `rapidocr-v4` is `rapidocr_onnxruntime` 1.4.4 (PP-OCRv4 mobile); both are given the
very model files arkiv uses (`.models/ppocr/`, unpacked from the same wheels: the sha256 is
checked against the wheel's copy), so nothing is downloaded. Settings: RapidOCR's defaults
except the text-line angle classifier off (arkiv's default) and one thread (ONNX Runtime
intra_op_num_threads = inter_op_num_threads = 1, OpenCV one thread, OMP/BLAS one thread).
`--det-side PX` additionally scales detection input to at most PX on its longer side, as arkiv
does (default: RapidOCR's own, `limit_type: min, limit_side_len: 736`, after its resize of the
page to at most 2000 pixels).

CPU is process time (user + system, all threads) of the whole `engine(path)` call — image
decode, resize, detection, crops, recognition — per page; peak RSS is the process's high-water
mark (getrusage ru_maxrss, the same figure as VmHWM that the Rust bench reads). Run one engine
per process.

`table` reads JSONL files of both benches and prints one table: CER is recomputed from each
row's text against the dataset's truth exactly as benches/ocr_accuracy.rs does (full-width
ASCII and U+3000 folded, Rust's `char::is_whitespace` characters removed, Levenshtein over
characters, summed edits / summed reference characters). For RapidOCR rows it adds the CER of
its lines regrouped into text lines (deskewed box centres, then left to right), a check of
what its own reading order costs.
"""

import argparse
import json
from importlib import metadata
import os
import resource
import sys
import time
from pathlib import Path

# Rust's char::is_whitespace (Unicode White_Space), not Python's str.isspace (which also
# counts U+001C..U+001F).
RUST_WS = frozenset(
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def fold(c):
    o = ord(c)
    if 0xFF01 <= o <= 0xFF5E:
        return chr(o - 0xFEE0)
    if o == 0x3000:
        return " "
    return c


def squash(s):
    out = []
    for c in s:
        c = fold(c)
        if c not in RUST_WS:
            out.append(c)
    return out


def tokens(s):
    words, cur = [], []
    for c in s:
        if c in RUST_WS:
            if cur:
                words.append("".join(cur))
                cur = []
        else:
            cur.append(fold(c))
    if cur:
        words.append("".join(cur))
    return words


def levenshtein(a, b):
    """Edit distance between sequences (bit-parallel, Hyyrö 2003; equals the plain DP)."""
    if not a:
        return len(b)
    if not b:
        return len(a)
    peq = {}
    for i, x in enumerate(a):
        peq[x] = peq.get(x, 0) | (1 << i)
    m = len(a)
    mask = (1 << m) - 1
    high = 1 << (m - 1)
    pv, mv, score = mask, 0, m
    for y in b:
        eq = peq.get(y, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & mask)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = ((ph << 1) | 1) & mask
        mh = (mh << 1) & mask
        pv = mh | (~(xv | ph) & mask)
        mv = ph & xv
    return score


def pages(d, limit):
    """(image, truth) pairs of a dataset folder, as `pages()` in benches/ocr_accuracy.rs."""
    d = Path(d)
    out = []
    truth = d / "truth.jsonl"
    if truth.is_file():
        files = [p for p in d.iterdir()]
        for line in truth.read_text(encoding="utf-8").splitlines():
            try:
                row = json.loads(line)
            except ValueError:
                continue
            if not isinstance(row.get("id"), str) or not isinstance(row.get("text"), str):
                continue
            img = next((p for p in files if p.stem == row["id"] and p.suffix and p.suffix != ".jsonl"), None)
            if img is not None:
                out.append((img, row["text"]))
    else:
        for img in sorted((d / "img").iterdir()) if (d / "img").is_dir() else []:
            gt = d / "gt_txt" / f"{img.stem}.txt"
            if gt.is_file():
                out.append((img, gt.read_text(encoding="utf-8")))
    return out[:limit]


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def sha256(path):
    import hashlib

    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def same_as_wheel(model, wheel_dir):
    shipped = Path(wheel_dir) / "models" / Path(model).name
    if shipped.is_file() and sha256(shipped) != sha256(model):
        sys.exit(f"rapidocr_peer: {model} differs from the wheel's {shipped}")


def make_engine(name, models, det_side):
    """Returns (version string, read(path) -> list of (box, text)) with models loaded."""
    import cv2

    cv2.setNumThreads(1)
    if name == "rapidocr-v6":
        import rapidocr
        from rapidocr import RapidOCR

        det, rec = models / "PP-OCRv6_det_small.onnx", models / "PP-OCRv6_rec_small.onnx"
        for m in (det, rec):
            same_as_wheel(m, Path(rapidocr.__file__).parent)
        params = {
            "Global.use_cls": False,
            "Global.log_level": "warning",
            "EngineConfig.onnxruntime.intra_op_num_threads": 1,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
            "Det.model_path": str(det),
            "Rec.model_path": str(rec),
        }
        if det_side:
            params["Det.limit_type"] = "max"
            params["Det.limit_side_len"] = det_side
        eng = RapidOCR(params=params)
        # 3.x loads models on first use; load them now so that page times exclude it.
        eng._load_det_model()
        eng._load_rec_model()
        info = {
            "version": "rapidocr " + metadata.version("rapidocr"),
            "rec_batch_num": eng.cfg.Rec.rec_batch_num,
            "det_limit": f"{eng.cfg.Det.limit_type}:{eng.cfg.Det.limit_side_len}",
            "max_side_len": eng.cfg.Global.max_side_len,
        }

        def read(path):
            res = eng(str(path))
            if getattr(res, "txts", None) is None or getattr(res, "boxes", None) is None:
                return []
            return [(b.tolist(), t) for b, t in zip(res.boxes, res.txts)]

        return info, read
    if name == "rapidocr-v4":
        import rapidocr_onnxruntime
        from rapidocr_onnxruntime import RapidOCR

        det, rec = models / "ch_PP-OCRv4_det_infer.onnx", models / "ch_PP-OCRv4_rec_infer.onnx"
        for m in (det, rec):
            same_as_wheel(m, Path(rapidocr_onnxruntime.__file__).parent)
        kw = {
            "use_cls": False,
            "intra_op_num_threads": 1,
            "inter_op_num_threads": 1,
            "det_model_path": str(det),
            "rec_model_path": str(rec),
        }
        eng = RapidOCR(**kw)  # 1.4 loads det, cls and rec in the constructor
        det_limit = f"{eng.text_det.limit_type}:{eng.text_det.limit_side_len}"
        if det_side:
            # 1.4 replaces a `max` limit by 960/1500/2000 from the page size, so the arkiv-like
            # limit is set by replacing its choice.
            from rapidocr_onnxruntime.ch_ppocr_det.utils import DetPreProcess

            td = eng.text_det
            td.get_preprocess = lambda _max_wh: DetPreProcess(det_side, "max", td.mean, td.std)
            det_limit = f"max:{det_side}"
        info = {
            "version": "rapidocr_onnxruntime " + metadata.version("rapidocr_onnxruntime"),
            "rec_batch_num": eng.text_rec.rec_batch_num,
            "det_limit": det_limit,
            "max_side_len": eng.max_side_len,
        }

        def read(path):
            res, _ = eng(str(path))
            return [(r[0], r[1]) for r in (res or [])]

        return info, read
    sys.exit(f"rapidocr_peer: unknown engine {name}")


def run(args):
    models = Path(args.models).resolve()
    label = args.engine + (f"-det{args.det_side}" if args.det_side else "")
    rss0 = peak_rss_mb()
    c0, w0 = time.process_time(), time.perf_counter()
    info, read = make_engine(args.engine, models, args.det_side)
    load = {
        "load": True,
        "engine": label,
        "cpu_s": time.process_time() - c0,
        "wall_s": time.perf_counter() - w0,
        "rss_before_mb": rss0,
        "peak_rss_mb": peak_rss_mb(),
        **info,
    }
    out = open(args.json, "w", encoding="utf-8")
    out.write(json.dumps(load, ensure_ascii=False) + "\n")
    print(f"{label}: load {load['cpu_s']:.2f} CPU s, {load['peak_rss_mb']:.0f} MB; {info}")
    print("| dataset | engine | pages | CER % | WER % | CPU s/page |")
    print("|---|---|---|---|---|---|")
    for d in args.datasets:
        edits = chars = wedits = words = 0
        cpu = 0.0
        n = 0
        for path, truth in pages(d, args.limit):
            t0 = time.process_time()
            lines = read(path)
            spent = time.process_time() - t0
            text = "".join(t + "\n" for _, t in lines)
            hyp, ref = squash(text), squash(truth)
            e = levenshtein(hyp, ref)
            hw, rw = tokens(text), tokens(truth)
            we = levenshtein(hw, rw)
            row = {
                "dataset": str(d),
                "engine": label,
                "page": str(path),
                "cer": e / max(len(ref), 1),
                "cpu_s": spent,
                "text": text,
                "peak_rss_mb": peak_rss_mb(),
                "boxes": [b for b, _ in lines],
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            out.flush()
            edits += e
            chars += len(ref)
            wedits += we
            words += len(rw)
            cpu += spent
            n += 1
        print(
            f"| {Path(d).name} | {label} | {n} | {100 * edits / max(chars, 1):.2f} | "
            f"{100 * wedits / max(words, 1):.1f} | {cpu / max(n, 1):.2f} |"
        )
    print(f"peak RSS: {peak_rss_mb():.0f} MB ({label})")


def regrouped(boxes, text):
    """The row's lines re-ordered into text lines, then left to right: a check of what RapidOCR's
    own order (boxes sorted by their top-left corner, 10 pixels of tolerance) costs on slightly
    rotated pages. Box centres are turned by the page's skew (median angle of the boxes' top
    edges) and boxes whose turned centres lie within half a box height form a line."""
    import math

    lines = text.split("\n")
    geo = []
    for box in boxes:
        (x0, y0), (x1, y1), _, (x3, y3) = box[:4]
        w, h = math.hypot(x1 - x0, y1 - y0), math.hypot(x3 - x0, y3 - y0)
        geo.append((math.atan2(y1 - y0, x1 - x0), w, h))
    angles = sorted(a for a, w, h in geo if w > 2 * h) or [0.0]
    skew = angles[len(angles) // 2]
    c, s_ = math.cos(skew), math.sin(skew)
    items = []
    for box, line, (_, _, h) in zip(boxes, lines, geo):
        cx = sum(p[0] for p in box) / len(box)
        cy = sum(p[1] for p in box) / len(box)
        items.append((cy * c - cx * s_, h, cx * c + cy * s_, line))
    items.sort(key=lambda i: i[0])
    rows = []
    for it in items:
        r = rows[-1] if rows else None
        if r and abs(it[0] - r["y"]) <= 0.5 * min(it[1], r["h"]):
            r["items"].append(it)
            r["y"] = sum(i[0] for i in r["items"]) / len(r["items"])
        else:
            rows.append({"y": it[0], "h": it[1], "items": [it]})
    return "".join(
        "".join(i[3] for i in sorted(r["items"], key=lambda i: i[2])) + "\n" for r in rows
    )


def truths(dataset, cache={}):
    if dataset not in cache:
        cache[dataset] = {str(p): t for p, t in pages(dataset, 10**9)}
    return cache[dataset]


def table(args):
    agg = {}  # (engine, dataset) -> [edits, chars, cpu, pages, rss, regrouped edits]
    order = []
    loads = {}
    for f in args.files:
        if not Path(f).is_file():
            print(f"(missing {f})", file=sys.stderr)
            continue
        for line in Path(f).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row.get("load"):
                loads[row["engine"]] = row
                continue
            truth = truths(row["dataset"]).get(row["page"])
            if truth is None:
                continue
            key = (row["engine"], Path(row["dataset"]).name)
            if key not in agg:
                agg[key] = [0, 0, 0.0, 0, 0.0, None]
                order.append(key)
            ref = squash(truth)
            a = agg[key]
            a[0] += levenshtein(squash(row["text"]), ref)
            if "boxes" in row:
                a[5] = (a[5] or 0) + levenshtein(squash(regrouped(row["boxes"], row["text"])), ref)
            a[1] += len(ref)
            a[2] += row["cpu_s"]
            a[3] += 1
            a[4] = max(a[4], row.get("peak_rss_mb") or 0.0)
    sets = list(dict.fromkeys(ds for _, ds in order))
    order.sort(key=lambda k: sets.index(k[1]))  # stable: engines in the order of the files
    print("| set | engine | pages | CER % | CER % lines regrouped | CPU s/page | peak RSS MB |")
    print("|---|---|---|---|---|---|---|")
    for engine, ds in order:
        e, c, cpu, n, rss, eg = agg[(engine, ds)]
        rss_s = f"{rss:.0f}" if rss else "n/a"
        eg_s = f"{100 * eg / max(c, 1):.2f}" if eg is not None else "-"
        print(
            f"| {ds} | {engine} | {n} | {100 * e / max(c, 1):.2f} | {eg_s} | "
            f"{cpu / max(n, 1):.2f} | {rss_s} |"
        )
    print(
        "(peak RSS: the process's high-water mark when the set was done, one process per engine "
        "reading emr-none, emr-mild, emr-heavy, forms-heavy in turn; 'lines regrouped': RapidOCR's "
        "boxes re-ordered into lines by vertical overlap, a check of its reading order)"
    )
    for engine, r in loads.items():
        print(
            f"{engine}: model load {r['cpu_s']:.2f} CPU s (not in CPU s/page), RSS after load "
            f"{r['peak_rss_mb']:.0f} MB, rec batch {r.get('rec_batch_num')}, det {r.get('det_limit')}, "
            f"page resized to max side {r.get('max_side_len')}"
        )


def main():
    for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_THREAD_LIMIT"):
        os.environ.setdefault(v, "1")
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("--engine", required=True, choices=["rapidocr-v6", "rapidocr-v4"])
    r.add_argument("--det-side", type=int, default=0)
    r.add_argument("--limit", type=int, default=10**9)
    r.add_argument("--models", default=str(Path(__file__).resolve().parent.parent / ".models/ppocr"))
    r.add_argument("--json", required=True)
    r.add_argument("datasets", nargs="+")
    t = sub.add_parser("table")
    t.add_argument("files", nargs="+")
    args = p.parse_args()
    if args.cmd == "run":
        run(args)
    else:
        table(args)


if __name__ == "__main__":
    main()
