"""Casebooks: a council's data imported from its directory, an SSDA903 return or pandas DataFrames (or
synthesized), saved, loaded, exported; and the report of what an import read and rejected, as rows."""
import csv
import ctypes
import datetime
import os
import tempfile
import warnings
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, NamedTuple, Optional, Tuple, Union

from . import _native
from ._calls import PathLike, c_string, choice, flag, read_array, unsigned
from ._days import DateLike, to_days
from ._handle import Handle
from .calendar import Calendar
from .errors import ParseError, check
from .report import Report, compute
from .schedule import Children, Policy

_lib = _native.lib
_FORMATS = ("csv", "json", "903")
#: The tables an SSDA903 import cannot do without: when every row of one is rejected nothing useful is left.
REQUIRED_TABLES = ("header.csv", "episodes.csv")


class RejectedRowsWarning(UserWarning):
    """Warned (warnings.warn) when an import left rows out: the message counts them per file; the
    ImportReport the import returns lists each (report.issues, report.to_pandas())."""


class EmptyTableError(ParseError):
    """A required table (header.csv or episodes.csv) lost every row: nothing that was read is usable, so
    an analysis would silently report zeros. Typical cause: dates in another format than DD/MM/YYYY or
    YYYY-MM-DD (Excel's "2024-03-25 00:00:00", US "3/25/2024"). ``report`` is the import's ImportReport
    (the casebook holds what was imported, and book.import_report() gives the same report)."""

    def __init__(self, message: str, report: "ImportReport") -> None:
        """An error for an import whose report shows a required table with every row rejected."""
        super().__init__(message)
        self.report = report


class ImportIssue(NamedTuple):
    """One rejected or doubtful row of an import."""

    file: str
    """The file, relative to the directory imported: "episodes.csv", "roster/allocations.csv"."""
    line: int
    """The 1-based line of the row in its file (1 is the header row); 0 for an issue about a whole child."""
    column: str
    """The column at fault ("DECOM", "from"), or "" when the issue is about the row."""
    message: str
    """What is wrong, naming the value (the reason)."""
    rejected: bool
    """True: the row was left out; False: it was kept, but is doubtful."""
    value: Optional[str] = None
    """The text of the cell at fault, read back from the file (None when the issue has no cell, or the file
    is gone)."""

    @property
    def reason(self) -> str:
        """What is wrong (the message)."""
        return self.message


class ImportReport(NamedTuple):
    """What an import read and what it found."""

    rows: Dict[str, int]
    """Data rows read per file (rejected ones included), by the file's path relative to the directory, in
    the order of the names; an absent file is not listed."""
    issues: List[ImportIssue]
    """Every rejected or doubtful row, in file and line order."""

    @property
    def rejected(self) -> int:
        """The number of rows left out."""
        return sum(1 for i in self.issues if i.rejected)

    @property
    def doubtful(self) -> int:
        """The number of rows kept but doubtful."""
        return sum(1 for i in self.issues if not i.rejected)

    def rejected_by_file(self, rows_only: bool = False) -> Dict[str, int]:
        """{file: rows left out} for every file with a rejected row (a row with two bad cells counts once; an
        issue about a whole child, line 0, counts one unless rows_only)."""
        out: Dict[str, int] = {}
        seen = set()
        for i in self.issues:
            if not i.rejected or (i.line == 0 and rows_only) or (i.line > 0 and (i.file, i.line) in seen):
                continue
            seen.add((i.file, i.line))
            out[i.file] = out.get(i.file, 0) + 1
        return out

    def empty_tables(self) -> List[str]:
        """The required tables (REQUIRED_TABLES) that had rows and lost every one of them."""
        lost = self.rejected_by_file(rows_only=True)
        return [name for name in REQUIRED_TABLES if self.rows.get(name, 0) > 0 and
                lost.get(name, 0) >= self.rows[name]]

    def to_pandas(self) -> Any:
        """The issues as a pandas DataFrame: file, line, column, value, reason, rejected (one row each)."""
        import pandas
        return pandas.DataFrame([(i.file, i.line, i.column, i.value, i.message, i.rejected) for i in self.issues],
                                columns=["file", "line", "column", "value", "reason", "rejected"])


