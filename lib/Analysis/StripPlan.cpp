//===- StripPlan.cpp - Width strips of a fusion group -----------*- C++ -*-===//

#include "cnn/Analysis/StripPlan.h"
#include "cnn/Analysis/TileSearch.h"
#include "GroupView.h"

#include "llvm/ADT/DenseMap.h"

#include <algorithm>
#include <numeric>
#include <optional>

using namespace mlir::cnn;
using namespace mlir::cnn::fusion;

namespace {

/// Columns of a tensor per driver column, num / den in lowest terms; den 0
/// while unknown.
struct Scale {
  int64_t num = 0, den = 0;
  bool known() const { return den > 0; }
  static Scale of(int64_t num, int64_t den) {
    int64_t g = std::gcd(num, den);
    return {num / g, den / g};
  }
  bool operator==(const Scale &o) const {
    return num == o.num && den == o.den;
  }
};

ColumnRange hull(const ColumnRange &a, const ColumnRange &b) {
  if (a.empty())
    return b;
  if (b.empty())
    return a;
  return {std::min(a.lo, b.lo), std::max(a.hi, b.hi)};
}

ColumnRange shifted(const ColumnRange &r, int64_t by) {
  if (r.empty())
    return r;
  return {r.lo + by, r.hi + by};
}

} // namespace

/// The group's tensors and how their columns follow the driver's.
struct mlir::cnn::fusion::StripGeometry {
  StripGeometry(const FusionGraph &graph, const std::vector<int> &layers)
      : graph(graph), layers(layers), view(graph, layers) {
    for (int t : view.tensors)
      local[t] = static_cast<int>(local.size());
    size_t m = view.tensors.size();
    scale.assign(m, Scale());
    readWhole.assign(m, false);
    isStored.assign(m, false);
    for (int t : storedTensors(graph, view))
      isStored[local[t]] = true;
    driverWidth = graph.tensors[graph.layers[layers.back()].output].shape.w;
    for (int l : layers) {
      const GraphLayer &layer = graph.layers[l];
      outputOf.push_back(local[layer.output]);
      std::vector<int> ins;
      for (int t : layer.inputs)
        ins.push_back(local[t]);
      inputsOf.push_back(std::move(ins));
    }
    for (int t : view.tensors)
      widthOf.push_back(graph.tensors[t].shape.w);
    consistent = computeScales();
  }

