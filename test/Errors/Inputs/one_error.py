"""Runs a tool on bad input and checks what a user must get back.

Usage: one_error.py OUTPUT_FILE -- COMMAND...

The command must exit non-zero (not by a signal), print exactly one
diagnostic -- one line with "error:" (notes may follow it), or, from the
drivers' own file and option handling, which print no "error:" label, one
line of standard error besides "Did you mean" hints -- and leave
OUTPUT_FILE absent. Prints "exit N" and the diagnostic for FileCheck.
"""
import os
import subprocess
import sys


def main():
    out = sys.argv[1]
    assert sys.argv[2] == "--"
    cmd = sys.argv[3:]
    if os.path.exists(out):
        os.remove(out)
    p = subprocess.run(cmd, capture_output=True, text=True)
    text = p.stdout + p.stderr
    errors = [l for l in text.splitlines() if "error:" in l]
    if not errors:
        errors = [l for l in p.stderr.splitlines()
                  if l.strip() and "Did you mean" not in l]
    problems = []
    if p.returncode <= 0:
        problems.append(f"exit code {p.returncode}")
    if len(errors) != 1:
        problems.append(f"{len(errors)} error lines")
    if os.path.exists(out):
        problems.append(f"{out} was written")
    if "Sanitizer" in text or "Stack dump" in text:
        problems.append("crashed")
    print(f"exit {p.returncode}")
    for e in errors:
        print(e)
    if problems:
        print("PROBLEM: " + "; ".join(problems))
        print(text[-3000:])
        sys.exit(1)


main()
