//===- FusionModelTest.cpp - Fusion groups and the partition --------------===//

#include "cnn/Analysis/FusionModel.h"
#include "cnn/Analysis/GroupModes.h"

#include "gtest/gtest.h"

#include <functional>
#include <random>
#include <set>

using namespace mlir::cnn;

namespace {

LayerInfo conv(std::string name, TensorShape in, int64_t m, int64_t k,
               int64_t pad) {
  LayerInfo l;
  l.name = std::move(name);
  l.inputs = {in};
  l.output = {m, in.h + 2 * pad - k + 1, in.w + 2 * pad - k + 1, in.elemBytes};
  l.kernelH = l.kernelW = k;
  l.padTop = l.padBottom = l.padLeft = l.padRight = pad;
  l.weightElements = m * in.c * k * k;
  l.weightBytes = l.weightElements * in.elemBytes;
  describeConvolution(l);
  return l;
}

enum class Joint { Add, Concat };

LayerInfo elementwise(std::string name, Joint kind,
                      std::vector<TensorShape> ins) {
  LayerInfo l;
  l.name = std::move(name);
  l.inputs = ins;
  l.output = ins.front();
  if (kind == Joint::Concat) {
    for (size_t i = 1; i < ins.size(); ++i)
      l.output.c += ins[i].c;
    describeConcat(l);
  } else {
    describeElementwise(l, "add");
  }
  return l;
}

Traffic alone(const LayerInfo &l, int64_t sram) {
  TileProblem p = getTileProblem(l);
  if (p.cls == TilingClass::Untiled)
    return getUntiledTraffic(l);
  std::optional<TileChoice> c = searchTiling(p, sram);
  if (!c)
    return {1 << 30, 0, 0};
  return c->traffic;
}

// Two 3x3 convolutions (pad 1) on 4x8x8 i8, no bias: X -> A -> B.
// Worked by hand (docs/CostModel.md section 2): at each step the driver
// computes one row of B; A must hold rows r-1..r+1 for it (3 rows), X the
// rows r..r+2 that A's next row reads (3 rows), B the row of the step (1).
// Rows of 4 channels x 8 columns = 32 bytes: line buffers 7 * 32 = 224,
// weights 2 * 144 = 288: 512 bytes in mode rows. Mode resident keeps X and
// A (256 + 256) while the first layer runs, plus one output channel of its
// weights (4*9 = 36): 548. Traffic: X once (256), weights once (288), B
// once (256): 800, where each layer alone moves 656.
TEST(FusionModel, ChainOfTwoConvolutions) {
  FusionGraph g;
  TensorShape s{4, 8, 8, 1};
  int x = g.addTensor("x", s);
  LayerInfo a = conv("a", s, 4, 3, 1), b = conv("b", s, 4, 3, 1);
  int la = g.addLayer(a, {x}, alone(a, 1 << 20));
  int lb = g.addLayer(b, {g.layers[la].output}, alone(b, 1 << 20));
  g.tensors[g.layers[lb].output].isNetworkOutput = true;

  std::vector<GroupBuffer> buffers;
  EXPECT_EQ(getRowsModeSram(g, {0, 1}, &buffers), 512);
  ASSERT_EQ(buffers.size(), 3u);
  EXPECT_EQ(buffers[0].rows, 3); // x
  EXPECT_EQ(buffers[1].rows, 3); // a
  EXPECT_EQ(buffers[2].rows, 1); // b
  EXPECT_EQ(getResidentModeSram(g, {0, 1}), 548);

  GroupPlan plan = evaluateGroup(g, {0, 1}, 512);
  EXPECT_TRUE(plan.valid);
  EXPECT_EQ(plan.mode, GroupMode::Rows);
  EXPECT_EQ(plan.traffic.total(), 800);
  EXPECT_FALSE(evaluateGroup(g, {0, 1}, 511).valid);
  EXPECT_EQ(evaluateGroup(g, {0, 1}, 548).mode, GroupMode::Rows);

  Partition p = partitionLayers(g, 512);
  ASSERT_EQ(p.units.size(), 1u);
  EXPECT_EQ(p.total.total(), 800);
  EXPECT_EQ(p.unmerged.total(), 2 * 656);
}

// A residual block on 4x8x8 i8: c1 = conv3x3(X), c2 = conv3x3(c1),
// y = add(c2, X). Worked by hand: at step r the add computes row r of y, so
// c2 computes row r (reading c1 rows r-1..r+1) and c1 computes row r+1
// (reading X rows r..r+2). Live rows at that step:
//   X:  row r+2 is loaded; c1's next row (r+1) reads from row r and the
//       add's row r reads row r: rows r..r+2, 3 rows.
//   c1: row r+1 produced; c2's row r reads from r-1: rows r-1..r+1, 3.
//   c2: row r, read by the add in the same step: 1. y: 1.
// 8 rows of 32 bytes + weights 2 * 144 = 544 bytes. X is read by two
// layers of the group and still loaded once: 256 bytes of input traffic.
TEST(FusionModel, ResidualKeepsTheSkipRows) {
  FusionGraph g;
  TensorShape s{4, 8, 8, 1};
  int x = g.addTensor("x", s);
  LayerInfo c1 = conv("c1", s, 4, 3, 1), c2 = conv("c2", s, 4, 3, 1);
  int l1 = g.addLayer(c1, {x}, alone(c1, 1 << 20));
  int l2 = g.addLayer(c2, {g.layers[l1].output}, alone(c2, 1 << 20));
  LayerInfo add = elementwise("add", Joint::Add, {s, s});
  int l3 = g.addLayer(add, {g.layers[l2].output, x}, alone(add, 1 << 20));
  g.tensors[g.layers[l3].output].isNetworkOutput = true;

  std::vector<GroupBuffer> buffers;
  int64_t need = getRowsModeSram(g, {0, 1, 2}, &buffers);
  ASSERT_EQ(buffers.size(), 4u);
  EXPECT_EQ(buffers[0].rows, 3); // x
  EXPECT_EQ(buffers[1].rows, 3); // c1
  EXPECT_EQ(buffers[2].rows, 1); // c2
  EXPECT_EQ(buffers[3].rows, 1); // y
  EXPECT_EQ(need, 288 + 8 * 32);
  GroupPlan plan = evaluateGroup(g, {0, 1, 2}, 1 << 20);
  EXPECT_EQ(plan.traffic.input, 256);
  EXPECT_EQ(plan.traffic.output, 256);
}

/// A random DAG of small layers on 8x8 (or 6x6) feature maps.
FusionGraph randomGraph(std::mt19937_64 &rng, int layers, bool chain,
                        int64_t sram) {
  auto pick = [&](int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng);
  };
  FusionGraph g;
  int64_t hw = pick(0, 1) ? 8 : 6;
  g.addTensor("in", {pick(1, 4), hw, hw, 1});
  for (int i = 0; i < layers; ++i) {
    int last = static_cast<int>(g.tensors.size()) - 1;
    int src = chain ? last : static_cast<int>(pick(0, last));
    TensorShape in = g.tensors[src].shape;
    std::string name = "l" + std::to_string(i);
    int kind = chain ? pick(0, 2) : pick(0, 4);
    LayerInfo l;
    std::vector<int> inputs = {src};
    if (kind == 0) {
      int64_t k = pick(0, 1) ? 3 : 1;
      l = conv(name, in, pick(1, 4), k, k / 2);
    } else if (kind == 1) {
      l = conv(name, in, in.c, 3, 1);
      l.groups = in.c;
      l.weightElements = in.c * 9;
      l.weightBytes = l.weightElements;
      describeConvolution(l);
    } else if (kind == 2) {
      l = conv(name, in, in.c, 3, 1);
      l.weightElements = l.weightBytes = 0;
      describePool(l, "max_pool");
    } else {
      // add or concat with another earlier tensor
      int other = static_cast<int>(pick(0, last));
      TensorShape o = g.tensors[other].shape;
      if (kind == 3 && o.c == in.c) {
        l = elementwise(name, Joint::Add, {in, o});
      } else {
        l = elementwise(name, Joint::Concat, {in, o});
      }
      inputs.push_back(other);
    }
    g.addLayer(l, inputs, alone(l, sram));
  }
  for (GraphTensor &t : g.tensors)
    if (t.producer >= 0 && t.consumers.empty())
      t.isNetworkOutput = true;
  return g;
}

