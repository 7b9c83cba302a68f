//===- Sweep.cpp - One point of a design-space sweep ------------*- C++ -*-===//

#include "cnn/Analysis/Sweep.h"

#include <array>

using namespace mlir::cnn;

namespace {
struct StrategyName {
  SweepStrategy strategy;
  const char *name;
};
constexpr std::array<StrategyName, 5> kStrategyNames = {{
    {SweepStrategy::Tiling, "tiling"},
    {SweepStrategy::TilingCompressed, "tiling+compression"},
    {SweepStrategy::Merging, "merging"},
    {SweepStrategy::MergingCompressed, "merging+compression"},
    {SweepStrategy::MergingStrips, "merging+strips"},
}};
} // namespace

const char *mlir::cnn::getSweepStrategyName(SweepStrategy strategy) {
  for (const StrategyName &s : kStrategyNames)
    if (s.strategy == strategy)
      return s.name;
  return "?";
}

std::optional<SweepStrategy>
mlir::cnn::parseSweepStrategy(const std::string &name) {
  for (const StrategyName &s : kStrategyNames)
    if (name == s.name)
      return s.strategy;
  return std::nullopt;
}

bool mlir::cnn::usesCompression(SweepStrategy strategy) {
  return strategy == SweepStrategy::TilingCompressed ||
         strategy == SweepStrategy::MergingCompressed;
}

static bool isMerging(SweepStrategy strategy) {
  return strategy == SweepStrategy::Merging ||
         strategy == SweepStrategy::MergingCompressed ||
         strategy == SweepStrategy::MergingStrips;
}

Traffic mlir::cnn::getTrafficFloor(const FusionGraph &graph,
                                   bool useCompression) {
  Traffic floor;
  for (const GraphLayer &l : graph.layers)
    floor.weights += useCompression ? l.info.storedWeightBytes() +
                                          l.info.biasBytes
                                    : l.info.parameterBytes();
  for (const GraphTensor &t : graph.tensors) {
    if (t.producer < 0 && !t.consumers.empty())
      floor.input += t.shape.bytes();
    if (t.isNetworkOutput)
      floor.output += t.shape.bytes();
  }
  return floor;
}

SweepResult mlir::cnn::evaluateSweepPoint(const FusionGraph &graph,
                                          const TargetDesc &target,
                                          SweepStrategy strategy) {
  bool compressed = usesCompression(strategy);
  SweepResult result;
  result.layers = static_cast<int>(graph.layers.size());
  result.floor = getTrafficFloor(graph, compressed);

  FusionGraph planned = graph;
  planned.setTarget(target);
  planned.widthStrips = strategy == SweepStrategy::MergingStrips;
  int misfits = 0;
  int64_t largestNeed = 0;
  std::string worst;
  TileSearchMemo memo;
  for (GraphLayer &l : planned.layers) {
    result.macs += l.info.macs();
    if (!compressed) {
      l.info.compressedWeightBytes = -1;
      l.info.weightOffsets = nullptr;
    }
    LayerPlan plan = planLayerAlone(l.info, target, &memo);
    if (!plan.fits) {
      // The message names the layer that needs the most SRAM: the size
      // from which the point becomes feasible.
      ++misfits;
      if (plan.need > largestNeed) {
        largestNeed = plan.need;
        worst = l.info.name;
      }
      continue;
    }
    l.alone = plan.traffic;
    l.aloneCycles = plan.cycles;
  }
  if (misfits) {
    result.message = "layer '" + worst + "' needs at least " +
                     std::to_string(largestNeed) + " bytes of SRAM";
    if (misfits > 1)
      result.message += " (" + std::to_string(misfits) +
                        " layers do not fit)";
  }
  if (!result.message.empty())
    return result;
  result.feasible = true;

  if (!isMerging(strategy)) {
    for (const GraphLayer &l : planned.layers) {
      result.traffic.input += l.alone.input;
      result.traffic.weights += l.alone.weights;
      result.traffic.output += l.alone.output;
      result.cycles += l.aloneCycles;
    }
    return result;
  }
  Partition partition = partitionLayers(planned, target.sramBytes);
  result.traffic = partition.total;
  result.cycles = partition.cycles;
  for (const PartitionUnit &unit : partition.units)
    if (unit.isGroup())
      ++result.groups;
  return result;
}

void mlir::cnn::accumulateSweepResult(SweepResult &a, const SweepResult &b) {
  if (!b.feasible) {
    if (a.message.empty())
      a.message = b.message;
    a.feasible = false;
  }
  a.macs += b.macs;
  a.cycles += b.cycles;
  a.traffic.input += b.traffic.input;
  a.traffic.weights += b.traffic.weights;
  a.traffic.output += b.traffic.output;
  a.floor.input += b.floor.input;
  a.floor.weights += b.floor.weights;
  a.floor.output += b.floor.output;
  a.groups += b.groups;
  a.layers += b.layers;
}
