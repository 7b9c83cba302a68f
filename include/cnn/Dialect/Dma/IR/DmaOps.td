//===- DmaOps.td - Types and operations of the dma dialect -*- tablegen -*-===//
//
// Blocking and asynchronous transfers between DRAM and SRAM memrefs, the
// token of an asynchronous transfer and the wait for it.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_DIALECT_DMA_IR_DMAOPS_TD
#define CNN_DIALECT_DMA_IR_DMAOPS_TD

include "cnn/Dialect/Dma/IR/DmaDialect.td"
include "cnn/Dialect/Dma/IR/DmaInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/IR/OpBase.td"

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

def Dma_TokenType : Dma_Type<"Token", "token"> {
  let summary = "Completion token of an asynchronous transfer";
  let description = [{
    The value an asynchronous transfer (`dma.load_async`, `dma.store_async`)
    returns. `dma.wait` on the token blocks until the transfer is complete;
    until then the transfer's target must not be read and its source must
    not be written.

    ```mlir
    %t = dma.load_async %src, %buf {kind = "weights"}
        : memref<16x3x3x3xi8>, memref<16x3x3x3xi8, 1> -> !dma.token
    ```
  }];
}

//===----------------------------------------------------------------------===//
// Transfers
//===----------------------------------------------------------------------===//

// The `kind` of every transfer: which tensor of the layer it moves. The
// value is checked by the transfer interface's verifier.
def Dma_KindAttr : StringBasedAttr<StrAttrPred,
    "which tensor of the layer a transfer moves: \"input\", \"weights\" or "
    "\"output\"">;

class Dma_TransferOp<string mnemonic, bit load, bit async,
                     list<Trait> traits = []>
    : Dma_Op<mnemonic, !listconcat(traits, [
        Dma_TransferOpInterface])> {
  // Loads read DRAM and write SRAM; stores the reverse.
  let arguments = (ins
    Arg<AnyMemRef, !if(load, "the DRAM region read",
                            "the SRAM buffer read"), [MemRead]>:$source,
    Arg<AnyMemRef, !if(load, "the SRAM buffer written",
                            "the DRAM region written"), [MemWrite]>:$target,
    Dma_KindAttr:$kind);

  let results = !if(async, (outs Dma_TokenType:$token), (outs));

  let assemblyFormat = !if(async,
    "$source `,` $target attr-dict `:` type($source) `,` type($target) "
    "`->` type($token)",
    "$source `,` $target attr-dict `:` type($source) `,` type($target)");

  let builders = !if(async, [
    OpBuilder<(ins "::mlir::Value":$source, "::mlir::Value":$target,
                   "::llvm::StringRef":$kind), [{
      build($_builder, $_state, TokenType::get($_builder.getContext()),
            source, target, kind);
    }]>], []);

  code extraTransferDeclaration = !if(load, [{
    /// Loads read DRAM and write SRAM.
    bool isLoad() { return true; }
  }], [{
    /// Stores read SRAM and write DRAM.
    bool isLoad() { return false; }
  }]);
  let extraClassDeclaration = extraTransferDeclaration;
}

def Dma_LoadOp : Dma_TransferOp<"load", /*load=*/1, /*async=*/0> {
  let summary = "Copy a region of DRAM into an SRAM buffer";
  let description = [{
    Copies every element of `source`, a memref outside the SRAM memory space
    (normally the default space: DRAM), into `target`, a memref in SRAM
    memory space 1, and returns when the copy is complete. The source is
    usually a `memref.subview` of a DRAM tensor, with a strided layout; the
    target a buffer carved from the SRAM arena, or a subview of one.

    Both memrefs have the same element type, the same rank and the same
    sizes; a size may be dynamic on either side, in which case the sizes
    must agree at run time. `kind` says which tensor of the layer the
    transfer moves: `"input"`, `"weights"` or `"output"`.

    ```mlir
    dma.load %a, %b {kind = "input"}
        : memref<4x8xi8, strided<[64, 1], offset: ?>>, memref<4x8xi8, 1>
    ```
  }];
}

