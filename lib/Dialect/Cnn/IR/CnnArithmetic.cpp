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
  bool isInt() const { return isa<IntegerType, IndexType>(type); }
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
  // Each helper creates its operands' ops in order (C++ leaves the order
  // of evaluation of arguments open): the IR does not depend on the
  // compiler.
  Value max(Value x, double c) {
    Value k = constant(c);
    return max(x, k);
  }
  Value min(Value x, double c) {
    Value k = constant(c);
    return min(x, k);
  }
  Value clamp(Value x, double lo, double hi) { return min(max(x, lo), hi); }
  Value add(Value x, double c) {
    Value k = constant(c);
    return add(x, k);
  }
  Value mul(Value x, double c) {
    Value k = constant(c);
    return mul(x, k);
  }
  Value div(Value x, double c) {
    Value k = constant(c);
    return div(x, k);
  }
  /// c / x.
  Value divInto(double c, Value x) {
    Value k = constant(c);
    return div(k, x);
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
  Value minus = arith::NegFOp::create(f.b, f.loc, x);
  Value e = math::ExpOp::create(f.b, f.loc, minus);
  return f.divInto(1.0, f.add(e, 1.0));
}

/// tanh(x) = 1 - 2 / (exp(2x) + 1) on a float: exact at both ends, where
/// exp overflows to infinity or underflows to 0.
static Value createTanh(Scalar &f, Value x) {
  Value e = math::ExpOp::create(f.b, f.loc, f.add(x, x));
  Value q = f.divInto(2.0, f.add(e, 1.0));
  Value one = f.constant(1.0);
  return arith::SubFOp::create(f.b, f.loc, one, q);
}

/// The float activations: docs/Semantics.md, "Floating-point layers".
static Value createFloatActivation(Scalar &f, Value y, Activation act) {
  switch (act) {
  case Activation::none:
    return y;
  case Activation::relu:
    return f.max(y, 0.0);
  case Activation::relu6:
    return f.clamp(y, 0.0, 6.0);
  case Activation::hard_sigmoid:
  case Activation::hard_swish: {
    Value h = f.clamp(f.add(f.mul(y, 1.0 / 6.0), 0.5), 0.0, 1.0);
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
    return i.max(y, 0.0);
  case Activation::relu6:
    return i.clamp(y, 0, 6);
  case Activation::hard_sigmoid: {
    Value t = i.clamp(i.add(y, 3.0), 0, 6);
    return i.min(i.div(i.mul(t, one), 6.0), one - 1);
  }
  case Activation::hard_swish: {
    Value t = i.clamp(i.add(y, 3.0), 0, 6);
    return i.div(i.mul(y, t), 6.0);
  }
  case Activation::sigmoid:
  case Activation::tanh: {
    Scalar f{i.b, i.loc, i.b.getF32Type()};
    Value x = arith::SIToFPOp::create(i.b, i.loc, f.type, y);
    Value p =
        act == Activation::sigmoid ? createSigmoid(f, x) : createTanh(f, x);
    Value q = arith::FPToSIOp::create(i.b, i.loc, i.type, f.mul(p, one));
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

Value mlir::cnn::createBilinear(
    OpBuilder &b, Location loc, Type elementType, Value oh, Value ow,
    ArrayRef<int64_t> scale, ArrayRef<int64_t> inputSize,
    llvm::function_ref<Value(int rowIndex, Value row, Value col)> read) {
  // Source coordinate (o + 1/2) / s - 1/2 = (2o + 1 - s) / 2s: the lower
  // neighbour floor of it, and the numerator of the upper neighbour's
  // weight over 2s; both neighbours clamped to the input.
  Scalar ix{b, loc, b.getIndexType()};
  auto axis = [&](Value o, int64_t s, int64_t n, Value &i0, Value &i1,
                  Value &a) {
    Value t = ix.add(ix.add(o, o), double(1 - s));
    Value twoS = ix.constant(double(2 * s));
    Value lo = arith::FloorDivSIOp::create(b, loc, t, twoS);
    a = arith::SubIOp::create(b, loc, t, ix.mul(lo, double(2 * s)));
    i0 = ix.clamp(lo, 0, double(n - 1));
    i1 = ix.clamp(ix.add(lo, 1.0), 0, double(n - 1));
  };
  Value r0, r1, ar, c0, c1, ac;
  axis(oh, scale[0], inputSize[0], r0, r1, ar);
  axis(ow, scale[1], inputSize[1], c0, c1, ac);
  Value x00 = read(0, r0, c0);
  Value x01 = read(0, r0, c1);
  Value x10 = read(1, r1, c0);
  Value x11 = read(1, r1, c1);
  if (auto intType = dyn_cast<IntegerType>(elementType)) {
    // i64: (2s_h - a_r)((2s_w - a_c) x00 + a_c x01) + a_r(...), divided by
    // 4 s_h s_w rounding toward zero.
    Scalar l{b, loc, b.getI64Type()};
    auto ext = [&](Value v) -> Value {
      return arith::ExtSIOp::create(b, loc, l.type, v);
    };
    Value wr1 = arith::IndexCastOp::create(b, loc, l.type, ar);
    Value wc1 = arith::IndexCastOp::create(b, loc, l.type, ac);
    Value wr0 = l.add(l.mul(wr1, -1.0), double(2 * scale[0]));
    Value wc0 = l.add(l.mul(wc1, -1.0), double(2 * scale[1]));
    auto lerp = [&](Value x, Value y, Value w0, Value w1) -> Value {
      Value p = l.mul(w0, x);
      return l.add(p, l.mul(w1, y));
    };
    Value top = lerp(ext(x00), ext(x01), wc0, wc1);
    Value bottom = lerp(ext(x10), ext(x11), wc0, wc1);
    Value v =
        l.div(lerp(top, bottom, wr0, wr1), double(4 * scale[0] * scale[1]));
    return arith::TruncIOp::create(b, loc, intType, v);
  }
  // Floats: the weights a / 2s and 1 - a / 2s.
  Scalar f{b, loc, elementType};
  auto fraction = [&](Value a, int64_t s) -> Value {
    Value i = arith::IndexCastOp::create(b, loc, b.getI64Type(), a);
    Value v = arith::SIToFPOp::create(b, loc, elementType, i);
    return f.div(v, double(2 * s));
  };
  Value fr = fraction(ar, scale[0]);
  Value fc = fraction(ac, scale[1]);
  Value gr = f.add(f.mul(fr, -1.0), 1.0);
  Value gc = f.add(f.mul(fc, -1.0), 1.0);
  auto lerp = [&](Value x, Value y, Value w0, Value w1) -> Value {
    Value p = f.mul(w0, x);
    return f.add(p, f.mul(w1, y));
  };
  Value top = lerp(x00, x01, gc, fc);
  Value bottom = lerp(x10, x11, gc, fc);
  return lerp(top, bottom, gr, fr);
}
