//===- ResidentPlacement.cpp - Arena of resident fusion groups --*- C++ -*-===//
//
// Places the buffers of a fusion group in mode resident in the SRAM arena
// with the placement planning measured the group's need by
// (cnn/Analysis/ArenaPlacement.h): the same buffers, the same orders.
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

#include "cnn/Analysis/ArenaPlacement.h"

namespace mlir::cnn::lower_to_dma {

int64_t placeResidentBuffers(std::vector<ResidentBuffer> &bufs, int64_t sram) {
  std::vector<ArenaBuffer> arena;
  for (const ResidentBuffer &x : bufs) {
    ArenaBuffer a;
    a.first = x.first;
    a.last = x.last;
    a.bytes = x.bytes;
    a.align = getElementBytes(x.elem);
    a.featureMap = x.tensor >= 0;
    arena.push_back(a);
  }
  int64_t peak = placeArena(arena, sram);
  for (auto [x, a] : llvm::zip(bufs, arena))
    x.offset = a.offset;
  return peak;
}

} // namespace mlir::cnn::lower_to_dma
