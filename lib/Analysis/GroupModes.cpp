//===- GroupModes.cpp - How a fusion group runs ------------------*- C++
//-*-===//

#include "cnn/Analysis/GroupModes.h"
#include "cnn/Analysis/ArenaPlacement.h"
#include "cnn/Analysis/RowProgram.h"
#include "cnn/Analysis/StripPlan.h"
#include "GroupView.h"

#include <algorithm>
#include <limits>

using namespace mlir::cnn;
using namespace mlir::cnn::fusion;

GroupModeModel::~GroupModeModel() = default;

bool GroupModeModel::supportsAll(const FusionGraph &graph,
                                 const std::vector<int> &layers) const {
  return std::all_of(layers.begin(), layers.end(), [&](int l) {
    return supports(graph.layers[l].info);
  });
}

namespace {

/// What the steps of every mode start from: the group's tensors, the
/// tensors it stores, and the DRAM bytes of a feature-map transfer.
struct StepContext {
  StepContext(const FusionGraph &graph, const std::vector<int> &layers)
      : graph(graph), view(graph, layers), stored(storedTensors(graph, view)) {}

  /// A transfer of `bytes` of feature map: compressed, rounded up to the
  /// target's DMA burst.
  int64_t fm(int64_t bytes) const {
    return graph.target.alignTransfer(
        scaleFeatureMapBytes(bytes, graph.fmPercent));
  }

  const FusionGraph &graph;
  GroupView view;
  std::vector<int> stored;
};

/// Every weight and bias of `layers` loaded once, each one transfer.
int64_t getWeightTraffic(const FusionGraph &graph,
                         const std::vector<int> &layers) {
  int64_t bytes = 0;
  for (int l : layers) {
    const LayerInfo &info = graph.layers[l].info;
    bytes += graph.target.alignTransfer(info.storedWeightBytes());
    bytes += graph.target.alignTransfer(info.biasBytes);
  }
  return bytes;
}

/// Mode rows (the talk's merging in the X/Y domain): the weights of every
/// layer stay resident while the feature maps stream through line buffers,
/// one row of the last layer per step.
class RowsMode final : public GroupModeModel {
public:
  GroupMode getMode() const override { return GroupMode::Rows; }
  const char *getName() const override { return "rows"; }
  const char *getNeedLabel() const override { return "line buffers"; }
  bool supports(const LayerInfo &layer) const override {
    return layer.mergesInRows;
  }
  /// Every weight is resident.
  int64_t getMinimumNeed(int64_t weightBytes) const override {
    return weightBytes;
  }

  int64_t getSramNeed(const FusionGraph &graph, const std::vector<int> &layers,
                      std::vector<GroupBuffer> *buffers, int64_t sramBytes,
                      StripChoice *strip) const override {
    LocalRows rows = simulateRows(graph, layers, /*record=*/false);
    if (strip)
      *strip = StripChoice();
    StepContext ctx(graph, layers);
    StripCosts costs(ctx, rows);
    int64_t whole = costs.need(nullptr, buffers);
    if (!graph.widthStrips || sramBytes < 0 || whole <= sramBytes ||
        !areStripsLowered(graph, layers))
      return whole;
    // Width strips: among the strip widths that fit, with the halos of
    // the inputs read again or kept, the one that moves the fewest bytes,
    // the wider on ties, then the halos read again (no column caches).
    // Every strip count is tried, in strips as even as the period allows
    // (getStripWidths); the need does not always grow with the width
    // (strips that end nearer the edges clip their halos), and bursts
    // round each row's transfer up. Kept halos are not planned under DMA
    // overlap, whose prefetched rows are not in place when the cache is
    // filled.
    StripPlanner planner(graph, layers);
    std::vector<int64_t> widths = planner.getWidths();
    if (widths.empty())
      return whole;
    // Without a width that fits, the narrowest strips' need.
    StripPlan best = planner.plan(widths.front());
    bool bestKeeps = false;
    int64_t least = std::numeric_limits<int64_t>::max();
    for (auto it = widths.rbegin(); it != widths.rend(); ++it) {
      StripPlan plan = planner.plan(*it);
      bool any = false;
      for (bool keep : {false, true}) {
        if (keep && graph.target.dmaOverlap)
          continue;
        if (costs.need(&plan, nullptr, keep) > sramBytes)
          continue;
        int64_t bytes = costs.traffic(plan, keep).total();
        if (bytes < least) {
          least = bytes;
          bestKeeps = keep;
          any = true;
        }
      }
      if (any)
        best = std::move(plan);
    }
    if (buffers)
      buffers->clear();
    int64_t need = costs.need(&best, buffers, bestKeeps);
    if (strip && need <= sramBytes)
      *strip = StripChoice(best.width, bestKeeps);
    return need;
  }

