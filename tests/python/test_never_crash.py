"""Never a crash from Python, generated from the package's public API.

Every public function of `iro` (iro.__all__) and every public method, constructor and property of its
handle classes is found with inspect.signature. Each is called with good arguments (a baseline), then each
parameter in turn is replaced by values of the wrong kind (None, text, an int, a float, a handle of every
other class, a closed handle of the right class, a datetime with a time of day) and by out-of-range values
(negative and huge numbers, dates outside 1900-2199, NUL inside text); every method is also called on a
closed object. Each call runs in a child process, so a segmentation fault is seen as a death, not as the
end of this test. A wrong kind must raise a Python exception; a negative index must raise IndexError; an
out-of-range value may succeed or raise; no call may kill its process.

Calls run in groups, one child process per group; when a group's process dies, each of its calls is run
again in a process of its own so the death is attributed to the call that caused it.

A parameter name this test does not know fails the test: add it to KINDS (with its good value) so the new
parameter is covered too."""
import ctypes
import datetime
import inspect
import json
import os
import subprocess
import sys
import tempfile
import unittest
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import iro
from iro._handle import Handle

D = datetime.date
DATA = Path(__file__).resolve().parents[1] / "data"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
GROUP = 120

# kind of each parameter, by name; (target, name) overrides for names that mean different things.
KINDS = {
    "calendar": "Calendar", "policy": "Policy", "current": "Policy", "proposed": "Policy", "children": "Children",
    "date": "date", "as_of": "date", "anchor": "date", "start": "date", "end": "date", "dob": "date",
    "looked_after_since": "date", "dates": "dates", "days": "int", "n": "int", "value": "int", "year": "int",
    "years": "count", "iros": "count", "seed": "count", "review": "int", "index": "index", "child": "index",
    "stage": "str", "iso_text": "str", "division": "str", "name": "str", "child_id": "str", "dispute_id": "str",
    "iro_id": "str", "absent_iro": "str", "category": "str", "iro": "str", "sibling_group": "str",
    "attribute": "str", "action": "str", "unit": "str", "rule": "rule", "regime": "str", "kind": "str",
    "format": "str", "table": "str", "path": "path", "directory": "path", "text": "text", "overrides": "overrides",
    "attributes": "words", "fte": "float", "agency": "bool", "strict": "bool", "warn": "bool",
    "placed_far_away": "bool", "in_proceedings": "bool", "placement_moves": "bool", "codes": "codes",
    "cancelled": "flags", "out": "out", "header": "frame", "episodes": "frame", "reviews": "frame",
    "placed_for_adoption": "frame", "review_records": "frame", "midway_reviews": "frame",
}
OVERRIDES = {
    ("Children.add_reviews", "children"): "indexes", ("Casebook.synthesize", "children"): "count",
    ("Disputes.add", "child"): "str", ("Disputes.stage_name", "stage"): "index", ("Casebook.save", "text"): "bool",
    ("Schedules.__getitem__", "child"): "index", ("Children.add", "child_id"): "id", ("Schedules.child_id", "child"): "index",
}
GOOD = {  # good values by (target, name) or name; callables take the object the method is called on
    "n": 20, "value": 20, "days": 19807, "year": 2024, "years": 1, "iros": 2, "seed": 1, "review": -1, "index": 0,
    "child": 0, "iso_text": "2024-03-25", "division": "england-and-wales", "unit": "working_days",
    "rule": "standard_first", "regime": "standard", "category": "", "iro": "", "sibling_group": "", "attribute": "",
    "attributes": [], "fte": 1.0, "format": "csv", "table": "reviews", "kind": "iros", "dispute_id": "D1",
    "iro_id": "Z", "absent_iro": "A", "action": "resolve", "child_id": "K9", "overrides": {}, "codes": ["PN1"],
    "cancelled": [False], "dates": [D(2024, 3, 25)], "children": None, "name": "Council closure",
    ("Children.add_switch", "regime"): "adoption_placed", ("Casebook.synthesize", "children"): 30,
    ("Children.add_reviews", "children"): [0], ("Disputes.event", "date"): D(2024, 6, 10), ("Policy.builtin", "name"): "england",
    ("Report.figure", "name"): "timeliness.year.due", ("Report.query", "name"): "timeliness.year.due",
    ("Report.query_frame", "name"): "timeliness.year.due", ("Report.table", "name"): "timeliness",
    ("Report.format", "format"): "text", ("Schedules.find", "child_id"): "C1", ("Disputes.add", "child"): "K1",
    ("Disputes.add", "dispute_id"): "D2", ("Disputes.stage_name", "stage"): 0, ("Roster.add_allocation", "iro_id"): "A",
    ("Roster.add_absence", "iro_id"): "A", ("Calendar.from_govuk_file", "path"): str(DATA / "bank-holidays.json"),
    ("Calendar.updated", "path"): str(DATA / "bank-holidays.json"),
    ("Policy.from_file", "path"): str(EXAMPLES / "policies" / "hounslow.json"),
    ("Children.load_json", "path"): str(DATA / "children.json"),
    ("Roster.load_csv", "path"): str(DATA / "roster" / "iros.csv"),
    ("Disputes.load_csv", "path"): str(DATA / "disputes" / "events.csv"),
    ("Roster.load_dir", "directory"): str(DATA / "roster"),
    ("Casebook.import_903", "directory"): str(DATA / "903-sample"),
    ("Casebook.import_council", "directory"): str(DATA / "903-sample"),
    ("add_months", "date"): "ARRAY", ("Calendar.add_working_days", "dates"): "ARRAY",
    ("Calendar.working_days_between", "start"): "ARRAY", ("Casebook.load", "path"): "SAVED", ("Casebook.save", "path"): "SCRATCH",
}
STRICT_NONE = {"date", "int", "count", "index", "str", "path", "bool", "float", "Calendar", "Policy", "Children",
               "dates", "indexes", "words", "id", "rule", "text", "overrides", "frame"}


