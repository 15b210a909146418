"""Training of arkiv's default classifier: a fastText-style model in numpy, exported to ONNX.

Modules, in the order a training run uses them:

- ``data``: read the training file (JSONL or Parquet), validate labels, split.
- ``tokenizer``: train the Hugging Face tokenizer saved as ``tokenizer.json``.
- ``augment``: OCR-noise augmentation (Tesseract-style errors on Chinese text).
- ``model``: the model, its forward and backward passes, Adam.
- ``export_onnx``: the ONNX graph honouring the model contract (SPEC §6).
- ``infer``: the package as the Rust side runs it (windows, combination, temperature).
- ``calibrate``: temperature per head, thresholds for a target accuracy, ECE.
- ``card``: labels.json, metrics.json and MODEL_CARD.md.
"""

__version__ = "0.1.0"
