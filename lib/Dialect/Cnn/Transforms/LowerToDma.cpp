//===- LowerToDma.cpp - The --lower-to-dma pass -----------------*- C++ -*-===//
//
// Turns a tiled network into loops over tiles with explicit DMA transfers
// between DRAM buffers and one SRAM arena, and linalg named ops computing on
// the local tiles. The loops follow each layer's #cnn.tiling exactly: a
// tensor is loaded in the body of the innermost loop it depends on that has
// more than one trip, which is the reuse the cost model counts, and tiles
// whose shape differs (edges, padding) are peeled so every transfer has a
// static shape: the DMA traffic is countable from the IR alone.
//
//===----------------------------------------------------------------------===//

#include "cnn/Analysis/LayerAnalysis.h"
#include "cnn/Analysis/TileSearch.h"
#include "cnn/Dialect/Cnn/IR/CnnOps.h"
#include "cnn/Dialect/Cnn/Transforms/Passes.h"
#include "cnn/Dialect/Dma/IR/DmaOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallString.h"

#include <algorithm>

namespace mlir::cnn {
#define GEN_PASS_DEF_CNNLOWERTODMA
#include "cnn/Dialect/Cnn/Transforms/Passes.h.inc"

namespace {

constexpr unsigned kSramSpace = 1;

//===----------------------------------------------------------------------===//
// Tile segments
//===----------------------------------------------------------------------===//

/// One band of output rows (or columns) of a tile whose valid kernel rows
/// are the same: output rows [o0, o1) of the tile use kernel rows [k0, k1)
/// and read the buffer from row `in` on.
struct Band {
  int64_t o0, o1, k0, k1, in;
  bool operator==(const Band &b) const {
    return o0 == b.o0 && o1 == b.o1 && k0 == b.k0 && k1 == b.k1 && in == b.in;
  }
};

/// What is static about a tile along one dimension.
struct TileShape {
  int64_t size = 0;
  /// First input row read, relative to (tile start * stride); the number
  /// of input rows read (clipped to the input; 0 when none).
  int64_t inRel = 0, inSize = 0;
  std::vector<Band> bands;
  bool operator==(const TileShape &t) const {
    return size == t.size && inRel == t.inRel && inSize == t.inSize &&
           bands == t.bands;
  }
};

/// A run of consecutive tiles [first, last] of one shape.
struct Segment {
  int64_t first, last;
  TileShape shape;
};

/// A sliding-window dimension: output size, tile, stride, padding before,
/// kernel size and dilation, input size.
struct WindowDim {
  int64_t out, tile, stride = 1, pad = 0, kernel = 1, dilation = 1, in;
};

TileShape windowTileShape(const WindowDim &d, int64_t index) {
  TileShape t;
  int64_t o0 = index * d.tile;
  t.size = std::min(d.tile, d.out - o0);
  int64_t reff = (d.kernel - 1) * d.dilation + 1;
  int64_t lo = o0 * d.stride - d.pad;
  int64_t hi = (o0 + t.size - 1) * d.stride - d.pad + reff - 1;
  int64_t cl = std::max<int64_t>(lo, 0), ch = std::min(hi, d.in - 1);
  t.inRel = cl - o0 * d.stride;
  t.inSize = std::max<int64_t>(ch - cl + 1, 0);
  for (int64_t j = 0; j < t.size; ++j) {
    int64_t o = o0 + j;
    int64_t base = o * d.stride - d.pad;
    // Valid kernel taps r: 0 <= base + r*dilation <= in - 1.
    int64_t k0 = base >= 0 ? 0 : (-base + d.dilation - 1) / d.dilation;
    int64_t k1 = std::min(d.kernel, base > d.in - 1
                                        ? 0
                                        : (d.in - 1 - base) / d.dilation + 1);
    if (k0 >= k1) {
      k0 = k1 = 0;
    }
    int64_t in = k0 < k1 ? base + k0 * d.dilation - cl : 0;
    if (!t.bands.empty()) {
      Band &b = t.bands.back();
      // Same taps and the input advancing by the stride: extend the band.
      if (b.k0 == k0 && b.k1 == k1 && b.o1 == j &&
          (k0 == k1 || b.in + (j - b.o0) * d.stride == in)) {
        b.o1 = j + 1;
        continue;
      }
    }
    t.bands.push_back({j, j + 1, k0, k1, in});
  }
  return t;
}

std::vector<Segment> segmentsOf(int64_t count,
                                 llvm::function_ref<TileShape(int64_t)> shape) {
  std::vector<Segment> segs;
  for (int64_t i = 0; i < count; ++i) {
    TileShape s = shape(i);
    if (!segs.empty() && segs.back().last == i - 1 && segs.back().shape == s) {
      segs.back().last = i;
      continue;
    }
    segs.push_back({i, i, s});
  }
  return segs;
}

std::vector<Segment> plainSegments(int64_t total, int64_t tile) {
  int64_t n = (total + tile - 1) / tile;
  return segmentsOf(n, [&](int64_t i) {
    TileShape t;
    t.size = std::min(tile, total - i * tile);
    return t;
  });
}

//===----------------------------------------------------------------------===//
// Emission helpers
//===----------------------------------------------------------------------===//

struct Emitter {
  OpBuilder &b;
  Location loc;
  Value arena;
  int64_t sram;
  /// Next free byte of the arena in the current layer.
  int64_t next = 0;

  Value idx(int64_t v) {
    return arith::ConstantIndexOp::create(b, loc, v);
  }
  OpFoldResult fold(int64_t v) { return b.getIndexAttr(v); }

  /// index = iv * scale + offset, or the constant when iv is null.
  Value affine(Value iv, int64_t scale, int64_t offset) {
    if (!iv)
      return idx(offset);
    Value v = iv;
    if (scale != 1)
      v = arith::MulIOp::create(b, loc, v, idx(scale));
    if (offset != 0)
      v = arith::AddIOp::create(b, loc, v, idx(offset));
    return v;
  }

  /// A buffer of the arena; buffers are placed from the largest element
  /// size down, so each is naturally aligned.
  Value buffer(ArrayRef<int64_t> shape, Type elem, int64_t offset) {
    auto type = MemRefType::get(shape, elem, MemRefLayoutAttrInterface(),
                                b.getI64IntegerAttr(kSramSpace));
    return memref::ViewOp::create(b, loc, type, arena, idx(offset),
                                  ValueRange{});
  }

  Value subview(Value source, ArrayRef<OpFoldResult> offsets,
                ArrayRef<int64_t> sizes) {
    SmallVector<OpFoldResult> sz, st;
    for (int64_t s : sizes) {
      sz.push_back(fold(s));
      st.push_back(fold(1));
    }
    return memref::SubViewOp::create(b, loc, source, offsets, sz, st);
  }

  void load(Value dram, Value sramView, StringRef kind) {
    dma::LoadOp::create(b, loc, dram, sramView, b.getStringAttr(kind));
  }
  void store(Value sramView, Value dram, StringRef kind) {
    dma::StoreOp::create(b, loc, sramView, dram, b.getStringAttr(kind));
  }
};

/// Allocates the buffers of one layer in the arena, largest elements first.
struct ArenaPlan {
  struct Request {
    SmallVector<int64_t> shape;
    Type elem;
    int64_t bytes;
    int64_t offset = -1;
  };
  std::vector<Request> requests;

  int add(ArrayRef<int64_t> shape, Type elem) {
    int64_t n = 1;
    for (int64_t d : shape)
      n *= d;
    requests.push_back(
        {SmallVector<int64_t>(shape), elem, n * getElementBytes(elem)});
    return static_cast<int>(requests.size()) - 1;
  }

