//===- ImportShapes.cpp - Evaluates ONNX shape subgraphs at import -C++ -*-===//
//
// Exporters leave arithmetic on shapes in the graph: the size a Resize
// scales to is Shape -> Gather -> Cast -> Mul -> Concat of the input's
// shape, zero padding is ConstantOfShape -> Concat. With the input's shape
// fixed, every such node has constant inputs (or reads only a feature map's
// shape), so the importer evaluates it and records its output as one more
// constant, as if the exporter had folded it.
//
//===----------------------------------------------------------------------===//

#include "OnnxImporter.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"

#include <cmath>

using namespace mlir;
using namespace mlir::cnn;
using namespace mlir::cnn::zoo;
using namespace mlir::cnn::onnx_import;

namespace {

/// The strides of row-major `dims`.
SmallVector<int64_t> getStrides(ArrayRef<int64_t> dims) {
  SmallVector<int64_t> strides(dims.size(), 1);
  for (int64_t i = static_cast<int64_t>(dims.size()) - 2; i >= 0; --i)
    strides[i] = strides[i + 1] * dims[i + 1];
  return strides;
}

/// Normalizes `axis` of a rank-`rank` tensor (negative counts from the
/// end); -1 when out of range.
int64_t normalizeAxis(int64_t axis, int64_t rank) {
  if (axis < 0)
    axis += rank;
  return axis >= 0 && axis < rank ? axis : -1;
}

/// The values of `f` as integers.
SmallVector<int64_t> toInts(const Folded &f) {
  SmallVector<int64_t> v;
  for (double d : f.values)
    v.push_back(static_cast<int64_t>(d));
  return v;
}

} // namespace

/// The ops evaluated when their inputs are constants.
static bool isFoldable(StringRef opType) {
  return llvm::is_contained({"Shape", "Gather", "Unsqueeze", "Squeeze",
                             "Concat", "Cast", "Slice", "ConstantOfShape",
                             "Add", "Sub", "Mul", "Div", "Floor", "Ceil", "Neg",
                             "Reshape", "Range", "Expand"},
                            opType);
}

bool Importer::isShapeNode(const onnx::NodeProto &node) const {
  if (!isFoldable(node.op_type()))
    return false;
  if (node.op_type() == "Shape")
    return true;
  // ConstantOfShape's and Range's inputs are all constants, like the rest.
  return llvm::all_of(node.input(), [&](const std::string &input) {
    return input.empty() || constants.count(input);
  });
}

/// Records `f` as the constant first output of `node`.
LogicalResult Importer::defineFolded(const onnx::NodeProto &node,
                                     const Folded &f) {
  defineFolded(node.output(0), f.dims, f.values, f.isInt);
  return success();
}

/// Records `value` as the constant output `name`.
void Importer::defineFolded(StringRef name, ArrayRef<int64_t> dims,
                            ArrayRef<double> values, bool isInt) {
  onnx::TensorProto &tensor = folded.emplace_back();
  tensor.set_name(name.str());
  for (int64_t d : dims)
    tensor.add_dims(d);
  if (isInt) {
    tensor.set_data_type(onnx::TensorProto_DataType_INT64);
    for (double v : values)
      tensor.add_int64_data(static_cast<int64_t>(v));
  } else {
    tensor.set_data_type(onnx::TensorProto_DataType_FLOAT);
    for (double v : values)
      tensor.add_float_data(static_cast<float>(v));
  }
  constants[name] = &tensor;
}

FailureOr<Folded> Importer::readFolded(const onnx::NodeProto &node,
                                       const onnx::TensorProto &tensor) {
  Folded f;
  f.dims = getDims(tensor);
  int32_t type = tensor.data_type();
  f.isInt = type == onnx::TensorProto_DataType_INT64 ||
            type == onnx::TensorProto_DataType_INT32;
  if (f.isInt) {
    FailureOr<SmallVector<int64_t>> ints = readInts(node, tensor);
    if (failed(ints))
      return failure();
    f.values.assign(ints->begin(), ints->end());
    return f;
  }
  FailureOr<SmallVector<float>> floats = readFloats(node, tensor);
  if (failed(floats))
    return failure();
  f.values.assign(floats->begin(), floats->end());
  return f;
}