def targets():
    """(name, callable kind, signature parameters) of every public function and handle-class member."""
    out = []
    for name in iro.__all__:
        obj = getattr(iro, name)
        if inspect.isfunction(obj):
            out.append((name, "function"))
        elif inspect.isclass(obj) and issubclass(obj, Handle):
            out.append((name + "()", "constructor"))
            for member, raw in inspect.getmembers(obj):
                if member.startswith("_") and member not in ("__getitem__", "__len__", "__iter__"):
                    continue
                if member in ("close",):
                    continue
                static = inspect.getattr_static(obj, member)
                if isinstance(static, property):
                    out.append((f"{name}.{member}", "property"))
                elif isinstance(static, (classmethod, staticmethod)):
                    out.append((f"{name}.{member}", "classmethod"))
                elif callable(static):
                    out.append((f"{name}.{member}", "method"))
    return out


def resolve(target):
    """The callable of a target name, its class (for members) and its parameters (self/cls left out)."""
    head, _, member = target.partition(".")
    cls_name = head[:-2] if head.endswith("()") else head
    obj = getattr(iro, cls_name)
    if head.endswith("()"):
        fn = obj.__init__
    elif member:
        fn = getattr(obj, member)
    else:
        return obj, None, list(inspect.signature(obj).parameters.values())
    if isinstance(fn, property):
        return fn, obj, []
    params = [p for p in inspect.signature(fn).parameters.values() if p.name not in ("self", "cls")]
    return fn, obj, params


def kind_of(target, param):
    return OVERRIDES.get((target.replace("()", ""), param.name)) or KINDS.get(param.name)


