"""Helpers of the ONNX import tests: build small models with onnx.helper.

A test script calls `save(directory, name, nodes, ...)` once per model; the
model is checked with onnx.checker unless `check=False` (for models that are
invalid on purpose) and written to <directory>/<name>.onnx.
"""

import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def tensor(name, values):
    """An f32 initializer holding `values`."""
    return numpy_helper.from_array(np.asarray(values, dtype=np.float32), name)


def ints(name, values):
    """An int64 initializer, e.g. the shape of a Reshape or pads of a Pad."""
    return numpy_helper.from_array(np.asarray(values, dtype=np.int64), name)


def shape_only(name, dims):
    """An f32 initializer with dims but no data, as in a model saved without
    its weights. onnx.checker rejects such a model: save it unchecked."""
    t = TensorProto()
    t.name = name
    t.data_type = TensorProto.FLOAT
    t.dims.extend(dims)
    return t


def node(op_type, inputs, outputs, name, **attrs):
    return helper.make_node(op_type, inputs, outputs, name=name, **attrs)


def save(directory, name, nodes, inputs, outputs, initializers=(), opset=13,
         check=True):
    """Writes the graph `name` with `inputs` and `outputs` ({name: shape}) as
    <directory>/<name>.onnx."""
    graph = helper.make_graph(
        nodes, name,
        [helper.make_tensor_value_info(n, TensorProto.FLOAT, s)
         for n, s in inputs.items()],
        [helper.make_tensor_value_info(n, TensorProto.FLOAT, s)
         for n, s in outputs.items()],
        list(initializers))
    model = helper.make_model(graph,
                              opset_imports=[helper.make_opsetid("", opset)])
    if check:
        onnx.checker.check_model(model)
    os.makedirs(directory, exist_ok=True)
    onnx.save(model, os.path.join(directory, name + ".onnx"))


def output_dir():
    """The directory given on the command line."""
    if len(sys.argv) != 2:
        sys.exit("usage: %s <output directory>" % sys.argv[0])
    return sys.argv[1]
