//===- ImportLayers.cpp - Imports ONNX convolutions and pools ---*- C++ -*-===//
//
// The nodes that become layers with weights (Conv, with the batch norm it
// absorbs; Gemm; MatMul, with the bias Add it absorbs) or with windows (the
// pools), and the helpers every layer uses: checking what NetBuilder built
// and giving shape-only weights the initializers' values.
//
//===----------------------------------------------------------------------===//

#include "OnnxImporter.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <cmath>

using namespace mlir;
using namespace mlir::cnn;
using namespace mlir::cnn::zoo;
using namespace mlir::cnn::onnx_import;

//===----------------------------------------------------------------------===//
// Layers
//===----------------------------------------------------------------------===//

bool Importer::wantsValues() const {
  return options.elementType == ElementType::f32 ||
         options.elementType == ElementType::f16;
}

/// Turns a layer that NetBuilder could not build into an error on `node`.
FailureOr<Value> Importer::checkBuilt(const onnx::NodeProto &node,
                                      Value result) {
  if (nb->hasFailed())
    return emitNodeError(node) << nb->getError();
  return result;
}

/// Gives the shape-only weight `weight` the values `values`, in row-major
/// order, converted to its element type. Up to `inlineWeightsUpTo`
/// elements a `dense` attribute; more, a `dense_resource` blob named after
/// the layer that reads it: the bytes stay out of the uniqued attribute
/// storage, print as one hexadecimal string and are stored as they are in
/// MLIR bytecode.
void Importer::setValues(Value weight, ArrayRef<float> values) {
  auto op = weight.getDefiningOp<WeightOp>();
  auto type = cast<RankedTensorType>(op.getType());
  if (static_cast<int64_t>(values.size()) <= options.inlineWeightsUpTo) {
    if (type.getElementType().isF32()) {
      op.setValueAttr(DenseElementsAttr::get(type, values));
      return;
    }
    SmallVector<llvm::APFloat> halves;
    for (float v : values) {
      bool losesInfo = false;
      llvm::APFloat half(v);
      half.convert(llvm::APFloat::IEEEhalf(),
                   llvm::APFloat::rmNearestTiesToEven, &losesInfo);
      halves.push_back(half);
    }
    op.setValueAttr(DenseElementsAttr::get(type, halves));
    return;
  }
  std::string name = "weight";
  for (Operation *user : weight.getUsers())
    if (auto layer = user->getAttrOfType<StringAttr>("name")) {
      name = (layer.getValue() +
              (user->getNumOperands() > 2 && user->getOperand(2) == weight
                   ? "_bias"
                   : "_weight"))
                 .str();
      break;
    }
  if (type.getElementType().isF32()) {
    op.setValueAttr(DenseResourceElementsAttr::get(
        type, name, HeapAsmResourceBlob::allocateAndCopyInferAlign(values)));
    return;
  }
  SmallVector<uint16_t> halves;
  halves.reserve(values.size());
  for (float v : values) {
    bool losesInfo = false;
    llvm::APFloat half(v);
    half.convert(llvm::APFloat::IEEEhalf(), llvm::APFloat::rmNearestTiesToEven,
                 &losesInfo);
    halves.push_back(
        static_cast<uint16_t>(half.bitcastToAPInt().getZExtValue()));
  }
  op.setValueAttr(DenseResourceElementsAttr::get(
      type, name,
      HeapAsmResourceBlob::allocateAndCopyInferAlign(ArrayRef(halves))));
}

/// Gives the f32 weight `weight` the raw data of `tensor` without copying
/// it: a `dense_resource` blob over the model's bytes, which the blob keeps
/// alive. False, changing nothing, unless the weight is larger than
/// `inlineWeightsUpTo` and the tensor holds its values as raw little-endian
/// f32 in the weight's order.
bool Importer::setValuesInPlace(Value weight, const onnx::TensorProto &tensor) {
  auto op = weight.getDefiningOp<WeightOp>();
  auto type = cast<RankedTensorType>(op.getType());
  const std::string &raw = tensor.raw_data();
  int64_t n = type.getNumElements();
  if (!sharedModel || !llvm::sys::IsLittleEndianHost ||
      !type.getElementType().isF32() ||
      tensor.data_type() != onnx::TensorProto_DataType_FLOAT ||
      n <= options.inlineWeightsUpTo ||
      static_cast<int64_t>(raw.size()) != n * 4 ||
      reinterpret_cast<uintptr_t>(raw.data()) % alignof(float) != 0)
    return false;
  std::shared_ptr<const onnx::ModelProto> keep = sharedModel;
  AsmResourceBlob blob(
      ArrayRef<char>(raw.data(), raw.size()), alignof(float),
      [keep](void *, size_t, size_t) {}, /*dataIsMutable=*/false);
  std::string name = "weight";
  for (Operation *user : weight.getUsers())
    if (auto layer = user->getAttrOfType<StringAttr>("name")) {
      name = (layer.getValue() + "_weight").str();
      break;
    }
  op.setValueAttr(DenseResourceElementsAttr::get(type, name, std::move(blob)));
  return true;
}

