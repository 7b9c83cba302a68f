//===- Target.cpp - The processor a network is planned for ------*- C++ -*-===//

#include "cnn/Analysis/Target.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"

#include <charconv>
#include <cmath>

using namespace mlir::cnn;
using llvm::StringRef;

namespace {
constexpr TargetField kFields[] = {
    {"name", "string", "what the description is called in reports"},
    {"base", "string",
     "a preset whose values the other fields of the file override"},
    {"sram_bytes", "bytes", "local memory every plan fits in"},
    {"dram_bytes_per_cycle", "number",
     "sustained DRAM bandwidth of the DMA, bytes per cycle"},
    {"macs_per_cycle", "integer",
     "multiply-accumulates the MAC array completes per cycle"},
    {"clock_mhz", "number", "clock of the processor in MHz"},
    {"dma_align_bytes", "bytes",
     "burst size: every transfer is rounded up to a multiple of it"},
    {"dma_overlap", "boolean",
     "DMA overlaps compute (double buffering: streamed buffers held twice)"},
    {"pj_per_mac", "number", "energy of one MAC with its on-chip memory, pJ"},
    {"pj_per_dram_bit", "number", "energy of one bit moved to or from DRAM, pJ"},
    {"fm_percent", "integer",
     "percent of their raw size feature maps take in DRAM (1..100)"},
};

constexpr TargetPreset kPresets[] = {
    {"default",
     "the cost model's contract: 256 KiB, no burst rounding, no overlap",
     "docs/CostModel.md; energies from the talk (1 pJ per MAC, 10 pJ per "
     "DRAM bit); bandwidth, MACs and clock are the tools' defaults",
     R"({"name": "default"})"},
    {"evp-256k",
     "embedded vision processor: 256 KiB SRAM, 512 MACs, 32-bit LPDDR4",
     "SRAM size and energies from the talk; 512 8-bit MACs at 800 MHz and "
     "8 bytes per cycle (6.4 GB/s, a 32-bit LPDDR4 channel's sustained "
     "share) are assumptions for a processor of that class; 32-byte bursts "
     "(LPDDR4: 16 beats of 16 bits)",
     R"({"name": "evp-256k", "sram_bytes": 262144, "dram_bytes_per_cycle": 8,
  "macs_per_cycle": 512, "clock_mhz": 800, "dma_align_bytes": 32,
  "dma_overlap": true, "pj_per_mac": 1, "pj_per_dram_bit": 10})"},
    {"nvdla-small",
     "NVDLA nv_small: 128 KiB convolution buffer, 64 MACs, 64-bit memory bus",
     "nvdla/hw spec/defs/nv_small.spec: MAC_ATOMIC_C_SIZE_8 x "
     "MAC_ATOMIC_K_SIZE_8 = 64 MACs, CBUF 32 banks x 512 x 8 bytes = "
     "128 KiB, PRIMARY_MEMIF_WIDTH_64 = 8 bytes per cycle, "
     "MEMORY_ATOMIC_SIZE_8; the 1 GHz clock and the energies (the talk's) "
     "are assumptions",
     R"({"name": "nvdla-small", "sram_bytes": 131072,
  "dram_bytes_per_cycle": 8, "macs_per_cycle": 64, "clock_mhz": 1000,
  "dma_align_bytes": 8, "dma_overlap": true, "pj_per_mac": 1,
  "pj_per_dram_bit": 10})"},
    {"nvdla-large",
     "NVDLA nv_large: 512 KiB convolution buffer, 2048 MACs, 256-bit bus",
     "nvdla/hw spec/defs/nv_large.spec: MAC_ATOMIC_C_SIZE_64 x "
     "MAC_ATOMIC_K_SIZE_32 = 2048 MACs, CBUF 16 banks x 512 x 64 bytes = "
     "512 KiB, PRIMARY_MEMIF_WIDTH_256 = 32 bytes per cycle, "
     "MEMORY_ATOMIC_SIZE_32; the 1 GHz clock and the energies (the talk's) "
     "are assumptions",
     R"({"name": "nvdla-large", "sram_bytes": 524288,
  "dram_bytes_per_cycle": 32, "macs_per_cycle": 2048, "clock_mhz": 1000,
  "dma_align_bytes": 32, "dma_overlap": true, "pj_per_mac": 1,
  "pj_per_dram_bit": 10})"},
};

llvm::Error fieldError(StringRef origin, StringRef key, const llvm::Twine &msg) {
  std::string where = origin.empty() ? "" : (origin + ": ").str();
  return llvm::createStringError(
      llvm::inconvertibleErrorCode(),
      where + "field '" + key.str() + "' " + msg.str());
}

