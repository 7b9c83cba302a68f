# Hostile models: each gets one error naming the node or the input and a
# non-zero exit, never a crash or a hang.
# RUN: rm -rf %t && %python3 %s %t
#
# A stride or a dilation of 0 (a division by zero) or far beyond any
# network's.
# RUN: not cnn-translate --import-onnx %t/conv_stride0.onnx 2>&1 | FileCheck %s --check-prefix=CONV-STRIDE
# CONV-STRIDE: error: Conv node 'conv': strides [0, 0] and dilations [1, 1] need entries in [1, 64]
# RUN: not cnn-translate --import-onnx %t/conv_dilation0.onnx 2>&1 | FileCheck %s --check-prefix=CONV-DILATION
# CONV-DILATION: error: Conv node 'conv': strides [1, 1] and dilations [0, 1] need entries in [1, 64]
# RUN: not cnn-translate --import-onnx %t/pool_stride0.onnx 2>&1 | FileCheck %s --check-prefix=POOL-STRIDE
# POOL-STRIDE: error: MaxPool node 'pool': strides [0, 0] and dilations [1, 1] need entries in [1, 64]
# RUN: not cnn-translate --import-onnx %t/pool_kernel0.onnx 2>&1 | FileCheck %s --check-prefix=POOL-KERNEL
# POOL-KERNEL: error: MaxPool node 'pool': kernel_shape [0, 2] needs positive entries
#
# Resize by huge scales (or to huge sizes): refused at once.
# RUN: not cnn-translate --import-onnx %t/resize_scales.onnx 2>&1 | FileCheck %s --check-prefix=RESIZE
# RESIZE: error: Resize node 'up': scales [1, 1, 1e+09, 1e+09] are not supported; rows and columns must be scaled by integers in [1, 64], batch and channels by 1
# RUN: not cnn-translate --import-onnx %t/resize_sizes.onnx 2>&1 | FileCheck %s --check-prefix=RESIZE-SIZES
# RESIZE-SIZES: error: Resize node 'up': scales [1, 1, 2.5e+08, 2.5e+08] are not supported
#
# Inputs that are not floating-point images, or too large.
# RUN: not cnn-translate --import-onnx %t/input_int64.onnx 2>&1 | FileCheck %s --check-prefix=INT64
# INT64: error: graph input 'x': element type INT64; the input image must be FLOAT, FLOAT16 or DOUBLE (--element-type chooses the network's)
# RUN: not cnn-translate --import-onnx %t/input_bf16.onnx 2>&1 | FileCheck %s --check-prefix=BF16
# BF16: error: graph input 'x': element type BFLOAT16; the input image must be FLOAT, FLOAT16 or DOUBLE
# RUN: not cnn-translate --import-onnx %t/input_huge.onnx 2>&1 | FileCheck %s --check-prefix=HUGE
# HUGE: error: graph input 'x': the rows (1099511627776) exceed 1048576
#
# A model on which ONNX's shape inference itself divides by zero (found by
# cnn-fuzz-onnx): it runs first in a child process, and the model is refused.
# RUN: not cnn-translate --import-onnx %S/../../Fuzz/Inputs/onnx-findings/shape-inference-fpe.onnx 2>&1 | FileCheck %s --check-prefix=INFER
# INFER: error: ONNX's shape inference stopped on signal 8 (Floating point exception) on this model: a node's attributes or shapes are outside what ONNX checks
#
# A pool padded beyond its window (found by cnn-fuzz-onnx: the importer
# built a pool its verifier refuses).
# RUN: not cnn-translate --import-onnx %S/../../Fuzz/Inputs/onnx-findings/pool-padding-beyond-window.onnx 2>&1 | FileCheck %s --check-prefix=POOL-PAD
# POOL-PAD: error: AveragePool node 'avg': padding [47, 1, 1, 1] (top, bottom, left, right) must be smaller than kernel_shape [3, 3]: a window would hold only padding
#
# A fractional pad value in an integer network (found by cnn-fuzz-onnx: the
# importer built a cnn.pad its verifier refuses).
# RUN: not cnn-translate --import-onnx %t/pad_fraction.onnx --element-type=i8 2>&1 | FileCheck %s --check-prefix=PAD
# PAD: error: Pad node 'pad': the pad value -1.5 is not an integer that 'i8' holds (the network's element type)
# PAD-NOT: see current operation
# RUN: cnn-translate --import-onnx %t/pad_fraction.onnx -o /dev/null
#
# A batch norm folded into a convolution with epsilon 0 and variance 0:
# an infinite scale.
# RUN: not cnn-translate --import-onnx %t/bn_eps0.onnx 2>&1 | FileCheck %s --check-prefix=BN
# BN: error: BatchNormalization node 'bn': var + epsilon is 0 for channel 0; a positive value is expected (the folded scale must be finite)

