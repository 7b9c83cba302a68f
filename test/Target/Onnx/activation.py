# Relu and Clip(0, 6): fused into the layer that produces their input when
# they are its only reader, else a cnn.activation.
# RUN: rm -rf %t && %python3 %s %t
# RUN: cnn-translate --import-onnx %t/activation.onnx | FileCheck %s
# RUN: cnn-translate --import-onnx %t/clip_opset6.onnx | FileCheck %s --check-prefix=OPSET6
# RUN: not cnn-translate --import-onnx %t/clip_leaky.onnx 2>&1 \
# RUN:   | FileCheck %s --check-prefix=LEAKY

import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from onnx_models import node, output_dir, save, tensor

out = output_dir()
w = np.full((4, 4, 1, 1), 0.25)

# CHECK-LABEL: func.func @activation(
save(out, "activation", [
    # Clip with inputs (opset 11 and later): [0, 6] is ReLU6.
    # CHECK: %[[C1:.*]] = cnn.conv2d %arg0, %{{.*}} {activation = #cnn.activation<relu6>, name = "conv1"}
    node("Conv", ["x", "w"], ["c1"], "conv1"),
    node("Clip", ["c1", "zero", "six"], ["r1"], "relu6_1"),
    # conv2's output is read by the Relu and by the Add: the Relu stays a
    # layer of its own.
    # CHECK: %[[C2:.*]] = cnn.conv2d %[[C1]], %{{.*}} {name = "conv2"}
    # CHECK: %[[R2:.*]] = cnn.activation %[[C2]] {kind = #cnn.activation<relu>, name = "relu2"}
    node("Conv", ["r1", "w"], ["c2"], "conv2"),
    node("Relu", ["c2"], ["r2"], "relu2"),
    # Clip without max is a ReLU, fused into the Add.
    # CHECK: %[[A:.*]] = cnn.add %[[C2]], %[[R2]] {activation = #cnn.activation<relu>, name = "add"}
    node("Add", ["c2", "r2"], ["a"], "add"),
    node("Clip", ["a", "zero"], ["ra"], "relu_add"),
    # Nothing to fuse into a concat.
    # CHECK: %[[CAT:.*]] = cnn.concat %[[A]], %[[C1]] {name = "concat"}
    # CHECK: %[[RC:.*]] = cnn.activation %[[CAT]] {kind = #cnn.activation<relu6>, name = "relu6_cat"}
    node("Concat", ["ra", "r1"], ["cat"], "concat", axis=1),
    node("Clip", ["cat", "zero", "six"], ["y"], "relu6_cat"),
    # CHECK: return %[[RC]]
], {"x": [1, 4, 6, 6]}, {"y": [1, 8, 6, 6]},
    [tensor("w", w), tensor("zero", 0), tensor("six", 6)])

# Clip with attributes (opset 6 to 10).
# OPSET6: cnn.conv2d {{.*}} {activation = #cnn.activation<relu6>, name = "conv"}
save(out, "clip_opset6", [
    node("Conv", ["x", "w"], ["c"], "conv"),
    node("Clip", ["c"], ["y"], "relu6", min=0.0, max=6.0),
], {"x": [1, 4, 6, 6]}, {"y": [1, 4, 6, 6]}, [tensor("w", w)], opset=6)

# LEAKY: error: Clip node 'clip': clipping to [-1, 1] is not supported; only [0, 6] (ReLU6) and [0, inf] (ReLU) are
save(out, "clip_leaky", [
    node("Conv", ["x", "w"], ["c"], "conv"),
    node("Clip", ["c", "lo", "hi"], ["y"], "clip"),
], {"x": [1, 4, 6, 6]}, {"y": [1, 4, 6, 6]},
    [tensor("w", w), tensor("lo", -1), tensor("hi", 1)])
