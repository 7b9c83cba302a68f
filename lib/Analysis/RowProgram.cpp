//===- RowProgram.cpp - The schedule of a fusion group in mode rows -------===//

#include "cnn/Analysis/RowProgram.h"

#include "GroupView.h"

#include "llvm/ADT/DenseMap.h"

#include <algorithm>
#include <map>

using namespace mlir::cnn;
using namespace mlir::cnn::fusion;

std::vector<RowStep> RowProgram::expand() const {
  std::vector<RowStep> steps(prologue);
  for (int64_t k = 0; k < trips; ++k)
    for (RowStep step : body) {
      for (RowAction &a : step.actions) {
        a.first += k * a.advance;
        a.advance = 0;
      }
      steps.push_back(std::move(step));
    }
  steps.insert(steps.end(), epilogue.begin(), epilogue.end());
  return steps;
}

namespace {

/// What output row `o` of `layer` reads past the edges of its inputs: per
/// input, the window rows clipped above and below, or the row's phase in
/// an up-sampling and whether its two bilinear rows clamp. Two rows with
/// one shape are computed by the same code, their input rows at the same
/// distances.
std::vector<int64_t> getRowShape(const LayerInfo &layer, int64_t o) {
  std::vector<int64_t> shape;
  for (size_t j = 0; j < layer.inputRows.size(); ++j) {
    const RowDependence &d = layer.inputRows[j];
    int64_t h = layer.inputs[j].h;
    switch (d.kind) {
    case RowDependence::Kind::Window: {
      int64_t lo = o * d.stride - d.pad, hi = lo + d.window - 1;
      shape.push_back(std::min(std::max<int64_t>(-lo, 0), d.window));
      shape.push_back(std::min(std::max<int64_t>(hi - (h - 1), 0), d.window));
      break;
    }
    case RowDependence::Kind::Upsample: {
      shape.push_back(o % d.scale);
      if (d.bilinear) {
        int64_t i0 = d.bilinearRow(o);
        shape.push_back(i0 < 0);
        shape.push_back(i0 + 1 > h - 1);
      }
      break;
    }
    case RowDependence::Kind::Whole:
      break;
    }
  }
  return shape;
}

} // namespace

void mlir::cnn::forEachRowStep(
    const FusionGraph &graph, const std::vector<int> &layers, bool splitShapes,
    llvm::function_ref<void(int64_t, const RowStep &)> fn) {
  GroupView view(graph, layers);
  LocalRows rows = simulateRows(graph, layers, /*record=*/true);
  llvm::DenseMap<int, int> slot;
  for (size_t k = 0; k < rows.tensors.size(); ++k)
    slot[rows.tensors[k]] = static_cast<int>(k);
  llvm::DenseMap<int, int> copies;
  for (int t : storedTensors(graph, view))
    ++copies[t];
  std::vector<int> inputs;
  for (int t : view.tensors)
    if (view.isInput(t))
      inputs.push_back(t);
  // Row shapes as small identifiers, in order of first appearance.
  std::map<std::vector<int64_t>, int> shapeIds;
  auto shapeOf = [&](const LayerInfo &layer, int64_t o) {
    auto [it, inserted] = shapeIds.try_emplace(
        getRowShape(layer, o), static_cast<int>(shapeIds.size()));
    return it->second;
  };

  std::vector<int64_t> none(rows.tensors.size(), -1);
  RowStep step;
  for (int64_t r = 0; r < rows.steps; ++r) {
    const std::vector<int64_t> &need = rows.need[r];
    const std::vector<int64_t> &prev = r ? rows.need[r - 1] : none;
    step.actions.clear();
    auto add = [&](RowAction::Kind kind, int index, int64_t first,
                   int64_t count, int shape = 0) {
      step.actions.push_back({kind, index, first, count, /*advance=*/0, shape});
    };
    for (int t : inputs) {
      int k = slot.lookup(t);
      if (need[k] > prev[k])
        add(RowAction::Kind::Load, t, prev[k] + 1, need[k] - prev[k]);
    }
    for (int l : layers) {
      int out = graph.layers[l].output;
      if (view.isView(out))
        continue;
      int k = slot.lookup(out);
      int64_t p = prev[k] + 1, q = need[k];
      if (q < p)
        continue;
      if (!splitShapes) {
        add(RowAction::Kind::Compute, l, p, q - p + 1);
      } else {
        const LayerInfo &info = graph.layers[l].info;
        for (int64_t o = p; o <= q;) {
          int shape = shapeOf(info, o);
          int64_t e = o + 1;
          while (e <= q && shapeOf(info, e) == shape)
            ++e;
          add(RowAction::Kind::Compute, l, o, e - o, shape);
          o = e;
        }
      }
      for (int c = 0; c < copies.lookup(out); ++c)
        add(RowAction::Kind::Store, out, p, q - p + 1);
    }
    fn(r, step);
  }
}

