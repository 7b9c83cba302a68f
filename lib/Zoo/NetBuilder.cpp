//===- NetBuilder.cpp - Builds cnn layers and their shapes ------*- C++ -*-===//

#include "cnn/Support/SplitMix64.h"
#include "cnn/Zoo/NetBuilder.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>

using namespace mlir;
using namespace mlir::cnn;
using namespace mlir::cnn::zoo;

namespace {
/// FNV-1a, to give every tensor its own stream from its name.
uint64_t hashName(StringRef name) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : name) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string formatDims(ArrayRef<int64_t> dims) {
  std::string s;
  llvm::raw_string_ostream os(s);
  llvm::interleave(dims, os, "x");
  return s;
}

/// Appends `value` to `raw` in host byte order, as DenseElementsAttr's raw
/// buffers expect.
template <typename T> void appendRaw(std::vector<char> &raw, T value) {
  const char *bytes = reinterpret_cast<const char *>(&value);
  raw.insert(raw.end(), bytes, bytes + sizeof(T));
}

/// Random values for a tensor of `type`. Integer weights cover the
/// symmetric range of their type; i32 biases the range of one product of
/// two weights, the magnitude of the terms they are added to. Floating-point
/// values are uniform in +-1/sqrt(fanIn), PyTorch's default initialisation,
/// so that activations keep their scale through a deep network.
DenseElementsAttr randomValues(RankedTensorType type, int64_t fanIn,
                               uint64_t seed, int64_t weightBits) {
  SplitMix64 rng(seed);
  Type elem = type.getElementType();
  int64_t n = type.getNumElements();
  std::vector<char> raw;
  raw.reserve(n * getElementBytes(elem));
  if (auto intType = dyn_cast<IntegerType>(elem)) {
    int64_t weightMax = (int64_t(1) << (weightBits - 1)) - 1;
    unsigned bits = intType.getWidth();
    int64_t bound = bits == 32 ? weightMax * weightMax : weightMax;
    for (int64_t i = 0; i < n; ++i) {
      int64_t v = rng.nextInt(bound);
      if (bits == 8)
        appendRaw(raw, static_cast<int8_t>(v));
      else if (bits == 16)
        appendRaw(raw, static_cast<int16_t>(v));
      else
        appendRaw(raw, static_cast<int32_t>(v));
    }
  } else {
    double bound =
        1.0 / std::sqrt(static_cast<double>(std::max<int64_t>(fanIn, 1)));
    for (int64_t i = 0; i < n; ++i) {
      float v = static_cast<float>(rng.nextReal(bound));
      if (elem.isF32()) {
        appendRaw(raw, v);
        continue;
      }
      bool losesInfo = false;
      llvm::APFloat half(v);
      half.convert(llvm::APFloat::IEEEhalf(),
                   llvm::APFloat::rmNearestTiesToEven, &losesInfo);
      appendRaw(raw,
                static_cast<uint16_t>(half.bitcastToAPInt().getZExtValue()));
    }
  }
  return DenseElementsAttr::getFromRawBuffer(type, raw);
}
} // namespace

//===----------------------------------------------------------------------===//
// Construction
//===----------------------------------------------------------------------===//

NetBuilder::NetBuilder(ModuleOp module, StringRef funcName, int64_t channels,
                       int64_t height, int64_t width, Type elementType,
                       WeightInit init)
    : builder(module.getContext()), elementType(elementType), init(init) {
  builder.setInsertionPointToEnd(module.getBody());
  auto inputType = featureMap(channels, height, width);
  func = func::FuncOp::create(builder, loc(funcName), funcName,
                              builder.getFunctionType({inputType}, {}));
  Block *entry = func.addEntryBlock();
  input = entry->getArgument(0);
  builder.setInsertionPointToStart(entry);
}

func::FuncOp NetBuilder::finish(ValueRange outputs) {
  func::ReturnOp::create(builder, func.getLoc(), outputs);
  func.setFunctionType(
      builder.getFunctionType({input.getType()}, outputs.getTypes()));
  return func;
}

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

int64_t NetBuilder::getChannels(Value v) {
  return cast<RankedTensorType>(v.getType()).getDimSize(1);
}
int64_t NetBuilder::getHeight(Value v) {
  return cast<RankedTensorType>(v.getType()).getDimSize(2);
}
int64_t NetBuilder::getWidth(Value v) {
  return cast<RankedTensorType>(v.getType()).getDimSize(3);
}

