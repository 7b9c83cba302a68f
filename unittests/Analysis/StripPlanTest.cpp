//===- StripPlanTest.cpp - Width strips of fusion groups -------------------===//

#include "cnn/Analysis/FusionModel.h"
#include "cnn/Analysis/GroupModes.h"
#include "cnn/Analysis/StripPlan.h"

#include "gtest/gtest.h"

#include <cmath>
#include <map>
#include <numeric>
#include <random>
#include <set>

using namespace mlir::cnn;

namespace {

LayerInfo conv(std::string name, TensorShape in, int64_t m, int64_t k,
               int64_t stride, int64_t pad, int64_t dilation = 1,
               int64_t groups = 1) {
  LayerInfo l;
  l.name = std::move(name);
  l.inputs = {in};
  int64_t eff = (k - 1) * dilation + 1;
  l.output = {m, (in.h + 2 * pad - eff) / stride + 1,
              (in.w + 2 * pad - eff) / stride + 1, in.elemBytes};
  l.kernelH = l.kernelW = k;
  l.strideH = l.strideW = stride;
  l.padTop = l.padBottom = l.padLeft = l.padRight = pad;
  l.dilationH = l.dilationW = dilation;
  l.groups = groups;
  l.weightElements = m * (in.c / groups) * k * k;
  l.weightBytes = l.weightElements * in.elemBytes;
  describeConvolution(l);
  return l;
}

// Worked by hand (docs/CostModel.md, width strips): two 3x3 convolutions
// (pad 1) on 4x8x8 i8, no bias, X -> A -> B. At the whole width mode rows
// needs 288 bytes of weights and 3 + 3 + 1 rows of 32 bytes: 512; mode
// resident 548. At 400 bytes neither fits. A strip of B's columns
// [b, b + w) needs A's [b - 1, b + w + 1) and X's [b - 2, b + w + 2),
// clipped to the map: rows of 4 channels, 3 rows of X and of A and 1 of B.
// Strips of 2: the strip at columns 2-3 holds X 0-5 (6 columns), A 1-4 (4)
// and B 2-3 (2): 4 * (3 * 6 + 3 * 4 + 2) = 128, with the weights 416 >
// 400. Strips of 1: the widest hold X 5, A 3, B 1 columns: 4 * (15 + 9 +
// 1) = 100, 388 bytes: it fits. X's columns per strip: 3, 4, 5, 5, 5, 5,
// 4, 3 = 34, each of 8 rows of 4 channels: 1,088 bytes read; weights 288
// once; B stored once, 256. At 416 bytes strips of 2 fit (strips of 3 need
// 4 * (3 * 7 + 3 * 5 + 3) = 156, 444): X's columns 4 + 6 + 6 + 4 = 20,
// 640 bytes.
TEST(StripPlan, ChainOfTwoConvolutionsByHand) {
  FusionGraph g;
  g.widthStrips = true;
  TensorShape s{4, 8, 8, 1};
  int x = g.addTensor("x", s);
  int la = g.addLayer(conv("a", s, 4, 3, 1, 1), {x}, Traffic{});
  int lb = g.addLayer(conv("b", s, 4, 3, 1, 1), {g.layers[la].output},
                      Traffic{});
  g.tensors[g.layers[lb].output].isNetworkOutput = true;
  EXPECT_EQ(getStripPeriod(g, {0, 1}), 1);
  EXPECT_EQ(getRowsModeSram(g, {0, 1}, nullptr, 2), 416);
  EXPECT_EQ(getRowsModeSram(g, {0, 1}, nullptr, 1), 388);
  EXPECT_EQ(getRowsModeSram(g, {0, 1}, nullptr, 3), 444);

  GroupPlan at400 = evaluateGroup(g, {0, 1}, 400);
  ASSERT_TRUE(at400.valid);
  EXPECT_EQ(at400.mode, GroupMode::Rows);
  EXPECT_EQ(at400.in(GroupMode::Rows).strip.width, 1);
  EXPECT_EQ(at400.sramBytes(), 388);
  EXPECT_EQ(at400.traffic.input, 1088);
  EXPECT_EQ(at400.traffic.weights, 288);
  EXPECT_EQ(at400.traffic.output, 256);

  GroupPlan at416 = evaluateGroup(g, {0, 1}, 416);
  ASSERT_TRUE(at416.valid);
  EXPECT_EQ(at416.in(GroupMode::Rows).strip.width, 2);
  EXPECT_EQ(at416.traffic.input, 640);

  // Without strips nothing fits at 400 bytes.
  g.widthStrips = false;
  EXPECT_FALSE(evaluateGroup(g, {0, 1}, 400).valid);
}

// Worked by hand (docs/CostModel.md, kept halos): the same two 3x3
// convolutions on a wide, short map, 4x4x32 i8. The whole width needs 288
// + 4 * (3 * 32 + 3 * 32 + 32) = 1,184 bytes. A middle strip of w columns
// of B holds w + 4 columns of X and w + 2 of A: 288 + 4 * (3 * (w + 4) +
// 3 * (w + 2) + w) = 360 + 28w. At 600 bytes strips of 8 fit (584) and
// read X's columns 10 + 12 + 12 + 10 = 44 of 4 rows of 4 channels: 704
// bytes, 1,504 with the weights and B's 512. Keeping the halo, a strip
// keeps the 4 columns of X the strip before also held: a column cache of
// 4 x 4 rows x 4 channels = 64 bytes, so 424 + 28w; strips of 6 fit (592)
// and read each column of X once, 512 bytes: 1,312 in all.
TEST(StripPlan, KeptHalosByHand) {
  FusionGraph g;
  g.widthStrips = true;
  TensorShape s{4, 4, 32, 1};
  int x = g.addTensor("x", s);
  int la = g.addLayer(conv("a", s, 4, 3, 1, 1), {x}, Traffic{});
  int lb = g.addLayer(conv("b", s, 4, 3, 1, 1), {g.layers[la].output},
                      Traffic{});
  g.tensors[g.layers[lb].output].isNetworkOutput = true;
  EXPECT_EQ(getRowsModeSram(g, {0, 1}), 1184);
  EXPECT_EQ(getRowsModeSram(g, {0, 1}, nullptr, 8), 584);
  EXPECT_EQ(getRowsModeSram(g, {0, 1}, nullptr, {6, true}), 592);
  EXPECT_EQ(getRowsModeSram(g, {0, 1}, nullptr, {7, true}), 620);
  EXPECT_EQ(getGroupModeTraffic(g, {0, 1}, GroupMode::Rows, 8).total(), 1504);
  EXPECT_EQ(getGroupModeTraffic(g, {0, 1}, GroupMode::Rows, {6, true}).input,
            512);

  GroupPlan at600 = evaluateGroup(g, {0, 1}, 600);
  ASSERT_TRUE(at600.valid);
  EXPECT_EQ(at600.in(GroupMode::Rows).strip.width, 6);
  EXPECT_TRUE(at600.in(GroupMode::Rows).strip.keepHalo);
  EXPECT_EQ(at600.sramBytes(), 592);
  EXPECT_EQ(at600.traffic.total(), 1312);

  // Under DMA overlap the halo is not kept (X's and B's line buffers are
  // held twice: 288 + 4 * (6 * (w + 4) + 3 * (w + 2) + 2w) = 408 + 44w,
  // strips of 8 at 800 bytes).
  g.target.dmaOverlap = true;
  GroupPlan overlapped = evaluateGroup(g, {0, 1}, 800);
  ASSERT_TRUE(overlapped.valid);
  EXPECT_EQ(overlapped.in(GroupMode::Rows).strip.width, 8);
  EXPECT_FALSE(overlapped.in(GroupMode::Rows).strip.keepHalo);
}

/// A random group of layers that scale the width differently: strided and
/// dilated convolutions, depthwise convolutions, pools, nearest and
/// bilinear up-sampling, pads, residual adds, concatenations and
/// broadcast multiplies.
FusionGraph randomGroup(std::mt19937_64 &rng, int layers) {
  auto pick = [&](int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng);
  };
  FusionGraph g;
  g.addTensor("in", {pick(1, 3), pick(3, 6), pick(10, 40), 1});
  for (int i = 0; i < layers; ++i) {
    int last = static_cast<int>(g.tensors.size()) - 1;
    int src = pick(0, 3) ? last : static_cast<int>(pick(0, last));
    TensorShape in = g.tensors[src].shape;
    std::string name = "l" + std::to_string(i);
    std::vector<int> inputs = {src};
    LayerInfo l;
    int kind = static_cast<int>(pick(0, 7));
    if (kind == 0 || (kind >= 4 && in.w > 60)) {
      int64_t k = std::array<int64_t, 3>{1, 3, 5}[pick(0, 2)];
      int64_t dil = k == 3 ? pick(1, 2) : 1;
      int64_t eff = (k - 1) * dil + 1;
      int64_t pad = pick(0, eff / 2);
      if (in.w + 2 * pad < eff || in.h + 2 * pad < eff)
        pad = eff;
      l = conv(name, in, pick(1, 3), k, pick(1, 2), pad, dil);
    } else if (kind == 1) {
      l = conv(name, in, in.c, 3, pick(1, 2), 1, 1, in.c);
    } else if (kind == 2) {
      int64_t k = pick(2, 3);
      l = conv(name, in, in.c, k, k == 2 ? 2 : 1, k == 2 ? 0 : 1);
      l.weightElements = l.weightBytes = 0;
      describePool(l, "max_pool");
    } else if (kind == 3) {
      l.name = name;
      l.inputs = {in};
      l.strideH = l.strideW = 2;
      l.bilinear = pick(0, 1);
      l.output = {in.c, in.h * 2, in.w * 2, 1};
      describeResize(l, "resize");
    } else if (kind == 4) {
      l.name = name;
      l.inputs = {in};
      l.padTop = pick(0, 1);
      l.padBottom = pick(0, 1);
      l.padLeft = pick(0, 2);
      l.padRight = pick(0, 2);
      l.output = {in.c, in.h + l.padTop + l.padBottom,
                  in.w + l.padLeft + l.padRight, 1};
      describePad(l, "pad");
    } else {
      // With an earlier tensor of the same rows and columns: add (same
      // channels), concat, or a broadcast multiply by a 1x1 map.
      int other = -1;
      for (int t = last; t >= 0; --t)
        if (t != src && g.tensors[t].shape.h == in.h &&
            g.tensors[t].shape.w == in.w) {
          other = t;
          break;
        }
      l.name = name;
      if (kind == 7) {
        int f = g.addTensor(name + "_f", {in.c, 1, 1, 1});
        l.inputs = {in, g.tensors[f].shape};
        l.output = in;
        describeElementwise(l, "mul");
        inputs.push_back(f);
      } else if (other >= 0 && g.tensors[other].shape.c == in.c && kind == 5) {
        l.inputs = {in, g.tensors[other].shape};
        l.output = in;
        describeElementwise(l, "add");
        inputs.push_back(other);
      } else if (other >= 0) {
        TensorShape o = g.tensors[other].shape;
        l.inputs = {in, o};
        l.output = {in.c + o.c, in.h, in.w, 1};
        describeConcat(l, "concat");
        inputs.push_back(other);
      } else {
        l = conv(name, in, pick(1, 3), 3, 1, 1);
      }
    }
    g.addLayer(l, inputs, Traffic{});
  }
  for (GraphTensor &t : g.tensors)
    if (t.producer >= 0 && t.consumers.empty())
      t.isNetworkOutput = true;
  return g;
}