void Importer::noteMissingValues(const onnx::NodeProto &node) {
  layersWithoutValues.push_back(getNodeName(node));
}

/// The [top, bottom, left, right] padding of a window of `window` rows and
/// columns (dilated) moved by `strides`, from `pads` ([top, left, bottom,
/// right] in ONNX) or `auto_pad`.
FailureOr<std::array<int64_t, 4>>
Importer::getPadding(const onnx::NodeProto &node, int64_t h, int64_t w,
                     ArrayRef<int64_t> window, ArrayRef<int64_t> strides) {
  std::string autoPad = getStringAttr(node, "auto_pad", "NOTSET");
  if (autoPad == "NOTSET") {
    SmallVector<int64_t> pads = getIntsAttr(node, "pads", {0, 0, 0, 0});
    if (pads.size() != 4)
      return emitNodeError(node)
             << "pads " << formatDims(pads) << " do not have 4 entries";
    if (llvm::any_of(pads, [](int64_t p) { return p < 0; }))
      return emitNodeError(node)
             << "pads " << formatDims(pads) << " are negative";
    return std::array<int64_t, 4>{pads[0], pads[2], pads[1], pads[3]};
  }
  if (autoPad == "VALID")
    return std::array<int64_t, 4>{0, 0, 0, 0};
  if (autoPad != "SAME_UPPER" && autoPad != "SAME_LOWER")
    return emitNodeError(node) << "unknown auto_pad '" << autoPad << "'";
  // ceil(in / stride) outputs; SAME_UPPER puts an odd extra row at the end.
  auto same = [&](int64_t in, int64_t win, int64_t stride) {
    int64_t out = (in + stride - 1) / stride;
    int64_t total = std::max<int64_t>((out - 1) * stride + win - in, 0);
    int64_t small = total / 2, large = total - small;
    return autoPad == "SAME_UPPER" ? std::pair(small, large)
                                   : std::pair(large, small);
  };
  auto [top, bottom] = same(h, window[0], strides[0]);
  auto [left, right] = same(w, window[1], strides[1]);
  return std::array<int64_t, 4>{top, bottom, left, right};
}

//===----------------------------------------------------------------------===//
// Convolution and fully connected
//===----------------------------------------------------------------------===//

