//===- CnnAttrs.td - Attributes and enums of the cnn dialect -*- tablegen -*-===//

#ifndef CNN_DIALECT_CNN_IR_CNNATTRS_TD
#define CNN_DIALECT_CNN_IR_CNNATTRS_TD

include "cnn/Dialect/Cnn/IR/CnnDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"

def Cnn_Activation : I32EnumAttr<"Activation",
    "activation: none, relu = max(x, 0), relu6 = min(max(x, 0), 6), "
    "hard_sigmoid = min(max(x / 6 + 1/2, 0), 1), hard_swish = "
    "x * hard_sigmoid(x), sigmoid = 1 / (1 + exp(-x)) or tanh "
    "(integer forms in docs/Semantics.md)", [
      I32EnumAttrCase<"none", 0>,
      I32EnumAttrCase<"relu", 1>,
      I32EnumAttrCase<"relu6", 2>,
      I32EnumAttrCase<"hard_sigmoid", 3>,
      I32EnumAttrCase<"hard_swish", 4>,
      I32EnumAttrCase<"sigmoid", 5>,
      I32EnumAttrCase<"tanh", 6>
    ]> {
  let cppNamespace = "::mlir::cnn";
  let genSpecializedAttr = 0;
}

def Cnn_ActivationAttr : EnumAttr<Cnn_Dialect, Cnn_Activation, "activation"> {
  let assemblyFormat = "`<` $value `>`";
}

def Cnn_ResizeMode : I32EnumAttr<"ResizeMode",
    "interpolation of a resize: nearest or bilinear", [
      I32EnumAttrCase<"nearest", 0>,
      I32EnumAttrCase<"bilinear", 1>
    ]> {
  let cppNamespace = "::mlir::cnn";
  let genSpecializedAttr = 0;
}

def Cnn_ResizeModeAttr : EnumAttr<Cnn_Dialect, Cnn_ResizeMode, "resize_mode"> {
  let assemblyFormat = "`<` $value `>`";
}

def Cnn_DepthToSpaceMode : I32EnumAttr<"DepthToSpaceMode",
    "which input channel a depth_to_space output element reads: dcr "
    "(block-major, ONNX's default) or crd (channel-major, PyTorch's "
    "pixel shuffle)", [
      I32EnumAttrCase<"dcr", 0>,
      I32EnumAttrCase<"crd", 1>
    ]> {
  let cppNamespace = "::mlir::cnn";
  let genSpecializedAttr = 0;
}

def Cnn_DepthToSpaceModeAttr
    : EnumAttr<Cnn_Dialect, Cnn_DepthToSpaceMode, "depth_to_space_mode"> {
  let assemblyFormat = "`<` $value `>`";
}

def Cnn_FusionMode : I32EnumAttr<"FusionMode",
    "how a fusion group runs: rows (feature maps streamed row by row through "
    "line buffers, weights resident) or resident (feature maps kept whole, "
    "weights streamed once)", [
      I32EnumAttrCase<"rows", 0>,
      I32EnumAttrCase<"resident", 1>
    ]> {
  let cppNamespace = "::mlir::cnn";
  let genSpecializedAttr = 0;
}

def Cnn_FusionModeAttr : EnumAttr<Cnn_Dialect, Cnn_FusionMode, "fusion_mode"> {
  let assemblyFormat = "`<` $value `>`";
}

def Cnn_LoopOrder : I32EnumAttr<"LoopOrderKind",
    "order of the tile loops over output channels, rows and columns", [
      I32EnumAttrCase<"mef", 0>, I32EnumAttrCase<"mfe", 1>,
      I32EnumAttrCase<"emf", 2>, I32EnumAttrCase<"efm", 3>,
      I32EnumAttrCase<"fme", 4>, I32EnumAttrCase<"fem", 5>
    ]> {
  let cppNamespace = "::mlir::cnn";
  let genSpecializedAttr = 0;
}

//===----------------------------------------------------------------------===//
// Schedule annotations
//===----------------------------------------------------------------------===//

class Cnn_Attr<string name, string attrMnemonic, list<Trait> traits = []>
    : AttrDef<Cnn_Dialect, name, traits> {
  let mnemonic = attrMnemonic;
}

/// A real-valued attribute parameter that prints as the shortest text
/// reading back as the same double (8, 0.5, 1.0e-05).
class Cnn_RealParameter<string value>
    : AttrOrTypeParameter<"::llvm::APFloat", "a real number"> {
  let parser = "::mlir::cnn::parseRealParameter($_parser)";
  let printer = "::mlir::cnn::printRealParameter($_printer, $_self)";
  let defaultValue = "::llvm::APFloat(" # value # ")";
  let comparator = "$_lhs.bitwiseIsEqual($_rhs)";
}