int64_t blockCost(const FusionGraph &g, const std::vector<int> &block,
                  int64_t sram) {
  if (block.size() == 1)
    return g.layers[block[0]].alone.total();
  GroupPlan p = evaluateGroup(g, block, sram);
  return p.valid ? p.traffic.total() : -1;
}

/// True when no path leaves `block` and comes back to it.
bool isConvex(const FusionGraph &g, const std::vector<int> &blockOf,
              int block) {
  int n = static_cast<int>(g.layers.size());
  // reach[l]: l is reachable from the block through layers outside it.
  std::vector<char> reach(n, 0);
  for (int l = 0; l < n; ++l) {
    bool fromBlock = false;
    for (int t : g.layers[l].inputs) {
      int p = g.tensors[t].producer;
      if (p >= 0 && (blockOf[p] == block || (reach[p] && blockOf[p] != block)))
        fromBlock = true;
    }
    if (blockOf[l] == block) {
      for (int t : g.layers[l].inputs) {
        int p = g.tensors[t].producer;
        if (p >= 0 && blockOf[p] != block && reach[p])
          return false;
      }
    } else {
      reach[l] = fromBlock;
    }
  }
  return true;
}

/// The least traffic over every partition into convex blocks (-1 if none
/// is feasible).
int64_t bestConvexPartition(const FusionGraph &g, int64_t sram) {
  int n = static_cast<int>(g.layers.size());
  std::vector<int> blockOf(n, 0);
  int64_t best = -1;
  std::function<void(int, int)> rec = [&](int l, int blocks) {
    if (l == n) {
      int64_t total = 0;
      for (int b = 0; b < blocks; ++b) {
        if (!isConvex(g, blockOf, b))
          return;
        std::vector<int> block;
        for (int i = 0; i < n; ++i)
          if (blockOf[i] == b)
            block.push_back(i);
        int64_t c = blockCost(g, block, sram);
        if (c < 0)
          return;
        total += c;
      }
      if (best < 0 || total < best)
        best = total;
      return;
    }
    for (int b = 0; b <= blocks; ++b) {
      blockOf[l] = b;
      rec(l + 1, std::max(blocks, b + 1));
    }
  };
  rec(0, 0);
  return best;
}

