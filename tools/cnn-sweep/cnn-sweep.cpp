//===- cnn-sweep.cpp - DRAM traffic and energy over a design space -*- C++ -*-===//
//
//   cnn-sweep mobilenet_v1 densenet121 models/mine.mlir \
//       --sram=32KiB..4MiB --csv=sweep.csv --json=sweep.json
//
// For every model, SRAM size and strategy (per-layer tiling, merging,
// merging with compressed weights) one row: DRAM traffic split into weights
// and feature maps, MACs, energy, fusion groups and the floor. Models are
// files or networks of the zoo. Each model is read and verified once; its
// layers become the fusion model's graph, and the points are then planned on
// that graph in parallel (the same functions the passes use, so a row equals
// what `--tile-for-sram` / `--merge-layers` and `--cnn-traffic-report`
// report). Rows come out in a fixed order whatever the number of threads,
// and output files are written only once every point is done.
//
//===----------------------------------------------------------------------===//

#include "cnn/Support/Report.h"
#include "cnn/Support/SafeRead.h"
#include "cnn/Analysis/LayerAnalysis.h"
#include "cnn/Analysis/Sweep.h"
#include "cnn/Dialect/Cnn/IR/CnnDialect.h"
#include "cnn/Dialect/Cnn/Transforms/Passes.h"
#include "cnn/Dialect/Cnn/Transforms/Schedule.h"
#include "cnn/Zoo/Zoo.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/WithColor.h"

#include <atomic>
#include <cmath>
#include <mutex>

using namespace mlir;
using namespace mlir::cnn;
namespace cl = llvm::cl;

static cl::OptionCategory sweepCategory("cnn-sweep options");

static cl::list<std::string>
    inputs(cl::Positional, cl::ZeroOrMore,
           cl::desc("<model.mlir | zoo network>..."), cl::cat(sweepCategory));

static cl::opt<std::string> sramText(
    "sram",
    cl::desc("SRAM sizes, comma-separated; each a byte count (262144, "
             "256KiB, 256K, 1MiB, 1M) or a range A..B of the powers of two "
             "times A up to B (32KiB..4MiB is 32, 64, ..., 4096 KiB). Sizes "
             "are sorted and repeats dropped"),
    cl::value_desc("list"), cl::init("32KiB..4MiB"), cl::cat(sweepCategory));

static cl::opt<std::string> strategiesText(
    "strategies",
    cl::desc("Planning strategies, comma-separated, from: tiling (every layer "
             "alone, --tile-for-sram), merging (--tile-for-sram "
             "--merge-layers), tiling+compression and merging+compression "
             "(the same with weights at their compressed size), "
             "merging+strips (--merge-layers=width-strips: groups whose "
             "line buffers do not fit may run in width strips)"),
    cl::value_desc("list"), cl::init("tiling,merging,merging+compression"),
    cl::cat(sweepCategory));

static cl::opt<double> compressionRatio(
    "compression-ratio",
    cl::desc("For the +compression strategies: compressed / raw size of "
             "weights without values (shape-only, as the zoo writes them). "
             "Weights with values are encoded and measured (the zrl-rice "
             "code of --annotate-weight-compression). 0 keeps the sizes a "
             "file declares with #cnn.compression"),
    cl::init(0.5), cl::cat(sweepCategory));

static cl::opt<double> pruneSparsity(
    "prune-sparsity",
    cl::desc("For the +compression strategies: zero this fraction of the "
             "smallest-magnitude weight values before measuring (weights "
             "with values only)"),
    cl::init(0.0), cl::cat(sweepCategory));

static cl::opt<std::string> resolutionText(
    "resolution",
    cl::desc("Input size WIDTHxHEIGHT (e.g. 1920x1080) of the zoo networks "
             "named on the command line; default: each network's own"),
    cl::value_desc("WxH"), cl::cat(sweepCategory));

static cl::opt<zoo::ElementType> elementType(
    "element-type",
    cl::desc("Element type of the zoo networks named on the command line"),
    cl::values(clEnumValN(zoo::ElementType::i8, "i8", "8-bit integer"),
               clEnumValN(zoo::ElementType::i16, "i16", "16-bit integer"),
               clEnumValN(zoo::ElementType::f16, "f16", "half precision"),
               clEnumValN(zoo::ElementType::f32, "f32", "single precision")),
    cl::init(zoo::ElementType::i8), cl::cat(sweepCategory));