/// Every layer of `g`, in order: the random groups are whole graphs.
std::vector<int> allLayers(const FusionGraph &g) {
  std::vector<int> layers(g.layers.size());
  std::iota(layers.begin(), layers.end(), 0);
  return layers;
}

/// The input columns output column `o` of input `j` of `layer` reads, from
/// the layer's definition (docs/Semantics.md); for a window, every column
/// its span covers.
std::vector<int64_t> columnsRead(const LayerInfo &layer, size_t j, int64_t o) {
  int64_t w = layer.inputs[j].w;
  std::vector<int64_t> cols;
  auto add = [&](int64_t c) {
    if (c >= 0 && c < w)
      cols.push_back(c);
  };
  if (layer.cls == LayerClass::View) {
    add(o);
  } else if (layer.cls == LayerClass::Convolution ||
             layer.cls == LayerClass::Pool) {
    // The window's whole span: a dilated window skips columns, but a line
    // buffer holds a run of columns.
    int64_t span = (layer.kernelW - 1) * layer.dilationW + 1;
    for (int64_t k = 0; k < span; ++k)
      add(o * layer.strideW - layer.padLeft + k);
  } else if (layer.kind == "pad") {
    add(o - layer.padLeft);
  } else if (layer.kind == "resize") {
    int64_t s = layer.strideW;
    if (!layer.bilinear) {
      add(o / s);
    } else {
      // Half-pixel centres: (o + 0.5) / s - 0.5 lies between floor and
      // floor + 1, both clamped to the map.
      double x = (o + 0.5) / s - 0.5;
      int64_t f = static_cast<int64_t>(std::floor(x));
      add(std::clamp<int64_t>(f, 0, w - 1));
      add(std::clamp<int64_t>(f + 1, 0, w - 1));
    }
  } else if (w != layer.output.w) { // a broadcast operand
    add(0);
  } else {
    add(o);
  }
  return cols;
}