LogicalResult Importer::importConv(const onnx::NodeProto &node) {
  FailureOr<FeatureMap> x = getFeatureMap(node, 0);
  FailureOr<const onnx::TensorProto *> weight;
  FailureOr<const onnx::TensorProto *> bias;
  if (failed(x) || failed(weight = getConstant(node, 1, "weight")) ||
      failed(bias = getConstant(node, 2, "bias", /*optional=*/true)))
    return failure();
  if (x->flat)
    return emitNodeError(node) << "the input is a flattened feature map";

  SmallVector<int64_t> dims = getDims(**weight);
  if (dims.size() != 4)
    return emitNodeError(node)
           << "weight of shape " << formatDims(dims)
           << " is not 4-D [M, C/group, kH, kW]; only 2-D convolutions are "
              "supported";
  int64_t c = NetBuilder::getChannels(x->value);
  int64_t groups = getIntAttr(node, "group", 1);
  if (groups < 1 || dims[1] * groups != c)
    return emitNodeError(node)
           << "weight of shape " << formatDims(dims) << " with " << groups
           << " groups does not match the " << c << " input channels";
  if (*bias && ArrayRef<int64_t>(getDims(**bias)) != ArrayRef<int64_t>{dims[0]})
    return emitNodeError(node)
           << "bias of shape " << formatDims(getDims(**bias))
           << " does not match the " << dims[0] << " output channels";
  SmallVector<int64_t> kernel = getIntsAttr(node, "kernel_shape", {});
  if (!kernel.empty() &&
      ArrayRef<int64_t>(kernel) != ArrayRef(dims).drop_front(2))
    return emitNodeError(node)
           << "kernel_shape " << formatDims(kernel)
           << " does not match the weight of shape " << formatDims(dims);
  SmallVector<int64_t> strides = getIntsAttr(node, "strides", {1, 1});
  SmallVector<int64_t> dilations = getIntsAttr(node, "dilations", {1, 1});
  if (strides.size() != 2 || dilations.size() != 2)
    return emitNodeError(node) << "strides and dilations need 2 entries";
  if (failed(checkWindowSteps(node, strides, dilations)))
    return failure();
  FailureOr<std::array<int64_t, 4>> padding = getPadding(
      node, NetBuilder::getHeight(x->value), NetBuilder::getWidth(x->value),
      {(dims[2] - 1) * dilations[0] + 1, (dims[3] - 1) * dilations[1] + 1},
      strides);
  if (failed(padding))
    return failure();

  // A batch norm that reads only this convolution becomes its scale and
  // bias.
  std::array<const onnx::TensorProto *, 4> bnParams = {};
  FailureOr<const onnx::NodeProto *> folded =
      getFoldedBatchNorm(node, dims[0], bnParams);
  if (failed(folded))
    return failure();
  const onnx::NodeProto *bn = *folded;

  ConvSpec spec(dims[0], dims[2]);
  spec.kernel(dims[2], dims[3]);
  spec.strideH = strides[0];
  spec.strideW = strides[1];
  spec.dilationH = dilations[0];
  spec.dilationW = dilations[1];
  spec.padding = *padding;
  spec.numGroups = groups;
  spec.hasBias = *bias || bn;
  FailureOr<Value> y =
      checkBuilt(node, nb->conv(x->value, getNodeName(node), spec));
  if (failed(y))
    return failure();

  if (wantsValues() &&
      failed(setConvValues(node, *y, **weight, *bias, bn, bnParams, dims[0])))
    return failure();

  define(node.output(0), {*y});
  if (bn) {
    absorbed.insert(bn);
    alias(bn->output(0), {*y});
  }
  return success();
}

/// The BatchNormalization that is the only reader of the Conv `node`'s
/// output, or null; its scale, B, mean and var (of `channels` values each) go
/// to `params`.
FailureOr<const onnx::NodeProto *>
Importer::getFoldedBatchNorm(const onnx::NodeProto &node, int64_t channels,
                             std::array<const onnx::TensorProto *, 4> &params) {
  const onnx::NodeProto *bn = getOnlyReader(node.output(0));
  if (bn && (bn->op_type() != "BatchNormalization" ||
             getInputName(*bn, 0) != node.output(0)))
    bn = nullptr;
  if (bn) {
    const char *what[] = {"scale", "B", "mean", "var"};
    for (int i = 0; i < 4; ++i) {
      FailureOr<const onnx::TensorProto *> param =
          getConstant(*bn, i + 1, what[i]);
      if (failed(param))
        return failure();
      if (getNumElements(**param) != channels)
        return emitNodeError(*bn)
               << what[i] << " has " << getNumElements(**param)
               << " values for " << channels << " channels";
      params[i] = *param;
    }
    if (failed(checkOnlyOutput(*bn)))
      return failure();
  }
  return bn;
}

