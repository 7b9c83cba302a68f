//===- Random.cpp - Random networks for differential testing ---*- C++ -*-===//
//
// A seed gives one small network: a chain of convolutions (plain, strided,
// dilated, grouped, depthwise, with any padding), pools, pads and resizes,
// with DAG structure from residual adds (of a fresh branch or of an earlier
// tensor of the same shape), inception-like concats of two branches and
// dense concats, and sometimes a classifier head (global pool, fully
// connected, softmax), and, from a second random stream so that the rest of
// the network is the same with or without them, multiplies by per-channel
// factors (squeeze-and-excitation, or a max pool over the whole map) or by
// a map of the same shape, and, from a third, channel shuffles and slices,
// depth to space, leaky ReLUs and differences. Shapes stay small so that a network runs on a CPU in
// well under a second; every layer is chosen so that it can be built, and
// the network verifies. Only the seed and the options decide the network.
//
//===----------------------------------------------------------------------===//

#include "cnn/Zoo/Zoo.h"

#include "cnn/Dialect/Cnn/IR/CnnDialect.h"
#include "cnn/Support/SplitMix64.h"
#include "cnn/Zoo/NetBuilder.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/DenseSet.h"

#include <string>
#include <vector>

using namespace mlir;
using namespace mlir::cnn;
using namespace mlir::cnn::zoo;

namespace {

class RandomNetwork {
public:
  RandomNetwork(NetBuilder &nb, uint64_t seed)
      : nb(nb), rng(seed), gates(seed ^ 0x6a7e5eedULL),
        moves(seed ^ 0x3c0b1e5eedULL) {}

  Value build(int layers);

private:
  /// Uniform in [0, n).
  int64_t below(int64_t n) { return static_cast<int64_t>(rng.next() % n); }
  /// True with probability percent / 100.
  bool chance(int percent) { return below(100) < percent; }
  std::string name(StringRef kind) {
    return (kind + "_" + Twine(counter++)).str();
  }
  Activation activation() {
    int64_t r = below(3);
    return r == 0 ? Activation::none
                  : r == 1 ? Activation::relu : Activation::relu6;
  }
  static int64_t channels(Value v) { return NetBuilder::getChannels(v); }
  static int64_t height(Value v) { return NetBuilder::getHeight(v); }
  static int64_t width(Value v) { return NetBuilder::getWidth(v); }

  /// Padding for a window of `window` over `in` elements: each side below
  /// the window, enough that at least one output exists.
  std::pair<int64_t, int64_t> padding(int64_t in, int64_t window) {
    int64_t lo = below(window), hi = below(window);
    while (in + lo + hi < window)
      ++(lo <= hi ? lo : hi);
    return {lo, hi};
  }
  /// A random convolution of `x` with `out` output channels (0: random).
  Value conv(Value x, int64_t out, bool keepShape);
  Value depthwise(Value x);
  Value pool(Value x);
  /// `x` multiplied by factors or a map computed from it; every choice from
  /// the `gates` stream.
  Value gate(Value x);
  /// A channel shuffle or slice, a depth to space, a leaky ReLU or a
  /// difference after `x`, or `x` itself; every choice from the `moves`
  /// stream.
  Value move(Value x);
  /// A layer output that is in no concat yet, so a concat can own it.
  bool concatable(Value v) {
    return v.getDefiningOp() && !inConcat.contains(v);
  }
  Value concat(Value a, Value b) {
    inConcat.insert(a);
    inConcat.insert(b);
    return nb.concat({a, b}, name("concat"));
  }