# ---------------------------------------------------------------------------------------------- child side
class Fixtures:
    """Fresh objects for each call (a call may change or close what it is given)."""

    def __init__(self, scratch):
        self.scratch = Path(scratch)
        self.saved = self.scratch / "saved.cbk"
        self._book = None
        self._frames = None

    def calendar(self):
        return iro.Calendar.builtin()

    def policy(self):
        return iro.Policy.builtin()

    def children(self):
        kids = iro.Children()
        c = kids.add("C1", D(2015, 6, 1))
        kids.add_period(c, D(2024, 3, 25))
        return kids

    def casebook(self):
        book = iro.Casebook()
        book.synthesize(children=30, iros=2, years=1, seed=1)
        if not self.saved.exists():
            book.save(self.saved)
        return book

    def instance(self, cls_name, empty=False):
        if empty and cls_name == "Roster":
            return iro.Roster()
        if empty and cls_name == "Disputes":
            return iro.Disputes(self.policy(), self.calendar())
        if cls_name == "Calendar":
            return self.calendar()
        if cls_name == "Policy":
            return self.policy()
        if cls_name == "Children":
            return self.children()
        if cls_name == "Schedules":
            return iro.evaluate(self.children(), self.policy(), self.calendar(), D(2024, 12, 31))
        if cls_name == "PolicyDiff":
            return iro.diff_policies(self.children(), self.policy(), self.policy(), self.calendar(), D(2024, 12, 31))
        if cls_name == "Roster":
            roster = iro.Roster()
            roster.load_dir(DATA / "roster")
            return roster
        if cls_name == "Disputes":
            disputes = iro.Disputes(self.policy(), self.calendar())
            disputes.add("D1", "K1", "A")
            disputes.event("D1", D(2024, 6, 3), "raise")
            return disputes
        if cls_name == "Casebook":
            return self.casebook()
        if cls_name == "Report":
            return self.casebook().report(self.policy(), self.calendar(), 2024)
        raise AssertionError(cls_name)

    def closed(self, cls_name):
        obj = self.instance(cls_name)
        obj.close()
        return obj

    def frame(self, name):
        import pandas
        if self._frames is None:
            self._frames = {}
        if name not in self._frames:
            self._frames[name] = pandas.read_csv(DATA / "903-sample" / name, dtype=str, keep_default_na=False)
        return self._frames[name].copy()

    def good(self, target, param, kind):
        key = (target.replace("()", ""), param.name)
        if key in GOOD:
            value = GOOD[key]
        elif kind in ("Calendar", "Policy", "Children"):
            return self.instance(kind)
        elif kind == "date":
            return D(2024, 3, 25) if param.name != "end" else D(2024, 12, 31)
        elif kind == "frame":
            return self.frame(param.name + ".csv") if param.name in ("header", "episodes") else None
        elif kind == "text":
            return (DATA / "bank-holidays.json").read_text(encoding="utf-8")
        elif kind in ("bool",):
            return False
        elif kind in ("out",):
            return None
        elif param.name in GOOD:
            value = GOOD[param.name]
        elif param.default is not inspect.Parameter.empty:
            return param.default
        else:
            raise AssertionError(f"no good value for {target}({param.name})")
        if value == "SAVED":
            self.casebook()
            return str(self.saved)
        if value == "ARRAY":
            import numpy
            return numpy.array(["2024-03-25", "2022-09-05"], dtype="datetime64[D]")
        if value == "SCRATCH":
            return str(self.scratch / "scratch.cbk")
        return value

    def variant(self, name):
        """The value a variant name stands for (see bad_variants())."""
        if name.startswith("handle:"):
            return self.instance(name[7:])
        if name.startswith("closed:"):
            return self.closed(name[7:])
        return VALUES[name]()


VALUES = {
    "None": lambda: None, "text": lambda: "text", "int": lambda: 12345, "float": lambda: 1.5,
    "datetime": lambda: datetime.datetime(2024, 3, 25, 13, 45), "list": lambda: [1, 2],
    "neg": lambda: -1, "i32max+1": lambda: 2 ** 31, "u64max+1": lambda: 2 ** 64, "i64min": lambda: -2 ** 63,
    "million": lambda: 10 ** 6, "date1800": lambda: D(1800, 1, 1), "date2300": lambda: D(2300, 1, 1),
    "empty": lambda: "", "nul": lambda: "a\x00b", "long": lambda: "x" * 5000, "nan": lambda: float("nan"),
    "inf": lambda: float("inf"), "negf": lambda: -1.0, "missing": lambda: "/nonexistent/iro",
    "dates1800": lambda: [D(1800, 1, 1)], "bigdays": lambda: __import__("numpy").array([2 ** 40]),
    "int64out": lambda: __import__("numpy").zeros(1, dtype="int64"),
    "shortout": lambda: __import__("numpy").zeros(0, dtype="int32"), "pnx": lambda: ["PN9"],
    "badrule": lambda: "no_such_rule", "rule99": lambda: 99,
}
HANDLES = ("Calendar", "Policy", "Children", "Schedules", "PolicyDiff", "Roster", "Disputes", "Casebook", "Report")