def _values(directory: Optional[Path], issues: List[ImportIssue]) -> List[ImportIssue]:
    """The issues with .value read back from their files: one pass over each file that has issues with a
    column, reading only the lines named."""
    if directory is None:
        return issues
    wanted: Dict[str, set] = {}
    for i in issues:
        if i.column and i.line > 1:
            wanted.setdefault(i.file, set()).add(i.line)
    found: Dict[Tuple[str, int], Dict[str, str]] = {}
    for name, lines in wanted.items():
        try:
            with open(directory / name, newline="", encoding="utf-8-sig", errors="replace") as handle:
                reader = csv.reader(handle)
                header = None
                last = max(lines)
                start = 1
                for row in reader:
                    if header is None:
                        header = [h.strip() for h in row]
                    elif start in lines:
                        found[(name, start)] = dict(zip(header, row))
                    start = reader.line_num + 1
                    if start > last:
                        break
        except OSError:
            continue
    return [i._replace(value=found[(i.file, i.line)].get(i.column)) if (i.file, i.line) in found else i
            for i in issues]


class Casebook(Handle):
    """One council's children, roster and disputes (one thread at a time)."""

    _free = staticmethod(_lib.iro_casebook_free)
    _what = "casebook"
    _factories = "iro.Casebook(), Casebook.load(path) or Casebook.from_frames(...)"

    def __init__(self) -> None:
        """An empty casebook."""
        handle = ctypes.c_void_p()
        check(_lib.iro_casebook_new(ctypes.byref(handle)))
        self._handle = handle
        self._directory: Optional[Path] = None

    def _adopted(self) -> None:
        self._directory = None

    @classmethod
    def load(cls, path: PathLike) -> "Casebook":
        """Loads a saved casebook (truncated, corrupted or newer files are refused)."""
        return cls._make(_lib.iro_casebook_load, c_string(path, "path"))

    def _finish(self, directory: PathLike, warn: bool, stacklevel: int = 3, label: str = "") -> ImportReport:
        """The report of the import just made from directory: values read back, a RejectedRowsWarning when
        rows were left out, EmptyTableError when a required table lost every row."""
        self._directory = Path(os.fspath(directory))
        self._kept_report: Optional[ImportReport] = None
        report = self.import_report()
        directory = label or directory
        lost = report.empty_tables()
        if lost:
            counts = ", ".join(f"{name}: all {report.rows[name]} rows" for name in lost)
            first = next((i for i in report.issues if i.file == lost[0] and i.rejected), None)
            example = f"; the first: line {first.line}, {first.message}" if first else ""
            raise EmptyTableError(f"the import of {os.fspath(directory)} rejected every row of a required table "
                                  f"({counts}){example}. Check the date format (DD/MM/YYYY or YYYY-MM-DD); "
                                  "the error's .report lists every issue", report)
        if warn and report.rejected:
            by_file = ", ".join(f"{name} {n}" for name, n in report.rejected_by_file().items())
            warnings.warn(f"iro: {report.rejected} rows of {os.fspath(directory)} were rejected ({by_file}); "
                          "see the ImportReport's issues or to_pandas()", RejectedRowsWarning, stacklevel=stacklevel)
        return report

    def import_903(self, directory: PathLike, strict: bool = False, warn: bool = True) -> ImportReport:
        """Replaces the children with an SSDA903 return's (header.csv, episodes.csv, and optionally
        reviews.csv, placed_for_adoption.csv, review_records.csv, midway_reviews.csv) and returns the
        ImportReport: rows read per file and every rejected or doubtful row (file, line, column, value,
        reason; report.to_pandas()). Also kept: see import_report().

        Lenient (the default): bad rows are left out and reported, with a RejectedRowsWarning (warn=False
        for none); strict=True: the first bad row raises its own error naming file and line. EmptyTableError
        (a ParseError) when header.csv or episodes.csv lost every row (the casebook then holds the import,
        which has no usable children); IroIOError for a missing required file."""
        path = c_string(directory, "directory")
        check(_lib.iro_casebook_import_903(self._h, path, flag(strict, "strict"), None, None))
        return self._finish(directory, flag(warn, "warn") == 1)

    def import_council(self, directory: PathLike, policy: Policy, calendar: Calendar, strict: bool = False,
                       warn: bool = True) -> ImportReport:
        """Replaces the children, the roster and the disputes with a council's whole directory, and returns
        the report of what was read (also kept: see import_report()).

        The directory has the layout of `iro synth` (docs/ssda903.md): header.csv and episodes.csv
        (required); reviews.csv, placed_for_adoption.csv, review_records.csv, midway_reviews.csv;
        roster/iros.csv, roster/children.csv, roster/allocations.csv, roster/absences.csv;
        disputes/events.csv. The dispute events must fit policy's ladder and categories, and their response
        times are counted in working days of calendar with the policy's closure days.

        Lenient (the default): a bad row of any file, or a dispute event the policy does not allow, is left
        out and reported as an ImportIssue, and the rest is read, with a RejectedRowsWarning (warn=False for
        none). strict=True: the first such row raises its own error (ParseError, InvalidDateError,
        RuleViolationError, NotFoundError...) naming the file and line. IroIOError for a missing header.csv
        or episodes.csv; ParseError for a file that is not CSV or lacks a required column; EmptyTableError
        when header.csv or episodes.csv lost every row. On any error from the library the casebook is
        unchanged, and so is its last report."""
        args = (self._h, c_string(directory, "directory"), Policy._arg(policy, "policy"),
                Calendar._arg(calendar, "calendar"), flag(strict, "strict"))
        check(_lib.iro_casebook_import_council(*args, None, None))
        return self._finish(directory, flag(warn, "warn") == 1)

    def import_report(self) -> ImportReport:
        """The report of the last successful import into this casebook (import_council(), import_903() or
        from_frames()): the rows read per file and every rejected or doubtful row, with the value of the cell
        at fault when the file can still be read. Empty before any import."""
        listed = read_array(_lib.iro_casebook_import_issues, _native.ImportIssue, self._h)
        kept = getattr(self, "_kept_report", None)
        if kept is not None:
            return kept
        rows = {r.file.decode("utf-8"): r.rows for r in read_array(_lib.iro_casebook_import_rows, _native.ImportRows,
                                                                    self._h)}
        issues = [ImportIssue(i.file.decode("utf-8"), i.line, i.column.decode("utf-8"), i.message.decode("utf-8"),
                              bool(i.rejected)) for i in listed]
        return ImportReport(rows, _values(getattr(self, "_directory", None), issues))

    @classmethod
    def from_frames(cls, header: Any, episodes: Any, reviews: Optional[Any] = None,
                    placed_for_adoption: Optional[Any] = None, review_records: Optional[Any] = None,
                    midway_reviews: Optional[Any] = None, policy: Optional[Policy] = None,
                    calendar: Optional[Calendar] = None, strict: bool = False,
                    warn: bool = True) -> "Casebook":
        """A casebook from a council held in pandas DataFrames, one per SSDA903 table (the columns of
        docs/ssda903.md: header CHILD, DOB; episodes CHILD, DECOM, RNE, LS, DEC; reviews CHILD, DOB, REVIEW,
        REVIEW_CODE; placed_for_adoption CHILD, DATE_PLACED, DATE_PLACED_CEASED; review_records CHILD,
        REVIEW, RECORD_SENT; midway_reviews CHILD, MIDWAY). Date columns may be datetime64 (written as
        DD/MM/YYYY; a time of day is refused) or text in DD/MM/YYYY or YYYY-MM-DD; NaT and NaN are empty.

        How: the frames are written as the return's CSV files into a temporary directory, which is imported
        with import_903() (or import_council(policy, calendar) when both are given) and then removed: the
        library reads them exactly as it reads a council's files, with the same checks and the same
        ImportReport (book.import_report(); values of rejected cells are read back before the directory
        goes). Warnings and errors are those of import_903()."""
        tables = {"header.csv": header, "episodes.csv": episodes, "reviews.csv": reviews,
                  "placed_for_adoption.csv": placed_for_adoption, "review_records.csv": review_records,
                  "midway_reviews.csv": midway_reviews}
        for name, frame in tables.items():
            if frame is not None and not (hasattr(frame, "columns") and hasattr(frame, "itertuples")):
                raise TypeError(f"{name[:-4]} must be a pandas DataFrame, got {type(frame).__name__}")
        if header is None or episodes is None:
            raise TypeError("header and episodes are required DataFrames")
        if (policy is None) != (calendar is None):
            raise TypeError("give both policy and calendar (a council import) or neither (an SSDA903 import)")
        if policy is not None:
            Policy._arg(policy, "policy")
            Calendar._arg(calendar, "calendar")
        strict_flag, warn_flag = flag(strict, "strict"), flag(warn, "warn")
        book = cls()
        try:
            with tempfile.TemporaryDirectory(prefix="iro-frames-") as tmp:
                for name, frame in tables.items():
                    if frame is not None:
                        _write_csv(frame, Path(tmp) / name)
                if policy is None:
                    check(_lib.iro_casebook_import_903(book._h, c_string(tmp, "directory"), strict_flag, None, None))
                else:
                    check(_lib.iro_casebook_import_council(book._h, c_string(tmp, "directory"), policy._h,
                                                           calendar._h, strict_flag, None, None))
                report = book._finish(tmp, warn_flag == 1, stacklevel=3, label="the DataFrames")
                book._directory = None
                book._kept_report = report  # its values were read from the files, which are removed now
        except BaseException:
            book.close()
            raise
        return book

    def synthesize(self, children: int = 450, iros: int = 8, years: int = 2, seed: int = 1) -> None:
        """Replaces the contents with a synthetic council (deterministic for a seed): children 1 to
        2,000,000, IROs 1 to 100,000, years 1 to 20."""
        check(_lib.iro_casebook_synthesize(self._h, unsigned(children, "children"), unsigned(iros, "iros"),
                                           unsigned(years, "years"), unsigned(seed, "seed", 64)))

    def save(self, path: PathLike, text: bool = False) -> None:
        """Saves atomically (a binary archive, or a portable text one)."""
        check(_lib.iro_casebook_save(self._h, c_string(path, "path"), 0 if flag(text, "text") else 1))

    def counts(self) -> Tuple[int, int, int]:
        """(children, IROs, disputes)."""
        values = [ctypes.c_size_t() for _ in range(3)]
        check(_lib.iro_casebook_counts(self._h, *(ctypes.byref(v) for v in values)))
        children, iros, disputes = (v.value for v in values)
        return children, iros, disputes

    def children(self) -> Children:
        """The children as an iro.Children set, ready for iro.evaluate()."""
        return Children._make(_lib.iro_casebook_children, self._h)

    def export(self, policy: Policy, calendar: Calendar, as_of: DateLike, format: str = "csv") -> str:
        """Every child's computed schedule as CSV or JSON text, or the reviews as a 903 Reviews table ("903").

        The text is formatted once (iro_casebook_export_text(), read in place), not once to learn its size
        and again to fill a buffer."""
        args = (self._h, Policy._arg(policy, "policy"), Calendar._arg(calendar, "calendar"), to_days(as_of),
                choice(format, _FORMATS, "format"))
        return _owned_text(_lib.iro_casebook_export_text, *args)

    def report(self, policy: Policy, calendar: Calendar, year: int) -> Report:
        """The IRO annual report for the year from 1 April `year` (docs/report.md), computed once: read its
        figures, the rows behind them, its tables and any layout from the Report it returns. Raises
        InvalidArgumentError when no child was looked after in the year, OutOfRangeError for the year."""
        return compute(self._h, policy, calendar, year)


