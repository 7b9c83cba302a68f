//===- ArenaPlacement.h - Buffers placed in one SRAM arena ------*- C++ -*-===//
//
// The placement of a fusion group's buffers in mode resident: whole feature
// maps and one output channel's weights, each live over a range of the
// group's layers, placed first fit at offsets aligned to their element
// size. Planning takes the smallest peak over a fixed list of orders as the
// group's need; the lowering tries the same orders and keeps the first
// that fits, so a group planning accepts is one the lowering can place.
// Every order is total over the buffers' own fields, so the peak depends
// only on the buffers, not on the order they are listed in.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_ANALYSIS_ARENAPLACEMENT_H
#define CNN_ANALYSIS_ARENAPLACEMENT_H

#include <cstdint>
#include <vector>

namespace mlir::cnn {

struct ArenaBuffer {
  /// Live from layer position `first` to `last`, inclusive.
  int first = 0, last = 0;
  int64_t bytes = 0;
  /// The offset is a multiple of this (the element size).
  int64_t align = 1;
  /// A feature map (placed before one-layer buffers in some orders).
  bool featureMap = false;
  /// Set by the placement.
  int64_t offset = -1;
};

/// The group's need: with an SRAM size (`sram` >= 0), the bytes live at
/// once when they exceed it, else the peak of the first placement order
/// that fits it (the one placeArena keeps), else the smallest peak; without
/// one, the smallest peak over the orders. `bufs` are left placed by the
/// order whose peak is returned.
int64_t getArenaNeed(std::vector<ArenaBuffer> &bufs, int64_t sram = -1);

/// Places `bufs` by the first order whose peak fits `sram`, else by orders
/// shuffled with a fixed seed; returns the peak, which exceeds `sram` when
/// nothing tried fits.
int64_t placeArena(std::vector<ArenaBuffer> &bufs, int64_t sram);

} // namespace mlir::cnn

#endif // CNN_ANALYSIS_ARENAPLACEMENT_H