def bad_variants(kind, optional):
    """[(variant, category)]: category "type" must raise, "index" must raise IndexError, "range" must not
    crash."""
    wrong_handles = [f"handle:{h}" for h in HANDLES if h != kind]
    out = []
    plain = ["text", "int", "float"]
    if kind in ("Calendar", "Policy", "Children"):
        out += [(v, "type") for v in plain + wrong_handles + [f"closed:{kind}"]]
    elif kind == "date":
        out += [(v, "type") for v in ["text", "int", "float", "datetime", "handle:Calendar", "handle:Casebook"]]
        out += [("date1800", "range"), ("date2300", "range")]
    elif kind == "dates":
        out += [(v, "type") for v in ["int", "float", "handle:Calendar"]]
        out += [("dates1800", "range"), ("bigdays", "range")]
    elif kind in ("int", "count"):
        out += [(v, "type") for v in ["text", "float", "handle:Calendar", "list"]]
        out += [(v, "range") for v in ["neg", "i32max+1", "u64max+1", "i64min", "million"]]
    elif kind == "index":
        out += [(v, "type") for v in ["text", "float", "handle:Calendar", "list"]]
        out += [("neg", "index"), ("u64max+1", "range"), ("million", "range")]
    elif kind == "id":
        out += [(v, "type") for v in ["float", "handle:Calendar", "list"]]
        out += [(v, "range") for v in ["empty", "nul", "long", "neg"]]
    elif kind == "indexes":
        out += [(v, "type") for v in ["text", "int", "float", "handle:Calendar"]]
    elif kind in ("str", "path"):
        out += [(v, "type") for v in ["int", "float", "handle:Calendar", "list"]]
        out += [(v, "range") for v in ["empty", "nul", "long"] + (["missing"] if kind == "path" else [])]
    elif kind == "rule":
        out += [(v, "type") for v in ["float", "handle:Calendar", "None"]]
        out += [("badrule", "range"), ("rule99", "range"), ("neg", "range")]
    elif kind == "text":
        out += [(v, "type") for v in ["int", "float", "handle:Calendar"]]
        out += [("empty", "range"), ("nul", "range")]
    elif kind == "bool":
        out += [(v, "type") for v in ["text", "float", "handle:Calendar", "int"]]
    elif kind == "float":
        out += [(v, "type") for v in ["text", "handle:Calendar"]]
        out += [(v, "range") for v in ["nan", "inf", "negf"]]
    elif kind in ("words", "overrides"):
        out += [(v, "type") for v in ["int", "float", "handle:Calendar"]]
    elif kind in ("codes", "flags"):
        out += [(v, "type") for v in ["int", "float", "handle:Calendar", "text"]]
        if kind == "codes":
            out += [("pnx", "range")]
    elif kind == "out":
        out += [(v, "type") for v in ["text", "int", "handle:Calendar", "list"]]
        out += [("int64out", "type"), ("shortout", "range")]
    elif kind == "frame":
        out += [(v, "type") for v in ["text", "int", "handle:Calendar"]]
    else:
        raise AssertionError(kind)
    if not optional and kind in STRICT_NONE:
        out.append(("None", "type"))
    return out


def calls():
    """Every call of the test as (id, category): "target|param|variant", or "target|-|baseline" and
    "target|self|closed" for methods and properties."""
    out = []
    unknown = []
    for target, how in targets():
        _, _, params = resolve(target)
        if how == "constructor":
            cls = getattr(iro, target[:-2])
            if cls.__init__ is Handle.__init__:  # private: every argument is refused, never taken as a handle
                for variant in ("text", "int", "handle:Calendar", "None"):
                    out.append((f"{target}|args|{variant}", "type"))
                out.append((f"{target}|-|noargs", "type"))
                continue
        if how in ("method", "property"):
            out.append((f"{target}|self|closed", "range" if target.endswith(".is_open") else "type"))
        out.append((f"{target}|-|baseline", "baseline"))
        for p in params:
            if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
                continue
            kind = kind_of(target, p)
            if kind is None:
                unknown.append(f"{target}({p.name})")
                continue
            optional = p.default is None
            for variant, category in bad_variants(kind, optional):
                out.append((f"{target}|{p.name}|{variant}", category))
    return out, unknown


HOW = {}


