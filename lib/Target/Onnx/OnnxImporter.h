//===- OnnxImporter.h - Shared parts of the ONNX importer -------*- C++ -*-===//
//
// The Importer that ImportOnnx.cpp drives and the helpers that read ONNX's
// protobuf messages. The importer's methods live in several files:
// OnnxTensors.cpp reads messages and tensors, ImportLayers.cpp imports the
// nodes with weights or windows (Conv, Gemm, MatMul, pooling),
// ImportArithmetic.cpp the arithmetic with constants (scales and shifts,
// batch norms) and ReduceMean, ImportOps.cpp the element-wise and
// structural nodes, and ImportOnnx.cpp the graph and the entry points.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_LIB_TARGET_ONNX_ONNXIMPORTER_H
#define CNN_LIB_TARGET_ONNX_ONNXIMPORTER_H

#include "cnn/Target/Onnx/ImportOnnx.h"

#include "cnn/Dialect/Cnn/IR/CnnOps.h"
#include "cnn/Zoo/NetBuilder.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MemoryBuffer.h"

#include <onnx/onnx_pb.h>

#include <array>
#include <deque>
#include <memory>
#include <optional>
#include <string>

namespace mlir::cnn::onnx_import {

//===----------------------------------------------------------------------===//
// Reading protobuf messages
//===----------------------------------------------------------------------===//

/// The attribute `name` of `node`, or null.
const onnx::AttributeProto *findAttr(const onnx::NodeProto &node,
                                     StringRef name);

int64_t getIntAttr(const onnx::NodeProto &node, StringRef name,
                   int64_t defaultValue);

float getFloatAttr(const onnx::NodeProto &node, StringRef name,
                   float defaultValue);

std::string getStringAttr(const onnx::NodeProto &node, StringRef name,
                          StringRef defaultValue);

SmallVector<int64_t> getIntsAttr(const onnx::NodeProto &node, StringRef name,
                                 ArrayRef<int64_t> defaultValue);

/// The name of input `index` of `node`, empty when the input is absent
/// (ONNX writes an omitted optional input as an empty name).
StringRef getInputName(const onnx::NodeProto &node, int index);

/// The name of the layer a node becomes: the node's name, or its first
/// output's when the node has none.
std::string getNodeName(const onnx::NodeProto &node);

SmallVector<int64_t> getDims(const onnx::TensorProto &tensor);

int64_t getNumElements(const onnx::TensorProto &tensor);

/// True unless the tensor holds only its dims (a model saved without its
/// weights) or keeps its data in an external file.
bool hasData(const onnx::TensorProto &tensor);

/// A number as C's %g writes it: "6", "0.5", "inf".
std::string formatNumber(double value);

std::string formatDims(ArrayRef<int64_t> dims);

//===----------------------------------------------------------------------===//
// Importer
//===----------------------------------------------------------------------===//

/// An ONNX tensor as a feature map. ONNX sees a flattened feature map (the
/// output of Flatten, Gemm, MatMul) as [1, C*H*W]; it stays the 1xCxHxW
/// value it views, as `cnn.fully_connected` flattens its input itself.
struct FeatureMap {
  Value value;
  bool flat = false;
  /// An NHWC view of the NCHW value (a Transpose with perm [0, 2, 3, 1],
  /// as converters from TensorFlow wrap the graph): only a Transpose back
  /// to NCHW, Shape or a graph output reads it.
  bool nhwc = false;
  /// A 5-D view [1, groups, C/groups, H, W] of the NCHW value (a channel
  /// shuffle's first Reshape), or [1, C/groups, groups, H, W] when
  /// `shuffled` (a Transpose [0, 2, 1, 3, 4] swapped the channel axes):
  /// only such a Transpose, a Reshape back to [1, C, H, W] or Shape reads
  /// it. 0 for a plain map.
  int64_t groups = 0;
  bool shuffled = false;

  /// The shape ONNX sees: [1, C*H*W] flattened, [1, H, W, C] as an NHWC
  /// view, the 5-D shape of a view in channel groups, else [1, C, H, W].
  SmallVector<int64_t> getOnnxShape() const;
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

/// A constant tensor of a shape subgraph being evaluated: its dims, its
/// values as doubles (exact for the int64 sizes of shapes), and whether it
/// holds integers.
struct Folded {
  SmallVector<int64_t> dims;
  SmallVector<double> values;
  bool isInt = true;

  int64_t rank() const { return static_cast<int64_t>(dims.size()); }
};

/// The phase decomposition of one axis of a transposed convolution
/// (ImportConvTranspose.cpp): the stride-1 convolution's padding and taps.
struct AxisPhases {
  int64_t stride = 1, padLo = 0, padHi = 0, taps = 1;
  /// tap[r * kernel + k]: the tap that kernel tap k feeds in phase r, or -1
  /// when k belongs to another phase.
  SmallVector<int64_t> tap;
};

class Importer {
public:
  Importer(const onnx::ModelProto &model, StringRef fileName,
           MLIRContext *context, const OnnxImportOptions &options)
      : model(model), graph(model.graph()), options(options), builder(context),
        fileName(fileName.str()),
        fileLoc(FileLineColLoc::get(context, fileName, 0, 0)) {}