def _owned_text(fn: Any, *args: Any) -> str:
    """The text an fn(*args, &iro_text) function makes once, read and freed."""
    handle = ctypes.c_void_p()
    check(fn(*args, ctypes.byref(handle)))
    try:
        data, size = ctypes.c_char_p(), ctypes.c_size_t()
        check(_lib.iro_text_read(handle, ctypes.byref(data), ctypes.byref(size)))
        return ctypes.string_at(data, size.value).decode("utf-8")
    finally:
        _lib.iro_text_free(handle)


def _cell(value: Any) -> str:
    """The CSV text of one cell: "" for None/NaN/NaT, DD/MM/YYYY for a date or a midnight Timestamp."""
    if value is None:
        return ""
    if isinstance(value, float) and value != value:
        return ""
    if hasattr(value, "to_pydatetime") or hasattr(value, "strftime"):
        if value != value:  # NaT
            return ""
        days = to_days(value)  # refuses a time of day
        day = datetime.date(1970, 1, 1) + datetime.timedelta(days=days)
        return day.strftime("%d/%m/%Y")
    return str(value)


def _write_csv(frame: Any, path: Path) -> None:
    """A DataFrame as a 903 CSV file: its columns as the header, datetime64 columns as DD/MM/YYYY."""
    columns = [str(c) for c in frame.columns]
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        converted = []
        for name in frame.columns:
            column = frame[name]
            if str(column.dtype).startswith("datetime64"):
                if (column.notna() & (column.dt.normalize() != column)).any():
                    raise ValueError(f"column {name} has a time of day: dates only")
                converted.append(column.dt.strftime("%d/%m/%Y").fillna("").tolist())
            else:
                converted.append([_cell(v) for v in column.tolist()])
        writer.writerows(zip(*converted))
