//===- ImportConvTranspose.cpp - ConvTranspose and DepthToSpace -*- C++ -*-===//
//
// DepthToSpace is `cnn.depth_to_space`. A ConvTranspose of stride s whose
// output is s times its input (the decoders' up-sampling: kernel 2 and
// padding 0, kernel 4 and padding 1, kernel 3 with padding 1 and output
// padding 1, ...) becomes a stride-1 `cnn.conv2d` that computes the s x s
// output phases of every output channel, then a `cnn.depth_to_space` (crd)
// that interleaves them:
//
//   out[m][s*q + r] = sum over taps k with (r + pad - k*d) divisible by s
//                     of x[q + (r + pad - k*d) / s] * w[.][m][k]
//
// per axis, so phase r of channel m is conv channel m*s*s + r_h*s + r_w
// with tap t = (r + pad - k*d) / s + padLo; taps no phase uses are zero.
// The input is read once; the convolution's window spans every phase's
// taps (2x2 of 1 for kernel 2, 3x3 of which 4 per phase for kernel 4).
//
//===----------------------------------------------------------------------===//

#include "OnnxImporter.h"

#include <algorithm>

using namespace mlir;
using namespace mlir::cnn;
using namespace mlir::cnn::zoo;
using namespace mlir::cnn::onnx_import;

namespace {

AxisPhases decompose(int64_t stride, int64_t kernel, int64_t dilation,
                     int64_t padBegin) {
  AxisPhases a;
  a.stride = stride;
  a.tap.assign(stride * kernel, -1);
  int64_t offMin = INT64_MAX, offMax = INT64_MIN;
  auto offset = [&](int64_t r, int64_t k, int64_t &off) {
    int64_t num = r + padBegin - k * dilation;
    if (((num % stride) + stride) % stride != 0)
      return false;
    off = (num - ((num % stride) + stride) % stride) / stride;
    return true;
  };
  for (int64_t r = 0; r < stride; ++r)
    for (int64_t k = 0; k < kernel; ++k)
      if (int64_t off; offset(r, k, off)) {
        offMin = std::min(offMin, off);
        offMax = std::max(offMax, off);
      }
  a.padLo = std::max<int64_t>(0, -offMin);
  a.padHi = std::max<int64_t>(0, offMax);
  a.taps = a.padLo + a.padHi + 1;
  for (int64_t r = 0; r < stride; ++r)
    for (int64_t k = 0; k < kernel; ++k)
      if (int64_t off; offset(r, k, off))
        a.tap[r * kernel + k] = off + a.padLo;
  return a;
}

} // namespace

LogicalResult Importer::setPhaseValues(const onnx::NodeProto &node,
                                       Conv2DOp conv,
                                       const onnx::TensorProto &weight,
                                       const onnx::TensorProto *bias,
                                       int64_t groups, const AxisPhases &rows,
                                       const AxisPhases &cols) {
  // [m*s*s + rh*s + rw][cc][th][tw] = w[grp*C/g + cc][mm][kh][kw] for the
  // taps each phase uses, zero elsewhere; each bias repeated per phase.
  FailureOr<SmallVector<float>> w = readFloats(node, weight);
  if (failed(w))
    return failure();
  SmallVector<int64_t> dims = getDims(weight);
  int64_t c = dims[0], cg = c / groups, mg = dims[1], m = mg * groups;
  int64_t kh = dims[2], kw = dims[3], s0 = rows.stride, s1 = cols.stride;
  int64_t th = rows.taps, tw = cols.taps;
  SmallVector<float> values(m * s0 * s1 * cg * th * tw, 0.0f);
  for (int64_t ci = 0; ci < c; ++ci)
    for (int64_t mm = 0; mm < mg; ++mm)
      for (int64_t rh = 0; rh < s0; ++rh)
        for (int64_t rw = 0; rw < s1; ++rw)
          for (int64_t a = 0; a < kh; ++a)
            for (int64_t b = 0; b < kw; ++b) {
              int64_t ta = rows.tap[rh * kh + a], tb = cols.tap[rw * kw + b];
              if (ta < 0 || tb < 0)
                continue;
              int64_t oc = (((ci / cg) * mg + mm) * s0 + rh) * s1 + rw;
              values[((oc * cg + ci % cg) * th + ta) * tw + tb] =
                  (*w)[((ci * mg + mm) * kh + a) * kw + b];
            }
  setValues(conv.getWeight(), values);
  if (!bias)
    return success();
  FailureOr<SmallVector<float>> bv = readFloats(node, *bias);
  if (failed(bv))
    return failure();
  SmallVector<float> biases;
  for (int64_t oc = 0; oc < m * s0 * s1; ++oc)
    biases.push_back((*bv)[oc / (s0 * s1)]);
  setValues(conv.getBias(), biases);
  return success();
}

