//===- ImportOps.cpp - Imports element-wise ONNX nodes ----------*- C++ -*-===//
//
// The nodes without weights or windows: Add and Concat, the activations
// (fused into the layer before when nothing else reads its output), Pad,
// Resize, Softmax, and the nodes that only view or name a tensor (Flatten,
// Reshape, Identity, Constant).
//
//===----------------------------------------------------------------------===//

#include "OnnxImporter.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cmath>
#include <limits>

using namespace mlir;
using namespace mlir::cnn;
using namespace mlir::cnn::zoo;
using namespace mlir::cnn::onnx_import;

//===----------------------------------------------------------------------===//
// Element-wise and structural layers
//===----------------------------------------------------------------------===//

LogicalResult Importer::importAdd(const onnx::NodeProto &node) {
  FailureOr<FeatureMap> lhs = getFeatureMap(node, 0);
  FailureOr<FeatureMap> rhs;
  if (failed(lhs) || failed(rhs = getFeatureMap(node, 1)))
    return failure();
  // A map plus one value per channel (computed, e.g. a pooled branch) is
  // the map minus the negated values: cnn.add takes maps of one type, and
  // negating C values is exact.
  auto isPerChannel = [](Value v) {
    return NetBuilder::getHeight(v) == 1 && NetBuilder::getWidth(v) == 1;
  };
  if (isPerChannel(lhs->value) && !isPerChannel(rhs->value))
    std::swap(lhs, rhs);
  if (isPerChannel(rhs->value) && !isPerChannel(lhs->value)) {
    std::string name = getNodeName(node);
    ConvSpec negate = ConvSpec::depthwise(1);
    negate.noBias();
    FailureOr<Value> minus =
        checkBuilt(node, nb->conv(rhs->value, name + "/negate", negate));
    if (failed(minus))
      return failure();
    if (wantsValues())
      setValues(minus->getDefiningOp<Conv2DOp>().getWeight(),
                SmallVector<float>(NetBuilder::getChannels(*minus), -1.0f));
    numReaders[*minus] = 1;
    FailureOr<Value> y =
        checkBuilt(node, nb->sub(lhs->value, *minus, name));
    if (failed(y))
      return failure();
    define(node.output(0), {*y, lhs->flat});
    return success();
  }
  FailureOr<Value> y =
      checkBuilt(node, nb->add(lhs->value, rhs->value, getNodeName(node)));
  if (failed(y))
    return failure();
  define(node.output(0), {*y, lhs->flat && rhs->flat});
  return success();
}

LogicalResult Importer::importSub(const onnx::NodeProto &node) {
  FailureOr<FeatureMap> lhs = getFeatureMap(node, 0);
  FailureOr<FeatureMap> rhs;
  if (failed(lhs) || failed(rhs = getFeatureMap(node, 1)))
    return failure();
  FailureOr<Value> y =
      checkBuilt(node, nb->sub(lhs->value, rhs->value, getNodeName(node)));
  if (failed(y))
    return failure();
  define(node.output(0), {*y, lhs->flat && rhs->flat});
  return success();
}

LogicalResult Importer::importMul(const onnx::NodeProto &node) {
  FailureOr<FeatureMap> lhs = getFeatureMap(node, 0);
  FailureOr<FeatureMap> rhs;
  if (failed(lhs) || failed(rhs = getFeatureMap(node, 1)))
    return failure();
  // The product commutes: the per-channel factors go second.
  auto isFactors = [](Value v) {
    return NetBuilder::getHeight(v) == 1 && NetBuilder::getWidth(v) == 1;
  };
  if (isFactors(lhs->value) && !isFactors(rhs->value))
    std::swap(lhs, rhs);
  FailureOr<Value> y =
      checkBuilt(node, nb->mul(lhs->value, rhs->value, getNodeName(node)));
  if (failed(y))
    return failure();
  define(node.output(0), {*y, lhs->flat && rhs->flat});
  return success();
}

