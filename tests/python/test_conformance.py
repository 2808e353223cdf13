"""The conformance cases (tests/conformance/cases, format iro-case/1 of tests/conformance/FORMAT.md) through
the Python binding: every `schedule` case is built with the Children calls (child and date of birth,
periods, switches, reviews with their codes and cancelled flags), evaluated under the England policy or
the case's `policy`, and compared field by field; every `working_days` case runs through iro.Calendar.

A case is read as strictly as the C++ runner reads it (tools/conformance.cpp): an unknown key, a missing field
or a value of the wrong type fails the case. A history the library must refuse ("expect": {"error": ...})
passes only when it is refused with that status; where the C++ reader refuses it (a period with no
"regime", a key it does not know, a malformed value) the construction here refuses it too, with the same
status, and never fills in a default. `caseload` and `dispute` cases are not run here; a kind this file
does not know fails. IRO_CONFORMANCE_CASES names another directory of cases to run instead.
"""
import json
import os
import unittest
from pathlib import Path

import iro
from iro.schedule import REGIMES

TESTS = Path(__file__).resolve().parents[1]
CASES_DIR = Path(os.environ.get("IRO_CONFORMANCE_CASES", TESTS / "conformance" / "cases"))
KINDS = ("schedule", "working_days", "caseload", "dispute")
RUN_KINDS = ("schedule", "working_days")


class BadCase(Exception):
    """A case this runner cannot read: the case fails (it is never skipped)."""


class Unsupported(Exception):
    """A case whose input the Python API has no call for: reported as not run, by name and reason."""


def only_keys(obj, allowed, where, error=BadCase):
    if not isinstance(obj, dict):
        raise error(f"{where}: {json.dumps(obj)} is not an object")
    unknown = sorted(set(obj) - set(allowed))
    if unknown:
        raise error(f'{where}: unknown key "{unknown[0]}"')


def member(obj, key, where, error=BadCase):
    if key not in obj:
        raise error(f'{where}: missing "{key}"')
    return obj[key]


def text(obj, key, where, error=BadCase):
    value = member(obj, key, where, error)
    if not isinstance(value, str):
        raise error(f'{where}: "{key}" is not a string')
    return value


def integer(obj, key, where):
    value = member(obj, key, where)
    if isinstance(value, bool) or not isinstance(value, int) or not -2 ** 31 <= value < 2 ** 31:
        raise BadCase(f'{where}: "{key}" is not a 32-bit integer')
    return value


def date(value, where, error=BadCase):
    """A strict "YYYY-MM-DD" through the library's own parser (iro.parse_date). In the child's data a bad
    date is the library's refusal (its ParseError, InvalidDateError or OutOfRangeError, as the C++ reader
    gives); in the rest of the case it makes the case unreadable."""
    if not isinstance(value, str):
        if error is BadCase:
            raise BadCase(f"{where}: {json.dumps(value)} is not a date")
        raise iro.ParseError(f"{where}: {json.dumps(value)} is not a date string")
    if error is BadCase:
        try:
            return iro.parse_date(value)
        except iro.IroError as e:
            raise BadCase(f"{where}: {e}") from None
    return iro.parse_date(value)


def date_or_none(value, where, error=BadCase):
    return None if value is None else date(value, where, error)


def iso(value):
    return "null" if value is None else value.isoformat()


def case_policy(doc, path):
    """The England policy, the case's inline overrides on it, or a policy file relative to the case."""
    if "policy" not in doc:
        return iro.Policy.builtin()
    value = doc["policy"]
    if isinstance(value, str):
        file = Path(value)
        return iro.Policy.from_file(file if file.is_absolute() else path.parent / file)
    with iro.Policy.builtin() as england:
        return england.with_overrides(json.dumps(value))


# -- schedule ------------------------------------------------------------------------------------------

def regime_of(obj, where, period):
    """The regime of a period or switch, never a default: a period with none is an impossible history
    (IRO_E_INVALID_ARGUMENT, FORMAT.md), a switch with none is malformed, as is a value that is not a regime
    name (IRO_E_PARSE): the statuses the C++ reader gives."""
    if "regime" not in obj:
        if period:
            raise iro.InvalidArgumentError(f"{where}.regime: missing: every period of care has a regime "
                                           f"({', '.join(REGIMES)})")
        raise iro.ParseError(f'{where}: missing "regime"')
    value = obj["regime"]
    if not isinstance(value, str) or value not in REGIMES:
        raise iro.ParseError(f"{where}.regime: {json.dumps(value)} is not a regime ({', '.join(REGIMES)})")
    return value


