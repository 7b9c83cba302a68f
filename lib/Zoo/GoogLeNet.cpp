//===- GoogLeNet.cpp - GoogLeNet (Szegedy et al., 2014) ---------*- C++ -*-===//
//
// Table 1 of "Going deeper with convolutions", as in the Caffe
// bvlc_googlenet release whose layer names are used: convolutions with
// bias and ReLU (no batch norm in this network), the auxiliary classifiers
// left out (they are training-only), local response normalisation left out
// (no weights, no MACs). Caffe rounds pool outputs up; that is written as
// one extra bottom/right padding row and column where needed. The final
// 7x7 average pool is a global one so that any resolution works.
//
//===----------------------------------------------------------------------===//

#include "Networks.h"

using namespace mlir;
using namespace mlir::cnn;
using namespace mlir::cnn::zoo;

namespace {
/// The columns of Table 1 for one inception module.
struct Inception {
  const char *name;
  int64_t n1x1, n3x3Reduce, n3x3, n5x5Reduce, n5x5, poolProj;
};
} // namespace

static Value inception(NetBuilder &nb, Value x, const Inception &m) {
  std::string p = std::string("inception_") + m.name + "/";
  Value b1 = nb.conv(x, p + "1x1", ConvSpec(m.n1x1, 1).relu());
  Value b2 = nb.conv(x, p + "3x3_reduce", ConvSpec(m.n3x3Reduce, 1).relu());
  b2 = nb.conv(b2, p + "3x3", ConvSpec(m.n3x3, 3).pad(1).relu());
  Value b3 = nb.conv(x, p + "5x5_reduce", ConvSpec(m.n5x5Reduce, 1).relu());
  b3 = nb.conv(b3, p + "5x5", ConvSpec(m.n5x5, 5).pad(2).relu());
  Value b4 = nb.maxPool(x, p + "pool", PoolSpec(3).stride(1).pad(1));
  b4 = nb.conv(b4, p + "pool_proj", ConvSpec(m.poolProj, 1).relu());
  return nb.concat({b1, b2, b3, b4}, p + "output");
}

Value mlir::cnn::zoo::buildGoogLeNet(NetBuilder &nb, Value image) {
  Value x =
      nb.conv(image, "conv1/7x7_s2", ConvSpec(64, 7).stride(2).pad(3).relu());
  x = nb.maxPool(x, "pool1/3x3_s2", PoolSpec(3).stride(2).ceilMode());
  x = nb.conv(x, "conv2/3x3_reduce", ConvSpec(64, 1).relu());
  x = nb.conv(x, "conv2/3x3", ConvSpec(192, 3).pad(1).relu());
  x = nb.maxPool(x, "pool2/3x3_s2", PoolSpec(3).stride(2).ceilMode());
  x = inception(nb, x, {"3a", 64, 96, 128, 16, 32, 32});
  x = inception(nb, x, {"3b", 128, 128, 192, 32, 96, 64});
  x = nb.maxPool(x, "pool3/3x3_s2", PoolSpec(3).stride(2).ceilMode());
  x = inception(nb, x, {"4a", 192, 96, 208, 16, 48, 64});
  x = inception(nb, x, {"4b", 160, 112, 224, 24, 64, 64});
  x = inception(nb, x, {"4c", 128, 128, 256, 24, 64, 64});
  x = inception(nb, x, {"4d", 112, 144, 288, 32, 64, 64});
  x = inception(nb, x, {"4e", 256, 160, 320, 32, 128, 128});
  x = nb.maxPool(x, "pool4/3x3_s2", PoolSpec(3).stride(2).ceilMode());
  x = inception(nb, x, {"5a", 256, 160, 320, 32, 128, 128});
  x = inception(nb, x, {"5b", 384, 192, 384, 48, 128, 128});
  x = nb.globalAvgPool(x, "pool5/7x7_s1");
  x = nb.fullyConnected(x, "loss3/classifier", 1000);
  return nb.softmax(x, "prob");
}
