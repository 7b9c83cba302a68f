//===- TileCost.cpp - The cost of one tiling -------------------*- C++ -*-===//
//
// What one tiling of a layer costs: its tile buffers, its traffic (the
// closed form of docs/CostModel.md section 1, and the sum over its steps
// with bursts), and its cycles (under DMA overlap, the pipelined steps
// --lower-to-dma emits).
//
//===----------------------------------------------------------------------===//

#include "cnn/Analysis/TileSearch.h"

#include <algorithm>
#include <array>

using namespace mlir::cnn;

static int64_t ceilDiv(int64_t a, int64_t b) { return (a + b - 1) / b; }

namespace {
/// The input rows (or columns) that outputs start..last read, clipped to
/// the real input (padding is never read).
int64_t clippedExtent(int64_t start, int64_t last, int64_t stride, int64_t pad,
                      int64_t window, int64_t inSize) {
  int64_t lo = std::max<int64_t>(start * stride - pad, 0);
  int64_t hi = std::min<int64_t>(last * stride - pad + window - 1, inSize - 1);
  return std::max<int64_t>(hi - lo + 1, 0);
}

/// Sum over the tiles of one dimension of the input extent each tile reads.
int64_t sweepExtent(int64_t outSize, int64_t tile, int64_t stride,
                    int64_t pad, int64_t window, int64_t inSize) {
  // The tiles clipped by the top or the bottom edge one by one, those in
  // between (each reading (size - 1) * stride + window rows) at once: the
  // time does not grow with the number of tiles.
  int64_t n = ceilDiv(outSize, tile);
  auto first = [&](int64_t i) { return i * tile; };
  auto last = [&](int64_t i) { return std::min(first(i) + tile, outSize) - 1; };
  auto extent = [&](int64_t i) {
    return clippedExtent(first(i), last(i), stride, pad, window, inSize);
  };
  int64_t lo = 0, hi = n, sum = 0;
  while (lo < n && first(lo) * stride - pad < 0)
    sum += extent(lo++);
  while (hi > lo && last(hi - 1) * stride - pad + window - 1 > inSize - 1)
    sum += extent(--hi);
  if (hi > lo) {
    sum += (hi - lo) * ((tile - 1) * stride + window);
    if (hi == n) // the last tile may be shorter
      sum -= (first(n - 1) + tile - 1 - last(n - 1)) * stride;
  }
  return sum;
}

/// Input rows (or columns) buffered for a tile of `tile` outputs.
int64_t tileExtent(int64_t tile, int64_t stride, int64_t window,
                   int64_t inSize) {
  return std::min((tile - 1) * stride + window, inSize);
}
} // namespace

int64_t mlir::cnn::getTileCount(const TileProblem &p, const Tiling &t) {
  int64_t n = ceilDiv(p.m, t.tm) * ceilDiv(p.e, t.te) * ceilDiv(p.f, t.tf);
  if (p.cls == TilingClass::Conv)
    n *= ceilDiv(p.c, t.tc);
  return n * p.groups;
}

/// Stored bytes of output channels [m0, m0 + size) of group g's compressed
/// weights.
static int64_t compressedTileBytes(const TileProblem &p, int64_t g, int64_t m0,
                                   int64_t size) {
  const std::vector<int64_t> &off = *p.weightOffsets;
  return off[g * p.m + m0 + size] - off[g * p.m + m0];
}

int64_t mlir::cnn::getLargestCodedTileBytes(const TileProblem &p,
                                            int64_t tm) {
  int64_t largest = 0;
  for (int64_t g = 0; g < p.groups; ++g)
    for (int64_t m0 = 0; m0 < p.m; m0 += tm)
      largest = std::max(largest,
                         compressedTileBytes(p, g, m0, std::min(tm, p.m - m0)));
  return largest;
}

