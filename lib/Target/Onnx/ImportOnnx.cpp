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
// This file holds the graph walk and the entry points; OnnxImporter.h says
// where the rest of the Importer lives.
//
//===----------------------------------------------------------------------===//

#include "cnn/Target/Onnx/ImportOnnx.h"

#include "OnnxImporter.h"

#include "cnn/Dialect/Cnn/IR/CnnDialect.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Bytecode/BytecodeWriter.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/SourceMgr.h"

#include <climits>

using namespace mlir;
using namespace mlir::cnn;
using namespace mlir::cnn::zoo;
using namespace mlir::cnn::onnx_import;

//===----------------------------------------------------------------------===//
// Nodes
//===----------------------------------------------------------------------===//

LogicalResult Importer::importNode(const onnx::NodeProto &node) {
  if (!node.domain().empty() && node.domain() != "ai.onnx")
    return emitNodeError(node)
           << "operator domain '" << node.domain() << "' is not supported";
  if (node.output_size() < 1 || node.output(0).empty())
    return emitNodeError(node) << "the node has no output";
  // Nodes on constants and shapes are evaluated.
  if (isShapeNode(node))
    return importShapeNode(node);
  Handler handler =
      llvm::StringSwitch<Handler>(node.op_type())
          .Case("Conv", &Importer::importConv)
          .Case("Gemm", &Importer::importGemm)
          .Case("MatMul", &Importer::importMatMul)
          .Case("MaxPool", &Importer::importMaxPool)
          .Case("AveragePool", &Importer::importAveragePool)
          .Case("GlobalAveragePool", &Importer::importGlobalAveragePool)
          .Case("GlobalMaxPool", &Importer::importGlobalMaxPool)
          .Cases({"Add", "Mul", "Sub", "Div"}, &Importer::importBinary)
          .Case("ReduceMean", &Importer::importReduceMean)
          .Case("HardSigmoid", &Importer::importHardSigmoid)
          .Case("HardSwish", &Importer::importHardSwish)
          .Case("Sigmoid", &Importer::importSigmoid)
          .Case("Tanh", &Importer::importTanh)
          .Case("PRelu", &Importer::importPRelu)
          .Case("DepthToSpace", &Importer::importDepthToSpace)
          .Case("ConvTranspose", &Importer::importConvTranspose)
          .Case("LeakyRelu", &Importer::importLeakyRelu)
          .Case("Concat", &Importer::importConcat)
          .Case("Relu", &Importer::importRelu)
          .Case("Clip", &Importer::importClip)
          .Case("Pad", &Importer::importPad)
          .Cases({"Resize", "Upsample"}, &Importer::importResize)
          .Case("Softmax", &Importer::importSoftmax)
          .Case("Flatten", &Importer::importFlatten)
          .Case("Reshape", &Importer::importReshape)
          .Cases({"Squeeze", "Unsqueeze"}, &Importer::importSqueeze)
          .Cases({"Identity", "Dropout"}, &Importer::importIdentity)
          .Case("BatchNormalization", &Importer::importBatchNormalization)
          .Case("Constant", &Importer::importConstant)
          .Case("Transpose", &Importer::importTranspose)
          .Case("Split", &Importer::importSplit)
          .Case("Slice", &Importer::importSlice)
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
        << "supported operators: Add, AveragePool, BatchNormalization, "
           "Clip, Concat, Constant, Conv, ConvTranspose (output stride x "
           "input), DepthToSpace, Div, Dropout, Flatten, Gemm, "
           "GlobalAveragePool, GlobalMaxPool, HardSigmoid, HardSwish, "
           "Identity, LeakyRelu, MatMul, MaxPool, Mul, Pad, PRelu, ReduceMean, "
           "Relu, Reshape, Squeeze, Unsqueeze, "
           "Resize, Sigmoid, Slice (channels), Softmax, Split (channels), Sub, "
           "Tanh, Transpose (NCHW and NHWC, channel shuffle), Upsample";
  return diag;
}

//===----------------------------------------------------------------------===//
// The graph
//===----------------------------------------------------------------------===//

/// The only reader of `tensor` when it is a Transpose with `perm`, or null.
static const onnx::NodeProto *getTransposeReader(
    const llvm::StringMap<SmallVector<const onnx::NodeProto *, 2>> &readers,
    StringRef tensor, ArrayRef<int64_t> perm) {
  auto it = readers.find(tensor);
  if (it == readers.end() || it->second.size() != 1)
    return nullptr;
  const onnx::NodeProto *node = it->second.front();
  if (node->op_type() != "Transpose" ||
      ArrayRef<int64_t>(getIntsAttr(*node, "perm", {})) != perm)
    return nullptr;
  return node;
}

