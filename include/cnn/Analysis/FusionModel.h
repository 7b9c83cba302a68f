//===- FusionModel.h - Fusion groups and the partition ----------*- C++ -*-===//
//
// Sections 2 and 3 of docs/CostModel.md: the SRAM a group of merged layers
// needs when it streams rows through line buffers (mode rows) or keeps whole
// feature maps (mode resident), its DRAM traffic, and the partition of a
// network into groups with the least traffic. Pure: plain structs only.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_ANALYSIS_FUSIONMODEL_H
#define CNN_ANALYSIS_FUSIONMODEL_H

#include "cnn/Analysis/LayerInfo.h"
#include "cnn/Analysis/TileSearch.h"

#include <array>
#include <string>
#include <vector>

namespace mlir::cnn {

/// A feature map of the network: produced by a layer or a network input.
struct GraphTensor {
  std::string name;
  TensorShape shape;
  /// Index of the producing layer; -1 for a network input.
  int producer = -1;
  /// Layers reading the tensor, in increasing index order (a layer reading
  /// it twice appears once).
  std::vector<int> consumers;
  bool isNetworkOutput = false;
};

/// A layer of the network with its tensors and its cost when run alone.
struct GraphLayer {
  LayerInfo info;
  /// Feature maps read, in operand order, and the one written.
  std::vector<int> inputs;
  int output = -1;
  /// Traffic with its per-layer tiling (section 1).
  Traffic alone;
  /// Cycles with its per-layer tiling on the graph's target.
  Cycles aloneCycles;
  /// The name of an op that is not a layer ("arith.addi") found between
  /// the previous layer and this one: no group holds both.
  std::string barrier;
};

/// A network as the fusion model sees it. Layers are in a topological order
/// (every layer after the producers of its inputs).
struct FusionGraph {
  std::vector<GraphTensor> tensors;
  std::vector<GraphLayer> layers;
  /// Percent of their raw size that feature maps take in DRAM.
  int64_t fmPercent = 100;
  /// The target: its DMA bursts and double buffering shape the groups'
  /// traffic and SRAM, its speeds their cycles.
  TargetDesc target;
  /// A group in mode rows whose line buffers do not fit may split its width
  /// into strips (StripPlan.h).
  bool widthStrips = false;

  /// Plans for `t` (also sets fmPercent).
  void setTarget(const TargetDesc &t) {
    target = t;
    fmPercent = t.fmPercent;
  }

  /// Adds a tensor and returns its index.
  int addTensor(std::string name, TensorShape shape, int producer = -1);
  /// Adds a layer reading `inputs` and producing a new tensor named after
  /// the layer; returns the layer index.
  int addLayer(LayerInfo info, std::vector<int> inputs, Traffic alone);
};

/// True for the layers that may share a group with other layers.
bool isMergeable(const LayerInfo &layer);

/// The modes a fusion group can run in (GroupModes.h has their classes).
enum class GroupMode { Rows, Resident };
/// The number of modes.
constexpr size_t kNumGroupModes = 2;
/// "rows", "resident".
const char *getGroupModeName(GroupMode mode);

/// The buffer a tensor of a group occupies in SRAM.
struct GroupBuffer {
  int tensor = -1;
  /// Rows held (all rows of the tensor in mode resident).
  int64_t rows = 0;
  int64_t bytes = 0;
};

/// How a group in mode rows covers its width: in strips of `width` of its
/// last layer's output columns (0: the whole width at once), with the halo
/// columns of its inputs read again from DRAM by each strip, or kept from
/// the strip before in a column cache per input (`keepHalo`).
struct StripChoice {
  StripChoice(int64_t width = 0, bool keepHalo = false)
      : width(width), keepHalo(keepHalo) {}
  int64_t width = 0;
  bool keepHalo = false;
};

/// A group evaluated in one mode.
struct GroupModePlan {
  /// SRAM needed; -1 when not computed (the mode's minimum need exceeds
  /// the SRAM).
  int64_t sram = -1;
  std::vector<GroupBuffer> buffers;
  /// Traffic in this mode. Without DMA bursts every mode moves the same
  /// bytes; with bursts each mode's transfers are rounded up.
  Traffic traffic;
  /// True when the need fits the SRAM.
  bool fits = false;
  /// Mode rows: its width strips (width 0 when the group runs at its whole
  /// width).
  StripChoice strip;
};

/// The evaluation of a set of layers as one group.
struct GroupPlan {
  std::vector<int> layers;
  /// False when the set cannot form a group (an unmergeable layer in a set
  /// of two or more, or no mode fits).
  bool valid = false;
  GroupMode mode = GroupMode::Rows;
  /// Weight and bias bytes of all layers, at their stored size.
  int64_t weightBytes = 0;
  /// The group in each mode, indexed by GroupMode.
  std::array<GroupModePlan, kNumGroupModes> modes;
  /// Group inputs (read once), and tensors that leave the group.
  std::vector<int> inputs, outputs;
  /// Traffic in the chosen mode.
  Traffic traffic;

