//===- CnnOps.td - Operations of the cnn dialect -----------*- tablegen -*-===//
//
// One op per CNN layer kind, plus the weight constant. Shapes are checked by
// C++ verifiers in CnnOps.cpp so that every error names what was expected.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_DIALECT_CNN_IR_CNNOPS_TD
#define CNN_DIALECT_CNN_IR_CNNOPS_TD

include "cnn/Dialect/Cnn/IR/CnnDialect.td"
include "cnn/Dialect/Cnn/IR/CnnAttrs.td"
include "cnn/Dialect/Cnn/IR/CnnInterfaces.td"
include "mlir/IR/OpAsmInterface.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/IR/OpBase.td"

//===----------------------------------------------------------------------===//
// Type and attribute constraints
//===----------------------------------------------------------------------===//

def Cnn_ElementType : AnyTypeOf<[I8, I16, F16, F32], "i8, i16, f16 or f32">;

// Rank, batch, static shape and size are checked by the verifiers, which can
// say precisely what is wrong; these constraints check the element type only.
def Cnn_FeatureMap : RankedTensorOf<[Cnn_ElementType], [],
                                    "NCHW feature map (tensor<1xCxHxW>)">;
def Cnn_WeightTensor : RankedTensorOf<[Cnn_ElementType], [], "weight tensor">;
def Cnn_BiasElementType
    : AnyTypeOf<[I8, I16, I32, F16, F32], "i8, i16, i32, f16 or f32">;
def Cnn_BiasTensor : RankedTensorOf<[Cnn_BiasElementType], [],
                                    "bias tensor (tensor<M>)">;

// Plain i64 arrays whose summaries say what the entries mean. Length and
// range are checked by the verifiers, which name the offending entry.
class Cnn_I64ArrayAttr<string meaning>
    : DenseArrayAttrBase<"DenseI64ArrayAttr", "int64_t", "i64"> {
  let summary = meaning;
}
def Cnn_RowsColsAttr : Cnn_I64ArrayAttr<"i64 array: [rows, columns]">;
def Cnn_PaddingAttr
    : Cnn_I64ArrayAttr<"i64 array: [top, bottom, left, right]">;

// An i64 attribute read as int64_t (I64Attr reads uint64_t): byte counts
// are summed and compared with the cost model's int64_t numbers, and a
// negative value must read as negative for the verifier to reject it.
def Cnn_ByteCountAttr : TypedSignlessIntegerAttrBase<I64, "int64_t",
    "byte count (64-bit signless integer attribute)"> {
  let convertFromStorage = "$_self.getValue().getSExtValue()";
}

def Cnn_LayerNameAttr : StringBasedAttr<StrAttrPred,
    "layer name, shown in reports and used as the SSA name of the result">;
def Cnn_GroupNameAttr
    : StringBasedAttr<StrAttrPred, "fusion group name, shown in reports">;

//===----------------------------------------------------------------------===//
// Base classes
//===----------------------------------------------------------------------===//

/// A layer: an op that computes a feature map. It implements
/// CnnLayerOpInterface (`describe` always; the other methods listed in
/// `overrides`, where the defaults do not fit) and carries an optional name
/// that reports and diagnostics use and that the printer uses as SSA name.
class Cnn_LayerOp<string mnemonic, list<Trait> traits = [],
                  list<string> overrides = []>
    : Cnn_Op<mnemonic, !listconcat(traits, [Pure,
        DeclareOpInterfaceMethods<Cnn_LayerOpInterface,
                                  !listconcat(["describe"], overrides)>,
        DeclareOpInterfaceMethods<OpAsmOpInterface, ["getAsmResultNames"]>])> {
  let hasVerifier = 1;
  code layerClassDefinition = [{
    void $cppClass::getAsmResultNames(
        ::llvm::function_ref<void(::mlir::Value, ::llvm::StringRef)> setName) {
      if (auto name = getOperation()->getAttrOfType<::mlir::StringAttr>("name"))
        setName(getResult(), ::mlir::cnn::getSsaNameHint(name.getValue()));
    }
  }];
  let extraClassDefinition = layerClassDefinition;
}