const char *kindOf(const llvm::json::Value &v) {
  switch (v.kind()) {
  case llvm::json::Value::Null:
    return "null";
  case llvm::json::Value::Boolean:
    return "a boolean";
  case llvm::json::Value::Number:
    return "a number";
  case llvm::json::Value::String:
    return "a string";
  case llvm::json::Value::Array:
    return "an array";
  case llvm::json::Value::Object:
    return "an object";
  }
  return "a value";
}

const TargetField *findField(StringRef key) {
  for (const TargetField &f : kFields)
    if (key == f.key)
      return &f;
  return nullptr;
}

/// The preset called `name`, or null.
const TargetPreset *findPreset(StringRef name) {
  for (const TargetPreset &p : kPresets)
    if (name == p.name)
      return &p;
  return nullptr;
}

/// "default, evp-256k, ...".
std::string presetNames() {
  std::string names;
  for (const TargetPreset &p : kPresets)
    names += (names.empty() ? "" : ", ") + std::string(p.name);
  return names;
}

std::string knownFields() {
  std::string s;
  for (const TargetField &f : kFields) {
    if (!s.empty())
      s += ", ";
    s += f.key;
  }
  return s;
}

llvm::Error unknownFieldError(StringRef origin, StringRef key) {
  return fieldError(origin, key, "is not a target field (known fields: " +
                                     knownFields() + ")");
}

/// Stores a checked value into its field.
llvm::Error assign(TargetDesc &t, StringRef origin, StringRef key,
                   std::optional<int64_t> integer, std::optional<double> real,
                   std::optional<bool> flag, std::optional<std::string> text) {
  auto positiveInt = [&](int64_t &dst) -> llvm::Error {
    if (!integer)
      return fieldError(origin, key, "must be an integer");
    if (*integer <= 0)
      return fieldError(origin, key,
                        "must be positive, got " + std::to_string(*integer));
    dst = *integer;
    return llvm::Error::success();
  };
  auto positiveReal = [&](double &dst) -> llvm::Error {
    if (!real)
      return fieldError(origin, key, "must be a number");
    if (!(*real > 0) || !std::isfinite(*real))
      return fieldError(origin, key,
                        "must be positive, got " + formatReal(*real));
    dst = *real;
    return llvm::Error::success();
  };
  auto nonNegativeReal = [&](double &dst) -> llvm::Error {
    if (!real)
      return fieldError(origin, key, "must be a number");
    if (!(*real >= 0) || !std::isfinite(*real))
      return fieldError(origin, key,
                        "must not be negative, got " + formatReal(*real));
    dst = *real;
    return llvm::Error::success();
  };
  if (key == "name") {
    if (!text)
      return fieldError(origin, key, "must be a string");
    t.name = *text;
    return llvm::Error::success();
  }
  if (key == "sram_bytes") {
    if (llvm::Error e = positiveInt(t.sramBytes))
      return e;
    if (t.sramBytes > kMaxSramBytes)
      return fieldError(origin, key, "must be at most 1 TiB");
    return llvm::Error::success();
  }
  // Bounds that keep every cycle count and time finite.
  auto within = [&](double v, double lo, double hi) -> llvm::Error {
    if (v < lo || v > hi)
      return fieldError(origin, key,
                        "must be between " + formatReal(lo) + " and " +
                            formatReal(hi) + ", got " + formatReal(v));
    return llvm::Error::success();
  };
  if (key == "dram_bytes_per_cycle") {
    if (llvm::Error e = positiveReal(t.dramBytesPerCycle))
      return e;
    return within(t.dramBytesPerCycle, 1.0 / 1024, 1 << 20);
  }
  if (key == "macs_per_cycle") {
    if (llvm::Error e = positiveInt(t.macsPerCycle))
      return e;
    return within(static_cast<double>(t.macsPerCycle), 1, 1 << 30);
  }
  if (key == "clock_mhz") {
    if (llvm::Error e = positiveReal(t.clockMhz))
      return e;
    return within(t.clockMhz, 0.001, 1e6);
  }
  if (key == "dma_align_bytes") {
    if (llvm::Error e = positiveInt(t.dmaAlignBytes))
      return e;
    if (t.dmaAlignBytes > (int64_t(1) << 20))
      return fieldError(origin, key, "must be at most 1 MiB");
    return llvm::Error::success();
  }
  if (key == "dma_overlap") {
    if (!flag)
      return fieldError(origin, key, "must be true or false");
    t.dmaOverlap = *flag;
    return llvm::Error::success();
  }
  if (key == "pj_per_mac" || key == "pj_per_dram_bit") {
    double &dst = key == "pj_per_mac" ? t.pjPerMac : t.pjPerBit;
    if (llvm::Error e = nonNegativeReal(dst))
      return e;
    return within(dst, 0, kMaxPicojoules);
  }
  if (key == "fm_percent") {
    if (!integer)
      return fieldError(origin, key, "must be an integer");
    if (*integer < 1 || *integer > 100)
      return fieldError(origin, key,
                        "must be between 1 and 100, got " +
                            std::to_string(*integer));
    t.fmPercent = *integer;
    return llvm::Error::success();
  }
  return unknownFieldError(origin, key);
}