static cl::opt<std::string> targetSpec(
    "target",
    cl::desc("Target every point is planned for: a preset (default, "
             "evp-256k, nvdla-small, nvdla-large) or a JSON file, optionally "
             "followed by ,field=value overrides (docs/Targets.md). --sram "
             "sets its SRAM size; without --sram the target's own size is "
             "the only one"),
    cl::value_desc("preset|file"), cl::init("default"),
    cl::cat(sweepCategory));

static cl::list<std::string> varyText(
    "vary",
    cl::desc("Sweep a target field over values: --vary=dram_bytes_per_cycle="
             "2,4,8 (any field but name and sram_bytes, which --sram "
             "sweeps); may be given several times for a full product"),
    cl::value_desc("field=v1,v2,..."), cl::cat(sweepCategory));

static cl::opt<double>
    pjPerMac("pj-per-mac",
             cl::desc("Energy of one MAC in picojoules (default: the "
                      "target's, 1 for the default target)"),
             cl::init(1.0), cl::cat(sweepCategory));

static cl::opt<double>
    pjPerBit("pj-per-bit",
             cl::desc("Energy of one DRAM bit moved in picojoules (default: "
                      "the target's, 10 for the default target)"),
             cl::init(10.0), cl::cat(sweepCategory));

static cl::opt<bool> listTargets(
    "list-targets",
    cl::desc("Print the preset targets with their sources and JSON, and "
             "exit"),
    cl::cat(sweepCategory));

static cl::opt<std::string>
    csvPath("csv",
            cl::desc("Write the rows as CSV to this file ('-' is standard "
                     "output; the default when neither --csv nor --json is "
                     "given)"),
            cl::value_desc("file"), cl::cat(sweepCategory));

static cl::opt<std::string>
    jsonPath("json",
             cl::desc("Write the rows as a JSON array of objects with the "
                      "CSV's column names to this file ('-' is standard "
                      "output)"),
             cl::value_desc("file"), cl::cat(sweepCategory));

static cl::opt<unsigned>
    jobs("j",
         cl::desc("Points planned at once (default 0: one per available "
                  "core; at most one per point and 256)"),
         cl::init(0), cl::cat(sweepCategory));

static cl::opt<bool>
    quiet("quiet", cl::desc("Do not print progress to standard error"),
          cl::cat(sweepCategory));


namespace {

/// A model of the sweep: its label and the fusion graph of each function.
struct Model {
  std::string label;
  std::vector<FusionGraph> graphs;
};

/// One row of the output.
struct Row {
  const Model *model;
  TargetDesc target;
  SweepStrategy strategy;
  SweepResult result;
  int64_t sram() const { return target.sramBytes; }
};

} // namespace

/// Prints `message` as an error and returns the exit code for it.
/// An empty message stands for diagnostics that were printed already.
static int reportError(const llvm::Twine &message) {
  std::string text = message.str();
  if (!text.empty())
    llvm::WithColor::error(llvm::errs(), "cnn-sweep") << text << "\n";
  return 1;
}

static llvm::Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

/// Parses the --sram list.
static llvm::Expected<std::vector<int64_t>> parseSizes(StringRef text) {
  std::vector<int64_t> sizes;
  SmallVector<StringRef> items;
  text.split(items, ',', /*MaxSplit=*/-1, /*KeepEmpty=*/true);
  auto parseOne = [](StringRef item) -> llvm::Expected<int64_t> {
    FailureOr<int64_t> bytes = parseByteSize(item);
    if (failed(bytes))
      return makeError("--sram: '" + item.trim() +
                       "' is not a size of at least 1 byte and at most 1 "
                       "TiB (e.g. 262144, 256KiB, 1MiB)");
    return *bytes;
  };
  for (StringRef item : items) {
    auto [lo, hi] = item.split("..");
    if (lo.size() == item.size()) {
      llvm::Expected<int64_t> bytes = parseOne(item);
      if (!bytes)
        return bytes.takeError();
      sizes.push_back(*bytes);
      continue;
    }
    llvm::Expected<int64_t> from = parseOne(lo);
    if (!from)
      return from.takeError();
    llvm::Expected<int64_t> to = parseOne(hi);
    if (!to)
      return to.takeError();
    if (*from > *to)
      return makeError("--sram: the range '" + item.trim() +
                       "' ends below its start");
    for (int64_t s = *from; s <= *to; s *= 2)
      sizes.push_back(s);
  }
  llvm::sort(sizes);
  sizes.erase(std::unique(sizes.begin(), sizes.end()), sizes.end());
  return sizes;
}

