//===- DmaTrafficReport.cpp - The --dma-traffic-report pass -----*- C++ -*-===//

#include "cnn/Dialect/Dma/Analysis/DmaTraffic.h"
#include "cnn/Dialect/Dma/Transforms/Passes.h"

#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/ToolOutputFile.h"

namespace mlir::dma {
#define GEN_PASS_DEF_DMATRAFFICREPORT
#include "cnn/Dialect/Dma/Transforms/Passes.h.inc"

namespace {
struct DmaTrafficReportPass : impl::DmaTrafficReportBase<DmaTrafficReportPass> {
  using Base::Base;

  void runOnOperation() override {
    std::vector<FunctionTraffic> networks;
    bool ok = true;
    for (auto func : getOperation().getOps<FunctionOpInterface>()) {
      if (func.isExternal())
        continue;
      FailureOr<FunctionTraffic> traffic = countDmaTraffic(func);
      if (failed(traffic)) {
        ok = false;
        continue;
      }
      networks.push_back(std::move(*traffic));
    }
    if (!ok)
      return signalPassFailure();

    std::string error;
    std::unique_ptr<llvm::ToolOutputFile> out =
        openOutputFile(outputFile, &error);
    if (!out) {
      getOperation().emitError()
          << "cannot write the DMA traffic report: " << error;
      return signalPassFailure();
    }
    if (format == cnn::ReportFormat::Json) {
      llvm::json::Array all;
      for (const FunctionTraffic &traffic : networks)
        all.push_back(traffic.toJson());
      out->os() << llvm::formatv("{0:2}", llvm::json::Value(llvm::json::Object{
                                              {"networks", std::move(all)}}))
                << "\n";
    } else {
      for (const FunctionTraffic &traffic : networks)
        traffic.printText(out->os());
    }
    out->keep();
    markAllAnalysesPreserved();
  }
};
} // namespace
} // namespace mlir::dma