def participation(review, where):
    """A review's code as the int add_reviews takes: PN0-PN7 -> 0-7, absent or null -> -1 (none)."""
    code = review.get("code")
    if code is None:
        return -1
    if isinstance(code, str) and len(code) == 3 and code.startswith("PN") and code[2] in "01234567":
        return int(code[2])
    raise iro.ParseError(f"{where}.code: {json.dumps(code)} is not a participation code (PN0-PN7)")


def build_children(doc):
    """The case's child as an iro.Children of one, through the binding's calls. Raises iro.IroError where
    the library's reader would refuse the child, BadCase where the case itself is unreadable."""
    only_keys(doc, ("format", "kind", "name", "cite", "policy", "as_of", "expect", "child", "periods", "reviews"),
              "case", iro.ParseError)
    child_doc = member(doc, "child", "case", iro.ParseError)
    only_keys(child_doc, ("id", "dob"), "child", iro.ParseError)
    child_id = text(child_doc, "id", "child", iro.ParseError)
    kids = iro.Children()
    child = kids.add(child_id, date_or_none(child_doc.get("dob"), "child.dob", iro.ParseError))
    periods = doc.get("periods", [])
    if not isinstance(periods, list):
        raise iro.ParseError("periods: is not an array")
    for i, period in enumerate(periods):
        where = f"periods[{i}]"
        only_keys(period, ("start", "end", "regime", "switches"), where, iro.ParseError)
        start = date(member(period, "start", where, iro.ParseError), where + ".start", iro.ParseError)
        end = date_or_none(period.get("end"), where + ".end", iro.ParseError)
        kids.add_period(child, start, end, regime_of(period, where, True))
        switches = period.get("switches", [])
        if not isinstance(switches, list):
            raise iro.ParseError(f"{where}.switches: is not an array")
        for s, switch in enumerate(switches):
            sw = f"{where}.switches[{s}]"
            only_keys(switch, ("date", "regime"), sw, iro.ParseError)
            kids.add_switch(child, date(member(switch, "date", sw, iro.ParseError), sw + ".date", iro.ParseError),
                            regime_of(switch, sw, False))
    reviews = doc.get("reviews", [])
    if not isinstance(reviews, list):
        raise iro.ParseError("reviews: is not an array")
    dates, codes, cancelled = [], [], []
    for i, review in enumerate(reviews):
        where = f"reviews[{i}]"
        only_keys(review, ("date", "code", "cancelled"), where, iro.ParseError)
        dates.append(date(member(review, "date", where, iro.ParseError), where + ".date", iro.ParseError))
        codes.append(participation(review, where))
        flag = review.get("cancelled", False)
        if not isinstance(flag, bool):
            raise iro.ParseError(f"{where}.cancelled: {json.dumps(flag)} is not true or false")
        cancelled.append(1 if flag else 0)
    if dates:
        # A cancelled review that carries a code goes to the library as it is: refusing it is its job.
        kids.add_reviews([child] * len(dates), dates, codes=codes, cancelled=cancelled)
    return kids, child


def run_schedule(doc, path, calendar):
    """The differences between a schedule case and the library's answer (empty: it passes)."""
    if doc.get("format") != "iro-case/1":
        raise BadCase(f'format: {json.dumps(doc.get("format"))} is not "iro-case/1"')
    policy = case_policy(doc, path)
    as_of = date(member(doc, "as_of", "case"), "as_of")
    expect = member(doc, "expect", "case")
    only_keys(expect, ("reviews", "missed", "next_due", "error"), "expect")
    differences = []
    try:
        kids, child = build_children(doc)
        result = iro.evaluate(kids, policy, calendar, as_of)
        got = result.child(child)
        if not got.ok:
            raise got.error
    except iro.IroError as e:
        if "error" in expect:
            if e.status_name != expect["error"]:
                differences.append(f"error: expected {json.dumps(expect['error'])}, got {e.status_name} ({e})")
        else:
            differences.append(f"the library refused the case: {e.status_name} ({e})")
        return differences
    if "error" in expect:
        return [f"error: expected {json.dumps(expect['error'])}, got a schedule"]

    def compare(field, expected, actual):
        if expected != actual:
            differences.append(f"{field}: expected {expected}, got {actual}")

    want = member(expect, "reviews", "expect")
    if not isinstance(want, list):
        raise BadCase("expect.reviews is not an array")
    reviews = result.reviews(child)
    compare("reviews.length", len(want), len(reviews))
    for i, (e, r) in enumerate(zip(want, reviews)):
        w = f"reviews[{i}]"
        only_keys(e, ("date", "number", "regime", "due", "on_time", "days_late", "rule"), "expect." + w)
        compare(w + ".date", iso(date(member(e, "date", w), w + ".date")), iso(r.date))
        compare(w + ".number", integer(e, "number", w), r.number)
        compare(w + ".regime", text(e, "regime", w), r.regime)
        compare(w + ".due", iso(date(member(e, "due", w), w + ".due")), iso(r.due))
        on_time = member(e, "on_time", w)
        if not isinstance(on_time, bool):
            raise BadCase(f"expect.{w}.on_time is not true or false")
        compare(w + ".on_time", on_time, r.on_time)
        compare(w + ".days_late", integer(e, "days_late", w), r.days_late)
        if "rule" in e:
            compare(w + ".rule", text(e, "rule", w), policy.rule(r.rule, r.anchor)[0])
    want = member(expect, "missed", "expect")
    if not isinstance(want, list):
        raise BadCase("expect.missed is not an array")
    missed = result.missed(child)
    compare("missed.length", len(want), len(missed))
    for i, (e, m) in enumerate(zip(want, missed)):
        w = f"missed[{i}]"
        only_keys(e, ("due", "regime", "rule"), "expect." + w)
        compare(w + ".due", iso(date(member(e, "due", w), w + ".due")), iso(m.due))
        compare(w + ".regime", text(e, "regime", w), m.regime)
        if "rule" in e:
            compare(w + ".rule", text(e, "rule", w), policy.rule(m.rule, m.anchor)[0])
    compare("next_due", iso(date_or_none(member(expect, "next_due", "expect"), "expect.next_due")),
            iso(result.child(child).next_due))
    return differences


