# Mul, Add, Sub and Div by a constant (one value, or one per channel) and a
# BatchNormalization that no Conv absorbs: folded into the convolution
# before when that is exact, else a per-channel scale and shift (a
# depthwise 1x1 convolution: weights the scales, bias the shifts).
# RUN: rm -rf %t && %python3 %s %t
# RUN: cnn-translate --import-onnx %t/scale_shift.onnx | FileCheck %s
# RUN: not cnn-translate --import-onnx %t/bad_shape.onnx 2>&1 | FileCheck %s --check-prefix=SHAPE
# RUN: not cnn-translate --import-onnx %t/reciprocal.onnx 2>&1 | FileCheck %s --check-prefix=RECIPROCAL
# RUN: not cnn-translate --import-onnx %t/div_zero.onnx 2>&1 | FileCheck %s --check-prefix=ZERO
# RUN: not cnn-translate --import-onnx %t/bn_zero.onnx 2>&1 | FileCheck %s --check-prefix=BN
# RUN: not cnn-translate --import-onnx %t/sub_maps.onnx 2>&1 | FileCheck %s --check-prefix=MAPS

import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from onnx_models import node, output_dir, save, tensor

out = output_dir()
w = np.full((2, 2, 1, 1), 0.5)
b = np.array([1.0, -1.0])

# CHECK-LABEL: func.func @scale_shift(
save(out, "scale_shift", [
    # conv1 (weights 0.5, bias [1, -1]) times 2 plus [3, 4]: weights 1,
    # bias [2 + 3, -2 + 4].
    # CHECK-DAG: %[[W1:.*]] = cnn.weight {value = dense<1.000000e+00> : tensor<2x2x1x1xf32>}
    # CHECK-DAG: %[[B1:.*]] = cnn.weight {value = dense<[5.000000e+00, 2.000000e+00]> : tensor<2xf32>}
    # CHECK: %[[C1:.*]] = cnn.conv2d %arg0, %[[W1]], %[[B1]] {name = "conv1"}
    node("Conv", ["x", "w", "b"], ["c1"], "conv1"),
    node("Mul", ["two", "c1"], ["m1"], "times2"),
    node("Add", ["m1", "per_channel"], ["a1"], "plus"),
    # A convolution without a bias gets one: 10 - x, + 10 fold into conv2
    # (weights -0.5, bias 20).
    # CHECK-DAG: %[[S:.*]] = cnn.weight {value = dense<-5.000000e-01> : tensor<2x2x1x1xf32>}
    # CHECK-DAG: %[[T:.*]] = cnn.weight {value = dense<2.000000e+01> : tensor<2xf32>}
    # CHECK: %[[R:.*]] = cnn.conv2d %[[C1]], %[[S]], %[[T]] {name = "conv2"}
    node("Conv", ["a1", "w"], ["c2"], "conv2"),
    node("Sub", ["ten", "c2"], ["r"], "reverse"),
    # The layer a constant becomes has a bias: the next shift folds.
    node("Add", ["r", "ten"], ["r10"], "plus10"),
    # A concatenation has no weights: Div is a layer, with the batch norm
    # (scale 1 / sqrt(1 + 1e-5)) and the ReLU after it folded.
    # CHECK: %[[CAT:.*]] = cnn.concat %[[R]], %[[C1]] {name = "concat"}
    # CHECK: %[[DS:.*]] = cnn.weight {value = dense<0.499997497> : tensor<4x1x1x1xf32>}
    # CHECK: %[[DT:.*]] = cnn.weight {value = dense<0.000000e+00> : tensor<4xf32>}
    # CHECK: %[[D:.*]] = cnn.conv2d %[[CAT]], %[[DS]], %[[DT]] {activation = #cnn.activation<relu>, groups = 4 : i64, name = "half"}
    node("Concat", ["r10", "a1"], ["cat"], "concat", axis=1),
    node("Div", ["cat", "two"], ["d"], "half"),
    node("BatchNormalization", ["d", "g", "beta", "mean", "var"], ["n"], "bn"),
    node("Relu", ["n"], ["y"], "relu"),
    # CHECK: return %[[D]]
], {"x": [1, 2, 4, 4]}, {"y": [1, 4, 4, 4]},
    [tensor("w", w), tensor("b", b), tensor("two", 2.0),
     tensor("per_channel", np.array([3.0, 4.0]).reshape(1, 2, 1, 1)),
     tensor("ten", [10.0]), tensor("g", np.ones(4)), tensor("beta", np.zeros(4)),
     tensor("mean", np.zeros(4)), tensor("var", np.ones(4))])

# SHAPE: error: Add node 'add': the constant 'k' of shape [2, 3] is neither one value nor one value per channel (2 values broadcast as [1, 2, 1, 1])
save(out, "bad_shape", [node("Add", ["x", "k"], ["y"], "add")],
     {"x": [1, 2, 3, 3]}, {"y": [1, 2, 3, 3]}, [tensor("k", np.ones((2, 3)))],
     check=False)

# RECIPROCAL: error: Div node 'div': dividing the constant 'k' by a feature map is not supported; only a feature map divided by a constant is
save(out, "reciprocal", [node("Div", ["k", "x"], ["y"], "div")],
     {"x": [1, 2, 3, 3]}, {"y": [1, 2, 3, 3]}, [tensor("k", [1.0])])

# ZERO: error: Div node 'div': the divisor 'k' is 0 for channel 1
save(out, "div_zero", [node("Div", ["x", "k"], ["y"], "div")],
     {"x": [1, 2, 3, 3]}, {"y": [1, 2, 3, 3]},
     [tensor("k", np.array([1.0, 0.0]).reshape(2, 1, 1))])

# BN: error: BatchNormalization node 'bn': var + epsilon is 0 for channel 0; a positive value is expected (the scale must be finite)
save(out, "bn_zero", [
    node("BatchNormalization", ["x", "g", "beta", "mean", "var"], ["y"], "bn",
         epsilon=0.0),
], {"x": [1, 2, 3, 3]}, {"y": [1, 2, 3, 3]},
    [tensor("g", np.ones(2)), tensor("beta", np.zeros(2)),
     tensor("mean", np.zeros(2)), tensor("var", np.zeros(2))])

# MAPS: error: Div node 'div': Div of two feature maps is not supported; only Add, Sub and Mul are (Div takes a feature map and a constant)
save(out, "sub_maps", [node("Div", ["x", "x"], ["y"], "div")],
     {"x": [1, 2, 3, 3]}, {"y": [1, 2, 3, 3]})