/// Numpy broadcasting of `a` and `b` with `fn` on each pair.
static std::optional<Folded>
broadcast(const Folded &a, const Folded &b,
          llvm::function_ref<double(double, double)> fn) {
  int64_t rank = std::max(a.rank(), b.rank());
  auto padded = [&](const Folded &f) {
    SmallVector<int64_t> dims(rank - f.rank(), 1);
    dims.append(f.dims.begin(), f.dims.end());
    return dims;
  };
  SmallVector<int64_t> da = padded(a), db = padded(b), dims(rank);
  for (int64_t i = 0; i < rank; ++i) {
    if (da[i] != db[i] && da[i] != 1 && db[i] != 1)
      return std::nullopt;
    dims[i] = da[i] == 1 ? db[i] : da[i];
  }
  SmallVector<int64_t> sa = getStrides(da), sb = getStrides(db),
                       so = getStrides(dims);
  int64_t n = 1;
  for (int64_t d : dims)
    n *= d;
  Folded out;
  out.dims = dims;
  out.isInt = a.isInt && b.isInt;
  for (int64_t k = 0; k < n; ++k) {
    int64_t ia = 0, ib = 0, rest = k;
    for (int64_t i = 0; i < rank; ++i) {
      int64_t idx = rest / so[i];
      rest %= so[i];
      ia += (da[i] == 1 ? 0 : idx) * sa[i];
      ib += (db[i] == 1 ? 0 : idx) * sb[i];
    }
    out.values.push_back(fn(a.values[ia], b.values[ib]));
  }
  return out;
}

/// Shape of a feature map: [1, C, H, W], or [1, C*H*W] flattened, sliced
/// by `start` and `end`.
LogicalResult Importer::importShape(const onnx::NodeProto &node) {
  // An NHWC view has the shape of the transposed map.
  auto it = tensors.find(getInputName(node, 0));
  if (it == tensors.end())
    return getFeatureMap(node, 0); // The error: a constant, or unknown.
  SmallVector<double> shape;
  for (int64_t d : it->second.getOnnxShape())
    shape.push_back(static_cast<double>(d));
  int64_t rank = shape.size();
  int64_t start = getIntAttr(node, "start", 0);
  int64_t end = getIntAttr(node, "end", rank);
  start = std::clamp<int64_t>(start < 0 ? start + rank : start, 0, rank);
  end = std::clamp<int64_t>(end < 0 ? end + rank : end, start, rank);
  SmallVector<double> values(shape.begin() + start, shape.begin() + end);
  defineFolded(node.output(0), {end - start}, values, /*isInt=*/true);
  return success();
}

/// ConstantOfShape: a tensor of the shape `in`, filled with `value`.
LogicalResult Importer::importConstantOfShape(const onnx::NodeProto &node,
                                              const Folded &shape) {
  Folded f;
  for (double d : shape.values) {
    if (d < 0 || d > (1 << 24))
      return emitNodeError(node) << "dimension " << formatNumber(d)
                                 << " of a constant is out of range";
    f.dims.push_back(static_cast<int64_t>(d));
  }
  int64_t n = 1;
  for (int64_t d : f.dims)
    n *= d;
  double value = 0.0;
  f.isInt = false;
  if (const onnx::AttributeProto *attr = findAttr(node, "value")) {
    FailureOr<Folded> v = readFolded(node, attr->t());
    if (failed(v))
      return failure();
    if (v->values.size() != 1)
      return emitNodeError(node) << "the value holds " << v->values.size()
                                 << " elements; one is expected";
    value = v->values.front();
    f.isInt = v->isInt;
  }
  f.values.assign(n, value);
  return defineFolded(node, f);
}

