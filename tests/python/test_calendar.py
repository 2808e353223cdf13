"""iro.Calendar against an independent oracle: a day loop over tests/data/bank-holidays.json."""
import datetime
import json
import random
import unittest
from pathlib import Path

import numpy as np

import iro

D = datetime.date
DATA = Path(__file__).resolve().parents[1] / "data"
GOVUK = DATA / "bank-holidays.json"


def published_holidays():
    events = json.loads(GOVUK.read_text(encoding="utf-8"))["england-and-wales"]["events"]
    return {D.fromisoformat(e["date"]) for e in events}


HOLIDAYS = published_holidays()


def working(day):
    return day.weekday() < 5 and day not in HOLIDAYS


def loop_add(day, n):
    step = 1 if n > 0 else -1
    counted = 0
    while counted != n:
        day += datetime.timedelta(days=step)
        if working(day):
            counted += step
    return day


def loop_between(a, b):
    sign, lo, hi = (1, a, b) if a <= b else (-1, b, a)
    count = 0
    day = lo
    while day < hi:
        day += datetime.timedelta(days=1)
        count += working(day)
    return sign * count


class CalendarAgainstTheDayLoop(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cal = iro.Calendar.builtin("england-and-wales")
        rng = random.Random(20240325)
        start = D(2012, 2, 1).toordinal()
        end = D(2027, 10, 31).toordinal()
        cls.dates = [D.fromordinal(rng.randint(start, end)) for _ in range(3000)]
        cls.ns = [rng.randint(-25, 25) for _ in cls.dates]

    @classmethod
    def tearDownClass(cls):
        cls.cal.close()

    def test_single_sums(self):
        for day, n in zip(self.dates, self.ns):
            self.assertEqual(self.cal.add_working_days(day, n), loop_add(day, n), (day, n))

    def test_batch_with_datetime64_and_int32_arrays(self):
        days = np.array(self.dates, dtype="datetime64[D]")
        expect = np.array([loop_add(d, 20) for d in self.dates], dtype="datetime64[D]")
        got = self.cal.add_working_days(days, 20)
        self.assertEqual(got.dtype, np.dtype("datetime64[D]"))
        np.testing.assert_array_equal(got, expect)
        as_int32 = days.astype(np.int64).astype(np.int32)
        np.testing.assert_array_equal(self.cal.add_working_days(as_int32, 20), expect.astype(np.int64))
        self.assertEqual(self.cal.add_working_days(self.dates[:3], 20), [loop_add(d, 20) for d in self.dates[:3]])

    def test_between_single_and_batch(self):
        pairs = list(zip(self.dates, reversed(self.dates)))[:500]
        for a, b in pairs:
            self.assertEqual(self.cal.working_days_between(a, b), loop_between(a, b), (a, b))
        a = np.array([p[0] for p in pairs], dtype="datetime64[D]")
        b = np.array([p[1] for p in pairs], dtype="datetime64[D]")
        np.testing.assert_array_equal(self.cal.working_days_between(a, b), [loop_between(*p) for p in pairs])

    def test_named_days(self):
        self.assertFalse(self.cal.is_working_day(D(2022, 9, 19)))
        self.assertFalse(self.cal.is_working_day(D(2023, 5, 8)))
        self.assertFalse(self.cal.is_working_day(D(2022, 12, 27)))
        self.assertTrue(self.cal.is_working_day(D(2022, 12, 28)))
        self.assertEqual(self.cal.add_working_days(D(2022, 9, 5), 20), D(2022, 10, 4))
        self.assertEqual(self.cal.next_working_day(D(2023, 5, 6)), D(2023, 5, 9))
        self.assertEqual(self.cal.previous_working_day(D(2023, 5, 8)), D(2023, 5, 5))

    def test_every_published_holiday_is_listed_with_its_name(self):
        listed = self.cal.holidays(D(2012, 1, 1), D(2027, 12, 31))
        self.assertEqual({h.date for h in listed}, HOLIDAYS)
        funeral = [h for h in listed if h.date == D(2022, 9, 19)][0]
        self.assertEqual(funeral.name, "Bank Holiday for the State Funeral of Queen Elizabeth II")
        self.assertEqual(funeral.kind, "bank_holiday")
        self.assertTrue(all(h.projected for h in self.cal.holidays(D(2030, 1, 1), D(2030, 12, 31))))

    def test_properties_and_explanation(self):
        self.assertEqual((self.cal.first, self.cal.last), (D(1970, 1, 1), D(2199, 12, 31)))
        self.assertEqual(self.cal.confirmed_through, 2027)
        self.assertEqual(self.cal.division, "england-and-wales")
        self.assertIn("2023-05-08 Bank holiday for the coronation of King Charles III",
                      self.cal.explain(D(2023, 4, 28), 20))


class CalendarSources(unittest.TestCase):
    def test_govuk_file_closures_and_updates(self):
        with iro.Calendar.from_govuk_file(GOVUK) as govuk:
            self.assertEqual((govuk.first, govuk.last), (D(2012, 1, 1), D(2027, 12, 31)))
            with self.assertRaises(iro.OutOfRangeError):
                govuk.add_working_days(D(2028, 1, 5), 1)
        with iro.Calendar.builtin() as cal, cal.with_closures([D(2022, 12, 28), D(2022, 12, 29), D(2022, 12, 30)]) as council:
            self.assertEqual(council.add_working_days(D(2022, 12, 12), 20), D(2023, 1, 17))
            self.assertEqual(cal.add_working_days(D(2022, 12, 12), 20), D(2023, 1, 12))
            self.assertEqual(council.holidays(D(2022, 12, 28), D(2022, 12, 28))[0].kind, "closure")
            with cal.updated(GOVUK) as updated:
                self.assertIn("updated from", updated.source)
        text = GOVUK.read_text(encoding="utf-8")
        with iro.Calendar.from_govuk_text(text) as from_text:
            self.assertFalse(from_text.is_working_day(D(2022, 9, 19)))

    def test_bad_sources(self):
        with self.assertRaises(iro.NotFoundError) as caught:
            iro.Calendar.builtin("scotland")
        self.assertIn("england-and-wales", str(caught.exception))
        with self.assertRaises(iro.IroIOError):
            iro.Calendar.from_govuk_file(DATA / "missing.json")
        with self.assertRaises(iro.ParseError) as caught:
            iro.Calendar.from_govuk_text('{"england-and-wales": {"events": [')
        self.assertIn("<text>:1:", str(caught.exception))
        with self.assertRaises(iro.NotFoundError):
            iro.Calendar.from_govuk_file(GOVUK, "northern-ireland")

    def test_a_closed_calendar_refuses_calls(self):
        cal = iro.Calendar.builtin()
        cal.close()
        cal.close()
        with self.assertRaises(iro.InvalidArgumentError):
            cal.is_working_day(D(2024, 1, 2))

    def test_batch_errors_name_the_item(self):
        with iro.Calendar.builtin() as cal:
            days = np.array(["2024-01-02", "1960-01-01"], dtype="datetime64[D]")
            with self.assertRaises(iro.OutOfRangeError) as caught:
                cal.add_working_days(days, 5)
            self.assertIn("item 1", str(caught.exception))
            with self.assertRaises(iro.InvalidArgumentError):
                cal.add_working_days(np.array(["NaT"], dtype="datetime64[D]"), 5)
            with self.assertRaises(iro.InvalidArgumentError):
                cal.working_days_between(days, days[:1])


if __name__ == "__main__":
    unittest.main()
