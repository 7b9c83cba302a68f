# Conv: pads, strides, dilations, groups, auto_pad, bias and weight values.
# RUN: rm -rf %t && %python3 %s %t
# RUN: cnn-translate --import-onnx %t/conv.onnx | FileCheck %s
# RUN: cnn-translate --import-onnx %t/conv_values.onnx \
# RUN:   --mlir-print-elementsattrs-with-hex-if-larger=-1 \
# RUN:   | FileCheck %s --check-prefix=VALUES

import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from onnx_models import node, output_dir, save, tensor

out = output_dir()
rng = np.random.default_rng(0)

# CHECK-LABEL: func.func @conv(%arg0: tensor<1x3x16x16xf32>) -> tensor<1x16x4x8xf32>
save(out, "conv", [
    # ONNX pads are [top, left, bottom, right]; cnn's [top, bottom, left,
    # right]. Rows: (16 + 0 + 2 - 3) / 2 + 1 = 8; columns, with a dilated
    # window of 5: (16 + 1 + 3 - 5) / 1 + 1 = 16.
    # CHECK: %[[W0:.*]] = cnn.weight {value = dense<{{.*}}> : tensor<8x3x3x3xf32>}
    # CHECK: %[[B0:.*]] = cnn.weight {value = dense<{{.*}}> : tensor<8xf32>}
    # CHECK: %[[C0:.*]] = cnn.conv2d %arg0, %[[W0]], %[[B0]]
    # CHECK-SAME: dilation = array<i64: 1, 2>, name = "conv_basic",
    # CHECK-SAME: padding = array<i64: 0, 2, 1, 3>, strides = array<i64: 2, 1>
    # CHECK-SAME: -> tensor<1x8x8x16xf32>
    node("Conv", ["x", "w0", "b0"], ["c0"], "conv_basic", pads=[0, 1, 2, 3],
         strides=[2, 1], dilations=[1, 2], kernel_shape=[3, 3]),
    # Two groups of 4 input channels, no bias.
    # CHECK: %[[W1:.*]] = cnn.weight {{.*}} : tensor<16x4x1x1xf32>
    # CHECK: %[[C1:.*]] = cnn.conv2d %[[C0]], %[[W1]] {groups = 2 : i64, name = "conv_group"}
    # CHECK-SAME: (tensor<1x8x8x16xf32>, tensor<16x4x1x1xf32>) -> tensor<1x16x8x16xf32>
    node("Conv", ["c0", "w1"], ["c1"], "conv_group", group=2),
    # Depthwise with SAME_UPPER: ceil(8 / 2) = 4 rows, ceil(16 / 2) = 8
    # columns; (4 - 1) * 2 + 3 - 8 = 1 extra row goes to the bottom, and
    # likewise one column to the right.
    # CHECK: %[[C2:.*]] = cnn.conv2d %[[C1]], %{{.*}} {groups = 16 : i64, name = "conv_dw",
    # CHECK-SAME: padding = array<i64: 0, 1, 0, 1>, strides = array<i64: 2, 2>}
    # CHECK-SAME: -> tensor<1x16x4x8xf32>
    node("Conv", ["c1", "w2"], ["y"], "conv_dw", group=16,
         auto_pad="SAME_UPPER", strides=[2, 2]),
    # CHECK: return %[[C2]]
], {"x": [1, 3, 16, 16]}, {"y": [1, 16, 4, 8]}, [
    tensor("w0", rng.uniform(-1, 1, (8, 3, 3, 3))),
    tensor("b0", rng.uniform(-1, 1, 8)),
    tensor("w1", rng.uniform(-1, 1, (16, 4, 1, 1))),
    tensor("w2", rng.uniform(-1, 1, (16, 1, 3, 3))),
])

# The initializers' values, OIHW as in ONNX. A dynamic batch reads as 1.
# VALUES-LABEL: func.func @conv_values(%arg0: tensor<1x2x4x4xf32>)
# VALUES: cnn.weight {value = dense<{{\[\[\[\[}}0.000000e+00, 1.000000e+00]], {{\[\[}}2.000000e+00, 3.000000e+00]]],
# VALUES-SAME: {{\[\[\[}}4.000000e+00, 5.000000e+00]], {{\[\[}}6.000000e+00, 7.000000e+00]]]]> : tensor<2x2x1x2xf32>}
# VALUES: cnn.weight {value = dense<[5.000000e-01, -2.500000e-01]> : tensor<2xf32>}
# VALUES: cnn.conv2d {{.*}} {name = "tiny"} : {{.*}} -> tensor<1x2x4x3xf32>
save(out, "conv_values", [node("Conv", ["x", "w", "b"], ["y"], "tiny")],
     {"x": ["batch", 2, 4, 4]}, {"y": ["batch", 2, 4, 3]},
     [tensor("w", np.arange(8).reshape(2, 2, 1, 2)),
      tensor("b", [0.5, -0.25])])
