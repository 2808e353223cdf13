"""Dates: datetime.date in and out, days since 1970-01-01 underneath, strict ISO-8601 text.

Every function here is a plain call of iro.h and is safe to call from any number of threads.
"""
import ctypes
import datetime
from typing import Any, Callable, Optional

from . import _native
from ._arrays import DayArray, is_batch, no_out
from ._calls import c_string, int32
from ._days import DATE_MAX, DATE_MIN, DateLike, from_days, to_days
from .errors import check

_lib = _native.lib

__all__ = ["DATE_MIN", "DATE_MAX", "to_days", "from_days", "parse_date", "format_date", "weekday", "add_days",
           "add_weeks", "add_months"]


def _out(fn: Callable[..., int], *args: Any) -> int:
    result = ctypes.c_int32()
    check(fn(*args, ctypes.byref(result)))
    return result.value


def parse_date(iso_text: str) -> datetime.date:
    """Parses strict ISO-8601 "YYYY-MM-DD", nothing before or after. Raises ParseError for other syntax
    (" 2024-01-01", "2024-1-1"), InvalidDateError for text that names no date ("2023-02-29") and
    OutOfRangeError for a date outside 1900-2199; the message quotes the text."""
    return from_days(_out(_lib.iro_date_parse, c_string(iso_text, "date text")))


def format_date(date: DateLike) -> str:
    """The ISO-8601 text of a date: "2025-02-28"."""
    buffer = ctypes.create_string_buffer(_native.DATE_ISO_SIZE)
    check(_lib.iro_date_format(to_days(date), buffer, len(buffer), None))
    return buffer.value.decode()


def weekday(date: DateLike) -> int:
    """The ISO day of the week: 1 (Monday) to 7 (Sunday)."""
    return _out(_lib.iro_date_weekday, to_days(date))


def add_days(date: DateLike, n: int) -> datetime.date:
    """date + n days (n < 0 goes back); OutOfRangeError when the result is outside the supported range."""
    return from_days(_out(_lib.iro_date_add_days, to_days(date), int32(n, "n")))


def add_weeks(date: DateLike, n: int) -> datetime.date:
    """"n weeks after": date + 7n days ("4 weeks after 2 September" is 30 September)."""
    return from_days(_out(_lib.iro_date_add_weeks, to_days(date), int32(n, "n")))


def add_months(date: Any, n: int, out: Optional[Any] = None) -> Any:
    """"n months after": the same day number n months later, or the last day of a shorter month
    (Dodds v Walker): 2024-08-31 + 6 = 2025-02-28, 2024-02-29 + 6 = 2024-08-29; n < 0 goes back.

    Given many dates (a numpy datetime64 or int32 array, a pandas Series or DatetimeIndex, or a list of
    dates) it computes all of them in
    one C call and returns them in the same form; out= takes an int32 array for the results (it may be the
    input itself). See iro._arrays for when a copy is made."""
    if not is_batch(date):
        no_out(out)
        return from_days(_out(_lib.iro_date_add_months, to_days(date), int32(n, "n")))
    days = DayArray(date)
    months = int32(n, "n")
    result = days.output(out)
    check(_lib.iro_date_add_months_batch(days.pointer, days.size, months, result.ctypes.data))
    return days.result(result, out)
