// RUN: cnn-opt %s -split-input-file --annotate-weight-compression | FileCheck %s
// RUN: cnn-opt %s -split-input-file '--annotate-weight-compression=prune-sparsity=0.5' | FileCheck %s --check-prefix=PRUNE
// RUN: cnn-opt %s -split-input-file '--annotate-weight-compression=ratio=0.5' | FileCheck %s --check-prefix=RATIO

// Sizes of the zrl-rice code worked out bit by bit (include/cnn/Analysis/
// WeightCodec.h): per output channel a 9-bit header (k_run: 4 bits, k_val:
// 5 bits), then zero runs and zig-zagged nonzero values (v -> 2|v| - (v<0),
// minus 1) in Rice codes: (u >> k) ones, a zero, k low bits.
//
// Channel 0 = [0, 0, 3, 0]: runs 2 (before the 3) and 1 (the tail); the 3
// zig-zags to 6, coded as 5. Runs cost 5 bits at k = 0 ("110" + "10") or
// k = 1; the value 4 bits at k = 1..3. 9 + 5 + 4 = 18 bits.
// Channel 1 = [0, 0, 0, 0]: one tail run of 4: 4 bits at k = 1 ("110" and
// one low bit), k = 2 or k = 3; 9 + 4 = 13.
// Each channel is padded to a whole byte: 3 + 2 = 5 bytes, for 8 raw bytes.
// The bias is not annotated.

// CHECK-LABEL: func.func @measured
// CHECK: cnn.weight {cnn.compression = #cnn.compression<bytes = 5, scheme = "zrl-rice", channels = [3, 2]>, value = dense<{{.*}}> : tensor<2x1x1x4xi8>}
// CHECK: %[[B:.*]] = cnn.weight : tensor<2xi32>
// RATIO-LABEL: func.func @measured
// RATIO: cnn.compression = #cnn.compression<bytes = 5, scheme = "zrl-rice", channels = [3, 2]>
func.func @measured(%x: tensor<1x1x1x4xi8>) -> tensor<1x2x1x1xi8> {
  %w = cnn.weight {value = dense<[[[[0, 0, 3, 0]]], [[[0, 0, 0, 0]]]]> : tensor<2x1x1x4xi8>} : tensor<2x1x1x4xi8>
  %b = cnn.weight : tensor<2xi32>
  %y = cnn.conv2d %x, %w, %b : (tensor<1x1x1x4xi8>, tensor<2x1x1x4xi8>, tensor<2xi32>) -> tensor<1x2x1x1xi8>
  return %y : tensor<1x2x1x1xi8>
}

// -----

// Magnitude pruning to 50%: the two smallest magnitudes of [5, -1, 3, 0]
// (0 and -1) become zero, in the IR: [5, 0, 3, 0]. Its code: runs 0 (before
// the 5), 1 (before the 3), 1 (the tail): 5 bits at k = 0 ("0", "10",
// "10"); values 5 -> 9 and 3 -> 5: 9 bits at k = 2 ("110"+"01",
// "10"+"01") or k = 3; 9 + 5 + 9 = 23 bits: 3 bytes.
// Unpruned, [5, -1, 3, 0]: runs 0, 0, 0, 1 (5 bits at k = 0), values
// 9, 0, 5 (12 bits at k = 1 or 2): 9 + 5 + 12 = 26 bits, 4 bytes: no
// smaller than the 4 raw bytes, so the tensor is stored raw.

// PRUNE-LABEL: func.func @pruned
// PRUNE: cnn.weight {cnn.compression = #cnn.compression<bytes = 3, scheme = "zrl-rice", channels = [3]>, value = dense<{{\[\[\[\[}}5, 0, 3, 0{{\]\]\]\]}}> : tensor<1x1x1x4xi8>}
// CHECK-LABEL: func.func @pruned
// CHECK: cnn.compression = #cnn.compression<bytes = 4, scheme = "raw">, value = dense<{{\[\[\[\[}}5, -1, 3, 0{{\]\]\]\]}}>
func.func @pruned(%x: tensor<1x1x1x4xi8>) -> tensor<1x1x1x1xi8> {
  %w = cnn.weight {value = dense<[[[[5, -1, 3, 0]]]]> : tensor<1x1x1x4xi8>} : tensor<1x1x1x4xi8>
  %y = cnn.conv2d %x, %w : (tensor<1x1x1x4xi8>, tensor<1x1x1x4xi8>) -> tensor<1x1x1x1xi8>
  return %y : tensor<1x1x1x1xi8>
}

// -----

// Shape-only weights: nothing to measure. With ratio=0.5 the 4x4x3x3 i8
// weights (144 bytes) are declared to take 72; without a ratio they stay
// raw.

// RATIO-LABEL: func.func @declared
// RATIO: cnn.weight {cnn.compression = #cnn.compression<bytes = 72, scheme = "declared">} : tensor<4x4x3x3xi8>
// CHECK-LABEL: func.func @declared
// CHECK-NOT: cnn.compression
func.func @declared(%x: tensor<1x4x8x8xi8>) -> tensor<1x4x8x8xi8> {
  %w = cnn.weight : tensor<4x4x3x3xi8>
  %y = cnn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>}
      : (tensor<1x4x8x8xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x8x8xi8>
  return %y : tensor<1x4x8x8xi8>
}
