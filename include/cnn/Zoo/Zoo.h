//===- Zoo.h - Published CNNs as cnn IR -------------------------*- C++ -*-===//
//
// The model zoo: the networks of the seed (AlexNet, VGG16, ResNet-50,
// GoogLeNet, MobileNet v1 and v2, DenseNet-121) plus a detection network
// (tiny YOLOv2) and a segmentation network (U-Net), built as `cnn` IR at any
// input resolution their architecture allows, so that the passes can be
// studied on real layer shapes.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_ZOO_ZOO_H
#define CNN_ZOO_ZOO_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>

namespace mlir::cnn::zoo {

/// The element type of a network's feature maps and weights.
enum class ElementType { i8, i16, f16, f32 };

/// The spelling of an element type ("i8", ...).
llvm::StringRef getElementTypeName(ElementType type);

/// Parses "i8", "i16", "f16" or "f32".
llvm::Expected<ElementType> parseElementType(llvm::StringRef text);

/// An input resolution in rows and columns.
struct Resolution {
  int64_t height = 0;
  int64_t width = 0;
};

/// Parses "WIDTHxHEIGHT" (columns first, as in 1920x1080) or a single
/// number for a square image.
llvm::Expected<Resolution> parseResolution(llvm::StringRef text);

/// What buildNetwork builds besides the architecture.
struct NetworkOptions {
  /// Input rows and columns; 0x0 selects the network's default.
  Resolution resolution;
  ElementType elementType = ElementType::i8;
  /// Deterministic pseudo-random weight values instead of shape-only
  /// weights.
  bool randomWeights = false;
  /// Seed of the random weights.
  uint64_t seed = 0;
};

/// A network of the zoo.
struct NetworkInfo {
  /// The name on the command line and of the built function.
  llvm::StringRef name;
  /// One line: the architecture and where it is published.
  llvm::StringRef description;
  /// The resolution buildNetwork uses when none is given.
  Resolution defaultResolution;
  /// True when a fully connected head fixes the input resolution.
  bool fixedResolution;
};

/// Every network of the zoo, in a fixed order.
llvm::ArrayRef<NetworkInfo> getNetworks();

/// The network called `name`, or null.
const NetworkInfo *lookupNetwork(llvm::StringRef name);

/// Builds network `name` into a new module holding one `func.func @name`
/// that takes the `1x3xHxW` input image and returns the network's output.
/// The module verifies. Unknown networks, resolutions the network cannot
/// take and internal failures are returned as errors whose message says
/// what went wrong; nothing asserts.
llvm::Expected<OwningOpRef<ModuleOp>>
buildNetwork(MLIRContext *context, llvm::StringRef name,
             const NetworkOptions &options = {});

/// What buildRandomNetwork draws.
struct RandomNetworkOptions {
  /// The network: the same seed always gives the same network.
  uint64_t seed = 0;
  ElementType elementType = ElementType::i8;
  /// Deterministic pseudo-random weight values (seeded by `seed`) instead
  /// of shape-only weights.
  bool randomWeights = true;
  /// The network has 2 to `maxLayers` steps (a step adds one to three
  /// layers).
  int maxLayers = 10;
};

/// Builds a small random network `func.func @random_<seed>` for
/// differential testing: chains and DAGs (residual adds, concats) of
/// convolutions with random shapes, strides, padding, dilation and groups,
/// depthwise convolutions, pools, pads, resizes, and sometimes a classifier
/// head. The module verifies.
llvm::Expected<OwningOpRef<ModuleOp>>
buildRandomNetwork(MLIRContext *context, const RandomNetworkOptions &options);

} // namespace mlir::cnn::zoo

#endif // CNN_ZOO_ZOO_H