LogicalResult Importer::importConcat(const onnx::NodeProto &node) {
  SmallVector<Value> inputs;
  bool flat = false;
  for (int i = 0; i < node.input_size(); ++i) {
    FailureOr<FeatureMap> x = getFeatureMap(node, i);
    if (failed(x))
      return failure();
    // Flattened maps of 1x1 pixels concatenate along the channels too.
    if (x->flat &&
        NetBuilder::getHeight(x->value) * NetBuilder::getWidth(x->value) != 1)
      return emitNodeError(node) << "input '" << getInputName(node, i)
                                 << "' is a flattened feature map";
    flat = x->flat;
    inputs.push_back(x->value);
  }
  if (inputs.empty())
    return emitNodeError(node) << "no inputs";
  int64_t rank = flat ? 2 : 4;
  int64_t axis = getIntAttr(node, "axis", 1);
  if (axis < 0)
    axis += rank;
  if (axis != 1)
    return emitNodeError(node)
           << "concatenation along axis " << getIntAttr(node, "axis", 1)
           << " is not supported; only the channels "
              "(axis 1) are";
  FailureOr<Value> y = checkBuilt(node, nb->concat(inputs, getNodeName(node)));
  if (failed(y))
    return failure();
  define(node.output(0), {*y, flat});
  return success();
}

LogicalResult Importer::importActivation(const onnx::NodeProto &node,
                                         Activation activation) {
  FailureOr<FeatureMap> x = getFeatureMap(node, 0);
  if (failed(x))
    return failure();
  // Fused into the layer that produces the input, unless another node reads
  // the value before the activation; an element-wise activation passes
  // through copy layers (the depth_to_space of a transposed convolution)
  // that are their input's only reader.
  Operation *producer = x->value.getDefiningOp();
  while (producer && isa<CnnCopyLayerOpInterface>(producer) &&
         numReaders.lookup(producer->getResult(0)) == 1 &&
         numReaders.lookup(producer->getOperand(0)) == 1)
    producer = producer->getOperand(0).getDefiningOp();
  if (producer && numReaders.lookup(x->value) == 1) {
    bool fused =
        llvm::TypeSwitch<Operation *, bool>(producer)
            .Case<Conv2DOp, FullyConnectedOp, AddOp, SubOp, MulOp>(
                [&](auto layer) {
              if (layer.getActivation() != Activation::none)
                return false;
              layer.setActivation(activation);
              return true;
            })
            .Default(false);
    if (fused) {
      alias(node.output(0), *x);
      return success();
    }
  }
  std::string name = getNodeName(node);
  Value y =
      ActivationOp::create(builder, NameLoc::get(builder.getStringAttr(name)),
                           x->value, activation, builder.getStringAttr(name));
  define(node.output(0), {y, x->flat});
  return success();
}

LogicalResult Importer::importRelu(const onnx::NodeProto &node) {
  return importActivation(node, Activation::relu);
}

LogicalResult Importer::importHardSigmoid(const onnx::NodeProto &node) {
  // PyTorch exports hardsigmoid as alpha 1/6 and beta 1/2 (ONNX's default
  // alpha is 0.2).
  float alpha = getFloatAttr(node, "alpha", 0.2f);
  float beta = getFloatAttr(node, "beta", 0.5f);
  if (std::abs(alpha - 1.0f / 6.0f) > 1e-6f || beta != 0.5f)
    return emitNodeError(node)
           << "alpha " << formatNumber(alpha) << " and beta "
           << formatNumber(beta)
           << " are not supported; only alpha 1/6 and beta 1/2 "
              "(min(max(x / 6 + 1/2, 0), 1)) are";
  return importActivation(node, Activation::hard_sigmoid);
}

LogicalResult Importer::importHardSwish(const onnx::NodeProto &node) {
  return importActivation(node, Activation::hard_swish);
}

LogicalResult Importer::importSigmoid(const onnx::NodeProto &node) {
  return importActivation(node, Activation::sigmoid);
}