  /// What the need and the traffic of mode rows are made of, per tensor of
  /// the group, at its whole width or in strips.
  struct StripCosts {
    StripCosts(const StepContext &ctx, const LocalRows &rows) : ctx(ctx) {
      const FusionGraph &graph = ctx.graph;
      const auto &T = graph.tensors;
      const std::vector<int> &tensors = ctx.view.tensors;
      llvm::DenseMap<int, int> index;
      for (size_t k = 0; k < tensors.size(); ++k)
        index[tensors[k]] = static_cast<int>(k);
      for (int l : ctx.view.layers)
        weights += storedWeightBytes(graph.layers[l].info);
      weightTraffic = getWeightTraffic(graph, ctx.view.layers);
      // Under double buffering the line buffers DMA fills (group inputs) or
      // drains (stored tensors) are held twice; weights load once and stay.
      llvm::DenseSet<int> streamed;
      if (graph.target.dmaOverlap)
        streamed = streamedTensors(ctx.view, ctx.stored);
      auto column = [&](int t) {
        return T[t].shape.c * T[t].shape.elemBytes;
      };
      for (size_t k = 0; k < rows.tensors.size(); ++k) {
        int t = rows.tensors[k];
        lines.push_back({t, index.lookup(t), rows.maxLive[k],
                         rows.maxLive[k] * column(t) *
                             (streamed.contains(t) ? 2 : 1)});
      }
      for (int t : tensors)
        if (ctx.view.isInput(t))
          loads.push_back({t, index.lookup(t), T[t].shape.h, column(t)});
      for (int t : ctx.stored)
        stores.push_back({t, index.lookup(t), T[t].shape.h, column(t)});
    }

    /// Weights and line buffers, at the whole width or in the strips of
    /// `strips`, where every line buffer is as wide as the most columns a
    /// strip holds of its tensor (the buffers keep one place in the arena
    /// for every strip); the buffers when `buffers` is given.
    int64_t need(const StripPlan *strips, std::vector<GroupBuffer> *buffers,
                 bool keepHalo = false) const {
      const auto &T = ctx.graph.tensors;
      int64_t sum = weights;
      for (const Line &line : lines) {
        int64_t w = T[line.tensor].shape.w;
        if (strips) {
          w = 0;
          for (const Strip &s : strips->strips)
            w = std::max(w, s.held[line.k].width());
        }
        sum += line.perColumn * w;
        const TensorShape &shape = T[line.tensor].shape;
        if (buffers)
          buffers->push_back({line.tensor, line.rows,
                              line.rows * shape.c * w * shape.elemBytes});
      }
      // Kept halos: per group input, a column cache of the most columns a
      // strip keeps, for every row.
      if (strips && keepHalo)
        for (const Move &m : loads) {
          int64_t cols = strips->cacheWidth[m.k];
          sum += m.rows * m.perColumn * cols;
          if (buffers && cols > 0)
            buffers->push_back({m.tensor, m.rows, m.rows * m.perColumn * cols});
        }
      return sum;
    }

    /// The traffic in the strips of `plan`: the weights once, and per strip
    /// every row of each group input's held columns and of each stored
    /// tensor's own columns, one transfer each (forEachStep's steps summed,
    /// in closed form).
    Traffic traffic(const StripPlan &plan, bool keepHalo = false) const {
      Traffic sum;
      sum.weights = weightTraffic;
      for (const Strip &s : plan.strips) {
        for (const Move &m : loads)
          sum.input += s.count * m.rows *
                       ctx.fm(m.perColumn * s.loaded(m.k, keepHalo).width());
        for (const Move &m : stores)
          sum.output +=
              s.count * m.rows * ctx.fm(m.perColumn * s.stored[m.k].width());
      }
      return sum;
    }

    struct Line {
      int tensor, k;
      int64_t rows, perColumn;
    };
    struct Move {
      int tensor, k;
      int64_t rows, perColumn;
    };
    const StepContext &ctx;
    int64_t weights = 0, weightTraffic = 0;
    std::vector<Line> lines;
    std::vector<Move> loads, stores;
  };

