//===- TiledLayers.cpp - Layers lowered with their tiling -------*- C++ -*-===//
//
// Convolutions, fully connected layers, depthwise convolutions and pools run
// alone: loops over the tiles of the layer's #cnn.tiling, each tensor loaded
// in the body of the innermost loop it depends on that has more than one
// trip, and the tiles whose shape differs peeled. Under double buffering
// the innermost loop with more than one trip is pipelined: tile i + 1
// loads and tile i - 1 stores asynchronously, in the other copy of the
// tile buffers, while tile i computes (the model's steps, TileCost.cpp).
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

#include <array>

namespace mlir::cnn::lower_to_dma {
namespace {

//===----------------------------------------------------------------------===//
// Tiled layers: convolution, fully connected, depthwise, pools
//===----------------------------------------------------------------------===//

using Dim = TileLoopNest::Dim;
constexpr Dim M = TileLoopNest::M, E = TileLoopNest::E, F = TileLoopNest::F,
              C = TileLoopNest::C;

/// The DRAM side of a windowed layer, viewed as a (grouped) convolution.
struct WindowLayer {
  WindowReduction reduction;
  bool channelwise;
  int64_t groups;
  Value in, weight, bias, out; // DRAM memrefs (4-D; bias 1-D)
  int64_t c, m;                // per group
  WindowDim rows, cols;
  Type elem;
  Activation act = Activation::none;
  int64_t shift = 0;
  /// The tiling problem the plan solved.
  TileProblem problem;
  /// Coded weights: `weight` is their bytes, and these the bytes before
  /// each output channel (of every group); null for raw weights.
  std::shared_ptr<const std::vector<int64_t>> coded;
};

class TiledLowering {
public:
  TiledLowering(Emitter &em, const WindowLayer &l, const Tiling &t)
      : em(em), b(em.b), loc(em.loc), l(l), t(t) {}

  void emit();

private:
  struct DimState {
    Value iv;      // tile index, null when static
    int64_t first; // static tile index when iv is null
    const TileShape *shape;
  };

  Value start(Dim d, int64_t tile) {
    const DimState &s = state[d];
    return em.affine(s.iv, tile, s.iv ? 0 : s.first * tile);
  }
  Value inStart(Dim d, const WindowDim &w) {
    const DimState &s = state[d];
    int64_t scale = w.tile * w.stride;
    return em.affine(s.iv, scale,
                     (s.iv ? 0 : s.first * scale) + s.shape->inRel);
  }
  int64_t size(Dim d) { return state[d].shape->size; }

  /// The channels of one tile of the input: the output channels for a
  /// channel-wise layer, else the input channels.
  int64_t channelTile() const { return l.channelwise ? t.tm : t.tc; }
  /// The segments and trips of each dimension, the loop order, and the
  /// loop whose body loads each tensor.
  void planLoops();
  /// The views of the arena (and the registers) of one tile.
  void allocateBuffers();
  void emitLevel(size_t level);
  void emitLoads(int level);
  /// Loads the coded bytes of the current tile's output channels (and the
  /// bias) and, unless pipelined, decodes them.
  void emitCodedWeights();
  /// Decodes the current tile's coded weights.
  void emitDecode();
  void emitTileCompute();
  /// The end of an output tile (bias, requantization, activation) and,
  /// unless `deferStore`, its store.
  void emitFinishAndStore();
  void emitStore();

  // Double buffering: the pipelined loop (see emitPipelined).

  /// A tile of the pipelined dimension: its segment and its index, a
  /// constant or `iv` (+ 0).
  struct TileRef {
    const Segment *seg = nullptr;
    Value iv;
    int64_t index = 0;
  };
  /// The innermost loop with more than one trip, its tiles pipelined: the
  /// first loads, then each tile issues the next tile's loads and the
  /// previous tile's store asynchronously, computes, and waits; the last
  /// stores.
  void emitPipelined();
  /// One tile of the pipelined loop between its neighbours.
  void emitPipelinedTile(TileRef prev, TileRef cur, TileRef next);
  /// Makes `ref` the current tile of the pipelined dimension, with the
  /// copies of the buffers it uses.
  void setTile(TileRef ref);
  /// The first copy of every buffer.
  void useFirstCopies();

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
  /// The group's index when groups are unrolled (coded weights).
  int64_t group = 0;
  /// wBuf: the weights of a tile (coded weights: decoded, outside the
  /// arena); codedBuf: the coded bytes of a tile, in the arena.
  Value inBuf, wBuf, codedBuf, biasBuf, accBuf, outBuf;

