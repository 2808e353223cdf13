#!/usr/bin/python3
"""Recount every figure of the demo annual report from the raw rows (issue 9, "Proof").

    report_recount.py IRO_TOOL BANK_HOLIDAYS_JSON [--report-json FILE] [--keep DIR] [--verbose]

1. `iro synth --out TMP` writes the demo council as raw files; `iro report TMP --year 2024 --format json`
   and `iro report --demo --format json` must give the same figures (apart from the council's name).
2. The raw CSV rows are read here and every figure is recomputed from the rules as the documentation
   states them (docs/report.md, schedule.md, policy.md, ssda903.md, caseload.md, disputes.md,
   conventions.md), with working days from the GOV.UK bank-holidays.json given on the command line.
   Nothing of the iro library is used except the `iro` tool to produce the files and the reports.
3. Each figure of the JSON is compared with the recount; every mismatch is printed with its path. A JSON
   figure that no recount covers is printed as "not recomputed: <path>" and fails the test, so a figure
   added to the report later cannot go unchecked.

Exit status: 0 every figure matched, 1 a mismatch or a figure not recomputed, 2 bad usage or a tool failure.

Hidden option for proving the test can fail: --report-json FILE uses FILE instead of the output of
`iro report --demo --format json` (edit one figure in it and the test names that figure).

Adding a figure: write one function decorated with @figure("json_key") that returns the expected value of
that top-level key (a number, a string, a dict or a list mirroring the JSON), from the Context.
"""

import argparse
import calendar as _calendar
import copy
import csv
import datetime
import json
import math
import os
import re
import subprocess
import sys
import tempfile

D = datetime.date
ONE_DAY = datetime.timedelta(days=1)
HERE = os.path.dirname(os.path.abspath(__file__))
DEMO_COUNCIL = "Demo council (synthetic)"
DEMO_YEAR = 2024
PN_CODES = ["PN%d" % i for i in range(8)]


# ----------------------------------------------------------------------------------------------------
# Dates and working days (docs/conventions.md)

def parse_date(text):
    """YYYY-MM-DD, or DD/MM/YYYY as SSDA903 files write them (docs/ssda903.md). Empty: None."""
    text = (text or "").strip()
    if not text:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return D(int(text[0:4]), int(text[5:7]), int(text[8:10]))
    if re.fullmatch(r"\d{2}/\d{2}/\d{4}", text):
        return D(int(text[6:10]), int(text[3:5]), int(text[0:2]))
    raise ValueError("not a date: %r" % text)


def add_months(d, n):
    """N months after D: the same day number, or the last day of a shorter month (Dodds v Walker)."""
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    return D(y, m, min(d.day, _calendar.monthrange(y, m)[1]))


class WorkingDays:
    """Weekends plus the England-and-Wales events of a GOV.UK bank-holidays.json, by a plain day loop."""

    def __init__(self, path, division="england-and-wales"):
        with open(path, encoding="utf-8") as f:
            events = json.load(f)[division]["events"]
        self.holidays = {parse_date(e["date"]) for e in events}
        years = sorted(h.year for h in self.holidays)
        self.first_year, self.last_year = years[0], years[-1]

    def is_working(self, d):
        if not self.first_year <= d.year <= self.last_year:
            raise ValueError("%s is outside the bank-holiday list (%d-%d)" % (d, self.first_year, self.last_year))
        return d.weekday() < 5 and d not in self.holidays

    def add(self, d, n):
        """The Nth working day after D (D is day 0, whatever it is)."""
        assert n >= 0
        while n > 0:
            d += ONE_DAY
            if self.is_working(d):
                n -= 1
        return d

    def sub(self, d, n):
        """The Nth working day before D (D is day 0, whatever it is)."""
        assert n >= 0
        while n > 0:
            d -= ONE_DAY
            if self.is_working(d):
                n -= 1
        return d

    def between(self, a, b):
        """Working days in (a, b]; negative when b is before a."""
        if b < a:
            return -self.between(b, a)
        count, d = 0, a
        while d < b:
            d += ONE_DAY
            count += self.is_working(d)
        return count


def self_check(wd):
    """The worked examples of docs/conventions.md and calendar.md, so a slip in the helpers shows here."""
    examples = [(wd.add(D(2024, 3, 25), 20), D(2024, 4, 24)), (wd.add(D(2023, 4, 28), 20), D(2023, 5, 31)),
                (wd.between(D(2023, 12, 22), D(2024, 1, 24)), 20), (wd.between(D(2024, 1, 24), D(2023, 12, 22)), -20),
                (add_months(D(2024, 8, 31), 6), D(2025, 2, 28)), (add_months(D(2024, 2, 29), 6), D(2024, 8, 29))]
    for got, want in examples:
        assert got == want, (got, want)


# ----------------------------------------------------------------------------------------------------
# The built-in England policy: the JSON document printed in docs/policy.md (data, not code)

