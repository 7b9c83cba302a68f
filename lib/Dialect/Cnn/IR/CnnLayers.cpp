//===- CnnLayers.cpp - The cnn layers' CnnLayerOpInterface ------*- C++ -*-===//
//
// How each layer describes itself to the cost model and, for element-wise
// layers, how it computes one element. Passes ask these methods and never
// switch on a layer's class.
//
//===----------------------------------------------------------------------===//

#include "cnn/Dialect/Cnn/IR/CnnArithmetic.h"
#include "cnn/Dialect/Cnn/IR/CnnOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;
using namespace mlir::cnn;

#include "cnn/Dialect/Cnn/IR/CnnInterfaces.cpp.inc"

/// The op's mnemonic: the kind reports show.
static std::string kindOf(Operation *op) {
  return op->getName().stripDialect().str();
}

static void setWindow(LayerInfo &info, ArrayRef<int64_t> kernel,
                      ArrayRef<int64_t> strides, ArrayRef<int64_t> padding) {
  info.kernelH = kernel[0];
  info.kernelW = kernel[1];
  info.strideH = strides[0];
  info.strideW = strides[1];
  info.padTop = padding[0];
  info.padBottom = padding[1];
  info.padLeft = padding[2];
  info.padRight = padding[3];
}

//===----------------------------------------------------------------------===//
// Convolution and fully connected
//===----------------------------------------------------------------------===//

SmallVector<Value> Conv2DOp::getFeatureMaps() { return {getInput()}; }
Value Conv2DOp::getLayerWeight() { return getWeight(); }
Value Conv2DOp::getLayerBias() { return getBias(); }
Activation Conv2DOp::getFusedActivation() { return getActivation(); }

WindowReduction Conv2DOp::getWindowReduction() {
  return WindowReduction::MultiplyAccumulate;
}

void Conv2DOp::describe(LayerInfo &info) {
  auto w = cast<RankedTensorType>(getWeight().getType());
  setWindow(info, {w.getDimSize(2), w.getDimSize(3)}, getStrides(),
            getPadding());
  info.dilationH = getDilation()[0];
  info.dilationW = getDilation()[1];
  info.groups = getGroups();
  describeConvolution(info, kindOf(*this));
}

SmallVector<Value> FullyConnectedOp::getFeatureMaps() { return {getInput()}; }
Value FullyConnectedOp::getLayerWeight() { return getWeight(); }
Value FullyConnectedOp::getLayerBias() { return getBias(); }
Activation FullyConnectedOp::getFusedActivation() { return getActivation(); }

WindowReduction FullyConnectedOp::getWindowReduction() {
  return WindowReduction::MultiplyAccumulate;
}

