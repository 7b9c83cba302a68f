//===- Passes.td - Passes of the dma dialect ---------------*- tablegen -*-===//

#ifndef CNN_DIALECT_DMA_TRANSFORMS_PASSES_TD
#define CNN_DIALECT_DMA_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def DmaToMemRef : Pass<"dma-to-memref"> {
  let summary = "Turn DMA transfers into memref.copy to run lowered IR on a CPU";
  let description = [{
    Replaces every transfer (`dma.load`, `dma.store`, `dma.load_async`,
    `dma.store_async`) with a `memref.copy` from its source to its target
    and erases `dma.wait`. On a CPU the copy is complete when it returns,
    so asynchronous transfers become blocking ones and their tokens
    disappear, also where they are carried through `scf.for`, `scf.if` or
    `scf.while`. Memory spaces are kept: upstream lowering maps SRAM memory
    space 1 to LLVM address space 1, which a CPU reads like any other
    memory. The one upstream lowering that does not handle it is the
    deallocation, so `memref.dealloc` of an SRAM memref (the arena) becomes
    a `memref.memory_space_cast` to the default space and a dealloc of that.
    A `dma.decode` becomes a call of the project's weight decoder,
    `cnn_zrl_rice_decode_<i8|i16|i32|f16|f32>` (C interface, in the
    `cnn_runtime` library, include/cnn/Runtime/WeightDecoder.h), which
    `cnn-run` provides.

    After the pass, the program runs through upstream passes:

    ```
    cnn-opt --dma-to-memref --convert-linalg-to-loops --expand-strided-metadata \
      --lower-affine --convert-scf-to-cf --finalize-memref-to-llvm \
      --convert-arith-to-llvm --convert-cf-to-llvm --convert-func-to-llvm \
      --reconcile-unrealized-casts lowered.mlir |
    mlir-runner -e main -entry-point-result=void -shared-libs=...
    ```
  }];
  let dependentDialects = ["::mlir::memref::MemRefDialect",
                           "::mlir::func::FuncDialect",
                           "::mlir::arith::ArithDialect"];
}

def DmaTrafficReport : Pass<"dma-traffic-report", "::mlir::ModuleOp"> {
  let summary = "Count the DRAM bytes every DMA transfer of lowered IR moves";
  let description = [{
    Counts, for every function, the bytes its transfers move between DRAM
    and SRAM when the function runs once, and prints them per layer region
    and for the network. The IR is not changed.

    One execution of a transfer moves the product of its memref's sizes
    times the element size in bytes, rounded up to a whole number of DMA
    bursts when the module's `cnn.target` has a `dma_align` above 1; every
    size must be static on at least one side of the transfer. A transfer executes once per iteration of
    each enclosing `scf.for`, including loops outside its layer's region;
    every such loop must have constant bounds and step, and runs
    `ceil((ub - lb) / step)` times (none when `ub <= lb`). Other ops with
    regions around a transfer, except `scf.execute_region`, are errors,
    since how often their regions run is not known.

    Loads are DRAM reads, stores DRAM writes. Bytes are attributed to the
    nearest enclosing `scf.execute_region` with a `cnn.layer` attribute,
    reported under its `cnn.group` name when it has one, and to the line
    `(outside layers)` when there is none. The lines split the bytes by the
    transfers' `kind`: loads of `"input"` and of `"weights"` and stores of
    `"output"`; any other combination is an error.

    The JSON output has the fields of `--cnn-traffic-report`, so the
    modeled traffic of a plan can be compared with what its lowering moves:

    ```
    cnn-opt --dma-traffic-report lowered.mlir -o /dev/null
    cnn-opt '--dma-traffic-report=format=json output-file=dma.json' lowered.mlir
    ```
  }];
  let options = [
    Option<"format", "format", "::mlir::cnn::ReportFormat",
           "::mlir::cnn::ReportFormat::Text",
           "Output format of the report",
           [{::llvm::cl::values(
               clEnumValN(::mlir::cnn::ReportFormat::Text, "text",
                          "aligned columns for reading"),
               clEnumValN(::mlir::cnn::ReportFormat::Json, "json",
                          "one JSON object for scripts"))}]>,
    Option<"outputFile", "output-file", "std::string", "\"-\"",
           "File the report is written to ('-' is standard output)">
  ];
}

def DmaVerifyArena : Pass<"dma-verify-arena", "::mlir::ModuleOp"> {
  let summary = "Check the SRAM plan of lowered IR";
  let description = [{
    Checks every SRAM arena (a `memref.alloc` marked `dma.arena`) and the
    buffers carved from it with `memref.view`:

    * the arena is a static `memref<Nxi8, 1>`, one per function, and when
      the module records its target (`cnn.target = #cnn.target<sram = S>`),
      N equals S;
    * every view has a constant byte offset and static sizes, starts at a
      multiple of its element size and ends inside the arena;
    * within one layer region (`scf.execute_region` with `cnn.layer`), the
      views used in the region do not overlap: all buffers of a layer are
      live together. Two different views of the same bytes overlap too;
      only a view and itself may share bytes. Different layers may reuse
      the same bytes.

    Each error names the layer, the two buffers with their byte ranges and
    the size of the arena. The IR is not changed.
  }];
}

def DmaCpuLoopOrder : Pass<"cpu-loop-order"> {
  let summary = "Order the loops of linalg reductions on memrefs for a CPU";
  let description = [{
    Prepares a program on memrefs (lowered with `--lower-to-dma
    --dma-to-memref`, or bufferized) for `convert-linalg-to-loops` on a
    CPU. A structured op with a reduction (a convolution, a pool, a
    matrix product) becomes a `linalg.generic` whose loop over the
    innermost dimension of its output is the innermost loop, when every
    input either does not depend on that loop or varies with it in its own
    innermost dimension. Upstream's order puts the reductions innermost
    (for `linalg.conv_2d_nchw_fchw`: n, f, oh, ow, c, kh, kw), so each
    output element is a short reduction over strided operands; after this
    pass the loops are n, f, oh, c, kh, kw, ow, and LLVM vectorizes the
    innermost loop over a row of the output.

    Only a parallel loop moves, and the reduction loops keep their
    relative order, so every output element accumulates its terms in the
    same order as before: results are bit-identical, floats included. Ops
    on tensors, ops without a reduction and ops whose inputs would be read
    across their rows in the inner loop (a matrix-vector product) are left
    as they are. `cnn-run` runs this pass before lowering to loops.
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect"];
}

#endif // CNN_DIALECT_DMA_TRANSFORMS_PASSES_TD
