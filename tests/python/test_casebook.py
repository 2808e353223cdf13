"""iro.Casebook: import (an SSDA903 return, a whole council directory, the import's report), save, load,
evaluate and export through the Python binding."""
import json
import datetime
import os
import shutil
import tempfile
import unittest
from pathlib import Path

import iro

D = datetime.date
SAMPLE = Path(__file__).resolve().parents[1] / "data" / "903-sample"


class Casebooks(unittest.TestCase):
    def test_import_save_load_evaluate_export(self):
        book = iro.Casebook()
        with self.assertWarns(iro.RejectedRowsWarning):
            rejected = book.import_903(SAMPLE).rejected
        self.assertGreater(rejected, 0)
        children, _, _ = book.counts()
        self.assertGreater(children, 2500)
        with self.assertRaises(iro.ParseError):
            book.import_903(SAMPLE, strict=True)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "book.cbk"
            book.save(path)
            loaded = iro.Casebook.load(path)
            self.assertEqual(loaded.counts()[0], children)
            path.write_bytes(path.read_bytes()[:-5])
            with self.assertRaises(iro.ParseError):
                iro.Casebook.load(path)
        with iro.Policy.builtin() as policy, iro.Calendar.builtin() as cal:
            result = iro.evaluate(loaded.children(), policy, cal, D(2016, 3, 31))
            self.assertEqual(result.summary()[:2], (children, 0))
            csv = loaded.export(policy, cal, D(2016, 3, 31))
            self.assertTrue(csv.startswith("child_id,kind,number,regime,date,due,rule"))
            self.assertTrue(loaded.export(policy, cal, D(2016, 3, 31), "903").startswith("CHILD,DOB,REVIEW,REVIEW_CODE"))
            # The report from this casebook: tests/python/test_report.py.
            self.assertEqual(loaded.report(policy, cal, 2015).year, 2015)
        book.synthesize(children=100, iros=3, years=1, seed=5)
        self.assertEqual(book.counts()[:2], (100, 3))


def write_council(directory):
    """A small council: two children, two IROs, one dispute; one bad roster row (line 4 of
    roster/allocations.csv, month 13 in "from") and one dispute event at a stage the England ladder lacks
    (line 4 of disputes/events.csv)."""
    files = {
        "header.csv": "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n101,1,01/06/2012,WBRI,,,\n102,2,01/06/2014,WBRI,,,\n",
        "episodes.csv": "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
                        "101,01/04/2024,S,C2,N1,U1,PR1,,,,,,\n102,15/05/2024,S,C2,N1,U1,PR1,,,,,,\n",
        "reviews.csv": "CHILD,DOB,REVIEW,REVIEW_CODE\n101,01/06/2012,25/04/2024,PN1\n",
        "roster/iros.csv": "iro_id,fte\nA,1.0\nB,0.5\n",
        "roster/allocations.csv": "child_id,iro_id,from,to\n101,A,2024-04-01,\n102,B,2024-05-15,\n103,A,2024-13-01,\n",
        "disputes/events.csv": "dispute_id,date,action,stage,child_id,iro_id,category\nD1,2024-06-03,raise,,101,A,\n"
                               "D1,2024-06-10,resolve,,,,\nD2,2024-07-01,raise,panel,102,B,\n",
    }
    for name, text in files.items():
        path = Path(directory) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


