#!/usr/bin/env bash
# OCR accuracy benchmark: renders real Chinese EMR text (CCKS 2017 sections from ../shared/data,
# evaluation only, never copied into the repo) as clean, mildly and heavily degraded 300 dpi
# pages, and synthetic forms (the corpus generator's test templates, heavily degraded), then
# measures each engine on them and on the real English scans.
#   benches/ocr_accuracy.sh [PAGES]        (default 12 pages per set; results in target/ocr-bench/)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-12}
DATA=${ARKIV_SHARED_DATA:-../shared/data}
OUT=target/ocr-bench
export OMP_THREAD_LIMIT=1
if [ ! -d "$DATA/emr_zh_ccks2017_sections" ]; then
  echo "ocr_accuracy: $DATA/emr_zh_ccks2017_sections not found; set ARKIV_SHARED_DATA" >&2; exit 0
fi
for level in none mild heavy; do
  if [ ! -f "$OUT/emr-$level/truth.jsonl" ]; then
    .venv/bin/python datasets/generate.py realtext "$DATA/emr_zh_ccks2017_sections/records.spans.jsonl" \
      --out "$OUT/emr-$level" --limit "$N" --degrade "$level" --dpi 300 --seed 8
  fi
done
if [ ! -f "$OUT/forms-heavy/truth.jsonl" ]; then
  .venv/bin/python datasets/generate.py scans --seed 1 --per-template 1 --split test --formats png \
    --dpi 300 --degrade heavy --out "$OUT/forms-heavy"
fi
zh=("$OUT/emr-none" "$OUT/emr-mild" "$OUT/emr-heavy" "$OUT/forms-heavy")
en=("$DATA/ocr_en_scribeocr_benchmark" "$DATA/ocr_en_sroie_receipts")
for engine in ppocr ppocr-v4 tesseract; do
  cargo bench --quiet --bench ocr_accuracy -- --engine "$engine" --limit "$N" "${zh[@]}" --json "$OUT/$engine-zh.jsonl"
done
for engine in ppocr tesseract; do
  cargo bench --quiet --bench ocr_accuracy -- --engine "$engine" --lang eng --limit "$N" "${en[@]}" --json "$OUT/$engine-en.jsonl"
done
