# --element-type: f32 (default) and f16 keep the initializers' values;
# i8 and i16 give shape-only weights and i32 biases.
# RUN: rm -rf %t && %python3 %s %t
# RUN: cnn-translate --import-onnx %t/net.onnx | FileCheck %s --check-prefix=F32
# RUN: cnn-translate --import-onnx %t/net.onnx --element-type=f32 | FileCheck %s --check-prefix=F32
# RUN: cnn-translate --import-onnx %t/net.onnx --element-type=f16 | FileCheck %s --check-prefix=F16
# RUN: cnn-translate --import-onnx %t/net.onnx --element-type=i16 | FileCheck %s --check-prefix=I16
# RUN: cnn-translate --import-onnx %t/net.onnx --element-type=i8 | FileCheck %s --check-prefix=I8
# RUN: cnn-translate --import-onnx %t/net.onnx --element-type=i8 -o %t/net.mlir
# RUN: cnn-opt %t/net.mlir | FileCheck %s --check-prefix=I8

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from onnx_models import node, output_dir, save, tensor

out = output_dir()

# F32: func.func @net(%arg0: tensor<1x1x4x4xf32>) -> tensor<1x3x1x1xf32>
# F32: cnn.weight {value = dense<[{{\[\[\[}}5.000000e-01]]], {{\[\[\[}}-2.000000e+00]]]]> : tensor<2x1x1x1xf32>}
# F32: cnn.weight {value = dense<[2.500000e-01, 1.000000e+00]> : tensor<2xf32>}
# F32: cnn.weight {value = dense<1.000000e+00> : tensor<3x2xf32>}

# F16: func.func @net(%arg0: tensor<1x1x4x4xf16>) -> tensor<1x3x1x1xf16>
# F16: cnn.weight {value = dense<[{{\[\[\[}}5.000000e-01]]], {{\[\[\[}}-2.000000e+00]]]]> : tensor<2x1x1x1xf16>}
# F16: cnn.weight {value = dense<[2.500000e-01, 1.000000e+00]> : tensor<2xf16>}
# F16: cnn.conv2d {{.*}} -> tensor<1x2x4x4xf16>

# I16: func.func @net(%arg0: tensor<1x1x4x4xi16>) -> tensor<1x3x1x1xi16>
# I16: cnn.weight : tensor<2x1x1x1xi16>
# I16: cnn.weight : tensor<2xi32>

# I8: func.func @net(%arg0: tensor<1x1x4x4xi8>) -> tensor<1x3x1x1xi8>
# I8-NEXT: %[[W:.*]] = cnn.weight : tensor<2x1x1x1xi8>
# I8-NEXT: %[[B:.*]] = cnn.weight : tensor<2xi32>
# I8-NEXT: %[[C:.*]] = cnn.conv2d %arg0, %[[W]], %[[B]] {activation = #cnn.activation<relu>, name = "conv"}
# I8-NEXT: %[[GAP:.*]] = cnn.global_avg_pool %[[C]]
# I8-NEXT: %[[FW:.*]] = cnn.weight : tensor<3x2xi8>
# I8-NEXT: cnn.fully_connected %[[GAP]], %[[FW]] {name = "fc"}
save(out, "net", [
    node("Conv", ["x", "w", "b"], ["c"], "conv"),
    node("Relu", ["c"], ["r"], "relu"),
    node("GlobalAveragePool", ["r"], ["g"], "gap"),
    node("Flatten", ["g"], ["f"], "flatten"),
    node("MatMul", ["f", "fw"], ["y"], "fc"),
], {"x": [1, 1, 4, 4]}, {"y": [1, 3]}, [
    tensor("w", [[[[0.5]]], [[[-2]]]]), tensor("b", [0.25, 1]),
    tensor("fw", [[1, 1, 1], [1, 1, 1]]),
])