  OwningOpRef<ModuleOp> import();

  /// Lets weights refer to the model's initializers instead of copying
  /// them: `model` stays alive while they do.
  void shareModel(std::shared_ptr<const onnx::ModelProto> model) {
    sharedModel = std::move(model);
  }

private:
  using Handler = LogicalResult (Importer::*)(const onnx::NodeProto &);

  // Diagnostics.
  InFlightDiagnostic emitNodeError(const onnx::NodeProto &node);

  // The graph's tensors.
  LogicalResult collectConstants();
  FailureOr<const onnx::TensorProto *>
  loadExternal(const onnx::TensorProto &tensor);
  LogicalResult importInput(const onnx::ValueInfoProto &input,
                            SmallVectorImpl<int64_t> &chw,
                            const onnx::NodeProto *&toNchw);
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
  FailureOr<SmallVector<int64_t>> getAxes(const onnx::NodeProto &node,
                                          ArrayRef<int64_t> defaults);

  // Shape subgraphs, evaluated at import (ImportShapes.cpp).
  bool isShapeNode(const onnx::NodeProto &node) const;
  LogicalResult importShapeNode(const onnx::NodeProto &node);
  LogicalResult importShape(const onnx::NodeProto &node);
  LogicalResult importConstantOfShape(const onnx::NodeProto &node,
                                      const Folded &shape);
  LogicalResult importShapeLayout(const onnx::NodeProto &node,
                                  MutableArrayRef<Folded> in);
  LogicalResult importShapeReshape(const onnx::NodeProto &node,
                                   MutableArrayRef<Folded> in);
  LogicalResult importShapeRange(const onnx::NodeProto &node,
                                 MutableArrayRef<Folded> in);
  FailureOr<Folded> readFolded(const onnx::NodeProto &node,
                               const onnx::TensorProto &tensor);
  void defineFolded(StringRef name, ArrayRef<int64_t> dims,
                    ArrayRef<double> values, bool isInt);
  LogicalResult defineFolded(const onnx::NodeProto &node, const Folded &f);

  // Layers.
  bool wantsValues() const;
  FailureOr<Value> checkBuilt(const onnx::NodeProto &node, Value result);
  void setValues(Value weight, ArrayRef<float> values);
  bool setValuesInPlace(Value weight, const onnx::TensorProto &tensor);
  void noteMissingValues(const onnx::NodeProto &node);
  FailureOr<std::array<int64_t, 4>> getPadding(const onnx::NodeProto &node,
                                               int64_t h, int64_t w,
                                               ArrayRef<int64_t> window,
                                               ArrayRef<int64_t> strides);
  FailureOr<const onnx::NodeProto *>
  getFoldedBatchNorm(const onnx::NodeProto &node, int64_t channels,
                     std::array<const onnx::TensorProto *, 4> &params);
  LogicalResult
  setConvValues(const onnx::NodeProto &node, Value y,
                const onnx::TensorProto &weight, const onnx::TensorProto *bias,
                const onnx::NodeProto *bn,
                const std::array<const onnx::TensorProto *, 4> &bnParams,
                int64_t channels);
  LogicalResult buildFullyConnected(const onnx::NodeProto &node, FeatureMap x,
                                    const FullyConnectedParams &params,
                                    StringRef output);
  LogicalResult importActivation(const onnx::NodeProto &node,
                                 Activation activation);
  bool foldScaleShift(Value y, ArrayRef<float> scale, ArrayRef<float> shift);
  LogicalResult buildScaleShift(const onnx::NodeProto &node, FeatureMap x,
                                ArrayRef<float> scale, ArrayRef<float> shift);
  FailureOr<SmallVector<float>>
  readChannelConstant(const onnx::NodeProto &node,
                      const onnx::TensorProto &tensor, int64_t channels,
                      bool flat);
  LogicalResult importConstantArithmetic(const onnx::NodeProto &node,
                                         int constantIndex);
  template <bool IsMax> LogicalResult importPool(const onnx::NodeProto &node);
  /// The most channels, rows or columns of the input image.
  static constexpr int64_t kMaxInputDim = int64_t(1) << 20;
  /// The largest stride or dilation a window layer may have.
  static constexpr int64_t kMaxWindowStep = 64;
  /// An error naming the first node whose strides or dilations are outside
  /// [1, kMaxWindowStep] or whose kernel_shape has an entry below 1 (before
  /// ONNX's shape inference, which divides by them).
  LogicalResult checkWindowAttributes();
  /// An error naming `node` unless every stride and dilation is in
  /// [1, kMaxWindowStep].
  LogicalResult checkWindowSteps(const onnx::NodeProto &node,
                                 ArrayRef<int64_t> strides,
                                 ArrayRef<int64_t> dilations);