import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from onnx_models import node, output_dir, save, tensor

out = output_dir()
x = {"x": [1, 3, 4, 4]}
w = tensor("w", np.ones((4, 3, 1, 1)))

save(out, "conv_stride0", [node("Conv", ["x", "w"], ["y"], "conv", strides=[0, 0])],
     x, {"y": [1, 4, 4, 4]}, [w], check=False)
save(out, "conv_dilation0",
     [node("Conv", ["x", "w"], ["y"], "conv", dilations=[0, 1])],
     x, {"y": [1, 4, 4, 4]}, [w], check=False)
save(out, "pool_stride0", [
    node("MaxPool", ["x"], ["y"], "pool", kernel_shape=[2, 2], strides=[0, 0]),
], x, {"y": [1, 3, 3, 3]}, check=False)
save(out, "pool_kernel0", [
    node("MaxPool", ["x"], ["y"], "pool", kernel_shape=[0, 2]),
], x, {"y": [1, 3, 3, 3]}, check=False)
save(out, "resize_scales", [
    node("Resize", ["x", "", "s"], ["y"], "up", mode="nearest"),
], x, {"y": [1, 3, 4, 4]},
    [tensor("s", np.array([1, 1, 1e9, 1e9], dtype=np.float32))], check=False)
save(out, "resize_sizes", [
    node("Resize", ["x", "", "", "n"], ["y"], "up", mode="nearest"),
], x, {"y": [1, 3, 4, 4]},
    [helper.make_tensor("n", TensorProto.INT64, [4], [1, 3, 10**9, 10**9])],
    check=False)
save(out, "pad_fraction", [
    node("Pad", ["x", "p", "v"], ["y"], "pad", mode="constant"),
], x, {"y": [1, 3, 5, 5]},
    [helper.make_tensor("p", TensorProto.INT64, [8], [0, 0, 0, 1, 0, 0, 1, 0]),
     tensor("v", np.array(-1.5, dtype=np.float32))])
save(out, "bn_eps0", [
    node("Conv", ["x", "w"], ["c"], "conv"),
    node("BatchNormalization", ["c", "s", "b", "m", "v"], ["y"], "bn",
         epsilon=0.0),
], x, {"y": [1, 4, 4, 4]},
    [w, tensor("s", np.ones(4)), tensor("b", np.zeros(4)),
     tensor("m", np.zeros(4)), tensor("v", np.zeros(4))])


def typed_input(name, elem, dims):
    graph = helper.make_graph(
        [node("Relu", ["x"], ["y"], "relu")], name,
        [helper.make_tensor_value_info("x", elem, dims)],
        [helper.make_tensor_value_info("y", elem, dims)])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    onnx.save(model, os.path.join(out, name + ".onnx"))


typed_input("input_int64", TensorProto.INT64, [1, 3, 4, 4])
typed_input("input_bf16", TensorProto.BFLOAT16, [1, 3, 4, 4])
typed_input("input_huge", TensorProto.FLOAT, [1, 3, 2**40, 4])
