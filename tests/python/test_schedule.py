"""iro.Children / iro.evaluate: bulk reviews from numpy, per-child errors, explanations (of a due date, and
of why nothing is owed), reuse, and Policy.rule. The conformance cases run in test_conformance.py."""
import datetime
import json
import tempfile
import unittest
from pathlib import Path

import numpy as np

import iro

D = datetime.date
TESTS = Path(__file__).resolve().parents[1]


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
            self.assertIn("CPPCR 2010 reg 33(1), first review within 20 working days", result.explain(a, 0))
            self.assertIn("CPPCR 2010 reg 33(2), review not more than 6 months", result.explain(a))
            failed = result.child(bad)
            self.assertFalse(failed.ok)
            self.assertIsInstance(failed.error, iro.InvalidArgumentError)
            self.assertIn('child "BAD": reviews[0].date: 2023-01-01 is outside every period', str(failed.error))
            with self.assertRaises(iro.NotFoundError) as caught:
                result.explain(bad)
            self.assertIn("outside every period", str(caught.exception))  # the child's own error
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


# Every step of the built-in England policy for an anchor from 2011-04-01: (cite, text), from the policy's
# rule table (src/model/policy_england.cpp), by IRO_RULE_* value.
ENGLAND_2011 = {
    "standard_first": ("CPPCR 2010 reg 33(1)", "first review within 20 working days of the day the child became looked after"),
    "standard_second": ("CPPCR 2010 reg 33(2)", "second review not more than 3 months after the first"),
    "standard_subsequent": ("CPPCR 2010 reg 33(2)", "review not more than 6 months after the previous one"),
    "short_breaks_first": ("CPPCR 2010 reg 48(3)", "first review within 3 months of the start of the first short break"),
    "short_breaks_subsequent": ("CPPCR 2010 reg 48(3)", "review not more than 6 months after the previous one"),
    "adoption_placed_first": ("AAR 2005 reg 36(3)(a)",
                              "first review not more than 4 weeks after the child was placed for adoption"),
    "adoption_placed_second": ("AAR 2005 reg 36(3)(b)", "second review not more than 3 months after the first"),
    "adoption_placed_subsequent": ("AAR 2005 reg 36(3)(c)", "review not more than 6 months after the previous one"),
    "adoption_authorised": ("AAR 2005 reg 36(1)(a)", "review not more than 3 months after the date on which the agency "
                                                     "first had authority to place the child for adoption"),
    "returned": ("CPPCR 2010 reg 33(2)", "review not more than 6 months after the previous one"),
    "short_breaks_second": ("CPPCR 2010 reg 48(3)", "second review not more than 6 months after the first"),
}


def returned_child(kids):
    """A child placed for adoption on 2023-09-04 and returned to the agency on 2024-02-05, with a review
    after the return on 2024-03-01; returns its index."""
    c = kids.add("RETURNED")
    kids.add_period(c, D(2023, 1, 9), regime="standard")
    kids.add_switch(c, D(2023, 9, 4), "adoption_placed")
    kids.add_switch(c, D(2024, 2, 5), "standard")
    kids.add_reviews([c] * 4, [D(2023, 2, 1), D(2023, 5, 1), D(2023, 9, 20), D(2024, 3, 1)])
    return c


class PolicyAdd(unittest.TestCase):
    def test_counts_as_the_policy_counts(self):
        with iro.Policy.builtin() as england, iro.Calendar.builtin() as cal:
            self.assertEqual(england.add(cal, D(2023, 12, 22), 20), D(2024, 1, 24))
            with england.with_overrides({"anchor_day_counts": True}) as day_one:
                self.assertEqual(day_one.add(cal, D(2023, 12, 22), 20), D(2024, 1, 23))
            with england.with_overrides({"interval_unit": "days", "closure_days": ["2022-12-28"]}) as days:
                self.assertEqual(days.add(cal, D(2024, 1, 31), 3, "months"), D(2024, 5, 1))
                self.assertEqual(days.add(cal, D(2022, 12, 23), 1), D(2022, 12, 29))
            self.assertEqual(england.add(cal, D(2024, 1, 31), 3, "months"), D(2024, 4, 30))
            self.assertEqual(england.add(cal, D(2024, 3, 25), 4, "weeks"), D(2024, 4, 22))
            self.assertEqual(england.add(cal, D(2024, 3, 25), -1, "days"), D(2024, 3, 24))
            with self.assertRaises(iro.InvalidArgumentError):
                england.add(cal, D(2024, 3, 25), 1, "fortnights")
            with self.assertRaises(iro.OutOfRangeError):
                england.add(cal, D(2199, 12, 20), 20)


