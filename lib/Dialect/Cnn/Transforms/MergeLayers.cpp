//===- MergeLayers.cpp - The --merge-layers pass ----------------*- C++ -*-===//
//
// Builds the fusion model's graph from a function, partitions it, and
// makes every group of two or more layers a cnn.fusion_group.
//
//===----------------------------------------------------------------------===//

#include "cnn/Analysis/FusionModel.h"
#include "cnn/Analysis/LayerAnalysis.h"
#include "cnn/Dialect/Cnn/IR/CnnOps.h"
#include "cnn/Dialect/Cnn/Transforms/Passes.h"
#include "cnn/Dialect/Cnn/Transforms/Schedule.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/DenseMap.h"

namespace mlir::cnn {
#define GEN_PASS_DEF_CNNMERGELAYERS
#include "cnn/Dialect/Cnn/Transforms/Passes.h.inc"

LogicalResult buildFusionGraph(Block &block, FusionGraph &graph,
                               SmallVectorImpl<Operation *> &layerOps) {
  llvm::DenseMap<Value, int> tensorOf;
  auto tensorFor = [&](Value v) -> int {
    auto it = tensorOf.find(v);
    if (it != tensorOf.end())
      return it->second;
    std::string name = "input";
    if (auto arg = dyn_cast<BlockArgument>(v))
      name = "arg" + std::to_string(arg.getArgNumber());
    auto type = cast<RankedTensorType>(v.getType());
    TensorShape shape{type.getDimSize(1), type.getDimSize(2),
                      type.getDimSize(3), getElementBytes(type.getElementType())};
    int t = graph.addTensor(name, shape);
    tensorOf[v] = t;
    return t;
  };

  unsigned index = 0;
  for (Operation &op : block) {
    if (isa<FusionGroupOp>(op))
      return op.emitError() << "the network is already merged: --merge-layers "
                               "runs once, on a network without fusion groups";
    FailureOr<LayerInfo> info = describeLayer(&op);
    if (failed(info))
      continue;
    info->name = getReportName(&op, index++);
    auto traffic = op.getAttrOfType<TrafficAttr>(kTrafficAttrName);
    if (!traffic)
      return op.emitError() << "layer '" << info->name
                            << "' has no tiling: run --tile-for-sram=<bytes> "
                               "before --merge-layers";
    std::vector<int> inputs;
    for (Value v : getFeatureMapOperands(&op))
      inputs.push_back(tensorFor(v));
    int layer = graph.addLayer(
        std::move(*info), std::move(inputs),
        {traffic.getInput(), traffic.getWeights(), traffic.getOutput()});
    tensorOf[op.getResult(0)] = graph.layers[layer].output;
    layerOps.push_back(&op);
  }
  // Tensors used by anything but a layer (the return, another dialect's op)
  // leave the network.
  for (Operation *op : layerOps) {
    Value result = op->getResult(0);
    for (Operation *user : result.getUsers())
      if (!isLayer(user))
        graph.tensors[tensorOf[result]].isNetworkOutput = true;
  }
  return success();
}

namespace {

/// Replaces layers first..last of `layerOps` by one cnn.fusion_group.
FusionGroupOp createGroup(const FusionGraph &graph, const PartitionUnit &unit,
                          ArrayRef<Operation *> layerOps, unsigned groupIndex) {
  Operation *lastOp = layerOps[unit.last];
  MLIRContext *ctx = lastOp->getContext();
  OpBuilder builder(ctx);
  builder.setInsertionPointAfter(lastOp);

  SmallVector<Value> leaving;
  SmallVector<Type> types;
  for (int t : unit.plan.outputs) {
    Value v = layerOps[graph.tensors[t].producer]->getResult(0);
    leaving.push_back(v);
    types.push_back(v.getType());
  }
  SmallVector<Attribute> buffers;
  for (const GroupBuffer &b : unit.plan.buffers())
    buffers.push_back(LineBufferAttr::get(ctx, graph.tensors[b.tensor].name,
                                          b.rows, b.bytes));
  FusionMode mode = unit.plan.mode == GroupMode::Rows ? FusionMode::rows
                                                       : FusionMode::resident;
  auto group = FusionGroupOp::create(
      builder, lastOp->getLoc(), types, mode, unit.plan.sramBytes(),
      unit.plan.weightBytes, ArrayAttr::get(ctx, buffers),
      StringAttr::get(ctx, "group_" + std::to_string(groupIndex)));
  Block *body = new Block();
  group.getBodyRegion().push_back(body);
  for (int l = unit.first; l <= unit.last; ++l)
    layerOps[l]->moveBefore(body, body->end());
  builder.setInsertionPointToEnd(body);
  YieldOp::create(builder, lastOp->getLoc(), leaving);

  for (auto [v, r] : llvm::zip(leaving, group.getResults()))
    v.replaceUsesWithIf(r, [&](OpOperand &use) {
      return !group->isProperAncestor(use.getOwner());
    });
  const Traffic &t = unit.traffic;
  group->setAttr(kTrafficAttrName,
                 TrafficAttr::get(ctx, t.input, t.weights, t.output));
  return group;
}

struct CnnMergeLayersPass : impl::CnnMergeLayersBase<CnnMergeLayersPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto target = module->getAttrOfType<TargetAttr>(kTargetAttrName);
    if (!target) {
      module.emitError() << "--merge-layers needs the SRAM size: run "
                            "--tile-for-sram=<bytes> before it";
      return signalPassFailure();
    }
    for (auto func : module.getOps<func::FuncOp>()) {
      if (func.isExternal())
        continue;
      FusionGraph graph;
      SmallVector<Operation *> layerOps;
      if (failed(buildFusionGraph(func.getBody().front(), graph, layerOps)))
        return signalPassFailure();
      Partition partition = partitionLayers(graph, target.getSram());
      unsigned groupIndex = 0;
      for (const PartitionUnit &unit : partition.units) {
        Operation *unitOp = layerOps[unit.last];
        if (unit.isGroup())
          unitOp = createGroup(graph, unit, layerOps, groupIndex++);
        if (!unit.boundaryReason.empty())
          unitOp->setAttr(kBoundaryAttrName,
                          StringAttr::get(&getContext(), unit.boundaryReason));
      }
    }
  }
};
} // namespace
} // namespace mlir::cnn
