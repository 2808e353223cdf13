"""iro.dates: datetime.date in and out, strict parsing, month arithmetic, batch months."""
import datetime
import unittest

import numpy as np

import iro

D = datetime.date


class Dates(unittest.TestCase):
    def test_months_follow_the_corresponding_date_rule(self):
        self.assertEqual(iro.add_months(D(2024, 8, 31), 6), D(2025, 2, 28))
        self.assertEqual(iro.add_months(D(2024, 2, 29), 6), D(2024, 8, 29))
        self.assertEqual(iro.add_months(D(2024, 5, 31), -3), D(2024, 2, 29))
        self.assertEqual(iro.add_weeks(D(2024, 9, 2), 4), D(2024, 9, 30))
        self.assertEqual(iro.add_days(D(2024, 3, 1), -1), D(2024, 2, 29))

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
                 (" 2024-01-01", iro.ParseError), ("2024-1-1", iro.ParseError), ("1899-12-31", iro.OutOfRangeError),
                 ("2200-01-01", iro.OutOfRangeError)]
        for text, error in cases:
            with self.subTest(text=text):
                with self.assertRaises(error) as caught:
                    iro.parse_date(text)
                self.assertIn(f'"{text}"', str(caught.exception))
                self.assertIsInstance(caught.exception, ValueError)
        with self.assertRaises(iro.InvalidArgumentError):
            iro.parse_date("2024-01-01\x00junk")

    def test_range(self):
        self.assertEqual(iro.DATE_MIN, D(1900, 1, 1))
        self.assertEqual(iro.DATE_MAX, D(2199, 12, 31))
        with self.assertRaises(iro.OutOfRangeError):
            iro.add_days(iro.DATE_MAX, 1)
        with self.assertRaises(iro.OutOfRangeError):
            iro.from_days(84006)
        with self.assertRaises(iro.InvalidArgumentError):
            iro.to_days(datetime.datetime(2024, 1, 1))

    def test_add_months_over_a_numpy_array_in_one_call(self):
        dates = np.array(["2024-08-31", "2024-02-29", "2023-01-31"], dtype="datetime64[D]")
        got = iro.add_months(dates, 6)
        self.assertEqual(got.dtype, np.dtype("datetime64[D]"))
        self.assertEqual(got.tolist(), [D(2025, 2, 28), D(2024, 8, 29), D(2023, 7, 31)])
        self.assertEqual(iro.add_months([D(2024, 8, 31)], 6), [D(2025, 2, 28)])
        with self.assertRaises(iro.OutOfRangeError) as caught:
            iro.add_months(np.array(["2024-01-31", "2199-12-31"], dtype="datetime64[D]"), 1)
        self.assertIn("item 1", str(caught.exception))


if __name__ == "__main__":
    unittest.main()