/// An element-wise layer: described as one for the cost model (streamed in
/// row blocks, mergeable, a broadcast operand read whole); each op defines
/// `buildElement`, the arithmetic of one output element.
class Cnn_ElementwiseLayerOp<string mnemonic, list<Trait> traits = [],
                             list<string> overrides = []>
    : Cnn_LayerOp<mnemonic, !listconcat(traits, [
        DeclareOpInterfaceMethods<Cnn_ElementwiseLayerOpInterface>]),
        overrides> {
  let extraClassDefinition = !strconcat(layerClassDefinition, [{
    void $cppClass::describe(::mlir::cnn::LayerInfo &info) {
      ::mlir::cnn::describeElementwise(info, getOperationName().drop_front(4).str());
    }
  }]);
}

defvar Cnn_LayerName = (ins OptionalAttr<Cnn_LayerNameAttr>:$name);

//===----------------------------------------------------------------------===//
// Weights
//===----------------------------------------------------------------------===//

// Not `ConstantLike`: that trait promises that the op always folds to an
// attribute, and a shape-only weight has none.
// A weight is a distinct tensor even when another has the same shape and no
// values: the allocation effect keeps CSE from merging shape-only weights,
// while an unused weight is still removed as dead.
def Cnn_WeightOp : Cnn_Op<"weight"> {
  let summary = "A weight tensor, with real values or shape only";
  let description = [{
    A constant weight (or bias) tensor of a layer. With `value` it holds real
    values (any elements attribute, e.g. `dense` or `dense_resource`, whose
    type equals the result type). Without `value` it is shape-only: the
    values are unknown and only the shape and element type are analysed,
    which is how models are studied before their weights exist.

    The result has a static shape with no empty dimension, at most 2^40
    elements, and element type `i8`, `i16`, `i32` (biases of integer
    layers), `f16` or `f32`.

    ```mlir
    %w = cnn.weight : tensor<64x3x3x3xi8>
    %b = cnn.weight {value = dense<0> : tensor<64xi32>} : tensor<64xi32>
    ```
  }];
  let arguments = (ins OptionalAttr<ElementsAttr>:$value);
  let results = (outs Res<AnyRankedTensor, "", [MemAlloc]>:$result);
  let assemblyFormat = "attr-dict `:` type($result)";
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// True when the weight holds only a shape, no values.
    bool isShapeOnly() { return !getValue(); }
    /// The values as a `dense` attribute: the `dense` value itself, or a
    /// `dense_resource` blob's bytes read as one; null when the weight is
    /// shape-only, its resource holds no blob (elided) or the blob's size
    /// does not match the type.
    ::mlir::DenseElementsAttr getDenseValue();
  }];
}

//===----------------------------------------------------------------------===//
// Convolution and fully connected
//===----------------------------------------------------------------------===//