  /// Assigns offsets; returns the bytes used.
  int64_t place() {
    std::vector<int> order(requests.size());
    for (size_t i = 0; i < order.size(); ++i)
      order[i] = static_cast<int>(i);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      return getElementBytes(requests[a].elem) >
             getElementBytes(requests[b].elem);
    });
    int64_t next = 0;
    for (int i : order) {
      requests[i].offset = next;
      next += requests[i].bytes;
    }
    return next;
  }
};

//===----------------------------------------------------------------------===//
// Arithmetic of docs/Semantics.md
//===----------------------------------------------------------------------===//

int64_t requantShift(int64_t k) {
  int64_t s = 0;
  while ((int64_t(1) << s) < k)
    ++s;
  return s + 4;
}

/// y = act(saturate((acc + bias) >> shift)) for integers; act(acc + bias)
/// for floats. `acc` and `out` have one shape; `bias` (optional) is indexed
/// by dimension 1.
void emitFinish(OpBuilder &b, Location loc, Value acc, Value bias, Value out,
                int64_t shift, Activation act) {
  auto outType = cast<MemRefType>(out.getType());
  Type elem = outType.getElementType();
  int64_t rank = outType.getRank();
  MLIRContext *ctx = b.getContext();
  AffineMap id = AffineMap::getMultiDimIdentityMap(rank, ctx);
  SmallVector<Value> ins = {acc};
  SmallVector<AffineMap> maps = {id};
  if (bias) {
    ins.push_back(bias);
    maps.push_back(AffineMap::get(rank, 0, {b.getAffineDimExpr(1)}, ctx));
  }
  maps.push_back(id);
  SmallVector<utils::IteratorType> iters(rank, utils::IteratorType::parallel);
  linalg::GenericOp::create(
      b, loc, TypeRange{}, ins, ValueRange{out}, maps, iters,
      [&](OpBuilder &nb, Location l, ValueRange args) {
        Value v = args[0];
        if (auto intType = dyn_cast<IntegerType>(elem)) {
          Type i32 = nb.getI32Type();
          if (bias) {
            Value bv = args[1];
            if (bv.getType() != i32)
              bv = arith::ExtSIOp::create(nb, l, i32, bv);
            v = arith::AddIOp::create(nb, l, v, bv);
          }
          v = arith::ShRSIOp::create(
              nb, l, v, arith::ConstantIntOp::create(nb, l, i32, shift));
          int64_t w = intType.getWidth();
          int64_t lo = -(int64_t(1) << (w - 1)), hi = (int64_t(1) << (w - 1)) - 1;
          if (act == Activation::relu || act == Activation::relu6)
            lo = 0;
          if (act == Activation::relu6)
            hi = 6;
          v = arith::MaxSIOp::create(nb, l, v,
                                     arith::ConstantIntOp::create(nb, l, i32, lo));
          v = arith::MinSIOp::create(nb, l, v,
                                     arith::ConstantIntOp::create(nb, l, i32, hi));
          v = arith::TruncIOp::create(nb, l, elem, v);
        } else {
          if (bias)
            v = arith::AddFOp::create(nb, l, v, args[1]);
          if (act == Activation::relu || act == Activation::relu6)
            v = arith::MaximumFOp::create(
                nb, l, v,
                arith::ConstantOp::create(nb, l, nb.getFloatAttr(elem, 0.0)));
          if (act == Activation::relu6)
            v = arith::MinimumFOp::create(
                nb, l, v,
                arith::ConstantOp::create(nb, l, nb.getFloatAttr(elem, 6.0)));
        }
        linalg::YieldOp::create(nb, l, v);
      });
}

Value zeroOf(OpBuilder &b, Location loc, Type elem) {
  if (isa<IntegerType>(elem))
    return arith::ConstantIntOp::create(b, loc, elem, 0);
  return arith::ConstantOp::create(b, loc, b.getFloatAttr(elem, 0.0));
}

Value lowestOf(OpBuilder &b, Location loc, Type elem) {
  if (auto it = dyn_cast<IntegerType>(elem))
    return arith::ConstantIntOp::create(
        b, loc, elem, -(int64_t(1) << (it.getWidth() - 1)));
  return arith::ConstantOp::create(
      b, loc,
      b.getFloatAttr(elem, APFloat::getInf(
                               cast<FloatType>(elem).getFloatSemantics(),
                               /*Negative=*/true)));
}

//===----------------------------------------------------------------------===//
// Tiled layers: convolution, fully connected, depthwise, pools
//===----------------------------------------------------------------------===//

enum Dim { M, E, F, C };

/// The DRAM side of a windowed layer, viewed as a (grouped) convolution.
struct WindowLayer {
  Operation *op;
  LayerKind kind;
  bool channelwise;
  int64_t groups;
  Value in, weight, bias, out; // DRAM memrefs (4-D; bias 1-D)
  int64_t c, m; // per group
  WindowDim rows, cols;
  Type elem;
  Activation act = Activation::none;
  int64_t shift = 0;
};

class TiledLowering {
public:
  TiledLowering(Emitter &em, const WindowLayer &l, const Tiling &t)
      : em(em), b(em.b), loc(em.loc), l(l), t(t) {}

  void emit();

private:
  struct DimState {
    Value iv;       // tile index, null when static
    int64_t first;  // static tile index when iv is null
    const TileShape *shape;
  };

  Value start(Dim d, int64_t tile) {
    const DimState &s = state[d];
    return em.affine(s.iv, tile, s.iv ? 0 : s.first * tile);
  }
  Value inStart(Dim d, const WindowDim &w) {
    const DimState &s = state[d];
    int64_t scale = w.tile * w.stride;
    return em.affine(s.iv, scale, (s.iv ? 0 : s.first * scale) +
                                      s.shape->inRel);
  }
  int64_t size(Dim d) { return state[d].shape->size; }

  void emitLevel(size_t level);
  void emitLoads(int level);
  void emitTileCompute();
  void emitFinishAndStore();

  Emitter &em;
  OpBuilder &b;
  Location loc;
  const WindowLayer &l;
  Tiling t;

  std::vector<Dim> loops;
  std::array<int64_t, 4> trips{};
  std::array<std::vector<Segment>, 4> segs;
  std::array<DimState, 4> state{};
  int placeInput = -1, placeWeights = -1;
  Value groupIv;
  Value inBuf, wBuf, biasBuf, accBuf, outBuf;
};

