//===- cnn-zoo.cpp - Writes the zoo's networks as cnn IR --------*- C++ -*-===//
//
//   cnn-zoo resnet50 --resolution=1920x1080 -o resnet50.mlir
//   cnn-zoo --list
//   cnn-zoo --all -o models
//
// A file is opened only once its network is built and verified, and removed
// if writing fails, so an error never leaves a partial file behind.
//
//===----------------------------------------------------------------------===//

#include "cnn/Support/Report.h"
#include "cnn/Zoo/Zoo.h"

#include "cnn/Dialect/Cnn/IR/CnnDialect.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/AsmState.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OperationSupport.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace mlir::cnn;
namespace cl = llvm::cl;

static cl::OptionCategory zooCategory("cnn-zoo options");

static cl::opt<std::string> networkName(cl::Positional, cl::desc("<network>"),
                                        cl::cat(zooCategory));

static cl::opt<bool> listNetworks("list",
                                  cl::desc("Print the networks of the zoo, "
                                           "one name per line, and exit"),
                                  cl::cat(zooCategory));

static cl::opt<bool>
    allNetworks("all",
                cl::desc("Write every network at its default resolution "
                         "to <network>.mlir in the directory given by -o"),
                cl::cat(zooCategory));

static cl::opt<std::string> resolutionText(
    "resolution",
    cl::desc("Input image size as WIDTHxHEIGHT, e.g. 1920x1080 (1080 rows, "
             "1920 columns), or one number for a square image; default: "
             "the network's own (224x224, 227x227 for alexnet)"),
    cl::value_desc("WxH"), cl::cat(zooCategory));

static cl::opt<zoo::ElementType> elementType(
    "element-type",
    cl::desc("Element type of feature maps and weights (integer biases "
             "are i32)"),
    cl::values(clEnumValN(zoo::ElementType::i8, "i8", "8-bit integer"),
               clEnumValN(zoo::ElementType::i16, "i16", "16-bit integer"),
               clEnumValN(zoo::ElementType::f16, "f16", "half precision"),
               clEnumValN(zoo::ElementType::f32, "f32", "single precision")),
    cl::init(zoo::ElementType::i8), cl::cat(zooCategory));

static cl::opt<bool> randomWeights(
    "random-weights",
    cl::desc("Give weights deterministic pseudo-random values (default: "
             "shape-only weights without values)"),
    cl::cat(zooCategory));

static cl::opt<uint64_t>
    seed("seed",
         cl::desc("Seed of --random-weights; one seed always gives the same "
                  "values"),
         cl::init(0), cl::cat(zooCategory));

static cl::opt<std::string> randomNetwork(
    "random-network",
    cl::desc("Write a small random network for differential testing "
             "instead of a network of the zoo: chains and DAGs of "
             "convolutions, depthwise convolutions, pools, pads, resizes, "
             "residual adds and concats, with random values for the "
             "weights; the same seed always gives the same network"),
    cl::value_desc("seed"), cl::cat(zooCategory));

static cl::opt<int> maxLayers(
    "max-layers",
    cl::desc("With --random-network: at most this many steps of one to "
             "three layers (2 to 10000)"),
    cl::init(10), cl::cat(zooCategory));

static cl::opt<std::string>
    outputPath("o",
               cl::desc("Output file ('-' is standard output), or the "
                        "output directory with --all"),
               cl::value_desc("path"), cl::init("-"), cl::cat(zooCategory));

/// Prints `message` as an error and returns the exit code for it.
static int reportError(const llvm::Twine &message) {
  llvm::WithColor::error(llvm::errs(), "cnn-zoo") << message << "\n";
  return 1;
}

/// The two comment lines that start a written file: what the network is,
/// and the command that writes it again.
static std::string getHeader(const zoo::NetworkInfo &info,
                             const zoo::NetworkOptions &options) {
  zoo::Resolution r =
      options.resolution.width ? options.resolution : info.defaultResolution;
  std::string s;
  llvm::raw_string_ostream os(s);
  os << "// " << info.description << "\n// cnn-zoo " << info.name;
  if (options.resolution.width)
    os << " --resolution=" << r.width << "x" << r.height;
  if (options.elementType != zoo::ElementType::i8)
    os << " --element-type=" << zoo::getElementTypeName(options.elementType);
  if (options.randomWeights)
    os << " --random-weights --seed=" << options.seed;
  os << ": " << r.width << "x" << r.height << " (width x height), "
     << zoo::getElementTypeName(options.elementType) << ", "
     << (options.randomWeights ? "random" : "shape-only") << " weights\n";
  return s;
}

