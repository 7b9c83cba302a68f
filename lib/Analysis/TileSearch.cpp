//===- TileSearch.cpp - Per-layer tiling under an SRAM budget --*- C++ -*-===//

#include "cnn/Analysis/TileSearch.h"

#include <algorithm>
#include <cassert>
#include <cstring>
#include <tuple>

using namespace mlir::cnn;

static int64_t ceilDiv(int64_t a, int64_t b) { return (a + b - 1) / b; }

const char *mlir::cnn::getLoopOrderName(LoopOrder order) {
  switch (order) {
  case LoopOrder::MEF:
    return "mef";
  case LoopOrder::MFE:
    return "mfe";
  case LoopOrder::EMF:
    return "emf";
  case LoopOrder::EFM:
    return "efm";
  case LoopOrder::FME:
    return "fme";
  case LoopOrder::FEM:
    return "fem";
  }
  return "mef";
}

std::optional<LoopOrder> mlir::cnn::parseLoopOrder(const char *name) {
  for (LoopOrder o : kAllLoopOrders)
    if (std::strcmp(name, getLoopOrderName(o)) == 0)
      return o;
  return std::nullopt;
}

TileProblem mlir::cnn::getTileProblem(const LayerInfo &layer) {
  TileProblem p;
  const TensorShape &out = layer.output;
  p.elemBytes = out.elemBytes;
  switch (layer.cls) {
  case LayerClass::Convolution:
  case LayerClass::Pool: {
    const TensorShape &in = layer.inputs.front();
    bool channelwise = layer.cls == LayerClass::Pool ||
                       (layer.groups == in.c && out.c == in.c);
    p.cls = channelwise ? TilingClass::Channelwise : TilingClass::Conv;
    p.groups = channelwise ? 1 : layer.groups;
    p.c = channelwise ? in.c : in.c / layer.groups;
    p.m = channelwise ? out.c : out.c / layer.groups;
    p.h = in.h;
    p.w = in.w;
    p.e = out.h;
    p.f = out.w;
    p.kernelH = layer.kernelH;
    p.kernelW = layer.kernelW;
    p.strideH = layer.strideH;
    p.strideW = layer.strideW;
    p.padTop = layer.padTop;
    p.padLeft = layer.padLeft;
    p.dilationH = layer.dilationH;
    p.dilationW = layer.dilationW;
    p.macsPerTap = layer.cls == LayerClass::Convolution
                       ? layer.kernelH * layer.kernelW
                       : 0;
    break;
  }
  case LayerClass::Dense:
    p.cls = TilingClass::Conv;
    p.c = layer.inputs.front().elements();
    p.h = p.w = p.e = p.f = 1;
    p.m = out.c;
    p.macsPerTap = 1;
    break;
  case LayerClass::Stream:
  case LayerClass::View:
    p.cls = TilingClass::Untiled;
    return p;
  }
  p.groupWeightBytes = layer.storedWeightBytes() / p.groups;
  // Pools have no weights; a depthwise layer's channels are its weight's.
  if (layer.hasWeights())
    p.weightOffsets = layer.weightOffsets;
  p.biasBytesPerChannel =
      layer.biasElements ? layer.biasBytes / layer.biasElements : 0;
  return p;
}

void mlir::cnn::setTarget(TileProblem &p, const TargetDesc &target) {
  p.target = target;
  p.fmPercent = target.fmPercent;
}

std::vector<int64_t> mlir::cnn::getTileCandidates(int64_t n) {
  // ceil(n/k) takes each value v <= sqrt(n) and the values ceil(n/k) for
  // k <= sqrt(n); walking k by the next k that changes the value visits each
  // distinct value once.
  std::vector<int64_t> values;
  for (int64_t k = 1; k <= n;) {
    int64_t v = ceilDiv(n, k);
    values.push_back(v);
    if (v == 1)
      break;
    // Smallest k' with ceil(n/k') < v is the smallest k' with n <= (v-1)*k'.
    k = ceilDiv(n, v - 1);
  }
  std::reverse(values.begin(), values.end());
  return values;
}

