"""Batch calls with numpy: which inputs reach the C function without a copy, out= in place, and refusals.

The proof of "no copy" records the addresses the package passes to the C function (a proxy in place of
the module's library object) and compares them with the caller's array.
"""
import datetime
import unittest
from unittest import mock

import numpy as np

import iro
from iro import _native

D = datetime.date
ANCHORS = [D(2024, 3, 25), D(2022, 9, 5), D(2022, 12, 12)]
PLUS_20 = [D(2024, 4, 24), D(2022, 10, 4), D(2023, 1, 12)]


class Recorder:
    """Forwards to the real library and records every call's name and arguments."""

    def __init__(self):
        self.calls = []

    def __getattr__(self, name):
        function = getattr(_native.lib, name)

        def record(*args):
            self.calls.append((name, args))
            return function(*args)
        return record

    def addresses(self, name):
        """The arguments of the one call of name."""
        (args,) = [a for n, a in self.calls if n == name]
        return args


def days_of(dates):
    return np.array([iro.to_days(d) for d in dates], dtype=np.int32)


class ZeroCopy(unittest.TestCase):
    def setUp(self):
        self.cal = iro.Calendar.builtin()
        self.addCleanup(self.cal.close)
        self.recorder = Recorder()
        patcher = mock.patch.object(iro.calendar, "_lib", self.recorder)
        patcher.start()
        self.addCleanup(patcher.stop)

    def test_contiguous_int32_input_is_read_where_it_is(self):
        days = days_of(ANCHORS)
        got = self.cal.add_working_days(days, 20)
        _, given, count, n, out = self.recorder.addresses("iro_calendar_add_working_days_batch")
        self.assertEqual((given, count, n), (days.ctypes.data, 3, 20))
        self.assertNotEqual(out, days.ctypes.data)  # results go to a new array; the input is untouched
        self.assertEqual(got.tolist(), days_of(PLUS_20).tolist())
        self.assertEqual(days.tolist(), days_of(ANCHORS).tolist())

    def test_out_makes_the_whole_call_copy_free(self):
        days = days_of(ANCHORS)
        result = np.zeros(3, dtype=np.int32)
        self.assertIs(self.cal.add_working_days(days, 20, out=result), result)
        _, given, _, _, out = self.recorder.addresses("iro_calendar_add_working_days_batch")
        self.assertEqual((given, out), (days.ctypes.data, result.ctypes.data))
        self.assertEqual(result.tolist(), days_of(PLUS_20).tolist())

    def test_in_place(self):
        days = days_of(ANCHORS)
        address = days.ctypes.data
        self.assertIs(self.cal.add_working_days(days, 20, out=days), days)
        _, given, _, _, out = self.recorder.addresses("iro_calendar_add_working_days_batch")
        self.assertEqual((given, out), (address, address))
        self.assertEqual(days.tolist(), days_of(PLUS_20).tolist())

    def test_two_int32_arrays_for_between(self):
        a, b = days_of(ANCHORS), days_of(PLUS_20)
        counts = np.empty(3, dtype=np.int32)
        self.assertIs(self.cal.working_days_between(a, b, out=counts), counts)
        _, first, second, count, out = self.recorder.addresses("iro_calendar_working_days_between_batch")
        self.assertEqual((first, second, count, out), (a.ctypes.data, b.ctypes.data, 3, counts.ctypes.data))
        self.assertEqual(counts.tolist(), [20, 20, 20])

    def test_datetime64_is_narrowed_once(self):
        dates = np.array(ANCHORS, dtype="datetime64[D]")
        got = self.cal.add_working_days(dates, 20)
        _, given, _, _, _ = self.recorder.addresses("iro_calendar_add_working_days_batch")
        self.assertNotEqual(given, dates.ctypes.data)  # int64 storage cannot be passed as int32
        self.assertEqual(got.dtype, np.dtype("datetime64[D]"))
        self.assertEqual(got.tolist(), PLUS_20)

    def test_a_strided_int32_array_is_copied_once_and_answered_correctly(self):
        every_other = np.repeat(days_of(ANCHORS), 2)[::2]
        self.assertFalse(every_other.flags.c_contiguous)
        got = self.cal.add_working_days(every_other, 20)
        _, given, _, _, _ = self.recorder.addresses("iro_calendar_add_working_days_batch")
        self.assertNotEqual(given, every_other.ctypes.data)
        self.assertEqual(got.tolist(), days_of(PLUS_20).tolist())