def load_policy(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for block in re.findall(r"```json\n(.*?)```", text, re.S):
        if '"iro-policy/1"' in block and '"id": "england"' in block:
            return json.loads(block)
    raise SystemExit("report_recount: no England policy document in %s" % path)


class Rules:
    def __init__(self, policy, wd):
        self.p, self.wd = policy, wd
        conv = policy["conventions"]
        # The recount implements the documented defaults only; anything else would need more code here.
        assert conv["anchor_day_counts"] is False and conv["interval_unit"] == "months"
        assert conv["early_review_restarts_clock"] is True
        self.ladder = policy["disputes"]["ladder"]
        self.categories = policy["disputes"].get("categories") or []
        self.band = policy["caseload"]["band"]
        self.weights = policy["caseload"]["weights"]
        self.record_working_days = policy["targets"]["record_working_days"]
        self.midway_target_percent = policy["targets"]["midway_target_percent"]

    def apply(self, interval, d):
        v, unit = interval["value"], interval["unit"]
        if unit == "working_days":
            return self.wd.add(d, v)
        if unit == "days":
            return d + datetime.timedelta(days=v)
        if unit == "weeks":
            return d + datetime.timedelta(days=7 * v)
        if unit == "months":
            return add_months(d, v)
        raise ValueError(unit)

    def due(self, regime, which, from_date):
        """`which` is first/second/subsequent; the version in force on the date counted from applies."""
        versions = self.p["regimes"][regime]
        chosen = None
        for v in versions:
            if v["from"] is None or parse_date(v["from"]) <= from_date:
                chosen = v
        return self.apply(chosen[which], from_date)


# ----------------------------------------------------------------------------------------------------
# Raw files

def read_csv(path):
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [{k.strip(): (v or "").strip() for k, v in row.items() if k is not None}
                for row in csv.DictReader(f)]


class Period:
    def __init__(self, start, end, episodes):
        self.start, self.end, self.episodes = start, end, episodes   # end: first day no longer looked after
        self.switches = []                                            # (date, regime)

    def looked_after_on(self, d):
        return self.start <= d and (self.end is None or d < self.end)


class Child:
    def __init__(self, cid, dob):
        self.id, self.dob = cid, dob
        self.episodes, self.periods, self.reviews = [], [], []   # reviews: (date, PN code or "")
        self.records = {}    # review date -> the day its record was sent (review_records.csv)
        self.midways = []    # midway review dates (midway_reviews.csv)
        self.refused = None
        self.sex, self.ethnic = "not_recorded", ""   # header SEX and ETHNIC
        self.uasc, self.duc = False, None            # uasc.csv: listed, and the day UASC status ceased
        self.reports = {}       # review date -> the day the social worker's report reached the IRO
        self.cancellations = []  # (day, reason): reviews that did not take place (review_cancellations.csv)
        self.exceptions = {}    # review date -> the agreed reason it was held late (review_exceptions.csv)
        self.notified = {}      # DECOM of a period -> the day the IRO service was told (notifications.csv)


def load_903(directory, notes):
    """Children with periods of care, switches and reviews, as docs/ssda903.md maps the return."""
    children = {}
    for row in read_csv(os.path.join(directory, "header.csv")):
        cid = row["CHILD"]
        if not cid:
            notes.append("header: empty CHILD rejected")
            continue
        dob = parse_date(row.get("DOB"))
        if cid in children and children[cid].dob != dob:
            notes.append("header: %s again with another DOB rejected" % cid)
            continue
        if cid not in children:
            c = children[cid] = Child(cid, dob)
            # Who the child is (docs/ssda903.md): SEX 1 male, 2 female; an ETHNIC code; anything else not recorded.
            c.sex = {"1": "male", "2": "female"}.get(row.get("SEX", ""), "not_recorded")
            c.ethnic = row.get("ETHNIC", "") if row.get("ETHNIC", "") in ETHNIC_CODES else ""

    by_key = {}
    for row in read_csv(os.path.join(directory, "episodes.csv")):
        c = children.get(row["CHILD"])
        if c is None:
            notes.append("episodes: child %s not in header" % row["CHILD"])
            continue
        ep = {"decom": parse_date(row["DECOM"]), "rne": row["RNE"], "ls": row["LS"], "dec": parse_date(row.get("DEC")),
              "rec": row.get("REC", "") if row.get("REC", "") in REC_GROUPS else ""}
        key = (c.id, ep["decom"])
        if key in by_key:                     # the same episode again: counted once, a DEC in the copy closes it
            if ep["dec"] is not None and by_key[key]["dec"] is None:
                by_key[key]["dec"], by_key[key]["rec"] = ep["dec"], ep["rec"]
            continue
        by_key[key] = ep
        c.episodes.append(ep)

    for c in children.values():
        eps = sorted(c.episodes, key=lambda e: e["decom"])
        for i, ep in enumerate(eps):
            if ep["dec"] is None and i + 1 < len(eps):   # an episode with no DEC followed by a later one
                ep["dec"] = eps[i + 1]["decom"]
        current = None
        for i, ep in enumerate(eps):
            if current is None or ep["rne"] == "S":
                current = Period(ep["decom"], ep["dec"], [ep])
                c.periods.append(current)
            else:
                current.episodes.append(ep)
                current.end = ep["dec"]
        for a, b in zip(c.periods, c.periods[1:]):
            if a.end is None or a.end > b.start:
                c.refused = "period from %s overlaps the one from %s" % (a.start, b.start)
        for p in c.periods:
            # Short breaks: the first episode's legal status V3/V4; the first later other status switches back.
            if p.episodes[0]["ls"] in ("V3", "V4"):
                p.regime = "short_breaks"
                for ep in p.episodes[1:]:
                    if ep["ls"] not in ("V3", "V4"):
                        p.switches.append((ep["decom"], "standard"))
                        break
            else:
                p.regime = "standard"

    # The UASC table: a child of the header, a DUC that is a date (or none), the first row of a child.
    for row in read_csv(os.path.join(directory, "uasc.csv")) or []:
        c = children.get(row["CHILD"])
        try:
            duc = parse_date(row.get("DUC"))
        except ValueError:
            c = None
        if c is None or c.uasc:
            notes.append("uasc: row %r not used" % (row,))
            continue
        c.uasc, c.duc = True, duc

    for row in read_csv(os.path.join(directory, "placed_for_adoption.csv")) or []:
        c = children.get(row["CHILD"])
        placed, ceased = parse_date(row.get("DATE_PLACED")), parse_date(row.get("DATE_PLACED_CEASED"))
        period = None
        if c is not None and placed is not None:
            period = next((p for p in c.periods if p.looked_after_on(placed)), None)
        if period is None:
            notes.append("placed_for_adoption: %s %s outside the periods" % (row["CHILD"], placed))
            continue
        period.switches.append((placed, "adoption_placed"))
        if ceased is not None and (period.end is None or ceased < period.end):
            period.switches.append((ceased, "standard"))
    for c in children.values():
        for p in c.periods:
            p.switches.sort()

    for row in read_csv(os.path.join(directory, "reviews.csv")) or []:
        c = children.get(row["CHILD"])
        if c is None:
            notes.append("reviews: child %s not in header" % row["CHILD"])
            continue
        code = row.get("REVIEW_CODE", "")
        if code and code not in PN_CODES:
            notes.append("reviews: child %s unknown REVIEW_CODE %r rejected" % (c.id, code))
            continue
        c.reviews.append((parse_date(row["REVIEW"]), code))

    # The two local extracts (docs/ssda903.md): a record names a review of the child, is sent on or after
    # it, once; a midway review falls in a period of care.
    for row in read_csv(os.path.join(directory, "review_records.csv")) or []:
        c = children.get(row["CHILD"])
        held, sent = parse_date(row.get("REVIEW")), parse_date(row.get("RECORD_SENT"))
        if c is None or held is None or sent is None or sent < held or held in c.records or \
                not any(r[0] == held for r in c.reviews):
            notes.append("review_records: row %r rejected" % (row,))
            continue
        c.records[held] = sent
    for row in read_csv(os.path.join(directory, "midway_reviews.csv")) or []:
        c = children.get(row["CHILD"])
        day = parse_date(row.get("MIDWAY"))
        if c is None or day is None or not any(p.start <= day and (p.end is None or day <= p.end) for p in c.periods):
            notes.append("midway_reviews: row %r rejected" % (row,))
            continue
        c.midways.append(day)
    # The four local extracts of issue 17 (docs/ssda903.md): a report or an exception names a review of the
    # child, once; a cancellation falls in a period of care with a reason; a notification names a period's DECOM.
    def held_on(c, day):
        return any(r[0] == day for r in c.reviews)
    for row in read_csv(os.path.join(directory, "pre_meeting_reports.csv")) or []:
        c = children.get(row["CHILD"])
        held, got = parse_date(row.get("REVIEW")), parse_date(row.get("REPORT_RECEIVED"))
        if c is None or held is None or got is None or held in c.reports or not held_on(c, held):
            notes.append("pre_meeting_reports: row %r rejected" % (row,))
            continue
        c.reports[held] = got
    for row in read_csv(os.path.join(directory, "review_cancellations.csv")) or []:
        c = children.get(row["CHILD"])
        day, reason = parse_date(row.get("REVIEW")), row.get("REASON", "")
        if c is None or day is None or not reason or any(d == day for d, _ in c.cancellations) or \
                not any(p.start <= day and (p.end is None or day <= p.end) for p in c.periods):
            notes.append("review_cancellations: row %r rejected" % (row,))
            continue
        c.cancellations.append((day, reason))
    for row in read_csv(os.path.join(directory, "review_exceptions.csv")) or []:
        c = children.get(row["CHILD"])
        held, reason = parse_date(row.get("REVIEW")), row.get("REASON", "")
        if c is None or held is None or not reason or held in c.exceptions or not held_on(c, held):
            notes.append("review_exceptions: row %r rejected" % (row,))
            continue
        c.exceptions[held] = reason
    for row in read_csv(os.path.join(directory, "notifications.csv")) or []:
        c = children.get(row["CHILD"])
        start, told = parse_date(row.get("DECOM")), parse_date(row.get("NOTIFIED"))
        if c is None or start is None or told is None or start in c.notified or \
                not any(p.start == start for p in c.periods):
            notes.append("notifications: row %r rejected" % (row,))
            continue
        c.notified[start] = told
    return children


# ----------------------------------------------------------------------------------------------------
# Schedules (docs/schedule.md)

class Held:
    def __init__(self, child, number, due, held, code, previous=None):
        self.child, self.number, self.due, self.held, self.code = child, number, due, held, code
        self.previous = previous   # the review before it in its chain (None for a first review)

    @property
    def in_time(self):
        return self.held <= self.due


def eighteenth_birthday(dob):
    """The day a person born on DOB attains 18: the anniversary (Family Law Reform Act 1969 s9); for
    29 February, 1 March in a year that is not a leap year (docs/schedule.md)."""
    if dob.month == 2 and dob.day == 29 and not _calendar.isleap(dob.year + 18):
        return D(dob.year + 18, 3, 1)
    return D(dob.year + 18, dob.month, dob.day)


def times_in_care(child):
    """The child's periods as times in care (docs/schedule.md): periods that abut (one ends the day the next
    starts) joined, a different regime at the join acting as a switch; each ending at the latest on the
    18th birthday (Children Act 1989 s105(1)); none starting on or after it."""
    birthday = eighteenth_birthday(child.dob) if child.dob else None
    out = []
    for p in child.periods:
        if birthday is not None and p.start >= birthday:
            continue
        if out and out[-1].end is not None and out[-1].end == p.start:
            last = out[-1]
            running = last.switches[-1][1] if last.switches else last.regime
            joined = Period(last.start, p.end, last.episodes + p.episodes)
            joined.regime = last.regime
            joined.switches = last.switches + ([(p.start, p.regime)] if p.regime != running else []) + p.switches
            out[-1] = joined
        else:
            copy = Period(p.start, p.end, p.episodes)
            copy.regime, copy.switches = p.regime, list(p.switches)
            out.append(copy)
        if birthday is not None and (out[-1].end is None or out[-1].end > birthday):
            out[-1].end = birthday
    return out


def evaluate(child, rules, as_of, notes):
    """(held reviews, missed due dates as (date, number), the next due date when looked after on as_of)
    of one child as of a date. A due date counts as missed when no review was held by it, the chain had
    not ended before it, and it is on or before as_of (docs/report.md: one due on the year's last day and
    not held by then is missed in that year)."""
    held, missed, next_due = [], [], None
    periods = [p for p in times_in_care(child) if p.start <= as_of]   # the future is not known yet
    birthday = eighteenth_birthday(child.dob) if child.dob else None
    # One review per date (a duplicated record is not a second review; the one with a code stands); none
    # after the 18th birthday.
    by_date = {}
    for date, code in sorted(child.reviews, key=lambda r: (r[0], r[1] == "")):
        if date <= as_of and (birthday is None or date <= birthday) and date not in by_date:
            by_date[date] = code
    reviews = sorted(by_date.items())
    for i, p in enumerate(periods):
        end = p.end if p.end is not None and p.end <= as_of else None   # ending after as_of: still open
        next_start = periods[i + 1].start if i + 1 < len(periods) else None
        starts = [(p.start, p.regime)] + [s for s in p.switches if s[0] <= as_of]
        chains = []
        for k, (start, regime) in enumerate(starts):
            chain_end = starts[k + 1][0] if k + 1 < len(starts) else end
            chains.append((start, regime, chain_end, []))
        for r in reviews:
            in_period = p.start <= r[0] and (p.end is None or r[0] <= p.end)
            if in_period and not (next_start is not None and r[0] >= next_start):
                # a review on a switch date belongs to the new chain, on the end date to the last chain
                chain = [ch for ch in chains if ch[0] <= r[0]][-1]
                chain[3].append(r)
        for start, regime, chain_end, chain_reviews in chains:
            due = rules.due(regime, "first", start)
            previous = None
            for n, (date, code) in enumerate(chain_reviews, 1):
                held.append(Held(child.id, n, due, date, code, previous))
                previous = date
                due = rules.due(regime, "second" if n == 1 else "subsequent", date)
            # The due date after the last review: missed if it came by as_of and before the chain ended.
            if due <= as_of and (chain_end is None or due < chain_end):
                missed.append((due, len(chain_reviews) + 1))
            if chain_end is None and end is None and not (birthday is not None and due >= birthday):
                next_due = due   # the chain running on as_of (nothing falls due from the 18th birthday)
    assigned = len(held)
    if assigned != len(reviews):
        notes.append("child %s: %d reviews outside every period" % (child.id, len(reviews) - assigned))
    return held, missed, next_due


# ----------------------------------------------------------------------------------------------------
# Roster and disputes

def load_roster(directory):
    roster = os.path.join(directory, "roster")
    iros = [{"id": r["iro_id"], "fte": float(r["fte"]), "start": parse_date(r.get("start")),
             "end": parse_date(r.get("end")), "agency": (r.get("kind") or "").strip().lower() == "agency"}
            for r in read_csv(os.path.join(roster, "iros.csv")) or []]
    allocations = [{"child": r["child_id"], "iro": r["iro_id"], "from": parse_date(r["from"]),
                    "to": parse_date(r.get("to"))} for r in read_csv(os.path.join(roster, "allocations.csv")) or []]
    absences = [{"iro": r["iro_id"], "from": parse_date(r["from"]), "to": parse_date(r.get("to"))}
                for r in read_csv(os.path.join(roster, "absences.csv")) or []]
    attributes = {r["child_id"]: r for r in read_csv(os.path.join(roster, "children.csv")) or []}
    return iros, allocations, absences, attributes


def flag(text):
    return (text or "").strip().lower() in ("yes", "true", "y", "1")


class Dispute:
    def __init__(self, did):
        self.id, self.events = did, []
        self.iro = ""
        self.children, self.categories = [], []   # a sibling group; several issues


def semicolon_list(text):
    """docs/disputes.md: child_id and category on a dispute's first row may list values with ';' between."""
    text = (text or "").strip()
    return [item.strip() for item in text.split(";")] if text else []


def load_disputes(directory):
    disputes = {}
    for r in read_csv(os.path.join(directory, "disputes", "events.csv")) or []:
        d = disputes.get(r["dispute_id"])
        if d is None:
            d = disputes[r["dispute_id"]] = Dispute(r["dispute_id"])
            d.iro = r.get("iro_id", "")
            d.children, d.categories = semicolon_list(r.get("child_id")), semicolon_list(r.get("category"))
        d.events.append((parse_date(r["date"]), r["action"], r.get("stage", "")))
    return list(disputes.values())


def natural_key(code):
    """Codes as people read them (docs/report.md): A1, A2, ..., A10, A15 - digit runs by their value."""
    return [(0, int(part), part) if part.isdigit() else (1, part, part) for part in re.split(r"(\d+)", code) if part]


def replay(dispute, ladder, wd, as_of, notes):
    """A dispute's history as of a date (docs/disputes.md); a refused event leaves it as it was."""
    stages = [s["name"] for s in ladder["stages"]]
    response = [s["response_working_days"] for s in ladder["stages"]]
    st = {"raised": None, "raised_stage": None, "stage": None, "entered": None, "formal_start": None,
          "closed": None, "closed_how": None, "closed_stage": None, "cafcass": [], "last": None}
    for date, action, stage in dispute.events:
        if date > as_of:
            continue
        why = None
        target = None
        if st["last"] is not None and date < st["last"]:
            why = "dated before the event before it"
        elif st["closed"] is not None:
            why = "after resolve or withdraw"
        elif action == "raise":
            target = stages.index(stage) if stage in stages else (0 if not stage else None)
            if st["raised"] is not None:
                why = "a second raise"
            elif target is None:
                why = "unknown stage"
            elif target > 0 and not ladder["bypass"]:
                why = "raised above the first stage without bypass"
        elif st["raised"] is None:
            why = "before the raise"
        elif action == "escalate":
            target = stages.index(stage) if stage in stages else (st["stage"] + 1 if not stage else None)
            if target is None:
                why = "unknown stage"
            elif target >= len(stages) or target <= st["stage"]:
                why = "past the last stage or not upwards"
            elif target > st["stage"] + 1 and not ladder["bypass"]:
                why = "skips stages without bypass"
        elif action == "refer_cafcass":
            if st["cafcass"]:
                why = "a second Cafcass referral"
            elif not ladder["cafcass_any_stage"] and st["stage"] != len(stages) - 1:
                why = "before the last stage"
        elif action not in ("resolve", "withdraw"):
            why = "unknown action"
        if why:
            notes.append("dispute %s: %s on %s refused: %s" % (dispute.id, action, date, why))
            continue
        st["last"] = date
        if action in ("raise", "escalate"):
            if action == "raise":
                st["raised"], st["raised_stage"] = date, target
            st["stage"], st["entered"] = target, date
            if st["formal_start"] is None and response[target] is not None:
                st["formal_start"] = date
        elif action == "refer_cafcass":
            st["cafcass"].append(date)
        else:
            st["closed"], st["closed_how"], st["closed_stage"] = date, action, stages[st["stage"]]
    st["stage_name"] = stages[st["stage"]] if st["stage"] is not None else None
    st["response_due"] = None
    if st["stage"] is not None and st["closed"] is None and response[st["stage"]] is not None:
        st["response_due"] = wd.add(st["entered"], response[st["stage"]])
    st["formal_deadline"] = (wd.add(st["formal_start"], ladder["formal_limit_working_days"])
                             if st["formal_start"] is not None else None)
    return st


# ----------------------------------------------------------------------------------------------------
# The recount: one function per top-level key of the JSON report

class Counts(dict):
    """A figure keyed by data (categories, stages): a key absent on either side counts as 0."""


class Ids(list):
    """A list of child ids, compared as a sorted multiset."""


FIGURES = {}


def figure(key):
    def register(fn):
        FIGURES[key] = fn
        return fn
    return register


class Context:
    def __init__(self, directory, year, council, rules, wd, notes):
        self.year, self.council, self.rules, self.wd, self.notes = year, council, rules, wd, notes
        self.first, self.last = D(year, 4, 1), D(year + 1, 3, 31)
        self.as_of = self.last                       # every schedule as of the year's last day
        self.children = load_903(directory, notes)
        for c in self.children.values():
            if c.refused:
                notes.append("child %s refused: %s" % (c.id, c.refused))
        self._schedules = {}
        self.held, self.missed, self.next_due = self.schedules(self.as_of)
        self.roster = load_roster(directory)
        self.disputes = load_disputes(directory)

    def schedules(self, as_of):
        """(held reviews, missed due dates as (child id, date, number), {child id: next due date}) of every
        child as of a date."""
        if as_of not in self._schedules:
            all_held, all_missed, all_next = [], [], {}
            notes = self.notes if as_of == self.as_of else []
            for c in self.children.values():
                if not c.refused:
                    held, missed, next_due = evaluate(c, self.rules, as_of, notes)
                    all_held += held
                    all_missed += [(c.id, m, n) for m, n in missed]
                    if next_due is not None:
                        all_next[c.id] = next_due
            self._schedules[as_of] = (all_held, all_missed, all_next)
        return self._schedules[as_of]

    def in_year(self, d, year=None):
        year = self.year if year is None else year
        return D(year, 4, 1) <= d <= D(year + 1, 3, 31)


def timeliness(ctx, lo, hi, label_key, label):
    held = [h for h in ctx.held if lo <= h.due <= hi]
    missed = [m for m in ctx.missed if lo <= m[1] <= hi]   # (child, due date, number)
    row = {label_key: label, "due": len(held) + len(missed), "held": len(held),
           "in_time": sum(h.in_time for h in held)}
    row["late_or_missed"] = Ids(sorted([h.child for h in held if not h.in_time] + [m[0] for m in missed]))
    return row


@figure("months")
def months(ctx):
    rows = []
    for i in range(12):
        lo = add_months(ctx.first, i)
        hi = add_months(ctx.first, i + 1) - ONE_DAY
        rows.append(timeliness(ctx, lo, hi, "period", lo.strftime("%b %Y")))
    return rows


@figure("quarters")
def quarters(ctx):
    return [timeliness(ctx, add_months(ctx.first, 3 * q), add_months(ctx.first, 3 * q + 3) - ONE_DAY,
                       "period", "Q%d" % (q + 1)) for q in range(4)]


@figure("year_total")
def year_total(ctx):
    row = timeliness(ctx, ctx.first, ctx.last, "period", None)
    del row["period"]
    return row


def year_label(y):
    return "%d/%02d" % (y, (y + 1) % 100)


@figure("year")
def year(ctx):
    return year_label(ctx.year)


@figure("council")
def council(ctx):
    return ctx.council


@figure("children_refused")
def children_refused(ctx):
    return sum(1 for c in ctx.children.values() if c.refused)


# docs/report.md evaluates schedules "as of the year's last day"; for the two earlier years of the by-number
# table that can be read as each year's own 31 March (the figures that year's report showed; the reading
# the report takes) or the reporting year's 31 March (which adds reviews held late after that year ended).
# --by-number-as-of reporting-year selects the second reading.
BY_NUMBER_AS_OF = "each-year"


def set_by_number_as_of(reading):
    global BY_NUMBER_AS_OF
    BY_NUMBER_AS_OF = reading


@figure("by_number")
def by_number(ctx):
    """Due dates that fell in the year, first/second/subsequent: reviews held and missed due dates (under
    the number the review due would have had), and how many were met."""
    rows = []
    for y in (ctx.year - 2, ctx.year - 1, ctx.year):
        as_of = D(y + 1, 3, 31) if BY_NUMBER_AS_OF == "each-year" else ctx.as_of
        held_all, missed_all, _ = ctx.schedules(as_of)
        held = [(h.number, h.in_time) for h in held_all if ctx.in_year(h.due, y)]
        held += [(n, False) for _, m, n in missed_all if ctx.in_year(m, y)]
        split = [[t for n, t in held if n == 1], [t for n, t in held if n == 2], [t for n, t in held if n >= 3]]
        rows.append({"year": year_label(y), "due": [len(s) for s in split], "in_time": [sum(s) for s in split]})
    return rows


def participation_counts(ctx):
    counts = {code: 0 for code in PN_CODES}
    none = 0
    for h in ctx.held:
        if ctx.in_year(h.held):
            if h.code in counts:
                counts[h.code] += 1
            else:
                none += 1
    return counts, none


@figure("participation")
def participation(ctx):
    counts, none = participation_counts(ctx)
    return dict(counts, none=none)


@figure("participation_rate_percent")
def participation_rate_percent(ctx):
    c = participation_counts(ctx)[0]
    took_part = sum(c["PN%d" % i] for i in range(1, 7))
    aged_4 = took_part + c["PN7"]
    return 100.0 * took_part / aged_4 if aged_4 else None


@figure("population")
def population(ctx):
    periods = [p for c in ctx.children.values() if not c.refused for p in times_in_care(c)]
    before = ctx.first - ONE_DAY   # looked after at the start: on 31 March before the year
    return {
        "start": sum(1 for c in ctx.children.values() if not c.refused
                     and any(p.looked_after_on(before) for p in times_in_care(c))),
        "end": sum(1 for c in ctx.children.values() if not c.refused
                   and any(p.looked_after_on(ctx.last) for p in times_in_care(c))),
        "entered": sum(1 for p in periods if ctx.in_year(p.start)),
        "left": sum(1 for p in periods if p.end is not None and ctx.in_year(p.end)),
        # Looked after on 31 March with the next review's due date already passed.
        "overdue_at_end": sum(1 for cid, due in ctx.next_due.items() if due < ctx.last
                              and any(p.looked_after_on(ctx.last) for p in times_in_care(ctx.children[cid]))),
    }


@figure("supplied")
def supplied(ctx):
    """Which optional inputs the council supplied (docs/report.md): a table without its input is null."""
    iros = ctx.roster[0]
    children = [c for c in ctx.children.values()]
    return {"review_records": any(c.records for c in children), "midway_reviews": any(c.midways for c in children),
            "roster": bool(iros), "disputes": bool(ctx.disputes),
            "sex": any(c.sex != "not_recorded" for c in children), "ethnicity": any(c.ethnic for c in children),
            "legal_status": any(ep["ls"] for c in children for ep in c.episodes), "uasc": any(c.uasc for c in children),
            "leaving_reasons": any(p.episodes[-1]["rec"] and p.episodes[-1]["dec"] is not None
                                   for c in children for p in c.periods),
            "placements": any(ep["rne"] != "L" for c in children for ep in c.episodes),
            "pre_meeting_reports": any(c.reports for c in children),
            "cancellations": any(c.cancellations for c in children),
            "exceptions": any(c.exceptions for c in children),
            "notifications": any(c.notified for c in children)}


# ----------------------------------------------------------------------------------------------------
# Who the children are (docs/report.md, the population profile), from the header, episodes and uasc.csv rows

ETHNIC_GROUPS = {"white": "WBRI WIRI WIRT WOTH WROM", "mixed": "MWBC MWBA MWAS MOTH",
                 "asian": "AIND APKN ABAN AOTH CHNE", "black": "BCRB BAFR BOTH", "other": "OOTH",
                 "refused": "REFU NOBT"}
ETHNIC_CODES = "WBRI WIRI WIRT WOTH WROM MWBC MWBA MWAS MOTH AIND APKN ABAN AOTH CHNE BCRB BAFR BOTH OOTH REFU NOBT".split()
LEGAL_CODES = "C1 C2 D1 E1 J1 J2 J3 L1 L2 L3 V2 V3 V4".split()
REC_GROUPS = {}
for _group, _codes in {"adopted": "E11 E12", "special_guardianship": "E43 E44 E45 E46 E47 E48",
                       "child_arrangements": "E41", "returned_home": "E13 E4A E4B", "independent_living": "E5 E6",
                       "aged_18": "E15 E17", "other": "E2 E3 E7 E8 E9 E14 E16 X1"}.items():
    for _code in _codes.split():
        REC_GROUPS[_code] = _group
BANDS = ["under_1", "1_4", "5_9", "10_15", "16_plus", "unknown"]


def age_band(dob, day):
    """The DfE band of the age in whole years on DAY (a 29 February birthday comes on 1 March)."""
    if dob is None:
        return "unknown"
    age = day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))
    return "under_1" if age < 1 else "1_4" if age < 5 else "5_9" if age < 10 else "10_15" if age < 16 else "16_plus"