TileLoopNest mlir::cnn::getTileLoopNest(const TileProblem &p,
                                        const Tiling &t) {
  TileLoopNest nest;
  nest.trips = {ceilDiv(p.m, t.tm), ceilDiv(p.e, t.te), ceilDiv(p.f, t.tf), 1};
  for (const char *c = getLoopOrderName(t.order); *c; ++c)
    nest.dims[nest.size++] = *c == 'm'   ? TileLoopNest::M
                             : *c == 'e' ? TileLoopNest::E
                                         : TileLoopNest::F;
  bool conv = p.cls == TilingClass::Conv;
  if (conv) {
    nest.trips[TileLoopNest::C] = ceilDiv(p.c, t.tc);
    nest.dims[nest.size++] = TileLoopNest::C;
  }
  using D = TileLoopNest::Dim;
  nest.inputLoop = conv ? nest.innermost({D::E, D::F, D::C})
                        : nest.innermost({D::M, D::E, D::F});
  nest.weightLoop = conv ? nest.innermost({D::M, D::C})
                         : nest.innermost({D::M});
  return nest;
}

/// The dimensions of `deps` as a bit set (the search calls these in its
/// inner loop).
static unsigned maskOf(std::initializer_list<TileLoopNest::Dim> deps) {
  unsigned mask = 0;
  for (TileLoopNest::Dim d : deps)
    mask |= 1u << d;
  return mask;
}

int TileLoopNest::innermost(std::initializer_list<Dim> deps) const {
  unsigned mask = maskOf(deps);
  int inner = -1;
  for (int i = 0; i < size; ++i)
    if (trip(i) > 1 && (mask >> dims[i] & 1))
      inner = i;
  return inner;
}

int64_t TileLoopNest::reloadFactor(std::initializer_list<Dim> deps) const {
  unsigned mask = maskOf(deps);
  int inner = innermost(deps);
  int64_t factor = 1;
  for (int i = 0; i < inner; ++i)
    if (trip(i) > 1 && !(mask >> dims[i] & 1))
      factor *= trip(i);
  return factor;
}

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
std::vector<DimClass> dimClasses(int64_t n, int64_t tile, int64_t stride = 1,
                                 int64_t pad = 0, int64_t window = 1,
                                 int64_t inSize = -1) {
  std::vector<DimClass> classes;
  int64_t trips = ceilDiv(n, tile);
  for (int64_t i = 0; i < trips; ++i) {
    int64_t start = i * tile;
    int64_t last = std::min(start + tile, n) - 1;
    DimClass c;
    c.first = i == 0;
    c.last = i == trips - 1;
    c.size = last - start + 1;
    if (inSize >= 0)
      c.inExtent = clippedExtent(start, last, stride, pad, window, inSize);
    auto same = [&](const DimClass &o) {
      return o.first == c.first && o.last == c.last && o.size == c.size &&
             o.inExtent == c.inExtent;
    };
    auto it = std::find_if(classes.begin(), classes.end(), same);
    if (it != classes.end())
      ++it->count;
    else
      classes.push_back(c);
  }
  return classes;
}

/// What one step of a tiled layer computes and moves.
struct TileStep {
  int64_t count = 0;
  int64_t macs = 0;
  Traffic bytes;
};

