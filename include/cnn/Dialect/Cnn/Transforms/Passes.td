//===- Passes.td - Passes of the cnn dialect ---------------*- tablegen -*-===//

#ifndef CNN_DIALECT_CNN_TRANSFORMS_PASSES_TD
#define CNN_DIALECT_CNN_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def CnnFootprintReport : Pass<"cnn-footprint-report", "::mlir::ModuleOp"> {
  let summary = "Report each layer's MACs, weight bytes and feature-map bytes";
  let description = [{
    Prints, for every function of the module, one line per layer with its
    multiply-accumulates (convolutions and fully connected layers; other
    layers count 0), its parameters and weight bytes (weights plus bias),
    the bytes of the feature maps it reads and of the one it writes, and the
    network totals: the "size of feature maps & coefficients" of the network.
    The IR is not changed.

    ```
    cnn-opt --cnn-footprint-report models/mobilenet_v1.mlir -o /dev/null
    cnn-opt '--cnn-footprint-report=format=json output-file=fp.json' m.mlir
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
  let dependentDialects = ["::mlir::cnn::CnnDialect"];
}


def CnnTileForSram : Pass<"cnn-tile-for-sram", "::mlir::ModuleOp"> {
  let summary = "Choose each layer's tiling for an SRAM size (use --tile-for-sram=<bytes>)";
  let description = [{
    For every layer, finds the tiling (output-channel, output-row,
    output-column and input-channel tiles, and the order of the tile loops)
    whose tile buffers fit in `sram` bytes and whose DRAM traffic is the
    smallest under the cost model (docs/CostModel.md, section 1). Records the
    target on the module (`cnn.target = #cnn.target<sram = N>`) and attaches
    to every layer `cnn.tiling` (tiled layers) and `cnn.traffic` (all
    layers). Compressed weights (`cnn.compression` on a `cnn.weight`) count
    at their compressed size, in the fit and in the traffic.

    A module planned and merged already (for another size) is planned
    afresh: its fusion groups are dissolved and merging runs again for the
    new size.

    With a whole target description (`target=FILE`, or the pipeline flag
    `--target=nvdla-small`) planning also honours the DMA burst (every
    transfer is rounded up to it), double buffering (streamed tile buffers
    count twice in the fit) and breaks ties among equal traffic toward
    fewer estimated cycles; every layer also gets `cnn.cycles` (compute,
    DMA and estimated cycles on the target).

    A layer whose smallest tile does not fit is an error at that layer that
    names the bytes it needs. The usual spelling is the pipeline flag
    `--tile-for-sram=262144` (also `256KiB`, `256K`, `1MiB`, `1M`), which
    sets the SRAM size on the default target.
  }];
  let options = [
    Option<"sram", "sram", "int64_t", "0",
           "SRAM size in bytes the tiles of every layer must fit in">,
    Option<"fmPercent", "fm-percent", "int64_t", "100",
           "Percent of their raw size that feature maps take in DRAM when "
           "they are compressed on the way (100: no compression)">,
    Option<"target", "target", "std::string", "\"\"",
           "Target description: a preset name (default, evp-256k, "
           "nvdla-small, nvdla-large) or a JSON file, optionally followed "
           "by ,field=value overrides (docs/Targets.md); replaces sram and "
           "fm-percent">
  ];
  let dependentDialects = ["::mlir::cnn::CnnDialect"];
}

