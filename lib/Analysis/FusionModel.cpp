//===- FusionModel.cpp - Fusion groups and the partition --------*- C++ -*-===//

#include "cnn/Analysis/FusionModel.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

#include <algorithm>
#include <functional>
#include <limits>

using namespace mlir::cnn;

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

const char *mlir::cnn::getGroupModeName(GroupMode mode) {
  return mode == GroupMode::Rows ? "rows" : "resident";
}

namespace {

/// The tensors a set of layers touches, and how they relate.
struct GroupView {
  const FusionGraph &graph;
  const std::vector<int> &layers;
  // Sets and maps over the group's own layers and tensors only, so that
  // looking at a group costs its size, not the network's.
  llvm::DenseSet<int> inGroup;   // layers of the group
  std::vector<int> tensors;      // group inputs and produced tensors
  llvm::DenseSet<int> inputs;    // tensors read, not produced here
  llvm::DenseSet<int> views;     // concat outputs produced here
  /// Per tensor: in-group layers whose rows decide how long its rows stay
  /// live. A concat output is a view of its parts, so a part is read by the
  /// concat's own readers.
  llvm::DenseMap<int, std::vector<int>> readerLists;

  GroupView(const FusionGraph &g, const std::vector<int> &ls)
      : graph(g), layers(ls) {
    for (int l : layers)
      inGroup.insert(l);
    llvm::DenseSet<int> seen;
    auto add = [&](int t) {
      if (seen.insert(t).second)
        tensors.push_back(t);
    };
    for (int l : layers) {
      for (int t : g.layers[l].inputs) {
        int p = g.tensors[t].producer;
        if (p < 0 || !inGroup.contains(p))
          inputs.insert(t);
        add(t);
      }
      add(g.layers[l].output);
      if (g.layers[l].info.cls == LayerClass::View)
        views.insert(g.layers[l].output);
    }
    // Readers, from the last layer back so a concat's readers are known
    // before its parts are visited.
    for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
      const GraphLayer &layer = g.layers[*it];
      bool view = layer.info.cls == LayerClass::View;
      for (int t : layer.inputs) {
        if (view) {
          std::vector<int> concatReaders = readerLists[layer.output];
          std::vector<int> &r = readerLists[t];
          r.insert(r.end(), concatReaders.begin(), concatReaders.end());
        } else {
          readerLists[t].push_back(*it);
        }
      }
    }
    for (auto &entry : readerLists) {
      std::vector<int> &r = entry.second;
      std::sort(r.begin(), r.end());
      r.erase(std::unique(r.begin(), r.end()), r.end());
    }
  }

  bool isInput(int t) const { return inputs.contains(t); }
  bool isView(int t) const { return views.contains(t); }
  const std::vector<int> &readers(int t) const {
    static const std::vector<int> none;
    auto it = readerLists.find(t);
    return it == readerLists.end() ? none : it->second;
  }

  bool producedHere(int t) const {
    int p = graph.tensors[t].producer;
    return p >= 0 && inGroup.contains(p);
  }

  bool hasInGroupConsumer(int t) const {
    for (int c : graph.tensors[t].consumers)
      if (inGroup.contains(c))
        return true;
    return false;
  }

  bool leaves(int t) const {
    if (!producedHere(t))
      return false;
    if (graph.tensors[t].isNetworkOutput)
      return true;
    for (int c : graph.tensors[t].consumers)
      if (!inGroup.contains(c))
        return true;
    return false;
  }
};

int64_t storedWeightBytes(const LayerInfo &l) {
  return l.storedWeightBytes() + l.biasBytes;
}

int64_t rowBytes(const TensorShape &s) { return s.c * s.w * s.elemBytes; }

