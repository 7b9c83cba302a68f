//===- TargetTest.cpp - Target descriptions and their errors --------------===//

#include "cnn/Analysis/Target.h"

#include "gtest/gtest.h"

using namespace mlir::cnn;

namespace {

/// The message of a parse that must fail.
std::string errorOf(llvm::StringRef json) {
  llvm::Expected<TargetDesc> t = parseTarget(json, "t.json");
  if (t)
    return "(parsed)";
  return llvm::toString(t.takeError());
}

TEST(Target, ReadsEveryField) {
  llvm::Expected<TargetDesc> t = parseTarget(
      R"({"name": "mine", "sram_bytes": "128KiB", "dram_bytes_per_cycle": 4.5,
          "macs_per_cycle": 64, "clock_mhz": 600, "dma_align_bytes": 32,
          "dma_overlap": true, "pj_per_mac": 0.5, "pj_per_dram_bit": 20,
          "fm_percent": 50})",
      "t.json");
  ASSERT_TRUE(bool(t)) << llvm::toString(t.takeError());
  EXPECT_EQ(t->name, "mine");
  EXPECT_EQ(t->sramBytes, 131072);
  EXPECT_EQ(t->dramBytesPerCycle, 4.5);
  EXPECT_EQ(t->macsPerCycle, 64);
  EXPECT_EQ(t->clockMhz, 600);
  EXPECT_EQ(t->dmaAlignBytes, 32);
  EXPECT_TRUE(t->dmaOverlap);
  EXPECT_EQ(t->pjPerMac, 0.5);
  EXPECT_EQ(t->pjPerBit, 20);
  EXPECT_EQ(t->fmPercent, 50);
}

TEST(Target, EmptyObjectIsTheDefaults) {
  llvm::Expected<TargetDesc> t = parseTarget("{}", "t.json");
  ASSERT_TRUE(bool(t));
  TargetDesc d;
  EXPECT_EQ(t->sramBytes, d.sramBytes);
  EXPECT_EQ(t->dmaAlignBytes, 1);
  EXPECT_FALSE(t->dmaOverlap);
  EXPECT_TRUE(t->plansLikeCostModel());
}

