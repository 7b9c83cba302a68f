//===- Schedule.cpp - Reusable steps of the planning passes -----*- C++ -*-===//

#include "cnn/Dialect/Cnn/Transforms/Schedule.h"
#include "cnn/Analysis/GroupModes.h"
#include "cnn/Analysis/LayerAnalysis.h"
#include "cnn/Analysis/Sweep.h"
#include "cnn/Analysis/TileSearch.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/DenseMap.h"


using namespace mlir;
using namespace mlir::cnn;

// The IR enum and the cost model enum list the loop orders in one order.
static_assert(static_cast<int>(LoopOrder::FEM) ==
              static_cast<int>(LoopOrderKind::fem));

// The IR and the cost model know the same modes.
static_assert(getMaxEnumValForFusionMode() + 1 == kNumGroupModes);

FusionMode mlir::cnn::getFusionMode(GroupMode mode) {
  switch (mode) {
  case GroupMode::Rows:
    return FusionMode::rows;
  case GroupMode::Resident:
    return FusionMode::resident;
  }
  llvm_unreachable("every group mode has a #cnn.fusion_mode");
}

GroupMode mlir::cnn::getGroupMode(FusionMode mode) {
  switch (mode) {
  case FusionMode::rows:
    return GroupMode::Rows;
  case FusionMode::resident:
    return GroupMode::Resident;
  }
  llvm_unreachable("every #cnn.fusion_mode is a group mode");
}

TargetDesc mlir::cnn::getTargetDesc(TargetAttr attr) {
  TargetDesc d;
  d.name = attr.getName().str();
  d.sramBytes = attr.getSram();
  d.fmPercent = attr.getFmPercent();
  d.dramBytesPerCycle = attr.getDramBytesPerCycle().convertToDouble();
  d.macsPerCycle = attr.getMacsPerCycle();
  d.clockMhz = attr.getClockMhz().convertToDouble();
  d.dmaAlignBytes = attr.getDmaAlign();
  d.dmaOverlap = attr.getDmaOverlap();
  d.pjPerMac = attr.getPjPerMac().convertToDouble();
  d.pjPerBit = attr.getPjPerBit().convertToDouble();
  return d;
}

TargetAttr mlir::cnn::getTargetAttr(MLIRContext *ctx, const TargetDesc &d) {
  return TargetAttr::get(ctx, d.sramBytes, d.fmPercent,
                         llvm::APFloat(d.dramBytesPerCycle), d.macsPerCycle,
                         llvm::APFloat(d.clockMhz), d.dmaAlignBytes,
                         d.dmaOverlap, llvm::APFloat(d.pjPerMac),
                         llvm::APFloat(d.pjPerBit), d.name);
}

CyclesAttr mlir::cnn::getCyclesAttr(MLIRContext *ctx, const Cycles &c) {
  return CyclesAttr::get(ctx, toWholeCycles(c.compute), toWholeCycles(c.dma),
                         toWholeCycles(c.estimated));
}

Cycles mlir::cnn::getCycles(CyclesAttr c) {
  return {double(c.getCompute()), double(c.getDma()),
          double(c.getEstimated())};
}

Tiling mlir::cnn::getTiling(TilingAttr attr) {
  return {attr.getTm(), attr.getTe(), attr.getTf(), attr.getTc(),
          static_cast<LoopOrder>(attr.getOrder())};
}

Traffic mlir::cnn::getTraffic(TrafficAttr attr) {
  return {attr.getInput(), attr.getWeights(), attr.getOutput()};
}

/// Tiles one layer; returns 0, or the SRAM bytes its smallest tile needs
/// when that is more than the target has.
static int64_t tryTileLayer(Operation *op, const LayerInfo &info,
                            const TargetDesc &target,
                            TileSearchMemo *memo = nullptr) {
  MLIRContext *ctx = op->getContext();
  LayerPlan plan = planLayerAlone(info, target, memo);
  if (!plan.fits)
    return plan.need;
  op->removeAttr(kTilingAttrName);
  if (plan.choice) {
    const Tiling &t = plan.choice->tiling;
    op->setAttr(kTilingAttrName,
                TilingAttr::get(ctx, t.tm, t.te, t.tf, t.tc,
                                static_cast<LoopOrderKind>(t.order),
                                plan.choice->bufferBytes,
                                plan.choice->rawWeights));
  }
  op->setAttr(kTrafficAttrName,
              TrafficAttr::get(ctx, plan.traffic.input, plan.traffic.weights,
                               plan.traffic.output));
  op->setAttr(kCyclesAttrName, getCyclesAttr(ctx, plan.cycles));
  return 0;
}