class Councils(unittest.TestCase):
    def setUp(self):
        # A scratch folder named by the process id, apart from other test runs; removed after each test.
        self.dir = Path(tempfile.gettempdir()) / f"iro-python-council-{os.getpid()}"
        shutil.rmtree(self.dir, ignore_errors=True)
        self.addCleanup(shutil.rmtree, self.dir, True)
        write_council(self.dir)
        self.policy, self.calendar = iro.Policy.builtin(), iro.Calendar.builtin()
        self.addCleanup(self.policy.close)
        self.addCleanup(self.calendar.close)

    def test_import_council_reads_every_file_and_reports_the_bad_rows(self):
        book = iro.Casebook()
        self.assertEqual(book.import_report(), iro.ImportReport({}, []))  # before any import
        book.synthesize(children=50, iros=5, years=1, seed=3)
        report = book.import_council(self.dir, self.policy, self.calendar)
        self.assertIsInstance(report, iro.ImportReport)
        self.assertEqual(book.counts(), (2, 2, 1))  # the synthetic roster is replaced; D2 never entered
        self.assertEqual(report.rows, {"header.csv": 2, "episodes.csv": 2, "reviews.csv": 1, "roster/iros.csv": 2,
                                       "roster/allocations.csv": 3, "disputes/events.csv": 3})
        self.assertEqual(list(report.rows), sorted(report.rows))
        self.assertEqual(report.rejected, 2)
        roster = [i for i in report.issues if i.file == "roster/allocations.csv"]
        disputes = [i for i in report.issues if i.file == "disputes/events.csv"]
        self.assertEqual(len(roster), 1)
        self.assertEqual((roster[0].line, roster[0].column, roster[0].rejected), (4, "from", True))
        self.assertIn("2024-13-01", roster[0].message)
        self.assertEqual(len(disputes), 1)
        self.assertEqual(disputes[0].line, 4)
        self.assertIn('no stage "panel"', disputes[0].message)
        self.assertIsInstance(disputes[0], iro.ImportIssue)
        self.assertTrue(all(isinstance(i.rejected, bool) for i in report.issues))
        # The report is kept in the casebook, and a failed strict import changes neither it nor the book.
        self.assertEqual(book.import_report(), report)
        with self.assertRaises(iro.InvalidDateError) as refused:
            book.import_council(self.dir, self.policy, self.calendar, strict=True)
        self.assertIn("roster/allocations.csv:4", str(refused.exception))
        self.assertEqual(book.counts(), (2, 2, 1))
        self.assertEqual(book.import_report(), report)
        with self.assertRaises(iro.IroIOError):
            book.import_council(self.dir / "no-such", self.policy, self.calendar)
        self.assertEqual(book.import_report(), report)

    def test_strict_fails_at_a_dispute_event_the_ladder_does_not_allow(self):
        (self.dir / "roster" / "allocations.csv").write_text("child_id,iro_id,from,to\n101,A,2024-04-01,\n")
        book = iro.Casebook()
        with self.assertRaises(iro.NotFoundError) as refused:
            book.import_council(str(self.dir), self.policy, self.calendar, strict=True)
        self.assertIn("disputes/events.csv:4", str(refused.exception))
        self.assertEqual(book.counts(), (0, 0, 0))
        (self.dir / "disputes" / "events.csv").write_text(
            "dispute_id,date,action,stage,child_id,iro_id,category\nD1,2024-06-03,raise,,101,A,\n")
        report = book.import_council(str(self.dir), self.policy, self.calendar, strict=True)
        self.assertEqual(report.rejected, 0)
        self.assertEqual(book.counts(), (2, 2, 1))
        self.assertEqual(report.rows["roster/allocations.csv"], 1)

    def test_import_903_keeps_its_report_and_arguments_are_checked(self):
        book = iro.Casebook()
        returned = book.import_903(SAMPLE, warn=False)
        report = book.import_report()
        self.assertEqual(report, returned)
        self.assertGreater(report.rejected, 0)
        self.assertGreater(report.rows["episodes.csv"], 2500)
        self.assertNotIn("roster/iros.csv", report.rows)
        with self.assertRaises(TypeError):
            book.import_council(None, self.policy, self.calendar)
        with self.assertRaises(iro.InvalidArgumentError):
            book.import_council("a\0b", self.policy, self.calendar)
        book.close()
        with self.assertRaises(iro.InvalidArgumentError):
            book.import_report()


if __name__ == "__main__":
    unittest.main()
