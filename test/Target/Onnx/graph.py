# Graph structure: weights from Constant nodes and Identity copies,
# initializers listed among the graph inputs, Dropout and Identity as
# no-ops, several outputs, and a graph without a name.
# RUN: rm -rf %t && %python3 %s %t
# RUN: cnn-translate --import-onnx %t/graph.onnx \
# RUN:   --mlir-print-elementsattrs-with-hex-if-larger=-1 | FileCheck %s

import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from onnx_models import node, output_dir, tensor

out = output_dir()

# CHECK-LABEL: func.func @main(%arg0: tensor<1x2x4x4xf32>) -> (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>)
nodes = [
    # A weight given by a Constant node.
    # CHECK: %[[W1:.*]] = cnn.weight {value = dense<{{\[\[\[\[}}1.000000e+00]], {{\[\[}}0.000000e+00]]], {{\[\[\[}}0.000000e+00]], {{\[\[}}2.000000e+00]]]]> : tensor<2x2x1x1xf32>}
    # CHECK: %[[C1:.*]] = cnn.conv2d %arg0, %[[W1]] {name = "conv1"}
    helper.make_node("Constant", [], ["w1"], name="const_w1",
                     value=tensor("w1_value", [[[[1]], [[0]]],
                                               [[[0]], [[2]]]])),
    node("Conv", ["x", "w1"], ["c1"], "conv1"),
    node("Dropout", ["c1"], ["d1"], "dropout"),
    # A weight shared through an Identity of an initializer; the Identity
    # of a feature map is the feature map.
    # CHECK: %[[W2:.*]] = cnn.weight {value = dense<5.000000e-01> : tensor<2x2x1x1xf32>}
    # CHECK: %[[C2:.*]] = cnn.conv2d %[[C1]], %[[W2]] {activation = #cnn.activation<relu>, name = "conv2"}
    node("Identity", ["w"], ["w2"], "copy_w"),
    node("Identity", ["d1"], ["i1"], "copy_x"),
    node("Conv", ["i1", "w2"], ["c2"], "conv2"),
    node("Relu", ["c2"], ["y1"], "relu"),
    # CHECK: %[[A:.*]] = cnn.add %[[C2]], %[[C1]] {name = "add"}
    node("Add", ["y1", "i1"], ["y2"], "add"),
    # CHECK: return %[[C2]], %[[A]]
]
graph = helper.make_graph(
    nodes, "",
    # The initializer `w` is listed among the inputs too, as older exporters
    # write it; it is no input image.
    [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 2, 4, 4]),
     helper.make_tensor_value_info("w", TensorProto.FLOAT, [2, 2, 1, 1])],
    [helper.make_tensor_value_info("y1", TensorProto.FLOAT, [1, 2, 4, 4]),
     helper.make_tensor_value_info("y2", TensorProto.FLOAT, [1, 2, 4, 4])],
    [tensor("w", np.full((2, 2, 1, 1), 0.5))])
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
os.makedirs(out, exist_ok=True)
onnx.save(model, os.path.join(out, "graph.onnx"))
