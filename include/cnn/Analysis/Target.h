//===- Target.h - The processor a network is planned for --------*- C++ -*-===//
//
// A target description: the SRAM size every plan must fit in, how fast DRAM
// and the MAC array are, the DMA's burst alignment, whether transfers
// overlap compute (double buffering), and the energy figures. Read from a
// JSON file or a named preset (docs/Targets.md). Pure: no MLIR IR.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_ANALYSIS_TARGET_H
#define CNN_ANALYSIS_TARGET_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

#include <cstdint>
#include <string>

namespace mlir::cnn {

/// `bytes` rounded up to whole bursts of `burst` bytes (0 stays 0; a burst
/// of 1 or less changes nothing).
inline int64_t alignToBursts(int64_t bytes, int64_t burst) {
  return burst <= 1 ? bytes : (bytes + burst - 1) / burst * burst;
}

/// A processor as planning sees it. The defaults are the cost model's
/// contract (docs/CostModel.md): no burst rounding and no double buffering,
/// The largest SRAM a target may have (1 TiB): sizes stay far from
/// overflow in the products the cost model forms.
constexpr int64_t kMaxSramBytes = int64_t(1) << 40;

/// The largest energy figure (pJ per MAC or per DRAM bit) a target or a
/// report accepts: every energy then stays finite.
constexpr double kMaxPicojoules = 1e6;

/// so that with only the SRAM size set every figure is the model's.
struct TargetDesc {
  /// The preset or file the description came from ("" for the defaults).
  std::string name;
  /// Local memory every plan fits in, in bytes.
  int64_t sramBytes = 262144;
  /// Percent of their raw size feature maps take in DRAM (100: raw).
  int64_t fmPercent = 100;
  /// Sustained DRAM bandwidth of the DMA, in bytes per cycle.
  double dramBytesPerCycle = 8.0;
  /// Multiply-accumulates the MAC array completes per cycle.
  int64_t macsPerCycle = 256;
  /// Clock of the processor (and of the cycles above), in MHz.
  double clockMhz = 800.0;
  /// Every DMA transfer moves a whole number of bursts of this many bytes.
  int64_t dmaAlignBytes = 1;
  /// DMA runs while the MAC array computes (double buffering): streamed
  /// buffers are held twice in SRAM, and a step takes the longer of its
  /// transfers and its compute instead of their sum.
  bool dmaOverlap = false;
  /// Energy of one MAC with its on-chip memory, and of one DRAM bit, in pJ.
  double pjPerMac = 1.0;
  double pjPerBit = 10.0;

  /// `bytes` rounded up to whole DMA bursts (0 stays 0).
  int64_t alignTransfer(int64_t bytes) const {
    return alignToBursts(bytes, dmaAlignBytes);
  }
  /// SRAM taken by a buffer that DMA streams: twice its size under
  /// double buffering.
  int64_t streamedBytes(int64_t bytes) const {
    return dmaOverlap ? 2 * bytes : bytes;
  }
  double computeCycles(double macs) const { return macs / macsPerCycle; }
  double dmaCycles(double bytes) const { return bytes / dramBytesPerCycle; }
  /// Seconds that `cycles` take at the clock.
  double seconds(double cycles) const { return cycles / (clockMhz * 1e6); }
  /// True when nothing but the SRAM size and fm_percent departs from the
  /// defaults that change plans (alignment and double buffering).
  bool plansLikeCostModel() const { return dmaAlignBytes <= 1 && !dmaOverlap; }
};

/// One field of a target description file.
struct TargetField {
  /// The JSON key, e.g. "dram_bytes_per_cycle".
  const char *key;
  /// What the value is: "bytes" (a positive integer, or a string such as
  /// "256KiB"), "integer", "number", "boolean" or "string".
  const char *type;
  const char *help;
};

/// Every field a target description may hold, in the order they print.
llvm::ArrayRef<TargetField> getTargetFields();

/// A named target that ships with the tools.
struct TargetPreset {
  const char *name;
  const char *summary;
  /// Where the figures come from.
  const char *source;
  /// The description in JSON, as a user would write it.
  const char *json;
};

/// The presets, in a fixed order.
llvm::ArrayRef<TargetPreset> getTargetPresets();

/// Parses a target description from JSON text. `origin` names the text in
/// messages (a file name). Every error names the offending field.
llvm::Expected<TargetDesc> parseTarget(llvm::StringRef json,
                                       llvm::StringRef origin);

/// A target from a preset name or a JSON file path, optionally followed by
/// overrides: "nvdla-small,sram_bytes=64KiB,dma_overlap=false".
llvm::Expected<TargetDesc> loadTarget(llvm::StringRef spec);

/// Sets the field `key` from its text ("4", "256KiB", "true"); the error
/// names the field.
llvm::Error setTargetField(TargetDesc &target, llvm::StringRef key,
                           llvm::StringRef value);

/// The text of field `key` of `target` as setTargetField reads it.
std::string getTargetFieldText(const TargetDesc &target, llvm::StringRef key);

/// The description as a JSON object with every field.
llvm::json::Object targetToJson(const TargetDesc &target);

/// Parses a byte size: digits with an optional K/KiB/k, M/MiB or G/GiB
/// suffix; at most 1 TiB. std::nullopt otherwise.
std::optional<int64_t> parseSizeText(llvm::StringRef text);

/// Shortest text that reads back as the same double: 8, 0.5, 1e-05.
std::string formatReal(double value);

} // namespace mlir::cnn

#endif // CNN_ANALYSIS_TARGET_H
