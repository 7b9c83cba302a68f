//===- Schedule.h - Reusable steps of the planning passes -------*- C++ -*-===//
//
// The passes are thin drivers around these functions, so that tools (a
// sweep, a backend) can plan a network without running a pass.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_DIALECT_CNN_TRANSFORMS_SCHEDULE_H
#define CNN_DIALECT_CNN_TRANSFORMS_SCHEDULE_H

#include "cnn/Analysis/FusionModel.h"
#include "cnn/Analysis/LayerInfo.h"
#include "cnn/Analysis/Target.h"
#include "cnn/Dialect/Cnn/IR/CnnOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Block.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Operation.h"

namespace mlir::cnn {

/// The target description a `#cnn.target` records, and back.
TargetDesc getTargetDesc(TargetAttr attr);
TargetAttr getTargetAttr(MLIRContext *ctx, const TargetDesc &desc);

/// The IR's name of a fusion group mode, and back: one case per mode, no
/// fallback, so that a mode added on one side and not the other fails to
/// compile (-Wswitch) or to verify.
FusionMode getFusionMode(GroupMode mode);
GroupMode getGroupMode(FusionMode mode);

/// The cycles a `#cnn.cycles` records (whole cycles), and back.
Cycles getCycles(CyclesAttr attr);
CyclesAttr getCyclesAttr(MLIRContext *ctx, const Cycles &cycles);

/// The tiling a `#cnn.tiling` records and the traffic a `#cnn.traffic`
/// records.
Tiling getTiling(TilingAttr attr);
Traffic getTraffic(TrafficAttr attr);

/// Chooses the minimum-traffic tiling of one layer for the target and
/// attaches `cnn.tiling` and `cnn.traffic` to it. Emits an error naming the
/// layer (`name`) and the SRAM it needs when no tiling fits.
LogicalResult tileLayer(Operation *op, const LayerInfo &info, StringRef name,
                        TargetAttr target);

/// Checks the `cnn.tiling` of a layer (if any) against the layer and the
/// target: tile sizes within the layer's, and a need within the SRAM.
/// Emits an error naming the layer (`name`) otherwise.
LogicalResult verifyLayerTiling(Operation *op, const LayerInfo &info,
                                StringRef name, const TargetDesc &target);

/// The traffic a layer alone moves on `target` with its `cnn.tiling` (the
/// fixed transfers of a layer that is not tiled): what its `cnn.traffic`
/// must be. Call verifyLayerTiling first.
Traffic getPlannedLayerTraffic(Operation *op, const LayerInfo &info,
                               const TargetDesc &target);

/// What a fusion group's plan must record on `target`, from its layers, its
/// mode and its strips: the traffic it moves (`cnn.traffic`) and the SRAM
/// it needs (`sram_bytes`).
struct PlannedGroup {
  Traffic traffic;
  int64_t sramBytes = 0;
};

/// The plan of `group` on `target`. Fails (without a diagnostic) when its
/// body cannot form a group.
FailureOr<PlannedGroup> getPlannedGroup(FusionGroupOp group,
                                        const TargetDesc &target);

/// Records `target` on the module and tiles every layer (all failing layers
/// are reported).
LogicalResult tileModule(ModuleOp module, TargetAttr target);

/// Partitions every function of a tiled module into fusion groups and
/// materialises them as cnn.fusion_group ops. With `widthStrips` set, groups
/// in mode rows may split their width into strips, and the module records
/// the choice (`cnn.width_strips`) for later re-merging; unset, the
/// module's record decides.
LogicalResult mergeModule(ModuleOp module,
                          std::optional<bool> widthStrips = std::nullopt);

/// Moves the layers of every cnn.fusion_group back into the function and
/// erases the groups, undoing mergeModule.
void flattenFusionGroups(ModuleOp module);

/// How buildFusionGraph obtains a layer's traffic when it runs alone.
using AloneTrafficFn =
    function_ref<FailureOr<Traffic>(Operation *op, const LayerInfo &info)>;

/// Builds the fusion model's graph of the layers of `block`, in block order
/// (a topological order), descending into fusion groups when
/// `intoGroups`; otherwise a group is an error. `layerOps[i]` is the op of
/// graph layer i; `tensorValues[t]`, when given, the value of tensor t.
/// Planning (--merge-layers) and the lowering of a group (the group's body
/// block) build their graphs with it.
LogicalResult buildFusionGraph(Block &block, FusionGraph &graph,
                               SmallVectorImpl<Operation *> &layerOps,
                               AloneTrafficFn alone, bool intoGroups,
                               SmallVectorImpl<Value> *tensorValues = nullptr);

/// Builds the graph of a fusion group's body, as its lowering and the
/// traffic report read it: the group's inputs are the graph's inputs and
/// the tensors it yields leave it (`isNetworkOutput`). Alone traffic is
/// not needed and left empty; the target is the caller's to set.
LogicalResult buildGroupGraph(FusionGroupOp group, FusionGraph &graph,
                              SmallVectorImpl<Operation *> &layerOps,
                              SmallVectorImpl<Value> &tensorValues);

/// Plans a function afresh for `target` (tiling, and merging when `merge`)
/// and returns its total traffic, counting weights at their raw size when
/// `useCompression` is false. The IR is not changed.
FailureOr<Traffic> planTraffic(func::FuncOp func, TargetAttr target,
                               bool useCompression, bool merge);

} // namespace mlir::cnn

#endif // CNN_DIALECT_CNN_TRANSFORMS_SCHEDULE_H
