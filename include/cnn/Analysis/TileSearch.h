//===- TileSearch.h - Per-layer tiling under an SRAM budget ----*- C++ -*-===//
//
// Section 1 of docs/CostModel.md: the DRAM traffic of one layer run alone
// with a given tiling and loop order, and the exact search for the tiling
// that minimises it. Pure: plain structs in, numbers out.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_ANALYSIS_TILESEARCH_H
#define CNN_ANALYSIS_TILESEARCH_H

#include "cnn/Analysis/LayerInfo.h"
#include "cnn/Analysis/Target.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <vector>

namespace mlir::cnn {

/// The order of the tile loops over output channels (m), output rows (e) and
/// output columns (f), outermost first. The input-channel loop (c), when the
/// layer has one, is always innermost.
enum class LoopOrder : uint8_t { MEF, MFE, EMF, EFM, FME, FEM };

/// All loop orders, in the order the search prefers them on ties.
constexpr std::array<LoopOrder, 6> kAllLoopOrders = {
    LoopOrder::MEF, LoopOrder::MFE, LoopOrder::EMF,
    LoopOrder::EFM, LoopOrder::FME, LoopOrder::FEM};

/// "mef", "efm", ...
const char *getLoopOrderName(LoopOrder order);
/// Parses a loop order name; std::nullopt if it is not one.
std::optional<LoopOrder> parseLoopOrder(const char *name);

/// A tiling: tile sizes of output channels, output rows, output columns and
/// input channels, and the loop order. For depthwise convolutions and pools
/// the channel tile is `tm` and `tc` equals it (there is no c loop).
struct Tiling {
  int64_t tm = 1, te = 1, tf = 1, tc = 1;
  LoopOrder order = LoopOrder::MEF;
};

/// DRAM traffic in bytes, split by tensor.
struct Traffic {
  int64_t input = 0, weights = 0, output = 0;
  int64_t total() const { return input + weights + output; }
  Traffic &operator+=(const Traffic &o) {
    input += o.input;
    weights += o.weights;
    output += o.output;
    return *this;
  }
  friend Traffic operator+(Traffic a, const Traffic &b) { return a += b; }
  bool operator==(const Traffic &o) const {
    return input == o.input && weights == o.weights && output == o.output;
  }
};

/// A cycle count as a whole number: rounded up, and kept within int64_t
/// (at most 2^62) however slow a target is described.
inline int64_t toWholeCycles(double cycles) {
  constexpr double kMax = 4611686018427387904.0; // 2^62
  double up = std::ceil(cycles - 1e-9);
  if (!(up > 0))
    return 0;
  return up >= kMax ? static_cast<int64_t>(kMax) : static_cast<int64_t>(up);
}

/// Estimated cycles of a layer or group on a target (docs/CostModel.md,
/// section 6): the MAC array's cycles, the DMA's cycles, and the estimate:
/// per step of the schedule the larger of the two when DMA overlaps
/// compute, their sum when it does not.
struct Cycles {
  double compute = 0, dma = 0, estimated = 0;
  /// "compute" or "dma": the larger of the two ("-" when both are 0).
  const char *bound() const {
    if (compute <= 0 && dma <= 0)
      return "-";
    return compute >= dma ? "compute" : "dma";
  }
  /// Each count rounded up to a whole cycle: what a layer or group run
  /// alone takes (units run one after another, so totals add these).
  Cycles whole() const {
    auto up = [](double v) { return static_cast<double>(toWholeCycles(v)); };
    return {up(compute), up(dma), up(estimated)};
  }
  Cycles &operator+=(const Cycles &o) {
    compute += o.compute;
    dma += o.dma;
    estimated += o.estimated;
    return *this;
  }
};

/// Cycles of work done in one step: the longer of compute and transfers
/// under overlap, else their sum.
inline Cycles getStepCycles(const TargetDesc &target, double macs,
                            double bytes) {
  Cycles c;
  c.compute = target.computeCycles(macs);
  c.dma = target.dmaCycles(bytes);
  c.estimated = target.dmaOverlap ? std::max(c.compute, c.dma)
                                  : c.compute + c.dma;
  return c;
}

/// How the cost model sees a layer when it runs alone.
enum class TilingClass {
  /// Convolution with an input-channel loop (also grouped, per group, and
  /// fully connected as a 1x1 convolution on a 1x1 input).
  Conv,
  /// Depthwise convolution or windowed pool: channel tiles, no c loop.
  Channelwise,
  /// Layers whose traffic does not depend on tiling: add, concat, global
  /// pool, softmax, pad, resize, stand-alone activation.
  Untiled,
};

/// The dimensions of a tiled layer, read off its LayerInfo.
struct TileProblem {
  TilingClass cls = TilingClass::Untiled;
  /// Independent groups run one after another with the same tiling (grouped
  /// convolutions that are not depthwise); 1 otherwise.
  int64_t groups = 1;
  /// Per group: input channels, rows, columns; output channels, rows, cols.
  int64_t c = 0, h = 0, w = 0, m = 0, e = 0, f = 0;
  int64_t kernelH = 1, kernelW = 1, strideH = 1, strideW = 1;
  int64_t padTop = 0, padLeft = 0;
  int64_t dilationH = 1, dilationW = 1;
  /// Bytes per feature-map element, and of the weights.
  int64_t elemBytes = 1;
  /// All weight bytes of one group (compressed size when known) and the
  /// bias bytes of one output channel.
  int64_t groupWeightBytes = 0;
  int64_t biasBytesPerChannel = 0;
  /// Compressed weights: the stored bytes before each output channel of
  /// every group (groups * m + 1 prefix sums); null when raw. A tile of
  /// compressed weights is whole output channels (tc = c), and holds their
  /// exact stored bytes.
  std::shared_ptr<const std::vector<int64_t>> weightOffsets;
  /// Percent of their raw size that feature maps take in DRAM (100: not
  /// compressed); scales the input and output traffic, not the buffers.
  int64_t fmPercent = 100;
  /// MACs per output element and input channel of a tile (R * S' for
  /// convolutions and fully connected layers, 0 for pools).
  int64_t macsPerTap = 0;
  /// The target (setTarget): DMA bursts, double buffering and speeds.
  TargetDesc target;