/// The least traffic over partitions into contiguous segments of the
/// graph's order.
int64_t bestContiguousPartition(const FusionGraph &g, int64_t sram) {
  int n = static_cast<int>(g.layers.size());
  int64_t best = -1;
  for (int mask = 0; mask < (1 << (n - 1)); ++mask) {
    int64_t total = 0;
    int start = 0;
    bool ok = true;
    for (int l = 0; l < n && ok; ++l) {
      if (l == n - 1 || (mask >> l & 1)) {
        std::vector<int> seg;
        for (int i = start; i <= l; ++i)
          seg.push_back(i);
        int64_t c = blockCost(g, seg, sram);
        if (c < 0)
          ok = false;
        total += c;
        start = l + 1;
      }
    }
    if (ok && (best < 0 || total < best))
      best = total;
  }
  return best;
}

TEST(FusionModel, PartitionAgainstExhaustiveEnumeration) {
  std::mt19937_64 rng(4096);
  int dags = 0, optimalOnDags = 0;
  for (int iter = 0; iter < 160; ++iter) {
    bool chain = iter % 4 == 0;
    int64_t sram = std::array<int64_t, 4>{256, 512, 1024, 4096}[iter % 4 == 0
                                                                    ? (iter / 4) % 4
                                                                    : iter % 4];
    FusionGraph g = randomGraph(rng, chain ? 6 : 6, chain, sram);
    bool feasible = true;
    for (const GraphLayer &l : g.layers)
      if (l.alone.total() >= (1 << 30))
        feasible = false;
    if (!feasible)
      continue;
    Partition p = partitionLayers(g, sram);
    int64_t recomputed = 0;
    for (const PartitionUnit &u : p.units) {
      std::vector<int> seg;
      for (int l = u.first; l <= u.last; ++l)
        seg.push_back(l);
      int64_t c = blockCost(g, seg, sram);
      ASSERT_GE(c, 0) << "iter " << iter << ": a unit that is not valid";
      recomputed += c;
    }
    EXPECT_EQ(p.total.total(), recomputed) << "iter " << iter;
    EXPECT_LE(p.total.total(), p.unmerged.total()) << "iter " << iter;
    EXPECT_EQ(p.total.total(), bestContiguousPartition(g, sram))
        << "iter " << iter;
    int64_t convex = bestConvexPartition(g, sram);
    EXPECT_GE(p.total.total(), convex) << "iter " << iter;
    if (chain) {
      EXPECT_EQ(p.total.total(), convex) << "iter " << iter;
    } else {
      ++dags;
      optimalOnDags += p.total.total() == convex;
    }
  }
  EXPECT_GT(dags, 50);
  std::printf("partition equals the best convex partition on %d of %d DAGs\n",
              optimalOnDags, dags);
}

} // namespace

