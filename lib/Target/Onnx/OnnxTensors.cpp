//===- OnnxTensors.cpp - ONNX protobuf messages and tensors -----*- C++ -*-===//
//
// Reading ONNX's protobuf messages (node attributes, tensor dims and data)
// and the importer's view of the graph's tensors: the initializers and
// Constant outputs, the feature maps imported so far, and their readers.
//
//===----------------------------------------------------------------------===//

#include "OnnxImporter.h"

#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace mlir::cnn;
using namespace mlir::cnn::onnx_import;

//===----------------------------------------------------------------------===//
// Reading protobuf messages
//===----------------------------------------------------------------------===//

namespace mlir::cnn::onnx_import {

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
/// weights). Data in external files has been read by collectConstants.
bool hasData(const onnx::TensorProto &tensor) {
  return getNumElements(tensor) == 0 || !tensor.raw_data().empty() ||
         tensor.float_data_size() > 0 || tensor.double_data_size() > 0 ||
         tensor.int32_data_size() > 0 || tensor.int64_data_size() > 0;
}

static StringRef getDataTypeName(int32_t dataType) {
  if (onnx::TensorProto_DataType_IsValid(dataType))
    return onnx::TensorProto_DataType_Name(
        static_cast<onnx::TensorProto_DataType>(dataType));
  return "unknown";
}

/// Reads `count` little-endian values of `T` from a tensor's raw data.
template <typename T>
static SmallVector<T> readRaw(const std::string &raw, int64_t count) {
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

} // namespace mlir::cnn::onnx_import

//===----------------------------------------------------------------------===//
// Diagnostics and tensors
//===----------------------------------------------------------------------===//

InFlightDiagnostic Importer::emitNodeError(const onnx::NodeProto &node) {
  InFlightDiagnostic diag = emitError(fileLoc);
  diag << node.op_type() << " node '" << getNodeName(node) << "': ";
  return diag;
}

LogicalResult Importer::collectConstants() {
  for (const onnx::TensorProto &init : graph.initializer()) {
    if (init.data_location() != onnx::TensorProto_DataLocation_EXTERNAL) {
      constants[init.name()] = &init;
      continue;
    }
    FailureOr<const onnx::TensorProto *> loaded = loadExternal(init);
    if (failed(loaded))
      return failure();
    constants[init.name()] = *loaded;
  }
  for (const onnx::NodeProto &node : graph.node())
    if (node.op_type() == "Constant" && node.output_size() == 1)
      if (const onnx::AttributeProto *value = findAttr(node, "value"))
        constants[node.output(0)] = &value->t();
  return success();
}

/// A copy of `tensor` holding the bytes its external data names: the file
/// `location` next to the model, from `offset`, `length` bytes (the rest of
/// the file by default).
FailureOr<const onnx::TensorProto *>
Importer::loadExternal(const onnx::TensorProto &tensor) {
  std::string location;
  int64_t offset = 0, length = -1;
  for (const onnx::StringStringEntryProto &entry : tensor.external_data()) {
    if (entry.key() == "location")
      location = entry.value();
    else if (entry.key() == "offset" || entry.key() == "length")
      if (StringRef(entry.value()).getAsInteger(10, entry.key() == "offset"
                                                        ? offset
                                                        : length) ||
          (entry.key() == "offset" ? offset : length) < 0)
        return emitError(fileLoc)
               << "initializer '" << tensor.name() << "': external data "
               << entry.key() << " '" << entry.value()
               << "' is not a byte count";
  }
  if (location.empty())
    return emitError(fileLoc) << "initializer '" << tensor.name()
                              << "': external data without a location";
  SmallString<256> path(llvm::sys::path::parent_path(fileName));
  llvm::sys::path::append(path, location);
  auto [it, inserted] = externalFiles.try_emplace(path.str());
  if (inserted) {
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> file =
        llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                    /*RequiresNullTerminator=*/false);
    if (!file) {
      externalFiles.erase(path.str());
      return emitError(fileLoc)
             << "initializer '" << tensor.name() << "': its external data file '"
             << path << "' cannot be read: " << file.getError().message();
    }
    it->second = std::move(*file);
  }
  StringRef bytes = it->second->getBuffer();
  if (length < 0)
    length = static_cast<int64_t>(bytes.size()) - offset;
  if (offset > static_cast<int64_t>(bytes.size()) || length < 0 ||
      offset + length > static_cast<int64_t>(bytes.size()))
    return emitError(fileLoc)
           << "initializer '" << tensor.name() << "': external data at offset "
           << offset << " of " << length << " bytes lies outside '" << path
           << "' (" << bytes.size() << " bytes)";
  onnx::TensorProto &copy = folded.emplace_back();
  copy.set_name(tensor.name());
  copy.set_data_type(tensor.data_type());
  copy.mutable_dims()->CopyFrom(tensor.dims());
  copy.set_raw_data(bytes.substr(offset, length).str());
  return &copy;
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

SmallVector<int64_t> FeatureMap::getOnnxShape() const {
  auto type = cast<RankedTensorType>(value.getType());
  if (flat)
    return {1, type.getNumElements()};
  SmallVector<int64_t> s(type.getShape());
  if (nhwc)
    return {s[0], s[2], s[3], s[1]};
  if (groups) {
    int64_t per = s[1] / groups;
    return {1, shuffled ? per : groups, shuffled ? groups : per, s[2], s[3]};
  }
  return s;
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
  if (it != tensors.end()) {
    if (it->second.nhwc)
      return emitNodeError(node)
             << "input '" << name
             << "' is an NHWC view of a feature map (a Transpose); only a "
                "Transpose back to NCHW reads it";
    if (it->second.groups)
      return emitNodeError(node)
             << "input '" << name << "' is a 5-D view of a feature map in "
             << it->second.groups
             << " channel groups (a Reshape); only a Transpose of the two "
                "channel axes and a Reshape back to 4-D read it";
    return it->second;
  }
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
FailureOr<SmallVector<int64_t>>
Importer::getAxes(const onnx::NodeProto &node, ArrayRef<int64_t> defaults) {
  // An attribute in older operator sets, input 1 in newer ones (Squeeze
  // and Unsqueeze from 13, ReduceMean from 18).
  if (getInputName(node, 1).empty())
    return getIntsAttr(node, "axes", defaults);
  FailureOr<const onnx::TensorProto *> tensor = getConstant(node, 1, "axes");
  if (failed(tensor))
    return failure();
  return readInts(node, **tensor);
}

LogicalResult Importer::checkOnlyOutput(const onnx::NodeProto &node) {
  for (int i = 1; i < node.output_size(); ++i)
    if (!node.output(i).empty() && getNumReaders(node.output(i)) > 0)
      return emitNodeError(node) << "output " << i << " ('" << node.output(i)
                                 << "') is read; only the first output of "
                                 << node.op_type() << " is supported";
  return success();
}
