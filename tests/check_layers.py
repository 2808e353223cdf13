#!/usr/bin/env python3
"""Fails when a lower layer of iro includes a higher one (docs/architecture.md).

The layers, lowest first: core, model, rules, data, report (include/iro/LAYER/ and src/LAYER/); above them
the tools (tools/), the C API (capi/) and the iro command (examples/iro/). A file may include its own
layer and the ones below it, never one above. include/iro/iro.hpp (everything) and the generated
iro_version.h are outside the layers.

Usage: check_layers.py ROOT          check the tree at ROOT
       check_layers.py --self-test   check that a planted upward include is caught
"""
import os
import re
import sys
import tempfile

LAYERS = ["core", "model", "rules", "data", "report"]
ABOVE = {"tools": len(LAYERS), "capi": len(LAYERS) + 1, "examples": len(LAYERS) + 2}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def rank_of_include(name):
    """The rank of what an include names, or None for a file outside the layers (iro.h, the standard...)."""
    parts = name.split("/")
    if len(parts) >= 3 and parts[0] == "iro" and parts[1] in LAYERS:
        return LAYERS.index(parts[1]), parts[1]
    if len(parts) >= 2 and parts[0] in LAYERS:  # an internal header of src/LAYER/
        return LAYERS.index(parts[0]), parts[0]
    if len(parts) >= 2 and parts[0] == "tools":
        return ABOVE["tools"], "tools"
    return None


def rank_of_file(root, path):
    """The rank of a source file by its folder, or None when it is outside the layers."""
    rel = os.path.relpath(path, root).split(os.sep)
    if rel[0] in ("include", "src"):
        folder = rel[2] if rel[0] == "include" and len(rel) > 3 else (rel[1] if rel[0] == "src" and len(rel) > 2 else None)
        if folder in LAYERS:
            return LAYERS.index(folder), folder
        return None
    if rel[0] == "tools":
        return ABOVE["tools"], "tools"
    return None


def check(root):
    """Every upward include under root, as messages."""
    problems = []
    files = 0
    for top in ("include", "src", "tools"):
        for folder, _, names in os.walk(os.path.join(root, top)):
            for name in names:
                if not name.endswith((".hpp", ".cpp", ".h")):
                    continue
                path = os.path.join(folder, name)
                mine = rank_of_file(root, path)
                if mine is None:
                    if top != "include" or name != "iro.hpp":
                        problems.append(f"{os.path.relpath(path, root)}: outside every layer (docs/architecture.md)")
                    continue
                files += 1
                with open(path, encoding="utf-8") as f:
                    text = f.read()
                for included in INCLUDE.findall(text):
                    theirs = rank_of_include(included)
                    if theirs is not None and theirs[0] > mine[0]:
                        problems.append(f"{os.path.relpath(path, root)} ({mine[1]}) includes \"{included}\" ({theirs[1]}), "
                                        f"a higher layer")
    return files, problems


def self_test():
    """A tree with one upward include (rules includes report) must fail; the same tree without it must pass."""
    with tempfile.TemporaryDirectory() as root:
        def write(rel, text):
            path = os.path.join(root, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        write("include/iro/core/date.hpp", "#include <string>\n")
        write("include/iro/report/report.hpp", '#include "iro/rules/schedule.hpp"\n')
        write("src/data/csv.hpp", '#include "iro/core/date.hpp"\n')
        write("include/iro/rules/schedule.hpp", '#include "iro/core/date.hpp"\n')
        _, clean = check(root)
        write("include/iro/rules/schedule.hpp", '#include "iro/report/report.hpp"\n')
        write("src/model/child.cpp", '#include "data/csv.hpp"\n')
        _, dirty = check(root)
    ok = not clean and len(dirty) == 2
    print("self-test:", "caught both upward includes" if ok else f"FAILED: clean={clean} dirty={dirty}")
    return 0 if ok else 1


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    root = argv[1] if len(argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    files, problems = check(root)
    for p in problems:
        print(p)
    print(f"{files} files in {len(LAYERS)} layers and tools: {len(problems)} upward includes")
    return 1 if problems or files == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
