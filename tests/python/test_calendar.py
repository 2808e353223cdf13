"""iro.Calendar against an independent oracle: a plain day loop over tests/data/bank-holidays.json.

The oracle: a working day is a weekday that is not in the GOV.UK list (England and Wales, 2012-2027).
"Add n working days" starts at the anchor (day 0) and steps one day at a time until n working days are
counted (backwards for n < 0); "working days between a and b" counts working days in (a, b], negative
when b is before a.
"""
import datetime
import gc
import json
import random
import threading
import unittest
from pathlib import Path

import numpy as np

import iro

D = datetime.date
ONE_DAY = datetime.timedelta(days=1)
DATA = Path(__file__).resolve().parents[1] / "data"
GOVUK = DATA / "bank-holidays.json"
EVENTS = json.loads(GOVUK.read_text(encoding="utf-8"))["england-and-wales"]["events"]
HOLIDAYS = {D.fromisoformat(e["date"]) for e in EVENTS}
FIRST, LAST = D(2012, 1, 1), D(2027, 12, 31)  # the years the list covers


def working(day):
    return day.weekday() < 5 and day not in HOLIDAYS


def loop_add(day, n):
    step = 1 if n > 0 else -1
    counted = 0
    while counted != n:
        day += step * ONE_DAY
        if working(day):
            counted += step
    return day


def loop_between(a, b):
    sign, low, high = (1, a, b) if a <= b else (-1, b, a)
    count, day = 0, low
    while day < high:
        day += ONE_DAY
        count += working(day)
    return sign * count


def loop_next(day):
    while not working(day):
        day += ONE_DAY
    return day


def loop_previous(day):
    while not working(day):
        day -= ONE_DAY
    return day


def every_day(first=FIRST, last=LAST):
    day = first
    while day <= last:
        yield day
        day += ONE_DAY


def random_dates(rng, count, first=D(2012, 4, 1), last=D(2027, 9, 30)):
    """Dates far enough inside the list's years that +-60 working days stay inside them."""
    return [D.fromordinal(rng.randint(first.toordinal(), last.toordinal())) for _ in range(count)]