void TiledLowering::emit() {
  int64_t tc = l.channelwise ? t.tm : t.tc;
  segs[M] = plainSegments(l.m, t.tm);
  WindowDim rows = l.rows, cols = l.cols;
  rows.tile = t.te;
  cols.tile = t.tf;
  segs[E] = segmentsOf((rows.out + t.te - 1) / t.te,
                       [&](int64_t i) { return windowTileShape(rows, i); });
  segs[F] = segmentsOf((cols.out + t.tf - 1) / t.tf,
                       [&](int64_t i) { return windowTileShape(cols, i); });
  // The bias travels with the first input-channel tile of the weights, so
  // that tile is peeled: the bias moves once per sweep of the weights.
  segs[C] = l.channelwise
                ? std::vector<Segment>{}
                : segmentsOf((l.c + tc - 1) / tc, [&](int64_t i) {
                    TileShape s;
                    s.size = std::min(tc, l.c - i * tc);
                    s.inRel = i == 0 && l.bias ? 1 : 0;
                    return s;
                  });
  trips = {(l.m + t.tm - 1) / t.tm, (rows.out + t.te - 1) / t.te,
           (cols.out + t.tf - 1) / t.tf, l.channelwise ? 1 : (l.c + tc - 1) / tc};

  for (const char *c = getLoopOrderName(t.order); *c; ++c)
    loops.push_back(*c == 'm' ? M : *c == 'e' ? E : F);
  if (!l.channelwise)
    loops.push_back(C);

  // A tensor is loaded in the body of the innermost loop it depends on that
  // has more than one trip (-1: before all loops).
  auto place = [&](std::initializer_list<Dim> deps) {
    int p = -1;
    for (size_t i = 0; i < loops.size(); ++i)
      if (trips[loops[i]] > 1 &&
          std::find(deps.begin(), deps.end(), loops[i]) != deps.end())
        p = static_cast<int>(i);
    return p;
  };
  if (l.channelwise) {
    placeInput = place({M, E, F});
    placeWeights = place({M});
  } else {
    placeInput = place({E, F, C});
    placeWeights = place({M, C});
  }

  // Buffers, sized for a full tile as the cost model counts them.
  bool partialSums = !l.channelwise && trips[C] > 1;
  int64_t inRows = std::min((t.te - 1) * rows.stride +
                                (rows.kernel - 1) * rows.dilation + 1,
                            rows.in);
  int64_t inCols = std::min((t.tf - 1) * cols.stride +
                                (cols.kernel - 1) * cols.dilation + 1,
                            cols.in);
  Type i32 = b.getI32Type();
  bool isInt = isa<IntegerType>(l.elem);
  ArenaPlan plan;
  int inReq = plan.add({1, tc, inRows, inCols}, l.elem);
  int wReq = -1, bReq = -1;
  if (l.weight) {
    auto wType = cast<MemRefType>(l.weight.getType());
    wReq = plan.add({t.tm, l.channelwise ? 1 : tc, wType.getDimSize(2),
                     wType.getDimSize(3)},
                    l.elem);
    if (l.bias)
      bReq = plan.add({t.tm}, cast<MemRefType>(l.bias.getType()).getElementType());
  }
  // The output tile: 32-bit partial sums when the input channels are split
  // (the tile of T is written over them in place), else T.
  int outReq = plan.add({1, t.tm, t.te, t.tf}, partialSums ? i32 : l.elem);
  plan.place();
  inBuf = em.buffer(plan.requests[inReq].shape, l.elem,
                    plan.requests[inReq].offset);
  if (wReq >= 0)
    wBuf = em.buffer(plan.requests[wReq].shape, l.elem,
                     plan.requests[wReq].offset);
  if (bReq >= 0)
    biasBuf = em.buffer(plan.requests[bReq].shape,
                        plan.requests[bReq].elem, plan.requests[bReq].offset);
  int64_t outOffset = plan.requests[outReq].offset;
  outBuf = em.buffer({1, t.tm, t.te, t.tf}, l.elem, outOffset);
  bool needsAcc = isInt && l.kind != LayerKind::MaxPool;
  if (!isInt) {
    // Floating-point layers accumulate in T, in place.
    accBuf = outBuf;
  } else if (partialSums) {
    accBuf = em.buffer({1, t.tm, t.te, t.tf}, i32, outOffset);
    // The tile of T is written over the partial sums it is computed from,
    // element by element in increasing order.
    outBuf.getDefiningOp()->setAttr("dma.in_place", b.getUnitAttr());
  } else if (needsAcc) {
    // The accumulators of a tile computed in one pass are the MAC array's
    // registers, not SRAM: a stack buffer outside the arena.
    accBuf = memref::AllocaOp::create(
        b, loc, MemRefType::get({1, t.tm, t.te, t.tf}, i32));
  } else {
    accBuf = outBuf;
  }

  // Dimensions of one tile are the same on every trip: known before the
  // loops.
  for (Dim d : {M, E, F, C})
    if (segs[d].size() == 1) {
      state[d].first = segs[d][0].first;
      state[d].shape = &segs[d][0].shape;
    }

  if (l.groups > 1) {
    auto loop = scf::ForOp::create(b, loc, em.idx(0), em.idx(l.groups),
                                   em.idx(1));
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(loop.getBody());
    groupIv = loop.getInductionVar();
    emitLoads(-1);
    emitLevel(0);
    return;
  }
  emitLoads(-1);
  emitLevel(0);
}

void TiledLowering::emitLevel(size_t level) {
  if (level == loops.size()) {
    if (l.channelwise && l.kind != LayerKind::MaxPool) {
      Type accElem = cast<MemRefType>(accBuf.getType()).getElementType();
      linalg::FillOp::create(b, loc, zeroOf(b, loc, accElem), accBuf);
    }
    emitTileCompute();
    if (l.channelwise)
      emitFinishAndStore();
    return;
  }
  Dim d = loops[level];
  bool cLevel = d == C;
  Type accElem = cast<MemRefType>(accBuf.getType()).getElementType();
  if (cLevel) {
    // A new output tile: clear its accumulators.
    linalg::FillOp::create(b, loc, zeroOf(b, loc, accElem), accBuf);
  }
  for (const Segment &s : segs[d]) {
    state[d].shape = &s.shape;
    if (s.first == s.last) {
      state[d].iv = Value();
      state[d].first = s.first;
      emitLoads(static_cast<int>(level));
      emitLevel(level + 1);
      continue;
    }
    auto loop = scf::ForOp::create(b, loc, em.idx(s.first),
                                   em.idx(s.last + 1), em.idx(1));
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(loop.getBody());
    state[d].iv = loop.getInductionVar();
    emitLoads(static_cast<int>(level));
    emitLevel(level + 1);
  }
  if (cLevel)
    emitFinishAndStore();
}

void TiledLowering::emitLoads(int level) {
  // At level k only tensors placed there; at -1 those placed before loops.
  auto dimSize = [&](Dim d, int64_t whole) {
    return state[d].shape ? size(d) : whole;
  };
  if (level == placeWeights && l.weight) {
    // Weights (and bias) of output channels m0.. and input channels c0..
    Value m0 = state[M].shape ? start(M, t.tm) : em.idx(0);
    int64_t mSize = dimSize(M, l.m);
    auto wType = cast<MemRefType>(l.weight.getType());
    int64_t r = wType.getDimSize(2), s = wType.getDimSize(3);
    Value mg = m0;
    if (groupIv)
      mg = arith::AddIOp::create(
          b, loc, m0, arith::MulIOp::create(b, loc, groupIv, em.idx(l.m)));
    if (l.channelwise) {
      Value src = em.subview(l.weight, {mg, em.fold(0), em.fold(0), em.fold(0)},
                             {mSize, 1, r, s});
      Value dst = em.subview(wBuf, {em.fold(0), em.fold(0), em.fold(0), em.fold(0)},
                             {mSize, 1, r, s});
      em.load(src, dst, "weights");
    } else {
      Value c0 = state[C].shape ? start(C, t.tc) : em.idx(0);
      int64_t cSize = dimSize(C, l.c);
      Value src = em.subview(l.weight, {mg, c0, em.fold(0), em.fold(0)},
                             {mSize, cSize, r, s});
      Value dst = em.subview(wBuf, {em.fold(0), em.fold(0), em.fold(0), em.fold(0)},
                             {mSize, cSize, r, s});
      em.load(src, dst, "weights");
    }
    bool firstChannels =
        l.channelwise || !state[C].shape || (!state[C].iv && state[C].first == 0);
    if (l.bias && firstChannels) {
      Value src = em.subview(l.bias, {mg}, {mSize});
      Value dst = em.subview(biasBuf, {em.fold(0)}, {mSize});
      em.load(src, dst, "weights");
    }
  }
  if (level == placeInput) {
    const TileShape *rs = state[E].shape, *cs = state[F].shape;
    if (!rs || !cs || rs->inSize == 0 || cs->inSize == 0)
      return;
    Value ch0;
    int64_t chSize;
    if (l.channelwise) {
      ch0 = start(M, t.tm);
      chSize = size(M);
    } else {
      ch0 = start(C, t.tc);
      chSize = size(C);
      if (groupIv)
        ch0 = arith::AddIOp::create(
            b, loc, ch0, arith::MulIOp::create(b, loc, groupIv, em.idx(l.c)));
    }
    WindowDim rows = l.rows, cols = l.cols;
    rows.tile = t.te;
    cols.tile = t.tf;
    Value src = em.subview(l.in, {em.fold(0), ch0, inStart(E, rows), inStart(F, cols)},
                           {1, chSize, rs->inSize, cs->inSize});
    Value dst = em.subview(inBuf, {em.fold(0), em.fold(0), em.fold(0), em.fold(0)},
                           {1, chSize, rs->inSize, cs->inSize});
    em.load(src, dst, "input");
  }
}