int64_t mlir::cnn::getTileBufferBytes(const TileProblem &p, const Tiling &t) {
  int64_t rows = tileExtent(t.te, p.strideH, p.effectiveKernelH(), p.h);
  int64_t cols = tileExtent(t.tf, p.strideW, p.effectiveKernelW(), p.w);
  int64_t outputTile = t.tm * t.te * t.tf;
  if (p.cls == TilingClass::Channelwise) {
    int64_t weightTile =
        p.weightOffsets ? getLargestCodedTileBytes(p, t.tm) +
                              t.tm * p.biasBytesPerChannel
        : p.groupWeightBytes > 0
            ? ceilDiv(p.groupWeightBytes * t.tm, p.m) + t.tm * p.biasBytesPerChannel
            : 0;
    return rows * cols * t.tm * p.elemBytes + weightTile +
           outputTile * p.elemBytes;
  }
  bool partialSums = ceilDiv(p.c, t.tc) > 1;
  // A weight tile is the fraction tm/m * tc/c of the group's weight bytes
  // (exactly tm*tc*R*S'*b when uncompressed); compressed, the largest tile
  // of tm whole output channels.
  int64_t weightTile =
      (p.weightOffsets
           ? getLargestCodedTileBytes(p, t.tm)
           : ceilDiv(p.groupWeightBytes * t.tm * t.tc, p.m * p.c)) +
      t.tm * p.biasBytesPerChannel;
  return rows * cols * t.tc * p.elemBytes + weightTile +
         outputTile * (partialSums ? 4 : p.elemBytes);
}

int64_t mlir::cnn::getTileFitBytes(const TileProblem &p, const Tiling &t) {
  return p.target.streamedBytes(getTileBufferBytes(p, t));
}

namespace {
/// The tiles of one loop dimension that behave alike in a step: first or
/// not, last or not, the tile's size and the input extent it reads.
struct DimClass {
  bool first = true, last = true;
  int64_t size = 1, inExtent = 0, count = 1;
  /// The first index of the tile, for classes of one tile (eachTile).
  int64_t start = 0;
};

/// The tiles of a dimension of `n` in tiles of `tile`, each a class of its
/// own: the output-channel tiles of compressed weights, whose weight bytes
/// differ.
std::vector<DimClass> eachTile(int64_t n, int64_t tile) {
  std::vector<DimClass> classes;
  for (int64_t start = 0; start < n; start += tile) {
    DimClass c;
    c.first = start == 0;
    c.last = start + tile >= n;
    c.size = std::min(tile, n - start);
    c.start = start;
    classes.push_back(c);
  }
  return classes;
}

/// Classes of the tiles of a dimension of `n` outputs in tiles of `tile`;
/// for windowed dimensions also the input rows (columns) each reads,
/// clipped to the real input.
/// With `ordered`, only consecutive tiles merge: the classes are the
/// dimension's runs of alike tiles, in order.
std::vector<DimClass> dimClasses(int64_t n, int64_t tile, int64_t stride = 1,
                                 int64_t pad = 0, int64_t window = 1,
                                 int64_t inSize = -1, bool ordered = false) {
  std::vector<DimClass> classes;
  int64_t trips = ceilDiv(n, tile);
  auto tileClass = [&](int64_t i) {
    int64_t start = i * tile;
    int64_t last = std::min(start + tile, n) - 1;
    DimClass c;
    c.first = i == 0;
    c.last = i == trips - 1;
    c.size = last - start + 1;
    if (inSize >= 0)
      c.inExtent = clippedExtent(start, last, stride, pad, window, inSize);
    return c;
  };
  auto add = [&](DimClass c, int64_t count) {
    auto same = [&](const DimClass &o) {
      return o.first == c.first && o.last == c.last && o.size == c.size &&
             o.inExtent == c.inExtent;
    };
    auto it = ordered ? (!classes.empty() && same(classes.back())
                             ? classes.end() - 1
                             : classes.end())
                      : std::find_if(classes.begin(), classes.end(), same);
    if (it != classes.end()) {
      it->count += count;
    } else {
      c.count = count;
      classes.push_back(c);
    }
  };
  // The first tile, the last and those clipped by an edge one by one; the
  // whole tiles in between, all alike, at once: the time does not grow
  // with the number of tiles.
  auto clippedTop = [&](int64_t i) {
    return inSize >= 0 && i * tile * stride - pad < 0;
  };
  auto clippedBottom = [&](int64_t i) {
    return inSize >= 0 &&
           (i * tile + tile - 1) * stride - pad + window - 1 > inSize - 1;
  };
  int64_t lo = 0, hi = trips;
  while (lo < trips && (lo == 0 || clippedTop(lo)))
    ++lo;
  while (hi > lo && (hi == trips || clippedBottom(hi - 1)))
    --hi;
  for (int64_t i = 0; i < lo; ++i)
    add(tileClass(i), 1);
  if (hi > lo)
    add(tileClass(lo), hi - lo);
  for (int64_t i = hi; i < trips; ++i)
    add(tileClass(i), 1);
  return classes;
}

/// What one step of a tiled layer computes and moves.
struct TileStep {
  int64_t count = 0;
  int64_t macs = 0;
  Traffic bytes;
};

/// The steps of a tiling's loop nest: the classes of tiles of each
/// dimension, and what a step moves given the class of its tile in each.
class TileSteps {
public:
  using D = TileLoopNest::Dim;

