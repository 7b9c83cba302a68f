//===- GroupView.cpp - A set of layers seen as a fusion group ---*- C++ -*-===//

#include "GroupView.h"

#include <algorithm>
#include <functional>
#include <limits>

using namespace mlir::cnn;
using namespace mlir::cnn::fusion;

std::vector<int> fusion::storedTensors(const FusionGraph &graph,
                                       const GroupView &view) {
  // A leaving concatenation covers its parts (and, through them, theirs):
  // producers write into it, so a covered tensor is not written again.
  llvm::DenseSet<int> covered;
  for (auto it = view.layers.rbegin(); it != view.layers.rend(); ++it) {
    const GraphLayer &layer = graph.layers[*it];
    if (layer.info.cls != LayerClass::View)
      continue;
    if (view.leaves(layer.output) || covered.contains(layer.output))
      for (int part : layer.inputs)
        covered.insert(part);
  }
  // Each tensor once per leaving, uncovered tensor it is written into.
  llvm::DenseMap<int, int> copies;
  std::function<void(int)> mark = [&](int t) {
    if (!view.producedHere(t))
      return;
    if (!view.isView(t)) {
      ++copies[t];
      return;
    }
    for (int part : graph.layers[graph.tensors[t].producer].inputs)
      mark(part);
  };
  for (int t : view.tensors)
    if (view.leaves(t) && !covered.contains(t))
      mark(t);
  std::vector<int> result;
  for (int t : view.tensors)
    for (int i = 0; i < copies.lookup(t); ++i)
      result.push_back(t);
  return result;
}

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
} // namespace

std::string fusion::getUnwritableConcat(const FusionGraph &graph,
                                        const GroupView &view) {
  std::function<std::string(int)> check = [&](int t) -> std::string {
    const GraphLayer &concat = graph.layers[graph.tensors[t].producer];
    for (int part : concat.inputs) {
      if (view.isView(part)) {
        std::string why = check(part);
        if (!why.empty())
          return why;
      } else if (graph.tensors[part].producer < 0) {
        return "concatenation '" + concat.info.name + "' leaves the group " +
               "with the network's input '" + graph.tensors[part].name +
               "', which no layer writes into it";
      }
    }
    return "";
  };
  for (int t : view.tensors)
    if (view.isView(t) && view.leaves(t)) {
      std::string why = check(t);
      if (!why.empty())
        return why;
    }
  return "";
}

llvm::DenseSet<int> fusion::streamedTensors(const FusionGraph &graph,
                                           const GroupView &view) {
  return streamedTensors(view, storedTensors(graph, view));
}

llvm::DenseSet<int> fusion::streamedTensors(const GroupView &view,
                                           llvm::ArrayRef<int> stored) {
  llvm::DenseSet<int> streamed;
  for (int t : view.tensors)
    if (view.isInput(t))
      streamed.insert(t);
  for (int t : stored)
    streamed.insert(t);
  return streamed;
}

LocalRows fusion::simulateRows(const FusionGraph &graph,
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