def run_one(fixtures, call_id):
    """Makes the call an id names; returns "returned" or "raised:<exception class>"."""
    target, pname, variant = call_id.split("|")
    fn, cls, params = resolve(target)
    how = HOW[target]
    if how == "constructor" and pname in ("args", "-") and getattr(iro, target[:-2]).__init__ is Handle.__init__:
        cls = getattr(iro, target[:-2])
        try:
            if variant == "noargs":
                cls()
            else:
                cls(fixtures.variant(variant))
        except Exception as e:
            return f"raised:{type(e).__name__}"
        return "returned"
    args = {}
    for p in params:
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        kind = kind_of(target, p)
        args[p.name] = fixtures.variant(variant) if p.name == pname else fixtures.good(target, p, kind)
    try:
        if how == "function":
            fn(**args)
        elif how == "constructor":
            getattr(iro, target[:-2])(**args)
        elif how == "classmethod":
            fn(**args)
        else:
            cls_name, member = target.split(".")
            empty = member in ("load_csv", "load_dir")  # a loaded roster or register would refuse the same rows again
            obj = fixtures.closed(cls_name) if pname == "self" else fixtures.instance(cls_name, empty)
            if how == "property":
                getattr(obj, member)
            else:
                result = getattr(obj, member)(**args)
                if member == "__iter__":
                    list(result)
    except Exception as e:
        return f"raised:{type(e).__name__}"
    return "returned"


def child_main():
    """Runs the call ids read from stdin, one line each, printing "<id>\\t<outcome>" after each."""
    import warnings
    warnings.simplefilter("ignore")
    HOW.update(targets())
    with tempfile.TemporaryDirectory() as scratch:
        fixtures = Fixtures(scratch)
        for line in sys.stdin.read().split("\n"):
            if not line:
                continue
            outcome = run_one(fixtures, line)
            sys.stdout.write(f"{line}\t{outcome}\n")
            sys.stdout.flush()


# --------------------------------------------------------------------------------------------- parent side
def run_group(ids):
    """{id: outcome} for a group run in one child process; a death gives "died:<returncode>" for the
    calls it did not report."""
    result = subprocess.run([sys.executable, __file__, "--child"], input="\n".join(ids) + "\n", capture_output=True,
                            text=True, timeout=600, cwd=os.path.dirname(os.path.abspath(__file__)))
    outcomes = {}
    for line in result.stdout.splitlines():
        call_id, _, outcome = line.partition("\t")
        outcomes[call_id] = outcome
    if result.returncode != 0:
        for call_id in ids:
            outcomes.setdefault(call_id, f"died:{result.returncode}:{result.stderr.strip()[-200:]}")
    return outcomes, result.returncode


def run_all(ids):
    """{id: outcome} for every call: groups first; each call of a group that died again on its own."""
    groups = [ids[i:i + GROUP] for i in range(0, len(ids), GROUP)]
    outcomes = {}
    with ThreadPoolExecutor(max_workers=2) as pool:
        died = []
        for group, (found, code) in zip(groups, pool.map(run_group, groups)):
            if code != 0:
                died.extend(group)
            else:
                outcomes.update(found)
        for call_id, (found, _) in zip(died, pool.map(lambda i: run_group([i]), died)):
            outcomes[call_id] = found.get(call_id, "died:?")
    return outcomes


class NeverCrash(unittest.TestCase):
    def test_every_public_call_with_wrong_arguments_raises_and_never_kills_the_interpreter(self):
        listed, unknown = calls()
        self.assertEqual(unknown, [], "parameters this test does not know: add them to KINDS")
        kinds = dict(listed)
        outcomes = run_all([call_id for call_id, _ in listed])
        deaths = sorted(f"{i}: {o}" for i, o in outcomes.items() if o.startswith("died"))
        not_raised = sorted(i for i, o in outcomes.items() if kinds[i] == "type" and o == "returned")
        not_index = sorted(f"{i}: {o}" for i, o in outcomes.items() if kinds[i] == "index" and o != "raised:IndexError")
        failed_baselines = sorted(f"{i}: {o}" for i, o in outcomes.items() if kinds[i] == "baseline" and o != "returned")
        print(f"\n{len(listed)} calls of {len(targets())} public functions, methods, constructors and properties: "
              f"{sum(1 for k in kinds.values() if k == 'type')} with a wrong kind of argument, "
              f"{sum(1 for k in kinds.values() if k in ('range', 'index'))} out of range; {len(deaths)} deaths",
              file=sys.stderr)
        self.assertEqual(deaths, [], "calls that killed the interpreter")
        self.assertEqual(not_raised, [], "calls with an argument of the wrong kind that did not raise")
        self.assertEqual(not_index, [], "negative indexes that were not an IndexError")
        # The baseline call with good arguments succeeds, so each bad argument is what the call refused.
        self.assertEqual(failed_baselines, [], "baseline calls with good arguments that failed")


if __name__ == "__main__":
    if sys.argv[1:] == ["--child"]:
        child_main()
    else:
        unittest.main()
