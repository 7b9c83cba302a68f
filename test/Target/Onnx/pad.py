# Pad in constant mode: pads and value as inputs (opset 11 and later) or
# attributes (opset 2 to 10).
# RUN: rm -rf %t && %python3 %s %t
# RUN: cnn-translate --import-onnx %t/pad.onnx | FileCheck %s
# RUN: cnn-translate --import-onnx %t/pad_opset2.onnx | FileCheck %s --check-prefix=OPSET2
# RUN: not cnn-translate --import-onnx %t/pad_reflect.onnx 2>&1 \
# RUN:   | FileCheck %s --check-prefix=REFLECT
# RUN: not cnn-translate --import-onnx %t/pad_channels.onnx 2>&1 \
# RUN:   | FileCheck %s --check-prefix=CHANNELS

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from onnx_models import ints, node, output_dir, save, tensor

out = output_dir()

# ONNX pads are [N, C, H, W] begins then ends; cnn's [top, bottom, left,
# right].
# CHECK-LABEL: func.func @pad(%arg0: tensor<1x3x8x8xf32>) -> tensor<1x3x11x15xf32>
# CHECK: %[[P:.*]] = cnn.pad %arg0 {name = "pad", padding = array<i64: 1, 2, 3, 4>, value = -1.500000e+00 : f64}
# CHECK-SAME: : tensor<1x3x8x8xf32> -> tensor<1x3x11x15xf32>
# CHECK: return %[[P]]
save(out, "pad", [node("Pad", ["x", "pads", "value"], ["y"], "pad")],
     {"x": [1, 3, 8, 8]}, {"y": [1, 3, 11, 15]},
     [ints("pads", [0, 0, 1, 3, 0, 0, 2, 4]), tensor("value", -1.5)])

# OPSET2: cnn.pad %arg0 {name = "pad2", padding = array<i64: 0, 1, 0, 1>}
# OPSET2-SAME: : tensor<1x3x8x8xf32> -> tensor<1x3x9x9xf32>
save(out, "pad_opset2", [
    node("Pad", ["x"], ["y"], "pad2", pads=[0, 0, 0, 0, 0, 0, 1, 1]),
], {"x": [1, 3, 8, 8]}, {"y": [1, 3, 9, 9]}, opset=2)

# REFLECT: error: Pad node 'reflect': mode 'reflect' is not supported; only 'constant' is
save(out, "pad_reflect", [
    node("Pad", ["x", "pads"], ["y"], "reflect", mode="reflect"),
], {"x": [1, 3, 8, 8]}, {"y": [1, 3, 10, 10]},
    [ints("pads", [0, 0, 1, 1, 0, 0, 1, 1])])

# CHANNELS: error: Pad node 'pad_c': pads [0, 1, 0, 0, 0, 0, 0, 0] pad the batch or channels; only rows and columns can be padded
save(out, "pad_channels", [node("Pad", ["x", "pads"], ["y"], "pad_c")],
     {"x": [1, 3, 8, 8]}, {"y": [1, 4, 8, 8]},
     [ints("pads", [0, 1, 0, 0, 0, 0, 0, 0])])
