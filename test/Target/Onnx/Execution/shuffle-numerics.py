# A ShuffleNet v2 unit as torch.onnx.export writes it: Split of the
# channels, a depthwise and pointwise branch, Concat, the channel shuffle
# (Reshape to [1, 2, C/2, H, W], Transpose [0, 2, 1, 3, 4], Reshape back),
# then Slices of the channels with a step and a negative step (which read
# the concatenation directly: a selection of a selection is composed) and a
# convolution of the shuffled map. Imported,
# lowered with --cnn-to-linalg, and through --lower-to-dma alone and merged
# at 2 KiB, the outputs equal a NumPy evaluation within a relative 1e-4.
#
# RUN: rm -rf %t && %python3 %s %t
# RUN: cnn-translate --import-onnx %t/net.onnx -o %t/net.mlir
# RUN: FileCheck %s --check-prefix=IR < %t/net.mlir
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
# RUN: cnn-opt %t/net.mlir --tile-for-sram=2048 --merge-layers --lower-to-dma --dma-verify-arena --dma-to-memref \
# RUN:   | %python3 %cnn_src_root/test/Execution/Inputs/add_main.py memref \
# RUN:   | %run_mlir --memref - > %t/merged.txt
# RUN: %python3 %cnn_src_root/test/Execution/Inputs/compare_outputs.py \
# RUN:   %t/expected.txt %t/merged.txt 1e-4 | FileCheck %s
# RUN: cnn-opt %t/net.mlir --tile-for-sram=2048 --merge-layers | FileCheck %s --check-prefix=MERGED
# CHECK: equal: 144 values, {{1[0-9][0-9]}} distinct
# IR: cnn.select_channels %{{.*}} {channels = array<i64: 4, 5, 6, 7>, name = "split/1"}
# IR: cnn.select_channels %{{.*}} {channels = array<i64: 0, 4, 1, 5, 2, 6, 3, 7>, name = "unshape"}
# IR: cnn.select_channels %[[CAT:.*]] {channels = array<i64: 4, 2, 7>, name = "every_third"}
# IR: cnn.select_channels %[[CAT]] {channels = array<i64: 7, 6, 5, 4>, name = "backwards"}
# MERGED: cnn.fusion_group
# MERGED: cnn.select_channels

import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Inputs"))
from numpy_reference import conv
from onnx_models import ints, node, output_dir, save, tensor

rng = np.random.default_rng(31)


def main():
    out = output_dir()
    c, h, w = np.meshgrid(np.arange(8), np.arange(6), np.arange(6),
                          indexing="ij")
    x = (((7 * c + 13 * h + 3 * w + 5) % 29) - 14)[None] / 8.0
    p = {
        "w1": rng.uniform(-0.5, 0.5, (8, 8, 1, 1)),
        "wd": rng.uniform(-0.5, 0.5, (4, 1, 3, 3)),
        "wp": rng.uniform(-0.5, 0.5, (4, 4, 1, 1)),
        "bp": rng.uniform(-0.5, 0.5, 4),
        "w3": rng.uniform(-0.5, 0.5, (4, 7, 1, 1)),
        "w4": rng.uniform(-0.5, 0.5, (4, 8, 1, 1)),
    }
    p = {k: v.astype(np.float32) for k, v in p.items()}

    a = np.maximum(conv(x, p["w1"], None, (0, 0, 0, 0), (1, 1)), 0)
    a1, a2 = a[:, :4], a[:, 4:]
    d = conv(a2, p["wd"], None, (1, 1, 1, 1), (1, 1), group=4)
    b = np.maximum(conv(d, p["wp"], p["bp"], (0, 0, 0, 0), (1, 1)), 0)
    cat = np.concatenate([a1, b], axis=1)
    s = cat.reshape(1, 2, 4, 6, 6).transpose(0, 2, 1, 3, 4).reshape(1, 8, 6, 6)
    sel = np.concatenate([s[:, 1::3], s[:, 7::-2]], axis=1)
    y = conv(sel, p["w3"], None, (0, 0, 0, 0), (1, 1)) + \
        conv(s, p["w4"], None, (0, 0, 0, 0), (1, 1))

    save(out, "net", [
        node("Conv", ["x", "w1"], ["a0"], "conv1"),
        node("Relu", ["a0"], ["a"], "relu1"),
        node("Split", ["a", "halves"], ["a1", "a2"], "split", axis=1),
        node("Conv", ["a2", "wd"], ["d"], "depthwise", group=4,
             pads=[1, 1, 1, 1]),
        node("Conv", ["d", "wp", "bp"], ["b0"], "pointwise"),
        node("Relu", ["b0"], ["b"], "relu2"),
        node("Concat", ["a1", "b"], ["cat"], "concat", axis=1),
        node("Reshape", ["cat", "grouped"], ["g"], "reshape"),
        node("Transpose", ["g"], ["t"], "transpose", perm=[0, 2, 1, 3, 4]),
        node("Reshape", ["t", "flat"], ["s"], "unshape"),
        node("Slice", ["s", "one", "big", "axis1", "three"], ["s1"],
             "every_third"),
        node("Slice", ["s", "minus_one", "minus_big", "axis1", "minus_two"],
             ["s2"], "backwards"),
        node("Concat", ["s1", "s2"], ["sel"], "concat2", axis=1),
        node("Conv", ["sel", "w3"], ["y3"], "conv3"),
        node("Conv", ["s", "w4"], ["y4"], "conv4"),
        node("Add", ["y3", "y4"], ["y"], "sum"),
    ], {"x": [1, 8, 6, 6]}, {"y": [1, 4, 6, 6]},
        [tensor(k, v) for k, v in p.items()] +
        [ints("halves", [4, 4]), ints("grouped", [1, 2, 4, 6, 6]),
         ints("flat", [1, -1, 6, 6]), ints("one", [1]),
         ints("big", [2**62]), ints("axis1", [1]), ints("three", [3]),
         ints("minus_one", [-1]), ints("minus_big", [-2**62]),
         ints("minus_two", [-2])])
    with open(os.path.join(out, "expected.txt"), "w") as fo:
        fo.write("\n".join("%.9g" % v for v in y.ravel()) + "\n")


if __name__ == "__main__":
    main()
