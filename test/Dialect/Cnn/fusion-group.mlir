// RUN: cnn-opt %s | cnn-opt | FileCheck %s
// RUN: cnn-opt %s --mlir-print-op-generic | cnn-opt | FileCheck %s
// RUN: cnn-opt %s --emit-bytecode | cnn-opt | FileCheck %s
// RUN: cnn-opt %s --cnn-footprint-report -o /dev/null | FileCheck %s --check-prefix=LAYERS

// cnn.fusion_group and cnn.yield round-trip through the custom form, the
// generic form and bytecode. The printer writes the plan in a fixed order
// (mode, sram_bytes, weight_bytes, buffers, name), then other attributes.
//
// The plans follow section 2 of the cost model. In mode rows, SRAM = the
// group's weights + (max live rows * W * C * b) of each of its tensors and
// inputs; in mode resident, SRAM = the largest (tensors kept + one output
// channel of weights) over the group's layers.
//
// The footprint report walks layers: it sees the layers inside the groups,
// once each, and neither the groups nor their terminators.

// Two 3x3 convolutions, one result, mode rows. conv2's row r reads conv1's
// rows r-1..r+1, which read x's rows r-2..r+2: x and conv1 keep 3 rows,
// conv2 (read by no layer of the group) 1 row.
//   weights 8*16*9 + 16*16*9 = 1152 + 2304 = 3456
//   x 3*16*8 = 384, conv1 3*16*16 = 768, conv2 1*16*16 = 256
//   SRAM 3456 + 384 + 768 + 256 = 4864
// w1 is captured from above, w2 is defined in the body.
// CHECK-LABEL: func.func @chain
// CHECK-SAME:    (%[[X:[a-z0-9]+]]: tensor<1x8x16x16xi8>)
// CHECK-NEXT:    %[[W1:.*]] = cnn.weight : tensor<16x8x3x3xi8>
// CHECK-NEXT:    %[[G:.*]] = cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 4864, weight_bytes = 3456, buffers = [#cnn.line_buffer<tensor = "x", rows = 3, bytes = 384>, #cnn.line_buffer<tensor = "conv1", rows = 3, bytes = 768>, #cnn.line_buffer<tensor = "conv2", rows = 1, bytes = 256>], name = "group_0"} -> tensor<1x16x16x16xi8> {
// CHECK-NEXT:      %[[W2:.*]] = cnn.weight : tensor<16x16x3x3xi8>
// CHECK-NEXT:      %conv1 = cnn.conv2d %[[X]], %[[W1]] {name = "conv1", padding = array<i64: 1, 1, 1, 1>}
// CHECK-NEXT:      %conv2 = cnn.conv2d %conv1, %[[W2]] {name = "conv2", padding = array<i64: 1, 1, 1, 1>}
// CHECK-NEXT:      cnn.yield %conv2 : tensor<1x16x16x16xi8>
// CHECK-NEXT:    }
// CHECK-NEXT:    return %[[G]] : tensor<1x16x16x16xi8>
// LAYERS-LABEL: footprint of @chain
// LAYERS:       total: 2 layers
func.func @chain(%x: tensor<1x8x16x16xi8>) -> tensor<1x16x16x16xi8> {
  %w1 = cnn.weight : tensor<16x8x3x3xi8>
  %g = cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 4864, weight_bytes = 3456,
      buffers = [#cnn.line_buffer<tensor = "x", rows = 3, bytes = 384>,
                 #cnn.line_buffer<tensor = "conv1", rows = 3, bytes = 768>,
                 #cnn.line_buffer<tensor = "conv2", rows = 1, bytes = 256>],
      name = "group_0"} -> tensor<1x16x16x16xi8> {
    %w2 = cnn.weight : tensor<16x16x3x3xi8>
    %c1 = cnn.conv2d %x, %w1 {name = "conv1", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x8x16x16xi8>, tensor<16x8x3x3xi8>) -> tensor<1x16x16x16xi8>
    %c2 = cnn.conv2d %c1, %w2 {name = "conv2", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x16x16x16xi8>, tensor<16x16x3x3xi8>) -> tensor<1x16x16x16xi8>
    cnn.yield %c2 : tensor<1x16x16x16xi8>
  }
  return %g : tensor<1x16x16x16xi8>
}

