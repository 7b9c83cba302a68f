//===- FootprintReport.cpp - The --cnn-footprint-report pass ----*- C++ -*-===//

#include "cnn/Analysis/Footprint.h"
#include "cnn/Analysis/LayerAnalysis.h"
#include "cnn/Dialect/Cnn/IR/CnnOps.h"
#include "cnn/Dialect/Cnn/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/ToolOutputFile.h"

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

    std::string error;
    std::unique_ptr<llvm::ToolOutputFile> out =
        openOutputFile(outputFile, &error);
    if (!out) {
      getOperation().emitError() << "cannot write the footprint report: "
                                 << error;
      return signalPassFailure();
    }
    if (format == ReportFormat::Json) {
      llvm::json::Array all;
      for (const Footprint &fp : networks)
        all.push_back(fp.toJson());
      out->os() << llvm::formatv("{0:2}",
                                 llvm::json::Value(llvm::json::Object{
                                     {"networks", std::move(all)}}))
                << "\n";
    } else {
      for (const Footprint &fp : networks)
        fp.printText(out->os());
    }
    out->keep();
    markAllAnalysesPreserved();
  }
};
} // namespace
} // namespace mlir::cnn
