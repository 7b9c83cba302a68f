//===- CnnOps.cpp - Verifiers and formats of the cnn ops --------*- C++ -*-===//
//
// Every way to get a layer wrong is caught here with a diagnostic that says
// what was expected, so passes can rely on well-formed shapes.
//
//===----------------------------------------------------------------------===//

#include "cnn/Dialect/Cnn/IR/CnnOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/CheckedArithmetic.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <optional>

using namespace mlir;
using namespace mlir::cnn;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

bool mlir::cnn::isLayer(Operation *op) {
  return op && isa<CnnLayerOpInterface>(op);
}

std::string mlir::cnn::getSsaNameHint(StringRef layerName) {
  std::string hint = layerName.str();
  for (char &c : hint)
    if (!llvm::isAlnum(c) && c != '_' && c != '.' && c != '$' && c != '-')
      c = '_';
  return hint;
}

StringRef mlir::cnn::getLayerName(Operation *op) {
  if (auto name = op->getAttrOfType<StringAttr>("name"))
    return name.getValue();
  return {};
}

int64_t mlir::cnn::getElementBytes(Type elementType) {
  unsigned bits = elementType.getIntOrFloatBitWidth();
  return (bits + 7) / 8;
}

namespace {
/// Formats a shape as `1x64x56x56`.
std::string formatShape(ArrayRef<int64_t> shape) {
  std::string s;
  llvm::raw_string_ostream os(s);
  llvm::interleave(shape, os, "x");
  return s;
}

/// The product of `factors`, or nothing when it overflows int64_t. Sizes
/// not yet known to be within the bounds of CnnOps.h are multiplied this
/// way: the dimensions of a type may be anything up to 2^63 - 1.
std::optional<int64_t> checkedProduct(ArrayRef<int64_t> factors) {
  int64_t product = 1;
  for (int64_t f : factors) {
    std::optional<int64_t> next = llvm::checkedMul(product, f);
    if (!next)
      return std::nullopt;
    product = *next;
  }
  return product;
}

/// Checks that a static tensor has no empty dimension and at most
/// kMaxTensorElements elements.
LogicalResult verifyTensorSize(Operation *op, RankedTensorType type,
                               StringRef what) {
  if (llvm::is_contained(type.getShape(), 0))
    return op->emitOpError() << "expects the " << what
                             << " to have non-empty dimensions, got " << type;
  std::optional<int64_t> elements = checkedProduct(type.getShape());
  if (!elements || *elements > kMaxTensorElements)
    return op->emitOpError()
           << "expects the " << what << " to have at most 2^"
           << llvm::Log2_64(kMaxTensorElements) << " elements, got " << type;
  return success();
}

/// Checks that `type` is a feature map: rank 4, static, batch 1, non-empty
/// and not too large. `what` names the value in the diagnostic ("input").
/// The op's type constraints have already checked the element type.
LogicalResult verifyFeatureMap(Operation *op, Type type, StringRef what) {
  auto tensor = cast<RankedTensorType>(type);
  if (tensor.getRank() != 4)
    return op->emitOpError()
           << "expects the " << what << " to be a 4-D NCHW feature map, got "
           << type;
  if (!tensor.hasStaticShape())
    return op->emitOpError() << "expects the " << what
                             << " to have a static shape, got " << type;
  if (tensor.getDimSize(0) != 1)
    return op->emitOpError() << "supports batch 1 only, but the " << what
                             << " has batch " << tensor.getDimSize(0);
  return verifyTensorSize(op, tensor, what);
}

/// Checks a static tensor of rank `rank` (a weight or bias).
LogicalResult verifyStatic(Operation *op, Type type, int64_t rank,
                           StringRef what) {
  auto tensor = cast<RankedTensorType>(type);
  if (tensor.getRank() != rank)
    return op->emitOpError() << "expects the " << what << " to have rank "
                             << rank << ", got " << type;
  if (!tensor.hasStaticShape())
    return op->emitOpError() << "expects the " << what
                             << " to have a static shape, got " << type;
  return verifyTensorSize(op, tensor, what);
}

/// Checks that the result has the shape the layer computes.
LogicalResult verifyResultShape(Operation *op, Type actual,
                                ArrayRef<int64_t> expected) {
  auto tensor = cast<RankedTensorType>(actual);
  if (tensor.getShape() != expected)
    return op->emitOpError()
           << "expects the output shape " << formatShape(expected) << ", got "
           << formatShape(tensor.getShape());
  return success();
}

LogicalResult verifySameElementType(Operation *op, Type a, Type b,
                                    StringRef whatA, StringRef whatB) {
  Type ea = cast<ShapedType>(a).getElementType();
  Type eb = cast<ShapedType>(b).getElementType();
  if (ea != eb)
    return op->emitOpError() << "expects the " << whatB
                             << " to have the element type of the " << whatA
                             << " (" << ea << "), got " << eb;
  return success();
}

/// Checks an array attribute of `size` entries, each in
/// [`minValue`, kMaxWindowParameter].
LogicalResult verifyArray(Operation *op, ArrayRef<int64_t> values,
                          StringRef name, size_t size, int64_t minValue,
                          StringRef meaning) {
  if (values.size() != size)
    return op->emitOpError() << "expects '" << name << "' to have " << size
                             << " entries (" << meaning << "), got "
                             << values.size();
  for (int64_t v : values) {
    if (v < minValue)
      return op->emitOpError()
             << "expects every entry of '" << name << "' to be >= " << minValue
             << ", got " << v;
    if (v > kMaxWindowParameter)
      return op->emitOpError()
             << "expects every entry of '" << name << "' to be at most 2^"
             << llvm::Log2_64(kMaxWindowParameter) << ", got " << v;
  }
  return success();
}

LogicalResult verifyWindowAttrs(Operation *op, ArrayRef<int64_t> strides,
                                ArrayRef<int64_t> padding) {
  if (failed(verifyArray(op, strides, "strides", 2, 1, "rows, columns")))
    return failure();
  return verifyArray(op, padding, "padding", 4, 0,
                     "top, bottom, left, right");
}

/// Output size of a sliding window along one dimension, or a diagnostic
/// when the window does not fit in the padded input. The operands are
/// bounded by the checks above, so nothing here overflows.
FailureOr<int64_t> windowOutputSize(Operation *op, int64_t in, int64_t padLo,
                                    int64_t padHi, int64_t window,
                                    int64_t stride, StringRef dim) {
  int64_t padded = in + padLo + padHi;
  if (window > padded) {
    op->emitOpError() << "has a window of " << window << " " << dim
                      << " larger than the padded input (" << padded << " "
                      << dim << ")";
    return failure();
  }
  return (padded - window) / stride + 1;
}

/// Checks an optional bias against `channels` output channels.
LogicalResult verifyBias(Operation *op, Value bias, Type inputType,
                         int64_t channels) {
  if (!bias)
    return success();
  if (failed(verifyStatic(op, bias.getType(), 1, "bias")))
    return failure();
  auto biasType = cast<RankedTensorType>(bias.getType());
  if (biasType.getDimSize(0) != channels)
    return op->emitOpError() << "expects a bias of " << channels
                             << " elements (one per output channel), got "
                             << biasType.getDimSize(0);
  Type elem = cast<ShapedType>(inputType).getElementType();
  Type biasElem = biasType.getElementType();
  bool ok =
      biasElem == elem || (isa<IntegerType>(elem) && biasElem.isInteger(32));
  if (!ok)
    return op->emitOpError() << "expects the bias element type to be " << elem
                             << (isa<IntegerType>(elem) ? " or i32" : "")
                             << ", got " << biasElem;
  return success();
}

/// Checks that a layer's multiply-accumulates, the product of `factors`
/// (spelled out in `formula`), stay within kMaxLayerMacs.
LogicalResult verifyMacs(Operation *op, ArrayRef<int64_t> factors,
                         StringRef formula) {
  std::optional<int64_t> macs = checkedProduct(factors);
  if (macs && *macs <= kMaxLayerMacs)
    return success();
  InFlightDiagnostic diag = op->emitOpError();
  diag << "expects at most 2^" << llvm::Log2_64(kMaxLayerMacs)
       << " multiply-accumulates (" << formula << "), got ";
  if (macs)
    diag << *macs;
  else
    diag << "2^63 or more";
  return diag;
}
} // namespace

