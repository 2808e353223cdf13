"""Casebooks: a council's data imported from its directory or an SSDA903 return (or synthesized), saved,
loaded, exported; and the report of what an import read and rejected."""
import csv
import ctypes
import datetime
import io
import os
from typing import NamedTuple

from . import _native
from ._calls import c_string, int32, read_array, read_text
from ._days import to_days
from ._handle import Handle
from .errors import InvalidArgumentError, check
from .report import Report, compute
from .schedule import Children

_lib = _native.lib
_FORMATS = {"csv": 0, "json": 1, "903": 2}


class ImportIssue(NamedTuple):
    """One rejected or doubtful row of an import."""

    file: str
    """The file, relative to the directory imported: "episodes.csv", "roster/allocations.csv"."""
    line: int
    """The 1-based line of the row in its file (1 is the header row); 0 for an issue about a whole child."""
    column: str
    """The column at fault ("from", "stage"), or "" when the issue is about the row."""
    message: str
    """What is wrong, naming the value."""
    rejected: bool
    """True: the row was left out; False: it was kept, but is doubtful."""


class ImportReport(NamedTuple):
    """What an import read and what it found."""

    rows: "dict[str, int]"
    """Data rows read per file (rejected ones included), by the file's path relative to the directory, in
    the order of the names; an absent file is not listed."""
    issues: "list[ImportIssue]"
    """Every rejected or doubtful row, in file and line order."""

    @property
    def rejected(self) -> int:
        """The number of rows left out."""
        return sum(1 for i in self.issues if i.rejected)

    @property
    def doubtful(self) -> int:
        """The number of rows kept but doubtful."""
        return sum(1 for i in self.issues if not i.rejected)


class Casebook(Handle):
    """One council's children, roster and disputes (one thread at a time)."""

    _free = staticmethod(_lib.iro_casebook_free)
    _what = "casebook"

    def __init__(self, handle=None):
        """An empty casebook."""
        if handle is None:
            handle = ctypes.c_void_p()
            check(_lib.iro_casebook_new(ctypes.byref(handle)))
        super().__init__(handle)

    @classmethod
    def load(cls, path):
        """Loads a saved casebook (truncated, corrupted or newer files are refused)."""
        return cls._make(_lib.iro_casebook_load, c_string(path, "path"))

    def import_903(self, directory, strict=False):
        """Replaces the children with an SSDA903 return's; returns (rows rejected, doubtful rows kept).
        import_report() then gives the rows read per file and every rejected or doubtful row."""
        rejected, doubtful = ctypes.c_size_t(), ctypes.c_size_t()
        check(_lib.iro_casebook_import_903(self._h, c_string(directory, "directory"), int(strict),
                                           ctypes.byref(rejected), ctypes.byref(doubtful)))
        return rejected.value, doubtful.value

    def import_council(self, directory: "str | os.PathLike", policy: "Policy", calendar: "Calendar",
                       strict: bool = False) -> ImportReport:
        """Replaces the children, the roster and the disputes with a council's whole directory, and returns
        the report of what was read (also kept: see import_report()).

        The directory has the layout of `iro synth` (docs/ssda903.md): header.csv and episodes.csv
        (required); reviews.csv, placed_for_adoption.csv, review_records.csv, midway_reviews.csv;
        roster/iros.csv, roster/children.csv, roster/allocations.csv, roster/absences.csv;
        disputes/events.csv. The dispute events must fit policy's ladder and categories, and their response
        times are counted in working days of calendar with the policy's closure days.

        Lenient (the default): a bad row of any file, or a dispute event the policy does not allow, is left
        out and reported as an ImportIssue, and the rest is read. strict=True: the first such row raises its
        own error (ParseError, InvalidDateError, RuleViolationError, NotFoundError...) naming the file and
        line. IroIOError for a missing header.csv or episodes.csv; ParseError for a file that is not CSV or
        lacks a required column. On any error the casebook is unchanged, and so is its last report."""
        check(_lib.iro_casebook_import_council(self._h, c_string(directory, "directory"), policy._h, calendar._h,
                                               1 if strict else 0, None, None))
        return self.import_report()

    def import_report(self) -> ImportReport:
        """The report of the last successful import into this casebook (import_council() or import_903()):
        the rows read per file and every rejected or doubtful row. Empty before any import."""
        issues = [ImportIssue(i.file.decode("utf-8"), i.line, i.column.decode("utf-8"), i.message.decode("utf-8"),
                              bool(i.rejected))
                  for i in read_array(_lib.iro_casebook_import_issues, _native.ImportIssue, self._h)]
        rows = {r.file.decode("utf-8"): r.rows for r in read_array(_lib.iro_casebook_import_rows, _native.ImportRows,
                                                                    self._h)}
        return ImportReport(rows, issues)

    def synthesize(self, children=450, iros=8, years=2, seed=1):
        """Replaces the contents with a synthetic council (deterministic for a seed)."""
        check(_lib.iro_casebook_synthesize(self._h, children, iros, years, seed))

    def save(self, path, text=False):
        """Saves atomically (a binary archive, or a portable text one)."""
        check(_lib.iro_casebook_save(self._h, c_string(path, "path"), 0 if text else 1))

    def counts(self):
        """(children, IROs, disputes)."""
        values = [ctypes.c_size_t() for _ in range(3)]
        check(_lib.iro_casebook_counts(self._h, *(ctypes.byref(v) for v in values)))
        return tuple(v.value for v in values)

    def children(self):
        """The children as an iro.Children set, ready for iro.evaluate()."""
        handle = ctypes.c_void_p()
        check(_lib.iro_casebook_children(self._h, ctypes.byref(handle)))
        return Children(handle)

    def export(self, policy, calendar, as_of, format="csv"):
        """Every child's computed schedule as CSV or JSON text, or the reviews as a 903 Reviews table ("903")."""
        if format not in _FORMATS:
            raise InvalidArgumentError(f"format {format!r} is not one of {', '.join(_FORMATS)}")
        code = _FORMATS[format]
        return read_text(_lib.iro_casebook_export, self._h, policy._h, calendar._h, to_days(as_of), code)

    def report(self, policy, calendar, year) -> Report:
        """The IRO annual report for the year from 1 April `year` (docs/report.md), computed once: read its
        figures, the rows behind them, its tables and any layout from the Report it returns. Raises
        InvalidArgumentError when no child was looked after in the year, OutOfRangeError for the year."""
        return compute(self._h, policy, calendar, year)
