# HardSigmoid (PyTorch's alpha 1/6), HardSwish, Sigmoid and Tanh import as
# activations, fused into the layer that produces their input (a Conv or a
# Mul too) when they are its only reader.
# RUN: rm -rf %t && %python3 %s %t
# RUN: cnn-translate --import-onnx %t/hard.onnx | FileCheck %s
# RUN: not cnn-translate --import-onnx %t/hard_sigmoid_alpha.onnx 2>&1 \
# RUN:   | FileCheck %s --check-prefix=ALPHA

import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from onnx_models import node, output_dir, save, tensor

out = output_dir()
w = np.full((4, 4, 1, 1), 0.25)

# CHECK-LABEL: func.func @hard(
save(out, "hard", [
    # CHECK: %[[C1:.*]] = cnn.conv2d %arg0, %{{.*}} {activation = #cnn.activation<hard_sigmoid>, name = "conv1"}
    node("Conv", ["x", "w"], ["c1"], "conv1"),
    node("HardSigmoid", ["c1"], ["h1"], "hsig", alpha=1.0 / 6.0, beta=0.5),
    # x * hardsigmoid(x), as opset 13 exports hardswish; the Sigmoid after
    # it fuses into the Mul.
    # CHECK: %[[M:.*]] = cnn.mul %[[C1]], %[[C1]] {activation = #cnn.activation<sigmoid>, name = "swish"}
    node("Mul", ["h1", "h1"], ["m"], "swish"),
    node("Sigmoid", ["m"], ["s"], "sigmoid"),
    # CHECK: %[[CAT:.*]] = cnn.concat %[[M]], %[[C1]] {name = "concat"}
    # CHECK: %[[HS:.*]] = cnn.activation %[[CAT]] {kind = #cnn.activation<hard_swish>, name = "hswish"}
    # CHECK: %[[T:.*]] = cnn.activation %[[HS]] {kind = #cnn.activation<tanh>, name = "tanh"}
    node("Concat", ["s", "h1"], ["cat"], "concat", axis=1),
    node("HardSwish", ["cat"], ["hs"], "hswish"),
    node("Tanh", ["hs"], ["y"], "tanh"),
    # CHECK: return %[[T]]
], {"x": [1, 4, 6, 6]}, {"y": [1, 8, 6, 6]}, [tensor("w", w)], opset=14)

# ALPHA: error: HardSigmoid node 'hsig': alpha 0.2 and beta 0.5 are not supported; only alpha 1/6 and beta 1/2 (min(max(x / 6 + 1/2, 0), 1)) are
save(out, "hard_sigmoid_alpha", [
    node("HardSigmoid", ["x"], ["y"], "hsig"),
], {"x": [1, 4, 6, 6]}, {"y": [1, 4, 6, 6]})
