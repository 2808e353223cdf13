"""Review schedules: policies, children, and one C call that evaluates them all."""
import ctypes
import datetime
import json
from collections import namedtuple

from . import _native
from ._arrays import DayArray, require_numpy
from ._calls import c_string, int32, read_array, read_text
from ._days import from_days, to_days
from ._handle import Handle
from .errors import InvalidArgumentError, check, error_for

_lib = _native.lib
NO_DATE = -(2 ** 31)

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

#: One child's result. next_* are None when the child owes no review on the as-of date (Schedules.explain(i)
#: says why: not looked after, left care, turned 18, or turns 18 before the next review would fall due).
ChildSchedule = namedtuple("ChildSchedule", "ok error reviews missed next_due next_number next_regime next_rule "
                                            "overdue midway book_by report_due")
#: One held review, judged.
ReviewResult = namedtuple("ReviewResult", "date number regime due rule anchor on_time days_late record_due code")
#: One missed due date.
MissedReview = namedtuple("MissedReview", "due rule anchor regime")


def _regime(name):
    if name not in REGIMES:
        raise InvalidArgumentError(f"{name!r} is not a regime ({', '.join(REGIMES)})")
    return REGIMES.index(name)


def _rule(value):
    """The IRO_RULE_* value of a rule given by name (as RULES lists them) or by number."""
    if isinstance(value, str):
        if value not in RULES:
            raise InvalidArgumentError(f"{value!r} is not a rule ({', '.join(RULES)})")
        return RULES.index(value)
    return int32(value, "rule")


def _date_or_none(days):
    return None if days == NO_DATE else from_days(days)


def _code(value):
    if value < 0:
        return None
    return f"PN{value}"


class Policy(Handle):
    """The settings the rules read (immutable; share across threads)."""

    _free = staticmethod(_lib.iro_policy_free)
    _what = "policy"

    @classmethod
    def builtin(cls, name="england"):
        """The built-in policy: "england" (CPPCR 2010 and the IRO Handbook 2010)."""
        return cls._make(_lib.iro_policy_new_builtin, c_string(name, "policy name"))

    @classmethod
    def from_file(cls, path):
        """Loads a policy file (format iro-policy/1; `extends` overlays); errors name the file and JSON path."""
        return cls._make(_lib.iro_policy_new_from_file, c_string(path, "path"))

    def _describe(self):
        policy_id, source = ctypes.c_char_p(), ctypes.c_char_p()
        check(_lib.iro_policy_describe(self._h, ctypes.byref(policy_id), ctypes.byref(source)))
        return policy_id.value.decode("utf-8"), source.value.decode("utf-8")

    @property
    def id(self):
        """The policy's id ("england", "hounslow")."""
        return self._describe()[0]

    @property
    def source(self):
        """Where it was loaded from, base first."""
        return self._describe()[1]

    def with_overrides(self, overrides):
        """A new policy with the overrides of a case's `policy` object (a dict or JSON text), for example
        {"interval_unit": "days", "closure_days": ["2022-12-28"]}."""
        overrides_json = overrides if isinstance(overrides, str) else json.dumps(overrides)
        return self._make(_lib.iro_policy_new_with_overrides, self._h, c_string(overrides_json, "overrides"))

    def rule(self, rule: "str | int", anchor: datetime.date) -> "tuple[str, str]":
        """The citation and wording of a rule step under this policy, as (cite, text): for example
        ("CPPCR 2010 reg 33(2)", "second review not more than 3 months after the first").

        rule is a name of RULES (as ReviewResult.rule, MissedReview.rule and ChildSchedule.next_rule give
        it) or its IRO_RULE_* number; anchor is the date the rule counts from (ReviewResult.anchor), which
        picks the version in force: under the England policy a child looked after before 1 April 2011 had
        the 1991 regulations. InvalidArgumentError for an unknown rule, or for "returned_local" under a
        policy that sets no review after a return to the agency; OutOfRangeError for an anchor outside
        DATE_MIN..DATE_MAX."""
        number = _rule(rule)
        cite, text = ctypes.c_char_p(), ctypes.c_char_p()
        check(_lib.iro_policy_rule(self._h, number, to_days(anchor), ctypes.byref(cite), ctypes.byref(text)))
        return cite.value.decode("utf-8"), text.value.decode("utf-8")

    def add(self, calendar: "Calendar", start: datetime.date, value: int, unit: str = "working_days") -> datetime.date:
        """start plus value units, counted the way this policy counts: its anchor convention, its reading of
        months and its closure days on top of calendar. unit is one of UNITS ("working_days", "days",
        "weeks", "months"); a negative value counts back. InvalidArgumentError for another unit or a
        calendar of another division; OutOfRangeError when a date leaves the calendar."""
        if unit not in UNITS:
            raise InvalidArgumentError(f"unit {unit!r} is not one of {', '.join(UNITS)}")
        out = ctypes.c_int32()
        check(_lib.iro_policy_add(self._h, calendar._h, to_days(start), int32(value, "value"), UNITS.index(unit),
                                  ctypes.byref(out)))
        return from_days(out.value)