/// The tensors produced in the group that DMA writes to DRAM: those that
/// leave it, and the parts (produced here) of leaving concatenations, which
/// their producers write in place. Concat outputs themselves are views.
std::vector<int> storedTensors(const FusionGraph &graph,
                               const GroupView &view) {
  llvm::DenseSet<int> stored;
  std::function<void(int)> mark = [&](int t) {
    if (!view.producedHere(t))
      return;
    if (!view.isView(t)) {
      stored.insert(t);
      return;
    }
    for (int part : graph.layers[graph.tensors[t].producer].inputs)
      mark(part);
  };
  for (int t : view.tensors)
    if (view.leaves(t))
      mark(t);
  std::vector<int> result;
  for (int t : view.tensors)
    if (stored.contains(t))
      result.push_back(t);
  return result;
}

} // namespace

namespace {
/// True when tensor `t` is `u` or, through concatenations, a part of it.
bool isPartOf(const FusionGraph &graph, int t, int u) {
  if (t == u)
    return true;
  int p = graph.tensors[u].producer;
  if (p < 0 || graph.layers[p].info.cls != LayerClass::View)
    return false;
  for (int part : graph.layers[p].inputs)
    if (isPartOf(graph, t, part))
      return true;
  return false;
}

/// The rows `reader` reads of tensor `t`, which it reads directly or
/// through a concatenation.
RowDependence dependenceOn(const FusionGraph &graph, const GraphLayer &reader,
                           int t) {
  for (size_t j = 0; j < reader.inputs.size(); ++j)
    if (isPartOf(graph, t, reader.inputs[j]))
      return reader.info.inputRows[j];
  return RowDependence::identity();
}

/// Mode rows of a group simulated over the group's tensors only: the line
/// buffer of each tensor with a buffer, and, when `steps` is given, every
/// step's produced and lowest live rows.
struct LocalRows {
  std::vector<int> tensors;           // with a buffer (not views)
  std::vector<int64_t> maxLive;       // parallel to tensors
  std::vector<std::vector<int64_t>> need, base; // [step][k], when recorded
  int64_t steps = 0;
};

LocalRows simulateRows(const FusionGraph &graph,
                       const std::vector<int> &layers, bool record) {
  GroupView view(graph, layers);
  const auto &T = graph.tensors;
  int driver = layers.back();
  LocalRows result;
  result.steps = T[graph.layers[driver].output].shape.h;
  int64_t steps = result.steps;

  // Local indices of the group's tensors.
  llvm::DenseMap<int, int> local;
  for (int t : view.tensors)
    local[t] = static_cast<int>(local.size());
  for (int t : view.tensors)
    if (!view.isView(t))
      result.tensors.push_back(t);
  size_t m = view.tensors.size();
  std::vector<int64_t> prev(m, -1), cur(m, -1);
  result.maxLive.assign(result.tensors.size(), 0);
  // Per layer: local indices of its inputs and output.
  std::vector<std::vector<int>> inputsOf(layers.size());
  std::vector<int> outputOf(layers.size());
  for (size_t i = 0; i < layers.size(); ++i) {
    for (int t : graph.layers[layers[i]].inputs)
      inputsOf[i].push_back(local[t]);
    outputOf[i] = local[graph.layers[layers[i]].output];
  }
  // Per buffered tensor: its readers' local output indices and row maps.
  struct Reader {
    int out;
    int64_t lastRow;
    RowDependence rows;
  };
  std::vector<std::vector<Reader>> readers(result.tensors.size());
  for (size_t k = 0; k < result.tensors.size(); ++k)
    for (int reader : view.readers(result.tensors[k])) {
      const GraphLayer &rl = graph.layers[reader];
      readers[k].push_back({local[rl.output], T[rl.output].shape.h - 1,
                            dependenceOn(graph, rl, result.tensors[k])});
    }
  // Tensors no layer of the group reads advance at the driver's rate.
  std::vector<int> unread;
  for (int t : view.tensors)
    if (view.producedHere(t) && !view.hasInGroupConsumer(t))
      unread.push_back(t);
  if (record) {
    result.need.assign(steps, std::vector<int64_t>(result.tensors.size()));
    result.base.assign(steps, std::vector<int64_t>(result.tensors.size()));
  }

  for (int64_t r = 0; r < steps; ++r) {
    bool last = r == steps - 1;
    cur = prev;
    for (int t : unread) {
      int64_t h = T[t].shape.h;
      int64_t &c = cur[local[t]];
      c = std::max(c, ((r + 1) * h + steps - 1) / steps - 1);
    }
    // Just in time: every layer computes the rows its readers need.
    for (size_t i = layers.size(); i-- > 0;) {
      const GraphLayer &layer = graph.layers[layers[i]];
      int out = outputOf[i];
      if (last)
        cur[out] = T[layer.output].shape.h - 1;
      for (size_t j = 0; j < inputsOf[i].size(); ++j) {
        int t = inputsOf[i][j];
        cur[t] = std::max(cur[t], layer.info.inputRows[j].highestRead(
                                      cur[out], layer.info.inputs[j].h));
      }
    }
    if (last)
      for (int t : view.tensors)
        cur[local[t]] = T[t].shape.h - 1;

    // Live rows: produced this step, or still needed by a reader that has
    // rows left to compute. The lowest of them is the buffer's base.
    for (size_t k = 0; k < result.tensors.size(); ++k) {
      int t = local[result.tensors[k]];
      int64_t produced = cur[t] - prev[t];
      int64_t from, live;
      if (readers[k].empty()) {
        from = prev[t] + 1;
        live = std::max<int64_t>(produced, 1);
      } else {
        int64_t minLo = std::numeric_limits<int64_t>::max();
        for (const Reader &reader : readers[k]) {
          int64_t done = prev[reader.out];
          if (done < reader.lastRow)
            minLo = std::min(minLo, reader.rows.lowestRead(done + 1));
        }
        from = std::min(minLo, prev[t] + 1);
        live = std::max<int64_t>(cur[t] - from + 1, 0);
      }
      result.maxLive[k] = std::max(result.maxLive[k], live);
      if (record) {
        result.need[r][k] = cur[t];
        result.base[r][k] = from;
      }
    }
    prev = cur;
  }
  return result;
}
} // namespace

