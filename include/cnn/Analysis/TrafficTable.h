//===- TrafficTable.h - DRAM traffic and energy per layer -------*- C++ -*-===//

#ifndef CNN_ANALYSIS_TRAFFICTABLE_H
#define CNN_ANALYSIS_TRAFFICTABLE_H

#include "cnn/Analysis/TileSearch.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace mlir::cnn {

/// Energy per inference: MACs * pjPerMac + 8 * DRAM bytes * pjPerBit.
struct EnergyModel {
  double pjPerMac = 1.0;
  double pjPerBit = 10.0;

  double macPj(int64_t macs) const { return macs * pjPerMac; }
  double dramPj(int64_t bytes) const { return 8.0 * bytes * pjPerBit; }
};

/// One layer's line of the traffic report.
struct LayerTraffic {
  std::string name;
  std::string kind;
  int64_t macs = 0;
  /// Weight and bias bytes, raw and as stored (compressed when annotated).
  int64_t rawWeightBytes = 0, storedWeightBytes = 0;
  Traffic traffic;
  /// The chosen tiling; unset for layers whose traffic does not depend on it.
  std::optional<Tiling> tiling;
  /// Index into TrafficTable::groups of the group holding the layer, or -1.
  int group = -1;
  /// Cycles when the layer runs alone (whole cycles); unset when the plan
  /// recorded none.
  std::optional<Cycles> cycles;
};

/// One fusion group's line of the traffic report.
struct GroupTraffic {
  std::string name;
  std::string mode;
  std::string firstLayer, lastLayer;
  int layers = 0;
  int64_t sramBytes = 0;
  int64_t macs = 0;
  Traffic traffic;
  std::optional<Cycles> cycles;
};

/// Why a unit (group or layer alone) ends where the next begins.
struct Boundary {
  std::string after;
  std::string reason;
};

/// The traffic report of one network.
struct TrafficTable {
  std::string network;
  int64_t sramBytes = 0;
  /// The target the plan was made for (its speeds give the latency).
  TargetDesc target;
  std::vector<LayerTraffic> layers;
  std::vector<GroupTraffic> groups;
  std::vector<Boundary> boundaries;
  /// Total traffic of the same plan with raw weights and feature maps, when
  /// anything is compressed.
  std::optional<int64_t> withoutCompression;

  int64_t totalMacs() const;
  /// Traffic with every layer alone (its per-layer tiling).
  Traffic totalTraffic() const;
  /// Traffic of the groups plus the layers outside groups.
  Traffic mergedTraffic() const;
  /// True when every layer and group has its cycles.
  bool hasCycles() const;
  /// Cycles with every layer alone, and of the plan (groups plus the
  /// layers outside groups); units run one after another.
  Cycles totalCycles() const;
  Cycles mergedCycles() const;
  void printText(llvm::raw_ostream &os, const EnergyModel &energy) const;
  /// The latency section of the text report.
  void printLatency(llvm::raw_ostream &os) const;
  llvm::json::Value toJson(const EnergyModel &energy) const;
};

/// "tm=6 te=28 tf=14 tc=512 efm", or "-" without a tiling.
std::string formatTiling(const std::optional<Tiling> &tiling);

/// Formats an integer with thousands separators: 1234567 -> "1,234,567".
std::string formatWithCommas(int64_t value);

} // namespace mlir::cnn

#endif // CNN_ANALYSIS_TRAFFICTABLE_H
