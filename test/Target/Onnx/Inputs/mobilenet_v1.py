"""Writes MobileNet v1 (width 1.0, 224x224, f32) as an ONNX model the way
framework exports look: every convolution without bias, followed by
BatchNormalization and ReLU6 as Clip(0, 6), then GlobalAveragePool,
Flatten, Gemm and Softmax. Nodes are named like the zoo's layers
(lib/Zoo/MobileNet.cpp, TF-Slim names), the graph `mobilenet_v1`.

The weights are small pseudo-random values (uniform in +-1/sqrt(fan-in));
usage: mobilenet_v1.py <output.onnx>
"""

import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

rng = np.random.default_rng(1)
nodes = []
initializers = []


def add_initializer(name, values):
    initializers.append(
        numpy_helper.from_array(values.astype(np.float32), name))


def conv_bn_relu6(x, name, out_channels, kernel, stride, groups, in_channels):
    """Conv (no bias), BatchNormalization, Clip(0, 6); returns the output."""
    fan_in = in_channels // groups * kernel * kernel
    bound = 1.0 / np.sqrt(fan_in)
    add_initializer(name + "/weights", rng.uniform(
        -bound, bound, (out_channels, in_channels // groups, kernel, kernel)))
    bn = name + "/BatchNorm"
    add_initializer(bn + "/gamma", rng.uniform(0.5, 1.5, out_channels))
    add_initializer(bn + "/beta", rng.uniform(-0.1, 0.1, out_channels))
    add_initializer(bn + "/moving_mean", rng.uniform(-0.1, 0.1, out_channels))
    add_initializer(bn + "/moving_variance",
                    rng.uniform(0.5, 1.5, out_channels))
    pad = kernel // 2
    nodes.append(helper.make_node(
        "Conv", [x, name + "/weights"], [name], name=name,
        kernel_shape=[kernel, kernel], strides=[stride, stride],
        pads=[pad] * 4, group=groups))
    nodes.append(helper.make_node(
        "BatchNormalization",
        [name, bn + "/gamma", bn + "/beta", bn + "/moving_mean",
         bn + "/moving_variance"], [bn], name=bn, epsilon=0.001))
    nodes.append(helper.make_node(
        "Clip", [bn, "zero", "six"], [name + "/Relu6"], name=name + "/Relu6"))
    return name + "/Relu6"


def main():
    add_initializer("zero", np.array(0.0))
    add_initializer("six", np.array(6.0))
    x = conv_bn_relu6("input", "Conv2d_0", 32, 3, 2, 1, 3)
    channels = 32
    # Paper Table 1: (stride, output channels) of the 13 separable blocks.
    blocks = [(1, 64), (2, 128), (1, 128), (2, 256), (1, 256), (2, 512),
              (1, 512), (1, 512), (1, 512), (1, 512), (1, 512), (2, 1024),
              (1, 1024)]
    for i, (stride, out_channels) in enumerate(blocks, start=1):
        prefix = "Conv2d_%d" % i
        x = conv_bn_relu6(x, prefix + "_depthwise", channels, 3, stride,
                          channels, channels)
        x = conv_bn_relu6(x, prefix + "_pointwise", out_channels, 1, 1, 1,
                          channels)
        channels = out_channels
    nodes.append(helper.make_node("GlobalAveragePool", [x], ["AvgPool_1a"],
                                  name="AvgPool_1a"))
    nodes.append(helper.make_node("Flatten", ["AvgPool_1a"], ["Flatten"],
                                  name="Flatten"))
    bound = 1.0 / np.sqrt(channels)
    add_initializer("Logits/weights",
                    rng.uniform(-bound, bound, (1000, channels)))
    add_initializer("Logits/biases", rng.uniform(-bound, bound, 1000))
    nodes.append(helper.make_node(
        "Gemm", ["Flatten", "Logits/weights", "Logits/biases"], ["Logits"],
        name="Logits", transB=1))
    nodes.append(helper.make_node("Softmax", ["Logits"], ["Predictions"],
                                  name="Predictions", axis=1))

    graph = helper.make_graph(
        nodes, "mobilenet_v1",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT,
                                       ["batch", 3, 224, 224])],
        [helper.make_tensor_value_info("Predictions", TensorProto.FLOAT,
                                       ["batch", 1000])],
        initializers)
    model = helper.make_model(graph,
                              opset_imports=[helper.make_opsetid("", 13)])
    onnx.checker.check_model(model)
    onnx.save(model, sys.argv[1])


if __name__ == "__main__":
    main()