RowSchedule mlir::cnn::computeRowSchedule(const FusionGraph &graph,
                                          const std::vector<int> &layers) {
  LocalRows rows = simulateRows(graph, layers, /*record=*/true);
  size_t n = graph.tensors.size();
  RowSchedule schedule;
  schedule.steps = rows.steps;
  schedule.tensors = rows.tensors;
  schedule.maxLive.assign(n, 0);
  schedule.need.assign(rows.steps, std::vector<int64_t>(n, -1));
  schedule.base.assign(rows.steps, std::vector<int64_t>(n, 0));
  for (size_t k = 0; k < rows.tensors.size(); ++k) {
    int t = rows.tensors[k];
    schedule.maxLive[t] = rows.maxLive[k];
    for (int64_t r = 0; r < rows.steps; ++r) {
      schedule.need[r][t] = rows.need[r][k];
      schedule.base[r][t] = rows.base[r][k];
    }
  }
  return schedule;
}

int64_t mlir::cnn::getRowsModeSram(const FusionGraph &graph,
                                   const std::vector<int> &layers,
                                   std::vector<GroupBuffer> *buffers) {
  LocalRows rows = simulateRows(graph, layers, /*record=*/false);
  const auto &T = graph.tensors;
  int64_t total = 0;
  for (int l : layers)
    total += storedWeightBytes(graph.layers[l].info);
  // Under double buffering the line buffers DMA fills (group inputs) or
  // drains (stored tensors) are held twice; weights load once and stay.
  llvm::DenseSet<int> streamed;
  if (graph.target.dmaOverlap) {
    GroupView view(graph, layers);
    for (int t : view.tensors)
      if (view.isInput(t))
        streamed.insert(t);
    for (int t : storedTensors(graph, view))
      streamed.insert(t);
  }
  for (size_t k = 0; k < rows.tensors.size(); ++k) {
    int t = rows.tensors[k];
    int64_t bytes = rows.maxLive[k] * rowBytes(T[t].shape);
    total += streamed.contains(t) ? graph.target.streamedBytes(bytes) : bytes;
    if (buffers)
      buffers->push_back({t, rows.maxLive[k], bytes});
  }
  return total;
}

