# Softmax over the channels: axis 1 of a 4-D map, or the last axis of a
# classifier's [1, N] output.
# RUN: rm -rf %t && %python3 %s %t
# RUN: cnn-translate --import-onnx %t/softmax.onnx | FileCheck %s
# RUN: not cnn-translate --import-onnx %t/softmax_opset11.onnx 2>&1 \
# RUN:   | FileCheck %s --check-prefix=OPSET11

import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from onnx_models import node, output_dir, save, tensor

out = output_dir()

# CHECK-LABEL: func.func @softmax(%arg0: tensor<1x8x4x4xf32>)
save(out, "softmax", [
    # CHECK: %[[S1:.*]] = cnn.softmax %arg0 {name = "pixels"} : tensor<1x8x4x4xf32>
    node("Softmax", ["x"], ["s1"], "pixels", axis=1),
    node("GlobalAveragePool", ["s1"], ["g"], "gap"),
    node("Flatten", ["g"], ["f"], "flatten"),
    node("Gemm", ["f", "w"], ["logits"], "fc", transB=1),
    # Opset 13's default axis is the last one.
    # CHECK: %[[FC:.*]] = cnn.fully_connected
    # CHECK: %[[S2:.*]] = cnn.softmax %[[FC]] {name = "prob"} : tensor<1x10x1x1xf32>
    node("Softmax", ["logits"], ["y"], "prob"),
    # CHECK: return %[[S2]]
], {"x": [1, 8, 4, 4]}, {"y": [1, 10]}, [tensor("w", np.ones((10, 8)))])

# Before opset 13, Softmax(axis = 1) normalises over C*H*W at once.
# OPSET11: error: Softmax node 'all': softmax over axis 1 of a 4-D feature map is not supported; cnn.softmax normalises the channels of each pixel
save(out, "softmax_opset11", [node("Softmax", ["x"], ["y"], "all")],
     {"x": [1, 8, 4, 4]}, {"y": [1, 8, 4, 4]}, opset=11)
