# Add of two feature maps and Concat along the channels.
# RUN: rm -rf %t && %python3 %s %t
# RUN: cnn-translate --import-onnx %t/add_concat.onnx | FileCheck %s
# RUN: not cnn-translate --import-onnx %t/concat_rows.onnx 2>&1 \
# RUN:   | FileCheck %s --check-prefix=ROWS

import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from onnx_models import node, output_dir, save, tensor

out = output_dir()
w = tensor("w", np.ones((4, 4, 3, 3)))

# CHECK-LABEL: func.func @add_concat(%arg0: tensor<1x4x8x8xf32>) -> tensor<1x16x8x8xf32>
save(out, "add_concat", [
    # CHECK: %[[C:.*]] = cnn.conv2d %arg0
    node("Conv", ["x", "w"], ["c"], "conv", pads=[1, 1, 1, 1]),
    # A residual connection.
    # CHECK: %[[A:.*]] = cnn.add %[[C]], %arg0 {name = "residual"} : tensor<1x4x8x8xf32>
    node("Add", ["c", "x"], ["a"], "residual"),
    # Axis 1 and its negative spelling -3 are the channels.
    # CHECK: %[[CAT1:.*]] = cnn.concat %[[A]], %[[C]], %arg0 {name = "cat1"}
    # CHECK-SAME: (tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>) -> tensor<1x12x8x8xf32>
    node("Concat", ["a", "c", "x"], ["cat1"], "cat1", axis=1),
    # CHECK: %[[CAT2:.*]] = cnn.concat %[[CAT1]], %[[A]] {name = "cat2"}
    # CHECK-SAME: -> tensor<1x16x8x8xf32>
    node("Concat", ["cat1", "a"], ["y"], "cat2", axis=-3),
    # CHECK: return %[[CAT2]]
], {"x": [1, 4, 8, 8]}, {"y": [1, 16, 8, 8]}, [w])

# ROWS: error: Concat node 'rows': concatenation along axis 2 is not supported; only the channels (axis 1) are
save(out, "concat_rows", [node("Concat", ["x", "x"], ["y"], "rows", axis=2)],
     {"x": [1, 4, 8, 8]}, {"y": [1, 4, 16, 8]})