LogicalResult Importer::importInput(const onnx::ValueInfoProto &input,
                                    SmallVectorImpl<int64_t> &chw,
                                    const onnx::NodeProto *&toNchw) {
  auto inputError = [&]() -> InFlightDiagnostic {
    InFlightDiagnostic diag = emitError(fileLoc);
    diag << "graph input '" << input.name() << "': ";
    return diag;
  };
  if (!input.type().has_tensor_type() ||
      !input.type().tensor_type().has_shape())
    return inputError() << "not a tensor of known rank";
  // The image is read as floating point (the network's element type comes
  // from --element-type); an integer or bfloat16 input would silently mean
  // something else.
  int32_t elem = input.type().tensor_type().elem_type();
  if (elem != onnx::TensorProto::UNDEFINED &&
      elem != onnx::TensorProto::FLOAT &&
      elem != onnx::TensorProto::FLOAT16 &&
      elem != onnx::TensorProto::DOUBLE)
    return inputError() << "element type "
                        << onnx::TensorProto::DataType_Name(
                               static_cast<onnx::TensorProto::DataType>(elem))
                        << "; the input image must be FLOAT, FLOAT16 or "
                           "DOUBLE (--element-type chooses the network's)";
  // The shape: the model's (-1 for a dynamic dimension), or --input-shape's.
  SmallVector<int64_t> dims;
  for (const onnx::TensorShapeProto_Dimension &dim :
       input.type().tensor_type().shape().dim())
    dims.push_back(dim.has_dim_value() && dim.dim_value() > 0
                       ? dim.dim_value()
                       : -1);
  bool given = false;
  for (const auto &[name, shape] : options.inputShapes)
    if (name == input.name()) {
      if (shape.size() != dims.size())
        return inputError() << "--input-shape gives " << shape.size()
                            << " dimensions; the input has " << dims.size();
      dims.assign(shape.begin(), shape.end());
      given = true;
    }
  if (dims.size() != 4)
    return inputError() << "rank " << dims.size()
                        << "; an NCHW image (rank 4) is expected";
  // A model converted from TensorFlow takes NHWC and transposes it.
  toNchw = getTransposeReader(readers, input.name(), {0, 3, 1, 2});
  if (toNchw)
    dims = {dims[0], dims[3], dims[1], dims[2]};
  // A dynamic batch is 1: the network runs on one image.
  if (dims[0] > 1)
    return inputError() << "batch size " << dims[0]
                        << "; networks take one image (batch 1)";
  const char *names[] = {"channels", "rows", "columns"};
  for (int i = 1; i < 4; ++i) {
    if (dims[i] > kMaxInputDim)
      return inputError() << "the " << names[i - 1] << " (" << dims[i]
                          << ") exceed " << kMaxInputDim;
    if (dims[i] < 1) {
      InFlightDiagnostic diag = inputError();
      diag << "the " << names[i - 1] << " are not a fixed positive size";
      if (!given)
        diag << "; give the input's shape with --input-shape=" << input.name()
             << (toNchw ? ":1xHxWxC" : ":1xCxHxW");
      return diag;
    }
    chw.push_back(dims[i]);
  }
  inferShapes(input.name(), toNchw ? SmallVector<int64_t>{1, chw[1], chw[2], chw[0]}
                                   : SmallVector<int64_t>{1, chw[0], chw[1], chw[2]});
  if (!inferenceCrash.empty())
    return emitError(fileLoc) << inferenceCrash;
  return success();
}

/// A function name from the graph's: characters other than letters, digits,
/// '_', '.' and '$' become '_', and one that starts with a digit gets a
/// leading '_'; "main" for none.
static std::string getFunctionName(StringRef graphName) {
  if (graphName.empty())
    return "main";
  std::string name;
  for (char c : graphName)
    name += llvm::isAlnum(c) || c == '_' || c == '.' || c == '$' ? c : '_';
  if (llvm::isDigit(name.front()))
    name.insert(name.begin(), '_');
  return name;
}

