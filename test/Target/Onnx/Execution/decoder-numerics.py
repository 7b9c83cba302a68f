# Stride-2 decoders: ConvTranspose with kernel 3, padding 1 and output
# padding 1 (with a bias, and a Relu fused into the convolution through the
# depth_to_space), kernel 4 and padding 1 in 2 groups, and a
# stride-1 one, become a convolution of the output phases and a
# depth_to_space; DepthToSpace in both modes (DCR, ONNX's default, and
# CRD, PyTorch's pixel shuffle). Imported, lowered with --cnn-to-linalg,
# and through --lower-to-dma alone and merged at 8 KiB, the outputs equal a
# NumPy evaluation (ConvTranspose by scattering each input element) within
# a relative 1e-4. A ConvTranspose whose output is not stride x input is an
# error naming the node.
#
# RUN: rm -rf %t && %python3 %s %t
# RUN: cnn-translate --import-onnx %t/net.onnx -o %t/net.mlir
# RUN: FileCheck %s --check-prefix=IR < %t/net.mlir
# RUN: cnn-opt %t/net.mlir --cnn-to-linalg \
# RUN:   | %python3 %cnn_src_root/test/Execution/Inputs/add_main.py tensor \
# RUN:   | %run_mlir - > %t/run.txt
# RUN: %python3 %cnn_src_root/test/Execution/Inputs/compare_outputs.py \
# RUN:   %t/expected.txt %t/run.txt 1e-4 | FileCheck %s
# RUN: cnn-opt %t/net.mlir --tile-for-sram=65536 --lower-to-dma --dma-verify-arena --dma-to-memref \
# RUN:   | %python3 %cnn_src_root/test/Execution/Inputs/add_main.py memref \
# RUN:   | %run_mlir --memref - > %t/alone.txt
# RUN: %python3 %cnn_src_root/test/Execution/Inputs/compare_outputs.py \
# RUN:   %t/expected.txt %t/alone.txt 1e-4 | FileCheck %s
# RUN: cnn-opt %t/net.mlir --tile-for-sram=8192 --merge-layers --lower-to-dma --dma-verify-arena --dma-to-memref \
# RUN:   | %python3 %cnn_src_root/test/Execution/Inputs/add_main.py memref \
# RUN:   | %run_mlir --memref - > %t/merged.txt
# RUN: %python3 %cnn_src_root/test/Execution/Inputs/compare_outputs.py \
# RUN:   %t/expected.txt %t/merged.txt 1e-4 | FileCheck %s
# RUN: cnn-opt %t/net.mlir --tile-for-sram=8192 --merge-layers | FileCheck %s --check-prefix=MERGED
# RUN: not cnn-translate --import-onnx %t/odd.onnx 2>&1 | FileCheck %s --check-prefix=ODD
# RUN: not cnn-translate --import-onnx %t/groups.onnx 2>&1 | FileCheck %s --check-prefix=GROUPS
# RUN: not cnn-translate --import-onnx %t/strides.onnx 2>&1 | FileCheck %s --check-prefix=STRIDES
# RUN: not cnn-translate --import-onnx %t/blocks.onnx 2>&1 | FileCheck %s --check-prefix=BLOCKS
# CHECK: equal: 2304 values, {{[0-9]+}} distinct
# Kernel 3, padding 1: phase 0 uses tap 1, phase 1 taps 0 and 2 (window 2).
# IR: cnn.conv2d %arg0, %{{.*}}, %{{.*}} {activation = #cnn.activation<relu>, name = "up1/phases", padding = array<i64: 0, 1, 0, 1>} : (tensor<1x4x3x4xf32>, tensor<24x4x2x2xf32>, tensor<24xf32>) -> tensor<1x24x3x4xf32>
# IR: cnn.depth_to_space %{{.*}} {block = 2 : i64, mode = #cnn.depth_to_space_mode<crd>, name = "up1"} : tensor<1x24x3x4xf32> -> tensor<1x6x6x8xf32>
# Kernel 4, padding 1: a 3x3 window, 2 groups.
# IR: cnn.conv2d %{{.*}}, %{{.*}} {groups = 2 : i64, name = "up2/phases", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x6x6x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x6x8xf32>
# IR: cnn.conv2d {{.*}}activation = #cnn.activation<relu>{{.*}}name = "same"
# IR: cnn.depth_to_space %{{.*}} {block = 2 : i64, name = "dcr"}
# IR: cnn.depth_to_space %{{.*}} {block = 2 : i64, mode = #cnn.depth_to_space_mode<crd>, name = "crd"}
# MERGED: cnn.fusion_group
# MERGED: cnn.depth_to_space
# ODD: error: ConvTranspose node 'odd': the output has 7 rows for 3 input ones at stride 2; only a transposed convolution whose output is stride x input is supported
# GROUPS: error: ConvTranspose node 'groups': weight of shape [4, 6, 2, 2] with 3 groups does not match the 4 input channels
# STRIDES: error: ConvTranspose node 'strides': strides [2, 1] differ; only equal strides are supported
# BLOCKS: error: DepthToSpace node 'blocks': a block of 3 does not divide the 4 channels into blocks of block x block