def placements_in_year(child, first, last):
    """Every episode but a change of legal status only (RNE L) starts a placement, which ends where the next
    starts or at the DEC of the last episode before it; those with a day in the year."""
    placements = []
    for ep in sorted(child.episodes, key=lambda e: e["decom"]):
        if ep["rne"] != "L":
            placements.append([ep["decom"], None])
        if placements:
            placements[-1][1] = ep["dec"]
    return sum(1 for start, end in placements if start <= last and (end is None or end > first))


@figure("profile")
def profile(ctx):
    first, last = ctx.first, ctx.last
    sup = supplied(ctx)
    months = [add_months(first, m) for m in range(12)]
    month_keys = ["%04d-%02d" % (m.year, m.month) for m in months]
    month_ends = [add_months(first, m + 1) - ONE_DAY for m in range(12)]
    age = {b: {g: 0 for g in ("male", "female", "not_recorded", "all")} if sup["sex"] else {"all": 0} for b in BANDS}
    ethnicity = {g: 0 for g in list(ETHNIC_GROUPS) + ["not_recorded"]}
    codes = {c: 0 for c in ETHNIC_CODES + ["not_recorded"]}
    legal = {c: 0 for c in LEGAL_CODES + ["not_recorded"]}
    uasc = {"uasc": 0, "not_uasc": 0}
    any_time = 0
    month_end = {k: 0 for k in month_keys}
    movements = {k: {"admitted": 0, "left": 0} for k in month_keys}
    by_age = {b: {"admitted": 0, "left": 0} for b in BANDS}
    reasons = {g: 0 for g in ["adopted", "special_guardianship", "child_arrangements", "returned_home",
                              "independent_living", "aged_18", "other", "not_recorded"]}
    stability = {"3_or_more": 0, "2_or_fewer": 0}
    for c in ctx.children.values():
        if c.refused:
            continue
        times = times_in_care(c)
        any_time += any(t.start <= last and (t.end is None or t.end >= first) for t in times)
        for t in times:
            for k, day in zip(month_keys, month_ends):
                month_end[k] += t.looked_after_on(day)
            if ctx.in_year(t.start):
                movements[month_keys[(t.start.month - 4) % 12]]["admitted"] += 1
                by_age[age_band(c.dob, t.start)]["admitted"] += 1
            if t.end is not None and ctx.in_year(t.end):
                movements[month_keys[(t.end.month - 4) % 12]]["left"] += 1
                by_age[age_band(c.dob, t.end)]["left"] += 1
                ending = t.episodes[-1]   # the episode that ended it, unless the 18th birthday cut it short
                if ending["dec"] == t.end:
                    reasons[REC_GROUPS.get(ending["rec"], "not_recorded")] += 1
                else:
                    reasons["aged_18"] += 1
        if not any(t.looked_after_on(last) for t in times):
            continue
        band = age_band(c.dob, last)
        age[band]["all"] += 1
        if sup["sex"]:
            age[band][c.sex] += 1
        group = next((g for g, cs in ETHNIC_GROUPS.items() if c.ethnic in cs.split()), "not_recorded")
        ethnicity[group] += 1
        codes[c.ethnic or "not_recorded"] += 1
        status = ""
        for p in c.periods:
            if p.looked_after_on(last):
                for ep in p.episodes:
                    if ep["decom"] <= last:
                        status = ep["ls"]
        legal[status or "not_recorded"] += 1
        uasc["uasc" if c.uasc and (c.duc is None or last < c.duc) else "not_uasc"] += 1
        stability["3_or_more" if placements_in_year(c, first, last) >= 3 else "2_or_fewer"] += 1
    return {"age": age, "ethnicity": ethnicity if sup["ethnicity"] else None,
            "ethnicity_code": codes if sup["ethnicity"] else None,
            "legal_status": legal if sup["legal_status"] else None, "uasc": uasc if sup["uasc"] else None,
            "any_time": {"children": any_time}, "month_end": month_end, "movements": movements,
            "movements_by_age": by_age, "left_reason": reasons if sup["leaving_reasons"] else None,
            "stability": stability if sup["placements"] else None}