void TiledLowering::emitTileCompute() {
  const TileShape &rs = *state[E].shape, &cs = *state[F].shape;
  int64_t mSize = size(M);
  int64_t cSize = l.channelwise ? mSize : size(C);
  auto strides = b.getI64TensorAttr({l.rows.stride, l.cols.stride});
  auto dilations = b.getI64TensorAttr({l.rows.dilation, l.cols.dilation});
  for (const Band &rb : rs.bands) {
    if (rb.k0 == rb.k1)
      continue;
    for (const Band &cb : cs.bands) {
      if (cb.k0 == cb.k1)
        continue;
      int64_t kr = rb.k1 - rb.k0, kc = cb.k1 - cb.k0;
      int64_t outR = rb.o1 - rb.o0, outC = cb.o1 - cb.o0;
      int64_t inR = (outR - 1) * l.rows.stride + (kr - 1) * l.rows.dilation + 1;
      int64_t inC = (outC - 1) * l.cols.stride + (kc - 1) * l.cols.dilation + 1;
      Value in = em.subview(inBuf, {em.fold(0), em.fold(0), em.fold(rb.in), em.fold(cb.in)},
                            {1, cSize, inR, inC});
      Value acc = em.subview(accBuf, {em.fold(0), em.fold(0), em.fold(rb.o0), em.fold(cb.o0)},
                             {1, mSize, outR, outC});
      switch (l.kind) {
      case LayerKind::Conv2D:
      case LayerKind::FullyConnected: {
        if (l.channelwise) {
          // The depthwise weights as C x R x S.
          SmallVector<OpFoldResult> off = {em.fold(0), em.fold(0), em.fold(rb.k0),
                                           em.fold(cb.k0)};
          SmallVector<OpFoldResult> sz = {em.fold(mSize), em.fold(1), em.fold(kr),
                                          em.fold(kc)};
          SmallVector<OpFoldResult> st(4, em.fold(1));
          auto reduced = memref::SubViewOp::inferRankReducedResultType(
              {mSize, kr, kc}, cast<MemRefType>(wBuf.getType()), off, sz, st);
          Value w = memref::SubViewOp::create(b, loc, cast<MemRefType>(reduced),
                                              wBuf, off, sz, st);
          linalg::DepthwiseConv2DNchwChwOp::create(
              b, loc, TypeRange{}, ValueRange{in, w}, ValueRange{acc}, strides,
              dilations);
        } else {
          Value w = em.subview(wBuf, {em.fold(0), em.fold(0), em.fold(rb.k0), em.fold(cb.k0)},
                               {mSize, cSize, kr, kc});
          linalg::Conv2DNchwFchwOp::create(b, loc, TypeRange{},
                                           ValueRange{in, w}, ValueRange{acc},
                                           strides, dilations);
        }
        break;
      }
      case LayerKind::MaxPool:
      case LayerKind::AvgPool: {
        Value window = memref::AllocaOp::create(
            b, loc, MemRefType::get({kr, kc}, l.elem));
        if (l.kind == LayerKind::MaxPool) {
          linalg::FillOp::create(b, loc, lowestOf(b, loc, l.elem), acc);
          linalg::PoolingNchwMaxOp::create(b, loc, TypeRange{},
                                           ValueRange{in, window},
                                           ValueRange{acc}, strides, dilations);
        } else {
          linalg::PoolingNchwSumOp::create(b, loc, TypeRange{},
                                           ValueRange{in, window},
                                           ValueRange{acc}, strides, dilations);
          // Average over the valid elements of the band's window.
          Type accElem = cast<MemRefType>(acc.getType()).getElementType();
          int64_t count = kr * kc;
          AffineMap id = AffineMap::getMultiDimIdentityMap(4, b.getContext());
          SmallVector<utils::IteratorType> iters(4,
                                                 utils::IteratorType::parallel);
          linalg::GenericOp::create(
              b, loc, TypeRange{}, ValueRange{}, ValueRange{acc},
              ArrayRef<AffineMap>{id}, iters,
              [&](OpBuilder &nb, Location ll, ValueRange args) {
                Value v;
                if (isa<IntegerType>(accElem))
                  v = arith::DivSIOp::create(
                      nb, ll, args[0],
                      arith::ConstantIntOp::create(nb, ll, accElem, count));
                else
                  v = arith::DivFOp::create(
                      nb, ll, args[0],
                      arith::ConstantOp::create(
                          nb, ll, nb.getFloatAttr(accElem, double(count))));
                linalg::YieldOp::create(nb, ll, v);
              });
        }
        break;
      }
      default:
        break;
      }
    }
  }
}

void TiledLowering::emitFinishAndStore() {
  int64_t mSize = size(M), eSize = size(E), fSize = size(F);
  Value acc = em.subview(accBuf, {em.fold(0), em.fold(0), em.fold(0), em.fold(0)},
                         {1, mSize, eSize, fSize});
  Value out = em.subview(outBuf, {em.fold(0), em.fold(0), em.fold(0), em.fold(0)},
                         {1, mSize, eSize, fSize});
  if (acc != out && accBuf != outBuf) {
    Value bias;
    if (biasBuf)
      bias = em.subview(biasBuf, {em.fold(0)}, {mSize});
    int64_t shift = l.kind == LayerKind::AvgPool ? 0 : l.shift;
    emitFinish(b, loc, acc, bias, out, shift, l.act);
  } else if (biasBuf || l.act != Activation::none) {
    Value bias = biasBuf ? em.subview(biasBuf, {em.fold(0)}, {mSize}) : Value();
    emitFinish(b, loc, acc, bias, out, 0, l.act);
  }
  Value m0 = start(M, t.tm);
  if (groupIv)
    m0 = arith::AddIOp::create(
        b, loc, m0, arith::MulIOp::create(b, loc, groupIv, em.idx(l.m)));
  Value dst = em.subview(l.out, {em.fold(0), m0, start(E, t.te), start(F, t.tf)},
                         {1, mSize, eSize, fSize});
  em.store(out, dst, "output");
}


//===----------------------------------------------------------------------===//
// Layers whose traffic does not depend on tiling
//===----------------------------------------------------------------------===//


/// Calls `body(firstRow, rows)` for the blocks of `rows` rows that cover
/// `h` rows: full blocks in one scf.for, a shorter last block after it.
void forEachRowBlock(Emitter &em, int64_t h, int64_t rows,
                     function_ref<void(Value, int64_t)> body) {
  for (const Segment &s : plainSegments(h, rows)) {
    OpBuilder::InsertionGuard inner(em.b);
    Value r0;
    if (s.first == s.last) {
      r0 = em.idx(s.first * rows);
    } else {
      auto rl = scf::ForOp::create(em.b, em.loc, em.idx(s.first),
                                   em.idx(s.last + 1), em.idx(1));
      em.b.setInsertionPointToStart(rl.getBody());
      r0 = em.affine(rl.getInductionVar(), rows, 0);
    }
    body(r0, s.shape.size);
  }
}