/// Gives the convolution `y` the values of its weight and bias, with the
/// batch norm `bn` (its parameters in `bnParams`) folded into them, or notes
/// that they are missing.
LogicalResult Importer::setConvValues(
    const onnx::NodeProto &node, Value y, const onnx::TensorProto &weight,
    const onnx::TensorProto *bias, const onnx::NodeProto *bn,
    const std::array<const onnx::TensorProto *, 4> &bnParams,
    int64_t channels) {
  bool complete = hasData(weight) && (!bias || hasData(*bias));
  for (const onnx::TensorProto *param : bnParams)
    complete &= !param || hasData(*param);
  if (!complete) {
    noteMissingValues(node);
  } else {
    // Without a batch norm to fold, the weight refers to the model's bytes.
    auto conv = y.getDefiningOp<Conv2DOp>();
    bool inPlace = !bn && setValuesInPlace(conv.getWeight(), weight);
    FailureOr<SmallVector<float>> w = SmallVector<float>();
    if (!inPlace && failed(w = readFloats(node, weight)))
      return failure();
    SmallVector<float> b(channels, 0.0f);
    if (bias) {
      FailureOr<SmallVector<float>> values = readFloats(node, *bias);
      if (failed(values))
        return failure();
      b = std::move(*values);
    }
    if (bn) {
      // y = gamma * (conv + b - mean) / sqrt(var + eps) + beta.
      std::array<SmallVector<float>, 4> p;
      for (int i = 0; i < 4; ++i) {
        FailureOr<SmallVector<float>> values = readFloats(*bn, *bnParams[i]);
        if (failed(values))
          return failure();
        p[i] = std::move(*values);
      }
      double epsilon = getFloatAttr(*bn, "epsilon", 1e-5f);
      int64_t perChannel = static_cast<int64_t>(w->size()) / channels;
      for (int64_t m = 0; m < channels; ++m) {
        double variance = double(p[3][m]) + epsilon;
        double scale = p[0][m] / std::sqrt(variance);
        if (!(variance > 0.0) || !std::isfinite(scale))
          return emitNodeError(*bn)
                 << "var + epsilon is " << formatNumber(variance)
                 << " for channel " << m
                 << "; a positive value is expected (the folded scale "
                    "must be finite)";
        for (int64_t i = 0; i < perChannel; ++i)
          (*w)[m * perChannel + i] =
              static_cast<float>((*w)[m * perChannel + i] * scale);
        b[m] = static_cast<float>((double(b[m]) - p[2][m]) * scale + p[1][m]);
      }
    }
    if (!inPlace)
      setValues(conv.getWeight(), *w);
    if (conv.getBias())
      setValues(conv.getBias(), b);
  }
  return success();
}

LogicalResult Importer::buildFullyConnected(const onnx::NodeProto &node,
                                            FeatureMap x,
                                            const FullyConnectedParams &params,
                                            StringRef output) {
  SmallVector<int64_t> dims = getDims(*params.weight);
  if (dims.size() != 2)
    return emitNodeError(node)
           << "weight of shape " << formatDims(dims) << " is not 2-D";
  int64_t k = params.transposed ? dims[0] : dims[1];
  int64_t n = params.transposed ? dims[1] : dims[0];
  int64_t c = NetBuilder::getChannels(x.value);
  int64_t h = NetBuilder::getHeight(x.value);
  int64_t w = NetBuilder::getWidth(x.value);
  if (!x.flat && h * w != 1)
    return emitNodeError(node)
           << "the input is a " << c << "x" << h << "x" << w
           << " feature map; a flattened one ([1, C*H*W], after Flatten or "
              "Reshape) is expected";
  if (c * h * w != k)
    return emitNodeError(node)
           << "weight of shape " << formatDims(dims) << " takes " << k
           << " inputs, but the input has " << c * h * w;
  if (params.bias) {
    int64_t numBias = getNumElements(*params.bias);
    if (numBias != n && numBias != 1)
      return emitNodeError(node)
             << "bias of shape " << formatDims(getDims(*params.bias))
             << " does not match the " << n << " outputs";
  }

  FailureOr<Value> y =
      checkBuilt(node, nb->fullyConnected(x.value, getNodeName(node), n));
  if (failed(y))
    return failure();
  auto fc = y->getDefiningOp<FullyConnectedOp>();
  if (!params.bias) {
    Operation *bias = fc.getBias().getDefiningOp();
    fc.getBiasMutable().clear();
    bias->erase();
  }

  if (wantsValues()) {
    if (!hasData(*params.weight) || (params.bias && !hasData(*params.bias))) {
      noteMissingValues(node);
    } else if (params.transposed || params.alpha != 1.0f ||
               !setValuesInPlace(fc.getWeight(), *params.weight)) {
      FailureOr<SmallVector<float>> b = readFloats(node, *params.weight);
      if (failed(b))
        return failure();
      // The layer's weight is [N, K].
      SmallVector<float> weight(n * k);
      for (int64_t i = 0; i < n; ++i)
        for (int64_t j = 0; j < k; ++j)
          weight[i * k + j] =
              params.alpha *
              (params.transposed ? (*b)[j * n + i] : (*b)[i * k + j]);
      b->clear();
      setValues(fc.getWeight(), weight);
    }
    if (hasData(*params.weight) && (!params.bias || hasData(*params.bias))) {
      if (params.bias) {
        FailureOr<SmallVector<float>> values = readFloats(node, *params.bias);
        if (failed(values))
          return failure();
        SmallVector<float> bias(n);
        for (int64_t i = 0; i < n; ++i)
          bias[i] = params.beta * (*values)[values->size() == 1 ? 0 : i];
        setValues(fc.getBias(), bias);
      }
    }
  }
  define(node.output(0), {*y, /*flat=*/true});
  if (output != node.output(0))
    alias(output, {*y, /*flat=*/true});
  return success();
}

