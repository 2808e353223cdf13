"""datetime.date <-> int32 days since 1970-01-01, the representation of every date in iro.h."""
import datetime

from . import _native
from ._calls import int32
from .errors import check

_EPOCH = datetime.date(1970, 1, 1)

#: The first supported date (IRO_DATE_MIN, 1900-01-01).
DATE_MIN = _EPOCH + datetime.timedelta(days=_native.DATE_MIN_DAYS)
#: The last supported date (IRO_DATE_MAX, 2199-12-31).
DATE_MAX = _EPOCH + datetime.timedelta(days=_native.DATE_MAX_DAYS)


def to_days(date):
    """Days since 1970-01-01 of a datetime.date. A datetime.datetime is refused (pass .date()): its time
    of day would be dropped silently. Dates outside DATE_MIN..DATE_MAX are left to the library to refuse."""
    if isinstance(date, datetime.datetime) or not isinstance(date, datetime.date):
        raise TypeError(f"expected a datetime.date, got {type(date).__name__} {date!r}")
    return (date - _EPOCH).days


def from_days(days):
    """The datetime.date of a day count; OutOfRangeError outside DATE_MIN..DATE_MAX."""
    days = int32(days, "day")
    check(_native.lib.iro_date_check(days))
    return _EPOCH + datetime.timedelta(days=days)
