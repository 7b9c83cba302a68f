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

#include "cnn/Analysis/FusionModel.h"
#include "cnn/Analysis/LayerAnalysis.h"
#include "cnn/Analysis/TileSearch.h"
#include "cnn/Dialect/Cnn/IR/CnnOps.h"
#include "cnn/Dialect/Cnn/Transforms/Passes.h"
#include "cnn/Dialect/Cnn/Transforms/Schedule.h"
#include "cnn/Dialect/Dma/IR/DmaOps.h"
#include "cnn/Support/SplitMix64.h"

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
#include <functional>
#include <tuple>

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

/// The shape of output rows [o0, o0 + size).
TileShape windowSpanShape(const WindowDim &d, int64_t o0, int64_t size) {
  TileShape t;
  t.size = size;
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

TileShape windowTileShape(const WindowDim &d, int64_t index) {
  int64_t o0 = index * d.tile;
  return windowSpanShape(d, o0, std::min(d.tile, d.out - o0));
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
  /// The target's DMA overlaps compute: every buffer DMA streams has a
  /// second copy reserved in the arena (double buffering), so streamed
  /// buffers get half the SRAM.
  bool doubleBuffer = false;

  /// The target the module is planned for.
  const TargetDesc *target = nullptr;

  /// Reserves the second copy of a streamed buffer: a view at `offset`
  /// marked `dma.second_buffer`, where a backend that issues transfers
  /// asynchronously loads the next tile while this one is computed.
  void secondBuffer(ArrayRef<int64_t> shape, Type elem, int64_t offset) {
    Value v = buffer(shape, elem, offset);
    v.getDefiningOp()->setAttr("dma.second_buffer", b.getUnitAttr());
  }

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

/// Saturates an i32 value to the integer type `elem` with the activation
/// applied (relu: from 0; relu6: 0 to 6) and truncates it (docs/Semantics.md).
Value saturateAndActivate(OpBuilder &b, Location loc, Value v, Type elem,
                          Activation act) {
  Type i32 = b.getI32Type();
  unsigned w = elem.getIntOrFloatBitWidth();
  int64_t lo = -(int64_t(1) << (w - 1)), hi = (int64_t(1) << (w - 1)) - 1;
  if (act == Activation::relu || act == Activation::relu6)
    lo = 0;
  if (act == Activation::relu6)
    hi = 6;
  v = arith::MaxSIOp::create(b, loc, v,
                             arith::ConstantIntOp::create(b, loc, i32, lo));
  v = arith::MinSIOp::create(b, loc, v,
                             arith::ConstantIntOp::create(b, loc, i32, hi));
  return arith::TruncIOp::create(b, loc, elem, v);
}

/// Applies relu or relu6 to a floating-point value.
Value activateFloat(OpBuilder &b, Location loc, Value v, Type elem,
                    Activation act) {
  if (act == Activation::relu || act == Activation::relu6)
    v = arith::MaximumFOp::create(
        b, loc, v, arith::ConstantOp::create(b, loc, b.getFloatAttr(elem, 0.0)));
  if (act == Activation::relu6)
    v = arith::MinimumFOp::create(
        b, loc, v, arith::ConstantOp::create(b, loc, b.getFloatAttr(elem, 6.0)));
  return v;
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
        if (isa<IntegerType>(elem)) {
          Type i32 = nb.getI32Type();
          if (bias) {
            Value bv = args[1];
            if (bv.getType() != i32)
              bv = arith::ExtSIOp::create(nb, l, i32, bv);
            v = arith::AddIOp::create(nb, l, v, bv);
          }
          v = arith::ShRSIOp::create(
              nb, l, v, arith::ConstantIntOp::create(nb, l, i32, shift));
          v = saturateAndActivate(nb, l, v, elem, act);
        } else {
          if (bias)
            v = arith::AddFOp::create(nb, l, v, args[1]);
          v = activateFloat(nb, l, v, elem, act);
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

/// One band of output rows times one band of output columns of a window
/// layer, with the kernel taps valid there and the input extent they read.
struct BandPair {
  const Band &rows, &cols;
  int64_t kr, kc, outR, outC, inR, inC;
};

/// Calls `fn` for every pair of row and column bands with valid taps.
void forEachBandPair(const TileShape &rs, const TileShape &cs,
                     const WindowDim &rd, const WindowDim &cd,
                     function_ref<void(const BandPair &)> fn) {
  for (const Band &rb : rs.bands) {
    if (rb.k0 == rb.k1)
      continue;
    for (const Band &cb : cs.bands) {
      if (cb.k0 == cb.k1)
        continue;
      int64_t kr = rb.k1 - rb.k0, kc = cb.k1 - cb.k0;
      int64_t outR = rb.o1 - rb.o0, outC = cb.o1 - cb.o0;
      fn({rb, cb, kr, kc, outR, outC,
          (outR - 1) * rd.stride + (kr - 1) * rd.dilation + 1,
          (outC - 1) * cd.stride + (kc - 1) * cd.dilation + 1});
    }
  }
}

/// The linalg op of one band pair: a convolution of `in` with the weights
/// `w` at output channels [m0, m0 + mN) and input channels [c0, c0 + cN)
/// (depthwise: channels [m0, m0 + mN)), or a pool, accumulated into `acc`.
/// An average pool divides by the count of valid taps of the band.
void emitBandOp(Emitter &em, WindowReduction reduction, bool channelwise,
                Value in,
                Value w, OpFoldResult m0, int64_t mN, OpFoldResult c0,
                int64_t cN, Value acc, const BandPair &bp, Type elem,
                Attribute strides, Attribute dilations) {
  OpBuilder &b = em.b;
  Location loc = em.loc;
  OpFoldResult k0r = em.fold(bp.rows.k0), k0c = em.fold(bp.cols.k0);
  if (reduction == WindowReduction::MultiplyAccumulate) {
    if (channelwise) {
      // The depthwise weights as C x R x S.
      SmallVector<OpFoldResult> off = {m0, em.fold(0), k0r, k0c};
      SmallVector<OpFoldResult> sz = {em.fold(mN), em.fold(1), em.fold(bp.kr),
                                      em.fold(bp.kc)};
      SmallVector<OpFoldResult> st(4, em.fold(1));
      auto reduced = memref::SubViewOp::inferRankReducedResultType(
          {mN, bp.kr, bp.kc}, cast<MemRefType>(w.getType()), off, sz, st);
      Value wv = memref::SubViewOp::create(b, loc, cast<MemRefType>(reduced),
                                           w, off, sz, st);
      linalg::DepthwiseConv2DNchwChwOp::create(
          b, loc, TypeRange{}, ValueRange{in, wv}, ValueRange{acc}, strides,
          dilations);
      return;
    }
    Value wv = em.subview(w, {m0, c0, k0r, k0c}, {mN, cN, bp.kr, bp.kc});
    linalg::Conv2DNchwFchwOp::create(b, loc, TypeRange{}, ValueRange{in, wv},
                                     ValueRange{acc}, strides, dilations);
    return;
  }
  Value window =
      memref::AllocaOp::create(b, loc, MemRefType::get({bp.kr, bp.kc}, elem));
  if (reduction == WindowReduction::Max) {
    linalg::FillOp::create(b, loc, lowestOf(b, loc, elem), acc);
    linalg::PoolingNchwMaxOp::create(b, loc, TypeRange{},
                                     ValueRange{in, window}, ValueRange{acc},
                                     strides, dilations);
    return;
  }
  linalg::PoolingNchwSumOp::create(b, loc, TypeRange{}, ValueRange{in, window},
                                   ValueRange{acc}, strides, dilations);
  // Average over the valid elements of the band's window.
  Type accElem = cast<MemRefType>(acc.getType()).getElementType();
  int64_t count = bp.kr * bp.kc;
  AffineMap id = AffineMap::getMultiDimIdentityMap(4, b.getContext());
  SmallVector<utils::IteratorType> iters(4, utils::IteratorType::parallel);
  linalg::GenericOp::create(
      b, loc, TypeRange{}, ValueRange{}, ValueRange{acc},
      ArrayRef<AffineMap>{id}, iters,
      [&](OpBuilder &nb, Location ll, ValueRange args) {
        Value v =
            isa<IntegerType>(accElem)
                ? Value(arith::DivSIOp::create(
                      nb, ll, args[0],
                      arith::ConstantIntOp::create(nb, ll, accElem, count)))
                : Value(arith::DivFOp::create(
                      nb, ll, args[0],
                      arith::ConstantOp::create(
                          nb, ll, nb.getFloatAttr(accElem, double(count)))));
        linalg::YieldOp::create(nb, ll, v);
      });
}

//===----------------------------------------------------------------------===//
// Tiled layers: convolution, fully connected, depthwise, pools
//===----------------------------------------------------------------------===//

enum Dim { M, E, F, C };

/// The DRAM side of a windowed layer, viewed as a (grouped) convolution.
struct WindowLayer {
  Operation *op;
  WindowReduction reduction;
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
  // Double buffering: a second copy of every tile buffer.
  size_t firstCopies = plan.requests.size();
  if (em.doubleBuffer)
    for (size_t i = 0; i < firstCopies; ++i) {
      ArenaPlan::Request r = plan.requests[i];
      plan.add(r.shape, r.elem);
    }
  plan.place();
  for (size_t i = firstCopies; i < plan.requests.size(); ++i)
    em.secondBuffer(plan.requests[i].shape, plan.requests[i].elem,
                    plan.requests[i].offset);
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
  bool needsAcc = isInt && l.reduction != WindowReduction::Max;
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
    if (l.channelwise && l.reduction != WindowReduction::Max) {
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
  forEachBandPair(rs, cs, l.rows, l.cols, [&](const BandPair &bp) {
    Value in = em.subview(
        inBuf, {em.fold(0), em.fold(0), em.fold(bp.rows.in), em.fold(bp.cols.in)},
        {1, cSize, bp.inR, bp.inC});
    Value acc = em.subview(
        accBuf, {em.fold(0), em.fold(0), em.fold(bp.rows.o0), em.fold(bp.cols.o0)},
        {1, mSize, bp.outR, bp.outC});
    emitBandOp(em, l.reduction, l.channelwise, in, wBuf, em.fold(0), mSize,
               em.fold(0), cSize, acc, bp, l.elem, strides, dilations);
  });
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
    int64_t shift = l.reduction == WindowReduction::Average ? 0 : l.shift;
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

/// True when `v` (a 4-D memref) is one element per channel broadcast over
/// rows and columns of a larger map.
bool isBroadcast(Value v, int64_t rows, int64_t cols) {
  auto type = cast<MemRefType>(v.getType());
  return type.getDimSize(2) == 1 && type.getDimSize(3) == 1 &&
         (rows > 1 || cols > 1);
}

/// The map reading operand `v` at output element (n, c, h, w): the same
/// element, or (n, c, 0, 0) for a broadcast operand.
AffineMap elementMap(OpBuilder &b, Value v, int64_t rows, int64_t cols) {
  MLIRContext *ctx = b.getContext();
  if (!isBroadcast(v, rows, cols))
    return AffineMap::getMultiDimIdentityMap(4, ctx);
  return AffineMap::get(4, 0,
                        {getAffineDimExpr(0, ctx), getAffineDimExpr(1, ctx),
                         getAffineConstantExpr(0, ctx),
                         getAffineConstantExpr(0, ctx)},
                        ctx);
}

/// Computes `dst` element by element from `ins` with the layer's
/// buildElement (broadcast operands read through elementMap).
void emitElementwise(OpBuilder &b, Location loc,
                     CnnElementwiseLayerOpInterface layer, ValueRange ins,
                     Value dst) {
  auto dstType = cast<MemRefType>(dst.getType());
  int64_t rows = dstType.getDimSize(2), cols = dstType.getDimSize(3);
  SmallVector<AffineMap> maps;
  for (Value in : ins)
    maps.push_back(elementMap(b, in, rows, cols));
  maps.push_back(AffineMap::getMultiDimIdentityMap(4, b.getContext()));
  Type elem = dstType.getElementType();
  SmallVector<utils::IteratorType> iters(4, utils::IteratorType::parallel);
  linalg::GenericOp::create(
      b, loc, TypeRange{}, ins, ValueRange{dst}, maps, iters,
      [&](OpBuilder &nb, Location l, ValueRange args) {
        linalg::YieldOp::create(
            nb, l, layer.buildElement(nb, l, args.drop_back(), elem));
      });
}

/// Streams an element-wise layer: its operands (4-D DRAM memrefs of the
/// output's shape, or one element per channel) row block by row block of
/// each channel through SRAM, computing the output row block and storing
/// it: every operand is read once and the output written once. The rows
/// per block are the layer's stream plan.
LogicalResult lowerRowwise(Emitter &em, CnnElementwiseLayerOpInterface layer,
                           const LayerInfo &info, ArrayRef<Value> inputs,
                           Value out) {
  OpBuilder &b = em.b;
  Location loc = em.loc;
  auto outType = cast<MemRefType>(out.getType());
  Type elem = outType.getElementType();
  int64_t c = outType.getDimSize(1), h = outType.getDimSize(2),
          w = outType.getDimSize(3);
  int64_t rowBytes = w * getElementBytes(elem);
  StreamPlan plan = planStream(info, *em.target);
  int64_t rows = plan.rows;
  if (rows < 1)
    return layer->emitError()
           << "layer '" << getLayerName(layer) << "' needs at least "
           << plan.minSramBytes
           << " bytes of SRAM to stream one row of each operand, but the "
              "target has "
           << em.sram;
  SmallVector<Value> bufs;
  for (size_t i = 0; i <= inputs.size(); ++i) {
    bool broadcast = i < inputs.size() && isBroadcast(inputs[i], h, w);
    SmallVector<int64_t> shape = {1, 1, broadcast ? 1 : rows, broadcast ? 1 : w};
    bufs.push_back(em.buffer(shape, elem, i * rows * rowBytes));
  }
  auto loop = scf::ForOp::create(b, loc, em.idx(0), em.idx(c), em.idx(1));
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(loop.getBody());
  Value ch = loop.getInductionVar();
  // A broadcast operand's element of this channel, once.
  for (size_t i = 0; i < inputs.size(); ++i)
    if (isBroadcast(inputs[i], h, w))
      em.load(em.subview(inputs[i], {em.fold(0), ch, em.fold(0), em.fold(0)},
                         {1, 1, 1, 1}),
              bufs[i], "input");
  forEachRowBlock(em, h, rows, [&](Value r0, int64_t n) {
    SmallVector<Value> locals;
    for (size_t i = 0; i < inputs.size(); ++i) {
      if (isBroadcast(inputs[i], h, w)) {
        locals.push_back(bufs[i]);
        continue;
      }
      Value src = em.subview(inputs[i], {em.fold(0), ch, r0, em.fold(0)},
                             {1, 1, n, w});
      Value dst = em.subview(bufs[i], {em.fold(0), em.fold(0), em.fold(0), em.fold(0)},
                             {1, 1, n, w});
      em.load(src, dst, "input");
      locals.push_back(dst);
    }
    Value dst = em.subview(bufs.back(), {em.fold(0), em.fold(0), em.fold(0), em.fold(0)},
                           {1, 1, n, w});
    emitElementwise(b, loc, layer, locals, dst);
    em.store(dst, em.subview(out, {em.fold(0), ch, r0, em.fold(0)}, {1, 1, n, w}),
             "output");
  });
  return success();
}

/// Global average pooling: each channel's rows stream through SRAM into an
/// accumulator; the channel's mean is stored as one element.
LogicalResult lowerGlobalAvgPool(Emitter &em, Operation *op,
                                 const LayerInfo &info, Value in, Value out) {
  OpBuilder &b = em.b;
  Location loc = em.loc;
  auto inType = cast<MemRefType>(in.getType());
  Type elem = inType.getElementType();
  int64_t c = inType.getDimSize(1), h = inType.getDimSize(2),
          w = inType.getDimSize(3);
  int64_t eb = getElementBytes(elem);
  StreamPlan plan = planStream(info, *em.target);
  int64_t rows = plan.rows;
  if (rows < 1)
    return op->emitError() << "layer '" << getLayerName(op)
                           << "' needs at least " << plan.minSramBytes
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

/// Writes each row of `dst` with the one row of `src`, every column
/// repeated `sw` times (nearest up-sampling of columns).
void emitWidenRow(Emitter &em, Value src, Value dst, int64_t sw) {
  MLIRContext *ctx = em.b.getContext();
  AffineMap srcMap = AffineMap::get(
      4, 0,
      {getAffineDimExpr(0, ctx), getAffineDimExpr(1, ctx),
       getAffineConstantExpr(0, ctx), getAffineDimExpr(3, ctx).floorDiv(sw)},
      ctx);
  AffineMap id = AffineMap::getMultiDimIdentityMap(4, ctx);
  SmallVector<utils::IteratorType> par(4, utils::IteratorType::parallel);
  linalg::GenericOp::create(em.b, em.loc, TypeRange{}, ValueRange{src},
                            ValueRange{dst}, ArrayRef<AffineMap>{srcMap, id},
                            par, [](OpBuilder &nb, Location l, ValueRange args) {
                              linalg::YieldOp::create(nb, l, args[0]);
                            });
}

/// Nearest up-sampling: each input row of each channel is loaded once,
/// widened and repeated into the block of output rows it becomes, and
/// stored with one transfer.
LogicalResult lowerResize(Emitter &em, Operation *resize, const LayerInfo &info,
                          Value in, Value out) {
  OpBuilder &b = em.b;
  Location loc = em.loc;
  if (info.bilinear)
    return resize->emitError() << "layer '" << getLayerName(resize)
                               << "': bilinear resize is not lowered to DMA yet";
  auto inType = cast<MemRefType>(in.getType());
  Type elem = inType.getElementType();
  int64_t c = inType.getDimSize(1), h = inType.getDimSize(2),
          w = inType.getDimSize(3);
  int64_t sh = info.strideH, sw = info.strideW;
  int64_t eb = getElementBytes(elem);
  if ((w + sh * w * sw) * eb > em.sram)
    return resize->emitError() << "layer '" << getLayerName(resize) << "' needs "
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
  emitWidenRow(em, src, dst, sw);
  Value r0 = arith::MulIOp::create(b, loc, r, em.idx(sh));
  em.store(dst,
           em.subview(out, {em.fold(0), ch, r0, em.fold(0)}, {1, 1, sh, w * sw}),
           "output");
  return success();
}

//===----------------------------------------------------------------------===//
// Fusion groups
//===----------------------------------------------------------------------===//

/// True for window layers that accumulate integers in i32 registers
/// (multiply-accumulate and average reductions).
bool needsAccumulator(Operation *op) {
  auto window = dyn_cast<CnnWindowLayerOpInterface>(op);
  return window && window.getWindowReduction() != WindowReduction::Max;
}

/// True for the layers whose output is a view of their inputs (concat).
bool isViewLayer(Operation *op) {
  FailureOr<LayerInfo> info = describeLayer(op);
  return succeeded(info) && info->cls == LayerClass::View;
}

/// True for the streamed layers that up-sample rows (resize).
bool isUpsample(const LayerInfo &info) {
  return info.cls == LayerClass::Stream && !info.inputRows.empty() &&
         info.inputRows.front().kind == RowDependence::Kind::Upsample;
}

/// Lowers a fusion group. Mode rows: the steps of the model's row
/// schedule, unrolled, each loading the new rows of the group's inputs,
/// computing the new rows of every layer into its line buffer (shifted so
/// that the oldest live row is first), and storing the new rows of the
/// tensors that leave the group. All weights are loaded once, first. Mode
/// resident: see emitResident.
class GroupLowering {
public:
  GroupLowering(Emitter &em, FusionGroupOp group,
                    const llvm::DenseMap<Value, Value> &dram)
      : em(em), b(em.b), loc(em.loc), group(group), dram(dram) {}

  LogicalResult emit();

private:
  struct Part {
    int tensor;
    int64_t offset, channels;
  };
  std::vector<Part> partsOf(int t) {
    int p = graph.tensors[t].producer;
    if (p < 0 || graph.layers[p].info.cls != LayerClass::View)
      return {{t, 0, graph.tensors[t].shape.c}};
    // Offsets accumulate over the concat's inputs.
    int64_t off = 0;
    std::vector<Part> fixed;
    for (int in : graph.layers[p].inputs) {
      for (Part q : partsOf(in))
        fixed.push_back({q.tensor, off + q.offset, q.channels});
      off += graph.tensors[in].shape.c;
    }
    return fixed;
  }
  bool isView(int t) {
    int p = graph.tensors[t].producer;
    return p >= 0 && graph.layers[p].info.cls == LayerClass::View;
  }

  /// Rows [row, row + n) of tensor t's line buffer, channels [c0, c0 + nc).
  Value rows(int t, int64_t row, int64_t n, int64_t c0, int64_t nc,
             int64_t col0 = 0, int64_t ncols = -1) {
    const TensorShape &sh = graph.tensors[t].shape;
    if (ncols < 0)
      ncols = sh.w;
    return em.subview(lineBuf[t],
                      {em.fold(0), em.fold(c0), em.fold(row - curBase[t]),
                       em.fold(col0)},
                      {1, nc, n, ncols});
  }
  void shift(int t, int64_t newBase);
  LogicalResult computeLayer(int l, int64_t p, int64_t q);
  LogicalResult emitResident();
  LogicalResult computeConvResident(int l);

  Emitter &em;
  OpBuilder &b;
  Location loc;
  FusionGroupOp group;
  const llvm::DenseMap<Value, Value> &dram;

  FusionGraph graph;
  SmallVector<Operation *> layerOps;
  std::vector<Value> tensorValue;
  RowSchedule sched;
  llvm::DenseMap<int, Value> lineBuf, acc;
  llvm::DenseMap<int, Value> wBuf, bBuf;
  std::vector<int64_t> curNeed, curBase;
  std::vector<char> stored;
};

void GroupLowering::shift(int t, int64_t newBase) {
  int64_t d = newBase - curBase[t];
  if (d <= 0)
    return;
  const TensorShape &sh = graph.tensors[t].shape;
  // Keep rows newBase..curNeed: move them to the front, row by row in
  // increasing order so no row is overwritten before it moved.
  for (int64_t row = newBase; row <= curNeed[t]; ++row) {
    Value from = em.subview(lineBuf[t],
                            {em.fold(0), em.fold(0), em.fold(row - curBase[t]),
                             em.fold(0)},
                            {1, sh.c, 1, sh.w});
    Value to = em.subview(lineBuf[t],
                          {em.fold(0), em.fold(0), em.fold(row - newBase),
                           em.fold(0)},
                          {1, sh.c, 1, sh.w});
    memref::CopyOp::create(b, loc, from, to);
  }
  curBase[t] = newBase;
}

LogicalResult GroupLowering::computeLayer(int l, int64_t p, int64_t q) {
  const GraphLayer &gl = graph.layers[l];
  const LayerInfo &info = gl.info;
  Operation *op = layerOps[l];
  int out = gl.output;
  int64_t n = q - p + 1;
  const TensorShape &os = graph.tensors[out].shape;
  Type elem = cast<RankedTensorType>(op->getResult(0).getType()).getElementType();
  bool isInt = isa<IntegerType>(elem);
  Value outRows = rows(out, p, n, 0, os.c);

  if (auto elementwise = dyn_cast<CnnElementwiseLayerOpInterface>(op)) {
    // Split the output channels where any input's parts split them.
    std::vector<std::vector<Part>> inParts;
    for (int t : gl.inputs)
      inParts.push_back(partsOf(t));
    std::vector<int64_t> cuts = {0, os.c};
    for (auto &ps : inParts)
      for (Part pt : ps)
        cuts.push_back(pt.offset);
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    for (size_t i = 0; i + 1 < cuts.size(); ++i) {
      int64_t c0 = cuts[i], nc = cuts[i + 1] - cuts[i];
      SmallVector<Value> ins;
      for (size_t j = 0; j < inParts.size(); ++j) {
        // A broadcast operand is read whole: its one row.
        bool whole = info.inputRows[j].kind == RowDependence::Kind::Whole;
        for (Part pt : inParts[j])
          if (pt.offset <= c0 && c0 < pt.offset + pt.channels)
            ins.push_back(whole ? rows(pt.tensor, 0, info.inputs[j].h,
                                       c0 - pt.offset, nc)
                                : rows(pt.tensor, p, n, c0 - pt.offset, nc));
      }
      emitElementwise(b, loc, elementwise, ins, rows(out, p, n, c0, nc));
    }
    return success();
  }

  if (isUpsample(info)) {
    if (info.bilinear)
      return op->emitError() << "layer '" << info.name
                             << "': bilinear resize is not lowered yet";
    // Output row o repeats input row o / sh, each column w / sw times.
    int64_t sh = info.strideH, sw = info.strideW;
    std::vector<Part> parts = partsOf(gl.inputs.front());
    for (int64_t o = p; o <= q; ++o)
      for (Part pt : parts)
        emitWidenRow(em, rows(pt.tensor, o / sh, 1, 0, pt.channels),
                     rows(out, o, 1, pt.offset, pt.channels), sw);
    return success();
  }
  if (auto pad = dyn_cast<PadOp>(op)) {
    // Output row o: the pad value, with input row o - top in the middle.
    ArrayRef<int64_t> pd = pad.getPadding();
    const TensorShape &is = info.inputs.front();
    Value fill = isInt ? Value(arith::ConstantIntOp::create(
                             b, loc, elem,
                             static_cast<int64_t>(
                                 pad.getValue().convertToDouble())))
                       : Value(arith::ConstantOp::create(
                             b, loc,
                             b.getFloatAttr(elem,
                                            pad.getValue().convertToDouble())));
    linalg::FillOp::create(b, loc, fill, outRows);
    std::vector<Part> parts = partsOf(gl.inputs.front());
    for (int64_t o = p; o <= q; ++o) {
      int64_t i = o - pd[0];
      if (i < 0 || i >= is.h)
        continue;
      for (Part pt : parts)
        memref::CopyOp::create(
            b, loc, rows(pt.tensor, i, 1, 0, pt.channels),
            rows(out, o, 1, pt.offset, pt.channels, pd[2], is.w));
    }
    return success();
  }
  auto window = dyn_cast<CnnWindowLayerOpInterface>(op);
  bool windowed =
      info.cls == LayerClass::Convolution || info.cls == LayerClass::Pool;
  if (!window || !windowed)
    return op->emitError() << "layer '" << info.name << "' ("
                           << op->getName()
                           << ") is not lowered inside a fusion group yet";

  TileProblem prob = getTileProblem(info);
  bool channelwise = prob.cls == TilingClass::Channelwise;
  if (!channelwise && prob.groups > 1)
    return op->emitError() << "layer '" << info.name
                           << "': grouped convolutions are not lowered "
                              "inside a fusion group yet";
  const TensorShape &is = info.inputs.front();
  WindowDim rd{info.output.h, 0, info.strideH, info.padTop, info.kernelH,
               info.dilationH, is.h};
  WindowDim cd{info.output.w, 0, info.strideW, info.padLeft, info.kernelW,
               info.dilationW, is.w};
  TileShape rs = windowSpanShape(rd, p, n);
  TileShape cs = windowSpanShape(cd, 0, os.w);
  int64_t rowCl = p * rd.stride + rs.inRel, colCl = cs.inRel;
  auto strides = b.getI64TensorAttr({rd.stride, cd.stride});
  auto dilations = b.getI64TensorAttr({rd.dilation, cd.dilation});

  // Accumulators: registers for integer convolutions and averages, the
  // output rows themselves otherwise.
  WindowReduction reduction = window.getWindowReduction();
  bool needsAcc = isInt && reduction != WindowReduction::Max;
  Value accRows =
      needsAcc ? em.subview(acc[out], {em.fold(0), em.fold(0), em.fold(0), em.fold(0)},
                            {1, os.c, n, os.w})
               : outRows;
  Type accElem = cast<MemRefType>(accRows.getType()).getElementType();
  if (reduction != WindowReduction::Max)
    linalg::FillOp::create(b, loc, zeroOf(b, loc, accElem), accRows);

  std::vector<Part> parts = partsOf(gl.inputs.front());
  forEachBandPair(rs, cs, rd, cd, [&](const BandPair &bp) {
    int64_t inRow = rowCl + bp.rows.in, inCol = colCl + bp.cols.in;
    for (Part pt : parts) {
      Value in = rows(pt.tensor, inRow, bp.inR, 0, pt.channels, inCol, bp.inC);
      int64_t m0 = channelwise ? pt.offset : 0;
      int64_t mN = channelwise ? pt.channels : os.c;
      Value a = em.subview(accRows,
                           {em.fold(0), em.fold(m0), em.fold(bp.rows.o0),
                            em.fold(bp.cols.o0)},
                           {1, mN, bp.outR, bp.outC});
      emitBandOp(em, reduction, channelwise, in, wBuf.lookup(l), em.fold(m0),
                 mN, em.fold(pt.offset), pt.channels, a, bp, elem, strides,
                 dilations);
    }
  });

  // Requantize / add the bias / activate into the output rows.
  Activation act = window.getFusedActivation();
  int64_t shift = 0;
  if (reduction == WindowReduction::MultiplyAccumulate)
    shift = requantShift((is.c / info.groups) * info.kernelH * info.kernelW);
  Value bias = bBuf.count(l) ? bBuf[l] : Value();
  if (needsAcc)
    emitFinish(b, loc, accRows, bias, outRows, shift, act);
  else if (bias || act != Activation::none)
    emitFinish(b, loc, accRows, bias, outRows, 0, act);
  return success();
}

LogicalResult GroupLowering::emit() {
  // The group as a graph of its own: its inputs are the graph's inputs.
  llvm::DenseMap<Value, int> tensorOf;
  auto tensorFor = [&](Value v) -> int {
    if (auto it = tensorOf.find(v); it != tensorOf.end())
      return it->second;
    auto type = cast<RankedTensorType>(v.getType());
    int t = graph.addTensor("input",
                            {type.getDimSize(1), type.getDimSize(2),
                             type.getDimSize(3),
                             getElementBytes(type.getElementType())});
    tensorOf[v] = t;
    tensorValue.resize(graph.tensors.size());
    tensorValue[t] = v;
    return t;
  };
  for (Operation *op : group.getLayers()) {
    FailureOr<LayerInfo> info = describeLayer(op);
    if (failed(info))
      continue;
    info->name = getLayerName(op).str();
    std::vector<int> inputs;
    for (Value v : getFeatureMapOperands(op))
      inputs.push_back(tensorFor(v));
    int l = graph.addLayer(std::move(*info), std::move(inputs), Traffic{});
    int out = graph.layers[l].output;
    tensorOf[op->getResult(0)] = out;
    tensorValue.resize(graph.tensors.size());
    tensorValue[out] = op->getResult(0);
    layerOps.push_back(op);
  }
  size_t nt = graph.tensors.size();
  stored.assign(nt, 0);
  for (Value v : group.getYield().getValues()) {
    int t = tensorOf.lookup(v);
    graph.tensors[t].isNetworkOutput = true;
    for (Part pt : partsOf(t))
      if (graph.tensors[pt.tensor].producer >= 0)
        stored[pt.tensor] = 1;
  }
  if (group.getMode() == FusionMode::resident)
    return emitResident();
  std::vector<int> all;
  for (size_t i = 0; i < graph.layers.size(); ++i)
    all.push_back(static_cast<int>(i));
  sched = computeRowSchedule(graph, all);

  // Buffers: every layer's weights and bias, every tensor's line buffer.
  ArenaPlan plan;
  std::vector<std::pair<int, int>> wReq, bReq, lineReq;
  for (size_t l = 0; l < layerOps.size(); ++l) {
    auto layer = cast<CnnLayerOpInterface>(layerOps[l]);
    Value w = layer.getLayerWeight(), bias = layer.getLayerBias();
    if (w)
      wReq.push_back({static_cast<int>(l),
                      plan.add(cast<RankedTensorType>(w.getType()).getShape(),
                               cast<RankedTensorType>(w.getType()).getElementType())});
    if (bias)
      bReq.push_back({static_cast<int>(l),
                      plan.add(cast<RankedTensorType>(bias.getType()).getShape(),
                               cast<RankedTensorType>(bias.getType()).getElementType())});
  }
  std::vector<int> secondReq;
  for (int t : sched.tensors) {
    const TensorShape &sh = graph.tensors[t].shape;
    Type elem = cast<RankedTensorType>(tensorValue[t].getType()).getElementType();
    SmallVector<int64_t> shape = {1, sh.c, std::max<int64_t>(sched.maxLive[t], 1), sh.w};
    lineReq.push_back({t, plan.add(shape, elem)});
    // Double buffering: DMA fills the group's inputs and drains the stored
    // tensors; their line buffers have a second copy.
    bool streamed = graph.tensors[t].producer < 0 || stored[t];
    if (em.doubleBuffer && streamed)
      secondReq.push_back(plan.add(shape, elem));
  }
  int64_t used = plan.place();
  if (used > em.sram)
    return group.emitError() << "fusion group '"
                             << (group.getName() ? *group.getName() : "")
                             << "' needs " << used
                             << " bytes of SRAM, the target has " << em.sram;
  auto view = [&](int req) {
    const ArenaPlan::Request &r = plan.requests[req];
    return em.buffer(r.shape, r.elem, r.offset);
  };
  for (auto [l, req] : wReq)
    wBuf[l] = view(req);
  for (auto [l, req] : bReq)
    bBuf[l] = view(req);
  for (auto [t, req] : lineReq)
    lineBuf[t] = view(req);
  for (int req : secondReq)
    em.secondBuffer(plan.requests[req].shape, plan.requests[req].elem,
                    plan.requests[req].offset);

  // Accumulators of integer layers: registers for the most rows a step
  // computes.
  std::vector<int64_t> maxRows(nt, 0), prev(nt, -1);
  for (int64_t r = 0; r < sched.steps; ++r)
    for (size_t t = 0; t < nt; ++t) {
      maxRows[t] = std::max(maxRows[t], sched.need[r][t] - prev[t]);
      prev[t] = sched.need[r][t];
    }
  for (size_t l = 0; l < layerOps.size(); ++l) {
    const LayerInfo &info = graph.layers[l].info;
    int out = graph.layers[l].output;
    Type elem = cast<RankedTensorType>(tensorValue[out].getType()).getElementType();
    if (needsAccumulator(layerOps[l]) && isa<IntegerType>(elem) &&
        maxRows[out] > 0)
      acc[out] = memref::AllocaOp::create(
          b, loc,
          MemRefType::get({1, info.output.c, maxRows[out], info.output.w},
                          b.getI32Type()));
  }

  // The weights, once.
  for (auto [l, req] : wReq) {
    Value w = cast<CnnLayerOpInterface>(layerOps[l]).getLayerWeight();
    em.load(dram.lookup(w), wBuf[l], "weights");
  }
  for (auto [l, req] : bReq) {
    Value bias = cast<CnnLayerOpInterface>(layerOps[l]).getLayerBias();
    em.load(dram.lookup(bias), bBuf[l], "weights");
  }

  curNeed.assign(nt, -1);
  curBase.assign(nt, 0);
  for (int64_t r = 0; r < sched.steps; ++r) {
    // New rows of the group's inputs.
    for (int t : sched.tensors) {
      if (graph.tensors[t].producer >= 0)
        continue;
      shift(t, sched.base[r][t]);
      int64_t p = curNeed[t] + 1, q = sched.need[r][t];
      if (q >= p) {
        const TensorShape &sh = graph.tensors[t].shape;
        Value src = em.subview(dram.lookup(tensorValue[t]),
                               {em.fold(0), em.fold(0), em.fold(p), em.fold(0)},
                               {1, sh.c, q - p + 1, sh.w});
        em.load(src, rows(t, p, q - p + 1, 0, sh.c), "input");
        curNeed[t] = q;
      }
    }
    // New rows of every layer, in order.
    for (size_t l = 0; l < layerOps.size(); ++l) {
      int out = graph.layers[l].output;
      int64_t p = curNeed[out] + 1, q = sched.need[r][out];
      if (isView(out)) {
        curNeed[out] = q;
        continue;
      }
      shift(out, sched.base[r][out]);
      if (q < p)
        continue;
      if (failed(computeLayer(static_cast<int>(l), p, q)))
        return failure();
      curNeed[out] = q;
      if (stored[out]) {
        const TensorShape &sh = graph.tensors[out].shape;
        Value dst = em.subview(dram.lookup(tensorValue[out]),
                               {em.fold(0), em.fold(0), em.fold(p), em.fold(0)},
                               {1, sh.c, q - p + 1, sh.w});
        em.store(rows(out, p, q - p + 1, 0, sh.c), dst, "output");
      }
    }
  }
  return success();
}

LogicalResult GroupLowering::computeConvResident(int l) {
  const GraphLayer &gl = graph.layers[l];
  const LayerInfo &info = gl.info;
  auto conv = cast<CnnLayerOpInterface>(layerOps[l]);
  int out = gl.output;
  const TensorShape &os = graph.tensors[out].shape;
  const TensorShape &is = info.inputs.front();
  Type elem = cast<RankedTensorType>(conv->getResult(0).getType())
                  .getElementType();
  bool isInt = isa<IntegerType>(elem);
  TileProblem prob = getTileProblem(info);
  bool channelwise = prob.cls == TilingClass::Channelwise;
  std::vector<Part> parts = partsOf(gl.inputs.front());
  if ((channelwise || prob.groups > 1) && parts.size() != 1)
    return conv->emitError() << "layer '" << info.name
                             << "': a grouped convolution of a concatenation "
                                "is not lowered in a fusion group yet";
  WindowDim rd{os.h, 0, info.strideH, info.padTop, info.kernelH,
               info.dilationH, is.h};
  WindowDim cd{os.w, 0, info.strideW, info.padLeft, info.kernelW,
               info.dilationW, is.w};
  TileShape rs = windowSpanShape(rd, 0, os.h);
  TileShape cs = windowSpanShape(cd, 0, os.w);
  auto strides = b.getI64TensorAttr({rd.stride, cd.stride});
  auto dilations = b.getI64TensorAttr({rd.dilation, cd.dilation});
  Value wChan = wBuf[l], bChan = bBuf.count(l) ? bBuf[l] : Value();
  int64_t cg = is.c / info.groups, mg = os.c / info.groups;

  // One output channel at a time: its weights stream through SRAM.
  auto loop = scf::ForOp::create(b, loc, em.idx(0), em.idx(os.c), em.idx(1));
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(loop.getBody());
  Value m = loop.getInductionVar();
  Value weight = conv.getLayerWeight();
  auto wType = cast<RankedTensorType>(weight.getType());
  em.load(em.subview(dram.lookup(weight),
                     {m, em.fold(0), em.fold(0), em.fold(0)},
                     {1, wType.getDimSize(1), wType.getDimSize(2),
                      wType.getDimSize(3)}),
          wChan, "weights");
  if (bChan)
    em.load(em.subview(dram.lookup(conv.getLayerBias()), {m}, {1}), bChan,
            "weights");
  Value outChan = em.subview(lineBuf[out], {em.fold(0), m, em.fold(0), em.fold(0)},
                             {1, 1, os.h, os.w});
  Value accChan = isInt ? acc[out] : outChan;
  Type accElem = cast<MemRefType>(accChan.getType()).getElementType();
  linalg::FillOp::create(b, loc, zeroOf(b, loc, accElem), accChan);
  // The input channels this output channel reads.
  Value c0;
  if (channelwise)
    c0 = m;
  else if (prob.groups > 1)
    c0 = arith::MulIOp::create(
        b, loc, arith::DivUIOp::create(b, loc, m, em.idx(mg)), em.idx(cg));
  int64_t rowCl = rs.inRel, colCl = cs.inRel;
  forEachBandPair(rs, cs, rd, cd, [&](const BandPair &bp) {
    Value a = em.subview(accChan,
                         {em.fold(0), em.fold(0), em.fold(bp.rows.o0),
                          em.fold(bp.cols.o0)},
                         {1, 1, bp.outR, bp.outC});
    auto input = [&](int t, OpFoldResult ch, int64_t n) {
      return em.subview(lineBuf[t],
                        {em.fold(0), ch, em.fold(rowCl + bp.rows.in),
                         em.fold(colCl + bp.cols.in)},
                        {1, n, bp.inR, bp.inC});
    };
    // The weight buffer holds one output channel: m0 = 0 in it.
    if (c0) {
      emitBandOp(em, WindowReduction::MultiplyAccumulate,
                 /*channelwise=*/false,
                 input(parts[0].tensor, c0, cg), wChan, em.fold(0), 1,
                 em.fold(0), cg, a, bp, elem, strides, dilations);
      return;
    }
    for (Part pt : parts)
      emitBandOp(em, WindowReduction::MultiplyAccumulate,
                 /*channelwise=*/false,
                 input(pt.tensor, em.fold(0), pt.channels), wChan, em.fold(0),
                 1, em.fold(pt.offset), pt.channels, a, bp, elem, strides,
                 dilations);
  });
  int64_t shift = requantShift(cg * info.kernelH * info.kernelW);
  Activation act = conv.getFusedActivation();
  if (isInt)
    emitFinish(b, loc, accChan, bChan, outChan, shift, act);
  else if (bChan || act != Activation::none)
    emitFinish(b, loc, accChan, bChan, outChan, 0, act);
  return success();
}

LogicalResult GroupLowering::emitResident() {
  size_t nl = layerOps.size(), nt = graph.tensors.size();
  // Lifetimes in layer positions: from production (or the start, for the
  // group's inputs) to the last layer that reads the tensor (through
  // concatenations); a tensor no layer of the group reads lives while its
  // producer runs.
  std::vector<int> start(nt, 0), end(nt, 0);
  for (size_t t = 0; t < nt; ++t) {
    int p = graph.tensors[t].producer;
    start[t] = end[t] = p < 0 ? 0 : p;
  }
  for (size_t l = 0; l < nl; ++l)
    for (int in : graph.layers[l].inputs)
      for (Part pt : partsOf(in))
        end[pt.tensor] = std::max(end[pt.tensor], static_cast<int>(l));

  struct Buf {
    SmallVector<int64_t> shape;
    Type elem;
    int first, last;
    int64_t bytes, offset = -1;
    int tensor = -1, layer = -1;
    bool bias = false;
    bool second = false;
  };
  std::vector<Buf> bufs;
  for (size_t t = 0; t < nt; ++t) {
    if (isView(static_cast<int>(t)))
      continue;
    const TensorShape &sh = graph.tensors[t].shape;
    Type elem = cast<RankedTensorType>(tensorValue[t].getType()).getElementType();
    bufs.push_back({{1, sh.c, sh.h, sh.w}, elem, start[t], end[t], sh.bytes(), -1,
                    static_cast<int>(t)});
  }
  for (size_t l = 0; l < nl; ++l) {
    auto conv = cast<CnnLayerOpInterface>(layerOps[l]);
    if (graph.layers[l].info.cls != LayerClass::Convolution)
      continue;
    auto wt = cast<RankedTensorType>(conv.getLayerWeight().getType());
    SmallVector<int64_t> shape = {1, wt.getDimSize(1), wt.getDimSize(2),
                                  wt.getDimSize(3)};
    bufs.push_back({shape, wt.getElementType(), static_cast<int>(l),
                    static_cast<int>(l),
                    shape[1] * shape[2] * shape[3] *
                        getElementBytes(wt.getElementType()),
                    -1, -1, static_cast<int>(l)});
    if (Value bias = conv.getLayerBias()) {
      Type be = cast<RankedTensorType>(bias.getType()).getElementType();
      bufs.push_back({{1}, be, static_cast<int>(l), static_cast<int>(l),
                      getElementBytes(be), -1, -1, static_cast<int>(l), true});
    }
    // Double buffering: the next output channel's weights (and bias) load
    // into a second copy.
    if (em.doubleBuffer) {
      size_t n = bufs.size();
      for (size_t i = n - (conv.getLayerBias() ? 2 : 1); i < n; ++i) {
        Buf copy = bufs[i];
        copy.second = true;
        bufs.push_back(copy);
      }
    }
  }
  // First fit at offsets aligned to the element size, trying a few orders
  // (largest first; by birth; by death) and keeping the first that fits.
  auto place = [&](std::vector<int> order) -> int64_t {
    std::vector<int> placed;
    int64_t peak = 0;
    for (int i : order) {
      Buf &x = bufs[i];
      int64_t align = getElementBytes(x.elem);
      int64_t offset = 0;
      for (bool moved = true; moved;) {
        moved = false;
        for (int j : placed) {
          const Buf &y = bufs[j];
          bool live = x.first <= y.last && y.first <= x.last;
          if (live && offset < y.offset + y.bytes &&
              y.offset < offset + x.bytes) {
            offset = (y.offset + y.bytes + align - 1) / align * align;
            moved = true;
          }
        }
      }
      x.offset = offset;
      placed.push_back(i);
      peak = std::max(peak, offset + x.bytes);
    }
    return peak;
  };
  std::vector<int> base(bufs.size());
  for (size_t i = 0; i < base.size(); ++i)
    base[i] = static_cast<int>(i);
  using Less = std::function<bool(int, int)>;
  std::vector<Less> orders = {
      [&](int a, int c) { return bufs[a].bytes > bufs[c].bytes; },
      [&](int a, int c) {
        return std::make_tuple(bufs[a].first, -bufs[a].bytes) <
               std::make_tuple(bufs[c].first, -bufs[c].bytes);
      },
      [&](int a, int c) {
        return std::make_tuple(-bufs[a].last, -bufs[a].bytes) <
               std::make_tuple(-bufs[c].last, -bufs[c].bytes);
      },
      [&](int a, int c) {
        return std::make_tuple(bufs[a].last - bufs[a].first, bufs[a].bytes) >
               std::make_tuple(bufs[c].last - bufs[c].first, bufs[c].bytes);
      },
      [&](int a, int c) {
        return std::make_tuple(bufs[a].first, -bufs[a].last, -bufs[a].bytes) <
               std::make_tuple(bufs[c].first, -bufs[c].last, -bufs[c].bytes);
      },
      [&](int a, int c) {
        // Long-lived tensors first, then the rest by size; one-layer
        // buffers (weights, biases) last, into whatever gaps remain.
        bool la = bufs[a].tensor >= 0, lc = bufs[c].tensor >= 0;
        return std::make_tuple(!la, -bufs[a].bytes * (bufs[a].last - bufs[a].first + 1)) <
               std::make_tuple(!lc, -bufs[c].bytes * (bufs[c].last - bufs[c].first + 1));
      }};
  int64_t peak = 0;
  for (const Less &less : orders) {
    std::vector<int> order = base;
    std::stable_sort(order.begin(), order.end(), less);
    peak = place(order);
    if (peak <= em.sram)
      break;
  }
  // Then orders shuffled from the first with a fixed seed, so the result
  // is the same on every run.
  SplitMix64 rng(0x5eed);
  std::vector<int> order = base;
  std::stable_sort(order.begin(), order.end(), orders.front());
  for (int attempt = 0; peak > em.sram && attempt < 512; ++attempt) {
    for (size_t i = order.size(); i > 1; --i)
      std::swap(order[i - 1], order[rng.next() % i]);
    peak = place(order);
  }
  if (peak > em.sram)
    return group.emitError()
           << "fusion group '" << (group.getName() ? *group.getName() : "")
           << "': its whole feature maps could not be placed in " << em.sram
           << " bytes of SRAM without fragmentation (the placement found "
              "needs "
           << peak << ")";
  for (const Buf &x : bufs) {
    if (x.second) {
      em.secondBuffer(x.shape, x.elem, x.offset);
      continue;
    }
    Value v = em.buffer(x.shape, x.elem, x.offset);
    if (x.tensor >= 0)
      lineBuf[x.tensor] = v;
    else if (x.bias)
      bBuf[x.layer] = v;
    else
      wBuf[x.layer] = v;
  }
  curNeed.assign(nt, -1);
  curBase.assign(nt, 0);
  // Registers for one output channel of integer convolutions, and for the
  // sums of integer average pools.
  for (size_t l = 0; l < nl; ++l) {
    int out = graph.layers[l].output;
    Type elem = cast<RankedTensorType>(tensorValue[out].getType()).getElementType();
    if (!isa<IntegerType>(elem))
      continue;
    const TensorShape &os = graph.tensors[out].shape;
    if (graph.layers[l].info.cls == LayerClass::Convolution)
      acc[out] = memref::AllocaOp::create(
          b, loc, MemRefType::get({1, 1, os.h, os.w}, b.getI32Type()));
    else if (needsAccumulator(layerOps[l]))
      acc[out] = memref::AllocaOp::create(
          b, loc, MemRefType::get({1, os.c, os.h, os.w}, b.getI32Type()));
  }

  // The group's inputs, whole.
  for (size_t t = 0; t < nt; ++t)
    if (graph.tensors[t].producer < 0)
      em.load(dram.lookup(tensorValue[t]), lineBuf[t], "input");
  for (size_t l = 0; l < nl; ++l) {
    int out = graph.layers[l].output;
    if (isView(out))
      continue;
    const TensorShape &sh = graph.tensors[out].shape;
    LogicalResult ok = graph.layers[l].info.cls == LayerClass::Convolution
                           ? computeConvResident(static_cast<int>(l))
                           : computeLayer(static_cast<int>(l), 0, sh.h - 1);
    if (failed(ok))
      return failure();
    if (stored[out])
      em.store(lineBuf[out], dram.lookup(tensorValue[out]), "output");
  }
  return success();
}

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//


/// Lowers a window layer (convolution, fully connected, pool) with its
/// tiling: a fully connected layer is a 1x1 convolution on a 1x1 input of
/// C*H*W channels.
void lowerWindowLayer(Emitter &em, Operation *op, const LayerInfo &info,
                      const llvm::DenseMap<Value, Value> &buffers) {
  OpBuilder &b = em.b;
  Location loc = em.loc;
  auto layer = cast<CnnWindowLayerOpInterface>(op);
  auto buf = [&](Value v) { return buffers.lookup(v); };
  Tiling tiling;
  if (auto t = op->getAttrOfType<TilingAttr>(kTilingAttrName))
    tiling = {t.getTm(), t.getTe(), t.getTf(), t.getTc(),
              static_cast<LoopOrder>(t.getOrder())};
  TileProblem p = getTileProblem(info);
  WindowLayer l;
  l.op = op;
  l.reduction = layer.getWindowReduction();
  l.in = buf(layer.getFeatureMaps().front());
  l.out = buf(op->getResult(0));
  l.elem = cast<MemRefType>(l.out.getType()).getElementType();
  l.channelwise = p.cls == TilingClass::Channelwise;
  l.groups = p.groups;
  l.c = p.c;
  l.m = p.m;
  l.rows = {p.e, 0, p.strideH, p.padTop, p.kernelH, p.dilationH, p.h};
  l.cols = {p.f, 0, p.strideW, p.padLeft, p.kernelW, p.dilationW, p.w};
  l.act = layer.getFusedActivation();
  if (Value w = layer.getLayerWeight())
    l.weight = buf(w);
  if (Value bias = layer.getLayerBias())
    l.bias = buf(bias);
  // Products per output: (C/groups)*R*S', or the input's elements.
  const TensorShape &in = info.inputs.front();
  if (l.reduction == WindowReduction::MultiplyAccumulate)
    l.shift = requantShift(info.cls == LayerClass::Dense
                               ? in.elements()
                               : (in.c / info.groups) * info.kernelH *
                                     info.kernelW);
  if (info.cls == LayerClass::Dense) {
    auto inType = cast<MemRefType>(l.in.getType());
    int64_t k = inType.getNumElements();
    Value flat = memref::CollapseShapeOp::create(
        b, loc, l.in, SmallVector<ReassociationIndices>{{0, 1, 2, 3}});
    l.in = memref::ExpandShapeOp::create(
        b, loc, MemRefType::get({1, k, 1, 1}, l.elem), flat,
        SmallVector<ReassociationIndices>{{0, 1, 2, 3}});
    l.weight = memref::ExpandShapeOp::create(
        b, loc, MemRefType::get({p.m, k, 1, 1}, l.elem), l.weight,
        SmallVector<ReassociationIndices>{{0}, {1, 2, 3}});
    l.rows = {1, 0, 1, 0, 1, 1, 1};
    l.cols = {1, 0, 1, 0, 1, 1, 1};
  }
  TiledLowering(em, l, tiling).emit();
}

/// Lowers one layer into the current region, as its class says.
LogicalResult lowerLayer(Emitter &em, Operation *op, const LayerInfo &info,
                         const llvm::DenseMap<Value, Value> &buffers) {
  auto buf = [&](Value v) { return buffers.lookup(v); };
  Value out = buf(op->getResult(0));
  SmallVector<Value> inputs;
  for (Value v : getFeatureMapOperands(op))
    inputs.push_back(buf(v));
  switch (info.cls) {
  case LayerClass::Convolution:
  case LayerClass::Pool:
  case LayerClass::Dense:
    lowerWindowLayer(em, op, info, buffers);
    return success();
  case LayerClass::View:
    return success();
  case LayerClass::Stream:
    break;
  }
  switch (info.stream) {
  case StreamPattern::RowBlocks:
    if (auto elementwise = dyn_cast<CnnElementwiseLayerOpInterface>(op))
      return lowerRowwise(em, elementwise, info, inputs, out);
    break;
  case StreamPattern::ChannelReduce:
    return lowerGlobalAvgPool(em, op, info, inputs.front(), out);
  case StreamPattern::Pixels:
    return lowerSoftmax(em, op, inputs.front(), out);
  case StreamPattern::InputRows:
    if (isUpsample(info))
      return lowerResize(em, op, info, inputs.front(), out);
    if (auto pad = dyn_cast<PadOp>(op))
      return lowerPad(em, pad, inputs.front(), out);
    break;
  }
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
  // The function's ops with the layers of fusion groups in their place.
  SmallVector<Operation *> flat;
  for (Operation &op : body) {
    auto group = dyn_cast<FusionGroupOp>(op);
    if (!group) {
      flat.push_back(&op);
      continue;
    }
    for (Operation *layer : group.getLayers())
      flat.push_back(layer);
  }
  // Only networks of cnn layers are lowered.
  for (Operation *op : flat)
    if (!isLayer(op) && !isa<WeightOp, YieldOp, func::ReturnOp>(op))
      return op->emitError()
             << "'" << op->getName()
             << "' is not a cnn layer: --lower-to-dma lowers networks of cnn "
                "layers only (TOSA imports with --tosa-to-cnn first)";
  // Unnamed layers take the names the reports give them, so that every
  // diagnostic below names its layer as the reports do.
  unsigned layerIndex = 0;
  for (Operation *op : flat) {
    if (!isLayer(op))
      continue;
    std::string name = getReportName(op, layerIndex++);
    if (getLayerName(op).empty())
      op->setAttr("name", StringAttr::get(ctx, name));
  }
  for (Operation *op : flat)
    if (isLayer(op) && !op->hasAttr(kTrafficAttrName))
      return op->emitError() << "layer '" << getLayerName(op)
                             << "' has no tiling: run --tile-for-sram=<bytes> "
                                "before --lower-to-dma";

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

  TargetDesc desc = getTargetDesc(target);
  // The SRAM arena.
  auto arenaType = MemRefType::get({target.getSram()}, b.getI8Type(),
                                   MemRefLayoutAttrInterface(),
                                   b.getI64IntegerAttr(kSramSpace));
  Value arena = memref::AllocOp::create(b, loc, arenaType);
  arena.getDefiningOp()->setAttr("dma.arena", UnitAttr::get(ctx));

  // Concat outputs are DRAM buffers their producers write into: a part is
  // a channel slice of the concatenated tensor (recursively).
  llvm::DenseMap<Value, std::pair<Value, int64_t>> sliceOf;
  for (Operation *opPtr : llvm::reverse(flat)) {
    Operation &op = *opPtr;
    auto concat = dyn_cast<CnnLayerOpInterface>(op);
    if (!concat || !isViewLayer(concat))
      continue;
    // A concat that stays inside a fusion group is a view of SRAM buffers,
    // unless it is a part of a concat that leaves the group: then its parts
    // are slices of that concat's buffer too, written in place by their
    // producers (the model writes only the parts produced in the group).
    if (auto group = dyn_cast<FusionGroupOp>(concat->getParentOp());
        group && !sliceOf.count(concat->getResult(0)) &&
        llvm::none_of(concat->getUsers(), [](Operation *user) {
          return isa<YieldOp>(user);
        }))
      continue;
    Value root = concat->getResult(0);
    int64_t base = 0;
    if (auto it = sliceOf.find(root); it != sliceOf.end()) {
      base = it->second.second;
      root = it->second.first;
    }
    int64_t offset = base;
    for (Value part : concat.getFeatureMaps()) {
      // A tensor that leaves a fusion group is the layer result it yields.
      if (auto result = dyn_cast<OpResult>(part))
        if (auto g = dyn_cast<FusionGroupOp>(result.getOwner()))
          part = g.getYield().getValues()[result.getResultNumber()];
      if (sliceOf.count(part) || isa<BlockArgument>(part) ||
          !isLayer(part.getDefiningOp()))
        return concat->emitError()
               << "layer '" << getLayerName(concat)
               << "': each concatenated tensor must be produced by a layer "
                  "and be part of one concat only, to be written in place";
      sliceOf[part] = {root, offset};
      offset += cast<RankedTensorType>(part.getType()).getDimSize(1);
    }
  }
  // DRAM buffers of every layer output, allocated up front.
  unsigned weightIndex = 0;
  for (Operation *opPtr : flat) {
    Operation &op = *opPtr;
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
  for (Operation *opPtr : flat) {
    Operation &op = *opPtr;
    if (!isLayer(&op))
      continue;
    Value result = op.getResult(0);
    auto it = sliceOf.find(result);
    if (it == sliceOf.end())
      continue;
    // Every part maps to the outermost concat, which is allocated above.
    auto type = cast<RankedTensorType>(result.getType());
    Emitter em{b, loc, arena, target.getSram()};
    em.target = &desc;
    buffers[result] = em.subview(buffers.lookup(it->second.first),
                                 {em.fold(0), em.fold(it->second.second),
                                  em.fold(0), em.fold(0)},
                                 type.getShape());
  }

  // Each layer, and each fusion group, in a region of its own, named for
  // the reports and the arena verifier.
  auto inRegion = [&](Location loc, StringRef name, bool isGroup,
                      function_ref<LogicalResult(Emitter &)> lower) {
    auto region = scf::ExecuteRegionOp::create(b, loc, TypeRange{});
    region->setAttr("cnn.layer", b.getStringAttr(name));
    if (isGroup)
      region->setAttr("cnn.group", b.getStringAttr(name));
    OpBuilder::InsertionGuard guard(b);
    Block *rb = b.createBlock(&region.getRegion());
    b.setInsertionPointToStart(rb);
    auto yield = scf::YieldOp::create(b, loc);
    b.setInsertionPoint(yield);
    Emitter em{b, loc, arena, target.getSram()};
    em.doubleBuffer = target.getDmaOverlap();
    em.target = &desc;
    return lower(em);
  };
  unsigned index = 0;
  for (Operation &op : body) {
    if (auto group = dyn_cast<FusionGroupOp>(op)) {
      // Unnamed layers are numbered in function order, groups included.
      for (Operation *layer : group.getLayers())
        if (isLayer(layer))
          ++index;
      for (auto [result, value] :
           llvm::zip(group.getResults(), group.getYield().getValues()))
        buffers[result] = buffers.lookup(value);
      std::string name = group.getName() ? group.getName()->str() : "group";
      if (failed(inRegion(op.getLoc(), name, /*isGroup=*/true, [&](Emitter &em) {
            return GroupLowering(em, group, buffers).emit();
          })))
        return failure();
      continue;
    }
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
    if (info->cls == LayerClass::View)
      continue;
    if (failed(inRegion(op.getLoc(), name, /*isGroup=*/false, [&](Emitter &em) {
          return lowerLayer(em, &op, *info, buffers);
        })))
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
