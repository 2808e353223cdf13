"""Caseloads: a roster of IROs with allocations over time, checked against the policy's band."""
import ctypes
import datetime
from pathlib import Path
from typing import Any, List, NamedTuple, Optional, Sequence, Tuple

from . import _native
from ._calls import PathLike, c_string, choice, flag, index, number, read_array
from ._days import DateLike, from_days, to_days
from ._handle import Handle
from .errors import InvalidArgumentError, check
from .schedule import Policy

_lib = _native.lib
_NO_DATE = -(2 ** 31)
BANDS = ("below", "within", "above")
_FILES = {"iros": 0, "allocations": 1, "absences": 2, "children": 3}



class IroLoad(NamedTuple):
    """One IRO's load on a date."""

    iro: str
    children: int
    weighted: float
    per_fte: float
    weighted_per_fte: float
    band: str
    absent: bool


class TeamLoad(NamedTuple):
    """A team's load on a date."""

    date: datetime.date
    band: str
    iros: int
    children: int
    fte: float
    per_fte: float
    min_per_fte: float
    max_per_fte: float
    below: int
    within: int
    above: int


class Advice(NamedTuple):
    """One IRO ranked for a new child."""

    iro: str
    per_fte_after: float
    band_after: str
    has_sibling: bool


class Continuity(NamedTuple):
    """Continuity of IROs."""

    children: int
    kept_one_iro: int
    changes: int


def _day(date: Optional[DateLike]) -> int:
    return _NO_DATE if date is None else to_days(date)


def _team(t: Any) -> TeamLoad:
    return TeamLoad(from_days(t.day), BANDS[t.band], t.officers, t.children, t.fte, t.per_fte, t.min_per_fte,
                    t.max_per_fte, t.below, t.within, t.above)


