//===- SramArena.cpp - The SRAM plan of lowered IR --------------*- C++ -*-===//

#include "cnn/Dialect/Dma/Analysis/SramArena.h"

#include "cnn/Analysis/LayerAnalysis.h"
#include "cnn/Dialect/Cnn/IR/CnnOps.h"
#include "cnn/Dialect/Dma/IR/DmaOps.h"

#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace mlir::dma;

bool mlir::dma::isArena(Operation *op) {
  return isa<memref::AllocOp>(op) && op->hasAttr(kArenaAttrName);
}

FailureOr<ArenaPlan> mlir::dma::getArenaPlan(memref::AllocOp arena) {
  MemRefType type = arena.getType();
  if (type.getRank() != 1 || !type.hasStaticShape() ||
      !type.getElementType().isInteger(8) || !isSramMemRef(type) ||
      !type.getLayout().isIdentity())
    return arena.emitError() << "expects the SRAM arena to be a static "
                                "memref<Nxi8, "
                             << kSramMemorySpace << ">, got " << type;
  ArenaPlan plan;
  plan.arena = arena;
  plan.size = type.getDimSize(0);
  bool ok = true;
  // In program order (a use list is not), so that diagnostics about a pair
  // of buffers point at the later one.
  arena->getParentRegion()->walk([&](memref::ViewOp view) {
    if (view.getSource() != arena.getResult())
      return;
    MemRefType viewType = view.getType();
    std::optional<int64_t> offset = getConstantIntValue(view.getByteShift());
    if (!offset) {
      view.emitError() << "SRAM buffer " << viewType
                       << " at a non-constant offset in the arena of "
                       << plan.size
                       << " bytes; the SRAM plan places every buffer at a "
                          "constant offset";
      ok = false;
      return;
    }
    if (!viewType.hasStaticShape()) {
      view.emitError() << "SRAM buffer " << viewType
                       << " has a dynamic size; the SRAM plan needs the size "
                          "of every buffer";
      ok = false;
      return;
    }
    std::optional<int64_t> bytes = getStaticBytes(viewType);
    if (!bytes) {
      view.emitError() << "cannot count the bytes of SRAM buffer " << viewType;
      ok = false;
      return;
    }
    plan.buffers.push_back({view, *offset, *bytes});
  });
  if (!ok)
    return failure();
  return plan;
}

/// Every op that uses `value` directly or through view-like ops (subviews,
/// casts, reshapes) of it.
static void collectUsers(Value value, SmallVectorImpl<Operation *> &users) {
  for (Operation *user : value.getUsers()) {
    users.push_back(user);
    auto viewLike = dyn_cast<ViewLikeOpInterface>(user);
    if (viewLike && viewLike.getViewSource() == value)
      for (Value result : user->getResults())
        collectUsers(result, users);
  }
}

namespace {
/// A buffer as used by one layer region, with the kinds of the transfers of
/// the region that use it.
struct RegionUse {
  ArenaBuffer buffer;
  llvm::SetVector<StringRef> kinds;
  /// The first and last op of the region's block that use the buffer
  /// (directly or inside them): the buffer is live between them.
  unsigned first = ~0u, last = 0;
};
} // namespace

/// "input buffer 'memref<...>' at bytes [0, 64)".
static std::string describe(RegionUse &use) {
  std::string text;
  llvm::raw_string_ostream os(text);
  if (use.kinds.empty())
    os << "local";
  else
    os << llvm::join(use.kinds, "/");
  os << " buffer '" << use.buffer.view.getType() << "' at bytes ["
     << use.buffer.offset << ", " << use.buffer.end() << ")";
  return text;
}

static std::string describeRegion(Operation *region) {
  bool group = region->getAttrOfType<StringAttr>(kGroupAttrName) != nullptr;
  return (group ? "group '" : "layer '") + getLayerRegionName(region).str() +
         "'";
}

