//===- LayerAnalysis.h - From cnn ops to LayerInfo --------------*- C++ -*-===//

#ifndef CNN_ANALYSIS_LAYERANALYSIS_H
#define CNN_ANALYSIS_LAYERANALYSIS_H

#include "cnn/Analysis/LayerInfo.h"

#include "cnn/Dialect/Cnn/IR/CnnOps.h"

#include "mlir/IR/Operation.h"
#include "mlir/Support/LLVM.h"

namespace mlir::cnn {

/// Names of the discardable attributes the planning passes attach.
inline constexpr llvm::StringLiteral kTargetAttrName = "cnn.target";
inline constexpr llvm::StringLiteral kTilingAttrName = "cnn.tiling";
inline constexpr llvm::StringLiteral kTrafficAttrName = "cnn.traffic";
inline constexpr llvm::StringLiteral kCyclesAttrName = "cnn.cycles";
inline constexpr llvm::StringLiteral kCompressionAttrName = "cnn.compression";
inline constexpr llvm::StringLiteral kBoundaryAttrName = "cnn.boundary";
/// Unit attribute on a module that --merge-layers has partitioned.
inline constexpr llvm::StringLiteral kMergedAttrName = "cnn.merged";
/// On a module merged with width strips (--merge-layers=width-strips).
inline constexpr llvm::StringLiteral kWidthStripsAttrName = "cnn.width_strips";

/// The feature maps a layer reads, in the order of LayerInfo::inputs
/// (weights and biases excluded).
SmallVector<Value> getFeatureMapOperands(Operation *layer);

/// The compression annotation of the `cnn.weight` that defines `weight`, or
/// null when there is none.
CompressionAttr getWeightCompression(Value weight);

/// The values of a weight as the weight codec takes them: integers
/// sign-extended, floats as the signed integers of their bit patterns;
/// failure for a weight without values.
FailureOr<std::vector<int64_t>> getWeightCodeValues(WeightOp weight);

/// The stored bytes before each output channel of weights compressed as
/// `compression` says, from its `channels`, and the total last.
std::shared_ptr<const std::vector<int64_t>>
getCompressedChannelOffsets(CompressionAttr compression);

/// Describes a verified `cnn` layer op. Fails (without a diagnostic) on ops
/// that are not layers of the cnn dialect.
FailureOr<LayerInfo> describeLayer(Operation *op);

/// A name for the layer in reports: its `name` attribute, or
/// `<mnemonic>_<index>` with `index` its position among the layers.
std::string getReportName(Operation *op, unsigned index);

} // namespace mlir::cnn

#endif // CNN_ANALYSIS_LAYERANALYSIS_H
