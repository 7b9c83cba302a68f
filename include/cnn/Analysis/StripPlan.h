//===- StripPlan.h - Width strips of a fusion group -------------*- C++ -*-===//
//
// A fusion group in mode rows may split its width into strips (column
// tiles): each strip runs the group's row program top to bottom with line
// buffers as wide as the strip plus its halo. The halo columns of the
// group's inputs are read again from DRAM by each strip that needs them;
// those of the tensors produced in the group are computed again
// (docs/CostModel.md, "Width strips"). This header is the geometry: which
// columns of every tensor each strip computes, loads and stores.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_ANALYSIS_STRIPPLAN_H
#define CNN_ANALYSIS_STRIPPLAN_H

#include "cnn/Analysis/FusionModel.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace mlir::cnn {

/// Columns [lo, hi) of a tensor.
struct ColumnRange {
  int64_t lo = 0, hi = 0;
  int64_t width() const { return hi > lo ? hi - lo : 0; }
  bool empty() const { return hi <= lo; }
  bool operator==(const ColumnRange &o) const {
    return (empty() && o.empty()) || (lo == o.lo && hi == o.hi);
  }
};

/// One strip, or a run of `count` strips each the previous one shifted by
/// the plan's `shift` of every tensor (the strips away from both edges).
struct Strip {
  /// Index of the (first) strip and the number of strips alike.
  int64_t first = 0, count = 1;
  /// Per tensor of the plan: the columns the strip holds in the tensor's
  /// line buffer (a group input: loaded; a produced tensor: computed), and
  /// the columns it stores (its own share of a stored tensor; empty for
  /// tensors not stored).
  std::vector<ColumnRange> held, stored;
  /// Per tensor: the columns of a group input the strip holds that the
  /// strip before it held too (empty for the first strip, a tensor
  /// produced in the group, and an input read whole). With the halo kept
  /// (StripPlan::cacheWidth), these come from the input's column cache
  /// instead of DRAM. Every strip of a run keeps the same columns moved,
  /// and so does the strip after the run.
  std::vector<ColumnRange> kept;

  /// The columns of tensor k the strip loads from DRAM: those it holds,
  /// less those it keeps when the halo is kept (kept columns start where
  /// the held ones do).
  ColumnRange loaded(size_t k, bool keepHalo) const {
    ColumnRange r = held[k];
    if (keepHalo && k < kept.size() && !kept[k].empty())
      r.lo = kept[k].hi;
    return r;
  }
};

/// The strips of a group: the driver's (its last layer's) output columns
/// in strips of `width` (the last may be narrower).
struct StripPlan {
  int64_t width = 0;
  int64_t numStrips = 0;
  /// The group's tensors (GroupView order); ranges are indexed alike.
  std::vector<int> tensors;
  /// Columns a strip's ranges move by from one strip to the next, per
  /// tensor (0 for a tensor read whole, e.g. a broadcast operand).
  std::vector<int64_t> shift;
  /// The strips in order: those near the edges one by one, the others as
  /// one run.
  std::vector<Strip> strips;
  /// Per tensor: the most columns a strip keeps (Strip::kept), the width
  /// of the tensor's column cache when the halo is kept; 0 for tensors
  /// with nothing to keep.
  std::vector<int64_t> cacheWidth;

  /// The columns strip `s` (an entry of `strips`) must leave in the column
  /// cache of tensor `k` for the strip after it (the same for every strip
  /// of a run); empty after the last strip.
  ColumnRange keptByNext(size_t s, size_t k) const;
};

namespace fusion {
struct StripGeometry;
} // namespace fusion

/// The strips of one group at any width: what is known of the group's
/// columns is computed once.
class StripPlanner {
public:
  StripPlanner(const FusionGraph &graph, const std::vector<int> &layers);
  ~StripPlanner();
  StripPlanner(const StripPlanner &) = delete;
  StripPlanner &operator=(const StripPlanner &) = delete;

  /// The driver columns a strip's width must be a multiple of, so that
  /// every tensor's share of a strip is whole columns; 0 when the group
  /// cannot be split in strips (its tensors' columns do not scale alike
  /// along every path, or the period is the driver's whole width).
  int64_t getPeriod() const;
  /// The driver's output columns.
  int64_t getDriverWidth() const;
  /// The strip widths the planner tries, in increasing order: for every
  /// number of strips n >= 2, the narrowest multiple of the period whose n
  /// strips cover the driver's width (the strips as even as the period
  /// allows; one width per distinct value). Empty when the group cannot be
  /// split.
  std::vector<int64_t> getWidths() const;
  /// The strips of `width` driver columns (a multiple of the period below
  /// the driver's width): see getStripPlan.
  StripPlan plan(int64_t width) const;

private:
  std::unique_ptr<fusion::StripGeometry> geometry;
};

/// True when --lower-to-dma lowers width strips through every layer of
/// the group: convolutions, pools, element-wise layers, concatenations,
/// pads and nearest up-sampling (not yet bilinear up-sampling or channel
/// copies); the planner splits only such groups.
bool areStripsLowered(const FusionGraph &graph, const std::vector<int> &layers);

/// StripPlanner(graph, layers).getPeriod().
int64_t getStripPeriod(const FusionGraph &graph, const std::vector<int> &layers);

/// The strips of `layers` in strips of `width` driver columns (a multiple
/// of getStripPeriod, below the driver's width).
StripPlan getStripPlan(const FusionGraph &graph, const std::vector<int> &layers,
                       int64_t width);

/// The same strips computed one by one, each a Strip of count 1 (for
/// tests: the runs of getStripPlan expand to these).
StripPlan getStripPlanByStrips(const FusionGraph &graph,
                               const std::vector<int> &layers, int64_t width);

} // namespace mlir::cnn

#endif // CNN_ANALYSIS_STRIPPLAN_H