/// The checked value of one JSON member.
llvm::Error assignJson(TargetDesc &t, StringRef origin, StringRef key,
                       const llvm::json::Value &v) {
  const TargetField *field = findField(key);
  if (!field)
    return unknownFieldError(origin, key);
  StringRef type = field->type;
  std::optional<int64_t> integer;
  std::optional<double> real;
  std::optional<bool> flag;
  std::optional<std::string> text;
  if (type == "string") {
    if (auto s = v.getAsString())
      text = s->str();
    else
      return fieldError(origin, key,
                        llvm::Twine("must be a string, got ") + kindOf(v));
  } else if (type == "boolean") {
    flag = v.getAsBoolean();
    if (!flag)
      return fieldError(origin, key,
                        llvm::Twine("must be true or false, got ") + kindOf(v));
  } else if (type == "number") {
    real = v.getAsNumber();
    if (!real)
      return fieldError(origin, key,
                        llvm::Twine("must be a number, got ") + kindOf(v));
  } else {
    // Integers and byte sizes; sizes may also be written "256KiB".
    if (auto s = v.getAsString(); s && type == "bytes") {
      integer = parseSizeText(*s);
      if (!integer)
        return fieldError(origin, key,
                          "must be a size in bytes such as 262144 or "
                          "\"256KiB\", got \"" +
                              *s + "\"");
    } else if (auto d = v.getAsNumber()) {
      if (auto i = v.getAsInteger())
        integer = *i;
      else if (*d < 0)
        return fieldError(origin, key,
                          "must be positive, got " + formatReal(*d));
      else
        return fieldError(origin, key,
                          "must be an integer, got " + formatReal(*d));
    } else {
      return fieldError(origin, key,
                        llvm::Twine("must be an integer, got ") + kindOf(v));
    }
  }
  return assign(t, origin, key, integer, real, flag, text);
}
} // namespace

llvm::ArrayRef<TargetField> mlir::cnn::getTargetFields() { return kFields; }

llvm::ArrayRef<TargetPreset> mlir::cnn::getTargetPresets() { return kPresets; }

std::optional<int64_t> mlir::cnn::parseSizeText(StringRef text) {
  text = text.trim();
  StringRef digits = text.take_while([](char c) { return llvm::isDigit(c); });
  StringRef suffix = text.drop_front(digits.size());
  uint64_t value;
  if (digits.empty() || digits.getAsInteger(10, value))
    return std::nullopt;
  uint64_t scale = 1;
  if (suffix == "K" || suffix == "KiB" || suffix == "k")
    scale = 1024;
  else if (suffix == "M" || suffix == "MiB")
    scale = 1024 * 1024;
  else if (suffix == "G" || suffix == "GiB")
    scale = 1024 * 1024 * 1024;
  else if (suffix == "T" || suffix == "TiB")
    scale = uint64_t(1) << 40;
  else if (!suffix.empty())
    return std::nullopt;
  // Keep sizes far from overflow in the products the cost model forms.
  constexpr uint64_t kMaxBytes = kMaxSramBytes;
  if (value == 0 || value > kMaxBytes / scale)
    return std::nullopt;
  return static_cast<int64_t>(value * scale);
}

std::string mlir::cnn::formatReal(double value) {
  // Whole numbers in full (1000000, not 1e+06).
  if (std::isfinite(value) && value == std::floor(value) &&
      std::fabs(value) < 1e15)
    return std::to_string(static_cast<long long>(value));
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), value);
  if (ec != std::errc())
    return "nan";
  return std::string(buf, end);
}

llvm::Expected<TargetDesc> mlir::cnn::parseTarget(StringRef json,
                                                  StringRef origin) {
  llvm::Expected<llvm::json::Value> parsed = llvm::json::parse(json);
  if (!parsed) {
    std::string msg = llvm::toString(parsed.takeError());
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   origin.str() + ": invalid JSON: " + msg);
  }
  const llvm::json::Object *object = parsed->getAsObject();
  if (!object)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        origin.str() + ": a target description is a JSON object of fields "
                       "(known fields: " +
            knownFields() + ")");
  TargetDesc target;
  // A base preset first, so that the file's fields override it whatever
  // their order.
  if (const llvm::json::Value *base = object->get("base")) {
    std::optional<StringRef> name = base->getAsString();
    if (!name)
      return fieldError(origin, "base",
                        llvm::Twine("must be a string, got ") + kindOf(*base));
    const TargetPreset *preset = findPreset(*name);
    if (!preset)
      return fieldError(origin, "base",
                        "names no preset: '" + *name + "' (presets: " +
                            presetNames() + ")");
    llvm::Expected<TargetDesc> b = parseTarget(preset->json, preset->name);
    if (!b)
      return b.takeError();
    target = *b;
  }
  // Members in key order, so that the first error is the same whatever
  // order the file lists them in.
  std::vector<StringRef> keys;
  for (const auto &member : *object)
    keys.push_back(member.first);
  llvm::sort(keys);
  for (StringRef key : keys) {
    if (key == "base")
      continue;
    if (llvm::Error e = assignJson(target, origin, key, *object->get(key)))
      return std::move(e);
  }
  return target;
}

