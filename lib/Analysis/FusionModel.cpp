//===- FusionModel.cpp - Fusion groups and the partition --------*- C++ -*-===//

#include "cnn/Analysis/FusionModel.h"
#include "cnn/Analysis/GroupModes.h"
#include "GroupView.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <optional>

using namespace mlir::cnn;
using namespace mlir::cnn::fusion;

int FusionGraph::addTensor(std::string name, TensorShape shape, int producer) {
  GraphTensor t;
  t.name = std::move(name);
  t.shape = shape;
  t.producer = producer;
  tensors.push_back(std::move(t));
  return static_cast<int>(tensors.size()) - 1;
}

int FusionGraph::addLayer(LayerInfo info, std::vector<int> inputs,
                          Traffic alone) {
  int index = static_cast<int>(layers.size());
  for (int t : inputs) {
    std::vector<int> &c = tensors[t].consumers;
    if (c.empty() || c.back() != index)
      c.push_back(index);
  }
  GraphLayer layer;
  layer.output = addTensor(info.name, info.output, index);
  layer.info = std::move(info);
  layer.inputs = std::move(inputs);
  layer.alone = alone;
  layers.push_back(std::move(layer));
  return index;
}

bool mlir::cnn::isMergeable(const LayerInfo &layer) { return layer.mergeable; }

Traffic mlir::cnn::getGroupPlanTraffic(const FusionGraph &graph,
                                       const std::vector<int> &layers,
                                       GroupMode mode, StripChoice strip) {
  // As evaluateGroup records it: the closed form, or with bursts or
  // strips the steps summed.
  if (graph.target.dmaAlignBytes > 1 || strip.width > 0)
    return getGroupModeTraffic(graph, layers, mode, strip);
  return evaluateGroup(graph, layers, /*sramBytes=*/-1).traffic;
}

GroupPlan mlir::cnn::evaluateGroup(const FusionGraph &graph,
                                   const std::vector<int> &layers,
                                   int64_t sramBytes) {
  GroupPlan plan;
  plan.layers = layers;
  GroupView view(graph, layers);
  const auto &T = graph.tensors;

  for (int l : layers)
    plan.weightBytes += storedWeightBytes(graph.layers[l].info);

  // Traffic: inputs once, weights once, leaving tensors once (producers
  // write into a leaving concatenation: its parts are what is stored).
  for (int t : view.tensors) {
    if (view.isInput(t)) {
      plan.inputs.push_back(t);
      plan.traffic.input += T[t].shape.bytes();
    } else if (view.leaves(t)) {
      plan.outputs.push_back(t);
    }
  }
  for (int t : storedTensors(graph, view))
    plan.traffic.output += T[t].shape.bytes();
  plan.traffic.weights = plan.weightBytes;
  plan.traffic.input = scaleFeatureMapBytes(plan.traffic.input, graph.fmPercent);
  plan.traffic.output =
      scaleFeatureMapBytes(plan.traffic.output, graph.fmPercent);
  for (GroupModePlan &m : plan.modes)
    m.traffic = plan.traffic;

  if (layers.size() < 2)
    return plan;
  for (size_t i = 0; i < layers.size(); ++i)
    if (!isMergeable(graph.layers[layers[i]].info) ||
        (i > 0 && !graph.layers[layers[i]].barrier.empty()))
      return plan;
  // A concatenation leaving the group is written in place by the layers
  // that produce its parts, in the group or before it: the network's input
  // is no such part.
  if (!getUnwritableConcat(graph, view).empty())
    return plan;

  // Every mode whose minimum need fits; the one that moves the fewest
  // bytes, the earlier on ties.
  std::optional<GroupMode> best;
  for (const GroupModeModel *model : getGroupModeModels()) {
    GroupModePlan &m = plan.in(model->getMode());
    if (!model->supportsAll(graph, layers) ||
        model->getMinimumNeed(plan.weightBytes) > sramBytes)
      continue;
    m.sram = model->getSramNeed(graph, layers, &m.buffers, sramBytes,
                                &m.strip);
    m.fits = m.sram <= sramBytes;
    if (!m.fits)
      continue;
    // With bursts each mode's transfers round up differently; strips read
    // their halos again.
    if (graph.target.dmaAlignBytes > 1 || m.strip.width > 0)
      m.traffic =
          getGroupModeTraffic(graph, layers, model->getMode(), m.strip);
    if (!best || m.traffic.total() < plan.in(*best).traffic.total())
      best = model->getMode();
  }
  if (best) {
    plan.valid = true;
    plan.mode = *best;
    plan.traffic = plan.in(*best).traffic;
  }
  return plan;
}

/// True when no group that extends `plan`'s layers can fit any mode: every
/// mode runs none of its layers, or its need (its minimum where the need
/// may shrink) exceeds the SRAM.
static bool noLongerGroupFits(const FusionGraph &graph, const GroupPlan &plan,
                              int64_t sramBytes) {
  for (const GroupModeModel *model : getGroupModeModels()) {
    if (!model->supportsAll(graph, plan.layers))
      continue;
    int64_t bound = model->needGrowsWithGroup()
                        ? plan.in(model->getMode()).sram
                        : model->getMinimumNeed(plan.weightBytes);
    if (bound <= sramBytes)
      return false;
  }
  return true;
}