/// Streams `inputs` (4-D DRAM memrefs of one shape) row block by row block
/// of each channel through SRAM, combines them with `combine` into the
/// output row block, and stores it: every input is read once and the
/// output written once.
LogicalResult lowerRowwise(Emitter &em, Operation *op, ArrayRef<Value> inputs,
                           Value out,
                           function_ref<Value(OpBuilder &, Location,
                                              ValueRange)>
                               combine) {
  OpBuilder &b = em.b;
  Location loc = em.loc;
  auto outType = cast<MemRefType>(out.getType());
  Type elem = outType.getElementType();
  int64_t c = outType.getDimSize(1), h = outType.getDimSize(2),
          w = outType.getDimSize(3);
  int64_t rowBytes = w * getElementBytes(elem);
  int64_t buffers = static_cast<int64_t>(inputs.size()) + 1;
  int64_t rows = std::min(h, em.sram / (buffers * rowBytes));
  if (rows < 1)
    return op->emitError() << "layer '" << getLayerName(op)
                           << "' needs at least " << buffers * rowBytes
                           << " bytes of SRAM to stream one row of each "
                              "operand, but the target has "
                           << em.sram;
  SmallVector<Value> bufs;
  for (int64_t i = 0; i < buffers; ++i)
    bufs.push_back(em.buffer({1, 1, rows, w}, elem, i * rows * rowBytes));
  auto loop = scf::ForOp::create(b, loc, em.idx(0), em.idx(c), em.idx(1));
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(loop.getBody());
  Value ch = loop.getInductionVar();
  forEachRowBlock(em, h, rows, [&](Value r0, int64_t n) {
    SmallVector<Value> locals;
    for (size_t i = 0; i < inputs.size(); ++i) {
      Value src = em.subview(inputs[i], {em.fold(0), ch, r0, em.fold(0)},
                             {1, 1, n, w});
      Value dst = em.subview(bufs[i], {em.fold(0), em.fold(0), em.fold(0), em.fold(0)},
                             {1, 1, n, w});
      em.load(src, dst, "input");
      locals.push_back(dst);
    }
    Value dst = em.subview(bufs.back(), {em.fold(0), em.fold(0), em.fold(0), em.fold(0)},
                           {1, 1, n, w});
    AffineMap id = AffineMap::getMultiDimIdentityMap(4, b.getContext());
    SmallVector<AffineMap> maps(locals.size() + 1, id);
    SmallVector<utils::IteratorType> iters(4, utils::IteratorType::parallel);
    linalg::GenericOp::create(
        b, loc, TypeRange{}, locals, ValueRange{dst}, maps, iters,
        [&](OpBuilder &nb, Location l, ValueRange args) {
          linalg::YieldOp::create(nb, l,
                                  combine(nb, l, args.drop_back()));
        });
    em.store(dst, em.subview(out, {em.fold(0), ch, r0, em.fold(0)}, {1, 1, n, w}),
             "output");
  });
  return success();
}

/// act(saturate(a + b)) or act(a) on one element (docs/Semantics.md).
Value elementwise(OpBuilder &b, Location loc, ValueRange args, Type elem,
                  Activation act) {
  Value v = args[0];
  if (auto it = dyn_cast<IntegerType>(elem)) {
    Type i32 = b.getI32Type();
    v = arith::ExtSIOp::create(b, loc, i32, v);
    if (args.size() > 1)
      v = arith::AddIOp::create(b, loc, v,
                                arith::ExtSIOp::create(b, loc, i32, args[1]));
    int64_t lo = -(int64_t(1) << (it.getWidth() - 1)),
            hi = (int64_t(1) << (it.getWidth() - 1)) - 1;
    if (act != Activation::none)
      lo = 0;
    if (act == Activation::relu6)
      hi = 6;
    v = arith::MaxSIOp::create(b, loc, v,
                               arith::ConstantIntOp::create(b, loc, i32, lo));
    v = arith::MinSIOp::create(b, loc, v,
                               arith::ConstantIntOp::create(b, loc, i32, hi));
    return arith::TruncIOp::create(b, loc, elem, v);
  }
  if (args.size() > 1)
    v = arith::AddFOp::create(b, loc, v, args[1]);
  if (act != Activation::none)
    v = arith::MaximumFOp::create(
        b, loc, v, arith::ConstantOp::create(b, loc, b.getFloatAttr(elem, 0.0)));
  if (act == Activation::relu6)
    v = arith::MinimumFOp::create(
        b, loc, v, arith::ConstantOp::create(b, loc, b.getFloatAttr(elem, 6.0)));
  return v;
}

/// Global average pooling: each channel's rows stream through SRAM into an
/// accumulator; the channel's mean is stored as one element.
LogicalResult lowerGlobalAvgPool(Emitter &em, Operation *op, Value in,
                                 Value out) {
  OpBuilder &b = em.b;
  Location loc = em.loc;
  auto inType = cast<MemRefType>(in.getType());
  Type elem = inType.getElementType();
  int64_t c = inType.getDimSize(1), h = inType.getDimSize(2),
          w = inType.getDimSize(3);
  int64_t eb = getElementBytes(elem);
  int64_t rows = std::min(h, (em.sram - eb) / (w * eb));
  if (rows < 1)
    return op->emitError() << "layer '" << getLayerName(op)
                           << "' needs at least " << w * eb + eb
                           << " bytes of SRAM to stream one row, but the "
                              "target has "
                           << em.sram;
  Value buf = em.buffer({1, 1, rows, w}, elem, 0);
  Value res = em.buffer({1, 1, 1, 1}, elem, rows * w * eb);
  bool isInt = isa<IntegerType>(elem);
  Type accElem = isInt ? b.getI32Type() : elem;
  Value acc = memref::AllocaOp::create(b, loc, MemRefType::get({1}, accElem));
  auto loop = scf::ForOp::create(b, loc, em.idx(0), em.idx(c), em.idx(1));
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(loop.getBody());
  Value ch = loop.getInductionVar();
  linalg::FillOp::create(b, loc, zeroOf(b, loc, accElem), acc);
  MLIRContext *ctx = b.getContext();
  forEachRowBlock(em, h, rows, [&](Value r0, int64_t n) {
    Value dst = em.subview(buf, {em.fold(0), em.fold(0), em.fold(0), em.fold(0)},
                           {1, 1, n, w});
    em.load(em.subview(in, {em.fold(0), ch, r0, em.fold(0)}, {1, 1, n, w}), dst,
            "input");
    AffineMap id = AffineMap::getMultiDimIdentityMap(4, ctx);
    AffineMap toAcc = AffineMap::get(4, 0, {getAffineConstantExpr(0, ctx)}, ctx);
    SmallVector<utils::IteratorType> iters(4, utils::IteratorType::reduction);
    linalg::GenericOp::create(
        b, loc, TypeRange{}, ValueRange{dst}, ValueRange{acc},
        ArrayRef<AffineMap>{id, toAcc}, iters,
        [&](OpBuilder &nb, Location l, ValueRange args) {
          Value v = args[0];
          Value r = isInt ? (Value)arith::AddIOp::create(
                                nb, l, arith::ExtSIOp::create(nb, l, accElem, v),
                                args[1])
                          : (Value)arith::AddFOp::create(nb, l, v, args[1]);
          linalg::YieldOp::create(nb, l, r);
        });
  });
  // mean = sum / (h * w), rounded toward zero for integers.
  AffineMap fromAcc = AffineMap::get(4, 0, {getAffineConstantExpr(0, ctx)}, ctx);
  AffineMap id = AffineMap::getMultiDimIdentityMap(4, ctx);
  SmallVector<utils::IteratorType> par(4, utils::IteratorType::parallel);
  linalg::GenericOp::create(
      b, loc, TypeRange{}, ValueRange{acc}, ValueRange{res},
      ArrayRef<AffineMap>{fromAcc, id}, par,
      [&](OpBuilder &nb, Location l, ValueRange args) {
        Value v;
        if (isInt) {
          v = arith::DivSIOp::create(
              nb, l, args[0],
              arith::ConstantIntOp::create(nb, l, accElem, h * w));
          v = arith::TruncIOp::create(nb, l, elem, v);
        } else {
          v = arith::DivFOp::create(
              nb, l, args[0],
              arith::ConstantOp::create(nb, l, nb.getFloatAttr(elem, double(h * w))));
        }
        linalg::YieldOp::create(nb, l, v);
      });
  em.store(res, em.subview(out, {em.fold(0), ch, em.fold(0), em.fold(0)}, {1, 1, 1, 1}),
           "output");
  return success();
}