  /// Propagates the scales from the driver back through the group; false
  /// when two paths disagree or a stored tensor has none.
  bool computeScales() {
    const auto &T = graph.tensors;
    auto assign = [&](int k, Scale s) {
      if (!scale[k].known()) {
        scale[k] = s;
        return true;
      }
      return scale[k] == s;
    };
    for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
      const GraphLayer &layer = graph.layers[*it];
      int out = local[layer.output];
      // A tensor no layer of the group reads (the driver, a side output)
      // follows the driver in proportion to its width.
      if (!scale[out].known())
        scale[out] = Scale::of(T[layer.output].shape.w, driverWidth);
      Scale s = scale[out];
      bool view = layer.info.cls == LayerClass::View;
      for (size_t j = 0; j < layer.inputs.size(); ++j) {
        int in = local[layer.inputs[j]];
        RowDependence d =
            view ? RowDependence::identity() : layer.info.inputCols[j];
        switch (d.kind) {
        case RowDependence::Kind::Whole:
          readWhole[in] = true;
          continue;
        case RowDependence::Kind::Window:
          if (!assign(in, Scale::of(s.num * d.stride, s.den)))
            return false;
          break;
        case RowDependence::Kind::Upsample:
          if (!assign(in, Scale::of(s.num, s.den * d.scale)))
            return false;
          break;
        }
      }
    }
    for (size_t k = 0; k < scale.size(); ++k)
      if (isStored[k] && !scale[k].known())
        return false;
    return true;
  }

  int64_t period() const {
    if (!consistent)
      return 0;
    int64_t p = 1;
    for (const Scale &s : scale)
      if (s.known())
        p = std::lcm(p, s.den);
    return p < driverWidth ? p : 0;
  }

  /// The columns of tensor k at driver column b (a multiple of the period),
  /// clamped to its width.
  int64_t columnAt(int k, int64_t b) const {
    int64_t w = graph.tensors[view.tensors[k]].shape.w;
    if (b >= driverWidth)
      return w;
    return std::min(b * scale[k].num / scale[k].den, w);
  }

  /// Strip `index` of strips of `width` driver columns.
  Strip strip(int64_t index, int64_t width) const {
    size_t m = view.tensors.size();
    Strip s;
    s.first = index;
    s.held.assign(m, ColumnRange());
    s.stored.assign(m, ColumnRange());
    int64_t b0 = index * width, b1 = b0 + width;
    for (size_t k = 0; k < m; ++k)
      if (isStored[k]) {
        int kk = static_cast<int>(k);
        s.stored[k] = {columnAt(kk, b0), columnAt(kk, b1)};
        s.held[k] = s.stored[k];
      }
    for (size_t i = layers.size(); i-- > 0;) {
      const GraphLayer &layer = graph.layers[layers[i]];
      ColumnRange c = s.held[outputOf[i]];
      if (c.empty())
        continue;
      bool view = layer.info.cls == LayerClass::View;
      for (size_t j = 0; j < inputsOf[i].size(); ++j) {
        int in = inputsOf[i][j];
        int64_t w = widthOf[in];
        ColumnRange r = c;
        if (!view) {
          const RowDependence &d = layer.info.inputCols[j];
          if (d.kind == RowDependence::Kind::Whole)
            r = {0, w};
          else
            r = {d.lowestRead(c.lo), d.highestRead(c.hi - 1, w) + 1};
        }
        s.held[in] = hull(s.held[in], r);
      }
    }
    return s;
  }

  /// True when `b` is `a` moved by one strip (a strip that holds nothing
  /// of a tensor, at an edge, is no strip moved).
  bool isNext(const Strip &a, const Strip &b, int64_t width) const {
    for (size_t k = 0; k < a.held.size(); ++k) {
      if (a.held[k].empty() || b.held[k].empty() ||
          (isStored[k] && (a.stored[k].empty() || b.stored[k].empty())))
        return false;
      int64_t by = shiftOf(static_cast<int>(k), width);
      if (!(b.stored[k] == shifted(a.stored[k], by)))
        return false;
      if (!(b.held[k] == shifted(a.held[k], readWhole[k] ? 0 : by)))
        return false;
    }
    return true;
  }

  int64_t shiftOf(int k, int64_t width) const {
    return scale[k].known() ? width * scale[k].num / scale[k].den : 0;
  }

  const FusionGraph &graph;
  const std::vector<int> &layers;
  GroupView view;
  llvm::DenseMap<int, int> local;
  /// Per layer (in `layers` order): the local indices of its output and
  /// inputs; per local tensor its width.
  std::vector<int> outputOf;
  std::vector<std::vector<int>> inputsOf;
  std::vector<int64_t> widthOf;
  std::vector<Scale> scale;
  std::vector<bool> readWhole, isStored;
  int64_t driverWidth = 0;
  bool consistent = false;
};

namespace {
StripPlan emptyPlan(const StripGeometry &g, int64_t width) {
  StripPlan plan;
  plan.width = width;
  plan.numStrips = (g.driverWidth + width - 1) / width;
  plan.tensors = g.view.tensors;
  for (size_t k = 0; k < plan.tensors.size(); ++k)
    plan.shift.push_back(
        g.readWhole[k] ? 0 : g.shiftOf(static_cast<int>(k), width));
  return plan;
}
} // namespace

/// The columns of group input k that `cur` holds and `prev` (the strip
/// before it) held too.
static ColumnRange keptColumns(const StripGeometry &g, const Strip &prev,
                               const Strip &cur, size_t k) {
  if (!g.view.isInput(g.view.tensors[k]) || g.readWhole[k] ||
      prev.held[k].empty() || cur.held[k].empty())
    return {};
  ColumnRange r = {cur.held[k].lo, std::min(cur.held[k].hi, prev.held[k].hi)};
  return r.empty() ? ColumnRange() : r;
}

