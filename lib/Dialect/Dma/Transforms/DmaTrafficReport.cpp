//===- DmaTrafficReport.cpp - The --dma-traffic-report pass -----*- C++ -*-===//

#include "cnn/Dialect/Dma/Analysis/DmaTraffic.h"
#include "cnn/Dialect/Dma/Transforms/Passes.h"
#include "cnn/Analysis/LayerAnalysis.h"
#include "cnn/Dialect/Cnn/IR/CnnOps.h"

#include "llvm/Support/FormatVariadic.h"

namespace mlir::dma {
#define GEN_PASS_DEF_DMATRAFFICREPORT
#include "cnn/Dialect/Dma/Transforms/Passes.h.inc"

namespace {
struct DmaTrafficReportPass : impl::DmaTrafficReportBase<DmaTrafficReportPass> {
  using Base::Base;

  void runOnOperation() override {
    std::vector<FunctionTraffic> networks;
    bool ok = true;
    // Transfers move whole bursts of the planned target.
    int64_t burst = 1;
    if (auto target = getOperation()->getAttrOfType<cnn::TargetAttr>(
            cnn::kTargetAttrName))
      burst = target.getDmaAlign();
    for (auto func : getOperation().getOps<FunctionOpInterface>()) {
      if (func.isExternal())
        continue;
      FailureOr<FunctionTraffic> traffic = countDmaTraffic(func, burst);
      if (failed(traffic)) {
        ok = false;
        continue;
      }
      networks.push_back(std::move(*traffic));
    }
    if (!ok)
      return signalPassFailure();

    if (failed(cnn::writeReport(
            getOperation(), "DMA traffic report", outputFile, format,
            [&](llvm::raw_ostream &os) {
              for (const FunctionTraffic &traffic : networks)
                traffic.printText(os);
            },
            [&] {
              llvm::json::Array all;
              for (const FunctionTraffic &traffic : networks)
                all.push_back(traffic.toJson());
              return all;
            })))
      return signalPassFailure();
    markAllAnalysesPreserved();
  }
};
} // namespace
} // namespace mlir::dma
