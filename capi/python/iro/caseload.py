"""Caseloads: a roster of IROs with allocations over time, checked against the policy's band."""
import ctypes
from collections import namedtuple
from pathlib import Path

from . import _native
from ._calls import c_string, read_array
from ._days import from_days, to_days
from ._handle import Handle
from .errors import InvalidArgumentError, check

_lib = _native.lib
_NO_DATE = -(2 ** 31)
BANDS = ("below", "within", "above")
_FILES = {"iros": 0, "allocations": 1, "absences": 2, "children": 3}

#: One IRO's load on a date.
IroLoad = namedtuple("IroLoad", "iro children weighted per_fte weighted_per_fte band absent")
#: A team's load on a date.
TeamLoad = namedtuple("TeamLoad", "date band iros children fte per_fte min_per_fte max_per_fte below within above")
#: One IRO ranked for a new child.
Advice = namedtuple("Advice", "iro per_fte_after band_after has_sibling")
#: Continuity of IROs.
Continuity = namedtuple("Continuity", "children kept_one_iro changes")


def _day(date):
    return _NO_DATE if date is None else to_days(date)


def _team(t):
    return TeamLoad(from_days(t.day), BANDS[t.band], t.officers, t.children, t.fte, t.per_fte, t.min_per_fte,
                    t.max_per_fte, t.below, t.within, t.above)


class Roster(Handle):
    """IROs, children, allocations over time and absences (one thread at a time while it is built)."""

    _free = staticmethod(_lib.iro_roster_free)
    _what = "roster"

    def __init__(self, handle=None):
        """An empty roster."""
        if handle is None:
            handle = ctypes.c_void_p()
            check(_lib.iro_roster_new(ctypes.byref(handle)))
        super().__init__(handle)

    def add_iro(self, iro_id, fte=1.0, agency=False, start=None, end=None, attributes=()):
        """Adds an IRO (FTE in (0, 1])."""
        check(_lib.iro_roster_add_officer(self._h, c_string(iro_id, "IRO id"), float(fte), int(agency), _day(start),
                                      _day(end), c_string(";".join(attributes), "attributes")))

    def set_child(self, child_id, looked_after_since=None, placed_far_away=False, in_proceedings=False,
                  placement_moves=False, sibling_group=""):
        """Adds or updates a child's attributes."""
        flags = (1 if placed_far_away else 0) | (2 if in_proceedings else 0) | (4 if placement_moves else 0)
        check(_lib.iro_roster_set_child(self._h, c_string(child_id, "child id"), _day(looked_after_since), flags,
                                        c_string(sibling_group, "sibling group")))

    def add_allocation(self, child_id, iro_id, start, end=None):
        """Allocates a child to an IRO from start up to (not including) end."""
        check(_lib.iro_roster_add_allocation(self._h, c_string(child_id, "child id"), c_string(iro_id, "IRO id"),
                                             to_days(start), _day(end)))

    def add_absence(self, iro_id, start, end=None):
        """Records an IRO's absence, both days included."""
        check(_lib.iro_roster_add_absence(self._h, c_string(iro_id, "IRO id"), to_days(start), _day(end)))

    def load_csv(self, kind, path):
        """Adds the rows of a roster CSV file: kind is "iros", "allocations", "absences" or "children"."""
        if kind not in _FILES:
            raise InvalidArgumentError(f"kind {kind!r} is not one of {', '.join(_FILES)}")
        check(_lib.iro_roster_load_csv(self._h, _FILES[kind], c_string(path, "path")))

    def load_dir(self, directory):
        """Loads iros.csv, children.csv (if any), allocations.csv and absences.csv (if any) from a directory."""
        directory = Path(directory)
        for kind in ("iros", "children", "allocations", "absences"):
            path = directory / f"{kind}.csv"
            if kind in ("iros", "allocations") or path.exists():
                self.load_csv(kind, path)

    def counts(self):
        """(IROs, children, allocations)."""
        values = [ctypes.c_size_t() for _ in range(3)]
        check(_lib.iro_roster_counts(self._h, *(ctypes.byref(v) for v in values)))
        return tuple(v.value for v in values)

    def iro_id(self, index):
        """The id of the IRO at an index."""
        return self._id(0, index)

    def child_id(self, index):
        """The id of the child at an index."""
        return self._id(1, index)

    def _id(self, is_child, index):
        text = ctypes.c_char_p()
        check(_lib.iro_roster_id(self._h, is_child, index, ctypes.byref(text)))
        return text.value.decode("utf-8")

    def check(self, policy, date):
        """(the IROs' loads, the team's load) on a date."""
        team = _native.TeamLoad()
        listed = read_array(_lib.iro_caseload_check, _native.IroLoad, self._h, policy._h, to_days(date),
                            after=(ctypes.byref(team),))
        loads = [IroLoad(self.iro_id(l.officer), l.children, l.weighted, l.per_fte, l.weighted_per_fte, BANDS[l.band],
                         bool(l.absent)) for l in listed]
        return loads, _team(team)

    def series(self, policy, start, end):
        """The team's load at each month end from start's month to end's month."""
        return [_team(t) for t in read_array(_lib.iro_caseload_series, _native.TeamLoad, self._h, policy._h,
                                             to_days(start), to_days(end))]

    def advise(self, policy, date, sibling_group="", attribute=""):
        """IROs ranked for a new child (sibling holders first, then by load per FTE after taking the child)."""
        listed = read_array(_lib.iro_caseload_advise, _native.AllocationAdvice, self._h, policy._h, to_days(date),
                            c_string(sibling_group, "sibling group"), c_string(attribute, "attribute"))
        return [Advice(self.iro_id(a.officer), a.per_fte_after, BANDS[a.band_after], bool(a.has_sibling)) for a in listed]

    def cover(self, policy, absent_iro, start, end):
        """([(child id, covering IRO id)], highest load per FTE after) sharing an absent IRO's children."""
        worst = ctypes.c_double()
        moves = read_array(_lib.iro_caseload_cover, _native.CoverMove, self._h, policy._h,
                           c_string(absent_iro, "IRO id"), to_days(start), to_days(end), after=(ctypes.byref(worst),))
        return [(self.child_id(m.child), self.iro_id(m.to)) for m in moves], worst.value

    def continuity(self, date):
        """Continuity of IROs up to a date."""
        c = _native.ContinuityFigures()
        check(_lib.iro_caseload_continuity(self._h, to_days(date), ctypes.byref(c)))
        return Continuity(c.children, c.kept_one_iro, c.changes)
