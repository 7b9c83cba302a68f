//===- ImportOnnx.h - Imports ONNX models as cnn IR -------------*- C++ -*-===//
//
// Translates an ONNX model (a serialized `onnx.ModelProto`) into a module
// holding one `func.func` of `cnn` layers, named after the graph. Each layer
// carries the name of the ONNX node it comes from.
//
// Supported nodes (default domain):
//
// * Conv (groups, pads or auto_pad, strides, dilations, bias);
// * BatchNormalization: folded into the Conv whose only reader it is, else
//   a per-channel scale and shift;
// * Mul, Add, Sub, Div by a constant (one value, or one per channel):
//   folded into the Conv before when exact, else a per-channel scale and
//   shift (a depthwise 1x1 `cnn.conv2d`);
// * Gemm, and MatMul followed by an Add of a constant bias, as
//   `cnn.fully_connected` on a flattened feature map (Flatten, or a
//   Reshape to [1, C*H*W]);
// * MaxPool, AveragePool (count_include_pad = 0 unless nothing is padded),
//   GlobalAveragePool, GlobalMaxPool, ReduceMean over rows and columns;
// * Add, Sub and Mul of two feature maps or of a map and per-channel
//   values (Add of them as a Sub of their negation), Concat along the
//   channels; Squeeze and Unsqueeze that only change the layout;
// * Relu, Clip(0, 6), HardSigmoid (alpha 1/6), HardSwish, Sigmoid, Tanh,
//   fused into the layer that produces their input when nothing else reads
//   it, else a `cnn.activation`; LeakyRelu and PRelu (a constant slope, one
//   or one per channel) as `cnn.prelu`;
// * Pad (constant mode, spatial axes), Resize and Upsample by integer scales
//   (nearest, and linear with half-pixel centres), Softmax over the channels;
// * ConvTranspose whose output is stride x input, as a convolution of the
//   output phases and a `cnn.depth_to_space`; DepthToSpace;
// * Split and Slice of the channels (of NCHW maps and NHWC views), and a
//   channel shuffle (Reshape to [1, g, C/g, H, W], Transpose [0, 2, 1, 3,
//   4], Reshape back), as `cnn.select_channels` (composed when one reads
//   another);
// * Transpose to NHWC and back (converters' wrappers), Identity, Dropout
//   (inference), Constant;
// * shape subgraphs (Shape, Gather, Slice, Cast, Concat, Unsqueeze,
//   Squeeze, Reshape, ConstantOfShape, Range, Expand, Add, Sub, Mul, Div,
//   Floor, Ceil, Neg on constants), evaluated at import.
//
// Weights in external data files next to the model are read.
//
// Quantized models (QuantizeLinear, DequantizeLinear, QLinearConv, ...) are
// not supported: import the float model with an integer element type.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_TARGET_ONNX_IMPORTONNX_H
#define CNN_TARGET_ONNX_IMPORTONNX_H

#include "cnn/Zoo/Zoo.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/Support/MemoryBufferRef.h"

#include <string>
#include <utility>
#include <vector>

namespace mlir::cnn {

/// How importOnnx builds the network.
struct OnnxImportOptions {
  /// Element type of feature maps and weights. With `f32` (or `f16`) the
  /// weights hold the initializers' values, converted, and batch norms are
  /// folded into them; with `i8` or `i16` every weight is shape-only and
  /// biases are `i32`, as a quantised network of the same architecture.
  /// An initializer without data (only its dims) also gives a shape-only
  /// weight.
  zoo::ElementType elementType = zoo::ElementType::f32;
  /// Shapes that replace those of graph inputs (by name): an input with
  /// dynamic rows or columns needs one.
  std::vector<std::pair<std::string, std::vector<int64_t>>> inputShapes;
  /// Weights of at most this many elements hold a `dense` attribute; larger
  /// ones a `dense_resource` blob (kept out of the text of the IR's body and
  /// stored raw in bytecode).
  int64_t inlineWeightsUpTo = 4096;
  /// Verify the module before returning it (the fuzz target verifies it
  /// itself, to tell an importer that builds invalid IR from an input it
  /// rejects).
  bool verifyResult = true;
};

/// Parses `NAME:1x3x640x640` (the name may hold colons: the shape follows
/// the last one) into `shape`; false when the text is not of that form.
bool parseInputShape(llvm::StringRef text, std::string &name,
                     std::vector<int64_t> &shape);

/// Imports the ONNX model serialized in `model`, whose buffer identifier
/// names the model in diagnostics. The graph takes one NCHW image of batch
/// 1 (a dynamic batch dimension reads as 1). Returns a verified module, or
/// null after emitting an error that names the node (op type and name) that
/// cannot be imported.
OwningOpRef<ModuleOp> importOnnx(llvm::MemoryBufferRef model,
                                 MLIRContext *context,
                                 const OnnxImportOptions &options = {});

/// Registers the `--import-onnx` translation and its `--element-type` and
/// `--input-shape` options with the translation driver.
void registerImportOnnxTranslation();

} // namespace mlir::cnn

#endif // CNN_TARGET_ONNX_IMPORTONNX_H