// A residual block in mode resident with two results: conv_a, the tensor
// the shortcut reads, is also read by the pool after the group, so it
// leaves the group next to the sum. Every tensor is 16*8*8 = 1024 bytes and
// a weight buffer holds one output channel, 16*3*3 = 144 bytes:
//   at conv_a: x + conv_a + 144 = 2192
//   at conv_b: conv_a + conv_b + 144 = 2192 (x has no reader left)
//   at add:    conv_a + conv_b + add = 3072
//   weights 2 * 16*16*9 = 4608
// CHECK-LABEL: func.func @residual
// CHECK:         %[[G:.*]]:2 = cnn.fusion_group {mode = #cnn.fusion_mode<resident>, sram_bytes = 3072, weight_bytes = 4608, buffers = [#cnn.line_buffer<tensor = "x", rows = 8, bytes = 1024>, #cnn.line_buffer<tensor = "conv_a", rows = 8, bytes = 1024>, #cnn.line_buffer<tensor = "conv_b", rows = 8, bytes = 1024>, #cnn.line_buffer<tensor = "sum", rows = 8, bytes = 1024>]} -> (tensor<1x16x8x8xi8>, tensor<1x16x8x8xi8>) {
// CHECK-NEXT:      %conv_a = cnn.conv2d
// CHECK-NEXT:      %conv_b = cnn.conv2d %conv_a
// CHECK-NEXT:      %sum = cnn.add %conv_b, %conv_a
// CHECK-NEXT:      cnn.yield %conv_a, %sum : tensor<1x16x8x8xi8>, tensor<1x16x8x8xi8>
// CHECK-NEXT:    }
// CHECK-NEXT:    %pool = cnn.max_pool %[[G]]#0
// CHECK-NEXT:    return %[[G]]#1, %pool
// LAYERS-LABEL: footprint of @residual
// LAYERS:       total: 4 layers
func.func @residual(%x: tensor<1x16x8x8xi8>) -> (tensor<1x16x8x8xi8>, tensor<1x16x4x4xi8>) {
  %wa = cnn.weight : tensor<16x16x3x3xi8>
  %wb = cnn.weight : tensor<16x16x3x3xi8>
  %g:2 = cnn.fusion_group {mode = #cnn.fusion_mode<resident>, sram_bytes = 3072, weight_bytes = 4608,
      buffers = [#cnn.line_buffer<tensor = "x", rows = 8, bytes = 1024>,
                 #cnn.line_buffer<tensor = "conv_a", rows = 8, bytes = 1024>,
                 #cnn.line_buffer<tensor = "conv_b", rows = 8, bytes = 1024>,
                 #cnn.line_buffer<tensor = "sum", rows = 8, bytes = 1024>]}
      -> (tensor<1x16x8x8xi8>, tensor<1x16x8x8xi8>) {
    %a = cnn.conv2d %x, %wa {name = "conv_a", padding = array<i64: 1, 1, 1, 1>, activation = #cnn.activation<relu>} : (tensor<1x16x8x8xi8>, tensor<16x16x3x3xi8>) -> tensor<1x16x8x8xi8>
    %b = cnn.conv2d %a, %wb {name = "conv_b", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x16x8x8xi8>, tensor<16x16x3x3xi8>) -> tensor<1x16x8x8xi8>
    %s = cnn.add %b, %a {name = "sum", activation = #cnn.activation<relu>} : tensor<1x16x8x8xi8>
    cnn.yield %a, %s : tensor<1x16x8x8xi8>, tensor<1x16x8x8xi8>
  }
  %p = cnn.max_pool %g#0 {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, name = "pool"} : tensor<1x16x8x8xi8> -> tensor<1x16x4x4xi8>
  return %g#1, %p : tensor<1x16x8x8xi8>, tensor<1x16x4x4xi8>
}

// Two branches joined by a concat, mode rows. The concat is a view: its
// parts have line buffers, it has none. branch_3x3's row r reads x's rows
// r-1..r+1 (3 rows); each branch keeps the 1 row the concat reads.
//   weights 8*8*1*1 + 8*8*3*3 = 64 + 576 = 640
//   x 3*8*8 = 192, branch_1x1 1*8*8 = 64, branch_3x3 1*8*8 = 64
//   SRAM 640 + 192 + 64 + 64 = 960
// CHECK-LABEL: func.func @concat
// CHECK:         cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 960, weight_bytes = 640, buffers = [#cnn.line_buffer<tensor = "x", rows = 3, bytes = 192>, #cnn.line_buffer<tensor = "branch_1x1", rows = 1, bytes = 64>, #cnn.line_buffer<tensor = "branch_3x3", rows = 1, bytes = 64>]} -> tensor<1x16x8x8xi8> {
// CHECK-NEXT:      %branch_1x1 = cnn.conv2d
// CHECK-NEXT:      %branch_3x3 = cnn.conv2d
// CHECK-NEXT:      %cat = cnn.concat %branch_1x1, %branch_3x3 {name = "cat"} : (tensor<1x8x8x8xi8>, tensor<1x8x8x8xi8>) -> tensor<1x16x8x8xi8>
// CHECK-NEXT:      cnn.yield %cat : tensor<1x16x8x8xi8>
// CHECK-NEXT:    }
// LAYERS-LABEL: footprint of @concat
// LAYERS:       total: 3 layers
func.func @concat(%x: tensor<1x8x8x8xi8>) -> tensor<1x16x8x8xi8> {
  %w1 = cnn.weight : tensor<8x8x1x1xi8>
  %w3 = cnn.weight : tensor<8x8x3x3xi8>
  %g = cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 960, weight_bytes = 640,
      buffers = [#cnn.line_buffer<tensor = "x", rows = 3, bytes = 192>,
                 #cnn.line_buffer<tensor = "branch_1x1", rows = 1, bytes = 64>,
                 #cnn.line_buffer<tensor = "branch_3x3", rows = 1, bytes = 64>]}
      -> tensor<1x16x8x8xi8> {
    %b1 = cnn.conv2d %x, %w1 {name = "branch_1x1"} : (tensor<1x8x8x8xi8>, tensor<8x8x1x1xi8>) -> tensor<1x8x8x8xi8>
    %b3 = cnn.conv2d %x, %w3 {name = "branch_3x3", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x8x8x8xi8>, tensor<8x8x3x3xi8>) -> tensor<1x8x8x8xi8>
    %c = cnn.concat %b1, %b3 {name = "cat"} : (tensor<1x8x8x8xi8>, tensor<1x8x8x8xi8>) -> tensor<1x16x8x8xi8>
    cnn.yield %c : tensor<1x16x8x8xi8>
  }
  return %g : tensor<1x16x8x8xi8>
}

// The attribute dictionary parses in any order. An empty `buffers` (the
// default) is elided, and attributes of other passes print after the plan.
// The numbers here only need to be well formed.
// CHECK-LABEL: func.func @attribute_order
// CHECK:         cnn.fusion_group {mode = #cnn.fusion_mode<resident>, sram_bytes = 0, weight_bytes = 0, name = "g", cnn.traffic = #cnn.traffic<input = 1, weights = 0, output = 2>} -> tensor<1x4x2x2xf32> {
// CHECK-NEXT:      cnn.activation
// CHECK-NEXT:      cnn.yield
// LAYERS-LABEL: footprint of @attribute_order
// LAYERS:       total: 1 layers
func.func @attribute_order(%x: tensor<1x4x2x2xf32>) -> tensor<1x4x2x2xf32> {
  %g = cnn.fusion_group {cnn.traffic = #cnn.traffic<input = 1, weights = 0, output = 2>, name = "g", buffers = [], weight_bytes = 0 : i64, sram_bytes = 0, mode = #cnn.fusion_mode<resident>} -> tensor<1x4x2x2xf32> {
    %r = cnn.activation %x {kind = #cnn.activation<relu>} : tensor<1x4x2x2xf32>
    cnn.yield %r : tensor<1x4x2x2xf32>
  }
  return %g : tensor<1x4x2x2xf32>
}
