# Models in the styles of TensorFlow's and PaddlePaddle's converters, and
# the inputs and files a user brings:
# - tf2onnx: an NHWC input transposed to NCHW, layers wrapped in Transposes
#   to NHWC and back, zero padding built with ConstantOfShape and Concat,
#   a Split of the NHWC channels (axis 3), an NHWC output: the wrappers
#   disappear, the function takes and returns NCHW;
# - PaddlePaddle: dynamic rows and columns (fixed with --input-shape) and a
#   batch norm exported as constant Mul and Add;
# - a graph name that is not an identifier, weights in an external file.
# RUN: rm -rf %t && %python3 %s %t
# RUN: cnn-translate --import-onnx %t/tf.onnx --input-shape=image:1x8x8x3 | FileCheck %s --check-prefix=TF
# RUN: not cnn-translate --import-onnx %t/tf.onnx 2>&1 | FileCheck %s --check-prefix=DYNAMIC
# RUN: cnn-translate --import-onnx %t/paddle.onnx --input-shape=x:1x3x10x12 | FileCheck %s --check-prefix=PADDLE
# RUN: not cnn-translate --import-onnx %t/paddle.onnx --input-shape=y:1x3x10x12 2>&1 | FileCheck %s --check-prefix=UNKNOWN
# RUN: not cnn-translate --import-onnx %t/paddle.onnx --input-shape=x:1x3x0x12 2>&1 | FileCheck %s --check-prefix=SYNTAX
# RUN: not cnn-translate --import-onnx %t/paddle.onnx --input-shape=x:1x3x10 2>&1 | FileCheck %s --check-prefix=RANK
# RUN: cnn-translate --import-onnx %t/external.onnx | FileCheck %s --check-prefix=EXTERNAL
# RUN: rm %t/external.onnx.data
# RUN: not cnn-translate --import-onnx %t/external.onnx 2>&1 | FileCheck %s --check-prefix=MISSING
# RUN: not cnn-translate --import-onnx %t/transpose.onnx 2>&1 | FileCheck %s --check-prefix=TRANSPOSE

import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from onnx_models import ints, node, output_dir, save, tensor

out = output_dir()
os.makedirs(out, exist_ok=True)
w = tensor("w", np.full((4, 3, 3, 3), 0.125))
w2 = tensor("w2", np.full((4, 4, 1, 1), 0.5))


def model(name, nodes, inputs, outputs, inits, graph_name=None):
    graph = helper.make_graph(
        nodes, graph_name or name,
        [helper.make_tensor_value_info(n, TensorProto.FLOAT, s)
         for n, s in inputs.items()],
        [helper.make_tensor_value_info(n, TensorProto.FLOAT, s)
         for n, s in outputs.items()], inits)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])


# TF-LABEL: func.func @tf_model(%arg0: tensor<1x3x8x8xf32>) -> tensor<1x4x10x10xf32>
# TF: %[[C:.*]] = cnn.conv2d %arg0, %{{.*}} {name = "conv", padding = array<i64: 1, 1, 1, 1>}
# TF: %[[P:.*]] = cnn.pad %[[C]] {name = "pad", padding = array<i64: 1, 1, 1, 1>}
# TF: %[[D:.*]] = cnn.conv2d %[[P]], %{{.*}} {name = "conv2"}
# TF: %[[S0:.*]] = cnn.select_channels %[[D]] {channels = array<i64: 0>, name = "split/0"}
# TF: %[[S1:.*]] = cnn.select_channels %[[D]] {channels = array<i64: 1, 2, 3>, name = "split/1"}
# TF: %[[Y:.*]] = cnn.concat %[[S1]], %[[S0]]
# TF: return %[[Y]] : tensor<1x4x10x10xf32>
# DYNAMIC: error: graph input 'image': the rows are not a fixed positive size; give the input's shape with --input-shape=image:1xHxWxC
m = model("tf", [
    node("Transpose", ["image"], ["nchw"], "to_nchw", perm=[0, 3, 1, 2]),
    node("Conv", ["nchw", "w"], ["c"], "conv", pads=[1, 1, 1, 1]),
    node("Transpose", ["c"], ["c_nhwc"], "to_nhwc", perm=[0, 2, 3, 1]),
    node("Transpose", ["c_nhwc"], ["c_nchw"], "back", perm=[0, 3, 1, 2]),
    node("ConstantOfShape", ["two"], ["zeros"], "zeros",
         value=helper.make_tensor("z", TensorProto.INT64, [1], [0])),
    node("Concat", ["zeros", "ones", "zeros", "ones"], ["pads"], "pads",
         axis=0),
    node("Pad", ["c_nchw", "pads"], ["p"], "pad"),
    node("Conv", ["p", "w2"], ["d"], "conv2"),
    node("Transpose", ["d"], ["d_nhwc"], "d_nhwc", perm=[0, 2, 3, 1]),
    node("Split", ["d_nhwc", "one_three"], ["s0", "s1"], "split", axis=3),
    node("Transpose", ["s0"], ["s0_nchw"], "s0_nchw", perm=[0, 3, 1, 2]),
    node("Transpose", ["s1"], ["s1_nchw"], "s1_nchw", perm=[0, 3, 1, 2]),
    node("Concat", ["s1_nchw", "s0_nchw"], ["cat"], "swap_parts", axis=1),
    node("Transpose", ["cat"], ["y"], "out_nhwc", perm=[0, 2, 3, 1]),
], {"image": [1, "h", "w", 3]}, {"y": [1, 10, 10, 4]},
    [w, w2, ints("two", [2]), ints("ones", [1, 1]), ints("one_three", [1, 3])],
    graph_name="tf-model")
