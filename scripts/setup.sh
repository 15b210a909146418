#!/usr/bin/env bash
# Installs what arkiv needs on Debian 12, idempotently and quickly when nothing is missing:
#   - Debian packages: Tesseract with Chinese and orientation data, leptonica, clang (bindgen),
#     poppler-utils (PDF), CJK fonts (corpus rendering);
#   - .venv: the pinned Python tools of requirements.txt (numpy, onnx, onnxruntime, tokenizers…);
#   - .runtime/: the ONNX Runtime shared library taken from the pinned onnxruntime wheel.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra tesseract-ocr-osd tesseract-ocr-eng
  libtesseract-dev libleptonica-dev libclang-dev clang pkg-config
  poppler-utils fonts-noto-cjk fonts-wqy-zenhei python3-venv
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
