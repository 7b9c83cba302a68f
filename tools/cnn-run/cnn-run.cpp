//===- cnn-run.cpp - Runs a network on the CPU on .npy inputs ---*- C++ -*-===//
//
//   cnn-run model.onnx --input=x.npy --output=y.npy
//   cnn-run model.mlir --tile-for-sram=262144 --merge-layers --lower-to-dma \
//       --input=x.npy --output=y.npy
//
// Reads a network (`.onnx` through the importer, else MLIR text or
// bytecode), runs the passes given as flags (those of cnn-opt), finishes
// the lowering for the CPU (the reference --cnn-to-linalg when cnn layers
// remain, --dma-to-memref when DMA ops do, bufferization when the function
// works on tensors, then the upstream conversions to the LLVM dialect),
// compiles it with MLIR's ExecutionEngine and calls the network function
// on the .npy input. The output is written as .npy, to compare with the
// framework the model came from.
//
//===----------------------------------------------------------------------===//

#include "cnn/Support/SafeRead.h"
#include "cnn/Conversion/Passes.h"
#include "cnn/Dialect/Cnn/IR/CnnDialect.h"
#include "cnn/Dialect/Cnn/Transforms/Passes.h"
#include "cnn/Dialect/Dma/IR/DmaDialect.h"
#include "cnn/Dialect/Dma/Transforms/Passes.h"
#include "cnn/Runtime/WeightDecoder.h"
#include "cnn/Target/Onnx/ImportOnnx.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/ToolOutputFile.h"

#include <chrono>
#include <cstring>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#include <sanitizer/lsan_interface.h>
#define CNN_RUN_HAS_LSAN 1
#endif
#endif
#ifndef CNN_RUN_HAS_LSAN
#define CNN_RUN_HAS_LSAN 0
#endif

using namespace mlir;