/// Calls `fn` once per class of steps of the loop nest (all groups of a
/// grouped convolution included): a tensor is loaded in a step when every
/// loop inside the innermost loop it depends on starts a new pass (index
/// 0); the output is stored after its last input-channel tile.
template <typename Fn>
void forEachTileStep(const TileProblem &p, const Tiling &t, Fn fn) {
  using D = TileLoopNest::Dim;
  TileLoopNest nest = getTileLoopNest(p, t);
  bool conv = p.cls == TilingClass::Conv;
  std::array<std::vector<DimClass>, 4> classes;
  // Tiles of compressed weights differ in bytes: each output-channel tile of
  // each group is a step of its own.
  bool compressed = p.weightOffsets != nullptr;
  classes[D::M] = compressed ? eachTile(p.m, t.tm) : dimClasses(p.m, t.tm);
  int64_t groupSteps = compressed ? p.groups : 1;
  classes[D::E] = dimClasses(p.e, t.te, p.strideH, p.padTop,
                             p.effectiveKernelH(), p.h);
  classes[D::F] = dimClasses(p.f, t.tf, p.strideW, p.padLeft,
                             p.effectiveKernelW(), p.w);
  classes[D::C] = conv ? dimClasses(p.c, t.tc) : std::vector<DimClass>{{}};
  int inputLoop = nest.inputLoop, weightLoop = nest.weightLoop;
  const TargetDesc &target = p.target;
  auto fm = [&](int64_t bytes) {
    return target.alignTransfer(scaleFeatureMapBytes(bytes, p.fmPercent));
  };
  std::array<const DimClass *, 4> at{};
  // A tensor placed at loop `loop` is loaded when every loop inside it is
  // at its first tile.
  auto loadedAt = [&](int loop) {
    for (int i = loop + 1; i < nest.size; ++i)
      if (nest.trip(i) > 1 && !at[nest.dims[i]]->first)
        return false;
    return true;
  };
  for (int64_t g = 0; g < groupSteps; ++g)
  for (const DimClass &m : classes[D::M])
    for (const DimClass &e : classes[D::E])
      for (const DimClass &f : classes[D::F])
        for (const DimClass &c : classes[D::C]) {
          at = {&m, &e, &f, &c};
          TileStep step;
          step.count = m.count * e.count * f.count * c.count *
                       (compressed ? 1 : p.groups);
          int64_t channels = conv ? c.size : m.size;
          step.macs = m.size * e.size * f.size * p.macsPerTap *
                      (conv ? c.size : 1);
          if (loadedAt(inputLoop))
            step.bytes.input =
                fm(e.inExtent * f.inExtent * channels * p.elemBytes);
          if (p.groupWeightBytes > 0 && loadedAt(weightLoop)) {
            int64_t w = compressed ? compressedTileBytes(p, g, m.start, m.size)
                        : conv ? ceilDiv(p.groupWeightBytes * m.size * c.size,
                                         p.m * p.c)
                               : ceilDiv(p.groupWeightBytes * m.size, p.m);
            step.bytes.weights = target.alignTransfer(w);
            // The bias travels with the first input-channel tile.
            if (c.first)
              step.bytes.weights +=
                  target.alignTransfer(m.size * p.biasBytesPerChannel);
          }
          if (c.last)
            step.bytes.output = fm(m.size * e.size * f.size * p.elemBytes);
          fn(step);
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
static Cycles cyclesWithTraffic(const TileProblem &p, const Tiling &t,
                                const Traffic &traffic) {
  if (!p.target.dmaOverlap) {
    int64_t macs = p.groups * p.m * p.e * p.f * p.macsPerTap *
                   (p.cls == TilingClass::Conv ? p.c : 1);
    return getStepCycles(p.target, macs, traffic.total());
  }
  Cycles sum;
  forEachTileStep(p, t, [&](const TileStep &s) {
    Cycles c = getStepCycles(p.target, s.macs, s.bytes.total());
    sum.compute += s.count * c.compute;
    sum.dma += s.count * c.dma;
    sum.estimated += s.count * c.estimated;
  });
  return sum;
}

Cycles mlir::cnn::getTilingCycles(const TileProblem &p, const Tiling &t) {
  return cyclesWithTraffic(p, t, getTilingTraffic(p, t));
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

bool mlir::cnn::isBetterChoice(const TileChoice &a, const TileChoice &b) {
  auto key = [](const TileChoice &c) {
    return std::make_tuple(c.traffic.total(), c.cycles.estimated, c.tiles,
                           -c.tiling.te,
                           -c.tiling.tf, -c.tiling.tc, -c.tiling.tm,
                           static_cast<int>(c.tiling.order));
  };
  return key(a) < key(b);
}

int64_t mlir::cnn::getMinimumSramBytes(const TileProblem &p) {
  if (p.cls == TilingClass::Untiled)
    return 0;
  Tiling t;
  // With tc = 1 < c the output tile holds 32-bit partial sums; tc = c may
  // need less (one element of b bytes) when the input tile is small, so the
  // minimum is the smaller of the two.
  int64_t need = p.weightOffsets && p.cls == TilingClass::Conv
                    ? INT64_MAX
                    : getTileFitBytes(p, t);
  if (p.cls == TilingClass::Conv) {
    Tiling whole = t;
    whole.tc = p.c;
    need = std::min(need, getTileFitBytes(p, whole));
  }
  return need;
}

static TileChoice makeChoice(const TileProblem &p, const Tiling &t) {
  TileChoice c;
  c.tiling = t;
  c.traffic = getTilingTraffic(p, t);
  c.cycles = cyclesWithTraffic(p, t, c.traffic);
  c.bufferBytes = getTileFitBytes(p, t);
  c.tiles = getTileCount(p, t);
  return c;
}

/// The candidate input-channel tiles: every ceil(c / k) for convolutions,
/// only c when their weights are compressed (whole output channels), and
/// none (0) without an input-channel loop.
static std::vector<int64_t> getChannelTileCandidates(const TileProblem &p) {
  if (p.cls != TilingClass::Conv)
    return {0};
  if (p.weightOffsets)
    return {p.c};
  return getTileCandidates(p.c);
}

std::optional<TileChoice> mlir::cnn::searchTiling(const TileProblem &p,
                                                  int64_t sramBytes) {
  if (p.cls == TilingClass::Untiled)
    return std::nullopt;
  std::vector<int64_t> ms = getTileCandidates(p.m);
  std::vector<int64_t> es = getTileCandidates(p.e);
  std::vector<int64_t> fs = getTileCandidates(p.f);
  std::vector<int64_t> cs = getChannelTileCandidates(p);
  // The problem without bursts: its traffic bounds the traffic with bursts
  // from below (used when the target changes plans).
  TileProblem raw = p;
  raw.target.dmaAlignBytes = 1;
  std::optional<TileChoice> best;
  // The buffer grows with te, tf and tc (but for tc = c, where the output
  // tile stops holding 32-bit partial sums) and does not depend on the
  // loop order, so once the smallest tm does not fit, larger tiles of the
  // inner dimensions are skipped, a te or tf at which nothing fits ends its
  // loop, and the largest fitting tm is found once for every order.
  for (int64_t te : es) {
    bool teFits = false;
    for (int64_t tf : fs) {
      bool tfFits = false;
      for (size_t ci = 0; ci < cs.size(); ++ci) {
        int64_t tcCand = cs[ci];
        auto tilingOf = [&](int64_t tm, LoopOrder order) {
          return Tiling{tm, te, tf, tcCand ? tcCand : tm, order};
        };
        auto fits = [&](int64_t tm) {
          return getTileFitBytes(p, tilingOf(tm, LoopOrder::MEF)) <=
                 sramBytes;
        };
        if (!fits(ms.front())) {
          if (ci + 1 < cs.size() - 1)
            ci = cs.size() - 2;
          continue;
        }
        tfFits = teFits = true;
        size_t lo = 0, hi = ms.size() - 1;
        if (p.weightOffsets) {
          // The largest tile of compressed channels need not grow with tm
          // (tiles of 2 can hold two big channels that tiles of 3 split):
          // the largest fitting tm is found by walking down.
          lo = hi;
          while (!fits(ms[lo]))
            --lo;
          hi = lo;
        }
        while (lo < hi) {
          size_t mid = (lo + hi + 1) / 2;
          if (fits(ms[mid]))
            lo = mid;
          else
            hi = mid - 1;
        }
        // Orders that run the same loops (those of more than one trip) in
        // the same order are one plan; the earliest order stands for them
        // (it wins their tie).
        int64_t tm = ms[lo];
        std::array<int64_t, 3> trips = {ceilDiv(p.m, tm), ceilDiv(p.e, te),
                                        ceilDiv(p.f, tf)};
        llvm::SmallVector<std::string, 6> seen;
        for (LoopOrder order : kAllLoopOrders) {
          std::string loops;
          for (const char *c = getLoopOrderName(order); *c; ++c)
            if (trips[*c == 'm' ? 0 : *c == 'e' ? 1 : 2] > 1)
              loops += *c;
          if (llvm::is_contained(seen, loops))
            continue;
          seen.push_back(loops);
          if (p.target.plansLikeCostModel()) {
            // For fixed (order, te, tf, tc) the buffer grows with tm and
            // the traffic never does (fewer m trips can only lower reload
            // factors), and the cycles follow the traffic, so the largest
            // fitting tm is the best of them.
            TileChoice c = makeChoice(p, tilingOf(tm, order));
            if (!best || isBetterChoice(c, *best))
              best = c;
            continue;
          }
          // With bursts a smaller tm may move less (fewer partial bursts),
          // and under overlap cycles may differ at equal traffic: walk tm
          // down while the traffic without bursts, which never decreases
          // as tm shrinks and bounds the traffic with bursts from below,
          // can still match the best. (A smaller tm may have more m trips:
          // every order is walked.)
          seen.pop_back();
          for (size_t i = lo + 1; i-- > 0;) {
            Tiling t = tilingOf(ms[i], order);
            if (best &&
                getTilingTraffic(raw, t).total() > best->traffic.total())
              break;
            if (p.weightOffsets && !fits(ms[i]))
              continue;
            TileChoice c = makeChoice(p, t);
            if (!best || isBetterChoice(c, *best))
              best = c;
          }
        }
      }
      if (!tfFits)
        break;
    }
    if (!teFits)
      break;
  }
  return best;
}

std::optional<TileChoice> TileSearchMemo::search(const TileProblem &p,
                                                 int64_t sramBytes) {
  // Every field searchTiling reads; the speeds as their bit patterns.
  auto bits = [](double d) {
    int64_t v;
    std::memcpy(&v, &d, sizeof v);
    return v;
  };
  const TargetDesc &t = p.target;
  std::vector<int64_t> key = {static_cast<int64_t>(p.cls),
                              p.groups,
                              p.c,
                              p.h,
                              p.w,
                              p.m,
                              p.e,
                              p.f,
                              p.kernelH,
                              p.kernelW,
                              p.strideH,
                              p.strideW,
                              p.padTop,
                              p.padLeft,
                              p.dilationH,
                              p.dilationW,
                              p.elemBytes,
                              p.groupWeightBytes,
                              p.biasBytesPerChannel,
                              p.fmPercent,
                              p.macsPerTap,
                              sramBytes,
                              p.weightOffsets ? 1 : 0,
                              t.fmPercent,
                              bits(t.dramBytesPerCycle),
                              t.macsPerCycle,
                              t.dmaAlignBytes,
                              t.dmaOverlap};
  if (p.weightOffsets)
    key.insert(key.end(), p.weightOffsets->begin(), p.weightOffsets->end());
  auto [it, inserted] = results.try_emplace(std::move(key));
  if (inserted)
    it->second = searchTiling(p, sramBytes);
  return it->second;
}

LayerPlan mlir::cnn::planLayerAlone(const LayerInfo &layer,
                                    const TargetDesc &target,
                                    TileSearchMemo *memo) {
  LayerPlan plan;
  TileProblem problem = getTileProblem(layer);
  setTarget(problem, target);
  if (problem.cls == TilingClass::Untiled) {
    // A streamed layer needs its smallest blocks (the lowering's buffers).
    if (layer.cls == LayerClass::Stream) {
      int64_t need = planStream(layer, target).minSramBytes;
      if (need > target.sramBytes) {
        plan.fits = false;
        plan.need = need;
        return plan;
      }
    }
    plan.traffic = getUntiledTraffic(layer, target);
    plan.cycles = getUntiledCycles(layer, plan.traffic, target).whole();
    return plan;
  }
  auto search = [&](const TileProblem &p) {
    return memo ? memo->search(p, target.sramBytes)
                : searchTiling(p, target.sramBytes);
  };
  plan.choice = search(problem);
  int64_t need = plan.choice ? 0 : getMinimumSramBytes(problem);
  if (problem.weightOffsets) {
    // Coded weights load in whole output channels; when reading the
    // layer's weights raw, in any tiles, moves less (or fits where whole
    // channels do not), the layer reads them raw.
    TileProblem raw = problem;
    raw.weightOffsets = nullptr;
    raw.groupWeightBytes = layer.weightBytes / raw.groups;
    std::optional<TileChoice> rawChoice = search(raw);
    if (rawChoice && (!plan.choice || isBetterChoice(*rawChoice, *plan.choice))) {
      plan.choice = rawChoice;
      plan.choice->rawWeights = true;
    }
    if (!plan.choice)
      need = std::min(need, getMinimumSramBytes(raw));
  }
  if (!plan.choice) {
    plan.fits = false;
    plan.need = need;
    return plan;
  }
  plan.traffic = plan.choice->traffic;
  plan.cycles = plan.choice->cycles.whole();
  return plan;
}

std::optional<TileChoice>
mlir::cnn::searchTilingBruteForce(const TileProblem &p, int64_t sramBytes) {
  if (p.cls == TilingClass::Untiled)
    return std::nullopt;
  std::optional<TileChoice> best;
  std::vector<int64_t> cs = getChannelTileCandidates(p);
  for (LoopOrder order : kAllLoopOrders)
    for (int64_t tm : getTileCandidates(p.m))
      for (int64_t te : getTileCandidates(p.e))
        for (int64_t tf : getTileCandidates(p.f))
          for (int64_t tcCand : cs) {
            Tiling t{tm, te, tf, tcCand ? tcCand : tm, order};
            if (getTileFitBytes(p, t) > sramBytes)
              continue;
            TileChoice c = makeChoice(p, t);
            if (!best || isBetterChoice(c, *best))
              best = c;
          }
  return best;
}
