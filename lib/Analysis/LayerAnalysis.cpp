//===- LayerAnalysis.cpp - From cnn ops to LayerInfo ------------*- C++ -*-===//

#include "cnn/Analysis/LayerAnalysis.h"
#include "cnn/Dialect/Cnn/IR/CnnOps.h"

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
  if (auto compression = getWeightCompression(weight)) {
    info.compressedWeightBytes = compression.getBytes();
    // Coded weights load in whole output channels of known sizes; a size
    // declared by a ratio is a proportional share of every tile.
    if (!compression.getChannels().empty())
      info.weightOffsets = getCompressedChannelOffsets(compression);
  }
  if (bias) {
    auto b = cast<RankedTensorType>(bias.getType());
    info.biasElements = b.getNumElements();
    info.biasBytes = b.getNumElements() * getElementBytes(b.getElementType());
  }
}

std::shared_ptr<const std::vector<int64_t>>
mlir::cnn::getCompressedChannelOffsets(CompressionAttr compression) {
  auto offsets = std::make_shared<std::vector<int64_t>>();
  offsets->reserve(compression.getChannels().size() + 1);
  offsets->push_back(0);
  for (int64_t bytes : compression.getChannels())
    offsets->push_back(offsets->back() + bytes);
  return offsets;
}

FailureOr<std::vector<int64_t>> mlir::cnn::getWeightCodeValues(WeightOp weight) {
  DenseElementsAttr value = weight.getDenseValue();
  if (!value)
    return failure();
  Type elem = value.getElementType();
  std::vector<int64_t> values;
  values.reserve(value.getNumElements());
  if (isa<IntegerType>(elem)) {
    for (const APInt &v : value.getValues<APInt>())
      values.push_back(v.getSExtValue());
  } else {
    for (const APFloat &v : value.getValues<APFloat>())
      values.push_back(v.bitcastToAPInt().getSExtValue());
  }
  return values;
}

CompressionAttr mlir::cnn::getWeightCompression(Value weight) {
  if (auto op = weight.getDefiningOp<WeightOp>())
    return op->getAttrOfType<CompressionAttr>(kCompressionAttrName);
  return {};
}

SmallVector<Value> mlir::cnn::getFeatureMapOperands(Operation *layer) {
  return cast<CnnLayerOpInterface>(layer).getFeatureMaps();
}

FailureOr<LayerInfo> mlir::cnn::describeLayer(Operation *op) {
  auto layer = dyn_cast_if_present<CnnLayerOpInterface>(op);
  if (!layer)
    return failure();
  LayerInfo info;
  info.name = getLayerName(op).str();
  info.output = shapeOf(op->getResult(0));
  for (Value v : layer.getFeatureMaps())
    info.inputs.push_back(shapeOf(v));
  if (Value weight = layer.getLayerWeight())
    setWeights(info, weight, layer.getLayerBias());
  layer.describe(info);
  return info;
}

std::string mlir::cnn::getReportName(Operation *op, unsigned index) {
  StringRef name = getLayerName(op);
  if (!name.empty())
    return name.str();
  return (op->getName().stripDialect() + "_" + Twine(index)).str();
}