def CnnTrafficReport : Pass<"cnn-traffic-report", "::mlir::ModuleOp"> {
  let summary = "Report the modeled DRAM traffic and energy per layer";
  let description = [{
    Reads the schedule annotations (`cnn.traffic`, `cnn.tiling`) that
    `--tile-for-sram` attached and prints, per layer and for the network:
    MACs, DRAM bytes read for input feature maps and for weights, bytes
    written for the output, the chosen tiling, and the energy per inference
    `MACs * pj-per-mac + 8 * DRAM bytes * pj-per-bit` (defaults 1 pJ per MAC
    and 10 pJ per DRAM bit, the talk's figures). The IR is not changed.
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
           "File the report is written to ('-' is standard output)">,
    Option<"pjPerMac", "pj-per-mac", "double", "1.0",
           "Energy of one multiply-accumulate with its on-chip memory, in pJ">,
    Option<"pjPerBit", "pj-per-bit", "double", "10.0",
           "Energy of moving one bit between DRAM and the chip, in pJ">
  ];
  let dependentDialects = ["::mlir::cnn::CnnDialect"];
}


def CnnMergeLayers : Pass<"merge-layers", "::mlir::ModuleOp"> {
  let summary = "Merge consecutive layers into fusion groups that keep feature maps on chip";
  let description = [{
    Partitions every network into fusion groups with the least DRAM traffic
    under the cost model (docs/CostModel.md, sections 2 and 3) for the SRAM
    recorded by `--tile-for-sram` (run it first), and makes each group of
    two or more layers explicit as a `cnn.fusion_group` whose results are
    the tensors read outside the group or returned by the network. A group
    streams rows through line buffers with its weights resident (mode
    `rows`, the talk's merging in the X/Y domain) or keeps whole feature
    maps on chip while its weights stream once (mode `resident`); it records
    its mode, its SRAM need, its weight bytes, the buffer of every tensor
    (`buffers`) and its traffic (`cnn.traffic`). Layers left alone keep
    their per-layer tiling. Every group and layer that ends before another
    unit records why the boundary is there (`cnn.boundary`).

    The partition is exact over contiguous segments of the function's
    layer order (a topological order), hence exact on chains.

    With `width-strips`, a group in mode rows whose whole-width line
    buffers do not fit may split its width into strips (`strip_width`
    driver columns each; docs/CostModel.md, "Width strips"): each strip
    runs the group top to bottom, computing its own tensors' halo columns
    again, and either reading its inputs' halo columns again or keeping
    them from the strip before in a column cache per input (`keep_halo`),
    whichever moves fewer bytes in the SRAM (not under DMA overlap). The
    module records
    the choice, so that `--tile-for-sram` re-merging keeps it.

    ```
    cnn-opt --tile-for-sram=262144 --merge-layers --cnn-traffic-report m.mlir
    cnn-opt --tile-for-sram=65536 "--merge-layers=width-strips" m.mlir
    ```
  }];
  let options = [
    Option<"widthStrips", "width-strips", "bool", /*default=*/"false",
           "Groups in mode rows whose whole-width line buffers do not fit "
           "may split their width into strips, each run top to bottom (the "
           "halo columns of their inputs read again or kept from the strip "
           "before, those of their own tensors computed again)">
  ];
  let dependentDialects = ["::mlir::cnn::CnnDialect"];
}


def CnnAnnotateWeightCompression
    : Pass<"annotate-weight-compression", "::mlir::ModuleOp"> {
  let summary = "Record the compressed size of every weight tensor";
  let description = [{
    Attaches `cnn.compression = #cnn.compression<bytes = N, scheme = "...">`
    to every `cnn.weight` that a convolution or fully connected layer uses as
    its weights (biases stay raw):

    * weights with values are encoded with the project's lossless codec
      `zrl-rice` (per output channel: zero runs and zig-zagged values in
      Rice codes with the best parameters, each channel padded to a whole
      byte; include/cnn/Analysis/WeightCodec.h): `bytes` is the real size
      of the encoded stream and `channels` the size of each channel. With
      `prune-sparsity=s` the `s` fraction of each tensor's values with the
      smallest magnitude is set to zero first, in the IR.
    * shape-only weights have nothing to measure: with `ratio=r` they are
      declared to take `ceil(r * raw bytes)` (scheme `declared`); without a
      ratio they stay raw.

    Planning uses the compressed sizes in every SRAM fit and in the traffic.
    The intended order is `--annotate-weight-compression --tile-for-sram=N
    --merge-layers`; when the module is already planned, the pass plans it
    again (tiling, and merging when it was merged) so the annotations take
    effect whichever order the passes are given in.
  }];
  let options = [
    Option<"ratio", "ratio", "double", "0.0",
           "Compressed size / raw size declared for shape-only weights "
           "(0 < ratio <= 1; 0, the default, leaves them raw)">,
    Option<"pruneSparsity", "prune-sparsity", "double", "0.0",
           "Fraction of each weight tensor's values, smallest magnitude "
           "first, set to zero before encoding (0 <= s < 1)">
  ];
  let dependentDialects = ["::mlir::cnn::CnnDialect"];
}


def CnnLowerToDma : Pass<"lower-to-dma", "::mlir::ModuleOp"> {
  let summary = "Lower a tiled network to loops, DMA transfers and linalg on local tiles";
  let description = [{
    Bufferizes the network (feature maps and weights become DRAM memrefs; a
    concat's parts are channel slices of its buffer, written in place) and
    emits, for every layer, inside an `scf.execute_region {cnn.layer =
    "<name>"}`, the loop nest of its `#cnn.tiling`: `scf.for` loops over
    tiles in the tiling's order, `dma.load`/`dma.store` of each tile between
    DRAM and buffers carved from one SRAM arena (`memref.alloc {dma.arena}`
    of the target's size, in memory space 1), and `linalg` named ops
    (convolution, depthwise convolution, pooling) on the local tiles, with
    the arithmetic of docs/Semantics.md. A tensor is loaded in the body of
    the innermost tile loop it depends on, so it moves exactly as often as
    the cost model counts; edge tiles and tiles touching the padding are
    peeled so every transfer has a static shape, and padding is never read:
    a tile's kernel is split into bands of valid taps.

    A `cnn.fusion_group` is lowered as one unit: in mode `rows` its row
    schedule (weights loaded once, new input rows per step, line buffers of
    the model's live rows, leaving rows stored), in mode `resident` whole
    feature maps in SRAM with weights streamed one output channel at a time.

    Weights coded by `--annotate-weight-compression` are their coded bytes
    in DRAM: each tile (or resident channel) loads its channels' bytes and
    `dma.decode` decodes them outside the arena. Weights compressed by a
    declared ratio and feature-map compression are not lowered (an error
    names the layer).
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::dma::DmaDialect",
    "::mlir::func::FuncDialect", "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect", "::mlir::memref::MemRefDialect",
    "::mlir::scf::SCFDialect"
  ];
}


def CnnFillWeights : Pass<"cnn-fill-weights", "::mlir::ModuleOp"> {
  let summary = "Give shape-only weights deterministic pseudo-random values";
  let description = [{
    Replaces every shape-only `cnn.weight` with values drawn from a fixed
    generator seeded by `seed` and the weight's position, so that a network
    can be executed (reference and tiled programs see the same values).
    Integer weights are uniform over the type's symmetric range (an i32 bias
    over +-2^10), float weights uniform in +-1/sqrt(fan-in) (biases +-0.1).
    Weights that already hold values are kept.
  }];
  let options = [
    Option<"seed", "seed", "uint64_t", "1", "Seed of the generator">
  ];
  let dependentDialects = ["::mlir::cnn::CnnDialect"];
}

#endif // CNN_DIALECT_CNN_TRANSFORMS_PASSES_TD
