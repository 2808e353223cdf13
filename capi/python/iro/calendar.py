"""Working-day calendars (iro_calendar): England and Wales built in, GOV.UK lists, council closure days."""
import ctypes
import datetime
from typing import Any, Iterable, List, NamedTuple, Optional, Tuple, Union

from . import _native
from ._arrays import DayArray, is_batch, no_out, pair
from ._calls import PathLike, c_string, int32, read_array, read_text
from ._days import DateLike, from_days, to_days
from ._handle import Handle
from .errors import check

_lib = _native.lib



class Holiday(NamedTuple):
    """One non-working weekday of a calendar."""

    date: datetime.date
    """The day."""
    name: str
    """Its name ("Boxing Day", "Council closure")."""
    kind: str
    """"bank_holiday" or "closure"."""
    substitute: bool
    """True when the holiday itself fell at a weekend and this is the day in lieu."""
    projected: bool
    """True when the year is later than any published list confirmed (projected from the rules)."""


_KINDS = {1: "bank_holiday", 2: "closure"}  # IRO_HOLIDAY_BANK, IRO_HOLIDAY_CLOSURE


class Calendar(Handle):
    """An immutable working-day calendar; one object may be shared by any number of threads.

    A working day is not a Saturday, a Sunday, Christmas Day, Good Friday, a bank holiday or a council
    closure day. "Within n working days of d" counts d as day 0 even when d is not a working day.
    Use it as a context manager or call close(); otherwise the handle is freed when the object is collected.
    """

    _free = staticmethod(_lib.iro_calendar_free)
    _what = "calendar"
    _factories = ('Calendar.builtin("england-and-wales"), Calendar.from_govuk_file(path, division) or '
                  'Calendar.from_govuk_text(text, division)')

    @classmethod
    def builtin(cls, division: str = "england-and-wales") -> "Calendar":
        """The built-in calendar (1970-2199) from the statutory rules and proclamations; NotFoundError for
        a division that is not built in."""
        return cls._make(_lib.iro_calendar_new_builtin, c_string(division, "division"))

    @classmethod
    def from_govuk_file(cls, path: PathLike, division: str = "england-and-wales") -> "Calendar":
        """A calendar from a GOV.UK bank-holidays.json file alone, covering the file's years, all confirmed.
        IroIOError, ParseError (naming file, line and column) or NotFoundError (listing the divisions)."""
        return cls._make(_lib.iro_calendar_new_from_govuk_file, c_string(path, "path"), c_string(division, "division"))

    @classmethod
    def from_govuk_text(cls, text: Union[str, bytes], division: str = "england-and-wales") -> "Calendar":
        """As from_govuk_file(), from the document's text (str, or UTF-8 bytes)."""
        if isinstance(text, str):
            data = text.encode("utf-8")
        elif isinstance(text, (bytes, bytearray, memoryview)):
            data = bytes(text)
        else:
            raise TypeError(f"text must be str or bytes, got {type(text).__name__}")
        return cls._make(_lib.iro_calendar_new_from_govuk_text, data, len(data), c_string(division, "division"))

    def updated(self, path: PathLike, division: Optional[str] = None) -> "Calendar":
        """A new calendar: this one with a newer GOV.UK list replacing its bank holidays for every year the
        file covers (this one is unchanged). The division defaults to this calendar's own."""
        division = self.division if division is None else division
        return self._make(_lib.iro_calendar_new_updated, self._h, c_string(path, "path"),
                          c_string(division, "division"))

    def with_closures(self, dates: Iterable[DateLike], name: str = "Council closure") -> "Calendar":
        """A new calendar: this one plus a council's closure days (an iterable of dates, a numpy
        datetime64/int32 array or a pandas Series/DatetimeIndex), listed under name. This one is unchanged."""
        label = c_string(name, "name")
        if is_batch(dates) and not isinstance(dates, (list, tuple)):
            days = DayArray(dates)
            pointer, count, keep = days.pointer, days.size, days
        else:
            if isinstance(dates, (str, bytes)) or not hasattr(dates, "__iter__"):
                raise TypeError(f"dates must be an iterable of dates, got {type(dates).__name__}")
            values = [to_days(d) for d in dates]
            keep = (ctypes.c_int32 * len(values))(*values)
            pointer, count = ctypes.cast(keep, ctypes.c_void_p), len(values)
        return self._make(_lib.iro_calendar_new_with_closures, self._h, pointer, count, label)

    def _info(self) -> Tuple[int, int, int]:
        first, last, confirmed = ctypes.c_int32(), ctypes.c_int32(), ctypes.c_int32()
        check(_lib.iro_calendar_info(self._h, ctypes.byref(first), ctypes.byref(last), ctypes.byref(confirmed)))
        return first.value, last.value, confirmed.value

    @property
    def first(self) -> datetime.date:
        """The first date the calendar covers."""
        return from_days(self._info()[0])

    @property
    def last(self) -> datetime.date:
        """The last date the calendar covers."""
        return from_days(self._info()[1])

    @property
    def confirmed_through(self) -> int:
        """The last year a published list confirmed (an int); later years are projected from the rules."""
        return self._info()[2]

    def _describe(self) -> Tuple[str, str]:
        division, source = ctypes.c_char_p(), ctypes.c_char_p()
        check(_lib.iro_calendar_describe(self._h, ctypes.byref(division), ctypes.byref(source)))
        return division.value.decode("utf-8"), source.value.decode("utf-8")

    @property
    def division(self) -> str:
        """The division: "england-and-wales", or the one taken from a GOV.UK file."""
        return self._describe()[0]

    @property
    def source(self) -> str:
        """Where the calendar came from: the built-in rules or a file, then its updates and closures."""
        return self._describe()[1]

    def __repr__(self) -> str:
        if not self.is_open:
            return "<iro.Calendar (closed)>"
        return f"<iro.Calendar {self.division} {self.first}..{self.last}: {self.source}>"

    def _one(self, fn: Any, *args: Any) -> int:
        result = ctypes.c_int32()
        check(fn(self._h, *args, ctypes.byref(result)))
        return result.value

    def is_working_day(self, date: DateLike) -> bool:
        """Whether a date is a working day; OutOfRangeError outside first..last."""
        return bool(self._one(_lib.iro_calendar_is_working_day, to_days(date)))

    def add_working_days(self, dates: Any, n: int, out: Optional[Any] = None) -> Any:
        """The n-th working day after a date (before it when n < 0; the date itself when n = 0), counting
        the date as day 0 even when it is not a working day.

        Given many dates (a numpy datetime64 or int32 array, a pandas Series or DatetimeIndex, or a list of
        dates) it computes all of them in one C call and returns them in the same form; out= takes an int32 array for the results (it may be
        the input itself). See iro._arrays for when a copy is made. On a failure OutOfRangeError names the
        index of the first item that failed."""
        if not is_batch(dates):
            no_out(out)
            return from_days(self._one(_lib.iro_calendar_add_working_days, to_days(dates), int32(n, "n")))
        count = int32(n, "n")
        days = DayArray(dates)
        result = days.output(out)
        check(_lib.iro_calendar_add_working_days_batch(self._h, days.pointer, days.size, count, result.ctypes.data))
        return days.result(result, out)

    def working_days_between(self, start: Any, end: Any, out: Optional[Any] = None) -> Any:
        """The working days in (start, end]: 0 when equal, negative when end is before start.

        Either argument may be many dates (as for add_working_days; a single date is paired with every item
        of the other): the result is then an int32 numpy array, written into out= when given (an int32
        array of the same size that does not overlap the inputs)."""
        if not (is_batch(start) or is_batch(end)):
            no_out(out)
            return self._one(_lib.iro_calendar_working_days_between, to_days(start), to_days(end))
        a, b = pair(start, end)
        result = a.output(out, inputs=(a, b))
        check(_lib.iro_calendar_working_days_between_batch(self._h, a.pointer, b.pointer, a.size,
                                                           result.ctypes.data))
        if out is not None:
            return out
        given = a if is_batch(start) else b
        return given.wrap(result.reshape(given.shape))

    def next_working_day(self, date: DateLike) -> datetime.date:
        """The first working day on or after a date."""
        return from_days(self._one(_lib.iro_calendar_next_working_day, to_days(date)))

    def previous_working_day(self, date: DateLike) -> datetime.date:
        """The last working day on or before a date."""
        return from_days(self._one(_lib.iro_calendar_previous_working_day, to_days(date)))

    def holidays(self, start: DateLike, end: DateLike) -> List[Holiday]:
        """The non-working weekdays in [start, end] (bank holidays and closure days), in date order, as
        Holiday tuples."""
        listed = read_array(_lib.iro_calendar_holidays, _native.Holiday, self._h, to_days(start), to_days(end))
        return [Holiday(from_days(h.day), h.name.decode("utf-8"), _KINDS.get(h.kind, h.kind), bool(h.substitute),
                        bool(h.projected)) for h in listed]

    def explain(self, date: DateLike, n: int) -> str:
        """One sentence: the result of date + n working days and every non-working day stepped over."""
        return read_text(_lib.iro_calendar_explain_add, self._h, to_days(date), int32(n, "n"))
