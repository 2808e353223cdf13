"""Review schedules: policies, children, and one C call that evaluates them all.

Results carry each child's id (ChildSchedule.child_id, ReviewResult.child_id, MissedReview.child_id), a
child is found by id (Schedules.find(id), schedules["C1"]), and every review and missed date of every
child comes back in one C call as columns (Schedules.to_numpy(), Schedules.to_pandas()), with no text.
"""
import ctypes
import datetime
import json
import sys
from typing import Any, Dict, Iterator, List, NamedTuple, Optional, Sequence, Tuple, Union

from . import _native
from ._arrays import DayArray, is_pandas, require_numpy
from ._calls import PathLike, c_string, choice, index, int32, read_array, read_text
from ._days import DateLike, from_days, to_days
from ._handle import Handle
from .calendar import Calendar
from .errors import InvalidArgumentError, NotFoundError, check, error_for

_lib = _native.lib
NO_DATE = -(2 ** 31)
_INT32_MAX = 2 ** 31 - 1

#: The regimes, indexed by IRO_REGIME_*. adoption_authorised is only a switch: from standard (authority to
#: place), or from adoption_placed (the child was returned to the agency).
REGIMES = ("standard", "short_breaks", "adoption_placed", "adoption_authorised")
#: The steps of a chain that set a due date, indexed by IRO_RULE_*. Their citations and wording are the
#: policy's: Policy.rule(name, anchor). Under the built-in England policy: standard_first CPPCR 2010
#: reg 33(1); standard_second and standard_subsequent reg 33(2); short_breaks_* reg 48(3);
#: adoption_placed_first/second/subsequent AAR 2005 reg 36(3)(a)/(b)/(c); adoption_authorised reg 36(1)(a);
#: returned (after a return to the agency, 6 months after the previous review) CPPCR 2010 reg 33(2);
#: returned_local, a council's own review after a return, only under a policy that sets one.
RULES = ("standard_first", "standard_second", "standard_subsequent", "short_breaks_first", "short_breaks_subsequent",
         "adoption_placed_first", "adoption_placed_second", "adoption_placed_subsequent", "adoption_authorised",
         "returned", "short_breaks_second", "returned_local")

#: The units of Policy.add, indexed by IRO_UNIT_*.
UNITS = ("working_days", "days", "weeks", "months")

#: The participation codes of the SSDA903 return, indexed by their number (IRO_PN_NONE, -1, is none).
CODES = ("PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7")


class ChildSchedule(NamedTuple):
    """One child's result. next_* are None when the child owes no review on the as-of date
    (Schedules.explain(i) says why: not looked after, left care, turned 18, or turns 18 before the next
    review would fall due)."""

    ok: bool
    """False when the child's data could not be evaluated (error says why)."""
    error: Optional[Exception]
    """The exception for a child that could not be evaluated (naming the child, field and value)."""
    reviews: int
    """Held reviews up to the as-of date."""
    missed: int
    """Missed due dates."""
    next_due: Optional[datetime.date]
    next_number: Optional[int]
    next_regime: Optional[str]
    next_rule: Optional[str]
    overdue: bool
    midway: Optional[datetime.date]
    book_by: Optional[datetime.date]
    report_due: Optional[datetime.date]
    child_id: str = ""
    """The child's id, as it was added (the CHILD of the 903 return)."""


class ReviewResult(NamedTuple):
    """One held review, judged."""

    date: datetime.date
    number: int
    regime: str
    due: datetime.date
    rule: str
    anchor: datetime.date
    on_time: bool
    days_late: int
    record_due: datetime.date
    code: Optional[str]
    """The participation code "PN0".."PN7", or None when none was recorded."""
    child_id: str = ""
    """The child's id."""


class MissedReview(NamedTuple):
    """One missed due date."""

    due: datetime.date
    rule: str
    anchor: datetime.date
    regime: str
    child_id: str = ""
    """The child's id."""


def _regime(name: Any) -> int:
    return choice(name, REGIMES, "regime")


def _rule(value: Union[str, int]) -> int:
    """The IRO_RULE_* value of a rule given by name (as RULES lists them) or by number."""
    if isinstance(value, str):
        if value not in RULES:
            raise InvalidArgumentError(f"{value!r} is not a rule ({', '.join(RULES)})")
        return RULES.index(value)
    return int32(value, "rule")


def _date_or_none(days: int) -> Optional[datetime.date]:
    return None if days == NO_DATE else from_days(days)


