//===- LowerToDma.cpp - The --lower-to-dma pass -----------------*- C++ -*-===//
//
// Turns a tiled network into loops over tiles with explicit DMA transfers
// between DRAM buffers and one SRAM arena, and linalg named ops computing on
// the local tiles. The loops follow each layer's #cnn.tiling exactly: a
// tensor is loaded in the body of the innermost loop it depends on that has
// more than one trip, which is the reuse the cost model counts, and tiles
// whose shape differs (edges, padding) are peeled so every transfer has a
// static shape: the DMA traffic is countable from the IR alone.
//
// This file is the pass: it checks the module, gives every tensor a DRAM
// buffer and lowers each layer and fusion group into a region of its own
// with the lowerings of LowerToDma/ (Lowering.h).
//
//===----------------------------------------------------------------------===//

#include "LowerToDma/Lowering.h"

#include "cnn/Analysis/WeightCodec.h"
#include "cnn/Dialect/Cnn/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

namespace mlir::cnn {
#define GEN_PASS_DEF_CNNLOWERTODMA
#include "cnn/Dialect/Cnn/Transforms/Passes.h.inc"

namespace {

using lower_to_dma::Emitter;
using lower_to_dma::GroupLowering;
using lower_to_dma::isViewLayer;
using lower_to_dma::kSramSpace;
using lower_to_dma::lowerLayer;

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

struct CnnLowerToDmaPass : impl::CnnLowerToDmaBase<CnnLowerToDmaPass> {
  using Base::Base;

  void runOnOperation() override;
  LogicalResult lowerFunction(func::FuncOp func, TargetAttr target,
                              SymbolTable &symbols);
};

MemRefType dramType(Type tensorType) {
  auto t = cast<RankedTensorType>(tensorType);
  return MemRefType::get(t.getShape(), t.getElementType());
}

/// Lowers one function of a planned module into a new function on DRAM
/// memrefs, and erases it.
class FunctionLowering {
public:
  FunctionLowering(func::FuncOp func, TargetAttr target, SymbolTable &symbols)
      : func(func), target(target), symbols(symbols), ctx(func.getContext()),
        body(func.getBody().front()), b(func), loc(func.getLoc()),
        desc(getTargetDesc(target)) {}

  LogicalResult run();

private:
  void collectOps();
  LogicalResult checkLayers();
  /// An error unless the cnn.tiling of layer `op` (alone) fits the layer
  /// and the target's SRAM.
  LogicalResult checkTiling(Operation *op);
  /// Codes the weights stored compressed, checking them against their
  /// annotation and their layers' tilings.
  LogicalResult codeWeights();
  /// The new function, on DRAM memrefs, and its SRAM arena.
  void createFunction();
  LogicalResult planConcatSlices();
  void allocateDramBuffers();
  /// The DRAM buffers of the parts of concats: slices of the concat's.
  void bindConcatSlices();
  /// Lowers the function's ops in order into the new function.
  LogicalResult lowerBody();
  LogicalResult inRegion(Location loc, StringRef name, bool isGroup,
                         function_ref<LogicalResult(Emitter &)> lower);

