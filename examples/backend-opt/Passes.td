//===- Passes.td - Passes of the example backend -----------*- tablegen -*-===//

#ifndef BACKEND_PASSES_TD
#define BACKEND_PASSES_TD

include "mlir/Pass/PassBase.td"

def BackendCountDma : Pass<"backend-count-dma", "::mlir::ModuleOp"> {
  let summary = "Count the DMA transfers of lowered IR the backend will queue";
  let description = [{
    Prints, for every function with a body, one line per transfer op and
    `kind` (`dma.load input`, `dma.load weights`, `dma.store output`, ...)
    with the number of transfer ops, the bytes one execution of each moves,
    summed, and the bytes they move when the function runs once (each
    transfer's bytes times how often its enclosing `scf.for` loops run),
    then the total. The IR is not changed.

    A backend would size its DMA descriptor queues from the first two
    numbers; the last one equals the total of `--dma-traffic-report`.

    ```
    cnn-opt --tile-for-sram=65536 --lower-to-dma net.mlir |
      backend-opt --backend-count-dma -o /dev/null
    ```
  }];
}

#endif // BACKEND_PASSES_TD