# -- working_days --------------------------------------------------------------------------------------

def working_days_calendar(doc, path, builtin):
    """The calendar a working_days count ("between") uses: the built-in one with the policy's closure days.
    The policy is loaded through the library first, so that an override it would refuse fails here too."""
    if "policy" not in doc:
        return builtin
    value = doc["policy"]
    case_policy(doc, path).close()  # the library's own check of the overrides or file
    if not isinstance(value, dict):
        raise Unsupported("a count under a policy file: the Calendar API cannot read its closure days")
    closures = value.get("closure_days", [])
    if not closures:
        return builtin
    return builtin.with_closures([date(d, "policy.closure_days") for d in closures])


def run_working_days(doc, path, builtin):
    only_keys(doc, ("format", "kind", "name", "cite", "policy", "from", "add", "expect", "between", "expect_count"),
              "case")
    if doc.get("format") != "iro-case/1":
        raise BadCase(f'format: {json.dumps(doc.get("format"))} is not "iro-case/1"')
    is_sum = any(k in doc for k in ("from", "add", "expect"))
    is_between = any(k in doc for k in ("between", "expect_count"))
    if not is_sum and not is_between:
        raise BadCase('a working_days case needs "from"/"add"/"expect" or "between"')
    differences = []
    if is_sum:
        start = date(member(doc, "from", "case"), "from")
        n = integer(doc, "add", "case")
        expected = date(member(doc, "expect", "case"), "expect")
        # The sum as the policy counts (its anchor convention and closure days); a policy the library
        # refuses fails the case here, not as a different answer.
        policy = case_policy(doc, path) if "policy" in doc else None
        try:
            got = iso(policy.add(builtin, start, n, "working_days") if policy else builtin.add_working_days(start, n))
        except iro.IroError as e:
            got = f"error {e.status_name} ({e})"
        finally:
            if policy:
                policy.close()
        if got != iso(expected):
            differences.append(f"expect: expected {iso(expected)}, got {got}")
    if is_between:
        pair = member(doc, "between", "case")
        if not isinstance(pair, list) or len(pair) != 2:
            raise BadCase('"between" is not a pair of dates')
        a, b = date(pair[0], "between[0]"), date(pair[1], "between[1]")
        calendar = working_days_calendar(doc, path, builtin)
        expected = integer(doc, "expect_count", "case")
        try:
            got = calendar.working_days_between(a, b)
        except iro.IroError as e:
            got = f"error {e.status_name} ({e})"
        if got != expected:
            differences.append(f"expect_count: expected {expected}, got {got}")
    return differences