namespace {

llvm::cl::opt<std::string> inputFile(llvm::cl::Positional,
                                     llvm::cl::desc("<model.onnx|model.mlir>"),
                                     llvm::cl::Required);
llvm::cl::opt<std::string>
    inputNpy("input", llvm::cl::Required,
             llvm::cl::desc("The network's input feature map, a .npy file "
                            "of its shape (1xCxHxW) and element type "
                            "(<f4, <f2, |i1 or <i2)"),
             llvm::cl::value_desc("file.npy"));
llvm::cl::opt<std::string>
    outputNpy("output", llvm::cl::Required,
              llvm::cl::desc("Where to write the network's output, as .npy"),
              llvm::cl::value_desc("file.npy"));
llvm::cl::opt<unsigned> optLevel(
    "O",
    llvm::cl::desc("Optimization level of the compiled program, 0 to 3 "
                   "(default 0: large programs compile slowly at higher "
                   "levels)"),
    llvm::cl::init(0), llvm::cl::Prefix);
llvm::cl::opt<bool> printTimes(
    "print-times",
    llvm::cl::desc("Print to standard error the seconds spent running the "
                   "passes, compiling the lowered program and running it"));
llvm::cl::opt<bool> upstreamLoopOrder(
    "upstream-loop-order",
    llvm::cl::desc("Lower convolutions and pools with their reductions "
                   "innermost, as convert-linalg-to-loops does, instead of "
                   "a row of the output innermost (--cpu-loop-order); the "
                   "results are the same, the program slower"));
llvm::cl::opt<std::string> functionName(
    "function",
    llvm::cl::desc("The network function to run (default: the module's "
                   "first public function)"),
    llvm::cl::value_desc("name"));

//===----------------------------------------------------------------------===//
// .npy files (NumPy's format, version 1 and 2)
//===----------------------------------------------------------------------===//

struct NpyArray {
  std::string descr;
  SmallVector<int64_t> shape;
  std::vector<char> data;
};

/// The .npy descr of an element type, or empty.
std::string getDescr(Type type) {
  if (type.isF32())
    return "<f4";
  if (type.isF16())
    return "<f2";
  if (type.isInteger(8))
    return "|i1";
  if (type.isInteger(16))
    return "<i2";
  return "";
}

FailureOr<NpyArray> readNpy(StringRef path, std::string &error) {
  std::string message;
  std::unique_ptr<llvm::MemoryBuffer> file = openInputFile(path, &message);
  if (!file) {
    error = message;
    return failure();
  }
  StringRef bytes = file->getBuffer();
  if (!bytes.starts_with("\x93NUMPY") || bytes.size() < 10) {
    error = "not a .npy file";
    return failure();
  }
  int major = static_cast<unsigned char>(bytes[6]);
  size_t headerLen, start;
  if (major == 1) {
    headerLen = static_cast<unsigned char>(bytes[8]) |
                (static_cast<unsigned char>(bytes[9]) << 8);
    start = 10;
  } else {
    if (bytes.size() < 12) {
      error = "truncated header";
      return failure();
    }
    headerLen = 0;
    for (int i = 0; i < 4; ++i)
      headerLen |= size_t(static_cast<unsigned char>(bytes[8 + i])) << (8 * i);
    start = 12;
  }
  if (start + headerLen > bytes.size()) {
    error = "truncated header";
    return failure();
  }
  StringRef header = bytes.substr(start, headerLen);
  NpyArray array;
  auto field = [&](StringRef key) -> StringRef {
    size_t at = header.find(key);
    if (at == StringRef::npos)
      return {};
    return header.substr(at + key.size()).ltrim(" :");
  };
  StringRef descr = field("'descr'");
  if (!descr.consume_front("'")) {
    error = "no descr in the header";
    return failure();
  }
  array.descr = descr.take_until([](char c) { return c == '\''; }).str();
  if (field("'fortran_order'").starts_with("True")) {
    error = "Fortran order is not supported; save a C-ordered array";
    return failure();
  }
  StringRef shape = field("'shape'");
  if (!shape.consume_front("(")) {
    error = "no shape in the header";
    return failure();
  }
  shape = shape.take_until([](char c) { return c == ')'; });
  SmallVector<StringRef> dims;
  shape.split(dims, ',', -1, /*KeepEmpty=*/false);
  for (StringRef d : dims) {
    int64_t v;
    if (d.trim().getAsInteger(10, v) || v < 0) {
      error = "bad shape in the header";
      return failure();
    }
    array.shape.push_back(v);
  }
  StringRef data = bytes.substr(start + headerLen);
  array.data.assign(data.begin(), data.end());
  return array;
}

LogicalResult writeNpy(StringRef path, StringRef descr, ArrayRef<int64_t> shape,
                       ArrayRef<char> data, std::string &error) {
  std::string header = "{'descr': '" + descr.str() +
                       "', 'fortran_order': False, 'shape': (";
  for (int64_t d : shape)
    header += std::to_string(d) + ", ";
  header += "), }";
  // Magic, version 1.0, the header length, the header padded with spaces
  // to a multiple of 64 bytes and ended by a newline.
  size_t total = 10 + header.size() + 1;
  header.append((64 - total % 64) % 64, ' ');
  header += '\n';
  std::string message;
  std::unique_ptr<llvm::ToolOutputFile> file = openOutputFile(path, &message);
  if (!file) {
    error = message;
    return failure();
  }
  llvm::raw_fd_ostream &os = file->os();
  os << "\x93NUMPY" << char(1) << char(0) << char(header.size() & 0xff)
     << char(header.size() >> 8) << header;
  os.write(data.data(), data.size());
  os.flush();
  if (os.has_error()) {
    error = os.error().message();
    os.clear_error();
    return failure();
  }
  file->keep();
  return success();
}

//===----------------------------------------------------------------------===//
// Running
//===----------------------------------------------------------------------===//

/// A rank-4 memref descriptor, as the C interface passes it.
struct MemRef4 {
  void *allocated;
  void *aligned;
  int64_t offset;
  int64_t sizes[4];
  int64_t strides[4];
};

/// Adds what the CPU needs after the user's passes.
LogicalResult addCpuLowering(ModuleOp module, PassManager &pm) {
  bool hasCnn = false, hasDma = false, onTensors = false;
  module.walk([&](Operation *op) {
    StringRef ns = op->getDialect() ? op->getDialect()->getNamespace() : "";
    hasCnn |= ns == "cnn";
    hasDma |= ns == "dma";
    if (auto func = dyn_cast<func::FuncOp>(op))
      onTensors |= llvm::any_of(func.getArgumentTypes(), [](Type t) {
        return isa<RankedTensorType>(t);
      });
  });
  std::string pipeline;
  if (hasCnn)
    pipeline += "cnn-to-linalg,";
  if (hasDma)
    pipeline += "dma-to-memref,";
  if (onTensors)
    pipeline += "convert-elementwise-to-linalg,one-shot-bufferize{"
                "bufferize-function-boundaries "
                "function-boundary-type-conversion=identity-layout-map},"
                "buffer-deallocation-pipeline,convert-bufferization-to-memref,";
  // Convolutions and pools loop over a row of their output innermost, which
  // LLVM vectorizes (bit-identical results; see --cpu-loop-order).
  if (!upstreamLoopOrder)
    pipeline += "cpu-loop-order,";
  pipeline += "convert-linalg-to-loops,expand-strided-metadata,lower-affine,"
              "convert-scf-to-cf,finalize-memref-to-llvm,convert-math-to-llvm,"
              "convert-arith-to-llvm,convert-cf-to-llvm,convert-func-to-llvm,"
              "reconcile-unrealized-casts";
  return parsePassPipeline(pipeline, pm);
}

/// Saves the stack pointer at the start of every loop body and layer
/// region that allocates on the stack (the accumulators of --lower-to-dma)
/// and restores it at the end, so that the CPU frees them there: a program
/// of many layers, or a loop of many rows, would otherwise grow the stack
/// without bound. (A memref.alloca_scope holds one block, which the loops
/// inside it no longer are once lowered to branches.)
void scopeAllocas(ModuleOp module) {
  SmallVector<Block *> bodies;
  module.walk([&](Operation *op) {
    if (!isa<scf::ForOp, scf::ExecuteRegionOp>(op))
      return;
    Block &body = op->getRegion(0).front();
    bool allocates = false;
    body.walk([&](memref::AllocaOp) { allocates = true; });
    if (allocates && op->getRegion(0).hasOneBlock())
      bodies.push_back(&body);
  });
  auto ptr = LLVM::LLVMPointerType::get(module.getContext());
  for (Block *body : bodies) {
    Location loc = body->getParentOp()->getLoc();
    OpBuilder b = OpBuilder::atBlockBegin(body);
    Value sp = LLVM::StackSaveOp::create(b, loc, ptr);
    b.setInsertionPoint(body->getTerminator());
    LLVM::StackRestoreOp::create(b, loc, sp);
  }
}

/// The network function: `name`, or the first public function.
func::FuncOp findFunction(ModuleOp module, StringRef name) {
  for (auto func : module.getOps<func::FuncOp>())
    if (!func.isDeclaration() &&
        (name.empty() ? func.isPublic() : func.getSymName() == name))
      return func;
  return {};
}

LogicalResult run(MLIRContext &context, const PassPipelineCLParser &passes) {
  auto fail = [&](const Twine &message) {
    llvm::errs() << "cnn-run: error: " << message << "\n";
    return failure();
  };
  OwningOpRef<ModuleOp> module;
  if (StringRef(inputFile).ends_with(".onnx")) {
    std::string message;
    std::unique_ptr<llvm::MemoryBuffer> file =
        openInputFile(inputFile, &message);
    if (!file)
      return fail("cannot read '" + inputFile + "': " + message);
    module = cnn::importOnnx(file->getMemBufferRef(), &context);
  } else {
    std::string message;
    std::unique_ptr<llvm::MemoryBuffer> file =
        openInputFile(inputFile, &message);
    if (!file)
      return fail("cannot read '" + inputFile + "': " + message);
    auto read = cnn::readBytecodeInChild(
        file->getMemBufferRef(), context.getDialectRegistry(), inputFile,
        &message);
    if (failed(read))
      return fail(message);
    auto sourceMgr = std::make_shared<llvm::SourceMgr>();
    sourceMgr->AddNewSourceBuffer(*read ? std::move(*read) : std::move(file),
                                  llvm::SMLoc());
    module = parseSourceFile<ModuleOp>(sourceMgr, ParserConfig(&context));
  }
  if (!module)
    return failure();

  func::FuncOp func = findFunction(*module, functionName);
  if (!func)
    return fail(functionName.empty()
                    ? Twine("the module has no public function")
                    : "the module has no function '" + functionName + "'");
  std::string name = func.getSymName().str();
  auto inType = dyn_cast<ShapedType>(func.getArgumentTypes().size() == 1
                                         ? func.getArgumentTypes()[0]
                                         : Type());
  auto outType = dyn_cast<ShapedType>(func.getResultTypes().size() == 1
                                          ? func.getResultTypes()[0]
                                          : Type());
  if (!inType || !outType || inType.getRank() != 4 || outType.getRank() != 4)
    return fail("function '" + name +
                "' does not take and return one 1xCxHxW feature map");

  // The input, checked against the function before any work.
  std::string error;
  FailureOr<NpyArray> input = readNpy(inputNpy, error);
  if (failed(input))
    return fail("'" + inputNpy + "': " + error);
  std::string inDescr = getDescr(inType.getElementType());
  int64_t elemBytes = inType.getElementTypeBitWidth() / 8;
  if (input->descr != inDescr ||
      ArrayRef<int64_t>(input->shape) != inType.getShape())
    return fail("'" + inputNpy + "' holds " + input->descr + " of shape (" +
                llvm::join(llvm::map_range(input->shape,
                                           [](int64_t d) {
                                             return std::to_string(d);
                                           }),
                           ", ") +
                "); function '" + name + "' takes " +
                (inDescr.empty() ? std::string("?") : inDescr) +
                " of shape 1x" + std::to_string(inType.getDimSize(1)) + "x" +
                std::to_string(inType.getDimSize(2)) + "x" +
                std::to_string(inType.getDimSize(3)));
  if (static_cast<int64_t>(input->data.size()) !=
      inType.getNumElements() * elemBytes)
    return fail("'" + inputNpy + "' holds " +
                std::to_string(input->data.size()) + " bytes of data, not " +
                std::to_string(inType.getNumElements() * elemBytes));

  using Clock = std::chrono::steady_clock;
  auto seconds = [](Clock::time_point from) {
    return std::chrono::duration<double>(Clock::now() - from).count();
  };
  Clock::time_point start = Clock::now();
  PassManager pm(&context);
  if (failed(passes.addToPipeline(pm, [&](const Twine &message) {
        return emitError(UnknownLoc::get(&context)) << message;
      })))
    return failure();
  if (failed(pm.run(*module)))
    return failure();
  func = findFunction(*module, name);
  if (!func)
    return fail("the passes removed function '" + name + "'");
  func->setAttr("llvm.emit_c_interface", UnitAttr::get(&context));
  double passSeconds = seconds(start);
  start = Clock::now();
  scopeAllocas(*module);
  PassManager lower(&context);
  if (failed(addCpuLowering(*module, lower)) || failed(lower.run(*module)))
    return failure();

  ExecutionEngineOptions options;
  // memref.copy calls memrefCopy of MLIR's C runner utilities.
  SmallVector<StringRef> libs = {CNN_C_RUNNER_UTILS};
  options.sharedLibPaths = libs;
  // The options hold a reference to the transformer: it lives here.
  if (optLevel > 3)
    return fail("-O" + Twine(optLevel) + ": the levels are 0 to 3");
  // The optimizer knows the host (its vector width, its costs), as
  // mlir-runner's does: without it LLVM finds most loops not worth
  // vectorizing.
  auto hostBuilder = llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!hostBuilder)
    return fail("cannot describe this machine to LLVM: " +
                llvm::toString(hostBuilder.takeError()));
  hostBuilder->setCodeGenOptLevel(
      static_cast<llvm::CodeGenOptLevel>(static_cast<unsigned>(optLevel)));
  auto host = hostBuilder->createTargetMachine();
  if (!host)
    return fail("cannot describe this machine to LLVM: " +
                llvm::toString(host.takeError()));
  std::function<llvm::Error(llvm::Module *)> optimize =
      makeOptimizingTransformer(optLevel, /*sizeLevel=*/0, host->get());
  options.transformer = optimize;
  options.jitCodeGenOptLevel =
      static_cast<llvm::CodeGenOptLevel>(static_cast<unsigned>(optLevel));
  auto engine = ExecutionEngine::create(*module, options, std::move(*host));
  if (!engine)
    return fail("cannot compile the lowered module: " +
                llvm::toString(engine.takeError()));

