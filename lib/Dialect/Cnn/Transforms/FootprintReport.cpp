//===- FootprintReport.cpp - The --cnn-footprint-report pass ----*- C++ -*-===//

#include "cnn/Analysis/Footprint.h"
#include "cnn/Analysis/LayerAnalysis.h"
#include "cnn/Dialect/Cnn/IR/CnnOps.h"
#include "cnn/Dialect/Cnn/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

namespace mlir::cnn {
#define GEN_PASS_DEF_CNNFOOTPRINTREPORT
#include "cnn/Dialect/Cnn/Transforms/Passes.h.inc"

namespace {
struct CnnFootprintReportPass
    : impl::CnnFootprintReportBase<CnnFootprintReportPass> {
  using Base::Base;

  void runOnOperation() override {
    std::vector<Footprint> networks;
    for (auto func : getOperation().getOps<func::FuncOp>()) {
      Footprint fp;
      fp.network = func.getSymName().str();
      unsigned index = 0;
      func.walk([&](Operation *op) {
        FailureOr<LayerInfo> info = describeLayer(op);
        if (failed(info))
          return;
        info->name = getReportName(op, index++);
        fp.layers.push_back(std::move(*info));
      });
      networks.push_back(std::move(fp));
    }

    if (failed(writeReport(
            getOperation(), "footprint report", outputFile, format,
            [&](llvm::raw_ostream &os) {
              for (const Footprint &fp : networks)
                fp.printText(os);
            },
            [&] {
              llvm::json::Array all;
              for (const Footprint &fp : networks)
                all.push_back(fp.toJson());
              return all;
            })))
      return signalPassFailure();
    markAllAnalysesPreserved();
  }
};
} // namespace
} // namespace mlir::cnn