  /// The classes of each dimension; those of `orderedDim` (if any) in
  /// order, as runs of alike tiles.
  TileSteps(const TileProblem &p, const Tiling &t, int orderedDim = -1)
      : p(p), t(t), nest(getTileLoopNest(p, t)) {
    conv = p.cls == TilingClass::Conv;
    // Tiles of compressed weights differ in bytes: each output-channel tile
    // of each group is a step of its own.
    compressed = p.weightOffsets != nullptr;
    auto ordered = [&](D d) { return orderedDim == d; };
    classes[D::M] = compressed ? eachTile(p.m, t.tm)
                               : dimClasses(p.m, t.tm, 1, 0, 1, -1,
                                            ordered(D::M));
    classes[D::E] = dimClasses(p.e, t.te, p.strideH, p.padTop,
                               p.effectiveKernelH(), p.h, ordered(D::E));
    classes[D::F] = dimClasses(p.f, t.tf, p.strideW, p.padLeft,
                               p.effectiveKernelW(), p.w, ordered(D::F));
    classes[D::C] = conv ? dimClasses(p.c, t.tc, 1, 0, 1, -1, ordered(D::C))
                         : std::vector<DimClass>{{}};
  }

  /// Groups stepped one by one (compressed weights differ per group); the
  /// count of a step otherwise covers every group.
  int64_t groupSteps() const { return compressed ? p.groups : 1; }
  int64_t groupCount() const { return compressed ? 1 : p.groups; }

  /// The step of the tile in classes `at` of group `g`: a tensor is loaded
  /// when every loop inside the innermost loop it depends on starts a new
  /// pass (its first tile); the output is stored after its last
  /// input-channel tile. The count is that of the classes and groups.
  TileStep step(const std::array<const DimClass *, 4> &at, int64_t g) const {
    const DimClass &m = *at[D::M], &e = *at[D::E], &f = *at[D::F],
                   &c = *at[D::C];
    const TargetDesc &target = p.target;
    auto fm = [&](int64_t bytes) {
      return target.alignTransfer(scaleFeatureMapBytes(bytes, p.fmPercent));
    };
    auto loadedAt = [&](int loop) {
      for (int i = loop + 1; i < nest.size; ++i)
        if (nest.trip(i) > 1 && !at[nest.dims[i]]->first)
          return false;
      return true;
    };
    TileStep s;
    s.count = m.count * e.count * f.count * c.count * groupCount();
    int64_t channels = conv ? c.size : m.size;
    s.macs = m.size * e.size * f.size * p.macsPerTap * (conv ? c.size : 1);
    if (loadedAt(nest.inputLoop))
      s.bytes.input = fm(e.inExtent * f.inExtent * channels * p.elemBytes);
    if (p.groupWeightBytes > 0 && loadedAt(nest.weightLoop)) {
      int64_t w = compressed ? compressedTileBytes(p, g, m.start, m.size)
                  : conv     ? ceilDiv(p.groupWeightBytes * m.size * c.size,
                                       p.m * p.c)
                             : ceilDiv(p.groupWeightBytes * m.size, p.m);
      s.bytes.weights = target.alignTransfer(w);
      // The bias travels with the first input-channel tile.
      if (c.first)
        s.bytes.weights += target.alignTransfer(m.size * p.biasBytesPerChannel);
    }
    if (c.last)
      s.bytes.output = fm(m.size * e.size * f.size * p.elemBytes);
    return s;
  }