  // dma.decode calls the project's weight decoder.
  (*engine)->registerSymbols([](llvm::orc::MangleAndInterner interner) {
    llvm::orc::SymbolMap symbols;
    cnn::forEachWeightDecoderSymbol([&](const std::string &name, void *address) {
      symbols[interner(name)] = {llvm::orc::ExecutorAddr::fromPtr(address),
                                 llvm::JITSymbolFlags::Exported};
    });
    return symbols;
  });
  // Looking the function up compiles the module.
  auto packed = (*engine)->lookupPacked("_mlir_ciface_" + name);
  if (!packed)
    return fail("cannot compile the lowered module: " +
                llvm::toString(packed.takeError()));
  double compileSeconds = seconds(start);

  MemRef4 in{input->data.data(), input->data.data(), 0, {}, {}};
  int64_t stride = 1;
  for (int i = 3; i >= 0; --i) {
    in.sizes[i] = inType.getDimSize(i);
    in.strides[i] = stride;
    stride *= inType.getDimSize(i);
  }
  MemRef4 out{};
  MemRef4 *outPtr = &out, *inPtr = &in;
  SmallVector<void *> args = {&outPtr, &inPtr};
  // A lowered program allocates its SRAM arena and DRAM intermediates and
  // leaves them to the runtime: not the tool's leaks.
#if CNN_RUN_HAS_LSAN
  __lsan_disable();
#endif
  start = Clock::now();
  (*packed)(args.data());
  double runSeconds = seconds(start);
#if CNN_RUN_HAS_LSAN
  __lsan_enable();
#endif

