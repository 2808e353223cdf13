"""iro.dates: datetime.date in and out, strict parsing, month arithmetic, batch months."""
import datetime
import unittest

import numpy as np

import iro

D = datetime.date


class MonthsWeeksDays(unittest.TestCase):
    def test_dodds_v_walker(self):
        self.assertEqual(iro.add_months(D(2024, 8, 31), 6), D(2025, 2, 28))
        self.assertEqual(iro.add_months(D(2024, 2, 29), 6), D(2024, 8, 29))
        self.assertEqual(iro.add_months(D(2024, 1, 31), 1), D(2024, 2, 29))
        self.assertEqual(iro.add_months(D(2024, 5, 31), -3), D(2024, 2, 29))
        self.assertEqual(iro.add_months(D(2024, 3, 15), 0), D(2024, 3, 15))

    def test_weeks_and_days(self):
        self.assertEqual(iro.add_weeks(D(2024, 9, 2), 4), D(2024, 9, 30))
        self.assertEqual(iro.add_weeks(D(2024, 9, 30), -4), D(2024, 9, 2))
        self.assertEqual(iro.add_days(D(2024, 3, 1), -1), D(2024, 2, 29))
        self.assertEqual(iro.add_days(D(2023, 12, 31), 1), D(2024, 1, 1))

    def test_n_that_does_not_fit_int32_is_refused_not_wrapped(self):
        # ctypes would pass 2**32 + 1 as 1: the package checks first.
        with self.assertRaises(iro.OutOfRangeError) as caught:
            iro.add_days(D(2024, 1, 1), 2 ** 32 + 1)
        self.assertIn("4294967297", str(caught.exception))
        with self.assertRaises(iro.OutOfRangeError):
            iro.add_months(D(2024, 1, 1), -(2 ** 31) - 1)
        with self.assertRaises(TypeError):
            iro.add_days(D(2024, 1, 1), 1.5)
        self.assertEqual(iro.add_days(D(2024, 1, 1), np.int64(31)), D(2024, 2, 1))

    def test_results_outside_the_range_are_refused(self):
        with self.assertRaises(iro.OutOfRangeError):
            iro.add_days(iro.DATE_MAX, 1)
        with self.assertRaises(iro.OutOfRangeError):
            iro.add_months(iro.DATE_MIN, -1)
        with self.assertRaises(iro.OutOfRangeError):
            iro.add_weeks(iro.DATE_MAX, 1)


class TextAndConversions(unittest.TestCase):
    def test_parse_and_format_round_trip_over_a_leap_cycle(self):
        day = D(2020, 1, 1)
        while day < D(2024, 1, 1):
            text = day.isoformat()
            self.assertEqual(iro.parse_date(text), day)
            self.assertEqual(iro.format_date(day), text)
            self.assertEqual(iro.weekday(day), day.isoweekday())
            self.assertEqual(iro.from_days(iro.to_days(day)), day)
            day += datetime.timedelta(days=1)

    def test_bad_text_gets_the_specific_error_naming_the_value(self):
        cases = [("2023-02-29", iro.InvalidDateError), ("2024-13-01", iro.InvalidDateError),
                 (" 2024-01-01", iro.ParseError), ("2024-1-1", iro.ParseError), ("20240101", iro.ParseError),
                 ("2024-01-01 ", iro.ParseError), ("", iro.ParseError),
                 ("1899-12-31", iro.OutOfRangeError), ("2200-01-01", iro.OutOfRangeError)]
        for text, error in cases:
            with self.subTest(text=text):
                with self.assertRaises(error) as caught:
                    iro.parse_date(text)
                self.assertIn(f'"{text}"', str(caught.exception))
                self.assertIsInstance(caught.exception, ValueError)
        with self.assertRaises(iro.InvalidArgumentError):
            iro.parse_date("2024-01-01\x00junk")  # C would see only "2024-01-01"
        with self.assertRaises(TypeError):
            iro.parse_date(b"2024-01-01")

    def test_the_range_and_day_counts(self):
        self.assertEqual(iro.DATE_MIN, D(1900, 1, 1))
        self.assertEqual(iro.DATE_MAX, D(2199, 12, 31))
        self.assertEqual(iro.to_days(D(1970, 1, 1)), 0)
        self.assertEqual(iro.to_days(D(2024, 3, 25)), 19807)
        self.assertEqual(iro.to_days(iro.DATE_MIN), -25567)
        self.assertEqual(iro.to_days(iro.DATE_MAX), 84005)
        self.assertEqual(iro.from_days(-1), D(1969, 12, 31))
        with self.assertRaises(iro.OutOfRangeError):
            iro.from_days(84006)
        with self.assertRaises(iro.OutOfRangeError):
            iro.from_days(2 ** 32 + 19807)  # would wrap to 2024-03-25 without the int32 check
        with self.assertRaises(TypeError):
            iro.to_days(datetime.datetime(2024, 1, 1))  # its time of day would be lost
        with self.assertRaises(TypeError):
            iro.to_days("2024-01-01")

    def test_weekday_is_iso(self):
        self.assertEqual(iro.weekday(D(2024, 3, 25)), 1)
        self.assertEqual(iro.weekday(D(2024, 3, 31)), 7)
        with self.assertRaises(iro.OutOfRangeError):
            iro.weekday(D(1899, 12, 31))


class BatchMonths(unittest.TestCase):
    def test_datetime64_in_datetime64_out(self):
        dates = np.array(["2024-08-31", "2024-02-29", "2023-01-31"], dtype="datetime64[D]")
        got = iro.add_months(dates, 6)
        self.assertEqual(got.dtype, np.dtype("datetime64[D]"))
        self.assertEqual(got.tolist(), [D(2025, 2, 28), D(2024, 8, 29), D(2023, 7, 31)])
        self.assertEqual(dates.tolist(), [D(2024, 8, 31), D(2024, 2, 29), D(2023, 1, 31)])  # input untouched

    def test_shapes_lists_and_empty_arrays(self):
        grid = np.array([["2024-08-31", "2024-01-31"], ["2024-02-29", "2024-12-31"]], dtype="datetime64[D]")
        got = iro.add_months(grid, 2)
        self.assertEqual(got.shape, (2, 2))
        self.assertEqual(got.tolist(), [[D(2024, 10, 31), D(2024, 3, 31)], [D(2024, 4, 29), D(2025, 2, 28)]])
        self.assertEqual(iro.add_months([D(2024, 8, 31), D(2024, 2, 29)], 6), [D(2025, 2, 28), D(2024, 8, 29)])
        self.assertEqual(iro.add_months((D(2024, 8, 31),), -6), [D(2024, 2, 29)])
        self.assertEqual(iro.add_months(np.array([], dtype="datetime64[D]"), 1).size, 0)
        self.assertEqual(iro.add_months([], 1), [])

    def test_in_place_on_int32_days(self):
        days = np.array([iro.to_days(D(2024, 8, 31)), iro.to_days(D(2024, 2, 29))], dtype=np.int32)
        same = iro.add_months(days, 6, out=days)
        self.assertIs(same, days)
        self.assertEqual([iro.from_days(d) for d in days], [D(2025, 2, 28), D(2024, 8, 29)])

    def test_the_first_failing_item_is_named(self):
        with self.assertRaises(iro.OutOfRangeError) as caught:
            iro.add_months(np.array(["2024-01-31", "2199-12-31", "2199-12-31"], dtype="datetime64[D]"), 1)
        self.assertIn("item 1", str(caught.exception))


if __name__ == "__main__":
    unittest.main()
