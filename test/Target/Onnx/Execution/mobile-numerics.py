# The operators of MobileNet v3, EfficientNet, DenseNet and segmentation
# heads compute what ONNX specifies: hard-swish (HardSigmoid then Mul),
# squeeze-and-excitation with ReduceMean and HardSigmoid, Sigmoid, Tanh,
# batch norm after a concatenation, Sub/Div/Add by constants, and a linear
# Resize (half-pixel) whose sizes come from the input's Shape. Imported,
# lowered with --cnn-to-linalg, and through --lower-to-dma alone and merged
# at 4 KiB, the 288 outputs equal a NumPy evaluation within a relative 1e-4.
#
# RUN: rm -rf %t && %python3 %s %t
# RUN: cnn-translate --import-onnx %t/net.onnx -o %t/net.mlir
# RUN: cnn-opt %t/net.mlir --cnn-to-linalg \
# RUN:   | %python3 %cnn_src_root/test/Execution/Inputs/add_main.py tensor \
# RUN:   | %run_mlir - > %t/run.txt
# RUN: %python3 %cnn_src_root/test/Execution/Inputs/compare_outputs.py \
# RUN:   %t/expected.txt %t/run.txt 1e-4 | FileCheck %s
# RUN: cnn-opt %t/net.mlir --tile-for-sram=65536 --lower-to-dma --dma-verify-arena --dma-to-memref \
# RUN:   | %python3 %cnn_src_root/test/Execution/Inputs/add_main.py memref \
# RUN:   | %run_mlir --memref - > %t/alone.txt
# RUN: %python3 %cnn_src_root/test/Execution/Inputs/compare_outputs.py \
# RUN:   %t/expected.txt %t/alone.txt 1e-4 | FileCheck %s
# RUN: cnn-opt %t/net.mlir --tile-for-sram=4096 --merge-layers --lower-to-dma --dma-verify-arena --dma-to-memref \
# RUN:   | %python3 %cnn_src_root/test/Execution/Inputs/add_main.py memref \
# RUN:   | %run_mlir --memref - > %t/merged.txt
# RUN: %python3 %cnn_src_root/test/Execution/Inputs/compare_outputs.py \
# RUN:   %t/expected.txt %t/merged.txt 1e-4 | FileCheck %s
# CHECK: equal: 288 values, {{2[0-9][0-9]}} distinct

import os
import sys

import numpy as np
from onnx import TensorProto

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Inputs"))
from numpy_reference import conv
from onnx_models import ints, node, output_dir, save, tensor

rng = np.random.default_rng(29)


def hsig(x):
    return np.clip(x / 6 + 0.5, 0, 1)


def resize_linear(x, s):
    """ONNX Resize, mode linear, half_pixel, by an integer scale s."""
    _, c, h, w = x.shape

    def axis(n):
        src = np.clip((np.arange(n * s) + 0.5) / s - 0.5, 0, n - 1)
        i0 = np.floor(src).astype(int)
        i1 = np.minimum(i0 + 1, n - 1)
        return i0, i1, src - i0

    r0, r1, fr = axis(h)
    c0, c1, fc = axis(w)
    rows = x[:, :, r0, :] * (1 - fr)[None, None, :, None] + \
        x[:, :, r1, :] * fr[None, None, :, None]
    return rows[:, :, :, c0] * (1 - fc) + rows[:, :, :, c1] * fc