@figure("records")
def records(ctx):
    """Reviews held in the year and when their record went out, against 20 working days from the review."""
    target = ctx.rules.record_working_days
    held = [h for h in ctx.held if ctx.in_year(h.held)]
    sent = [(h, ctx.children[h.child].records.get(h.held)) for h in held]
    within = sum(1 for h, day in sent if day is not None and day <= ctx.wd.add(h.held, target))
    recorded = sum(1 for _, day in sent if day is not None)
    return {"target_working_days": target, "held": len(held), "recorded": recorded, "within_target": within,
            "late": recorded - within, "not_recorded": len(held) - recorded}


@figure("midway")
def midway(ctx):
    """Midway reviews in the year, the children they were for, and how many reviews held in the year had
    one strictly between the review before them (in their chain) and themselves."""
    in_year = [(c.id, m) for c in ctx.children.values() if not c.refused for m in c.midways if ctx.in_year(m)]
    intervals = [h for h in ctx.held if ctx.in_year(h.held) and h.previous is not None]
    covered = sum(1 for h in intervals if any(h.previous < m < h.held for m in ctx.children[h.child].midways))
    return {"held": len(in_year), "children": len({cid for cid, _ in in_year}), "intervals": len(intervals),
            "covered": covered, "target_percent": ctx.rules.midway_target_percent}


