//===- InferShapes.cpp - ONNX's own shape inference as a check --*- C++ -*-===//
//
// Before import, libonnx's shape inference (with data propagation, so that
// shape subgraphs are followed) runs on a copy of the graph that has the
// input's shape fixed and the initializers' dims but not their data (small
// initializers, the shapes and axes, keep it). After import, every feature
// map whose shape ONNX inferred must have that shape: a disagreement is an
// error naming the tensor, as it means the model is not what the importer
// understood.
//
//===----------------------------------------------------------------------===//

#include "cnn/Support/SafeRead.h"
#include "OnnxImporter.h"

#include "onnx/defs/schema.h"
#include "onnx/shape_inference/implementation.h"

using namespace mlir;
using namespace mlir::cnn;
using namespace mlir::cnn::onnx_import;

/// Initializers of at most this many elements keep their data in the copy
/// (shape subgraphs read them); larger ones keep only their dims.
static constexpr int64_t kMaxCopiedElements = 64;

void Importer::inferShapes(StringRef inputName, ArrayRef<int64_t> inputDims) {
  onnx::ModelProto copy;
  copy.set_ir_version(model.ir_version());
  *copy.mutable_opset_import() = model.opset_import();
  onnx::GraphProto &g = *copy.mutable_graph();
  *g.mutable_node() = graph.node();
  *g.mutable_input() = graph.input();
  *g.mutable_output() = graph.output();
  for (const onnx::TensorProto &init : graph.initializer()) {
    onnx::TensorProto *t = g.add_initializer();
    if (getNumElements(init) <= kMaxCopiedElements &&
        init.data_location() != onnx::TensorProto_DataLocation_EXTERNAL) {
      *t = init;
      continue;
    }
    t->set_name(init.name());
    t->set_data_type(init.data_type());
    *t->mutable_dims() = init.dims();
  }
  for (onnx::ValueInfoProto &input : *g.mutable_input()) {
    if (input.name() != inputName)
      continue;
    onnx::TensorShapeProto *shape =
        input.mutable_type()->mutable_tensor_type()->mutable_shape();
    shape->clear_dim();
    for (int64_t d : inputDims)
      shape->add_dim()->set_dim_value(d);
  }
  // Node-level failures (an operator set newer than the library's) leave
  // those tensors uninferred; only what ONNX did infer is checked. The
  // exporter's value_info is not copied: the shapes are ONNX's own.
  onnx::ShapeInferenceOptions options(/*check_type_val=*/false,
                                      /*strict_mode_val=*/0,
                                      /*data_prop_val=*/true);
  // ONNX's shape inference trusts the attributes it reads (it divides by
  // strides, for one): it runs first in a child process, and a model it
  // crashes or hangs on is refused.
  auto infer = [&] {
    onnx::ModelProto scratch = copy;
    try {
      onnx::shape_inference::InferShapes(
          scratch, onnx::OpSchemaRegistry::Instance(), options);
    } catch (const std::exception &) {
    }
  };
  std::string how;
  if (failed(runInChildFirst(infer, kShapeInferenceSeconds, &how))) {
    inferenceCrash = "ONNX's shape inference " + how +
                     " on this model: a node's attributes or shapes are "
                     "outside what ONNX checks";
    return;
  }
  try {
    onnx::shape_inference::InferShapes(
        copy, onnx::OpSchemaRegistry::Instance(), options);
  } catch (const std::exception &e) {
    // Node-level failures do not throw: this is a declared output shape that
    // contradicts the graph.
    inferenceError = e.what();
    return;
  }
  auto record = [&](const onnx::ValueInfoProto &vi) {
    if (!vi.type().has_tensor_type() || !vi.type().tensor_type().has_shape())
      return;
    SmallVector<int64_t> dims;
    for (const onnx::TensorShapeProto_Dimension &d :
         vi.type().tensor_type().shape().dim()) {
      if (!d.has_dim_value())
        return;
      dims.push_back(d.dim_value());
    }
    inferredShapes[vi.name()] = dims;
  };
  for (const onnx::ValueInfoProto &vi : copy.graph().value_info())
    record(vi);
  for (const onnx::ValueInfoProto &vi : copy.graph().output())
    record(vi);
}

LogicalResult Importer::checkInferredShapes() {
  if (!inferenceError.empty())
    return emitError(fileLoc) << "ONNX shape inference: " << inferenceError;
  for (const auto &[name, map] : tensors) {
    auto it = inferredShapes.find(name);
    if (it == inferredShapes.end())
      continue;
    SmallVector<int64_t> shape = map.getOnnxShape();
    // A flattened map may be read as [1, N] or [1, N, 1, 1].
    ArrayRef<int64_t> inferred = it->second;
    if (ArrayRef<int64_t>(shape) == inferred ||
        (map.flat && inferred.size() == 4 && inferred[0] == 1 &&
         inferred[1] == shape[1] && inferred[2] == 1 && inferred[3] == 1))
      continue;
    return emitError(fileLoc)
           << "tensor '" << name << "': the importer computes the shape "
           << formatDims(shape) << ", but ONNX shape inference gives "
           << formatDims(inferred);
  }
  return success();
}