namespace {

// Every GroupMode has exactly one class, which names it; the names differ.
TEST(GroupModes, EveryModeHasOneClass) {
  ASSERT_EQ(getGroupModeModels().size(), kNumGroupModes);
  std::set<std::string> names;
  for (size_t i = 0; i < kNumGroupModes; ++i) {
    GroupMode mode = static_cast<GroupMode>(i);
    EXPECT_EQ(getGroupModeModel(mode).getMode(), mode);
    EXPECT_STREQ(getGroupModeName(mode), getGroupModeModel(mode).getName());
    names.insert(getGroupModeName(mode));
  }
  EXPECT_EQ(names.size(), kNumGroupModes);
}

/// Sums the steps of a group in one mode: bytes and MACs.
std::pair<Traffic, double> sumSteps(const FusionGraph &g,
                                    const std::vector<int> &layers,
                                    GroupMode mode) {
  Traffic sum;
  double macs = 0;
  getGroupModeModel(mode).forEachStep(
      g, layers, [&](int64_t, double m, const Traffic &bytes, int64_t times) {
        sum.input += times * bytes.input;
        sum.weights += times * bytes.weights;
        sum.output += times * bytes.output;
        macs += times * m;
      });
  return {sum, macs};
}

// The steps of every mode move exactly the closed form of section 2 of the
// cost model (inputs once, weights once, leaving tensors once) and compute
// every MAC of the group once, on random groups of random networks
// (convolutions, depthwise, pools, adds, concatenations), with and without
// DMA overlapping compute.
TEST(GroupModes, StepSumsEqualClosedForm) {
  std::mt19937_64 rng(20261206);
  int groups = 0;
  for (int trial = 0; trial < 200; ++trial) {
    bool chain = trial % 2 == 0;
    FusionGraph g = randomGraph(rng, 7, chain, 1 << 20);
    // Under DMA overlap the steps are the lowering's pipeline windows; they
    // still move and compute everything once.
    g.target.dmaOverlap = trial % 3 == 0;
    int n = static_cast<int>(g.layers.size());
    for (int first = 0; first < n; ++first)
      for (int last = first + 1; last < n; ++last) {
        std::vector<int> layers;
        for (int l = first; l <= last; ++l)
          layers.push_back(l);
        GroupPlan plan = evaluateGroup(g, layers, int64_t(1) << 40);
        if (!plan.valid)
          continue;
        ++groups;
        double macs = 0;
        for (int l : layers)
          macs += static_cast<double>(g.layers[l].info.macs());
        for (size_t i = 0; i < kNumGroupModes; ++i) {
          GroupMode mode = static_cast<GroupMode>(i);
          auto [traffic, stepMacs] = sumSteps(g, layers, mode);
          EXPECT_EQ(traffic.input, plan.traffic.input) << getGroupModeName(mode);
          EXPECT_EQ(traffic.weights, plan.traffic.weights);
          EXPECT_EQ(traffic.output, plan.traffic.output);
          EXPECT_NEAR(stepMacs, macs, 1e-6 * (macs + 1));
        }
      }
  }
  EXPECT_GT(groups, 500);
}

// A multiply by per-channel factors (1 row) reads them whole: the factors'
// buffer keeps its one row while every row of the map streams, and the
// steps still move the closed form. Map 4x8x8 i8 (rows of 32 bytes), the
// factors 4x1x1 computed by a max pool over the whole map (8 rows of the
// input live at step 0), then the multiply and a 1x1 convolution (16
// weight bytes): 256 + 4 + 32 + 32 + 16 = 340 bytes; traffic 256 + 16 +
// 256 (see test/Transforms/merge-layers-mul.mlir).
TEST(GroupModes, BroadcastFactorsReadWhole) {
  FusionGraph g;
  TensorShape map{4, 8, 8, 1};
  int x = g.addTensor("x", map);
  LayerInfo pool;
  pool.name = "gate";
  pool.inputs = {map};
  pool.output = {4, 1, 1, 1};
  pool.kernelH = pool.kernelW = 8;
  describePool(pool, "max_pool");
  g.addLayer(pool, {x}, {});
  LayerInfo mul;
  mul.name = "scale";
  mul.inputs = {map, pool.output};
  mul.output = map;
  describeElementwise(mul, "mul");
  EXPECT_EQ(mul.inputRows[1].kind, RowDependence::Kind::Whole);
  g.addLayer(mul, {x, g.layers[0].output}, {});
  LayerInfo proj = conv("proj", map, 4, 1, 0);
  g.addLayer(proj, {g.layers[1].output}, {});
  g.tensors.back().isNetworkOutput = true;
  std::vector<GroupBuffer> buffers;
  EXPECT_EQ(getRowsModeSram(g, {0, 1, 2}, &buffers), 340);
  ASSERT_EQ(buffers.size(), 4u);
  EXPECT_EQ(buffers[0].rows, 8); // x
  EXPECT_EQ(buffers[1].rows, 1); // the factors
  GroupPlan plan = evaluateGroup(g, {0, 1, 2}, 400);
  EXPECT_TRUE(plan.valid);
  EXPECT_EQ(plan.mode, GroupMode::Rows);
  EXPECT_EQ(plan.traffic.total(), 528);
  EXPECT_EQ(sumSteps(g, {0, 1, 2}, GroupMode::Rows).first.total(), 528);
}

} // namespace

