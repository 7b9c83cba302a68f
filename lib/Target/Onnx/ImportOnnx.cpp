//===- ImportOnnx.cpp - Imports ONNX models as cnn IR -----------*- C++ -*-===//
//
// The model is parsed with ONNX's own protobuf classes. Nodes are imported
// one by one in graph order, which ONNX requires to be topological; a
// NetBuilder creates the layers, computes their shapes and creates their
// weights, shape-only, and the importer then gives those weights the
// initializers' values. Patterns that become one layer (Conv followed by
// BatchNormalization, MatMul followed by a bias Add, a layer followed by
// Relu) are found by looking at the only reader of a node's output.
//
//===----------------------------------------------------------------------===//

#include "cnn/Target/Onnx/ImportOnnx.h"

#include "cnn/Dialect/Cnn/IR/CnnDialect.h"
#include "cnn/Dialect/Cnn/IR/CnnOps.h"
#include "cnn/Zoo/NetBuilder.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <onnx/onnx_pb.h>

#include <array>
#include <climits>
#include <cmath>
#include <limits>
#include <optional>

using namespace mlir;
using namespace mlir::cnn;
using namespace mlir::cnn::zoo;

namespace {

//===----------------------------------------------------------------------===//
// Reading protobuf messages
//===----------------------------------------------------------------------===//

/// The attribute `name` of `node`, or null.
const onnx::AttributeProto *findAttr(const onnx::NodeProto &node,
                                     StringRef name) {
  for (const onnx::AttributeProto &attr : node.attribute())
    if (attr.name() == name)
      return &attr;
  return nullptr;
}

int64_t getIntAttr(const onnx::NodeProto &node, StringRef name,
                   int64_t defaultValue) {
  const onnx::AttributeProto *attr = findAttr(node, name);
  return attr ? attr->i() : defaultValue;
}

float getFloatAttr(const onnx::NodeProto &node, StringRef name,
                   float defaultValue) {
  const onnx::AttributeProto *attr = findAttr(node, name);
  return attr ? attr->f() : defaultValue;
}

std::string getStringAttr(const onnx::NodeProto &node, StringRef name,
                          StringRef defaultValue) {
  const onnx::AttributeProto *attr = findAttr(node, name);
  return attr ? attr->s() : defaultValue.str();
}

SmallVector<int64_t> getIntsAttr(const onnx::NodeProto &node, StringRef name,
                                 ArrayRef<int64_t> defaultValue) {
  const onnx::AttributeProto *attr = findAttr(node, name);
  if (!attr)
    return SmallVector<int64_t>(defaultValue);
  return SmallVector<int64_t>(attr->ints().begin(), attr->ints().end());
}

/// The name of input `index` of `node`, empty when the input is absent
/// (ONNX writes an omitted optional input as an empty name).
StringRef getInputName(const onnx::NodeProto &node, int index) {
  return index < node.input_size() ? StringRef(node.input(index)) : StringRef();
}

/// The name of the layer a node becomes: the node's name, or its first
/// output's when the node has none.
std::string getNodeName(const onnx::NodeProto &node) {
  if (!node.name().empty())
    return node.name();
  if (node.output_size() > 0 && !node.output(0).empty())
    return node.output(0);
  return node.op_type();
}

SmallVector<int64_t> getDims(const onnx::TensorProto &tensor) {
  return SmallVector<int64_t>(tensor.dims().begin(), tensor.dims().end());
}

int64_t getNumElements(const onnx::TensorProto &tensor) {
  int64_t n = 1;
  for (int64_t d : tensor.dims())
    n *= d;
  return n;
}

/// True unless the tensor holds only its dims (a model saved without its
/// weights) or keeps its data in an external file.
bool hasData(const onnx::TensorProto &tensor) {
  if (tensor.data_location() == onnx::TensorProto_DataLocation_EXTERNAL)
    return false;
  return getNumElements(tensor) == 0 || !tensor.raw_data().empty() ||
         tensor.float_data_size() > 0 || tensor.double_data_size() > 0 ||
         tensor.int32_data_size() > 0 || tensor.int64_data_size() > 0;
}

StringRef getDataTypeName(int32_t dataType) {
  if (onnx::TensorProto_DataType_IsValid(dataType))
    return onnx::TensorProto_DataType_Name(
        static_cast<onnx::TensorProto_DataType>(dataType));
  return "unknown";
}

/// Reads `count` little-endian values of `T` from a tensor's raw data.
template <typename T>
SmallVector<T> readRaw(const std::string &raw, int64_t count) {
  SmallVector<T> values;
  values.reserve(count);
  const char *p = raw.data();
  for (int64_t i = 0; i < count; ++i, p += sizeof(T))
    values.push_back(
        llvm::support::endian::read<T, llvm::endianness::little>(p));
  return values;
}

/// A number as C's %g writes it: "6", "0.5", "inf".
std::string formatNumber(double value) {
  std::string s;
  llvm::raw_string_ostream(s) << llvm::format("%g", value);
  return s;
}

std::string formatDims(ArrayRef<int64_t> dims) {
  std::string s = "[";
  llvm::raw_string_ostream os(s);
  llvm::interleaveComma(dims, os);
  os << "]";
  return s;
}

/// The input index ONNX's nearest-neighbour Resize reads for output index
/// `x` of an axis scaled by `scale`, or -1 for an unknown mode.
int64_t getNearestSource(int64_t x, int64_t scale, int64_t inLength,
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

/// The extra bottom (right) padding that gives ONNX's `ceil_mode` output
/// size: the partial last window counts, unless it would start in the end
/// padding (as PyTorch, which exports most such models, rounds).
int64_t getCeilModeExtra(int64_t in, int64_t padLo, int64_t padHi,
                         int64_t window, int64_t stride) {
  int64_t padded = in + padLo + padHi;
  if (padded < window)
    return 0;
  int64_t out = (padded - window + stride - 1) / stride + 1;
  if ((out - 1) * stride >= in + padLo)
    --out;
  return std::max<int64_t>((out - 1) * stride + window - padded, 0);
}

//===----------------------------------------------------------------------===//
// Importer
//===----------------------------------------------------------------------===//

/// An ONNX tensor as a feature map. ONNX sees a flattened feature map (the
/// output of Flatten, Gemm, MatMul) as [1, C*H*W]; it stays the 1xCxHxW
/// value it views, as `cnn.fully_connected` flattens its input itself.
struct FeatureMap {
  Value value;
  bool flat = false;
};

/// The parameters of a fully connected layer, from Gemm or MatMul + Add.
struct FullyConnectedParams {
  /// [N, K], or [K, N] when `transposed`.
  const onnx::TensorProto *weight = nullptr;
  bool transposed = false;
  float alpha = 1.0f;
  /// N values or one, or null.
  const onnx::TensorProto *bias = nullptr;
  float beta = 1.0f;
};

class Importer {
public:
  Importer(const onnx::ModelProto &model, StringRef fileName,
           MLIRContext *context, const OnnxImportOptions &options)
      : model(model), graph(model.graph()), options(options), builder(context),
        fileLoc(FileLineColLoc::get(context, fileName, 0, 0)) {}

  OwningOpRef<ModuleOp> import();

private:
  using Handler = LogicalResult (Importer::*)(const onnx::NodeProto &);

  // Diagnostics.
  InFlightDiagnostic emitNodeError(const onnx::NodeProto &node);

  // The graph's tensors.
  void collectConstants();
  LogicalResult importInput(const onnx::ValueInfoProto &input,
                            SmallVectorImpl<int64_t> &chw);
  int64_t getNumReaders(StringRef tensor) const;
  const onnx::NodeProto *getOnlyReader(StringRef tensor) const;
  void define(StringRef tensor, FeatureMap map);
  void alias(StringRef tensor, FeatureMap map);
  FailureOr<FeatureMap> getFeatureMap(const onnx::NodeProto &node, int index);
  FailureOr<const onnx::TensorProto *> getConstant(const onnx::NodeProto &node,
                                                   int index, StringRef what,
                                                   bool optional = false);
  FailureOr<SmallVector<float>> readFloats(const onnx::NodeProto &node,
                                           const onnx::TensorProto &tensor);
  FailureOr<SmallVector<int64_t>> readInts(const onnx::NodeProto &node,
                                           const onnx::TensorProto &tensor);
  FailureOr<float> getScalar(const onnx::NodeProto &node, int index,
                             StringRef what, float defaultValue);
  LogicalResult checkOnlyOutput(const onnx::NodeProto &node);

  // Layers.
  bool wantsValues() const;
  FailureOr<Value> checkBuilt(const onnx::NodeProto &node, Value result);
  void setValues(Value weight, ArrayRef<float> values);
  void noteMissingValues(const onnx::NodeProto &node);
  FailureOr<std::array<int64_t, 4>> getPadding(const onnx::NodeProto &node,
                                               int64_t h, int64_t w,
                                               ArrayRef<int64_t> window,
                                               ArrayRef<int64_t> strides);
  LogicalResult buildFullyConnected(const onnx::NodeProto &node, FeatureMap x,
                                    const FullyConnectedParams &params,
                                    StringRef output);
  LogicalResult importActivation(const onnx::NodeProto &node,
                                 Activation activation);
  template <bool IsMax> LogicalResult importPool(const onnx::NodeProto &node);

  // One handler per op type.
  LogicalResult importNode(const onnx::NodeProto &node);
  LogicalResult importConv(const onnx::NodeProto &node);
  LogicalResult importGemm(const onnx::NodeProto &node);
  LogicalResult importMatMul(const onnx::NodeProto &node);
  LogicalResult importMaxPool(const onnx::NodeProto &node);
  LogicalResult importAveragePool(const onnx::NodeProto &node);
  LogicalResult importGlobalAveragePool(const onnx::NodeProto &node);
  LogicalResult importGlobalMaxPool(const onnx::NodeProto &node);
  LogicalResult importAdd(const onnx::NodeProto &node);
  LogicalResult importConcat(const onnx::NodeProto &node);
  LogicalResult importRelu(const onnx::NodeProto &node);
  LogicalResult importClip(const onnx::NodeProto &node);
  LogicalResult importPad(const onnx::NodeProto &node);
  LogicalResult importResize(const onnx::NodeProto &node);
  LogicalResult importSoftmax(const onnx::NodeProto &node);
  LogicalResult importFlatten(const onnx::NodeProto &node);
  LogicalResult importReshape(const onnx::NodeProto &node);
  LogicalResult importIdentity(const onnx::NodeProto &node);
  LogicalResult importBatchNormalization(const onnx::NodeProto &node);
  LogicalResult importConstant(const onnx::NodeProto &node);

  const onnx::ModelProto &model;
  const onnx::GraphProto &graph;
  OnnxImportOptions options;
  OpBuilder builder;
  Location fileLoc;
  /// Version of the default operator set.
  int64_t opset = 1;
  Type elementType;
  std::optional<NetBuilder> nb;

  /// Initializers and the outputs of Constant nodes.
  llvm::StringMap<const onnx::TensorProto *> constants;
  /// The feature map of every tensor imported so far.
  llvm::StringMap<FeatureMap> tensors;
  /// The nodes that read each tensor, once per input that names it.
  llvm::StringMap<SmallVector<const onnx::NodeProto *, 2>> readers;
  llvm::StringSet<> graphOutputs;
  /// Nodes already imported as part of an earlier node's layer.
  llvm::DenseSet<const onnx::NodeProto *> absorbed;
  /// For each value, how many node inputs and graph outputs read it through
  /// any of the tensors that are it (a Flatten's output is its input): an
  /// activation is fused into its producer only when it is the one reader.
  DenseMap<Value, int64_t> numReaders;
  /// Layers whose weights stay shape-only because an initializer has no
  /// data.
  SmallVector<std::string> layersWithoutValues;
};

} // namespace

//===----------------------------------------------------------------------===//
// Diagnostics and tensors
//===----------------------------------------------------------------------===//

InFlightDiagnostic Importer::emitNodeError(const onnx::NodeProto &node) {
  InFlightDiagnostic diag = emitError(fileLoc);
  diag << node.op_type() << " node '" << getNodeName(node) << "': ";
  return diag;
}

void Importer::collectConstants() {
  for (const onnx::TensorProto &init : graph.initializer())
    constants[init.name()] = &init;
  for (const onnx::NodeProto &node : graph.node())
    if (node.op_type() == "Constant" && node.output_size() == 1)
      if (const onnx::AttributeProto *value = findAttr(node, "value"))
        constants[node.output(0)] = &value->t();
}

int64_t Importer::getNumReaders(StringRef tensor) const {
  auto it = readers.find(tensor);
  int64_t n = it == readers.end() ? 0 : it->second.size();
  return n + graphOutputs.count(tensor);
}

const onnx::NodeProto *Importer::getOnlyReader(StringRef tensor) const {
  auto it = readers.find(tensor);
  if (it == readers.end() || it->second.size() != 1 ||
      graphOutputs.contains(tensor))
    return nullptr;
  return it->second.front();
}

void Importer::define(StringRef tensor, FeatureMap map) {
  tensors[tensor] = map;
  numReaders[map.value] += getNumReaders(tensor);
}

void Importer::alias(StringRef tensor, FeatureMap map) {
  // The node that makes `tensor` a view of the value was one of its readers.
  tensors[tensor] = map;
  numReaders[map.value] += getNumReaders(tensor) - 1;
}

FailureOr<FeatureMap> Importer::getFeatureMap(const onnx::NodeProto &node,
                                              int index) {
  StringRef name = getInputName(node, index);
  if (name.empty())
    return emitNodeError(node) << "input " << index << " is missing";
  auto it = tensors.find(name);
  if (it != tensors.end())
    return it->second;
  if (constants.count(name))
    return emitNodeError(node)
           << "input '" << name
           << "' is a constant; a feature map (a tensor computed from the "
              "graph input) is expected";
  return emitNodeError(node)
         << "input '" << name << "' is not computed before the node";
}

FailureOr<const onnx::TensorProto *>
Importer::getConstant(const onnx::NodeProto &node, int index, StringRef what,
                      bool optional) {
  StringRef name = getInputName(node, index);
  if (name.empty()) {
    if (optional)
      return static_cast<const onnx::TensorProto *>(nullptr);
    return emitNodeError(node)
           << "the " << what << " (input " << index << ") is missing";
  }
  auto it = constants.find(name);
  if (it == constants.end())
    return emitNodeError(node)
           << "the " << what << " '" << name
           << "' is not an initializer or Constant; it must be known when "
              "the model is imported";
  return it->second;
}

FailureOr<SmallVector<float>>
Importer::readFloats(const onnx::NodeProto &node,
                     const onnx::TensorProto &tensor) {
  int64_t n = getNumElements(tensor);
  const std::string &raw = tensor.raw_data();
  SmallVector<float> values;
  switch (tensor.data_type()) {
  case onnx::TensorProto_DataType_FLOAT:
    if (!raw.empty()) {
      if (static_cast<int64_t>(raw.size()) != n * 4)
        break;
      return readRaw<float>(raw, n);
    }
    values.assign(tensor.float_data().begin(), tensor.float_data().end());
    break;
  case onnx::TensorProto_DataType_DOUBLE:
    if (!raw.empty()) {
      if (static_cast<int64_t>(raw.size()) != n * 8)
        break;
      for (double d : readRaw<double>(raw, n))
        values.push_back(static_cast<float>(d));
      return values;
    }
    for (double d : tensor.double_data())
      values.push_back(static_cast<float>(d));
    break;
  case onnx::TensorProto_DataType_FLOAT16: {
    // Raw data, or one value per int32_data entry, as IEEE half bits.
    SmallVector<uint16_t> bits;
    if (!raw.empty()) {
      if (static_cast<int64_t>(raw.size()) != n * 2)
        break;
      bits = readRaw<uint16_t>(raw, n);
    } else {
      for (int32_t b : tensor.int32_data())
        bits.push_back(static_cast<uint16_t>(b));
    }
    for (uint16_t b : bits)
      values.push_back(
          llvm::APFloat(llvm::APFloat::IEEEhalf(), llvm::APInt(16, b))
              .convertToFloat());
    break;
  }
  default:
    return emitNodeError(node)
           << "tensor '" << tensor.name() << "' has element type "
           << getDataTypeName(tensor.data_type())
           << "; FLOAT, FLOAT16 or DOUBLE is expected";
  }
  if (static_cast<int64_t>(values.size()) != n)
    return emitNodeError(node) << "tensor '" << tensor.name() << "' of shape "
                               << formatDims(getDims(tensor))
                               << " does not hold " << n << " values";
  return values;
}

FailureOr<SmallVector<int64_t>>
Importer::readInts(const onnx::NodeProto &node,
                   const onnx::TensorProto &tensor) {
  int64_t n = getNumElements(tensor);
  const std::string &raw = tensor.raw_data();
  SmallVector<int64_t> values;
  switch (tensor.data_type()) {
  case onnx::TensorProto_DataType_INT64:
    if (!raw.empty()) {
      if (static_cast<int64_t>(raw.size()) != n * 8)
        break;
      return readRaw<int64_t>(raw, n);
    }
    values.assign(tensor.int64_data().begin(), tensor.int64_data().end());
    break;
  case onnx::TensorProto_DataType_INT32:
    if (!raw.empty()) {
      if (static_cast<int64_t>(raw.size()) != n * 4)
        break;
      for (int32_t v : readRaw<int32_t>(raw, n))
        values.push_back(v);
      return values;
    }
    values.assign(tensor.int32_data().begin(), tensor.int32_data().end());
    break;
  default:
    return emitNodeError(node)
           << "tensor '" << tensor.name() << "' has element type "
           << getDataTypeName(tensor.data_type())
           << "; INT64 or INT32 is expected";
  }
  if (static_cast<int64_t>(values.size()) != n)
    return emitNodeError(node) << "tensor '" << tensor.name() << "' of shape "
                               << formatDims(getDims(tensor))
                               << " does not hold " << n << " values";
  return values;
}

/// The value of an optional scalar constant input, or `defaultValue` when
/// the input is absent.
FailureOr<float> Importer::getScalar(const onnx::NodeProto &node, int index,
                                     StringRef what, float defaultValue) {
  FailureOr<const onnx::TensorProto *> tensor =
      getConstant(node, index, what, /*optional=*/true);
  if (failed(tensor))
    return failure();
  if (!*tensor)
    return defaultValue;
  FailureOr<SmallVector<float>> values = readFloats(node, **tensor);
  if (failed(values))
    return failure();
  if (values->size() != 1)
    return emitNodeError(node) << "the " << what << " has " << values->size()
                               << " values; one is expected";
  return values->front();
}

/// Fails unless only the first output of `node` is used: the others (a
/// MaxPool's indices, a Dropout's mask) have no counterpart.
LogicalResult Importer::checkOnlyOutput(const onnx::NodeProto &node) {
  for (int i = 1; i < node.output_size(); ++i)
    if (!node.output(i).empty() && getNumReaders(node.output(i)) > 0)
      return emitNodeError(node) << "output " << i << " ('" << node.output(i)
                                 << "') is read; only the first output of "
                                 << node.op_type() << " is supported";
  return success();
}

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
/// order, converted to its element type.
void Importer::setValues(Value weight, ArrayRef<float> values) {
  auto op = weight.getDefiningOp<WeightOp>();
  auto type = cast<RankedTensorType>(op.getType());
  if (type.getElementType().isF32()) {
    op.setValueAttr(DenseElementsAttr::get(type, values));
    return;
  }
  SmallVector<llvm::APFloat> halves;
  halves.reserve(values.size());
  for (float v : values) {
    bool losesInfo = false;
    llvm::APFloat half(v);
    half.convert(llvm::APFloat::IEEEhalf(), llvm::APFloat::rmNearestTiesToEven,
                 &losesInfo);
    halves.push_back(half);
  }
  op.setValueAttr(DenseElementsAttr::get(type, halves));
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

LogicalResult Importer::importNode(const onnx::NodeProto &node) {
  if (!node.domain().empty() && node.domain() != "ai.onnx")
    return emitNodeError(node)
           << "operator domain '" << node.domain() << "' is not supported";
  if (node.output_size() < 1 || node.output(0).empty())
    return emitNodeError(node) << "the node has no output";
  Handler handler =
      llvm::StringSwitch<Handler>(node.op_type())
          .Case("Conv", &Importer::importConv)
          .Case("Gemm", &Importer::importGemm)
          .Case("MatMul", &Importer::importMatMul)
          .Case("MaxPool", &Importer::importMaxPool)
          .Case("AveragePool", &Importer::importAveragePool)
          .Case("GlobalAveragePool", &Importer::importGlobalAveragePool)
          .Case("GlobalMaxPool", &Importer::importGlobalMaxPool)
          .Case("Add", &Importer::importAdd)
          .Case("Concat", &Importer::importConcat)
          .Case("Relu", &Importer::importRelu)
          .Case("Clip", &Importer::importClip)
          .Case("Pad", &Importer::importPad)
          .Cases({"Resize", "Upsample"}, &Importer::importResize)
          .Case("Softmax", &Importer::importSoftmax)
          .Case("Flatten", &Importer::importFlatten)
          .Case("Reshape", &Importer::importReshape)
          .Cases({"Identity", "Dropout"}, &Importer::importIdentity)
          .Case("BatchNormalization", &Importer::importBatchNormalization)
          .Case("Constant", &Importer::importConstant)
          .Default(nullptr);
  if (handler)
    return (this->*handler)(node);

  InFlightDiagnostic diag = emitNodeError(node) << "unsupported operator";
  if (StringRef(node.op_type()).contains("Quantize") ||
      StringRef(node.op_type()).starts_with("QLinear") ||
      StringRef(node.op_type()).ends_with("Integer"))
    diag.attachNote(fileLoc)
        << "quantized ONNX models are not supported; import the float "
           "model with --element-type=i8 for an i8 network of the same "
           "architecture";
  else
    diag.attachNote(fileLoc)
        << "supported operators: Add, AveragePool, BatchNormalization "
           "(after Conv), Clip, Concat, Constant, Conv, Dropout, Flatten, "
           "Gemm, GlobalAveragePool, GlobalMaxPool, Identity, MatMul, "
           "MaxPool, Pad, Relu, Reshape, Resize, Softmax, Upsample";
  return diag;
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
  FailureOr<std::array<int64_t, 4>> padding = getPadding(
      node, NetBuilder::getHeight(x->value), NetBuilder::getWidth(x->value),
      {(dims[2] - 1) * dilations[0] + 1, (dims[3] - 1) * dilations[1] + 1},
      strides);
  if (failed(padding))
    return failure();

  // A batch norm that reads only this convolution becomes its scale and
  // bias.
  const onnx::NodeProto *bn = getOnlyReader(node.output(0));
  if (bn && (bn->op_type() != "BatchNormalization" ||
             getInputName(*bn, 0) != node.output(0)))
    bn = nullptr;
  std::array<const onnx::TensorProto *, 4> bnParams = {};
  if (bn) {
    const char *what[] = {"scale", "B", "mean", "var"};
    for (int i = 0; i < 4; ++i) {
      FailureOr<const onnx::TensorProto *> param =
          getConstant(*bn, i + 1, what[i]);
      if (failed(param))
        return failure();
      if (getNumElements(**param) != dims[0])
        return emitNodeError(*bn)
               << what[i] << " has " << getNumElements(**param)
               << " values for " << dims[0] << " channels";
      bnParams[i] = *param;
    }
    if (failed(checkOnlyOutput(*bn)))
      return failure();
  }

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

  if (wantsValues()) {
    bool complete = hasData(**weight) && (!*bias || hasData(**bias));
    for (const onnx::TensorProto *param : bnParams)
      complete &= !param || hasData(*param);
    if (!complete) {
      noteMissingValues(node);
    } else {
      FailureOr<SmallVector<float>> w = readFloats(node, **weight);
      if (failed(w))
        return failure();
      SmallVector<float> b(dims[0], 0.0f);
      if (*bias) {
        FailureOr<SmallVector<float>> values = readFloats(node, **bias);
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
        int64_t perChannel = static_cast<int64_t>(w->size()) / dims[0];
        for (int64_t m = 0; m < dims[0]; ++m) {
          double scale = p[0][m] / std::sqrt(double(p[3][m]) + epsilon);
          for (int64_t i = 0; i < perChannel; ++i)
            (*w)[m * perChannel + i] =
                static_cast<float>((*w)[m * perChannel + i] * scale);
          b[m] = static_cast<float>((double(b[m]) - p[2][m]) * scale + p[1][m]);
        }
      }
      auto conv = y->getDefiningOp<Conv2DOp>();
      setValues(conv.getWeight(), *w);
      if (conv.getBias())
        setValues(conv.getBias(), b);
    }
  }

  define(node.output(0), {*y});
  if (bn) {
    absorbed.insert(bn);
    alias(bn->output(0), {*y});
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
    } else {
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
      setValues(fc.getWeight(), weight);
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
  int64_t h = NetBuilder::getHeight(x->value);
  int64_t w = NetBuilder::getWidth(x->value);
  FailureOr<std::array<int64_t, 4>> padding =
      getPadding(node, h, w, kernel, strides);
  if (failed(padding))
    return failure();
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

//===----------------------------------------------------------------------===//
// Element-wise and structural layers
//===----------------------------------------------------------------------===//

LogicalResult Importer::importAdd(const onnx::NodeProto &node) {
  for (int i = 0; i < 2; ++i)
    if (constants.count(getInputName(node, i)))
      return emitNodeError(node)
             << "adding the constant '" << getInputName(node, i)
             << "' is not supported; Add takes two feature maps, or is the "
                "bias of the MatMul whose only reader it is";
  FailureOr<FeatureMap> lhs = getFeatureMap(node, 0);
  FailureOr<FeatureMap> rhs;
  if (failed(lhs) || failed(rhs = getFeatureMap(node, 1)))
    return failure();
  FailureOr<Value> y =
      checkBuilt(node, nb->add(lhs->value, rhs->value, getNodeName(node)));
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
  // the value before the activation.
  Operation *producer = x->value.getDefiningOp();
  if (producer && numReaders.lookup(x->value) == 1) {
    bool fused = llvm::TypeSwitch<Operation *, bool>(producer)
                     .Case<Conv2DOp, FullyConnectedOp, AddOp>([&](auto layer) {
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
  FailureOr<Value> y =
      checkBuilt(node, nb->pad(x->value, getNodeName(node),
                               {pads[2], pads[6], pads[3], pads[7]}));
  if (failed(y))
    return failure();
  y->getDefiningOp<PadOp>().setValueAttr(builder.getF64FloatAttr(value));
  define(node.output(0), {*y});
  return success();
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
                   [](double s) { return s < 1.0 || s != std::floor(s); })) {
    std::string text;
    llvm::raw_string_ostream os(text);
    llvm::interleaveComma(scales, os, [&](double s) { os << formatNumber(s); });
    return emitNodeError(node)
           << "scales [" << text
           << "] are not supported; rows and columns must be scaled by "
              "integers >= 1, batch and channels by 1";
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
  FailureOr<FeatureMap> x = getFeatureMap(node, 0);
  FailureOr<const onnx::TensorProto *> shapeTensor;
  if (failed(x) || failed(shapeTensor = getConstant(node, 1, "shape")))
    return failure();
  FailureOr<SmallVector<int64_t>> shape = readInts(node, **shapeTensor);
  if (failed(shape))
    return failure();
  auto type = cast<RankedTensorType>(x->value.getType());
  int64_t k = type.getNumElements();
  SmallVector<int64_t> inShape = x->flat
                                     ? SmallVector<int64_t>{1, k}
                                     : SmallVector<int64_t>(type.getShape());
  // 0 copies the input's dimension (unless allowzero); one -1 is inferred.
  SmallVector<int64_t> target = *shape;
  bool allowZero = getIntAttr(node, "allowzero", 0) != 0;
  int64_t known = 1, inferred = -1;
  for (auto [i, d] : llvm::enumerate(target)) {
    if (d == 0 && !allowZero && i < inShape.size())
      d = inShape[i];
    if (d == -1 && inferred < 0)
      inferred = i;
    else
      known *= d;
  }
  if (inferred >= 0 && known > 0 && k % known == 0)
    target[inferred] = k / known;
  if (ArrayRef<int64_t>(target) == ArrayRef<int64_t>{1, k}) {
    alias(node.output(0), {x->value, /*flat=*/true});
    return success();
  }
  if (ArrayRef<int64_t>(target) == type.getShape()) {
    alias(node.output(0), {x->value, /*flat=*/false});
    return success();
  }
  return emitNodeError(node)
         << "reshaping " << formatDims(inShape) << " to " << formatDims(*shape)
         << " is not supported; only flattening a feature map to [1, C*H*W] "
            "and its inverse are";
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

LogicalResult Importer::importBatchNormalization(const onnx::NodeProto &node) {
  // Folded batch norms are absorbed by importConv and never get here.
  return emitNodeError(node)
         << "only a batch normalization that is the only reader of a Conv's "
            "output is supported (it is folded into the convolution)";
}

LogicalResult Importer::importConstant(const onnx::NodeProto &node) {
  // collectConstants has recorded the tensor.
  if (node.output_size() != 1 || !constants.count(node.output(0)))
    return emitNodeError(node)
           << "only a constant given by a 'value' tensor is supported";
  return success();
}

//===----------------------------------------------------------------------===//
// The graph
//===----------------------------------------------------------------------===//

LogicalResult Importer::importInput(const onnx::ValueInfoProto &input,
                                    SmallVectorImpl<int64_t> &chw) {
  auto inputError = [&]() -> InFlightDiagnostic {
    InFlightDiagnostic diag = emitError(fileLoc);
    diag << "graph input '" << input.name() << "': ";
    return diag;
  };
  if (!input.type().has_tensor_type() ||
      !input.type().tensor_type().has_shape())
    return inputError() << "not a tensor of known rank";
  const onnx::TensorShapeProto &shape = input.type().tensor_type().shape();
  if (shape.dim_size() != 4)
    return inputError() << "rank " << shape.dim_size()
                        << "; an NCHW image (rank 4) is expected";
  // A dynamic batch is 1: the network runs on one image.
  const onnx::TensorShapeProto_Dimension &batch = shape.dim(0);
  if (batch.has_dim_value() && batch.dim_value() != 1)
    return inputError() << "batch size " << batch.dim_value()
                        << "; networks take one image (batch 1)";
  const char *names[] = {"channels", "rows", "columns"};
  for (int i = 1; i < 4; ++i) {
    const onnx::TensorShapeProto_Dimension &dim = shape.dim(i);
    if (!dim.has_dim_value() || dim.dim_value() < 1)
      return inputError() << "the " << names[i - 1]
                          << " are not a fixed positive size";
    chw.push_back(dim.dim_value());
  }
  return success();
}

OwningOpRef<ModuleOp> Importer::import() {
  for (const onnx::OperatorSetIdProto &set : model.opset_import())
    if (set.domain().empty() || set.domain() == "ai.onnx")
      opset = set.version();
  switch (options.elementType) {
  case ElementType::i8:
    elementType = builder.getI8Type();
    break;
  case ElementType::i16:
    elementType = builder.getI16Type();
    break;
  case ElementType::f16:
    elementType = builder.getF16Type();
    break;
  case ElementType::f32:
    elementType = builder.getF32Type();
    break;
  }

  collectConstants();
  for (const onnx::NodeProto &node : graph.node())
    for (const std::string &input : node.input())
      if (!input.empty())
        readers[input].push_back(&node);
  for (const onnx::ValueInfoProto &output : graph.output())
    graphOutputs.insert(output.name());

  SmallVector<const onnx::ValueInfoProto *> inputs;
  for (const onnx::ValueInfoProto &input : graph.input())
    if (!constants.count(input.name()))
      inputs.push_back(&input);
  if (inputs.size() != 1) {
    InFlightDiagnostic diag = emitError(fileLoc)
                              << "the graph has " << inputs.size()
                              << " inputs besides its initializers; one "
                                 "input image is expected";
    for (const onnx::ValueInfoProto *input : inputs)
      diag.attachNote(fileLoc) << "input '" << input->name() << "'";
    return {};
  }
  SmallVector<int64_t> chw;
  if (failed(importInput(*inputs.front(), chw)))
    return {};

  OwningOpRef<ModuleOp> module = ModuleOp::create(fileLoc);
  std::string funcName = graph.name().empty() ? "main" : graph.name();
  nb.emplace(*module, funcName, chw[0], chw[1], chw[2], elementType);
  builder.setInsertionPointToEnd(
      cast<BlockArgument>(nb->getInput()).getOwner());
  define(inputs.front()->name(), {nb->getInput()});

  for (const onnx::NodeProto &node : graph.node())
    if (!absorbed.contains(&node) && failed(importNode(node)))
      return {};

  SmallVector<Value> results;
  for (const onnx::ValueInfoProto &output : graph.output()) {
    auto it = tensors.find(output.name());
    if (it == tensors.end()) {
      emitError(fileLoc) << "graph output '" << output.name()
                         << "' is not a feature map computed by the graph";
      return {};
    }
    results.push_back(it->second.value);
  }
  nb->finish(results);

  if (!layersWithoutValues.empty()) {
    InFlightDiagnostic diag = emitWarning(fileLoc);
    diag << "the weights of " << layersWithoutValues.size()
         << " layer(s) are shape-only: their initializers hold no data in "
            "the model file (";
    for (auto [i, name] :
         llvm::enumerate(ArrayRef(layersWithoutValues).take_front(3)))
      diag << (i ? ", " : "") << name;
    if (layersWithoutValues.size() > 3)
      diag << ", ...";
    diag << ")";
  }
  if (failed(verify(*module)))
    return {};
  return module;
}

//===----------------------------------------------------------------------===//
// Entry points
//===----------------------------------------------------------------------===//

OwningOpRef<ModuleOp> mlir::cnn::importOnnx(llvm::MemoryBufferRef model,
                                            MLIRContext *context,
                                            const OnnxImportOptions &options) {
  context->loadDialect<CnnDialect, func::FuncDialect>();
  StringRef fileName = model.getBufferIdentifier();
  Location loc = FileLineColLoc::get(context, fileName, 0, 0);
  StringRef bytes = model.getBuffer();
  if (bytes.size() > static_cast<size_t>(INT_MAX)) {
    emitError(loc) << "'" << fileName
                   << "' is larger than protobuf's limit of 2 GiB";
    return {};
  }
  onnx::ModelProto proto;
  if (!proto.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())) ||
      !proto.has_graph() || proto.graph().node_size() == 0) {
    emitError(loc) << "'" << fileName
                   << "' is not an ONNX model (a serialized onnx.ModelProto "
                      "with a graph of at least one node)";
    return {};
  }
  return Importer(proto, fileName, context, options).import();
}

void mlir::cnn::registerImportOnnxTranslation() {
  static llvm::cl::opt<ElementType> elementType(
      "element-type",
      llvm::cl::desc("Element type of the imported feature maps and weights: "
                     "f32 and f16 keep the initializers' values, i8 and i16 "
                     "give shape-only weights and i32 biases"),
      llvm::cl::values(clEnumValN(ElementType::i8, "i8", "8-bit integer"),
                       clEnumValN(ElementType::i16, "i16", "16-bit integer"),
                       clEnumValN(ElementType::f16, "f16", "half precision"),
                       clEnumValN(ElementType::f32, "f32", "single precision")),
      llvm::cl::init(ElementType::f32));

  TranslateToMLIRRegistration registration(
      "import-onnx", "Import an ONNX model as cnn IR",
      [](llvm::SourceMgr &sourceMgr,
         MLIRContext *context) -> OwningOpRef<Operation *> {
        OnnxImportOptions options;
        options.elementType = elementType;
        return importOnnx(sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID())
                              ->getMemBufferRef(),
                          context, options);
      },
      [](DialectRegistry &registry) {
        registry.insert<CnnDialect, func::FuncDialect>();
      });
}
