# arkiv — the two commands of the README, and their helpers.
#   make demo   set up, build, run the bundled sample scans with the default model, summarise
#   make test   set up, run every test (Rust, Python), lint
SHELL := /bin/bash
OUT ?= out/demo
PY := .venv/bin/python
export OMP_THREAD_LIMIT := 1

.PHONY: setup build demo test test-rust test-python lint smoke-train

setup:
	@scripts/setup.sh

build: setup
	cargo build --release --locked

SAMPLE_SCANS := $(wildcard datasets/sample/*.png datasets/sample/*.jpg datasets/sample/*.tif datasets/sample/*.pdf)

demo: build
	rm -rf $(OUT)
	target/release/arkiv run $(SAMPLE_SCANS) --out $(OUT)
	target/release/arkiv inspect $(OUT)
	@echo "Parquet dataset: $(OUT)/documents/*.parquet  (try: $(PY) -c \"import pyarrow.dataset as d; print(d.dataset('$(OUT)/documents').to_table().num_rows)\")"

test: setup test-rust test-python lint

test-rust:
	cargo test --locked --all-targets

test-python:
	$(PY) -m unittest discover -s datasets/tests -t . -v
	$(PY) -m unittest discover -s training/tests -t . -v

lint:
	cargo fmt --all -- --check
	cargo clippy --locked --all-targets -- -D warnings