  int64_t effectiveKernelH() const { return (kernelH - 1) * dilationH + 1; }
  int64_t effectiveKernelW() const { return (kernelW - 1) * dilationW + 1; }
};

/// The loop nest a tiling runs (section 1 of docs/CostModel.md): the tile
/// loops outermost first (the order's m, e and f, then c for layers with an
/// input-channel loop), their trip counts, and the loop in whose body each
/// tensor is loaded. The cost model sums its steps; --lower-to-dma emits it.
struct TileLoopNest {
  enum Dim { M, E, F, C };
  /// The loops, outermost first.
  std::array<Dim, 4> dims{};
  int size = 0;
  /// Trip count per dimension (C: 1 without an input-channel loop).
  std::array<int64_t, 4> trips{1, 1, 1, 1};
  /// The loop (an index into dims) in whose body the input, and the
  /// weights, are loaded: the innermost loop with more than one trip that
  /// the tensor depends on; -1 before all loops.
  int inputLoop = -1, weightLoop = -1;

  int64_t trip(int loop) const { return trips[dims[loop]]; }
  /// The innermost loop with more than one trip among `deps` (-1: none).
  int innermost(std::initializer_list<Dim> deps) const;
  /// The reload factor of a tensor that depends on the loops in `deps`:
  /// the product of the trips of the loops outside innermost(deps) that the
  /// tensor does not depend on.
  int64_t reloadFactor(std::initializer_list<Dim> deps) const;
};

/// Reads the tiling problem of a layer; weights count at their stored
/// (compressed, when known) size.
TileProblem getTileProblem(const LayerInfo &layer);

/// The loop nest of tiling `t` of `p`.
TileLoopNest getTileLoopNest(const TileProblem &p, const Tiling &t);

/// Plans `p` for `target`: its feature-map compression, DMA bursts, double
/// buffering and speeds.
void setTarget(TileProblem &p, const TargetDesc &target);

/// Candidate tile sizes of a dimension of size n: the distinct values of
/// ceil(n / k) for k = 1..n, in increasing order.
std::vector<int64_t> getTileCandidates(int64_t n);

/// Number of tiles (nm * ne * nf * nc) of a tiling, all groups together.
int64_t getTileCount(const TileProblem &p, const Tiling &t);

/// The stored bytes of the largest tile of `tm` output channels of
/// compressed weights (`p.weightOffsets` set), over every group.
int64_t getLargestCodedTileBytes(const TileProblem &p, int64_t tm);

/// SRAM bytes of the input, weight and output tile buffers.
int64_t getTileBufferBytes(const TileProblem &p, const Tiling &t);

/// SRAM the tiling holds on the target: the tile buffers, twice when DMA
/// overlaps compute (double buffering).
int64_t getTileFitBytes(const TileProblem &p, const Tiling &t);

/// DRAM traffic of one run of the layer with this tiling (every transfer
/// rounded up to the target's DMA burst).
Traffic getTilingTraffic(const TileProblem &p, const Tiling &t);

/// The same traffic summed transfer by transfer over the steps of the loop
/// nest (one step per tile); equal to getTilingTraffic. For tests.
Traffic getTilingTrafficBySteps(const TileProblem &p, const Tiling &t);

/// Cycles of one run of the layer with this tiling on p.target. Without
/// DMA overlap: its MACs, then its transfers. With overlap, the steps
/// --lower-to-dma emits: the innermost loop with more than one trip is
/// pipelined, each pass over it loading its first tile (and what outer
/// loops load there), computing tile i while tile i + 1 loads and tile
/// i - 1 stores (each step the larger of its compute and its transfers),
/// and storing its last tile.
Cycles getTilingCycles(const TileProblem &p, const Tiling &t);

/// getTilingCycles of a tiling whose traffic (getTilingTraffic) is known.
Cycles getTilingCycles(const TileProblem &p, const Tiling &t,
                       const Traffic &traffic);

/// Traffic of a layer whose traffic does not depend on tiling: each input
/// read once, the output written once (concat: nothing, see the model).
Traffic getUntiledTraffic(const LayerInfo &layer, int64_t fmPercent = 100);

/// The same on a target: with DMA bursts, transfers as the lowering makes
/// them (rows of one channel, in blocks that fit the SRAM; a pixel's
/// channels for softmax) each rounded up to the burst.
Traffic getUntiledTraffic(const LayerInfo &layer, const TargetDesc &target);

/// How a streamed layer (LayerClass::Stream) runs alone on a target: the
/// schedule that its traffic counts and that the lowering emits.
struct StreamPlan {
  /// Rows of one channel per block (pattern RowBlocks and ChannelReduce:
  /// as many as fit the SRAM, halved under double buffering; may be < 1
  /// when one row does not fit); 1 for the other patterns.
  int64_t rows = 1;
  /// The SRAM one row of each block needs (patterns RowBlocks and
  /// ChannelReduce; 0 for the others, whose transfers are fixed).
  int64_t minSramBytes = 0;
};

/// The stream plan of a streamed layer on `target`.
StreamPlan planStream(const LayerInfo &layer, const TargetDesc &target);

/// Cycles of a layer whose traffic does not depend on tiling: one step
/// moving its traffic (these layers have no MACs).
Cycles getUntiledCycles(const LayerInfo &layer, const Traffic &traffic,
                        const TargetDesc &target);

/// Bytes of feature maps in DRAM when they take `percent` of their raw
/// size, rounded up.
inline int64_t scaleFeatureMapBytes(int64_t bytes, int64_t percent) {
  return percent == 100 ? bytes : (bytes * percent + 99) / 100;
}

/// The outcome of a search.
struct TileChoice {
  Tiling tiling;
  /// The layer's compressed weights are read raw: whole-output-channel
  /// tiles of its coded weights move more, or do not fit (planLayerAlone).
  bool rawWeights = false;
  Traffic traffic;
  Cycles cycles;
  /// SRAM held: getTileFitBytes.
  int64_t bufferBytes = 0;
  int64_t tiles = 0;
};

/// True when `a` is preferred to `b`: less traffic, then fewer estimated
/// cycles (only double buffering makes them differ at equal traffic), then
/// fewer tiles, then
/// larger te, tf, tc and tm, then the earlier loop order in kAllLoopOrders.
/// (This reproduces the cost model's worked VGG16 conv4_2 example, where
/// te = 28, tf = 14 in order e,f,m ties with te = 14, tf = 28.)
bool isBetterChoice(const TileChoice &a, const TileChoice &b);

/// The smallest SRAM in which the layer has a fitting tiling (all tiles 1;
/// twice the buffers under double buffering).
int64_t getMinimumSramBytes(const TileProblem &p);

/// The exact minimum-traffic tiling that fits in `sramBytes`, with the
/// tie-break of isBetterChoice; std::nullopt when none fits. Uses the
/// model's monotonicity in tm (buffer grows, traffic never does).
std::optional<TileChoice> searchTiling(const TileProblem &p, int64_t sramBytes);

/// A layer planned to run alone on a target.
struct LayerPlan {
  /// False when no tiling fits; `need` is then the SRAM the smallest tile
  /// takes.
  bool fits = true;
  int64_t need = 0;
  /// The chosen tiling of tiled layers.
  std::optional<TileChoice> choice;
  Traffic traffic;
  Cycles cycles;
};

/// The searches already made (searchTiling is a function of the problem
/// and the SRAM): networks repeat layer shapes (DenseNet-121's 58 3x3
/// convolutions of one block are 4 problems), so planning a network, or a
/// point of a sweep, searches each once. Not shared between threads.
class TileSearchMemo {
public:
  std::optional<TileChoice> search(const TileProblem &p, int64_t sramBytes);

private:
  std::map<std::vector<int64_t>, std::optional<TileChoice>> results;
};

/// Plans `layer` alone on `target`: the best tiling of a tiled layer, the
/// fixed transfers of the others. Weights count at their stored size.
/// With `memo`, a problem searched before is not searched again.
LayerPlan planLayerAlone(const LayerInfo &layer, const TargetDesc &target,
                         TileSearchMemo *memo = nullptr);

/// The same answer by enumerating every candidate tiling and order. For
/// tests: slow on real layers.
std::optional<TileChoice> searchTilingBruteForce(const TileProblem &p,
                                                 int64_t sramBytes);

} // namespace mlir::cnn

#endif // CNN_ANALYSIS_TILESEARCH_H
