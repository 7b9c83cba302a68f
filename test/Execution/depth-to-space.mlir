// RUN: cnn-opt %s --cnn-fill-weights=seed=7 -o %t.mlir
// RUN: cnn-opt %t.mlir --cnn-to-linalg | %python3 %S/Inputs/add_main.py tensor | %run_mlir - > %t.ref
// RUN: cnn-opt %t.mlir --tile-for-sram=128 --lower-to-dma --dma-verify-arena --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.alone
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.alone | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.mlir --tile-for-sram=128 "--cnn-traffic-report=format=json output-file=%t.model.json" --lower-to-dma "--dma-traffic-report=format=json output-file=%t.dma.json" -o /dev/null
// RUN: %python3 %S/Inputs/compare_units.py %t.model.json %t.dma.json | FileCheck %s --check-prefix=TRAFFIC
// RUN: cnn-opt %t.mlir --tile-for-sram=128 | FileCheck %s --check-prefix=ALONE
// RUN: cnn-opt %t.mlir --tile-for-sram=512 --merge-layers --lower-to-dma --dma-verify-arena --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.rows
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.rows | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.mlir --tile-for-sram=512 --merge-layers | FileCheck %s --check-prefix=ROWS
// RUN: cnn-opt %t.mlir --tile-for-sram=512 --merge-layers "--cnn-traffic-report=format=json output-file=%t.model2.json" --lower-to-dma "--dma-traffic-report=format=json output-file=%t.dma2.json" -o /dev/null
// RUN: %python3 %S/Inputs/compare_units.py %t.model2.json %t.dma2.json | FileCheck %s --check-prefix=TRAFFIC
// RUN: cnn-opt %t.mlir --tile-for-sram=1024 --merge-layers --lower-to-dma --dma-verify-arena --dma-to-memref | %python3 %S/Inputs/add_main.py memref | %run_mlir --memref - > %t.resident
// RUN: %python3 %S/Inputs/compare_outputs.py %t.ref %t.resident | FileCheck %s --check-prefix=SAME
// RUN: cnn-opt %t.mlir --tile-for-sram=1024 --merge-layers | FileCheck %s --check-prefix=RESIDENT
// RUN: cnn-opt %t.mlir --tile-for-sram=1024 --merge-layers "--cnn-traffic-report=format=json output-file=%t.model3.json" --lower-to-dma "--dma-traffic-report=format=json output-file=%t.dma3.json" -o /dev/null
// RUN: %python3 %S/Inputs/compare_units.py %t.model3.json %t.dma3.json | FileCheck %s --check-prefix=TRAFFIC

// Depth to space in both modes: of a concatenation (crd, PyTorch's pixel
// shuffle) and of a convolution (dcr, ONNX's default). Alone, each input
// row is loaded once and copied, every second column, into the two output
// rows it becomes: 16 channels x 5 rows x 6 columns in, 4 x 10 x 12 out,
// 480 bytes each way. In a group (mode rows at 512 bytes, resident at
// 1024), each output row copies every second column from strided channels
// of its input row, split where the concatenation's parts split them.
// ALONE: cnn.depth_to_space {{.*}}cnn.traffic = #cnn.traffic<input = 480, weights = 0, output = 480>
// ROWS: cnn.fusion_group {mode = #cnn.fusion_mode<rows>
// ROWS: cnn.depth_to_space
// RESIDENT: cnn.fusion_group {mode = #cnn.fusion_mode<resident>
// RESIDENT: cnn.depth_to_space
// SAME: equal: 240 values, {{[1-9][0-9]+}} distinct
// TRAFFIC: equal: {{[0-9]}} groups

func.func @net(%x: tensor<1x8x5x6xi8>) -> tensor<1x2x10x12xi8> {
  %w1 = cnn.weight : tensor<8x8x3x3xi8>
  %a = cnn.conv2d %x, %w1 {padding = array<i64: 1, 1, 1, 1>, name = "a"}
      : (tensor<1x8x5x6xi8>, tensor<8x8x3x3xi8>) -> tensor<1x8x5x6xi8>
  %w0 = cnn.weight : tensor<8x8x1x1xi8>
  %b = cnn.conv2d %x, %w0 {name = "b"} : (tensor<1x8x5x6xi8>, tensor<8x8x1x1xi8>) -> tensor<1x8x5x6xi8>
  %c = cnn.concat %b, %a {name = "concat"} : (tensor<1x8x5x6xi8>, tensor<1x8x5x6xi8>) -> tensor<1x16x5x6xi8>
  %u = cnn.depth_to_space %c {block = 2, mode = #cnn.depth_to_space_mode<crd>, name = "shuffle_crd"}
      : tensor<1x16x5x6xi8> -> tensor<1x4x10x12xi8>
  %v = cnn.depth_to_space %a {block = 2, name = "shuffle_dcr"}
      : tensor<1x8x5x6xi8> -> tensor<1x2x10x12xi8>
  %w2 = cnn.weight : tensor<2x4x3x3xi8>
  %d = cnn.conv2d %u, %w2 {padding = array<i64: 1, 1, 1, 1>, name = "d"}
      : (tensor<1x4x10x12xi8>, tensor<2x4x3x3xi8>) -> tensor<1x2x10x12xi8>
  %o = cnn.add %d, %v {name = "sum"} : tensor<1x2x10x12xi8>
  return %o : tensor<1x2x10x12xi8>
}
