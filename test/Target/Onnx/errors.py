# Models that cannot be imported: an error that names the node (op type and
# name) or the problem, a non-zero exit code and no output file.
# RUN: rm -rf %t && %python3 %s %t
#
# RUN: not cnn-translate --import-onnx %t/unsupported.onnx -o %t/unsupported.mlir 2>&1 \
# RUN:   | FileCheck %s --check-prefix=UNKNOWN-OP
# RUN: not test -e %t/unsupported.mlir
# UNKNOWN-OP: unsupported.onnx:0:0: error: LpNormalization node 'gate': unsupported operator
# UNKNOWN-OP-NEXT: note: supported operators: Add, AveragePool, {{.*}}, Upsample
#
# RUN: not cnn-translate --import-onnx %t/quantized.onnx 2>&1 \
# RUN:   | FileCheck %s --check-prefix=QUANTIZED
# QUANTIZED: error: QuantizeLinear node 'quant': unsupported operator
# QUANTIZED-NEXT: note: quantized ONNX models are not supported; import the float model with --element-type=i8 for an i8 network of the same architecture
#
# A node without a name is named after its output.
# RUN: not cnn-translate --import-onnx %t/unnamed.onnx 2>&1 \
# RUN:   | FileCheck %s --check-prefix=UNNAMED
# UNNAMED: error: LRN node 'lrn_out': unsupported operator
#
# RUN: not cnn-translate --import-onnx %t/missing.onnx -o %t/missing.mlir 2>&1 \
# RUN:   | FileCheck %s --check-prefix=MISSING
# RUN: not test -e %t/missing.mlir
# MISSING: cannot open input file '{{.*}}missing.onnx': No such file or directory
#
# RUN: not cnn-translate --import-onnx %s -o %t/text.mlir 2>&1 \
# RUN:   | FileCheck %s --check-prefix=NOT-ONNX
# RUN: not test -e %t/text.mlir
# NOT-ONNX: error: '{{.*}}errors.py' is not an ONNX model (a serialized onnx.ModelProto with a graph of at least one node)
#
# RUN: not cnn-translate --import-onnx %t/batch2.onnx 2>&1 \
# RUN:   | FileCheck %s --check-prefix=BATCH
# BATCH: error: graph input 'x': batch size 2; networks take one image (batch 1)
#
# RUN: not cnn-translate --import-onnx %t/dynamic.onnx 2>&1 \
# RUN:   | FileCheck %s --check-prefix=DYNAMIC
# DYNAMIC: error: graph input 'x': the rows are not a fixed positive size
#
# RUN: not cnn-translate --import-onnx %t/two_inputs.onnx 2>&1 \
# RUN:   | FileCheck %s --check-prefix=TWO-INPUTS
# TWO-INPUTS: error: the graph has 2 inputs besides its initializers; one input image is expected
# TWO-INPUTS-NEXT: note: input 'a'
# TWO-INPUTS-NEXT: note: input 'b'
#
# RUN: not cnn-translate --import-onnx %t/batchnorm.onnx 2>&1 \
# RUN:   | FileCheck %s --check-prefix=BATCHNORM
# BATCHNORM: error: BatchNormalization node 'bn': scale has 2 values for 3 channels
#
# RUN: not cnn-translate --import-onnx %t/weight_input.onnx 2>&1 \
# RUN:   | FileCheck %s --check-prefix=WEIGHT
# WEIGHT: error: Conv node 'conv': the weight 'c' is not an initializer or Constant; it must be known when the model is imported
#
# RUN: not cnn-translate --import-onnx %t/conv3d.onnx 2>&1 \
# RUN:   | FileCheck %s --check-prefix=CONV3D
# CONV3D: error: graph input 'x': rank 5; an NCHW image (rank 4) is expected
#
# A window larger than its input: NetBuilder's error, on the node.
# RUN: not cnn-translate --import-onnx %t/window.onnx 2>&1 \
# RUN:   | FileCheck %s --check-prefix=WINDOW
# WINDOW: error: MaxPool node 'pool': layer 'pool' has a window of 5 rows but its padded input has only 4

import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from onnx_models import node, output_dir, save, tensor

out = output_dir()
x = {"x": [1, 3, 4, 4]}
w = tensor("w", np.ones((4, 3, 1, 1)))

save(out, "unsupported", [
    node("Conv", ["x", "w"], ["c"], "conv"),
    node("LpNormalization", ["c"], ["y"], "gate"),
], x, {"y": [1, 4, 4, 4]}, [w])
save(out, "quantized", [
    node("QuantizeLinear", ["x", "scale"], ["y"], "quant"),
], x, {"y": [1, 3, 4, 4]}, [tensor("scale", 0.5)], check=False)
save(out, "unnamed", [
    node("LRN", ["x"], ["lrn_out"], "", size=3),
], x, {"lrn_out": [1, 3, 4, 4]})
save(out, "batch2", [node("Relu", ["x"], ["y"], "relu")],
     {"x": [2, 3, 4, 4]}, {"y": [2, 3, 4, 4]})
save(out, "dynamic", [node("Relu", ["x"], ["y"], "relu")],
     {"x": [1, 3, "height", 4]}, {"y": [1, 3, "height", 4]})
save(out, "two_inputs", [node("Add", ["a", "b"], ["y"], "add")],
     {"a": [1, 3, 4, 4], "b": [1, 3, 4, 4]}, {"y": [1, 3, 4, 4]})
save(out, "batchnorm", [
    node("MaxPool", ["x"], ["p"], "pool", kernel_shape=[2, 2]),
    node("BatchNormalization", ["p", "s", "b", "m", "v"], ["y"], "bn"),
], x, {"y": [1, 3, 3, 3]},
    [tensor("s", np.ones(2))] +
    [tensor(n, np.ones(3)) for n in ["b", "m", "v"]], check=False)
save(out, "weight_input", [
    node("Relu", ["x"], ["c"], "relu"),
    node("Conv", ["x", "c"], ["y"], "conv"),
], x, {"y": [1, 3, 1, 1]})
save(out, "conv3d", [node("Conv", ["x", "w3"], ["y"], "conv3d")],
     {"x": [1, 3, 4, 4, 4]}, {"y": [1, 4, 4, 4, 4]},
     [tensor("w3", np.ones((4, 3, 1, 1, 1)))], check=False)
save(out, "window", [
    node("MaxPool", ["x"], ["y"], "pool", kernel_shape=[5, 5]),
], x, {"y": [1, 3, 1, 1]}, check=False)
