"""Type hints and docstrings on the whole public API (PEP 561: the package ships py.typed): every public
function, method, classmethod and property of iro.__all__ has a docstring and annotates every parameter
and its return, and every annotation resolves (typing.get_type_hints)."""
import inspect
import typing
import unittest
from pathlib import Path

import iro
from test_never_crash import resolve, targets


class Typing(unittest.TestCase):
    def test_py_typed_marker(self):
        self.assertTrue((Path(iro.__file__).parent / "py.typed").is_file())

    def test_every_public_callable_is_annotated_and_documented(self):
        missing = []
        for target, how in targets():
            fn, cls, params = resolve(target)
            if how == "property":
                fn = fn.fget
            elif how == "classmethod":
                fn = fn.__func__ if hasattr(fn, "__func__") else fn
            if not (fn.__doc__ or "").strip():
                missing.append(f"{target}: no docstring")
            try:
                hints = typing.get_type_hints(fn)
            except Exception as e:  # an annotation that does not resolve
                missing.append(f"{target}: {e}")
                continue
            for p in inspect.signature(fn).parameters.values():
                if p.name not in ("self", "cls") and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD) \
                        and p.name not in hints:
                    missing.append(f"{target}({p.name}): no annotation")
            if "return" not in hints:
                missing.append(f"{target}: no return annotation")
        self.assertEqual(missing, [])


if __name__ == "__main__":
    unittest.main()
