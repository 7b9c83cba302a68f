//===- CnnArithmetic.cpp - Scalar arithmetic of the cnn layers --*- C++ -*-===//

#include "cnn/Dialect/Cnn/IR/CnnArithmetic.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace mlir::cnn;

int64_t mlir::cnn::getRequantizationShift(int64_t products) {
  return std::min<int64_t>(llvm::Log2_64_Ceil(products) + 4, 31);
}

namespace {
/// Emits scalar constants and arithmetic of one type, integer (i32) or
/// float, for the activations.
struct Scalar {
  OpBuilder &b;
  Location loc;
  Type type;
  bool isInt() const { return isa<IntegerType>(type); }
  Value constant(double v) {
    if (isInt())
      return arith::ConstantOp::create(
          b, loc, b.getIntegerAttr(type, static_cast<int64_t>(v)));
    return arith::ConstantOp::create(b, loc, b.getFloatAttr(type, v));
  }
  Value max(Value x, Value y) {
    return isInt() ? Value(arith::MaxSIOp::create(b, loc, x, y))
                   : Value(arith::MaximumFOp::create(b, loc, x, y));
  }
  Value min(Value x, Value y) {
    return isInt() ? Value(arith::MinSIOp::create(b, loc, x, y))
                   : Value(arith::MinimumFOp::create(b, loc, x, y));
  }
  Value clamp(Value x, double lo, double hi) {
    return min(max(x, constant(lo)), constant(hi));
  }
  Value add(Value x, Value y) {
    return isInt() ? Value(arith::AddIOp::create(b, loc, x, y))
                   : Value(arith::AddFOp::create(b, loc, x, y));
  }
  Value mul(Value x, Value y) {
    return isInt() ? Value(arith::MulIOp::create(b, loc, x, y))
                   : Value(arith::MulFOp::create(b, loc, x, y));
  }
  Value div(Value x, Value y) {
    return isInt() ? Value(arith::DivSIOp::create(b, loc, x, y))
                   : Value(arith::DivFOp::create(b, loc, x, y));
  }
};
} // namespace

/// 1 / (1 + exp(-x)) on a float.
static Value createSigmoid(Scalar &f, Value x) {
  Value e =
      math::ExpOp::create(f.b, f.loc, arith::NegFOp::create(f.b, f.loc, x));
  return f.div(f.constant(1.0), f.add(f.constant(1.0), e));
}

/// tanh(x) = 1 - 2 / (exp(2x) + 1) on a float: exact at both ends, where
/// exp overflows to infinity or underflows to 0.
static Value createTanh(Scalar &f, Value x) {
  Value e = math::ExpOp::create(f.b, f.loc, f.add(x, x));
  Value q = f.div(f.constant(2.0), f.add(e, f.constant(1.0)));
  return arith::SubFOp::create(f.b, f.loc, f.constant(1.0), q);
}

/// The float activations: docs/Semantics.md, "Floating-point layers".
static Value createFloatActivation(Scalar &f, Value y, Activation act) {
  switch (act) {
  case Activation::none:
    return y;
  case Activation::relu:
    return f.max(y, f.constant(0.0));
  case Activation::relu6:
    return f.clamp(y, 0.0, 6.0);
  case Activation::hard_sigmoid:
  case Activation::hard_swish: {
    Value h = f.clamp(f.add(f.mul(y, f.constant(1.0 / 6.0)), f.constant(0.5)),
                      0.0, 1.0);
    return act == Activation::hard_swish ? f.mul(y, h) : h;
  }
  case Activation::sigmoid:
    return createSigmoid(f, y);
  case Activation::tanh:
    return createTanh(f, y);
  }
  llvm_unreachable("unknown activation");
}

/// The integer activations on an i32 `y` within the range of a `width`-bit
/// type: docs/Semantics.md, "Integer layers". The curves that end in [0, 1]
/// or [-1, 1] give fixed-point fractions of `one = 2^(width-1)`, the form
/// of cnn.mul's factors.
static Value createIntActivation(Scalar &i, Value y, Activation act,
                                 unsigned width) {
  double one = static_cast<double>(int64_t(1) << (width - 1));
  switch (act) {
  case Activation::none:
    return y;
  case Activation::relu:
    return i.max(y, i.constant(0));
  case Activation::relu6:
    return i.clamp(y, 0, 6);
  case Activation::hard_sigmoid: {
    Value t = i.clamp(i.add(y, i.constant(3)), 0, 6);
    return i.min(i.div(i.mul(t, i.constant(one)), i.constant(6)),
                 i.constant(one - 1));
  }
  case Activation::hard_swish: {
    Value t = i.clamp(i.add(y, i.constant(3)), 0, 6);
    return i.div(i.mul(y, t), i.constant(6));
  }
  case Activation::sigmoid:
  case Activation::tanh: {
    Scalar f{i.b, i.loc, i.b.getF32Type()};
    Value x = arith::SIToFPOp::create(i.b, i.loc, f.type, y);
    Value p =
        act == Activation::sigmoid ? createSigmoid(f, x) : createTanh(f, x);
    Value q =
        arith::FPToSIOp::create(i.b, i.loc, i.type, f.mul(p, f.constant(one)));
    return i.clamp(q, act == Activation::sigmoid ? 0 : -one, one - 1);
  }
  }
  llvm_unreachable("unknown activation");
}

Value mlir::cnn::createActivation(OpBuilder &b, Location loc, Value y,
                                  Activation act, Type elementType) {
  Scalar s{b, loc, y.getType()};
  if (auto intType = dyn_cast<IntegerType>(elementType))
    return createIntActivation(s, y, act, intType.getWidth());
  return createFloatActivation(s, y, act);
}

Value mlir::cnn::createSaturatedActivation(OpBuilder &b, Location loc, Value y,
                                           Type elementType, Activation act) {
  auto intType = dyn_cast<IntegerType>(elementType);
  if (!intType)
    return createActivation(b, loc, y, act, elementType);
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
  y = createActivation(b, loc, y, act, elementType);
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
