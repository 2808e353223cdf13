"""iro: the statutory rules of an English Independent Reviewing Officer service, from Python.

A thin ctypes binding of libiro (the C API in iro.h), in layers: iro._native declares every C function;
iro.errors maps status codes to exceptions; the modules below give the Python API, with dates as
datetime.date (or a midnight pandas Timestamp, a numpy datetime64), batch calls over numpy datetime64[D] or
int32 day counts and pandas Series, results as pandas DataFrames (Schedules.to_pandas(), Report.table()),
and handles freed by close(), a with block or collection. Every argument is checked before any C call: a
wrong kind of handle or value is a TypeError, never a crash. See docs/python.md.
"""
from . import _native
from .calendar import Calendar, Holiday
from .casebook import Casebook, EmptyTableError, ImportIssue, ImportReport, RejectedRowsWarning
from .caseload import Roster
from .dates import (DATE_MAX, DATE_MIN, add_days, add_months, add_weeks, format_date, from_days, parse_date,
                    to_days, weekday)
from .disputes import Disputes
from .report import Report, ReportCell, ReportFigure, ReportRow, Supplied
from .errors import (BufferTooSmallError, InternalError, InvalidArgumentError, InvalidDateError, IroError,
                     IroIOError, NoMemoryError, NotFoundError, OutOfRangeError, ParseError, RuleViolationError)
from .schedule import (Children, ChildSchedule, DiffFigures, MissedReview, Policy, PolicyDiff, ReviewResult,
                       Schedules, diff_policies, evaluate)
from .caseload import Advice, Continuity, IroLoad, TeamLoad
from .disputes import DisputeFigures, DisputeState

#: The version of the loaded library, "MAJOR.MINOR.PATCH".
__version__ = _native.lib.iro_version_string().decode()


def abi_version() -> int:
    """The ABI version of the loaded library (import checked it is the one this package was written for)."""
    return _native.lib.iro_abi_version()


def library_path() -> str:
    """The path libiro was loaded from."""
    return _native.library_path


__all__ = [
    "__version__", "abi_version", "library_path",
    "DATE_MIN", "DATE_MAX", "to_days", "from_days", "parse_date", "format_date", "weekday", "add_days", "add_weeks",
    "add_months",
    "Calendar", "Holiday",
    "Policy", "Children", "Schedules", "ChildSchedule", "ReviewResult", "MissedReview", "evaluate",
    "PolicyDiff", "DiffFigures", "diff_policies",
    "Roster", "IroLoad", "TeamLoad", "Advice", "Continuity", "Disputes", "DisputeState", "DisputeFigures",
    "Casebook", "ImportIssue", "ImportReport", "RejectedRowsWarning", "EmptyTableError",
    "Report", "ReportCell", "ReportFigure", "ReportRow", "Supplied",
    "IroError", "InvalidArgumentError", "OutOfRangeError", "InvalidDateError", "ParseError", "BufferTooSmallError",
    "NotFoundError", "IroIOError", "NoMemoryError", "RuleViolationError", "InternalError",
]
