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
    if (pjPerMac < 0 || pjPerBit < 0) {
      module.emitError() << "energy figures must be non-negative (pj-per-mac "
                         << llvm::formatv("{0}", pjPerMac.getValue()).str()
                         << ", pj-per-bit "
                         << llvm::formatv("{0}", pjPerBit.getValue()).str()
                         << ")";
      return signalPassFailure();
    }

    bool ok = true;
    std::vector<TrafficTable> tables;
    for (auto func : module.getOps<func::FuncOp>()) {
      TrafficTable table;
      table.network = func.getSymName().str();
      table.sramBytes = target.getSram();
      table.target = getTargetDesc(target);
      unsigned index = 0;
      bool compressed = target.getFmPercent() != 100;
      auto addLayer = [&](Operation *op, int group) {
        FailureOr<LayerInfo> info = describeLayer(op);
        if (failed(info))
          return;
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
        if (!traffic) {
          op->emitError() << "layer '" << line.name
                          << "' has no modeled traffic: run "
                             "--tile-for-sram=<bytes> before the report";
          ok = false;
          return;
        }
        line.traffic = {traffic.getInput(), traffic.getWeights(),
                        traffic.getOutput()};
        if (auto c = op->getAttrOfType<CyclesAttr>(kCyclesAttrName))
          line.cycles = getCycles(c);
        if (auto t = op->getAttrOfType<TilingAttr>(kTilingAttrName))
          line.tiling = Tiling{t.getTm(), t.getTe(), t.getTf(), t.getTc(),
                               static_cast<LoopOrder>(t.getOrder())};
        if (auto reason = op->getAttrOfType<StringAttr>(kBoundaryAttrName))
          table.boundaries.push_back({"'" + line.name + "'", reason.str()});
        table.layers.push_back(std::move(line));
      };
      if (func.isExternal())
        continue;
      for (Operation &op : func.getBody().front()) {
        auto group = dyn_cast<FusionGroupOp>(op);
        if (!group) {
          addLayer(&op, -1);
          continue;
        }
        GroupTraffic g;
        g.name = group.getName() ? group.getName()->str()
                                 : "group_" + std::to_string(table.groups.size());
        g.mode = stringifyFusionMode(group.getMode()).str();
        g.sramBytes = group.getSramBytes();
        auto traffic = group->getAttrOfType<TrafficAttr>(kTrafficAttrName);
        if (!traffic) {
          group.emitError() << "fusion group '" << g.name
                            << "' has no modeled traffic";
          ok = false;
          continue;
        }
        g.traffic = {traffic.getInput(), traffic.getWeights(),
                     traffic.getOutput()};
        if (auto c = group->getAttrOfType<CyclesAttr>(kCyclesAttrName))
          g.cycles = getCycles(c);
        int gi = static_cast<int>(table.groups.size());
        table.groups.push_back(g);
        size_t firstLine = table.layers.size();
        for (Operation *layer : group.getLayers())
          addLayer(layer, gi);
        GroupTraffic &stored = table.groups.back();
        for (size_t i = firstLine; i < table.layers.size(); ++i)
          stored.macs += table.layers[i].macs;
        stored.layers = static_cast<int>(table.layers.size() - firstLine);
        if (stored.layers > 0) {
          stored.firstLayer = table.layers[firstLine].name;
          stored.lastLayer = table.layers.back().name;
        }
        if (auto reason = group->getAttrOfType<StringAttr>(kBoundaryAttrName))
          table.boundaries.push_back({"'" + stored.name + "' (.. '" +
                                          stored.lastLayer + "')",
                                      reason.str()});
      }
      if (compressed) {
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
              for (const TrafficTable &t : tables)
                t.printText(os, energy);
            },
            [&] {
              llvm::json::Array all;
              for (const TrafficTable &t : tables)
                all.push_back(t.toJson(energy));
              return all;
            })))
      return signalPassFailure();
    markAllAnalysesPreserved();
  }
};
} // namespace
} // namespace mlir::cnn