int64_t mlir::cnn::getResidentModeSram(const FusionGraph &graph,
                                       const std::vector<int> &layers,
                                       std::vector<GroupBuffer> *buffers) {
  GroupView view(graph, layers);
  const auto &T = graph.tensors;
  llvm::DenseMap<int, int> pos;
  for (size_t i = 0; i < layers.size(); ++i)
    pos[layers[i]] = static_cast<int>(i);

  // Whole feature maps live from their producer (or the group's start) to
  // their last in-group reader: the bytes live at each layer, by a sweep
  // over the lifetimes' starts and ends.
  std::vector<int64_t> delta(layers.size() + 1, 0);
  for (int t : view.tensors) {
    if (view.isView(t))
      continue;
    int start = view.producedHere(t) ? pos[T[t].producer] : 0;
    int end = start;
    for (int reader : view.readers(t))
      end = std::max(end, pos[reader]);
    delta[start] += T[t].shape.bytes();
    delta[end + 1] -= T[t].shape.bytes();
    if (buffers)
      buffers->push_back({t, T[t].shape.h, T[t].shape.bytes()});
  }

  int64_t need = 0, live = 0;
  for (size_t i = 0; i < layers.size(); ++i) {
    const LayerInfo &l = graph.layers[layers[i]].info;
    live += delta[i];
    int64_t atLayer = live;
    // One output channel of weights (and its bias) at a time, held twice
    // under double buffering.
    if (l.hasWeights()) {
      int64_t m = l.output.c;
      atLayer += graph.target.streamedBytes(
          (l.storedWeightBytes() + m - 1) / m +
          (l.biasElements ? l.biasBytes / l.biasElements : 0));
    }
    need = std::max(need, atLayer);
  }
  return need;
}

namespace {
/// The transfers of a group in one mode, step by step (section 6 of
/// docs/CostModel.md): `fn(step, macs, bytes)` per step.
template <typename Fn>
void forEachGroupStep(const FusionGraph &graph, const std::vector<int> &layers,
                      GroupMode mode, Fn fn) {
  const TargetDesc &target = graph.target;
  const auto &T = graph.tensors;
  auto fm = [&](int64_t bytes) {
    return target.alignTransfer(scaleFeatureMapBytes(bytes, graph.fmPercent));
  };
  GroupView view(graph, layers);
  std::vector<int> stored = storedTensors(graph, view);
  if (mode == GroupMode::Resident) {
    // One step per layer: the first also loads the group's inputs whole;
    // a convolution streams its weights one output channel at a time; a
    // stored tensor is written whole after its producer.
    llvm::DenseSet<int> storedSet(stored.begin(), stored.end());
    for (size_t i = 0; i < layers.size(); ++i) {
      const GraphLayer &layer = graph.layers[layers[i]];
      const LayerInfo &l = layer.info;
      Traffic bytes;
      if (i == 0)
        for (int t : view.tensors)
          if (view.isInput(t))
            bytes.input += fm(T[t].shape.bytes());
      if (l.hasWeights()) {
        int64_t m = l.output.c;
        int64_t bias = l.biasElements ? l.biasBytes / l.biasElements : 0;
        bytes.weights = m * target.alignTransfer((l.storedWeightBytes() + m - 1) / m);
        if (l.biasBytes)
          bytes.weights += m * target.alignTransfer(bias);
      }
      if (storedSet.contains(layer.output))
        bytes.output = fm(T[layer.output].shape.bytes());
      fn(static_cast<int64_t>(i), l.macs(), bytes);
    }
    return;
  }
  // Mode rows: one step per row of the driver; the first also loads every
  // weight and bias; each step loads the new rows of the group's inputs and
  // stores the new rows of the stored tensors, each as one transfer.
  LocalRows rows = simulateRows(graph, layers, /*record=*/true);
  llvm::DenseMap<int, int> slot;
  for (size_t k = 0; k < rows.tensors.size(); ++k)
    slot[rows.tensors[k]] = static_cast<int>(k);
  std::vector<int64_t> prev(rows.tensors.size(), -1);
  for (int64_t r = 0; r < rows.steps; ++r) {
    Traffic bytes;
    if (r == 0)
      for (int l : layers) {
        const LayerInfo &info = graph.layers[l].info;
        bytes.weights += target.alignTransfer(info.storedWeightBytes());
        bytes.weights += target.alignTransfer(info.biasBytes);
      }
    auto newRows = [&](int t) {
      int k = slot.lookup(t);
      return rows.need[r][k] - prev[k];
    };
    for (int t : view.tensors)
      if (view.isInput(t) && newRows(t) > 0)
        bytes.input += fm(newRows(t) * rowBytes(T[t].shape));
    for (int t : stored)
      if (newRows(t) > 0)
        bytes.output += fm(newRows(t) * rowBytes(T[t].shape));
    double macs = 0;
    for (int l : layers) {
      const GraphLayer &layer = graph.layers[l];
      int out = layer.output;
      if (view.isView(out) || newRows(out) <= 0)
        continue;
      macs += static_cast<double>(layer.info.macs()) * newRows(out) /
              T[out].shape.h;
    }
    fn(r, macs, bytes);
    prev = rows.need[r];
  }
}

Traffic getGroupTraffic(const FusionGraph &graph,
                        const std::vector<int> &layers, GroupMode mode) {
  Traffic sum;
  forEachGroupStep(graph, layers, mode,
                   [&](int64_t, double, const Traffic &bytes) {
                     sum.input += bytes.input;
                     sum.weights += bytes.weights;
                     sum.output += bytes.output;
                   });
  return sum;
}
} // namespace