/// Parses the --strategies list.
static llvm::Expected<std::vector<SweepStrategy>>
parseStrategies(StringRef text) {
  std::vector<SweepStrategy> strategies;
  SmallVector<StringRef> items;
  text.split(items, ',', /*MaxSplit=*/-1, /*KeepEmpty=*/true);
  for (StringRef item : items) {
    std::optional<SweepStrategy> s = parseSweepStrategy(item.trim().str());
    if (!s)
      return makeError("--strategies: unknown strategy '" + item.trim() +
                       "' (tiling, tiling+compression, merging, "
                       "merging+compression)");
    if (!llvm::is_contained(strategies, *s))
      strategies.push_back(*s);
  }
  return strategies;
}

/// Reads `input` (a file, else a zoo network) into `context`.
static llvm::Expected<OwningOpRef<ModuleOp>>
loadModule(MLIRContext &context, const std::string &input,
           const zoo::NetworkOptions &zooOptions, std::string &label) {
  if (!llvm::sys::fs::exists(input)) {
    if (!zoo::lookupNetwork(input))
      return makeError("'" + input +
                       "' is neither a file nor a network of the zoo "
                       "(cnn-zoo --list)");
    label = input;
    if (zooOptions.resolution.width)
      label += "@" + std::to_string(zooOptions.resolution.width) + "x" +
               std::to_string(zooOptions.resolution.height);
    if (zooOptions.elementType != zoo::ElementType::i8)
      label += ("-" + zoo::getElementTypeName(zooOptions.elementType)).str();
    return zoo::buildNetwork(&context, input, zooOptions);
  }
  label = llvm::sys::path::stem(input).str();
  std::string error;
  std::unique_ptr<llvm::MemoryBuffer> buffer =
      openInputFile(input, &error);
  if (!buffer)
    return makeError(error);
  auto read = readBytecodeInChild(buffer->getMemBufferRef(),
                                  context.getDialectRegistry(), input, &error);
  if (failed(read))
    return makeError(error);
  if (*read)
    buffer = std::move(*read);
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(buffer), llvm::SMLoc());
  SourceMgrDiagnosticHandler handler(sourceMgr, &context);
  OwningOpRef<ModuleOp> module =
      parseSourceFile<ModuleOp>(sourceMgr, ParserConfig(&context));
  if (!module)
    return makeError(""); // The parser printed the error.
  return std::move(module);
}

/// Builds the graphs of `module`: weights annotated with their compressed
/// sizes first when a strategy needs them.
static LogicalResult buildGraphs(ModuleOp module, bool compress,
                                 std::vector<FusionGraph> &graphs) {
  if (compress) {
    // A planned module would be planned again by the annotation; the sweep
    // plans on the graph instead.
    module->removeAttr(kTargetAttrName);
    module->removeAttr(kMergedAttrName);
    PassManager pm(module.getContext());
    CnnAnnotateWeightCompressionOptions options;
    options.ratio = compressionRatio;
    options.pruneSparsity = pruneSparsity;
    pm.addPass(createCnnAnnotateWeightCompression(options));
    if (failed(pm.run(module)))
      return failure();
  }
  for (auto func : module.getOps<func::FuncOp>()) {
    if (func.isExternal())
      continue;
    FusionGraph graph;
    SmallVector<Operation *> layerOps;
    auto noTraffic = [](Operation *, const LayerInfo &) -> FailureOr<Traffic> {
      return Traffic{};
    };
    if (failed(buildFusionGraph(func.getBody().front(), graph, layerOps,
                                noTraffic, /*intoGroups=*/true)))
      return failure();
    graphs.push_back(std::move(graph));
  }
  if (graphs.empty())
    return module.emitError() << "the module has no function with layers";
  return success();
}

/// Quotes a CSV field when it needs it.
static std::string csvField(StringRef s) {
  if (s.find_first_of(",\"\n") == StringRef::npos)
    return s.str();
  std::string out = "\"";
  for (char c : s) {
    if (c == '"')
      out += '"';
    out += c;
  }
  return out + "\"";
}

