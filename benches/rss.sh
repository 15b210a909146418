#!/usr/bin/env bash
# Peak memory against backlog size: runs `arkiv run` on a small and a large generated backlog and
# reports the peak RSS of each (GNU time's maximum resident set size of the arkiv process tree).
#   benches/rss.sh [SMALL_PAGES] [LARGE_PAGES] [JOBS]     (defaults 200 5000 2)
# Both backlogs hold the 23 scanned pages of datasets/sample (OCR'd, so the OCR engines and their
# buffers are in the peak) plus born-digital PDFs from the corpus generator up to the page count
# (text layer read, classified, PII-scanned and written like any page). Text pages keep the
# 5,000-page run to minutes on 2 cores; the question is whether anything grows with the backlog.
set -euo pipefail
cd "$(dirname "$0")/.."
SMALL=${1:-200}
LARGE=${2:-5000}
JOBS=${3:-2}
OUT=target/rss-bench
ARKIV=target/release/arkiv
export OMP_THREAD_LIMIT=1

cargo build --release --quiet
mkdir -p "$OUT"
# born-digital PDFs, about one page each; enough documents for the large backlog
per_template=$(( LARGE / 100 + 1 ))
if [ ! -f "$OUT/pool/truth.jsonl" ] || [ "$(wc -l < "$OUT/pool/truth.jsonl")" -lt $(( per_template * 100 )) ]; then
  rm -rf "$OUT/pool"
  .venv/bin/python datasets/generate.py scans --seed 11 --per-template "$per_template" \
    --formats text-pdf --out "$OUT/pool" > /dev/null
fi

# make_backlog DIR PAGES: the sample scans plus pool PDFs until PAGES pages
make_backlog() {
  local dir=$1 pages=$2
  rm -rf "$dir"
  mkdir -p "$dir"
  cp datasets/sample/*.png datasets/sample/*.jpg datasets/sample/*.tif datasets/sample/*.pdf "$dir"/ 2>/dev/null || true
  .venv/bin/python - "$OUT/pool" "$dir" "$pages" <<'EOF'
import json, os, sys
pool, dest, want = sys.argv[1], sys.argv[2], int(sys.argv[3])
have = 23  # pages of datasets/sample
for line in open(os.path.join(pool, "truth.jsonl"), encoding="utf-8"):
    if have >= want:
        break
    rec = json.loads(line)
    os.symlink(os.path.abspath(os.path.join(pool, rec["file"])), os.path.join(dest, rec["file"]))
    have += rec["pages"]
if have < want:
    sys.exit(f"rss: the pool holds only {have} pages, {want} wanted")
print(have)
EOF
}

printf '| backlog | pages | documents | wall s | peak RSS MB |\n|---|---:|---:|---:|---:|\n'
for pages in "$SMALL" "$LARGE"; do
  dir="$OUT/in-$pages"
  got=$(make_backlog "$dir" "$pages")
  rm -rf "$OUT/out-$pages"
  start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$OUT/rss-$pages.txt" \
    "$ARKIV" run "$dir" --out "$OUT/out-$pages" --model models/default --jobs "$JOBS" > "$OUT/run-$pages.log" 2>&1
  end=$(date +%s.%N)
  docs=$(find "$dir" -maxdepth 1 \( -type f -o -type l \) | wc -l)
  kb=$(tail -1 "$OUT/rss-$pages.txt")
  awk -v p="$pages" -v g="$got" -v d="$docs" -v s="$start" -v e="$end" -v kb="$kb" \
    'BEGIN { printf "| %s | %s | %s | %.0f | %.0f |\n", p, g, d, e - s, kb / 1024 }'
done