class Conformance(unittest.TestCase):
    def test_every_schedule_and_working_days_case(self):
        paths = sorted(CASES_DIR.glob("*.json"))
        self.assertTrue(paths, f"no cases in {CASES_DIR}")
        run = {kind: 0 for kind in RUN_KINDS}
        refusals = 0
        not_run = []    # (case, reason): input the Python API cannot express
        other = {kind: 0 for kind in KINDS if kind not in RUN_KINDS}
        failures = []
        with iro.Calendar.builtin() as calendar:
            for path in paths:
                try:
                    doc = json.loads(path.read_text(encoding="utf-8"),
                                     object_pairs_hook=lambda pairs: no_duplicates(pairs, path))
                    kind = doc.get("kind") if isinstance(doc, dict) else None
                    if kind not in KINDS:
                        raise BadCase(f"kind {json.dumps(kind)} is not one of {', '.join(KINDS)}")
                    if kind not in RUN_KINDS:
                        other[kind] += 1
                        continue
                    if kind == "schedule":
                        differences = run_schedule(doc, path, calendar)
                        refusals += "error" in doc["expect"]
                    else:
                        differences = run_working_days(doc, path, calendar)
                    run[kind] += 1
                except Unsupported as e:
                    not_run.append((path.name, str(e)))
                    continue
                except (BadCase, ValueError, iro.IroError) as e:
                    differences = [f"the case cannot be run: {type(e).__name__}: {e}"]
                for d in differences:
                    failures.append(f"{path.name}: {d}")
        print(f"\nconformance through Python ({CASES_DIR}): {run['schedule']} schedule cases run "
              f"({refusals} expected refusals), {run['working_days']} working_days cases run; "
              f"{', '.join(f'{n} {k}' for k, n in other.items())} cases not run by this runner")
        for name, reason in not_run:
            print(f"  not run: {name}: {reason}")
        if failures:
            print("\n".join(failures))
        self.assertEqual(failures, [], f"{len(failures)} differences")
        self.assertGreater(run["schedule"], 0, "no schedule case ran")
        if CASES_DIR == TESTS / "conformance" / "cases":
            # The cases of this repository: every schedule and working_days case runs (a policy's anchor
            # convention through Policy.add). A new case must not drop out silently.
            self.assertEqual(run["schedule"], len(list(CASES_DIR.glob("sch-*.json"))))
            self.assertEqual([name for name, _ in not_run], [])
            self.assertEqual(run["working_days"], len(list(CASES_DIR.glob("wd-*.json"))))


def case_copy(name):
    """A case of this repository as a dict (to change in memory)."""
    return json.loads((TESTS / "conformance" / "cases" / name).read_text(encoding="utf-8"))


