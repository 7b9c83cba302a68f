//===- StreamPlan.cpp - Layers whose traffic does not depend on tiling ----===//
//
// The traffic and cycles of untiled layers, and the blocks a streamed layer
// moves (planStream), which its traffic and --lower-to-dma both read.
//
//===----------------------------------------------------------------------===//

#include "cnn/Analysis/TileSearch.h"

#include <algorithm>

using namespace mlir::cnn;

Traffic mlir::cnn::getUntiledTraffic(const LayerInfo &layer,
                                     int64_t fmPercent) {
  Traffic traffic;
  if (layer.cls == LayerClass::View)
    return traffic;
  // A channel selection reads only the channels it selects.
  int64_t inputBytes = layer.cls == LayerClass::Stream &&
                               layer.stream == StreamPattern::Gather
                           ? layer.output.bytes()
                           : layer.inputBytes();
  traffic.input = scaleFeatureMapBytes(inputBytes, fmPercent);
  traffic.output = scaleFeatureMapBytes(layer.output.bytes(), fmPercent);
  return traffic;
}

StreamPlan mlir::cnn::planStream(const LayerInfo &layer,
                                 const TargetDesc &target) {
  StreamPlan plan;
  // Streamed buffers get half the SRAM under double buffering.
  int64_t budget = target.dmaOverlap ? target.sramBytes / 2 : target.sramBytes;
  int64_t copies = target.dmaOverlap ? 2 : 1;
  const TensorShape &out = layer.output;
  switch (layer.stream) {
  case StreamPattern::RowBlocks: {
    // One block of rows per operand and one for the output.
    int64_t buffers = static_cast<int64_t>(layer.inputs.size()) + 1;
    int64_t rowBytes = out.w * out.elemBytes;
    plan.rows = std::min(out.h, budget / (buffers * rowBytes));
    plan.minSramBytes = copies * buffers * rowBytes;
    break;
  }
  case StreamPattern::ChannelReduce: {
    // A block of input rows and the one element of the result.
    const TensorShape &in = layer.inputs.front();
    plan.rows = std::min(in.h, (budget - in.elemBytes) / (in.w * in.elemBytes));
    plan.minSramBytes = copies * (in.w * in.elemBytes + in.elemBytes);
    break;
  }
  case StreamPattern::Gather: {
    // One block of rows, loaded and stored.
    int64_t rowBytes = out.w * out.elemBytes;
    plan.rows = std::min(out.h, budget / rowBytes);
    plan.minSramBytes = copies * rowBytes;
    break;
  }
  case StreamPattern::Pixels:
    // One pixel's channels in and out.
    plan.minSramBytes = 2 * out.c * out.elemBytes;
    break;
  case StreamPattern::InputRows: {
    // An input row and the output rows it becomes (two input rows and one
    // output row for bilinear resize); padding builds each output row in
    // one buffer.
    const TensorShape &in = layer.inputs.front();
    int64_t inRow = in.w * in.elemBytes, outRow = out.w * out.elemBytes;
    if (layer.inputRows.front().kind != RowDependence::Kind::Upsample)
      plan.minSramBytes = outRow;
    else if (layer.bilinear)
      plan.minSramBytes = 2 * inRow + outRow;
    else
      plan.minSramBytes = inRow + layer.streamOutputRows * outRow;
    break;
  }
  }
  return plan;
}

Traffic mlir::cnn::getUntiledTraffic(const LayerInfo &layer,
                                     const TargetDesc &target) {
  if (target.dmaAlignBytes <= 1 || layer.cls == LayerClass::View)
    return getUntiledTraffic(layer, target.fmPercent);
  auto fm = [&](int64_t bytes) {
    return target.alignTransfer(scaleFeatureMapBytes(bytes, target.fmPercent));
  };
  // Rows of one channel stream in blocks of the plan's rows.
  auto rowBlocks = [&](const TensorShape &s, int64_t rows) {
    rows = std::max<int64_t>(1, std::min(rows, s.h));
    int64_t rowBytes = s.w * s.elemBytes;
    int64_t full = s.h / rows, rest = s.h % rows;
    return s.c * (full * fm(rows * rowBytes) + (rest ? fm(rest * rowBytes) : 0));
  };
  StreamPlan plan = planStream(layer, target);
  const TensorShape &out = layer.output;
  Traffic t;
  switch (layer.stream) {
  case StreamPattern::RowBlocks:
    for (const TensorShape &in : layer.inputs)
      t.input += rowBlocks(in, plan.rows);
    t.output = rowBlocks(out, plan.rows);
    return t;
  case StreamPattern::ChannelReduce:
    t.input = rowBlocks(layer.inputs.front(), plan.rows);
    t.output = out.c * fm(out.elemBytes);
    return t;
  case StreamPattern::Pixels: {
    // One pixel's channels per transfer.
    const TensorShape &in = layer.inputs.front();
    t.input = in.h * in.w * fm(in.c * in.elemBytes);
    t.output = out.h * out.w * fm(out.c * out.elemBytes);
    return t;
  }
  case StreamPattern::Gather:
    // The output's channels, read from the input and stored.
    t.input = rowBlocks(out, plan.rows);
    t.output = rowBlocks(out, plan.rows);
    return t;
  case StreamPattern::InputRows:
    // Each input row of each channel is loaded alone; the output is stored
    // in blocks of the rows an input row becomes.
    t.input = rowBlocks(layer.inputs.front(), 1);
    t.output = rowBlocks(out, layer.streamOutputRows);
    return t;
  }
  return getUntiledTraffic(layer, target.fmPercent);
}

Cycles mlir::cnn::getUntiledCycles(const LayerInfo &layer,
                                   const Traffic &traffic,
                                   const TargetDesc &target) {
  return getStepCycles(target, layer.macs(), traffic.total());
}
