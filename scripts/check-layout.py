#!/usr/bin/python3
"""Checks the layout rules of docs/AddingLayersAndModes.md and style.md.

    scripts/check-layout.py [ROOT]

* No switch on the layer kind outside the ops' own files and the importers:
  a file under lib/ outside lib/Dialect/Cnn/IR, lib/Conversion, lib/Target
  and lib/Zoo names at most two layer op classes (the classes are read from
  the ODS definitions, so a new layer kind is counted without editing this
  script).
* Small files: no file under lib/ has more than 800 lines.
* Small functions: no function under lib/ has more than 120 lines (from the
  first line of its signature to its closing brace; lambdas count toward
  their function).

Prints one line per violation and a summary; exits 1 on any violation.
"""
import os
import re
import sys

MAX_FILE_LINES = 800
MAX_FUNCTION_LINES = 120
MAX_LAYER_CLASSES = 2
OWN_FILES = ("lib/Dialect/Cnn/IR/", "lib/Conversion/", "lib/Target/",
             "lib/Zoo/")


def layer_classes(root):
    """The C++ class of every layer op defined in CnnOps.td."""
    td = open(os.path.join(root, "include/cnn/Dialect/Cnn/IR/CnnOps.td")).read()
    bases = {"Cnn_LayerOp", "Cnn_ElementwiseLayerOp"}
    # Classes deriving (through other classes) from a layer base.
    for name, base in re.findall(r"^class (\w+)<[^>]*>\s*:\s*(\w+)<", td, re.M):
        if base in bases:
            bases.add(name)
    defs = re.findall(r"^def Cnn_(\w+)\s*:\s*(\w+)<", td, re.M)
    return sorted(name for name, base in defs if base in bases)


def strip(src):
    """The source with comments, literals and preprocessor lines blanked,
    lines kept."""
    out, i, n = [], 0, len(src)
    while i < n:
        if src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif src.startswith("/*", i):
            j = src.find("*/", i) + 2
            out.append(re.sub(r"[^\n]", " ", src[i:j]))
            i = j
        elif src[i] in "\"'":
            quote, j = src[i], i + 1
            while src[j] != quote:
                j += 2 if src[j] == "\\" else 1
            out.append(quote + " " * (j - i - 1) + quote)
            i = j + 1
        else:
            out.append(src[i])
            i += 1
    return re.sub(r"^[ \t]*#[^\n]*", lambda m: " " * len(m.group(0)),
                  "".join(out), flags=re.M)


def functions(src):
    """(lines, first line) of every function body in C++ source `src`."""
    src = strip(src)
    found, stack = [], []
    for i, c in enumerate(src):
        if c == "{":
            if any(kind == "func" or kind == "inner" for kind, _ in stack):
                stack.append(("inner", i))
                continue
            k = i - 1
            while k >= 0 and src[k] not in ";{}":
                k -= 1
            head = src[k + 1:i].strip()
            if (not head or head.endswith("=") or
                    re.match(r"^(template\s*<[^>]*>\s*)?"
                             r"(class|struct|union|enum|namespace|extern)\b",
                             head)):
                stack.append(("scope", i))
            elif ")" in head:
                start = k + 1 + (len(src[k + 1:i]) - len(src[k + 1:i].lstrip()))
                stack.append(("func", start))
            else:
                stack.append(("init", i))
        elif c == "}" and stack:
            kind, start = stack.pop()
            if kind == "func":
                first = src.count("\n", 0, start) + 1
                last = src.count("\n", 0, i) + 1
                found.append((last - first + 1, first))
    return found


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
        os.path.dirname(os.path.abspath(__file__)))
    classes = layer_classes(root)
    pattern = re.compile(r"\b(" + "|".join(classes) + r")\b")
    problems, files = [], 0
    for dirpath, _, names in sorted(os.walk(os.path.join(root, "lib"))):
        for name in sorted(names):
            if not name.endswith((".cpp", ".h")):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            text = open(path).read()
            files += 1
            lines = text.count("\n")
            if lines > MAX_FILE_LINES:
                problems.append(f"{rel}: {lines} lines (at most "
                                f"{MAX_FILE_LINES})")
            named = sorted(set(pattern.findall(strip(text))))
            if len(named) > MAX_LAYER_CLASSES and not rel.startswith(OWN_FILES):
                problems.append(f"{rel}: names {len(named)} layer op classes "
                                f"({', '.join(named)}); ask the layer "
                                "interfaces instead")
            if name.endswith(".cpp"):
                for length, first in functions(text):
                    if length > MAX_FUNCTION_LINES:
                        problems.append(f"{rel}:{first}: a function of "
                                        f"{length} lines (at most "
                                        f"{MAX_FUNCTION_LINES})")
    for p in problems:
        print(p)
    print(f"{files} files, {len(classes)} layer op classes: "
          f"{len(problems)} violations")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