LogicalResult Importer::importTanh(const onnx::NodeProto &node) {
  return importActivation(node, Activation::tanh);
}

LogicalResult Importer::importClip(const onnx::NodeProto &node) {
  // Bounds are attributes up to opset 10 and optional inputs from 11.
  float inf = std::numeric_limits<float>::infinity();
  FailureOr<float> min =
      getScalar(node, 1, "min", getFloatAttr(node, "min", -inf));
  FailureOr<float> max;
  if (failed(min) ||
      failed(max = getScalar(node, 2, "max", getFloatAttr(node, "max", inf))))
    return failure();
  float lo = *min, hi = *max;
  if (lo == 0.0f && hi == 6.0f)
    return importActivation(node, Activation::relu6);
  if (lo == 0.0f && hi == inf)
    return importActivation(node, Activation::relu);
  return emitNodeError(node)
         << "clipping to [" << formatNumber(lo) << ", " << formatNumber(hi)
         << "] is not supported; only [0, 6] (ReLU6) "
            "and [0, inf] (ReLU) are";
}

LogicalResult Importer::importPad(const onnx::NodeProto &node) {
  FailureOr<FeatureMap> x = getFeatureMap(node, 0);
  if (failed(x))
    return failure();
  if (x->flat)
    return emitNodeError(node) << "the input is a flattened feature map";
  std::string mode = getStringAttr(node, "mode", "constant");
  if (mode != "constant")
    return emitNodeError(node)
           << "mode '" << mode << "' is not supported; only 'constant' is";
  // Pads and value are attributes up to opset 10 and inputs from 11.
  SmallVector<int64_t> pads = getIntsAttr(node, "pads", {});
  float value = getFloatAttr(node, "value", 0.0f);
  if (opset >= 11) {
    FailureOr<const onnx::TensorProto *> padsTensor =
        getConstant(node, 1, "pads");
    if (failed(padsTensor))
      return failure();
    FailureOr<SmallVector<int64_t>> values = readInts(node, **padsTensor);
    if (failed(values))
      return failure();
    pads = std::move(*values);
    FailureOr<float> constant = getScalar(node, 2, "constant_value", 0.0f);
    if (failed(constant))
      return failure();
    value = *constant;
  }
  // [N, C, H, W] begins, then ends.
  if (pads.size() != 8)
    return emitNodeError(node) << "pads " << formatDims(pads)
                               << " do not have 8 entries (4-D input)";
  if (pads[0] || pads[1] || pads[4] || pads[5])
    return emitNodeError(node) << "pads " << formatDims(pads)
                               << " pad the batch or channels; only rows and "
                                  "columns can be padded";
  if (llvm::any_of(pads, [](int64_t p) { return p < 0; }))
    return emitNodeError(node) << "negative pads " << formatDims(pads)
                               << " (cropping) are not supported";
  // An integer network pads with an integer its elements hold.
  if (auto intType = dyn_cast<IntegerType>(elementType)) {
    unsigned bits = intType.getWidth();
    double lo = -std::ldexp(1.0, bits - 1), hi = std::ldexp(1.0, bits) - 1;
    if (!(value >= lo && value <= hi) || value != std::floor(value))
      return emitNodeError(node)
             << "the pad value " << formatNumber(value)
             << " is not an integer that " << elementType
             << " holds (the network's element type)";
  }
  FailureOr<Value> y =
      checkBuilt(node, nb->pad(x->value, getNodeName(node),
                               {pads[2], pads[6], pads[3], pads[7]}));
  if (failed(y))
    return failure();
  y->getDefiningOp<PadOp>().setValueAttr(builder.getF64FloatAttr(value));
  define(node.output(0), {*y});
  return success();
}