class ZeroCopyMonths(unittest.TestCase):
    def test_int32_input_for_add_months(self):
        recorder = Recorder()
        days = days_of([D(2024, 8, 31), D(2024, 2, 29)])
        with mock.patch.object(iro.dates, "_lib", recorder):
            iro.add_months(days, 6, out=days)
        given, count, n, out = recorder.addresses("iro_date_add_months_batch")
        self.assertEqual((given, count, n, out), (days.ctypes.data, 2, 6, days.ctypes.data))
        self.assertEqual(days.tolist(), days_of([D(2025, 2, 28), D(2024, 8, 29)]).tolist())


class Inputs(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cal = iro.Calendar.builtin()

    @classmethod
    def tearDownClass(cls):
        cls.cal.close()

    def test_other_integer_and_datetime_units(self):
        self.assertEqual(self.cal.add_working_days(days_of(ANCHORS).astype(np.int64), 20).tolist(),
                         days_of(PLUS_20).tolist())
        as_seconds = np.array(["2024-03-25T13:45:00"], dtype="datetime64[s]")
        self.assertEqual(self.cal.add_working_days(as_seconds, 20).tolist(), [D(2024, 4, 24)])

    def test_lists_and_tuples_give_lists_of_dates(self):
        self.assertEqual(self.cal.add_working_days(ANCHORS, 20), PLUS_20)
        self.assertEqual(self.cal.add_working_days(tuple(ANCHORS), 20), PLUS_20)
        self.assertEqual(self.cal.working_days_between(ANCHORS, PLUS_20).tolist(), [20, 20, 20])

    def test_refusals(self):
        with self.assertRaises(iro.InvalidArgumentError):
            self.cal.add_working_days(np.array(["2024-01-02", "NaT"], dtype="datetime64[D]"), 5)
        with self.assertRaises(iro.OutOfRangeError):
            self.cal.add_working_days(np.array([2 ** 40], dtype=np.int64), 5)  # would wrap to int32 0
        with self.assertRaises(TypeError):
            self.cal.add_working_days(np.array([1.5]), 5)
        with self.assertRaises(iro.InvalidArgumentError) as caught:
            self.cal.working_days_between(ANCHORS, PLUS_20[:2])
        self.assertIn("3 and 2", str(caught.exception))
        days = days_of(ANCHORS)
        with self.assertRaises(TypeError):
            self.cal.add_working_days(days, 20, out=np.empty(3, dtype=np.int64))
        with self.assertRaises(iro.InvalidArgumentError):
            self.cal.add_working_days(days, 20, out=np.empty(2, dtype=np.int32))
        with self.assertRaises(iro.InvalidArgumentError):
            self.cal.add_working_days(days, 20, out=np.empty(6, dtype=np.int32)[::2])
        with self.assertRaises(iro.InvalidArgumentError):
            self.cal.working_days_between(days, days_of(PLUS_20), out=days)  # may not count in place

    def test_the_first_failing_item_is_named_and_earlier_ones_written(self):
        days = days_of([D(2024, 1, 2), D(1960, 1, 1), D(2024, 1, 3)])
        out = np.full(3, -1, dtype=np.int32)
        with self.assertRaises(iro.OutOfRangeError) as caught:
            self.cal.add_working_days(days, 5, out=out)
        self.assertIn("item 1", str(caught.exception))
        self.assertEqual(out.tolist(), [iro.to_days(D(2024, 1, 9)), -1, -1])


if __name__ == "__main__":
    unittest.main()
