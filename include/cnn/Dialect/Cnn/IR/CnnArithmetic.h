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

/// Emits one element of a bilinear resize (docs/Semantics.md) at output
/// row `oh` and column `ow` (index values) of an input of `inputSize` rows
/// and columns scaled by `scale`: the source coordinate of output `o` is
/// `(2o + 1 - s) / 2s` (half-pixel centres), its neighbours are clamped to
/// the input. `read(k, row, col)` returns the input element at `row` and
/// `col`, where `k` says whether `row` is the lower (0) or upper (1)
/// neighbour. Floats interpolate with weights `a / 2s`; integers in i64
/// with weights `a` and `2s - a`, divided by `4 s_h s_w` toward zero.
Value createBilinear(
    OpBuilder &b, Location loc, Type elementType, Value oh, Value ow,
    ArrayRef<int64_t> scale, ArrayRef<int64_t> inputSize,
    llvm::function_ref<Value(int rowIndex, Value row, Value col)> read);

} // namespace mlir::cnn

#endif // CNN_DIALECT_CNN_IR_CNNARITHMETIC_H
