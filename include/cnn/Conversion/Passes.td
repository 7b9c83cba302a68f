//===- Passes.td - Conversion passes of cnn-opt ------------*- tablegen -*-===//

#ifndef CNN_CONVERSION_PASSES_TD
#define CNN_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def CnnToLinalg : Pass<"cnn-to-linalg", "::mlir::ModuleOp"> {
  let summary = "Lower the cnn dialect to linalg on tensors (untiled reference)";
  let description = [{
    The reference lowering: every layer becomes one computation over the
    whole feature map, with exactly the arithmetic of `docs/Semantics.md`,
    so that the result of a tiled program can be compared with it.

    * `cnn.conv2d`: `tensor.pad` with zeros, then
      `linalg.conv_2d_nchw_fchw` (`groups = 1`),
      `linalg.depthwise_conv_2d_nchw_chw` (one output channel per input
      channel; the `Cx1xRxS` weight collapsed to `CxRxS`) or
      `linalg.conv_2d_ngchw_gfchw` (other groups; input, weight and output
      reshaped to expose the group);
    * `cnn.fully_connected`: the flattened input times the weight,
      `linalg.matvec`;
    * `cnn.max_pool`: `tensor.pad` with the smallest value of the type
      (`-inf` for floats), `linalg.pooling_nchw_max`;
    * `cnn.avg_pool`, `cnn.global_avg_pool`: `linalg.pooling_nchw_sum` over
      the zero-padded input, divided by the number of valid (unpadded)
      elements of each window;
    * `cnn.add`, `cnn.activation`, `cnn.resize` (`nearest`) and
      `cnn.softmax`: `linalg.generic` (an integer softmax computes in f32
      and scales the probabilities to the type's maximum);
    * `cnn.concat`: `tensor.insert_slice` into a `tensor.empty`;
      `cnn.pad`: `tensor.pad`;
    * `cnn.weight` with values: `arith.constant`; `cnn.fusion_group`: its
      body is inlined.

    Integer layers accumulate in i32 (operands sign-extended), add the bias,
    shift right arithmetically by `ceil(log2(K)) + 4` (`K` products per
    output; capped at 31, a defined shift of an i32), saturate to the element type and apply the activation; this
    epilogue is one `linalg.generic`. Discardable `cnn.*` attributes
    (`cnn.target` on the module, plan annotations) are dropped, so the
    result reads with upstream tools only.

    The lowering needs the weights' values: a layer reading a shape-only
    weight is an error (generate the model with `cnn-zoo --random-weights`),
    as is a bilinear resize.

    The result bufferizes and runs with upstream passes only;
    `scripts/run-mlir.sh` runs a module that has a `main`:

    ```
    cnn-opt --cnn-to-linalg m.mlir | scripts/run-mlir.sh -
    ```
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect", "::mlir::tensor::TensorDialect"
  ];
}

def TosaToCnn : Pass<"tosa-to-cnn", "::mlir::ModuleOp"> {
  let summary = "Import a TOSA network (NHWC) as cnn layers (NCHW)";
  let description = [{
    Converts the TOSA ops of CNN inference, as TFLite/TensorFlow and NCHW
    frameworks' exporters emit them, into cnn layers of the same shapes and
    weights, so that an exported network can be planned like a zoo network:

    ```
    cnn-opt --tosa-to-cnn net.tosa.mlir --cnn-footprint-report -o /dev/null
    ```

    **Layout.** TOSA feature maps are NHWC, cnn feature maps NCHW of batch
    1. Every static `tensor<1xHxWxCxT>` becomes `tensor<1xCxHxWxT>`, and the
    flattened `tensor<1xKxT>` / `tensor<1x1xKxT>` of a classifier become
    `tensor<1xKx1x1xT>`. The function signatures change accordingly: a
    function that takes `tensor<1x224x224x3xi8>` and returns
    `tensor<1x1000xi8>` takes `tensor<1x3x224x224xi8>` and returns
    `tensor<1x1000x1x1xi8>`. An argument that is read only through
    `tosa.transpose {perms = [0, 2, 3, 1]}` (NCHW to NHWC) is NCHW already
    and keeps its type, as does a result that `perms = [0, 3, 1, 2]`
    produces; these transposes disappear. Inside a function, transposes are
    moved after `tosa.clamp`, `tosa.add` and `tosa.concat` so that the
    inverse pairs NCHW exporters put around each layer meet and cancel; any
    other transpose of a feature map is an error. `tosa.reshape` is
    accepted where it keeps the NCHW order of the data (`1x1x1xC` to `1xC`)
    and where it flattens the input of a fully connected layer. Calls
    between functions are rejected, since their signatures change.

    **Layers.** Padding keeps its order (`pad` is `[top, bottom, left,
    right]` in both dialects), `stride` and `dilation` become `strides` and
    `dilation`, and a `NameLoc` location becomes the layer's `name`.

    * `tosa.conv2d` -> `cnn.conv2d`, the OHWI weight transposed to OIHW; a
      1x1 `tosa.conv2d` whose input a `tosa.reshape` flattened to
      `1x1x1xK` (TensorFlow's fully connected) -> `cnn.fully_connected`;
    * `tosa.depthwise_conv2d` -> `cnn.conv2d` with `groups = C`, the
      `[KH, KW, C, M]` weight (channel multiplier `M`) becoming
      `[C*M, 1, KH, KW]`;
    * `tosa.matmul` of a (flattened) feature map by a constant `[1, K, M]`,
      and the `tosa.add` of a constant bias that follows it ->
      `cnn.fully_connected` with an `[M, K]` weight and an `[M]` bias. cnn
      flattens in C, H, W order: when the map was flattened in TOSA's H, W,
      C order with `H*W > 1`, the weight columns are reordered;
    * `tosa.max_pool2d` -> `cnn.max_pool`; `tosa.avg_pool2d` ->
      `cnn.avg_pool`, or `cnn.global_avg_pool` when the window covers the
      whole unpadded map; `tosa.reduce_sum` over H and W followed by
      `tosa.mul` by `1/(H*W)` (float) or by a `tosa.rescale` (integer) ->
      `cnn.global_avg_pool`;
    * `tosa.add` of two feature maps of one type -> `cnn.add`;
      `tosa.concat` on the channel axis (3) -> `cnn.concat`; `tosa.pad` of
      H and W -> `cnn.pad`; `tosa.resize` by integer factors ->
      `cnn.resize`, `NEAREST_NEIGHBOR` when its offsets make it read input
      row `floor(r / scale)` (checked for every output row and column),
      `BILINEAR` on floats when its offsets give half-pixel centres;
    * the float softmax as exporters write it (`tosa.reduce_max`,
      `tosa.sub`, `tosa.exp`, `tosa.reduce_sum`, `tosa.reciprocal`,
      `tosa.mul` over the channels) -> `cnn.softmax`;
    * `tosa.clamp` -> the activation of the `cnn.conv2d`,
      `cnn.fully_connected` or `cnn.add` that produces its input when that
      layer has none and nothing else reads it, else `cnn.activation`.
      `[0, max]` is relu and `[0, 6]` relu6. On integers the lower bound is
      the output zero point of the `tosa.rescale` before the clamp (0
      without one): `[zp, type maximum]` is relu and `[zp, q]` with a
      smaller `q` (the quantized 6) relu6. A clamp that covers the whole
      type otherwise is dropped; any other clamp is an error;
    * `tosa.const` -> `cnn.weight` with the values, transposed as above (a
      splat stays a splat); a `dense_resource` whose blob is elided gives a
      shape-only `cnn.weight`. A bias that is a zero splat is dropped: it
      is how exporters write a layer without bias;
    * `tosa.identity` is removed.

    **Quantized (int8) networks.** The integer arithmetic of cnn layers has
    one fixed requantization (`docs/Semantics.md`), not the scales and zero
    points of the exporter. Zero points (the `*_zp` operands) are dropped.
    The `tosa.rescale` after an integer `tosa.conv2d`,
    `tosa.depthwise_conv2d` or `tosa.matmul` (i32 accumulator to i8) is
    absorbed into the layer; `tosa.add` of two maps rescaled to i32,
    followed by a rescale back, becomes one `cnn.add`; a rescale of a map
    to its own type disappears. Their multipliers and shifts are dropped:
    only the data movement and the shapes are kept. The pad value of
    `tosa.pad` is kept as it is (exporters pad with the zero point).

    **Errors.** An op that cannot be converted is an error that names it
    and says why, and the pass fails; with `opaque-unsupported` it is kept
    instead, with a warning, between transposes that give it its NHWC
    operands. Not supported: element types other than i8, i16, f16 and f32;
    i16 layers with weights (TOSA gives them i8 weights and i48 biases, a
    cnn layer has one element type and i32 biases); batch > 1 and dynamic
    shapes; grouped convolutions, which TOSA spells with `tosa.slice`;
    `tosa.transpose_conv2d`, `tosa.conv3d`; integer bilinear resizes; the
    int8 softmax (a table lookup); element-wise ops outside the chains
    above.
  }];
  let options = [
    Option<"opaqueUnsupported", "opaque-unsupported", "bool",
           /*default=*/"false",
           "Keep the TOSA ops that have no cnn equivalent, with a warning, "
           "instead of failing: they read and produce NHWC values, "
           "connected to the cnn layers by tosa.transpose and tosa.reshape">
  ];
  let dependentDialects = [
    "::mlir::cnn::CnnDialect", "::mlir::tosa::TosaDialect"
  ];
}

#endif // CNN_CONVERSION_PASSES_TD
