"""iro.Report: the annual report computed once, then read as figures, rows, cells and layouts; a table
whose input was not supplied is None/absent, never zeros; misuse raises, never crashes."""
import datetime
import csv
import io
import json
import threading
import unittest
from pathlib import Path

import iro

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "903-sample"


class ReportTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.policy = iro.Policy.builtin()
        cls.cal = iro.Calendar.builtin()
        cls.book = iro.Casebook()
        cls.book.synthesize(children=300, iros=5, years=2, seed=4)
        cls.report = cls.book.report(cls.policy, cls.cal, 2024)

    def test_what_it_covers(self):
        r = self.report
        self.assertEqual(r.year, 2024)
        self.assertEqual(r.period, (datetime.date(2024, 4, 1), datetime.date(2025, 3, 31)))
        self.assertEqual(r.supplied, iro.Supplied(True, True, True, True))
        self.assertEqual(r.children_refused, 0)
        self.assertIsInstance(r.council, str)

    def test_every_figure_has_as_many_rows_as_it_counts(self):
        figures = self.report.figures()
        self.assertGreater(len(figures), 100)
        self.assertEqual(list(figures)[0], "timeliness.2024-04.due")
        listed = self.report.figure_list()
        self.assertEqual([f.name for f in listed], list(figures))
        self.assertEqual(listed[0].kind, "timeliness.PERIOD.MEASURE")
        nonzero = 0
        for name, count in figures.items():
            self.assertEqual(self.report.figure(name), count, name)
            rows = self.report.query(name)
            self.assertEqual(len(rows), count, name)
            nonzero += count > 0
        self.assertGreater(nonzero, 50)
        row = self.report.query("timeliness.year.due")[0]
        self.assertIsInstance(row, iro.ReportRow)
        self.assertIsInstance(row.date, datetime.date)
        self.assertIn("review", row.detail)

    def test_the_figures_agree_with_the_json_and_the_cells_with_the_csv(self):
        doc = json.loads(self.report.format("json"))
        self.assertEqual(self.report.figure("timeliness.year.due"), doc["year_total"]["due"])
        self.assertEqual(sorted(r.child for r in self.report.query("timeliness.year.late_or_missed")),
                         sorted(doc["year_total"]["late_or_missed"]))
        cells = self.report.cells()
        # Read as a spreadsheet reads it: some values are words with commas (the DfE wording of PN4), quoted.
        lines = list(csv.reader(io.StringIO(self.report.format("csv"))))
        self.assertEqual(len(cells), len(lines) - 1)
        for cell, line in zip(cells, lines[1:]):
            self.assertEqual(line[0], cell.table, (cell, line))
            value = line[3]
            if isinstance(cell.value, float):
                self.assertAlmostEqual(cell.value, float(value))
            else:
                self.assertEqual(cell.value, value)
        self.assertIn(("caseloads", "team"), {(c.table, c.row) for c in cells})
        self.assertTrue(any(isinstance(c.value, str) for c in cells))  # bands are words

    def test_the_three_years_and_the_tables_as_an_analyst_reads_them(self):
        r = self.report
        years = r.table("years")
        self.assertEqual(list(years.index), ["2022/23", "2023/24", "2024/25", "overall"])
        this = years.loc["2024/25"]
        # The reporting year's column equals the year's own tables, read through other figures.
        self.assertEqual(this["due"], r.figure("timeliness.year.due"))
        self.assertEqual(this["in_time"], r.figure("timeliness.year.in_time"))
        held = r.table("held_by_month")
        self.assertEqual(held.loc["Year", "held"], this["held"])
        self.assertEqual(held["held"].iloc[:12].sum(), this["held"])
        self.assertEqual(sum(r.figure("held.%s" % m) for m in
                             ["2024-%02d" % k for k in range(4, 13)] + ["2025-%02d" % k for k in range(1, 4)]),
                         this["held"])
        pn = [this["PN%d" % c] for c in range(8)]
        self.assertAlmostEqual(this["participation_rate"], round(100 * sum(pn[1:7]) / sum(pn[1:8]), 1))
        self.assertAlmostEqual(this["participation_rate_with_under_4s"], round(100 * sum(pn[1:7]) / sum(pn), 1))
        # Overall rates are weighted: the sum of the parts over the sum of the wholes, not a mean of the rates.
        parts, wholes = years.loc[["2022/23", "2023/24", "2024/25"], "in_time"], \
            years.loc[["2022/23", "2023/24", "2024/25"], "due"]
        self.assertAlmostEqual(years.loc["overall", "percent_in_time_of_due"], round(100 * parts.sum() / wholes.sum(), 1))
        # The workforce adds up, each year.
        for y in ["2022/23", "2023/24", "2024/25"]:
            self.assertEqual(years.loc[y, "iros_permanent"] + years.loc[y, "iros_agency"], years.loc[y, "iros_in_post"])
        # Participation by age adds up to the reviews held, and the codes table carries the DfE wording.
        ages = r.table("participation_by_age")
        self.assertEqual(ages["held"].sum(), this["held"])
        codes = r.table("participation_codes")
        self.assertTrue(codes.loc["PN7", "meaning"].startswith("Child does not attend"))
        # Month-end caseloads: the March column is the 31 March caseload table; the counts behind it are its rows.
        months = r.table("caseload_months")
        self.assertEqual(months.loc["children allocated", "2025-03"], this["team_children"])
        self.assertEqual(len(r.query("caseload.month_end.2025-03")), this["team_children"])
        self.assertEqual(r.table("targets").loc[r.table("targets").index[0], "result"] in ("met", "not met"), True)
        changes = r.table("iro_changes")
        self.assertEqual(changes.loc["year", "changed"], r.figure("iro_changes.children"))
        self.assertEqual(len(r.query("iro_changes.changes")), changes.loc["year", "changes"])

    def test_layouts(self):
        self.assertTrue(self.report.format("html").startswith("<!DOCTYPE html>"))
        self.assertTrue(self.report.format("md").startswith("# IRO annual report 2024/25"))
        self.assertEqual(str(self.report), self.report.format("text"))
        with self.assertRaises(iro.InvalidArgumentError):
            self.report.format("pdf")

    def test_the_report_outlives_its_casebook_and_is_read_from_threads(self):
        book = iro.Casebook()
        book.synthesize(children=120, iros=3, years=1, seed=8)
        report = book.report(self.policy, self.cal, 2024)
        expected = report.figures()
        book.close()
        results = []
        threads = [threading.Thread(target=lambda: results.append(report.figures() == expected)) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(results, [True] * 4)
        report.close()
        with self.assertRaises(iro.InvalidArgumentError):
            report.figures()
        report.close()  # twice is fine

    def test_not_supplied_is_absent_not_zero(self):
        with iro.Casebook() as book:
            book.import_903(SAMPLE)
            r = book.report(self.policy, self.cal, 2015)
        self.assertEqual(r.supplied, iro.Supplied(False, False, False, False))
        doc = json.loads(r.format("json"))
        for table in ("records", "midway", "caseloads", "disputes"):
            self.assertIsNone(doc[table], table)
        names = r.figures()
        self.assertFalse([n for n in names if n.split(".")[0] in ("records", "midway", "caseload", "disputes")])
        with self.assertRaises(iro.NotFoundError):
            r.figure("records.held")
        self.assertIn(("records", "year", "supplied", "no"), r.cells())
        self.assertIn("not supplied", r.format("text"))

    def test_refusals(self):
        with self.assertRaises(iro.InvalidArgumentError) as refused:
            self.book.report(self.policy, self.cal, 1990)
        self.assertIn("1990/91", str(refused.exception))
        with self.assertRaises(iro.OutOfRangeError):
            self.book.report(self.policy, self.cal, 2 ** 40)
        with self.assertRaises(TypeError):
            self.book.report(self.policy, self.cal, "2024")
        with self.assertRaises(iro.NotFoundError) as missing:
            self.report.query("timeliness.never.due")
        self.assertIn("timeliness.PERIOD.MEASURE", str(missing.exception))
        with self.assertRaises(iro.InvalidArgumentError):
            self.report.figure("a\x00b")
        with self.assertRaises(TypeError):
            self.report.figure(None)


if __name__ == "__main__":
    unittest.main()
