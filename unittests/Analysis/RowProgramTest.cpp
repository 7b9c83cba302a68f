//===- RowProgramTest.cpp - Mode rows as a program ------------------------===//

#include "cnn/Analysis/RowProgram.h"

#include "gtest/gtest.h"

#include <random>

using namespace mlir::cnn;

namespace {

LayerInfo conv3x3(std::string name, TensorShape in) {
  LayerInfo l;
  l.name = std::move(name);
  l.inputs = {in};
  l.output = in;
  l.kernelH = l.kernelW = 3;
  l.padTop = l.padBottom = l.padLeft = l.padRight = 1;
  l.weightElements = in.c * in.c * 9;
  l.weightBytes = l.weightElements * in.elemBytes;
  describeConvolution(l);
  return l;
}

RowAction action(RowAction::Kind kind, int index, int64_t first,
                 int64_t count = 1, int64_t advance = 0) {
  return {kind, index, first, count, advance};
}

// Two 3x3 convolutions (pad 1) on 8 rows: x -> a -> b, b leaves. Worked by
// hand: step r computes row r of b, which reads rows r-1..r+1 of a, whose
// row r+1 reads rows r..r+2 of x. Step 0 loads x rows 0..2 and computes a
// rows 0 (its top row clipped) and 1; steps 1..5 each load x row r+2 and
// compute a row r+1 and b row r, all inside the maps: the loop, 5 trips of
// one step advancing every row by 1. Step 6 loads nothing (x has 8 rows)
// and computes a's clipped bottom row 7; step 7 only b's row 7.
TEST(RowProgram, ChainOfTwoConvolutions) {
  FusionGraph g;
  TensorShape s{4, 8, 8, 1};
  int x = g.addTensor("x", s);
  int la = g.addLayer(conv3x3("a", s), {x}, {});
  int lb = g.addLayer(conv3x3("b", s), {g.layers[la].output}, {});
  int a = g.layers[la].output, b = g.layers[lb].output;
  g.tensors[b].isNetworkOutput = true;

  RowProgram p = buildRowProgram(g, {la, lb});
  using K = RowAction::Kind;
  ASSERT_EQ(p.prologue.size(), 1u);
  const std::vector<RowAction> &first = p.prologue[0].actions;
  ASSERT_EQ(first.size(), 5u);
  EXPECT_EQ(first[0], action(K::Load, x, 0, 3));
  // a's row 0 and row 1 have different shapes (row 0 is clipped above).
  EXPECT_EQ(first[1].index, la);
  EXPECT_EQ(first[1].first, 0);
  EXPECT_EQ(first[1].count, 1);
  EXPECT_EQ(first[2].first, 1);
  EXPECT_NE(first[1].shape, first[2].shape);
  EXPECT_EQ(first[3].index, lb);
  EXPECT_EQ(first[4], action(K::Store, b, 0));

  EXPECT_EQ(p.trips, 5);
  ASSERT_EQ(p.body.size(), 1u);
  const std::vector<RowAction> &body = p.body[0].actions;
  ASSERT_EQ(body.size(), 4u);
  EXPECT_EQ(body[0], action(K::Load, x, 3, 1, 1));
  EXPECT_EQ(body[1].index, la);
  EXPECT_EQ(body[1].first, 2);
  EXPECT_EQ(body[1].advance, 1);
  EXPECT_EQ(body[1].shape, first[2].shape);
  EXPECT_EQ(body[2].index, lb);
  EXPECT_EQ(body[2].first, 1);
  EXPECT_EQ(body[3], action(K::Store, b, 1, 1, 1));

  ASSERT_EQ(p.epilogue.size(), 2u);
  ASSERT_EQ(p.epilogue[0].actions.size(), 3u);
  EXPECT_EQ(p.epilogue[0].actions[0].index, la);
  EXPECT_EQ(p.epilogue[0].actions[0].first, 7);
  EXPECT_NE(p.epilogue[0].actions[0].shape, body[1].shape);
  ASSERT_EQ(p.epilogue[1].actions.size(), 2u);
  EXPECT_EQ(p.epilogue[1].actions[1], action(K::Store, b, 7));

  // Circular line buffers of the most live rows (section 2's example).
  EXPECT_EQ(p.bufferRows[x], 3);
  EXPECT_EQ(p.bufferRows[a], 3);
  EXPECT_EQ(p.bufferRows[b], 1);
  EXPECT_EQ(p.getNumSteps(), 8);
}

// Folding loses nothing: on random step sequences made of a prologue, a
// periodic middle (with random advances) and an epilogue, expanding the
// folded program gives the steps back, and the loop covers at least the
// periods generated (minus one, which may be absorbed into either end).
TEST(RowProgram, FoldingExpandsToTheSteps) {
  std::mt19937 rng(7);
  auto uniform = [&](int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng);
  };
  using K = RowAction::Kind;
  for (int trial = 0; trial < 300; ++trial) {
    auto randomStep = [&] {
      RowStep s;
      int n = uniform(1, 4);
      for (int i = 0; i < n; ++i) {
        RowAction a = action(static_cast<K>(uniform(0, 2)), uniform(0, 3),
                             uniform(0, 50), uniform(1, 3));
        a.shape = uniform(0, 1);
        s.actions.push_back(a);
      }
      return s;
    };
    std::vector<RowStep> steps;
    for (int i = uniform(0, 3); i > 0; --i)
      steps.push_back(randomStep());
    int period = uniform(1, 4), periods = uniform(0, 6);
    std::vector<RowStep> body;
    for (int j = 0; j < period; ++j)
      body.push_back(randomStep());
    std::vector<std::vector<int64_t>> advance(period);
    for (int j = 0; j < period; ++j)
      for (size_t i = 0; i < body[j].actions.size(); ++i)
        advance[j].push_back(uniform(0, 3));
    for (int k = 0; k < periods; ++k)
      for (int j = 0; j < period; ++j) {
        RowStep s = body[j];
        for (size_t i = 0; i < s.actions.size(); ++i)
          s.actions[i].first += k * advance[j][i];
        steps.push_back(s);
      }
    for (int i = uniform(0, 3); i > 0; --i)
      steps.push_back(randomStep());

    RowProgram p = foldRowSteps(steps);
    EXPECT_EQ(p.expand(), steps) << "trial " << trial;
    EXPECT_EQ(p.getNumSteps(), static_cast<int64_t>(steps.size()));
    if (periods >= 3)
      EXPECT_GE(p.trips * static_cast<int64_t>(p.body.size()),
                static_cast<int64_t>(periods - 1) * period)
          << "trial " << trial;
    EXPECT_LE(static_cast<int64_t>(p.body.size()), kMaxRowPeriod);
  }
}

} // namespace