namespace {

// concat(x, a(x)) leaving the group: its producers write it in place, and
// no layer writes the network's input x, so no group holds the concat while
// it leaves. Read only inside the group, it is a view and merges.
TEST(FusionModel, LeavingConcatOfTheInputDoesNotMerge) {
  TensorShape s{4, 8, 8, 1};
  for (bool leaves : {true, false}) {
    FusionGraph g;
    int x = g.addTensor("x", s);
    LayerInfo a = conv("a", s, 4, 3, 1);
    int la = g.addLayer(a, {x}, alone(a, 1 << 20));
    LayerInfo cat = elementwise("cat", Joint::Concat, {s, s});
    int lc = g.addLayer(cat, {x, g.layers[la].output}, {});
    LayerInfo b = conv("b", cat.output, 4, 1, 0);
    int lb = g.addLayer(b, {g.layers[lc].output}, alone(b, 1 << 20));
    g.tensors[g.layers[lb].output].isNetworkOutput = true;
    g.tensors[g.layers[lc].output].isNetworkOutput = leaves;
    EXPECT_EQ(evaluateGroup(g, {la, lc, lb}, 1 << 20).valid, !leaves);
    // Without b the concat leaves to it.
    EXPECT_FALSE(evaluateGroup(g, {la, lc}, 1 << 20).valid);
  }
}

} // namespace