/// The input index ONNX's nearest-neighbour Resize reads for output index
/// `x` of an axis scaled by `scale`, or -1 for an unknown mode.
static int64_t getNearestSource(int64_t x, int64_t scale, int64_t inLength,
                                StringRef transform, StringRef nearestMode) {
  double outLength = static_cast<double>(inLength * scale);
  double pos;
  if (transform == "half_pixel")
    pos = (x + 0.5) / scale - 0.5;
  else if (transform == "pytorch_half_pixel")
    pos = outLength > 1 ? (x + 0.5) / scale - 0.5 : 0.0;
  else if (transform == "align_corners")
    pos = outLength > 1 ? x * (inLength - 1.0) / (outLength - 1.0) : 0.0;
  else if (transform == "asymmetric")
    pos = static_cast<double>(x) / scale;
  else if (transform == "tf_half_pixel_for_nn")
    pos = (x + 0.5) / scale;
  else
    return -1;
  double index;
  if (nearestMode == "floor")
    index = std::floor(pos);
  else if (nearestMode == "ceil")
    index = std::ceil(pos);
  else if (nearestMode == "round_prefer_floor")
    index = std::ceil(pos - 0.5);
  else if (nearestMode == "round_prefer_ceil")
    index = std::floor(pos + 0.5);
  else
    return -1;
  return std::clamp<int64_t>(static_cast<int64_t>(index), 0, inLength - 1);
}

LogicalResult Importer::importResize(const onnx::NodeProto &node) {
  FailureOr<FeatureMap> x = getFeatureMap(node, 0);
  if (failed(x))
    return failure();
  if (x->flat)
    return emitNodeError(node) << "the input is a flattened feature map";
  auto inType = cast<RankedTensorType>(x->value.getType());
  // Upsample and Resize-10 map output to input coordinates asymmetrically
  // (x / scale); Resize-11 says how.
  bool isUpsample = node.op_type() == "Upsample";
  bool asymmetric = isUpsample || opset < 11;

  // Scales: an attribute (Upsample-7), input 1 (Upsample-9, Resize-10) or
  // input 2, else output sizes in input 3 (Resize-11).
  SmallVector<double> scales;
  if (const onnx::AttributeProto *attr = findAttr(node, "scales")) {
    scales.assign(attr->floats().begin(), attr->floats().end());
  } else {
    FailureOr<const onnx::TensorProto *> scalesTensor =
        getConstant(node, asymmetric ? 1 : 2, "scales", /*optional=*/true);
    if (failed(scalesTensor))
      return failure();
    if (*scalesTensor && getNumElements(**scalesTensor) > 0) {
      FailureOr<SmallVector<float>> values = readFloats(node, **scalesTensor);
      if (failed(values))
        return failure();
      scales.assign(values->begin(), values->end());
    } else if (!asymmetric) {
      FailureOr<const onnx::TensorProto *> sizesTensor =
          getConstant(node, 3, "sizes");
      if (failed(sizesTensor))
        return failure();
      FailureOr<SmallVector<int64_t>> sizes = readInts(node, **sizesTensor);
      if (failed(sizes))
        return failure();
      if (sizes->size() != 4)
        return emitNodeError(node)
               << "sizes " << formatDims(*sizes) << " do not have 4 entries";
      for (int i = 0; i < 4; ++i)
        scales.push_back(double((*sizes)[i]) / inType.getDimSize(i));
    }
  }
  if (scales.size() != 4 || scales[0] != 1.0 || scales[1] != 1.0 ||
      llvm::any_of(ArrayRef(scales).drop_front(2),
                   [](double s) {
                     return !(s >= 1.0 && s <= kMaxWindowStep) ||
                            s != std::floor(s);
                   })) {
    std::string text;
    llvm::raw_string_ostream os(text);
    llvm::interleaveComma(scales, os, [&](double s) { os << formatNumber(s); });
    return emitNodeError(node)
           << "scales [" << text
           << "] are not supported; rows and columns must be scaled by "
              "integers in [1, "
           << kMaxWindowStep << "], batch and channels by 1";
  }
  int64_t scaleH = static_cast<int64_t>(scales[2]);
  int64_t scaleW = static_cast<int64_t>(scales[3]);

  std::string mode = getStringAttr(node, "mode", "nearest");
  std::string transform =
      asymmetric
          ? "asymmetric"
          : getStringAttr(node, "coordinate_transformation_mode", "half_pixel");
  ResizeMode resizeMode;
  if (mode == "nearest") {
    // cnn.resize reads input row floor(r / scale); check that ONNX's
    // coordinate transform and rounding read the same rows and columns.
    std::string rounding =
        asymmetric ? "floor"
                   : getStringAttr(node, "nearest_mode", "round_prefer_floor");
    if (getNearestSource(0, 1, 1, transform, rounding) < 0)
      return emitNodeError(node)
             << "coordinate_transformation_mode '" << transform
             << "' with nearest_mode '" << rounding << "' is not supported";
    for (auto [scale, length] : {std::pair(scaleH, inType.getDimSize(2)),
                                 std::pair(scaleW, inType.getDimSize(3))})
      for (int64_t r = 0; r < scale * length; ++r)
        if (getNearestSource(r, scale, length, transform, rounding) !=
            r / scale)
          return emitNodeError(node)
                 << "nearest resizing with coordinate_transformation_mode '"
                 << transform << "' and nearest_mode '" << rounding
                 << "' is not supported: output row " << r
                 << " does not read input row floor(" << r << " / " << scale
                 << ") as cnn.resize does";
    resizeMode = ResizeMode::nearest;
  } else if (mode == "linear" || mode == "bilinear") {
    // pytorch_half_pixel differs from half_pixel only for outputs of size 1.
    if (transform != "half_pixel" && transform != "pytorch_half_pixel")
      return emitNodeError(node)
             << "linear resizing with coordinate_transformation_mode '"
             << transform
             << "' is not supported; cnn.resize interpolates with half-pixel "
                "centres ('half_pixel', Resize from opset 11)";
    resizeMode = ResizeMode::bilinear;
  } else {
    return emitNodeError(node) << "mode '" << mode
                               << "' is not supported; only 'nearest' and "
                                  "'linear' are";
  }

  std::string name = getNodeName(node);
  auto type = RankedTensorType::get({1, inType.getDimSize(1),
                                     inType.getDimSize(2) * scaleH,
                                     inType.getDimSize(3) * scaleW},
                                    inType.getElementType());
  // Created here: NetBuilder::resize scales rows and columns alike.
  Value y = ResizeOp::create(builder, NameLoc::get(builder.getStringAttr(name)),
                             type, x->value, ArrayRef<int64_t>{scaleH, scaleW},
                             resizeMode, builder.getStringAttr(name));
  define(node.output(0), {y});
  return success();
}

