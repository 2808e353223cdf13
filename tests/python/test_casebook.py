"""iro.Casebook: import, save, load, evaluate and export through the Python binding."""
import json
import datetime
import tempfile
import unittest
from pathlib import Path

import iro

D = datetime.date
SAMPLE = Path(__file__).resolve().parents[1] / "data" / "903-sample"


class Casebooks(unittest.TestCase):
    def test_import_save_load_evaluate_export(self):
        book = iro.Casebook()
        rejected, doubtful = book.import_903(SAMPLE)
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
            report = loaded.report(policy, cal, 2015, "json")
            figures = json.loads(report)
            self.assertEqual(figures["year"], "2015/16")
            self.assertEqual(sum(m["due"] for m in figures["months"]), figures["year_total"]["due"])
            self.assertTrue(loaded.report(policy, cal, 2015, "html").startswith("<!DOCTYPE html>"))
            with self.assertRaises(iro.InvalidArgumentError) as refused:
                loaded.report(policy, cal, 1990)
            self.assertIn("1990/91", str(refused.exception))
            # Every figure leads to as many rows as it counts; the JSON and the named figures agree.
            named = loaded.report_figures(policy, cal, 2015)
            self.assertEqual(named["timeliness.year.due"], figures["year_total"]["due"])
            self.assertGreater(named["timeliness.year.due"], 0)
            for name in ("timeliness.year.late_or_missed", "participation.PN1", "population.entered", "records.held"):
                rows = loaded.report_query(policy, cal, 2015, name)
                self.assertEqual(len(rows), named[name], name)
            late = loaded.report_query(policy, cal, 2015, "timeliness.year.late_or_missed")
            self.assertEqual(sorted(child for child, _, _ in late), sorted(figures["year_total"]["late_or_missed"]))
            self.assertTrue(all(isinstance(day, datetime.date) for _, day, _ in late))
            with self.assertRaises(iro.NotFoundError):
                loaded.report_query(policy, cal, 2015, "timeliness.never.due")
        book.synthesize(children=100, iros=3, years=1, seed=5)
        self.assertEqual(book.counts()[:2], (100, 3))


if __name__ == "__main__":
    unittest.main()