def main():
    out = output_dir()
    c, h, w = np.meshgrid(np.arange(4), np.arange(6), np.arange(6),
                          indexing="ij")
    x = (((7 * c + 13 * h + 3 * w + 5) % 29) - 14)[None] / 8.0
    f = np.float32
    p = {
        "w1": rng.uniform(-0.5, 0.5, (8, 4, 3, 3)),
        "b1": rng.uniform(-0.5, 0.5, 8),
        "wr": rng.uniform(-0.5, 0.5, (4, 8, 1, 1)),
        "we": rng.uniform(-0.5, 0.5, (8, 4, 1, 1)),
        "g": rng.uniform(0.5, 1.5, 16), "beta": rng.uniform(-0.5, 0.5, 16),
        "mean": rng.uniform(-0.5, 0.5, 16), "var": rng.uniform(0.5, 1.5, 16),
        "w2": rng.uniform(-0.3, 0.3, (2, 16, 1, 1)),
        "k": rng.uniform(0.5, 1.5, (1, 2, 1, 1)),
        "three": np.array([3.0]), "two": np.array([2.0]),
    }
    p = {k: v.astype(f) for k, v in p.items()}

    a = conv(x, p["w1"], p["b1"], (1, 1, 1, 1), (1, 1))
    hs = a * hsig(a)                                   # hard-swish
    se = hs.mean(axis=(2, 3), keepdims=True)
    se = np.maximum(conv(se, p["wr"], None, (0, 0, 0, 0), (1, 1)), 0)
    se = hsig(conv(se, p["we"], None, (0, 0, 0, 0), (1, 1)))
    e = hs * se                                        # excitation
    sg = 1 / (1 + np.exp(-e))
    cat = np.concatenate([sg, np.tanh(e)], axis=1)
    bn = (cat - p["mean"][None, :, None, None]) / np.sqrt(
        p["var"][None, :, None, None] + 1e-5) * p["g"][None, :, None, None] \
        + p["beta"][None, :, None, None]
    y = conv(np.maximum(bn, 0), p["w2"], None, (0, 0, 0, 0), (1, 1))
    y = (p["three"] - y) / p["k"] + p["two"]
    y = resize_linear(y, 2)                            # 2 x 12 x 12

    save(out, "net", [
        node("Conv", ["x", "w1", "b1"], ["a"], "conv1", pads=[1, 1, 1, 1]),
        node("HardSigmoid", ["a"], ["ha"], "hsig1", alpha=1.0 / 6.0),
        node("Mul", ["a", "ha"], ["hs"], "hswish"),
        node("ReduceMean", ["hs"], ["m"], "squeeze", axes=[2, 3]),
        node("Conv", ["m", "wr"], ["r"], "reduce"),
        node("Relu", ["r"], ["rr"], "relu1"),
        node("Conv", ["rr", "we"], ["s"], "expand"),
        node("HardSigmoid", ["s"], ["hsg"], "hsig2", alpha=1.0 / 6.0),
        node("Mul", ["hs", "hsg"], ["e"], "excite"),
        node("Sigmoid", ["e"], ["sg"], "sigmoid"),
        node("Tanh", ["e"], ["th"], "tanh"),
        node("Concat", ["sg", "th"], ["cat"], "concat", axis=1),
        node("BatchNormalization", ["cat", "g", "beta", "mean", "var"],
             ["bn"], "bn"),
        node("Relu", ["bn"], ["br"], "relu2"),
        node("Conv", ["br", "w2"], ["y2"], "project"),
        node("Sub", ["three", "y2"], ["d"], "three_minus"),
        node("Div", ["d", "k"], ["q"], "divide"),
        node("Add", ["q", "two"], ["z"], "plus_two"),
        # The output size: twice the input's rows and columns.
        node("Shape", ["z"], ["shape"], "shape"),
        node("Slice", ["shape", "hw0", "hw1"], ["hw"], "slice"),
        node("Mul", ["hw", "twos"], ["hw2"], "twice"),
        node("Slice", ["shape", "nc0", "nc1"], ["nc"], "slice_nc"),
        node("Concat", ["nc", "hw2"], ["sizes"], "sizes", axis=0),
        node("Resize", ["z", "", "", "sizes"], ["u"], "up", mode="linear",
             coordinate_transformation_mode="half_pixel"),
    ], {"x": [1, 4, 6, 6]}, {"u": [1, 2, 12, 12]},
        [tensor(k, v) for k, v in p.items()] +
        [ints("hw0", [2]), ints("hw1", [4]), ints("twos", [2, 2]),
         ints("nc0", [0]), ints("nc1", [2])])
    with open(os.path.join(out, "expected.txt"), "w") as fo:
        fo.write("\n".join("%.9g" % v for v in y.ravel()) + "\n")


if __name__ == "__main__":
    main()
