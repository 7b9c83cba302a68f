# Shape subgraphs are evaluated at import: the size a Resize scales to
# computed from the input's shape (Shape, Gather, Cast, Mul, Floor,
# Unsqueeze, Concat, as segmentation heads export it), zero padding built
# with ConstantOfShape and Concat (as tf2onnx exports it), Slice, Squeeze,
# Range and Expand; ReduceMean over rows and columns is a global average
# pool. Shape is no reader of a feature map: the ReLU still fuses.
# RUN: rm -rf %t && %python3 %s %t
# RUN: cnn-translate --import-onnx %t/shapes.onnx | FileCheck %s
# RUN: not cnn-translate --import-onnx %t/gather_range.onnx 2>&1 | FileCheck %s --check-prefix=RANGE
# RUN: not cnn-translate --import-onnx %t/mean_channels.onnx 2>&1 | FileCheck %s --check-prefix=MEAN
# RUN: not cnn-translate --import-onnx %t/broadcast.onnx 2>&1 | FileCheck %s --check-prefix=BROADCAST

import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from onnx_models import ints, node, output_dir, save, tensor
from onnx import TensorProto, helper

out = output_dir()
w = np.full((4, 4, 1, 1), 0.25)
zero = helper.make_tensor("zero", TensorProto.INT64, [1], [0])

# CHECK-LABEL: func.func @shapes(
save(out, "shapes", [
    # CHECK: %[[C:.*]] = cnn.conv2d %arg0, %{{.*}} {activation = #cnn.activation<relu>, name = "conv"}
    node("Conv", ["x", "w"], ["c"], "conv"),
    node("Shape", ["c"], ["s"], "shape"),
    node("Relu", ["c"], ["r"], "relu"),
    # rows and columns: s[2:4] as floats, times 2, floored, back to int64.
    node("Slice", ["s", "two", "four"], ["hw"], "slice"),
    node("Cast", ["hw"], ["hwf"], "cast", to=TensorProto.FLOAT),
    node("Mul", ["hwf", "scale"], ["hw2"], "times"),
    node("Floor", ["hw2"], ["hw2f"], "floor"),
    node("Cast", ["hw2f"], ["size_hw"], "cast2", to=TensorProto.INT64),
    # batch and channels: Gather of the shape, Unsqueezed (opset 13: axes
    # are an input), then Concat.
    node("Gather", ["s", "zero_i"], ["n"], "gather_n"),
    node("Gather", ["s", "one_i"], ["ch"], "gather_c"),
    node("Unsqueeze", ["n", "axis0"], ["n1"], "unsqueeze_n"),
    node("Unsqueeze", ["ch", "axis0"], ["c1"], "unsqueeze_c"),
    node("Concat", ["n1", "c1", "size_hw"], ["sizes"], "sizes", axis=0),
    # CHECK: %[[U:.*]] = cnn.resize %[[C]] {name = "up", scale = array<i64: 2, 2>} : tensor<1x4x6x6xf32> -> tensor<1x4x12x12xf32>
    node("Resize", ["r", "", "", "sizes"], ["u"], "up", mode="nearest"),
    # pads [0, 0, 1, 1, 0, 0, 1, 1]: ConstantOfShape([2]) of zeros, then
    # Concat with Expand(1, [2]), twice, as an int64 Range would give too.
    node("ConstantOfShape", ["two_d"], ["zeros"], "zeros", value=zero),
    node("Expand", ["one", "two_d"], ["ones"], "ones"),
    node("Concat", ["zeros", "ones", "zeros", "ones"], ["pads"], "pads",
         axis=0),
    # CHECK: %[[P:.*]] = cnn.pad %[[U]] {name = "pad", padding = array<i64: 1, 1, 1, 1>
    node("Pad", ["u", "pads"], ["p"], "pad"),
    # CHECK: %[[M:.*]] = cnn.global_avg_pool %[[P]] {name = "mean"} : tensor<1x4x14x14xf32> -> tensor<1x4x1x1xf32>
    node("ReduceMean", ["p"], ["y"], "mean", axes=[-1, -2], keepdims=1),
    # CHECK: return %[[M]]
], {"x": [1, 4, 6, 6]}, {"y": [1, 4, 1, 1]},
    [tensor("w", w), ints("two", [2]), ints("four", [4]),
     tensor("scale", [2.0, 2.0]), ints("zero_i", 0), ints("one_i", 1),
     ints("axis0", [0]), ints("two_d", [2]), ints("one", [1])])

# RANGE: error: Gather node 'gather': index 4 is out of range for 4 elements
save(out, "gather_range", [
    node("Shape", ["x"], ["s"], "shape"),
    node("Gather", ["s", "four"], ["g"], "gather"),
    node("Reshape", ["x", "g"], ["y"], "reshape"),
], {"x": [1, 4, 6, 6]}, {"y": [1, 4, 6, 6]}, [ints("four", 4)], check=False)

# MEAN: error: ReduceMean node 'mean': the mean over axes [1] is not supported; only over the rows and columns (axes [2, 3]) is
save(out, "mean_channels", [
    node("ReduceMean", ["x"], ["y"], "mean", axes=[1]),
], {"x": [1, 4, 6, 6]}, {"y": [1, 1, 6, 6]})

# BROADCAST: error: Add node 'add': constants of shapes [2] and [3] do not broadcast
save(out, "broadcast", [
    node("Add", ["a", "b"], ["s"], "add"),
    node("Reshape", ["x", "s"], ["y"], "reshape"),
], {"x": [1, 4, 6, 6]}, {"y": [1, 4, 6, 6]},
    [ints("a", [1, 2]), ints("b", [1, 2, 3])], check=False)
