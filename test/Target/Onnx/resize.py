# Resize and Upsample by integer scales: nearest, and linear with half-pixel
# centres, which are what cnn.resize computes.
# RUN: rm -rf %t && %python3 %s %t
# RUN: cnn-translate --import-onnx %t/resize.onnx | FileCheck %s
# RUN: cnn-translate --import-onnx %t/upsample.onnx | FileCheck %s --check-prefix=UPSAMPLE
# RUN: not cnn-translate --import-onnx %t/align_corners.onnx 2>&1 \
# RUN:   | FileCheck %s --check-prefix=ALIGN
# RUN: not cnn-translate --import-onnx %t/round.onnx 2>&1 \
# RUN:   | FileCheck %s --check-prefix=ROUND
# RUN: not cnn-translate --import-onnx %t/upsample_linear.onnx 2>&1 \
# RUN:   | FileCheck %s --check-prefix=UPSAMPLE-LINEAR
# RUN: not cnn-translate --import-onnx %t/crop.onnx 2>&1 \
# RUN:   | FileCheck %s --check-prefix=CROP
# RUN: not cnn-translate --import-onnx %t/fraction.onnx 2>&1 \
# RUN:   | FileCheck %s --check-prefix=FRACTION

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from onnx_models import ints, node, output_dir, save, tensor

out = output_dir()
x = {"x": [1, 4, 8, 8]}

# CHECK-LABEL: func.func @resize(%arg0: tensor<1x4x8x8xf32>)
save(out, "resize", [
    # Opset 13 defaults: half_pixel, round_prefer_floor. With an integer
    # scale s, output row r = k*s + j maps to k + (j + 0.5) / s - 0.5,
    # strictly within 0.5 of k: input row floor(r / s).
    # CHECK: %[[R1:.*]] = cnn.resize %arg0 {name = "nearest", scale = array<i64: 2, 2>}
    # CHECK-SAME: : tensor<1x4x8x8xf32> -> tensor<1x4x16x16xf32>
    node("Resize", ["x", "", "scales"], ["r1"], "nearest"),
    # Sizes instead of scales, and asymmetric + floor: r / s rounded down.
    # CHECK: %[[R2:.*]] = cnn.resize %arg0 {name = "sizes", scale = array<i64: 3, 2>}
    # CHECK-SAME: -> tensor<1x4x24x16xf32>
    node("Resize", ["x", "", "", "sizes"], ["r2"], "sizes",
         coordinate_transformation_mode="asymmetric", nearest_mode="floor"),
    # CHECK: %[[R3:.*]] = cnn.resize %arg0 {mode = #cnn.resize_mode<bilinear>, name = "linear", scale = array<i64: 2, 2>}
    node("Resize", ["x", "", "scales"], ["r3"], "linear", mode="linear"),
    # CHECK: return %[[R1]], %[[R2]], %[[R3]]
], x, {"r1": [1, 4, 16, 16], "r2": [1, 4, 24, 16], "r3": [1, 4, 16, 16]},
    [tensor("scales", [1, 1, 2, 2]), ints("sizes", [1, 4, 24, 16])])

# Upsample reads input row floor(r / s): nearest only.
# UPSAMPLE-LABEL: func.func @upsample(
# UPSAMPLE: cnn.resize %arg0 {name = "up", scale = array<i64: 2, 3>}
# UPSAMPLE-SAME: : tensor<1x4x8x8xf32> -> tensor<1x4x16x24xf32>
save(out, "upsample", [node("Upsample", ["x", "scales"], ["y"], "up")],
     x, {"y": [1, 4, 16, 24]}, [tensor("scales", [1, 1, 2, 3])], opset=9)

# align_corners maps row 2 of 24 to 2 * 7 / 23 = 0.61, which rounds to 1.
# (At scale 2 it happens to read the same rows as cnn.resize.)
# ALIGN: error: Resize node 'align': nearest resizing with coordinate_transformation_mode 'align_corners' and nearest_mode 'round_prefer_floor' is not supported: output row 2 does not read input row floor(2 / 3) as cnn.resize does
save(out, "align_corners", [
    node("Resize", ["x", "", "scales"], ["y"], "align",
         coordinate_transformation_mode="align_corners"),
], x, {"y": [1, 4, 24, 24]}, [tensor("scales", [1, 1, 3, 3])])

# asymmetric maps row 2 of a 3x up-sampling to 2/3, which rounds to 1.
# ROUND: error: Resize node 'round': nearest resizing with coordinate_transformation_mode 'asymmetric' and nearest_mode 'round_prefer_floor' is not supported: output row 2 does not read input row floor(2 / 3) as cnn.resize does
save(out, "round", [
    node("Resize", ["x", "", "scales"], ["y"], "round",
         coordinate_transformation_mode="asymmetric"),
], x, {"y": [1, 4, 24, 24]}, [tensor("scales", [1, 1, 3, 3])])

# UPSAMPLE-LINEAR: error: Upsample node 'up_linear': linear resizing with coordinate_transformation_mode 'asymmetric' is not supported; cnn.resize interpolates with half-pixel centres ('half_pixel', Resize from opset 11)
save(out, "upsample_linear", [
    node("Upsample", ["x", "scales"], ["y"], "up_linear", mode="linear"),
], x, {"y": [1, 4, 16, 16]}, [tensor("scales", [1, 1, 2, 2])], opset=9)

# CROP: error: Resize node 'crop': coordinate_transformation_mode 'tf_crop_and_resize' with nearest_mode 'round_prefer_floor' is not supported
save(out, "crop", [
    node("Resize", ["x", "roi", "scales"], ["y"], "crop",
         coordinate_transformation_mode="tf_crop_and_resize"),
], x, {"y": [1, 4, 16, 16]},
    [tensor("roi", [0, 0, 0, 0, 1, 1, 1, 1]), tensor("scales", [1, 1, 2, 2])])

# FRACTION: error: Resize node 'fraction': scales [1, 1, 1.5, 2] are not supported; rows and columns must be scaled by integers in [1, 64], batch and channels by 1
save(out, "fraction", [node("Resize", ["x", "", "scales"], ["y"], "fraction")],
     x, {"y": [1, 4, 12, 16]}, [tensor("scales", [1, 1, 1.5, 2])])