/// A boolean attribute parameter written `true` or `false`.
class Cnn_BoolParameter<string value>
    : AttrOrTypeParameter<"bool", "true or false"> {
  let parser = "::mlir::cnn::parseBoolParameter($_parser)";
  let printer = "$_printer << ($_self ? \"true\" : \"false\")";
  let defaultValue = value;
}

def Cnn_TargetAttr : Cnn_Attr<"Target", "target"> {
  let summary = "The processor a module is planned for";
  let description = [{
    Recorded on the module (`cnn.target`) by `--tile-for-sram` or
    `--target`: the size in bytes of the local memory (SRAM) every plan
    must fit in; when feature maps are compressed on their way to and from
    DRAM, the percent of their raw size they take there (`fm_percent`);
    the DRAM bandwidth in bytes per cycle, the MACs the array completes per
    cycle and the clock in MHz (for the cycle estimates); the DMA burst in
    bytes every transfer is rounded up to (`dma_align`); whether DMA
    overlaps compute (`dma_overlap`: double buffering); the energy per MAC
    and per DRAM bit in pJ; and the description's name. Parameters at
    their default are not printed (docs/Targets.md lists the defaults).

    ```mlir
    module attributes {cnn.target = #cnn.target<sram = 262144>} { ... }
    module attributes {cnn.target = #cnn.target<sram = 131072,
        macs_per_cycle = 64, clock_mhz = 1000, dma_align = 8,
        dma_overlap = true, name = "nvdla-small">} { ... }
    ```
  }];
  let parameters = (ins "int64_t":$sram,
                        DefaultValuedParameter<"int64_t", "100">:$fm_percent,
                        Cnn_RealParameter<"8.0">:$dram_bytes_per_cycle,
                        DefaultValuedParameter<"int64_t", "256">:$macs_per_cycle,
                        Cnn_RealParameter<"800.0">:$clock_mhz,
                        DefaultValuedParameter<"int64_t", "1">:$dma_align,
                        Cnn_BoolParameter<"false">:$dma_overlap,
                        Cnn_RealParameter<"1.0">:$pj_per_mac,
                        Cnn_RealParameter<"10.0">:$pj_per_bit,
                        StringRefParameter<"the description's name", "\"\"">:$name);
  let builders = [
    AttrBuilder<(ins "int64_t":$sram), [{
      return $_get($_ctxt, sram, 100, ::llvm::APFloat(8.0), 256,
                   ::llvm::APFloat(800.0), 1, false, ::llvm::APFloat(1.0),
                   ::llvm::APFloat(10.0), "");
    }]>,
    AttrBuilder<(ins "int64_t":$sram, "int64_t":$fm_percent), [{
      return $_get($_ctxt, sram, fm_percent, ::llvm::APFloat(8.0), 256,
                   ::llvm::APFloat(800.0), 1, false, ::llvm::APFloat(1.0),
                   ::llvm::APFloat(10.0), "");
    }]>
  ];
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
}

def Cnn_TilingAttr : Cnn_Attr<"Tiling", "tiling"> {
  let summary = "A layer's tiling: tile sizes and loop order";
  let description = [{
    Attached to a layer (`cnn.tiling`) by `--tile-for-sram`: the output-channel
    tile `tm`, output-row tile `te`, output-column tile `tf`, input-channel
    tile `tc` (equal to `tm` for depthwise convolutions and pools, which have
    no input-channel loop), the order of the m, e, f tile loops (outermost
    first; the c loop is innermost), and the SRAM bytes of the tile buffers.
    `raw_weights = true` (printed only when set): the layer's weights are
    compressed, but run alone it reads them raw, in any tiles, because the
    whole-output-channel tiles of its coded weights would move more or not
    fit.
  }];
  let parameters = (ins "int64_t":$tm, "int64_t":$te, "int64_t":$tf,
                        "int64_t":$tc, "LoopOrderKind":$order,
                        "int64_t":$buffer,
                        DefaultValuedParameter<"bool", "false">:$raw_weights);
  let builders = [
    AttrBuilder<(ins "int64_t":$tm, "int64_t":$te, "int64_t":$tf,
                     "int64_t":$tc, "LoopOrderKind":$order,
                     "int64_t":$buffer), [{
      return $_get($_ctxt, tm, te, tf, tc, order, buffer, false);
    }]>
  ];
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
}

