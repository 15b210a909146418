"""The ONNX graph of the numpy model, honouring the model contract (SPEC §6).

Inputs ``input_ids`` and ``attention_mask`` (int64, [batch, seq], dynamic dims);
outputs ``category_logits`` [batch, n_categories] and ``sensitivity_logits``
[batch, n_levels] (float32, raw logits before temperature). One self-contained file:
every weight is an initializer.
"""

from __future__ import annotations

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from .model import BIGRAM_MULT, MASKED, SPARSE, Config, forward, half_tables

OPSET = 17
IR_VERSION = 8
INT64_MAX = np.iinfo(np.int64).max


def build_graph(cfg: Config, params: dict, metadata: dict[str, str] | None = None) -> onnx.ModelProto:
    # embedding tables as float16 (half_tables): rows are gathered, then cast to float32
    inits = [
        numpy_helper.from_array(np.asarray(v, np.float16 if k in SPARSE else np.float32), name=k)
        for k, v in params.items()
    ]

    def const(name, value, dtype):
        inits.append(numpy_helper.from_array(np.asarray(value, dtype), name=name))
        return name

    const("axis1", [1], np.int64)
    const("axis2", [2], np.int64)
    const("zero", [0], np.int64)
    const("minus_one", [-1], np.int64)
    const("end", [INT64_MAX], np.int64)
    const("mult", BIGRAM_MULT, np.int64)
    const("buckets", cfg.buckets, np.int64)
    const("min_count", 1.0, np.float32)
    const("one_f", 1.0, np.float32)
    const("masked", MASKED, np.float32)

    n = helper.make_node
    nodes = [
        n("Cast", ["attention_mask"], ["maskf"], to=TensorProto.FLOAT),
        n("Gather", ["emb", "input_ids"], ["tok_vec16"], axis=0),
        n("Cast", ["tok_vec16"], ["tok_vec"], to=TensorProto.FLOAT),
    ]
    # hashed n-grams as in model.ngram_ids: an n-gram's key is its (n-1)-gram key times K plus
    # the next id; it is attended when all its ids are
    vals, weights = ["tok_vec"], ["maskf"]
    key, mask = "input_ids", "maskf"
    for order in range(2, cfg.ngram + 1):
        g = f"g{order}_"
        start = const(f"{g}start", [order - 1], np.int64)
        nodes += [
            n("Slice", [key, "zero", "minus_one", "axis1"], [g + "key_head"]),
            n("Slice", ["input_ids", start, "end", "axis1"], [g + "next_ids"]),
            n("Mul", [g + "key_head", "mult"], [g + "key_scaled"]),
            n("Add", [g + "key_scaled", g + "next_ids"], [g + "key"]),
            n("Mod", [g + "key", "buckets"], [g + "ids"], fmod=0),
            n("Gather", ["bemb", g + "ids"], [g + "vec16"], axis=0),
            n("Cast", [g + "vec16"], [g + "vec"], to=TensorProto.FLOAT),
            n("Slice", [mask, "zero", "minus_one", "axis1"], [g + "mask_head"]),
            n("Slice", ["maskf", start, "end", "axis1"], [g + "next_mask"]),
            n("Mul", [g + "mask_head", g + "next_mask"], [g + "mask"]),
        ]
        vals.append(g + "vec")
        weights.append(g + "mask")
        key, mask = g + "key", g + "mask"
    nodes += [
        # unigrams and n-grams side by side: [batch, positions, dim]
        n("Concat", vals, ["vals"], axis=1),
        n("Concat", weights, ["wm"], axis=1),
        n("Unsqueeze", ["wm", "axis2"], ["wm3"]),
        # masked mean
        n("Mul", ["vals", "wm3"], ["vals_masked"]),
        n("ReduceSum", ["vals_masked", "axis1"], ["total"], keepdims=0),
        n("ReduceSum", ["wm", "axis1"], ["count_raw"], keepdims=1),
        n("Max", ["count_raw", "min_count"], ["count"]),
        n("Div", ["total", "count"], ["mean"]),
        # masked max
        n("Sub", ["wm3", "one_f"], ["wm3_off"]),
        n("Mul", ["wm3_off", "masked"], ["penalty"]),
        n("Add", ["vals", "penalty"], ["shifted"]),
        n("ReduceMax", ["shifted"], ["max"], axes=[1], keepdims=0),
        n("Concat", ["mean", "max"], ["pooled"], axis=1),
    ]
    top = "pooled"
    if "W1" in params:
        nodes += [
            n("MatMul", ["pooled", "W1"], ["hidden_lin"]),
            n("Add", ["hidden_lin", "b1"], ["hidden_pre"]),
            n("Relu", ["hidden_pre"], ["hidden"]),
        ]
        top = "hidden"
    nodes += [
        n("MatMul", [top, "Wc"], ["cat_lin"]),
        n("Add", ["cat_lin", "bc"], ["category_logits"]),
        n("MatMul", [top, "Ws"], ["sens_lin"]),
        n("Add", ["sens_lin", "bs"], ["sensitivity_logits"]),
    ]
    inputs = [
        helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "seq"]),
        helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "seq"]),
    ]
    outputs = [
        helper.make_tensor_value_info("category_logits", TensorProto.FLOAT, ["batch", cfg.n_categories]),
        helper.make_tensor_value_info("sensitivity_logits", TensorProto.FLOAT, ["batch", cfg.n_levels]),
    ]
    graph = helper.make_graph(nodes, "arkiv_fasttext", inputs, outputs, initializer=inits)
    model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", OPSET)],
        producer_name="arkiv-training",
        doc_string=f"fastText-style classifier: token + hashed 2..{cfg.ngram}-gram embeddings, masked mean and max, two heads",
    )
    model.ir_version = IR_VERSION
    for k, v in (metadata or {}).items():
        model.metadata_props.append(onnx.StringStringEntryProto(key=k, value=str(v)))
    onnx.checker.check_model(model, full_check=True)
    return model


def export(path, cfg: Config, params: dict, metadata: dict[str, str] | None = None) -> None:
    """Write the single-file ONNX model."""
    onnx.save_model(build_graph(cfg, params, metadata), str(path), save_as_external_data=False)


def verify(path, cfg: Config, params: dict, ids: np.ndarray, mask: np.ndarray, tol: float = 1e-4) -> float:
    """Run the file with onnxruntime and compare with the numpy forward pass (on the float16-
    rounded tables the file holds).

    Returns the largest absolute difference; raises if it is ``tol`` or more.
    """
    import onnxruntime as ort

    sess = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    got_c, got_s = sess.run(
        ["category_logits", "sensitivity_logits"],
        {"input_ids": ids.astype(np.int64), "attention_mask": mask.astype(np.int64)},
    )
    want_c, want_s, _ = forward(half_tables(params), ids, mask, cfg)
    diff = float(max(np.abs(got_c - want_c).max(), np.abs(got_s - want_s).max()))
    if not diff < tol:
        raise AssertionError(f"ONNX output differs from numpy forward by {diff} (tolerance {tol})")
    return diff
