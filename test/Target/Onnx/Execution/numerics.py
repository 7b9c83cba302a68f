# An imported network computes what ONNX specifies: a small network of every
# supported kind of layer (bilinear resizing aside, which the reference
# lowering lacks) is imported, lowered with --cnn-to-linalg and run on the
# CPU; its 10 logits equal a NumPy evaluation of the ONNX graph that follows
# the operators' specifications (padding order, ceil mode, groups, batch
# norm, Gemm's transposition and scaling) within a relative 1e-4.
#
# RUN: rm -rf %t && %python3 %s %t
# RUN: cnn-translate --import-onnx %t/net.onnx | cnn-opt --cnn-to-linalg \
# RUN:   | %python3 %cnn_src_root/test/Execution/Inputs/add_main.py tensor \
# RUN:   | %run_mlir - > %t/run.txt
# RUN: %python3 %cnn_src_root/test/Execution/Inputs/compare_outputs.py \
# RUN:   %t/expected.txt %t/run.txt 1e-4 | FileCheck %s
# CHECK: equal: 10 values, 10 distinct

import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Inputs"))
from numpy_reference import conv
from onnx_models import ints, node, output_dir, save, tensor

rng = np.random.default_rng(7)


def pool(x, kernel, strides, pads, ceil, kind):
    """ONNX MaxPool / AveragePool (count_include_pad = 0): padded positions
    and those past the input never count."""
    _, c, h, w = x.shape
    t, l, bo, r = pads
    rounding = np.ceil if ceil else np.floor
    oh = int(rounding((h + t + bo - kernel[0]) / strides[0])) + 1
    ow = int(rounding((w + l + r - kernel[1]) / strides[1])) + 1
    y = np.zeros((1, c, oh, ow))
    for i in range(oh):
        for j in range(ow):
            i0, j0 = i * strides[0] - t, j * strides[1] - l
            win = x[0, :, max(i0, 0):min(i0 + kernel[0], h),
                    max(j0, 0):min(j0 + kernel[1], w)]
            y[0, :, i, j] = (win.max(axis=(1, 2)) if kind == "max"
                             else win.mean(axis=(1, 2)))
    return y


def resize_nearest(x, scales):
    """ONNX Resize, nearest, half_pixel, round_prefer_floor."""
    out = x
    for axis, scale in ((2, scales[0]), (3, scales[1])):
        n = out.shape[axis]
        index = []
        for o in range(n * scale):
            pos = (o + 0.5) / scale - 0.5
            fl = np.floor(pos)
            index.append(int(np.clip(fl if pos - fl <= 0.5 else fl + 1,
                                     0, n - 1)))
        out = np.take(out, index, axis=axis)
    return out


def main():
    out = output_dir()
    # The input add_main.py gives the network.
    c, h, w = np.meshgrid(np.arange(3), np.arange(9), np.arange(9),
                          indexing="ij")
    x = (((7 * c + 13 * h + 3 * w + 5) % 29) - 14)[None] / 8.0

    p = {
        "w1": rng.uniform(-0.5, 0.5, (8, 3, 3, 3)),
        "b1": rng.uniform(-0.5, 0.5, 8),
        "gamma": rng.uniform(0.5, 1.5, 8), "beta": rng.uniform(-0.5, 0.5, 8),
        "mean": rng.uniform(-0.5, 0.5, 8), "var": rng.uniform(0.5, 1.5, 8),
        "w2": rng.uniform(-0.5, 0.5, (8, 4, 3, 3)),
        "value": np.array(0.5),
        "scales": np.array([1, 1, 2, 1]),
        "fc_w": rng.uniform(-0.2, 0.2, (16 * 8 * 7, 10)),
        "fc_b": rng.uniform(-0.5, 0.5, 10),
        "zero": np.array(0.0), "six": np.array(6.0),
    }
    p = {k: v.astype(np.float32) for k, v in p.items()}
    # [N, C, H, W] begins, then ends: one row on top, two columns right.
    pads = [0, 0, 1, 0, 0, 0, 0, 2]

    # 1x3x9x9 -> conv1 (rows /2, asymmetric pads) 1x8x5x9
    y = conv(x, p["w1"], p["b1"], (0, 1, 2, 1), (2, 1))
    y = ((y - p["mean"][:, None, None])
         / np.sqrt(p["var"][:, None, None] + 1e-3)
         * p["gamma"][:, None, None] + p["beta"][:, None, None])
    y = np.clip(y, 0, 6)
    # Two groups, dilated rows, SAME_UPPER: 1x8x5x9.
    y = np.maximum(conv(y, p["w2"], None, (2, 1, 2, 1), (1, 1), (2, 1), 2), 0)
    # ceil_mode: 1x8x3x5, the last row and column partial.
    y = pool(y, (2, 2), (2, 2), (0, 0, 0, 0), True, "max")
    padded = np.pad(y, ((0, 0), (0, 0), (1, 0), (0, 2)), constant_values=0.5)
    avg = pool(padded, (3, 3), (1, 1), (1, 1, 1, 1), False, "avg")
    a = np.maximum(avg + padded, 0)
    cat = np.concatenate([a, avg], axis=1)
    e = np.exp(cat - cat.max(axis=1, keepdims=True))
    soft = e / e.sum(axis=1, keepdims=True)
    up = resize_nearest(soft, (2, 1))
    logits = 0.5 * up.reshape(1, -1) @ p["fc_w"] + 2.0 * p["fc_b"]

    save(out, "net", [
        node("Conv", ["x", "w1", "b1"], ["c1"], "conv1", pads=[0, 1, 2, 1],
             strides=[2, 1]),
        node("BatchNormalization", ["c1", "gamma", "beta", "mean", "var"],
             ["bn1"], "bn1", epsilon=1e-3),
        node("Clip", ["bn1", "zero", "six"], ["r1"], "relu6"),
        node("Conv", ["r1", "w2"], ["c2"], "conv2", group=2,
             dilations=[2, 1], auto_pad="SAME_UPPER"),
        node("Relu", ["c2"], ["r2"], "relu2"),
        node("MaxPool", ["r2"], ["mp"], "pool", kernel_shape=[2, 2],
             strides=[2, 2], ceil_mode=1),
        node("Pad", ["mp", "pads", "value"], ["padded"], "pad"),
        node("AveragePool", ["padded"], ["avg"], "avg", kernel_shape=[3, 3],
             pads=[1, 1, 1, 1]),
        node("Add", ["avg", "padded"], ["sum"], "add"),
        node("Relu", ["sum"], ["a"], "relu_add"),
        node("Concat", ["a", "avg"], ["cat"], "cat", axis=1),
        node("Softmax", ["cat"], ["soft"], "softmax", axis=1),
        node("Resize", ["soft", "", "scales"], ["up"], "up"),
        node("Flatten", ["up"], ["flat"], "flatten"),
        node("Gemm", ["flat", "fc_w", "fc_b"], ["logits"], "fc", alpha=0.5,
             beta=2.0),
    ], {"x": [1, 3, 9, 9]}, {"logits": [1, 10]},
        [tensor(k, v) for k, v in p.items()] + [ints("pads", pads)])
    with open(os.path.join(out, "expected.txt"), "w") as f:
        f.write("\n".join("%.9g" % v for v in logits.ravel()) + "\n")


if __name__ == "__main__":
    main()