TEST(Target, UnknownFieldIsNamed) {
  std::string e = errorOf(R"({"sram": 1024})");
  EXPECT_NE(e.find("t.json: field 'sram' is not a target field"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("sram_bytes"), std::string::npos) << e; // the known ones
}

TEST(Target, WrongTypeIsNamed) {
  EXPECT_EQ(errorOf(R"({"macs_per_cycle": "many"})"),
            "t.json: field 'macs_per_cycle' must be an integer, got a string");
  EXPECT_EQ(errorOf(R"({"dma_overlap": 1})"),
            "t.json: field 'dma_overlap' must be true or false, got a number");
  EXPECT_EQ(errorOf(R"({"clock_mhz": "fast"})"),
            "t.json: field 'clock_mhz' must be a number, got a string");
  EXPECT_EQ(errorOf(R"({"name": 3})"),
            "t.json: field 'name' must be a string, got a number");
  EXPECT_EQ(errorOf(R"({"macs_per_cycle": 2.5})"),
            "t.json: field 'macs_per_cycle' must be an integer, got 2.5");
  EXPECT_EQ(errorOf(R"({"sram_bytes": "lots"})"),
            "t.json: field 'sram_bytes' must be a size in bytes such as "
            "262144 or \"256KiB\", got \"lots\"");
}

TEST(Target, NegativeSizesAreNamed) {
  EXPECT_EQ(errorOf(R"({"sram_bytes": -4096})"),
            "t.json: field 'sram_bytes' must be positive, got -4096");
  EXPECT_EQ(errorOf(R"({"dma_align_bytes": 0})"),
            "t.json: field 'dma_align_bytes' must be positive, got 0");
  EXPECT_EQ(errorOf(R"({"dram_bytes_per_cycle": -2})"),
            "t.json: field 'dram_bytes_per_cycle' must be positive, got -2");
  EXPECT_EQ(errorOf(R"({"pj_per_mac": -1})"),
            "t.json: field 'pj_per_mac' must not be negative, got -1");
  EXPECT_EQ(errorOf(R"({"fm_percent": 120})"),
            "t.json: field 'fm_percent' must be between 1 and 100, got 120");
}

TEST(Target, RatesAreBounded) {
  EXPECT_EQ(errorOf(R"({"clock_mhz": 1e-9})"),
            "t.json: field 'clock_mhz' must be between 0.001 and 1000000, got "
            "1e-09");
  EXPECT_EQ(errorOf(R"({"dram_bytes_per_cycle": 1e9})"),
            "t.json: field 'dram_bytes_per_cycle' must be between 0.0009765625 "
            "and 1048576, got 1000000000");
}

TEST(Target, NotAnObjectOrNotJson) {
  EXPECT_NE(errorOf("[1, 2]").find("t.json: a target description is a JSON "
                                   "object"),
            std::string::npos);
  EXPECT_NE(errorOf("{\"sram_bytes\": }").find("t.json: invalid JSON"),
            std::string::npos);
}

TEST(Target, BaseThenFields) {
  llvm::Expected<TargetDesc> t =
      parseTarget(R"({"base": "nvdla-small", "sram_bytes": 65536})", "t.json");
  ASSERT_TRUE(bool(t));
  EXPECT_EQ(t->name, "nvdla-small");
  EXPECT_EQ(t->sramBytes, 65536);
  EXPECT_EQ(t->macsPerCycle, 64);
  EXPECT_EQ(errorOf(R"({"base": "tpu"})").substr(0, 40),
            "t.json: field 'base' names no preset: 't");
}

TEST(Target, PresetsParseAndOverride) {
  for (const TargetPreset &p : getTargetPresets()) {
    llvm::Expected<TargetDesc> t = loadTarget(p.name);
    ASSERT_TRUE(bool(t)) << p.name;
    EXPECT_EQ(t->name, p.name);
  }
  llvm::Expected<TargetDesc> t =
      loadTarget("nvdla-large,sram_bytes=64KiB,dma_overlap=false");
  ASSERT_TRUE(bool(t));
  EXPECT_EQ(t->sramBytes, 65536);
  EXPECT_FALSE(t->dmaOverlap);
  EXPECT_EQ(t->macsPerCycle, 2048);
  llvm::Expected<TargetDesc> bad = loadTarget("default,macs_per_cycle=-1");
  ASSERT_FALSE(bool(bad));
  EXPECT_EQ(llvm::toString(bad.takeError()),
            "field 'macs_per_cycle' must be positive, got -1");
  llvm::Expected<TargetDesc> missing = loadTarget("/nonexistent/t.json");
  ASSERT_FALSE(bool(missing));
  EXPECT_NE(llvm::toString(missing.takeError())
                .find("cannot read target file '/nonexistent/t.json'"),
            std::string::npos);
}

TEST(Target, FieldTextRoundTrips) {
  TargetDesc t;
  t.dramBytesPerCycle = 0.1;
  t.dmaOverlap = true;
  for (const TargetField &f : getTargetFields()) {
    if (llvm::StringRef(f.key) == "base")
      continue;
    TargetDesc u;
    std::string text = getTargetFieldText(t, f.key);
    if (llvm::StringRef(f.key) == "name" && text.empty())
      continue;
    ASSERT_FALSE(bool(setTargetField(u, f.key, text))) << f.key;
    EXPECT_EQ(getTargetFieldText(u, f.key), text) << f.key;
  }
}

TEST(Target, BurstsAndStreamedBuffers) {
  TargetDesc t;
  EXPECT_EQ(t.alignTransfer(33), 33);
  t.dmaAlignBytes = 32;
  EXPECT_EQ(t.alignTransfer(0), 0);
  EXPECT_EQ(t.alignTransfer(1), 32);
  EXPECT_EQ(t.alignTransfer(32), 32);
  EXPECT_EQ(t.alignTransfer(33), 64);
  EXPECT_EQ(t.streamedBytes(100), 100);
  t.dmaOverlap = true;
  EXPECT_EQ(t.streamedBytes(100), 200);
}

} // namespace
