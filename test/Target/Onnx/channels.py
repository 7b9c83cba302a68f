# Split, Slice and channel shuffle in every form exporters write, and what
# cannot be imported: an error naming the node, a non-zero exit and no output.
# RUN: rm -rf %t && %python3 %s %t
# RUN: cnn-translate --import-onnx %t/forms.onnx | FileCheck %s
# RUN: cnn-translate --import-onnx %t/opset11.onnx | FileCheck %s --check-prefix=OPSET11
#
# RUN: not cnn-translate --import-onnx %t/split_rows.onnx -o %t/out.mlir 2>&1 | FileCheck %s --check-prefix=SPLIT-ROWS
# RUN: not test -e %t/out.mlir
# SPLIT-ROWS: error: Split node 'split': splitting along axis 2 is not supported; only the channels (axis 1) of a feature map are
# RUN: not cnn-translate --import-onnx %t/split_sizes.onnx 2>&1 | FileCheck %s --check-prefix=SPLIT-SIZES
# SPLIT-SIZES: error: Split node 'split': the split sizes [3, 3] do not divide the 8 channels into the node's 2 outputs
# RUN: not cnn-translate --import-onnx %t/slice_rows.onnx 2>&1 | FileCheck %s --check-prefix=SLICE-ROWS
# SLICE-ROWS: error: Slice node 'crop': slicing rows is not supported; only the channels (axis 1) are
# RUN: not cnn-translate --import-onnx %t/slice_empty.onnx 2>&1 | FileCheck %s --check-prefix=SLICE-EMPTY
# SLICE-EMPTY: error: Slice node 'none': the slice keeps no channel
# RUN: not cnn-translate --import-onnx %t/slice_step0.onnx 2>&1 | FileCheck %s --check-prefix=SLICE-STEP
# SLICE-STEP: error: Slice node 'zero': slicing along axis 1 by step 0 is not valid
# RUN: not cnn-translate --import-onnx %t/grouped_conv.onnx 2>&1 | FileCheck %s --check-prefix=GROUPED-READ
# GROUPED-READ: error: Conv node 'conv': input 'g' is a 5-D view of a feature map in 2 channel groups (a Reshape); only a Transpose of the two channel axes and a Reshape back to 4-D read it
# RUN: not cnn-translate --import-onnx %t/grouped_perm.onnx 2>&1 | FileCheck %s --check-prefix=GROUPED-PERM
# GROUPED-PERM: error: Transpose node 'swap': transposing a 5-D view in channel groups by perm [0, 1, 2, 4, 3] is not supported
# RUN: not cnn-translate --import-onnx %t/grouped_reshape.onnx 2>&1 | FileCheck %s --check-prefix=GROUPED-RESHAPE
# GROUPED-RESHAPE: error: Reshape node 'unshape': reshaping a view of 2 channel groups to [1, 4, 12, 6] is not supported; only back to [1, 8, 6, 6] is
# RUN: not cnn-translate --import-onnx %t/grouped_output.onnx 2>&1 | FileCheck %s --check-prefix=GROUPED-OUT
# GROUPED-OUT: error: graph output 'g' is a 5-D view of a feature map in channel groups; only 4-D feature maps are returned
# RUN: not cnn-translate --import-onnx %t/squeeze.onnx 2>&1 | FileCheck %s --check-prefix=SQUEEZE
# SQUEEZE: error: Squeeze node 'squeeze': axes [1] do not fit the shape [1, 8, 6, 6]
# RUN: not cnn-translate --import-onnx %t/unsqueeze.onnx 2>&1 | FileCheck %s --check-prefix=UNSQUEEZE
# UNSQUEEZE: error: Unsqueeze node 'unsqueeze': reshaping [1, 8, 6, 6] to [1, 1, 8, 6, 6] is not supported; only flattening a feature map to [1, C*H*W] and its inverse are

import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from onnx_models import ints, node, output_dir, save, tensor

out = output_dir()
x = {"x": [1, 8, 6, 6]}