/// Softmax over channels, one pixel at a time (docs/Semantics.md: integers
/// are converted to f32 and the probability scaled to the type's maximum).
/// exp is computed twice instead of keeping a float per channel in SRAM.
LogicalResult lowerSoftmax(Emitter &em, Operation *op, Value in, Value out) {
  OpBuilder &b = em.b;
  Location loc = em.loc;
  auto type = cast<MemRefType>(in.getType());
  Type elem = type.getElementType();
  bool isInt = isa<IntegerType>(elem);
  Type f = isInt ? Type(b.getF32Type()) : elem;
  int64_t c = type.getDimSize(1), h = type.getDimSize(2), w = type.getDimSize(3);
  int64_t eb = getElementBytes(elem);
  if (2 * c * eb > em.sram)
    return op->emitError() << "layer '" << getLayerName(op) << "' needs "
                           << 2 * c * eb << " bytes of SRAM, the target has "
                           << em.sram;
  Value inBuf = em.buffer({1, c, 1, 1}, elem, 0);
  Value outBuf = em.buffer({1, c, 1, 1}, elem, c * eb);
  // The running maximum and sum are registers.
  Value scalar = memref::AllocaOp::create(b, loc, MemRefType::get({2}, f));
  auto rows = scf::ForOp::create(b, loc, em.idx(0), em.idx(h), em.idx(1));
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(rows.getBody());
  auto cols = scf::ForOp::create(b, loc, em.idx(0), em.idx(w), em.idx(1));
  b.setInsertionPointToStart(cols.getBody());
  Value r = rows.getInductionVar(), col = cols.getInductionVar();
  em.load(em.subview(in, {em.fold(0), em.fold(0), r, col}, {1, c, 1, 1}), inBuf,
          "input");
  Value zero = em.idx(0), one = em.idx(1);
  auto read = [&](Value k) -> Value {
    Value x = memref::LoadOp::create(b, loc, inBuf, ValueRange{zero, k, zero, zero});
    return isInt ? Value(arith::SIToFPOp::create(b, loc, f, x)) : x;
  };
  memref::StoreOp::create(b, loc, lowestOf(b, loc, f), scalar, ValueRange{zero});
  memref::StoreOp::create(b, loc, zeroOf(b, loc, f), scalar, ValueRange{one});
  auto loopC = [&](function_ref<void(Value)> body) {
    auto l = scf::ForOp::create(b, loc, em.idx(0), em.idx(c), em.idx(1));
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(l.getBody());
    body(l.getInductionVar());
  };
  auto expOf = [&](Value k) -> Value {
    Value m = memref::LoadOp::create(b, loc, scalar, ValueRange{zero});
    return math::ExpOp::create(b, loc, arith::SubFOp::create(b, loc, read(k), m));
  };
  loopC([&](Value k) {
    Value m = memref::LoadOp::create(b, loc, scalar, ValueRange{zero});
    memref::StoreOp::create(b, loc, arith::MaximumFOp::create(b, loc, read(k), m),
                            scalar, ValueRange{zero});
  });
  loopC([&](Value k) {
    Value s = memref::LoadOp::create(b, loc, scalar, ValueRange{one});
    memref::StoreOp::create(b, loc, arith::AddFOp::create(b, loc, s, expOf(k)),
                            scalar, ValueRange{one});
  });
  loopC([&](Value k) {
    Value s = memref::LoadOp::create(b, loc, scalar, ValueRange{one});
    Value p = arith::DivFOp::create(b, loc, expOf(k), s);
    if (isInt) {
      int64_t qmax = (int64_t(1) << (elem.getIntOrFloatBitWidth() - 1)) - 1;
      p = arith::MulFOp::create(
          b, loc, p, arith::ConstantOp::create(b, loc, b.getFloatAttr(f, qmax)));
      p = arith::AddFOp::create(
          b, loc, p, arith::ConstantOp::create(b, loc, b.getFloatAttr(f, 0.5)));
      p = arith::FPToSIOp::create(b, loc, elem, p);
    }
    memref::StoreOp::create(b, loc, p, outBuf, ValueRange{zero, k, zero, zero});
  });
  em.store(outBuf, em.subview(out, {em.fold(0), em.fold(0), r, col}, {1, c, 1, 1}),
           "output");
  return success();
}

/// Padding: each output row of each channel is assembled in SRAM (the
/// border produced locally, zero or the pad value; the interior loaded)
/// and stored; every input row is read once.
LogicalResult lowerPad(Emitter &em, PadOp pad, Value in, Value out) {
  OpBuilder &b = em.b;
  Location loc = em.loc;
  auto inType = cast<MemRefType>(in.getType());
  auto outType = cast<MemRefType>(out.getType());
  Type elem = inType.getElementType();
  int64_t c = inType.getDimSize(1), h = inType.getDimSize(2),
          w = inType.getDimSize(3), ow = outType.getDimSize(3);
  ArrayRef<int64_t> p = pad.getPadding();
  if (ow * getElementBytes(elem) > em.sram)
    return pad.emitError() << "layer '" << getLayerName(pad) << "' needs "
                           << ow * getElementBytes(elem)
                           << " bytes of SRAM for one output row, the target "
                              "has "
                           << em.sram;
  Value row = em.buffer({1, 1, 1, ow}, elem, 0);
  Value fill;
  if (auto it = dyn_cast<IntegerType>(elem))
    fill = arith::ConstantIntOp::create(b, loc, elem,
                                        static_cast<int64_t>(pad.getValue()
                                                                 .convertToDouble()));
  else
    fill = arith::ConstantOp::create(
        b, loc, b.getFloatAttr(elem, pad.getValue().convertToDouble()));
  auto loop = scf::ForOp::create(b, loc, em.idx(0), em.idx(c), em.idx(1));
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(loop.getBody());
  Value ch = loop.getInductionVar();
  auto rows = [&](int64_t from, int64_t to, bool interior) {
    if (from >= to)
      return;
    OpBuilder::InsertionGuard g(b);
    auto rl = scf::ForOp::create(b, loc, em.idx(from), em.idx(to), em.idx(1));
    b.setInsertionPointToStart(rl.getBody());
    Value r = rl.getInductionVar();
    linalg::FillOp::create(b, loc, fill, row);
    if (interior) {
      Value src = em.subview(
          in, {em.fold(0), ch, arith::SubIOp::create(b, loc, r, em.idx(p[0])).getResult(),
               em.fold(0)},
          {1, 1, 1, w});
      em.load(src, em.subview(row, {em.fold(0), em.fold(0), em.fold(0), em.fold(p[2])},
                              {1, 1, 1, w}),
              "input");
    }
    em.store(row, em.subview(out, {em.fold(0), ch, r, em.fold(0)}, {1, 1, 1, ow}),
             "output");
  };
  rows(0, p[0], false);
  rows(p[0], p[0] + h, true);
  rows(p[0] + h, p[0] + h + p[1], false);
  return success();
}

