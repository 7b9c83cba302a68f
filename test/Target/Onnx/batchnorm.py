# BatchNormalization folded into the preceding Conv: values, a bias created
# by the fold, shape-only weights for integer types and weightless models.
# RUN: rm -rf %t && %python3 %s %t
# RUN: cnn-translate --import-onnx %t/bn.onnx \
# RUN:   --mlir-print-elementsattrs-with-hex-if-larger=-1 | FileCheck %s
# RUN: cnn-translate --import-onnx %t/bn.onnx --element-type=i8 \
# RUN:   | FileCheck %s --check-prefix=I8
# RUN: cnn-translate --import-onnx %t/bn_no_data.onnx 2>&1 \
# RUN:   | FileCheck %s --check-prefix=NODATA

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from onnx_models import node, output_dir, save, shape_only, tensor

out = output_dir()

# Per channel m: s = gamma / sqrt(var + eps), w' = w * s,
# b' = (b - mean) * s + beta. With eps = 1:
#
#   conv1: w = [2, 3], b = [1, -1], gamma = [1, 2], beta = [0.5, 0],
#          mean = [1, 2], var = [3, 15]:
#          s  = [1 / 2, 2 / 4] = [0.5, 0.5]
#          w' = [2 * 0.5, 3 * 0.5] = [1, 1.5]
#          b' = [(1 - 1) * 0.5 + 0.5, (-1 - 2) * 0.5 + 0] = [0.5, -1.5]
#   conv2 (no bias of its own): w = [1, 1, 1, 1] per output channel (2x2x1x1
#          ones), gamma = [4, 1], beta = [0, 0.25], mean = [0.5, -1],
#          var = [3, 0]:
#          s  = [4 / 2, 1 / 1] = [2, 1]
#          w' = [[2, 2], [1, 1]]
#          b' = [(0 - 0.5) * 2 + 0, (0 + 1) * 1 + 0.25] = [-1, 1.25]
#
# CHECK-LABEL: func.func @bn(
# CHECK: %[[W1:.*]] = cnn.weight {value = dense<{{\[\[\[\[}}1.000000e+00]]], {{\[\[\[}}1.500000e+00]]]]> : tensor<2x1x1x1xf32>}
# CHECK: %[[B1:.*]] = cnn.weight {value = dense<[5.000000e-01, -1.500000e+00]> : tensor<2xf32>}
# The Relu after the batch norm is fused too.
# CHECK: %[[C1:.*]] = cnn.conv2d %arg0, %[[W1]], %[[B1]] {activation = #cnn.activation<relu>, name = "conv1"}
# CHECK: %[[W2:.*]] = cnn.weight {value = dense<{{\[\[\[\[}}2.000000e+00]], {{\[\[}}2.000000e+00]]], {{\[\[\[}}1.000000e+00]], {{\[\[}}1.000000e+00]]]]> : tensor<2x2x1x1xf32>}
# CHECK: %[[B2:.*]] = cnn.weight {value = dense<[-1.000000e+00, 1.250000e+00]> : tensor<2xf32>}
# CHECK: %[[C2:.*]] = cnn.conv2d %[[C1]], %[[W2]], %[[B2]] {name = "conv2"}
# CHECK-NOT: cnn.
# CHECK: return %[[C2]]

# I8-LABEL: func.func @bn(%arg0: tensor<1x1x4x4xi8>)
# I8: %[[W1:.*]] = cnn.weight : tensor<2x1x1x1xi8>
# I8: %[[B1:.*]] = cnn.weight : tensor<2xi32>
# I8: cnn.conv2d %arg0, %[[W1]], %[[B1]]
# I8: %[[W2:.*]] = cnn.weight : tensor<2x2x1x1xi8>
# I8: %[[B2:.*]] = cnn.weight : tensor<2xi32>
# I8: cnn.conv2d %{{.*}}, %[[W2]], %[[B2]]
save(out, "bn", [
    node("Conv", ["x", "w1", "b1"], ["c1"], "conv1"),
    node("BatchNormalization", ["c1", "g1", "beta1", "m1", "v1"], ["n1"],
         "bn1", epsilon=1.0),
    node("Relu", ["n1"], ["r1"], "relu1"),
    node("Conv", ["r1", "w2"], ["c2"], "conv2"),
    node("BatchNormalization", ["c2", "g2", "beta2", "m2", "v2"], ["y"],
         "bn2", epsilon=1.0),
], {"x": [1, 1, 4, 4]}, {"y": [1, 2, 4, 4]}, [
    tensor("w1", [[[[2]]], [[[3]]]]), tensor("b1", [1, -1]),
    tensor("g1", [1, 2]), tensor("beta1", [0.5, 0]),
    tensor("m1", [1, 2]), tensor("v1", [3, 15]),
    tensor("w2", [[[[1]], [[1]]], [[[1]], [[1]]]]),
    tensor("g2", [4, 1]), tensor("beta2", [0, 0.25]),
    tensor("m2", [0.5, -1]), tensor("v2", [3, 0]),
])

# Initializers with dims but no data (a model saved without its weights):
# the layer keeps shape-only weights, and one warning says so.
# NODATA: warning: the weights of 1 layer(s) are shape-only: their initializers hold no data in the model file (conv)
# NODATA: %[[W:.*]] = cnn.weight : tensor<4x3x3x3xf32>
# NODATA: %[[B:.*]] = cnn.weight : tensor<4xf32>
# NODATA: cnn.conv2d %arg0, %[[W]], %[[B]] {name = "conv", padding = array<i64: 1, 1, 1, 1>}
save(out, "bn_no_data", [
    node("Conv", ["x", "w"], ["c"], "conv", pads=[1, 1, 1, 1]),
    node("BatchNormalization", ["c", "g", "b", "m", "v"], ["y"], "bn"),
], {"x": [1, 3, 8, 8]}, {"y": [1, 4, 8, 8]}, [
    shape_only("w", [4, 3, 3, 3]), shape_only("g", [4]), shape_only("b", [4]),
    shape_only("m", [4]), shape_only("v", [4]),
], check=False)
