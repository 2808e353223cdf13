"""Working-day calendars (iro_calendar): England and Wales built in, GOV.UK lists, closure days."""
import ctypes
import datetime
from collections import namedtuple

from . import _native
from ._arrays import DayArray, is_batch, require_numpy
from ._handle import Handle
from .dates import from_days, to_days
from .errors import InvalidArgumentError, check

_lib = _native.lib

#: One non-working weekday: date, name, kind ("bank_holiday" or "closure"), substitute, projected.
Holiday = namedtuple("Holiday", "date name kind substitute projected")

_KINDS = {1: "bank_holiday", 2: "closure"}


def _text(value, what):
    if not isinstance(value, str):
        raise InvalidArgumentError(1, f"{what} must be text, got {type(value).__name__}")
    if "\x00" in value:
        raise InvalidArgumentError(1, f"{what} {value!r} contains a NUL character")
    return value.encode("utf-8")


class Calendar(Handle):
    """An immutable working-day calendar; one object may be shared by many threads.

    A working day is not a Saturday, a Sunday, Christmas Day, Good Friday, a bank holiday or a council
    closure day. "Within n working days of d" counts d as day 0 even when d is not a working day.
    Use as a context manager, or call close(); the handle is also freed when the object is collected.
    """

    _free = staticmethod(_lib.iro_calendar_free)
    _what = "calendar"

    @classmethod
    def builtin(cls, division="england-and-wales"):
        """The built-in calendar (1970-2199) made from the statutory rules and proclamations."""
        return cls._make(_lib.iro_calendar_new_builtin, _text(division, "division"))

    @classmethod
    def from_govuk_file(cls, path, division="england-and-wales"):
        """A calendar from a GOV.UK bank-holidays.json file alone, covering the file's years."""
        return cls._make(_lib.iro_calendar_new_from_govuk_file, _text(str(path), "path"), _text(division, "division"))

    @classmethod
    def from_govuk_text(cls, text, division="england-and-wales"):
        """As from_govuk_file(), from the document's text (str or bytes)."""
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        return cls._make(_lib.iro_calendar_new_from_govuk_text, data, len(data), _text(division, "division"))

    def updated(self, path, division="england-and-wales"):
        """A new calendar: this one with a newer GOV.UK list's years replacing its own (this is unchanged)."""
        return self._make(_lib.iro_calendar_new_updated, self._h, _text(str(path), "path"),
                          _text(division, "division"))

    def with_closures(self, dates, name="Council closure"):
        """A new calendar: this one plus the council's closure days (this one is unchanged)."""
        days = (ctypes.c_int32 * len(dates))(*[to_days(d) for d in dates])
        return self._make(_lib.iro_calendar_new_with_closures, self._h, days, len(dates), _text(name, "name"))

    def _info(self):
        first, last, confirmed = ctypes.c_int32(), ctypes.c_int32(), ctypes.c_int32()
        check(_lib.iro_calendar_info(self._h, ctypes.byref(first), ctypes.byref(last), ctypes.byref(confirmed)))
        return first.value, last.value, confirmed.value

    @property
    def first(self):
        """The first day the calendar covers."""
        return from_days(self._info()[0])

    @property
    def last(self):
        """The last day the calendar covers."""
        return from_days(self._info()[1])

    @property
    def confirmed_through(self):
        """The last year a published list confirmed; later years are projected from the rules."""
        return self._info()[2]

    def _describe(self):
        division, source = ctypes.c_char_p(), ctypes.c_char_p()
        check(_lib.iro_calendar_describe(self._h, ctypes.byref(division), ctypes.byref(source)))
        return division.value.decode(), source.value.decode()

    @property
    def division(self):
        """The division ("england-and-wales")."""
        return self._describe()[0]

    @property
    def source(self):
        """Where the calendar came from (built-in rules, a file, updates, closures)."""
        return self._describe()[1]

    def _one(self, fn, *args):
        result = ctypes.c_int32()
        check(fn(self._h, *args, ctypes.byref(result)))
        return result.value

    def is_working_day(self, date):
        """Whether a date is a working day."""
        return bool(self._one(_lib.iro_calendar_is_working_day, to_days(date)))

    def add_working_days(self, dates, n):
        """The n-th working day after a date (n < 0: before; 0: the date). Given a numpy array (datetime64
        or int32 days) or a list of dates, computes all of them in one call (see iro._arrays for copies)."""
        if is_batch(dates):
            days = DayArray(dates)
            out = days.empty_like()
            check(_lib.iro_calendar_add_working_days_batch(self._h, days.pointer, days.size, int(n), out.ctypes.data))
            return days.result(out)
        return from_days(self._one(_lib.iro_calendar_add_working_days, to_days(dates), int(n)))

    def working_days_between(self, start, end):
        """Working days in (start, end]; negative when end is before start. Arrays give an int32 array."""
        if is_batch(start) or is_batch(end):
            numpy = require_numpy()
            a, b = DayArray(start), DayArray(end)
            if a.size != b.size:
                raise InvalidArgumentError(1, f"start has {a.size} dates but end has {b.size}")
            out = numpy.empty(a.size, dtype=numpy.int32)
            check(_lib.iro_calendar_working_days_between_batch(self._h, a.pointer, b.pointer, a.size,
                                                               out.ctypes.data))
            return out.reshape(a.shape)
        return self._one(_lib.iro_calendar_working_days_between, to_days(start), to_days(end))

    def next_working_day(self, date):
        """The first working day on or after a date."""
        return from_days(self._one(_lib.iro_calendar_next_working_day, to_days(date)))

    def previous_working_day(self, date):
        """The last working day on or before a date."""
        return from_days(self._one(_lib.iro_calendar_previous_working_day, to_days(date)))

    def holidays(self, start, end):
        """The non-working weekdays in [start, end], in date order, as Holiday tuples."""
        count = ctypes.c_size_t()
        a, b = to_days(start), to_days(end)
        status = _lib.iro_calendar_holidays(self._h, a, b, None, 0, ctypes.byref(count))
        if status not in (0, 5):  # 5: IRO_E_BUFFER_TOO_SMALL, the size query
            check(status)
        buffer = (_native.Holiday * count.value)()
        check(_lib.iro_calendar_holidays(self._h, a, b, buffer, count.value, ctypes.byref(count)))
        return [Holiday(from_days(h.day), h.name.decode("utf-8"), _KINDS.get(h.kind, str(h.kind)),
                        bool(h.substitute), bool(h.projected)) for h in buffer[:count.value]]

    def explain(self, date, n):
        """One sentence: the result of date + n working days and every non-working day stepped over."""
        needed = ctypes.c_size_t()
        status = _lib.iro_calendar_explain_add(self._h, to_days(date), int(n), None, 0, ctypes.byref(needed))
        if status != 5:
            check(status)
        buffer = ctypes.create_string_buffer(needed.value)
        check(_lib.iro_calendar_explain_add(self._h, to_days(date), int(n), buffer, needed.value, None))
        return buffer.value.decode("utf-8")