/// The last strip of entry `s` (a run's last member).
static Strip lastOf(const StripPlan &plan, const Strip &s) {
  Strip last = s;
  int64_t n = s.count - 1;
  for (size_t k = 0; k < plan.tensors.size(); ++k) {
    last.held[k] = shifted(s.held[k], n * plan.shift[k]);
    last.stored[k] = shifted(s.stored[k], n * plan.shift[k]);
  }
  last.first = s.first + n;
  last.count = 1;
  return last;
}

/// Fills every strip's kept columns and the cache widths.
static void fillKept(const StripGeometry &g, StripPlan &plan) {
  size_t m = plan.tensors.size();
  plan.cacheWidth.assign(m, 0);
  for (size_t i = 0; i < plan.strips.size(); ++i) {
    Strip &s = plan.strips[i];
    s.kept.assign(m, ColumnRange());
    if (i > 0) {
      Strip prev = lastOf(plan, plan.strips[i - 1]);
      for (size_t k = 0; k < m; ++k)
        s.kept[k] = keptColumns(g, prev, s, k);
    }
    // Within a run each strip keeps the columns the first one keeps,
    // moved (the strips are translates of one another).
    if (s.count > 1) {
      Strip second = s;
      for (size_t k = 0; k < m; ++k)
        second.held[k] = shifted(s.held[k], plan.shift[k]);
      for (size_t k = 0; k < m; ++k)
        plan.cacheWidth[k] = std::max(
            plan.cacheWidth[k], keptColumns(g, s, second, k).width());
    }
    for (size_t k = 0; k < m; ++k)
      plan.cacheWidth[k] = std::max(plan.cacheWidth[k], s.kept[k].width());
  }
}

ColumnRange StripPlan::keptByNext(size_t s, size_t k) const {
  // Inside a run, strip j + 1 keeps what strip j keeps, moved by a strip;
  // planInRuns makes the strip after a run keep the same.
  if (strips[s].count > 1)
    return shifted(strips[s].kept[k], shift[k]);
  if (s + 1 < strips.size())
    return strips[s + 1].kept[k];
  return {};
}

/// The strips one by one.
static StripPlan planByStrips(const StripGeometry &g, int64_t width) {
  StripPlan plan = emptyPlan(g, width);
  for (int64_t i = 0; i < plan.numStrips; ++i)
    plan.strips.push_back(g.strip(i, width));
  fillKept(g, plan);
  return plan;
}

/// The strips near the edges one by one, the others as one run.
static StripPlan planInRuns(const StripGeometry &g, int64_t width) {
  StripPlan plan = emptyPlan(g, width);
  int64_t n = plan.numStrips;
  // From the left, the strips up to the first that is its predecessor
  // moved; from the right, those after the last that is. Between them
  // every strip is the one before moved by a strip.
  constexpr int64_t kMaxEdgeStrips = 64;
  std::vector<Strip> left = {g.strip(0, width)};
  int64_t firstRun = -1;
  for (int64_t i = 1; i < n - 1 && i <= kMaxEdgeStrips; ++i) {
    Strip s = g.strip(i, width);
    bool next = g.isNext(left.back(), s, width);
    left.push_back(std::move(s));
    if (next) {
      firstRun = i;
      break;
    }
  }
  std::vector<Strip> right;
  int64_t lastRun = -1;
  if (firstRun > 0) {
    Strip later = g.strip(n - 1, width);
    for (int64_t i = n - 2; i >= firstRun && n - 1 - i <= kMaxEdgeStrips;
         --i) {
      Strip s = g.strip(i, width);
      if (g.isNext(s, later, width)) {
        lastRun = i + 1;
        break;
      }
      right.push_back(std::move(later));
      later = std::move(s);
    }
  }
  if (firstRun < 0 || lastRun < 0)
    return planByStrips(g, width);
  // Strips firstRun .. lastRun are one run.
  left.back().count = lastRun - firstRun + 1;
  size_t r = left.size() - 1;
  plan.strips = std::move(left);
  for (auto it = right.rbegin(); it != right.rend(); ++it)
    plan.strips.push_back(std::move(*it));
  fillKept(g, plan);
  // A strip after the run must keep what a strip of the run keeps, moved,
  // so that one loop body fills the column caches for the next strip;
  // else (or when the run ends the row) the run's last strip goes on its
  // own.
  {
    const Strip &run = plan.strips[r];
    bool same = r + 1 < plan.strips.size();
    for (size_t k = 0; same && k < plan.tensors.size(); ++k)
      same &= plan.strips[r + 1].kept[k] ==
              shifted(run.kept[k], run.count * plan.shift[k]);
    if (!same && run.count > 1) {
      Strip last = lastOf(plan, run);
      plan.strips[r].count -= 1;
      plan.strips.insert(plan.strips.begin() + r + 1, std::move(last));
      fillKept(g, plan);
    }
  }
  return plan;
}

