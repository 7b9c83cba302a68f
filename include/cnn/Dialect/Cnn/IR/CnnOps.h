//===- CnnOps.h - Operations and attributes of the cnn dialect --*- C++ -*-===//

#ifndef CNN_DIALECT_CNN_IR_CNNOPS_H
#define CNN_DIALECT_CNN_IR_CNNOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "cnn/Dialect/Cnn/IR/CnnDialect.h"

#include "cnn/Dialect/Cnn/IR/CnnEnums.h.inc"

namespace mlir::cnn {
/// Parameters of cnn attributes that upstream has no field parser for.
FailureOr<llvm::APFloat> parseRealParameter(AsmParser &parser);
void printRealParameter(AsmPrinter &printer, const llvm::APFloat &value);
FailureOr<bool> parseBoolParameter(AsmParser &parser);
} // namespace mlir::cnn

#define GET_ATTRDEF_CLASSES
#include "cnn/Dialect/Cnn/IR/CnnAttrs.h.inc"

#include "cnn/Analysis/LayerInfo.h"

namespace mlir::cnn {
/// How a window layer reduces a window of its input into one output
/// element (CnnWindowLayerOpInterface).
enum class WindowReduction {
  /// Products of the input and the weights summed into an accumulator.
  MultiplyAccumulate,
  /// The largest element.
  Max,
  /// The sum of the elements divided by their count.
  Average,
};

/// Output channels `outStart + k * outStep` of a copy layer, at block
/// position (blockRow, blockCol), are input channels `inStart + k * inStep`,
/// for k in [0, count) (CnnCopyLayerOpInterface).
struct ChannelCopy {
  int64_t outStart = 0, outStep = 1;
  int64_t inStart = 0, inStep = 1;
  int64_t count = 0;
  int64_t blockRow = 0, blockCol = 0;
};
} // namespace mlir::cnn

#include "cnn/Dialect/Cnn/IR/CnnInterfaces.h.inc"

#define GET_OP_CLASSES
#include "cnn/Dialect/Cnn/IR/CnnOps.h.inc"

namespace mlir::cnn {

/// The SSA name a layer name prints as: characters that are not allowed in
/// an SSA name ("inception_3a/1x1") become '_'.
std::string getSsaNameHint(llvm::StringRef layerName);

/// Bounds the verifiers enforce, so that sizes, byte counts and MAC counts
/// derived from verified IR fit in int64_t without checks downstream.
/// Largest number of elements of a feature map, weight or bias (1 TiB of i8).
constexpr int64_t kMaxTensorElements = int64_t(1) << 40;
/// Largest stride, padding, dilation, pooling window or resize scale.
constexpr int64_t kMaxWindowParameter = int64_t(1) << 20;
/// Largest number of multiply-accumulates of one layer; a network of up to
/// 2^13 such layers still sums within int64_t.
constexpr int64_t kMaxLayerMacs = int64_t(1) << 50;

/// True for the layers: the ops that compute a feature map from feature maps.
/// False for `cnn.weight`, `cnn.fusion_group` and `cnn.yield`, so that a walk
/// over layers sees each layer once, inside a group or not.
bool isLayer(Operation *op);

/// The layer's `name` attribute, or an empty string.
llvm::StringRef getLayerName(Operation *op);

/// Size in bytes of one element of a supported element type (i8 -> 1,
/// i16/f16 -> 2, i32/f32 -> 4).
int64_t getElementBytes(Type elementType);

/// The values of an elements attribute as a `dense` attribute: `attr`
/// itself, or a `dense_resource` blob's bytes read as one; null when the
/// resource holds no blob (elided) or the blob's size does not match the
/// type.
DenseElementsAttr readDenseElements(ElementsAttr attr);

} // namespace mlir::cnn

#endif // CNN_DIALECT_CNN_IR_CNNOPS_H