Cycles mlir::cnn::getGroupCycles(const FusionGraph &graph,
                                 const GroupPlan &plan, GroupMode mode) {
  const TargetDesc &target = graph.target;
  if (!target.dmaOverlap) {
    int64_t macs = 0;
    for (int l : plan.layers)
      macs += graph.layers[l].info.macs();
    const Traffic &t =
        mode == GroupMode::Rows ? plan.rowsTraffic : plan.residentTraffic;
    return getStepCycles(target, macs, t.total());
  }
  Cycles sum;
  forEachGroupStep(graph, plan.layers, mode,
                   [&](int64_t, double macs, const Traffic &bytes) {
                     sum += getStepCycles(target, macs, bytes.total());
                   });
  return sum;
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

  // Traffic: inputs once, weights once, leaving tensors once. Producers
  // write into a concatenated tensor, so a leaving concat covers its parts.
  llvm::DenseSet<int> covered;
  for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
    const GraphLayer &layer = graph.layers[*it];
    if (layer.info.cls != LayerClass::View)
      continue;
    if (view.leaves(layer.output) || covered.contains(layer.output))
      for (int part : layer.inputs)
        covered.insert(part);
  }
  std::function<int64_t(int)> written = [&](int t) -> int64_t {
    int p = T[t].producer;
    if (graph.layers[p].info.cls != LayerClass::View)
      return T[t].shape.bytes();
    int64_t sum = 0;
    for (int part : graph.layers[p].inputs)
      if (view.producedHere(part))
        sum += written(part);
    return sum;
  };
  for (int t : view.tensors) {
    if (view.isInput(t)) {
      plan.inputs.push_back(t);
      plan.traffic.input += T[t].shape.bytes();
    } else if (view.leaves(t)) {
      plan.outputs.push_back(t);
      if (!covered.contains(t))
        plan.traffic.output += written(t);
    }
  }
  plan.traffic.weights = plan.weightBytes;
  plan.traffic.input = scaleFeatureMapBytes(plan.traffic.input, graph.fmPercent);
  plan.traffic.output =
      scaleFeatureMapBytes(plan.traffic.output, graph.fmPercent);
  plan.rowsTraffic = plan.residentTraffic = plan.traffic;

  if (layers.size() < 2)
    return plan;
  for (int l : layers)
    if (!isMergeable(graph.layers[l].info))
      return plan;

  // Mode rows keeps every weight resident; only worth simulating when the
  // weights fit.
  if (plan.weightBytes <= sramBytes)
    plan.rowsSram = getRowsModeSram(graph, layers, &plan.rowBuffers);
  plan.residentSram = getResidentModeSram(graph, layers, &plan.residentBuffers);
  bool rowsFit = plan.rowsSram >= 0 && plan.rowsSram <= sramBytes;
  bool residentFits = plan.residentSram <= sramBytes;
  if (graph.target.dmaAlignBytes > 1) {
    // With bursts each mode's transfers round up differently.
    if (rowsFit)
      plan.rowsTraffic = getGroupTraffic(graph, layers, GroupMode::Rows);
    if (residentFits)
      plan.residentTraffic =
          getGroupTraffic(graph, layers, GroupMode::Resident);
  }
  // Mode rows when both fit, unless resident moves fewer bytes.
  if (rowsFit && !(residentFits && plan.residentTraffic.total() <
                                       plan.rowsTraffic.total())) {
    plan.valid = true;
    plan.mode = GroupMode::Rows;
    plan.traffic = plan.rowsTraffic;
  } else if (residentFits) {
    plan.valid = true;
    plan.mode = GroupMode::Resident;
    plan.traffic = plan.residentTraffic;
  }
  return plan;
}

