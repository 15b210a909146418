#!/usr/bin/env bash
# Installs what arkiv needs on Debian 12, idempotently and quickly when nothing is missing:
#   - Debian packages: Tesseract with Chinese and orientation data, leptonica, clang (bindgen),
#     poppler-utils (PDF), CJK fonts (corpus rendering);
#   - .venv: the pinned Python tools of requirements.txt (numpy, onnx, onnxruntime, tokenizers…);
#   - .runtime/: the ONNX Runtime shared library taken from the pinned onnxruntime wheel.
#   - .models/ppocr/: PP-OCR ONNX models taken from the pinned rapidocr wheels (`--engine ppocr`).
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra tesseract-ocr-osd tesseract-ocr-eng
  libtesseract-dev libleptonica-dev libclang-dev clang pkg-config
  poppler-utils fonts-noto-cjk fonts-wqy-zenhei python3-venv
  chromium chromium-driver unzip
)
ORT_VERSION=1.32.0

say() { printf 'setup: %s\n' "$*" >&2; }

missing=()
for p in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PY=${PYTHON:-python3}
req_hash=$(sha256sum requirements.txt | cut -d' ' -f1)
if [ ! -x .venv/bin/python ] || [ "$(cat .venv/.requirements.sha256 2>/dev/null)" != "$req_hash" ]; then
  say "creating .venv with requirements.txt"
  [ -x .venv/bin/python ] || "$PY" -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
  echo "$req_hash" > .venv/.requirements.sha256
fi

lib=".runtime/libonnxruntime.so.${ORT_VERSION}"
if [ ! -f "$lib" ]; then
  capi=$(.venv/bin/python -c 'import onnxruntime, os; print(os.path.join(os.path.dirname(onnxruntime.__file__), "capi"))')
  src=$(ls "$capi"/libonnxruntime.so.* 2>/dev/null | head -n1 || true)
  if [ -z "$src" ]; then
    say "the onnxruntime wheel in .venv has no libonnxruntime.so in $capi"; exit 1
  fi
  mkdir -p .runtime
  cp "$src" "$lib.tmp" && mv "$lib.tmp" "$lib"
  say "ONNX Runtime ${ORT_VERSION} installed at $lib"
fi

# .models/ppocr/: PP-OCR detection, recognition and angle-classifier ONNX models for
# `--engine ppocr`, extracted from pinned PyPI wheels (the only source) and checked by sha256.
# The recognition alphabet travels inside each recognition model (metadata key `character`).
PPOCR_DIR=.models/ppocr
PPOCR_WHEELS=(
  # wheel spec | wheel sha256 | member path in the wheel | model sha256
  "rapidocr==3.10.0|2fc34e26cd0f48514804a94f8832283039c7334076bff60768b1fed9ad068050|rapidocr/models/PP-OCRv6_det_small.onnx|090f04abcd9d9a7498bc4ebf677e4cb9bdce1fe4197ddb7e529f1ef44e1ff94f"
  "rapidocr==3.10.0|2fc34e26cd0f48514804a94f8832283039c7334076bff60768b1fed9ad068050|rapidocr/models/PP-OCRv6_rec_small.onnx|6f327246b50388f3c176ae304bd95767ea6dc0c9ae92153ef8cbe210b3c14884"
  "rapidocr==3.10.0|2fc34e26cd0f48514804a94f8832283039c7334076bff60768b1fed9ad068050|rapidocr/models/ch_ppocr_mobile_v2.0_cls_mobile.onnx|e47acedf663230f8863ff1ab0e64dd2d82b838fceb5957146dab185a89d6215c"
  "rapidocr_onnxruntime==1.4.4|971d7d5f223a7a808662229df1ef69893809d8457d834e6373d3854bc1782cbf|rapidocr_onnxruntime/models/ch_PP-OCRv4_det_infer.onnx|d2a7720d45a54257208b1e13e36a8479894cb74155a5efe29462512d42f49da9"
  "rapidocr_onnxruntime==1.4.4|971d7d5f223a7a808662229df1ef69893809d8457d834e6373d3854bc1782cbf|rapidocr_onnxruntime/models/ch_PP-OCRv4_rec_infer.onnx|48fc40f24f6d2a207a2b1091d3437eb3cc3eb6b676dc3ef9c37384005483683b"
)
ppocr_tmp=""
for entry in "${PPOCR_WHEELS[@]}"; do
  IFS='|' read -r spec wheel_sha member model_sha <<<"$entry"
  dest="$PPOCR_DIR/$(basename "$member")"
  if [ -f "$dest" ] && [ "$(sha256sum "$dest" | cut -d' ' -f1)" = "$model_sha" ]; then
    continue
  fi
  [ -n "$ppocr_tmp" ] || ppocr_tmp=$(mktemp -d)
  name=${spec%%==*}; version=${spec#*==}
  wheel=$(ls "$ppocr_tmp/${name}-${version}-"*.whl 2>/dev/null | head -n1 || true)
  if [ -z "$wheel" ]; then
    say "fetching $spec from PyPI for the PP-OCR models"
    .venv/bin/pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
      --index-url https://pypi.org/simple "$spec" -d "$ppocr_tmp"
    wheel=$(ls "$ppocr_tmp/${name}-${version}-"*.whl | head -n1)
    if [ "$(sha256sum "$wheel" | cut -d' ' -f1)" != "$wheel_sha" ]; then
      say "$wheel: sha256 differs from the pinned $wheel_sha; refusing it"; exit 1
    fi
  fi
  mkdir -p "$PPOCR_DIR"
  unzip -p "$wheel" "$member" > "$dest.tmp"
  if [ "$(sha256sum "$dest.tmp" | cut -d' ' -f1)" != "$model_sha" ]; then
    rm -f "$dest.tmp"; say "$member in $spec: sha256 differs from the pinned $model_sha"; exit 1
  fi
  mv "$dest.tmp" "$dest"
  say "PP-OCR model $(basename "$member") installed in $PPOCR_DIR"
done
[ -z "$ppocr_tmp" ] || rm -rf "$ppocr_tmp"
