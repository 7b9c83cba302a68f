//===- DmaTraffic.h - DRAM bytes moved by the DMA transfers -----*- C++ -*-===//
//
// Counts what lowered IR really moves between DRAM and SRAM, so that it can
// be compared with the traffic the cost model predicts for the same plan.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_DIALECT_DMA_ANALYSIS_DMATRAFFIC_H
#define CNN_DIALECT_DMA_ANALYSIS_DMATRAFFIC_H

#include "cnn/Analysis/TileSearch.h"
#include "cnn/Dialect/Dma/IR/DmaOps.h"

#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace mlir::dma {

/// The bytes the transfers of one layer region move: loads of inputs and of
/// weights, stores of outputs.
struct RegionTraffic {
  enum class Kind { Layer, Group, Outside };
  std::string name;
  Kind kind = Kind::Layer;
  cnn::Traffic traffic;
};

/// The bytes a function's transfers move when it runs once, per layer
/// region in the order of their first transfer.
struct FunctionTraffic {
  std::string function;
  std::vector<RegionTraffic> regions;

  cnn::Traffic total() const;
  /// `dma traffic of @<function>`, one line per region and the total.
  void printText(llvm::raw_ostream &os) const;
  /// {"network", "layers": [{"name", "region", "read_input_bytes",
  /// "read_weight_bytes", "write_output_bytes", "total_bytes"}], "total"}.
  llvm::json::Value toJson() const;
};

/// Bytes one execution of `transfer` moves: the product of its sizes times
/// the element size. A size may be dynamic on one side of the transfer.
/// Emits an error at the transfer and fails when a size is dynamic on both
/// sides or the element size is not known.
FailureOr<int64_t> getTransferBytes(TransferOpInterface transfer);

/// How many times `op` runs when its function runs once: the product of the
/// trip counts of the `scf.for` loops around it, each ceil((ub - lb) / step)
/// or 0 when ub <= lb. Emits an error and fails at a loop whose bounds or
/// step are not constants, and at any other op with regions around `op`
/// except `scf.execute_region`.
FailureOr<int64_t> getExecutionCount(Operation *op);

/// Counts the bytes of every transfer in `func`, each rounded up to a whole
/// number of `burstBytes`-byte DMA bursts. Fails, with the diagnostics of
/// the functions above, when a transfer cannot be counted, and on a
/// transfer that is neither a load of "input" or "weights" nor a store of
/// "output".
FailureOr<FunctionTraffic> countDmaTraffic(FunctionOpInterface func,
                                           int64_t burstBytes = 1);

} // namespace mlir::dma

#endif // CNN_DIALECT_DMA_ANALYSIS_DMATRAFFIC_H
