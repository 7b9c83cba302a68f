//===- LayerAnalysis.h - From cnn ops to LayerInfo --------------*- C++ -*-===//

#ifndef CNN_ANALYSIS_LAYERANALYSIS_H
#define CNN_ANALYSIS_LAYERANALYSIS_H

#include "cnn/Analysis/LayerInfo.h"

#include "mlir/IR/Operation.h"
#include "mlir/Support/LLVM.h"

namespace mlir::cnn {

/// Describes a verified `cnn` layer op. Fails (without a diagnostic) on ops
/// that are not layers of the cnn dialect.
FailureOr<LayerInfo> describeLayer(Operation *op);

/// A name for the layer in reports: its `name` attribute, or
/// `<mnemonic>_<index>` with `index` its position among the layers.
std::string getReportName(Operation *op, unsigned index);

} // namespace mlir::cnn

#endif // CNN_ANALYSIS_LAYERANALYSIS_H