/// Why a unit ending at layer `last` is not extended by layer `last + 1`.
static std::string explainBoundary(const FusionGraph &graph, int first,
                                   int last, int64_t sramBytes) {
  const GraphLayer &a = graph.layers[last];
  const GraphLayer &b = graph.layers[last + 1];
  if (!b.barrier.empty())
    return "'" + b.barrier + "' between '" + a.info.name + "' and '" +
           b.info.name + "' is not a layer: a group does not cross it";
  for (const GraphLayer *l : {&a, &b})
    if (!isMergeable(l->info))
      return "layer '" + l->info.name + "' (" + l->info.kind +
             ") cannot be merged";
  std::vector<int> ext;
  for (int l = first; l <= last + 1; ++l)
    ext.push_back(l);
  GroupPlan plan = evaluateGroup(graph, ext, sramBytes);
  std::string unwritable =
      getUnwritableConcat(graph, GroupView(graph, ext));
  if (!plan.valid && !unwritable.empty())
    return unwritable;
  if (!plan.valid) {
    // Why the preferred mode that runs every layer misses, with the other
    // such modes' needs, and the modes that do not run a layer.
    const GroupModeModel *first = nullptr;
    std::string others, unsupported;
    for (const GroupModeModel *model : getGroupModeModels()) {
      if (!model->supportsAll(graph, ext)) {
        for (int l : ext)
          if (!model->supports(graph.layers[l].info)) {
            unsupported += std::string("; mode ") + model->getName() +
                           " does not run '" + graph.layers[l].info.name +
                           "' (" + graph.layers[l].info.kind + ")";
            break;
          }
        continue;
      }
      if (!first) {
        first = model;
        continue;
      }
      others += std::string(others.empty() ? "" : ", ") +
                model->getNeedLabel() + ": " +
                std::to_string(plan.in(model->getMode()).sram);
    }
    if (!first)
      return "no mode runs every layer" + unsupported;
    return first->explainMiss(plan, b.info.name) +
           (others.empty() ? "" : " (" + others + ")") + unsupported;
  }
  for (int l = first; l <= last; ++l) {
    int t = graph.layers[l].output;
    for (int c : graph.tensors[t].consumers)
      if (c > last + 1)
        return "'" + graph.tensors[t].name +
               "' is read by a later layer outside the group ('" +
               graph.layers[c].info.name + "')";
  }
  return "merging '" + b.info.name +
         "' fits, but starting a new group with it moves fewer bytes in all";
}

Partition mlir::cnn::partitionLayers(const FusionGraph &graph,
                                     int64_t sramBytes) {
  int n = static_cast<int>(graph.layers.size());
  constexpr int64_t kInf = std::numeric_limits<int64_t>::max();
  struct Best {
    int64_t cost = kInf;
    int units = 0;
    int start = -1;
  };
  std::vector<Best> best(n + 1);
  best[0].cost = 0;
  auto relax = [&](int end, int start, int64_t cost) {
    Best &b = best[end];
    int units = best[start].units + 1;
    if (cost < b.cost || (cost == b.cost && units < b.units))
      b = {cost, units, start};
  };
  for (int i = 0; i < n; ++i) {
    relax(i + 1, i, best[i].cost + graph.layers[i].alone.total());
    if (!isMergeable(graph.layers[i].info))
      continue;
    std::vector<int> seg = {i};
    for (int j = i + 1; j < n && j - i < kMaxGroupLayers; ++j) {
      if (!isMergeable(graph.layers[j].info) ||
          !graph.layers[j].barrier.empty())
        break;
      seg.push_back(j);
      GroupPlan plan = evaluateGroup(graph, seg, sramBytes);
      if (plan.valid)
        relax(j + 1, i, best[i].cost + plan.traffic.total());
      // When no mode can fit, no longer segment can.
      else if (noLongerGroupFits(graph, plan, sramBytes))
        break;
    }
  }

  Partition result;
  std::vector<std::pair<int, int>> ranges;
  for (int end = n; end > 0; end = best[end].start)
    ranges.push_back({best[end].start, end - 1});
  std::reverse(ranges.begin(), ranges.end());
  for (size_t k = 0; k < ranges.size(); ++k) {
    PartitionUnit unit;
    unit.first = ranges[k].first;
    unit.last = ranges[k].second;
    if (unit.isGroup()) {
      std::vector<int> seg;
      for (int l = unit.first; l <= unit.last; ++l)
        seg.push_back(l);
      unit.plan = evaluateGroup(graph, seg, sramBytes);
      GroupPlan &plan = unit.plan;
      unit.cycles = getGroupCycles(graph, plan, plan.mode).whole();
      // At equal traffic, the mode with fewer cycles (only double
      // buffering makes them differ).
      if (graph.target.dmaOverlap) {
        GroupMode chosen = plan.mode;
        for (const GroupModeModel *model : getGroupModeModels()) {
          GroupMode other = model->getMode();
          const GroupModePlan &m = plan.in(other);
          if (other == chosen || !m.fits ||
              m.traffic.total() != plan.in(chosen).traffic.total())
            continue;
          Cycles c = getGroupCycles(graph, plan, other).whole();
          if (c.estimated < unit.cycles.estimated) {
            plan.mode = other;
            plan.traffic = m.traffic;
            unit.cycles = c;
          }
        }
      }
      unit.traffic = plan.traffic;
    } else {
      unit.traffic = graph.layers[unit.first].alone;
      unit.cycles = graph.layers[unit.first].aloneCycles;
    }
    result.cycles += unit.cycles;
    if (k + 1 < ranges.size())
      unit.boundaryReason =
          explainBoundary(graph, unit.first, unit.last, sramBytes);
    result.total.input += unit.traffic.input;
    result.total.weights += unit.traffic.weights;
    result.total.output += unit.traffic.output;
    result.units.push_back(std::move(unit));
  }
  for (const GraphLayer &l : graph.layers) {
    result.unmerged.input += l.alone.input;
    result.unmerged.weights += l.alone.weights;
    result.unmerged.output += l.alone.output;
  }
  return result;
}