def _code(value: int) -> Optional[str]:
    if value < 0:
        return None
    return f"PN{value}"


def participation(value: Any) -> int:
    """The IRO_PN_* number of a participation code: "PN0".."PN7" (any case, spaces around allowed) or
    0..7; None, NaN or "" is -1 (none). InvalidArgumentError for any other text or number."""
    if value is None or value == "" or (isinstance(value, float) and value != value):
        return -1
    if isinstance(value, str):
        text = value.strip().upper()
        if text in CODES:
            return CODES.index(text)
        if text == "":
            return -1
        raise InvalidArgumentError(f"participation code {value!r} is not one of PN0..PN7")
    if isinstance(value, bool) or not hasattr(type(value), "__index__"):
        raise TypeError(f"a participation code must be \"PN0\"..\"PN7\" or 0..7, got {type(value).__name__} {value!r}")
    number = int(value)
    if not -1 <= number <= 7:
        raise InvalidArgumentError(f"participation code {number} is not 0..7 (or -1 for none)")
    return number


def _is_sequence(value: Any) -> bool:
    return isinstance(value, (list, tuple)) or is_pandas(value) or (
        "numpy" in sys.modules and isinstance(value, sys.modules["numpy"].ndarray))


class Policy(Handle):
    """The settings the rules read (immutable; share across threads)."""

    _free = staticmethod(_lib.iro_policy_free)
    _what = "policy"
    _factories = 'Policy.builtin("england") or Policy.from_file(path)'

    @classmethod
    def builtin(cls, name: str = "england") -> "Policy":
        """The built-in policy: "england" (CPPCR 2010 and the IRO Handbook 2010)."""
        return cls._make(_lib.iro_policy_new_builtin, c_string(name, "policy name"))

    @classmethod
    def from_file(cls, path: PathLike) -> "Policy":
        """Loads a policy file (format iro-policy/1; `extends` overlays); errors name the file and JSON path."""
        return cls._make(_lib.iro_policy_new_from_file, c_string(path, "path"))

    def _describe(self) -> Tuple[str, str]:
        policy_id, source = ctypes.c_char_p(), ctypes.c_char_p()
        check(_lib.iro_policy_describe(self._h, ctypes.byref(policy_id), ctypes.byref(source)))
        return policy_id.value.decode("utf-8"), source.value.decode("utf-8")

    @property
    def id(self) -> str:
        """The policy's id ("england", "hounslow")."""
        return self._describe()[0]

    @property
    def source(self) -> str:
        """Where it was loaded from, base first."""
        return self._describe()[1]

    def with_overrides(self, overrides: Union[Dict[str, Any], str]) -> "Policy":
        """A new policy with the overrides of a case's `policy` object (a dict or JSON text), for example
        {"interval_unit": "days", "closure_days": ["2022-12-28"]}."""
        if isinstance(overrides, str):
            overrides_json = overrides
        elif isinstance(overrides, dict):
            overrides_json = json.dumps(overrides)
        else:
            raise TypeError(f"overrides must be a dict or JSON text, got {type(overrides).__name__}")
        return self._make(_lib.iro_policy_new_with_overrides, self._h, c_string(overrides_json, "overrides"))

    def rule(self, rule: Union[str, int], anchor: DateLike) -> Tuple[str, str]:
        """The citation and wording of a rule step under this policy, as (cite, text): for example
        ("CPPCR 2010 reg 33(2)", "second review not more than 3 months after the first").

        rule is a name of RULES (as ReviewResult.rule, MissedReview.rule and ChildSchedule.next_rule give
        it) or its IRO_RULE_* number; anchor is the date the rule counts from (ReviewResult.anchor), which
        picks the version in force: under the England policy a child looked after before 1 April 2011 had
        the 1991 regulations. InvalidArgumentError for an unknown rule, or for "returned_local" under a
        policy that sets no review after a return to the agency; OutOfRangeError for an anchor outside
        DATE_MIN..DATE_MAX."""
        number = _rule(rule)
        day = to_days(anchor)
        cite, text = ctypes.c_char_p(), ctypes.c_char_p()
        check(_lib.iro_policy_rule(self._h, number, day, ctypes.byref(cite), ctypes.byref(text)))
        return cite.value.decode("utf-8"), text.value.decode("utf-8")

    def add(self, calendar: Calendar, start: DateLike, value: int, unit: str = "working_days") -> datetime.date:
        """start plus value units, counted the way this policy counts: its anchor convention, its reading of
        months and its closure days on top of calendar. unit is one of UNITS ("working_days", "days",
        "weeks", "months"); a negative value counts back. InvalidArgumentError for another unit or a
        calendar of another division; OutOfRangeError when a date leaves the calendar."""
        cal = Calendar._arg(calendar, "calendar")
        kind = choice(unit, UNITS, "unit")
        out = ctypes.c_int32()
        check(_lib.iro_policy_add(self._h, cal, to_days(start), int32(value, "value"), kind, ctypes.byref(out)))
        return from_days(out.value)