LogicalResult Importer::importSoftmax(const onnx::NodeProto &node) {
  FailureOr<FeatureMap> x = getFeatureMap(node, 0);
  if (failed(x))
    return failure();
  int64_t rank = x->flat ? 2 : 4;
  int64_t axisAttr = getIntAttr(node, "axis", opset >= 13 ? -1 : 1);
  int64_t axis = axisAttr < 0 ? axisAttr + rank : axisAttr;
  // Before opset 13 Softmax flattens the axes from `axis` on: over the
  // channels of each pixel only for 1x1 pixels; so does a flattened input.
  bool onePixel =
      NetBuilder::getHeight(x->value) * NetBuilder::getWidth(x->value) == 1;
  bool channels = axis == 1 && (onePixel || (rank == 4 && opset >= 13));
  if (!channels)
    return emitNodeError(node)
           << "softmax over axis " << axisAttr << " of a "
           << (x->flat ? "flattened" : "4-D")
           << " feature map is not supported; cnn.softmax normalises the "
              "channels of each pixel";
  FailureOr<Value> y =
      checkBuilt(node, nb->softmax(x->value, getNodeName(node)));
  if (failed(y))
    return failure();
  define(node.output(0), {*y, x->flat});
  return success();
}

LogicalResult Importer::importFlatten(const onnx::NodeProto &node) {
  FailureOr<FeatureMap> x = getFeatureMap(node, 0);
  if (failed(x))
    return failure();
  int64_t rank = x->flat ? 2 : 4;
  int64_t axis = getIntAttr(node, "axis", 1);
  if (axis < 0)
    axis += rank;
  // With batch 1, axis 0 gives [1, C*H*W] too.
  if (axis != 0 && axis != 1)
    return emitNodeError(node)
           << "flattening from axis " << getIntAttr(node, "axis", 1)
           << " is not supported; only axis 1 is";
  alias(node.output(0), {x->value, /*flat=*/true});
  return success();
}

