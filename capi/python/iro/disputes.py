"""Disputes on the policy's escalation ladder: a register, states and the figures councils report."""
import ctypes
from collections import namedtuple

from . import _native
from ._calls import c_string, read_array
from ._days import from_days, to_days
from ._handle import Handle
from .errors import InvalidArgumentError, check

_lib = _native.lib
_NO_DATE = -(2 ** 31)
ACTIONS = ("raise", "escalate", "resolve", "withdraw", "refer_cafcass")
STATUSES = ("not_raised", "open", "resolved", "withdrawn")

#: A dispute's state as of a date (dates None where they do not apply).
DisputeState = namedtuple("DisputeState", "status stage raised stage_entered response_due formal_deadline closed "
                                          "cafcass_referred overdue")
#: Figures for a period; resolved_at maps each ladder stage to the disputes resolved there.
DisputeFigures = namedtuple("DisputeFigures", "raised informal_raised became_formal resolved withdrawn cafcass open "
                                              "overdue median_working_days p90_working_days resolved_at")


def _date(days):
    return None if days == _NO_DATE else from_days(days)


class Disputes(Handle):
    """A register of disputes on a policy's ladder (one thread at a time while it is built). An event the
    ladder does not allow raises RuleViolationError and changes nothing."""

    _free = staticmethod(_lib.iro_disputes_free)
    _what = "dispute register"

    def __init__(self, policy, calendar):
        """An empty register on the policy's ladder."""
        handle = ctypes.c_void_p()
        check(_lib.iro_disputes_new(policy._h, calendar._h, ctypes.byref(handle)))
        super().__init__(handle)

    def add(self, dispute_id, child="", iro="", category=""):
        """Adds a dispute without events."""
        check(_lib.iro_disputes_add(self._h, c_string(dispute_id, "dispute id"), c_string(child, "child id"),
                                    c_string(iro, "IRO id"), c_string(category, "category")))

    def event(self, dispute_id, date, action, stage=None):
        """Adds an event: action is raise, escalate, resolve, withdraw or refer_cafcass; stage names the stage
        raised at or escalated to."""
        if action not in ACTIONS:
            raise InvalidArgumentError(f"{action!r} is not one of {', '.join(ACTIONS)}")
        check(_lib.iro_disputes_add_event(self._h, c_string(dispute_id, "dispute id"), to_days(date),
                                          ACTIONS.index(action), None if stage is None else c_string(stage, "stage")))

    def load_csv(self, path):
        """Adds the rows of a dispute events CSV file (all or nothing)."""
        check(_lib.iro_disputes_load_csv(self._h, c_string(path, "path")))

    def __len__(self):
        count = ctypes.c_size_t()
        check(_lib.iro_disputes_count(self._h, ctypes.byref(count)))
        return count.value

    def stage_name(self, index):
        """The name of a ladder stage."""
        name = ctypes.c_char_p()
        check(_lib.iro_disputes_stage_name(self._h, index, ctypes.byref(name)))
        return name.value.decode("utf-8")

    def state(self, dispute_id, as_of):
        """A dispute's state as of a date."""
        s = _native.DisputeState()
        check(_lib.iro_disputes_state(self._h, c_string(dispute_id, "dispute id"), to_days(as_of), ctypes.byref(s)))
        return DisputeState(STATUSES[s.status], None if s.stage < 0 else self.stage_name(s.stage), _date(s.raised),
                            _date(s.stage_entered), _date(s.response_due), _date(s.formal_deadline), _date(s.closed),
                            _date(s.cafcass_referred), bool(s.overdue))

    def figures(self, start, end):
        """Figures for the period [start, end]."""
        f = _native.DisputeFigures()
        check(_lib.iro_disputes_figures(self._h, to_days(start), to_days(end), ctypes.byref(f)))
        counts = read_array(_lib.iro_disputes_resolved_at, ctypes.c_size_t, self._h, to_days(start), to_days(end))
        resolved_at = {self.stage_name(i): n for i, n in enumerate(counts)}
        return DisputeFigures(f.raised, f.informal_raised, f.became_formal, f.resolved, f.withdrawn, f.cafcass, f.open,
                              f.overdue, f.median_working_days, f.p90_working_days, resolved_at)