llvm::Error mlir::cnn::setTargetField(TargetDesc &target, StringRef key,
                                      StringRef value) {
  const TargetField *field = findField(key);
  if (!field || key == "base")
    return unknownFieldError("", key);
  StringRef type = field->type;
  value = value.trim();
  if (type == "string")
    return assign(target, "", key, {}, {}, {}, value.str());
  if (type == "boolean") {
    if (value == "true" || value == "1")
      return assign(target, "", key, {}, {}, true, {});
    if (value == "false" || value == "0")
      return assign(target, "", key, {}, {}, false, {});
    return fieldError("", key, "must be true or false, got '" + value + "'");
  }
  if (type == "number") {
    double d;
    if (value.getAsDouble(d))
      return fieldError("", key, "must be a number, got '" + value + "'");
    return assign(target, "", key, {}, d, {}, {});
  }
  int64_t i;
  if (!value.getAsInteger(10, i))
    return assign(target, "", key, i, {}, {}, {});
  if (type == "bytes")
    if (std::optional<int64_t> size = parseSizeText(value))
      return assign(target, "", key, *size, {}, {}, {});
  return fieldError("", key,
                    (type == "bytes" ? "must be a size in bytes such as "
                                       "262144 or 256KiB, got '"
                                     : "must be an integer, got '") +
                        value + "'");
}

std::string mlir::cnn::getTargetFieldText(const TargetDesc &t, StringRef key) {
  if (key == "name")
    return t.name;
  if (key == "sram_bytes")
    return std::to_string(t.sramBytes);
  if (key == "dram_bytes_per_cycle")
    return formatReal(t.dramBytesPerCycle);
  if (key == "macs_per_cycle")
    return std::to_string(t.macsPerCycle);
  if (key == "clock_mhz")
    return formatReal(t.clockMhz);
  if (key == "dma_align_bytes")
    return std::to_string(t.dmaAlignBytes);
  if (key == "dma_overlap")
    return t.dmaOverlap ? "true" : "false";
  if (key == "pj_per_mac")
    return formatReal(t.pjPerMac);
  if (key == "pj_per_dram_bit")
    return formatReal(t.pjPerBit);
  if (key == "fm_percent")
    return std::to_string(t.fmPercent);
  return "";
}

llvm::Expected<TargetDesc> mlir::cnn::loadTarget(StringRef spec) {
  auto [head, rest] = spec.split(',');
  head = head.trim();
  if (head.empty())
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "a target is a preset name or a JSON file, optionally followed by "
        ",field=value overrides; got '" +
            spec.str() + "'");
  std::optional<TargetDesc> target;
  if (const TargetPreset *p = findPreset(head)) {
    llvm::Expected<TargetDesc> t = parseTarget(p->json, p->name);
    if (!t)
      return t.takeError();
    target = *t;
  } else {
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> file =
        llvm::MemoryBuffer::getFile(head, /*IsText=*/true);
    if (!file)
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "cannot read target file '" + head.str() +
              "': " + file.getError().message() + " (and it is no preset: " +
              presetNames() + ")");
    llvm::Expected<TargetDesc> t = parseTarget((*file)->getBuffer(), head);
    if (!t)
      return t.takeError();
    target = *t;
  }
  while (!rest.empty()) {
    StringRef item;
    std::tie(item, rest) = rest.split(',');
    auto [key, value] = item.split('=');
    if (!item.contains('='))
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "a target override is field=value, got '" + item.str() + "'");
    if (llvm::Error e = setTargetField(*target, key.trim(), value))
      return std::move(e);
  }
  return *target;
}

llvm::json::Object mlir::cnn::targetToJson(const TargetDesc &t) {
  return llvm::json::Object{
      {"name", t.name},
      {"sram_bytes", t.sramBytes},
      {"dram_bytes_per_cycle", t.dramBytesPerCycle},
      {"macs_per_cycle", t.macsPerCycle},
      {"clock_mhz", t.clockMhz},
      {"dma_align_bytes", t.dmaAlignBytes},
      {"dma_overlap", t.dmaOverlap},
      {"pj_per_mac", t.pjPerMac},
      {"pj_per_dram_bit", t.pjPerBit},
      {"fm_percent", t.fmPercent},
  };
}
