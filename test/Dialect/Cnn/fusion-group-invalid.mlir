// RUN: cnn-opt %s -split-input-file -verify-diagnostics

// Every diagnostic of cnn.fusion_group, cnn.yield, #cnn.fusion_mode and
// #cnn.line_buffer. The numbers in the plans are arbitrary unless the
// diagnostic is about them.

//===----------------------------------------------------------------------===//
// Attributes
//===----------------------------------------------------------------------===//

func.func @fusion_mode_unknown(%x: tensor<1x4x8x8xf32>) {
  // expected-error @+2 {{expected ::mlir::cnn::FusionMode to be one of: rows, resident}}
  // expected-error @+1 {{failed to parse Cnn_FusionModeAttr parameter 'value'}}
  %g = cnn.fusion_group {mode = #cnn.fusion_mode<columns>, sram_bytes = 0, weight_bytes = 0} -> tensor<1x4x8x8xf32> {
    %r = cnn.activation %x {kind = #cnn.activation<relu>} : tensor<1x4x8x8xf32>
    cnn.yield %r : tensor<1x4x8x8xf32>
  }
  return
}

// -----

func.func @line_buffer_negative_rows(%x: tensor<1x4x8x8xf32>) {
  // expected-error @+1 {{expects a non-negative number of rows, got -1}}
  %g = cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 0, weight_bytes = 0, buffers = [#cnn.line_buffer<tensor = "x", rows = -1, bytes = 0>]} -> tensor<1x4x8x8xf32> {
    %r = cnn.activation %x {kind = #cnn.activation<relu>} : tensor<1x4x8x8xf32>
    cnn.yield %r : tensor<1x4x8x8xf32>
  }
  return
}

// -----

func.func @line_buffer_negative_bytes(%x: tensor<1x4x8x8xf32>) {
  // expected-error @+1 {{expects a non-negative buffer size in bytes, got -128}}
  %g = cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 0, weight_bytes = 0, buffers = [#cnn.line_buffer<tensor = "x", rows = 1, bytes = -128>]} -> tensor<1x4x8x8xf32> {
    %r = cnn.activation %x {kind = #cnn.activation<relu>} : tensor<1x4x8x8xf32>
    cnn.yield %r : tensor<1x4x8x8xf32>
  }
  return
}

// -----

func.func @buffers_not_line_buffers(%x: tensor<1x4x8x8xf32>) {
  // expected-error @+1 {{attribute 'buffers' failed to satisfy constraint: array of #cnn.line_buffer}}
  %g = cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 0, weight_bytes = 0, buffers = [#cnn.traffic<input = 1, weights = 0, output = 2>]} -> tensor<1x4x8x8xf32> {
    %r = cnn.activation %x {kind = #cnn.activation<relu>} : tensor<1x4x8x8xf32>
    cnn.yield %r : tensor<1x4x8x8xf32>
  }
  return
}

// -----

func.func @sram_bytes_not_an_integer(%x: tensor<1x4x8x8xf32>) {
  // expected-error @+1 {{attribute 'sram_bytes' failed to satisfy constraint: byte count (64-bit signless integer attribute)}}
  %g = cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = "4 KiB", weight_bytes = 0} -> tensor<1x4x8x8xf32> {
    %r = cnn.activation %x {kind = #cnn.activation<relu>} : tensor<1x4x8x8xf32>
    cnn.yield %r : tensor<1x4x8x8xf32>
  }
  return
}

// -----

func.func @mode_missing(%x: tensor<1x4x8x8xf32>) {
  // expected-error @+1 {{requires attribute 'mode'}}
  %g = cnn.fusion_group {sram_bytes = 0, weight_bytes = 0} -> tensor<1x4x8x8xf32> {
    %r = cnn.activation %x {kind = #cnn.activation<relu>} : tensor<1x4x8x8xf32>
    cnn.yield %r : tensor<1x4x8x8xf32>
  }
  return
}

// -----

func.func @sram_bytes_negative(%x: tensor<1x4x8x8xf32>) {
  // expected-error @+1 {{expects a non-negative 'sram_bytes', got -1}}
  %g = cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = -1, weight_bytes = 0} -> tensor<1x4x8x8xf32> {
    %r = cnn.activation %x {kind = #cnn.activation<relu>} : tensor<1x4x8x8xf32>
    cnn.yield %r : tensor<1x4x8x8xf32>
  }
  return
}

// -----

func.func @weight_bytes_negative(%x: tensor<1x4x8x8xf32>) {
  // expected-error @+1 {{expects a non-negative 'weight_bytes', got -576}}
  %g = cnn.fusion_group {mode = #cnn.fusion_mode<resident>, sram_bytes = 0, weight_bytes = -576} -> tensor<1x4x8x8xf32> {
    %r = cnn.activation %x {kind = #cnn.activation<relu>} : tensor<1x4x8x8xf32>
    cnn.yield %r : tensor<1x4x8x8xf32>
  }
  return
}

// -----

func.func @strip_width_zero(%x: tensor<1x4x8x8xf32>) {
  // expected-error @+1 {{expects 'strip_width' (width strips) to be positive and in mode 'rows', got 0 in mode 'rows'}}
  %g = cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 0, weight_bytes = 0, strip_width = 0} -> tensor<1x4x8x8xf32> {
    %r = cnn.activation %x {kind = #cnn.activation<relu>} : tensor<1x4x8x8xf32>
    cnn.yield %r : tensor<1x4x8x8xf32>
  }
  return
}

// -----

func.func @strip_width_resident(%x: tensor<1x4x8x8xf32>) {
  // expected-error @+1 {{expects 'strip_width' (width strips) to be positive and in mode 'rows', got 4 in mode 'resident'}}
  %g = cnn.fusion_group {mode = #cnn.fusion_mode<resident>, sram_bytes = 0, weight_bytes = 0, strip_width = 4} -> tensor<1x4x8x8xf32> {
    %r = cnn.activation %x {kind = #cnn.activation<relu>} : tensor<1x4x8x8xf32>
    cnn.yield %r : tensor<1x4x8x8xf32>
  }
  return
}

// -----

func.func @keep_halo_without_strips(%x: tensor<1x4x8x8xf32>) {
  // expected-error @+1 {{expects 'keep_halo' (halo columns kept from the strip before) only with 'strip_width'}}
  %g = cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 0, weight_bytes = 0, keep_halo} -> tensor<1x4x8x8xf32> {
    %r = cnn.activation %x {kind = #cnn.activation<relu>} : tensor<1x4x8x8xf32>
    cnn.yield %r : tensor<1x4x8x8xf32>
  }
  return
}

//===----------------------------------------------------------------------===//
// The body
//===----------------------------------------------------------------------===//

// -----

func.func @body_without_block(%x: tensor<1x4x8x8xf32>) {
  // expected-error @+1 {{region #0 ('body') failed to verify constraint: region with 1 blocks}}
  %g = "cnn.fusion_group"() <{mode = #cnn.fusion_mode<rows>, sram_bytes = 0, weight_bytes = 0}> ({
  }) : () -> tensor<1x4x8x8xf32>
  return
}

// -----

func.func @body_empty() {
  // expected-error @+1 {{expects a non-empty block}}
  cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 0, weight_bytes = 0} {
  }
  return
}

// -----

func.func @body_without_terminator(%x: tensor<1x4x8x8xf32>) {
  %g = cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 0, weight_bytes = 0} -> tensor<1x4x8x8xf32> {
    // expected-error @+1 {{block with no terminator}}
    %r = cnn.activation %x {kind = #cnn.activation<relu>} : tensor<1x4x8x8xf32>
  }
  return
}

// -----

// The group reads its inputs from the enclosing scope, not through block
// arguments.
func.func @body_with_arguments(%x: tensor<1x4x8x8xf32>) {
  // expected-error @+1 {{expects a body without block arguments (layers read the group's inputs from the enclosing scope), got 1}}
  %g = cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 0, weight_bytes = 0} -> tensor<1x4x8x8xf32> {
  ^bb0(%a: tensor<1x4x8x8xf32>):
    %r = cnn.activation %a {kind = #cnn.activation<relu>} : tensor<1x4x8x8xf32>
    cnn.yield %r : tensor<1x4x8x8xf32>
  }
  return
}

// -----

func.func @body_with_arith(%x: tensor<1x4x8x8xf32>) {
  // expected-error @+1 {{may hold only layers, 'cnn.weight' and 'cnn.yield', got 'arith.constant'}}
  %g = cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 0, weight_bytes = 0} -> tensor<1x4x8x8xf32> {
    // expected-note @+1 {{see the op here}}
    %c = arith.constant 0 : i32
    %r = cnn.activation %x {kind = #cnn.activation<relu>} : tensor<1x4x8x8xf32>
    cnn.yield %r : tensor<1x4x8x8xf32>
  }
  return
}

// -----

func.func @nested_group(%x: tensor<1x4x8x8xf32>) {
  // expected-error @+1 {{may hold only layers, 'cnn.weight' and 'cnn.yield', got 'cnn.fusion_group'}}
  %g = cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 0, weight_bytes = 0} -> tensor<1x4x8x8xf32> {
    // expected-note @+1 {{see the op here}}
    %inner = cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 0, weight_bytes = 0} -> tensor<1x4x8x8xf32> {
      %r = cnn.activation %x {kind = #cnn.activation<relu>} : tensor<1x4x8x8xf32>
      cnn.yield %r : tensor<1x4x8x8xf32>
    }
    %s = cnn.activation %inner {kind = #cnn.activation<relu6>} : tensor<1x4x8x8xf32>
    cnn.yield %s : tensor<1x4x8x8xf32>
  }
  return
}

// -----

func.func @no_layer() {
  // expected-error @+1 {{expects at least one layer in its body}}
  cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 0, weight_bytes = 0} {
    %w = cnn.weight : tensor<4x4x1x1xf32>
    cnn.yield
  }
  return
}

//===----------------------------------------------------------------------===//
// Results and cnn.yield
//===----------------------------------------------------------------------===//

// -----

func.func @yield_too_few(%x: tensor<1x4x8x8xf32>) {
  // expected-error @+1 {{has 2 results but its 'cnn.yield' has 1 operands}}
  %g:2 = cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 0, weight_bytes = 0} -> (tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>) {
    %r = cnn.activation %x {kind = #cnn.activation<relu>} : tensor<1x4x8x8xf32>
    cnn.yield %r : tensor<1x4x8x8xf32>
  }
  return
}

// -----

func.func @yield_too_many(%x: tensor<1x4x8x8xf32>) {
  // expected-error @+1 {{has 1 results but its 'cnn.yield' has 2 operands}}
  %g = cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 0, weight_bytes = 0} -> tensor<1x4x8x8xf32> {
    %r = cnn.activation %x {kind = #cnn.activation<relu>} : tensor<1x4x8x8xf32>
    %s = cnn.activation %r {kind = #cnn.activation<relu6>} : tensor<1x4x8x8xf32>
    cnn.yield %r, %s : tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>
  }
  return
}

// -----

func.func @yield_type_mismatch(%x: tensor<1x4x8x8xf32>) {
  // expected-error @+1 {{expects yielded value #1 to have the type of result #1 ('tensor<1x4x4x4xf32>'), got 'tensor<1x4x8x8xf32>'}}
  %g:2 = cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 0, weight_bytes = 0} -> (tensor<1x4x8x8xf32>, tensor<1x4x4x4xf32>) {
    %r = cnn.activation %x {kind = #cnn.activation<relu>} : tensor<1x4x8x8xf32>
    %s = cnn.activation %r {kind = #cnn.activation<relu6>} : tensor<1x4x8x8xf32>
    cnn.yield %r, %s : tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>
  }
  return
}

// -----

// A group input does not leave the group: whoever reads it reads the
// original value.
func.func @yield_group_input(%x: tensor<1x4x8x8xf32>) {
  // expected-error @+1 {{expects yielded value #1 to be produced by a layer of the group, but it is defined outside the group}}
  %g:2 = cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 0, weight_bytes = 0} -> (tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>) {
    %r = cnn.activation %x {kind = #cnn.activation<relu>} : tensor<1x4x8x8xf32>
    cnn.yield %r, %x : tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>
  }
  return
}

// -----

func.func @yield_layer_above(%x: tensor<1x4x8x8xf32>) {
  // expected-note @+1 {{defined here}}
  %above = cnn.activation %x {kind = #cnn.activation<relu>} : tensor<1x4x8x8xf32>
  // expected-error @+1 {{expects yielded value #0 to be produced by a layer of the group, but it is defined outside the group}}
  %g = cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 0, weight_bytes = 0} -> tensor<1x4x8x8xf32> {
    %r = cnn.activation %above {kind = #cnn.activation<relu6>} : tensor<1x4x8x8xf32>
    cnn.yield %above : tensor<1x4x8x8xf32>
  }
  return
}

// -----

func.func @yield_weight(%x: tensor<1x4x8x8xf32>) {
  // expected-error @+1 {{expects yielded value #1 to be produced by a layer of the group, got the result of 'cnn.weight'}}
  %g:2 = cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 0, weight_bytes = 0} -> (tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>) {
    %w = cnn.weight : tensor<1x4x8x8xf32>
    %r = cnn.activation %x {kind = #cnn.activation<relu>} : tensor<1x4x8x8xf32>
    cnn.yield %r, %w : tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>
  }
  return
}

// -----

func.func @yield_twice(%x: tensor<1x4x8x8xf32>) {
  // expected-error @+1 {{yields the same tensor as results #0 and #1; each tensor leaves the group once}}
  %g:2 = cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 0, weight_bytes = 0} -> (tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>) {
    %r = cnn.activation %x {kind = #cnn.activation<relu>} : tensor<1x4x8x8xf32>
    cnn.yield %r, %r : tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>
  }
  return
}

// -----

func.func @result_not_a_feature_map() {
  // expected-error @+1 {{result #0 must be variadic of NCHW feature map (tensor<1xCxHxW>) of i8, i16, f16 or f32 values, but got 'tensor<4xi32>'}}
  %g = cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 0, weight_bytes = 0} -> tensor<4xi32> {
    %w = cnn.weight : tensor<4xi32>
    cnn.yield %w : tensor<4xi32>
  }
  return
}

// -----

func.func @yield_outside_group(%x: tensor<1x4x8x8xf32>) {
  // expected-error @+1 {{expects parent op 'cnn.fusion_group'}}
  cnn.yield %x : tensor<1x4x8x8xf32>
}
