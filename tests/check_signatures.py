#!/usr/bin/env python3
"""Fails when a function exported in capi/iro.h is missing from the Python or C# binding, or is declared
there with a different number of parameters (or a binding declares a function iro.h does not have).

Usage: check_signatures.py IRO_H PYTHON_NATIVE_PY CSHARP_NATIVE_METHODS_CS
"""
import ast
import re
import sys


def header_functions(path):
    """{name: parameter count} for every IRO_API function of iro.h."""
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)  # comments
    found = {}
    for match in re.finditer(r"IRO_API\s+[^;(]*?\b(iro_\w+)\s*\(([^)]*)\)\s*;", text, flags=re.S):
        name, params = match.group(1), " ".join(match.group(2).split())
        found[name] = 0 if params in ("", "void") else params.count(",") + 1
    return found


def python_functions(path):
    """{name: argtypes count} from the literal _SIGNATURES dict of the ctypes layer."""
    tree = ast.parse(open(path, encoding="utf-8").read(), path)
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, ast.Assign):
            targets = [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            targets = [node.target.id]
        if "_SIGNATURES" in targets and isinstance(node.value, ast.Dict):
            found = {}
            for key, value in zip(node.value.keys, node.value.values):
                if not (isinstance(key, ast.Constant) and isinstance(value, ast.Tuple) and len(value.elts) == 2
                        and isinstance(value.elts[1], ast.List)):
                    raise SystemExit(f"{path}: _SIGNATURES entry at line {key.lineno} is not "
                                     "'name': (restype, [argtypes])")
                found[key.value] = len(value.elts[1].elts)
            return found
    raise SystemExit(f"{path}: no literal _SIGNATURES dict")


def csharp_functions(path):
    """{name: parameter count} from one-line 'static extern ... iro_x(...);' declarations."""
    found = {}
    for line in open(path, encoding="utf-8"):
        match = re.search(r"\bstatic\s+extern\s+[\w\[\]*<>.]+\s+(iro_\w+)\s*\((.*)\)\s*;", line)
        if match:
            params = match.group(2).strip()
            # Commas inside attribute brackets ([MarshalAs(..., ...)]) are not parameter separators.
            params = re.sub(r"\[[^\]]*\]", "", params)
            found[match.group(1)] = 0 if not params else params.count(",") + 1
    return found


def compare(header, binding, label):
    problems = []
    for name, count in sorted(header.items()):
        if name not in binding:
            problems.append(f"{label}: {name} is missing")
        elif binding[name] != count:
            problems.append(f"{label}: {name} takes {binding[name]} parameters, iro.h says {count}")
    for name in sorted(set(binding) - set(header)):
        problems.append(f"{label}: {name} is not in iro.h")
    return problems


def main(argv):
    if len(argv) != 4:
        raise SystemExit(__doc__)
    header = header_functions(argv[1])
    if len(header) < 10:
        raise SystemExit(f"only {len(header)} functions found in {argv[1]}: the parser is broken")
    problems = compare(header, python_functions(argv[2]), "Python") + compare(
        header, csharp_functions(argv[3]), "C#")
    for p in problems:
        print(p)
    print(f"{len(header)} functions in iro.h; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