LogicalResult Importer::importGemm(const onnx::NodeProto &node) {
  FailureOr<FeatureMap> x = getFeatureMap(node, 0);
  FailureOr<const onnx::TensorProto *> weight;
  FailureOr<const onnx::TensorProto *> bias;
  if (failed(x) || failed(weight = getConstant(node, 1, "weight")) ||
      failed(bias = getConstant(node, 2, "bias", /*optional=*/true)))
    return failure();
  if (getIntAttr(node, "transA", 0) != 0)
    return emitNodeError(node) << "transA = 1 is not supported";
  FullyConnectedParams params;
  params.weight = *weight;
  // Gemm computes A * B, with B [K, N] unless transB.
  params.transposed = getIntAttr(node, "transB", 0) == 0;
  params.alpha = getFloatAttr(node, "alpha", 1.0f);
  params.bias = *bias;
  params.beta = getFloatAttr(node, "beta", 1.0f);
  return buildFullyConnected(node, *x, params, node.output(0));
}

LogicalResult Importer::importMatMul(const onnx::NodeProto &node) {
  FailureOr<FeatureMap> x = getFeatureMap(node, 0);
  FailureOr<const onnx::TensorProto *> weight;
  if (failed(x) || failed(weight = getConstant(node, 1, "weight")))
    return failure();
  FullyConnectedParams params;
  params.weight = *weight;
  params.transposed = true;
  // An Add of a constant that reads only the product is the bias.
  StringRef output = node.output(0);
  if (const onnx::NodeProto *add = getOnlyReader(node.output(0));
      add && add->op_type() == "Add" && add->input_size() == 2) {
    int other = getInputName(*add, 0) == node.output(0) ? 1 : 0;
    auto it = constants.find(getInputName(*add, other));
    if (it != constants.end()) {
      params.bias = it->second;
      absorbed.insert(add);
      output = add->output(0);
    }
  }
  return buildFullyConnected(node, *x, params, output);
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

/// The extra bottom (right) padding that gives ONNX's `ceil_mode` output
/// size: the partial last window counts, unless it would start in the end
/// padding (as PyTorch, which exports most such models, rounds).
static int64_t getCeilModeExtra(int64_t in, int64_t padLo, int64_t padHi,
                                int64_t window, int64_t stride) {
  int64_t padded = in + padLo + padHi;
  if (padded < window)
    return 0;
  int64_t out = (padded - window + stride - 1) / stride + 1;
  if ((out - 1) * stride >= in + padLo)
    --out;
  return std::max<int64_t>((out - 1) * stride + window - padded, 0);
}

LogicalResult Importer::checkWindowSteps(const onnx::NodeProto &node,
                                        ArrayRef<int64_t> strides,
                                        ArrayRef<int64_t> dilations) {
  for (ArrayRef<int64_t> steps : {strides, dilations})
    for (int64_t v : steps)
      if (v < 1 || v > kMaxWindowStep)
        return emitNodeError(node)
               << "strides " << formatDims(strides) << " and dilations "
               << formatDims(dilations) << " need entries in [1, "
               << kMaxWindowStep << "]";
  return success();
}

template <bool IsMax>
LogicalResult Importer::importPool(const onnx::NodeProto &node) {
  FailureOr<FeatureMap> x = getFeatureMap(node, 0);
  if (failed(x) || failed(checkOnlyOutput(node)))
    return failure();
  if (x->flat)
    return emitNodeError(node) << "the input is a flattened feature map";
  SmallVector<int64_t> kernel = getIntsAttr(node, "kernel_shape", {});
  SmallVector<int64_t> strides = getIntsAttr(node, "strides", {1, 1});
  SmallVector<int64_t> dilations = getIntsAttr(node, "dilations", {1, 1});
  if (kernel.size() != 2 || strides.size() != 2)
    return emitNodeError(node)
           << "kernel_shape " << formatDims(kernel) << " and strides "
           << formatDims(strides) << " need 2 entries (2-D pooling)";
  if (ArrayRef<int64_t>(dilations) != ArrayRef<int64_t>{1, 1})
    return emitNodeError(node)
           << "dilations " << formatDims(dilations) << " are not supported";
  if (failed(checkWindowSteps(node, strides, dilations)))
    return failure();
  if (kernel[0] < 1 || kernel[1] < 1)
    return emitNodeError(node) << "kernel_shape " << formatDims(kernel)
                               << " needs positive entries";
  int64_t h = NetBuilder::getHeight(x->value);
  int64_t w = NetBuilder::getWidth(x->value);
  FailureOr<std::array<int64_t, 4>> padding =
      getPadding(node, h, w, kernel, strides);
  if (failed(padding))
    return failure();
  // A window of only padding has no value to pool.
  if ((*padding)[0] >= kernel[0] || (*padding)[1] >= kernel[0] ||
      (*padding)[2] >= kernel[1] || (*padding)[3] >= kernel[1])
    return emitNodeError(node)
           << "padding [" << (*padding)[0] << ", " << (*padding)[1] << ", "
           << (*padding)[2] << ", " << (*padding)[3]
           << "] (top, bottom, left, right) must be smaller than "
              "kernel_shape "
           << formatDims(kernel) << ": a window would hold only padding";
  if (getIntAttr(node, "ceil_mode", 0)) {
    (*padding)[1] += getCeilModeExtra(h, (*padding)[0], (*padding)[1],
                                      kernel[0], strides[0]);
    (*padding)[3] += getCeilModeExtra(w, (*padding)[2], (*padding)[3],
                                      kernel[1], strides[1]);
  }
  if (!IsMax && getIntAttr(node, "count_include_pad", 0) != 0 &&
      llvm::any_of(*padding, [](int64_t p) { return p != 0; }))
    return emitNodeError(node)
           << "count_include_pad = 1 with padding is not supported: "
              "cnn.avg_pool does not count padded positions";

  PoolSpec spec(kernel[0]);
  spec.kernelW = kernel[1];
  spec.strideH = strides[0];
  spec.strideW = strides[1];
  spec.padding = *padding;
  std::string name = getNodeName(node);
  FailureOr<Value> y =
      checkBuilt(node, IsMax ? nb->maxPool(x->value, name, spec)
                             : nb->avgPool(x->value, name, spec));
  if (failed(y))
    return failure();
  define(node.output(0), {*y});
  return success();
}

LogicalResult Importer::importMaxPool(const onnx::NodeProto &node) {
  return importPool</*IsMax=*/true>(node);
}

LogicalResult Importer::importAveragePool(const onnx::NodeProto &node) {
  return importPool</*IsMax=*/false>(node);
}

LogicalResult Importer::importGlobalAveragePool(const onnx::NodeProto &node) {
  FailureOr<FeatureMap> x = getFeatureMap(node, 0);
  if (failed(x))
    return failure();
  if (x->flat)
    return emitNodeError(node) << "the input is a flattened feature map";
  FailureOr<Value> y =
      checkBuilt(node, nb->globalAvgPool(x->value, getNodeName(node)));
  if (failed(y))
    return failure();
  define(node.output(0), {*y});
  return success();
}

LogicalResult Importer::importGlobalMaxPool(const onnx::NodeProto &node) {
  FailureOr<FeatureMap> x = getFeatureMap(node, 0);
  if (failed(x))
    return failure();
  if (x->flat)
    return emitNodeError(node) << "the input is a flattened feature map";
  // A window over the whole feature map.
  PoolSpec spec(NetBuilder::getHeight(x->value));
  spec.kernelW = spec.strideW = NetBuilder::getWidth(x->value);
  FailureOr<Value> y =
      checkBuilt(node, nb->maxPool(x->value, getNodeName(node), spec));
  if (failed(y))
    return failure();
  define(node.output(0), {*y});
  return success();
}
