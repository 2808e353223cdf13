"""iro: the statutory rules of an English Independent Reviewing Officer service, from Python.

A thin ctypes binding of libiro (the C API in iro.h): dates as datetime.date, numpy datetime64[D] or
int32 day counts for batch calls, and exceptions carrying the library's message.
"""
from . import _native
from .calendar import Calendar, Holiday
from .casebook import Casebook
from .caseload import Roster
from .disputes import Disputes
from .dates import (DATE_MAX, DATE_MIN, add_days, add_months, add_weeks, format_date, from_days, parse_date,
                    to_days, weekday)
from .schedule import (Children, ChildSchedule, DiffFigures, MissedReview, Policy, PolicyDiff, ReviewResult, Schedules,
                       diff_policies, evaluate)
from .errors import (BufferTooSmallError, InternalError, InvalidArgumentError, InvalidDateError, IroError,
                     IroIOError, NoMemoryError, NotFoundError, OutOfRangeError, ParseError, RuleViolationError)

#: The version of the loaded library.
__version__ = _native.lib.iro_version_string().decode()


def abi_version():
    """The ABI version of the loaded library (checked against the package's on import)."""
    return _native.lib.iro_abi_version()


def library_path():
    """The path libiro was loaded from."""
    return _native.library_path


__all__ = [
    "Calendar", "Holiday", "Roster", "Disputes", "Casebook", "Children", "ChildSchedule", "MissedReview", "Policy", "ReviewResult", "Schedules",
    "evaluate", "DiffFigures", "PolicyDiff", "diff_policies", "DATE_MIN", "DATE_MAX", "add_days", "add_months", "add_weeks", "format_date",
    "from_days", "parse_date", "to_days", "weekday", "abi_version", "library_path", "IroError",
    "InvalidArgumentError", "OutOfRangeError", "InvalidDateError", "ParseError", "BufferTooSmallError",
    "NotFoundError", "IroIOError", "NoMemoryError", "RuleViolationError", "InternalError",
]
