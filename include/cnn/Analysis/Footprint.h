//===- Footprint.h - Weight and feature-map footprint of a network -*- C++ -*-//
//
// The talk's "size of feature maps & coefficients": per layer MACs, weight
// bytes and feature-map bytes, and the network totals.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_ANALYSIS_FOOTPRINT_H
#define CNN_ANALYSIS_FOOTPRINT_H

#include "cnn/Analysis/LayerInfo.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace mlir::cnn {

/// Totals of a network's footprint.
struct FootprintTotals {
  int64_t layers = 0;
  int64_t macs = 0;
  int64_t parameters = 0;
  int64_t weightBytes = 0;
  /// Sum over layers of the feature-map bytes read and written.
  int64_t inputBytes = 0;
  int64_t outputBytes = 0;
  /// The largest single feature map produced by a layer.
  int64_t largestFeatureMapBytes = 0;
  /// The largest single weight tensor (weights plus bias of one layer).
  int64_t largestWeightBytes = 0;
};

/// The footprint of one network (one function).
struct Footprint {
  std::string network;
  std::vector<LayerInfo> layers;

  FootprintTotals totals() const;
  void printText(llvm::raw_ostream &os) const;
  llvm::json::Value toJson() const;
};

} // namespace mlir::cnn

#endif // CNN_ANALYSIS_FOOTPRINT_H