/// Checks a plan's strips against the columns every tensor must have,
/// found column by column from the stored ones back through the layers.
void expectStripsCoverTheirReads(const FusionGraph &g,
                                 const std::vector<int> &layers,
                                 const StripPlan &plan, int iter) {
  std::map<int, int> index;
  for (size_t k = 0; k < plan.tensors.size(); ++k)
    index[plan.tensors[k]] = static_cast<int>(k);
  std::map<int, std::vector<int64_t>> storedCols;
  for (const Strip &s : plan.strips) {
    ASSERT_EQ(s.count, 1);
    std::map<int, std::set<int64_t>> need;
    for (size_t k = 0; k < plan.tensors.size(); ++k)
      for (int64_t c = s.stored[k].lo; c < s.stored[k].hi; ++c) {
        need[plan.tensors[k]].insert(c);
        storedCols[plan.tensors[k]].push_back(c);
      }
    for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
      const GraphLayer &layer = g.layers[*it];
      const ColumnRange &held = s.held[index[layer.output]];
      // A layer computes the columns its strip holds of its output.
      for (int64_t o : need[layer.output])
        EXPECT_TRUE(o >= held.lo && o < held.hi)
            << "iter " << iter << ": strip " << s.first << " lacks column "
            << o << " of " << layer.info.name;
      for (int64_t o = held.lo; o < held.hi; ++o)
        for (size_t j = 0; j < layer.inputs.size(); ++j)
          for (int64_t c : columnsRead(layer.info, j, o))
            need[layer.inputs[j]].insert(c);
    }
    for (const auto &[t, cols] : need) {
      const ColumnRange &held = s.held[index[t]];
      for (int64_t c : cols)
        EXPECT_TRUE(c >= held.lo && c < held.hi)
            << "iter " << iter << ": strip " << s.first << " lacks column "
            << c << " of tensor " << g.tensors[t].name;
      // Nothing beyond what is read or stored is held.
      if (!cols.empty() && !held.empty()) {
        EXPECT_EQ(held.lo, *cols.begin()) << "iter " << iter;
        EXPECT_EQ(held.hi, *cols.rbegin() + 1) << "iter " << iter;
      }
    }
  }
  // The stored columns of a stored tensor: each exactly once.
  for (auto &[t, cols] : storedCols) {
    std::sort(cols.begin(), cols.end());
    ASSERT_EQ(static_cast<int64_t>(cols.size()), g.tensors[t].shape.w)
        << "iter " << iter << ": tensor " << g.tensors[t].name;
    for (size_t c = 0; c < cols.size(); ++c)
      EXPECT_EQ(cols[c], static_cast<int64_t>(c)) << "iter " << iter;
  }
}