/// The tile problem of a layer on `target`, reading its weights raw when
/// its tiling says so.
static TileProblem getPlannedProblem(const LayerInfo &info,
                                     const TargetDesc &target,
                                     TilingAttr attr) {
  TileProblem p = getTileProblem(info);
  setTarget(p, target);
  if (attr && attr.getRawWeights()) {
    p.weightOffsets = nullptr;
    p.groupWeightBytes = info.weightBytes / p.groups;
  }
  return p;
}

LogicalResult mlir::cnn::verifyLayerTiling(Operation *op,
                                           const LayerInfo &info,
                                           StringRef name,
                                           const TargetDesc &target) {
  auto attr = op->getAttrOfType<TilingAttr>(kTilingAttrName);
  if (!attr)
    return success();
  TileProblem p = getPlannedProblem(info, target, attr);
  if (p.cls == TilingClass::Untiled)
    return success();
  Tiling t = getTiling(attr);
  // Channelwise layers have no input-channel loop: tc is tm.
  int64_t channels = p.cls == TilingClass::Conv ? p.c : p.m;
  if (t.tm > p.m || t.te > p.e || t.tf > p.f || t.tc > channels ||
      (p.cls != TilingClass::Conv && t.tc != t.tm))
    return op->emitError()
           << "layer '" << name << "': its cnn.tiling (tm = " << t.tm
           << ", te = " << t.te << ", tf = " << t.tf << ", tc = " << t.tc
           << ") does not fit the layer (" << p.m << " output channels, "
           << p.e << " rows, " << p.f << " columns, " << channels
           << (p.cls == TilingClass::Conv ? " input channels" : " channels")
           << " per tile at most"
           << (p.cls == TilingClass::Conv ? "" : ", tc = tm")
           << "): plan again with --tile-for-sram";
  int64_t need = getTileFitBytes(p, t);
  if (need > target.sramBytes)
    return op->emitError()
           << "layer '" << name << "': its cnn.tiling needs " << need
           << " bytes of SRAM, the target has " << target.sramBytes
           << ": plan again with --tile-for-sram";
  return success();
}

Traffic mlir::cnn::getPlannedLayerTraffic(Operation *op,
                                          const LayerInfo &info,
                                          const TargetDesc &target) {
  auto attr = op->getAttrOfType<TilingAttr>(kTilingAttrName);
  TileProblem p = getPlannedProblem(info, target, attr);
  if (!attr || p.cls == TilingClass::Untiled)
    return getUntiledTraffic(info, target);
  Tiling t = getTiling(attr);
  return getTilingTraffic(p, t);
}

FailureOr<PlannedGroup> mlir::cnn::getPlannedGroup(FusionGroupOp group,
                                                   const TargetDesc &target) {
  FusionGraph graph;
  SmallVector<Operation *> layerOps;
  SmallVector<Value> values;
  if (failed(buildGroupGraph(group, graph, layerOps, values)))
    return failure();
  graph.setTarget(target);
  std::vector<int> layers;
  for (size_t l = 0; l < graph.layers.size(); ++l)
    layers.push_back(static_cast<int>(l));
  StripChoice strip(group.getStripWidth().value_or(0), group.getKeepHalo());
  GroupMode mode = getGroupMode(group.getMode());
  PlannedGroup plan;
  plan.traffic = getGroupPlanTraffic(graph, layers, mode, strip);
  plan.sramBytes =
      mode == GroupMode::Rows
          ? getRowsModeSram(graph, layers, nullptr, strip)
          : getGroupModeModel(mode).getSramNeed(graph, layers, nullptr,
                                                target.sramBytes);
  return plan;
}

static constexpr const char *kNeedsSram =
    " bytes of SRAM for its smallest tile, but the target has ";

LogicalResult mlir::cnn::tileLayer(Operation *op, const LayerInfo &info,
                                   StringRef name, TargetAttr target) {
  int64_t need = tryTileLayer(op, info, getTargetDesc(target));
  if (need == 0)
    return success();
  return op->emitError() << "layer '" << name << "' needs at least " << need
                         << kNeedsSram << target.getSram() << " bytes";
}

/// The copies copySharedConcatParts inserts (an identity select_channels).
static constexpr const char *kConcatCopyAttrName = "cnn.concat_copy";

/// Removes the copies an earlier plan inserted: grouping decides anew which
/// concatenations need them.
static void removeConcatCopies(ModuleOp module) {
  SmallVector<Operation *> copies;
  module.walk([&](SelectChannelsOp op) {
    if (op->hasAttr(kConcatCopyAttrName))
      copies.push_back(op);
  });
  for (Operation *op : copies) {
    op->getResult(0).replaceAllUsesWith(op->getOperand(0));
    op->erase();
  }
}