void NetBuilder::fail(const Twine &message) {
  if (error.empty())
    error = message.str();
}

RankedTensorType NetBuilder::featureMap(int64_t c, int64_t h, int64_t w) const {
  return RankedTensorType::get({1, c, h, w}, elementType);
}

Location NetBuilder::loc(StringRef name) {
  return NameLoc::get(builder.getStringAttr(name));
}

StringAttr NetBuilder::nameAttr(StringRef name) {
  return builder.getStringAttr(name);
}

Type NetBuilder::getBiasElementType() const {
  return isa<IntegerType>(elementType)
             ? IntegerType::get(elementType.getContext(), 32)
             : elementType;
}

Value NetBuilder::weight(StringRef name, ArrayRef<int64_t> shape,
                         Type weightElementType, int64_t fanIn) {
  auto type = RankedTensorType::get(shape, weightElementType);
  ElementsAttr value;
  if (init.random) {
    // Mixing the seed through the generator once keeps nearby seeds apart.
    uint64_t seed = SplitMix64(init.seed).next() ^ hashName(name);
    value =
        randomValues(type, fanIn, seed, elementType.getIntOrFloatBitWidth());
  }
  return WeightOp::create(builder, loc(name), type, value);
}

FailureOr<int64_t> NetBuilder::windowOutput(StringRef layer, StringRef what,
                                            int64_t in, int64_t padLo,
                                            int64_t padHi, int64_t window,
                                            int64_t stride) {
  int64_t padded = in + padLo + padHi;
  if (window > padded) {
    fail("layer '" + layer + "' has a window of " + Twine(window) + " " + what +
         " but its padded input has only " + Twine(padded));
    return failure();
  }
  return (padded - window) / stride + 1;
}

//===----------------------------------------------------------------------===//
// Layers
//===----------------------------------------------------------------------===//

Value NetBuilder::conv(Value x, StringRef name, const ConvSpec &spec) {
  if (hasFailed())
    return x;
  int64_t c = getChannels(x), h = getHeight(x), w = getWidth(x);
  int64_t groups = spec.isDepthwise ? c : spec.numGroups;
  int64_t m = spec.isDepthwise ? c : spec.outChannels;
  if (groups < 1 || c % groups != 0 || m % groups != 0) {
    fail("layer '" + name + "' has " + Twine(c) + " input and " + Twine(m) +
         " output channels, not divisible into " + Twine(groups) + " groups");
    return x;
  }
  int64_t windowH = (spec.kernelH - 1) * spec.dilationH + 1;
  int64_t windowW = (spec.kernelW - 1) * spec.dilationW + 1;
  std::array<int64_t, 4> padding = spec.padding;
  if (spec.samePadding) {
    auto same = [](int64_t in, int64_t window, int64_t stride) {
      int64_t out = (in + stride - 1) / stride;
      int64_t total = std::max<int64_t>((out - 1) * stride + window - in, 0);
      return std::pair<int64_t, int64_t>(total / 2, total - total / 2);
    };
    std::tie(padding[0], padding[1]) = same(h, windowH, spec.strideH);
    std::tie(padding[2], padding[3]) = same(w, windowW, spec.strideW);
  }
  FailureOr<int64_t> e = windowOutput(name, "rows", h, padding[0], padding[1],
                                      windowH, spec.strideH);
  FailureOr<int64_t> f = windowOutput(name, "columns", w, padding[2],
                                      padding[3], windowW, spec.strideW);
  if (failed(e) || failed(f))
    return x;

  int64_t fanIn = c / groups * spec.kernelH * spec.kernelW;
  Value weightValue =
      weight((name + "/weight").str(),
             {m, c / groups, spec.kernelH, spec.kernelW}, elementType, fanIn);
  Value bias;
  if (spec.hasBias)
    bias = weight((name + "/bias").str(), {m}, getBiasElementType(), fanIn);
  return Conv2DOp::create(builder, loc(name), featureMap(m, *e, *f), x,
                          weightValue, bias, {spec.strideH, spec.strideW},
                          padding, {spec.dilationH, spec.dilationW}, groups,
                          spec.activation, nameAttr(name));
}

