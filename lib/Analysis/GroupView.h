//===- GroupView.h - A set of layers seen as a fusion group -----*- C++ -*-===//
//
// Private to the fusion model: the tensors a group touches and how they
// relate, and the row-by-row simulation of section 2 of docs/CostModel.md,
// shared by the partition (FusionModel.cpp) and the group modes
// (GroupModes.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef CNN_LIB_ANALYSIS_GROUPVIEW_H
#define CNN_LIB_ANALYSIS_GROUPVIEW_H

#include "cnn/Analysis/FusionModel.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

#include <string>
#include <vector>

namespace mlir::cnn::fusion {

/// The tensors a set of layers touches, and how they relate.
struct GroupView {
  const FusionGraph &graph;
  const std::vector<int> &layers;
  // Sets and maps over the group's own layers and tensors only, so that
  // looking at a group costs its size, not the network's.
  llvm::DenseSet<int> inGroup;   // layers of the group
  std::vector<int> tensors;      // group inputs and produced tensors
  llvm::DenseSet<int> inputs;    // tensors read, not produced here
  llvm::DenseSet<int> views;     // concat outputs produced here
  /// Per tensor: in-group layers whose rows decide how long its rows stay
  /// live. A concat output is a view of its parts, so a part is read by the
  /// concat's own readers.
  llvm::DenseMap<int, std::vector<int>> readerLists;

  GroupView(const FusionGraph &g, const std::vector<int> &ls)
      : graph(g), layers(ls) {
    for (int l : layers)
      inGroup.insert(l);
    llvm::DenseSet<int> seen;
    auto add = [&](int t) {
      if (seen.insert(t).second)
        tensors.push_back(t);
    };
    for (int l : layers) {
      for (int t : g.layers[l].inputs) {
        int p = g.tensors[t].producer;
        if (p < 0 || !inGroup.contains(p))
          inputs.insert(t);
        add(t);
      }
      add(g.layers[l].output);
      if (g.layers[l].info.cls == LayerClass::View)
        views.insert(g.layers[l].output);
    }
    // Readers, from the last layer back so a concat's readers are known
    // before its parts are visited.
    for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
      const GraphLayer &layer = g.layers[*it];
      bool view = layer.info.cls == LayerClass::View;
      for (int t : layer.inputs) {
        if (view) {
          std::vector<int> concatReaders = readerLists[layer.output];
          std::vector<int> &r = readerLists[t];
          r.insert(r.end(), concatReaders.begin(), concatReaders.end());
        } else {
          readerLists[t].push_back(*it);
        }
      }
    }
    for (auto &entry : readerLists) {
      std::vector<int> &r = entry.second;
      std::sort(r.begin(), r.end());
      r.erase(std::unique(r.begin(), r.end()), r.end());
    }
  }

  bool isInput(int t) const { return inputs.contains(t); }
  bool isView(int t) const { return views.contains(t); }
  const std::vector<int> &readers(int t) const {
    static const std::vector<int> none;
    auto it = readerLists.find(t);
    return it == readerLists.end() ? none : it->second;
  }

  bool producedHere(int t) const {
    int p = graph.tensors[t].producer;
    return p >= 0 && inGroup.contains(p);
  }

  bool hasInGroupConsumer(int t) const {
    for (int c : graph.tensors[t].consumers)
      if (inGroup.contains(c))
        return true;
    return false;
  }

  bool leaves(int t) const {
    if (!producedHere(t))
      return false;
    if (graph.tensors[t].isNetworkOutput)
      return true;
    for (int c : graph.tensors[t].consumers)
      if (!inGroup.contains(c))
        return true;
    return false;
  }
};

/// Weight and bias bytes of a layer as stored.
inline int64_t storedWeightBytes(const LayerInfo &l) {
  return l.storedWeightBytes() + l.biasBytes;
}

/// Bytes of one row of a feature map, all channels.
inline int64_t rowBytes(const TensorShape &s) {
  return s.c * s.w * s.elemBytes;
}

/// The tensors produced in the group that DMA writes to DRAM: those that
/// leave it, and the parts (produced here) of leaving concatenations, which
/// their producers write in place; concat outputs themselves are views. A
/// tensor written into several leaving concatenations appears once per
/// copy.
std::vector<int> storedTensors(const FusionGraph &graph, const GroupView &view);

/// Empty when every concatenation that leaves the group, or that a leaving
/// one holds, is written in place by the layers producing its parts (in
/// the group, or before it for a group input). Else why not, naming the
/// concatenation and the part: the network's input, which no layer writes.
std::string getUnwritableConcat(const FusionGraph &graph,
                                const GroupView &view);

/// The tensors of mode rows whose line buffers DMA fills (group inputs) or
/// drains (stored tensors): held twice when DMA overlaps compute, so that
/// the rows of the next step load, and those of the previous step store,
/// while a step computes.
llvm::DenseSet<int> streamedTensors(const FusionGraph &graph,
                                    const GroupView &view);
/// The same, given the tensors the group stores (storedTensors).
llvm::DenseSet<int> streamedTensors(const GroupView &view,
                                    llvm::ArrayRef<int> stored);

/// Mode rows of a group simulated over the group's tensors only: the line
/// buffer of each tensor with a buffer, and, when recorded, every step's
/// produced and lowest live rows.
struct LocalRows {
  std::vector<int> tensors;           // with a buffer (not views)
  std::vector<int64_t> maxLive;       // parallel to tensors
  std::vector<std::vector<int64_t>> need, base; // [step][k], when recorded
  int64_t steps = 0;
};

/// Simulates mode rows of `layers`; records every step when `record`.
LocalRows simulateRows(const FusionGraph &graph,
                       const std::vector<int> &layers, bool record);

} // namespace mlir::cnn::fusion

#endif // CNN_LIB_ANALYSIS_GROUPVIEW_H
