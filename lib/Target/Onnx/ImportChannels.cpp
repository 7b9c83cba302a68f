//===- ImportChannels.cpp - Split, Slice and channel shuffle ----*- C++ -*-===//
//
// The ONNX ops that choose channels of a feature map: Split and Slice along
// the channels, and the channel shuffle exporters write as a Reshape to
// [1, g, C/g, H, W], a Transpose of the two channel axes and a Reshape
// back. Each becomes one `cnn.select_channels` (none when every channel is
// kept in order); the 5-D tensors in between are views of the NCHW map.
//
//===----------------------------------------------------------------------===//

#include "OnnxImporter.h"

#include <algorithm>
#include <climits>

using namespace mlir;
using namespace mlir::cnn;
using namespace mlir::cnn::zoo;
using namespace mlir::cnn::onnx_import;

namespace {

/// True when `channels` keeps all `c` channels in order.
bool isIdentity(ArrayRef<int64_t> channels, int64_t c) {
  if (static_cast<int64_t>(channels.size()) != c)
    return false;
  for (auto [k, ch] : llvm::enumerate(channels))
    if (ch != static_cast<int64_t>(k))
      return false;
  return true;
}

/// The indices ONNX's Slice takes along a dimension of size `n` from
/// `start` to `end` by `step` (ONNX's clamping of each).
SmallVector<int64_t> sliceIndices(int64_t n, int64_t start, int64_t end,
                                  int64_t step) {
  auto normalize = [&](int64_t i) {
    if (i < 0)
      i = i <= INT64_MIN + n ? INT64_MIN : i + n;
    return i;
  };
  start = normalize(start);
  end = normalize(end);
  SmallVector<int64_t> indices;
  if (step > 0) {
    start = std::clamp<int64_t>(start, 0, n);
    end = std::clamp<int64_t>(end, 0, n);
    for (int64_t i = start; i < end; i += step)
      indices.push_back(i);
  } else {
    start = std::clamp<int64_t>(start, -1, n - 1);
    end = std::clamp<int64_t>(end, -1, n - 1);
    for (int64_t i = start; i > end; i += step)
      indices.push_back(i);
  }
  return indices;
}

} // namespace

/// The feature map input 0 of a Split or Slice: a plain map or an NHWC view
/// (whose channels are axis 3).
FailureOr<FeatureMap> Importer::getSelectionInput(const onnx::NodeProto &node) {
  auto it = tensors.find(getInputName(node, 0));
  if (it != tensors.end() && it->second.nhwc)
    return it->second;
  return getFeatureMap(node, 0);
}

LogicalResult Importer::defineSelection(const onnx::NodeProto &node,
                                        StringRef output, Value x,
                                        ArrayRef<int64_t> channels,
                                        StringRef name, bool nhwc) {
  // A selection of a selection reads the first one's input: a Slice of a
  // channel shuffle copies the map once, not twice. The first is erased
  // when nothing else reads it (eraseUnreadSelections).
  SmallVector<int64_t> composed;
  if (auto inner = x.getDefiningOp<SelectChannelsOp>()) {
    ArrayRef<int64_t> innerChannels = inner.getChannels();
    for (int64_t ch : channels)
      composed.push_back(innerChannels[ch]);
    channels = composed;
    --numReaders[x];
    x = inner.getInput();
    ++numReaders[x];
  }
  if (isIdentity(channels, NetBuilder::getChannels(x))) {
    alias(output, {x, false, nhwc});
    return success();
  }
  FailureOr<Value> y = checkBuilt(node, nb->selectChannels(x, name, channels));
  if (failed(y))
    return failure();
  define(output, {*y, false, nhwc});
  return success();
}