namespace {

/// True when step `b` is step `a` with every action's rows moved.
bool sameButRows(const RowStep &a, const RowStep &b) {
  if (a.actions.size() != b.actions.size())
    return false;
  for (size_t i = 0; i < a.actions.size(); ++i) {
    const RowAction &x = a.actions[i], &y = b.actions[i];
    if (x.kind != y.kind || x.index != y.index || x.count != y.count ||
        x.shape != y.shape)
      return false;
  }
  return true;
}

/// Per action, how far step `b` moved the rows of step `a`.
std::vector<int64_t> moves(const RowStep &a, const RowStep &b) {
  std::vector<int64_t> d;
  for (size_t i = 0; i < a.actions.size(); ++i)
    d.push_back(b.actions[i].first - a.actions[i].first);
  return d;
}

} // namespace

RowProgram mlir::cnn::foldRowSteps(const std::vector<RowStep> &steps) {
  int64_t n = static_cast<int64_t>(steps.size());
  // The loop covering the most steps: from step `start`, `trips` periods
  // of `period` steps, each step of a period equal to the same step of the
  // previous one with its actions' rows moved by the same amounts.
  int64_t bestCovered = 0, bestStart = 0, bestPeriod = 0, bestTrips = 0;
  for (int64_t period = 1; period <= kMaxRowPeriod && 2 * period <= n;
       ++period) {
    // match[r]: step r + period is step r moved; sameMove[r]: and step
    // r + 2 * period is step r + period moved the same way.
    int64_t m = n - period;
    std::vector<char> match(m, 0), sameMove(m, 0);
    std::vector<std::vector<int64_t>> move(m);
    for (int64_t r = 0; r < m; ++r)
      if ((match[r] = sameButRows(steps[r], steps[r + period])))
        move[r] = moves(steps[r], steps[r + period]);
    for (int64_t r = 0; r + period < m; ++r)
      sameMove[r] =
          match[r] && match[r + period] && move[r] == move[r + period];
    // Runs of consecutive true entries from each r, from the end.
    std::vector<int64_t> runMatch(m + 1, 0), runMove(m + 1, 0);
    for (int64_t r = m; r-- > 0;) {
      runMatch[r] = match[r] ? runMatch[r + 1] + 1 : 0;
      runMove[r] = sameMove[r] ? runMove[r + 1] + 1 : 0;
    }
    for (int64_t start = 0; start < m; ++start) {
      // Iterations k = 1 .. trips-1 need match on [start, start +
      // (trips-1)*period) and equal moves on [start, start +
      // (trips-2)*period).
      int64_t trips =
          1 + std::min(runMatch[start] / period, runMove[start] / period + 1);
      int64_t covered = (trips - 1) * period;
      if (trips >= 2 && covered > bestCovered) {
        bestCovered = covered;
        bestStart = start;
        bestPeriod = period;
        bestTrips = trips;
      }
    }
  }

  RowProgram program;
  if (bestTrips < 2) {
    program.prologue = steps;
    return program;
  }
  program.prologue.assign(steps.begin(), steps.begin() + bestStart);
  program.body.assign(steps.begin() + bestStart,
                      steps.begin() + bestStart + bestPeriod);
  for (int64_t j = 0; j < bestPeriod; ++j) {
    std::vector<int64_t> d =
        moves(steps[bestStart + j], steps[bestStart + j + bestPeriod]);
    for (size_t i = 0; i < d.size(); ++i)
      program.body[j].actions[i].advance = d[i];
  }
  program.trips = bestTrips;
  program.epilogue.assign(steps.begin() + bestStart + bestTrips * bestPeriod,
                          steps.end());
  return program;
}

RowProgram mlir::cnn::buildRowProgram(const FusionGraph &graph,
                                      const std::vector<int> &layers) {
  std::vector<RowStep> steps;
  forEachRowStep(graph, layers, /*splitShapes=*/true,
                 [&](int64_t, const RowStep &s) { steps.push_back(s); });
  RowProgram program = foldRowSteps(steps);
  LocalRows rows = simulateRows(graph, layers, /*record=*/false);
  // Under double buffering the buffers DMA streams hold twice their rows
  // (getRowsModeSram counts them twice).
  llvm::DenseSet<int> streamed;
  if (graph.target.dmaOverlap)
    streamed = streamedTensors(graph, GroupView(graph, layers));
  program.tensors = rows.tensors;
  program.bufferRows.assign(graph.tensors.size(), 0);
  for (size_t k = 0; k < rows.tensors.size(); ++k) {
    int t = rows.tensors[k];
    program.bufferRows[t] = rows.maxLive[k] * (streamed.contains(t) ? 2 : 1);
  }
  return program;
}
