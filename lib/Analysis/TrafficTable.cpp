//===- TrafficTable.cpp - DRAM traffic and energy per layer -----*- C++ -*-===//

#include "cnn/Analysis/TrafficTable.h"

#include "llvm/Support/Format.h"

#include <algorithm>

using namespace mlir::cnn;

std::string mlir::cnn::formatWithCommas(int64_t v) {
  std::string digits = std::to_string(v < 0 ? -v : v);
  std::string out;
  int n = digits.size();
  for (int i = 0; i < n; ++i) {
    out += digits[i];
    if ((n - i - 1) % 3 == 0 && i != n - 1)
      out += ',';
  }
  return v < 0 ? "-" + out : out;
}

std::string mlir::cnn::formatTiling(const std::optional<Tiling> &t) {
  if (!t)
    return "-";
  return "tm=" + std::to_string(t->tm) + " te=" + std::to_string(t->te) +
         " tf=" + std::to_string(t->tf) + " tc=" + std::to_string(t->tc) +
         " " + getLoopOrderName(t->order);
}

int64_t TrafficTable::totalMacs() const {
  int64_t sum = 0;
  for (const LayerTraffic &l : layers)
    sum += l.macs;
  return sum;
}

Traffic TrafficTable::totalTraffic() const {
  Traffic sum;
  for (const LayerTraffic &l : layers) {
    sum.input += l.traffic.input;
    sum.weights += l.traffic.weights;
    sum.output += l.traffic.output;
  }
  return sum;
}

static void accumulate(Traffic &sum, const Traffic &t) {
  sum.input += t.input;
  sum.weights += t.weights;
  sum.output += t.output;
}

Traffic TrafficTable::mergedTraffic() const {
  Traffic sum;
  for (const GroupTraffic &g : groups)
    accumulate(sum, g.traffic);
  for (const LayerTraffic &l : layers)
    if (l.group < 0)
      accumulate(sum, l.traffic);
  return sum;
}

bool TrafficTable::hasCycles() const {
  for (const LayerTraffic &l : layers)
    if (!l.cycles)
      return false;
  for (const GroupTraffic &g : groups)
    if (!g.cycles)
      return false;
  return true;
}

Cycles TrafficTable::totalCycles() const {
  Cycles sum;
  for (const LayerTraffic &l : layers)
    if (l.cycles)
      sum += *l.cycles;
  return sum;
}

Cycles TrafficTable::mergedCycles() const {
  Cycles sum;
  for (const GroupTraffic &g : groups)
    if (g.cycles)
      sum += *g.cycles;
  for (const LayerTraffic &l : layers)
    if (l.group < 0 && l.cycles)
      sum += *l.cycles;
  return sum;
}

/// "1.234 ms" / "56.7 us" for a time in seconds.
static std::string formatSeconds(double s) {
  std::string out;
  llvm::raw_string_ostream os(out);
  if (s >= 1e-3)
    os << llvm::format("%.3f ms", s * 1e3);
  else
    os << llvm::format("%.3f us", s * 1e6);
  return out;
}

void TrafficTable::printLatency(llvm::raw_ostream &os) const {
  const TargetDesc &t = target;
  os << "latency on target " << (t.name.empty() ? "default" : t.name) << " ("
     << formatReal(t.clockMhz) << " MHz, " << t.macsPerCycle
     << " MACs/cycle, " << formatReal(t.dramBytesPerCycle)
     << " DRAM bytes/cycle, DMA burst " << t.dmaAlignBytes << " B, DMA "
     << (t.dmaOverlap ? "overlaps compute" : "does not overlap compute")
     << ")\n";
  if (!hasCycles()) {
    os << "no cycle estimates recorded: plan again with --tile-for-sram or "
          "--target\n";
    return;
  }
  int width = 20;
  for (const LayerTraffic &l : layers)
    width = std::max(width, static_cast<int>(l.name.size()));
  for (const GroupTraffic &g : groups)
    width = std::max(width, static_cast<int>(g.name.size()));
  os << llvm::format("%-*s %15s %15s %15s %12s  %s\n", width, "layer / group",
                     "compute cycles", "DMA cycles", "cycles", "time",
                     "bound");
  auto line = [&](const std::string &name, const Cycles &c) {
    os << llvm::format("%-*s %15s %15s %15s %12s  %s\n", width, name.c_str(),
                       formatWithCommas(toWholeCycles(c.compute)).c_str(),
                       formatWithCommas(toWholeCycles(c.dma)).c_str(),
                       formatWithCommas(toWholeCycles(c.estimated)).c_str(),
                       formatSeconds(t.seconds(toWholeCycles(c.estimated))).c_str(),
                       c.bound());
  };
  for (const LayerTraffic &l : layers)
    line(l.name, *l.cycles);
  if (!groups.empty()) {
    line("total, layers alone", totalCycles());
    for (const GroupTraffic &g : groups)
      line(g.name, *g.cycles);
  }
  Cycles c = mergedCycles();
  line("total", c);
  double seconds = t.seconds(toWholeCycles(c.estimated));
  os << "latency " << formatWithCommas(toWholeCycles(c.estimated)) << " cycles = "
     << formatSeconds(seconds) << " at " << formatReal(t.clockMhz) << " MHz, "
     << llvm::format("%.2f", seconds > 0 ? 1.0 / seconds : 0.0)
     << " inferences/s; " << c.bound() << "-bound (compute "
     << formatWithCommas(toWholeCycles(c.compute)) << " cycles, DMA "
     << formatWithCommas(toWholeCycles(c.dma)) << " cycles)\n";
}

