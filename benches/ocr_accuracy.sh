#!/usr/bin/env bash
# OCR accuracy benchmark: renders real Chinese EMR text (CCKS 2017 sections from ../shared/data,
# evaluation only, never copied into the repo) as clean, mildly and heavily degraded 300 dpi
# pages, and synthetic forms (the corpus generator's test templates, heavily degraded), then
# measures each engine on them and on the real English scans.
#   benches/ocr_accuracy.sh [PAGES]        (default 12 pages per set; results in target/ocr-bench/)
# Last, RapidOCR itself (Python, benches/rapidocr_peer.py) reads the Chinese pages with the same
# models, and one table compares all engines.
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

# RapidOCR itself (Python), for issue #8's "below RapidOCR's own time on the same models": the
# same Chinese pages and the very model files in .models/ppocr/, angle classifier off, one
# thread; once with RapidOCR's own detection size and once with arkiv's (longer side ≤ 1024).
# Its own venv with the pinned wheels (not .venv); see benches/rapidocr_peer.py.
VENV=$OUT/venv-rapidocr
peers=()
if ! "$VENV/bin/python" -c 'import rapidocr, rapidocr_onnxruntime' 2>/dev/null; then
  { python3 -m venv "$VENV" && "$VENV/bin/pip" install --quiet --disable-pip-version-check \
      rapidocr==3.10.0 rapidocr_onnxruntime==1.4.4 onnxruntime==1.32.0 numpy==2.4.6; } ||
    echo "ocr_accuracy: could not install RapidOCR into $VENV; skipping it" >&2
fi
if "$VENV/bin/python" -c 'import rapidocr, rapidocr_onnxruntime' 2>/dev/null; then
  for spec in "rapidocr-v6" "rapidocr-v6 1024" "rapidocr-v4" "rapidocr-v4 1024"; do
    read -r engine side <<< "$spec"
    name=$engine${side:+-det$side}
    "$VENV/bin/python" benches/rapidocr_peer.py run --engine "$engine" ${side:+--det-side "$side"} \
      --limit "$N" "${zh[@]}" --json "$OUT/$name-zh.jsonl"
    peers+=("$OUT/$name-zh.jsonl")
  done
fi
echo
echo "Chinese pages, all engines (CER recomputed from each row's text; CPU s/page excludes model load):"
.venv/bin/python benches/rapidocr_peer.py table "$OUT"/{ppocr,ppocr-v4,tesseract}-zh.jsonl "${peers[@]}"