# Equal parts of an uneven split (the last smaller), a Split whose first
# part is unread, a shuffle whose Transpose is undone by a second one (no
# layer), and a Slice that keeps every channel (no layer).
# CHECK-LABEL: func.func @forms(%arg0: tensor<1x8x6x6xf32>)
# CHECK: %[[A:.*]] = cnn.select_channels %arg0 {channels = array<i64: 0, 1, 2>, name = "thirds/0"} : tensor<1x8x6x6xf32> -> tensor<1x3x6x6xf32>
# CHECK: %[[B:.*]] = cnn.select_channels %arg0 {channels = array<i64: 3, 4, 5>, name = "thirds/1"}
# CHECK: %[[C:.*]] = cnn.select_channels %arg0 {channels = array<i64: 6, 7>, name = "thirds/2"} : tensor<1x8x6x6xf32> -> tensor<1x2x6x6xf32>
# CHECK: %[[D:.*]] = cnn.select_channels %arg0 {channels = array<i64: 2, 3, 4, 5, 6, 7>, name = "tail/1"}
# CHECK-NOT: cnn.select_channels
# CHECK: cnn.concat %[[A]], %[[B]], %[[C]], %[[D]], %arg0, %arg0
save(out, "forms", [
    node("Split", ["x"], ["t0", "t1", "t2"], "thirds", axis=1),
    node("Split", ["x", "sizes"], ["unused", "tail"], "tail", axis=-3),
    node("Reshape", ["x", "grouped"], ["g"], "reshape"),
    node("Transpose", ["g"], ["t"], "swap", perm=[0, 2, 1, 3, 4]),
    node("Transpose", ["t"], ["u"], "swap_back", perm=[0, 2, 1, 3, 4]),
    node("Reshape", ["u", "flat"], ["same"], "unshape"),
    node("Slice", ["x", "zero", "big", "axis1"], ["all"], "all"),
    node("Concat", ["t0", "t1", "t2", "tail", "same", "all"], ["y"], "cat",
         axis=1),
], x, {"y": [1, 30, 6, 6]},
    [ints("sizes", [2, 6]), ints("grouped", [1, 2, 4, 6, 6]),
     ints("flat", [1, 8, 6, 6]), ints("zero", [0]), ints("big", [100]),
     ints("axis1", [1])])

# Opset 11: Split sizes and Slice bounds as attributes.
# OPSET11: cnn.select_channels %arg0 {channels = array<i64: 0>, name = "split/0"}
# OPSET11: cnn.select_channels %arg0 {channels = array<i64: 5, 6>, name = "crop"}
save(out, "opset11", [
    node("Split", ["x"], ["a", "b"], "split", axis=1, split=[1, 7]),
    node("Slice", ["b"], ["c"], "crop", starts=[4], ends=[6], axes=[1]),
    node("Concat", ["a", "c"], ["y"], "cat", axis=1),
], x, {"y": [1, 3, 6, 6]}, opset=9)

save(out, "split_rows", [
    node("Split", ["x"], ["a", "b"], "split", axis=2),
], x, {"a": [1, 8, 3, 6], "b": [1, 8, 3, 6]})
save(out, "split_sizes", [
    node("Split", ["x", "sizes"], ["a", "b"], "split", axis=1),
], x, {"a": [1, 3, 6, 6], "b": [1, 3, 6, 6]}, [ints("sizes", [3, 3])])
save(out, "slice_rows", [
    node("Slice", ["x", "one", "three", "axis2"], ["y"], "crop"),
], x, {"y": [1, 8, 2, 6]},
    [ints("one", [1]), ints("three", [3]), ints("axis2", [2])])
save(out, "slice_empty", [
    node("Slice", ["x", "three", "one", "axis1"], ["y"], "none"),
], x, {"y": [1, 0, 6, 6]},
    [ints("one", [1]), ints("three", [3]), ints("axis1", [1])])
save(out, "slice_step0", [
    node("Slice", ["x", "one", "three", "axis1", "zero"], ["y"], "zero"),
], x, {"y": [1, 2, 6, 6]},
    [ints("one", [1]), ints("three", [3]), ints("axis1", [1]),
     ints("zero", [0])], check=False)
w = tensor("w", np.full((4, 2, 1, 1), 0.5))
save(out, "grouped_conv", [
    node("Reshape", ["x", "grouped"], ["g"], "reshape"),
    node("Conv", ["g", "w"], ["y"], "conv"),
], x, {"y": [1, 4, 6, 6]}, [ints("grouped", [1, 2, 4, 6, 6]), w],
    check=False)
save(out, "grouped_perm", [
    node("Reshape", ["x", "grouped"], ["g"], "reshape"),
    node("Transpose", ["g"], ["y"], "swap", perm=[0, 1, 2, 4, 3]),
], x, {"y": [1, 2, 4, 6, 6]}, [ints("grouped", [1, 2, 4, 6, 6])])
save(out, "grouped_reshape", [
    node("Reshape", ["x", "grouped"], ["g"], "reshape"),
    node("Reshape", ["g", "odd"], ["y"], "unshape"),
], x, {"y": [1, 4, 12, 6]},
    [ints("grouped", [1, 2, 4, 6, 6]), ints("odd", [1, 4, 12, 6])])
save(out, "grouped_output", [
    node("Reshape", ["x", "grouped"], ["g"], "reshape"),
], x, {"g": [1, 2, 4, 6, 6]}, [ints("grouped", [1, 2, 4, 6, 6])])
save(out, "squeeze", [
    node("Squeeze", ["x", "one"], ["y"], "squeeze"),
], x, {"y": [1, 6, 6]}, [ints("one", [1])], check=False)
save(out, "unsqueeze", [
    node("Unsqueeze", ["x", "zero"], ["y"], "unsqueeze"),
], x, {"y": [1, 1, 8, 6, 6]}, [ints("zero", [0])])
