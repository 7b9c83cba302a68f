//===- DmaTraffic.cpp - DRAM bytes moved by the DMA transfers ---*- C++ -*-===//

#include "cnn/Dialect/Dma/Analysis/DmaTraffic.h"

#include "cnn/Analysis/TrafficTable.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/CheckedArithmetic.h"
#include "llvm/Support/Format.h"

#include <algorithm>

using namespace mlir;
using namespace mlir::dma;

//===----------------------------------------------------------------------===//
// Counting
//===----------------------------------------------------------------------===//

FailureOr<int64_t> mlir::dma::getTransferBytes(TransferOpInterface transfer) {
  MemRefType source = transfer.getSource().getType();
  MemRefType target = transfer.getTarget().getType();
  std::optional<int64_t> bytes = getElementBytes(source.getElementType());
  if (!bytes)
    return transfer->emitError()
           << "cannot count the bytes of elements of type "
           << source.getElementType();
  // The verifier guarantees equal ranks, and equal sizes where both are
  // static.
  for (auto [dim, sizes] :
       llvm::enumerate(llvm::zip(source.getShape(), target.getShape()))) {
    auto [sourceSize, targetSize] = sizes;
    int64_t size = ShapedType::isStatic(sourceSize) ? sourceSize : targetSize;
    if (ShapedType::isDynamic(size))
      return transfer->emitError()
             << "cannot count the bytes of a transfer whose dimension " << dim
             << " is dynamic on both sides; lowered IR moves static tiles";
    bytes = llvm::checkedMul(*bytes, size);
    if (!bytes)
      return transfer->emitError()
             << "the size of the transfer overflows 64 bits";
  }
  return *bytes;
}

/// The trip count of a loop with constant bounds and step, or an error at
/// the loop.
static FailureOr<int64_t> getTripCount(scf::ForOp loop, Operation *op) {
  auto fail = [&](StringRef what) {
    InFlightDiagnostic diag = loop.emitError()
                              << "cannot count the transfers in a loop whose "
                              << what
                              << " is not a constant; the traffic report "
                                 "needs constant bounds and step";
    diag.attachNote(op->getLoc()) << "transfer in the loop";
    return diag;
  };
  if (!getConstantIntValue(loop.getLowerBound()))
    return fail("lower bound");
  if (!getConstantIntValue(loop.getUpperBound()))
    return fail("upper bound");
  if (!getConstantIntValue(loop.getStep()))
    return fail("step");
  std::optional<APInt> trips = loop.getStaticTripCount();
  if (!trips || trips->getActiveBits() > 63)
    return loop.emitError() << "cannot count the iterations of the loop";
  return static_cast<int64_t>(trips->getZExtValue());
}

FailureOr<int64_t> mlir::dma::getExecutionCount(Operation *op) {
  int64_t count = 1;
  for (Operation *parent = op->getParentOp(); parent;
       parent = parent->getParentOp()) {
    if (isa<FunctionOpInterface>(parent))
      break;
    if (isa<scf::ExecuteRegionOp>(parent))
      continue;
    auto loop = dyn_cast<scf::ForOp>(parent);
    if (!loop) {
      InFlightDiagnostic diag =
          parent->emitError()
          << "cannot count how many times the transfers in '"
          << parent->getName()
          << "' run; the traffic report counts through scf.for and "
             "scf.execute_region";
      diag.attachNote(op->getLoc()) << "transfer in the op";
      return diag;
    }
    FailureOr<int64_t> trips = getTripCount(loop, op);
    if (failed(trips))
      return failure();
    std::optional<int64_t> product = llvm::checkedMul(count, *trips);
    if (!product)
      return op->emitError()
             << "the number of executions of the transfer overflows 64 bits";
    count = *product;
  }
  return count;
}