  // The output, gathered through its strides in row-major order.
  int64_t outBytes = outType.getElementTypeBitWidth() / 8;
  std::vector<char> data(outType.getNumElements() * outBytes);
  const char *base =
      static_cast<const char *>(out.aligned) + out.offset * outBytes;
  int64_t k = 0;
  for (int64_t n = 0; n < out.sizes[0]; ++n)
    for (int64_t c = 0; c < out.sizes[1]; ++c)
      for (int64_t h = 0; h < out.sizes[2]; ++h)
        for (int64_t w = 0; w < out.sizes[3]; ++w, ++k) {
          int64_t at = n * out.strides[0] + c * out.strides[1] +
                       h * out.strides[2] + w * out.strides[3];
          std::memcpy(&data[k * outBytes], base + at * outBytes, outBytes);
        }
  free(out.allocated);
  if (printTimes)
    llvm::errs() << llvm::format(
        "cnn-run: passes %.2f s, compile %.2f s, run %.3f s\n", passSeconds,
        compileSeconds, runSeconds);
  if (failed(writeNpy(outputNpy, getDescr(outType.getElementType()),
                      outType.getShape(), data, error)))
    return fail("cannot write '" + outputNpy + "': " + error);
  return success();
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM initLLVM(argc, argv);
  llvm::InitializeNativeTarget();
  llvm::InitializeNativeTargetAsmPrinter();
  llvm::cl::HideUnrelatedOptions({});
  registerAllPasses();
  cnn::registerCnnPasses();
  cnn::registerCnnConversionPasses();
  cnn::registerCnnPipelines();
  dma::registerDmaPasses();
  PassPipelineCLParser passes("", "Passes to run before the CPU lowering "
                                  "(those of cnn-opt)");
  llvm::cl::ParseCommandLineOptions(
      argc, argv,
      "cnn-run: runs a network on the CPU on a .npy input and writes its "
      "output as .npy\n");

  DialectRegistry registry;
  registerAllDialects(registry);
  registerAllExtensions(registry);
  registry.insert<cnn::CnnDialect, dma::DmaDialect>();
  registerBuiltinDialectTranslation(registry);
  registerLLVMDialectTranslation(registry);
  MLIRContext context(registry);
  // Errors point at the layer's line; the op they were raised on is not
  // printed (a whole module after lowering).
  context.printOpOnDiagnostic(false);
  context.loadAllAvailableDialects();
  llvm::SourceMgr sourceMgr;
  SourceMgrDiagnosticHandler handler(sourceMgr, &context);
  return failed(run(context, passes)) ? 1 : 0;
}