def Cnn_Conv2DOp : Cnn_LayerOp<"conv2d", [
    DeclareOpInterfaceMethods<Cnn_WindowLayerOpInterface>], ["getFeatureMaps",
    "getLayerWeight", "getLayerBias", "getFusedActivation"]> {
  let summary = "2-D convolution (grouped and depthwise), optional bias";
  let description = [{
    Convolves a `1xCxHxW` input with an `MxC/GxRxS` weight (OIHW, `G` =
    `groups`) into a `1xMxExF` output:

    ```
    output[m][e][f] = act(bias[m] + sum_{c, r, s}
        input[g*C/G + c][e*sh - pt + r*dh][f*sw - pl + s*dw] * weight[m][c][r][s])
    ```

    where `g = m / (M/G)` is the group of output channel `m` and positions
    outside the input read zero. Attributes, all optional:

    * `strides` `[sh, sw]`, default `[1, 1]`;
    * `padding` `[pt, pb, pl, pr]` (top, bottom, left, right), default zeros;
    * `dilation` `[dh, dw]`, default `[1, 1]`;
    * `groups` `G`, default 1; `G` divides both `C` and `M`. A depthwise
      convolution is one whose `groups` equals its input channels;
    * `activation` fused into the output, default `none`.

    The bias, when present, is a `tensor<M>` of the input's element type, or
    of `i32` for integer layers. The result type is explicit and verified:
    `E = floor((H + pt + pb - ((R - 1) * dh + 1)) / sh) + 1`, likewise `F`
    from `W`, `pl`, `pr`, `S`, `dw` and `sw`. Input, weight and output share
    one element type.

    ```mlir
    %y = cnn.conv2d %x, %w, %b {strides = array<i64: 2, 2>,
           padding = array<i64: 1, 1, 1, 1>, activation = #cnn.activation<relu6>}
       : (tensor<1x32x112x112xi8>, tensor<64x32x3x3xi8>, tensor<64xi32>)
      -> tensor<1x64x56x56xi8>
    %dw = cnn.conv2d %y, %wd {groups = 64, padding = array<i64: 1, 1, 1, 1>}
       : (tensor<1x64x56x56xi8>, tensor<64x1x3x3xi8>) -> tensor<1x64x56x56xi8>
    ```
  }];
  let arguments = !con((ins
      Cnn_FeatureMap:$input, Cnn_WeightTensor:$weight,
      Optional<Cnn_BiasTensor>:$bias,
      DefaultValuedAttr<Cnn_RowsColsAttr, "{1, 1}">:$strides,
      DefaultValuedAttr<Cnn_PaddingAttr, "{0, 0, 0, 0}">:$padding,
      DefaultValuedAttr<Cnn_RowsColsAttr, "{1, 1}">:$dilation,
      DefaultValuedAttr<I64Attr, "1">:$groups,
      DefaultValuedAttr<Cnn_ActivationAttr, "::mlir::cnn::Activation::none">:$activation),
    Cnn_LayerName);
  let results = (outs Cnn_FeatureMap:$output);
  let assemblyFormat = [{
    $input `,` $weight (`,` $bias^)? attr-dict `:` functional-type(operands, results)
  }];
  let extraClassDeclaration = [{
    /// True when every input channel is its own group.
    bool isDepthwise();
  }];
}

