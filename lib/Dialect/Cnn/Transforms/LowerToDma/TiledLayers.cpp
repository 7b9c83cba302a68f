//===- TiledLayers.cpp - Layers lowered with their tiling -------*- C++ -*-===//
//
// Convolutions, fully connected layers, depthwise convolutions and pools run
// alone: loops over the tiles of the layer's #cnn.tiling, each tensor loaded
// in the body of the innermost loop it depends on that has more than one
// trip, and the tiles whose shape differs peeled.
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
  /// Loads the coded bytes of the current tile's output channels and
  /// decodes them (and loads the bias).
  void emitCodedWeights();
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
  /// The group's index when groups are unrolled (coded weights).
  int64_t group = 0;
  /// wBuf: the weights of a tile (coded weights: decoded, outside the
  /// arena); codedBuf: the coded bytes of a tile, in the arena.
  Value inBuf, wBuf, codedBuf, biasBuf, accBuf, outBuf;
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
  for (size_t i = firstCopies; i < plan.requests.size(); ++i)
    em.secondBuffer(plan.requests[i].shape, plan.requests[i].elem,
                    plan.requests[i].offset);
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
      em.load(src, dst, "weights");
    } else {
      Value c0 = state[C].shape ? start(C, t.tc) : em.idx(0);
      int64_t cSize = dimSize(C, l.c);
      Value src = em.subview(l.weight, {mg, c0, em.fold(0), em.fold(0)},
                             {mSize, cSize, r, s});
      Value dst =
          em.subview(wBuf, {em.fold(0), em.fold(0), em.fold(0), em.fold(0)},
                     {mSize, cSize, r, s});
      em.load(src, dst, "weights");
    }
    bool firstChannels = l.channelwise || !state[C].shape ||
                         (!state[C].iv && state[C].first == 0);
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
    Value src =
        em.subview(l.in, {em.fold(0), ch0, inStart(E, rows), inStart(F, cols)},
                   {1, chSize, rs->inSize, cs->inSize});
    Value dst =
        em.subview(inBuf, {em.fold(0), em.fold(0), em.fold(0), em.fold(0)},
                   {1, chSize, rs->inSize, cs->inSize});
    em.load(src, dst, "input");
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
  em.load(src, dst, "weights");
  auto wType = cast<MemRefType>(wBuf.getType());
  Value decoded = em.subview(
      wBuf, {em.fold(0), em.fold(0), em.fold(0), em.fold(0)},
      {mSize, wType.getDimSize(1), wType.getDimSize(2), wType.getDimSize(3)});
  dma::DecodeOp::create(b, loc, dst, decoded, b.getStringAttr("zrl-rice"));
  if (l.bias) {
    Value bsrc = em.subview(l.bias, {em.fold(j0)}, {mSize});
    Value bdst = em.subview(biasBuf, {em.fold(0)}, {mSize});
    em.load(bsrc, bdst, "weights");
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
  Value m0 = start(M, t.tm);
  if (groupIv)
    m0 = arith::AddIOp::create(
        b, loc, m0, arith::MulIOp::create(b, loc, groupIv, em.idx(l.m)));
  Value dst =
      em.subview(l.out, {em.fold(0), m0, start(E, t.te), start(F, t.tf)},
                 {1, mSize, eSize, fSize});
  em.store(out, dst, "output");
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
    tiling = {t.getTm(), t.getTe(), t.getTf(), t.getTc(),
              static_cast<LoopOrder>(t.getOrder())};
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
