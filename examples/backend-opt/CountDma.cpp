//===- CountDma.cpp - The --backend-count-dma pass --------------*- C++ -*-===//
//
// Walks lowered DMA transfers through the dma dialect's TransferOpInterface
// and sizes them with cnn-opt's DMA traffic analysis, both linked from the
// installed CnnOpt package.
//
//===----------------------------------------------------------------------===//

#include "Passes.h"

#include "cnn/Dialect/Dma/Analysis/DmaTraffic.h"
#include "cnn/Dialect/Dma/IR/DmaOps.h"

#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <string>
#include <utility>

namespace backend {
#define GEN_PASS_DEF_BACKENDCOUNTDMA
#include "Passes.h.inc"

namespace {
/// The transfers of one op name and kind in a function.
struct QueueCount {
  int64_t transfers = 0;
  int64_t bytesPerExecution = 0;
  int64_t bytesPerRun = 0;

  void add(const QueueCount &other) {
    transfers += other.transfers;
    bytesPerExecution += other.bytesPerExecution;
    bytesPerRun += other.bytesPerRun;
  }
};

void printCount(llvm::raw_ostream &os, llvm::StringRef label,
                const QueueCount &count) {
  os << "  " << label << ": " << count.transfers << " transfers, "
     << count.bytesPerExecution << " bytes per execution, " << count.bytesPerRun
     << " bytes per run\n";
}

struct BackendCountDmaPass : impl::BackendCountDmaBase<BackendCountDmaPass> {
  using Base::Base;

  void runOnOperation() override {
    bool ok = true;
    for (auto func : getOperation().getOps<mlir::FunctionOpInterface>()) {
      if (func.isExternal())
        continue;
      bool counted = true;
      // Keyed by (op name, kind) so that the lines come out sorted.
      std::map<std::pair<std::string, std::string>, QueueCount> queues;
      func.walk([&](mlir::dma::TransferOpInterface transfer) {
        mlir::FailureOr<int64_t> bytes = mlir::dma::getTransferBytes(transfer);
        mlir::FailureOr<int64_t> executions =
            mlir::dma::getExecutionCount(transfer);
        // Whichever failed has emitted an error at the transfer.
        if (mlir::failed(bytes) || mlir::failed(executions)) {
          counted = false;
          return;
        }
        QueueCount &count = queues[{transfer->getName().getStringRef().str(),
                                    transfer.getKind().str()}];
        count.add({1, *bytes, *bytes * *executions});
      });
      if (!counted) {
        ok = false;
        continue;
      }

      llvm::raw_ostream &os = llvm::outs();
      os << "backend-count-dma @" << func.getName() << "\n";
      QueueCount total;
      for (const auto &[key, count] : queues) {
        printCount(os, key.first + " " + key.second, count);
        total.add(count);
      }
      printCount(os, "total", total);
    }
    if (!ok)
      return signalPassFailure();
    markAllAnalysesPreserved();
  }
};
} // namespace
} // namespace backend
