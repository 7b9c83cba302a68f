# ONNX's own shape inference (libonnx, with data propagation) runs before
# the import, on the graph with the input's shape fixed; every feature map
# whose shape it infers must have that shape after the import. A graph
# output declared with another shape than the graph computes, and a model
# the importer reads differently from ONNX (a Split's sizes given as an
# attribute, which opset 13 moved to an input), are errors with no output.
# RUN: rm -rf %t && %python3 %s %t
# RUN: not cnn-translate --import-onnx %t/wrong_output.onnx -o %t/out.mlir 2>&1 | FileCheck %s --check-prefix=OUTPUT
# RUN: not test -e %t/out.mlir
# OUTPUT: error: ONNX shape inference: [ShapeInferenceError] (op_type:Conv, node name: conv): [ShapeInferenceError] Inferred shape and existing shape differ in dimension 2: (4) vs (5)
# RUN: not cnn-translate --import-onnx %t/split_attribute.onnx 2>&1 | FileCheck %s --check-prefix=SPLIT
# SPLIT: error: tensor 'b': the importer computes the shape [1, 7, 6, 6], but ONNX shape inference gives [1, 4, 6, 6]
# The same Split with the sizes as an input, and a dynamic input whose
# shape --input-shape fixes, import.
# RUN: cnn-translate --import-onnx %t/split_input.onnx | FileCheck %s --check-prefix=GOOD
# GOOD: cnn.select_channels %arg0 {channels = array<i64: 1, 2, 3, 4, 5, 6, 7>, name = "split/1"}
# RUN: cnn-translate --import-onnx %t/dynamic.onnx --input-shape=x:1x8x10x12 | FileCheck %s --check-prefix=DYNAMIC
# DYNAMIC: cnn.conv2d {{.*}} -> tensor<1x4x8x10xf32>

import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from onnx_models import ints, node, output_dir, save, tensor

out = output_dir()
x = {"x": [1, 8, 6, 6]}
w = tensor("w", np.full((4, 8, 3, 3), 0.5))
save(out, "wrong_output", [node("Conv", ["x", "w"], ["y"], "conv")], x,
     {"y": [1, 4, 5, 5]}, [w], check=False)
save(out, "split_attribute", [
    node("Split", ["x"], ["a", "b"], "split", axis=1, split=[1, 7]),
    node("Concat", ["b", "a"], ["y"], "cat", axis=1),
], x, {"y": [1, 8, 6, 6]}, check=False)
save(out, "split_input", [
    node("Split", ["x", "sizes"], ["a", "b"], "split", axis=1),
    node("Concat", ["b", "a"], ["y"], "cat", axis=1),
], x, {"y": [1, 8, 6, 6]}, [ints("sizes", [1, 7])])
save(out, "dynamic", [node("Conv", ["x", "w"], ["y"], "conv")],
     {"x": [1, 8, "h", "w"]}, {"y": [1, 4, "h2", "w2"]}, [w])