static constexpr const char *kColumns[] = {
    "model",          "sram_bytes",        "strategy",
    "status",         "macs",              "weight_bytes",
    "fm_bytes",       "total_bytes",       "floor_weight_bytes",
    "floor_fm_bytes", "floor_bytes",       "groups",
    "layers",         "mac_energy_uj",     "weight_energy_uj",
    "fm_energy_uj",   "energy_uj",         "pj_per_mac",
    "pj_per_bit",     "target",            "dram_bytes_per_cycle",
    "macs_per_cycle", "clock_mhz",         "dma_align_bytes",
    "dma_overlap",    "compute_cycles",    "dma_cycles",
    "cycles",         "latency_ms",        "inferences_per_s",
    "bound",          "message"};

/// The latency columns of a point: cycles, time and rate at the clock.
struct PointLatency {
  int64_t compute, dma, cycles;
  double ms, perSecond;
  const char *bound;
};

static PointLatency getLatency(const SweepResult &r, const TargetDesc &t) {
  PointLatency l;
  l.compute = toWholeCycles(r.cycles.compute);
  l.dma = toWholeCycles(r.cycles.dma);
  l.cycles = toWholeCycles(r.cycles.estimated);
  double seconds = t.seconds(static_cast<double>(l.cycles));
  l.ms = seconds * 1e3;
  l.perSecond = seconds > 0 ? 1.0 / seconds : 0;
  l.bound = r.cycles.bound();
  return l;
}

static std::string formatMs(double ms) {
  return llvm::formatv("{0:F4}", ms).str();
}
static std::string formatRate(double perSecond) {
  return llvm::formatv("{0:F2}", perSecond).str();
}

/// A point's energy per inference in microjoules, by what spends it.
struct PointEnergy {
  double mac, weights, fm;
  double total() const { return mac + weights + fm; }
};

static PointEnergy getEnergy(const SweepResult &r, const EnergyModel &energy) {
  return {energy.macPj(r.macs) * 1e-6,
          energy.dramPj(r.weightBytes()) * 1e-6,
          energy.dramPj(r.featureMapBytes()) * 1e-6};
}

static std::string formatUj(double uj) {
  return llvm::formatv("{0:F3}", uj).str();
}

/// An energy figure as given: 1, 0.25, 3.7.
static std::string formatNumber(double v) {
  std::string s;
  llvm::raw_string_ostream(s) << llvm::format("%.10g", v);
  return s;
}

static void writeCsv(llvm::raw_ostream &os, ArrayRef<Row> rows) {
  os << llvm::join(std::begin(kColumns), std::end(kColumns), ",") << "\n";
  for (const Row &row : rows) {
    const SweepResult &r = row.result;
    EnergyModel energy{row.target.pjPerMac, row.target.pjPerBit};
    auto num = [](int64_t v) { return std::to_string(v); };
    Traffic fl = r.floor;
    std::vector<std::string> cells = {
        csvField(row.model->label),
        num(row.sram()),
        getSweepStrategyName(row.strategy),
        r.feasible ? "ok" : "infeasible",
        num(r.macs)};
    if (r.feasible) {
      PointEnergy e = getEnergy(r, energy);
      cells.insert(cells.end(),
                   {num(r.weightBytes()), num(r.featureMapBytes()),
                    num(r.traffic.total())});
      cells.insert(cells.end(), {num(fl.weights), num(fl.input + fl.output),
                                 num(fl.total()), num(r.groups),
                                 num(r.layers), formatUj(e.mac), formatUj(e.weights),
                                 formatUj(e.fm), formatUj(e.total())});
    } else {
      cells.insert(cells.end(), {"", "", ""});
      cells.insert(cells.end(), {num(fl.weights), num(fl.input + fl.output),
                                 num(fl.total()), "", num(r.layers), "", "",
                                 "", ""});
    }
    const TargetDesc &t = row.target;
    cells.push_back(formatNumber(t.pjPerMac));
    cells.push_back(formatNumber(t.pjPerBit));
    cells.push_back(csvField(t.name));
    cells.push_back(formatNumber(t.dramBytesPerCycle));
    cells.push_back(num(t.macsPerCycle));
    cells.push_back(formatNumber(t.clockMhz));
    cells.push_back(num(t.dmaAlignBytes));
    cells.push_back(t.dmaOverlap ? "true" : "false");
    if (r.feasible) {
      PointLatency l = getLatency(r, t);
      cells.insert(cells.end(), {num(l.compute), num(l.dma), num(l.cycles),
                                 formatMs(l.ms), formatRate(l.perSecond),
                                 l.bound});
    } else {
      cells.insert(cells.end(), {"", "", "", "", "", ""});
    }
    cells.push_back(csvField(r.message));
    os << llvm::join(cells, ",") << "\n";
  }
}