  NetBuilder &nb;
  SplitMix64 rng;
  /// Decides the multiplies, apart from `rng`.
  SplitMix64 gates;
  /// Decides the copy layers, leaky ReLUs and differences, apart from both.
  SplitMix64 moves;
  int counter = 0;
  std::vector<Value> earlier;
  llvm::DenseSet<Value> inConcat;
};

Value RandomNetwork::conv(Value x, int64_t out, bool keepShape) {
  int64_t h = height(x), w = width(x), c = channels(x);
  static constexpr int64_t kKernels[] = {1, 1, 2, 3, 3, 3, 5};
  int64_t kh = kKernels[below(7)], kw = chance(80) ? kh : kKernels[below(7)];
  if (out == 0)
    out = 1 + below(12);
  ConvSpec spec(out, 1);
  spec.kernel(kh, kw);
  if (keepShape) {
    // Odd kernels, stride 1, padding (k - 1) / 2 on each side.
    kh = kw = chance(50) ? 1 : 3;
    spec.kernel(kh, kw).pad((kh - 1) / 2);
  } else {
    if (kh > 1 && kw > 1 && chance(10) && h >= 5 && w >= 5)
      spec.dilation(2);
    if (chance(30) && h >= 4 && w >= 4)
      spec.stride(2);
    int64_t dh = spec.dilationH * (kh - 1) + 1;
    int64_t dw = spec.dilationW * (kw - 1) + 1;
    auto [t, b] = padding(h, dh);
    auto [l, r] = padding(w, dw);
    spec.pad(t, b, l, r);
  }
  // Groups dividing both channel counts.
  if (!keepShape && chance(15)) {
    for (int64_t g : {4, 3, 2})
      if (c % g == 0 && c > g) {
        spec.groups(g);
        spec.outChannels = g * (1 + below(4));
        break;
      }
  }
  if (chance(25))
    spec.noBias();
  spec.act(activation());
  return nb.conv(x, name("conv"), spec);
}

Value RandomNetwork::depthwise(Value x) {
  int64_t k = chance(70) ? 3 : 5;
  ConvSpec spec = ConvSpec::depthwise(k);
  if (chance(30) && height(x) >= 4 && width(x) >= 4)
    spec.stride(2);
  auto [t, b] = padding(height(x), k);
  auto [l, r] = padding(width(x), k);
  spec.pad(t, b, l, r);
  spec.act(activation());
  if (chance(30))
    spec.noBias();
  return nb.conv(x, name("dw"), spec);
}

Value RandomNetwork::pool(Value x) {
  int64_t k = chance(50) ? 2 : 3;
  PoolSpec spec(k);
  spec.stride(chance(60) ? 2 : 1);
  auto [t, b] = padding(height(x), k);
  auto [l, r] = padding(width(x), k);
  spec.pad(t, b, l, r);
  return chance(50) ? nb.maxPool(x, name("maxpool"), spec)
                    : nb.avgPool(x, name("avgpool"), spec);
}

Value RandomNetwork::gate(Value x) {
  int64_t c = channels(x);
  // MobileNet v3's and EfficientNet's activations too.
  auto act = [&] {
    switch (gates.next() % 4) {
    case 0:
      return Activation::none;
    case 1:
      return Activation::relu;
    case 2:
      return Activation::hard_swish;
    default:
      return Activation::sigmoid;
    }
  };
  switch (gates.next() % 3) {
  case 0: {
    // Squeeze-and-excitation: global pool, two 1x1 convolutions, multiply.
    Value g = nb.globalAvgPool(x, name("squeeze"));
    ConvSpec reduce(std::max<int64_t>(1, c / 2), 1);
    Value h = nb.conv(g, name("reduce"), reduce.act(Activation::relu));
    Value s = nb.conv(h, name("expand"),
                      ConvSpec(c, 1).act(Activation::hard_sigmoid));
    return nb.mul(x, s, name("excite"), act());
  }
  case 1: {
    // A gate from the maximum of each channel over the whole map.
    PoolSpec whole(1);
    whole.kernelH = height(x);
    whole.kernelW = width(x);
    Value s = nb.maxPool(x, name("gate"), whole.stride(1));
    return nb.mul(x, s, name("scale"), act());
  }
  default: {
    // A map of the same shape from a 3x3 convolution.
    Value m = nb.conv(x, name("mask"), ConvSpec(c, 3).pad(1));
    return nb.mul(x, m, name("mul"), act());
  }
  }
}

Value RandomNetwork::move(Value x) {
  int64_t c = channels(x), h = height(x), w = width(x);
  switch (moves.next() % 5) {
  case 0: {
    if (c < 4 || c % 2 != 0)
      return x;
    // ShuffleNet's shuffle of two groups.
    SmallVector<int64_t> shuffled;
    for (int64_t k = 0; k < c; ++k)
      shuffled.push_back((k % 2) * (c / 2) + k / 2);
    return nb.selectChannels(x, name("shuffle"), shuffled);
  }
  case 1: {
    if (c < 2)
      return x;
    // A slice with a step, or a channel repeated.
    int64_t first = static_cast<int64_t>(moves.next() % (c / 2 + 1));
    SmallVector<int64_t> picked;
    for (int64_t k = first; k < c; k += 1 + (first % 2))
      picked.push_back(k);
    picked.push_back(picked.front());
    return nb.selectChannels(x, name("slice"), picked);
  }
  case 2:
    if (c % 4 != 0 || h > 8 || w > 8)
      return x;
    return nb.depthToSpace(x, name("d2s"), 2,
                           moves.next() % 2 ? DepthToSpaceMode::dcr
                                            : DepthToSpaceMode::crd);
  case 3:
    return nb.prelu(x, name("prelu"));
  default: {
    // Minus an earlier map of the same shape, or its own channel means.
    for (Value v : earlier)
      if (v != x && v.getType() == x.getType())
        return nb.sub(x, v, name("sub"));
    return nb.sub(x, nb.globalAvgPool(x, name("mean")), name("sub"),
                  Activation::relu);
  }
  }
}

Value RandomNetwork::build(int layers) {
  Value cur = nb.getInput();
  for (int i = 0; i < layers && !nb.hasFailed(); ++i) {
    earlier.push_back(cur);
    int64_t elements = channels(cur) * height(cur) * width(cur);
    int64_t r = below(100);
    if (elements > 2048 && r < 60) {
      // Keep maps small: shrink before growing further.
      cur = chance(50) ? pool(cur) : conv(cur, 0, /*keepShape=*/false);
      continue;
    }
    if (r < 30) {
      cur = conv(cur, 0, /*keepShape=*/false);
    } else if (r < 42) {
      cur = depthwise(cur);
    } else if (r < 52) {
      cur = pool(cur);
    } else if (r < 64) {
      // Residual: an earlier tensor of the same shape, or a fresh branch.
      Value other;
      for (Value v : earlier)
        if (v != cur && v.getType() == cur.getType() && chance(50))
          other = v;
      if (!other)
        other = conv(cur, channels(cur), /*keepShape=*/true);
      cur = nb.add(cur, other, name("add"), activation());
    } else if (r < 74) {
      // Inception: two branches of the same rows and columns.
      Value a = conv(cur, 0, /*keepShape=*/true);
      Value b = chance(50) ? conv(cur, 0, /*keepShape=*/true) : depthwise(cur);
      if (height(a) == height(b) && width(a) == width(b))
        cur = concat(a, b);
      else
        cur = a;
    } else if (r < 82) {
      // Dense: the tensor with new channels computed from it.
      Value grown = conv(cur, 1 + below(6), /*keepShape=*/true);
      cur = concatable(cur) ? concat(cur, grown) : grown;
    } else if (r < 88) {
      cur = nb.pad(cur, name("pad"),
                   {below(3), below(3), below(3), below(3)});
    } else if (r < 93 && height(cur) <= 8 && width(cur) <= 8) {
      cur = nb.resize(cur, name("resize"), 2);
    } else {
      cur = conv(cur, 0, /*keepShape=*/false);
    }
    if (!nb.hasFailed() && gates.next() % 100 < 15)
      cur = gate(cur);
    if (!nb.hasFailed() && moves.next() % 100 < 12)
      cur = move(cur);
  }
  if (!nb.hasFailed() && chance(20)) {
    Value pooled = nb.globalAvgPool(cur, name("gap"));
    cur = nb.fullyConnected(pooled, name("fc"), 2 + below(9));
    if (chance(50))
      cur = nb.softmax(cur, name("softmax"));
  }
  return cur;
}

} // namespace

