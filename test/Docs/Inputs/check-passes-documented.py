#!/usr/bin/env python3
"""Fails unless every cnn-opt pass of this project has a section in Passes.md.

Usage: check-passes-documented.py <cnn-opt --help output> <docs/Passes.md>

A pass is a flag of `cnn-opt --help` that starts with one of PREFIXES; it is
documented when a Markdown heading of Passes.md names it (`### `--flag``).
"""

import re
import sys

PREFIXES = ("cnn-", "dma-", "tile-for-sram", "merge-layers",
            "annotate-weight-compression", "lower-to-dma", "tosa-to-cnn")
# Passes that must be found in the help text, so that a change of its
# layout cannot make the check pass vacuously.
EXPECTED = ("tile-for-sram", "merge-layers", "lower-to-dma",
            "cnn-traffic-report", "dma-traffic-report")


def main():
    help_path, doc_path = sys.argv[1], sys.argv[2]
    flag = re.compile(r"^\s*--(%s)[a-z0-9-]*" %
                      "|".join(re.escape(p) for p in PREFIXES))
    passes = []
    with open(help_path) as f:
        for line in f:
            m = flag.match(line)
            if m:
                name = m.group(0).strip()[2:]
                if name not in passes:
                    passes.append(name)
    missing_in_help = [p for p in EXPECTED if p not in passes]
    if missing_in_help:
        print("passes-documented: cannot find %s in the help text"
              % ", ".join("--" + p for p in missing_in_help))
        return 1

    with open(doc_path) as f:
        headings = [line for line in f if line.startswith("#")]
    undocumented = []
    for name in passes:
        named = re.compile(r"--%s(?![\w-])" % re.escape(name))
        if not any(named.search(h) for h in headings):
            undocumented.append(name)
    if undocumented:
        for name in undocumented:
            print("passes-documented: --%s has no section in %s"
                  % (name, doc_path))
        return 1
    print("passes-documented: ok, %d passes: %s"
          % (len(passes), " ".join("--" + p for p in sorted(passes))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
