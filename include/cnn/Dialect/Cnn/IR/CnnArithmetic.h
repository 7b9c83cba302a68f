//===- CnnArithmetic.h - Scalar arithmetic of the cnn layers ----*- C++ -*-===//
//
// The element-level arithmetic of docs/Semantics.md, emitted on scalars by
// the layers themselves (CnnElementwiseLayerOpInterface) and by both
// lowerings, so that the reference and the tiled program compute alike.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_DIALECT_CNN_IR_CNNARITHMETIC_H
#define CNN_DIALECT_CNN_IR_CNNARITHMETIC_H

#include "cnn/Dialect/Cnn/IR/CnnOps.h"

#include "mlir/IR/Builders.h"

namespace mlir::cnn {

/// The right shift that requantizes an i32 accumulator of `products`
/// products back to the layer's type: `ceil(log2(products)) + 4`, capped at
/// 31 so that it stays a defined shift of an i32.
int64_t getRequantizationShift(int64_t products);

/// Emits `act(y)` on a scalar of a layer whose feature maps have
/// `elementType` (docs/Semantics.md): for a float type `y` has that type;
/// for an integer type `y` is an i32 within the type's range and the result
/// is too. `none` returns `y`.
Value createActivation(OpBuilder &b, Location loc, Value y, Activation act,
                       Type elementType);

/// Emits the end of an integer layer on a scalar i32 `y`: saturation to the
/// range of `elementType` (i8 or i16), the activation, and the truncation to
/// `elementType`. For a float `elementType` (where `y` has that type) only
/// the activation.
Value createSaturatedActivation(OpBuilder &b, Location loc, Value y,
                                Type elementType, Activation act);

/// Emits the requantization of a scalar i32 accumulator (bias included) to
/// the integer `elementType`: `arith.shrsi` by `shift`, then
/// createSaturatedActivation.
Value createRequantization(OpBuilder &b, Location loc, Value acc,
                           Type elementType, int64_t shift, Activation act);

} // namespace mlir::cnn

#endif // CNN_DIALECT_CNN_IR_CNNARITHMETIC_H