/// The rows as a JSON array of objects, keys in column order and numbers
/// as the CSV prints them.
static void writeJson(llvm::raw_ostream &os, ArrayRef<Row> rows) {
  llvm::json::OStream json(os, /*IndentSize=*/2);
  json.array([&] {
    for (const Row &row : rows) {
      const SweepResult &r = row.result;
      const TargetDesc &t = row.target;
      EnergyModel energy{t.pjPerMac, t.pjPerBit};
      Traffic fl = r.floor;
      PointEnergy e = getEnergy(r, energy);
      json.object([&] {
        json.attribute("model", row.model->label);
        json.attribute("sram_bytes", row.sram());
        json.attribute("strategy", getSweepStrategyName(row.strategy));
        json.attribute("status", r.feasible ? "ok" : "infeasible");
        json.attribute("macs", r.macs);
        auto planned = [&](const char *key, std::string text) {
          json.attributeBegin(key);
          if (r.feasible)
            json.rawValue(text);
          else
            json.value(nullptr);
          json.attributeEnd();
        };
        auto str = [](int64_t v) { return std::to_string(v); };
        planned("weight_bytes", str(r.weightBytes()));
        planned("fm_bytes", str(r.featureMapBytes()));
        planned("total_bytes", str(r.traffic.total()));
        json.attribute("floor_weight_bytes", fl.weights);
        json.attribute("floor_fm_bytes", fl.input + fl.output);
        json.attribute("floor_bytes", fl.total());
        planned("groups", str(r.groups));
        json.attribute("layers", r.layers);
        planned("mac_energy_uj", formatUj(e.mac));
        planned("weight_energy_uj", formatUj(e.weights));
        planned("fm_energy_uj", formatUj(e.fm));
        planned("energy_uj", formatUj(e.total()));
        auto raw = [&](const char *key, std::string text) {
          json.attributeBegin(key);
          json.rawValue(text);
          json.attributeEnd();
        };
        raw("pj_per_mac", formatNumber(energy.pjPerMac));
        raw("pj_per_bit", formatNumber(energy.pjPerBit));
        json.attribute("target", t.name);
        raw("dram_bytes_per_cycle", formatNumber(t.dramBytesPerCycle));
        json.attribute("macs_per_cycle", t.macsPerCycle);
        raw("clock_mhz", formatNumber(t.clockMhz));
        json.attribute("dma_align_bytes", t.dmaAlignBytes);
        json.attribute("dma_overlap", t.dmaOverlap);
        PointLatency l = getLatency(r, t);
        planned("compute_cycles", str(l.compute));
        planned("dma_cycles", str(l.dma));
        planned("cycles", str(l.cycles));
        planned("latency_ms", formatMs(l.ms));
        planned("inferences_per_s", formatRate(l.perSecond));
        json.attributeBegin("bound");
        if (r.feasible)
          json.value(l.bound);
        else
          json.value(nullptr);
        json.attributeEnd();
        json.attribute("message", r.message);
      });
    }
  });
  os << "\n";
}

/// Writes each (path, text) pair; either every file is written and kept,
/// or none is left behind.
static llvm::Error
writeFiles(ArrayRef<std::pair<std::string, std::string>> files) {
  std::vector<std::unique_ptr<llvm::ToolOutputFile>> outs;
  for (const auto &[path, text] : files) {
    std::string error;
    std::unique_ptr<llvm::ToolOutputFile> out = openOutputFile(path, &error);
    if (!out)
      return makeError(error);
    out->os() << text;
    if (std::optional<std::string> failure = takeWriteError(out->os()))
      return makeError("cannot write '" + path + "': " + *failure);
    outs.push_back(std::move(out));
  }
  // Without keep(), a ToolOutputFile removes its file.
  for (auto &out : outs)
    out->keep();
  return llvm::Error::success();
}