//===----------------------------------------------------------------------===//
// WeightOp
//===----------------------------------------------------------------------===//

LogicalResult WeightOp::verify() {
  auto type = cast<RankedTensorType>(getResult().getType());
  if (!type.hasStaticShape())
    return emitOpError() << "expects a static shape, got " << type;
  if (failed(verifyTensorSize(*this, type, "weight")))
    return failure();
  Type elem = type.getElementType();
  if (!(elem.isInteger(8) || elem.isInteger(16) || elem.isInteger(32) ||
        elem.isF16() || elem.isF32()))
    return emitOpError()
           << "expects element type i8, i16, i32, f16 or f32, got " << elem;
  if (auto value = getValueAttr())
    if (value.getType() != type)
      return emitOpError() << "holds values of type " << value.getType()
                           << " but its result type is " << type;
  if (auto compression =
          (*this)->getAttrOfType<CompressionAttr>("cnn.compression")) {
    int64_t channels = type.getRank() ? type.getDimSize(0) : 1;
    if (!compression.getChannels().empty() &&
        static_cast<int64_t>(compression.getChannels().size()) != channels)
      return emitOpError() << "has a cnn.compression with "
                           << compression.getChannels().size()
                           << " channel sizes for " << channels
                           << " output channels";
  }
  return success();
}