/// A concatenation outside fusion groups is a DRAM buffer its parts'
/// producers write into, as --lower-to-dma lays them out (later
/// concatenations first, a part owned by one). A part with no producer
/// layer (the function's input) or owned by a later concatenation gets a
/// copy: an identity cnn.select_channels before the concatenation, planned
/// as a layer, so planning counts what the lowering moves. Inside a group a
/// concatenation is a view of SRAM and needs none.
static LogicalResult copySharedConcatParts(ModuleOp module,
                                           const TargetDesc &desc) {
  MLIRContext *ctx = module.getContext();
  for (auto func : module.getOps<func::FuncOp>()) {
    SmallVector<ConcatOp> concats;
    func.walk([&](ConcatOp op) { concats.push_back(op); });
    llvm::DenseSet<Value> owned;
    for (ConcatOp concat : llvm::reverse(concats)) {
      auto group = dyn_cast<FusionGroupOp>(concat->getParentOp());
      if (group && !owned.count(concat.getResult()) &&
          llvm::none_of(concat->getUsers(),
                        [](Operation *user) { return isa<YieldOp>(user); }))
        continue;
      OpBuilder b(concat);
      for (OpOperand &operand : concat->getOpOperands()) {
        Value part = operand.get();
        // A tensor that leaves a group is the layer result it yields.
        if (auto result = dyn_cast<OpResult>(part))
          if (auto g = dyn_cast<FusionGroupOp>(result.getOwner()))
            part = g.getYield().getValues()[result.getResultNumber()];
        Operation *producer = part.getDefiningOp();
        if (!owned.count(part) && producer && isLayer(producer)) {
          owned.insert(part);
          continue;
        }
        if (group)
          continue; // Left to the lowering, which names it.
        int64_t c =
            cast<RankedTensorType>(operand.get().getType()).getDimSize(1);
        SmallVector<int64_t> all;
        for (int64_t k = 0; k < c; ++k)
          all.push_back(k);
        std::string name = (getLayerName(concat) + "_copy_" +
                            Twine(operand.getOperandNumber()))
                               .str();
        auto copy = SelectChannelsOp::create(
            b, concat.getLoc(), operand.get().getType(), operand.get(),
            b.getDenseI64ArrayAttr(all), b.getStringAttr(name));
        copy->setAttr(kConcatCopyAttrName, UnitAttr::get(ctx));
        FailureOr<LayerInfo> info = describeLayer(copy);
        if (failed(info))
          return failure();
        if (int64_t need = tryTileLayer(copy, *info, desc))
          return concat->emitError()
                 << "layer '" << getLayerName(concat) << "' copies a part "
                 << "that cannot be written in place, which needs " << need
                 << " bytes of SRAM";
        operand.set(copy.getResult());
        owned.insert(copy.getResult());
      }
    }
  }
  return success();
}

LogicalResult mlir::cnn::tileModule(ModuleOp module, TargetAttr target) {
  module->setAttr(kTargetAttrName, target);
  TargetDesc desc = getTargetDesc(target);
  removeConcatCopies(module);
  struct Misfit {
    Operation *op;
    std::string name;
    int64_t need;
  };
  std::vector<Misfit> misfits;
  TileSearchMemo memo;
  for (auto func : module.getOps<func::FuncOp>()) {
    unsigned index = 0;
    func.walk([&](Operation *op) {
      FailureOr<LayerInfo> info = describeLayer(op);
      if (failed(info))
        return;
      std::string name = getReportName(op, index++);
      if (int64_t need = tryTileLayer(op, *info, desc, &memo))
        misfits.push_back({op, name, need});
    });
  }
  if (misfits.empty())
    return copySharedConcatParts(module, desc);
  // One error, at the layer that needs the most (the size from which the
  // network fits), with a note at every other layer that does not fit.
  const Misfit &worst = *llvm::max_element(
      misfits, [](const Misfit &a, const Misfit &b) { return a.need < b.need; });
  InFlightDiagnostic diag = worst.op->emitError()
                            << "layer '" << worst.name << "' needs at least "
                            << worst.need << kNeedsSram << target.getSram()
                            << " bytes";
  if (misfits.size() > 1)
    diag << " (" << misfits.size() << " layers do not fit)";
  for (const Misfit &m : misfits)
    if (&m != &worst)
      diag.attachNote(m.op->getLoc())
          << "layer '" << m.name << "' needs at least " << m.need << " bytes";
  return failure();
}