LogicalResult Importer::importReshape(const onnx::NodeProto &node) {
  // A 5-D view in channel groups is read only here and by Transpose.
  auto grouped = tensors.find(getInputName(node, 0));
  FailureOr<FeatureMap> x =
      grouped != tensors.end() && grouped->second.groups
          ? FailureOr<FeatureMap>(grouped->second)
          : getFeatureMap(node, 0);
  FailureOr<const onnx::TensorProto *> shapeTensor;
  if (failed(x) || failed(shapeTensor = getConstant(node, 1, "shape")))
    return failure();
  FailureOr<SmallVector<int64_t>> shape = readInts(node, **shapeTensor);
  if (failed(shape))
    return failure();
  int64_t k = cast<RankedTensorType>(x->value.getType()).getNumElements();
  SmallVector<int64_t> inShape = x->getOnnxShape();
  // 0 copies the input's dimension (unless allowzero); one -1 is inferred.
  SmallVector<int64_t> target = *shape;
  bool allowZero = getIntAttr(node, "allowzero", 0) != 0;
  int64_t known = 1, inferred = -1;
  for (auto [i, d] : llvm::enumerate(target)) {
    if (d == 0 && !allowZero && i < inShape.size())
      d = inShape[i];
    if (d == -1 && inferred < 0) {
      inferred = i;
      continue;
    }
    // Negative or overflowing dimensions are no shape of the input.
    if (d < 0 || (d > 0 && known > std::numeric_limits<int64_t>::max() / d))
      return emitNodeError(node)
             << "shape " << formatDims(*shape) << " is not a shape of the "
             << k << " elements of the input";
    known *= d;
  }
  if (inferred >= 0 && known > 0 && k % known == 0)
    target[inferred] = k / known;
  // A channel shuffle: [1, C, H, W] to [1, g, C/g, H, W] and back.
  if (x->groups ||
      (!x->flat && target.size() == 5 && target[0] == 1 && target[1] >= 1 &&
       target[2] >= 1 && target[1] * target[2] == inShape[1] &&
       target[3] == inShape[2] && target[4] == inShape[3]))
    return importChannelGroups(node, *x, target);
  return defineLayout(node, x->value, inShape, target);
}

LogicalResult Importer::defineLayout(const onnx::NodeProto &node, Value x,
                                     ArrayRef<int64_t> inShape,
                                     ArrayRef<int64_t> target) {
  auto type = cast<RankedTensorType>(x.getType());
  if (target == ArrayRef<int64_t>{1, type.getNumElements()}) {
    alias(node.output(0), {x, /*flat=*/true});
    return success();
  }
  if (target == type.getShape()) {
    alias(node.output(0), {x, /*flat=*/false});
    return success();
  }
  return emitNodeError(node)
         << "reshaping " << formatDims(inShape) << " to " << formatDims(target)
         << " is not supported; only flattening a feature map to [1, C*H*W] "
            "and its inverse are";
}