def Dma_StoreOp : Dma_TransferOp<"store", /*load=*/0, /*async=*/0> {
  let summary = "Copy an SRAM buffer to a region of DRAM";
  let description = [{
    Copies every element of `source`, a memref in SRAM memory space 1, into
    `target`, a memref outside it (normally a `memref.subview` of a DRAM
    tensor), and returns when the copy is complete. The operands obey the
    same rules as those of `dma.load`, with the roles swapped.

    ```mlir
    dma.store %b, %a {kind = "output"}
        : memref<4x8xi8, 1>, memref<4x8xi8, strided<[64, 1], offset: ?>>
    ```
  }];
}

def Dma_LoadAsyncOp : Dma_TransferOp<"load_async", /*load=*/1, /*async=*/1> {
  let summary = "Start copying a region of DRAM into an SRAM buffer";
  let description = [{
    Starts the copy that `dma.load` performs and returns a `!dma.token`
    at once. The copy runs in the background until a `dma.wait` on the
    token; until then the target must not be read and the source must not
    be written. This is how double buffering overlaps the transfer of the
    next tile with the computation on the current one.

    ```mlir
    %t = dma.load_async %a, %b {kind = "weights"}
        : memref<4x8xi8, strided<[64, 1], offset: ?>>, memref<4x8xi8, 1> -> !dma.token
    dma.wait %t : !dma.token
    ```
  }];
}

def Dma_StoreAsyncOp : Dma_TransferOp<"store_async", /*load=*/0, /*async=*/1> {
  let summary = "Start copying an SRAM buffer to a region of DRAM";
  let description = [{
    Starts the copy that `dma.store` performs and returns a `!dma.token`
    at once. Until a `dma.wait` on the token, the source must not be written
    and the target must not be read.

    ```mlir
    %t = dma.store_async %b, %a {kind = "output"}
        : memref<4x8xi8, 1>, memref<4x8xi8, strided<[64, 1], offset: ?>> -> !dma.token
    ```
  }];
}

//===----------------------------------------------------------------------===//
// Weight decoding
//===----------------------------------------------------------------------===//

def Dma_DecodeOp : Dma_Op<"decode"> {
  let summary = "Decode coded weights loaded into SRAM";
  let description = [{
    Decodes the weights of `target`'s output channels (its dimension 0)
    from `source`: bytes in SRAM holding exactly those channels, coded with
    `scheme` one after the other, each channel a run of whole bytes
    (`"zrl-rice"`, include/cnn/Analysis/WeightCodec.h). The weights were
    loaded compressed with `dma.load`, so DRAM traffic counts the coded
    bytes.

    `target` is outside SRAM: a hardware backend replaces the op with its
    weight decoder, which streams the decoded weights into the MAC array
    (like the accumulators, they take no SRAM). On the CPU,
    `--dma-to-memref` calls the project's decoder
    (`cnn_zrl_rice_decode_<type>` in the `cnn_runtime` library).

    ```mlir
    dma.decode %coded, %w {scheme = "zrl-rice"}
        : memref<52xi8, strided<[1]>, 1>, memref<4x8x3x3xi8>
    ```
  }];
  let arguments = (ins
    Arg<AnyMemRef, "the coded bytes, in SRAM", [MemRead]>:$source,
    Arg<AnyMemRef, "the decoded weights", [MemWrite]>:$target,
    StrAttr:$scheme);
  let assemblyFormat =
      "$source `,` $target attr-dict `:` type($source) `,` type($target)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Synchronisation
//===----------------------------------------------------------------------===//

def Dma_WaitOp : Dma_Op<"wait", [
    MemoryEffects<[MemRead, MemWrite]>]> {
  let summary = "Wait for asynchronous transfers to complete";
  let description = [{
    Blocks until every transfer whose token is an operand has completed:
    afterwards their targets hold the copied data and their sources may be
    written again. There is at least one token.

    The op reads and writes memory as far as other ops are concerned, so
    that no access to a transfer's buffers moves across it.

    ```mlir
    dma.wait %t0, %t1 : !dma.token, !dma.token
    ```
  }];
  let arguments = (ins Variadic<Dma_TokenType>:$tokens);
  let assemblyFormat = "$tokens attr-dict `:` type($tokens)";
  let hasVerifier = 1;
}

#endif // CNN_DIALECT_DMA_IR_DMAOPS_TD