class Children(Handle):
    """Children to evaluate: add them, their periods of care and their reviews (one thread at a time)."""

    _free = staticmethod(_lib.iro_children_free)
    _what = "set of children"

    def __init__(self, handle=None):
        """An empty set."""
        if handle is None:
            handle = ctypes.c_void_p()
            check(_lib.iro_children_new(ctypes.byref(handle)))
        super().__init__(handle)

    def add(self, child_id, dob=None):
        """Adds a child; returns its index."""
        index = ctypes.c_int32()
        check(_lib.iro_children_add(self._h, c_string(str(child_id), "child id"),
                                    NO_DATE if dob is None else to_days(dob), ctypes.byref(index)))
        return index.value

    def add_period(self, child, start, end=None, regime="standard"):
        """Adds a period of care (end None: still looked after)."""
        check(_lib.iro_children_add_period(self._h, int32(child, "child"), to_days(start),
                                           NO_DATE if end is None else to_days(end), _regime(regime)))

    def add_switch(self, child, date, regime):
        """Adds a regime switch to the child's latest period."""
        check(_lib.iro_children_add_switch(self._h, int32(child, "child"), to_days(date), _regime(regime)))

    def add_reviews(self, children, dates, codes=None, cancelled=None):
        """Adds many reviews in one call: child indexes, dates (datetime64/int32 arrays or lists of dates),
        participation codes (ints 0-7, -1 for none) and cancelled flags, all the same length."""
        numpy = require_numpy()
        who = numpy.ascontiguousarray(children, dtype=numpy.int32)
        days = DayArray(dates)
        if who.size != days.size:
            raise InvalidArgumentError(f"{who.size} child indexes but {days.size} dates")
        extra = []
        for values in (codes, cancelled):
            if values is None:
                extra.append(None)
                continue
            array = numpy.ascontiguousarray(values, dtype=numpy.int32)
            if array.size != who.size:
                raise InvalidArgumentError(f"{array.size} values where {who.size} reviews were given")
            extra.append(array)
        check(_lib.iro_children_add_reviews(self._h, who.ctypes.data, days.pointer,
                                            None if extra[0] is None else extra[0].ctypes.data,
                                            None if extra[1] is None else extra[1].ctypes.data, who.size))

    def load_json(self, path):
        """Adds the children of a JSON file (the conformance case shape); returns how many."""
        added = ctypes.c_size_t()
        check(_lib.iro_children_load_json(self._h, c_string(path, "path"), ctypes.byref(added)))
        return added.value

    def __len__(self):
        count = ctypes.c_size_t()
        check(_lib.iro_children_count(self._h, ctypes.byref(count)))
        return count.value