void TrafficTable::printText(llvm::raw_ostream &os,
                             const EnergyModel &energy) const {
  os << "traffic of @" << network << " at SRAM " << formatWithCommas(sramBytes)
     << " bytes\n";
  int width = 20;
  for (const LayerTraffic &l : layers)
    width = std::max(width, static_cast<int>(l.name.size()));
  os << llvm::format("%-*s %-16s %15s %13s %13s %13s %13s %12s %12s %12s  %s\n",
                     width, "layer", "kind", "MACs", "read input",
                     "read weights", "write output", "total", "energy uJ",
                     "weights raw", "stored", "tiling");
  auto line = [&](const std::string &name, const std::string &kind,
                  int64_t macs, const Traffic &t, int64_t raw, int64_t stored,
                  const std::string &tiling) {
    double uj = (energy.macPj(macs) + energy.dramPj(t.total())) * 1e-6;
    os << llvm::format(
        "%-*s %-16s %15s %13s %13s %13s %13s %12.3f %12s %12s  %s\n", width,
        name.c_str(), kind.c_str(), formatWithCommas(macs).c_str(),
        formatWithCommas(t.input).c_str(), formatWithCommas(t.weights).c_str(),
        formatWithCommas(t.output).c_str(), formatWithCommas(t.total()).c_str(),
        uj, formatWithCommas(raw).c_str(), formatWithCommas(stored).c_str(),
        tiling.c_str());
  };
  int64_t raw = 0, stored = 0;
  for (const LayerTraffic &l : layers) {
    line(l.name, l.kind, l.macs, l.traffic, l.rawWeightBytes,
         l.storedWeightBytes, formatTiling(l.tiling));
    raw += l.rawWeightBytes;
    stored += l.storedWeightBytes;
  }
  Traffic unmerged = totalTraffic();
  line(groups.empty() ? "total" : "total, layers alone", "", totalMacs(),
       unmerged, raw, stored, "");
  os << "weights: raw " << formatWithCommas(raw) << " bytes, stored "
     << formatWithCommas(stored) << " bytes ("
     << llvm::format("%.1f", raw ? 100.0 * stored / raw : 100.0) << "%)\n";
  Traffic t = mergedTraffic();
  if (!groups.empty()) {
    os << "fusion groups\n";
    int gwidth = 12;
    for (const GroupTraffic &g : groups)
      gwidth = std::max(gwidth, static_cast<int>(g.name.size()));
    os << llvm::format("%-*s %-9s %13s %15s %13s %13s %13s %13s  %s\n",
                       gwidth, "group", "mode", "SRAM B", "MACs",
                       "read input", "read weights", "write output", "total",
                       "layers");
    for (const GroupTraffic &g : groups)
      os << llvm::format(
          "%-*s %-9s %13s %15s %13s %13s %13s %13s  %d: %s .. %s\n", gwidth,
          g.name.c_str(), g.mode.c_str(), formatWithCommas(g.sramBytes).c_str(),
          formatWithCommas(g.macs).c_str(),
          formatWithCommas(g.traffic.input).c_str(),
          formatWithCommas(g.traffic.weights).c_str(),
          formatWithCommas(g.traffic.output).c_str(),
          formatWithCommas(g.traffic.total()).c_str(), g.layers,
          g.firstLayer.c_str(), g.lastLayer.c_str());
  }
  if (!boundaries.empty()) {
    os << "boundaries\n";
    for (const Boundary &b : boundaries)
      os << "  after " << b.after << ": " << b.reason << "\n";
  }
  if (!groups.empty()) {
    double saved = unmerged.total() ? 100.0 * (unmerged.total() - t.total()) /
                                          unmerged.total()
                                    : 0.0;
    os << "network: without merging " << formatWithCommas(unmerged.total())
       << " bytes, with merging " << formatWithCommas(t.total())
       << " bytes (" << llvm::format("%.1f", saved) << "% less) in "
       << groups.size() << (groups.size() == 1 ? " group\n" : " groups\n");
  }
  if (withoutCompression)
    os << "without compression (raw weights and feature maps): "
       << formatWithCommas(*withoutCompression) << " bytes; with: "
       << formatWithCommas(t.total()) << " bytes\n";
  double macUj = energy.macPj(totalMacs()) * 1e-6;
  double dramUj = energy.dramPj(t.total()) * 1e-6;
  os << "DRAM traffic " << formatWithCommas(t.total()) << " bytes (read "
     << formatWithCommas(t.input + t.weights) << ", written "
     << formatWithCommas(t.output) << "); energy "
     << llvm::format("%.3f", macUj + dramUj) << " uJ = MACs "
     << llvm::format("%.3f", macUj) << " + DRAM "
     << llvm::format("%.3f", dramUj) << " ("
     << llvm::format("%g", energy.pjPerMac) << " pJ/MAC, "
     << llvm::format("%g", energy.pjPerBit) << " pJ/bit)\n";
  printLatency(os);
}