/// Checks bounds, alignment and overlaps of the buffers of one arena.
static LogicalResult verifyArenaPlan(ArenaPlan &plan) {
  bool ok = true;
  for (ArenaBuffer &buffer : plan.buffers) {
    MemRefType type = buffer.view.getType();
    if (buffer.offset < 0 || buffer.bytes > plan.size ||
        buffer.offset > plan.size - buffer.bytes) {
      buffer.view.emitError()
          << "SRAM buffer " << type << " at bytes [" << buffer.offset << ", "
          << buffer.offset + buffer.bytes << ") does not fit in the arena of "
          << plan.size << " bytes";
      ok = false;
      continue;
    }
    int64_t align = *getElementBytes(type.getElementType());
    if (buffer.offset % align != 0) {
      buffer.view.emitError()
          << "SRAM buffer " << type << " at byte offset " << buffer.offset
          << " is not aligned to its element size of " << align << " bytes";
      ok = false;
    }
  }
  if (!ok)
    return failure();

  // The buffers each layer region uses, in the order of the plan.
  llvm::MapVector<Operation *, llvm::MapVector<Operation *, RegionUse>> uses;
  llvm::DenseMap<Block *, llvm::DenseMap<Operation *, unsigned>> positions;
  for (ArenaBuffer &buffer : plan.buffers) {
    SmallVector<Operation *> users;
    collectUsers(buffer.view.getResult(), users);
    for (Operation *user : users) {
      auto transfer = dyn_cast<TransferOpInterface>(user);
      for (Operation *region = getEnclosingLayerRegion(user); region;
           region = getEnclosingLayerRegion(region)) {
        RegionUse &use = uses[region][buffer.view];
        use.buffer = buffer;
        if (transfer)
          use.kinds.insert(transfer.getKind());
        // Position of the use among the ops of the region's block.
        Block &block = region->getRegion(0).front();
        auto [it, fresh] = positions.try_emplace(&block);
        if (fresh) {
          unsigned index = 0;
          for (Operation &op : block)
            it->second[&op] = index++;
        }
        // An asynchronous transfer keeps its buffer in use (in flight)
        // until the waits on its token.
        SmallVector<Operation *> points = {user};
        if (transfer && transfer->getNumResults() == 1)
          for (Operation *wait : transfer->getResult(0).getUsers())
            points.push_back(wait);
        for (Operation *point : points)
          if (Operation *top = block.findAncestorOpInBlock(*point)) {
            unsigned index = it->second.lookup(top);
            use.first = std::min(use.first, index);
            use.last = std::max(use.last, index);
          }
      }
    }
  }

  for (auto &[region, buffers] : uses) {
    auto list = buffers.takeVector();
    for (size_t i = 0; i < list.size(); ++i) {
      for (size_t j = i + 1; j < list.size(); ++j) {
        RegionUse &a = list[i].second, &b = list[j].second;
        if (a.buffer.offset >= b.buffer.end() ||
            b.buffer.offset >= a.buffer.end())
          continue;
        // In a fusion group, whose layers run one after another, buffers
        // whose uses do not interleave share bytes at different times; in
        // a layer every buffer is live throughout.
        if (region->hasAttr(kGroupAttrName) &&
            (a.last < b.first || b.last < a.first))
          continue;
        // A buffer marked dma.in_place is written over another that starts
        // at the same byte and holds it (a tile of T over the 32-bit
        // partial sums it is computed from).
        auto inPlace = [](const RegionUse &small, const RegionUse &large) {
          return small.buffer.view->hasAttr("dma.in_place") &&
                 small.buffer.offset == large.buffer.offset &&
                 small.buffer.end() <= large.buffer.end();
        };
        if (inPlace(a, b) || inPlace(b, a))
          continue;
        InFlightDiagnostic diag =
            b.buffer.view.emitError()
            << "SRAM buffers overlap in " << describeRegion(region) << ": "
            << describe(a) << " and " << describe(b) << " of the arena of "
            << plan.size << " bytes";
        diag.attachNote(a.buffer.view.getLoc()) << "the other buffer";
        ok = false;
      }
    }
  }
  return success(ok);
}

LogicalResult mlir::dma::verifySramArenas(Operation *root,
                                          std::optional<int64_t> sramBytes) {
  bool ok = true;
  llvm::DenseMap<Operation *, memref::AllocOp> arenaOfFunction;
  root->walk([&](memref::AllocOp alloc) {
    if (!isArena(alloc))
      return;
    if (auto func = alloc->getParentOfType<FunctionOpInterface>()) {
      auto [it, inserted] = arenaOfFunction.try_emplace(func, alloc);
      if (!inserted) {
        InFlightDiagnostic diag = alloc.emitError()
                                  << "a second SRAM arena in function @"
                                  << func.getName()
                                  << "; the SRAM plan has one per function";
        diag.attachNote(it->second.getLoc()) << "the first arena";
        ok = false;
        return;
      }
    }
    FailureOr<ArenaPlan> plan = getArenaPlan(alloc);
    if (failed(plan)) {
      ok = false;
      return;
    }
    if (sramBytes && plan->size != *sramBytes) {
      alloc.emitError() << "SRAM arena of " << plan->size
                        << " bytes, but the target's SRAM has " << *sramBytes
                        << " bytes";
      ok = false;
    }
    if (failed(verifyArenaPlan(*plan)))
      ok = false;
  });
  return success(ok);
}

LogicalResult mlir::dma::verifySramArenas(ModuleOp module) {
  std::optional<int64_t> sram;
  if (Attribute attr = module->getAttr(cnn::kTargetAttrName)) {
    auto target = dyn_cast<cnn::TargetAttr>(attr);
    if (!target)
      return module.emitError()
             << "expects '" << cnn::kTargetAttrName
             << "' to be a #cnn.target attribute, got " << attr;
    sram = target.getSram();
  }
  return verifySramArenas(module, sram);
}
