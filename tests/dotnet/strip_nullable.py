#!/usr/bin/env python3
"""Copies C# sources with their nullable annotations removed, for mono's mcs (C# 7: no '#nullable', no
'string?'). The wrapper is written for the .NET SDK with <Nullable>enable</Nullable>; mono stays a second
check of the same sources where no SDK is installed.

Removed: '#nullable' lines, and a '?' that annotates a reference type: right after 'string', 'object', a
class, interface or delegate declared in the sources given, an exception type, ']' (an array) or '>' (a
generic type), when followed by a space, ',', ')', '>' or ';'. 'int?', 'IroDate?' and the other value
types keep theirs; 'a?.b' and 'a ? b : c' are untouched. 'null!' becomes 'null'; the sources use '!' (the null-forgiving operator) nowhere else.

Usage: strip_nullable.py OUT_DIR SOURCE.cs...
"""
import os
import re
import sys


def main(argv):
    if len(argv) < 3:
        raise SystemExit(__doc__)
    out, sources = argv[1], argv[2:]
    texts = {path: open(path, encoding="utf-8").read() for path in sources}
    names = {"string", "object", "Exception", "Action", "Func", "Array", "Type"}
    for text in texts.values():
        names.update(re.findall(r"\b(?:class|interface|delegate\s+\w+)\s+(\w+)", text))
        names.update(re.findall(r"\b(\w+Exception)\b", text))
    refs = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    annotated = re.compile(r"(\b(?:%s)\b|\]|>)\?(?=[ ,)>;])" % refs)
    os.makedirs(out, exist_ok=True)
    for path, text in texts.items():
        text = "".join(line for line in text.splitlines(True) if not line.lstrip().startswith("#nullable"))
        text = annotated.sub(r"\1", text)
        text = re.sub(r"\bnull!", "null", text)
        with open(os.path.join(out, os.path.basename(path)), "w", encoding="utf-8") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