/// On random groups at every strip width: the runs of getStripPlan expand
/// to the strips computed one by one, and every strip holds exactly the
/// columns its stored columns read, through every layer.
TEST(StripPlan, StripsHoldWhatTheyReadOnRandomGroups) {
  std::mt19937_64 rng(2027);
  int plans = 0, runs = 0;
  for (int iter = 0; iter < 300; ++iter) {
    FusionGraph g = randomGroup(rng, 2 + iter % 5);
    std::vector<int> layers = allLayers(g);
    int64_t period = getStripPeriod(g, layers);
    if (period == 0)
      continue;
    int64_t width = g.tensors[g.layers.back().output].shape.w;
    for (int64_t w = period; w < width; w += period) {
      StripPlan fast = getStripPlan(g, layers, w);
      StripPlan slow = getStripPlanByStrips(g, layers, w);
      expectStripsCoverTheirReads(g, layers, slow, iter);
      // The runs expand to the strips one by one.
      int64_t next = 0;
      for (const Strip &s : fast.strips) {
        EXPECT_EQ(s.first, next) << "iter " << iter;
        runs += s.count > 1;
        for (int64_t i = 0; i < s.count; ++i) {
          const Strip &one = slow.strips[s.first + i];
          for (size_t k = 0; k < fast.tensors.size(); ++k) {
            ColumnRange held = s.held[k], stored = s.stored[k];
            int64_t by = fast.shift[k] * i;
            if (!held.empty())
              held = {held.lo + by, held.hi + by};
            if (!stored.empty())
              stored = {stored.lo + by, stored.hi + by};
            EXPECT_TRUE(held == one.held[k])
                << "iter " << iter << " width " << w << " strip "
                << s.first + i << " tensor " << k;
            EXPECT_TRUE(stored == one.stored[k])
                << "iter " << iter << " width " << w << " strip "
                << s.first + i << " tensor " << k;
            // Kept columns move with the run, and what a strip leaves in
            // the cache is what the next one keeps.
            ColumnRange kept = s.kept[k], byNext = fast.keptByNext(
                                              &s - fast.strips.data(), k);
            if (!kept.empty() && i > 0)
              kept = {kept.lo + by, kept.hi + by};
            if (!byNext.empty())
              byNext = {byNext.lo + by, byNext.hi + by};
            EXPECT_TRUE(kept == one.kept[k])
                << "iter " << iter << " width " << w << " strip "
                << s.first + i << " tensor " << k << ": " << kept.lo << ","
                << kept.hi << " against " << one.kept[k].lo << ","
                << one.kept[k].hi << " entry " << s.first << "x" << s.count;
            size_t after = static_cast<size_t>(s.first + i + 1);
            EXPECT_TRUE(byNext == (after < slow.strips.size()
                                       ? slow.strips[after].kept[k]
                                       : ColumnRange()))
                << "iter " << iter << " width " << w << " strip "
                << s.first + i << " tensor " << k << ": by next " << byNext.lo
                << "," << byNext.hi << " entry " << s.first << "x" << s.count
                << " of " << slow.strips.size();
          }
        }
        next += s.count;
      }
      EXPECT_EQ(next, slow.numStrips) << "iter " << iter;
      ++plans;
      if (HasFailure())
        return;
    }
  }
  EXPECT_GT(plans, 300);
  EXPECT_GT(runs, 50);
}