llvm::Expected<OwningOpRef<ModuleOp>>
mlir::cnn::zoo::buildRandomNetwork(MLIRContext *context,
                                   const RandomNetworkOptions &options) {
  context->loadDialect<CnnDialect, func::FuncDialect>();
  SplitMix64 shape(options.seed ^ 0x5eedULL);
  int64_t c = 1 + static_cast<int64_t>(shape.next() % 8);
  int64_t h = 4 + static_cast<int64_t>(shape.next() % 17);
  int64_t w = 4 + static_cast<int64_t>(shape.next() % 17);
  int layers =
      2 + static_cast<int>(shape.next() % std::max(1, options.maxLayers - 1));

  Builder b(context);
  Type type;
  switch (options.elementType) {
  case ElementType::i8:
    type = b.getI8Type();
    break;
  case ElementType::i16:
    type = b.getI16Type();
    break;
  case ElementType::f16:
    type = b.getF16Type();
    break;
  case ElementType::f32:
    type = b.getF32Type();
    break;
  }
  OpBuilder builder(context);
  OwningOpRef<ModuleOp> module = ModuleOp::create(builder.getUnknownLoc());
  std::string funcName = "random_" + std::to_string(options.seed);
  NetBuilder nb(*module, funcName, c, h, w, type,
                WeightInit{options.randomWeights, options.seed});
  Value output = RandomNetwork(nb, options.seed).build(layers);
  if (nb.hasFailed())
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "random network " + std::to_string(options.seed) +
            " could not be built: " + nb.getError().str());
  nb.finish(output);
  if (failed(verify(*module)))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "random network " +
                                       std::to_string(options.seed) +
                                       " does not verify");
  return std::move(module);
}