void FullyConnectedOp::describe(LayerInfo &info) {
  describeDense(info, kindOf(*this));
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

WindowReduction MaxPoolOp::getWindowReduction() { return WindowReduction::Max; }
WindowReduction AvgPoolOp::getWindowReduction() {
  return WindowReduction::Average;
}
WindowReduction GlobalAvgPoolOp::getWindowReduction() {
  return WindowReduction::Average;
}

void MaxPoolOp::describe(LayerInfo &info) {
  setWindow(info, getKernel(), getStrides(), getPadding());
  describePool(info, kindOf(*this));
}

void AvgPoolOp::describe(LayerInfo &info) {
  setWindow(info, getKernel(), getStrides(), getPadding());
  describePool(info, kindOf(*this));
}

void GlobalAvgPoolOp::describe(LayerInfo &info) {
  describeChannelReduce(info, kindOf(*this));
}

//===----------------------------------------------------------------------===//
// Element-wise layers
//===----------------------------------------------------------------------===//

Activation AddOp::getFusedActivation() { return getActivation(); }

/// A binary element: for floats `act(FloatOp(a, b))`; for integers the i32
/// `IntOp` of the sign-extended operands, shifted right by `shift` when it
/// is positive, saturated to the type, then the activation.
template <typename IntOp, typename FloatOp>
static Value buildBinaryElement(OpBuilder &b, Location loc, ValueRange operands,
                                Type elementType, int64_t shift,
                                Activation act) {
  if (!isa<IntegerType>(elementType))
    return createActivation(b, loc,
                            FloatOp::create(b, loc, operands[0], operands[1]),
                            act, elementType);
  Type i32 = b.getI32Type();
  Value lhs = arith::ExtSIOp::create(b, loc, i32, operands[0]);
  Value rhs = arith::ExtSIOp::create(b, loc, i32, operands[1]);
  Value y = IntOp::create(b, loc, lhs, rhs);
  if (shift > 0)
    return createRequantization(b, loc, y, elementType, shift, act);
  return createSaturatedActivation(b, loc, y, elementType, act);
}

Value AddOp::buildElement(OpBuilder &b, Location loc, ValueRange operands,
                          Type elementType) {
  // The i32 sum, saturated to the type, then the activation.
  return buildBinaryElement<arith::AddIOp, arith::AddFOp>(
      b, loc, operands, elementType, /*shift=*/0, getActivation());
}

Activation ActivationOp::getFusedActivation() { return getKind(); }

Value ActivationOp::buildElement(OpBuilder &b, Location loc,
                                 ValueRange operands, Type elementType) {
  if (!isa<IntegerType>(elementType))
    return createActivation(b, loc, operands[0], getKind(), elementType);
  Value y = arith::ExtSIOp::create(b, loc, b.getI32Type(), operands[0]);
  return createSaturatedActivation(b, loc, y, elementType, getKind());
}

Activation SubOp::getFusedActivation() { return getActivation(); }

Value SubOp::buildElement(OpBuilder &b, Location loc, ValueRange operands,
                          Type elementType) {
  // The i32 difference, saturated to the type, then the activation.
  return buildBinaryElement<arith::SubIOp, arith::SubFOp>(
      b, loc, operands, elementType, /*shift=*/0, getActivation());
}

Activation MulOp::getFusedActivation() { return getActivation(); }

Value MulOp::buildElement(OpBuilder &b, Location loc, ValueRange operands,
                          Type elementType) {
  // The i32 product, shifted right by w - 1 (rhs is a fixed-point factor in
  // [-1, 1)), saturated to the type, then the activation.
  int64_t shift = isa<IntegerType>(elementType)
                      ? elementType.getIntOrFloatBitWidth() - 1
                      : 0;
  return buildBinaryElement<arith::MulIOp, arith::MulFOp>(
      b, loc, operands, elementType, shift, getActivation());
}

Value PReluOp::buildElement(OpBuilder &b, Location loc, ValueRange operands,
                            Type elementType) {
  Value x = operands[0];
  Value negative;
  if (isa<IntegerType>(elementType)) {
    // The i32 product shifted right by w - 1, saturated to the type.
    negative = buildBinaryElement<arith::MulIOp, arith::MulFOp>(
        b, loc, operands, elementType, elementType.getIntOrFloatBitWidth() - 1,
        Activation::none);
    Value zero = arith::ConstantIntOp::create(b, loc, elementType, 0);
    Value isNegative =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, x, zero);
    return arith::SelectOp::create(b, loc, isNegative, negative, x);
  }
  negative = arith::MulFOp::create(b, loc, x, operands[1]);
  Value zero = arith::ConstantOp::create(b, loc, b.getFloatAttr(elementType, 0));
  Value isNegative =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, x, zero);
  return arith::SelectOp::create(b, loc, isNegative, negative, x);
}

//===----------------------------------------------------------------------===//
// Structural layers
//===----------------------------------------------------------------------===//

void ConcatOp::describe(LayerInfo &info) {
  describeConcat(info, kindOf(*this));
}

void PadOp::describe(LayerInfo &info) {
  ArrayRef<int64_t> p = getPadding();
  info.padTop = p[0];
  info.padBottom = p[1];
  info.padLeft = p[2];
  info.padRight = p[3];
  describePad(info, kindOf(*this));
}

void ResizeOp::describe(LayerInfo &info) {
  info.strideH = getScale()[0];
  info.strideW = getScale()[1];
  info.bilinear = getMode() == ResizeMode::bilinear;
  describeResize(info, kindOf(*this));
}

void DepthToSpaceOp::describe(LayerInfo &info) {
  info.strideH = info.strideW = getBlock();
  describeDepthToSpace(info, kindOf(*this));
}

void SelectChannelsOp::describe(LayerInfo &info) {
  describeSelect(info, kindOf(*this));
}

int64_t SelectChannelsOp::getCopyBlock() { return 1; }

SmallVector<ChannelCopy> SelectChannelsOp::getChannelCopies() {
  ArrayRef<int64_t> channels = getChannels();
  SmallVector<ChannelCopy> copies;
  for (const ChannelRun &r : getChannelRuns(
           std::vector<int64_t>(channels.begin(), channels.end())))
    copies.push_back({r.outStart, r.outStep, r.inStart, r.inStep, r.count});
  return copies;
}

int64_t DepthToSpaceOp::getCopyBlock() { return getBlock(); }

SmallVector<ChannelCopy> DepthToSpaceOp::getChannelCopies() {
  // Every output channel at each block position (i, j): input channels
  // (i*b + j)*C + c (dcr) or c*b*b + i*b + j (crd).
  int64_t b = getBlock();
  int64_t c = cast<RankedTensorType>(getOutput().getType()).getDimSize(1);
  SmallVector<ChannelCopy> copies;
  for (int64_t i = 0; i < b; ++i)
    for (int64_t j = 0; j < b; ++j) {
      bool dcr = getMode() == DepthToSpaceMode::dcr;
      copies.push_back({0, 1, dcr ? (i * b + j) * c : i * b + j,
                        dcr ? 1 : b * b, c, i, j});
    }
  return copies;
}

void SoftmaxOp::describe(LayerInfo &info) {
  describePixelwise(info, kindOf(*this));
}