def Cnn_FullyConnectedOp : Cnn_LayerOp<"fully_connected", [
    DeclareOpInterfaceMethods<Cnn_WindowLayerOpInterface>],
    ["getFeatureMaps", "getLayerWeight", "getLayerBias",
     "getFusedActivation"]> {
  let summary = "Fully connected layer on a flattened feature map";
  let description = [{
    `output[m] = act(bias[m] + sum_k flatten(input)[k] * weight[m][k])`.
    The `1xCxHxW` input is flattened in C, H, W order (`K = C*H*W`), the
    weight is `MxK`, the optional bias `tensor<M>` (the input's element type,
    or `i32` for integer layers) and the output `1xMx1x1`, so that a
    fully connected layer is a feature map like any other.

    ```mlir
    %logits = cnn.fully_connected %x, %w, %b {name = "fc"}
        : (tensor<1x512x7x7xf32>, tensor<1000x25088xf32>, tensor<1000xf32>)
       -> tensor<1x1000x1x1xf32>
    ```
  }];
  let arguments = !con((ins
      Cnn_FeatureMap:$input, Cnn_WeightTensor:$weight,
      Optional<Cnn_BiasTensor>:$bias,
      DefaultValuedAttr<Cnn_ActivationAttr, "::mlir::cnn::Activation::none">:$activation),
    Cnn_LayerName);
  let results = (outs Cnn_FeatureMap:$output);
  let assemblyFormat = [{
    $input `,` $weight (`,` $bias^)? attr-dict `:` functional-type(operands, results)
  }];
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

class Cnn_PoolOp<string mnemonic> : Cnn_LayerOp<mnemonic, [
    DeclareOpInterfaceMethods<Cnn_WindowLayerOpInterface>]> {
  let arguments = !con((ins
      Cnn_FeatureMap:$input,
      Cnn_RowsColsAttr:$kernel,
      DefaultValuedAttr<Cnn_RowsColsAttr, "{1, 1}">:$strides,
      DefaultValuedAttr<Cnn_PaddingAttr, "{0, 0, 0, 0}">:$padding),
    Cnn_LayerName);
  let results = (outs Cnn_FeatureMap:$output);
  let assemblyFormat = [{
    $input attr-dict `:` type($input) `->` type($output)
  }];
}

def Cnn_MaxPoolOp : Cnn_PoolOp<"max_pool"> {
  let summary = "Maximum of each channel over a sliding window";
  let description = [{
    Takes the maximum of each channel over a `kernel` (`[kh, kw]`, required)
    window moved by `strides` (default `[1, 1]`) over the input padded by
    `padding` (`[pt, pb, pl, pr]`, default zeros). Padded positions never win
    the maximum; every padding entry is smaller than the window, so that no
    window holds padding only. The output is `1xCxExF` with
    `E = floor((H + pt + pb - kh) / sh) + 1`, likewise `F`. A "ceil mode"
    pool is written with one more row or column of bottom or right padding.

    ```mlir
    %p = cnn.max_pool %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>,
                          padding = array<i64: 1, 1, 1, 1>}
        : tensor<1x64x112x112xi8> -> tensor<1x64x56x56xi8>
    ```
  }];
}

def Cnn_AvgPoolOp : Cnn_PoolOp<"avg_pool"> {
  let summary = "Average of each channel over a sliding window";
  let description = [{
    Averages each channel over a `kernel` (`[kh, kw]`, required) window moved
    by `strides` (default `[1, 1]`) over the input padded by `padding`
    (`[pt, pb, pl, pr]`, default zeros). Padded positions are not counted in
    the average; every padding entry is smaller than the window, so that no
    window holds padding only. The output is `1xCxExF` with
    `E = floor((H + pt + pb - kh) / sh) + 1`, likewise `F`.

    ```mlir
    %p = cnn.avg_pool %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>}
        : tensor<1x256x56x56xf32> -> tensor<1x256x28x28xf32>
    ```
  }];
}

def Cnn_GlobalAvgPoolOp : Cnn_LayerOp<"global_avg_pool", [
    DeclareOpInterfaceMethods<Cnn_WindowLayerOpInterface>]> {
  let summary = "Average of each channel over the whole feature map";
  let description = [{
    Reduces a `1xCxHxW` input to `1xCx1x1`, the average of each channel.

    ```mlir
    %g = cnn.global_avg_pool %x : tensor<1x1024x7x7xi8> -> tensor<1x1024x1x1xi8>
    ```
  }];
  let arguments = !con((ins Cnn_FeatureMap:$input), Cnn_LayerName);
  let results = (outs Cnn_FeatureMap:$output);
  let assemblyFormat = [{
    $input attr-dict `:` type($input) `->` type($output)
  }];
}

//===----------------------------------------------------------------------===//
// Element-wise and structural layers
//===----------------------------------------------------------------------===//

def Cnn_AddOp : Cnn_ElementwiseLayerOp<"add", [SameOperandsAndResultType],
    ["getFusedActivation"]> {
  let summary = "Element-wise sum of two feature maps, fused activation";
  let description = [{
    `output = act(lhs + rhs)`; both operands and the result have one type.
    The residual connection of ResNet and MobileNet v2.

    ```mlir
    %s = cnn.add %a, %b {activation = #cnn.activation<relu>}
        : tensor<1x256x56x56xi8>
    ```
  }];
  let arguments = !con((ins Cnn_FeatureMap:$lhs, Cnn_FeatureMap:$rhs,
      DefaultValuedAttr<Cnn_ActivationAttr, "::mlir::cnn::Activation::none">:$activation),
    Cnn_LayerName);
  let results = (outs Cnn_FeatureMap:$output);
  let assemblyFormat = "$lhs `,` $rhs attr-dict `:` type($output)";
}

def Cnn_SubOp : Cnn_ElementwiseLayerOp<"sub", [], ["getFusedActivation"]> {
  let summary = "Element-wise difference of two feature maps, channel broadcast";
  let description = [{
    `output = act(lhs - rhs)`, where `rhs` has the type of `lhs` or is a
    `1xCx1x1` tensor of per-channel values broadcast over the rows and
    columns. The result has the type of `lhs`. Integers: the i32 difference
    saturated to the type, then the activation.

    ```mlir
    %d = cnn.sub %x, %m : (tensor<1x64x56x56xf32>, tensor<1x64x1x1xf32>)
        -> tensor<1x64x56x56xf32>
    ```
  }];
  let arguments = !con((ins Cnn_FeatureMap:$lhs, Cnn_FeatureMap:$rhs,
      DefaultValuedAttr<Cnn_ActivationAttr, "::mlir::cnn::Activation::none">:$activation),
    Cnn_LayerName);
  let results = (outs Cnn_FeatureMap:$output);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` functional-type(operands, results)
  }];
}

def Cnn_MulOp : Cnn_ElementwiseLayerOp<"mul", [], ["getFusedActivation"]> {
  let summary = "Element-wise product of two feature maps, channel broadcast";
  let description = [{
    `output = act(lhs * rhs)`, where `rhs` has the type of `lhs` or is a
    `1xCx1x1` tensor of per-channel factors broadcast over the rows and
    columns (the scaling of a squeeze-and-excitation block). The result has
    the type of `lhs`.

    Integers: the i32 product shifted right by `w - 1` (`arith.shrsi`, `w`
    the element's bits: 7 for `i8`), so that `rhs` is a fixed-point factor
    in `[-1, 1)`, saturated to the type, then the activation. Floats:
    `act(lhs * rhs)`.

    ```mlir
    %y = cnn.mul %x, %s : (tensor<1x64x56x56xi8>, tensor<1x64x1x1xi8>)
        -> tensor<1x64x56x56xi8>
    ```
  }];
  let arguments = !con((ins Cnn_FeatureMap:$lhs, Cnn_FeatureMap:$rhs,
      DefaultValuedAttr<Cnn_ActivationAttr, "::mlir::cnn::Activation::none">:$activation),
    Cnn_LayerName);
  let results = (outs Cnn_FeatureMap:$output);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` functional-type(operands, results)
  }];
}

