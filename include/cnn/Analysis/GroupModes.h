//===- GroupModes.h - How a fusion group runs --------------------*- C++ -*-===//
//
// Section 2 of docs/CostModel.md: a fusion group runs in one of a set of
// modes. Each mode is one class that answers the SRAM the group needs in it
// (with its buffers) and the steps it takes (what each step computes and
// moves), from which the group's traffic and cycles are sums. The planner
// (evaluateGroup, partitionLayers) asks every mode; the lowering emits the
// mode the plan chose. A new mode is a new class here, a GroupMode value
// and the IR's #cnn.fusion_mode, and its lowering.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_ANALYSIS_GROUPMODES_H
#define CNN_ANALYSIS_GROUPMODES_H

#include "cnn/Analysis/FusionModel.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <string>
#include <vector>

namespace mlir::cnn {

/// Called once per step of a group: its index, the MACs it computes and
/// the bytes it moves.
/// A step of a group: its MACs and the bytes it moves, repeated `times`
/// times in a row.
using GroupStepFn = llvm::function_ref<void(int64_t step, double macs,
                                            const Traffic &bytes,
                                            int64_t times)>;

/// One way a fusion group runs.
class GroupModeModel {
public:
  virtual ~GroupModeModel();

  virtual GroupMode getMode() const = 0;
  /// The name in IR and reports ("rows", "resident").
  virtual const char *getName() const = 0;
  /// What the mode's SRAM need is called in messages ("line buffers",
  /// "whole feature maps").
  virtual const char *getNeedLabel() const = 0;

  /// True when a layer can run in a group in this mode (mode rows: layers
  /// that compute row by row).
  virtual bool supports(const LayerInfo &layer) const { return true; }
  /// True when every layer of `layers` can.
  bool supportsAll(const FusionGraph &graph,
                   const std::vector<int> &layers) const;

  /// A cheap lower bound of the SRAM the mode needs, given the group's
  /// weight bytes, that never decreases as layers join the group: when it
  /// exceeds the SRAM, the need is not computed.
  virtual int64_t getMinimumNeed(int64_t weightBytes) const { return 0; }
  /// True when the need itself never decreases as layers join the group.
  virtual bool needGrowsWithGroup() const { return false; }

  /// The SRAM the group of `layers` needs in this mode (on graph.target),
  /// and its buffers when `buffers` is given. With an SRAM size (>= 0) the
  /// need may be any figure above it when the group does not fit, and is
  /// what the lowering will use when it does. A mode that splits the width
  /// (rows, with graph.widthStrips) sets `*strip` to the strip width it
  /// plans (0: the whole width).
  virtual int64_t getSramNeed(const FusionGraph &graph,
                              const std::vector<int> &layers,
                              std::vector<GroupBuffer> *buffers,
                              int64_t sramBytes = -1,
                              StripChoice *strip = nullptr) const = 0;

  /// Calls `fn` for each step of the group in this mode, in order: the
  /// MACs computed and the bytes moved while they are (under DMA overlap,
  /// the transfers the lowering issues during the step's computation; a
  /// step may then compute nothing).
  /// In strips of `strip` driver columns (mode rows; 0: whole width).
  virtual void forEachStep(const FusionGraph &graph,
                           const std::vector<int> &layers, GroupStepFn fn,
                           StripChoice strip = {}) const = 0;

  /// Why the group of `plan` does not run in this mode, merging `layer`.
  virtual std::string explainMiss(const GroupPlan &plan,
                                  const std::string &layer) const = 0;
};

/// A tensor of a group in mode resident, kept whole from layer position
/// `first` to `last` (indices into the group's layers): from its producer
/// (a group input: from the start) to its last reader in the group, through
/// concatenations (a tensor no layer of the group reads: while its producer
/// runs).
struct ResidentLifetime {
  int tensor = -1;
  int first = 0, last = 0;
};

/// True for the layers whose weights mode resident streams one output
/// channel at a time: convolutions and fully connected layers (a 1x1
/// convolution of the input flattened to C*H*W channels).
bool streamsWeightChannels(const LayerInfo &layer);

/// The whole-map buffers of mode resident, in the group's tensor order
/// (concatenations are views and have none): what the SRAM need sums and
/// what the lowering places.
std::vector<ResidentLifetime>
getResidentLifetimes(const FusionGraph &graph, const std::vector<int> &layers);

/// Every mode, in the order the planner prefers them at equal traffic.
llvm::ArrayRef<const GroupModeModel *> getGroupModeModels();

/// The class of `mode`.
const GroupModeModel &getGroupModeModel(GroupMode mode);

/// The traffic of a group in `mode`: the sum over its steps (in strips of
/// `strip` driver columns in mode rows).
Traffic getGroupModeTraffic(const FusionGraph &graph,
                            const std::vector<int> &layers, GroupMode mode,
                            StripChoice strip = {});

} // namespace mlir::cnn

#endif // CNN_ANALYSIS_GROUPMODES_H
