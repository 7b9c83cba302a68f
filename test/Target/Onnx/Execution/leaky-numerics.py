# LeakyRelu and PRelu (slopes per channel as [C, 1, 1] and one slope for
# all) become cnn.prelu with a 1xCx1x1 weight of slopes; LeakyRelu with
# alpha 0 is a ReLU fused into the convolution. Sub of two feature maps, one
# of them per-channel means (ReduceMean), is cnn.sub, a Relu fused into it;
# per-channel means Squeezed to [1, C] and Unsqueezed back (layout only)
# added to a map are a cnn.sub of their negation. Imported, lowered with
# --cnn-to-linalg, and through --lower-to-dma alone and merged at 2 KiB, the
# outputs equal a NumPy evaluation within a relative 1e-4. Slopes that are
# not constants, of another shape or not finite are errors naming the node.
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
# RUN: not cnn-translate --import-onnx %t/map_slope.onnx 2>&1 | FileCheck %s --check-prefix=MAP
# RUN: not cnn-translate --import-onnx %t/slope_shape.onnx 2>&1 | FileCheck %s --check-prefix=SHAPE
# RUN: not cnn-translate --import-onnx %t/slope_nan.onnx 2>&1 | FileCheck %s --check-prefix=NAN
# CHECK: equal: 144 values, {{1[0-9][0-9]}} distinct
# IR: %[[A:.*]] = cnn.weight {value = dense<1.000000e-01> : tensor<1x8x1x1xf32>}
# IR: cnn.prelu %{{.*}}, %[[A]] {name = "leaky"}
# IR: cnn.conv2d {{.*}}activation = #cnn.activation<relu>{{.*}}name = "conv2"
# IR: cnn.prelu %{{.*}}, %{{.*}} {name = "prelu"} : (tensor<1x4x6x6xf32>, tensor<1x4x1x1xf32>)
# IR: %[[C:.*]] = cnn.conv2d {{.*}}name = "conv3"
# IR: %[[M:.*]] = cnn.global_avg_pool %[[C]]
# IR: cnn.sub %[[C]], %[[M]] {activation = #cnn.activation<relu>, name = "center"} : (tensor<1x4x6x6xf32>, tensor<1x4x1x1xf32>) -> tensor<1x4x6x6xf32>
# IR: cnn.sub %{{.*}}, %{{.*}} {name = "residual"} : (tensor<1x4x6x6xf32>, tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>
# IR: %[[G:.*]] = cnn.global_avg_pool %[[R:.*]] {name = "pool"}
# IR: %[[N:.*]] = cnn.conv2d %[[G]], %{{.*}} {groups = 4 : i64, name = "plus_mean/negate"}
# IR: cnn.sub %[[R]], %[[N]] {name = "plus_mean"}
# IR: %[[S:.*]] = cnn.weight {value = dense<-5.000000e-01> : tensor<1x4x1x1xf32>}
# IR: cnn.prelu %{{.*}}, %[[S]] {name = "prelu_one"}
# MERGED: cnn.fusion_group
# MERGED: cnn.prelu
# MAP: error: PRelu node 'prelu': the slope 'x' is not an initializer or Constant; it must be known when the model is imported
# SHAPE: error: PRelu node 'prelu': the constant 'slopes' of shape [3]
# NAN: error: PRelu node 'prelu': the slope of channel 1 is nan; finite values are expected

import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Inputs"))
from numpy_reference import conv
from onnx_models import ints, node, output_dir, save, tensor

rng = np.random.default_rng(37)


def leaky(x, slope):
    return np.where(x < 0, x * slope, x)


def main():
    out = output_dir()
    c, h, w = np.meshgrid(np.arange(8), np.arange(6), np.arange(6),
                          indexing="ij")
    x = (((7 * c + 13 * h + 3 * w + 5) % 29) - 14)[None] / 8.0
    p = {
        "w1": rng.uniform(-0.5, 0.5, (8, 8, 3, 3)),
        "w2": rng.uniform(-0.5, 0.5, (4, 8, 1, 1)),
        "w3": rng.uniform(-0.5, 0.5, (4, 4, 3, 3)),
        "slopes": rng.uniform(-0.5, 0.5, (4, 1, 1)),
        "one": np.array([-0.5]),
    }
    p = {k: v.astype(np.float32) for k, v in p.items()}

    a = leaky(conv(x, p["w1"], None, (1, 1, 1, 1), (1, 1)), np.float32(0.1))
    b = np.maximum(conv(a, p["w2"], None, (0, 0, 0, 0), (1, 1)), 0)
    pr = leaky(b - 0.25, p["slopes"][None])
    c3 = conv(pr, p["w3"], None, (1, 1, 1, 1), (1, 1))
    centred = np.maximum(c3 - c3.mean(axis=(2, 3), keepdims=True), 0)
    r = centred - pr
    y = leaky(r + r.mean(axis=(2, 3), keepdims=True), p["one"])

    save(out, "net", [
        node("Conv", ["x", "w1"], ["a0"], "conv1", pads=[1, 1, 1, 1]),
        node("LeakyRelu", ["a0"], ["a"], "leaky", alpha=0.1),
        node("Conv", ["a", "w2"], ["b0"], "conv2"),
        node("LeakyRelu", ["b0"], ["b"], "relu", alpha=0.0),
        node("Sub", ["b", "quarter"], ["bq"], "minus_quarter"),
        node("PRelu", ["bq", "slopes"], ["pr"], "prelu"),
        node("Conv", ["pr", "w3"], ["c0"], "conv3", pads=[1, 1, 1, 1]),
        node("ReduceMean", ["c0"], ["m"], "mean", axes=[2, 3]),
        node("Sub", ["c0", "m"], ["cm"], "center"),
        node("Relu", ["cm"], ["cr"], "relu2"),
        node("Sub", ["cr", "pr"], ["r"], "residual"),
        node("GlobalAveragePool", ["r"], ["g"], "pool"),
        node("Squeeze", ["g", "axes23"], ["gs"], "squeeze"),
        node("Unsqueeze", ["gs", "axes23"], ["gu"], "unsqueeze"),
        node("Add", ["gu", "r"], ["rg"], "plus_mean"),
        node("PRelu", ["rg", "one"], ["y"], "prelu_one"),
    ], {"x": [1, 8, 6, 6]}, {"y": [1, 4, 6, 6]},
        [tensor(k, v) for k, v in p.items()] +
        [tensor("quarter", np.array([0.25], np.float32)),
         ints("axes23", [2, 3])])
    with open(os.path.join(out, "expected.txt"), "w") as fo:
        fo.write("\n".join("%.9g" % v for v in y.ravel()) + "\n")

    x4 = {"x": [1, 4, 6, 6]}
    save(out, "map_slope", [node("PRelu", ["x", "x"], ["y"], "prelu")],
         x4, {"y": [1, 4, 6, 6]})
    save(out, "slope_shape", [node("PRelu", ["x", "slopes"], ["y"], "prelu")],
         x4, {"y": [1, 4, 6, 6]}, [tensor("slopes", np.ones(3))],
         check=False)
    save(out, "slope_nan", [node("PRelu", ["x", "slopes"], ["y"], "prelu")],
         x4, {"y": [1, 4, 6, 6]},
         [tensor("slopes", np.array([[[1.0]], [[np.nan]], [[0.0]], [[2.0]]]))])


if __name__ == "__main__":
    main()