onnx.save(m, os.path.join(out, "tf.onnx"))

# PADDLE-LABEL: func.func @paddle(%arg0: tensor<1x3x10x12xf32>) -> tensor<1x4x10x12xf32>
# PADDLE: %[[W:.*]] = cnn.weight {value = dense<2.500000e-01> : tensor<4x3x3x3xf32>}
# PADDLE: %[[B:.*]] = cnn.weight {value = dense<5.000000e-01> : tensor<4xf32>}
# PADDLE: cnn.conv2d %arg0, %[[W]], %[[B]] {name = "conv", padding = array<i64: 1, 1, 1, 1>}
# PADDLE-NEXT: return
# UNKNOWN: error: --input-shape names 'y', which is not an input of the graph (its input is 'x')
# SYNTAX: error: --input-shape='x:1x3x0x12' is not NAME:DIMS with positive dimensions, e.g. input:1x3x640x640
# RANK: error: graph input 'x': --input-shape gives 3 dimensions; the input has 4
m = model("paddle", [
    node("Conv", ["x", "w"], ["c"], "conv", pads=[1, 1, 1, 1]),
    node("Mul", ["c", "scale"], ["s"], "bn_scale"),
    node("Add", ["s", "shift"], ["y"], "bn_shift"),
], {"x": ["batch", 3, "h", "w"]}, {"y": ["batch", 4, "h", "w"]},
    [w, tensor("scale", np.full((4, 1, 1), 2.0)),
     tensor("shift", np.full((4, 1, 1), 0.5))])
onnx.save(m, os.path.join(out, "paddle.onnx"))

# EXTERNAL-LABEL: func.func @_3_external_graph(%arg0: tensor<1x3x6x6xf32>)
# EXTERNAL: cnn.weight {value = dense<1.250000e-01> : tensor<4x3x3x3xf32>}
# MISSING: error: initializer 'w': its external data file '{{.*}}external.onnx.data' cannot be read: No such file or directory
m = model("external", [node("Conv", ["x", "w"], ["y"], "conv")],
          {"x": [1, 3, 6, 6]}, {"y": [1, 4, 4, 4]}, [w],
          graph_name="3 external graph")
onnx.save(m, os.path.join(out, "external.onnx"), save_as_external_data=True,
          all_tensors_to_one_file=True, location="external.onnx.data",
          size_threshold=0)

# TRANSPOSE: error: Transpose node 'swap': transposing a feature map by perm [0, 1, 3, 2] is not supported; only NCHW to NHWC ([0, 2, 3, 1]) and back ([0, 3, 1, 2]), and swapping the channel axes of a 5-D view in channel groups ([0, 2, 1, 3, 4]) are
save(out, "transpose", [node("Transpose", ["x"], ["y"], "swap",
                             perm=[0, 1, 3, 2])],
     {"x": [1, 3, 6, 6]}, {"y": [1, 3, 6, 6]})