static llvm::json::Object cyclesJson(const Cycles &c, const TargetDesc &t) {
  double seconds = t.seconds(toWholeCycles(c.estimated));
  return llvm::json::Object{{"compute_cycles", toWholeCycles(c.compute)},
                            {"dma_cycles", toWholeCycles(c.dma)},
                            {"cycles", toWholeCycles(c.estimated)},
                            {"seconds", seconds},
                            {"bound", c.bound()}};
}

static llvm::json::Object trafficJson(const Traffic &t) {
  return llvm::json::Object{{"read_input_bytes", t.input},
                            {"read_weight_bytes", t.weights},
                            {"write_output_bytes", t.output},
                            {"total_bytes", t.total()}};
}

llvm::json::Value TrafficTable::toJson(const EnergyModel &energy) const {
  llvm::json::Array jsonLayers;
  for (const LayerTraffic &l : layers) {
    llvm::json::Object o = trafficJson(l.traffic);
    o["name"] = l.name;
    o["kind"] = l.kind;
    o["macs"] = l.macs;
    o["raw_weight_bytes"] = l.rawWeightBytes;
    o["stored_weight_bytes"] = l.storedWeightBytes;
    o["energy_pj"] = energy.macPj(l.macs) + energy.dramPj(l.traffic.total());
    if (l.group >= 0)
      o["group"] = groups[l.group].name;
    if (l.cycles)
      o["latency"] = cyclesJson(*l.cycles, target);
    if (l.tiling)
      o["tiling"] = llvm::json::Object{
          {"tm", l.tiling->tm},
          {"te", l.tiling->te},
          {"tf", l.tiling->tf},
          {"tc", l.tiling->tc},
          {"order", getLoopOrderName(l.tiling->order)}};
    jsonLayers.push_back(std::move(o));
  }
  Traffic t = mergedTraffic();
  llvm::json::Object total = trafficJson(t);
  total["macs"] = totalMacs();
  int64_t raw = 0, stored = 0;
  for (const LayerTraffic &l : layers) {
    raw += l.rawWeightBytes;
    stored += l.storedWeightBytes;
  }
  total["raw_weight_bytes"] = raw;
  total["stored_weight_bytes"] = stored;
  if (withoutCompression)
    total["total_bytes_without_compression"] = *withoutCompression;
  total["mac_energy_pj"] = energy.macPj(totalMacs());
  total["dram_energy_pj"] = energy.dramPj(t.total());
  total["energy_pj"] = energy.macPj(totalMacs()) + energy.dramPj(t.total());
  if (hasCycles()) {
    Cycles c = mergedCycles();
    llvm::json::Object latency = cyclesJson(c, target);
    double seconds = target.seconds(toWholeCycles(c.estimated));
    latency["inferences_per_second"] = seconds > 0 ? 1.0 / seconds : 0.0;
    total["latency"] = std::move(latency);
  }
  llvm::json::Array jsonGroups;
  for (const GroupTraffic &g : groups) {
    llvm::json::Object o = trafficJson(g.traffic);
    o["name"] = g.name;
    o["mode"] = g.mode;
    o["sram_bytes"] = g.sramBytes;
    o["macs"] = g.macs;
    o["layers"] = g.layers;
    o["first_layer"] = g.firstLayer;
    o["last_layer"] = g.lastLayer;
    if (g.cycles)
      o["latency"] = cyclesJson(*g.cycles, target);
    jsonGroups.push_back(std::move(o));
  }
  llvm::json::Array jsonBoundaries;
  for (const Boundary &b : boundaries)
    jsonBoundaries.push_back(
        llvm::json::Object{{"after", b.after}, {"reason", b.reason}});
  return llvm::json::Object{{"network", network},
                            {"sram_bytes", sramBytes},
                            {"groups", std::move(jsonGroups)},
                            {"boundaries", std::move(jsonBoundaries)},
                            {"total_without_merging",
                             trafficJson(totalTraffic())},
                            {"pj_per_mac", energy.pjPerMac},
                            {"pj_per_bit", energy.pjPerBit},
                            {"target", targetToJson(target)},
                            {"layers", std::move(jsonLayers)},
                            {"total", std::move(total)}};
}