  /// The buffers a tile uses, in their first and second copies (under
  /// double buffering; the second copy of a buffer that does not alternate
  /// is its first).
  struct Buffers {
    Value in, w, coded, bias, acc, out;
  };
  Buffers firstCopy, secondCopy;
  /// The level of the pipelined loop (-1: none) and whether its tiles
  /// store their outputs (else the output is stored after the loop).
  int pipeLevel = -1;
  bool storePerTile = false;
  /// While set, transfers are asynchronous and their tokens collect here.
  SmallVector<Value> *tokens = nullptr;
  /// While set, emitFinishAndStore does not store (the pipeline does).
  bool deferStore = false;
  void load(Value src, Value dst, StringRef kind) {
    if (tokens)
      tokens->push_back(dma::LoadAsyncOp::create(b, loc, src, dst,
                                                 b.getStringAttr(kind)));
    else
      em.load(src, dst, kind);
  }
  void store(Value src, Value dst, StringRef kind) {
    if (tokens)
      tokens->push_back(dma::StoreAsyncOp::create(b, loc, src, dst,
                                                  b.getStringAttr(kind)));
    else
      em.store(src, dst, kind);
  }
};

void TiledLowering::planLoops() {
  int64_t tc = channelTile();
  segs[M] = plainSegments(l.m, t.tm);
  // Tiles of coded weights differ in bytes: each is a segment, so that its
  // transfer has a static size.
  if (l.coded) {
    segs[M].clear();
    for (int64_t i = 0; i * t.tm < l.m; ++i) {
      TileShape shape;
      shape.size = std::min(t.tm, l.m - i * t.tm);
      segs[M].push_back({i, i, shape});
    }
  }
  WindowDim rows = l.rows, cols = l.cols;
  rows.tile = t.te;
  cols.tile = t.tf;
  segs[E] = segmentsOf((rows.out + t.te - 1) / t.te,
                       [&](int64_t i) { return windowTileShape(rows, i); });
  segs[F] = segmentsOf((cols.out + t.tf - 1) / t.tf,
                       [&](int64_t i) { return windowTileShape(cols, i); });
  // The bias travels with the first input-channel tile of the weights, so
  // that tile is peeled: the bias moves once per sweep of the weights.
  segs[C] = l.channelwise ? std::vector<Segment>{}
                          : segmentsOf((l.c + tc - 1) / tc, [&](int64_t i) {
                              TileShape s;
                              s.size = std::min(tc, l.c - i * tc);
                              s.inRel = i == 0 && l.bias ? 1 : 0;
                              return s;
                            });
  // The loops, their trips and where each tensor loads: the cost model's
  // loop nest of this tiling.
  TileLoopNest nest = getTileLoopNest(l.problem, t);
  trips = nest.trips;
  loops.assign(nest.dims.begin(), nest.dims.begin() + nest.size);
  placeInput = nest.inputLoop;
  placeWeights = nest.weightLoop;
  if (em.doubleBuffer)
    for (size_t i = 0; i < loops.size(); ++i)
      if (trips[loops[i]] > 1)
        pipeLevel = static_cast<int>(i);
  // A convolution's output is stored after its input-channel loop (the
  // innermost); a channel-wise layer's after every tile.
  storePerTile = pipeLevel >= 0 && (l.channelwise || loops[pipeLevel] != C);
}

void TiledLowering::allocateBuffers() {
  // Buffers, sized for a full tile as the cost model counts them.
  int64_t tc = channelTile();
  const WindowDim &rows = l.rows, &cols = l.cols;
  bool partialSums = !l.channelwise && trips[C] > 1;
  int64_t inRows =
      std::min((t.te - 1) * rows.stride + (rows.kernel - 1) * rows.dilation + 1,
               rows.in);
  int64_t inCols =
      std::min((t.tf - 1) * cols.stride + (cols.kernel - 1) * cols.dilation + 1,
               cols.in);
  Type i32 = b.getI32Type();
  bool isInt = isa<IntegerType>(l.elem);
  ArenaPlan plan;
  int inReq = plan.add({1, tc, inRows, inCols}, l.elem);
  int wReq = -1, bReq = -1;
  int codedReq = -1;
  if (l.coded) {
    // The largest tile's coded bytes in the arena.
    int64_t largest = getLargestCodedTileBytes(l.problem, t.tm);
    codedReq = plan.add({largest}, b.getI8Type());
    if (l.bias)
      bReq =
          plan.add({t.tm}, cast<MemRefType>(l.bias.getType()).getElementType());
  } else if (l.weight) {
    auto wType = cast<MemRefType>(l.weight.getType());
    wReq = plan.add({t.tm, l.channelwise ? 1 : tc, wType.getDimSize(2),
                     wType.getDimSize(3)},
                    l.elem);
    if (l.bias)
      bReq =
          plan.add({t.tm}, cast<MemRefType>(l.bias.getType()).getElementType());
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
  // The second copies: where the pipelined loop loads the next tile and
  // computes while the previous one stores.
  std::vector<Value> second;
  for (size_t i = firstCopies; i < plan.requests.size(); ++i)
    second.push_back(em.secondBuffer(plan.requests[i].shape,
                                      plan.requests[i].elem,
                                      plan.requests[i].offset));
  inBuf = em.buffer(plan.requests[inReq].shape, l.elem,
                    plan.requests[inReq].offset);
  if (wReq >= 0)
    wBuf = em.buffer(plan.requests[wReq].shape, l.elem,
                     plan.requests[wReq].offset);
  if (codedReq >= 0) {
    codedBuf = em.buffer(plan.requests[codedReq].shape, b.getI8Type(),
                         plan.requests[codedReq].offset);
    // The decoder feeds the MAC array: its output is not SRAM.
    wBuf = memref::AllocaOp::create(
        b, loc,
        MemRefType::get({t.tm, l.channelwise ? 1 : tc, l.rows.kernel,
                         l.cols.kernel},
                        l.elem));
  }
  if (bReq >= 0)
    biasBuf = em.buffer(plan.requests[bReq].shape, plan.requests[bReq].elem,
                        plan.requests[bReq].offset);
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
  firstCopy = {inBuf, wBuf, codedBuf, biasBuf, accBuf, outBuf};
  secondCopy = firstCopy;
  if (pipeLevel < 0)
    return;
  // The buffers of the tensors the pipelined loop moves alternate.
  if (placeInput == pipeLevel)
    secondCopy.in = second[inReq];
  if (placeWeights == pipeLevel) {
    if (wReq >= 0)
      secondCopy.w = second[wReq];
    if (codedReq >= 0)
      secondCopy.coded = second[codedReq];
    if (bReq >= 0)
      secondCopy.bias = second[bReq];
  }
  if (storePerTile) {
    // No partial sums here: the output tile is of T.
    secondCopy.out = second[outReq];
    if (accBuf == outBuf)
      secondCopy.acc = secondCopy.out;
  }
}

void TiledLowering::emit() {
  planLoops();
  allocateBuffers();

  // Dimensions of one tile are the same on every trip: known before the
  // loops.
  for (Dim d : {M, E, F, C})
    if (segs[d].size() == 1) {
      state[d].first = segs[d][0].first;
      state[d].shape = &segs[d][0].shape;
    }

  if (l.groups > 1 && l.coded) {
    // The groups' coded tiles differ: each group is emitted.
    for (group = 0; group < l.groups; ++group) {
      groupIv = em.idx(group);
      emitLoads(-1);
      emitLevel(0);
    }
    return;
  }
  if (l.groups > 1) {
    auto loop =
        scf::ForOp::create(b, loc, em.idx(0), em.idx(l.groups), em.idx(1));
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
  if (static_cast<int>(level) == pipeLevel)
    return emitPipelined();
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
    auto loop = scf::ForOp::create(b, loc, em.idx(s.first), em.idx(s.last + 1),
                                   em.idx(1));
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
  if (level == placeWeights && l.coded) {
    emitCodedWeights();
  } else if (level == placeWeights && l.weight) {
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
      Value dst =
          em.subview(wBuf, {em.fold(0), em.fold(0), em.fold(0), em.fold(0)},
                     {mSize, 1, r, s});
      load(src, dst, "weights");
    } else {
      Value c0 = state[C].shape ? start(C, t.tc) : em.idx(0);
      int64_t cSize = dimSize(C, l.c);
      Value src = em.subview(l.weight, {mg, c0, em.fold(0), em.fold(0)},
                             {mSize, cSize, r, s});
      Value dst =
          em.subview(wBuf, {em.fold(0), em.fold(0), em.fold(0), em.fold(0)},
                     {mSize, cSize, r, s});
      load(src, dst, "weights");
    }
    bool firstChannels = l.channelwise || !state[C].shape ||
                         (!state[C].iv && state[C].first == 0);
    if (l.bias && firstChannels) {
      Value src = em.subview(l.bias, {mg}, {mSize});
      Value dst = em.subview(biasBuf, {em.fold(0)}, {mSize});
      load(src, dst, "weights");
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
    Value src =
        em.subview(l.in, {em.fold(0), ch0, inStart(E, rows), inStart(F, cols)},
                   {1, chSize, rs->inSize, cs->inSize});
    Value dst =
        em.subview(inBuf, {em.fold(0), em.fold(0), em.fold(0), em.fold(0)},
                   {1, chSize, rs->inSize, cs->inSize});
    load(src, dst, "input");
  }
}

void TiledLowering::emitCodedWeights() {
  // Every output-channel tile is a segment: the tile is static here.
  int64_t tile = state[M].first, mSize = state[M].shape->size;
  int64_t j0 = group * l.m + tile * t.tm;
  const std::vector<int64_t> &off = *l.coded;
  int64_t bytes = off[j0 + mSize] - off[j0];
  Value src = em.subview(l.weight, {em.fold(off[j0])}, {bytes});
  Value dst = em.subview(codedBuf, {em.fold(0)}, {bytes});
  load(src, dst, "weights");
  // Pipelined, the tile decodes when it computes (its bytes are in then).
  if (pipeLevel < 0 || placeWeights != pipeLevel)
    emitDecode();
  if (l.bias) {
    Value bsrc = em.subview(l.bias, {em.fold(j0)}, {mSize});
    Value bdst = em.subview(biasBuf, {em.fold(0)}, {mSize});
    load(bsrc, bdst, "weights");
  }
}

void TiledLowering::emitDecode() {
  int64_t tile = state[M].first, mSize = state[M].shape->size;
  int64_t j0 = group * l.m + tile * t.tm;
  const std::vector<int64_t> &off = *l.coded;
  Value bytes =
      em.subview(codedBuf, {em.fold(0)}, {off[j0 + mSize] - off[j0]});
  auto wType = cast<MemRefType>(wBuf.getType());
  Value decoded = em.subview(
      wBuf, {em.fold(0), em.fold(0), em.fold(0), em.fold(0)},
      {mSize, wType.getDimSize(1), wType.getDimSize(2), wType.getDimSize(3)});
  dma::DecodeOp::create(b, loc, bytes, decoded, b.getStringAttr("zrl-rice"));
}

void TiledLowering::emitTileCompute() {
  const TileShape &rs = *state[E].shape, &cs = *state[F].shape;
  int64_t mSize = size(M);
  int64_t cSize = l.channelwise ? mSize : size(C);
  auto strides = b.getI64TensorAttr({l.rows.stride, l.cols.stride});
  auto dilations = b.getI64TensorAttr({l.rows.dilation, l.cols.dilation});
  forEachBandPair(rs, cs, l.rows, l.cols, [&](const BandPair &bp) {
    Value in = em.subview(
        inBuf,
        {em.fold(0), em.fold(0), em.fold(bp.rows.in), em.fold(bp.cols.in)},
        {1, cSize, bp.inR, bp.inC});
    Value acc = em.subview(
        accBuf,
        {em.fold(0), em.fold(0), em.fold(bp.rows.o0), em.fold(bp.cols.o0)},
        {1, mSize, bp.outR, bp.outC});
    emitBandOp(em, l.reduction, l.channelwise, in, wBuf, em.fold(0), mSize,
               em.fold(0), cSize, acc, bp, l.elem, strides, dilations);
  });
}

void TiledLowering::emitFinishAndStore() {
  int64_t mSize = size(M), eSize = size(E), fSize = size(F);
  Value acc =
      em.subview(accBuf, {em.fold(0), em.fold(0), em.fold(0), em.fold(0)},
                 {1, mSize, eSize, fSize});
  Value out =
      em.subview(outBuf, {em.fold(0), em.fold(0), em.fold(0), em.fold(0)},
                 {1, mSize, eSize, fSize});
  bool separate = acc != out && accBuf != outBuf;
  if (separate || biasBuf || l.act != Activation::none) {
    Value bias = biasBuf ? em.subview(biasBuf, {em.fold(0)}, {mSize}) : Value();
    emitLayerEnd(b, loc, acc, bias, out, separate, l.shift, l.act);
  }
  if (!deferStore)
    emitStore();
}

void TiledLowering::emitStore() {
  int64_t mSize = size(M), eSize = size(E), fSize = size(F);
  Value out =
      em.subview(outBuf, {em.fold(0), em.fold(0), em.fold(0), em.fold(0)},
                 {1, mSize, eSize, fSize});
  Value m0 = start(M, t.tm);
  if (groupIv)
    m0 = arith::AddIOp::create(
        b, loc, m0, arith::MulIOp::create(b, loc, groupIv, em.idx(l.m)));
  Value dst =
      em.subview(l.out, {em.fold(0), m0, start(E, t.te), start(F, t.tf)},
                 {1, mSize, eSize, fSize});
  store(out, dst, "output");
}

void TiledLowering::useFirstCopies() {
  inBuf = firstCopy.in;
  wBuf = firstCopy.w;
  codedBuf = firstCopy.coded;
  biasBuf = firstCopy.bias;
  accBuf = firstCopy.acc;
  outBuf = firstCopy.out;
}

void TiledLowering::setTile(TileRef ref) {
  DimState &s = state[loops[pipeLevel]];
  s.shape = &ref.seg->shape;
  s.iv = ref.iv ? em.add(ref.iv, ref.index) : Value();
  s.first = ref.index;
  // Tile i uses copy i mod 2 of the buffers that alternate.
  Value odd;
  if (s.iv)
    odd = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne,
                                em.rem(s.iv, 2), em.idx(0));
  auto pick = [&](Value first, Value second) -> Value {
    if (first == second)
      return first;
    if (!odd)
      return ref.index % 2 ? second : first;
    return arith::SelectOp::create(b, loc, odd, second, first);
  };
  inBuf = pick(firstCopy.in, secondCopy.in);
  wBuf = pick(firstCopy.w, secondCopy.w);
  codedBuf = pick(firstCopy.coded, secondCopy.coded);
  biasBuf = pick(firstCopy.bias, secondCopy.bias);
  outBuf = pick(firstCopy.out, secondCopy.out);
  accBuf = firstCopy.acc == firstCopy.out ? outBuf : firstCopy.acc;
}

void TiledLowering::emitPipelinedTile(TileRef prev, TileRef cur,
                                      TileRef next) {
  SmallVector<Value> pending;
  tokens = &pending;
  if (next.seg) {
    setTile(next);
    emitLoads(pipeLevel);
  }
  if (prev.seg && storePerTile) {
    setTile(prev);
    emitStore();
  }
  tokens = nullptr;
  setTile(cur);
  if (l.coded && placeWeights == pipeLevel)
    emitDecode();
  deferStore = true;
  emitLevel(pipeLevel + 1);
  deferStore = false;
  if (!pending.empty())
    dma::WaitOp::create(b, loc, pending);
}

void TiledLowering::emitPipelined() {
  Dim d = loops[pipeLevel];
  if (d == C) {
    // A new output tile: clear its accumulators.
    Type accElem = cast<MemRefType>(accBuf.getType()).getElementType();
    linalg::FillOp::create(b, loc, zeroOf(b, loc, accElem), accBuf);
  }
  // The tiles in order: a segment's first and last tiles constant, those
  // between them one loop, so that every tile's neighbours are known.
  struct Part {
    TileRef first;
    int64_t loopEnd = -1; // the loop's end (exclusive) when a loop
  };
  std::vector<Part> parts;
  for (const Segment &seg : segs[d]) {
    parts.push_back({{&seg, Value(), seg.first}});
    if (seg.last - seg.first >= 2)
      parts.push_back({{&seg, Value(), seg.first + 1}, seg.last});
    if (seg.last > seg.first)
      parts.push_back({{&seg, Value(), seg.last}});
  }
  // The last tile of a part, and the first.
  auto lastOf = [](const Part &p) {
    TileRef r = p.first;
    if (p.loopEnd >= 0)
      r.index = p.loopEnd - 1;
    return r;
  };
  setTile(parts.front().first);
  emitLoads(pipeLevel);
  for (size_t i = 0; i < parts.size(); ++i) {
    TileRef prev = i ? lastOf(parts[i - 1]) : TileRef();
    TileRef next = i + 1 < parts.size() ? parts[i + 1].first : TileRef();
    const Part &p = parts[i];
    if (p.loopEnd < 0) {
      emitPipelinedTile(prev, p.first, next);
      continue;
    }
    auto loop = scf::ForOp::create(b, loc, em.idx(p.first.index),
                                   em.idx(p.loopEnd), em.idx(1));
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(loop.getBody());
    Value iv = loop.getInductionVar();
    emitPipelinedTile({p.first.seg, iv, -1}, {p.first.seg, iv, 0},
                      {p.first.seg, iv, 1});
  }
  if (storePerTile) {
    setTile(lastOf(parts.back()));
    emitStore();
  }
  useFirstCopies();
  if (d == C)
    emitFinishAndStore();
}

} // namespace

void lowerWindowLayer(Emitter &em, Operation *op, const LayerInfo &info,
                      const llvm::DenseMap<Value, Value> &buffers) {
  OpBuilder &b = em.b;
  Location loc = em.loc;
  auto layer = cast<CnnWindowLayerOpInterface>(op);
  auto buf = [&](Value v) { return buffers.lookup(v); };
  Tiling tiling;
  bool rawWeights = false;
  if (auto t = op->getAttrOfType<TilingAttr>(kTilingAttrName)) {
    tiling = getTiling(t);
    rawWeights = t.getRawWeights();
  }
  TileProblem p = getTileProblem(info);
  WindowLayer l;
  l.problem = p;
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
  // Coded weights, unless the layer reads them raw.
  if (!rawWeights)
    l.coded = info.weightOffsets;
  if (Value bias = layer.getLayerBias())
    l.bias = buf(bias);
  if (l.reduction == WindowReduction::MultiplyAccumulate)
    l.shift = requantShift(info);
  if (info.cls == LayerClass::Dense) {
    auto inType = cast<MemRefType>(l.in.getType());
    int64_t k = inType.getNumElements();
    Value flat = memref::CollapseShapeOp::create(
        b, loc, l.in, SmallVector<ReassociationIndices>{{0, 1, 2, 3}});
    l.in = memref::ExpandShapeOp::create(
        b, loc, MemRefType::get({1, k, 1, 1}, l.elem), flat,
        SmallVector<ReassociationIndices>{{0, 1, 2, 3}});
    if (!l.coded)
      l.weight = memref::ExpandShapeOp::create(
          b, loc, MemRefType::get({p.m, k, 1, 1}, l.elem), l.weight,
          SmallVector<ReassociationIndices>{{0}, {1, 2, 3}});
    l.rows = {1, 0, 1, 0, 1, 1, 1};
    l.cols = {1, 0, 1, 0, 1, 1, 1};
  }
  TiledLowering(em, l, tiling).emit();
}

} // namespace mlir::cnn::lower_to_dma