mlir::cnn::StripPlanner::StripPlanner(const FusionGraph &graph,
                           const std::vector<int> &layers)
    : geometry(std::make_unique<StripGeometry>(graph, layers)) {}
mlir::cnn::StripPlanner::~StripPlanner() = default;
int64_t mlir::cnn::StripPlanner::getPeriod() const { return geometry->period(); }
int64_t mlir::cnn::StripPlanner::getDriverWidth() const { return geometry->driverWidth; }
std::vector<int64_t> mlir::cnn::StripPlanner::getWidths() const {
  int64_t period = getPeriod();
  std::vector<int64_t> widths;
  if (period <= 0)
    return widths;
  // In periods: the distinct ceil(units / n) for n >= 2.
  int64_t units = (geometry->driverWidth + period - 1) / period;
  for (int64_t k : getTileCandidates(units))
    if (k * period < geometry->driverWidth)
      widths.push_back(k * period);
  return widths;
}

StripPlan mlir::cnn::StripPlanner::plan(int64_t width) const {
  return planInRuns(*geometry, width);
}

bool mlir::cnn::areStripsLowered(const FusionGraph &graph,
                                 const std::vector<int> &layers) {
  for (int l : layers) {
    const LayerInfo &info = graph.layers[l].info;
    bool stream = info.cls == LayerClass::Stream;
    const RowDependence *cols =
        info.inputCols.empty() ? nullptr : &info.inputCols.front();
    // Pads (columns shifted) and nearest up-sampling of every channel
    // (columns repeated); not bilinear up-sampling, nor depth_to_space,
    // which moves channels into columns.
    bool pad = stream && info.stream == StreamPattern::InputRows && cols &&
               cols->kind == RowDependence::Kind::Window;
    bool nearest = stream && info.stream == StreamPattern::InputRows && cols &&
                   cols->kind == RowDependence::Kind::Upsample &&
                   !info.bilinear && info.output.c == info.inputs.front().c;
    bool lowered = info.cls == LayerClass::Convolution ||
                   info.cls == LayerClass::Pool ||
                   info.cls == LayerClass::View ||
                   (stream && info.stream == StreamPattern::RowBlocks) || pad ||
                   nearest;
    if (!lowered)
      return false;
  }
  return true;
}

int64_t mlir::cnn::getStripPeriod(const FusionGraph &graph,
                                  const std::vector<int> &layers) {
  return StripPlanner(graph, layers).getPeriod();
}

StripPlan mlir::cnn::getStripPlan(const FusionGraph &graph,
                                  const std::vector<int> &layers,
                                  int64_t width) {
  return StripPlanner(graph, layers).plan(width);
}

StripPlan mlir::cnn::getStripPlanByStrips(const FusionGraph &graph,
                                          const std::vector<int> &layers,
                                          int64_t width) {
  return planByStrips(StripGeometry(graph, layers), width);
}
