"""iro.Children / iro.evaluate: the schedule conformance cases through the Python API, bulk reviews
from numpy, per-child errors, explanations and reuse."""
import datetime
import json
import unittest
from pathlib import Path

import numpy as np

import iro

D = datetime.date
TESTS = Path(__file__).resolve().parents[1]
CASES = sorted((TESTS / "conformance" / "cases").glob("sch-*.json"))


def date_or_none(text):
    return None if text is None else D.fromisoformat(text)


class ConformanceThroughPython(unittest.TestCase):
    def test_every_schedule_case(self):
        self.assertEqual(len(CASES), 14)
        calendar = iro.Calendar.builtin()
        for path in CASES:
            case = json.loads(path.read_text(encoding="utf-8"))
            with self.subTest(case=path.name):
                kids = iro.Children()
                child = kids.add(case["child"]["id"], date_or_none(case["child"].get("dob")))
                for period in case["periods"]:
                    kids.add_period(child, D.fromisoformat(period["start"]), date_or_none(period.get("end")),
                                    period.get("regime", "standard"))
                    for switch in period.get("switches", []):
                        kids.add_switch(child, D.fromisoformat(switch["date"]), switch["regime"])
                reviews = case["reviews"]
                kids.add_reviews([child] * len(reviews), [D.fromisoformat(r["date"]) for r in reviews],
                                 cancelled=[1 if r.get("cancelled") else 0 for r in reviews])
                policy = iro.Policy.builtin()
                if "policy" in case:
                    policy = policy.with_overrides(case["policy"])
                result = iro.evaluate(kids, policy, calendar, D.fromisoformat(case["as_of"]))
                expect = case["expect"]
                got = [{"date": r.date.isoformat(), "number": r.number, "regime": r.regime, "due": r.due.isoformat(),
                        "on_time": r.on_time, "days_late": r.days_late} for r in result.reviews(0)]
                self.assertEqual(got, expect["reviews"])
                self.assertEqual([{"due": m.due.isoformat(), "regime": m.regime} for m in result.missed(0)],
                                 expect["missed"])
                next_due = result.child(0).next_due
                self.assertEqual(None if next_due is None else next_due.isoformat(), expect["next_due"])


class Batch(unittest.TestCase):
    def test_numpy_reviews_errors_explanations_and_reuse(self):
        kids = iro.Children()
        a = kids.add("A", D(2015, 6, 1))
        kids.add_period(a, D(2024, 3, 25))
        bad = kids.add("BAD")
        kids.add_period(bad, D(2024, 3, 25))
        dates = np.array(["2024-04-22", "2024-07-26", "2023-01-01"], dtype="datetime64[D]")
        kids.add_reviews(np.array([a, a, bad], dtype=np.int32), dates, codes=[1, 1, -1])
        self.assertEqual(len(kids), 2)
        with iro.Policy.builtin() as policy, iro.Calendar.builtin() as calendar:
            result = iro.evaluate(kids, policy, calendar, D(2024, 12, 31))
            self.assertEqual(result.summary(), (2, 1, 2))
            first = result.child(a)
            self.assertTrue(first.ok)
            self.assertEqual(first.next_due, D(2025, 1, 26))
            self.assertEqual(first.next_rule, "standard_subsequent")
            self.assertFalse(first.overdue)
            self.assertEqual(result.reviews(a)[0].code, "PN1")
            self.assertIn("reg 33(2)(a)", result.explain(a, 0))
            failed = result.child(bad)
            self.assertFalse(failed.ok)
            self.assertIsInstance(failed.error, iro.InvalidArgumentError)
            self.assertIn('child "BAD": reviews[0].date: 2023-01-01 is outside every period', str(failed.error))
            with self.assertRaises(iro.NotFoundError):
                result.explain(bad)
            result.reevaluate(kids, policy, calendar, D(2024, 6, 1))
            self.assertEqual(result.child(a).next_due, D(2024, 7, 22))
            result.close()

    def test_bad_input(self):
        kids = iro.Children()
        with self.assertRaises(iro.NotFoundError):
            kids.add_period(3, D(2024, 1, 1))
        child = kids.add("X")
        with self.assertRaises(iro.InvalidArgumentError):
            kids.add_period(child, D(2024, 1, 1), regime="adopted")
        with self.assertRaises(iro.InvalidArgumentError):
            kids.add_reviews([child], [D(2024, 1, 2), D(2024, 1, 3)])
        with self.assertRaises(iro.ParseError):
            iro.Policy.builtin().with_overrides({"interval_unit": "weeks"})
        with self.assertRaises(iro.NotFoundError):
            iro.Policy.builtin("wales")
        with self.assertRaises(iro.IroIOError):
            kids.load_json(TESTS / "data" / "missing.json")


class PolicyFilesAndDiffs(unittest.TestCase):
    def test_a_policy_file_and_a_diff(self):
        hounslow = iro.Policy.from_file(TESTS.parent / "examples" / "policies" / "hounslow.json")
        self.assertEqual(hounslow.id, "hounslow")
        self.assertIn("hounslow.json", hounslow.source)
        kids = iro.Children()
        c = kids.add("B")
        kids.add_period(c, D(2024, 3, 25))
        kids.add_reviews([c], [D(2024, 4, 22)])
        with iro.Calendar.builtin() as cal:
            diff = iro.diff_policies(kids, iro.Policy.builtin(), hounslow, cal, D(2024, 5, 1))
            a, b = diff.figures()
            self.assertEqual((a.children, a.reviews, a.in_time), (1, 1, 1))
            self.assertEqual(b.in_time, 1)
            self.assertEqual(diff.changes(), [(0, ["review 1 held 2024-04-22: record due 2024-05-21 -> 2024-05-14"])])
            self.assertIn("england -> hounslow", diff.report())
        with self.assertRaises(iro.InvalidArgumentError) as caught:
            iro.Policy.from_file(TESTS / "data" / "policies" / "cycle-a.json")
        self.assertIn("a cycle of extends", str(caught.exception))


if __name__ == "__main__":
    unittest.main()