class PolicyRule(unittest.TestCase):
    def test_every_england_step_by_name_and_number(self):
        policy = iro.Policy.builtin()
        self.assertEqual(len(iro.schedule.RULES), 12)  # IRO_RULE_STANDARD_FIRST (0) .. IRO_RULE_RETURNED_LOCAL (11)
        self.assertEqual(iro.schedule.RULES[9:], ("returned", "short_breaks_second", "returned_local"))
        for name, expected in ENGLAND_2011.items():
            with self.subTest(rule=name):
                self.assertEqual(policy.rule(name, D(2024, 1, 1)), expected)
                self.assertEqual(policy.rule(iro.schedule.RULES.index(name), D(2024, 1, 1)), expected)
        # No reg 33(2)(a)-(c), 48(2) or a bare 36(1) anywhere in the table.
        cites = {policy.rule(name, D(2024, 1, 1))[0] for name in ENGLAND_2011}
        self.assertFalse({c for c in cites if "(2)(" in c or c.endswith("48(2)") or c.endswith("36(1)")}, cites)

    def test_the_anchor_picks_the_version_in_force(self):
        policy = iro.Policy.builtin()
        self.assertEqual(policy.rule("standard_first", D(2011, 3, 31)),
                         ("Review of Children's Cases Regulations 1991 reg 3",
                          "first review within 4 weeks of the day the child became looked after"))
        self.assertEqual(policy.rule("standard_first", D(2011, 4, 1))[0], "CPPCR 2010 reg 33(1)")
        self.assertEqual(policy.rule("returned", D(2010, 5, 1))[0], "Review of Children's Cases Regulations 1991 reg 3")

    def test_refusals(self):
        policy = iro.Policy.builtin()
        with self.assertRaises(iro.InvalidArgumentError) as caught:
            policy.rule("returned_local", D(2024, 1, 1))  # England sets no local review after a return
        self.assertIn("sets no review after a return", str(caught.exception))
        for bad in (12, -1):
            with self.subTest(rule=bad), self.assertRaises(iro.InvalidArgumentError):
                policy.rule(bad, D(2024, 1, 1))
        with self.assertRaises(iro.InvalidArgumentError):
            policy.rule("standard_third", D(2024, 1, 1))
        with self.assertRaises(TypeError):
            policy.rule(True, D(2024, 1, 1))
        with self.assertRaises(iro.OutOfRangeError):
            policy.rule(2 ** 40, D(2024, 1, 1))
        with self.assertRaises(iro.OutOfRangeError):
            policy.rule("standard_first", D(1899, 12, 31))
        with self.assertRaises(TypeError):
            policy.rule("standard_first", "2024-01-01")
        policy.close()
        with self.assertRaises(iro.InvalidArgumentError):
            policy.rule("standard_first", D(2024, 1, 1))

    def test_a_schedule_rule_read_back_through_its_policy(self):
        kids = iro.Children()
        c = returned_child(kids)
        policy = iro.Policy.builtin()
        with iro.Calendar.builtin() as cal:
            result = iro.evaluate(kids, policy, cal, D(2024, 12, 31))
        reviews = result.reviews(c)
        self.assertEqual([(r.rule, r.regime, r.number) for r in reviews],
                         [("standard_first", "standard", 1), ("standard_second", "standard", 2),
                          ("adoption_placed_first", "adoption_placed", 1), ("returned", "standard", 1)])
        self.assertEqual((reviews[3].due, reviews[3].anchor), (D(2024, 3, 20), D(2023, 9, 20)))
        self.assertEqual([policy.rule(r.rule, r.anchor)[0] for r in reviews],
                         ["CPPCR 2010 reg 33(1)", "CPPCR 2010 reg 33(2)", "AAR 2005 reg 36(3)(a)", "CPPCR 2010 reg 33(2)"])
        self.assertEqual(result.child(c).next_rule, "returned")
        self.assertEqual([(m.due, m.rule) for m in result.missed(c)],
                         [(D(2023, 12, 20), "adoption_placed_second"), (D(2024, 9, 1), "returned")])

    def test_a_council_review_after_a_return(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "local.json"
            path.write_text(json.dumps({"format": "iro-policy/1", "id": "local", "extends": "england", "regimes": {
                "return_to_agency": {"review": {"value": 28, "unit": "days", "cite": "Local procedure 4.2"}}}}),
                encoding="utf-8")
            local = iro.Policy.from_file(path)
            path.write_text(json.dumps({"format": "iro-policy/1", "id": "worded", "extends": "england", "regimes": {
                "return_to_agency": {"review": {"value": 6, "unit": "weeks", "cite": "Local procedure 4.2",
                                                "text": "a review within six weeks of the return"}}}}),
                            encoding="utf-8")
            worded = iro.Policy.from_file(path)
        self.assertEqual(local.rule("returned_local", D(2024, 2, 5)),
                         ("Local procedure 4.2", "review within 28 days of the child's return to the agency (local procedure)"))
        self.assertEqual(worded.rule(11, D(2024, 2, 5)), ("Local procedure 4.2", "a review within six weeks of the return"))
        kids = iro.Children()
        c = returned_child(kids)
        with iro.Calendar.builtin() as cal:
            result = iro.evaluate(kids, local, cal, D(2024, 12, 31))
        after = result.reviews(c)[3]
        # The earlier of 28 days after the return (2024-03-04) and 6 months after the previous review (2024-03-20).
        self.assertEqual((after.due, after.rule, after.anchor), (D(2024, 3, 4), "returned_local", D(2024, 2, 5)))
        self.assertEqual(local.rule(after.rule, after.anchor)[0], "Local procedure 4.2")


class NothingOwed(unittest.TestCase):
    def test_explain_says_why_no_review_is_owed(self):
        kids = iro.Children()
        left = kids.add("LEFT")
        kids.add_period(left, D(2024, 1, 8), D(2024, 6, 3))
        adult = kids.add("ADULT", D(2006, 7, 1))
        kids.add_period(adult, D(2023, 1, 9))
        later = kids.add("LATER")
        kids.add_period(later, D(2025, 3, 1))
        bad = kids.add("BAD")
        kids.add_period(bad, D(2024, 1, 8))
        kids.add_reviews([left, adult, bad], [D(2024, 2, 1), D(2023, 2, 1), D(2024, 2, 1)], codes=[1, 1, 1],
                         cancelled=[0, 0, 1])
        with iro.Policy.builtin() as policy, iro.Calendar.builtin() as cal:
            result = iro.evaluate(kids, policy, cal, D(2024, 12, 31))
        for child in (left, adult, later):
            self.assertTrue(result.child(child).ok)
            self.assertIsNone(result.child(child).next_due)
        self.assertEqual(result.explain(left), "Nothing is owed: the child stopped being looked after on 2024-06-03 "
                                               "(the first day out of care); a chain that ends on or before a due date "
                                               "owes nothing for it.")
        self.assertIn("the child turned 18 on 2024-07-01", result.explain(adult))
        self.assertIn("Children Act 1989 s105(1)", result.explain(adult, -1))
        self.assertIn("not looked after on 2024-12-31 (no period of care has started)", result.explain(later))
        # Still looked after, but the 18th birthday comes before the next review would fall due.
        kids = iro.Children()
        young = kids.add("SEVENTEEN", D(2006, 10, 1))
        kids.add_period(young, D(2024, 1, 8))
        kids.add_reviews([young, young], [D(2024, 2, 1), D(2024, 5, 1)])
        with iro.Policy.builtin() as policy, iro.Calendar.builtin() as cal:
            before = iro.evaluate(kids, policy, cal, D(2024, 9, 1))
        self.assertIsNone(before.child(young).next_due)
        self.assertIn("the next review would be due on 2024-11-01, but the child turns 18 on 2024-10-01",
                      before.explain(young))
        # Held reviews of a child who has left are still explained.
        self.assertIn("CPPCR 2010 reg 33(1)", result.explain(left, 0))
        # A cancelled review with a participation code: the child is refused, and explain says so.
        failed = result.child(bad)
        self.assertIsInstance(failed.error, iro.InvalidArgumentError)
        self.assertIn("on a cancelled review", str(failed.error))
        with self.assertRaises(iro.NotFoundError) as caught:
            result.explain(bad)
        self.assertIn("on a cancelled review", str(caught.exception))
        with self.assertRaises(iro.NotFoundError):
            result.explain(left, 1)  # one review held: index 1 is out of range


if __name__ == "__main__":
    unittest.main()
