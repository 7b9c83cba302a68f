//===- LayerAnalysis.cpp - From cnn ops to LayerInfo ------------*- C++ -*-===//

#include "cnn/Analysis/LayerAnalysis.h"
#include "cnn/Dialect/Cnn/IR/CnnOps.h"

#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::cnn;

static TensorShape shapeOf(Value v) {
  auto t = cast<RankedTensorType>(v.getType());
  TensorShape s;
  s.c = t.getDimSize(1);
  s.h = t.getDimSize(2);
  s.w = t.getDimSize(3);
  s.elemBytes = getElementBytes(t.getElementType());
  return s;
}

static void setWeights(LayerInfo &info, Value weight, Value bias) {
  auto w = cast<RankedTensorType>(weight.getType());
  info.weightElements = w.getNumElements();
  info.weightBytes = w.getNumElements() * getElementBytes(w.getElementType());
  if (auto compression = getWeightCompression(weight))
    info.compressedWeightBytes = compression.getBytes();
  if (bias) {
    auto b = cast<RankedTensorType>(bias.getType());
    info.biasElements = b.getNumElements();
    info.biasBytes = b.getNumElements() * getElementBytes(b.getElementType());
  }
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

CompressionAttr mlir::cnn::getWeightCompression(Value weight) {
  if (auto op = weight.getDefiningOp<WeightOp>())
    return op->getAttrOfType<CompressionAttr>(kCompressionAttrName);
  return {};
}

SmallVector<Value> mlir::cnn::getFeatureMapOperands(Operation *layer) {
  if (auto conv = dyn_cast<Conv2DOp>(layer))
    return {conv.getInput()};
  if (auto fc = dyn_cast<FullyConnectedOp>(layer))
    return {fc.getInput()};
  return SmallVector<Value>(layer->getOperands());
}

FailureOr<LayerInfo> mlir::cnn::describeLayer(Operation *op) {
  if (!isLayer(op))
    return failure();
  LayerInfo info;
  info.name = getLayerName(op).str();
  info.output = shapeOf(op->getResult(0));
  bool known =
      llvm::TypeSwitch<Operation *, bool>(op)
          .Case([&](Conv2DOp conv) {
            info.kind = LayerKind::Conv2D;
            info.inputs = {shapeOf(conv.getInput())};
            auto w = cast<RankedTensorType>(conv.getWeight().getType());
            setWindow(info, {w.getDimSize(2), w.getDimSize(3)},
                      conv.getStrides(), conv.getPadding());
            info.dilationH = conv.getDilation()[0];
            info.dilationW = conv.getDilation()[1];
            info.groups = conv.getGroups();
            setWeights(info, conv.getWeight(), conv.getBias());
            return true;
          })
          .Case([&](FullyConnectedOp fc) {
            info.kind = LayerKind::FullyConnected;
            info.inputs = {shapeOf(fc.getInput())};
            setWeights(info, fc.getWeight(), fc.getBias());
            return true;
          })
          .Case([&](MaxPoolOp pool) {
            info.kind = LayerKind::MaxPool;
            info.inputs = {shapeOf(pool.getInput())};
            setWindow(info, pool.getKernel(), pool.getStrides(),
                      pool.getPadding());
            return true;
          })
          .Case([&](AvgPoolOp pool) {
            info.kind = LayerKind::AvgPool;
            info.inputs = {shapeOf(pool.getInput())};
            setWindow(info, pool.getKernel(), pool.getStrides(),
                      pool.getPadding());
            return true;
          })
          .Case([&](GlobalAvgPoolOp pool) {
            info.kind = LayerKind::GlobalAvgPool;
            info.inputs = {shapeOf(pool.getInput())};
            return true;
          })
          .Case([&](AddOp add) {
            info.kind = LayerKind::Add;
            info.inputs = {shapeOf(add.getLhs()), shapeOf(add.getRhs())};
            return true;
          })
          .Case([&](ActivationOp act) {
            info.kind = LayerKind::Activation;
            info.inputs = {shapeOf(act.getInput())};
            return true;
          })
          .Case([&](ConcatOp concat) {
            info.kind = LayerKind::Concat;
            for (Value v : concat.getInputs())
              info.inputs.push_back(shapeOf(v));
            return true;
          })
          .Case([&](PadOp pad) {
            info.kind = LayerKind::Pad;
            info.inputs = {shapeOf(pad.getInput())};
            ArrayRef<int64_t> p = pad.getPadding();
            info.padTop = p[0];
            info.padBottom = p[1];
            info.padLeft = p[2];
            info.padRight = p[3];
            return true;
          })
          .Case([&](ResizeOp resize) {
            info.kind = LayerKind::Resize;
            info.inputs = {shapeOf(resize.getInput())};
            info.strideH = resize.getScale()[0];
            info.strideW = resize.getScale()[1];
            info.bilinear = resize.getMode() == ResizeMode::bilinear;
            return true;
          })
          .Case([&](SoftmaxOp softmax) {
            info.kind = LayerKind::Softmax;
            info.inputs = {shapeOf(softmax.getInput())};
            return true;
          })
          .Default([](Operation *) { return false; });
  if (!known)
    return failure();
  return info;
}

std::string mlir::cnn::getReportName(Operation *op, unsigned index) {
  StringRef name = getLayerName(op);
  if (!name.empty())
    return name.str();
  return (op->getName().stripDialect() + "_" + Twine(index)).str();
}