namespace {

/// The tail of a classifier: global pool, fully connected layer, softmax.
LayerInfo globalPool(std::string name, TensorShape in) {
  LayerInfo l;
  l.name = std::move(name);
  l.inputs = {in};
  l.output = {in.c, 1, 1, in.elemBytes};
  describeChannelReduce(l, "global_avg_pool");
  return l;
}

LayerInfo dense(std::string name, TensorShape in, int64_t m, bool bias) {
  LayerInfo l;
  l.name = std::move(name);
  l.inputs = {in};
  l.output = {m, 1, 1, in.elemBytes};
  l.weightElements = m * in.elements();
  l.weightBytes = l.weightElements * in.elemBytes;
  if (bias) {
    l.biasElements = m;
    l.biasBytes = 4 * m;
  }
  describeDense(l);
  return l;
}

LayerInfo softmax(std::string name, TensorShape in) {
  LayerInfo l;
  l.name = std::move(name);
  l.inputs = {in};
  l.output = in;
  describePixelwise(l, "softmax");
  return l;
}

// A fully connected layer over an 8x4x4 i8 map (K = 128) to 8 outputs with
// an i32 bias, after a 1x1 convolution 8 -> 8. Mode resident streams the
// fully connected layer's weights one output at a time: at the convolution
// x (128) + its output (128) + one output channel of its weights (8) =
// 264; at the fully connected layer its input (128) + its output (8) + one
// row of weights (128) + one bias (4) = 268: the need is 268; traffic: x
// once (128), weights 64 + 1024 + bias 32, the 8 outputs: 1256. With double
// buffering (and no bias) each channel's weights are held twice: 128 + 128
// + 16 = 272 at the convolution, 128 + 8 + 256 = 392 at the fully
// connected layer; traffic 1224. Mode rows does not run the fully
// connected layer.
TEST(GroupModes, ResidentStreamsDenseWeightsPerOutput) {
  TensorShape map{8, 4, 4, 1};
  for (bool overlap : {false, true}) {
    FusionGraph g;
    TargetDesc t;
    t.dmaOverlap = overlap;
    g.setTarget(t);
    int x = g.addTensor("x", map);
    LayerInfo c = conv("c", map, 8, 1, 0);
    g.addLayer(c, {x}, alone(c, 1 << 20));
    LayerInfo fc = dense("fc", map, 8, /*bias=*/!overlap);
    EXPECT_FALSE(fc.mergesInRows);
    g.addLayer(fc, {g.layers[0].output}, alone(fc, 1 << 20));
    g.tensors.back().isNetworkOutput = true;
    EXPECT_EQ(getResidentModeSram(g, {0, 1}), overlap ? 392 : 268);
    GroupPlan plan = evaluateGroup(g, {0, 1}, 1 << 20);
    ASSERT_TRUE(plan.valid);
    EXPECT_EQ(plan.mode, GroupMode::Resident);
    EXPECT_EQ(plan.in(GroupMode::Rows).sram, -1);
    EXPECT_EQ(plan.traffic.total(), overlap ? 1224 : 1256);
    EXPECT_EQ(sumSteps(g, {0, 1}, GroupMode::Resident).first.total(),
              overlap ? 1224 : 1256);
    EXPECT_FALSE(evaluateGroup(g, {0, 1}, overlap ? 391 : 267).valid);
  }
}

// Chains of convolutions and pools ending in a classifier tail (global
// pool or not, one or two fully connected layers, softmax or not), at
// SRAM sizes where the tail fits whole or not: the partition equals the
// best over every partition into segments, and never moves more than the
// best partition in which the tail runs alone.
TEST(FusionModel, TailAgainstExhaustiveEnumeration) {
  std::mt19937_64 rng(2020);
  auto pick = [&](int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng);
  };
  int merged = 0;
  for (int iter = 0; iter < 120; ++iter) {
    int64_t sram = std::array<int64_t, 4>{256, 512, 1024, 4096}[iter % 4];
    FusionGraph g;
    int64_t hw = pick(0, 1) ? 6 : 4;
    g.addTensor("in", {pick(1, 4), hw, hw, 1});
    auto last = [&] { return static_cast<int>(g.tensors.size()) - 1; };
    auto add = [&](LayerInfo l) {
      g.addLayer(l, {last()}, alone(l, sram));
    };
    int body = static_cast<int>(pick(1, 3));
    for (int i = 0; i < body; ++i) {
      TensorShape in = g.tensors[last()].shape;
      std::string name = "l" + std::to_string(i);
      if (pick(0, 3)) {
        int64_t k = pick(0, 1) ? 3 : 1;
        add(conv(name, in, pick(1, 6), k, k / 2));
      } else {
        LayerInfo p = conv(name, in, in.c, 3, 1);
        p.weightElements = p.weightBytes = 0;
        describePool(p, "max_pool");
        add(p);
      }
    }
    if (pick(0, 2))
      add(globalPool("gap", g.tensors[last()].shape));
    add(dense("fc1", g.tensors[last()].shape, pick(2, 12), pick(0, 1)));
    if (pick(0, 1))
      add(dense("fc2", g.tensors[last()].shape, pick(2, 8), pick(0, 1)));
    if (pick(0, 1))
      add(softmax("prob", g.tensors[last()].shape));
    g.tensors.back().isNetworkOutput = true;
    bool feasible = true;
    for (const GraphLayer &l : g.layers)
      feasible &= l.alone.total() < (1 << 30);
    if (!feasible)
      continue;
    Partition p = partitionLayers(g, sram);
    EXPECT_EQ(p.total.total(), bestContiguousPartition(g, sram))
        << "iter " << iter;
    // The same chain with the tail unmergeable, as before it could join.
    FusionGraph apart = g;
    for (GraphLayer &l : apart.layers)
      if (!l.info.mergesInRows)
        l.info.mergeable = false;
    int64_t before = partitionLayers(apart, sram).total.total();
    EXPECT_LE(p.total.total(), before) << "iter " << iter;
    merged += p.total.total() < before;
    for (const PartitionUnit &u : p.units)
      if (u.isGroup() && !g.layers[u.last].info.mergesInRows)
        EXPECT_EQ(u.plan.mode, GroupMode::Resident) << "iter " << iter;
  }
  // The tail joins a group and saves bytes on many chains.
  EXPECT_GT(merged, 30);
}

} // namespace
