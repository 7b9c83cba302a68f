# MaxPool, AveragePool, GlobalAveragePool and GlobalMaxPool.
# RUN: rm -rf %t && %python3 %s %t
# RUN: cnn-translate --import-onnx %t/pool.onnx | FileCheck %s
# RUN: not cnn-translate --import-onnx %t/count_include_pad.onnx 2>&1 \
# RUN:   | FileCheck %s --check-prefix=INCLUDE-PAD

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from onnx_models import node, output_dir, save

out = output_dir()

# CHECK-LABEL: func.func @pool(%arg0: tensor<1x8x15x15xf32>)
save(out, "pool", [
    # (15 + 1 + 1 - 3) / 2 + 1 = 8.
    # CHECK: %[[P1:.*]] = cnn.max_pool %arg0 {kernel = array<i64: 3, 3>, name = "max",
    # CHECK-SAME: padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>}
    # CHECK-SAME: : tensor<1x8x15x15xf32> -> tensor<1x8x8x8xf32>
    node("MaxPool", ["x"], ["p1"], "max", kernel_shape=[3, 3],
         strides=[2, 2], pads=[1, 1, 1, 1]),
    # ceil_mode: ceil((8 - 3) / 2) + 1 = 4 windows, the last one partial:
    # one more row and column of bottom and right padding.
    # CHECK: %[[P2:.*]] = cnn.max_pool %[[P1]] {kernel = array<i64: 3, 3>, name = "max_ceil",
    # CHECK-SAME: padding = array<i64: 0, 1, 0, 1>, strides = array<i64: 2, 2>}
    # CHECK-SAME: -> tensor<1x8x4x4xf32>
    node("MaxPool", ["p1"], ["p2"], "max_ceil", kernel_shape=[3, 3],
         strides=[2, 2], ceil_mode=1),
    # count_include_pad = 0 (the default) is what cnn.avg_pool computes.
    # CHECK: %[[P3:.*]] = cnn.avg_pool %[[P2]] {kernel = array<i64: 3, 3>, name = "avg",
    # CHECK-SAME: padding = array<i64: 1, 1, 1, 1>}
    # CHECK-SAME: -> tensor<1x8x4x4xf32>
    node("AveragePool", ["p2"], ["p3"], "avg", kernel_shape=[3, 3],
         pads=[1, 1, 1, 1]),
    # Without padding, count_include_pad makes no difference.
    # CHECK: %[[P4:.*]] = cnn.avg_pool %[[P3]] {kernel = array<i64: 2, 2>, name = "avg2",
    # CHECK-SAME: strides = array<i64: 2, 2>} : tensor<1x8x4x4xf32> -> tensor<1x8x2x2xf32>
    node("AveragePool", ["p3"], ["p4"], "avg2", kernel_shape=[2, 2],
         strides=[2, 2], count_include_pad=1),
    # CHECK: %[[G1:.*]] = cnn.global_avg_pool %[[P4]] {name = "gap"} : tensor<1x8x2x2xf32> -> tensor<1x8x1x1xf32>
    node("GlobalAveragePool", ["p4"], ["g1"], "gap"),
    # A max pool whose window is the whole map.
    # CHECK: %[[G2:.*]] = cnn.max_pool %[[P4]] {kernel = array<i64: 2, 2>, name = "gmp",
    # CHECK-SAME: strides = array<i64: 2, 2>} : tensor<1x8x2x2xf32> -> tensor<1x8x1x1xf32>
    node("GlobalMaxPool", ["p4"], ["g2"], "gmp"),
    # CHECK: return %[[G1]], %[[G2]]
], {"x": [1, 8, 15, 15]}, {"g1": [1, 8, 1, 1], "g2": [1, 8, 1, 1]})

# INCLUDE-PAD: error: AveragePool node 'avg_pad': count_include_pad = 1 with padding is not supported: cnn.avg_pool does not count padded positions
save(out, "count_include_pad", [
    node("AveragePool", ["x"], ["y"], "avg_pad", kernel_shape=[3, 3],
         pads=[1, 1, 1, 1], count_include_pad=1),
], {"x": [1, 8, 15, 15]}, {"y": [1, 8, 15, 15]})