DenseElementsAttr WeightOp::getDenseValue() {
  ElementsAttr value = getValueAttr();
  return value ? readDenseElements(value) : DenseElementsAttr();
}

//===----------------------------------------------------------------------===//
// Conv2DOp
//===----------------------------------------------------------------------===//

bool Conv2DOp::isDepthwise() {
  auto in = cast<RankedTensorType>(getInput().getType());
  int64_t groups = getGroups();
  return groups > 1 && groups == in.getDimSize(1);
}

LogicalResult Conv2DOp::verify() {
  Operation *op = getOperation();
  if (failed(verifyFeatureMap(op, getInput().getType(), "input")) ||
      failed(verifyFeatureMap(op, getOutput().getType(), "output")) ||
      failed(verifyStatic(op, getWeight().getType(), 4, "weight (MxC/GxRxS)")))
    return failure();
  if (failed(verifySameElementType(op, getInput().getType(),
                                   getWeight().getType(), "input", "weight")) ||
      failed(verifySameElementType(op, getInput().getType(),
                                   getOutput().getType(), "input", "output")))
    return failure();
  if (failed(verifyWindowAttrs(op, getStrides(), getPadding())) ||
      failed(verifyArray(op, getDilation(), "dilation", 2, 1,
                         "rows, columns")))
    return failure();

  auto in = cast<RankedTensorType>(getInput().getType());
  auto w = cast<RankedTensorType>(getWeight().getType());
  int64_t c = in.getDimSize(1), h = in.getDimSize(2), wd = in.getDimSize(3);
  int64_t m = w.getDimSize(0), r = w.getDimSize(2), s = w.getDimSize(3);
  int64_t groups = getGroups();
  if (groups < 1)
    return emitOpError() << "expects 'groups' >= 1, got " << groups;
  if (c % groups != 0)
    return emitOpError() << "has " << c
                         << " input channels, not divisible by groups = "
                         << groups;
  if (m % groups != 0)
    return emitOpError() << "has " << m
                         << " output channels, not divisible by groups = "
                         << groups;
  if (w.getDimSize(1) != c / groups)
    return emitOpError() << "expects weight dimension 1 to be input channels / "
                            "groups = "
                         << c / groups << ", got " << w.getDimSize(1);
  if (failed(verifyBias(op, getBias(), in, m)))
    return failure();

  // Kernel sizes are below 2^40 and dilations below 2^20: no overflow.
  ArrayRef<int64_t> st = getStrides(), pad = getPadding(), dil = getDilation();
  FailureOr<int64_t> e = windowOutputSize(op, h, pad[0], pad[1],
                                          (r - 1) * dil[0] + 1, st[0], "rows");
  if (failed(e))
    return failure();
  FailureOr<int64_t> f = windowOutputSize(
      op, wd, pad[2], pad[3], (s - 1) * dil[1] + 1, st[1], "columns");
  if (failed(f))
    return failure();
  if (failed(verifyResultShape(op, getOutput().getType(), {1, m, *e, *f})))
    return failure();
  return verifyMacs(op, {m, *e, *f, c / groups, r, s}, "M*E*F*C/groups*R*S");
}

//===----------------------------------------------------------------------===//
// FullyConnectedOp
//===----------------------------------------------------------------------===//