  // One handler per op type.
  LogicalResult importNode(const onnx::NodeProto &node);
  LogicalResult importConv(const onnx::NodeProto &node);
  LogicalResult importGemm(const onnx::NodeProto &node);
  LogicalResult importMatMul(const onnx::NodeProto &node);
  LogicalResult importMaxPool(const onnx::NodeProto &node);
  LogicalResult importAveragePool(const onnx::NodeProto &node);
  LogicalResult importGlobalAveragePool(const onnx::NodeProto &node);
  LogicalResult importGlobalMaxPool(const onnx::NodeProto &node);
  LogicalResult importBinary(const onnx::NodeProto &node);
  LogicalResult importReduceMean(const onnx::NodeProto &node);
  LogicalResult importHardSigmoid(const onnx::NodeProto &node);
  LogicalResult importHardSwish(const onnx::NodeProto &node);
  LogicalResult importSigmoid(const onnx::NodeProto &node);
  LogicalResult importTanh(const onnx::NodeProto &node);
  LogicalResult importPRelu(const onnx::NodeProto &node);
  LogicalResult importDepthToSpace(const onnx::NodeProto &node);
  LogicalResult importConvTranspose(const onnx::NodeProto &node);
  LogicalResult setPhaseValues(const onnx::NodeProto &node, Conv2DOp conv,
                               const onnx::TensorProto &weight,
                               const onnx::TensorProto *bias, int64_t groups,
                               const AxisPhases &rows, const AxisPhases &cols);
  LogicalResult importLeakyRelu(const onnx::NodeProto &node);
  LogicalResult buildPRelu(const onnx::NodeProto &node, FeatureMap x,
                           ArrayRef<float> slopes);
  LogicalResult importAdd(const onnx::NodeProto &node);
  LogicalResult importMul(const onnx::NodeProto &node);
  LogicalResult importSub(const onnx::NodeProto &node);
  LogicalResult importConcat(const onnx::NodeProto &node);
  LogicalResult importRelu(const onnx::NodeProto &node);
  LogicalResult importClip(const onnx::NodeProto &node);
  LogicalResult importPad(const onnx::NodeProto &node);
  LogicalResult importResize(const onnx::NodeProto &node);
  LogicalResult importSoftmax(const onnx::NodeProto &node);
  LogicalResult importFlatten(const onnx::NodeProto &node);
  LogicalResult importReshape(const onnx::NodeProto &node);
  LogicalResult importSqueeze(const onnx::NodeProto &node);
  LogicalResult defineLayout(const onnx::NodeProto &node, Value x,
                             ArrayRef<int64_t> inShape,
                             ArrayRef<int64_t> target);
  LogicalResult importIdentity(const onnx::NodeProto &node);
  LogicalResult importBatchNormalization(const onnx::NodeProto &node);
  LogicalResult importConstant(const onnx::NodeProto &node);
  LogicalResult importTranspose(const onnx::NodeProto &node);
  // Channel selections (ImportChannels.cpp).
  LogicalResult importSplit(const onnx::NodeProto &node);
  LogicalResult importSlice(const onnx::NodeProto &node);
  LogicalResult importChannelGroups(const onnx::NodeProto &node,
                                    const FeatureMap &x,
                                    ArrayRef<int64_t> target);
  void eraseUnreadSelections(func::FuncOp func);
  LogicalResult defineSelection(const onnx::NodeProto &node, StringRef output,
                                Value x, ArrayRef<int64_t> channels,
                                StringRef name, bool nhwc = false);
  FailureOr<FeatureMap> getSelectionInput(const onnx::NodeProto &node);
  // ONNX's shape inference as a check (InferShapes.cpp).
  void inferShapes(StringRef inputName, ArrayRef<int64_t> inputDims);
  LogicalResult checkInferredShapes();

  const onnx::ModelProto &model;
  const onnx::GraphProto &graph;
  OnnxImportOptions options;
  std::shared_ptr<const onnx::ModelProto> sharedModel;
  OpBuilder builder;
  std::string fileName;
  Location fileLoc;
  /// Version of the default operator set.
  int64_t opset = 1;
  Type elementType;
  std::optional<zoo::NetBuilder> nb;

  /// Initializers, the outputs of Constant nodes and of evaluated shape
  /// subgraphs.
  llvm::StringMap<const onnx::TensorProto *> constants;
  /// The tensors evaluated at import and the initializers whose data was
  /// read from external files (a deque: `constants` points into it).
  std::deque<onnx::TensorProto> folded;
  /// External data files, by path, read once.
  llvm::StringMap<std::unique_ptr<llvm::MemoryBuffer>> externalFiles;
  /// The static shapes ONNX's shape inference gives, by tensor.
  llvm::StringMap<SmallVector<int64_t>> inferredShapes;
  /// What ONNX's shape inference threw, if it did.
  std::string inferenceError;
  /// Why ONNX's shape inference could not run on the model (it crashed or
  /// hung in a child process), if it could not.
  std::string inferenceCrash;
  /// Seconds ONNX's shape inference may take in that child process.
  static constexpr unsigned kShapeInferenceSeconds = 60;
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

} // namespace mlir::cnn::onnx_import

#endif // CNN_LIB_TARGET_ONNX_ONNXIMPORTER_H
