//===- DmaTraffic.cpp - DRAM bytes moved by the DMA transfers ---*- C++ -*-===//

#include "cnn/Dialect/Dma/Analysis/DmaTraffic.h"

#include "cnn/Analysis/TrafficTable.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/SymbolTable.h"
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

//===----------------------------------------------------------------------===//
// Transfers of data-dependent size
//===----------------------------------------------------------------------===//

namespace {
/// Evaluates the index expressions of a transfer's sizes for given values
/// of loop induction variables: constants, the arith ops index arithmetic
/// uses, and loads from constant 1-D integer globals (tables of offsets).
class SizeEvaluator {
public:
  llvm::DenseMap<Value, int64_t> ivs;

  std::optional<int64_t> eval(Value v) {
    if (auto it = ivs.find(v); it != ivs.end())
      return it->second;
    if (std::optional<int64_t> c = getConstantIntValue(v))
      return c;
    Operation *op = v.getDefiningOp();
    if (!op)
      return std::nullopt;
    if (isa<arith::IndexCastOp, arith::IndexCastUIOp, arith::ExtSIOp,
            arith::ExtUIOp>(op))
      return eval(op->getOperand(0));
    auto binary = [&](auto fn) -> std::optional<int64_t> {
      std::optional<int64_t> a = eval(op->getOperand(0));
      std::optional<int64_t> b = eval(op->getOperand(1));
      if (!a || !b)
        return std::nullopt;
      return fn(*a, *b);
    };
    if (isa<arith::AddIOp>(op))
      return binary([](int64_t a, int64_t b) { return a + b; });
    if (isa<arith::SubIOp>(op))
      return binary([](int64_t a, int64_t b) { return a - b; });
    if (isa<arith::MulIOp>(op))
      return binary([](int64_t a, int64_t b) { return a * b; });
    if (auto load = dyn_cast<memref::LoadOp>(op))
      return evalLoad(load);
    return std::nullopt;
  }

  /// The IVs of `loops` that `v` depends on.
  void collectIvs(Value v, llvm::SmallPtrSetImpl<Value> &used,
                  const llvm::SmallPtrSetImpl<Value> &loopIvs) {
    if (loopIvs.contains(v)) {
      used.insert(v);
      return;
    }
    if (Operation *op = v.getDefiningOp())
      for (Value operand : op->getOperands())
        collectIvs(operand, used, loopIvs);
  }

private:
  std::optional<int64_t> evalLoad(memref::LoadOp load) {
    auto get = load.getMemRef().getDefiningOp<memref::GetGlobalOp>();
    if (!get || load.getIndices().size() != 1)
      return std::nullopt;
    auto &values = tables[get.getNameAttr()];
    if (values.empty()) {
      auto global = SymbolTable::lookupNearestSymbolFrom<memref::GlobalOp>(
          get, get.getNameAttr());
      auto init = global && global.getConstant()
                      ? dyn_cast_or_null<DenseIntElementsAttr>(
                            global.getConstantInitValue())
                      : DenseIntElementsAttr();
      if (!init)
        return std::nullopt;
      for (const APInt &x : init.getValues<APInt>())
        values.push_back(x.getSExtValue());
    }
    std::optional<int64_t> i = eval(load.getIndices()[0]);
    if (!i || *i < 0 || *i >= static_cast<int64_t>(values.size()))
      return std::nullopt;
    return values[*i];
  }

  llvm::DenseMap<Attribute, std::vector<int64_t>> tables;
};
} // namespace

/// The DRAM bytes of every execution of `transfer` summed, each rounded up
/// to bursts: a size that is dynamic on both sides is evaluated for every
/// value of the loop induction variables it depends on (each execution of
/// the other loops moves the same bytes).
static FailureOr<int64_t> countTransferTraffic(TransferOpInterface transfer,
                                               int64_t burstBytes) {
  FailureOr<int64_t> count = getExecutionCount(transfer);
  if (failed(count))
    return failure();
  MemRefType source = transfer.getSource().getType();
  MemRefType target = transfer.getTarget().getType();
  bool dynamic = false;
  for (auto [s, t] : llvm::zip(source.getShape(), target.getShape()))
    dynamic |= ShapedType::isDynamic(s) && ShapedType::isDynamic(t);
  if (!dynamic) {
    FailureOr<int64_t> bytes = getTransferBytes(transfer);
    if (failed(bytes))
      return failure();
    std::optional<int64_t> moved =
        llvm::checkedMul(cnn::alignToBursts(*bytes, burstBytes), *count);
    if (!moved)
      return transfer->emitError()
             << "the traffic of the transfer overflows 64 bits";
    return *moved;
  }
  auto fail = [&]() {
    return transfer->emitError()
           << "cannot count the bytes of a transfer whose size is dynamic "
              "on both sides and not a function of loop indices and "
              "constant tables";
  };
  auto subview = transfer.getSource().getDefiningOp<memref::SubViewOp>();
  std::optional<int64_t> elem = getElementBytes(source.getElementType());
  if (!subview || !elem)
    return fail();
  SmallVector<OpFoldResult> sizes = subview.getMixedSizes();
  // The loops around the transfer and the IVs its sizes depend on.
  SmallVector<scf::ForOp> loops;
  llvm::SmallPtrSet<Value, 8> loopIvs, used;
  for (Operation *p = transfer->getParentOp(); p && !isa<FunctionOpInterface>(p);
       p = p->getParentOp())
    if (auto loop = dyn_cast<scf::ForOp>(p)) {
      loops.push_back(loop);
      loopIvs.insert(loop.getInductionVar());
    }
  SizeEvaluator evaluator;
  for (OpFoldResult size : sizes)
    if (auto v = dyn_cast<Value>(size))
      evaluator.collectIvs(v, used, loopIvs);
  SmallVector<scf::ForOp> varying;
  int64_t others = *count;
  for (scf::ForOp loop : loops) {
    if (!used.contains(loop.getInductionVar()))
      continue;
    varying.push_back(loop);
    int64_t trips = loop.getStaticTripCount()->getZExtValue();
    if (trips == 0)
      return int64_t(0);
    others /= trips;
  }
  // Every combination of the varying IVs, like an odometer.
  SmallVector<int64_t> at(varying.size(), 0);
  int64_t total = 0, combinations = 0;
  for (;;) {
    if (++combinations > (int64_t(1) << 24))
      return transfer->emitError()
             << "too many sizes to evaluate for this transfer";
    for (auto [loop, i] : llvm::zip(varying, at))
      evaluator.ivs[loop.getInductionVar()] =
          *getConstantIntValue(loop.getLowerBound()) +
          i * *getConstantIntValue(loop.getStep());
    int64_t bytes = *elem;
    for (OpFoldResult size : sizes) {
      std::optional<int64_t> n = isa<Value>(size)
                                     ? evaluator.eval(cast<Value>(size))
                                     : getConstantIntValue(size);
      if (!n || *n < 0)
        return fail();
      bytes *= *n;
    }
    total += cnn::alignToBursts(bytes, burstBytes) * others;
    size_t k = 0;
    for (; k < at.size(); ++k) {
      if (++at[k] <
          static_cast<int64_t>(varying[k].getStaticTripCount()->getZExtValue()))
        break;
      at[k] = 0;
    }
    if (k == at.size())
      break;
  }
  return total;
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
    FailureOr<int64_t> moved = countTransferTraffic(transfer, burstBytes);
    if (failed(moved))
      return WalkResult::interrupt();

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