class Children(Handle):
    """Children to evaluate: add them, their periods of care and their reviews (one thread at a time)."""

    _free = staticmethod(_lib.iro_children_free)
    _what = "set of children"
    _factories = "iro.Children()"

    def __init__(self) -> None:
        """An empty set."""
        handle = ctypes.c_void_p()
        check(_lib.iro_children_new(ctypes.byref(handle)))
        self._handle = handle

    def add(self, child_id: Union[str, int], dob: Optional[DateLike] = None) -> int:
        """Adds a child (its id text, or an int written as text); returns its index."""
        if isinstance(child_id, bool) or not isinstance(child_id, (str, int)):
            raise TypeError(f"child_id must be text (or an int), got {type(child_id).__name__} {child_id!r}")
        name = c_string(str(child_id), "child id")
        born = NO_DATE if dob is None else to_days(dob)
        out = ctypes.c_int32()
        check(_lib.iro_children_add(self._h, name, born, ctypes.byref(out)))
        return out.value

    def add_period(self, child: int, start: DateLike, end: Optional[DateLike] = None,
                   regime: str = "standard") -> None:
        """Adds a period of care (end None: still looked after) to the child at an index."""
        who = index(child, "child", _INT32_MAX)
        check(_lib.iro_children_add_period(self._h, who, to_days(start), NO_DATE if end is None else to_days(end),
                                           _regime(regime)))

    def add_switch(self, child: int, date: DateLike, regime: str) -> None:
        """Adds a regime switch to the latest period of the child at an index."""
        who = index(child, "child", _INT32_MAX)
        check(_lib.iro_children_add_switch(self._h, who, to_days(date), _regime(regime)))

    def add_reviews(self, children: Any, dates: Any, codes: Optional[Any] = None,
                    cancelled: Optional[Any] = None) -> None:
        """Adds many reviews in one call: child indexes (ints), dates (datetime64/int32 arrays, a pandas
        Series, or lists of dates), participation codes ("PN0".."PN7" or 0..7; None, "" or -1 for none) and
        cancelled flags, all the same length. Nothing is added when an item is refused."""
        numpy = require_numpy()
        for what, values in (("children", children), ("dates", dates), ("codes", codes), ("cancelled", cancelled)):
            if values is not None and not _is_sequence(values):
                raise TypeError(f"{what} must be a list, a tuple, a numpy array or a pandas Series, got "
                                f"{type(values).__name__}")
        if children is None:
            raise TypeError("children must be a list, a tuple, a numpy array or a pandas Series, got None")
        raw = numpy.asarray(children.to_numpy() if is_pandas(children) else children)
        if raw.size and raw.dtype.kind not in "iu":
            raise TypeError(f"children must be integer indexes, got an array of {raw.dtype}")
        if raw.size and raw.min() < 0:
            raise IndexError(f"child index {int(raw.min())} is negative: indexes count from 0")
        if raw.size and raw.max() > _INT32_MAX:
            raise IndexError(f"child index {int(raw.max())} is out of range")
        who = numpy.ascontiguousarray(raw.reshape(-1), dtype=numpy.int32)
        if dates is None:
            raise TypeError("dates must be dates, got None")
        days = DayArray(dates)
        if who.size != days.size:
            raise InvalidArgumentError(f"{who.size} child indexes but {days.size} dates")
        extra = []
        for what, values in (("codes", codes), ("cancelled", cancelled)):
            if values is None:
                extra.append(None)
                continue
            items = values.to_numpy() if is_pandas(values) else values
            if what == "codes":
                array = numpy.fromiter((participation(v) for v in numpy.asarray(items, dtype=object).reshape(-1)),
                                       dtype=numpy.int32)
            else:
                flags = numpy.asarray(items)
                if flags.size and flags.dtype.kind not in "biu":
                    raise TypeError(f"cancelled must be booleans, got an array of {flags.dtype}")
                array = numpy.ascontiguousarray(flags.reshape(-1), dtype=numpy.int32)
            if array.size != who.size:
                raise InvalidArgumentError(f"{array.size} {what} where {who.size} reviews were given")
            extra.append(array)
        check(_lib.iro_children_add_reviews(self._h, who.ctypes.data, days.pointer,
                                            None if extra[0] is None else extra[0].ctypes.data,
                                            None if extra[1] is None else extra[1].ctypes.data, who.size))

    def load_json(self, path: PathLike) -> int:
        """Adds the children of a JSON file (the conformance case shape); returns how many."""
        added = ctypes.c_size_t()
        check(_lib.iro_children_load_json(self._h, c_string(path, "path"), ctypes.byref(added)))
        return added.value

    def __len__(self) -> int:
        """The number of children."""
        count = ctypes.c_size_t()
        check(_lib.iro_children_count(self._h, ctypes.byref(count)))
        return count.value