LogicalResult mlir::cnn::buildFusionGraph(Block &block, FusionGraph &graph,
                                          SmallVectorImpl<Operation *> &layerOps,
                                          AloneTrafficFn alone,
                                          bool intoGroups,
                                          SmallVectorImpl<Value> *tensorValues) {
  llvm::DenseMap<Value, int> tensorOf;
  auto record = [&](int t, Value v) {
    tensorOf[v] = t;
    if (!tensorValues)
      return;
    tensorValues->resize(graph.tensors.size());
    (*tensorValues)[t] = v;
  };
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
    record(t, v);
    return t;
  };

  unsigned index = 0;
  // An op that is neither a layer nor a weight, after a layer: the next
  // layer records it, and no group crosses it.
  std::string barrier;
  auto addLayer = [&](Operation &op) -> LogicalResult {
    FailureOr<LayerInfo> info = describeLayer(&op);
    if (failed(info)) {
      if (!layerOps.empty() && !isa<WeightOp>(op) &&
          !op.hasTrait<OpTrait::IsTerminator>() && barrier.empty())
        barrier = op.getName().getStringRef().str();
      return success();
    }
    info->name = getReportName(&op, index++);
    FailureOr<Traffic> traffic = alone(&op, *info);
    if (failed(traffic))
      return failure();
    std::vector<int> inputs;
    for (Value v : getFeatureMapOperands(&op))
      inputs.push_back(tensorFor(v));
    int layer = graph.addLayer(std::move(*info), std::move(inputs), *traffic);
    graph.layers[layer].barrier = std::move(barrier);
    barrier.clear();
    record(graph.layers[layer].output, op.getResult(0));
    layerOps.push_back(&op);
    return success();
  };
  for (Operation &op : block) {
    auto group = dyn_cast<FusionGroupOp>(op);
    if (!group) {
      if (failed(addLayer(op)))
        return failure();
      continue;
    }
    if (!intoGroups)
      return op.emitError() << "the network is already merged: --merge-layers "
                               "runs once, on a network without fusion groups";
    for (Operation *layer : group.getLayers())
      if (failed(addLayer(*layer)))
        return failure();
    // A value a group yields stands for the layer result it yields.
    for (auto [result, yielded] :
         llvm::zip(group.getResults(), group.getYield().getValues()))
      tensorOf[result] = tensorOf.lookup(yielded);
  }
  // Tensors used by anything but a layer (the return, another dialect's op)
  // leave the network.
  for (Operation *op : layerOps) {
    Value result = op->getResult(0);
    for (Operation *user : result.getUsers())
      if (!isLayer(user) && !isa<YieldOp>(user))
        graph.tensors[tensorOf[result]].isNetworkOutput = true;
  }
  for (Operation &op : block)
    if (auto group = dyn_cast<FusionGroupOp>(op))
      for (Value result : group.getResults())
        for (Operation *user : result.getUsers())
          if (!isLayer(user))
            graph.tensors[tensorOf[result]].isNetworkOutput = true;
  return success();
}

/// Replaces layers first..last of `layerOps` by one cnn.fusion_group.
static FusionGroupOp createGroup(const FusionGraph &graph,
                                 const PartitionUnit &unit,
                                 ArrayRef<Operation *> layerOps,
                                 unsigned groupIndex) {
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
  FusionMode mode = getFusionMode(unit.plan.mode);
  StripChoice strip = unit.plan.in(unit.plan.mode).strip;
  auto group = FusionGroupOp::create(
      builder, lastOp->getLoc(), types, mode, unit.plan.sramBytes(),
      unit.plan.weightBytes,
      strip.width > 0 ? builder.getI64IntegerAttr(strip.width) : IntegerAttr(),
      strip.width > 0 && strip.keepHalo,
      ArrayAttr::get(ctx, buffers),
      StringAttr::get(ctx, "group_" + std::to_string(groupIndex)));
  Block *body = new Block();
  group.getBody().push_back(body);
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
  group->setAttr(kCyclesAttrName, getCyclesAttr(ctx, unit.cycles));
  return group;
}

/// The traffic a tiled layer recorded.
static FailureOr<Traffic> recordedTraffic(Operation *op,
                                          const LayerInfo &info) {
  auto traffic = op->getAttrOfType<TrafficAttr>(kTrafficAttrName);
  if (!traffic)
    return op->emitError() << "layer '" << info.name
                           << "' has no tiling: run --tile-for-sram=<bytes> "
                              "before --merge-layers";
  return getTraffic(traffic);
}

