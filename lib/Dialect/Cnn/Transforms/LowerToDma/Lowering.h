//===- Lowering.h - Shared parts of the --lower-to-dma pass -----*- C++ -*-===//
//
// What the lowerings of --lower-to-dma share: the static shapes of tiles
// (segments and bands), the emitter of views and transfers into the SRAM
// arena, the arithmetic of docs/Semantics.md, the linalg op of one band of
// a window layer, and the classes of layers. Lowering.cpp defines these,
// TiledLayers.cpp lowers the layers with a tiling, StreamedLayers.cpp the
// layers streamed alone, FusionGroupRows.cpp and FusionGroupResident.cpp
// the fusion groups of each mode (ResidentPlacement.cpp places the buffers
// of mode resident), and LowerToDma.cpp is the pass.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_LIB_DIALECT_CNN_TRANSFORMS_LOWERTODMA_LOWERING_H
#define CNN_LIB_DIALECT_CNN_TRANSFORMS_LOWERTODMA_LOWERING_H

#include "cnn/Analysis/FusionModel.h"
#include "cnn/Analysis/GroupModes.h"
#include "cnn/Analysis/LayerAnalysis.h"
#include "cnn/Analysis/RowProgram.h"
#include "cnn/Analysis/StripPlan.h"
#include "cnn/Analysis/TileSearch.h"
#include "cnn/Dialect/Cnn/IR/CnnOps.h"
#include "cnn/Dialect/Cnn/Transforms/Schedule.h"
#include "cnn/Dialect/Dma/IR/DmaOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/DenseMap.h"

#include <algorithm>
#include <vector>

namespace mlir::cnn::lower_to_dma {

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
TileShape windowSpanShape(const WindowDim &d, int64_t o0, int64_t size);

/// The shape of tile `index` of a dimension tiled by `d.tile`.
TileShape windowTileShape(const WindowDim &d, int64_t index);

/// The runs of tiles of one shape among `count` tiles.
std::vector<Segment> segmentsOf(int64_t count,
                                llvm::function_ref<TileShape(int64_t)> shape);

/// The segments of `total` elements in tiles of `tile` (a shorter last).
std::vector<Segment> plainSegments(int64_t total, int64_t tile);

//===----------------------------------------------------------------------===//
// Emission helpers
//===----------------------------------------------------------------------===//

/// Builds the ops of one layer or fusion group: index constants, views of
/// the SRAM arena, subviews and DMA transfers.
struct Emitter {
  OpBuilder &b;
  Location loc;
  Value arena;
  int64_t sram;
  /// The target's DMA overlaps compute: every buffer DMA streams has a
  /// second copy reserved in the arena (double buffering), so streamed
  /// buffers get half the SRAM.
  bool doubleBuffer = false;

  /// The target the module is planned for.
  const TargetDesc *target = nullptr;

  /// Of each coded weight (the cnn.weight's value): the DRAM table of the
  /// byte offset of each of its output channels and of its end (i64).
  const llvm::DenseMap<Value, Value> *codedChannels = nullptr;

  /// Reserves the second copy of a streamed buffer: a view at `offset`
  /// marked `dma.second_buffer`, where a backend that issues transfers
  /// asynchronously loads the next tile while this one is computed.
  Value secondBuffer(ArrayRef<int64_t> shape, Type elem, int64_t offset) {
    Value v = buffer(shape, elem, offset);
    v.getDefiningOp()->setAttr("dma.second_buffer", b.getUnitAttr());
    return v;
  }

  Value idx(int64_t v) { return arith::ConstantIndexOp::create(b, loc, v); }
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