  void forEachStep(const FusionGraph &graph, const std::vector<int> &layers,
                   GroupStepFn fn, StripChoice strip) const override {
    StepContext ctx(graph, layers);
    const TargetDesc &target = graph.target;
    const auto &T = graph.tensors;
    // Mode rows: the steps of its row program (RowProgram.h), per strip;
    // the first also loads every weight and bias. Every row moved is one
    // transfer.
    Traffic weights;
    weights.weights = getWeightTraffic(graph, layers);
    std::vector<RowStep> rowSteps;
    forEachRowStep(graph, layers, /*splitShapes=*/false,
                   [&](int64_t, const RowStep &step) {
                     rowSteps.push_back(step);
                   });
    // The strips: the whole width as one strip, or the plan's.
    StripPlan plan;
    if (strip.width > 0) {
      plan = getStripPlan(graph, layers, strip.width);
    } else {
      plan.tensors = ctx.view.tensors;
      Strip whole;
      for (int t : plan.tensors) {
        whole.held.push_back({0, T[t].shape.w});
        whole.stored.push_back({0, T[t].shape.w});
      }
      plan.strips.push_back(whole);
    }
    llvm::DenseMap<int, int> index;
    for (size_t k = 0; k < plan.tensors.size(); ++k)
      index[plan.tensors[k]] = static_cast<int>(k);
    int64_t r = 0;
    for (size_t si = 0; si < plan.strips.size(); ++si) {
      const Strip &s = plan.strips[si];
      // One row of tensor t, `range` of its columns, as one transfer.
      auto row = [&](int t, const ColumnRange &range) {
        return ctx.fm(T[t].shape.c * range.width() * T[t].shape.elemBytes);
      };
      std::vector<Step> steps;
      for (const RowStep &step : rowSteps) {
        Step st;
        for (const RowAction &a : step.actions) {
          switch (a.kind) {
          case RowAction::Kind::Load:
            // With the halo kept, the kept columns come from the cache.
            st.loads.input +=
                a.count *
                row(a.index, s.loaded(index.lookup(a.index), strip.keepHalo));
            break;
          case RowAction::Kind::Store:
            st.stores.output +=
                a.count * row(a.index, s.stored[index.lookup(a.index)]);
            break;
          case RowAction::Kind::Compute: {
            const GraphLayer &layer = graph.layers[a.index];
            const TensorShape &out = T[layer.output].shape;
            int64_t cols = s.held[index.lookup(layer.output)].width();
            st.macs += static_cast<double>(layer.info.macs()) * a.count *
                       cols / (out.h * out.w);
            break;
          }
          }
        }
        steps.push_back(st);
      }
      emitStrip(target, steps, si == 0 ? weights : Traffic(), s.count, r, fn);
    }
  }

  struct Step {
    double macs = 0;
    Traffic loads, stores;
  };

  /// The steps of one strip, run `times` times; `weights` load first.
  static void emitStrip(const TargetDesc &target, const std::vector<Step> &steps,
                        const Traffic &weights, int64_t times, int64_t &r,
                        GroupStepFn fn) {
    if (!target.dmaOverlap) {
      // Each step loads, computes and stores in turn.
      for (size_t i = 0; i < steps.size(); ++i)
        fn(r++, steps[i].macs,
           (i ? Traffic{} : weights) + steps[i].loads + steps[i].stores,
           times);
      return;
    }
    // Pipelined as --lower-to-dma emits it: the weights and step 0's rows
    // load first; while step i computes, the rows of step i + 1 load and
    // those of step i - 1 store; the last step's rows store last.
    size_t n = steps.size();
    fn(r++, 0, n ? weights + steps[0].loads : weights, times);
    for (size_t i = 0; i < n; ++i)
      fn(r++, steps[i].macs,
         (i + 1 < n ? steps[i + 1].loads : Traffic{}) +
             (i ? steps[i - 1].stores : Traffic{}),
         times);
    if (n)
      fn(r++, 0, steps[n - 1].stores, times);
  }

  std::string explainMiss(const GroupPlan &plan,
                          const std::string &layer) const override {
    const GroupModePlan &p = plan.in(GroupMode::Rows);
    if (p.sram < 0)
      return "weights do not fit: merging '" + layer + "' needs " +
             std::to_string(plan.weightBytes) + " bytes of weights";
    return "line buffers do not fit: merging '" + layer + "' needs " +
           std::to_string(p.sram) + " bytes";
  }
};

/// Mode resident: the layers run one after another, every feature map is
/// kept whole from its production to its last reader, and the weights
/// stream through once, one output channel at a time.
class ResidentMode final : public GroupModeModel {
public:
  GroupMode getMode() const override { return GroupMode::Resident; }
  const char *getName() const override { return "resident"; }
  const char *getNeedLabel() const override { return "whole feature maps"; }
  /// Lifetimes only lengthen as layers join.
  bool needGrowsWithGroup() const override { return true; }