LogicalResult Importer::importShapeNode(const onnx::NodeProto &node) {
  StringRef op = node.op_type();
  if (op == "Shape")
    return importShape(node);

  SmallVector<Folded> in;
  for (int i = 0; i < node.input_size(); ++i) {
    if (node.input(i).empty()) {
      in.emplace_back();
      in.back().dims = {0};
      continue;
    }
    FailureOr<Folded> f = readFolded(node, *constants.lookup(node.input(i)));
    if (failed(f))
      return failure();
    in.push_back(std::move(*f));
  }
  auto needInputs = [&](int n) -> LogicalResult {
    if (static_cast<int>(in.size()) < n)
      return emitNodeError(node)
             << "expects " << n << " inputs, got " << in.size();
    return success();
  };
  if (failed(needInputs(1)))
    return failure();

  if (op == "Identity")
    return defineFolded(node, in[0]);
  if (op == "Cast") {
    Folded f = in[0];
    int64_t to = getIntAttr(node, "to", onnx::TensorProto_DataType_FLOAT);
    f.isInt = to == onnx::TensorProto_DataType_INT64 ||
              to == onnx::TensorProto_DataType_INT32;
    if (!f.isInt && to != onnx::TensorProto_DataType_FLOAT &&
        to != onnx::TensorProto_DataType_DOUBLE)
      return emitNodeError(node)
             << "casting a constant to data type " << to
             << " is not supported; only INT64, INT32, FLOAT and DOUBLE are";
    if (f.isInt)
      for (double &v : f.values)
        v = std::trunc(v);
    return defineFolded(node, f);
  }
  if (op == "Floor" || op == "Ceil" || op == "Neg") {
    Folded f = in[0];
    for (double &v : f.values)
      v = op == "Floor" ? std::floor(v) : op == "Ceil" ? std::ceil(v) : -v;
    return defineFolded(node, f);
  }
  if (op == "Add" || op == "Sub" || op == "Mul" || op == "Div") {
    if (failed(needInputs(2)))
      return failure();
    bool isInt = in[0].isInt && in[1].isInt;
    bool divByZero = false;
    std::optional<Folded> f =
        broadcast(in[0], in[1], [&](double a, double b) -> double {
          if (op == "Add")
            return a + b;
          if (op == "Sub")
            return a - b;
          if (op == "Mul")
            return a * b;
          if (b == 0.0) {
            divByZero = true;
            return 0.0;
          }
          return isInt ? std::trunc(a / b) : a / b;
        });
    if (!f)
      return emitNodeError(node)
             << "constants of shapes " << formatDims(in[0].dims) << " and "
             << formatDims(in[1].dims) << " do not broadcast";
    if (divByZero)
      return emitNodeError(node) << "division by zero in a constant";
    return defineFolded(node, *f);
  }
  if (op == "ConstantOfShape")
    return importConstantOfShape(node, in[0]);
  return importShapeLayout(node, in);
}

/// The shape ops that move or select elements: Concat, Gather, Slice,
/// Squeeze, Unsqueeze, Reshape, Range, Expand.
LogicalResult Importer::importShapeLayout(const onnx::NodeProto &node,
                                          MutableArrayRef<Folded> in) {
  StringRef op = node.op_type();
  auto onlyVectors = [&]() {
    return emitNodeError(node)
           << "only scalars and 1-D constants are evaluated";
  };

  if (op == "Concat") {
    Folded f;
    f.dims = {0};
    for (const Folded &part : in) {
      if (part.rank() != 1)
        return onlyVectors();
      f.values.append(part.values.begin(), part.values.end());
      f.dims[0] += part.dims[0];
      f.isInt &= part.isInt;
    }
    return defineFolded(node, f);
  }
  if (op == "Gather") {
    if (in.size() < 2)
      return emitNodeError(node) << "expects 2 inputs, got " << in.size();
    if (in[0].rank() != 1 || in[1].rank() > 1)
      return onlyVectors();
    Folded f;
    f.dims = in[1].dims;
    f.isInt = in[0].isInt;
    int64_t n = in[0].dims[0];
    for (int64_t index : toInts(in[1])) {
      int64_t i = index < 0 ? index + n : index;
      if (i < 0 || i >= n)
        return emitNodeError(node)
               << "index " << index << " is out of range for " << n
               << " elements";
      f.values.push_back(in[0].values[i]);
    }
    return defineFolded(node, f);
  }
  if (op == "Unsqueeze" || op == "Squeeze" || op == "Reshape")
    return importShapeReshape(node, in);
  if (op == "Slice") {
    // starts, ends, axes, steps: attributes up to opset 9, inputs after.
    if (in[0].rank() != 1)
      return onlyVectors();
    int64_t n = in[0].dims[0];
    auto input = [&](size_t i, StringRef attr, int64_t dflt) {
      if (in.size() > i && !in[i].values.empty())
        return toInts(in[i]).front();
      SmallVector<int64_t> a = getIntsAttr(node, attr, {dflt});
      return a.empty() ? dflt : a.front();
    };
    int64_t start = input(1, "starts", 0), end = input(2, "ends", n);
    int64_t step = input(4, "steps", 1);
    if (step == 0)
      return emitNodeError(node) << "a slice step of 0";
    auto clampIndex = [&](int64_t i, int64_t lo, int64_t hi) {
      if (i < 0)
        i += n;
      return std::clamp<int64_t>(i, lo, hi);
    };
    Folded f;
    f.isInt = in[0].isInt;
    if (step > 0)
      for (int64_t i = clampIndex(start, 0, n), e = clampIndex(end, 0, n);
           i < e; i += step)
        f.values.push_back(in[0].values[i]);
    else
      for (int64_t i = clampIndex(start, -1, n - 1),
                   e = clampIndex(end, -1, n - 1);
           i > e; i += step)
        f.values.push_back(in[0].values[i]);
    f.dims = {static_cast<int64_t>(f.values.size())};
    return defineFolded(node, f);
  }
  return importShapeRange(node, in);
}