LogicalResult Importer::importSplit(const onnx::NodeProto &node) {
  FailureOr<FeatureMap> x = getSelectionInput(node);
  if (failed(x))
    return failure();
  int64_t axis = getIntAttr(node, "axis", 0);
  int64_t rank = x->flat ? 2 : 4;
  if (axis < 0)
    axis += rank;
  if (x->nhwc) // N, H, W, C
    axis = axis == 3 ? 1 : axis == 0 ? 0 : axis + 1;
  if (x->flat || axis != 1)
    return emitNodeError(node)
           << "splitting along axis " << getIntAttr(node, "axis", 0)
           << (x->flat ? " of a flattened feature map" : "")
           << " is not supported; only the channels (axis 1) of a feature map "
              "are";
  int64_t c = NetBuilder::getChannels(x->value);
  int64_t parts = node.output_size();
  // The sizes: input 1 (opset 13), the 'split' attribute (before), or
  // equal parts (the last one smaller, as opset 18 allows).
  SmallVector<int64_t> sizes;
  FailureOr<const onnx::TensorProto *> sizeTensor =
      getConstant(node, 1, "split sizes", /*optional=*/true);
  if (failed(sizeTensor))
    return failure();
  if (*sizeTensor) {
    FailureOr<SmallVector<int64_t>> v = readInts(node, **sizeTensor);
    if (failed(v))
      return failure();
    sizes = *v;
  } else if (findAttr(node, "split")) {
    sizes = getIntsAttr(node, "split", {});
  } else {
    int64_t each = (c + parts - 1) / parts;
    for (int64_t i = 0, left = c; i < parts; ++i, left -= each)
      sizes.push_back(std::clamp<int64_t>(left, 0, each));
  }
  int64_t total = 0;
  bool valid = static_cast<int64_t>(sizes.size()) == parts;
  for (int64_t s : sizes) {
    valid &= s >= 0 && s <= c;
    total += valid ? s : 0;
  }
  if (!valid || total != c)
    return emitNodeError(node)
           << "the split sizes " << formatDims(sizes) << " do not divide the "
           << c << " channels into the node's " << parts << " outputs";
  int64_t offset = 0;
  for (int64_t i = 0; i < parts; ++i) {
    int64_t size = sizes[i];
    StringRef output = node.output(i);
    if (output.empty() || getNumReaders(output) == 0 || size == 0) {
      if (!output.empty() && getNumReaders(output) > 0)
        return emitNodeError(node)
               << "output " << i << " ('" << output
               << "') has no channels but is read";
      offset += size;
      continue;
    }
    SmallVector<int64_t> channels;
    for (int64_t k = 0; k < size; ++k)
      channels.push_back(offset + k);
    offset += size;
    if (failed(defineSelection(node, output, x->value, channels,
                               getNodeName(node) + "/" + std::to_string(i),
                               x->nhwc)))
      return failure();
  }
  return success();
}