  int64_t getSramNeed(const FusionGraph &graph, const std::vector<int> &layers,
                      std::vector<GroupBuffer> *buffers,
                      int64_t sramBytes, StripChoice *strip) const override {
    if (strip)
      *strip = StripChoice();
    const auto &T = graph.tensors;
    // The buffers the lowering places (whole feature maps over their
    // lifetimes; each convolution's or fully connected layer's weights and
    // bias for one output
    // channel, as stored, twice under double buffering), placed as it places
    // them: the need is the placement's peak, not only the bytes live at
    // once, so a group that fits is one the lowering can place.
    std::vector<ArenaBuffer> arena;
    for (const ResidentLifetime &life : getResidentLifetimes(graph, layers)) {
      const TensorShape &sh = T[life.tensor].shape;
      arena.push_back({life.first, life.last, sh.bytes(), sh.elemBytes, true});
      if (buffers)
        buffers->push_back({life.tensor, sh.h, sh.bytes()});
    }
    for (size_t i = 0; i < layers.size(); ++i) {
      const LayerInfo &l = graph.layers[layers[i]].info;
      if (!streamsWeightChannels(l))
        continue;
      int pos = static_cast<int>(i);
      int copies = graph.target.dmaOverlap ? 2 : 1;
      // Compressed weights: the largest channel's stored bytes.
      int64_t channelBytes = l.hasCompressedWeights()
                                 ? l.largestCompressedChannel()
                                 : l.weightBytes / l.output.c;
      int64_t channelAlign =
          l.hasCompressedWeights() ? 1 : l.weightBytes / l.weightElements;
      for (int k = 0; k < copies; ++k) {
        arena.push_back({pos, pos, channelBytes, channelAlign, false});
        if (l.biasElements)
          arena.push_back({pos, pos, l.biasBytes / l.biasElements,
                           l.biasBytes / l.biasElements, false});
      }
    }
    return getArenaNeed(arena, sramBytes);
  }

  void forEachStep(const FusionGraph &graph, const std::vector<int> &layers,
                   GroupStepFn fn, StripChoice) const override {
    StepContext ctx(graph, layers);
    const TargetDesc &target = graph.target;
    const auto &T = graph.tensors;
    // One step per layer: the first also loads the group's inputs whole;
    // a convolution or fully connected layer streams its weights one output
    // channel at a time; a
    // stored tensor is written whole after its producer.
    llvm::DenseMap<int, int> copies;
    for (int t : ctx.stored)
      ++copies[t];
    // Under DMA overlap the steps are those --lower-to-dma emits: the
    // inputs load, then per layer its computation, a convolution's output
    // channels pipelined (channel k + 1's weights load while channel k
    // computes, the first channel's before), then its stored output.
    int64_t r = 0;
    for (size_t i = 0; i < layers.size(); ++i) {
      const GraphLayer &layer = graph.layers[layers[i]];
      const LayerInfo &l = layer.info;
      Traffic bytes;
      if (i == 0)
        for (int t : ctx.view.tensors)
          if (ctx.view.isInput(t))
            bytes.input += ctx.fm(T[t].shape.bytes());
      int64_t m = l.output.c;
      // The weight (and bias) bytes of output channel k.
      auto channelWeights = [&](int64_t k) -> int64_t {
        if (!l.hasWeights())
          return 0;
        int64_t bias = l.biasElements ? l.biasBytes / l.biasElements : 0;
        int64_t w = target.alignTransfer(
            l.hasCompressedWeights()
                ? l.compressedChannelBytes(k, k + 1)
                : (l.storedWeightBytes() + m - 1) / m);
        return w + (l.biasBytes ? target.alignTransfer(bias) : 0);
      };
      int64_t allWeights = 0;
      if (l.hasCompressedWeights())
        for (int64_t k = 0; k < m; ++k)
          allWeights += channelWeights(k);
      else
        allWeights = m * channelWeights(0);
      Traffic stored;
      stored.output =
          copies.lookup(layer.output) * ctx.fm(T[layer.output].shape.bytes());
      if (!target.dmaOverlap) {
        bytes.weights = allWeights;
        bytes.output = stored.output;
        fn(r++, l.macs(), bytes, 1);
        continue;
      }
      if (bytes.input)
        fn(r++, 0, bytes, 1);
      if (streamsWeightChannels(l)) {
        double perChannel = static_cast<double>(l.macs()) / m;
        Traffic w;
        w.weights = channelWeights(0);
        fn(r++, 0, w, 1);
        if (l.hasCompressedWeights()) {
          // Channels differ in their stored bytes: a step each.
          for (int64_t k = 1; k < m; ++k) {
            w.weights = channelWeights(k);
            fn(r++, perChannel, w, 1);
          }
        } else if (m > 1) {
          fn(r++, perChannel, w, m - 1);
        }
        fn(r++, perChannel, Traffic{}, 1);
      } else {
        Traffic w;
        w.weights = allWeights;
        fn(r++, l.macs(), w, 1);
      }
      if (stored.output)
        fn(r++, 0, stored, 1);
    }
  }

