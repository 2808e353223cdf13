"""Dates: datetime.date in and out, days since 1970-01-01 underneath, strict ISO-8601 text."""
import ctypes
import datetime

from . import _native
from .errors import InvalidArgumentError, check

_lib = _native.lib
_EPOCH = datetime.date(1970, 1, 1)

#: The first supported date (IRO_DATE_MIN).
DATE_MIN = datetime.date(1900, 1, 1)
#: The last supported date (IRO_DATE_MAX).
DATE_MAX = datetime.date(2199, 12, 31)


def to_days(date):
    """Days since 1970-01-01 of a datetime.date (a datetime.datetime is refused: pass .date())."""
    if isinstance(date, datetime.datetime) or not isinstance(date, datetime.date):
        raise InvalidArgumentError(1, f"expected a datetime.date, got {type(date).__name__} {date!r}")
    return (date - _EPOCH).days


def from_days(days):
    """The datetime.date of a day count, checked against the supported range."""
    check(_lib.iro_date_check(int(days)))
    return _EPOCH + datetime.timedelta(days=int(days))


def _out(fn, *args):
    result = ctypes.c_int32()
    check(fn(*args, ctypes.byref(result)))
    return result.value


def parse_date(text):
    """Parses strict ISO-8601 "YYYY-MM-DD"; raises ParseError, InvalidDateError or OutOfRangeError."""
    if not isinstance(text, str):
        raise InvalidArgumentError(1, f"expected text, got {type(text).__name__}")
    if "\x00" in text:
        raise InvalidArgumentError(1, f"{text!r} contains a NUL character")
    return from_days(_out(_lib.iro_date_parse, text.encode("utf-8")))


def format_date(date):
    """The ISO-8601 text of a date ("2025-02-28")."""
    buffer = ctypes.create_string_buffer(11)
    check(_lib.iro_date_format(to_days(date), buffer, len(buffer), None))
    return buffer.value.decode()


def weekday(date):
    """ISO weekday: 1 = Monday ... 7 = Sunday."""
    return _out(_lib.iro_date_weekday, to_days(date))


def add_days(date, n):
    """date + n days, checked against the supported range."""
    return from_days(_out(_lib.iro_date_add_days, to_days(date), int(n)))


def add_weeks(date, n):
    """"n weeks after": date + 7n days ("4 weeks" = 28 days)."""
    return from_days(_out(_lib.iro_date_add_weeks, to_days(date), int(n)))


def add_months(date, n):
    """"n months after": the corresponding day n months later, or the last day of a shorter month
    (Dodds v Walker): 2024-08-31 + 6 = 2025-02-28. A numpy array of dates gives an array, in one call."""
    from ._arrays import DayArray

    if isinstance(date, datetime.date):
        return from_days(_out(_lib.iro_date_add_months, to_days(date), int(n)))
    days = DayArray(date)
    out = days.empty_like()
    check(_lib.iro_date_add_months_batch(days.pointer, days.size, int(n), out.ctypes.data))
    return days.result(out)
