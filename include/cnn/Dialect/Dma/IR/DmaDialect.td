//===- DmaDialect.td - The dma dialect definition ----------*- tablegen -*-===//
//
// Explicit transfers between DRAM and the local memory (SRAM) of the target.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_DIALECT_DMA_IR_DMADIALECT_TD
#define CNN_DIALECT_DMA_IR_DMADIALECT_TD

include "mlir/IR/OpBase.td"

def Dma_Dialect : Dialect {
  let name = "dma";
  let cppNamespace = "::mlir::dma";
  let summary = "Explicit DMA transfers between DRAM and a local SRAM";
  let description = [{
    The `dma` dialect is the one piece the lowered form of a network needs
    that upstream MLIR does not have: a transfer between DRAM and the local
    memory (SRAM) of the processor, issued by a DMA engine, synchronously or
    in the background. Everything else in lowered IR is upstream: loops are
    `scf.for`, compute on local tiles is `linalg` on memref subviews, local
    buffers are `memref.view`s of one SRAM arena, and which memory a buffer
    lives in is the memory space of its memref.

    Conventions of lowered IR:

    * **DRAM** buffers are memrefs in the default memory space
      (`memref<1x64x56x56xi8>`). A transfer moves a rectangular region of
      one, usually a `memref.subview` with a strided layout.
    * **SRAM** buffers are memrefs in integer memory space 1
      (`memref<64x8x56xi8, 1>`; `mlir::dma::kSramMemorySpace` in C++).
    * Each function has **one SRAM arena**, allocated once with the size of
      the target's SRAM and marked with the unit attribute `dma.arena`:

      ```mlir
      %arena = memref.alloc() {dma.arena} : memref<262144xi8, 1>
      ```

      Every local buffer is carved from it at a constant byte offset:

      ```mlir
      %c4096 = arith.constant 4096 : index
      %w = memref.view %arena[%c4096][] : memref<262144xi8, 1> to memref<16x3x3x3xi8, 1>
      ```

      `--dma-verify-arena` checks the plan: offsets are constant, aligned to
      the element size and inside the arena, and the buffers one layer uses
      do not overlap.
    * The lowered code of each layer is wrapped in an `scf.execute_region`
      with the string attribute `cnn.layer = "<name>"`; the region of a
      fusion group also carries `cnn.group = "<name>"`. Reports attribute
      transfers to these regions.
    * Every transfer carries a string attribute `kind`, one of `"input"`,
      `"weights"` or `"output"`, saying which tensor of the layer it moves.

    A layer that applies ReLU to a 1x8x16x16 feature map four rows at a
    time:

    ```mlir
    scf.execute_region {
      %buf = memref.view %arena[%c0][] : memref<262144xi8, 1> to memref<1x8x4x16xi8, 1>
      scf.for %row = %c0 to %c16 step %c4 {
        %in = memref.subview %x[0, 0, %row, 0] [1, 8, 4, 16] [1, 1, 1, 1]
            : memref<1x8x16x16xi8> to memref<1x8x4x16xi8, strided<[2048, 256, 16, 1], offset: ?>>
        dma.load %in, %buf {kind = "input"}
            : memref<1x8x4x16xi8, strided<[2048, 256, 16, 1], offset: ?>>, memref<1x8x4x16xi8, 1>
        // ... linalg ops computing on %buf in place ...
        %out = memref.subview %y[0, 0, %row, 0] [1, 8, 4, 16] [1, 1, 1, 1]
            : memref<1x8x16x16xi8> to memref<1x8x4x16xi8, strided<[2048, 256, 16, 1], offset: ?>>
        dma.store %buf, %out {kind = "output"}
            : memref<1x8x4x16xi8, 1>, memref<1x8x4x16xi8, strided<[2048, 256, 16, 1], offset: ?>>
      }
      scf.yield
    } {cnn.layer = "relu1"}
    ```

    `--dma-to-memref` turns every transfer into `memref.copy`, after which
    upstream passes run the program on a CPU. The reasons behind the shape
    of the dialect are in `docs/Dialects/Dma/RationaleDma.md`.
  }];
  let useDefaultTypePrinterParser = 1;
}

class Dma_Op<string mnemonic, list<Trait> traits = []>
    : Op<Dma_Dialect, mnemonic, traits>;

class Dma_Type<string name, string typeMnemonic, list<Trait> traits = []>
    : TypeDef<Dma_Dialect, name, traits> {
  let mnemonic = typeMnemonic;
}

#endif // CNN_DIALECT_DMA_IR_DMADIALECT_TD
