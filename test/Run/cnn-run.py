# cnn-run runs a network on a .npy input and writes its output as .npy:
# an ONNX model (a convolution, hard-swish, a squeeze-and-excitation gate,
# a batch norm after a concatenation) on a random input, through the
# untiled reference and through --lower-to-dma merged at 4 KiB, equals a
# NumPy evaluation within 1e-4 of the largest output; an i8 network's
# lowered output equals the reference's exactly; bad inputs are errors.
# RUN: rm -rf %t && mkdir -p %t && %python3 %s make %t
# RUN: cnn-run %t/net.onnx --input=%t/x.npy --output=%t/ref.npy
# RUN: %python3 %s compare %t/expected.npy %t/ref.npy | FileCheck %s
# RUN: cnn-run %t/net.onnx --tile-for-sram=4096 --merge-layers --lower-to-dma --input=%t/x.npy --output=%t/dma.npy
# RUN: %python3 %s compare %t/expected.npy %t/dma.npy | FileCheck %s
# CHECK: equal: 576 values within 1e-4
#
# RUN: cnn-zoo --random-network=3 --element-type=i8 -o %t/net0.mlir
# RUN: cnn-opt %t/net0.mlir --cnn-fill-weights=seed=3 -o %t/net.mlir
# RUN: %python3 %s input %t/net.mlir %t/xi8.npy
# RUN: cnn-run %t/net.mlir --input=%t/xi8.npy --output=%t/ref8.npy
# RUN: cnn-run %t/net.mlir --tile-for-sram=8192 --merge-layers --lower-to-dma --input=%t/xi8.npy --output=%t/dma8.npy
# RUN: %python3 %s compare %t/ref8.npy %t/dma8.npy exact | FileCheck %s --check-prefix=EXACT
# EXACT: equal: {{[0-9]+}} values exactly
#
# Twelve layers whose accumulators (1 MiB each, on the stack) together
# exceed the default 8 MiB stack: they are freed after each layer, and the
# program runs.
# RUN: %python3 %S/../../bench/gen_chain.py 12 --channels 16 --size 128 -o %t/chain.mlir
# RUN: cnn-opt %t/chain.mlir --cnn-fill-weights=seed=1 -o %t/chainw.mlir
# RUN: %python3 %s input %t/chainw.mlir %t/xc.npy
# RUN: cnn-run %t/chainw.mlir --input=%t/xc.npy --output=%t/refc.npy
# RUN: cnn-run %t/chainw.mlir --tile-for-sram=4194304 --lower-to-dma --print-times --input=%t/xc.npy --output=%t/dmac.npy 2>&1 | FileCheck %s --check-prefix=TIMES
# TIMES: cnn-run: passes {{[0-9.]+}} s, compile {{[0-9.]+}} s, run {{[0-9.]+}} s
# RUN: %python3 %s compare %t/refc.npy %t/dmac.npy exact | FileCheck %s --check-prefix=EXACT
#
# RUN: not cnn-run %t/net.onnx --input=%t/xi8.npy --output=%t/bad.npy 2>&1 | FileCheck %s --check-prefix=SHAPE
# SHAPE: cnn-run: error: '{{.*}}xi8.npy' holds |i1 of shape ({{.*}}); function 'net' takes <f4 of shape 1x4x6x6
# RUN: not cnn-run %t/net.onnx --input=%t/net.onnx --output=%t/bad.npy 2>&1 | FileCheck %s --check-prefix=NOTNPY
# NOTNPY: cnn-run: error: '{{.*}}net.onnx': not a .npy file
# RUN: not cnn-run %t/net.onnx --input=%t/missing.npy --output=%t/bad.npy 2>&1 | FileCheck %s --check-prefix=MISSING
# MISSING: cnn-run: error: '{{.*}}missing.npy': {{.*}}No such file or directory
# RUN: not cnn-run %t/net.onnx --function=other --input=%t/x.npy --output=%t/bad.npy 2>&1 | FileCheck %s --check-prefix=FUNCTION
# FUNCTION: cnn-run: error: the module has no function 'other'
# RUN: not test -e %t/bad.npy