LogicalResult mlir::cnn::mergeModule(ModuleOp module,
                                     std::optional<bool> widthStrips) {
  auto target = module->getAttrOfType<TargetAttr>(kTargetAttrName);
  if (!target)
    return module.emitError() << "--merge-layers needs the SRAM size: run "
                                 "--tile-for-sram=<bytes> before it";
  module->setAttr(kMergedAttrName, UnitAttr::get(module.getContext()));
  if (widthStrips) {
    if (*widthStrips)
      module->setAttr(kWidthStripsAttrName,
                      UnitAttr::get(module.getContext()));
    else
      module->removeAttr(kWidthStripsAttrName);
  }
  bool strips = module->hasAttr(kWidthStripsAttrName);
  removeConcatCopies(module);
  for (auto func : module.getOps<func::FuncOp>()) {
    if (func.isExternal())
      continue;
    FusionGraph graph;
    graph.setTarget(getTargetDesc(target));
    graph.widthStrips = strips;
    SmallVector<Operation *> layerOps;
    if (failed(buildFusionGraph(func.getBody().front(), graph, layerOps,
                                recordedTraffic, /*intoGroups=*/false)))
      return failure();
    for (auto [layer, op] : llvm::zip(graph.layers, layerOps))
      if (auto c = op->getAttrOfType<CyclesAttr>(kCyclesAttrName))
        layer.aloneCycles = getCycles(c);
    Partition partition = partitionLayers(graph, target.getSram());
    unsigned groupIndex = 0;
    for (const PartitionUnit &unit : partition.units) {
      Operation *unitOp = layerOps[unit.last];
      if (unit.isGroup())
        unitOp = createGroup(graph, unit, layerOps, groupIndex++);
      if (!unit.boundaryReason.empty())
        unitOp->setAttr(kBoundaryAttrName,
                        StringAttr::get(module.getContext(),
                                        unit.boundaryReason));
    }
  }
  return copySharedConcatParts(module, getTargetDesc(target));
}

void mlir::cnn::flattenFusionGroups(ModuleOp module) {
  SmallVector<FusionGroupOp> groups;
  module.walk([&](FusionGroupOp group) { groups.push_back(group); });
  for (FusionGroupOp group : groups) {
    YieldOp yield = group.getYield();
    for (auto [result, value] : llvm::zip(group.getResults(), yield.getValues()))
      result.replaceAllUsesWith(value);
    for (Operation *layer : group.getLayers()) {
      layer->moveBefore(group);
      layer->removeAttr(kBoundaryAttrName);
    }
    group.erase();
  }
  module.walk([](Operation *op) { op->removeAttr(kBoundaryAttrName); });
}

LogicalResult mlir::cnn::buildGroupGraph(FusionGroupOp group,
                                         FusionGraph &graph,
                                         SmallVectorImpl<Operation *> &layerOps,
                                         SmallVectorImpl<Value> &tensorValues) {
  auto noTraffic = [](Operation *, const LayerInfo &) -> FailureOr<Traffic> {
    return Traffic{};
  };
  if (failed(buildFusionGraph(group.getBodyBlock(), graph, layerOps,
                              noTraffic, /*intoGroups=*/false, &tensorValues)))
    return failure();
  llvm::DenseMap<Value, int> tensorOf;
  for (auto [t, v] : llvm::enumerate(tensorValues))
    tensorOf[v] = static_cast<int>(t);
  for (Value v : group.getYield().getValues())
    graph.tensors[tensorOf.lookup(v)].isNetworkOutput = true;
  return success();
}

FailureOr<Traffic> mlir::cnn::planTraffic(func::FuncOp func, TargetAttr target,
                                          bool useCompression, bool merge) {
  FusionGraph graph;
  SmallVector<Operation *> layerOps;
  // The sweep's point tiles every layer afresh; the graph's own alone
  // traffic is not read.
  auto unused = [](Operation *, const LayerInfo &) -> FailureOr<Traffic> {
    return Traffic{};
  };
  if (failed(buildFusionGraph(func.getBody().front(), graph, layerOps, unused,
                              /*intoGroups=*/true)))
    return failure();
  SweepStrategy strategy =
      merge ? (useCompression ? SweepStrategy::MergingCompressed
                              : SweepStrategy::Merging)
            : (useCompression ? SweepStrategy::TilingCompressed
                              : SweepStrategy::Tiling);
  SweepResult point =
      evaluateSweepPoint(graph, getTargetDesc(target), strategy);
  if (!point.feasible)
    return failure();
  return point.traffic;
}