/// Builds `name` and, once it has verified, writes it to `path` in the
/// custom assembly form.
static llvm::Error writeNetwork(MLIRContext &context, llvm::StringRef name,
                                const zoo::NetworkOptions &options,
                                llvm::StringRef path) {
  llvm::Expected<OwningOpRef<ModuleOp>> module =
      zoo::buildNetwork(&context, name, options);
  if (!module)
    return module.takeError();
  std::string error;
  std::unique_ptr<llvm::ToolOutputFile> out = openOutputFile(path, &error);
  if (!out)
    return llvm::createStringError(llvm::inconvertibleErrorCode(), error);
  out->os() << getHeader(*zoo::lookupNetwork(name), options);
  // The flags come from MLIR's printing options (--mlir-print-debuginfo,
  // ...); locations are off by default since layer names live in the
  // `name` attribute already.
  (**module)->print(out->os(), OpPrintingFlags());
  if (std::optional<std::string> failure = takeWriteError(out->os()))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "cannot write '" + path + "': " + *failure);
  // Without keep(), the file is removed.
  out->keep();
  return llvm::Error::success();
}

int main(int argc, char **argv) {
  llvm::InitLLVM initLLVM(argc, argv);
  registerAsmPrinterCLOptions();
  cl::HideUnrelatedOptions(zooCategory);
  std::string overview =
      "cnn-zoo: writes published CNNs as cnn IR\n\n"
      "MLIR's printing options apply too (--help-hidden lists them), e.g.\n"
      "--mlir-print-debuginfo prints each layer's name location.\n\n"
      "networks:\n";
  for (const zoo::NetworkInfo &info : zoo::getNetworks())
    overview += ("  " + info.name + std::string(16 - info.name.size(), ' ') +
                 info.description + "\n")
                    .str();
  cl::ParseCommandLineOptions(argc, argv, overview);

  if (listNetworks) {
    for (const zoo::NetworkInfo &info : zoo::getNetworks())
      llvm::outs() << info.name << "\n";
    return 0;
  }

  zoo::NetworkOptions options;
  options.elementType = elementType;
  options.randomWeights = randomWeights;
  options.seed = seed;
  if (!resolutionText.empty()) {
    llvm::Expected<zoo::Resolution> r = zoo::parseResolution(resolutionText);
    if (!r)
      return reportError(llvm::toString(r.takeError()));
    options.resolution = *r;
  }

  MLIRContext context;
  context.loadDialect<CnnDialect, func::FuncDialect>();

  if (randomNetwork.getNumOccurrences()) {
    zoo::RandomNetworkOptions random;
    if (llvm::StringRef(randomNetwork).getAsInteger(10, random.seed))
      return reportError("--random-network expects a seed (a non-negative "
                         "integer), got '" + randomNetwork + "'");
    constexpr int kMaxSteps = 10000;
    if (maxLayers < 2 || maxLayers > kMaxSteps)
      return reportError("--max-layers must be between 2 and " +
                         std::to_string(kMaxSteps) + ", got " +
                         std::to_string(maxLayers));
    if (!networkName.empty() || allNetworks || !resolutionText.empty() ||
        randomWeights || seed.getNumOccurrences())
      return reportError("--random-network builds its own network: give "
                         "only --element-type, --max-layers and -o with it");
    random.elementType = elementType;
    random.maxLayers = maxLayers;
    llvm::Expected<OwningOpRef<ModuleOp>> module =
        zoo::buildRandomNetwork(&context, random);
    if (!module)
      return reportError(llvm::toString(module.takeError()));
    std::string error;
    std::unique_ptr<llvm::ToolOutputFile> out =
        openOutputFile(outputPath, &error);
    if (!out)
      return reportError(error);
    out->os() << "// cnn-zoo --random-network=" << random.seed
              << " --max-layers=" << random.maxLayers << " --element-type="
              << zoo::getElementTypeName(random.elementType) << "\n";
    (**module)->print(out->os(), OpPrintingFlags());
    if (std::optional<std::string> failure = takeWriteError(out->os()))
      return reportError("cannot write '" + outputPath + "': " + *failure);
    out->keep();
    return 0;
  }

  if (allNetworks) {
    if (!networkName.empty())
      return reportError("--all builds every network; do not name one");
    if (!resolutionText.empty())
      return reportError("--all builds every network at its default "
                         "resolution; --resolution applies to one network");
    if (outputPath == "-")
      return reportError("--all needs an output directory: -o <dir>");
    if (std::error_code ec =
            llvm::sys::fs::create_directories(outputPath.getValue()))
      return reportError("cannot create directory '" + outputPath +
                         "': " + ec.message());
    for (const zoo::NetworkInfo &info : zoo::getNetworks()) {
      llvm::SmallString<128> path(outputPath.getValue());
      llvm::sys::path::append(path, info.name + ".mlir");
      if (llvm::Error err = writeNetwork(context, info.name, options, path))
        return reportError(llvm::toString(std::move(err)));
    }
    return 0;
  }

  if (networkName.empty())
    return reportError("no network given; --list prints the networks, "
                       "--help the options");
  if (llvm::Error err = writeNetwork(context, networkName, options, outputPath))
    return reportError(llvm::toString(std::move(err)));
  return 0;
}
