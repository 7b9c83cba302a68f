//===- Footprint.cpp - Weight and feature-map footprint ---------*- C++ -*-===//

#include "cnn/Analysis/Footprint.h"
#include "cnn/Analysis/TrafficTable.h"

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

void Footprint::printText(llvm::raw_ostream &os) const {
  os << "footprint of @" << network << "\n";
  int width = 20;
  for (const LayerInfo &l : layers)
    width = std::max(width, static_cast<int>(l.name.size()));
  os << llvm::format("%-*s %-16s %16s %12s %14s %14s %14s\n", width, "layer",
                     "kind",
                     "MACs", "params", "weight B", "input FM B",
                     "output FM B");
  for (const LayerInfo &l : layers) {
    os << llvm::format("%-*s %-16s %16s %12s %14s %14s %14s\n", width,
                       l.name.c_str(), l.kind.c_str(),
                       formatWithCommas(l.macs()).c_str(),
                       formatWithCommas(l.parameters()).c_str(),
                       formatWithCommas(l.parameterBytes()).c_str(),
                       formatWithCommas(l.inputBytes()).c_str(),
                       formatWithCommas(l.output.bytes()).c_str());
  }
  FootprintTotals t = totals();
  os << "total: " << t.layers << " layers, " << formatWithCommas(t.macs) << " MACs, "
     << formatWithCommas(t.parameters) << " parameters, " << formatWithCommas(t.weightBytes)
     << " weight bytes\n";
  os << "feature maps: " << formatWithCommas(t.outputBytes)
     << " bytes written, " << formatWithCommas(t.inputBytes)
     << " bytes read, largest " << formatWithCommas(t.largestFeatureMapBytes)
     << " bytes; largest layer weights " << formatWithCommas(t.largestWeightBytes)
     << " bytes\n";
}

llvm::json::Value Footprint::toJson() const {
  llvm::json::Array jsonLayers;
  for (const LayerInfo &l : layers) {
    jsonLayers.push_back(llvm::json::Object{
        {"name", l.name},
        {"kind", l.kind},
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
