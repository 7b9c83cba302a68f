//===- CnnOps.h - Operations and attributes of the cnn dialect --*- C++ -*-===//

#ifndef CNN_DIALECT_CNN_IR_CNNOPS_H
#define CNN_DIALECT_CNN_IR_CNNOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "cnn/Dialect/Cnn/IR/CnnDialect.h"

#include "cnn/Dialect/Cnn/IR/CnnEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "cnn/Dialect/Cnn/IR/CnnAttrs.h.inc"

#define GET_OP_CLASSES
#include "cnn/Dialect/Cnn/IR/CnnOps.h.inc"

namespace mlir::cnn {

/// True for ops of the cnn dialect that compute a feature map (every op but
/// `cnn.weight`).
bool isLayer(Operation *op);

/// The layer's `name` attribute, or an empty string.
llvm::StringRef getLayerName(Operation *op);

/// Size in bytes of one element of a supported element type (i8 -> 1,
/// i16/f16 -> 2, i32/f32 -> 4).
int64_t getElementBytes(Type elementType);

} // namespace mlir::cnn

#endif // CNN_DIALECT_CNN_IR_CNNOPS_H