def Cnn_TrafficAttr : Cnn_Attr<"Traffic", "traffic"> {
  let summary = "Modeled DRAM traffic of a layer or group, in bytes";
  let description = [{
    Bytes read from DRAM for the input feature maps and for the weights, and
    bytes written for the output, as the cost model computes them for the
    chosen schedule.
  }];
  let parameters = (ins "int64_t":$input, "int64_t":$weights,
                        "int64_t":$output);
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    int64_t getTotal() const { return getInput() + getWeights() + getOutput(); }
  }];
}

def Cnn_CyclesAttr : Cnn_Attr<"Cycles", "cycles"> {
  let summary = "Estimated cycles of a layer or group on the target";
  let description = [{
    Attached with `cnn.traffic` (`cnn.cycles`): the cycles the MAC array
    computes (`compute`: MACs / macs_per_cycle), the cycles DMA transfers
    take (`dma`: bytes / dram_bytes_per_cycle), and the estimate for the
    layer or group (`estimated`): per step of its schedule the larger of
    the two when the target's DMA overlaps compute, their sum when it does
    not (docs/CostModel.md, latency). Each is rounded up to a whole cycle.
  }];
  let parameters = (ins "int64_t":$compute, "int64_t":$dma,
                        "int64_t":$estimated);
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
}

def Cnn_CompressionAttr : Cnn_Attr<"Compression", "compression"> {
  let summary = "The stored size of a compressed weight tensor";
  let description = [{
    Attached to a `cnn.weight` (`cnn.compression`): the bytes the tensor
    occupies in DRAM and in SRAM when stored with `scheme`. Planning uses
    `bytes` in place of the raw size everywhere.

    `scheme` is `"zrl-rice"` for weights coded from their values by
    `--annotate-weight-compression` (each output channel, dimension 0, is a
    run of whole bytes that decodes on its own), `"raw"` for weights that
    code would not shrink, and `"declared"` for a size declared by a ratio.
    `channels`, when present, lists the bytes of each output channel; they
    add up to `bytes`, and there is one per output channel. Weights with
    `channels` load in whole output channels and a tile holds its channels'
    exact bytes; without it (a declared size) a tile holds its proportional
    share of `bytes` (docs/CostModel.md).

    ```mlir
    #cnn.compression<bytes = 7, scheme = "zrl-rice", channels = [4, 3]>
    ```
  }];
  let parameters = (ins "int64_t":$bytes, StringRefParameter<>:$scheme,
                        OptionalArrayRefParameter<"int64_t">:$channels);
  let assemblyFormat = [{
    `<` `bytes` `=` $bytes `,` `scheme` `=` $scheme
        (`,` `channels` `=` `[` $channels^ `]`)? `>`
  }];
  let builders = [
    AttrBuilder<(ins "int64_t":$bytes, "::llvm::StringRef":$scheme), [{
      return $_get($_ctxt, bytes, scheme, ::llvm::ArrayRef<int64_t>());
    }]>
  ];
  let genVerifyDecl = 1;
}

def Cnn_LineBufferAttr : Cnn_Attr<"LineBuffer", "line_buffer"> {
  let summary = "The SRAM a fusion group keeps for one tensor";
  let description = [{
    One entry of a `cnn.fusion_group`'s `buffers`: the on-chip buffer of one
    tensor of the group, named by `tensor` (the `name` of the layer that
    produces it, or the name of a group input). In mode `rows` it is a line
    buffer: `rows` is the largest number of the tensor's rows live at once
    and `bytes` is `rows * W * C * b` (`W`: the most columns a width strip
    holds). In mode `resident` the tensor is kept whole: `rows` is its
    height and `bytes` its size. A group with `keep_halo` lists a second
    entry for each group input with halo columns to keep: its column cache,
    whose `rows` is the input's height.

    Three rows of a 16-channel, 56-column `i8` feature map:

    ```mlir
    #cnn.line_buffer<tensor = "conv1", rows = 3, bytes = 2688>
    ```
  }];
  let parameters = (ins
      StringRefParameter<"name of the tensor">:$tensor,
      AttrParameter<"int64_t", "rows kept (>= 0)">:$rows,
      AttrParameter<"int64_t", "SRAM bytes of the buffer (>= 0)">:$bytes);
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
}

def Cnn_LineBufferArrayAttr
    : TypedArrayAttrBase<Cnn_LineBufferAttr, "array of #cnn.line_buffer">;

#endif // CNN_DIALECT_CNN_IR_CNNATTRS_TD
