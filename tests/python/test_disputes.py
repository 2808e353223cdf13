"""iro.Disputes: the dispute register through the Python binding."""
import datetime
import unittest
from pathlib import Path

import iro

D = datetime.date
EVENTS = Path(__file__).resolve().parents[1] / "data" / "disputes" / "events.csv"


class Disputes(unittest.TestCase):
    def test_register_states_figures_and_refusals(self):
        with iro.Calendar.builtin() as cal:
            reg = iro.Disputes(iro.Policy.builtin(), cal)
            reg.load_csv(EVENTS)
            self.assertEqual(len(reg), 5)
            s = reg.state("D1", D(2025, 1, 20))
            self.assertEqual((s.status, s.stage, s.formal_deadline, s.cafcass_referred),
                             ("resolved", "director", D(2025, 1, 20), D(2025, 1, 6)))
            self.assertTrue(reg.state("D3", D(2025, 2, 3)).overdue)
            f = reg.figures(D(2025, 1, 1), D(2025, 3, 31))
            self.assertEqual((f.raised, f.informal_raised, f.became_formal, f.resolved, f.cafcass), (4, 3, 1, 2, 1))
            self.assertEqual(f.median_working_days, 8.5)
            self.assertEqual(f.resolved_at["director"], 1)
            reg.add("D9", "K9", "A")
            reg.event("D9", D(2025, 2, 3), "raise")
            with self.assertRaises(iro.RuleViolationError) as caught:
                reg.event("D9", D(2025, 2, 4), "raise")
            self.assertIn("already raised", str(caught.exception))
            with self.assertRaises(iro.NotFoundError):
                reg.event("D9", D(2025, 2, 4), "escalate", stage="board")
            with self.assertRaises(iro.InvalidArgumentError):
                reg.event("D9", D(2025, 2, 4), "shout")
            self.assertEqual(reg.state("D9", D(2025, 2, 5)).stage, "informal")

    def test_a_sibling_group_with_several_categories(self):
        with iro.Calendar.builtin() as cal:
            reg = iro.Disputes(iro.Policy.builtin(), cal)
            reg.add("S1", "K1;K2;K3", "A", "contact;education")
            reg.event("S1", D(2024, 5, 1), "raise")
            self.assertEqual(reg.figures(D(2024, 4, 1), D(2025, 3, 31)).raised, 1)   # one dispute
            with self.assertRaises(iro.InvalidArgumentError) as caught:
                reg.add("S2", "K1;;K2", "A")
            self.assertIn("is empty", str(caught.exception))
            with self.assertRaises(iro.InvalidArgumentError):
                reg.add("S2", "K1", "A", "contact;contact")
            self.assertEqual(len(reg), 1)


if __name__ == "__main__":
    unittest.main()
