# Mul of a feature map by per-channel factors (squeeze-and-excitation, in
# either operand order) or by a map of its shape imports as cnn.mul.
# RUN: rm -rf %t && %python3 %s %t
# RUN: cnn-translate --import-onnx %t/excite.onnx | FileCheck %s
# RUN: not cnn-translate --import-onnx %t/mul_shapes.onnx 2>&1 \
# RUN:   | FileCheck %s --check-prefix=SHAPES

import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from onnx_models import node, output_dir, save, tensor

out = output_dir()
w1 = tensor("w1", np.ones((2, 4, 1, 1)))
w2 = tensor("w2", np.ones((4, 2, 1, 1)))

# CHECK-LABEL: func.func @excite(%arg0: tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
save(out, "excite", [
    # CHECK: %[[G:.*]] = cnn.global_avg_pool %arg0
    node("GlobalAveragePool", ["x"], ["g"], "squeeze"),
    # CHECK: %[[H:.*]] = cnn.conv2d %[[G]]
    node("Conv", ["g", "w1"], ["h"], "reduce"),
    node("Relu", ["h"], ["r"], "relu"),
    # CHECK: %[[S:.*]] = cnn.conv2d %[[H]]
    node("Conv", ["r", "w2"], ["s"], "expand"),
    # The factors first or second: they become the second operand.
    # CHECK: %[[M:.*]] = cnn.mul %arg0, %[[S]] {name = "excite"} : (tensor<1x4x8x8xf32>, tensor<1x4x1x1xf32>) -> tensor<1x4x8x8xf32>
    node("Mul", ["s", "x"], ["m"], "excite"),
    # CHECK: %[[Q:.*]] = cnn.mul %[[M]], %arg0 {name = "square"} : (tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
    node("Mul", ["m", "x"], ["y"], "square"),
    # CHECK: return %[[Q]]
], {"x": [1, 4, 8, 8]}, {"y": [1, 4, 8, 8]}, [w1, w2])

# SHAPES: error: Mul node 'rows': layer 'rows' multiplies feature maps of shapes 1x4x8x8 and 1x4x4x8
save(out, "mul_shapes", [
    node("MaxPool", ["x"], ["p"], "pool", kernel_shape=[2, 1], strides=[2, 1]),
    node("Mul", ["x", "p"], ["y"], "rows"),
], {"x": [1, 4, 8, 8]}, {"y": [1, 4, 8, 8]}, check=False)
