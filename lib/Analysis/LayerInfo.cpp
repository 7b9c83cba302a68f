//===- LayerInfo.cpp - Plain description of a CNN layer ---------*- C++ -*-===//

#include "cnn/Analysis/LayerInfo.h"

#include <algorithm>

using namespace mlir::cnn;

static int64_t floorDiv(int64_t a, int64_t b) {
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

int64_t RowDependence::bilinearRow(int64_t o) const {
  return floorDiv(2 * o + 1 - scale, 2 * scale);
}

int64_t RowDependence::lowestRead(int64_t q) const {
  switch (kind) {
  case Kind::Window:
    return std::max<int64_t>(q * stride - pad, 0);
  case Kind::Upsample:
    if (bilinear)
      return std::max<int64_t>(bilinearRow(q), 0);
    return q / scale;
  case Kind::Whole:
    return 0;
  }
  return 0;
}

int64_t RowDependence::highestRead(int64_t o, int64_t inputRows) const {
  if (o < 0)
    return -1;
  int64_t row = inputRows - 1;
  switch (kind) {
  case Kind::Window:
    row = o * stride - pad + window - 1;
    break;
  case Kind::Upsample:
    row = bilinear ? bilinearRow(o) + 1 : o / scale;
    break;
  case Kind::Whole:
    break;
  }
  return std::clamp<int64_t>(row, -1, inputRows - 1);
}

int64_t LayerInfo::inputBytes() const {
  int64_t sum = 0;
  for (const TensorShape &t : inputs)
    sum += t.bytes();
  return sum;
}

/// Every input read at the output's rows and columns.
static void readRowsAlike(LayerInfo &l) {
  l.inputRows.assign(l.inputs.size(), RowDependence::identity());
  l.inputCols.assign(l.inputs.size(), RowDependence::identity());
}

/// A window layer's rows: input rows r*stride - pad .. + effective kernel;
/// and its columns alike.
static void readRowsByWindow(LayerInfo &l) {
  l.inputRows.assign(
      l.inputs.size(),
      RowDependence::slidingWindow(l.strideH, l.padTop,
                                   (l.kernelH - 1) * l.dilationH + 1));
  l.inputCols.assign(
      l.inputs.size(),
      RowDependence::slidingWindow(l.strideW, l.padLeft,
                                   (l.kernelW - 1) * l.dilationW + 1));
}

void mlir::cnn::describeConvolution(LayerInfo &l, std::string kind) {
  l.kind = std::move(kind);
  l.cls = LayerClass::Convolution;
  l.mergeable = true;
  readRowsByWindow(l);
  int64_t c = l.inputs.front().c;
  l.macCount = l.output.c * l.output.h * l.output.w * (c / l.groups) *
               l.kernelH * l.kernelW;
}

void mlir::cnn::describePool(LayerInfo &l, std::string kind) {
  l.kind = std::move(kind);
  l.cls = LayerClass::Pool;
  l.mergeable = true;
  readRowsByWindow(l);
  l.macCount = 0;
}

void mlir::cnn::describeDense(LayerInfo &l, std::string kind) {
  l.kind = std::move(kind);
  l.cls = LayerClass::Dense;
  l.mergeable = true;
  l.mergesInRows = false;
  readRowsAlike(l);
  l.macCount = l.output.c * l.inputs.front().elements();
}

void mlir::cnn::describeElementwise(LayerInfo &l, std::string kind) {
  l.kind = std::move(kind);
  l.cls = LayerClass::Stream;
  l.stream = StreamPattern::RowBlocks;
  l.mergeable = true;
  readRowsAlike(l);
  for (size_t i = 0; i < l.inputs.size(); ++i) {
    if (l.inputs[i].h != l.output.h)
      l.inputRows[i] = RowDependence::whole();
    if (l.inputs[i].w != l.output.w)
      l.inputCols[i] = RowDependence::whole();
  }
  l.macCount = 0;
}

void mlir::cnn::describeConcat(LayerInfo &l, std::string kind) {
  l.kind = std::move(kind);
  l.cls = LayerClass::View;
  l.mergeable = true;
  readRowsAlike(l);
  l.macCount = 0;
}

void mlir::cnn::describePad(LayerInfo &l, std::string kind) {
  l.kind = std::move(kind);
  l.cls = LayerClass::Stream;
  l.stream = StreamPattern::InputRows;
  l.streamOutputRows = 1;
  l.mergeable = true;
  l.inputRows.assign(l.inputs.size(),
                     RowDependence::slidingWindow(1, l.padTop, 1));
  l.inputCols.assign(l.inputs.size(),
                     RowDependence::slidingWindow(1, l.padLeft, 1));
  l.macCount = 0;
}

void mlir::cnn::describeResize(LayerInfo &l, std::string kind) {
  l.kind = std::move(kind);
  l.cls = LayerClass::Stream;
  l.stream = StreamPattern::InputRows;
  // Nearest stores the block of rows an input row becomes; bilinear one
  // output row at a time.
  l.streamOutputRows = l.bilinear ? 1 : l.strideH;
  l.mergeable = true;
  l.inputRows.assign(l.inputs.size(),
                     RowDependence::upsample(l.strideH, l.bilinear));
  l.inputCols.assign(l.inputs.size(),
                     RowDependence::upsample(l.strideW, l.bilinear));
  l.macCount = 0;
}

void mlir::cnn::describeChannelReduce(LayerInfo &l, std::string kind) {
  l.kind = std::move(kind);
  l.cls = LayerClass::Stream;
  l.stream = StreamPattern::ChannelReduce;
  l.mergeable = true;
  l.mergesInRows = false;
  l.inputRows.assign(l.inputs.size(), RowDependence::whole());
  l.inputCols.assign(l.inputs.size(), RowDependence::whole());
  l.macCount = 0;
}

void mlir::cnn::describePixelwise(LayerInfo &l, std::string kind) {
  l.kind = std::move(kind);
  l.cls = LayerClass::Stream;
  l.stream = StreamPattern::Pixels;
  l.mergeable = true;
  l.mergesInRows = false;
  readRowsAlike(l);
  l.macCount = 0;
}

void mlir::cnn::describeSelect(LayerInfo &l, std::string kind) {
  l.kind = std::move(kind);
  l.cls = LayerClass::Stream;
  l.stream = StreamPattern::Gather;
  l.mergeable = true;
  readRowsAlike(l);
  l.macCount = 0;
}

std::vector<ChannelRun>
mlir::cnn::getChannelRuns(const std::vector<int64_t> &channels) {
  constexpr int64_t kMaxOutStep = 16;
  int64_t n = static_cast<int64_t>(channels.size());
  std::vector<bool> covered(n, false);
  std::vector<ChannelRun> runs;
  for (int64_t k = 0; k < n; ++k) {
    if (covered[k])
      continue;
    ChannelRun best{k, 1, channels[k], 1, 1};
    for (int64_t s = 1; s <= kMaxOutStep && k + s < n; ++s) {
      if (covered[k + s])
        continue;
      int64_t d = channels[k + s] - channels[k];
      if (d < 1)
        continue;
      int64_t count = 1;
      while (k + count * s < n && !covered[k + count * s] &&
             channels[k + count * s] == channels[k] + count * d)
        ++count;
      if (count > best.count)
        best = {k, s, channels[k], d, count};
    }
    for (int64_t i = 0; i < best.count; ++i)
      covered[best.outStart + i * best.outStep] = true;
    runs.push_back(best);
  }
  return runs;
}

void mlir::cnn::describeDepthToSpace(LayerInfo &l, std::string kind) {
  l.kind = std::move(kind);
  l.cls = LayerClass::Stream;
  l.stream = StreamPattern::InputRows;
  l.streamOutputRows = l.strideH;
  l.mergeable = true;
  l.inputRows.assign(l.inputs.size(),
                     RowDependence::upsample(l.strideH, /*bilinear=*/false));
  l.inputCols.assign(l.inputs.size(),
                     RowDependence::upsample(l.strideW, /*bilinear=*/false));
  l.macCount = 0;
}