class Roster(Handle):
    """IROs, children, allocations over time and absences (one thread at a time while it is built)."""

    _free = staticmethod(_lib.iro_roster_free)
    _what = "roster"
    _factories = "iro.Roster()"

    def __init__(self) -> None:
        """An empty roster."""
        handle = ctypes.c_void_p()
        check(_lib.iro_roster_new(ctypes.byref(handle)))
        self._handle = handle

    def add_iro(self, iro_id: str, fte: float = 1.0, agency: bool = False, start: Optional[DateLike] = None,
                end: Optional[DateLike] = None, attributes: Sequence[str] = ()) -> None:
        """Adds an IRO (FTE in (0, 1]); attributes are words ("welsh", "disability") matched by advise()."""
        if isinstance(attributes, (str, bytes)) or not isinstance(attributes, (list, tuple, set, frozenset)):
            raise TypeError(f"attributes must be a list of words, got {type(attributes).__name__} {attributes!r}")
        words = [c_string(a, "attribute").decode("utf-8") for a in attributes]
        check(_lib.iro_roster_add_officer(self._h, c_string(iro_id, "IRO id"), number(fte, "fte"),
                                          flag(agency, "agency"), _day(start), _day(end),
                                          c_string(";".join(words), "attributes")))

    def set_child(self, child_id: str, looked_after_since: Optional[DateLike] = None, placed_far_away: bool = False,
                  in_proceedings: bool = False, placement_moves: bool = False, sibling_group: str = "") -> None:
        """Adds or updates a child's attributes."""
        flags = flag(placed_far_away, "placed_far_away") | (flag(in_proceedings, "in_proceedings") << 1) | \
            (flag(placement_moves, "placement_moves") << 2)
        check(_lib.iro_roster_set_child(self._h, c_string(child_id, "child id"), _day(looked_after_since), flags,
                                        c_string(sibling_group, "sibling group")))

    def add_allocation(self, child_id: str, iro_id: str, start: DateLike, end: Optional[DateLike] = None) -> None:
        """Allocates a child to an IRO from start up to (not including) end."""
        check(_lib.iro_roster_add_allocation(self._h, c_string(child_id, "child id"), c_string(iro_id, "IRO id"),
                                             to_days(start), _day(end)))

    def add_absence(self, iro_id: str, start: DateLike, end: Optional[DateLike] = None) -> None:
        """Records an IRO's absence, both days included."""
        check(_lib.iro_roster_add_absence(self._h, c_string(iro_id, "IRO id"), to_days(start), _day(end)))

    def load_csv(self, kind: str, path: PathLike) -> None:
        """Adds the rows of a roster CSV file: kind is "iros", "allocations", "absences" or "children"."""
        choice(kind, list(_FILES), "kind")
        check(_lib.iro_roster_load_csv(self._h, _FILES[kind], c_string(path, "path")))

    def load_dir(self, directory: PathLike) -> None:
        """Loads iros.csv, children.csv (if any), allocations.csv and absences.csv (if any) from a directory."""
        directory = Path(c_string(directory, "directory").decode("utf-8"))
        for kind in ("iros", "children", "allocations", "absences"):
            path = directory / f"{kind}.csv"
            if kind in ("iros", "allocations") or path.exists():
                self.load_csv(kind, path)

    def counts(self) -> Tuple[int, int, int]:
        """(IROs, children, allocations)."""
        values = [ctypes.c_size_t() for _ in range(3)]
        check(_lib.iro_roster_counts(self._h, *(ctypes.byref(v) for v in values)))
        iros, children, allocations = (v.value for v in values)
        return iros, children, allocations

    def iro_id(self, index: int) -> str:
        """The id of the IRO at an index."""
        return self._id(0, index)

    def child_id(self, index: int) -> str:
        """The id of the child at an index."""
        return self._id(1, index)

    def _id(self, is_child: int, position: int) -> str:
        text = ctypes.c_char_p()
        check(_lib.iro_roster_id(self._h, is_child, index(position, "index"), ctypes.byref(text)))
        return text.value.decode("utf-8")

    def check(self, policy: Policy, date: DateLike) -> Tuple[List[IroLoad], TeamLoad]:
        """(the IROs' loads, the team's load) on a date."""
        team = _native.TeamLoad()
        listed = read_array(_lib.iro_caseload_check, _native.IroLoad, self._h, Policy._arg(policy, "policy"),
                            to_days(date),
                            after=(ctypes.byref(team),))
        loads = [IroLoad(self.iro_id(l.officer), l.children, l.weighted, l.per_fte, l.weighted_per_fte, BANDS[l.band],
                         bool(l.absent)) for l in listed]
        return loads, _team(team)

    def series(self, policy: Policy, start: DateLike, end: DateLike) -> List[TeamLoad]:
        """The team's load at each month end from start's month to end's month."""
        return [_team(t) for t in read_array(_lib.iro_caseload_series, _native.TeamLoad, self._h,
                                             Policy._arg(policy, "policy"),
                                             to_days(start), to_days(end))]

    def advise(self, policy: Policy, date: DateLike, sibling_group: str = "", attribute: str = "") -> List[Advice]:
        """IROs ranked for a new child (sibling holders first, then by load per FTE after taking the child)."""
        listed = read_array(_lib.iro_caseload_advise, _native.AllocationAdvice, self._h, Policy._arg(policy, "policy"),
                            to_days(date),
                            c_string(sibling_group, "sibling group"), c_string(attribute, "attribute"))
        return [Advice(self.iro_id(a.officer), a.per_fte_after, BANDS[a.band_after], bool(a.has_sibling)) for a in listed]

    def cover(self, policy: Policy, absent_iro: str, start: DateLike,
              end: DateLike) -> Tuple[List[Tuple[str, str]], float]:
        """([(child id, covering IRO id)], highest load per FTE after) sharing an absent IRO's children."""
        worst = ctypes.c_double()
        moves = read_array(_lib.iro_caseload_cover, _native.CoverMove, self._h, Policy._arg(policy, "policy"),
                           c_string(absent_iro, "IRO id"), to_days(start), to_days(end), after=(ctypes.byref(worst),))
        return [(self.child_id(m.child), self.iro_id(m.to)) for m in moves], worst.value

    def continuity(self, date: DateLike) -> Continuity:
        """Continuity of IROs up to a date."""
        c = _native.ContinuityFigures()
        check(_lib.iro_caseload_continuity(self._h, to_days(date), ctypes.byref(c)))
        return Continuity(c.children, c.kept_one_iro, c.changes)
