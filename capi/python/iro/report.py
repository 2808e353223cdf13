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
from typing import Any, Dict, List, NamedTuple, Optional, Tuple, Union

from . import _native
from ._calls import c_string, choice, int32, read_array, read_text
from ._days import from_days
from ._handle import Handle
from .calendar import Calendar
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
    """review_records.csv was read."""
    midway_reviews: bool
    """midway_reviews.csv was read."""
    roster: bool
    """A roster of IROs was read."""
    disputes: bool
    """Dispute events were read."""


class Report(Handle):
    """An annual report computed once from a casebook, a policy, a calendar and a year (Casebook.report()).
    It does not refer to them: they may change or be closed. Immutable: safe to read from many threads."""

    _free = staticmethod(_lib.iro_report_free)
    _what = "report"
    _factories = "Casebook.report(policy, calendar, year)"

    def _adopted(self) -> None:
        """Reads the summary once (the council, the year, what was supplied)."""
        info = _native.ReportSummary()
        check(_lib.iro_report_summary(self._h, ctypes.byref(info)))
        self._info = info
        self._council = info.council.decode("utf-8")

    @property
    def council(self) -> str:
        """The council's name ("" when none)."""
        self._h  # InvalidArgumentError once closed
        return self._council

    @property
    def year(self) -> int:
        """The reporting year's first calendar year (2024 for 2024/25)."""
        self._h  # InvalidArgumentError once closed
        return self._info.year

    @property
    def period(self) -> Tuple[datetime.date, datetime.date]:
        """(1 April, 31 March)."""
        self._h  # InvalidArgumentError once closed
        return from_days(self._info.from_), from_days(self._info.to)

    @property
    def children_refused(self) -> int:
        """Children whose data could not be evaluated (not in the figures; see the import report)."""
        self._h  # InvalidArgumentError once closed
        return self._info.children_refused

    @property
    def supplied(self) -> Supplied:
        """Which optional inputs the casebook held."""
        self._h  # InvalidArgumentError once closed
        i = self._info
        return Supplied(bool(i.review_records_supplied), bool(i.midway_reviews_supplied), bool(i.roster_supplied),
                        bool(i.disputes_supplied))

    def format(self, format: str = "text") -> str:
        """The report laid out as "text", "csv", "json", "md" or "html" (one self-contained page with charts)."""
        layout = choice(format, list(FORMATS), "format")
        handle = ctypes.c_void_p()
        check(_lib.iro_report_format_text(self._h, layout, ctypes.byref(handle)))  # made once, read in place
        try:
            data, size = ctypes.c_char_p(), ctypes.c_size_t()
            check(_lib.iro_text_read(handle, ctypes.byref(data), ctypes.byref(size)))
            return ctypes.string_at(data, size.value).decode("utf-8")
        finally:
            _lib.iro_text_free(handle)

    def __str__(self) -> str:
        """The report as text tables (format("text"))."""
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

    def cells_frame(self) -> Any:
        """Every table in long form as a pandas DataFrame: table, row, measure, value (a float for a number,
        the words otherwise), number (the float, NaN for words), in the report's order."""
        import pandas
        cells = self.cells()
        frame = pandas.DataFrame(cells, columns=list(ReportCell._fields))
        frame["number"] = pandas.to_numeric(frame["value"].where(frame["value"].map(type) == float), errors="coerce")
        return frame

    def to_pandas(self) -> Any:
        """The same as cells_frame(): every table in long form (table, row, measure, value, number)."""
        return self.cells_frame()

    def table(self, name: str) -> Any:
        """One table as a pandas DataFrame: one row per report row (in the report's order, e.g. "Apr 2024"
        ... "Year" for "timeliness", "PN0".."PN7" for "participation"), one column per measure, numbers as
        floats. NotFoundError-like InvalidArgumentError listing the tables for a name that is none."""
        if not isinstance(name, str):
            raise TypeError(f"name must be text, got {type(name).__name__} {name!r}")
        frame = self.cells_frame()
        part = frame[frame["table"] == name]
        if part.empty:
            tables = ", ".join(dict.fromkeys(frame["table"]))
            raise InvalidArgumentError(f"the report has no table {name!r} (it has {tables})")
        rows = list(dict.fromkeys(part["row"]))
        measures = list(dict.fromkeys(part["measure"]))
        values = part.assign(value=part["number"].where(part["number"].notna(), part["value"]))
        table = values.pivot(index="row", columns="measure", values="value").reindex(index=rows, columns=measures)
        table.columns.name = None
        table.index.name = name
        return table.infer_objects()

    def query_frame(self, name: str) -> Any:
        """The rows behind one figure as a pandas DataFrame: child, date (datetime64), detail; len() is the
        figure. NotFoundError for a name that is no figure of this report."""
        import pandas
        rows = self.query(name)
        frame = pandas.DataFrame(rows, columns=list(ReportRow._fields))
        frame["date"] = pandas.to_datetime(frame["date"])
        return frame


def compute(casebook_handle: ctypes.c_void_p, policy: Any, calendar: Calendar, year: int) -> Report:
    """The report of a casebook handle for the year from 1 April `year` (Casebook.report() calls this)."""
    from .schedule import Policy
    args = (casebook_handle, Policy._arg(policy, "policy"), Calendar._arg(calendar, "calendar"), int32(year, "year"))
    return Report._make(_lib.iro_report_new, *args)


__all__ = ["Report", "ReportCell", "ReportFigure", "ReportRow", "Supplied", "FORMATS", "compute"]