/// Nearest up-sampling: each input row of each channel is loaded once,
/// widened and repeated into the block of output rows it becomes, and
/// stored with one transfer.
LogicalResult lowerResize(Emitter &em, ResizeOp resize, Value in, Value out) {
  OpBuilder &b = em.b;
  Location loc = em.loc;
  if (resize.getMode() != ResizeMode::nearest)
    return resize.emitError() << "layer '" << getLayerName(resize)
                              << "': bilinear resize is not lowered to DMA yet";
  auto inType = cast<MemRefType>(in.getType());
  Type elem = inType.getElementType();
  int64_t c = inType.getDimSize(1), h = inType.getDimSize(2),
          w = inType.getDimSize(3);
  int64_t sh = resize.getScale()[0], sw = resize.getScale()[1];
  int64_t eb = getElementBytes(elem);
  if ((w + sh * w * sw) * eb > em.sram)
    return resize.emitError() << "layer '" << getLayerName(resize) << "' needs "
                              << (w + sh * w * sw) * eb
                              << " bytes of SRAM, the target has " << em.sram;
  Value src = em.buffer({1, 1, 1, w}, elem, 0);
  Value dst = em.buffer({1, 1, sh, w * sw}, elem, w * eb);
  auto loop = scf::ForOp::create(b, loc, em.idx(0), em.idx(c), em.idx(1));
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(loop.getBody());
  Value ch = loop.getInductionVar();
  auto rl = scf::ForOp::create(b, loc, em.idx(0), em.idx(h), em.idx(1));
  b.setInsertionPointToStart(rl.getBody());
  Value r = rl.getInductionVar();
  em.load(em.subview(in, {em.fold(0), ch, r, em.fold(0)}, {1, 1, 1, w}), src,
          "input");
  MLIRContext *ctx = b.getContext();
  AffineExpr d3 = getAffineDimExpr(3, ctx);
  AffineMap srcMap = AffineMap::get(
      4, 0,
      {getAffineConstantExpr(0, ctx), getAffineConstantExpr(0, ctx),
       getAffineConstantExpr(0, ctx), d3.floorDiv(sw)},
      ctx);
  AffineMap id = AffineMap::getMultiDimIdentityMap(4, ctx);
  SmallVector<utils::IteratorType> par(4, utils::IteratorType::parallel);
  linalg::GenericOp::create(b, loc, TypeRange{}, ValueRange{src},
                            ValueRange{dst}, ArrayRef<AffineMap>{srcMap, id},
                            par,
                            [&](OpBuilder &nb, Location l, ValueRange args) {
                              linalg::YieldOp::create(nb, l, args[0]);
                            });
  Value r0 = arith::MulIOp::create(b, loc, r, em.idx(sh));
  em.store(dst,
           em.subview(out, {em.fold(0), ch, r0, em.fold(0)}, {1, 1, sh, w * sw}),
           "output");
  return success();
}

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//


/// Lowers one layer into the current region.
LogicalResult lowerLayer(Emitter &em, Operation *op, const LayerInfo &info,
                         const llvm::DenseMap<Value, Value> &buffers) {
  OpBuilder &b = em.b;
  Location loc = em.loc;
  auto buf = [&](Value v) { return buffers.lookup(v); };
  Value out = buf(op->getResult(0));
  auto tilingAttr = op->getAttrOfType<TilingAttr>(kTilingAttrName);
  Tiling tiling;
  if (tilingAttr)
    tiling = {tilingAttr.getTm(), tilingAttr.getTe(), tilingAttr.getTf(),
              tilingAttr.getTc(), static_cast<LoopOrder>(tilingAttr.getOrder())};

  auto windowLayer = [&](Value in) {
    WindowLayer l;
    l.op = op;
    l.kind = info.kind;
    l.in = in;
    l.out = out;
    l.elem = cast<MemRefType>(out.getType()).getElementType();
    TileProblem p = getTileProblem(info);
    l.channelwise = p.cls == TilingClass::Channelwise;
    l.groups = p.groups;
    l.c = p.c;
    l.m = p.m;
    l.rows = {p.e, 0, p.strideH, p.padTop, p.kernelH, p.dilationH, p.h};
    l.cols = {p.f, 0, p.strideW, p.padLeft, p.kernelW, p.dilationW, p.w};
    return l;
  };

  if (auto conv = dyn_cast<Conv2DOp>(op)) {
    WindowLayer l = windowLayer(buf(conv.getInput()));
    l.weight = buf(conv.getWeight());
    if (conv.getBias())
      l.bias = buf(conv.getBias());
    l.act = conv.getActivation();
    l.shift = requantShift((info.inputs[0].c / info.groups) * info.kernelH *
                           info.kernelW);
    TiledLowering(em, l, tiling).emit();
    return success();
  }
  if (auto fc = dyn_cast<FullyConnectedOp>(op)) {
    // A 1x1 convolution on a 1x1 input of C*H*W channels.
    Value in = buf(fc.getInput());
    auto inType = cast<MemRefType>(in.getType());
    int64_t k = inType.getNumElements();
    Type elem = inType.getElementType();
    Value flat = memref::CollapseShapeOp::create(
        b, loc, in, SmallVector<ReassociationIndices>{{0, 1, 2, 3}});
    Value in4 = memref::ExpandShapeOp::create(
        b, loc, MemRefType::get({1, k, 1, 1}, elem), flat,
        SmallVector<ReassociationIndices>{{0, 1, 2, 3}});
    Value w = buf(fc.getWeight());
    int64_t m = cast<MemRefType>(w.getType()).getDimSize(0);
    Value w4 = memref::ExpandShapeOp::create(
        b, loc, MemRefType::get({m, k, 1, 1}, elem), w,
        SmallVector<ReassociationIndices>{{0}, {1, 2, 3}});
    WindowLayer l = windowLayer(in4);
    l.rows = {1, 0, 1, 0, 1, 1, 1};
    l.cols = {1, 0, 1, 0, 1, 1, 1};
    l.weight = w4;
    if (fc.getBias())
      l.bias = buf(fc.getBias());
    l.act = fc.getActivation();
    l.shift = requantShift(k);
    TiledLowering(em, l, tiling).emit();
    return success();
  }
  if (isa<MaxPoolOp, AvgPoolOp>(op)) {
    WindowLayer l = windowLayer(buf(op->getOperand(0)));
    TiledLowering(em, l, tiling).emit();
    return success();
  }
  if (auto add = dyn_cast<AddOp>(op)) {
    Type elem = cast<MemRefType>(out.getType()).getElementType();
    Activation act = add.getActivation();
    return lowerRowwise(em, op, {buf(add.getLhs()), buf(add.getRhs())}, out,
                        [&](OpBuilder &nb, Location l, ValueRange args) {
                          return elementwise(nb, l, args, elem, act);
                        });
  }
  if (auto actOp = dyn_cast<ActivationOp>(op)) {
    Type elem = cast<MemRefType>(out.getType()).getElementType();
    Activation act = actOp.getKind();
    return lowerRowwise(em, op, {buf(actOp.getInput())}, out,
                        [&](OpBuilder &nb, Location l, ValueRange args) {
                          return elementwise(nb, l, args, elem, act);
                        });
  }
  if (isa<GlobalAvgPoolOp>(op))
    return lowerGlobalAvgPool(em, op, buf(op->getOperand(0)), out);
  if (isa<SoftmaxOp>(op))
    return lowerSoftmax(em, op, buf(op->getOperand(0)), out);
  if (auto pad = dyn_cast<PadOp>(op))
    return lowerPad(em, pad, buf(pad.getInput()), out);
  if (auto resize = dyn_cast<ResizeOp>(op))
    return lowerResize(em, resize, buf(resize.getInput()), out);
  return op->emitError() << "layer '" << getLayerName(op) << "' ("
                         << op->getName()
                         << ") is not lowered to DMA yet";
}

