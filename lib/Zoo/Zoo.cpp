//===- Zoo.cpp - The zoo's registry and buildNetwork ------------*- C++ -*-===//

#include "cnn/Zoo/Zoo.h"

#include "Networks.h"

#include "cnn/Dialect/Cnn/IR/CnnDialect.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace mlir::cnn;
using namespace mlir::cnn::zoo;

/// Inputs larger than this are refused: no network needs them, and shapes
/// and MAC counts stay far from overflowing 64 bits.
static constexpr int64_t kMaxResolution = 65536;

namespace {
struct NetworkEntry {
  NetworkInfo info;
  Value (*build)(NetBuilder &, Value);
};
} // namespace

static const NetworkEntry kNetworks[] = {
    {{"alexnet",
      "AlexNet (Krizhevsky et al. 2012), Caffe bvlc_alexnet with grouped "
      "conv2/4/5",
      {227, 227},
      true},
     buildAlexNet},
    {{"vgg16",
      "VGG16, configuration D (Simonyan and Zisserman 2014)",
      {224, 224},
      true},
     buildVgg16},
    {{"resnet50",
      "ResNet-50 v1 (He et al. 2015), stride in the first 1x1 convolution",
      {224, 224},
      false},
     buildResNet50},
    {{"googlenet",
      "GoogLeNet / Inception v1 (Szegedy et al. 2014), no auxiliary "
      "classifiers",
      {224, 224},
      false},
     buildGoogLeNet},
    {{"mobilenet_v1",
      "MobileNet v1 1.0 (Howard et al. 2017)",
      {224, 224},
      false},
     buildMobileNetV1},
    {{"mobilenet_v2",
      "MobileNet v2 1.0 (Sandler et al. 2018)",
      {224, 224},
      false},
     buildMobileNetV2},
    {{"densenet121",
      "DenseNet-121, k = 32 (Huang et al. 2017), post-activation",
      {224, 224},
      false},
     buildDenseNet121},
    {{"tiny_yolov2",
      "Tiny YOLOv2 for VOC (Redmon and Farhadi 2017), yolov2-tiny-voc.cfg",
      {224, 224},
      false},
     buildTinyYoloV2},
    {{"unet",
      "U-Net (Ronneberger et al. 2015), padded convolutions, 3 channels in, "
      "2 classes",
      {224, 224},
      false},
     buildUNet},
};

static llvm::Error makeError(const Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

llvm::ArrayRef<NetworkInfo> mlir::cnn::zoo::getNetworks() {
  static const std::vector<NetworkInfo> infos = [] {
    std::vector<NetworkInfo> v;
    for (const NetworkEntry &entry : kNetworks)
      v.push_back(entry.info);
    return v;
  }();
  return infos;
}

const NetworkInfo *mlir::cnn::zoo::lookupNetwork(StringRef name) {
  for (const NetworkInfo &info : getNetworks())
    if (info.name == name)
      return &info;
  return nullptr;
}

StringRef mlir::cnn::zoo::getElementTypeName(ElementType type) {
  switch (type) {
  case ElementType::i8:
    return "i8";
  case ElementType::i16:
    return "i16";
  case ElementType::f16:
    return "f16";
  case ElementType::f32:
    return "f32";
  }
  return "unknown";
}

llvm::Expected<ElementType> mlir::cnn::zoo::parseElementType(StringRef text) {
  for (ElementType type :
       {ElementType::i8, ElementType::i16, ElementType::f16, ElementType::f32})
    if (text == getElementTypeName(type))
      return type;
  return makeError("unknown element type '" + text +
                   "': expected i8, i16, f16 or f32");
}

llvm::Expected<Resolution> mlir::cnn::zoo::parseResolution(StringRef text) {
  auto [widthText, heightText] = text.split('x');
  if (heightText.empty() && !text.contains('x'))
    heightText = widthText;
  Resolution r;
  if (widthText.getAsInteger(10, r.width) ||
      heightText.getAsInteger(10, r.height) || r.width < 1 || r.height < 1 ||
      r.width > kMaxResolution || r.height > kMaxResolution)
    return makeError("invalid resolution '" + text +
                     "': expected WIDTHxHEIGHT (e.g. 1920x1080) or one "
                     "number for a square image, each between 1 and " +
                     Twine(kMaxResolution));
  return r;
}

/// The resolution as the command line writes it, columns first.
static std::string formatResolution(Resolution r) {
  return (Twine(r.width) + "x" + Twine(r.height)).str();
}

static Type getMlirType(MLIRContext *context, ElementType type) {
  Builder b(context);
  switch (type) {
  case ElementType::i8:
    return b.getI8Type();
  case ElementType::i16:
    return b.getI16Type();
  case ElementType::f16:
    return b.getF16Type();
  case ElementType::f32:
    return b.getF32Type();
  }
  return b.getI8Type();
}

llvm::Expected<OwningOpRef<ModuleOp>>
mlir::cnn::zoo::buildNetwork(MLIRContext *context, StringRef name,
                             const NetworkOptions &options) {
  const NetworkEntry *entry = llvm::find_if(
      kNetworks, [&](const NetworkEntry &e) { return e.info.name == name; });
  if (entry == std::end(kNetworks)) {
    std::string names;
    llvm::raw_string_ostream os(names);
    llvm::interleaveComma(getNetworks(), os,
                          [&](const NetworkInfo &info) { os << info.name; });
    return makeError("unknown network '" + name + "'; the zoo has " + names);
  }
  const NetworkInfo &info = entry->info;

  Resolution resolution = options.resolution;
  if (resolution.height == 0 && resolution.width == 0)
    resolution = info.defaultResolution;
  if (resolution.height < 1 || resolution.width < 1 ||
      resolution.height > kMaxResolution || resolution.width > kMaxResolution)
    return makeError("invalid resolution " + formatResolution(resolution) +
                     " for " + name + ": rows and columns must be between " +
                     "1 and " + Twine(kMaxResolution));

  context->loadDialect<CnnDialect, func::FuncDialect>();
  OpBuilder builder(context);
  OwningOpRef<ModuleOp> module = ModuleOp::create(builder.getUnknownLoc());
  NetBuilder nb(*module, name, /*channels=*/3, resolution.height,
                resolution.width, getMlirType(context, options.elementType),
                WeightInit{options.randomWeights, options.seed});
  Value output = entry->build(nb, nb.getInput());
  if (nb.hasFailed()) {
    std::string why =
        info.fixedResolution
            ? (Twine("; ") + name +
               " has a fully connected head of fixed size: use its default "
               "resolution " +
               formatResolution(info.defaultResolution))
                  .str()
            : (Twine("; the resolution is too small for ") + name).str();
    return makeError("cannot build " + name + " at " +
                     formatResolution(resolution) + ": " + nb.getError() + why);
  }
  nb.finish(output);

  // A zoo bug must surface as an error, not as invalid IR for later passes.
  std::string diagnostics;
  {
    ScopedDiagnosticHandler handler(context, [&](Diagnostic &diag) {
      diagnostics += "\n  " + diag.str();
      return success();
    });
    if (failed(verify(*module)))
      return makeError("internal error: " + name + " at " +
                       formatResolution(resolution) +
                       " does not verify:" + diagnostics);
  }
  return std::move(module);
}
