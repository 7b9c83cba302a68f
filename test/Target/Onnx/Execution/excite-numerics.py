# A squeeze-and-excitation block imported from ONNX computes what ONNX
# specifies: the model is imported, lowered with --cnn-to-linalg and run on
# the CPU; its 10 logits equal a NumPy evaluation of the ONNX graph within a
# relative 1e-4.
#
# RUN: rm -rf %t && %python3 %s %t
# RUN: cnn-translate --import-onnx %t/net.onnx | cnn-opt --cnn-to-linalg \
# RUN:   | %python3 %cnn_src_root/test/Execution/Inputs/add_main.py tensor \
# RUN:   | %run_mlir - > %t/run.txt
# RUN: %python3 %cnn_src_root/test/Execution/Inputs/compare_outputs.py \
# RUN:   %t/expected.txt %t/run.txt 1e-4 | FileCheck %s
# The same through --lower-to-dma, with the block merged at 4 KiB.
# RUN: cnn-translate --import-onnx %t/net.onnx \
# RUN:   | cnn-opt --tile-for-sram=4096 --merge-layers --lower-to-dma --dma-verify-arena --dma-to-memref \
# RUN:   | %python3 %cnn_src_root/test/Execution/Inputs/add_main.py memref \
# RUN:   | %run_mlir --memref - > %t/lowered.txt
# RUN: %python3 %cnn_src_root/test/Execution/Inputs/compare_outputs.py \
# RUN:   %t/expected.txt %t/lowered.txt 1e-4 | FileCheck %s
# Weights as dense_resource blobs (every weight, with
# --inline-weights-up-to=0), written as bytecode and planned, lowered and run
# from it: the same logits.
# RUN: cnn-translate --import-onnx %t/net.onnx --inline-weights-up-to=0 \
# RUN:   | FileCheck %s --check-prefix=RESOURCE
# RUN: cnn-translate --import-onnx %t/net.onnx --inline-weights-up-to=0 \
# RUN:   --emit-bytecode -o %t/net.mlirbc
# RUN: cnn-opt %t/net.mlirbc --tile-for-sram=4096 --merge-layers --lower-to-dma --dma-verify-arena --dma-to-memref \
# RUN:   | %python3 %cnn_src_root/test/Execution/Inputs/add_main.py memref \
# RUN:   | %run_mlir --memref - > %t/bytecode.txt
# RUN: %python3 %cnn_src_root/test/Execution/Inputs/compare_outputs.py \
# RUN:   %t/expected.txt %t/bytecode.txt 1e-4 | FileCheck %s
# CHECK: equal: 10 values, 10 distinct
# RESOURCE: cnn.weight {value = dense_resource<conv1_weight> : tensor<8x4x3x3xf32>}
# RESOURCE: cnn.weight {value = dense_resource<conv1_bias> : tensor<8xf32>}
# RESOURCE: dialect_resources: {
# RESOURCE-NEXT: builtin: {
# RESOURCE-NEXT: conv1_weight: "0x04000000

import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Inputs"))
from numpy_reference import conv
from onnx_models import node, output_dir, save, tensor

rng = np.random.default_rng(11)


def main():
    out = output_dir()
    # The input add_main.py gives the network.
    c, h, w = np.meshgrid(np.arange(4), np.arange(6), np.arange(6),
                          indexing="ij")
    x = (((7 * c + 13 * h + 3 * w + 5) % 29) - 14)[None] / 8.0
    p = {
        "w1": rng.uniform(-0.5, 0.5, (8, 4, 3, 3)),
        "b1": rng.uniform(-0.5, 0.5, 8),
        "wr": rng.uniform(-0.5, 0.5, (2, 8, 1, 1)),
        "br": rng.uniform(-0.5, 0.5, 2),
        "we": rng.uniform(-0.5, 0.5, (8, 2, 1, 1)),
        "be": rng.uniform(-0.5, 0.5, 8),
        "fc_w": rng.uniform(-0.2, 0.2, (8 * 6 * 6, 10)),
        "fc_b": rng.uniform(-0.5, 0.5, 10),
    }
    p = {k: v.astype(np.float32) for k, v in p.items()}

    a = np.maximum(conv(x, p["w1"], p["b1"], (1, 1, 1, 1), (1, 1)), 0)
    g = a.mean(axis=(2, 3), keepdims=True)
    r = np.maximum(conv(g, p["wr"], p["br"], (0, 0, 0, 0), (1, 1)), 0)
    s = conv(r, p["we"], p["be"], (0, 0, 0, 0), (1, 1))
    m = s * a
    logits = m.reshape(1, -1) @ p["fc_w"] + p["fc_b"]

    save(out, "net", [
        node("Conv", ["x", "w1", "b1"], ["c1"], "conv1", pads=[1, 1, 1, 1]),
        node("Relu", ["c1"], ["a"], "relu1"),
        node("GlobalAveragePool", ["a"], ["g"], "squeeze"),
        node("Conv", ["g", "wr", "br"], ["h"], "reduce"),
        node("Relu", ["h"], ["r"], "relu2"),
        node("Conv", ["r", "we", "be"], ["s"], "expand"),
        node("Mul", ["s", "a"], ["m"], "excite"),
        node("Flatten", ["m"], ["flat"], "flatten"),
        node("Gemm", ["flat", "fc_w", "fc_b"], ["logits"], "fc"),
    ], {"x": [1, 4, 6, 6]}, {"logits": [1, 10]},
        [tensor(k, v) for k, v in p.items()])
    with open(os.path.join(out, "expected.txt"), "w") as f:
        f.write("\n".join("%.9g" % v for v in logits.ravel()) + "\n")


if __name__ == "__main__":
    main()