struct CnnLowerToDmaPass : impl::CnnLowerToDmaBase<CnnLowerToDmaPass> {
  using Base::Base;

  void runOnOperation() override;
  LogicalResult lowerFunction(func::FuncOp func, TargetAttr target,
                              SymbolTable &symbols);
};

MemRefType dramType(Type tensorType) {
  auto t = cast<RankedTensorType>(tensorType);
  return MemRefType::get(t.getShape(), t.getElementType());
}

LogicalResult CnnLowerToDmaPass::lowerFunction(func::FuncOp func,
                                               TargetAttr target,
                                               SymbolTable &symbols) {
  MLIRContext *ctx = &getContext();
  Block &body = func.getBody().front();
  for (Operation &op : body) {
    if (isa<FusionGroupOp>(op))
      return op.emitError()
             << "lowering of fusion groups is not implemented yet: lower the "
                "network without --merge-layers";
    if (isLayer(&op) && !op.hasAttr(kTrafficAttrName))
      return op.emitError() << "layer '" << getLayerName(&op)
                            << "' has no tiling: run --tile-for-sram=<bytes> "
                               "before --lower-to-dma";
  }

  // The new function: tensors become DRAM memrefs.
  SmallVector<Type> argTypes, resultTypes;
  for (Type t : func.getArgumentTypes())
    argTypes.push_back(isa<RankedTensorType>(t) ? dramType(t) : t);
  for (Type t : func.getResultTypes())
    resultTypes.push_back(isa<RankedTensorType>(t) ? dramType(t) : t);
  OpBuilder b(func);
  auto newFunc = func::FuncOp::create(b, func.getLoc(), func.getSymName(),
                                      b.getFunctionType(argTypes, resultTypes));
  newFunc->setAttrs(func->getAttrs());
  newFunc.setFunctionType(b.getFunctionType(argTypes, resultTypes));
  Block *entry = newFunc.addEntryBlock();
  b.setInsertionPointToStart(entry);
  Location loc = func.getLoc();

  llvm::DenseMap<Value, Value> buffers;
  for (auto [oldArg, newArg] :
       llvm::zip(body.getArguments(), entry->getArguments()))
    buffers[oldArg] = newArg;

  // The SRAM arena.
  auto arenaType = MemRefType::get({target.getSram()}, b.getI8Type(),
                                   MemRefLayoutAttrInterface(),
                                   b.getI64IntegerAttr(kSramSpace));
  Value arena = memref::AllocOp::create(b, loc, arenaType);
  arena.getDefiningOp()->setAttr("dma.arena", UnitAttr::get(ctx));

  // Concat outputs are DRAM buffers their producers write into: a part is
  // a channel slice of the concatenated tensor (recursively).
  llvm::DenseMap<Value, std::pair<Value, int64_t>> sliceOf;
  for (Operation &op : llvm::reverse(body)) {
    auto concat = dyn_cast<ConcatOp>(op);
    if (!concat)
      continue;
    Value root = concat.getOutput();
    int64_t base = 0;
    if (auto it = sliceOf.find(root); it != sliceOf.end()) {
      base = it->second.second;
      root = it->second.first;
    }
    int64_t offset = base;
    for (Value part : concat.getInputs()) {
      if (sliceOf.count(part) || isa<BlockArgument>(part) ||
          !isLayer(part.getDefiningOp()))
        return concat.emitError()
               << "layer '" << getLayerName(concat)
               << "': each concatenated tensor must be produced by a layer "
                  "and be part of one concat only, to be written in place";
      sliceOf[part] = {root, offset};
      offset += cast<RankedTensorType>(part.getType()).getDimSize(1);
    }
  }
  // DRAM buffers of every layer output, allocated up front.
  unsigned weightIndex = 0;
  for (Operation &op : body) {
    if (auto weight = dyn_cast<WeightOp>(op)) {
      auto type = dramType(weight.getType());
      std::string name = (func.getSymName() + "_w" + Twine(weightIndex++)).str();
      OpBuilder gb = OpBuilder::atBlockBegin(
          func->getParentOfType<ModuleOp>().getBody());
      Attribute init;
      if (auto v = weight.getValueAttr())
        init = v;
      else
        init = UnitAttr::get(ctx);
      auto global = memref::GlobalOp::create(
          gb, weight.getLoc(), name, gb.getStringAttr("private"), type, init,
          /*constant=*/bool(weight.getValueAttr()), IntegerAttr());
      symbols.insert(global);
      buffers[weight.getResult()] = memref::GetGlobalOp::create(
          b, loc, type, global.getSymName());
      continue;
    }
    if (!isLayer(&op))
      continue;
    Value result = op.getResult(0);
    if (!sliceOf.count(result))
      buffers[result] =
          memref::AllocOp::create(b, loc, dramType(result.getType()));
  }
  for (Operation &op : body) {
    if (!isLayer(&op))
      continue;
    Value result = op.getResult(0);
    auto it = sliceOf.find(result);
    if (it == sliceOf.end())
      continue;
    // Every part maps to the outermost concat, which is allocated above.
    auto type = cast<RankedTensorType>(result.getType());
    Emitter em{b, loc, arena, target.getSram()};
    buffers[result] = em.subview(buffers.lookup(it->second.first),
                                 {em.fold(0), em.fold(it->second.second),
                                  em.fold(0), em.fold(0)},
                                 type.getShape());
  }

  // Each layer in a region of its own.
  unsigned index = 0;
  for (Operation &op : body) {
    if (auto ret = dyn_cast<func::ReturnOp>(op)) {
      SmallVector<Value> values;
      for (Value v : ret.getOperands())
        values.push_back(buffers.lookup(v));
      func::ReturnOp::create(b, ret.getLoc(), values);
      continue;
    }
    FailureOr<LayerInfo> info = describeLayer(&op);
    if (failed(info))
      continue;
    std::string name = getReportName(&op, index++);
    if (isa<ConcatOp>(op))
      continue;
    auto region = scf::ExecuteRegionOp::create(b, op.getLoc(), TypeRange{});
    region->setAttr("cnn.layer", b.getStringAttr(name));
    OpBuilder::InsertionGuard guard(b);
    Block *rb = b.createBlock(&region.getRegion());
    b.setInsertionPointToStart(rb);
    auto yield = scf::YieldOp::create(b, op.getLoc());
    b.setInsertionPoint(yield);
    Emitter em{b, op.getLoc(), arena, target.getSram()};
    if (failed(lowerLayer(em, &op, *info, buffers)))
      return failure();
  }
  func.erase();
  return success();
}

void CnnLowerToDmaPass::runOnOperation() {
  ModuleOp module = getOperation();
  auto target = module->getAttrOfType<TargetAttr>(kTargetAttrName);
  if (!target) {
    module.emitError() << "--lower-to-dma needs a planned module: run "
                          "--tile-for-sram=<bytes> before it";
    return signalPassFailure();
  }
  if (target.getFmPercent() != 100) {
    module.emitError() << "--lower-to-dma moves raw feature maps: plan "
                          "without fm-percent";
    return signalPassFailure();
  }
  bool compressed = false;
  module.walk([&](WeightOp w) {
    if (w->hasAttr(kCompressionAttrName))
      compressed = true;
  });
  if (compressed) {
    module.emitError() << "--lower-to-dma moves raw weights: plan without "
                          "--annotate-weight-compression";
    return signalPassFailure();
  }
  SymbolTable symbols(module);
  SmallVector<func::FuncOp> funcs(module.getOps<func::FuncOp>());
  for (func::FuncOp func : funcs) {
    if (func.isExternal())
      continue;
    if (failed(lowerFunction(func, target, symbols)))
      return signalPassFailure();
  }
}

} // namespace
} // namespace mlir::cnn