  /// Calls `fn` once per class of steps of the loop nest (all groups of a
  /// grouped convolution included).
  template <typename Fn> void forEach(Fn fn) const {
    for (int64_t g = 0; g < groupSteps(); ++g)
      for (const DimClass &m : classes[D::M])
        for (const DimClass &e : classes[D::E])
          for (const DimClass &f : classes[D::F])
            for (const DimClass &c : classes[D::C])
              fn(step({&m, &e, &f, &c}, g));
  }

  const TileProblem &p;
  const Tiling &t;
  TileLoopNest nest;
  bool conv = false, compressed = false;
  std::array<std::vector<DimClass>, 4> classes;
};

template <typename Fn>
void forEachTileStep(const TileProblem &p, const Tiling &t, Fn fn) {
  TileSteps(p, t).forEach(fn);
}

/// Calls `fn(count, macs, bytes)` for the pipelined steps of a tiling under
/// DMA overlap, as --lower-to-dma emits them: the innermost loop with more
/// than one trip is pipelined. Each pass over it (a run) first loads its
/// first tile (with what outer loops load there), then, while tile i
/// computes, loads tile i + 1 and stores tile i - 1, and last stores its
/// last tile (with the output an outer loop stores after it).
template <typename Fn>
void forEachPipelinedStep(const TileProblem &p, const Tiling &t, Fn fn) {
  using D = TileLoopNest::Dim;
  TileLoopNest nest = getTileLoopNest(p, t);
  int pipe = -1;
  for (int i = 0; i < nest.size; ++i)
    if (nest.trip(i) > 1)
      pipe = i;
  int pipeDim = pipe < 0 ? -1 : nest.dims[pipe];
  TileSteps steps(p, t, pipeDim);
  // With no loop of more than one trip, the one tile is a run.
  if (pipeDim < 0)
    pipeDim = D::M;
  auto loads = [](const Traffic &b) {
    Traffic l = b;
    l.output = 0;
    return l;
  };
  auto stores = [](const Traffic &b) {
    Traffic s;
    s.output = b.output;
    return s;
  };
  const std::vector<DimClass> &run = steps.classes[pipeDim];
  std::array<const DimClass *, 4> at{};
  auto runOf = [&](int64_t g, int64_t count) {
    // The step of each class of the run, at these outer classes.
    std::vector<TileStep> s;
    for (const DimClass &k : run) {
      at[pipeDim] = &k;
      s.push_back(steps.step(at, g));
    }
    size_t n = s.size();
    fn(count, 0.0, loads(s[0].bytes));
    for (size_t j = 0; j < n; ++j) {
      int64_t tiles = run[j].count;
      Traffic prev = j ? stores(s[j - 1].bytes) : Traffic{};
      Traffic next = j + 1 < n ? loads(s[j + 1].bytes) : Traffic{};
      // The run's first tile of the class, its middle ones, its last.
      if (tiles == 1) {
        fn(count, double(s[j].macs), next + prev);
        continue;
      }
      // A middle tile loads and stores as much as the tile itself moves.
      fn(count, double(s[j].macs), loads(s[j].bytes) + prev);
      if (tiles > 2)
        fn(count * (tiles - 2), double(s[j].macs), s[j].bytes);
      fn(count, double(s[j].macs), next + stores(s[j].bytes));
    }
    fn(count, 0.0, stores(s[n - 1].bytes));
  };
  // Every combination of the other dimensions' classes is a run per tile
  // it stands for.
  std::array<std::vector<DimClass>, 4> outer = steps.classes;
  outer[pipeDim] = {DimClass{}};
  for (int64_t g = 0; g < steps.groupSteps(); ++g)
    for (const DimClass &m : outer[D::M])
      for (const DimClass &e : outer[D::E])
        for (const DimClass &f : outer[D::F])
          for (const DimClass &c : outer[D::C]) {
            at = {&m, &e, &f, &c};
            int64_t count = steps.groupCount();
            for (int d = 0; d < 4; ++d)
              if (d != pipeDim)
                count *= at[d]->count;
            runOf(g, count);
          }
}
} // namespace