#: The columns of Schedules.to_numpy("reviews") (the order of struct iro_review_columns).
REVIEW_COLUMNS = ("child", "date", "number", "regime", "due", "rule", "anchor", "on_time", "days_late", "record_due",
                  "participation")
#: The columns of Schedules.to_numpy("missed") (struct iro_missed_columns).
MISSED_COLUMNS = ("child", "due", "rule", "anchor", "regime")
_DATE_COLUMNS = {"date", "due", "anchor", "record_due"}
_C_FIELD = {"date": "day"}


class Schedules(Handle):
    """Every child's evaluated schedule (immutable; share across threads). Index it by position or by
    child id: schedules[0], schedules["C1"], schedules.find("C1")."""

    _free = staticmethod(_lib.iro_schedules_free)
    _what = "schedules"
    _factories = "iro.evaluate(children, policy, calendar, as_of)"

    def reevaluate(self, children: Children, policy: Policy, calendar: Calendar, as_of: DateLike) -> None:
        """Evaluates again into this object, reusing its memory."""
        args = (Children._arg(children, "children"), Policy._arg(policy, "policy"),
                Calendar._arg(calendar, "calendar"), to_days(as_of))
        check(_lib.iro_schedule_evaluate_into(*args, self._h))

    def summary(self) -> Tuple[int, int, int]:
        """(children, failed, reviews judged)."""
        n, failed, reviews = ctypes.c_size_t(), ctypes.c_size_t(), ctypes.c_size_t()
        check(_lib.iro_schedules_summary(self._h, ctypes.byref(n), ctypes.byref(failed), ctypes.byref(reviews)))
        return n.value, failed.value, reviews.value

    def __len__(self) -> int:
        """The number of children."""
        return self.summary()[0]

    def _index(self, child: Union[int, str]) -> int:
        """The index of a child given by index (int) or by id (str)."""
        if isinstance(child, str):
            return self.find(child)
        return index(child, "child")

    def find(self, child_id: str) -> int:
        """The index of the child with an id (the first when ids repeat), in constant time; NotFoundError
        (also a LookupError) when no child has it."""
        found = ctypes.c_size_t()
        check(_lib.iro_schedules_find(self._h, c_string(child_id, "child id"), ctypes.byref(found)))
        return found.value

    def child_id(self, child: int) -> str:
        """The id of the child at an index."""
        text = ctypes.c_char_p()
        check(_lib.iro_schedules_child_id(self._h, index(child, "child"), ctypes.byref(text)))
        return text.value.decode("utf-8")

    def child_ids(self) -> List[str]:
        """Every child's id, in index order."""
        fn, handle, text = _lib.iro_schedules_child_id, self._h, ctypes.c_char_p()
        out = []
        for i in range(self.summary()[0]):
            check(fn(handle, i, ctypes.byref(text)))
            out.append(text.value.decode("utf-8"))
        return out

    def __getitem__(self, child: Union[int, str]) -> ChildSchedule:
        """schedules[i] or schedules["C1"]: the child's ChildSchedule (IndexError/NotFoundError when absent)."""
        return self.child(child)

    def __iter__(self) -> Iterator[ChildSchedule]:
        """Every child's ChildSchedule, in index order."""
        for i in range(len(self)):
            yield self.child(i)

    def child(self, index: Union[int, str]) -> ChildSchedule:
        """One child's result as a ChildSchedule, by index or by id."""
        i = self._index(index)
        c = _native.ChildSchedule()
        check(_lib.iro_schedules_child(self._h, i, ctypes.byref(c)))
        message = ctypes.c_char_p()
        check(_lib.iro_schedules_child_error(self._h, i, ctypes.byref(message)))
        has_next = c.next_due != NO_DATE
        return ChildSchedule(
            ok=c.status == 0, error=None if c.status == 0 else error_for(c.status, message.value.decode("utf-8")),
            reviews=c.reviews, missed=c.missed, next_due=_date_or_none(c.next_due),
            next_number=c.next_number if has_next else None, next_regime=REGIMES[c.next_regime] if has_next else None,
            next_rule=RULES[c.next_rule] if has_next else None, overdue=bool(c.overdue),
            midway=_date_or_none(c.midway), book_by=_date_or_none(c.book_by), report_due=_date_or_none(c.report_due),
            child_id=self.child_id(i))

    def reviews(self, index: Union[int, str]) -> List[ReviewResult]:
        """A child's held reviews (by index or id), judged, in date order."""
        i = self._index(index)
        listed = read_array(_lib.iro_schedules_reviews, _native.ReviewResult, self._h, i)
        who = self.child_id(i)
        return [ReviewResult(from_days(r.day), r.number, REGIMES[r.regime], from_days(r.due), RULES[r.rule],
                             from_days(r.anchor), bool(r.on_time), r.days_late, from_days(r.record_due),
                             _code(r.participation), who)
                for r in listed]

    def missed(self, index: Union[int, str]) -> List[MissedReview]:
        """A child's missed due dates (by index or id), in date order."""
        i = self._index(index)
        listed = read_array(_lib.iro_schedules_missed, _native.MissedReview, self._h, i)
        who = self.child_id(i)
        return [MissedReview(from_days(m.due), RULES[m.rule], from_days(m.anchor), REGIMES[m.regime], who)
                for m in listed]

    def explain(self, index: Union[int, str], review: int = -1) -> str:
        """Why a due date is what it is, in words an IRO can quote: the provision and its wording, the
        deadline's weekday, the event that started the chain and the arithmetic. review -1 (the default) is
        the next review, 0.. the held ones. For -1 and a child who owes no review it says why (left care,
        turned 18, not looked after yet). IndexError for a negative index, NotFoundError for an index out of
        range, an unknown id, or a child that could not be evaluated (the message gives its error)."""
        i = self._index(index)
        return read_text(_lib.iro_schedules_explain, self._h, i, int32(review, "review"))

    def _columns(self, table: str) -> Dict[str, Any]:
        """{column: int32 array} of every review or missed date, filled by one C call (after the count)."""
        numpy = require_numpy()
        if table == "reviews":
            names, struct, fn = REVIEW_COLUMNS, _native.ReviewColumns, _lib.iro_schedules_review_columns
        elif table == "missed":
            names, struct, fn = MISSED_COLUMNS, _native.MissedColumns, _lib.iro_schedules_missed_columns
        else:
            raise InvalidArgumentError(f"table {table!r} is not one of reviews, missed")
        handle = self._h
        count = ctypes.c_size_t()
        columns = struct()
        status = fn(handle, ctypes.byref(columns), 0, ctypes.byref(count))
        if status not in (_native.OK, _native.E_BUFFER_TOO_SMALL):
            check(status)
        arrays = {name: numpy.empty(count.value, dtype=numpy.int32) for name in names}
        for name, array in arrays.items():
            setattr(columns, _C_FIELD.get(name, name), array.ctypes.data_as(ctypes.POINTER(ctypes.c_int32)))
        check(fn(handle, ctypes.byref(columns), count.value, ctypes.byref(count)))
        return arrays

    def to_numpy(self, table: str = "reviews") -> Dict[str, Any]:
        """Every held review ("reviews") or every missed due date ("missed") of every child as a dict of numpy
        arrays, one row per review in child order, filled by ONE C call (no text): "child" (the child's
        index: child_ids()[i] is its id), dates as datetime64[D] ("date", "due", "anchor", "record_due"),
        "regime" and "rule" as int32 indexes of REGIMES and RULES, "participation" as int32 0..7 (-1 for
        none), "on_time" as bool, "number" and "days_late" as int32."""
        arrays = self._columns(table)
        for name in list(arrays):
            if name in _DATE_COLUMNS:
                arrays[name] = arrays[name].astype("datetime64[D]")
            elif name == "on_time":
                arrays[name] = arrays[name].astype(bool)
        return arrays

    def to_pandas(self, table: str = "reviews") -> Any:
        """Every held review ("reviews") or every missed due date ("missed") as a pandas DataFrame built from
        one columnar C call: CHILD (the child's id) first, then the columns of to_numpy() with dates as
        datetime64 (pandas 1.x holds them as datetime64[ns]), regime and rule as categories named as REGIMES
        and RULES, participation as a category of "PN0".."PN7" (missing when none recorded)."""
        import pandas
        numpy = require_numpy()
        arrays = self.to_numpy(table)
        ids = numpy.asarray(self.child_ids(), dtype=object)
        frame: Dict[str, Any] = {"CHILD": ids[arrays["child"]]}
        for name, values in arrays.items():
            if name == "rule":
                frame[name] = pandas.Categorical.from_codes(values, categories=list(RULES))
            elif name == "regime":
                frame[name] = pandas.Categorical.from_codes(values, categories=list(REGIMES))
            elif name == "participation":
                frame[name] = pandas.Categorical.from_codes(values, categories=list(CODES))
            else:
                frame[name] = values
        return pandas.DataFrame(frame)

    def children_frame(self) -> Any:
        """One row per child as a pandas DataFrame: CHILD, ok, error (the message, "" when evaluated),
        reviews, missed, next_due, next_number, next_regime, next_rule, overdue, midway, book_by, report_due
        (dates as datetime64, NaT when none)."""
        import pandas
        rows = []
        for i in range(len(self)):
            c = self.child(i)
            rows.append((c.child_id, c.ok, "" if c.error is None else str(c.error), c.reviews, c.missed, c.next_due,
                         c.next_number, c.next_regime, c.next_rule, c.overdue, c.midway, c.book_by, c.report_due))
        frame = pandas.DataFrame(rows, columns=["CHILD", "ok", "error", "reviews", "missed", "next_due", "next_number",
                                                "next_regime", "next_rule", "overdue", "midway", "book_by",
                                                "report_due"])
        for name in ("next_due", "midway", "book_by", "report_due"):
            frame[name] = pandas.to_datetime(frame[name])
        return frame


