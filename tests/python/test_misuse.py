"""C API misuse, function by function, generated from capi/iro.h itself so no function is left out:
NULL in every pointer argument, zero and huge counts, out-of-range enum values, and a good call on the
same handles after every refusal. Each refusal must come back as a status with a message naming the
function; nothing may crash. Run by /usr/bin/python3 against libiro (IRO_LIBRARY)."""
import ctypes
import re
import unittest
from pathlib import Path

from iro import _native

HEADER = Path(__file__).resolve().parents[2] / "capi" / "iro.h"
E_INVALID_ARGUMENT = 1
DAY = 19723  # 2024-01-01
HANDLE_TYPES = ("iro_calendar", "iro_policy", "iro_children", "iro_schedules", "iro_policy_diff", "iro_roster",
                "iro_disputes", "iro_casebook")


def functions():
    """(return type, name, [(type, name, doc)]) for every IRO_API function, with each @param's text."""
    text = HEADER.read_text(encoding="utf-8")
    out = []
    for m in re.finditer(r"(/\*\*(?:(?!\*/).)*\*/)?\s*IRO_API\s+([^;(]*?)\b(iro_\w+)\s*\(([^)]*)\)\s*;", text, flags=re.S):
        doc, ret, name, params = m.group(1) or "", " ".join(m.group(2).split()), m.group(3), " ".join(m.group(4).split())
        docs = {}
        for p in re.finditer(r"@param(?:\[\w+\])?\s+(\w+)\s+((?:(?!@param|@return).)*)", doc, flags=re.S):
            docs[p.group(1)] = " ".join(p.group(2).replace("*", " ").split())
        args = []
        if params not in ("", "void"):
            for p in params.split(","):
                p = p.strip()
                pname = re.search(r"(\w+)$", p).group(1)
                args.append((p[: -len(pname)].strip(), pname, docs.get(pname, "")))
        out.append((ret, name, args))
    return out


def nullable(doc):
    """Whether the header lets this pointer be NULL with the other arguments as this test passes them
    (sizes and counts are never 0 here, so "may be NULL when capacity is 0" does not apply)."""
    if re.search(r"may be NULL when \w+ is 0", doc):
        return False
    return "NULL" in doc


def fit(function, args):
    """Casts the scratch buffers to the pointer types ctypes declared for the function."""
    out = list(args)
    for i, a in enumerate(out):
        if isinstance(a, ctypes.Array) and function.argtypes and i < len(function.argtypes):
            wanted = function.argtypes[i]
            if wanted not in (ctypes.c_char_p, ctypes.c_void_p) and not isinstance(a, wanted):
                out[i] = ctypes.cast(a, wanted)
    return out