  std::string explainMiss(const GroupPlan &plan,
                          const std::string &layer) const override {
    return "whole feature maps do not fit: merging '" + layer + "' needs " +
           std::to_string(plan.in(GroupMode::Resident).sram) + " bytes";
  }
};

const RowsMode kRowsMode;
const ResidentMode kResidentMode;
const GroupModeModel *const kModes[] = {&kRowsMode, &kResidentMode};

} // namespace

bool mlir::cnn::streamsWeightChannels(const LayerInfo &l) {
  return (l.cls == LayerClass::Convolution || l.cls == LayerClass::Dense) &&
         l.hasWeights();
}

std::vector<ResidentLifetime>
mlir::cnn::getResidentLifetimes(const FusionGraph &graph,
                                const std::vector<int> &layers) {
  GroupView view(graph, layers);
  llvm::DenseMap<int, int> pos;
  for (size_t i = 0; i < layers.size(); ++i)
    pos[layers[i]] = static_cast<int>(i);
  std::vector<ResidentLifetime> lifetimes;
  for (int t : view.tensors) {
    if (view.isView(t))
      continue;
    ResidentLifetime life;
    life.tensor = t;
    life.first = view.producedHere(t) ? pos[graph.tensors[t].producer] : 0;
    life.last = life.first;
    for (int reader : view.readers(t))
      life.last = std::max(life.last, pos[reader]);
    lifetimes.push_back(life);
  }
  return lifetimes;
}

llvm::ArrayRef<const GroupModeModel *> mlir::cnn::getGroupModeModels() {
  return kModes;
}

const GroupModeModel &mlir::cnn::getGroupModeModel(GroupMode mode) {
  for (const GroupModeModel *m : kModes)
    if (m->getMode() == mode)
      return *m;
  llvm_unreachable("every GroupMode has a class");
}

const char *mlir::cnn::getGroupModeName(GroupMode mode) {
  return getGroupModeModel(mode).getName();
}

Traffic mlir::cnn::getGroupModeTraffic(const FusionGraph &graph,
                                       const std::vector<int> &layers,
                                       GroupMode mode, StripChoice strip) {
  Traffic sum;
  getGroupModeModel(mode).forEachStep(
      graph, layers,
      [&](int64_t, double, const Traffic &bytes, int64_t times) {
        sum.input += times * bytes.input;
        sum.weights += times * bytes.weights;
        sum.output += times * bytes.output;
      },
      strip);
  return sum;
}

Cycles mlir::cnn::getGroupCycles(const FusionGraph &graph,
                                 const GroupPlan &plan, GroupMode mode) {
  const TargetDesc &target = graph.target;
  StripChoice strip = plan.in(mode).strip;
  // Strips compute their halo columns again: their MACs are the steps'.
  if (!target.dmaOverlap && strip.width == 0) {
    int64_t macs = 0;
    for (int l : plan.layers)
      macs += graph.layers[l].info.macs();
    return getStepCycles(target, macs, plan.in(mode).traffic.total());
  }
  Cycles sum;
  getGroupModeModel(mode).forEachStep(
      graph, plan.layers,
      [&](int64_t, double macs, const Traffic &bytes, int64_t times) {
        Cycles c = getStepCycles(target, macs, bytes.total());
        sum.compute += times * c.compute;
        sum.dma += times * c.dma;
        sum.estimated += times * c.estimated;
      },
      strip);
  return sum;
}

int64_t mlir::cnn::getRowsModeSram(const FusionGraph &graph,
                                   const std::vector<int> &layers,
                                   std::vector<GroupBuffer> *buffers,
                                   StripChoice strip) {
  if (strip.width <= 0)
    return kRowsMode.getSramNeed(graph, layers, buffers, -1, nullptr);
  StepContext ctx(graph, layers);
  LocalRows rows = simulateRows(graph, layers, /*record=*/false);
  StripPlan plan = getStripPlan(graph, layers, strip.width);
  return RowsMode::StripCosts(ctx, rows).need(&plan, buffers, strip.keepHalo);
}

int64_t mlir::cnn::getResidentModeSram(const FusionGraph &graph,
                                       const std::vector<int> &layers,
                                       std::vector<GroupBuffer> *buffers) {
  return kResidentMode.getSramNeed(graph, layers, buffers, -1, nullptr);
}
