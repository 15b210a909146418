#!/usr/bin/env python3
"""Labelled text as arkiv reads it: join an `arkiv run` over rendered scans with their labels.

    .venv/bin/python datasets/generate.py scans --seed 5 --per-template 20 --split val \\
        --degrade mixed --out /tmp/scans-val
    target/release/arkiv run /tmp/scans-val --out /tmp/run-val
    .venv/bin/python training/ocr_labelled.py --truth /tmp/scans-val/truth.jsonl \\
        --run /tmp/run-val --out /tmp/val-ocr.jsonl

Each output row has the OCR'd `text` of one scanned document with the `category`,
`sensitivity`, `template` and `split` of its ground truth, the format `train.py --val-ocr` and
`arkiv eval` read. Documents arkiv could not read (status failed, no text) are counted and left
out; a scan missing from the run is an error, since the join would silently shrink the set.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--truth", required=True, help="truth.jsonl written by `generate.py scans`")
    p.add_argument("--run", required=True, help="output directory of `arkiv run` over those scans")
    p.add_argument("--out", required=True, help="JSONL to write")
    a = p.parse_args(argv)

    import pyarrow.dataset as ds

    truth = {}
    with open(a.truth, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                truth[row["file"]] = row
    documents = Path(a.run) / "documents"
    if not documents.is_dir():
        print(f"error: {documents} not found; is {a.run} the --out of an `arkiv run`?", file=sys.stderr)
        return 2
    table = ds.dataset(str(documents), format="parquet").to_table(columns=["source_path", "status", "text"])
    read = {}
    for source, status, text in zip(*(table.column(c).to_pylist() for c in ("source_path", "status", "text"))):
        read[Path(source).name] = (status, text)
    missing = sorted(set(truth) - set(read))
    if missing:
        print(f"error: {len(missing)} scans are not in the run (first: {missing[0]}); run arkiv over all of "
              f"{Path(a.truth).parent}", file=sys.stderr)
        return 2
    written = unreadable = 0
    with open(a.out, "w", encoding="utf-8") as out:
        for name, row in sorted(truth.items()):
            status, text = read[name]
            if status == "failed" or not (text or "").strip():
                unreadable += 1
                continue
            out.write(json.dumps({
                "id": row["id"], "text": text, "category": row["category"], "sensitivity": row["sensitivity"],
                "template": row.get("template"), "split": row.get("split"), "lang": row.get("lang"),
                "provenance": f"ocr:arkiv:{row.get('provenance', '')}",
            }, ensure_ascii=False) + "\n")
            written += 1
    print(f"wrote {written} documents to {a.out}" + (f"; {unreadable} without text left out" if unreadable else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