  const GroupModePlan &in(GroupMode m) const {
    return modes[static_cast<size_t>(m)];
  }
  GroupModePlan &in(GroupMode m) { return modes[static_cast<size_t>(m)]; }
  int64_t sramBytes() const { return in(mode).sram; }
  const std::vector<GroupBuffer> &buffers() const { return in(mode).buffers; }
};

/// Evaluates `layers` (indices in increasing order, a convex set of two or
/// more layers) as one group under an SRAM of `sramBytes`.
GroupPlan evaluateGroup(const FusionGraph &graph, const std::vector<int> &layers,
                        int64_t sramBytes);

/// The traffic evaluateGroup records for `layers` as one group in `mode`
/// (in `strip`s in mode rows), whatever the SRAM: the plan a fusion group
/// records must move this.
Traffic getGroupPlanTraffic(const FusionGraph &graph,
                            const std::vector<int> &layers, GroupMode mode,
                            StripChoice strip = {});

/// Cycles of a group in its mode on graph.target: in mode rows one step per
/// row of the driver (the first also loads the weights), per width strip,
/// in mode resident one step per layer (the first also loads the group's
/// inputs).
Cycles getGroupCycles(const FusionGraph &graph, const GroupPlan &plan,
                      GroupMode mode);

/// SRAM the group needs in mode rows (weights + line buffers) and the line
/// buffers, at its whole width or in strips of `strip` driver columns (each
/// line buffer as wide as the most columns a strip holds); exposed for
/// tests.
int64_t getRowsModeSram(const FusionGraph &graph,
                        const std::vector<int> &layers,
                        std::vector<GroupBuffer> *buffers = nullptr,
                        StripChoice strip = {});

/// SRAM the group needs in mode resident; exposed for tests.
int64_t getResidentModeSram(const FusionGraph &graph,
                            const std::vector<int> &layers,
                            std::vector<GroupBuffer> *buffers = nullptr);

/// One unit of a partition: a group of layers first..last (graph order), or
/// a single layer run alone with its tiling.
struct PartitionUnit {
  int first = 0, last = 0;
  /// The group's plan when last > first.
  GroupPlan plan;
  Traffic traffic;
  Cycles cycles;
  /// Why the unit ends where it does (empty for the last unit).
  std::string boundaryReason;

  bool isGroup() const { return last > first; }
};

struct Partition {
  std::vector<PartitionUnit> units;
  Traffic total;
  Cycles cycles;
  /// The traffic with every layer alone (tiling only).
  Traffic unmerged;
};

/// The most layers a fusion group holds. Looking at a group costs its
/// length, and the search looks at every segment up to this length from
/// every layer, so the partition costs O(n * kMaxGroupLayers^2): linear in
/// the network's length. No zoo network at any SRAM size forms a longer
/// group.
constexpr int kMaxGroupLayers = 256;

/// The partition of the graph's layers into contiguous segments of its
/// order, of at most kMaxGroupLayers layers, with the least total traffic
/// (exact for that order; for a chain, exact over all partitions into such
/// segments). Ties prefer fewer units.
Partition partitionLayers(const FusionGraph &graph, int64_t sramBytes);

} // namespace mlir::cnn

#endif // CNN_ANALYSIS_FUSIONMODEL_H