class BuiltinAgainstTheDayLoop(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cal = iro.Calendar.builtin("england-and-wales")
        rng = random.Random(20240325)
        cls.dates = random_dates(rng, 3000)
        cls.ns = [rng.randint(-60, 60) for _ in cls.dates]
        cls.ends = [min(max(d + rng.randint(-400, 400) * ONE_DAY, FIRST), LAST) for d in cls.dates]

    @classmethod
    def tearDownClass(cls):
        cls.cal.close()

    def test_every_day_of_the_list_years(self):
        for day in every_day():
            self.assertEqual(self.cal.is_working_day(day), working(day), day)

    def test_add_working_days_one_at_a_time(self):
        for day, n in zip(self.dates, self.ns):
            self.assertEqual(self.cal.add_working_days(day, n), loop_add(day, n), (day, n))

    def test_add_working_days_in_one_batch_call(self):
        for n in (1, 20, -20):
            expect = [loop_add(d, n) for d in self.dates]
            as_datetime64 = np.array(self.dates, dtype="datetime64[D]")
            got = self.cal.add_working_days(as_datetime64, n)
            self.assertEqual(got.dtype, np.dtype("datetime64[D]"))
            self.assertEqual(got.tolist(), expect)
            as_int32 = as_datetime64.astype(np.int32)
            got = self.cal.add_working_days(as_int32, n)
            self.assertEqual(got.dtype, np.int32)
            self.assertEqual(got.tolist(), [iro.to_days(d) for d in expect])
            self.assertEqual(self.cal.add_working_days(self.dates, n), expect)

    def test_working_days_between_one_at_a_time_and_in_batch(self):
        expect = [loop_between(a, b) for a, b in zip(self.dates, self.ends)]
        for a, b, count in zip(self.dates, self.ends, expect):
            self.assertEqual(self.cal.working_days_between(a, b), count, (a, b))
        got = self.cal.working_days_between(np.array(self.dates, dtype="datetime64[D]"),
                                            np.array(self.ends, dtype="datetime64[D]"))
        self.assertEqual(got.dtype, np.int32)
        self.assertEqual(got.tolist(), expect)
        self.assertEqual(self.cal.working_days_between(self.dates, self.ends).tolist(), expect)

    def test_one_date_against_an_array(self):
        anchor = D(2023, 5, 5)
        got = self.cal.working_days_between(anchor, np.array(self.ends[:200], dtype="datetime64[D]"))
        self.assertEqual(got.tolist(), [loop_between(anchor, b) for b in self.ends[:200]])
        got = self.cal.working_days_between(self.dates[:200], anchor)
        self.assertEqual(got.tolist(), [loop_between(a, anchor) for a in self.dates[:200]])

    def test_next_and_previous_working_day(self):
        for day in self.dates[:1000]:
            self.assertEqual(self.cal.next_working_day(day), loop_next(day), day)
            self.assertEqual(self.cal.previous_working_day(day), loop_previous(day), day)

    def test_every_published_holiday_is_listed_by_date_and_name(self):
        listed = self.cal.holidays(FIRST, LAST)
        self.assertEqual([(h.date, h.name) for h in listed],
                         sorted((D.fromisoformat(e["date"]), e["title"]) for e in EVENTS))
        self.assertTrue(all(h.kind == "bank_holiday" and not h.projected for h in listed))

    def test_years_after_the_confirmed_one_are_projected(self):
        self.assertEqual(self.cal.confirmed_through, 2027)
        later = self.cal.holidays(D(2030, 1, 1), D(2030, 12, 31))
        self.assertEqual(len(later), 8)
        self.assertTrue(all(h.projected for h in later))
        self.assertEqual(later[0], iro.Holiday(D(2030, 1, 1), "New Year’s Day", "bank_holiday", False, True))


class NamedDays(unittest.TestCase):
    """The days the brief names, each checked against the day loop and against known answers."""

    @classmethod
    def setUpClass(cls):
        cls.cal = iro.Calendar.builtin()

    @classmethod
    def tearDownClass(cls):
        cls.cal.close()

    def test_the_state_funeral(self):
        funeral = D(2022, 9, 19)  # a Monday
        self.assertFalse(self.cal.is_working_day(funeral))
        self.assertEqual(self.cal.add_working_days(D(2022, 9, 16), 1), D(2022, 9, 20))
        self.assertEqual(self.cal.add_working_days(D(2022, 9, 5), 20), loop_add(D(2022, 9, 5), 20))
        self.assertEqual(self.cal.add_working_days(D(2022, 9, 5), 20), D(2022, 10, 4))
        self.assertEqual(self.cal.holidays(funeral, funeral)[0].name,
                         "Bank Holiday for the State Funeral of Queen Elizabeth II")

    def test_the_coronation(self):
        coronation = D(2023, 5, 8)
        self.assertFalse(self.cal.is_working_day(coronation))
        self.assertEqual(self.cal.next_working_day(D(2023, 5, 6)), D(2023, 5, 9))
        self.assertEqual(self.cal.previous_working_day(coronation), D(2023, 5, 5))
        self.assertEqual(self.cal.working_days_between(D(2023, 5, 5), D(2023, 5, 9)), 1)
        sentence = self.cal.explain(D(2023, 4, 28), 20)
        self.assertTrue(sentence.startswith(f"2023-04-28 + 20 working days = {loop_add(D(2023, 4, 28), 20)}"))
        self.assertIn("stepped over 10 weekend days and 3 holidays", sentence)
        self.assertIn("2023-05-08 Bank holiday for the coronation of King Charles III", sentence)

    def test_christmas_2022_has_a_substitute_day(self):
        # 25 December 2022 was a Sunday: Boxing Day on Monday 26, Christmas Day's substitute on Tuesday 27.
        listed = self.cal.holidays(D(2022, 12, 24), D(2023, 1, 3))
        self.assertEqual([(h.date, h.name, h.substitute) for h in listed],
                         [(D(2022, 12, 26), "Boxing Day", False), (D(2022, 12, 27), "Christmas Day", True),
                          (D(2023, 1, 2), "New Year’s Day", True)])
        self.assertEqual(self.cal.add_working_days(D(2022, 12, 23), 1), D(2022, 12, 28))
        self.assertEqual(self.cal.add_working_days(D(2022, 12, 28), -1), D(2022, 12, 23))
        self.assertEqual(self.cal.working_days_between(D(2022, 12, 23), D(2023, 1, 3)), 4)

    def test_christmas_2023_falls_on_weekdays(self):
        self.assertFalse(self.cal.is_working_day(D(2023, 12, 25)))
        self.assertFalse(self.cal.is_working_day(D(2023, 12, 26)))
        self.assertTrue(self.cal.is_working_day(D(2023, 12, 27)))
        self.assertEqual(self.cal.add_working_days(D(2023, 12, 22), 1), D(2023, 12, 27))
        self.assertEqual(self.cal.working_days_between(D(2024, 1, 24), D(2023, 12, 22)), -20)

    def test_the_anchor_is_day_zero_even_on_a_holiday(self):
        self.assertEqual(self.cal.add_working_days(D(2023, 12, 25), 0), D(2023, 12, 25))
        self.assertEqual(self.cal.add_working_days(D(2023, 12, 25), 1), D(2023, 12, 27))
        self.assertEqual(self.cal.add_working_days(D(2024, 3, 25), 20), D(2024, 4, 24))  # over Easter 2024


class Sources(unittest.TestCase):
    def test_a_govuk_file_alone_covers_its_years(self):
        with iro.Calendar.from_govuk_file(GOVUK, "england-and-wales") as govuk:
            self.assertEqual((govuk.first, govuk.last, govuk.confirmed_through), (FIRST, LAST, 2027))
            self.assertEqual(govuk.division, "england-and-wales")
            self.assertEqual(govuk.source, str(GOVUK))
            for day in every_day():
                self.assertEqual(govuk.is_working_day(day), working(day), day)
            self.assertEqual([(h.date, h.name, h.substitute) for h in govuk.holidays(FIRST, LAST)],
                             sorted((D.fromisoformat(e["date"]), e["title"], e["notes"] == "Substitute day")
                                    for e in EVENTS))
            with self.assertRaises(iro.OutOfRangeError):
                govuk.add_working_days(D(2027, 12, 30), 5)
            with self.assertRaises(iro.OutOfRangeError):
                govuk.is_working_day(D(2011, 12, 31))

    def test_a_govuk_document_as_text_or_bytes(self):
        document = GOVUK.read_text(encoding="utf-8")
        for given in (document, document.encode("utf-8")):
            with iro.Calendar.from_govuk_text(given) as cal:
                self.assertFalse(cal.is_working_day(D(2022, 9, 19)))
                self.assertEqual(cal.last, LAST)

    def test_closures_make_a_new_calendar(self):
        closures = [D(2022, 12, 28), D(2022, 12, 29), D(2022, 12, 30)]
        with iro.Calendar.builtin() as cal, cal.with_closures(closures) as council:
            self.assertEqual(council.add_working_days(D(2022, 12, 12), 20), D(2023, 1, 17))
            self.assertEqual(cal.add_working_days(D(2022, 12, 12), 20), D(2023, 1, 12))  # unchanged
            listed = council.holidays(D(2022, 12, 28), D(2022, 12, 30))
            self.assertEqual([(h.date, h.name, h.kind) for h in listed],
                             [(d, "Council closure", "closure") for d in closures])
            with cal.with_closures(np.array(closures, dtype="datetime64[D]"), "Shutdown") as from_numpy:
                self.assertEqual(from_numpy.holidays(D(2022, 12, 29), D(2022, 12, 29))[0].name, "Shutdown")
            with cal.with_closures([D(2022, 12, 31)]) as weekend:  # a Saturday: nothing changes
                self.assertEqual(weekend.holidays(D(2022, 12, 31), D(2022, 12, 31)), [])

    def test_a_derived_calendar_outlives_its_base(self):
        base = iro.Calendar.builtin()
        council = base.with_closures([D(2024, 12, 27)])
        base.close()
        del base
        gc.collect()
        self.assertFalse(council.is_working_day(D(2024, 12, 27)))
        council.close()

    def test_an_update_defaults_to_the_calendars_division(self):
        with iro.Calendar.builtin() as cal, cal.updated(GOVUK) as updated:
            self.assertEqual(updated.division, "england-and-wales")
            self.assertIn("updated from", updated.source)
            self.assertEqual(updated.confirmed_through, 2027)
            self.assertFalse(updated.is_working_day(D(2023, 5, 8)))

    def test_bad_sources_raise_the_mapped_errors(self):
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
        with iro.Calendar.builtin() as cal, self.assertRaises(iro.InvalidArgumentError):
            cal.updated(GOVUK, "scotland")
        with self.assertRaises(iro.InvalidArgumentError):
            iro.Calendar.builtin("england\x00and-wales")


class Lifetime(unittest.TestCase):
    def test_close_is_idempotent_and_a_closed_calendar_refuses_calls(self):
        cal = iro.Calendar.builtin()
        self.assertTrue(cal.is_open)
        cal.close()
        cal.close()
        self.assertFalse(cal.is_open)
        self.assertEqual(repr(cal), "<iro.Calendar (closed)>")
        with self.assertRaises(iro.InvalidArgumentError) as caught:
            cal.is_working_day(D(2024, 1, 2))
        self.assertIn("closed", str(caught.exception))

    def test_calendars_dropped_without_close_are_freed(self):
        for _ in range(200):
            iro.Calendar.builtin().with_closures([D(2024, 12, 27)])
        gc.collect()
        with iro.Calendar.builtin() as cal:
            self.assertIn("england-and-wales 1970-01-01..2199-12-31", repr(cal))

    def test_one_calendar_shared_by_threads(self):
        rng = random.Random(7)
        dates = np.array(random_dates(rng, 20000), dtype="datetime64[D]")
        with iro.Calendar.builtin() as cal:
            expect = cal.add_working_days(dates, 15)
            results, messages = [None] * 4, [None] * 4

            def work(i):
                results[i] = cal.add_working_days(dates, 15)
                try:  # each thread sees its own last error message
                    cal.add_working_days(D(1960 + i, 1, 1), 1)
                except iro.OutOfRangeError as e:
                    messages[i] = str(e)

            threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        for i in range(4):
            np.testing.assert_array_equal(results[i], expect)
            self.assertIn(f"196{i}-01-01", messages[i])


if __name__ == "__main__":
    unittest.main()