LogicalResult Importer::importDepthToSpace(const onnx::NodeProto &node) {
  FailureOr<FeatureMap> x = getFeatureMap(node, 0);
  if (failed(x))
    return failure();
  if (x->flat)
    return emitNodeError(node) << "the input is a flattened feature map";
  int64_t block = getIntAttr(node, "blocksize", 0);
  std::string mode = getStringAttr(node, "mode", "DCR");
  if (mode != "DCR" && mode != "CRD")
    return emitNodeError(node) << "unknown mode '" << mode << "'";
  int64_t c = NetBuilder::getChannels(x->value);
  if (block < 1 || block > 1024 || c % (block * block) != 0)
    return emitNodeError(node)
           << "a block of " << block << " does not divide the " << c
           << " channels into blocks of block x block";
  FailureOr<Value> y = checkBuilt(
      node, nb->depthToSpace(x->value, getNodeName(node), block,
                             mode == "DCR" ? DepthToSpaceMode::dcr
                                           : DepthToSpaceMode::crd));
  if (failed(y))
    return failure();
  define(node.output(0), {*y});
  return success();
}

LogicalResult Importer::importConvTranspose(const onnx::NodeProto &node) {
  FailureOr<FeatureMap> x = getFeatureMap(node, 0);
  FailureOr<const onnx::TensorProto *> weight, bias;
  if (failed(x) || failed(weight = getConstant(node, 1, "weight")) ||
      failed(bias = getConstant(node, 2, "bias", /*optional=*/true)))
    return failure();
  if (x->flat)
    return emitNodeError(node) << "the input is a flattened feature map";
  SmallVector<int64_t> dims = getDims(**weight);
  int64_t c = NetBuilder::getChannels(x->value);
  int64_t groups = getIntAttr(node, "group", 1);
  if (dims.size() != 4)
    return emitNodeError(node)
           << "weight of shape " << formatDims(dims)
           << " is not 4-D [C, M/group, kH, kW]; only 2-D transposed "
              "convolutions are supported";
  if (groups < 1 || dims[0] != c || c % groups != 0)
    return emitNodeError(node)
           << "weight of shape " << formatDims(dims) << " with " << groups
           << " groups does not match the " << c << " input channels";
  int64_t m = dims[1] * groups;
  if (*bias && ArrayRef<int64_t>(getDims(**bias)) != ArrayRef<int64_t>{m})
    return emitNodeError(node)
           << "bias of shape " << formatDims(getDims(**bias))
           << " does not match the " << m << " output channels";
  SmallVector<int64_t> kernel = getIntsAttr(node, "kernel_shape", {});
  if (!kernel.empty() &&
      ArrayRef<int64_t>(kernel) != ArrayRef(dims).drop_front(2))
    return emitNodeError(node)
           << "kernel_shape " << formatDims(kernel)
           << " does not match the weight of shape " << formatDims(dims);
  SmallVector<int64_t> strides = getIntsAttr(node, "strides", {1, 1});
  SmallVector<int64_t> dilations = getIntsAttr(node, "dilations", {1, 1});
  SmallVector<int64_t> pads = getIntsAttr(node, "pads", {0, 0, 0, 0});
  SmallVector<int64_t> outPad = getIntsAttr(node, "output_padding", {0, 0});
  SmallVector<int64_t> outShape = getIntsAttr(node, "output_shape", {});
  std::string autoPad = getStringAttr(node, "auto_pad", "NOTSET");
  if (strides.size() != 2 || dilations.size() != 2 || pads.size() != 4 ||
      outPad.size() != 2 || (!outShape.empty() && outShape.size() != 2))
    return emitNodeError(node) << "strides, dilations, output_padding and "
                                  "output_shape need 2 entries, pads 4";
  int64_t in[2] = {NetBuilder::getHeight(x->value),
                   NetBuilder::getWidth(x->value)};
  for (int i = 0; i < 2; ++i) {
    if (strides[i] < 1 || strides[i] > 64 || dilations[i] < 1 ||
        dilations[i] > 64 || pads[i] < 0 || pads[i + 2] < 0 || outPad[i] < 0)
      return emitNodeError(node)
             << "strides and dilations in [1, 64] and pads and "
                "output_padding >= 0 are expected";
    int64_t window = (dims[2 + i] - 1) * dilations[i] + 1;
    // ONNX: an output shape (or SAME padding, whose output is stride x
    // input) sets the pads; the odd one goes at the end unless SAME_UPPER.
    int64_t target = autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER"
                         ? in[i] * strides[i]
                     : outShape.empty() ? -1
                                        : outShape[i];
    if (autoPad != "NOTSET" && autoPad != "SAME_UPPER" &&
        autoPad != "SAME_LOWER")
      return emitNodeError(node) << "auto_pad '" << autoPad
                                 << "' is not supported";
    if (target >= 0) {
      int64_t total = strides[i] * (in[i] - 1) + outPad[i] + window - target;
      pads[i] = autoPad == "SAME_UPPER" ? total / 2 : total - total / 2;
      pads[i + 2] = total - pads[i];
    }
    int64_t out = (in[i] - 1) * strides[i] + window - pads[i] - pads[i + 2] +
                  outPad[i];
    if (out != in[i] * strides[i])
      return emitNodeError(node)
             << "the output has " << out << (i ? " columns" : " rows")
             << " for " << in[i] << " input ones at stride " << strides[i]
             << "; only a transposed convolution whose output is stride x "
                "input is supported";
  }
  AxisPhases ph[2] = {decompose(strides[0], dims[2], dilations[0], pads[0]),
                      decompose(strides[1], dims[3], dilations[1], pads[1])};
  int64_t s0 = strides[0], s1 = strides[1];
  if (s0 != s1)
    return emitNodeError(node) << "strides " << formatDims(strides)
                               << " differ; only equal strides are supported";

  std::string name = getNodeName(node);
  ConvSpec spec(m * s0 * s1, 1);
  spec.kernel(ph[0].taps, ph[1].taps);
  spec.pad(ph[0].padLo, ph[0].padHi, ph[1].padLo, ph[1].padHi);
  spec.numGroups = groups;
  spec.hasBias = *bias != nullptr;
  FailureOr<Value> phases = checkBuilt(
      node, nb->conv(x->value, s0 > 1 ? name + "/phases" : name, spec));
  if (failed(phases))
    return failure();
  if (wantsValues() &&
      failed(setPhaseValues(node, phases->getDefiningOp<Conv2DOp>(), **weight,
                            *bias, groups, ph[0], ph[1])))
    return failure();
  if (s0 == 1) {
    define(node.output(0), {*phases});
    return success();
  }
  FailureOr<Value> y = checkBuilt(
      node, nb->depthToSpace(*phases, name, s0, DepthToSpaceMode::crd));
  if (failed(y))
    return failure();
  numReaders[*phases] = 1;
  define(node.output(0), {*y});
  return success();
}