/// The planner's strip width against every number of strips (each count
/// n in its most even strips: ceil(width / n) rounded up to the period):
/// on random groups at SRAM sizes between the smallest strip's need and
/// the whole width's, it is the width that moves the fewest bytes among
/// those that fit, the wider on ties (with and without DMA bursts, which
/// round every row's transfer up and so can favour narrower strips).
TEST(StripPlan, WidestFittingStripAgainstEveryWidth) {
  std::mt19937_64 rng(77);
  int compared = 0, keeps = 0;
  for (int iter = 0; iter < 300; ++iter) {
    FusionGraph g = randomGroup(rng, 2 + iter % 5);
    g.widthStrips = true;
    if (iter % 2)
      g.target.dmaAlignBytes = 8;
    std::vector<int> layers = allLayers(g);
    int64_t period = getStripPeriod(g, layers);
    // Groups that cannot form (a concatenation of the network's input
    // leaving the group) have no plan to compare.
    if (period == 0 || !evaluateGroup(g, layers, 1 << 30).valid ||
        !areStripsLowered(g, layers))
      continue;
    int64_t width = g.tensors[g.layers.back().output].shape.w;
    int64_t whole = getRowsModeSram(g, layers);
    int64_t smallest = getRowsModeSram(g, layers, nullptr, period);
    std::uniform_int_distribution<int64_t> size(smallest, whole - 1);
    for (int k = 0; k < 3 && smallest < whole; ++k) {
      int64_t sram = size(rng);
      // The width that moves the fewest bytes among those that fit, the
      // wider on ties.
      // Halos read again before kept, at the same width.
      int64_t best = 0;
      bool bestKeeps = false;
      int64_t least = -1;
      int64_t units = (width + period - 1) / period;
      for (int64_t n = 2; n <= units; ++n) {
        int64_t w = (units + n - 1) / n * period;
        if (w >= width)
          continue;
        for (bool keep : {false, true}) {
          if (getRowsModeSram(g, layers, nullptr, {w, keep}) > sram)
            continue;
          int64_t bytes =
              getGroupModeTraffic(g, layers, GroupMode::Rows, {w, keep})
                  .total();
          if (least < 0 || bytes < least) {
            least = bytes;
            best = w;
            bestKeeps = keep;
          }
        }
      }
      ASSERT_GT(best, 0) << "iter " << iter;
      GroupPlan plan = evaluateGroup(g, layers, sram);
      const GroupModePlan &rows = plan.in(GroupMode::Rows);
      EXPECT_EQ(rows.strip.width, best) << "iter " << iter << " sram " << sram;
      EXPECT_EQ(rows.strip.keepHalo, bestKeeps)
          << "iter " << iter << " sram " << sram;
      keeps += bestKeeps;
      EXPECT_TRUE(rows.fits) << "iter " << iter;
      EXPECT_EQ(rows.traffic.total(), least)
          << "iter " << iter << " sram " << sram;
      ++compared;
      if (HasFailure())
        return;
    }
  }
  EXPECT_GT(compared, 200);
  EXPECT_GT(keeps, 20);
}