  func::FuncOp func;
  TargetAttr target;
  SymbolTable &symbols;
  MLIRContext *ctx;
  Block &body;
  OpBuilder b;
  Location loc;
  TargetDesc desc;
  Value arena;
  SmallVector<Operation *> flat;
  /// The DRAM memref of every tensor of the function.
  llvm::DenseMap<Value, Value> buffers;
  /// The concat (and the channel offset in it) that a tensor is a slice of.
  llvm::DenseMap<Value, std::pair<Value, int64_t>> sliceOf;
  /// The coded bytes of every weight stored compressed.
  llvm::DenseMap<Operation *, std::vector<uint8_t>> coded;
  /// The table of channel offsets of every coded weight (Emitter).
  llvm::DenseMap<Value, Value> codedChannels;
};

LogicalResult FunctionLowering::run() {
  collectOps();
  if (failed(checkLayers()) || failed(codeWeights()))
    return failure();
  createFunction();
  if (failed(planConcatSlices()))
    return failure();
  allocateDramBuffers();
  bindConcatSlices();
  if (failed(lowerBody()))
    return failure();
  func.erase();
  return success();
}

void FunctionLowering::collectOps() {
  // The function's ops with the layers of fusion groups in their place.
  for (Operation &op : body) {
    auto group = dyn_cast<FusionGroupOp>(op);
    if (!group) {
      flat.push_back(&op);
      continue;
    }
    for (Operation *layer : group.getLayers())
      flat.push_back(layer);
  }
}

LogicalResult FunctionLowering::checkLayers() {
  // Only networks of cnn layers are lowered.
  for (Operation *op : flat)
    if (!isLayer(op) && !isa<WeightOp, YieldOp, func::ReturnOp>(op))
      return op->emitError()
             << "'" << op->getName()
             << "' is not a cnn layer: --lower-to-dma lowers networks of cnn "
                "layers only (TOSA imports with --tosa-to-cnn first)";
  // Unnamed layers take the names the reports give them, so that every
  // diagnostic below names its layer as the reports do.
  unsigned layerIndex = 0;
  for (Operation *op : flat) {
    if (!isLayer(op))
      continue;
    std::string name = getReportName(op, layerIndex++);
    if (getLayerName(op).empty())
      op->setAttr("name", StringAttr::get(ctx, name));
  }
  for (Operation *op : flat)
    if (isLayer(op) && !op->hasAttr(kTrafficAttrName))
      return op->emitError() << "layer '" << getLayerName(op)
                             << "' has no tiling: run --tile-for-sram=<bytes> "
                                "before --lower-to-dma";
  // A layer alone runs the tiling it records: one written by hand, or
  // planned for another layer or SRAM, is refused, not trusted.
  for (Operation *op : flat)
    if (isLayer(op) && !isa<FusionGroupOp>(op->getParentOp()))
      if (failed(checkTiling(op)))
        return failure();
  return success();
}

LogicalResult FunctionLowering::checkTiling(Operation *op) {
  FailureOr<LayerInfo> info = describeLayer(op);
  if (failed(info))
    return success();
  return verifyLayerTiling(op, *info, getLayerName(op), desc);
}

LogicalResult FunctionLowering::codeWeights() {
  for (Operation *op : flat) {
    auto layer = dyn_cast<CnnLayerOpInterface>(op);
    Value w = layer ? layer.getLayerWeight() : Value();
    auto weight = w ? w.getDefiningOp<WeightOp>() : WeightOp();
    CompressionAttr compression =
        weight ? getWeightCompression(w) : CompressionAttr();
    if (!compression || compression.getScheme() == "raw")
      continue;
    // A layer alone may read its compressed weights raw (its tiling says).
    auto tiling = op->getAttrOfType<TilingAttr>(kTilingAttrName);
    if (tiling && tiling.getRawWeights() &&
        !isa<FusionGroupOp>(op->getParentOp()))
      continue;
    StringRef name = getLayerName(op);
    if (compression.getChannels().empty())
      return weight.emitError()
             << "the weights of layer '" << name
             << "' are declared compressed (scheme \""
             << compression.getScheme()
             << "\"), with no coded stream to load: annotate them from "
                "their values (--annotate-weight-compression) or plan "
                "without compression";
    FailureOr<std::vector<int64_t>> values = getWeightCodeValues(weight);
    auto type = cast<RankedTensorType>(weight.getType());
    unsigned width = type.getElementType().getIntOrFloatBitWidth();
    if (failed(values))
      return weight.emitError()
             << "the weights of layer '" << name
             << "' are coded but have no values to code: --lower-to-dma "
                "loads the coded stream of weights with values";
    EncodedWeights enc = encodeWeights(*values, type.getDimSize(0), width);
    ArrayRef<int64_t> annotated = compression.getChannels();
    for (size_t j = 0; j < enc.channelBytes.size(); ++j)
      if (static_cast<int64_t>(enc.channelBytes[j]) != annotated[j])
        return weight.emitError()
               << "the cnn.compression of the weights of layer '" << name
               << "' does not match their values: output channel " << j
               << " codes to " << enc.channelBytes[j]
               << " bytes, the annotation says " << annotated[j]
               << "; run --annotate-weight-compression again";
    // Coded weights load in whole output channels.
    FailureOr<LayerInfo> info = describeLayer(op);
    if (tiling && !isa<FusionGroupOp>(op->getParentOp()) && succeeded(info)) {
      TileProblem p = getTileProblem(*info);
      if (p.cls == TilingClass::Conv && tiling.getTc() != p.c)
        return op->emitError()
               << "layer '" << name
               << "' has coded weights, which load in whole output "
                  "channels, but its tiling has tc = "
               << tiling.getTc() << " of " << p.c
               << " input channels: plan again with --tile-for-sram";
    }
    coded[weight] = std::move(enc.bytes);
  }
  return success();
}

void FunctionLowering::createFunction() {
  // The new function: tensors become DRAM memrefs.
  SmallVector<Type> argTypes, resultTypes;
  for (Type t : func.getArgumentTypes())
    argTypes.push_back(isa<RankedTensorType>(t) ? dramType(t) : t);
  for (Type t : func.getResultTypes())
    resultTypes.push_back(isa<RankedTensorType>(t) ? dramType(t) : t);
  auto newFunc = func::FuncOp::create(b, func.getLoc(), func.getSymName(),
                                      b.getFunctionType(argTypes, resultTypes));
  newFunc->setAttrs(func->getAttrs());
  newFunc.setFunctionType(b.getFunctionType(argTypes, resultTypes));
  Block *entry = newFunc.addEntryBlock();
  b.setInsertionPointToStart(entry);
  for (auto [oldArg, newArg] :
       llvm::zip(body.getArguments(), entry->getArguments()))
    buffers[oldArg] = newArg;

  // The SRAM arena.
  auto arenaType = MemRefType::get({target.getSram()}, b.getI8Type(),
                                   MemRefLayoutAttrInterface(),
                                   b.getI64IntegerAttr(kSramSpace));
  arena = memref::AllocOp::create(b, loc, arenaType);
  arena.getDefiningOp()->setAttr("dma.arena", UnitAttr::get(ctx));
}

LogicalResult FunctionLowering::planConcatSlices() {
  // Concat outputs are DRAM buffers their producers write into: a part is
  // a channel slice of the concatenated tensor (recursively).
  for (Operation *opPtr : llvm::reverse(flat)) {
    Operation &op = *opPtr;
    auto concat = dyn_cast<CnnLayerOpInterface>(op);
    if (!concat || !isViewLayer(concat))
      continue;
    // A concat that stays inside a fusion group is a view of SRAM buffers,
    // unless it is a part of a concat that leaves the group: then its parts
    // are slices of that concat's buffer too, written in place by their
    // producers (the model writes only the parts produced in the group).
    if (auto group = dyn_cast<FusionGroupOp>(concat->getParentOp());
        group && !sliceOf.count(concat->getResult(0)) &&
        llvm::none_of(concat->getUsers(),
                      [](Operation *user) { return isa<YieldOp>(user); }))
      continue;
    Value root = concat->getResult(0);
    int64_t base = 0;
    if (auto it = sliceOf.find(root); it != sliceOf.end()) {
      base = it->second.second;
      root = it->second.first;
    }
    int64_t offset = base;
    for (Value part : concat.getFeatureMaps()) {
      // A tensor that leaves a fusion group is the layer result it yields.
      if (auto result = dyn_cast<OpResult>(part))
        if (auto g = dyn_cast<FusionGroupOp>(result.getOwner()))
          part = g.getYield().getValues()[result.getResultNumber()];
      if (sliceOf.count(part) || isa<BlockArgument>(part) ||
          !isLayer(part.getDefiningOp()))
        return concat->emitError()
               << "layer '" << getLayerName(concat)
               << "': each concatenated tensor must be produced by a layer "
                  "and be part of one concat only, to be written in place";
      sliceOf[part] = {root, offset};
      offset += cast<RankedTensorType>(part.getType()).getDimSize(1);
    }
  }
  return success();
}

void FunctionLowering::allocateDramBuffers() {
  // DRAM buffers of every layer output, allocated up front.
  unsigned weightIndex = 0;
  for (Operation *opPtr : flat) {
    Operation &op = *opPtr;
    if (auto weight = dyn_cast<WeightOp>(op)) {
      auto type = dramType(weight.getType());
      std::string name =
          (func.getSymName() + "_w" + Twine(weightIndex++)).str();
      OpBuilder gb =
          OpBuilder::atBlockBegin(func->getParentOfType<ModuleOp>().getBody());
      Attribute init;
      if (auto v = weight.getValueAttr())
        init = v;
      else
        init = UnitAttr::get(ctx);
      // Coded weights are their bytes in DRAM, with the table of their
      // channels' offsets.
      if (auto it = coded.find(weight); it != coded.end()) {
        int64_t n = static_cast<int64_t>(it->second.size());
        type = MemRefType::get({n}, b.getI8Type());
        init = DenseElementsAttr::get(
            RankedTensorType::get({n}, b.getI8Type()),
            ArrayRef<int8_t>(reinterpret_cast<const int8_t *>(it->second.data()),
                             it->second.size()));
        std::shared_ptr<const std::vector<int64_t>> offsets =
            getCompressedChannelOffsets(getWeightCompression(weight));
        auto tableType = MemRefType::get(
            {static_cast<int64_t>(offsets->size())}, b.getI64Type());
        auto table = memref::GlobalOp::create(
            gb, weight.getLoc(), name + "_channels",
            gb.getStringAttr("private"), tableType,
            DenseElementsAttr::get(
                RankedTensorType::get(tableType.getShape(), b.getI64Type()),
                ArrayRef<int64_t>(*offsets)),
            /*constant=*/true, IntegerAttr());
        symbols.insert(table);
        codedChannels[weight.getResult()] = memref::GetGlobalOp::create(
            b, loc, tableType, table.getSymName());
      }
      auto global = memref::GlobalOp::create(
          gb, weight.getLoc(), name, gb.getStringAttr("private"), type, init,
          /*constant=*/bool(weight.getValueAttr()), IntegerAttr());
      symbols.insert(global);
      buffers[weight.getResult()] =
          memref::GetGlobalOp::create(b, loc, type, global.getSymName());
      continue;
    }
    if (!isLayer(&op))
      continue;
    Value result = op.getResult(0);
    if (!sliceOf.count(result))
      buffers[result] =
          memref::AllocOp::create(b, loc, dramType(result.getType()));
  }
}

void FunctionLowering::bindConcatSlices() {
  for (Operation *opPtr : flat) {
    Operation &op = *opPtr;
    if (!isLayer(&op))
      continue;
    Value result = op.getResult(0);
    auto it = sliceOf.find(result);
    if (it == sliceOf.end())
      continue;
    // Every part maps to the outermost concat, which is allocated above.
    auto type = cast<RankedTensorType>(result.getType());
    Emitter em{b, loc, arena, target.getSram()};
    em.target = &desc;
    buffers[result] = em.subview(
        buffers.lookup(it->second.first),
        {em.fold(0), em.fold(it->second.second), em.fold(0), em.fold(0)},
        type.getShape());
  }
}

/// Each layer, and each fusion group, in a region of its own, named for
/// the reports and the arena verifier.
LogicalResult
FunctionLowering::inRegion(Location loc, StringRef name, bool isGroup,
                           function_ref<LogicalResult(Emitter &)> lower) {
  auto region = scf::ExecuteRegionOp::create(b, loc, TypeRange{});
  region->setAttr("cnn.layer", b.getStringAttr(name));
  if (isGroup)
    region->setAttr("cnn.group", b.getStringAttr(name));
  OpBuilder::InsertionGuard guard(b);
  Block *rb = b.createBlock(&region.getRegion());
  b.setInsertionPointToStart(rb);
  auto yield = scf::YieldOp::create(b, loc);
  b.setInsertionPoint(yield);
  Emitter em{b, loc, arena, target.getSram()};
  em.doubleBuffer = target.getDmaOverlap();
  em.target = &desc;
  em.codedChannels = &codedChannels;
  return lower(em);
}

LogicalResult FunctionLowering::lowerBody() {
  unsigned index = 0;
  for (Operation &op : body) {
    if (auto group = dyn_cast<FusionGroupOp>(op)) {
      // Unnamed layers are numbered in function order, groups included.
      for (Operation *layer : group.getLayers())
        if (isLayer(layer))
          ++index;
      for (auto [result, value] :
           llvm::zip(group.getResults(), group.getYield().getValues()))
        buffers[result] = buffers.lookup(value);
      std::string name = group.getName() ? group.getName()->str() : "group";
      if (failed(
              inRegion(op.getLoc(), name, /*isGroup=*/true, [&](Emitter &em) {
                return GroupLowering(em, group, buffers).emit();
              })))
        return failure();
      continue;
    }
    if (auto ret = dyn_cast<func::ReturnOp>(op)) {
      SmallVector<Value> values;
      for (Value v : ret.getOperands())
        values.push_back(buffers.lookup(v));
      func::ReturnOp::create(b, ret.getLoc(), values);
      continue;
    }
    FailureOr<LayerInfo> info = describeLayer(&op);
    if (failed(info))
      continue;
    std::string name = getReportName(&op, index++);
    if (info->cls == LayerClass::View)
      continue;
    if (failed(inRegion(op.getLoc(), name, /*isGroup=*/false, [&](Emitter &em) {
          return lowerLayer(em, &op, *info, buffers);
        })))
      return failure();
  }
  return success();
}

LogicalResult CnnLowerToDmaPass::lowerFunction(func::FuncOp func,
                                               TargetAttr target,
                                               SymbolTable &symbols) {
  return FunctionLowering(func, target, symbols).run();
}

void CnnLowerToDmaPass::runOnOperation() {
  ModuleOp module = getOperation();
  auto target = module->getAttrOfType<TargetAttr>(kTargetAttrName);
  if (!target) {
    module.emitError() << "--lower-to-dma needs a planned module: run "
                          "--tile-for-sram=<bytes> before it";
    return signalPassFailure();
  }
  if (target.getFmPercent() != 100) {
    module.emitError() << "--lower-to-dma moves raw feature maps: plan "
                          "without fm-percent";
    return signalPassFailure();
  }
  SymbolTable symbols(module);
  SmallVector<func::FuncOp> funcs(module.getOps<func::FuncOp>());
  for (func::FuncOp func : funcs) {
    if (func.isExternal())
      continue;
    if (failed(lowerFunction(func, target, symbols)))
      return signalPassFailure();
  }
}

} // namespace
} // namespace mlir::cnn