class RunnerCatchesDrift(unittest.TestCase):
    """The runner above fails on a wrong answer and on a refusal with the wrong status, and passes the
    refusals FORMAT.md names (none of this repository's cases is a refusal)."""

    CASE = "sch-authorised-review-before-authority.json"

    @classmethod
    def setUpClass(cls):
        cls.calendar = iro.Calendar.builtin()
        cls.path = TESTS / "conformance" / "cases" / cls.CASE

    def run_case(self, doc):
        return run_schedule(doc, self.path, self.calendar)

    def test_the_case_as_it_is_passes(self):
        self.assertEqual(self.run_case(case_copy(self.CASE)), [])

    def test_every_compared_field_is_compared(self):
        changes = {
            "reviews[3].due": lambda e: e["reviews"][3].update(due="2024-04-20"),
            "reviews[3].number": lambda e: e["reviews"][3].update(number=1),
            "reviews[3].regime": lambda e: e["reviews"][3].update(regime="standard"),
            "reviews[3].on_time": lambda e: e["reviews"][3].update(on_time=False),
            "reviews[3].days_late": lambda e: e["reviews"][3].update(days_late=1),
            "reviews[3].date": lambda e: e["reviews"][3].update(date="2024-01-26"),
            "reviews[0].rule": lambda e: e["reviews"][0].update(rule="CPPCR 2010 reg 33(2)(a)"),
            "reviews[1].rule": lambda e: e["reviews"][1].update(rule="CPPCR 2010 reg 33(2)(b)"),
            "reviews[3].rule": lambda e: e["reviews"][3].update(rule="AAR 2005 reg 36(1)"),
            "reviews.length": lambda e: e["reviews"].pop(),
            "missed[0].due": lambda e: e["missed"][0].update(due="2024-07-26"),
            "missed[0].regime": lambda e: e["missed"][0].update(regime="standard"),
            "missed[0].rule": lambda e: e["missed"][0].update(rule="CPPCR 2010 reg 33(2)(c)"),
            "missed.length": lambda e: e["missed"].clear(),
            "next_due": lambda e: e.update(next_due=None),
        }
        for field, change in changes.items():
            with self.subTest(field=field):
                doc = case_copy(self.CASE)
                change(doc["expect"])
                differences = self.run_case(doc)
                self.assertTrue(any(d.startswith(field + ":") for d in differences), differences)
        doc = case_copy(self.CASE)
        doc["expect"]["missed"][0]["rule"] = "CPPCR 2010 reg 33(2)"  # the right one passes
        doc["expect"]["reviews"][3]["rule"] = "AAR 2005 reg 36(1)(a)"
        self.assertEqual(self.run_case(doc), [])

    def test_refusals(self):
        def refusal(change, status="IRO_E_INVALID_ARGUMENT"):
            doc = case_copy(self.CASE)
            change(doc)
            doc["expect"] = {"error": status}
            return doc

        invalid = {
            "a period with no regime": lambda d: d["periods"][0].pop("regime"),
            "a cancelled review with a code": lambda d: d["reviews"][1].update(cancelled=True),
            "a review outside every period": lambda d: d["reviews"].append({"date": "2023-01-02"}),
            "a period ending on its start": lambda d: d["periods"][0].update(end="2023-06-05"),
            "a period starting before dob": lambda d: d["child"].update(dob="2023-07-01"),
            "switches out of date order": lambda d: d["periods"][0]["switches"].insert(
                0, {"date": "2023-12-01", "regime": "standard"}),
            "a switch outside its period": lambda d: (d["periods"][0].update(end="2023-10-25"), d["reviews"].pop()),
        }
        for what, change in invalid.items():
            with self.subTest(refusal=what):
                self.assertEqual(self.run_case(refusal(change)), [])
                # The wrong status fails, and so does expecting a schedule (no default fills the gap).
                self.assertTrue(self.run_case(refusal(change, "IRO_E_PARSE"))[0].startswith("error: expected"))
                doc = case_copy(self.CASE)
                change(doc)
                self.assertTrue(self.run_case(doc)[0].startswith("the library refused the case: IRO_E_INVALID_ARGUMENT"))
        parse = {
            "a switch with no regime": lambda d: d["periods"][0]["switches"][0].pop("regime"),
            "a regime that is none": lambda d: d["periods"][0].update(regime="adopted"),
            "a code that is none": lambda d: d["reviews"][0].update(code="PN8"),
            "an unknown key": lambda d: d["reviews"][0].update(reason="scheduled"),
        }
        for what, change in parse.items():
            with self.subTest(refusal=what):
                self.assertEqual(self.run_case(refusal(change, "IRO_E_PARSE")), [])
        # A case that is not refused but expects a refusal fails.
        self.assertEqual(self.run_case(refusal(lambda d: None)), ['error: expected "IRO_E_INVALID_ARGUMENT", got a schedule'])
        # A cancelled review with no code is no refusal: it is simply not a review.
        doc = case_copy(self.CASE)
        doc["reviews"][2] = {"date": "2023-10-20", "cancelled": True}
        self.assertIn("reviews.length: expected 4, got 3", self.run_case(doc))

    def test_an_unreadable_expectation_fails(self):
        doc = case_copy(self.CASE)
        doc["expect"]["reviews"][0]["held"] = True
        with self.assertRaises(BadCase):
            self.run_case(doc)
        doc = case_copy(self.CASE)
        del doc["as_of"]
        with self.assertRaises(BadCase):
            self.run_case(doc)

    def test_working_days(self):
        path = TESTS / "conformance" / "cases" / "wd-closure.json"
        doc = case_copy("wd-closure.json")
        self.assertEqual(run_working_days(doc, path, self.calendar), [])
        doc["policy"]["closure_days"] = []  # without the closure the sum is 2023-01-12
        self.assertEqual(run_working_days(doc, path, self.calendar), ["expect: expected 2023-01-17, got 2023-01-12"])
        doc = case_copy("wd-anchor-counts.json")  # the policy's anchor convention reaches the sum
        self.assertEqual(run_working_days(doc, path, self.calendar), [])
        doc["policy"]["anchor_day_counts"] = False
        self.assertEqual(len(run_working_days(doc, path, self.calendar)), 1)
        doc = case_copy("wd-between-reverse.json")
        doc["expect_count"] = 20
        self.assertEqual(run_working_days(doc, path, self.calendar), ["expect_count: expected 20, got -20"])
        doc = case_copy("wd-zero.json")
        doc["policy"] = {"interval_unit": "weeks"}  # the library refuses the override
        with self.assertRaises(iro.ParseError):
            run_working_days(doc, path, self.calendar)


def no_duplicates(pairs, path):
    """A JSON object with the same key twice is a parse error in any file (FORMAT.md)."""
    keys = [k for k, _ in pairs]
    for k in keys:
        if keys.count(k) > 1:
            raise BadCase(f'{path.name}: the key "{k}" appears twice in one object')
    return dict(pairs)


if __name__ == "__main__":
    unittest.main()