Traffic mlir::cnn::getTilingTrafficBySteps(const TileProblem &p,
                                           const Tiling &t) {
  Traffic sum;
  forEachTileStep(p, t, [&](const TileStep &s) {
    sum.input += s.count * s.bytes.input;
    sum.weights += s.count * s.bytes.weights;
    sum.output += s.count * s.bytes.output;
  });
  return sum;
}

/// Cycles of the tiling whose traffic is `traffic`: without overlap the
/// sum over steps is the sum of the totals, so the traffic is all it takes.
Cycles mlir::cnn::getTilingCycles(const TileProblem &p, const Tiling &t,
                                  const Traffic &traffic) {
  if (!p.target.dmaOverlap) {
    int64_t macs = p.groups * p.m * p.e * p.f * p.macsPerTap *
                   (p.cls == TilingClass::Conv ? p.c : 1);
    return getStepCycles(p.target, macs, traffic.total());
  }
  Cycles sum;
  forEachPipelinedStep(
      p, t, [&](int64_t count, double macs, const Traffic &bytes) {
        Cycles c = getStepCycles(p.target, macs, bytes.total());
        sum.compute += count * c.compute;
        sum.dma += count * c.dma;
        sum.estimated += count * c.estimated;
      });
  return sum;
}

Cycles mlir::cnn::getTilingCycles(const TileProblem &p, const Tiling &t) {
  return getTilingCycles(p, t, getTilingTraffic(p, t));
}

Traffic mlir::cnn::getTilingTraffic(const TileProblem &p, const Tiling &t) {
  // Transfers rounded up to bursts are summed one by one; without bursts
  // the closed form of the model gives the same sums.
  if (p.target.dmaAlignBytes > 1)
    return getTilingTrafficBySteps(p, t);
  TileLoopNest nest = getTileLoopNest(p, t);
  using D = TileLoopNest::Dim;
  int64_t sweepRows = sweepExtent(p.e, t.te, p.strideH, p.padTop,
                                  p.effectiveKernelH(), p.h);
  int64_t sweepCols = sweepExtent(p.f, t.tf, p.strideW, p.padLeft,
                                  p.effectiveKernelW(), p.w);
  Traffic traffic;
  int64_t inputSweep = sweepRows * sweepCols * p.c * p.elemBytes;
  // Compressed weights: every group's stored bytes (divided again below).
  int64_t weightSweep = p.m * p.biasBytesPerChannel;
  if (p.weightOffsets)
    weightSweep = weightSweep * p.groups + p.weightOffsets->back();
  else
    weightSweep += p.groupWeightBytes;
  if (p.cls == TilingClass::Channelwise) {
    traffic.input = inputSweep * nest.reloadFactor({D::M, D::E, D::F});
    traffic.weights = weightSweep * nest.reloadFactor({D::M});
  } else {
    traffic.input = inputSweep * nest.reloadFactor({D::E, D::F, D::C});
    traffic.weights = weightSweep * nest.reloadFactor({D::M, D::C});
  }
  traffic.output = p.m * p.e * p.f * p.elemBytes;
  traffic.input = scaleFeatureMapBytes(traffic.input * p.groups, p.fmPercent);
  if (!p.weightOffsets)
    traffic.weights *= p.groups;
  traffic.output = scaleFeatureMapBytes(traffic.output * p.groups, p.fmPercent);
  return traffic;
}