LogicalResult Importer::importSqueeze(const onnx::NodeProto &node) {
  // Squeeze and Unsqueeze of a feature map: [1, C, 1, 1] <-> [1, C], or
  // nothing changed. The axes are an attribute up to opset 12, an input
  // after (Squeeze without axes drops every dimension of 1).
  FailureOr<FeatureMap> x = getFeatureMap(node, 0);
  if (failed(x))
    return failure();
  SmallVector<int64_t> inShape = x->getOnnxShape();
  FailureOr<SmallVector<int64_t>> axesOr = getAxes(node, {});
  if (failed(axesOr))
    return failure();
  SmallVector<int64_t> axes = std::move(*axesOr);
  bool squeeze = node.op_type() == "Squeeze";
  int64_t rank = inShape.size() + (squeeze ? 0 : axes.size());
  SmallVector<bool> marked(rank, false);
  for (int64_t a : axes) {
    int64_t axis = a < 0 ? a + rank : a;
    if (axis < 0 || axis >= rank || marked[axis] ||
        (squeeze && inShape[axis] != 1))
      return emitNodeError(node) << "axes " << formatDims(axes)
                                 << " do not fit the shape "
                                 << formatDims(inShape);
    marked[axis] = true;
  }
  SmallVector<int64_t> target;
  for (int64_t i = 0, j = 0; i < rank; ++i) {
    if (squeeze) {
      if (!marked[i] && !(axes.empty() && inShape[i] == 1))
        target.push_back(inShape[i]);
    } else {
      target.push_back(marked[i] ? 1 : inShape[j++]);
    }
  }
  return defineLayout(node, x->value, inShape, target);
}

LogicalResult Importer::importIdentity(const onnx::NodeProto &node) {
  // Exporters copy shared initializers with Identity.
  if (auto it = constants.find(getInputName(node, 0)); it != constants.end()) {
    constants[node.output(0)] = it->second;
    return success();
  }
  FailureOr<FeatureMap> x = getFeatureMap(node, 0);
  if (failed(x) || failed(checkOnlyOutput(node)))
    return failure();
  alias(node.output(0), *x);
  return success();
}

LogicalResult Importer::importConstant(const onnx::NodeProto &node) {
  // collectConstants has recorded the tensor.
  if (node.output_size() != 1 || !constants.count(node.output(0)))
    return emitNodeError(node)
           << "only a constant given by a 'value' tensor is supported";
  return success();
}

LogicalResult Importer::importTranspose(const onnx::NodeProto &node) {
  // Converters from TensorFlow wrap NCHW layers in Transposes to NHWC and
  // back: a view, and its inverse.
  auto it = tensors.find(getInputName(node, 0));
  if (it == tensors.end())
    return getFeatureMap(node, 0); // The error: a constant, or unknown.
  FeatureMap x = it->second;
  SmallVector<int64_t> perm = getIntsAttr(node, "perm", {});
  if (failed(checkOnlyOutput(node)))
    return failure();
  if (!x.flat && !x.nhwc && ArrayRef<int64_t>(perm) == ArrayRef<int64_t>{0, 2, 3, 1}) {
    alias(node.output(0), {x.value, false, /*nhwc=*/true});
    return success();
  }
  if (x.nhwc && ArrayRef<int64_t>(perm) == ArrayRef<int64_t>{0, 3, 1, 2}) {
    alias(node.output(0), {x.value, false, /*nhwc=*/false});
    return success();
  }
  if (x.groups &&
      ArrayRef<int64_t>(perm) == ArrayRef<int64_t>{0, 2, 1, 3, 4}) {
    x.shuffled = !x.shuffled;
    alias(node.output(0), x);
    return success();
  }
  if (!x.flat && !x.groups &&
      ArrayRef<int64_t>(perm) == ArrayRef<int64_t>{0, 1, 2, 3}) {
    alias(node.output(0), x);
    return success();
  }
  return emitNodeError(node)
         << "transposing "
         << (x.nhwc     ? "an NHWC view"
             : x.groups ? "a 5-D view in channel groups"
                        : "a feature map")
         << " by perm " << formatDims(perm)
         << " is not supported; only NCHW to NHWC ([0, 2, 3, 1]) and back "
            "([0, 3, 1, 2]), and swapping the channel axes of a 5-D view in "
            "channel groups ([0, 2, 1, 3, 4]) are";
}