LogicalResult FullyConnectedOp::verify() {
  Operation *op = getOperation();
  if (failed(verifyFeatureMap(op, getInput().getType(), "input")) ||
      failed(verifyFeatureMap(op, getOutput().getType(), "output")) ||
      failed(verifyStatic(op, getWeight().getType(), 2, "weight (MxK)")))
    return failure();
  if (failed(verifySameElementType(op, getInput().getType(),
                                   getWeight().getType(), "input", "weight")) ||
      failed(verifySameElementType(op, getInput().getType(),
                                   getOutput().getType(), "input", "output")))
    return failure();
  // The input has at most kMaxTensorElements elements, so K fits, and the
  // MACs (M*K) are the weight's elements, bounded likewise.
  auto in = cast<RankedTensorType>(getInput().getType());
  auto w = cast<RankedTensorType>(getWeight().getType());
  int64_t k = in.getDimSize(1) * in.getDimSize(2) * in.getDimSize(3);
  if (w.getDimSize(1) != k)
    return emitOpError() << "expects weight dimension 1 to be the flattened "
                            "input size C*H*W = "
                         << k << ", got " << w.getDimSize(1);
  int64_t m = w.getDimSize(0);
  if (failed(verifyBias(op, getBias(), in, m)))
    return failure();
  return verifyResultShape(op, getOutput().getType(), {1, m, 1, 1});
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

template <typename PoolOp>
static LogicalResult verifyPool(PoolOp pool) {
  Operation *op = pool.getOperation();
  if (failed(verifyFeatureMap(op, pool.getInput().getType(), "input")) ||
      failed(verifyFeatureMap(op, pool.getOutput().getType(), "output")) ||
      failed(verifySameElementType(op, pool.getInput().getType(),
                                   pool.getOutput().getType(), "input",
                                   "output")))
    return failure();
  if (failed(verifyArray(op, pool.getKernel(), "kernel", 2, 1,
                         "rows, columns")) ||
      failed(verifyWindowAttrs(op, pool.getStrides(), pool.getPadding())))
    return failure();
  ArrayRef<int64_t> k = pool.getKernel(), st = pool.getStrides(),
                    pad = pool.getPadding();
  // A window of padding only would have no maximum and an empty average.
  if (pad[0] >= k[0] || pad[1] >= k[0] || pad[2] >= k[1] || pad[3] >= k[1])
    return pool.emitOpError()
           << "expects padding smaller than the window (" << k[0] << "x"
           << k[1] << "), so that no window holds only padding; got padding ["
           << pad << "]";
  auto in = cast<RankedTensorType>(pool.getInput().getType());
  FailureOr<int64_t> e = windowOutputSize(op, in.getDimSize(2), pad[0], pad[1],
                                          k[0], st[0], "rows");
  if (failed(e))
    return failure();
  FailureOr<int64_t> f = windowOutputSize(op, in.getDimSize(3), pad[2], pad[3],
                                          k[1], st[1], "columns");
  if (failed(f))
    return failure();
  return verifyResultShape(op, pool.getOutput().getType(),
                           {1, in.getDimSize(1), *e, *f});
}

LogicalResult MaxPoolOp::verify() { return verifyPool(*this); }
LogicalResult AvgPoolOp::verify() { return verifyPool(*this); }

LogicalResult GlobalAvgPoolOp::verify() {
  Operation *op = getOperation();
  if (failed(verifyFeatureMap(op, getInput().getType(), "input")) ||
      failed(verifyFeatureMap(op, getOutput().getType(), "output")) ||
      failed(verifySameElementType(op, getInput().getType(),
                                   getOutput().getType(), "input", "output")))
    return failure();
  auto in = cast<RankedTensorType>(getInput().getType());
  return verifyResultShape(op, getOutput().getType(),
                           {1, in.getDimSize(1), 1, 1});
}

//===----------------------------------------------------------------------===//
// Element-wise and structural layers
//===----------------------------------------------------------------------===//

// SameOperandsAndResultType has checked the operands against the output.

LogicalResult AddOp::verify() {
  return verifyFeatureMap(getOperation(), getOutput().getType(), "output");
}

LogicalResult ActivationOp::verify() {
  if (failed(verifyFeatureMap(getOperation(), getOutput().getType(), "output")))
    return failure();
  if (getKind() == Activation::none)
    return emitOpError() << "expects an activation kind other than 'none' "
                            "(relu, relu6, hard_sigmoid, hard_swish, sigmoid "
                            "or tanh), got 'none'";
  return success();
}

/// Checks a binary layer whose rhs has the type of lhs or one value per
/// channel, and whose result has the type of lhs.
static LogicalResult verifyChannelBroadcast(Operation *op, Value lhsValue,
                                            Value rhsValue, Value output,
                                            StringRef meaning) {
  if (failed(verifyFeatureMap(op, lhsValue.getType(), "lhs")) ||
      failed(verifyFeatureMap(op, rhsValue.getType(), "rhs")) ||
      failed(verifySameElementType(op, lhsValue.getType(), rhsValue.getType(),
                                   "lhs", "rhs")))
    return failure();
  auto lhs = cast<RankedTensorType>(lhsValue.getType());
  auto rhs = cast<RankedTensorType>(rhsValue.getType());
  int64_t c = lhs.getDimSize(1);
  if (rhs != lhs && rhs.getShape() != ArrayRef<int64_t>{1, c, 1, 1})
    return op->emitOpError() << "expects rhs of the shape of lhs ("
                             << formatShape(lhs.getShape()) << ") or of one "
                             << meaning << " per channel (1x" << c
                             << "x1x1), got " << formatShape(rhs.getShape());
  if (output.getType() != lhs)
    return op->emitOpError()
           << "expects the result type to be the type of lhs, " << lhs
           << ", got " << output.getType();
  return success();
}

LogicalResult SubOp::verify() {
  return verifyChannelBroadcast(getOperation(), getLhs(), getRhs(),
                                getOutput(), "value");
}

LogicalResult MulOp::verify() {
  return verifyChannelBroadcast(getOperation(), getLhs(), getRhs(),
                                getOutput(), "factor");
}

LogicalResult PReluOp::verify() {
  Operation *op = getOperation();
  if (failed(verifyFeatureMap(op, getInput().getType(), "input")) ||
      failed(verifyFeatureMap(op, getSlope().getType(), "slope")) ||
      failed(verifySameElementType(op, getInput().getType(),
                                   getSlope().getType(), "input", "slope")))
    return failure();
  auto in = cast<RankedTensorType>(getInput().getType());
  auto slope = cast<RankedTensorType>(getSlope().getType());
  int64_t c = in.getDimSize(1);
  if (slope.getShape() != ArrayRef<int64_t>{1, c, 1, 1})
    return emitOpError() << "expects one slope per channel (1x" << c
                         << "x1x1), got " << formatShape(slope.getShape());
  if (getOutput().getType() != in)
    return emitOpError() << "expects the result type to be the input's, "
                         << in << ", got " << getOutput().getType();
  return success();
}

LogicalResult SoftmaxOp::verify() {
  return verifyFeatureMap(getOperation(), getOutput().getType(), "output");
}

LogicalResult ConcatOp::verify() {
  Operation *op = getOperation();
  if (getInputs().empty())
    return emitOpError() << "expects at least one input, got none";
  if (failed(verifyFeatureMap(op, getOutput().getType(), "output")))
    return failure();
  int64_t channels = 0;
  auto first = cast<RankedTensorType>(getInputs().front().getType());
  for (auto [i, v] : llvm::enumerate(getInputs())) {
    if (failed(verifyFeatureMap(op, v.getType(),
                                "input #" + std::to_string(i))))
      return failure();
    auto t = cast<RankedTensorType>(v.getType());
    if (t.getElementType() != first.getElementType())
      return emitOpError() << "expects all inputs to have element type "
                           << first.getElementType() << ", but input #" << i
                           << " has " << t.getElementType();
    if (t.getDimSize(2) != first.getDimSize(2) ||
        t.getDimSize(3) != first.getDimSize(3))
      return emitOpError()
             << "concatenates channels only: every input must have "
             << first.getDimSize(2) << "x" << first.getDimSize(3)
             << " rows x columns, but input #" << i << " has "
             << t.getDimSize(2) << "x" << t.getDimSize(3);
    // Stopping at the bound keeps the sum far from overflow however many
    // inputs there are; no valid output has more channels anyway.
    channels += t.getDimSize(1);
    if (channels > kMaxTensorElements)
      return emitOpError() << "expects at most 2^"
                           << llvm::Log2_64(kMaxTensorElements)
                           << " channels in all, but inputs #0 to #" << i
                           << " have " << channels;
  }
  if (failed(verifySameElementType(op, first, getOutput().getType(), "inputs",
                                   "output")))
    return failure();
  return verifyResultShape(
      op, getOutput().getType(),
      {1, channels, first.getDimSize(2), first.getDimSize(3)});
}

LogicalResult PadOp::verify() {
  Operation *op = getOperation();
  if (failed(verifyFeatureMap(op, getInput().getType(), "input")) ||
      failed(verifyFeatureMap(op, getOutput().getType(), "output")) ||
      failed(verifySameElementType(op, getInput().getType(),
                                   getOutput().getType(), "input", "output")) ||
      failed(verifyArray(op, getPadding(), "padding", 4, 0,
                         "top, bottom, left, right")))
    return failure();
  auto in = cast<RankedTensorType>(getInput().getType());
  // An integer feature map can only hold an integer of its width; signless
  // types may be read as signed or unsigned, so both ranges are accepted.
  if (auto intType = dyn_cast<IntegerType>(in.getElementType())) {
    unsigned bits = intType.getWidth();
    double value = getValue().convertToDouble();
    double lo = -std::ldexp(1.0, bits - 1), hi = std::ldexp(1.0, bits) - 1;
    if (!(value >= lo && value <= hi && value == std::trunc(value))) {
      SmallString<16> text;
      getValue().toString(text);
      return emitOpError() << "expects a pad value that " << intType
                           << " can hold, an integer in [" << int64_t(lo)
                           << ", " << int64_t(hi) << "], got " << text;
    }
  }
  ArrayRef<int64_t> p = getPadding();
  return verifyResultShape(op, getOutput().getType(),
                           {1, in.getDimSize(1), in.getDimSize(2) + p[0] + p[1],
                            in.getDimSize(3) + p[2] + p[3]});
}

LogicalResult DepthToSpaceOp::verify() {
  Operation *op = getOperation();
  if (failed(verifyFeatureMap(op, getInput().getType(), "input")) ||
      failed(verifyFeatureMap(op, getOutput().getType(), "output")) ||
      failed(verifySameElementType(op, getInput().getType(),
                                   getOutput().getType(), "input", "output")))
    return failure();
  int64_t b = getBlock();
  if (b < 1 || b > 1024)
    return emitOpError() << "expects a block in [1, 1024], got " << b;
  auto in = cast<RankedTensorType>(getInput().getType());
  int64_t c = in.getDimSize(1);
  if (c % (b * b) != 0)
    return emitOpError() << "expects input channels divisible by block * "
                            "block = "
                         << b * b << ", got " << c;
  return verifyResultShape(op, getOutput().getType(),
                           {1, c / (b * b), in.getDimSize(2) * b,
                            in.getDimSize(3) * b});
}

LogicalResult SelectChannelsOp::verify() {
  Operation *op = getOperation();
  if (failed(verifyFeatureMap(op, getInput().getType(), "input")) ||
      failed(verifyFeatureMap(op, getOutput().getType(), "output")) ||
      failed(verifySameElementType(op, getInput().getType(),
                                   getOutput().getType(), "input", "output")))
    return failure();
  auto in = cast<RankedTensorType>(getInput().getType());
  int64_t c = in.getDimSize(1);
  ArrayRef<int64_t> channels = getChannels();
  if (channels.empty())
    return emitOpError() << "expects at least one channel to select, got none";
  for (auto [k, ch] : llvm::enumerate(channels))
    if (ch < 0 || ch >= c)
      return emitOpError() << "expects every selected channel to be in [0, "
                           << c << "), but output channel " << k
                           << " selects " << ch;
  return verifyResultShape(op, getOutput().getType(),
                           {1, static_cast<int64_t>(channels.size()),
                            in.getDimSize(2), in.getDimSize(3)});
}

LogicalResult ResizeOp::verify() {
  Operation *op = getOperation();
  if (failed(verifyFeatureMap(op, getInput().getType(), "input")) ||
      failed(verifyFeatureMap(op, getOutput().getType(), "output")) ||
      failed(verifySameElementType(op, getInput().getType(),
                                   getOutput().getType(), "input", "output")) ||
      failed(verifyArray(op, getScale(), "scale", 2, 1, "rows, columns")))
    return failure();
  // Rows are below 2^40 and scales below 2^20: the product fits.
  auto in = cast<RankedTensorType>(getInput().getType());
  ArrayRef<int64_t> sc = getScale();
  return verifyResultShape(op, getOutput().getType(),
                           {1, in.getDimSize(1), in.getDimSize(2) * sc[0],
                            in.getDimSize(3) * sc[1]});
}

#define GET_OP_CLASSES
#include "cnn/Dialect/Cnn/IR/CnnOps.cpp.inc"
