//===- Sweep.h - One point of a design-space sweep --------------*- C++ -*-===//
//
// The traffic, energy and floor of one network at one SRAM size under one
// planning strategy, computed on the fusion model's graph without touching
// IR, so that the points of a sweep run in parallel. Pure: plain structs in,
// numbers out. The numbers are those of the passes: `tiling` is the total of
// `--tile-for-sram`, `merging` the total of `--merge-layers` after it.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_ANALYSIS_SWEEP_H
#define CNN_ANALYSIS_SWEEP_H

#include "cnn/Analysis/FusionModel.h"
#include "cnn/Analysis/TrafficTable.h"

#include <optional>
#include <string>

namespace mlir::cnn {

/// How a sweep point plans the network.
enum class SweepStrategy {
  /// Every layer alone with its best tiling; raw weights.
  Tiling,
  /// Every layer alone; weights at their stored (compressed) size.
  TilingCompressed,
  /// Tiling, then the best partition into fusion groups; raw weights.
  Merging,
  /// Merging with weights at their stored (compressed) size.
  MergingCompressed,
  /// Merging where groups may run in width strips (--merge-layers
  /// option width-strips); raw weights.
  MergingStrips,
};

/// "tiling", "tiling+compression", "merging", "merging+compression",
/// "merging+strips".
const char *getSweepStrategyName(SweepStrategy strategy);
/// Parses a strategy name; std::nullopt if it is not one.
std::optional<SweepStrategy> parseSweepStrategy(const std::string &name);
/// True for the strategies that count weights at their stored size.
bool usesCompression(SweepStrategy strategy);

/// The result of one sweep point.
struct SweepResult {
  /// False when a layer does not fit the SRAM; `message` names it.
  bool feasible = false;
  std::string message;
  int64_t macs = 0;
  Traffic traffic;
  /// Cycles of the plan on the target (units run one after another).
  Cycles cycles;
  /// Every layer's weights once, every network input read once and every
  /// network output written once: no plan moves less.
  Traffic floor;
  /// Fusion groups of the plan (0 without merging).
  int groups = 0;
  int layers = 0;

  int64_t weightBytes() const { return traffic.weights; }
  int64_t featureMapBytes() const { return traffic.input + traffic.output; }
};

/// The floor of `graph`: each layer's weights once (stored size when
/// `useCompression`), each tensor with no producer once, and each network
/// output once.
Traffic getTrafficFloor(const FusionGraph &graph, bool useCompression);

/// Plans `graph` for `target` with `strategy`. The graph's own target and
/// per-layer `alone` traffic are ignored: each layer is tiled afresh.
SweepResult evaluateSweepPoint(const FusionGraph &graph,
                               const TargetDesc &target,
                               SweepStrategy strategy);

/// Adds the point `b` of another function of the same network to `a`.
void accumulateSweepResult(SweepResult &a, const SweepResult &b);

} // namespace mlir::cnn

#endif // CNN_ANALYSIS_SWEEP_H
