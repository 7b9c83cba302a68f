//===- CnnArithmetic.cpp - Scalar arithmetic of the cnn layers --*- C++ -*-===//

#include "cnn/Dialect/Cnn/IR/CnnArithmetic.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace mlir::cnn;

int64_t mlir::cnn::getRequantizationShift(int64_t products) {
  return std::min<int64_t>(llvm::Log2_64_Ceil(products) + 4, 31);
}

Value mlir::cnn::createActivation(OpBuilder &b, Location loc, Value y,
                                  Activation act) {
  if (act == Activation::none)
    return y;
  Type type = y.getType();
  bool isInt = isa<IntegerType>(type);
  auto constant = [&](int64_t v) -> Value {
    TypedAttr attr = isInt ? TypedAttr(b.getIntegerAttr(type, v))
                           : TypedAttr(b.getFloatAttr(type, double(v)));
    return arith::ConstantOp::create(b, loc, attr);
  };
  Value zero = constant(0);
  y = isInt ? Value(arith::MaxSIOp::create(b, loc, y, zero))
            : Value(arith::MaximumFOp::create(b, loc, y, zero));
  if (act == Activation::relu6) {
    Value six = constant(6);
    y = isInt ? Value(arith::MinSIOp::create(b, loc, y, six))
              : Value(arith::MinimumFOp::create(b, loc, y, six));
  }
  return y;
}

Value mlir::cnn::createSaturatedActivation(OpBuilder &b, Location loc, Value y,
                                           Type elementType, Activation act) {
  auto intType = dyn_cast<IntegerType>(elementType);
  if (!intType)
    return createActivation(b, loc, y, act);
  Type i32 = y.getType();
  unsigned width = intType.getWidth();
  Value lowest = arith::ConstantOp::create(
      b, loc,
      b.getIntegerAttr(i32, APInt::getSignedMinValue(width).getSExtValue()));
  Value highest = arith::ConstantOp::create(
      b, loc,
      b.getIntegerAttr(i32, APInt::getSignedMaxValue(width).getSExtValue()));
  y = arith::MaxSIOp::create(b, loc, y, lowest);
  y = arith::MinSIOp::create(b, loc, y, highest);
  y = createActivation(b, loc, y, act);
  return arith::TruncIOp::create(b, loc, elementType, y);
}

Value mlir::cnn::createRequantization(OpBuilder &b, Location loc, Value acc,
                                      Type elementType, int64_t shift,
                                      Activation act) {
  Value amount =
      arith::ConstantOp::create(b, loc, b.getIntegerAttr(acc.getType(), shift));
  Value y = arith::ShRSIOp::create(b, loc, acc, amount);
  return createSaturatedActivation(b, loc, y, elementType, act);
}
