//===- TrafficReport.cpp - The --cnn-traffic-report pass --------*- C++ -*-===//

#include "cnn/Analysis/LayerAnalysis.h"
#include "cnn/Analysis/TrafficTable.h"
#include "cnn/Dialect/Cnn/IR/CnnOps.h"
#include "cnn/Dialect/Cnn/Transforms/Passes.h"
#include "cnn/Dialect/Cnn/Transforms/Schedule.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/Support/FormatVariadic.h"

namespace mlir::cnn {
#define GEN_PASS_DEF_CNNTRAFFICREPORT
#include "cnn/Dialect/Cnn/Transforms/Passes.h.inc"

namespace {

/// "input = I, weights = W, output = O", as #cnn.traffic writes them.
std::string describe(const Traffic &t) {
  return llvm::formatv("input = {0}, weights = {1}, output = {2}", t.input,
                       t.weights, t.output)
      .str();
}

/// Reads the plan of one function into a TrafficTable: each layer's and
/// each group's modeled traffic and cycles, tilings and boundary reasons.
class TableBuilder {
public:
  TableBuilder(TargetAttr target, func::FuncOp func) : target(target) {
    table.network = func.getSymName().str();
    table.sramBytes = target.getSram();
    table.target = getTargetDesc(target);
    compressed = target.getFmPercent() != 100;
  }

  /// Fills the table from `func`; fails (with a diagnostic) on a layer or a
  /// group without modeled traffic.
  LogicalResult build(func::FuncOp func);

  TrafficTable table;
  /// True when weights or feature maps are compressed.
  bool compressed = false;

private:
  LogicalResult addLayer(Operation *op, int group);
  LogicalResult addGroup(FusionGroupOp group);

  TargetAttr target;
  unsigned index = 0;
};

LogicalResult TableBuilder::build(func::FuncOp func) {
  bool ok = true;
  for (Operation &op : func.getBody().front()) {
    auto group = dyn_cast<FusionGroupOp>(op);
    if (failed(group ? addGroup(group) : addLayer(&op, -1)))
      ok = false;
  }
  return success(ok);
}

LogicalResult TableBuilder::addLayer(Operation *op, int group) {
  FailureOr<LayerInfo> info = describeLayer(op);
  if (failed(info))
    return success();
  LayerTraffic line;
  line.name = getReportName(op, index++);
  line.kind = info->kind;
  line.macs = info->macs();
  line.group = group;
  line.rawWeightBytes = info->parameterBytes();
  line.storedWeightBytes = info->storedWeightBytes() + info->biasBytes;
  if (info->compressedWeightBytes >= 0)
    compressed = true;
  auto traffic = op->getAttrOfType<TrafficAttr>(kTrafficAttrName);
  if (!traffic)
    return op->emitError() << "layer '" << line.name
                           << "' has no modeled traffic: run "
                              "--tile-for-sram=<bytes> before the report";
  line.traffic = getTraffic(traffic);
  // A plan written by hand or for another target is not reported as is.
  if (failed(verifyLayerTiling(op, *info, line.name, table.target)))
    return failure();
  Traffic expected = getPlannedLayerTraffic(op, *info, table.target);
  if (!(expected == line.traffic))
    return op->emitError()
           << "layer '" << line.name << "': its cnn.traffic (" << describe(
                  line.traffic)
           << ") is not what its plan moves on this target ("
           << describe(expected) << "): plan again with --tile-for-sram";
  if (auto c = op->getAttrOfType<CyclesAttr>(kCyclesAttrName))
    line.cycles = getCycles(c);
  if (auto t = op->getAttrOfType<TilingAttr>(kTilingAttrName)) {
    line.tiling = getTiling(t);
    // A layer alone that reads its compressed weights raw stores them raw.
    if (group < 0 && t.getRawWeights())
      line.storedWeightBytes = info->parameterBytes();
  }
  if (auto reason = op->getAttrOfType<StringAttr>(kBoundaryAttrName))
    table.boundaries.push_back({"'" + line.name + "'", reason.str()});
  table.layers.push_back(std::move(line));
  return success();
}

LogicalResult TableBuilder::addGroup(FusionGroupOp group) {
  GroupTraffic g;
  g.name = group.getName() ? group.getName()->str()
                           : "group_" + std::to_string(table.groups.size());
  g.mode = stringifyFusionMode(group.getMode()).str();
  g.sramBytes = group.getSramBytes();
  auto traffic = group->getAttrOfType<TrafficAttr>(kTrafficAttrName);
  if (!traffic)
    return group.emitError() << "fusion group '" << g.name
                             << "' has no modeled traffic";
  g.traffic = getTraffic(traffic);
  FailureOr<PlannedGroup> expected = getPlannedGroup(group, table.target);
  if (succeeded(expected) && !(expected->traffic == g.traffic))
    return group.emitError()
           << "fusion group '" << g.name << "': its cnn.traffic ("
           << describe(g.traffic) << ") is not what its plan moves on this "
           << "target (" << describe(expected->traffic)
           << "): run --merge-layers again";
  if (succeeded(expected) && (expected->sramBytes != g.sramBytes ||
                              g.sramBytes > table.target.sramBytes))
    return group.emitError()
           << "fusion group '" << g.name << "': its sram_bytes ("
           << g.sramBytes << ") is not what its plan needs ("
           << expected->sramBytes << " bytes, the target has "
           << table.target.sramBytes << "): run --merge-layers again";
  if (auto c = group->getAttrOfType<CyclesAttr>(kCyclesAttrName))
    g.cycles = getCycles(c);
  int gi = static_cast<int>(table.groups.size());
  table.groups.push_back(g);
  size_t firstLine = table.layers.size();
  bool ok = true;
  for (Operation *layer : group.getLayers())
    if (failed(addLayer(layer, gi)))
      ok = false;
  GroupTraffic &stored = table.groups.back();
  for (size_t i = firstLine; i < table.layers.size(); ++i)
    stored.macs += table.layers[i].macs;
  stored.layers = static_cast<int>(table.layers.size() - firstLine);
  if (stored.layers > 0) {
    stored.firstLayer = table.layers[firstLine].name;
    stored.lastLayer = table.layers.back().name;
  }
  if (auto reason = group->getAttrOfType<StringAttr>(kBoundaryAttrName))
    table.boundaries.push_back(
        {"'" + stored.name + "' (.. '" + stored.lastLayer + "')",
         reason.str()});
  return success(ok);
}

struct CnnTrafficReportPass
    : impl::CnnTrafficReportBase<CnnTrafficReportPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto target = module->getAttrOfType<TargetAttr>(kTargetAttrName);
    if (!target) {
      module.emitError() << "the traffic report needs a planned module: run "
                            "--tile-for-sram=<bytes> before it";
      return signalPassFailure();
    }
    if (!(pjPerMac >= 0 && pjPerBit >= 0 && pjPerMac <= kMaxPicojoules &&
          pjPerBit <= kMaxPicojoules)) {
      module.emitError() << "energy figures must be between 0 and 1e6 pJ "
                            "(pj-per-mac "
                         << llvm::formatv("{0}", pjPerMac.getValue()).str()
                         << ", pj-per-bit "
                         << llvm::formatv("{0}", pjPerBit.getValue()).str()
                         << ")";
      return signalPassFailure();
    }
    FailureOr<std::vector<TrafficTable>> tables = buildTables(module, target);
    if (failed(tables))
      return signalPassFailure();