LogicalResult Importer::importSlice(const onnx::NodeProto &node) {
  FailureOr<FeatureMap> x = getSelectionInput(node);
  if (failed(x))
    return failure();
  if (x->flat)
    return emitNodeError(node)
           << "slicing a flattened feature map is not supported; only the "
              "channels of a feature map are";
  // starts, ends, axes, steps: attributes up to opset 9, inputs after.
  auto ints = [&](int index, StringRef attr,
                  bool optional) -> FailureOr<std::optional<SmallVector<int64_t>>> {
    if (node.input_size() <= 1)
      return findAttr(node, attr)
                 ? std::optional(getIntsAttr(node, attr, {}))
                 : std::nullopt;
    FailureOr<const onnx::TensorProto *> t =
        getConstant(node, index, attr, optional);
    if (failed(t))
      return failure();
    if (!*t)
      return std::optional<SmallVector<int64_t>>();
    FailureOr<SmallVector<int64_t>> v = readInts(node, **t);
    if (failed(v))
      return failure();
    return std::optional(*v);
  };
  auto starts = ints(1, "starts", false), ends = ints(2, "ends", false),
       axes = ints(3, "axes", true), steps = ints(4, "steps", true);
  if (failed(starts) || failed(ends) || failed(axes) || failed(steps))
    return failure();
  if (!*starts || !*ends)
    return emitNodeError(node) << "the starts and ends are missing";
  size_t n = (*starts)->size();
  SmallVector<int64_t> axisList, stepList(n, 1);
  for (size_t i = 0; i < n; ++i)
    axisList.push_back(i);
  if (*axes)
    axisList = **axes;
  if (*steps)
    stepList = **steps;
  if ((*ends)->size() != n || axisList.size() != n || stepList.size() != n)
    return emitNodeError(node)
           << "the starts, ends, axes and steps have different lengths";
  ArrayRef<int64_t> shape =
      cast<RankedTensorType>(x->value.getType()).getShape();
  SmallVector<int64_t> channels;
  for (int64_t k = 0; k < shape[1]; ++k)
    channels.push_back(k);
  for (size_t i = 0; i < n; ++i) {
    int64_t axis = axisList[i] < 0 ? axisList[i] + 4 : axisList[i];
    if (x->nhwc && axis >= 0 && axis <= 3) // N, H, W, C
      axis = axis == 3 ? 1 : axis == 0 ? 0 : axis + 1;
    int64_t step = stepList[i];
    if (axis < 0 || axis > 3 || step == 0)
      return emitNodeError(node) << "slicing along axis " << axisList[i]
                                 << " by step " << step << " is not valid";
    SmallVector<int64_t> indices =
        sliceIndices(shape[axis], (**starts)[i], (**ends)[i], step);
    if (axis == 1) {
      SmallVector<int64_t> picked;
      for (int64_t j : indices)
        picked.push_back(channels[j]);
      channels = picked;
      continue;
    }
    // Another axis may only be kept whole.
    if (static_cast<int64_t>(indices.size()) != shape[axis] ||
        (shape[axis] > 1 && indices.front() != 0) || step < 0)
      return emitNodeError(node)
             << "slicing " << (axis == 2 ? "rows" : axis == 3 ? "columns" : "the batch")
             << " is not supported; only the channels (axis 1) are";
  }
  if (channels.empty())
    return emitNodeError(node) << "the slice keeps no channel";
  return defineSelection(node, node.output(0), x->value, channels,
                         getNodeName(node), x->nhwc);
}

LogicalResult Importer::importChannelGroups(const onnx::NodeProto &node,
                                            const FeatureMap &x,
                                            ArrayRef<int64_t> target) {
  auto type = cast<RankedTensorType>(x.value.getType());
  int64_t c = type.getDimSize(1), h = type.getDimSize(2),
          w = type.getDimSize(3);
  if (!x.groups) {
    // [1, C, H, W] to [1, g, C/g, H, W]: a view.
    alias(node.output(0), FeatureMap{x.value, false, false, target[1], false});
    return success();
  }
  if (target.size() != 4 || target[0] != 1 || target[1] != c ||
      target[2] != h || target[3] != w)
    return emitNodeError(node)
           << "reshaping a view of " << x.groups
           << " channel groups to " << formatDims(target)
           << " is not supported; only back to [1, " << c << ", " << h << ", "
           << w << "] is";
  // Read back: [1, C/g, g, H, W] flattens so that channel k is group
  // k % g's channel k / g.
  SmallVector<int64_t> channels;
  int64_t g = x.groups, per = c / g;
  for (int64_t k = 0; k < c; ++k)
    channels.push_back(x.shuffled ? (k % g) * per + k / g : k);
  return defineSelection(node, node.output(0), x.value, channels,
                         getNodeName(node));
}

void Importer::eraseUnreadSelections(func::FuncOp func) {
  SmallVector<SelectChannelsOp> selections;
  func.walk([&](SelectChannelsOp op) { selections.push_back(op); });
  for (SelectChannelsOp op : llvm::reverse(selections))
    if (op->use_empty())
      op->erase();
}
