//===- Lowering.cpp - Shared parts of the --lower-to-dma pass ---*- C++ -*-===//
//
// The helpers Lowering.h declares: the shapes of tiles, the arithmetic of
// docs/Semantics.md, the linalg op of one band of a window layer, and the
// element-wise and streaming helpers.
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

#include "cnn/Dialect/Cnn/IR/CnnArithmetic.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

namespace mlir::cnn::lower_to_dma {

//===----------------------------------------------------------------------===//
// Tile segments
//===----------------------------------------------------------------------===//

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
    int64_t k1 = std::min(
        d.kernel, base > d.in - 1 ? 0 : (d.in - 1 - base) / d.dilation + 1);
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
// Arithmetic of docs/Semantics.md
//===----------------------------------------------------------------------===//

int64_t requantShift(const LayerInfo &info) {
  return getRequantizationShift(info.productsPerOutput());
}

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
          v = createRequantization(nb, l, v, elem, shift, act);
        } else {
          if (bias)
            v = arith::AddFOp::create(nb, l, v, args[1]);
          v = createActivation(nb, l, v, act, elem);
        }
        linalg::YieldOp::create(nb, l, v);
      });
}

void emitLayerEnd(OpBuilder &b, Location loc, Value acc, Value bias, Value out,
                  bool separate, int64_t shift, Activation act) {
  if (separate)
    emitFinish(b, loc, acc, bias, out, shift, act);
  else if (bias || act != Activation::none)
    emitFinish(b, loc, acc, bias, out, 0, act);
}

Value zeroOf(OpBuilder &b, Location loc, Type elem) {
  if (isa<IntegerType>(elem))
    return arith::ConstantIntOp::create(b, loc, elem, 0);
  return arith::ConstantOp::create(b, loc, b.getFloatAttr(elem, 0.0));
}

Value lowestOf(OpBuilder &b, Location loc, Type elem) {
  if (auto it = dyn_cast<IntegerType>(elem))
    return arith::ConstantIntOp::create(b, loc, elem,
                                        -(int64_t(1) << (it.getWidth() - 1)));
  return arith::ConstantOp::create(
      b, loc,
      b.getFloatAttr(elem,
                     APFloat::getInf(cast<FloatType>(elem).getFloatSemantics(),
                                     /*Negative=*/true)));
}

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

void emitBandOp(Emitter &em, WindowReduction reduction, bool channelwise,
                Value in, Value w, OpFoldResult m0, int64_t mN, OpFoldResult c0,
                int64_t cN, Value acc, const BandPair &bp, Type elem,
                Attribute strides, Attribute dilations, bool partial) {
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
      Value wv = memref::SubViewOp::create(b, loc, cast<MemRefType>(reduced), w,
                                           off, sz, st);
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
    if (!partial)
      linalg::FillOp::create(b, loc, lowestOf(b, loc, elem), acc);
    linalg::PoolingNchwMaxOp::create(b, loc, TypeRange{},
                                     ValueRange{in, window}, ValueRange{acc},
                                     strides, dilations);
    return;
  }
  linalg::PoolingNchwSumOp::create(b, loc, TypeRange{}, ValueRange{in, window},
                                   ValueRange{acc}, strides, dilations);
  if (!partial)
    emitDivide(em, acc, bp.kr * bp.kc);
}

void emitDivide(Emitter &em, Value acc, int64_t count) {
  // Average over the valid elements of a window.
  OpBuilder &b = em.b;
  Type accElem = cast<MemRefType>(acc.getType()).getElementType();
  AffineMap id = AffineMap::getMultiDimIdentityMap(4, b.getContext());
  SmallVector<utils::IteratorType> iters(4, utils::IteratorType::parallel);
  linalg::GenericOp::create(
      b, em.loc, TypeRange{}, ValueRange{}, ValueRange{acc},
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
// Streaming helpers
//===----------------------------------------------------------------------===//

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

bool isBroadcast(Value v, int64_t rows, int64_t cols) {
  auto type = cast<MemRefType>(v.getType());
  return type.getDimSize(2) == 1 && type.getDimSize(3) == 1 &&
         (rows > 1 || cols > 1);
}

namespace {

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

} // namespace

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
                            par,
                            [](OpBuilder &nb, Location l, ValueRange args) {
                              linalg::YieldOp::create(nb, l, args[0]);
                            });
}

void emitBilinearRow(Emitter &em, Value lower, Value upper, Value dst,
                     Value oh, ArrayRef<int64_t> scale,
                     ArrayRef<int64_t> inputSize) {
  Type elem = cast<MemRefType>(dst.getType()).getElementType();
  AffineMap id = AffineMap::getMultiDimIdentityMap(4, em.b.getContext());
  SmallVector<utils::IteratorType> par(4, utils::IteratorType::parallel);
  linalg::GenericOp::create(
      em.b, em.loc, TypeRange{}, ValueRange{}, ValueRange{dst},
      ArrayRef<AffineMap>{id}, par,
      [&](OpBuilder &nb, Location l, ValueRange) {
        Value c = linalg::IndexOp::create(nb, l, 1);
        Value w = linalg::IndexOp::create(nb, l, 3);
        Value zero = arith::ConstantIndexOp::create(nb, l, 0);
        Value y = createBilinear(
            nb, l, elem, oh, w, scale, inputSize,
            [&](int k, Value, Value col) -> Value {
              return memref::LoadOp::create(nb, l, k ? upper : lower,
                                            ValueRange{zero, c, zero, col});
            });
        linalg::YieldOp::create(nb, l, y);
      });
}

//===----------------------------------------------------------------------===//
// Classes of layers
//===----------------------------------------------------------------------===//

bool needsAccumulator(Operation *op) {
  auto window = dyn_cast<CnnWindowLayerOpInterface>(op);
  return window && window.getWindowReduction() != WindowReduction::Max;
}

bool isViewLayer(Operation *op) {
  FailureOr<LayerInfo> info = describeLayer(op);
  return succeeded(info) && info->cls == LayerClass::View;
}

bool isUpsample(const LayerInfo &info) {
  return info.cls == LayerClass::Stream && !info.inputRows.empty() &&
         info.inputRows.front().kind == RowDependence::Kind::Upsample;
}

} // namespace mlir::cnn::lower_to_dma