import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Inputs"))
from numpy_reference import conv_transpose, depth_to_space
from onnx_models import node, output_dir, save, tensor

rng = np.random.default_rng(41)


def main():
    out = output_dir()
    c, h, w = np.meshgrid(np.arange(4), np.arange(3), np.arange(4),
                          indexing="ij")
    x = (((7 * c + 13 * h + 3 * w + 5) % 29) - 14)[None] / 8.0
    p = {
        "w1": rng.uniform(-0.5, 0.5, (4, 6, 3, 3)),
        "b1": rng.uniform(-0.5, 0.5, 6),
        "w2": rng.uniform(-0.5, 0.5, (6, 2, 4, 4)),
        "w3": rng.uniform(-0.5, 0.5, (4, 8, 3, 3)),
    }
    p = {k: v.astype(np.float32) for k, v in p.items()}

    a = np.maximum(conv_transpose(x, p["w1"], p["b1"], (1, 1, 1, 1), (2, 2),
                                  output_padding=(1, 1)), 0)
    b = conv_transpose(a, p["w2"], None, (1, 1, 1, 1), (2, 2), group=2)
    s = np.maximum(conv_transpose(b, p["w3"], None, (1, 1, 1, 1), (1, 1)), 0)
    y = np.concatenate([depth_to_space(s, 2, "DCR"),
                        depth_to_space(b, 2, "CRD")], axis=1)

    save(out, "net", [
        node("ConvTranspose", ["x", "w1", "b1"], ["a0"], "up1",
             strides=[2, 2], pads=[1, 1, 1, 1], output_padding=[1, 1]),
        node("Relu", ["a0"], ["a"], "relu1"),
        node("ConvTranspose", ["a", "w2"], ["b"], "up2", strides=[2, 2],
             pads=[1, 1, 1, 1], group=2, kernel_shape=[4, 4]),
        node("ConvTranspose", ["b", "w3"], ["s0"], "same", pads=[1, 1, 1, 1]),
        node("Relu", ["s0"], ["s"], "relu"),
        node("DepthToSpace", ["s"], ["d"], "dcr", blocksize=2),
        node("DepthToSpace", ["b"], ["e"], "crd", blocksize=2, mode="CRD"),
        node("Concat", ["d", "e"], ["y"], "cat", axis=1),
    ], {"x": [1, 4, 3, 4]}, {"y": [1, 3, 24, 32]},
        [tensor(k, v) for k, v in p.items()])
    with open(os.path.join(out, "expected.txt"), "w") as fo:
        fo.write("\n".join("%.9g" % v for v in y.ravel()) + "\n")

    save(out, "odd", [
        node("ConvTranspose", ["x", "w"], ["y"], "odd", strides=[2, 2]),
    ], {"x": [1, 4, 3, 4]}, {"y": [1, 6, 7, 9]},
        [tensor("w", np.ones((4, 6, 3, 3), np.float32))])
    w2 = tensor("w", np.ones((4, 6, 2, 2), np.float32))
    save(out, "groups", [
        node("ConvTranspose", ["x", "w"], ["y"], "groups", strides=[2, 2],
             group=3),
    ], {"x": [1, 4, 3, 4]}, {"y": [1, 18, 6, 8]}, [w2], check=False)
    save(out, "strides", [
        node("ConvTranspose", ["x", "w"], ["y"], "strides", strides=[2, 1],
             pads=[0, 0, 0, 1]),
    ], {"x": [1, 4, 3, 4]}, {"y": [1, 6, 6, 4]}, [w2])
    save(out, "blocks", [
        node("DepthToSpace", ["x"], ["y"], "blocks", blocksize=3),
    ], {"x": [1, 4, 3, 4]}, {"y": [1, 1, 9, 12]}, check=False)


if __name__ == "__main__":
    main()
