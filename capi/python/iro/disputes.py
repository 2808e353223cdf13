"""Disputes on the policy's escalation ladder: a register, states and the figures councils report."""
import ctypes
import datetime
from typing import Dict, NamedTuple, Optional

from . import _native
from ._calls import PathLike, c_string, choice, index, read_array
from ._days import DateLike, from_days, to_days
from ._handle import Handle
from .calendar import Calendar
from .errors import InvalidArgumentError, check
from .schedule import Policy

_lib = _native.lib
_NO_DATE = -(2 ** 31)
ACTIONS = ("raise", "escalate", "resolve", "withdraw", "refer_cafcass")
STATUSES = ("not_raised", "open", "resolved", "withdrawn")



class DisputeState(NamedTuple):
    """A dispute's state as of a date (dates None where they do not apply)."""

    status: str
    stage: Optional[str]
    raised: Optional[datetime.date]
    stage_entered: Optional[datetime.date]
    response_due: Optional[datetime.date]
    formal_deadline: Optional[datetime.date]
    closed: Optional[datetime.date]
    cafcass_referred: Optional[datetime.date]
    overdue: bool


class DisputeFigures(NamedTuple):
    """Figures for a period; resolved_at maps each ladder stage to the disputes resolved there."""

    raised: int
    informal_raised: int
    became_formal: int
    resolved: int
    withdrawn: int
    cafcass: int
    open: int
    overdue: int
    median_working_days: float
    p90_working_days: float
    resolved_at: Dict[str, int]


def _date(days: int) -> Optional[datetime.date]:
    return None if days == _NO_DATE else from_days(days)


class Disputes(Handle):
    """A register of disputes on a policy's ladder (one thread at a time while it is built). An event the
    ladder does not allow raises RuleViolationError and changes nothing."""

    _free = staticmethod(_lib.iro_disputes_free)
    _what = "dispute register"
    _factories = "iro.Disputes(policy, calendar)"

    def __init__(self, policy: Policy, calendar: Calendar) -> None:
        """An empty register on the policy's ladder (response times in working days of calendar)."""
        args = (Policy._arg(policy, "policy"), Calendar._arg(calendar, "calendar"))
        handle = ctypes.c_void_p()
        check(_lib.iro_disputes_new(*args, ctypes.byref(handle)))
        self._handle = handle

    def add(self, dispute_id: str, child: str = "", iro: str = "", category: str = "") -> None:
        """Adds a dispute without events. A sibling group or several categories are written with ';' between
        ("K1;K2", "contact;education"), each once; InvalidArgumentError for an empty or repeated item."""
        check(_lib.iro_disputes_add(self._h, c_string(dispute_id, "dispute id"), c_string(child, "child id"),
                                    c_string(iro, "IRO id"), c_string(category, "category")))

    def event(self, dispute_id: str, date: DateLike, action: str, stage: Optional[str] = None) -> None:
        """Adds an event: action is raise, escalate, resolve, withdraw or refer_cafcass; stage names the stage
        raised at or escalated to."""
        kind = choice(action, ACTIONS, "action")
        check(_lib.iro_disputes_add_event(self._h, c_string(dispute_id, "dispute id"), to_days(date), kind,
                                          None if stage is None else c_string(stage, "stage")))

    def load_csv(self, path: PathLike) -> None:
        """Adds the rows of a dispute events CSV file (all or nothing)."""
        check(_lib.iro_disputes_load_csv(self._h, c_string(path, "path")))

    def __len__(self) -> int:
        """The number of disputes."""
        count = ctypes.c_size_t()
        check(_lib.iro_disputes_count(self._h, ctypes.byref(count)))
        return count.value

    def stage_name(self, stage: int) -> str:
        """The name of a ladder stage (by its index, from 0)."""
        name = ctypes.c_char_p()
        check(_lib.iro_disputes_stage_name(self._h, index(stage, "stage", 2 ** 31 - 1), ctypes.byref(name)))
        return name.value.decode("utf-8")

    def state(self, dispute_id: str, as_of: DateLike) -> DisputeState:
        """A dispute's state as of a date."""
        s = _native.DisputeState()
        check(_lib.iro_disputes_state(self._h, c_string(dispute_id, "dispute id"), to_days(as_of), ctypes.byref(s)))
        return DisputeState(STATUSES[s.status], None if s.stage < 0 else self.stage_name(s.stage), _date(s.raised),
                            _date(s.stage_entered), _date(s.response_due), _date(s.formal_deadline), _date(s.closed),
                            _date(s.cafcass_referred), bool(s.overdue))

    def figures(self, start: DateLike, end: DateLike) -> DisputeFigures:
        """Figures for the period [start, end]."""
        f = _native.DisputeFigures()
        check(_lib.iro_disputes_figures(self._h, to_days(start), to_days(end), ctypes.byref(f)))
        counts = read_array(_lib.iro_disputes_resolved_at, ctypes.c_size_t, self._h, to_days(start), to_days(end))
        resolved_at = {self.stage_name(i): n for i, n in enumerate(counts)}
        return DisputeFigures(f.raised, f.informal_raised, f.became_formal, f.resolved, f.withdrawn, f.cafcass, f.open,
                              f.overdue, f.median_working_days, f.p90_working_days, resolved_at)