Value NetBuilder::fullyConnected(Value x, StringRef name, int64_t outFeatures,
                                 Activation activation) {
  if (hasFailed())
    return x;
  int64_t k = getChannels(x) * getHeight(x) * getWidth(x);
  Value weightValue =
      weight((name + "/weight").str(), {outFeatures, k}, elementType, k);
  Value bias =
      weight((name + "/bias").str(), {outFeatures}, getBiasElementType(), k);
  return FullyConnectedOp::create(builder, loc(name),
                                  featureMap(outFeatures, 1, 1), x, weightValue,
                                  bias, activation, nameAttr(name));
}

template <typename PoolOpTy>
Value NetBuilder::pool(Value x, StringRef name, const PoolSpec &spec) {
  if (hasFailed())
    return x;
  int64_t h = getHeight(x), w = getWidth(x);
  std::array<int64_t, 4> padding = spec.padding;
  if (spec.roundUp) {
    // The smallest extra bottom (right) padding after which the last,
    // partial window is a whole one.
    auto extra = [](int64_t padded, int64_t kernel, int64_t stride) {
      if (padded < kernel)
        return int64_t(0);
      return (stride - (padded - kernel) % stride) % stride;
    };
    padding[1] +=
        extra(h + padding[0] + padding[1], spec.kernelH, spec.strideH);
    padding[3] +=
        extra(w + padding[2] + padding[3], spec.kernelW, spec.strideW);
  }
  FailureOr<int64_t> e = windowOutput(name, "rows", h, padding[0], padding[1],
                                      spec.kernelH, spec.strideH);
  FailureOr<int64_t> f = windowOutput(name, "columns", w, padding[2],
                                      padding[3], spec.kernelW, spec.strideW);
  if (failed(e) || failed(f))
    return x;
  return PoolOpTy::create(builder, loc(name),
                          featureMap(getChannels(x), *e, *f), x,
                          ArrayRef<int64_t>{spec.kernelH, spec.kernelW},
                          ArrayRef<int64_t>{spec.strideH, spec.strideW},
                          ArrayRef<int64_t>(padding), nameAttr(name));
}

Value NetBuilder::maxPool(Value x, StringRef name, const PoolSpec &spec) {
  return pool<MaxPoolOp>(x, name, spec);
}

Value NetBuilder::avgPool(Value x, StringRef name, const PoolSpec &spec) {
  return pool<AvgPoolOp>(x, name, spec);
}

Value NetBuilder::globalAvgPool(Value x, StringRef name) {
  if (hasFailed())
    return x;
  return GlobalAvgPoolOp::create(
      builder, loc(name), featureMap(getChannels(x), 1, 1), x, nameAttr(name));
}

Value NetBuilder::add(Value lhs, Value rhs, StringRef name,
                      Activation activation) {
  if (hasFailed())
    return lhs;
  if (lhs.getType() != rhs.getType()) {
    fail("layer '" + name + "' adds feature maps of different shapes, " +
         formatDims(cast<RankedTensorType>(lhs.getType()).getShape()) +
         " and " +
         formatDims(cast<RankedTensorType>(rhs.getType()).getShape()));
    return lhs;
  }
  return AddOp::create(builder, loc(name), lhs.getType(), lhs, rhs, activation,
                       nameAttr(name));
}

bool NetBuilder::checkChannelBroadcast(Value lhs, Value rhs, StringRef name,
                                       StringRef verb) {
  bool perChannel = getChannels(rhs) == getChannels(lhs) &&
                    getHeight(rhs) == 1 && getWidth(rhs) == 1;
  if (lhs.getType() == rhs.getType() || perChannel)
    return true;
  fail("layer '" + name + "' " + verb + " feature maps of shapes " +
       formatDims(cast<RankedTensorType>(lhs.getType()).getShape()) + " and " +
       formatDims(cast<RankedTensorType>(rhs.getType()).getShape()));
  return false;
}

Value NetBuilder::sub(Value lhs, Value rhs, StringRef name,
                      Activation activation) {
  if (hasFailed() || !checkChannelBroadcast(lhs, rhs, name, "subtracts"))
    return lhs;
  return SubOp::create(builder, loc(name), lhs.getType(), lhs, rhs, activation,
                       nameAttr(name));
}