def Cnn_PReluOp : Cnn_ElementwiseLayerOp<"prelu"> {
  let summary = "Leaky ReLU with a slope per channel";
  let description = [{
    `output = input < 0 ? input * slope : input`, where `slope` is a
    `1xCx1x1` tensor of per-channel slopes (usually a `cnn.weight`) broadcast
    over the rows and columns: ONNX's PRelu, and LeakyRelu with every slope
    alpha. The result has the type of `input`.

    Integers: a negative input's i32 product with the slope shifted right by
    `w - 1` (`arith.shrsi`, `w` the element's bits), so that the slope is a
    fixed-point fraction in `[-1, 1)` as `cnn.mul`'s factors are, saturated
    to the type; other inputs unchanged.

    ```mlir
    %y = cnn.prelu %x, %slopes : (tensor<1x64x56x56xf32>, tensor<1x64x1x1xf32>)
        -> tensor<1x64x56x56xf32>
    ```
  }];
  let arguments = !con((ins Cnn_FeatureMap:$input, Cnn_FeatureMap:$slope),
    Cnn_LayerName);
  let results = (outs Cnn_FeatureMap:$output);
  let assemblyFormat = [{
    $input `,` $slope attr-dict `:` functional-type(operands, results)
  }];
}

def Cnn_ActivationOp : Cnn_ElementwiseLayerOp<"activation",
    [SameOperandsAndResultType], ["getFusedActivation"]> {
  let summary = "A stand-alone activation";
  let description = [{
    Applies `kind` (`relu`, `relu6`, `hard_sigmoid`, `hard_swish`,
    `sigmoid` or `tanh`; `none` is rejected) element-wise, as
    docs/Semantics.md defines them for integers and floats. Activations are
    normally fused into the layer that produces their input; this op exists
    for the ones that cannot be fused, e.g. after a `concat`.

    ```mlir
    %r = cnn.activation %x {kind = #cnn.activation<relu>} : tensor<1x64x56x56xf32>
    ```
  }];
  let arguments = !con((ins Cnn_FeatureMap:$input, Cnn_ActivationAttr:$kind),
    Cnn_LayerName);
  let results = (outs Cnn_FeatureMap:$output);
  let assemblyFormat = "$input attr-dict `:` type($output)";
}

def Cnn_ConcatOp : Cnn_LayerOp<"concat"> {
  let summary = "Concatenation along the channel axis";
  let description = [{
    Stacks the channels of one or more inputs in operand order. All inputs
    have the same rows, columns and element type; the output has the sum of
    their channels. Channels are the only axis: that is the concatenation
    of Inception and DenseNet, and it lets producers write straight into
    their slice of the output.

    ```mlir
    %c = cnn.concat %a, %b : (tensor<1x64x28x28xi8>, tensor<1x32x28x28xi8>)
        -> tensor<1x96x28x28xi8>
    ```
  }];
  let arguments = !con((ins Variadic<Cnn_FeatureMap>:$inputs), Cnn_LayerName);
  let results = (outs Cnn_FeatureMap:$output);
  let assemblyFormat = [{
    $inputs attr-dict `:` functional-type($inputs, results)
  }];
}

def Cnn_SelectChannelsOp : Cnn_LayerOp<"select_channels", [
    DeclareOpInterfaceMethods<Cnn_CopyLayerOpInterface>]> {
  let summary = "A copy of chosen input channels, in a chosen order";
  let description = [{
    Output channel `k` is input channel `channels[k]` (required, each in
    `[0, C)`; repeats allowed); rows, columns and element type are the
    input's. It is what ONNX's Split and Slice on channels and a channel
    shuffle (ShuffleNet's Reshape, Transpose, Reshape) become. Only the
    selected channels are read.

    ```mlir
    // A channel shuffle of two groups of two channels.
    %s = cnn.select_channels %x {channels = array<i64: 0, 2, 1, 3>}
        : tensor<1x4x28x28xi8> -> tensor<1x4x28x28xi8>
    ```
  }];
  let arguments = !con((ins Cnn_FeatureMap:$input,
      DenseI64ArrayAttr:$channels),
    Cnn_LayerName);
  let results = (outs Cnn_FeatureMap:$output);
  let assemblyFormat = [{
    $input attr-dict `:` type($input) `->` type($output)
  }];
}

def Cnn_PadOp : Cnn_LayerOp<"pad"> {
  let summary = "Constant spatial padding";
  let description = [{
    Adds `padding` (`[top, bottom, left, right]`, required, each >= 0) rows
    and columns holding `value` (default 0.0) around every channel. For
    integer element types `value` is an integer that fits the type's bits,
    read as signed or unsigned (-128 to 255 for `i8`); for float types any
    value, infinities included, is allowed.

    ```mlir
    %p = cnn.pad %x {padding = array<i64: 0, 1, 0, 1>}
        : tensor<1x32x112x112xi8> -> tensor<1x32x113x113xi8>
    ```
  }];
  let arguments = !con((ins Cnn_FeatureMap:$input,
      Cnn_PaddingAttr:$padding,
      DefaultValuedAttr<F64Attr, "0.0">:$value),
    Cnn_LayerName);
  let results = (outs Cnn_FeatureMap:$output);
  let assemblyFormat = [{
    $input attr-dict `:` type($input) `->` type($output)
  }];
}

def Cnn_ResizeOp : Cnn_LayerOp<"resize"> {
  let summary = "Up-sampling by an integer scale";
  let description = [{
    Scales rows by `scale[0]` and columns by `scale[1]` (`scale` is required,
    integers >= 1) with `mode` `nearest` (the default: output row `r` reads
    input row `floor(r / scale[0])`) or `bilinear` interpolation (half-pixel
    centres, edges clamped). The output is `1xCx(H*scale[0])x(W*scale[1])`.

    ```mlir
    %u = cnn.resize %x {scale = array<i64: 2, 2>, mode = #cnn.resize_mode<bilinear>}
        : tensor<1x256x13x13xf16> -> tensor<1x256x26x26xf16>
    ```
  }];
  let arguments = !con((ins Cnn_FeatureMap:$input,
      Cnn_RowsColsAttr:$scale,
      DefaultValuedAttr<Cnn_ResizeModeAttr, "::mlir::cnn::ResizeMode::nearest">:$mode),
    Cnn_LayerName);
  let results = (outs Cnn_FeatureMap:$output);
  let assemblyFormat = [{
    $input attr-dict `:` type($input) `->` type($output)
  }];
}

def Cnn_DepthToSpaceOp : Cnn_LayerOp<"depth_to_space", [
    DeclareOpInterfaceMethods<Cnn_CopyLayerOpInterface>]> {
  let summary = "Channels rearranged into blocks of rows and columns";
  let description = [{
    With block `b` (required, >= 1) and `C` output channels, output element
    `(c, h*b + i, w*b + j)` is input element `(k, h, w)` where `k` is
    `(i*b + j)*C + c` in mode `dcr` (the default, ONNX's DepthToSpace) or
    `c*b*b + i*b + j` in mode `crd` (PyTorch's pixel shuffle). The input
    has `C*b*b` channels; the output is `1xCx(H*b)x(W*b)`. A transposed
    convolution of stride `b` is a convolution followed by it.

    ```mlir
    %y = cnn.depth_to_space %x {block = 2, mode = #cnn.depth_to_space_mode<crd>}
        : tensor<1x64x28x28xi8> -> tensor<1x16x56x56xi8>
    ```
  }];
  let arguments = !con((ins Cnn_FeatureMap:$input, I64Attr:$block,
      DefaultValuedAttr<Cnn_DepthToSpaceModeAttr,
                        "::mlir::cnn::DepthToSpaceMode::dcr">:$mode),
    Cnn_LayerName);
  let results = (outs Cnn_FeatureMap:$output);
  let assemblyFormat = [{
    $input attr-dict `:` type($input) `->` type($output)
  }];
}

def Cnn_SoftmaxOp : Cnn_LayerOp<"softmax", [SameOperandsAndResultType]> {
  let summary = "Softmax over the channel axis";
  let description = [{
    Normalises each pixel's channels to probabilities:
    `output[c][h][w] = exp(input[c][h][w]) / sum_k exp(input[k][h][w])`.

    ```mlir
    %p = cnn.softmax %logits : tensor<1x1000x1x1xf32>
    ```
  }];
  let arguments = !con((ins Cnn_FeatureMap:$input), Cnn_LayerName);
  let results = (outs Cnn_FeatureMap:$output);
  let assemblyFormat = "$input attr-dict `:` type($output)";
}

//===----------------------------------------------------------------------===//
// Fusion groups
//===----------------------------------------------------------------------===//

// Not IsolatedFromAbove: the layers read the group's inputs and weights
// from the enclosing scope, so forming a group moves layers without
// rewriting a single operand. The region branch interface tells control-
// and data-flow analyses that the body runs once and yields the results.
def Cnn_FusionGroupOp : Cnn_Op<"fusion_group", [
    SingleBlock, RecursiveMemoryEffects,
    DeclareOpInterfaceMethods<RegionBranchOpInterface>]> {
  let summary = "Layers merged so that their intermediate feature maps stay on chip";
  let description = [{
    A fusion group runs several layers as one unit: the feature maps they
    pass to each other never leave the local memory (SRAM), so that only the
    group's inputs, its weights and the tensors that leave it cross DRAM.
    Groups are created by the planning passes (`--merge-layers`), which
    choose them to minimise DRAM traffic under the SRAM size; the cost of a
    group is defined in section 2 of the cost model.

    The body is a single block: the group's layers in execution order
    (a topological order), optionally `cnn.weight` ops, and a `cnn.yield`.
    It has no block arguments: the layers read the group's input feature
    maps and weights directly from the enclosing scope, as the body of
    `scf.execute_region` does. The results are the yielded tensors, which
    are exactly the tensors produced in the group that a layer outside it
    reads or that the network returns; every other tensor of the group
    exists only on chip. Each yielded value is the result of a layer of the
    group, and each appears once.

    `mode` says how the group runs:

    * `rows`: merging in the X/Y domain. The weights of all layers stay
      resident in SRAM while the feature maps stream through line buffers,
      row by row: each step computes one more output row of the last layer,
      and every other tensor of the group just as many rows as that step
      needs.
    * `resident`: the layers run one after another, every feature map is
      kept whole in SRAM from its production until its last reader in the
      group has run, and the weights stream through once. This wins where
      feature maps are small and weights large, as in the late layers of
      MobileNet.

    DRAM traffic is the same in both modes; they differ in the SRAM they
    need. The remaining attributes record the plan:

    * `sram_bytes`: the SRAM the group needs in its mode;
    * `weight_bytes`: the bytes of the group's weights (compressed size where
      annotated), resident in mode `rows`, streamed in mode `resident`;
    * `strip_width` (optional, mode `rows`): the group runs in width strips
      of this many columns of its last layer's output (`--merge-layers`
      option `width-strips`); without it, at its whole width;
    * `keep_halo` (optional, with `strip_width`): each strip takes the
      columns of the group's inputs that the strip before it also read
      from a column cache per input (the cache's rows are the input's
      height), instead of reading them again from DRAM; its cache is a
      second `buffers` entry of the input;
    * `buffers` (default empty): one `#cnn.line_buffer` per tensor that has a
      line buffer (mode `rows`) or is kept whole (mode `resident`), naming
      the tensor and giving its rows and bytes;
    * `name` (optional): the group's name in reports.

    Two 3x3 convolutions merged in mode `rows`; only `conv2` leaves the
    group, while `conv1` lives in a 3-row line buffer:

    ```mlir
    %0 = cnn.fusion_group {mode = #cnn.fusion_mode<rows>, sram_bytes = 4864,
        weight_bytes = 3456, buffers = [
          #cnn.line_buffer<tensor = "x", rows = 3, bytes = 384>,
          #cnn.line_buffer<tensor = "conv1", rows = 3, bytes = 768>,
          #cnn.line_buffer<tensor = "conv2", rows = 1, bytes = 256>]}
        -> tensor<1x16x16x16xi8> {
      %conv1 = cnn.conv2d %x, %w1 {name = "conv1", padding = array<i64: 1, 1, 1, 1>}
          : (tensor<1x8x16x16xi8>, tensor<16x8x3x3xi8>) -> tensor<1x16x16x16xi8>
      %conv2 = cnn.conv2d %conv1, %w2 {name = "conv2", padding = array<i64: 1, 1, 1, 1>}
          : (tensor<1x16x16x16xi8>, tensor<16x16x3x3xi8>) -> tensor<1x16x16x16xi8>
      cnn.yield %conv2 : tensor<1x16x16x16xi8>
    }
    ```

    A group with several results binds them as `%0:2 = cnn.fusion_group ...
    -> (tensor<...>, tensor<...>) { ... }`.
  }];
  let arguments = (ins
      Cnn_FusionModeAttr:$mode,
      Cnn_ByteCountAttr:$sram_bytes,
      Cnn_ByteCountAttr:$weight_bytes,
      OptionalAttr<Cnn_ByteCountAttr>:$strip_width,
      UnitAttr:$keep_halo,
      DefaultValuedAttr<Cnn_LineBufferArrayAttr, "{}">:$buffers,
      OptionalAttr<Cnn_GroupNameAttr>:$name);
  let results = (outs Variadic<Cnn_FeatureMap>:$results);
  let regions = (region SizedRegion<1>:$body);
  // Custom so that the plan prints in a fixed order (mode first) and the
  // byte counts without their `: i64`; it parses as an attribute dictionary.
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
  let hasRegionVerifier = 1;
  let extraClassDeclaration = [{
    /// The body's only block. (`getBody()` is the region; it hides the
    /// `getBody()` of SingleBlock.)
    ::mlir::Block &getBodyBlock() { return getBody().front(); }

    /// The layers of the group in execution order (the order of the body).
    ::llvm::SmallVector<::mlir::Operation *> getLayers();

    /// The terminator, whose operands are the tensors that leave the group.
    YieldOp getYield();

    /// The entries of `buffers`.
    auto getLineBuffers() {
      return getBuffers().getAsRange<::mlir::cnn::LineBufferAttr>();
    }
  }];
}

def Cnn_YieldOp : Cnn_Op<"yield", [
    Pure, ReturnLike, Terminator, HasParent<"FusionGroupOp">]> {
  let summary = "The tensors that leave a fusion group";
  let description = [{
    Terminates the body of a `cnn.fusion_group`. Its operands become the
    group's results, in order; each is the result of a layer of the group.

    ```mlir
    cnn.yield %conv2, %add : tensor<1x16x8x8xi8>, tensor<1x16x8x8xi8>
    ```
  }];
  let arguments = (ins Variadic<Cnn_FeatureMap>:$values);
  let assemblyFormat = "($values^ `:` type($values))? attr-dict";
}

#endif // CNN_DIALECT_CNN_IR_CNNOPS_TD
