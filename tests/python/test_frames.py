"""pandas and numpy where analysts use them: Timestamp/datetime64/Series dates, "PN1" codes, IndexError for a
negative index, child ids on results and lookup by id, columnar results (to_numpy/to_pandas) checked against
the library's own per-child calls and its CSV export, the import report as rows with a warning and an error
when a required table loses every row, Casebook.from_frames, and the report's tables as DataFrames."""
import csv
import datetime
import io
import re
import shutil
import tempfile
import unittest
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

import iro

D = datetime.date
SAMPLE = Path(__file__).resolve().parents[1] / "data" / "903-sample"


def rewrite_dates(directory, how):
    """A copy of the 903 sample in directory with every DD/MM/YYYY date rewritten by how(day, month, year)."""
    for path in SAMPLE.glob("*.csv"):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"\b(\d\d)/(\d\d)/(\d{4})\b", lambda m: how(m[1], m[2], m[3]), text)
        (Path(directory) / path.name).write_text(text, encoding="utf-8")


class Dates(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cal = iro.Calendar.builtin()

    def test_timestamps_and_datetime64_scalars_are_dates(self):
        self.assertEqual(iro.add_months(pd.Timestamp("2024-08-31"), 6), D(2025, 2, 28))
        self.assertEqual(self.cal.add_working_days(np.datetime64("2024-03-25"), 20), D(2024, 4, 24))
        self.assertEqual(iro.to_days(np.datetime64("2024-03-25T00:00:00")), 19807)
        for timed in (pd.Timestamp("2024-03-25 13:45"), np.datetime64("2024-03-25T13:45")):
            with self.assertRaises(iro.InvalidArgumentError) as refused:
                iro.add_months(timed, 1)
            self.assertIn("time of day", str(refused.exception))
        for nat in (pd.NaT, np.datetime64("NaT")):
            with self.assertRaises((iro.InvalidArgumentError, TypeError)):
                iro.to_days(nat)
        with self.assertRaises(iro.InvalidArgumentError):
            iro.to_days(pd.Timestamp("2024-03-25", tz="Europe/London"))
        with self.assertRaises(TypeError):
            iro.to_days(datetime.datetime(2024, 3, 25))

    def test_series_and_datetimeindex_in_the_same_form_out(self):
        days = pd.Series(pd.to_datetime(["2024-03-25", "2022-09-05"]), index=["a", "b"], name="looked_after")
        due = self.cal.add_working_days(days, 20)
        self.assertIsInstance(due, pd.Series)
        self.assertEqual(list(due.index), ["a", "b"])
        self.assertEqual(due.name, "looked_after")
        self.assertEqual(list(due.dt.date), [D(2024, 4, 24), D(2022, 10, 4)])
        index = pd.DatetimeIndex(["2024-08-31"])
        self.assertEqual(list(iro.add_months(index, 6).date), [D(2025, 2, 28)])
        between = self.cal.working_days_between(days, D(2024, 4, 24))
        self.assertIsInstance(between, pd.Series)
        self.assertEqual(int(between["a"]), 20)
        objects = np.array([D(2024, 3, 25), pd.Timestamp("2022-09-05")], dtype=object)
        self.assertEqual(self.cal.add_working_days(objects, 20).tolist(), [D(2024, 4, 24), D(2022, 10, 4)])
        with self.assertRaises(TypeError):
            self.cal.add_working_days(D(2024, 3, 25), 20, out=np.zeros(1, dtype=np.int32))

    def test_participation_codes_as_text_and_negative_indexes(self):
        kids = iro.Children()
        c = kids.add("C1", D(2015, 6, 1))
        kids.add_period(c, D(2024, 3, 25))
        kids.add_reviews(pd.Series([c, c]), pd.Series(pd.to_datetime(["2024-04-19", "2024-07-10"])),
                         codes=["PN1", " pn7 "])
        with iro.Policy.builtin() as policy:
            result = iro.evaluate(kids, policy, self.cal, D(2024, 12, 31))
        self.assertEqual([r.code for r in result.reviews(0)], ["PN1", "PN7"])
        with self.assertRaises(iro.InvalidArgumentError):
            kids.add_reviews([c], [D(2024, 8, 1)], codes=["PN9"])
        with self.assertRaises(IndexError):
            kids.add_reviews([-1], [D(2024, 8, 1)])
        with self.assertRaises(TypeError):
            kids.add_reviews([0.5], [D(2024, 8, 1)])
        for call in (lambda: result.child(-1), lambda: result.reviews(-1), lambda: result.explain(-1),
                     lambda: result[-1], lambda: kids.add_period(-1, D(2024, 1, 1))):
            with self.assertRaises(IndexError):
                call()


class Results(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.policy, cls.cal = iro.Policy.builtin(), iro.Calendar.builtin()
        cls.book = iro.Casebook()
        cls.book.import_903(SAMPLE, warn=False)
        cls.as_of = D(2016, 3, 31)
        cls.result = iro.evaluate(cls.book.children(), cls.policy, cls.cal, cls.as_of)

    def test_every_result_carries_its_child_id_and_a_child_is_found_by_id(self):
        r = self.result
        ids = r.child_ids()
        self.assertEqual(len(ids), len(r))
        header_ids = [row["CHILD"] for row in csv.DictReader(open(SAMPLE / "header.csv", encoding="utf-8"))]
        self.assertGreater(len(ids), 2500)
        self.assertLessEqual(set(ids), set(header_ids))
        for i in (0, 1, len(r) // 2, len(r) - 1):
            child_id = ids[i]
            self.assertEqual(r.find(child_id), i)
            self.assertEqual(r.child(i).child_id, child_id)
            self.assertEqual(r[child_id], r.child(i))
            self.assertEqual(r.reviews(child_id), r.reviews(i))
            self.assertTrue(all(x.child_id == child_id for x in r.reviews(i) + r.missed(i)))
        with self.assertRaises(iro.NotFoundError):
            r.find("no such child")
        with self.assertRaises(LookupError):
            r["no such child"]

    def test_columns_equal_the_per_child_results(self):
        columns = self.result.to_numpy()
        missed = self.result.to_numpy("missed")
        ids = self.result.child_ids()
        expected_reviews, expected_missed = [], []
        for i in range(len(self.result)):
            expected_reviews += self.result.reviews(i)
            expected_missed += self.result.missed(i)
        self.assertGreater(len(expected_reviews), 300)
        self.assertEqual(columns["date"].dtype, np.dtype("datetime64[D]"))
        got = [iro.ReviewResult(d.item(), int(n), iro.schedule.REGIMES[g], u.item(), iro.schedule.RULES[ru], a.item(),
                                bool(o), int(late), rec.item(), None if p < 0 else f"PN{p}", ids[c])
               for c, d, n, g, u, ru, a, o, late, rec, p in zip(*(columns[k] for k in iro.schedule.REVIEW_COLUMNS))]
        self.assertEqual(got, expected_reviews)
        got_missed = [iro.MissedReview(u.item(), iro.schedule.RULES[ru], a.item(), iro.schedule.REGIMES[g], ids[c])
                      for c, u, ru, a, g in zip(*(missed[k] for k in iro.schedule.MISSED_COLUMNS))]
        self.assertEqual(got_missed, expected_missed)

    def test_to_pandas_matches_the_libraries_own_csv_export(self):
        frame = self.result.to_pandas()
        self.assertEqual(list(frame.columns[:2]), ["CHILD", "child"])
        self.assertEqual(str(frame["rule"].dtype), "category")
        self.assertEqual(set(frame["participation"].dropna().unique()) - set(iro.schedule.CODES), set())
        exported = pd.read_csv(io.StringIO(self.book.export(self.policy, self.cal, self.as_of)), dtype=str,
                               keep_default_na=False)
        held = exported[exported["kind"] == "review"]
        expect = sorted(zip(held["child_id"], held["date"], held["due"], held["days_late"].astype(int)))
        got = sorted(zip(frame["CHILD"], frame["date"].dt.strftime("%Y-%m-%d"), frame["due"].dt.strftime("%Y-%m-%d"),
                         frame["days_late"].astype(int)))
        self.assertEqual(got, expect)
        missed = self.result.to_pandas("missed")
        gone = exported[exported["kind"] == "missed"]
        self.assertEqual(sorted(zip(missed["CHILD"], missed["due"].dt.strftime("%Y-%m-%d"))),
                         sorted(zip(gone["child_id"], gone["due"])))
        children = self.result.children_frame()
        self.assertEqual(len(children), len(self.result))
        self.assertEqual(children["CHILD"].tolist(), self.result.child_ids())


class ImportReports(unittest.TestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp())

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def test_rejected_rows_are_rows_with_a_warning(self):
        book = iro.Casebook()
        with self.assertWarns(iro.RejectedRowsWarning) as warned:
            report = book.import_903(SAMPLE)
        self.assertIn(f"{report.rejected} rows", str(warned.warning))
        frame = report.to_pandas()
        self.assertEqual(list(frame.columns), ["file", "line", "column", "value", "reason", "rejected"])
        self.assertEqual(len(frame), len(report.issues))
        with_cell = [i for i in report.issues if i.column and i.line > 1]
        self.assertTrue(with_cell)
        for issue in with_cell[:50]:  # the value is the cell at (line, column) of the file, read back
            with open(SAMPLE / issue.file, newline="", encoding="utf-8-sig") as f:
                rows = list(csv.reader(f))
            self.assertEqual(issue.value, dict(zip(rows[0], rows[issue.line - 1])).get(issue.column), issue)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            book.import_903(SAMPLE, warn=False)

    def test_a_required_table_that_loses_every_row_is_an_error(self):
        # Excel writes dates as 2016-02-15 00:00:00: every episode is rejected.
        rewrite_dates(self.tmp, lambda d, m, y: f"{y}-{m}-{d} 00:00:00")
        book = iro.Casebook()
        with self.assertRaises(iro.EmptyTableError) as refused:
            book.import_903(self.tmp)
        self.assertIsInstance(refused.exception, iro.ParseError)
        self.assertIn("episodes.csv", str(refused.exception))
        self.assertIn("every row", str(refused.exception))
        report = refused.exception.report
        self.assertIn("episodes.csv", report.empty_tables())
        self.assertEqual(report.rejected_by_file(rows_only=True)["episodes.csv"], report.rows["episodes.csv"])
        with iro.Policy.builtin() as policy, iro.Calendar.builtin() as cal, self.assertRaises(iro.EmptyTableError):
            book.import_council(self.tmp, policy, cal)

    def test_an_optional_table_that_loses_every_row_is_a_warning(self):
        rewrite_dates(self.tmp, lambda d, m, y: f"{d}/{m}/{y}")
        reviews = self.tmp / "reviews.csv"
        reviews.write_text(re.sub(r"\b(\d\d)/(\d\d)/(\d{4})\b", r"\2/\1/\3 00:00", reviews.read_text()))
        with self.assertWarns(iro.RejectedRowsWarning) as warned:
            report = iro.Casebook().import_903(self.tmp)
        self.assertEqual(report.empty_tables(), [])
        self.assertEqual(report.rejected_by_file(rows_only=True)["reviews.csv"], report.rows["reviews.csv"])
        self.assertIn("reviews.csv", str(warned.warning))


class FromFrames(unittest.TestCase):
    def test_frames_import_as_the_files_do(self):
        policy, cal = iro.Policy.builtin(), iro.Calendar.builtin()
        files = iro.Casebook()
        files.import_903(SAMPLE, warn=False)
        expected = files.export(policy, cal, D(2016, 3, 31))
        read = {name: pd.read_csv(SAMPLE / f"{name}.csv", dtype=str, keep_default_na=False)
                for name in ("header", "episodes", "reviews", "placed_for_adoption")}
        as_text = iro.Casebook.from_frames(**read, warn=False)
        self.assertEqual(as_text.export(policy, cal, D(2016, 3, 31)), expected)
        self.assertEqual(as_text.import_report().rejected, files.import_report().rejected)
        typed = {name: frame.copy() for name, frame in read.items()}
        for name, columns in (("header", ["DOB"]), ("episodes", ["DECOM", "DEC"]), ("reviews", ["DOB", "REVIEW"]),
                              ("placed_for_adoption", ["DOB", "DATE_PLACED", "DATE_PLACED_CEASED"])):
            for column in columns:
                typed[name][column] = pd.to_datetime(typed[name][column], format="%d/%m/%Y", errors="coerce")
        self.assertTrue(str(typed["episodes"]["DECOM"].dtype).startswith("datetime64"))
        with warnings.catch_warnings(record=True):
            warnings.simplefilter("always")
            as_dates = iro.Casebook.from_frames(**typed)
        self.assertEqual(as_dates.export(policy, cal, D(2016, 3, 31)), expected)
        typed["episodes"].loc[0, "DECOM"] = pd.Timestamp("2016-02-15 10:30")
        with self.assertRaises(ValueError):
            iro.Casebook.from_frames(**typed)
        with self.assertRaises(TypeError):
            iro.Casebook.from_frames(header="header.csv", episodes=typed["episodes"])


class ReportFrames(unittest.TestCase):
    def test_tables_cells_and_rows_as_dataframes(self):
        with iro.Casebook() as book, iro.Policy.builtin() as policy, iro.Calendar.builtin() as cal:
            book.synthesize(children=300, iros=5, years=2, seed=3)
            report = book.report(policy, cal, 2024)
        cells = report.to_pandas()
        self.assertEqual(list(cells.columns), ["table", "row", "measure", "value", "number"])
        self.assertEqual(len(cells), len(report.cells()))
        months = report.table("timeliness")
        self.assertEqual(months.index[0], "Apr 2024")
        self.assertEqual(months.loc["Year", "due"], report.figure("timeliness.year.due"))
        self.assertEqual(months.loc["May 2024", "held"], report.figure("timeliness.2024-05.held"))
        pn = report.table("participation")
        self.assertEqual(pn.loc["PN3", "reviews"], report.figure("participation.PN3"))
        rows = report.query_frame("timeliness.year.late_or_missed")
        self.assertEqual(len(rows), report.figure("timeliness.year.late_or_missed"))
        self.assertEqual(list(rows.columns), ["child", "date", "detail"])
        self.assertTrue(str(rows["date"].dtype).startswith("datetime64"))
        with self.assertRaises(iro.InvalidArgumentError):
            report.table("no such table")


if __name__ == "__main__":
    unittest.main()
