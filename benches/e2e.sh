#!/usr/bin/env bash
# End-to-end benchmark: arkiv against the floor (the bare tesseract CLI, N processes,
# OMP_THREAD_LIMIT=1, same language and page segmentation; and with chi_sim alone, the language
# arkiv reads Chinese pages with) and against the Python peer
# (benches/e2e_peer.py: tesseract + onnxruntime + pyarrow with multiprocessing), on the same
# generated pages and cores, runs alternated so machine noise hits all alike.
#
#   benches/e2e.sh [PAGES=24] [JOBS=2] [ROUNDS=2]
# Prints a Markdown table: wall seconds, pages/min, CPU seconds per page, peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES=${1:-24}; JOBS=${2:-2}; ROUNDS=${3:-2}
PY=.venv/bin/python
WORK=$(mktemp -d /tmp/arkiv-e2e.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
export OMP_THREAD_LIMIT=1

cargo build --release --quiet
per_template=$(( (PAGES + 9) / 10 ))
$PY datasets/generate.py scans --seed 11 --per-template "$per_template" --split test --out "$WORK/gen" \
    --formats png --degrade mild --dpi 200 >/dev/null
ls "$WORK"/gen/*.png | head -n "$PAGES" > "$WORK/pages.txt"
n=$(wc -l < "$WORK/pages.txt")

measure() { # name command...
  local name=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/t" "$@" >/dev/null 2>&1
  read -r wall user sys rss < <(tail -n 1 "$WORK/t")
  echo "$name $wall $user $sys $rss" >> "$WORK/results"
}

for round in $(seq "$ROUNDS"); do
  measure floor sh -c "xargs -P $JOBS -I{} tesseract {} - -l chi_sim+eng --psm 4 < '$WORK/pages.txt'"
  # arkiv reads Chinese pages with chi_sim alone (re-reading Latin-heavy ones with chi_sim+eng):
  # the floor of the recognition it actually does on these pages
  measure floor-chi_sim sh -c "xargs -P $JOBS -I{} tesseract {} - -l chi_sim --psm 4 < '$WORK/pages.txt'"
  rm -rf "$WORK/out"
  measure arkiv target/release/arkiv run -q --engine tesseract --jobs "$JOBS" --out "$WORK/out" $(cat "$WORK/pages.txt")
  measure peer $PY benches/e2e_peer.py --model models/default --jobs "$JOBS" --out "$WORK/peer.parquet" $(cat "$WORK/pages.txt")
done

echo "pages: $n, jobs: $JOBS, rounds: $ROUNDS, $(nproc --all) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo
echo "| pipeline | wall s (best) | pages/min | CPU s/page | peak RSS MB |"
echo "|---|---|---|---|---|"
awk -v n="$n" '
  {
    if (!($1 in w) || $2 + 0 < w[$1] + 0) w[$1] = $2
    c[$1] += $3 + $4; k[$1]++
    if ($5 + 0 > r[$1] + 0) r[$1] = $5
  }
  END {
    split("floor floor-chi_sim arkiv peer", order, " ")
    for (i = 1; i <= 4; i++) { p = order[i]
      printf "| %s | %.1f | %.1f | %.2f | %.0f |\n", p, w[p], n * 60 / w[p], c[p] / k[p] / n, r[p] / 1024 }
    printf "\narkiv/floor wall: %.3f   arkiv/floor-chi_sim wall: %.3f   peer/arkiv wall: %.2f\n", w["arkiv"] / w["floor"], w["arkiv"] / w["floor-chi_sim"], w["peer"] / w["arkiv"]
  }' "$WORK/results"