int main(int argc, char **argv) {
  llvm::InitLLVM initLLVM(argc, argv);
  cl::HideUnrelatedOptions(sweepCategory);
  cl::ParseCommandLineOptions(
      argc, argv,
      "cnn-sweep: DRAM traffic, energy, latency and the floor of CNNs over "
      "SRAM sizes, target fields and planning strategies\n\n"
      "Each model is a .mlir file of cnn IR or the name of a network of the "
      "zoo\n(cnn-zoo --list). One row per (model, SRAM size, strategy) with "
      "the columns\n" +
          llvm::join(std::begin(kColumns), std::end(kColumns), ", ") +
          ".\nA point where a layer does not fit the SRAM is a row with "
          "status 'infeasible'\nand the layer in 'message'.\n");

  if (listTargets) {
    for (const TargetPreset &p : getTargetPresets())
      llvm::outs() << p.name << ": " << p.summary << "\n  source: "
                   << p.source << "\n  " << p.json << "\n\n";
    return 0;
  }
  if (inputs.empty())
    return reportError("no model given: name .mlir files or zoo networks "
                       "(cnn-zoo --list)");
  llvm::Expected<TargetDesc> baseTarget = loadTarget(targetSpec);
  if (!baseTarget)
    return reportError("--target: " + llvm::toString(baseTarget.takeError()));
  if (pjPerMac.getNumOccurrences())
    baseTarget->pjPerMac = pjPerMac;
  if (pjPerBit.getNumOccurrences())
    baseTarget->pjPerBit = pjPerBit;
  llvm::Expected<std::vector<int64_t>> sizes =
      sramText.getNumOccurrences() || !targetSpec.getNumOccurrences()
          ? parseSizes(sramText)
          : std::vector<int64_t>{baseTarget->sramBytes};
  if (!sizes)
    return reportError(llvm::toString(sizes.takeError()));
  // The targets of the sweep: the product of the --vary values.
  std::vector<TargetDesc> targets = {*baseTarget};
  for (StringRef vary : varyText) {
    auto [field, list] = vary.split('=');
    field = field.trim();
    if (!vary.contains('=') || list.trim().empty())
      return reportError("--vary expects field=v1,v2,..., got '" + vary + "'");
    if (field == "sram_bytes" || field == "name" || field == "base")
      return reportError("--vary: field '" + field +
                         "' cannot be varied (--sram sweeps the SRAM size)");
    SmallVector<StringRef> values;
    list.split(values, ',', /*MaxSplit=*/-1, /*KeepEmpty=*/true);
    std::vector<TargetDesc> next;
    for (const TargetDesc &t : targets)
      for (StringRef value : values) {
        TargetDesc v = t;
        if (llvm::Error e = setTargetField(v, field, value))
          return reportError("--vary: " + llvm::toString(std::move(e)));
        next.push_back(v);
      }
    targets = std::move(next);
  }
  llvm::Expected<std::vector<SweepStrategy>> strategies =
      parseStrategies(strategiesText);
  if (!strategies)
    return reportError(llvm::toString(strategies.takeError()));
  if (!(compressionRatio >= 0 && compressionRatio <= 1))
    return reportError("--compression-ratio must be in [0, 1] (compressed / "
                       "raw size), got " +
                       llvm::formatv("{0}", compressionRatio.getValue()).str());
  if (!(pruneSparsity >= 0 && pruneSparsity < 1))
    return reportError("--prune-sparsity must be in [0, 1), got " +
                       llvm::formatv("{0}", pruneSparsity.getValue()).str());
  if (!(baseTarget->pjPerMac >= 0 && baseTarget->pjPerBit >= 0 &&
        baseTarget->pjPerMac <= kMaxPicojoules &&
        baseTarget->pjPerBit <= kMaxPicojoules))
    return reportError(
        "--pj-per-mac and --pj-per-bit must be between 0 and 1e6, got " +
        formatReal(baseTarget->pjPerMac) + " and " +
        formatReal(baseTarget->pjPerBit));
  if (!csvPath.empty() && csvPath == jsonPath)
    return reportError("--csv and --json name the same file '" + csvPath +
                       "'");

  zoo::NetworkOptions zooOptions;
  zooOptions.elementType = elementType;
  if (!resolutionText.empty()) {
    llvm::Expected<zoo::Resolution> r = zoo::parseResolution(resolutionText);
    if (!r)
      return reportError(llvm::toString(r.takeError()));
    zooOptions.resolution = *r;
  }

  DialectRegistry registry;
  registry.insert<CnnDialect, func::FuncDialect, arith::ArithDialect,
                  tensor::TensorDialect>();
  MLIRContext context(registry);
  context.printOpOnDiagnostic(false);
  context.loadAllAvailableDialects();

  bool compress = llvm::any_of(*strategies, usesCompression);
  std::vector<std::unique_ptr<Model>> models;
  for (const std::string &input : inputs) {
    auto model = std::make_unique<Model>();
    llvm::Expected<OwningOpRef<ModuleOp>> module =
        loadModule(context, input, zooOptions, model->label);
    if (!module)
      return reportError(llvm::toString(module.takeError()));
    for (const auto &other : models)
      if (other->label == model->label)
        return reportError("two models are called '" + model->label +
                           "'; give each file its own name");
    if (failed(verify(**module)) ||
        failed(buildGraphs(**module, compress, model->graphs)))
      return reportError(""); // The diagnostics are printed.
    models.push_back(std::move(model));
  }

  // Every point, in output order; the pool fills in the results.
  std::vector<Row> rows;
  for (const auto &model : models)
    for (int64_t sram : *sizes)
      for (const TargetDesc &target : targets)
        for (SweepStrategy strategy : *strategies) {
          TargetDesc t = target;
          t.sramBytes = sram;
          rows.push_back({model.get(), t, strategy, {}});
        }

  std::atomic<size_t> done{0};
  std::mutex progressMutex;
  bool tty = llvm::errs().is_displayed();
  size_t total = rows.size();
  auto progress = [&](const Row &row) {
    size_t d = ++done;
    if (quiet)
      return;
    std::lock_guard<std::mutex> lock(progressMutex);
    if (tty) {
      llvm::errs() << llvm::format("\rcnn-sweep: %zu/%zu points", d, total)
                   << " (" << row.model->label << ", " << row.sram()
                   << " bytes, " << getSweepStrategyName(row.strategy)
                   << ")\x1b[K";
      if (d == total)
        llvm::errs() << "\n";
    } else if (d == total || d * 10 / total != (d - 1) * 10 / total) {
      llvm::errs() << llvm::format("cnn-sweep: %zu/%zu points (%zu%%)\n", d,
                                   total, d * 100 / total);
    }
  };
  {
    // No more threads than points, nor than any machine has cores for.
    constexpr unsigned kMaxJobs = 256;
    unsigned threads = std::min<size_t>(
        {jobs ? jobs.getValue() : llvm::hardware_concurrency().compute_thread_count(),
         rows.size(), kMaxJobs});
    llvm::DefaultThreadPool pool(
        llvm::hardware_concurrency(std::max(threads, 1u)));
    for (Row &row : rows)
      pool.async([&row, &progress] {
        SweepResult sum;
        bool first = true;
        for (const FusionGraph &graph : row.model->graphs) {
          SweepResult r = evaluateSweepPoint(graph, row.target, row.strategy);
          if (first)
            sum = std::move(r);
          else
            accumulateSweepResult(sum, r);
          first = false;
        }
        row.result = std::move(sum);
        progress(row);
      });
    pool.wait();
  }

  size_t infeasible = llvm::count_if(
      rows, [](const Row &row) { return !row.result.feasible; });
  if (infeasible && !quiet)
    llvm::errs() << "cnn-sweep: " << infeasible << " of " << rows.size()
                 << " points are infeasible (a layer does not fit the SRAM; "
                    "see the 'message' column)\n";

  std::string csvOut = csvPath;
  if (csvOut.empty() && jsonPath.empty())
    csvOut = "-";
  std::vector<std::pair<std::string, std::string>> files;
  if (!csvOut.empty()) {
    std::string text;
    llvm::raw_string_ostream os(text);
    writeCsv(os, rows);
    files.push_back({csvOut, std::move(text)});
  }
  if (!jsonPath.empty()) {
    std::string text;
    llvm::raw_string_ostream os(text);
    writeJson(os, rows);
    files.push_back({jsonPath, std::move(text)});
  }
  if (llvm::Error err = writeFiles(files))
    return reportError(llvm::toString(std::move(err)));
  return 0;
}
