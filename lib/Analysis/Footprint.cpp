//===- Footprint.cpp - Weight and feature-map footprint ---------*- C++ -*-===//

#include "cnn/Analysis/Footprint.h"

#include "llvm/Support/Format.h"

#include <algorithm>

using namespace mlir::cnn;

FootprintTotals Footprint::totals() const {
  FootprintTotals t;
  for (const LayerInfo &l : layers) {
    ++t.layers;
    t.macs += l.macs();
    t.parameters += l.parameters();
    t.weightBytes += l.parameterBytes();
    t.inputBytes += l.inputBytes();
    t.outputBytes += l.output.bytes();
    t.largestFeatureMapBytes =
        std::max(t.largestFeatureMapBytes, l.output.bytes());
    t.largestWeightBytes = std::max(t.largestWeightBytes, l.parameterBytes());
  }
  return t;
}

/// Formats an integer with thousands separators: 1234567 -> 1,234,567.
static std::string withCommas(int64_t v) {
  std::string digits = std::to_string(v < 0 ? -v : v);
  std::string out;
  int n = digits.size();
  for (int i = 0; i < n; ++i) {
    out += digits[i];
    if ((n - i - 1) % 3 == 0 && i != n - 1)
      out += ',';
  }
  return v < 0 ? "-" + out : out;
}

void Footprint::printText(llvm::raw_ostream &os) const {
  os << "footprint of @" << network << "\n";
  os << llvm::format("%-28s %-16s %16s %12s %14s %14s %14s\n", "layer", "kind",
                     "MACs", "params", "weight B", "input FM B",
                     "output FM B");
  for (const LayerInfo &l : layers) {
    os << llvm::format("%-28s %-16s %16s %12s %14s %14s %14s\n",
                       l.name.c_str(), getLayerKindName(l.kind),
                       withCommas(l.macs()).c_str(),
                       withCommas(l.parameters()).c_str(),
                       withCommas(l.parameterBytes()).c_str(),
                       withCommas(l.inputBytes()).c_str(),
                       withCommas(l.output.bytes()).c_str());
  }
  FootprintTotals t = totals();
  os << "total: " << t.layers << " layers, " << withCommas(t.macs) << " MACs, "
     << withCommas(t.parameters) << " parameters, " << withCommas(t.weightBytes)
     << " weight bytes\n";
  os << "feature maps: " << withCommas(t.outputBytes)
     << " bytes written, " << withCommas(t.inputBytes)
     << " bytes read, largest " << withCommas(t.largestFeatureMapBytes)
     << " bytes; largest layer weights " << withCommas(t.largestWeightBytes)
     << " bytes\n";
}

llvm::json::Value Footprint::toJson() const {
  llvm::json::Array jsonLayers;
  for (const LayerInfo &l : layers) {
    jsonLayers.push_back(llvm::json::Object{
        {"name", l.name},
        {"kind", getLayerKindName(l.kind)},
        {"macs", l.macs()},
        {"parameters", l.parameters()},
        {"weight_bytes", l.parameterBytes()},
        {"input_bytes", l.inputBytes()},
        {"output_bytes", l.output.bytes()},
    });
  }
  FootprintTotals t = totals();
  return llvm::json::Object{
      {"network", network},
      {"layers", std::move(jsonLayers)},
      {"total",
       llvm::json::Object{
           {"layers", t.layers},
           {"macs", t.macs},
           {"parameters", t.parameters},
           {"weight_bytes", t.weightBytes},
           {"input_bytes", t.inputBytes},
           {"output_bytes", t.outputBytes},
           {"largest_feature_map_bytes", t.largestFeatureMapBytes},
           {"largest_weight_bytes", t.largestWeightBytes},
       }},
  };
}
