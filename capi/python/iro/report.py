"""The IRO annual report, computed once (iro_report_new()) and then read as many times as needed: its tables
as cells, every figure by name with its count, the rows behind any figure, and any layout of it as text.

    >>> report = book.report(policy, calendar, 2024)
    >>> report.figure("timeliness.year.in_time")
    >>> report.query("timeliness.year.late_or_missed")[0]
    ReportRow(child='100042', date=datetime.date(2024, 5, 1), detail='review 2 due 2024-05-01, ...')
    >>> report.format("html")

Nothing here computes a figure again: every read is of what the library computed once.
"""
import ctypes
import datetime
from typing import Dict, List, NamedTuple, Tuple, Union

from . import _native
from ._calls import c_string, int32, read_array, read_text
from ._days import from_days
from ._handle import Handle
from .errors import InvalidArgumentError, check

_lib = _native.lib
FORMATS = {"text": 0, "csv": 1, "json": 2, "md": 3, "html": 4}
"""The layouts of format(), by name, with their IRO_REPORT_* values."""


class ReportCell(NamedTuple):
    """One cell of the report's tables in long form: (table, row, measure, value)."""

    table: str
    """"timeliness", "by_number", "participation", "records", "midway", "population", "caseloads", "disputes"..."""
    row: str
    """"May 2024", "2023/24 first", "PN3", "IRO3", "team", "year"..."""
    measure: str
    """"due", "percent_in_time", "per_fte", "band", "supplied"..."""
    value: Union[float, str]
    """The value: a float for a number, the words otherwise ("within", "no")."""


class ReportFigure(NamedTuple):
    """One figure: its name, its count, and the kind of figure it is."""

    name: str
    """"timeliness.2024-06.due", "records.late", "caseload.IRO3"..."""
    count: int
    """The count; query(name) lists exactly this many rows."""
    kind: str
    """Its kind's name pattern ("timeliness.PERIOD.MEASURE"; docs/report.md defines each)."""


class ReportRow(NamedTuple):
    """One row behind a figure: a child (or dispute), a date and what the row is."""

    child: str
    """The child's id."""
    date: datetime.date
    """The row's date: the due date, the day held, the start of care, the day raised..."""
    detail: str
    """What the row is, in words ("review 2 due 2024-05-01, held 2024-05-10 (late by 9 days)")."""


class Supplied(NamedTuple):
    """Which optional inputs the casebook held. A table whose input was not supplied says "not supplied" in
    text, is null in JSON, and has no figures: never zeros that look like facts."""

    review_records: bool
    midway_reviews: bool
    roster: bool
    disputes: bool


class Report(Handle):
    """An annual report computed once from a casebook, a policy, a calendar and a year (Casebook.report()).
    It does not refer to them: they may change or be closed. Immutable: safe to read from many threads."""

    _free = staticmethod(_lib.iro_report_free)
    _what = "report"

    def __init__(self, handle):
        """Takes ownership of a report handle (use Casebook.report() to make one)."""
        super().__init__(handle)
        info = _native.ReportSummary()
        check(_lib.iro_report_summary(self._h, ctypes.byref(info)))
        self._info = info
        self._council = info.council.decode("utf-8")

    @property
    def council(self) -> str:
        """The council's name ("" when none)."""
        return self._council

    @property
    def year(self) -> int:
        """The reporting year's first calendar year (2024 for 2024/25)."""
        return self._info.year

    @property
    def period(self) -> Tuple[datetime.date, datetime.date]:
        """(1 April, 31 March)."""
        return from_days(self._info.from_), from_days(self._info.to)

    @property
    def children_refused(self) -> int:
        """Children whose data could not be evaluated (not in the figures; see the import report)."""
        return self._info.children_refused

    @property
    def supplied(self) -> Supplied:
        """Which optional inputs the casebook held."""
        i = self._info
        return Supplied(bool(i.review_records_supplied), bool(i.midway_reviews_supplied), bool(i.roster_supplied),
                        bool(i.disputes_supplied))

    def format(self, format: str = "text") -> str:
        """The report laid out as "text", "csv", "json", "md" or "html" (one self-contained page with charts)."""
        if format not in FORMATS:
            raise InvalidArgumentError(f"format {format!r} is not one of {', '.join(FORMATS)}")
        return read_text(_lib.iro_report_format, self._h, FORMATS[format])

    def __str__(self) -> str:
        return self.format("text")

    def cells(self) -> List[ReportCell]:
        """Every table as cells (table, row, measure, value), in the report's order: the rows of format("csv"),
        with numbers as floats. Ready for pandas.DataFrame(report.cells())."""
        return [ReportCell(c.table.decode("utf-8"), c.row.decode("utf-8"), c.measure.decode("utf-8"),
                           c.number if c.is_number else c.text.decode("utf-8"))
                for c in read_array(_lib.iro_report_cells, _native.ReportCell, self._h)]

    def figure_list(self) -> List[ReportFigure]:
        """Every figure with its count and kind, in the report's order."""
        return [ReportFigure(f.name.decode("utf-8"), f.count, f.kind.decode("utf-8"))
                for f in read_array(_lib.iro_report_figures, _native.ReportFigure, self._h)]

    def figures(self) -> Dict[str, int]:
        """Every figure by name with its count, in the report's order ({"timeliness.2024-06.due": 63, ...})."""
        return {f.name: f.count for f in self.figure_list()}

    def figure(self, name: str) -> int:
        """One figure's count by name. Raises NotFoundError for a name that is no figure of this report."""
        count = ctypes.c_uint64()
        check(_lib.iro_report_figure_count(self._h, c_string(name, "figure"), ctypes.byref(count)))
        return count.value

    def query(self, name: str) -> List[ReportRow]:
        """The rows behind one figure, one per item counted, so len() is the figure. Raises NotFoundError for
        a name that is no figure of this report."""
        handle = ctypes.c_void_p()
        check(_lib.iro_report_query(self._h, c_string(name, "figure"), ctypes.byref(handle)))
        try:
            return [ReportRow(r.child.decode("utf-8"), from_days(r.date), r.detail.decode("utf-8"))
                    for r in read_array(_lib.iro_report_rows_read, _native.ReportRow, handle)]
        finally:
            _lib.iro_report_rows_free(handle)


def compute(casebook_handle, policy, calendar, year: int) -> Report:
    """The report of a casebook handle for the year from 1 April `year` (Casebook.report() calls this)."""
    handle = ctypes.c_void_p()
    check(_lib.iro_report_new(casebook_handle, policy._h, calendar._h, int32(year, "year"), ctypes.byref(handle)))
    return Report(handle)


__all__ = ["Report", "ReportCell", "ReportFigure", "ReportRow", "Supplied", "FORMATS", "compute"]