  /// Index arithmetic that folds constants: v + c, v * c, v mod c and
  /// floor(v / c) for c > 0 (v not negative for the last two, except that
  /// floorDiv also takes negative constants).
  Value add(Value v, int64_t c) {
    if (std::optional<int64_t> k = getConstantIntValue(v))
      return idx(*k + c);
    return c ? Value(arith::AddIOp::create(b, loc, v, idx(c))) : v;
  }
  Value mul(Value v, int64_t c) {
    if (std::optional<int64_t> k = getConstantIntValue(v))
      return idx(*k * c);
    return c == 1 ? v : Value(arith::MulIOp::create(b, loc, v, idx(c)));
  }
  Value rem(Value v, int64_t c) {
    if (std::optional<int64_t> k = getConstantIntValue(v))
      return idx(*k % c);
    if (c == 1)
      return idx(0);
    // One remainder per value: built right after `v` is defined, so that it
    // dominates every use of `v`.
    Value &r = remainders[{v, c}];
    if (!r) {
      OpBuilder::InsertionGuard guard(b);
      if (Operation *def = v.getDefiningOp())
        b.setInsertionPointAfter(def);
      else
        b.setInsertionPointToStart(cast<BlockArgument>(v).getOwner());
      r = arith::RemUIOp::create(b, loc, v, idx(c));
    }
    return r;
  }
  llvm::DenseMap<std::pair<Value, int64_t>, Value> remainders{};
  Value floorDiv(Value v, int64_t c) {
    if (std::optional<int64_t> k = getConstantIntValue(v))
      return idx(*k >= 0 ? *k / c : -((-*k + c - 1) / c));
    return c == 1 ? v : Value(arith::FloorDivSIOp::create(b, loc, v, idx(c)));
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

  /// Channels c0, c0 + step, ... (count of them) of a 4-D view whose
  /// channel 0 is c0.
  Value everyNthChannel(Value view, int64_t count, int64_t step) {
    auto type = cast<MemRefType>(view.getType());
    SmallVector<OpFoldResult> offsets(4, fold(0)), sizes, strides(4, fold(1));
    for (int64_t d : type.getShape())
      sizes.push_back(fold(d));
    sizes[1] = fold(count);
    strides[1] = fold(step);
    return memref::SubViewOp::create(b, loc, view, offsets, sizes, strides);
  }

  /// Columns c0, c0 + step, ... (count of them) of a 4-D view whose column
  /// 0 is c0.
  Value everyNthColumn(Value view, int64_t count, int64_t step) {
    auto type = cast<MemRefType>(view.getType());
    SmallVector<OpFoldResult> offsets(4, fold(0)), sizes, strides(4, fold(1));
    for (int64_t d : type.getShape())
      sizes.push_back(fold(d));
    sizes[3] = fold(count);
    strides[3] = fold(step);
    return memref::SubViewOp::create(b, loc, view, offsets, sizes, strides);
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

/// The requantization shift of a layer's outputs (docs/Semantics.md), as
/// the reference computes it.
int64_t requantShift(const LayerInfo &info);

/// y = act(saturate((acc + bias) >> shift)) for integers; act(acc + bias)
/// for floats. `acc` and `out` have one shape; `bias` (optional) is indexed
/// by dimension 1.
void emitFinish(OpBuilder &b, Location loc, Value acc, Value bias, Value out,
                int64_t shift, Activation act);

/// The end of a window layer's tile or rows: from separate accumulators
/// (`separate`), the bias, the requantization by `shift` and the activation
/// into `out`; accumulated in `out` itself, only the bias and the activation,
/// when there are any.
void emitLayerEnd(OpBuilder &b, Location loc, Value acc, Value bias, Value out,
                  bool separate, int64_t shift, Activation act);

/// The constant zero of `elem`.
Value zeroOf(OpBuilder &b, Location loc, Type elem);

/// The lowest value of `elem`: the most negative integer, or -inf.
Value lowestOf(OpBuilder &b, Location loc, Type elem);

/// One band of output rows times one band of output columns of a window
/// layer, with the kernel taps valid there and the input extent they read.
struct BandPair {
  const Band &rows, &cols;
  int64_t kr, kc, outR, outC, inR, inC;
};

/// Calls `fn` for every pair of row and column bands with valid taps.
void forEachBandPair(const TileShape &rs, const TileShape &cs,
                     const WindowDim &rd, const WindowDim &cd,
                     function_ref<void(const BandPair &)> fn);

/// The linalg op of one band pair: a convolution of `in` with the weights
/// `w` at output channels [m0, m0 + mN) and input channels [c0, c0 + cN)
/// (depthwise: channels [m0, m0 + mN)), or a pool, accumulated into `acc`.
/// An average pool divides by the count of valid taps of the band. When
/// `partial`, the band is one of several the caller sums into `acc` (one
/// kernel row each): a max pool does not fill `acc` and an average does not
/// divide; the caller does, once.
void emitBandOp(Emitter &em, WindowReduction reduction, bool channelwise,
                Value in, Value w, OpFoldResult m0, int64_t mN, OpFoldResult c0,
                int64_t cN, Value acc, const BandPair &bp, Type elem,
                Attribute strides, Attribute dilations, bool partial = false);

/// Divides every element of `acc` by `count` (an average pool's end).
void emitDivide(Emitter &em, Value acc, int64_t count);

//===----------------------------------------------------------------------===//
// Streaming helpers
//===----------------------------------------------------------------------===//

/// Calls `body(firstRow, rows)` for the blocks of `rows` rows that cover
/// `h` rows: full blocks in one scf.for, a shorter last block after it.
void forEachRowBlock(Emitter &em, int64_t h, int64_t rows,
                     function_ref<void(Value, int64_t)> body);

/// True when `v` (a 4-D memref) is one element per channel broadcast over
/// rows and columns of a larger map.
bool isBroadcast(Value v, int64_t rows, int64_t cols);

/// Computes `dst` element by element from `ins` with the layer's
/// buildElement (broadcast operands read through elementMap).
void emitElementwise(OpBuilder &b, Location loc,
                     CnnElementwiseLayerOpInterface layer, ValueRange ins,
                     Value dst);

/// Adds every element of `src` (1xCxHxW) into `acc`: per channel when
/// `acc` is 1xCx1x1 (integers widened to its element type), all into its
/// one element when it has one. Channel by channel, rows then columns in
/// order, as the reference sums them.
void emitSumInto(Emitter &em, Value src, Value acc);

/// res = sums / count element by element (integers divided rounding toward
/// zero and truncated to res's type); `sums` has res's shape or one
/// element.
void emitMean(Emitter &em, Value sums, Value res, int64_t count);

/// Channels [offset, offset + channels) of a pixel, in `view` (1xNx1x1
/// from channel 0 of the span on).
struct ChannelSpan {
  Value view;
  int64_t offset, channels;
};

/// Softmax of one pixel whose channels are the spans `in` in order, into
/// `out` (1xCx1x1); `scalar` holds the running maximum and sum.
void emitSoftmaxPixel(Emitter &em, ArrayRef<ChannelSpan> in, Value out,
                      Value scalar);

/// Writes each row of `dst` with the one row of `src`, every column
/// repeated `sw` times (nearest up-sampling of columns).
void emitWidenRow(Emitter &em, Value src, Value dst, int64_t sw);

/// Bilinear up-sampling of one output row `oh` (an index) into `dst`
/// (1xCx1x(W*scale[1])) from the two input rows it reads, `lower` and
/// `upper` (1xCx1xW: rows clamp(i0) and clamp(i0 + 1) of an input of
/// `inputSize` rows and columns), as createBilinear computes it.
void emitBilinearRow(Emitter &em, Value lower, Value upper, Value dst,
                     Value oh, ArrayRef<int64_t> scale,
                     ArrayRef<int64_t> inputSize);

//===----------------------------------------------------------------------===//
// Classes of layers
//===----------------------------------------------------------------------===//

/// True for window layers that accumulate integers in i32 registers
/// (multiply-accumulate and average reductions).
bool needsAccumulator(Operation *op);

/// True for the layers whose output is a view of their inputs (concat).
bool isViewLayer(Operation *op);

/// True for the streamed layers that up-sample rows (resize).
bool isUpsample(const LayerInfo &info);

//===----------------------------------------------------------------------===//
// Layers run alone
//===----------------------------------------------------------------------===//

/// Lowers a window layer (convolution, fully connected, pool) with its
/// tiling: a fully connected layer is a 1x1 convolution on a 1x1 input of
/// C*H*W channels.
void lowerWindowLayer(Emitter &em, Operation *op, const LayerInfo &info,
                      const llvm::DenseMap<Value, Value> &buffers);

/// Lowers one layer into the current region, as its class says.
LogicalResult lowerLayer(Emitter &em, Operation *op, const LayerInfo &info,
                         const llvm::DenseMap<Value, Value> &buffers);

//===----------------------------------------------------------------------===//
// Fusion groups
//===----------------------------------------------------------------------===//

/// A buffer of a fusion group in mode resident: a whole feature map, or
/// one output channel's weights (or bias) of a convolution, live from
/// layer position `first` to `last`.
struct ResidentBuffer {
  SmallVector<int64_t> shape;
  Type elem;
  int first, last;
  int64_t bytes, offset = -1;
  int tensor = -1, layer = -1;
  bool bias = false;
  bool second = false;
};

/// Assigns the offsets of `bufs` in the arena so that no two buffers live
/// at once overlap; returns the peak bytes of the placement found, which
/// exceeds `sram` when no placement tried fits.
int64_t placeResidentBuffers(std::vector<ResidentBuffer> &bufs, int64_t sram);

/// Lowers a fusion group. Mode rows: the group's RowProgram, a prologue,
/// one scf.for over the steady-state steps and an epilogue; each step loads
/// the new rows of the group's inputs, computes the new rows of every layer
/// into its circular line buffer (row r at r mod its rows) and stores the
/// new rows of the tensors that leave the group. All weights are loaded
/// once, first. Mode resident: see emitResident.
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

  /// Rows [row, row + n) of tensor t's buffer, channels [c0, c0 + nc) and
  /// columns [col0, col0 + ncols) (all columns when ncols < 0). In mode
  /// rows the buffer is circular (row r at r mod its rows) and a view is
  /// one row, or constant rows that do not wrap.
  Value rows(int t, Value row, int64_t n, int64_t c0, int64_t nc,
             int64_t col0 = 0, int64_t ncols = -1);

  /// Builds `graph`: the group's layers over tensors of their own, the
  /// group's inputs first seen as the graph's inputs; marks the tensors
  /// stored to DRAM.
  LogicalResult buildGraph();

  // Mode rows (FusionGroupRows.cpp).

  /// The buffers, the weights once, then the row program (per width strip
  /// when the group has a strip_width).
  LogicalResult emitRows();
  /// The row program once, over the current strip's columns.
  LogicalResult emitRowProgram();
  /// Makes strip entry `si` the current strip: the columns of every
  /// tensor it holds, stores and keeps; `index` (null: none) is its index
  /// in a run of strips.
  void setStrip(size_t si, Value index);
  /// The first column of tensor t's line buffer in the current strip (0
  /// at the whole width).
  int64_t colBase(int t) const {
    return strips ? heldLo[t] : 0;
  }
  /// Places the weights, biases and line buffers in the arena.
  LogicalResult allocateRowBuffers();
  /// The i32 registers of integer layers, for one row.
  void allocateRowAccumulators();
  void loadWeights();
  /// The actions of one step (its computations only when `computeOnly`);
  /// inside the loop `k` is its iteration.
  LogicalResult emitStep(const RowStep &step, Value k,
                         bool computeOnly = false);
  /// Under double buffering: the steps pipelined, each issuing the next
  /// step's loads and the previous step's stores asynchronously before its
  /// computation and waiting for them after it.
  LogicalResult emitPipelinedRows();
  /// The first row of action `a` at iteration `k` (null: outside loops).
  Value firstRow(const RowAction &a, Value k);
  /// The transfer of one row of a load or store action; its token when
  /// `async`. With the halo kept, a load takes the kept columns from the
  /// column cache and leaves the next strip's in it.
  Value transferRow(const RowAction &a, Value row, bool async);
  /// Row `row`, columns [0, width), of group input t's column cache.
  Value cacheRow(int t, Value row, int64_t width);
  /// Copies the columns the next strip keeps of row `row` of group input
  /// t from its line buffer into its column cache.
  void keepForNext(int t, Value row);

  // Computing rows, in both modes (GroupCompute.cpp). `row` is the first
  // of `n` rows of the layer's output; `at` is a row of the same shape
  // (RowAction::shape) with a constant value, which decides everything
  // static: in mode rows the loop's first iteration, n = 1.

  /// Computes rows [row, row + n) of layer l's output into its buffer.
  LogicalResult computeLayer(int l, Value row, int64_t at, int64_t n);
  void computeElementwise(int l, CnnElementwiseLayerOpInterface elementwise,
                          Value row, int64_t n);
  void computeUpsample(int l, Value row, int64_t at, int64_t n);
  void computePad(int l, PadOp pad, Value row, int64_t at, int64_t n);
  void computeCopy(int l, CnnCopyLayerOpInterface op, Value row, int64_t at,
                   int64_t n);
  void copyChannels(const std::vector<Part> &parts, int64_t first,
                    int64_t step, int64_t count, Value row, int64_t nrows,
                    function_ref<Value(int64_t, int64_t)> dst);
  LogicalResult computeWindow(int l, Value row, int64_t at, int64_t n);

  // Mode resident (FusionGroupResident.cpp).

  /// Places the whole feature maps and the weights, then runs every layer
  /// once.
  LogicalResult emitResident();
  /// The buffers of the group, with their lifetimes in layer positions.
  std::vector<ResidentBuffer> collectResidentBuffers();
  /// The views of the placed buffers.
  void bindResidentBuffers(ArrayRef<ResidentBuffer> bufs);
  void allocateResidentAccumulators();
  /// Loads the group's inputs whole, computes every layer and stores the
  /// tensors that leave the group.
  LogicalResult computeResidentLayers();
  /// One band of the grouped (not depthwise) convolution `l` into its
  /// accumulator rows `accRows`, each group from the parts it reads, from
  /// input row `inRow` and input column `inCol` (of the tensor, not of a
  /// width strip's buffer) on.
  void emitGroupedBand(int l, Value accRows, ArrayRef<Part> parts, Value inRow,
                       int64_t inCol, const BandPair &bp, Attribute strides,
                       Attribute dilations, bool partial);
  /// A convolution or fully connected layer over whole maps, one output
  /// channel at a time.
  LogicalResult computeConvResident(int l);
  /// A global average pool over whole maps.
  void computeGlobalPoolResident(int l);
  /// A softmax over whole maps, pixel by pixel.
  void computeSoftmaxResident(int l);
  /// Loads output channel m's weights (and bias) of convolution l into
  /// copy m % 2 of its buffers (the first copy when not `async`); the
  /// tokens of the asynchronous loads.
  SmallVector<Value> loadChannelWeights(int l, Value m, bool async);
  /// Of a buffer's two copies, the one output channel m uses: `second` for
  /// odd m.
  Value channelCopy(Value first, Value second, Value m);
  /// Output channel m of the resident convolution `l` from the weights in
  /// `wChan` (and the bias in `bChan`); `parts`, `groupPart` and `group`
  /// as for emitConvChannels.
  void emitConvChannel(int l, Value m, Value wChan, Value bChan,
                       ArrayRef<Part> parts, std::optional<Part> groupPart,
                       int64_t group);
  /// Output channels [mBegin, mEnd) of the resident convolution `l`; a
  /// grouped one reads its groups' input channels from `groupPart`, or,
  /// when `group` is not negative, those of that one group from `parts`.
  void emitConvChannels(int l, int64_t mBegin, int64_t mEnd,
                        ArrayRef<Part> parts, std::optional<Part> groupPart,
                        int64_t group = -1);

  Emitter &em;
  OpBuilder &b;
  Location loc;
  FusionGroupOp group;
  const llvm::DenseMap<Value, Value> &dram;

  FusionGraph graph;
  SmallVector<Operation *> layerOps;
  SmallVector<Value> tensorValue;
  /// Mode rows: the program, and true while its buffers are circular.
  RowProgram program;
  bool circular = false;
  /// Mode rows in width strips: the plan; per tensor (graph index) the
  /// columns the current strip holds ([heldLo, + heldWidth) at buffer
  /// column 0) and stores, the most any strip holds, and how far its DRAM
  /// columns move per strip of a run (stripIndex: the index in the run,
  /// null outside runs).
  std::optional<StripPlan> strips;
  std::vector<int64_t> heldLo, heldWidth, storedLo, storedWidth, widest,
      shift;
  Value stripIndex;
  /// With the halo kept (keep_halo): per group input, its column cache,
  /// the columns the current strip takes from it ([keptLo, + keptWidth)),
  /// those it loads from DRAM ([loadLo, + loadWidth): Strip::loaded) and
  /// those it leaves in the cache for the next strip ([nextLo, +
  /// nextWidth)), in the columns of the run's first strip.
  bool keepHalo = false;
  llvm::DenseMap<int, Value> cacheBuf;
  std::vector<int64_t> keptLo, keptWidth, loadLo, loadWidth, nextLo,
      nextWidth;
  /// The DRAM column of tensor t's column `col` of the current strip.
  OpFoldResult dramColumn(int t, int64_t col) {
    if (!strips || !stripIndex || shift[t] == 0)
      return em.fold(col);
    return em.add(em.mul(stripIndex, shift[t]), col);
  }
  llvm::DenseMap<int, Value> lineBuf, acc;
  llvm::DenseMap<int, Value> wBuf, bBuf;
  /// Mode resident under double buffering: the second copies of the
  /// one-channel weight buffers, and the loads of the next channel's.
  llvm::DenseMap<int, Value> wBuf2, bBuf2;
  /// Mode resident, coded weights: one output channel decoded (outside
  /// the arena; wBuf and wBuf2 hold the coded bytes).
  llvm::DenseMap<int, Value> decodedBuf;
  /// Mode resident, fully connected layers: their raw weights in DRAM as
  /// M x K x 1 x 1 (by layer), and their inputs' maps flattened to
  /// 1 x (C*H*W) x 1 x 1 (by tensor).
  llvm::DenseMap<int, Value> denseWeight, flatInput;
  /// Mode resident, coded weights: the offset (index) and the bytes of
  /// output channel m of layer l's weights, read from its table.
  std::pair<Value, Value> codedChannel(int l, Value m);
  /// The weights output channel m of layer l computes with: `copy` itself,
  /// or, for coded weights, `copy`'s bytes decoded.
  Value channelWeights(int l, Value m, Value copy);
  SmallVector<Value> pendingWeights;
  std::vector<char> stored;
};

} // namespace mlir::cnn::lower_to_dma

#endif // CNN_LIB_DIALECT_CNN_TRANSFORMS_LOWERTODMA_LOWERING_H