def caseload_rows(ctx, d=None):
    iros, allocations, absences, attributes = ctx.roster
    d = ctx.last if d is None else d
    low, high = ctx.rules.band
    w = ctx.rules.weights

    def weight(cid):
        a = attributes.get(cid)
        if a is None:
            return 1.0
        since = parse_date(a.get("looked_after_since"))
        has = {"recently_looked_after": since is not None and d < add_months(since, 3),
               "placed_far_away": flag(a.get("placed_far_away")), "in_proceedings": flag(a.get("in_proceedings")),
               "placement_moves": flag(a.get("placement_moves"))}
        return 1.0 + sum(w[k] - 1.0 for k, v in has.items() if v and k in w)

    def band(x):
        return "below" if x < low else "above" if x > high else "within"

    rows = []
    for iro in iros:
        # In post from start up to but not including end (docs/caseload.md).
        if (iro["start"] is not None and iro["start"] > d) or (iro["end"] is not None and iro["end"] <= d):
            continue
        kids = [a["child"] for a in allocations
                if a["iro"] == iro["id"] and a["from"] <= d and (a["to"] is None or d < a["to"])]
        load = sum(weight(k) for k in kids)
        rows.append({"iro": iro["id"], "children": len(kids), "weighted": load,
                     "per_fte": len(kids) / iro["fte"], "weighted_per_fte": load / iro["fte"],
                     "band": band(len(kids) / iro["fte"]),
                     "absent": any(a["iro"] == iro["id"] and a["from"] <= d and (a["to"] is None or d <= a["to"])
                                   for a in absences), "fte": iro["fte"], "agency": iro["agency"]})
    return rows


@figure("caseloads")
def caseloads(ctx):
    return [{k: r[k] for k in ("iro", "children", "weighted", "per_fte", "weighted_per_fte", "band", "absent")}
            for r in caseload_rows(ctx)]


@figure("caseload_team")
def caseload_team(ctx):
    """The team figures of check_caseloads() (not in the JSON report today; recomputed for when they are)."""
    rows = caseload_rows(ctx)
    low, high = ctx.rules.band
    fte = sum(r["fte"] for r in rows)
    per_fte = sum(r["children"] for r in rows) / fte if fte else None
    return {"iros": len(rows), "band_low": low, "band_high": high,
            "children": sum(r["children"] for r in rows), "fte": fte, "per_fte": per_fte,
            "band": None if per_fte is None else "below" if per_fte < low else "above" if per_fte > high else "within",
            "min_per_fte": min(r["per_fte"] for r in rows), "max_per_fte": max(r["per_fte"] for r in rows),
            "below": sum(r["band"] == "below" for r in rows), "within": sum(r["band"] == "within" for r in rows),
            "above": sum(r["band"] == "above" for r in rows)}