/// Why a unit ending at layer `last` is not extended by layer `last + 1`.
static std::string explainBoundary(const FusionGraph &graph, int first,
                                   int last, int64_t sramBytes) {
  const GraphLayer &a = graph.layers[last];
  const GraphLayer &b = graph.layers[last + 1];
  for (const GraphLayer *l : {&a, &b})
    if (!isMergeable(l->info))
      return "layer '" + l->info.name + "' (" + l->info.kind +
             ") cannot be merged";
  std::vector<int> ext;
  for (int l = first; l <= last + 1; ++l)
    ext.push_back(l);
  GroupPlan plan = evaluateGroup(graph, ext, sramBytes);
  if (!plan.valid) {
    std::string resident = std::to_string(plan.residentSram);
    if (plan.rowsSram < 0)
      return "weights do not fit: merging '" + b.info.name + "' needs " +
             std::to_string(plan.weightBytes) +
             " bytes of weights (whole feature maps: " + resident + ")";
    return "line buffers do not fit: merging '" + b.info.name + "' needs " +
           std::to_string(plan.rowsSram) + " bytes (whole feature maps: " +
           resident + ")";
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
      if (!isMergeable(graph.layers[j].info))
        break;
      seg.push_back(j);
      GroupPlan plan = evaluateGroup(graph, seg, sramBytes);
      if (plan.valid)
        relax(j + 1, i, best[i].cost + plan.traffic.total());
      // Weights only grow with the segment, and so does the resident
      // mode's need (lifetimes only lengthen): when neither mode can fit,
      // no longer segment can.
      else if (plan.weightBytes > sramBytes && plan.residentSram > sramBytes)
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
      bool bothFit = plan.rowsSram >= 0 && plan.rowsSram <= sramBytes &&
                     plan.residentSram <= sramBytes;
      if (bothFit && graph.target.dmaOverlap &&
          plan.rowsTraffic.total() == plan.residentTraffic.total()) {
        GroupMode other = plan.mode == GroupMode::Rows ? GroupMode::Resident
                                                       : GroupMode::Rows;
        Cycles c = getGroupCycles(graph, plan, other).whole();
        if (c.estimated < unit.cycles.estimated) {
          plan.mode = other;
          plan.traffic = other == GroupMode::Rows ? plan.rowsTraffic
                                                  : plan.residentTraffic;
          unit.cycles = c;
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