Value NetBuilder::mul(Value lhs, Value rhs, StringRef name,
                      Activation activation) {
  if (hasFailed() || !checkChannelBroadcast(lhs, rhs, name, "multiplies"))
    return lhs;
  return MulOp::create(builder, loc(name), lhs.getType(), lhs, rhs, activation,
                       nameAttr(name));
}

Value NetBuilder::depthToSpace(Value x, StringRef name, int64_t block,
                               DepthToSpaceMode mode) {
  if (hasFailed())
    return x;
  int64_t c = getChannels(x);
  if (block < 1 || block > 1024 || c % (block * block) != 0) {
    fail("layer '" + name + "' has " + Twine(c) +
         " channels, not divisible into blocks of " + Twine(block) + " x " +
         Twine(block));
    return x;
  }
  return DepthToSpaceOp::create(
      builder, loc(name),
      featureMap(c / (block * block), getHeight(x) * block,
                 getWidth(x) * block),
      x, builder.getI64IntegerAttr(block),
      DepthToSpaceModeAttr::get(builder.getContext(), mode), nameAttr(name));
}

Value NetBuilder::prelu(Value x, StringRef name) {
  if (hasFailed())
    return x;
  Value slope = weight((name + "_slope").str(), {1, getChannels(x), 1, 1},
                       elementType, /*fanIn=*/1);
  return PReluOp::create(builder, loc(name), x.getType(), x, slope,
                         nameAttr(name));
}

Value NetBuilder::concat(ValueRange inputs, StringRef name) {
  if (hasFailed())
    return inputs.front();
  int64_t channels = 0;
  int64_t h = getHeight(inputs.front()), w = getWidth(inputs.front());
  for (Value v : inputs) {
    if (getHeight(v) != h || getWidth(v) != w) {
      fail("layer '" + name + "' concatenates feature maps of " + Twine(h) +
           "x" + Twine(w) + " and " + Twine(getHeight(v)) + "x" +
           Twine(getWidth(v)) + " rows x columns");
      return inputs.front();
    }
    channels += getChannels(v);
  }
  return ConcatOp::create(builder, loc(name), featureMap(channels, h, w),
                          inputs, nameAttr(name));
}

Value NetBuilder::selectChannels(Value x, StringRef name,
                                 ArrayRef<int64_t> channels) {
  if (hasFailed())
    return x;
  int64_t c = getChannels(x);
  for (int64_t ch : channels)
    if (ch < 0 || ch >= c) {
      fail("layer '" + name + "' selects channel " + Twine(ch) + " of " +
           Twine(c));
      return x;
    }
  if (channels.empty()) {
    fail("layer '" + name + "' selects no channel");
    return x;
  }
  return SelectChannelsOp::create(
      builder, loc(name),
      featureMap(static_cast<int64_t>(channels.size()), getHeight(x),
                 getWidth(x)),
      x, builder.getDenseI64ArrayAttr(channels), nameAttr(name));
}

Value NetBuilder::pad(Value x, StringRef name, ArrayRef<int64_t> padding) {
  if (hasFailed())
    return x;
  auto type = featureMap(getChannels(x), getHeight(x) + padding[0] + padding[1],
                         getWidth(x) + padding[2] + padding[3]);
  return PadOp::create(builder, loc(name), type, x, padding, llvm::APFloat(0.0),
                       nameAttr(name));
}

Value NetBuilder::resize(Value x, StringRef name, int64_t scale,
                         ResizeMode mode) {
  if (hasFailed())
    return x;
  auto type =
      featureMap(getChannels(x), getHeight(x) * scale, getWidth(x) * scale);
  return ResizeOp::create(builder, loc(name), type, x,
                          ArrayRef<int64_t>{scale, scale}, mode,
                          nameAttr(name));
}

Value NetBuilder::softmax(Value x, StringRef name) {
  if (hasFailed())
    return x;
  return SoftmaxOp::create(builder, loc(name), x.getType(), x, nameAttr(name));
}

void NetBuilder::requireShape(Value x, ArrayRef<int64_t> chw,
                              StringRef consumer) {
  if (hasFailed())
    return;
  SmallVector<int64_t> actual = {getChannels(x), getHeight(x), getWidth(x)};
  if (ArrayRef<int64_t>(actual) != chw)
    fail("layer '" + consumer + "' is fully connected to a " + formatDims(chw) +
         " feature map, but this resolution gives " + formatDims(actual));
}