class Schedules(Handle):
    """Every child's evaluated schedule (immutable; share across threads)."""

    _free = staticmethod(_lib.iro_schedules_free)
    _what = "schedules"

    def reevaluate(self, children, policy, calendar, as_of):
        """Evaluates again into this object, reusing its memory."""
        check(_lib.iro_schedule_evaluate_into(children._h, policy._h, calendar._h, to_days(as_of), self._h))

    def summary(self):
        """(children, failed, reviews judged)."""
        n, failed, reviews = ctypes.c_size_t(), ctypes.c_size_t(), ctypes.c_size_t()
        check(_lib.iro_schedules_summary(self._h, ctypes.byref(n), ctypes.byref(failed), ctypes.byref(reviews)))
        return n.value, failed.value, reviews.value

    def __len__(self):
        return self.summary()[0]

    def child(self, index):
        """One child's result as a ChildSchedule."""
        c = _native.ChildSchedule()
        check(_lib.iro_schedules_child(self._h, index, ctypes.byref(c)))
        message = ctypes.c_char_p()
        check(_lib.iro_schedules_child_error(self._h, index, ctypes.byref(message)))
        has_next = c.next_due != NO_DATE
        return ChildSchedule(
            ok=c.status == 0, error=None if c.status == 0 else error_for(c.status, message.value.decode("utf-8")),
            reviews=c.reviews, missed=c.missed, next_due=_date_or_none(c.next_due),
            next_number=c.next_number if has_next else None, next_regime=REGIMES[c.next_regime] if has_next else None,
            next_rule=RULES[c.next_rule] if has_next else None, overdue=bool(c.overdue),
            midway=_date_or_none(c.midway), book_by=_date_or_none(c.book_by), report_due=_date_or_none(c.report_due))

    def reviews(self, index):
        """A child's held reviews, judged, in date order."""
        return [ReviewResult(from_days(r.day), r.number, REGIMES[r.regime], from_days(r.due), RULES[r.rule],
                             from_days(r.anchor), bool(r.on_time), r.days_late, from_days(r.record_due),
                             _code(r.participation))
                for r in read_array(_lib.iro_schedules_reviews, _native.ReviewResult, self._h, index)]

    def missed(self, index):
        """A child's missed due dates, in date order."""
        return [MissedReview(from_days(m.due), RULES[m.rule], from_days(m.anchor), REGIMES[m.regime])
                for m in read_array(_lib.iro_schedules_missed, _native.MissedReview, self._h, index)]

    def explain(self, index, review=-1):
        """Why a due date is what it is, in words an IRO can quote: the provision and its wording, the
        deadline's weekday, the event that started the chain and the arithmetic. review -1 (the default) is
        the next review, 0.. the held ones. For -1 and a child who owes no review it says why (left care,
        turned 18, not looked after yet). NotFoundError for an index out of range, or a child that could
        not be evaluated (the message gives its error)."""
        return read_text(_lib.iro_schedules_explain, self._h, index, int32(review, "review"))


#: Headline figures of one side of a policy diff.
DiffFigures = namedtuple("DiffFigures", "children failed reviews in_time missed overdue")


class PolicyDiff(Handle):
    """The same children under two policies: what changes, and how the figures move."""

    _free = staticmethod(_lib.iro_policy_diff_free)
    _what = "policy diff"

    def figures(self):
        """(figures under the first policy, figures under the second) as DiffFigures."""
        a, b = _native.DiffFigures(), _native.DiffFigures()
        check(_lib.iro_policy_diff_figures(self._h, ctypes.byref(a), ctypes.byref(b)))
        return tuple(DiffFigures(*(getattr(f, n) for n in DiffFigures._fields)) for f in (a, b))

    def changes(self):
        """[(child index, [change lines])] for every child whose results change."""
        count = ctypes.c_size_t()
        check(_lib.iro_policy_diff_changed(self._h, ctypes.byref(count)))
        out = []
        for i in range(count.value):
            child, text = ctypes.c_size_t(), ctypes.c_char_p()
            check(_lib.iro_policy_diff_change(self._h, i, ctypes.byref(child), ctypes.byref(text)))
            out.append((child.value, text.value.decode("utf-8").split("\n")))
        return out

    def report(self):
        """The diff as text for people."""
        return read_text(_lib.iro_policy_diff_report, self._h)


def diff_policies(children, current, proposed, calendar, as_of):
    """Evaluates every child under both policies and compares (see PolicyDiff)."""
    handle = ctypes.c_void_p()
    check(_lib.iro_policy_diff_new(children._h, current._h, proposed._h, calendar._h, to_days(as_of),
                                   ctypes.byref(handle)))
    return PolicyDiff(handle)


def evaluate(children, policy, calendar, as_of):
    """Evaluates every child's schedule as of a date in one C call. A child with invalid data gets its own
    error (see Schedules.child(i).error); the others are evaluated as usual."""
    handle = ctypes.c_void_p()
    check(_lib.iro_schedule_evaluate(children._h, policy._h, calendar._h, to_days(as_of), ctypes.byref(handle)))
    return Schedules(handle)