    // The target's energies unless the options name others.
    EnergyModel energy{
        pjPerMac.getNumOccurrences()
            ? pjPerMac.getValue()
            : target.getPjPerMac().convertToDouble(),
        pjPerBit.getNumOccurrences() ? pjPerBit.getValue()
                                     : target.getPjPerBit().convertToDouble()};
    if (failed(writeReport(
            module, "traffic report", outputFile, format,
            [&](llvm::raw_ostream &os) {
              for (const TrafficTable &t : *tables)
                t.printText(os, energy);
            },
            [&] {
              llvm::json::Array all;
              for (const TrafficTable &t : *tables)
                all.push_back(t.toJson(energy));
              return all;
            })))
      return signalPassFailure();
    markAllAnalysesPreserved();
  }

  /// One table per defined function; a compressed plan also records the
  /// traffic of the same target planned with raw weights and maps.
  FailureOr<std::vector<TrafficTable>> buildTables(ModuleOp module,
                                                   TargetAttr target) {
    bool ok = true;
    std::vector<TrafficTable> tables;
    for (auto func : module.getOps<func::FuncOp>()) {
      if (func.isExternal())
        continue;
      TableBuilder builder(target, func);
      if (failed(builder.build(func)))
        ok = false;
      TrafficTable &table = builder.table;
      if (builder.compressed) {
        // The same target, raw weights and feature maps, planned afresh.
        TargetDesc rawDesc = table.target;
        rawDesc.fmPercent = 100;
        TargetAttr rawTarget = getTargetAttr(&getContext(), rawDesc);
        FailureOr<Traffic> raw = planTraffic(
            func, rawTarget,
            /*useCompression=*/false, /*merge=*/!table.groups.empty());
        if (succeeded(raw))
          table.withoutCompression = raw->total();
      }
      tables.push_back(std::move(table));
    }
    if (!ok)
      return failure();
    return tables;
  }
};
} // namespace
} // namespace mlir::cnn