@figure("disputes")
def disputes(ctx):
    ladder = ctx.rules.ladder
    informal_names = {s["name"] for s in ladder["stages"] if s["response_working_days"] is None}
    raised, by_category, resolved_at, days = 0, Counts(), Counts(), []
    informal, became_formal, withdrawn, cafcass, open_, overdue, open_by_stage = 0, 0, 0, 0, 0, 0, Counts()
    children, formal_children, issues, formal, resolved_by_category = set(), set(), 0, 0, Counts()
    for d in ctx.disputes:
        st = replay(d, ladder, ctx.wd, ctx.last, ctx.notes)
        if st["raised"] is None:
            continue
        categories = d.categories or ["(none)"]    # a dispute with no category is one issue, "(none)"
        if ctx.in_year(st["raised"]):
            raised += 1
            for c in categories:
                by_category[c] = by_category.get(c, 0) + 1
            issues += len(categories)
            children.update(d.children)
            if ladder["stages"][st["raised_stage"]]["name"] in informal_names:
                informal += 1
                became_formal += st["formal_start"] is not None
        if st["formal_start"] is not None and ctx.in_year(st["formal_start"]):
            formal += 1
            formal_children.update(d.children)
        if st["closed"] is not None and ctx.in_year(st["closed"]):
            if st["closed_how"] == "resolve":
                resolved_at[st["closed_stage"]] = resolved_at.get(st["closed_stage"], 0) + 1
                days.append(ctx.wd.between(st["raised"], st["closed"]))
                for c in categories:
                    resolved_by_category[c] = resolved_by_category.get(c, 0) + 1
            else:
                withdrawn += 1
        cafcass += sum(1 for c in st["cafcass"] if ctx.in_year(c))
        if st["closed"] is None:
            open_ += 1
            open_by_stage[st["stage_name"]] = open_by_stage.get(st["stage_name"], 0) + 1
            overdue += ((st["response_due"] is not None and ctx.last > st["response_due"]) or
                        (st["formal_deadline"] is not None and ctx.last > st["formal_deadline"]))
    days.sort()
    n = len(days)
    median = None if n == 0 else (days[n // 2] if n % 2 else (days[n // 2 - 1] + days[n // 2]) / 2)
    p90 = None if n == 0 else days[math.ceil(0.9 * n) - 1]
    names = {c["code"]: c["name"] for c in ctx.rules.categories}
    codes = sorted(set(by_category) | set(resolved_by_category), key=natural_key)
    return {"raised": raised, "by_category": by_category, "informal_raised": informal, "became_formal": became_formal,
            "resolved": n, "resolved_at": resolved_at, "withdrawn": withdrawn, "cafcass": cafcass,
            "median_working_days": median, "p90_working_days": p90, "open": open_, "overdue": overdue,
            "open_by_stage": open_by_stage, "children": len(children), "issues": issues, "formal": formal,
            "formal_children": len(formal_children), "resolved_by_category": resolved_by_category,
            "categories": [{"code": c, "name": names.get(c), "raised": by_category.get(c, 0),
                            "resolved": resolved_by_category.get(c, 0)} for c in codes]}


def year_view(ctx, y):
    """The context as of the 31 March ending year y (1 April y to 31 March y+1): its own schedules."""
    view = copy.copy(ctx)
    held, missed, next_due = ctx.schedules(D(y + 1, 3, 31))
    view.year, view.first, view.last, view.as_of = y, D(y, 4, 1), D(y + 1, 3, 31), D(y + 1, 3, 31)
    view.held, view.missed, view.next_due = held, missed, next_due
    return view


def pct1(part, whole):
    """A rate as the report prints it in the Three years table: percent to one place, 0 when nothing."""
    return float("%.1f" % (100.0 * part / whole if whole else 0.0))


YEAR_RATES = {  # key: (numerator, denominator) of the counts below
    "percent_in_time_of_due": ("in_time", "due"), "percent_in_time_of_held": ("held_in_time", "held"),
    "percent_first_in_time": ("_first_in_time", "first_due"),
    "percent_second_in_time": ("_second_in_time", "second_due"),
    "percent_subsequent_in_time": ("_subsequent_in_time", "subsequent_due"),
    "participation_rate": ("_took_part", "_four_and_over"), "participation_rate_with_under_4s": ("_took_part", "_coded"),
    "percent_records_within_target": ("records_within_target", "held"),
    "percent_midway_covered": ("midway_covered", "midway_intervals"),
}


def year_counts(ctx, y):
    """Every count of one year of the Three years table, recounted as of that year's own 31 March."""
    v = year_view(ctx, y)
    t = timeliness(v, v.first, v.last, "period", None)
    held = [h for h in v.held if v.in_year(h.held)]
    out = {"year": year_label(y), "from": v.first.isoformat(), "to": v.last.isoformat(), "due": t["due"],
           "due_held": t["held"], "in_time": t["in_time"], "held": len(held),
           "held_in_time": sum(h.in_time for h in held)}
    numbers = [(h.number, h.in_time) for h in v.held if v.in_year(h.due)] + \
        [(n, False) for _, m, n in v.missed if v.in_year(m)]
    for name, test in (("first", lambda n: n == 1), ("second", lambda n: n == 2), ("subsequent", lambda n: n >= 3)):
        out[name + "_due"] = sum(1 for n, _ in numbers if test(n))
        out["_%s_in_time" % name] = sum(1 for n, t_ in numbers if test(n) and t_)
    counts, none = participation_counts(v)
    out.update(counts)
    out["none"] = none
    out["_took_part"] = sum(counts["PN%d" % i] for i in range(1, 7))
    out["_four_and_over"] = out["_took_part"] + counts["PN7"]
    out["_coded"] = out["_four_and_over"] + counts["PN0"]
    sup = supplied(ctx)
    if sup["review_records"]:
        rec = records(v)
        out.update(records_within_target=rec["within_target"], records_late=rec["late"],
                   records_not_recorded=rec["not_recorded"])
    if sup["midway_reviews"]:
        mid = midway(v)
        out.update(midway_intervals=mid["intervals"], midway_covered=mid["covered"])
    pop = population(v)
    out.update(looked_after_start=pop["start"], looked_after_end=pop["end"], entered=pop["entered"],
               left=pop["left"], overdue_at_end=pop["overdue_at_end"])
    if sup["roster"]:
        team = caseload_team(v)
        rows = caseload_rows(v)
        present_fte = sum(r["fte"] for r in rows if not r["absent"])
        out.update(team_children=team["children"], fte=float("%.2f" % team["fte"]),
                   per_fte=float("%.2f" % (team["per_fte"] or 0.0)), band=team["band"] or "below",
                   iros_above=team["above"], iros_within=team["within"], iros_below=team["below"],
                   iros_in_post=len(rows), iros_agency=sum(r["agency"] for r in rows),
                   iros_permanent=sum(not r["agency"] for r in rows), iros_absent=sum(r["absent"] for r in rows),
                   per_present_fte=float("%.2f" % (team["children"] / present_fte if present_fte else 0.0)))
    if sup["disputes"]:
        dis = disputes(v)
        out.update(disputes_raised=dis["raised"], disputes_resolved=dis["resolved"],
                   disputes_withdrawn=dis["withdrawn"], disputes_cafcass=dis["cafcass"],
                   disputes_children=dis["children"], disputes_issues=dis["issues"], disputes_formal=dis["formal"],
                   disputes_formal_children=dis["formal_children"])
        for stage in [s["name"] for s in ctx.rules.ladder["stages"]]:
            out["resolved_at." + stage] = dis["resolved_at"].get(stage, 0)
    return out


def years_counted(ctx):
    if not hasattr(ctx, "_years"):
        ctx._years = [year_counts(ctx, y) for y in (ctx.year - 2, ctx.year - 1, ctx.year)]
    return ctx._years


@figure("years")
def years(ctx):
    """The three years side by side, each as of its own 31 March (docs/report.md, Three years)."""
    sup = supplied(ctx)
    rows = []
    for c in years_counted(ctx):
        row = {k: v for k, v in c.items() if not k.startswith("_")}
        for rate, (part, whole) in YEAR_RATES.items():
            if whole in c:
                row[rate] = pct1(c[part], c[whole])
        for key, name in (("records", "review_records"), ("midway", "midway_reviews"), ("caseloads", "roster"),
                          ("disputes", "disputes")):
            if not sup[name]:
                row[key] = None
        rows.append(row)
    return rows


@figure("years_overall_weighted")
def years_overall_weighted(ctx):
    """Each rate across the three years, weighted: the sum of the numerators over the sum of the denominators."""
    counted = years_counted(ctx)
    return {rate: pct1(sum(c[part] for c in counted), sum(c[whole] for c in counted))
            for rate, (part, whole) in YEAR_RATES.items() if whole in counted[0]}


# The DfE's REVIEW_CODE wording (SSDA903 guidance), typed here from the guidance, not read from iro.
PN_WORDING = {
    "PN0": "Child aged under 4 at the time of the review",
    "PN1": "Child physically attends and speaks for him or herself",
    "PN2": "Child physically attends and an advocate speaks on his or her behalf",
    "PN3": "Child attends and conveys his or her view symbolically (non-verbally)",
    "PN4": "Child physically attends but does not speak for him or herself, does not convey his or her view "
           "symbolically (non-verbally) and does not ask an advocate to speak for him or her",
    "PN5": "Child does not attend physically but briefs an advocate to speak for him or her",
    "PN6": "Child does not attend but conveys his or her feelings to the review by a facilitative medium",
    "PN7": "Child does not attend nor are his or her views conveyed to the review",
}
AGE_BANDS = [("under 1", 0, 1), ("1-4", 1, 5), ("5-9", 5, 10), ("10-15", 10, 16), ("16 and over", 16, 999)]
MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]


def age_on(dob, d):
    """Whole years; a 29 February birthday falls on 1 March in other years."""
    return d.year - dob.year - ((d.month, d.day) < (dob.month, dob.day))


def r1(x):
    return float("%.1f" % x)


def r2(x):
    return float("%.2f" % x)


def month_ends(ctx):
    ends = []
    for m in range(12):
        y, mo = (ctx.year, 4 + m) if m < 9 else (ctx.year + 1, m - 8)
        ends.append(D(y, mo, _calendar.monthrange(y, mo)[1]))
    return ends


def natural_key(text):
    """Codes in natural order (A2 before A10), as the report sorts them."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.findall(r"\d+|\D+", text)]


def spread(values):
    """(median, 90th percentile by nearest rank), 0 for none."""
    v = sorted(values)
    if not v:
        return 0.0, 0.0
    n = len(v)
    median = float(v[n // 2]) if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2.0
    return median, float(v[math.ceil(0.9 * n) - 1])


def local_extract_tables(ctx, held, sup):
    """Pre-meeting reports, cancellations, agreed exceptions and notification (docs/report.md)."""
    out = {}
    before = ctx.rules.p["targets"]["report_working_days_before"]
    if sup["pre_meeting_reports"]:
        got = [ctx.children[h.child].reports.get(h.held) for h in held]
        on_time = sum(1 for h, g in zip(held, got) if g is not None and g <= ctx.wd.sub(h.held, before))
        received = sum(1 for g in got if g is not None)
        out["pre_meeting"] = [{"row": "year", "held": len(held), "received": received, "on_time": on_time,
                               "late": received - on_time, "not_recorded": len(held) - received,
                               "percent_on_time": pct1(on_time, len(held))}]
    else:
        out["pre_meeting"] = None
    if sup["cancellations"]:
        counts = {}
        for c in ctx.children.values():
            if c.refused:
                continue
            for day, reason in c.cancellations:
                if ctx.in_year(day):
                    counts[reason] = counts.get(reason, 0) + 1
        out["cancellations"] = [{"row": k, "reviews": counts[k]} for k in sorted(counts, key=natural_key)] + \
            [{"row": "all", "reviews": sum(counts.values())}]
    else:
        out["cancellations"] = None
    if sup["exceptions"]:
        t = timeliness(ctx, ctx.first, ctx.last, "period", None)
        agreed = sum(1 for h in ctx.held if ctx.in_year(h.due) and not h.in_time
                     and h.held in ctx.children[h.child].exceptions)
        out["exceptions"] = [{"row": "year", "due": t["due"], "in_time": t["in_time"], "agreed": agreed,
                              "late_without": t["due"] - t["in_time"] - agreed,
                              "percent_in_time": pct1(t["in_time"], t["due"]),
                              "percent_in_time_or_agreed": pct1(t["in_time"] + agreed, t["due"])}]
    else:
        out["exceptions"] = None
    if sup["notifications"]:
        days, entered = [], 0
        for c in ctx.children.values():
            if c.refused:
                continue
            for p in times_in_care(c):
                if not ctx.in_year(p.start):
                    continue
                entered += 1
                if p.start in c.notified:
                    days.append(ctx.wd.between(p.start, c.notified[p.start]))
        median, p90 = spread(days)
        out["notifications"] = [{"row": "year", "entered": entered, "notified": len(days),
                                 "not_recorded": entered - len(days), "within_1": sum(d <= 1 for d in days),
                                 "2_to_5": sum(2 <= d <= 5 for d in days), "6_to_10": sum(6 <= d <= 10 for d in days),
                                 "over_10": sum(d > 10 for d in days), "median_working_days": median,
                                 "p90_working_days": p90}]
    else:
        out["notifications"] = None
    return out


@figure("tables")
def tables(ctx):
    """The tables laid out alike in every format (docs/report.md): reviews held by month of the meeting,
    participation by code with its wording and by age band, local targets, caseloads at each month end and
    changes of IRO."""
    held = [h for h in ctx.held if ctx.in_year(h.held)]
    out = {}
    by_month = [0] * 12
    for h in held:
        by_month[(h.held.month + 8) % 12] += 1
    out["held_by_month"] = [{"row": "%s %d" % (MONTHS[m], ctx.year if m < 9 else ctx.year + 1), "held": by_month[m]}
                            for m in range(12)] + [{"row": "Year", "held": len(held)}]
    counts, none = participation_counts(ctx)
    rows = [{"row": code, "meaning": PN_WORDING[code], "reviews": counts[code],
             "percent": pct1(counts[code], len(held))} for code in PN_CODES]
    out["participation_codes"] = rows + [{"row": "none", "meaning": "No code recorded", "reviews": none,
                                          "percent": pct1(none, len(held))}]
    bands = []
    for label, lo, hi in AGE_BANDS + [("date of birth not known", None, None)]:
        def in_band(h):
            dob = ctx.children[h.child].dob
            if lo is None:
                return dob is None
            return dob is not None and lo <= age_on(dob, h.held) < hi
        mine = [h for h in held if in_band(h)]
        if lo is None and not mine:
            continue
        took = sum(1 for h in mine if h.code in ["PN%d" % i for i in range(1, 7)])
        four = took + sum(1 for h in mine if h.code == "PN7")
        bands.append({"row": label, "held": len(mine), "PN0": sum(1 for h in mine if h.code == "PN0"),
                      "took_part": took, "four_and_over": four, "percent": pct1(took, four) if four else None})
    out["participation_by_age"] = bands
    # The demo runs under the England policy, which sets no percentage target: the caseload band alone.
    sup = supplied(ctx)
    low, high = ctx.rules.band
    team = caseload_team(ctx)
    out["targets"] = [{"row": "team children per FTE on %s within the band (per FTE)" % ctx.last.isoformat(),
                       "target": "%d-%d" % (low, high),
                       "actual": r2(team["per_fte"]) if sup["roster"] else "not supplied",
                       "result": ("met" if low <= team["per_fte"] <= high else "not met") if sup["roster"]
                       else "not supplied", "source": None}]
    out.update(local_extract_tables(ctx, held, sup))
    if not sup["roster"]:
        out["caseload_months"] = out["iro_changes"] = None
        return out
    ends = month_ends(ctx)
    checks = [caseload_rows(ctx, d) for d in ends]
    keys = [d.isoformat()[:7] for d in ends]

    def line(label, values, fmt):
        row = {"row": label}
        present = [v for v in values if v is not None]
        for k, v in zip(keys, values):
            row[k] = None if v is None else fmt(v)
        row["average"] = r2(sum(present) / len(present)) if present else None   # always to 2 places
        row["lowest"] = fmt(min(present)) if present else None
        row["highest"] = fmt(max(present)) if present else None
        return row
    iros = ctx.roster[0]
    lines = []
    for iro in iros:
        loads = [next((r["per_fte"] for r in rows if r["iro"] == iro["id"]), None) for rows in checks]
        if any(v is not None for v in loads):
            lines.append(line(iro["id"], loads, r2))
    teams = [(sum(r["children"] for r in rows), sum(r["fte"] for r in rows),
              sum(r["fte"] for r in rows if not r["absent"]), sum(r["absent"] for r in rows)) for rows in checks]
    lines.append(line("team", [c / f if f else 0.0 for c, f, _, _ in teams], r2))
    lines.append(line("team in practice (net of absences)", [c / p if p else 0.0 for c, _, p, _ in teams], r2))
    lines.append(line("children allocated", [c for c, _, _, _ in teams], lambda v: int(round(v))))
    lines.append(line("IROs absent", [a for _, _, _, a in teams], lambda v: int(round(v))))
    out["caseload_months"] = lines
    # Changes of IRO: allocations starting in the year to another IRO than the child's allocation before.
    allocations = ctx.roster[1]
    by_child = {}
    for a in allocations:
        if a["from"] <= ctx.last:
            by_child.setdefault(a["child"], []).append(a)
    children = kept = changes = 0
    for spans in by_child.values():
        if not any(a["to"] is None or a["to"] > ctx.first for a in spans):
            continue
        spans.sort(key=lambda a: a["from"])
        n = sum(1 for x, y in zip(spans, spans[1:]) if y["from"] >= ctx.first and y["iro"] != x["iro"])
        children += 1
        kept += n == 0
        changes += n
    out["iro_changes"] = [{"row": "year", "children": children, "kept_one_iro": kept, "changed": children - kept,
                           "changes": changes}]
    return out


# ----------------------------------------------------------------------------------------------------
# Comparison

def label_of(item, index):
    if isinstance(item, dict):
        for k in ("period", "year", "iro", "id", "row"):
            if k in item:
                return "%s" % item[k]
    return str(index)


def same_scalar(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
    return a == b


class Result:
    def __init__(self):
        self.checked, self.mismatches, self.uncovered, self.unreported = 0, [], [], []


def leaves(node, path):
    if isinstance(node, dict):
        for k in node:
            yield from leaves(node[k], "%s.%s" % (path, k) if path else k)
    elif isinstance(node, list) and any(isinstance(x, (dict, list)) for x in node):
        for i, x in enumerate(node):
            yield from leaves(x, "%s[%s]" % (path, label_of(x, i)))
    else:
        yield path


def compare(report, expected, path, res):
    if isinstance(expected, Ids):
        res.checked += 1
        if not isinstance(report, list) or sorted(map(str, report)) != sorted(map(str, expected)):
            res.mismatches.append((path, report, list(expected)))
    elif isinstance(report, dict) and isinstance(expected, dict):
        keys = list(report) + [k for k in expected if k not in report]
        for k in keys:
            sub = "%s.%s" % (path, k) if path else k
            if isinstance(expected, Counts):
                compare(report.get(k, 0), expected.get(k, 0), sub, res)
            elif k not in expected:
                res.uncovered += list(leaves(report[k], sub))
            elif k not in report:
                res.unreported.append(sub)
            else:
                compare(report[k], expected[k], sub, res)
    elif isinstance(report, list) and isinstance(expected, list) and \
            (any(isinstance(x, (dict, list)) for x in report + expected)):
        if len(report) != len(expected):
            res.mismatches.append((path + " (entries)", len(report), len(expected)))
        for i, (r, e) in enumerate(zip(report, expected)):
            compare(r, e, "%s[%s]" % (path, label_of(e, i)), res)
    elif isinstance(report, list) and isinstance(expected, list):
        if len(report) != len(expected):
            res.mismatches.append((path + " (entries)", len(report), len(expected)))
        for i, (a, b) in enumerate(zip(report, expected)):
            compare(a, b, "%s[%d]" % (path, i), res)
    else:
        res.checked += 1
        if isinstance(report, (dict, list)) or isinstance(expected, (dict, list)) or not same_scalar(report, expected):
            res.mismatches.append((path, report, expected))


def diff_reports(a, b, path, out):
    """Every path where two reports differ."""
    if isinstance(a, dict) and isinstance(b, dict):
        for k in list(a) + [k for k in b if k not in a]:
            sub = "%s.%s" % (path, k) if path else k
            if k not in a or k not in b:
                out.append((sub, a.get(k, "<absent>"), b.get(k, "<absent>")))
            else:
                diff_reports(a[k], b[k], sub, out)
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b)):
            diff_reports(x, y, "%s[%s]" % (path, label_of(x, i)), out)
    elif not (type(a) == type(b) and a == b):
        out.append((path, a, b))


# ----------------------------------------------------------------------------------------------------

def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)
    if p.returncode != 0:
        sys.stderr.write("report_recount: %s failed (%d):\n%s%s" % (" ".join(cmd), p.returncode, p.stdout, p.stderr))
        sys.exit(2)
    return p.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("iro")
    ap.add_argument("bank_holidays")
    ap.add_argument("--report-json", help=argparse.SUPPRESS)
    ap.add_argument("--policy-doc", default=os.path.join(HERE, "..", "docs", "policy.md"), help=argparse.SUPPRESS)
    ap.add_argument("--by-number-as-of", choices=("each-year", "reporting-year"), default=BY_NUMBER_AS_OF,
                    help=argparse.SUPPRESS)
    ap.add_argument("--keep", help="write the synthetic council to this directory (kept)")
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args()
    set_by_number_as_of(args.by_number_as_of)

    wd = WorkingDays(args.bank_holidays)
    self_check(wd)
    rules = Rules(load_policy(args.policy_doc), wd)
    failed = False
    with tempfile.TemporaryDirectory(prefix="iro-recount-") as tmp:
        council_dir = args.keep or os.path.join(tmp, "council")
        run([args.iro, "synth", "--out", council_dir])
        dir_report = json.loads(run([args.iro, "report", council_dir, "--year", str(DEMO_YEAR), "--format", "json"]))
        if args.report_json:
            with open(args.report_json, encoding="utf-8") as f:
                demo_report = json.load(f)
            print("report: %s (instead of iro report --demo)" % args.report_json)
        else:
            demo_report = json.loads(run([args.iro, "report", "--demo", "--format", "json"]))

        # 1. The demo and its raw files are the same council.
        differences = []
        diff_reports({k: v for k, v in demo_report.items() if k != "council"},
                     {k: v for k, v in dir_report.items() if k != "council"}, "", differences)
        for path, a, b in differences:
            print("DIFFERS %s: report --demo %s, report DIR %s" % (path, json.dumps(a), json.dumps(b)))
        print("demo report and report of its raw files: %s" %
              ("identical apart from the council" if not differences else "%d differences" % len(differences)))
        failed |= bool(differences)

        # 2. Every figure from the raw rows.
        notes = []
        ctx = Context(council_dir, DEMO_YEAR, DEMO_COUNCIL, rules, wd, notes)
        expected = {}
        for key, fn in FIGURES.items():
            expected[key] = fn(ctx)
        res = Result()
        compare(demo_report, expected, "", res)
        # The report of the directory names the directory as its council.
        if dir_report.get("council") != council_dir:
            res.mismatches.append(("council (report DIR)", dir_report.get("council"), council_dir))

    for n in notes:
        print("note: %s" % n)
    for path, got, want in res.mismatches:
        print("MISMATCH %s: report %s, recount %s" % (path, json.dumps(got), json.dumps(want)))
    for path in res.uncovered:
        print("not recomputed: %s" % path)
    if args.verbose:
        for path in res.unreported:
            print("recomputed, not in the report: %s" % path)
    print("%d figures: %d matched, %d mismatched, %d not recomputed" %
          (res.checked + len(res.uncovered), res.checked - len(res.mismatches), len(res.mismatches), len(res.uncovered)))
    failed |= bool(res.mismatches or res.uncovered)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
