//===- AnnotateWeightCompression.cpp - Compressed weight sizes --*- C++ -*-===//

#include "cnn/Analysis/LayerAnalysis.h"
#include "cnn/Analysis/WeightCodec.h"
#include "cnn/Dialect/Cnn/IR/CnnOps.h"
#include "cnn/Dialect/Cnn/Transforms/Passes.h"
#include "cnn/Dialect/Cnn/Transforms/Schedule.h"

#include "llvm/ADT/SetVector.h"
#include "llvm/Support/FormatVariadic.h"

#include <cmath>

namespace mlir::cnn {
#define GEN_PASS_DEF_CNNANNOTATEWEIGHTCOMPRESSION
#include "cnn/Dialect/Cnn/Transforms/Passes.h.inc"

namespace {

/// Zeroes the `sparsity` fraction of values with the smallest magnitude.
/// Float bit patterns are ranked by the magnitude of the float (the bits
/// without the sign are monotonic in it).
std::vector<int64_t> prune(ArrayRef<int64_t> values, double sparsity,
                           bool isFloat, unsigned width) {
  if (!isFloat)
    return pruneByMagnitude(values, sparsity);
  uint64_t magnitudeMask = (uint64_t(1) << (width - 1)) - 1;
  std::vector<int64_t> keys;
  keys.reserve(values.size());
  for (int64_t v : values)
    keys.push_back(static_cast<int64_t>(static_cast<uint64_t>(v) &
                                        magnitudeMask));
  std::vector<int64_t> kept = pruneByMagnitude(keys, sparsity);
  std::vector<int64_t> result(values.begin(), values.end());
  for (size_t i = 0; i < result.size(); ++i)
    if (kept[i] == 0)
      result[i] = 0;
  return result;
}

DenseElementsAttr buildValues(RankedTensorType type,
                              ArrayRef<int64_t> values) {
  Type elem = type.getElementType();
  unsigned width = elem.getIntOrFloatBitWidth();
  if (isa<IntegerType>(elem)) {
    SmallVector<APInt> ints;
    for (int64_t v : values)
      ints.push_back(APInt(width, static_cast<uint64_t>(v), /*isSigned=*/true));
    return DenseElementsAttr::get(type, ints);
  }
  const llvm::fltSemantics &sem = cast<FloatType>(elem).getFloatSemantics();
  SmallVector<APFloat> floats;
  for (int64_t v : values)
    floats.push_back(APFloat(sem, APInt(width, static_cast<uint64_t>(v))));
  return DenseElementsAttr::get(type, floats);
}

struct CnnAnnotateWeightCompressionPass
    : impl::CnnAnnotateWeightCompressionBase<
          CnnAnnotateWeightCompressionPass> {
  using Base::Base;

  LogicalResult annotate(WeightOp weight) {
    MLIRContext *ctx = &getContext();
    auto type = cast<RankedTensorType>(weight.getType());
    int64_t rawBytes =
        type.getNumElements() * getElementBytes(type.getElementType());
    if (weight.isShapeOnly()) {
      if (ratio > 0)
        weight->setAttr(kCompressionAttrName,
                        CompressionAttr::get(
                            ctx, static_cast<int64_t>(std::ceil(ratio * rawBytes)),
                            "declared"));
      return success();
    }
    FailureOr<std::vector<int64_t>> values = getWeightCodeValues(weight);
    if (failed(values))
      return weight.emitError()
             << "cannot read the values of this weight to compress them; "
                "give --annotate-weight-compression=ratio=<r> for it instead";
    Type elem = type.getElementType();
    unsigned width = elem.getIntOrFloatBitWidth();
    if (pruneSparsity > 0) {
      *values = prune(*values, pruneSparsity, isa<FloatType>(elem), width);
      weight.setValueAttr(buildValues(type, *values));
    }
    // Values the code cannot shrink (close to uniform) are stored raw.
    std::vector<uint64_t> sizes =
        getEncodedChannelSizes(*values, type.getDimSize(0), width);
    SmallVector<int64_t> channels(sizes.begin(), sizes.end());
    int64_t bytes = 0;
    for (int64_t c : channels)
      bytes += c;
    weight->setAttr(
        kCompressionAttrName,
        bytes < rawBytes
            ? CompressionAttr::get(ctx, bytes, kWeightCodecName, channels)
            : CompressionAttr::get(ctx, rawBytes, "raw"));
    return success();
  }

  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (!(ratio >= 0 && ratio <= 1)) {
      module.emitError() << "--annotate-weight-compression expects 0 < ratio "
                            "<= 1 (compressed / raw size), got "
                         << llvm::formatv("{0}", ratio.getValue()).str();
      return signalPassFailure();
    }
    if (!(pruneSparsity >= 0 && pruneSparsity < 1)) {
      module.emitError() << "--annotate-weight-compression expects 0 <= "
                            "prune-sparsity < 1, got "
                         << llvm::formatv("{0}", pruneSparsity.getValue()).str();
      return signalPassFailure();
    }

    // The weights of the layers (not biases).
    llvm::SetVector<WeightOp> weights;
    module.walk([&](CnnLayerOpInterface layer) {
      Value w = layer.getLayerWeight();
      if (auto weight = w ? w.getDefiningOp<WeightOp>() : WeightOp())
        weights.insert(weight);
    });
    bool ok = true;
    for (WeightOp weight : weights)
      if (failed(annotate(weight)))
        ok = false;
    if (!ok)
      return signalPassFailure();

    // A planned module is planned again with the new sizes.
    auto target = module->getAttrOfType<TargetAttr>(kTargetAttrName);
    if (!target)
      return;
    bool merged = module->hasAttr(kMergedAttrName);
    flattenFusionGroups(module);
    if (failed(tileModule(module, target)) ||
        (merged && failed(mergeModule(module))))
      signalPassFailure();
  }
};
} // namespace
} // namespace mlir::cnn