LogicalResult Importer::checkWindowAttributes() {
  // ONNX's shape inference divides by strides and dilations: check them
  // (and kernel sizes) on every node before it runs.
  for (const onnx::NodeProto &node : graph.node()) {
    SmallVector<int64_t> strides = getIntsAttr(node, "strides", {1, 1});
    SmallVector<int64_t> dilations = getIntsAttr(node, "dilations", {1, 1});
    for (ArrayRef<int64_t> steps : {ArrayRef(strides), ArrayRef(dilations)})
      if (llvm::any_of(steps, [](int64_t v) {
            return v < 1 || v > kMaxWindowStep;
          }))
        return emitNodeError(node)
               << "strides " << formatDims(strides) << " and dilations "
               << formatDims(dilations) << " need entries in [1, "
               << kMaxWindowStep << "]";
    SmallVector<int64_t> kernel = getIntsAttr(node, "kernel_shape", {});
    if (llvm::any_of(kernel, [](int64_t v) { return v < 1; }))
      return emitNodeError(node) << "kernel_shape " << formatDims(kernel)
                                 << " needs positive entries";
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

  if (failed(collectConstants()) || failed(checkWindowAttributes()))
    return {};
  // Shape reads a feature map's shape, not its values: it is no reader.
  for (const onnx::NodeProto &node : graph.node())
    if (node.op_type() != "Shape")
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
  for (const auto &[name, shape] : options.inputShapes)
    if (name != inputs.front()->name()) {
      emitError(fileLoc) << "--input-shape names '" << name
                         << "', which is not an input of the graph (its input "
                            "is '"
                         << inputs.front()->name() << "')";
      return {};
    }
  SmallVector<int64_t> chw;
  const onnx::NodeProto *toNchw = nullptr;
  if (failed(importInput(*inputs.front(), chw, toNchw)))
    return {};

  OwningOpRef<ModuleOp> module = ModuleOp::create(fileLoc);
  nb.emplace(*module, getFunctionName(graph.name()), chw[0], chw[1], chw[2],
             elementType);
  builder.setInsertionPointToEnd(
      cast<BlockArgument>(nb->getInput()).getOwner());
  if (toNchw) {
    // The function takes the NCHW image the Transpose makes.
    absorbed.insert(toNchw);
    define(toNchw->output(0), {nb->getInput()});
  } else {
    define(inputs.front()->name(), {nb->getInput()});
  }

  for (const onnx::NodeProto &node : graph.node())
    if (!absorbed.contains(&node) && failed(importNode(node)))
      return {};

  if (failed(checkInferredShapes()))
    return {};
  SmallVector<Value> results;
  for (const onnx::ValueInfoProto &output : graph.output()) {
    auto it = tensors.find(output.name());
    if (it == tensors.end()) {
      emitError(fileLoc) << "graph output '" << output.name()
                         << "' is not a feature map computed by the graph";
      return {};
    }
    // An NHWC view (a converter's Transpose at the end) is returned NCHW.
    if (it->second.groups) {
      emitError(fileLoc) << "graph output '" << output.name()
                         << "' is a 5-D view of a feature map in channel "
                            "groups; only 4-D feature maps are returned";
      return {};
    }
    results.push_back(it->second.value);
  }
  eraseUnreadSelections(nb->finish(results));

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
  if (options.verifyResult && failed(verify(*module)))
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
  auto proto = std::make_shared<onnx::ModelProto>();
  if (!proto->ParseFromArray(bytes.data(), static_cast<int>(bytes.size())) ||
      !proto->has_graph() || proto->graph().node_size() == 0) {
    emitError(loc) << "'" << fileName
                   << "' is not an ONNX model (a serialized onnx.ModelProto "
                      "with a graph of at least one node)";
    return {};
  }
  Importer importer(*proto, fileName, context, options);
  importer.shareModel(proto);
  return importer.import();
}

bool mlir::cnn::parseInputShape(StringRef text, std::string &name,
                                std::vector<int64_t> &shape) {
  auto [head, dims] = text.rsplit(':');
  if (head.empty() || dims.empty() || dims.size() == text.size())
    return false;
  name = head.str();
  shape.clear();
  SmallVector<StringRef> parts;
  dims.split(parts, 'x');
  for (StringRef part : parts) {
    int64_t d;
    if (part.getAsInteger(10, d) || d < 1 || d > (int64_t(1) << 32))
      return false;
    shape.push_back(d);
  }
  return true;
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
  static llvm::cl::list<std::string> inputShapes(
      "input-shape",
      llvm::cl::desc("NAME:DIMS, e.g. input:1x3x640x640: the shape of the "
                     "graph input NAME, which fixes its dynamic dimensions "
                     "(rows and columns an exporter left open); in the "
                     "input's own layout (1xHxWxC for a model that takes "
                     "NHWC)"),
      llvm::cl::value_desc("name:shape"));
  static llvm::cl::opt<int64_t> inlineWeightsUpTo(
      "inline-weights-up-to",
      llvm::cl::desc("Weights of at most this many elements are written as "
                     "dense attributes, larger ones as dense_resource blobs "
                     "(one hexadecimal string in text, raw bytes in "
                     "bytecode: write bytecode with cnn-opt --emit-bytecode "
                     "for big models)"),
      llvm::cl::init(4096));

  static llvm::cl::opt<bool> emitBytecode(
      "emit-bytecode",
      llvm::cl::desc("Write MLIR bytecode instead of text: weights as raw "
                     "bytes, read back by cnn-opt without parsing"),
      llvm::cl::init(false));

  TranslateRegistration registration(
      "import-onnx", "Import an ONNX model as cnn IR",
      [](const std::shared_ptr<llvm::SourceMgr> &sourceMgr,
         llvm::raw_ostream &output, MLIRContext *context) -> LogicalResult {
        OnnxImportOptions options;
        options.elementType = elementType;
        options.inlineWeightsUpTo = inlineWeightsUpTo;
        for (const std::string &text : inputShapes) {
          std::string name;
          std::vector<int64_t> shape;
          if (!parseInputShape(text, name, shape)) {
            return emitError(UnknownLoc::get(context))
                   << "--input-shape='" << text
                   << "' is not NAME:DIMS with positive dimensions, e.g. "
                      "input:1x3x640x640";
          }
          options.inputShapes.emplace_back(name, shape);
        }
        OwningOpRef<ModuleOp> module = importOnnx(
            sourceMgr->getMemoryBuffer(sourceMgr->getMainFileID())
                ->getMemBufferRef(),
            context, options);
        if (!module)
          return failure();
        if (emitBytecode)
          return writeBytecodeToFile(*module, output);
        module->print(output);
        return success();
      });
}