FailureOr<FunctionTraffic>
mlir::dma::countDmaTraffic(FunctionOpInterface func, int64_t burstBytes) {
  FunctionTraffic result;
  result.function = func.getName().str();
  // Regions by kind and name, so that a layer and a group may share a name.
  llvm::StringMap<size_t> index;
  // Stops at the first transfer that cannot be counted: the others in the
  // same loop would repeat its diagnostic.
  WalkResult walk = func.walk([&](TransferOpInterface transfer) {
    FailureOr<int64_t> bytes = getTransferBytes(transfer);
    if (failed(bytes))
      return WalkResult::interrupt();
    *bytes = cnn::alignToBursts(*bytes, burstBytes);
    FailureOr<int64_t> count = getExecutionCount(transfer);
    if (failed(count))
      return WalkResult::interrupt();
    std::optional<int64_t> moved = llvm::checkedMul(*bytes, *count);
    if (!moved) {
      transfer->emitError() << "the traffic of the transfer overflows 64 bits";
      return WalkResult::interrupt();
    }

    RegionTraffic line;
    if (Operation *region = getEnclosingLayerRegion(transfer)) {
      line.name = getLayerRegionName(region).str();
      line.kind = region->getAttrOfType<StringAttr>(kGroupAttrName)
                      ? RegionTraffic::Kind::Group
                      : RegionTraffic::Kind::Layer;
    } else {
      line.name = "(outside layers)";
      line.kind = RegionTraffic::Kind::Outside;
    }
    std::string key =
        std::to_string(static_cast<int>(line.kind)) + ":" + line.name;
    auto [it, inserted] = index.try_emplace(key, result.regions.size());
    if (inserted)
      result.regions.push_back(std::move(line));
    cnn::Traffic &traffic = result.regions[it->second].traffic;

    StringRef kind = transfer.getKind();
    int64_t *sum = nullptr;
    if (transfer.isLoad() && kind == kKindInput)
      sum = &traffic.input;
    else if (transfer.isLoad() && kind == kKindWeights)
      sum = &traffic.weights;
    else if (!transfer.isLoad() && kind == kKindOutput)
      sum = &traffic.output;
    if (!sum) {
      transfer->emitError()
          << "a " << (transfer.isLoad() ? "load" : "store") << " of kind \""
          << kind
          << "\" has no column in the traffic report, which counts loads of "
             "inputs and weights and stores of outputs";
      return WalkResult::interrupt();
    }
    std::optional<int64_t> total = llvm::checkedAdd(*sum, *moved);
    if (!total) {
      transfer->emitError() << "the traffic of the region overflows 64 bits";
      return WalkResult::interrupt();
    }
    *sum = *total;
    return WalkResult::advance();
  });
  if (walk.wasInterrupted())
    return failure();
  // The "(outside layers)" line goes last.
  std::stable_partition(result.regions.begin(), result.regions.end(),
                        [](const RegionTraffic &r) {
                          return r.kind != RegionTraffic::Kind::Outside;
                        });
  return result;
}

//===----------------------------------------------------------------------===//
// Output
//===----------------------------------------------------------------------===//

cnn::Traffic FunctionTraffic::total() const {
  cnn::Traffic sum;
  for (const RegionTraffic &r : regions) {
    sum.input += r.traffic.input;
    sum.weights += r.traffic.weights;
    sum.output += r.traffic.output;
  }
  return sum;
}

static StringRef getKindName(RegionTraffic::Kind kind) {
  switch (kind) {
  case RegionTraffic::Kind::Layer:
    return "layer";
  case RegionTraffic::Kind::Group:
    return "group";
  case RegionTraffic::Kind::Outside:
    return "outside";
  }
  llvm_unreachable("unknown region kind");
}

void FunctionTraffic::printText(llvm::raw_ostream &os) const {
  using cnn::formatWithCommas;
  os << "dma traffic of @" << function << "\n";
  int width = 20;
  for (const RegionTraffic &r : regions)
    width = std::max(width, static_cast<int>(r.name.size()));
  os << llvm::format("%-*s %-7s %13s %13s %13s %13s\n", width, "layer",
                     "region", "read input", "read weights", "write output",
                     "total");
  auto line = [&](StringRef name, StringRef kind, const cnn::Traffic &t) {
    os << llvm::format(
        "%-*s %-7s %13s %13s %13s %13s\n", width, name.str().c_str(),
        kind.str().c_str(), formatWithCommas(t.input).c_str(),
        formatWithCommas(t.weights).c_str(), formatWithCommas(t.output).c_str(),
        formatWithCommas(t.total()).c_str());
  };
  for (const RegionTraffic &r : regions)
    line(r.name,
         r.kind == RegionTraffic::Kind::Outside ? "-" : getKindName(r.kind),
         r.traffic);
  line("total", "", total());
}

static llvm::json::Object trafficJson(const cnn::Traffic &t) {
  return llvm::json::Object{{"read_input_bytes", t.input},
                            {"read_weight_bytes", t.weights},
                            {"write_output_bytes", t.output},
                            {"total_bytes", t.total()}};
}

llvm::json::Value FunctionTraffic::toJson() const {
  llvm::json::Array layers;
  for (const RegionTraffic &r : regions) {
    llvm::json::Object o = trafficJson(r.traffic);
    o["name"] = r.name;
    o["region"] = getKindName(r.kind);
    layers.push_back(std::move(o));
  }
  return llvm::json::Object{{"network", function},
                            {"layers", std::move(layers)},
                            {"total", trafficJson(total())}};
}