/// Kept halos against sets of columns, on random groups at every strip
/// width: strip by strip, each group input loads the columns it holds
/// that the strip before did not hold (a contiguous run on the right of
/// its held columns), and its column cache is as wide as the most columns
/// a strip takes from the one before. The traffic and the need of the
/// model are these sums.
TEST(StripPlan, KeptHalosAgainstColumnSets) {
  std::mt19937_64 rng(4242);
  int plans = 0, saving = 0;
  for (int iter = 0; iter < 300; ++iter) {
    FusionGraph g = randomGroup(rng, 2 + iter % 5);
    if (iter % 2)
      g.target.dmaAlignBytes = 8;
    std::vector<int> layers = allLayers(g);
    int64_t period = getStripPeriod(g, layers);
    if (period == 0 || !evaluateGroup(g, layers, 1 << 30).valid)
      continue;
    int64_t width = g.tensors[g.layers.back().output].shape.w;
    for (int64_t w = period; w < width; w += period) {
      StripPlan one = getStripPlanByStrips(g, layers, w);
      // The inputs the strips load (not read whole: a broadcast operand is
      // held whole by every strip and read again).
      int64_t loaded = 0, cacheBytes = 0;
      for (size_t k = 0; k < one.tensors.size(); ++k) {
        int t = one.tensors[k];
        if (g.tensors[t].producer >= 0)
          continue;
        const TensorShape &sh = g.tensors[t].shape;
        bool whole = one.shift[k] == 0;
        std::set<int64_t> before;
        int64_t most = 0;
        for (const Strip &s : one.strips) {
          std::set<int64_t> now, fresh;
          for (int64_t c = s.held[k].lo; c < s.held[k].hi; ++c) {
            now.insert(c);
            if (whole || !before.count(c))
              fresh.insert(c);
          }
          int64_t kept = static_cast<int64_t>(now.size() - fresh.size());
          most = std::max(most, kept);
          if (!fresh.empty()) {
            // The fresh columns are the right end of the held ones.
            EXPECT_EQ(*fresh.rbegin() + 1, s.held[k].hi) << "iter " << iter;
            EXPECT_EQ(static_cast<int64_t>(fresh.size()),
                      *fresh.rbegin() - *fresh.begin() + 1)
                << "iter " << iter;
          }
          loaded += sh.h * alignToBursts(static_cast<int64_t>(fresh.size()) *
                                       sh.c * sh.elemBytes,
                                   g.target.dmaAlignBytes);
          before = std::move(now);
        }
        cacheBytes += most * sh.h * sh.c * sh.elemBytes;
      }
      Traffic reread = getGroupModeTraffic(g, layers, GroupMode::Rows, w);
      Traffic kept =
          getGroupModeTraffic(g, layers, GroupMode::Rows, {w, true});
      EXPECT_EQ(kept.input, loaded) << "iter " << iter << " width " << w;
      EXPECT_EQ(kept.output, reread.output) << "iter " << iter;
      EXPECT_EQ(kept.weights, reread.weights) << "iter " << iter;
      EXPECT_EQ(getRowsModeSram(g, layers, nullptr, {w, true}) -
                    getRowsModeSram(g, layers, nullptr, w),
                cacheBytes)
          << "iter " << iter << " width " << w;
      saving += kept.input < reread.input;
      ++plans;
      if (HasFailure())
        return;
    }
  }
  EXPECT_GT(plans, 300);
  EXPECT_GT(saving, 100);
}

} // namespace
