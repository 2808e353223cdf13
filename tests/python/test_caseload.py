"""iro.Roster: the small roster of tests/data/roster through the Python binding."""
import datetime
import unittest
from pathlib import Path

import iro

D = datetime.date
ROSTER = Path(__file__).resolve().parents[1] / "data" / "roster"


class Caseloads(unittest.TestCase):
    def setUp(self):
        self.roster = iro.Roster()
        self.roster.load_dir(ROSTER)
        self.policy = iro.Policy.builtin()

    def test_check_series_advice_cover_continuity(self):
        self.assertEqual(self.roster.counts(), (4, 8, 9))
        loads, team = self.roster.check(self.policy, D(2024, 3, 15))
        self.assertEqual([(l.iro, l.children, l.per_fte) for l in loads],
                         [("A", 1, 1.0), ("B", 2, 4.0), ("C", 3, 3.0), ("D", 1, 1.25)])
        self.assertTrue(loads[2].absent)
        self.assertEqual((team.children, round(team.fte, 2), team.band), (7, 3.3, "below"))
        series = self.roster.series(self.policy, D(2024, 1, 10), D(2024, 3, 5))
        self.assertEqual([t.date for t in series], [D(2024, 1, 31), D(2024, 2, 29), D(2024, 3, 31)])
        advice = self.roster.advise(self.policy, D(2024, 4, 15), sibling_group="S1")
        self.assertEqual((advice[0].iro, advice[0].has_sibling), ("C", True))
        self.assertEqual([a.iro for a in self.roster.advise(self.policy, D(2024, 4, 15), attribute="gender=male")],
                         ["D", "B"])
        moves, worst = self.roster.cover(self.policy, "C", D(2024, 3, 1), D(2024, 3, 31))
        self.assertEqual(moves, [("K4", "A"), ("K5", "A"), ("K6", "D")])
        self.assertEqual(worst, 4.0)
        self.assertEqual(self.roster.continuity(D(2024, 3, 15)), (8, 7, 1))

    def test_bad_input(self):
        with self.assertRaises(iro.InvalidArgumentError) as caught:
            self.roster.add_iro("Z", fte=0)
        self.assertIn("fte", str(caught.exception))
        with self.assertRaises(iro.InvalidArgumentError):
            self.roster.add_allocation("K1", "B", D(2024, 2, 1))
        with self.assertRaises(iro.NotFoundError):
            self.roster.add_allocation("K9", "Q", D(2024, 2, 1))
        with self.assertRaises(iro.IroIOError):
            self.roster.load_csv("iros", ROSTER / "missing.csv")


if __name__ == "__main__":
    unittest.main()
