"""datetime.date <-> int32 days since 1970-01-01, the representation of every date in iro.h.

A date argument may be a datetime.date, a pandas Timestamp at midnight (with no time zone) or a numpy
datetime64 scalar naming a day. A datetime.datetime is refused (its time of day would be dropped), as is
a Timestamp or datetime64 with a time of day, NaT, and every other type.
"""
import datetime
from typing import Any, Union

from . import _native
from ._calls import int32
from .errors import InvalidArgumentError, check

try:
    import numpy as _np
except ImportError:  # numpy is optional
    _np = None

_EPOCH = datetime.date(1970, 1, 1)

#: The first supported date (IRO_DATE_MIN, 1900-01-01).
DATE_MIN = _EPOCH + datetime.timedelta(days=_native.DATE_MIN_DAYS)
#: The last supported date (IRO_DATE_MAX, 2199-12-31).
DATE_MAX = _EPOCH + datetime.timedelta(days=_native.DATE_MAX_DAYS)

#: What a single date may be given as: datetime.date, pandas.Timestamp (midnight), numpy.datetime64 (a day).
DateLike = Union[datetime.date, Any]


def _is_pandas(value: Any) -> bool:
    return type(value).__module__.split(".", 1)[0] == "pandas"


def to_days(date: DateLike) -> int:
    """Days since 1970-01-01 of a date: a datetime.date, a pandas Timestamp at midnight or a numpy datetime64
    naming a day. A datetime.datetime is refused with TypeError (pass .date()); a Timestamp or datetime64
    with a time of day, a time zone, or NaT with InvalidArgumentError. Dates outside DATE_MIN..DATE_MAX are
    left to the library to refuse."""
    if isinstance(date, datetime.datetime):
        if not _is_pandas(date):
            raise TypeError(f"expected a datetime.date, got {type(date).__name__} {date!r} "
                            "(its time of day would be dropped: pass .date())")
        if date != date:  # pandas.NaT
            raise InvalidArgumentError("NaT (not a time) is no date")
        if date.tzinfo is not None:
            raise InvalidArgumentError(f"the Timestamp {date} has a time zone: pass a date without one")
        if (date.hour, date.minute, date.second, date.microsecond, getattr(date, "nanosecond", 0)) != (0, 0, 0, 0, 0):
            raise InvalidArgumentError(f"the Timestamp {date} has a time of day: pass .normalize() or .date()")
        return (date.date() - _EPOCH).days
    if isinstance(date, datetime.date):
        return (date - _EPOCH).days
    if _np is not None and isinstance(date, _np.datetime64):
        if _np.isnat(date):
            raise InvalidArgumentError("NaT (not a time) is no date")
        day = date.astype("datetime64[D]")
        if day != date:
            raise InvalidArgumentError(f"numpy.datetime64({date}) has a time of day: pass a day")
        return int32(int(day.astype(_np.int64)), "day")
    if date is not None and _is_pandas(date) and date != date:  # NaTType is no datetime in some versions
        raise InvalidArgumentError("NaT (not a time) is no date")
    raise TypeError(f"expected a datetime.date, got {type(date).__name__} {date!r}")


def from_days(days: int) -> datetime.date:
    """The datetime.date of a day count; OutOfRangeError outside DATE_MIN..DATE_MAX."""
    days = int32(days, "day")
    check(_native.lib.iro_date_check(days))
    return _EPOCH + datetime.timedelta(days=days)