/// Unsqueeze, Squeeze and Reshape of a constant: only the dims change; axes
/// are an attribute up to opset 12 and an input after.
LogicalResult Importer::importShapeReshape(const onnx::NodeProto &node,
                                           MutableArrayRef<Folded> in) {
  StringRef op = node.op_type();
  // Only the dims change; axes are an attribute up to opset 12.
  Folded f = in[0];
  SmallVector<int64_t> axes = getIntsAttr(node, "axes", {});
  if (in.size() > 1)
    axes = toInts(in[1]);
  if (op == "Reshape") {
    if (in.size() < 2)
      return emitNodeError(node) << "the shape (input 1) is missing";
    int64_t n = f.values.size(), known = 1, inferred = -1;
    f.dims = axes;
    for (auto [i, d] : llvm::enumerate(f.dims)) {
      if (d == 0 && i < in[0].dims.size())
        d = in[0].dims[i];
      if (d == -1)
        inferred = i;
      else
        known *= d;
    }
    if (inferred >= 0 && known > 0)
      f.dims[inferred] = n / known;
  } else if (op == "Unsqueeze") {
    int64_t rank = f.rank() + axes.size();
    for (int64_t &a : axes)
      a = a < 0 ? a + rank : a;
    llvm::sort(axes);
    for (int64_t a : axes)
      if (a >= 0 && a <= f.rank())
        f.dims.insert(f.dims.begin() + a, 1);
  } else {
    SmallVector<int64_t> dims;
    for (auto [i, d] : llvm::enumerate(f.dims)) {
      bool listed =
          axes.empty() ? d == 1 : llvm::any_of(axes, [&, i = i](int64_t a) {
            return normalizeAxis(a, f.rank()) == static_cast<int64_t>(i);
          });
      if (!listed)
        dims.push_back(d);
    }
    f.dims = dims;
  }
  int64_t n = 1;
  for (int64_t d : f.dims)
    n *= d;
  if (n != static_cast<int64_t>(f.values.size()))
    return emitNodeError(node)
           << "the constant of " << f.values.size()
           << " elements cannot have shape " << formatDims(f.dims);
  return defineFolded(node, f);
}

/// Range and Expand.
LogicalResult Importer::importShapeRange(const onnx::NodeProto &node,
                                         MutableArrayRef<Folded> in) {
  StringRef op = node.op_type();
  if (op == "Range") {
    if (in.size() < 3)
      return emitNodeError(node) << "expects 3 inputs, got " << in.size();
    double start = in[0].values.front(), limit = in[1].values.front(),
           delta = in[2].values.front();
    if (delta == 0.0)
      return emitNodeError(node) << "a range step of 0";
    Folded f;
    f.isInt = in[0].isInt;
    int64_t count = std::max<int64_t>(
        static_cast<int64_t>(std::ceil((limit - start) / delta)), 0);
    if (count > (1 << 24))
      return emitNodeError(node) << "a range of " << count << " elements";
    for (int64_t i = 0; i < count; ++i)
      f.values.push_back(start + i * delta);
    f.dims = {count};
    return defineFolded(node, f);
  }
  // Expand.
  if (in.size() < 2)
    return emitNodeError(node) << "expects 2 inputs, got " << in.size();
  Folded shape;
  shape.dims = toInts(in[1]);
  int64_t n = 1;
  for (int64_t d : shape.dims)
    n *= std::max<int64_t>(d, 0);
  if (n > (1 << 24))
    return emitNodeError(node)
           << "an expanded constant of " << n << " elements";
  shape.values.assign(n, 0.0);
  std::optional<Folded> f =
      broadcast(in[0], shape, [](double a, double) { return a; });
  if (!f)
    return emitNodeError(node)
           << "the constant of shape " << formatDims(in[0].dims)
           << " does not expand to " << formatDims(shape.dims);
  f->isInt = in[0].isInt;
  return defineFolded(node, *f);
}