class Misuse(unittest.TestCase):
    keep = []
    made = None

    def handles(self):
        """One handle of each type, made once (a refused call must leave them usable)."""
        if Misuse.made is None:
            Misuse.made = self.make_handles()
        return Misuse.made

    def make_handles(self):
        lib = _native.lib
        h = {}
        for name, make in (("iro_calendar", lambda o: lib.iro_calendar_new_builtin(b"england-and-wales", o)),
                           ("iro_policy", lambda o: lib.iro_policy_new_builtin(b"england", o)),
                           ("iro_children", lambda o: lib.iro_children_new(o)),
                           ("iro_roster", lambda o: lib.iro_roster_new(o)),
                           ("iro_casebook", lambda o: lib.iro_casebook_new(o))):
            out = ctypes.c_void_p()
            self.assertEqual(make(ctypes.byref(out)), 0, name)
            h[name] = out
        out = ctypes.c_void_p()
        self.assertEqual(lib.iro_disputes_new(h["iro_policy"], h["iro_calendar"], ctypes.byref(out)), 0)
        h["iro_disputes"] = out
        child = ctypes.c_int32()
        self.assertEqual(lib.iro_children_add(h["iro_children"], b"C1", DAY - 3000, ctypes.byref(child)), 0)
        self.assertEqual(lib.iro_children_add_period(h["iro_children"], child, DAY, -2147483648, 0), 0)
        out = ctypes.c_void_p()
        self.assertEqual(lib.iro_schedule_evaluate(h["iro_children"], h["iro_policy"], h["iro_calendar"], DAY + 200, ctypes.byref(out)), 0)
        h["iro_schedules"] = out
        out = ctypes.c_void_p()
        self.assertEqual(lib.iro_policy_diff_new(h["iro_children"], h["iro_policy"], h["iro_policy"], h["iro_calendar"], DAY + 200,
                                                 ctypes.byref(out)), 0)
        h["iro_policy_diff"] = out
        return h

    def argument(self, ctype, name, handles):
        """A plausible argument for a parameter, by its C type and name."""
        bare = ctype.replace("const", "").replace(" ", "")
        if bare.rstrip("*") in HANDLE_TYPES:
            if bare.endswith("**"):
                return ctypes.byref(ctypes.c_void_p())
            return handles[bare.rstrip("*")]
        if bare == "char*" and name != "buffer":
            return b"x"
        if bare == "char**":
            return (ctypes.c_char_p * 4)(b"C1", b"C1", b"C1", b"C1")
        if bare == "int32_t*" and ctype.startswith("const"):
            return (ctypes.c_int32 * 4)(DAY, DAY + 1, DAY + 2, DAY + 3)
        if bare.endswith("*"):
            buf = ctypes.create_string_buffer(1 << 16)
            self.keep.append(buf)
            return buf
        if bare in ("size_t",):
            return 16 if ("size" in name or "capacity" in name) else 1
        if bare in ("uint32_t", "uint64_t"):
            return 5
        if bare == "double":
            return 1.0
        if name in ("day", "from", "to", "as_of", "start", "end", "date"):
            return DAY
        if name == "year":
            return 2024
        return 0

    def test_null_in_every_pointer_argument(self):
        lib = _native.lib
        checked = 0
        for ret, name, params in functions():
            for i, (ctype, pname, doc) in enumerate(params):
                if "*" not in ctype:
                    continue
                handles = self.handles()
                args = [self.argument(t, n, handles) for t, n, _ in params]
                args[i] = None
                function = getattr(lib, name)
                result = function(*fit(function, args))
                if ret != "int32_t":
                    continue  # the free functions: NULL is a no-op, and it did not crash
                if nullable(doc):
                    continue
                checked += 1
                message = lib.iro_last_error_message().decode()
                with self.subTest(function=name, parameter=pname):
                    self.assertEqual(result, E_INVALID_ARGUMENT, f"{name}({pname}=NULL) gave {result}: {message}")
                    self.assertIn(name, message, f"{name}({pname}=NULL)")
                    self.assertIn(pname, message, f"{name}({pname}=NULL): {message}")
                # The handles still work after the refusal.
                out = ctypes.c_int32()
                self.assertEqual(lib.iro_calendar_add_working_days(handles["iro_calendar"], DAY, 20, ctypes.byref(out)), 0)
        self.assertGreater(checked, 150)  # the header has that many non-nullable pointers

    def test_huge_counts_with_null_arrays_and_zero_counts(self):
        lib = _native.lib
        huge = (1 << 62) + 3
        tried = 0
        for ret, name, params in functions():
            counts = [i for i, (t, n, _) in enumerate(params) if t == "size_t" and n in ("count", "capacity")]
            if ret != "int32_t" or not counts:
                continue
            handles = self.handles()
            for value in (huge, 0):
                args = [self.argument(t, n, handles) for t, n, _ in params]
                for i in counts:
                    args[i] = value
                for i, (t, n, doc) in enumerate(params):
                    if "*" in t and (doc.startswith("count ") or doc.startswith("room for")):
                        args[i] = None  # the arrays the count or capacity sizes
                result = getattr(lib, name)(*fit(getattr(lib, name), args))
                tried += 1
                if value == huge:
                    with self.subTest(function=name):
                        self.assertNotEqual(result, 0, f"{name} accepted count {huge} with NULL arrays")
                        self.assertTrue(lib.iro_last_error_message(), name)
        self.assertGreater(tried, 10)

    def test_enum_arguments_out_of_range(self):
        lib = _native.lib
        tried = 0
        for ret, name, params in functions():
            enums = [i for i, (t, n, _) in enumerate(params) if t == "int32_t" and n in ("format", "kind", "regime", "action", "code")]
            if ret != "int32_t" or not enums:
                continue
            for bad in (-7, 99):
                handles = self.handles()
                args = [self.argument(t, n, handles) for t, n, _ in params]
                for i in enums:
                    args[i] = bad
                result = getattr(lib, name)(*fit(getattr(lib, name), args))
                tried += 1
                message = lib.iro_last_error_message().decode()
                self.assertNotEqual(result, 0, f"{name} accepted {bad}")
                self.assertIn(name, message)
        self.assertGreater(tried, 6)


if __name__ == "__main__":
    unittest.main()
