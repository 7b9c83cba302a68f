//===- RowProgram.h - The schedule of a fusion group in mode rows -*- C++
//-*-===//
//
// Mode rows as data: the steps of section 2 of docs/CostModel.md, each a
// list of row transfers and row computations, and the same steps folded
// into a prologue, one loop over a steady-state body and an epilogue. The
// cost model sums the steps; --lower-to-dma emits the folded program, so
// both read one schedule.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_ANALYSIS_ROWPROGRAM_H
#define CNN_ANALYSIS_ROWPROGRAM_H

#include "cnn/Analysis/FusionModel.h"

#include "llvm/ADT/STLFunctionalExtras.h"

#include <cstdint>
#include <vector>

namespace mlir::cnn {

/// One action of a step: rows [first, first + count) of tensor `index`
/// loaded from DRAM (Load) or stored to it (Store), or of the output of
/// layer `index` computed (Compute). Inside the loop of a RowProgram,
/// iteration k acts on the rows `k * advance` further.
struct RowAction {
  enum class Kind { Load, Compute, Store };
  Kind kind = Kind::Compute;
  int index = -1;
  int64_t first = 0, count = 0, advance = 0;
  /// For a computation: which rows of its inputs the layer reads past
  /// their edges (padding, clamping; see getRowShape). Every row of one
  /// action has the same shape, so one body computes them all.
  int shape = 0;

  bool operator==(const RowAction &o) const {
    return kind == o.kind && index == o.index && first == o.first &&
           count == o.count && advance == o.advance && shape == o.shape;
  }
};

/// A step: one row of the driver (the group's last layer). The new rows of
/// the group's inputs are loaded, then each layer computes its new rows in
/// order, each stored tensor's rows right after they are computed. Every
/// transferred row is one transfer.
struct RowStep {
  std::vector<RowAction> actions;
  bool operator==(const RowStep &o) const { return actions == o.actions; }
};

/// A group in mode rows: `prologue`, then `body` run `trips` times (its
/// rows advancing by each action's `advance` per iteration), then
/// `epilogue`. Row r of tensor t lives at row r mod bufferRows[t] of its
/// line buffer, which is circular: nothing is ever moved.
struct RowProgram {
  std::vector<RowStep> prologue, body, epilogue;
  int64_t trips = 0;
  /// The tensors with a line buffer (concatenations are views of theirs).
  std::vector<int> tensors;
  /// Rows of each tensor's line buffer, indexed by tensor (0: none).
  std::vector<int64_t> bufferRows;

  /// The steps in execution order.
  int64_t getNumSteps() const {
    return static_cast<int64_t>(prologue.size() + epilogue.size()) +
           trips * static_cast<int64_t>(body.size());
  }
  /// The steps in execution order, the body's rows advanced per iteration.
  std::vector<RowStep> expand() const;
};

/// Calls `fn(r, step)` for every step of mode rows of `layers` in order.
/// With `splitShapes`, a layer's new rows of one step are split into
/// actions of one row shape each (the lowering needs that; the traffic and
/// the cycles do not).
void forEachRowStep(const FusionGraph &graph, const std::vector<int> &layers,
                    bool splitShapes,
                    llvm::function_ref<void(int64_t, const RowStep &)> fn);

/// The steps of mode rows folded into a prologue, a loop and an epilogue:
/// the loop is the longest run of periods of at most kMaxRowPeriod steps
/// that repeat with every action's rows advancing by a constant.
RowProgram buildRowProgram(const FusionGraph &graph,
                           const std::vector<int> &layers);

/// The most steps of a loop body.
constexpr int64_t kMaxRowPeriod = 16;

/// Folds `steps` into a program (buildRowProgram without the graph;
/// exposed for tests).
RowProgram foldRowSteps(const std::vector<RowStep> &steps);

} // namespace mlir::cnn

#endif // CNN_ANALYSIS_ROWPROGRAM_H