class DiffFigures(NamedTuple):
    """Headline figures of one side of a policy diff."""

    children: int
    failed: int
    reviews: int
    in_time: int
    missed: int
    overdue: int


class PolicyDiff(Handle):
    """The same children under two policies: what changes, and how the figures move."""

    _free = staticmethod(_lib.iro_policy_diff_free)
    _what = "policy diff"
    _factories = "iro.diff_policies(children, current, proposed, calendar, as_of)"

    def figures(self) -> Tuple[DiffFigures, DiffFigures]:
        """(figures under the first policy, figures under the second) as DiffFigures."""
        a, b = _native.DiffFigures(), _native.DiffFigures()
        check(_lib.iro_policy_diff_figures(self._h, ctypes.byref(a), ctypes.byref(b)))
        first, second = (DiffFigures(*(getattr(f, n) for n in DiffFigures._fields)) for f in (a, b))
        return first, second

    def changes(self) -> List[Tuple[int, List[str]]]:
        """[(child index, [change lines])] for every child whose results change."""
        count = ctypes.c_size_t()
        check(_lib.iro_policy_diff_changed(self._h, ctypes.byref(count)))
        out = []
        for i in range(count.value):
            child, text = ctypes.c_size_t(), ctypes.c_char_p()
            check(_lib.iro_policy_diff_change(self._h, i, ctypes.byref(child), ctypes.byref(text)))
            out.append((child.value, text.value.decode("utf-8").split("\n")))
        return out

    def report(self) -> str:
        """The diff as text for people."""
        return read_text(_lib.iro_policy_diff_report, self._h)


def diff_policies(children: Children, current: Policy, proposed: Policy, calendar: Calendar,
                  as_of: DateLike) -> PolicyDiff:
    """Evaluates every child under both policies and compares (see PolicyDiff)."""
    args = (Children._arg(children, "children"), Policy._arg(current, "current"), Policy._arg(proposed, "proposed"),
            Calendar._arg(calendar, "calendar"), to_days(as_of))
    return PolicyDiff._make(_lib.iro_policy_diff_new, *args)


def evaluate(children: Children, policy: Policy, calendar: Calendar, as_of: DateLike) -> Schedules:
    """Evaluates every child's schedule as of a date in one C call. A child with invalid data gets its own
    error (see Schedules.child(i).error); the others are evaluated as usual. TypeError when an argument is
    not of its kind (a Calendar where the Policy belongs, a Casebook where Children belong: use
    book.children())."""
    args = (Children._arg(children, "children"), Policy._arg(policy, "policy"), Calendar._arg(calendar, "calendar"),
            to_days(as_of))
    return Schedules._make(_lib.iro_schedule_evaluate, *args)
