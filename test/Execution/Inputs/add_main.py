"""Appends a `main` that runs a network on a fixed input and prints it.

Usage: add_main.py tensor|memref < module.mlir > module-with-main.mlir

The network is the module's first public function taking one feature map.
The input holds 9 * (((7c + 13h + 3w + 5) mod 29) - 14) (integers, within
+-126) or ((7c + 13h + 3w + 5) mod 29 - 14) / 8 (floats) at (c, h, w), so
every element differs from its neighbours;
the output is printed with printMemrefI32 (integers, widened) or
printMemrefF32.
"""
import re
import sys

PATTERN = re.compile(
    r"func\.func @(\w+)\(%\w+: (tensor|memref)<1x(\d+)x(\d+)x(\d+)x(\w+)>\) -> "
    r"(?:tensor|memref)<1x(\d+)x(\d+)x(\d+)x(\w+)>")


def main():
    mode = sys.argv[1]
    text = sys.stdin.read()
    # The plan's cnn.* annotations mean nothing to the upstream tools.
    text = re.sub(r' attributes \{[^{}]*cnn\.[^{}]*\}', '', text, count=1)
    text = re.sub(r' \{cnn\.layer = "[^"]*"(, cnn\.group = "[^"]*")?\}', '', text)
    m = PATTERN.search(text)
    if not m:
        sys.exit("add_main.py: no network function with one feature map")
    name = m.group(1)
    c, h, w, t = m.group(3), m.group(4), m.group(5), m.group(6)
    oc, oh, ow, ot = m.group(7), m.group(8), m.group(9), m.group(10)
    is_int = t.startswith("i")
    pt = "i32" if is_int else "f32"
    in_shape = f"1x{c}x{h}x{w}x{t}"
    out_shape = f"1x{oc}x{oh}x{ow}x{ot}"
    out_print = f"1x{oc}x{oh}x{ow}x{pt}"
    value = f"""
        %i1 = linalg.index 1 : index
        %i2 = linalg.index 2 : index
        %i3 = linalg.index 3 : index
        %c7 = arith.constant 7 : index
        %c13 = arith.constant 13 : index
        %c3 = arith.constant 3 : index
        %c5 = arith.constant 5 : index
        %c29 = arith.constant 29 : index
        %c14 = arith.constant 14 : index
        %a = arith.muli %i1, %c7 : index
        %b = arith.muli %i2, %c13 : index
        %d = arith.muli %i3, %c3 : index
        %s1 = arith.addi %a, %b : index
        %s2 = arith.addi %s1, %d : index
        %s3 = arith.addi %s2, %c5 : index
        %r = arith.remui %s3, %c29 : index
        %v = arith.subi %r, %c14 : index
        %v64 = arith.index_cast %v : index to i64
"""
    if is_int:
        value += (f"        %nine = arith.constant 9 : i64\n"
                  f"        %v9 = arith.muli %v64, %nine : i64\n"
                  f"        %e = arith.trunci %v9 : i64 to {t}\n")
    else:
        value += (f"        %vf = arith.sitofp %v64 : i64 to {t}\n"
                  f"        %eight = arith.constant 8.0 : {t}\n"
                  f"        %e = arith.divf %vf, %eight : {t}\n")
    widen = (f"arith.extsi %o : {ot} to i32" if is_int else
             ("arith.extf %o : f16 to f32" if ot == "f16" else None))
    gen = ("linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], "
           "iterator_types = [\"parallel\", \"parallel\", \"parallel\", \"parallel\"]}")
    gen2 = ("linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, "
            "affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], "
            "iterator_types = [\"parallel\", \"parallel\", \"parallel\", \"parallel\"]}")
    if mode == "tensor":
        body = f"""
    %empty = tensor.empty() : tensor<{in_shape}>
    %x = {gen} outs(%empty : tensor<{in_shape}>) {{
      ^bb0(%unused: {t}):
{value}        linalg.yield %e : {t}
    }} -> tensor<{in_shape}>
    %y = call @{name}(%x) : (tensor<{in_shape}>) -> tensor<{out_shape}>
    %pe = tensor.empty() : tensor<{out_print}>
    %p = {gen2} ins(%y : tensor<{out_shape}>) outs(%pe : tensor<{out_print}>) {{
      ^bb0(%o: {ot}, %unused: {pt}):
        {"%w = " + widen if widen else "%w = arith.addf %o, %o : f32"}
        {"linalg.yield %w : " + pt if widen else "%half = arith.constant 0.5 : f32"}
        {"" if widen else "%w2 = arith.mulf %w, %half : f32"}
        {"" if widen else "linalg.yield %w2 : f32"}
    }} -> tensor<{out_print}>
    %m = bufferization.to_buffer %p : tensor<{out_print}> to memref<{out_print}>
"""
    else:
        body = f"""
    %x = memref.alloc() : memref<{in_shape}>
    {gen} outs(%x : memref<{in_shape}>) {{
      ^bb0(%unused: {t}):
{value}        linalg.yield %e : {t}
    }}
    %y = call @{name}(%x) : (memref<{in_shape}>) -> memref<{out_shape}>
    %m = memref.alloc() : memref<{out_print}>
    {gen2} ins(%y : memref<{out_shape}>) outs(%m : memref<{out_print}>) {{
      ^bb0(%o: {ot}, %unused: {pt}):
        {"%w = " + widen if widen else "%w = arith.addf %o, %o : f32"}
        {"linalg.yield %w : " + pt if widen else "%half = arith.constant 0.5 : f32"}
        {"" if widen else "%w2 = arith.mulf %w, %half : f32"}
        {"" if widen else "linalg.yield %w2 : f32"}
    }}
"""
    printer = "printMemrefI32" if is_int else "printMemrefF32"
    main_fn = f"""
  func.func private @{printer}(memref<*x{pt}>)
  func.func @main() {{{body}
    %u = memref.cast %m : memref<{out_print}> to memref<*x{pt}>
    call @{printer}(%u) : (memref<*x{pt}>) -> ()
    return
  }}
}}
"""
    # Before the module's closing brace, and before a resource section
    # ({-# dialect_resources ... #-}) after it.
    resources = text.find("\n{-#")
    body, tail = (text, "") if resources < 0 else (text[:resources],
                                                    text[resources:])
    end = body.rstrip().rfind("}")
    sys.stdout.write(body[:end] + main_fn + tail)


if __name__ == "__main__":
    main()
