# Gemm and MatMul (+ Add) as cnn.fully_connected after Flatten or Reshape.
# RUN: rm -rf %t && %python3 %s %t
# RUN: cnn-translate --import-onnx %t/gemm.onnx \
# RUN:   --mlir-print-elementsattrs-with-hex-if-larger=-1 | FileCheck %s
# RUN: cnn-translate --import-onnx %t/matmul.onnx \
# RUN:   --mlir-print-elementsattrs-with-hex-if-larger=-1 \
# RUN:   | FileCheck %s --check-prefix=MATMUL

import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from onnx_models import ints, node, output_dir, save, tensor

out = output_dir()

# CHECK-LABEL: func.func @gemm(%arg0: tensor<1x2x2x2xf32>) -> tensor<1x3x1x1xf32>
save(out, "gemm", [
    # Flatten (axis 1) of a 1x2x2x2 map: K = 8. transB = 1: B is [N, K], the
    # layer's layout. The Relu is fused.
    # CHECK: %[[W1:.*]] = cnn.weight {value = {{.*}} : tensor<2x8xf32>}
    # CHECK: %[[B1:.*]] = cnn.weight {value = dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>}
    # CHECK: %[[FC1:.*]] = cnn.fully_connected %arg0, %[[W1]], %[[B1]] {activation = #cnn.activation<relu>, name = "fc1"}
    # CHECK-SAME: (tensor<1x2x2x2xf32>, tensor<2x8xf32>, tensor<2xf32>) -> tensor<1x2x1x1xf32>
    node("Flatten", ["x"], ["flat"], "flatten"),
    node("Gemm", ["flat", "w1", "b1"], ["g1"], "fc1", transB=1),
    node("Relu", ["g1"], ["r1"], "relu"),
    # transB = 0: B is [K, N] = [[1, 2, 3], [4, 5, 6]]; the layer's [N, K]
    # weight is alpha * B^T = 2 * [[1, 4], [2, 5], [3, 6]], its bias
    # beta * C = 0.5 * [2, 4, 6].
    # CHECK: %[[W2:.*]] = cnn.weight {value = dense<{{\[\[}}2.000000e+00, 8.000000e+00], [4.000000e+00, 1.000000e+01], [6.000000e+00, 1.200000e+01]]> : tensor<3x2xf32>}
    # CHECK: %[[B2:.*]] = cnn.weight {value = dense<[1.000000e+00, 2.000000e+00, 3.000000e+00]> : tensor<3xf32>}
    # CHECK: %[[FC2:.*]] = cnn.fully_connected %[[FC1]], %[[W2]], %[[B2]] {name = "fc2"}
    # CHECK-SAME: -> tensor<1x3x1x1xf32>
    node("Gemm", ["r1", "w2", "b2"], ["y"], "fc2", alpha=2.0, beta=0.5),
    # CHECK: return %[[FC2]]
], {"x": [1, 2, 2, 2]}, {"y": [1, 3]}, [
    tensor("w1", np.arange(16).reshape(2, 8)), tensor("b1", [1, 2]),
    tensor("w2", [[1, 2, 3], [4, 5, 6]]), tensor("b2", [2, 4, 6]),
])

# MATMUL-LABEL: func.func @matmul(%arg0: tensor<1x4x1x2xf32>)
save(out, "matmul", [
    # Reshape to [1, -1] flattens (K = 8). MatMul's B is [K, N]; the Add of
    # a constant that only reads the product is its bias.
    # MATMUL: %[[W1:.*]] = cnn.weight {value = {{.*}} : tensor<2x8xf32>}
    # MATMUL: %[[B1:.*]] = cnn.weight {value = dense<[5.000000e-01, 1.500000e+00]> : tensor<2xf32>}
    # MATMUL: %[[FC1:.*]] = cnn.fully_connected %arg0, %[[W1]], %[[B1]] {name = "mm1"}
    # MATMUL-SAME: -> tensor<1x2x1x1xf32>
    node("Reshape", ["x", "shape"], ["flat"], "reshape"),
    node("MatMul", ["flat", "w1"], ["m1"], "mm1"),
    node("Add", ["m1", "b1"], ["a1"], "bias1"),
    # No Add: no bias. [[1, 2], [3, 4]] as [K, N] is [[1, 3], [2, 4]] as
    # [N, K].
    # MATMUL: %[[W2:.*]] = cnn.weight {value = dense<{{\[\[}}1.000000e+00, 3.000000e+00], [2.000000e+00, 4.000000e+00]]> : tensor<2x2xf32>}
    # MATMUL: %[[FC2:.*]] = cnn.fully_connected %[[FC1]], %[[W2]] {name = "mm2"}
    # MATMUL-SAME: (tensor<1x2x1x1xf32>, tensor<2x2xf32>) -> tensor<1x2x1x1xf32>
    node("MatMul", ["a1", "w2"], ["m2"], "mm2"),
    # Reshape back to a 4-D map of 1x1 pixels is a view too.
    node("Reshape", ["m2", "shape4"], ["y"], "unflatten"),
    # MATMUL: return %[[FC2]]
], {"x": [1, 4, 1, 2]}, {"y": [1, 2, 1, 1]}, [
    ints("shape", [1, -1]), ints("shape4", [0, 2, 1, 1]),
    tensor("w1", np.ones((8, 2))), tensor("b1", [0.5, 1.5]),
    tensor("w2", [[1, 2], [3, 4]]),
])