import os
import re
import sys

import numpy as np


def make(out):
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..",
                                    "Target", "Onnx", "Inputs"))
    from numpy_reference import conv
    from onnx_models import node, save, tensor
    rng = np.random.default_rng(7)
    p = {
        "w1": rng.uniform(-0.5, 0.5, (8, 4, 3, 3)),
        "b1": rng.uniform(-0.5, 0.5, 8),
        "we": rng.uniform(-0.5, 0.5, (8, 8, 1, 1)),
        "g": rng.uniform(0.5, 1.5, 16), "beta": rng.uniform(-0.5, 0.5, 16),
        "mean": rng.uniform(-0.5, 0.5, 16), "var": rng.uniform(0.5, 1.5, 16),
    }
    p = {k: v.astype(np.float32) for k, v in p.items()}
    x = rng.standard_normal((1, 4, 6, 6)).astype(np.float32)
    a = conv(x, p["w1"], p["b1"], (1, 1, 1, 1), (1, 1))
    hs = a * np.clip(a / 6 + 0.5, 0, 1)
    g = hs.mean(axis=(2, 3), keepdims=True)
    s = 1 / (1 + np.exp(-conv(g, p["we"], None, (0, 0, 0, 0), (1, 1))))
    cat = np.concatenate([hs * s, a], axis=1)
    y = (cat - p["mean"][None, :, None, None]) / np.sqrt(
        p["var"][None, :, None, None] + 1e-5) * p["g"][None, :, None, None] \
        + p["beta"][None, :, None, None]
    save(out, "net", [
        node("Conv", ["x", "w1", "b1"], ["a"], "conv", pads=[1, 1, 1, 1]),
        node("HardSwish", ["a"], ["hs"], "hswish"),
        node("GlobalAveragePool", ["hs"], ["pooled"], "squeeze"),
        node("Conv", ["pooled", "we"], ["e"], "excite"),
        node("Sigmoid", ["e"], ["s"], "gate"),
        node("Mul", ["hs", "s"], ["m"], "scale"),
        node("Concat", ["m", "a"], ["cat"], "concat", axis=1),
        node("BatchNormalization", ["cat", "g", "beta", "mean", "var"], ["y"],
             "bn"),
    ], {"x": [1, 4, 6, 6]}, {"y": [1, 16, 6, 6]},
        [tensor(k, v) for k, v in p.items()], opset=14)
    np.save(os.path.join(out, "x.npy"), x)
    np.save(os.path.join(out, "expected.npy"), y.astype(np.float32))


def make_input(mlir, path):
    """An i8 input of the network's shape, from its function signature."""
    text = open(mlir).read()
    dims = re.search(r"func\.func @\w+\(%\w+: tensor<(\d+)x(\d+)x(\d+)x(\d+)xi8>",
                     text).groups()
    rng = np.random.default_rng(1)
    np.save(path, rng.integers(-128, 128, [int(d) for d in dims],
                               dtype=np.int8))


def compare(expected, actual, exact=False):
    a, b = np.load(expected), np.load(actual)
    if a.shape != b.shape or a.dtype != b.dtype:
        print("MISMATCH: %s %s against %s %s" % (a.shape, a.dtype, b.shape,
                                                 b.dtype))
        return
    if exact:
        ok = np.array_equal(a, b)
        print("equal: %d values exactly" % a.size if ok else "MISMATCH")
        return
    err = np.abs(a.astype(np.float64) - b).max() / np.abs(a).max()
    print("equal: %d values within 1e-4" % a.size if err <= 1e-4 else
          "MISMATCH: %g" % err)


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2])
    elif sys.argv[1] == "input":
        make_input(sys.argv[2], sys.argv[3])
    else:
        compare(sys.argv[2], sys.argv[3], len(sys.argv) > 4)
