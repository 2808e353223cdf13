"""The 1:1 ctypes layer over libiro.so: every function of iro.h, declared once in _SIGNATURES.

The library is looked for in this order, and the first that loads is used:

1. the file named by the environment variable IRO_LIBRARY; when it is set it is the only place tried, so
   a wrong path is an error rather than a silent switch to another copy of the library;
2. the copy bundled in the package by its wheel (make_wheel.py): iro/_lib/libiro.so.N, found relative to
   this file as $ORIGIN would be; the other libraries in iro/_lib (those libiro needs beyond the C and C++
   runtimes) are loaded first, so the dynamic linker takes them instead of looking for system copies;
3. beside the package in an installed tree: the package is installed to <prefix>/<libdir>/iro/python/iro
   and the library to <prefix>/<libdir>/libiro.so, or to <prefix>/<libdir>/<multiarch>/libiro.so;
4. ctypes.util.find_library("iro") (ldconfig's cache, then LD_LIBRARY_PATH).

Import fails with an ImportError listing every place tried when none loads, when the library's ABI
version is not the one this package was written for, or when the library lacks a function of iro.h.
"""
import ctypes
import ctypes.util
import os
import sysconfig
from ctypes import POINTER, c_char_p, c_int32, c_size_t, c_void_p
from pathlib import Path

#: The ABI version of iro.h this package was written for (IRO_ABI_VERSION).
ABI_VERSION = 2
#: IRO_DATE_MIN and IRO_DATE_MAX: the supported dates as days since 1970-01-01.
DATE_MIN_DAYS, DATE_MAX_DAYS = -25567, 84005
#: IRO_DATE_ISO_SIZE: bytes of "YYYY-MM-DD" with its NUL.
DATE_ISO_SIZE = 11
#: IRO_OK and the one status a size query answers with besides it.
OK, E_BUFFER_TOO_SMALL = 0, 5

_i32p = POINTER(c_int32)


class Holiday(ctypes.Structure):
    """struct iro_holiday of iro.h (field order and types must match)."""

    _fields_ = [("day", c_int32), ("kind", c_int32), ("substitute", c_int32), ("projected", c_int32),
                ("name", c_char_p)]


class ChildSchedule(ctypes.Structure):
    """struct iro_child_schedule of iro.h."""

    _fields_ = [(name, c_int32) for name in ("status", "reviews", "missed", "next_due", "next_number", "next_regime",
                                             "next_rule", "next_anchor", "overdue", "midway", "book_by",
                                             "report_due")]


class ReviewResult(ctypes.Structure):
    """struct iro_review_result of iro.h."""

    _fields_ = [(name, c_int32) for name in ("day", "number", "regime", "due", "rule", "anchor", "on_time",
                                             "days_late", "record_due", "participation")]


class MissedReview(ctypes.Structure):
    """struct iro_missed_review of iro.h."""

    _fields_ = [(name, c_int32) for name in ("due", "rule", "anchor", "regime")]


class DiffFigures(ctypes.Structure):
    """struct iro_diff_figures of iro.h."""

    _fields_ = [(name, ctypes.c_uint64) for name in ("children", "failed", "reviews", "in_time", "missed", "overdue")]


class IroLoad(ctypes.Structure):
    """struct iro_officer_load of iro.h."""

    _fields_ = [("officer", c_size_t), ("children", c_size_t), ("weighted", ctypes.c_double), ("per_fte", ctypes.c_double),
                ("weighted_per_fte", ctypes.c_double), ("band", c_int32), ("absent", c_int32)]


class TeamLoad(ctypes.Structure):
    """struct iro_team_load of iro.h."""

    _fields_ = [("day", c_int32), ("band", c_int32), ("officers", c_size_t), ("children", c_size_t),
                ("fte", ctypes.c_double), ("per_fte", ctypes.c_double), ("min_per_fte", ctypes.c_double),
                ("max_per_fte", ctypes.c_double), ("below", c_size_t), ("within", c_size_t), ("above", c_size_t)]


class AllocationAdvice(ctypes.Structure):
    """struct iro_allocation_advice of iro.h."""

    _fields_ = [("officer", c_size_t), ("per_fte_after", ctypes.c_double), ("band_after", c_int32), ("has_sibling", c_int32)]


class CoverMove(ctypes.Structure):
    """struct iro_cover_move of iro.h."""

    _fields_ = [("child", c_size_t), ("to", c_size_t)]


class ContinuityFigures(ctypes.Structure):
    """struct iro_continuity of iro.h."""

    _fields_ = [("children", c_size_t), ("kept_one_iro", c_size_t), ("changes", c_size_t)]


class DisputeState(ctypes.Structure):
    """struct iro_dispute_state of iro.h."""

    _fields_ = [(name, c_int32) for name in ("status", "stage", "raised", "stage_entered", "response_due",
                                             "formal_deadline", "closed", "cafcass_referred", "overdue")]


class DisputeFigures(ctypes.Structure):
    """struct iro_dispute_figures of iro.h."""

    _fields_ = [(name, c_size_t) for name in ("raised", "informal_raised", "became_formal", "resolved", "withdrawn",
                                              "cafcass", "open", "overdue")] + \
               [("median_working_days", ctypes.c_double), ("p90_working_days", ctypes.c_double)]


class ImportIssue(ctypes.Structure):
    """struct iro_import_issue of iro.h (the strings are owned by the casebook)."""

    _fields_ = [("file", c_char_p), ("line", c_size_t), ("column", c_char_p), ("message", c_char_p),
                ("rejected", c_int32)]


class ImportRows(ctypes.Structure):
    """struct iro_import_rows of iro.h (the file name is owned by the casebook)."""

    _fields_ = [("file", c_char_p), ("rows", c_size_t)]


class ReviewColumns(ctypes.Structure):
    """struct iro_review_columns of iro.h: caller arrays (NULL columns are skipped)."""

    _fields_ = [(name, POINTER(c_int32)) for name in ("child", "day", "number", "regime", "due", "rule", "anchor",
                                                       "on_time", "days_late", "record_due", "participation")]


class MissedColumns(ctypes.Structure):
    """struct iro_missed_columns of iro.h: caller arrays (NULL columns are skipped)."""

    _fields_ = [(name, POINTER(c_int32)) for name in ("child", "due", "rule", "anchor", "regime")]


class ReportSummary(ctypes.Structure):
    """struct iro_report_summary_info of iro.h (the council's name is owned by the report)."""

    _fields_ = [("council", c_char_p), ("year", c_int32), ("from_", c_int32), ("to", c_int32),
                ("children_refused", c_size_t), ("review_records_supplied", c_int32),
                ("midway_reviews_supplied", c_int32), ("roster_supplied", c_int32), ("disputes_supplied", c_int32)]


class ReportCell(ctypes.Structure):
    """struct iro_report_cell of iro.h (the strings are owned by the report)."""

    _fields_ = [("table", c_char_p), ("row", c_char_p), ("measure", c_char_p), ("text", c_char_p),
                ("number", ctypes.c_double), ("is_number", c_int32)]


class ReportFigure(ctypes.Structure):
    """struct iro_report_figure of iro.h (the name is owned by the report)."""

    _fields_ = [("name", c_char_p), ("count", ctypes.c_uint64), ("kind", c_char_p)]


class ReportRow(ctypes.Structure):
    """struct iro_report_row of iro.h (the strings are owned by the rows)."""

    _fields_ = [("child", c_char_p), ("date", c_int32), ("detail", c_char_p)]


# name: (restype, [argtypes]) for every IRO_API function of iro.h. tests/check_signatures.py compares this
# table with the header, so keep it a literal dict with one entry per function.
_SIGNATURES = {
    "iro_version_string": (c_char_p, []),
    "iro_version_number": (c_int32, []),
    "iro_abi_version": (c_int32, []),
    "iro_last_error_message": (c_char_p, []),
    "iro_status_name": (c_char_p, [c_int32]),
    "iro_date_check": (c_int32, [c_int32]),
    "iro_date_from_ymd": (c_int32, [c_int32, c_int32, c_int32, _i32p]),
    "iro_date_to_ymd": (c_int32, [c_int32, _i32p, _i32p, _i32p]),
    "iro_date_weekday": (c_int32, [c_int32, _i32p]),
    "iro_date_parse": (c_int32, [c_char_p, _i32p]),
    "iro_date_format": (c_int32, [c_int32, c_char_p, c_size_t, POINTER(c_size_t)]),
    "iro_date_add_days": (c_int32, [c_int32, c_int32, _i32p]),
    "iro_date_add_weeks": (c_int32, [c_int32, c_int32, _i32p]),
    "iro_date_add_months": (c_int32, [c_int32, c_int32, _i32p]),
    "iro_date_add_months_batch": (c_int32, [c_void_p, c_size_t, c_int32, c_void_p]),
    "iro_calendar_new_builtin": (c_int32, [c_char_p, POINTER(c_void_p)]),
    "iro_calendar_new_from_govuk_file": (c_int32, [c_char_p, c_char_p, POINTER(c_void_p)]),
    "iro_calendar_new_from_govuk_text": (c_int32, [c_char_p, c_size_t, c_char_p, POINTER(c_void_p)]),
    "iro_calendar_new_updated": (c_int32, [c_void_p, c_char_p, c_char_p, POINTER(c_void_p)]),
    "iro_calendar_new_with_closures": (c_int32, [c_void_p, c_void_p, c_size_t, c_char_p, POINTER(c_void_p)]),
    "iro_calendar_free": (None, [c_void_p]),
    "iro_calendar_info": (c_int32, [c_void_p, _i32p, _i32p, _i32p]),
    "iro_calendar_describe": (c_int32, [c_void_p, POINTER(c_char_p), POINTER(c_char_p)]),
    "iro_calendar_is_working_day": (c_int32, [c_void_p, c_int32, _i32p]),
    "iro_calendar_add_working_days": (c_int32, [c_void_p, c_int32, c_int32, _i32p]),
    "iro_calendar_add_working_days_batch": (c_int32, [c_void_p, c_void_p, c_size_t, c_int32, c_void_p]),
    "iro_calendar_working_days_between": (c_int32, [c_void_p, c_int32, c_int32, _i32p]),
    "iro_calendar_working_days_between_batch": (c_int32, [c_void_p, c_void_p, c_void_p, c_size_t, c_void_p]),
    "iro_calendar_next_working_day": (c_int32, [c_void_p, c_int32, _i32p]),
    "iro_calendar_previous_working_day": (c_int32, [c_void_p, c_int32, _i32p]),
    "iro_calendar_holidays": (c_int32, [c_void_p, c_int32, c_int32, POINTER(Holiday), c_size_t,
                                        POINTER(c_size_t)]),
    "iro_calendar_explain_add": (c_int32, [c_void_p, c_int32, c_int32, c_char_p, c_size_t, POINTER(c_size_t)]),
    "iro_policy_new_builtin": (c_int32, [c_char_p, POINTER(c_void_p)]),
    "iro_policy_new_with_overrides": (c_int32, [c_void_p, c_char_p, POINTER(c_void_p)]),
    "iro_policy_new_from_file": (c_int32, [c_char_p, POINTER(c_void_p)]),
    "iro_policy_describe": (c_int32, [c_void_p, POINTER(c_char_p), POINTER(c_char_p)]),
    "iro_policy_rule": (c_int32, [c_void_p, c_int32, c_int32, POINTER(c_char_p), POINTER(c_char_p)]),
    "iro_policy_add": (c_int32, [c_void_p, c_void_p, c_int32, c_int32, c_int32, POINTER(c_int32)]),
    "iro_policy_free": (None, [c_void_p]),
    "iro_children_new": (c_int32, [POINTER(c_void_p)]),
    "iro_children_free": (None, [c_void_p]),
    "iro_children_add": (c_int32, [c_void_p, c_char_p, c_int32, _i32p]),
    "iro_children_add_period": (c_int32, [c_void_p, c_int32, c_int32, c_int32, c_int32]),
    "iro_children_add_switch": (c_int32, [c_void_p, c_int32, c_int32, c_int32]),
    "iro_children_add_reviews": (c_int32, [c_void_p, c_void_p, c_void_p, c_void_p, c_void_p, c_size_t]),
    "iro_children_load_json": (c_int32, [c_void_p, c_char_p, POINTER(c_size_t)]),
    "iro_children_count": (c_int32, [c_void_p, POINTER(c_size_t)]),
    "iro_schedule_evaluate": (c_int32, [c_void_p, c_void_p, c_void_p, c_int32, POINTER(c_void_p)]),
    "iro_schedule_evaluate_into": (c_int32, [c_void_p, c_void_p, c_void_p, c_int32, c_void_p]),
    "iro_schedules_free": (None, [c_void_p]),
    "iro_schedules_summary": (c_int32, [c_void_p, POINTER(c_size_t), POINTER(c_size_t), POINTER(c_size_t)]),
    "iro_schedules_child": (c_int32, [c_void_p, c_size_t, POINTER(ChildSchedule)]),
    "iro_schedules_child_error": (c_int32, [c_void_p, c_size_t, POINTER(c_char_p)]),
    "iro_schedules_reviews": (c_int32, [c_void_p, c_size_t, POINTER(ReviewResult), c_size_t, POINTER(c_size_t)]),
    "iro_schedules_missed": (c_int32, [c_void_p, c_size_t, POINTER(MissedReview), c_size_t, POINTER(c_size_t)]),
    "iro_schedules_explain": (c_int32, [c_void_p, c_size_t, c_int32, c_char_p, c_size_t, POINTER(c_size_t)]),
    "iro_policy_diff_new": (c_int32, [c_void_p, c_void_p, c_void_p, c_void_p, c_int32, POINTER(c_void_p)]),
    "iro_policy_diff_free": (None, [c_void_p]),
    "iro_policy_diff_figures": (c_int32, [c_void_p, POINTER(DiffFigures), POINTER(DiffFigures)]),
    "iro_policy_diff_changed": (c_int32, [c_void_p, POINTER(c_size_t)]),
    "iro_policy_diff_change": (c_int32, [c_void_p, c_size_t, POINTER(c_size_t), POINTER(c_char_p)]),
    "iro_policy_diff_report": (c_int32, [c_void_p, c_char_p, c_size_t, POINTER(c_size_t)]),
    "iro_roster_new": (c_int32, [POINTER(c_void_p)]),
    "iro_roster_free": (None, [c_void_p]),
    "iro_roster_add_officer": (c_int32, [c_void_p, c_char_p, ctypes.c_double, c_int32, c_int32, c_int32, c_char_p]),
    "iro_roster_set_child": (c_int32, [c_void_p, c_char_p, c_int32, c_int32, c_char_p]),
    "iro_roster_add_allocation": (c_int32, [c_void_p, c_char_p, c_char_p, c_int32, c_int32]),
    "iro_roster_add_absence": (c_int32, [c_void_p, c_char_p, c_int32, c_int32]),
    "iro_roster_load_csv": (c_int32, [c_void_p, c_int32, c_char_p]),
    "iro_roster_counts": (c_int32, [c_void_p, POINTER(c_size_t), POINTER(c_size_t), POINTER(c_size_t)]),
    "iro_roster_id": (c_int32, [c_void_p, c_int32, c_size_t, POINTER(c_char_p)]),
    "iro_caseload_check": (c_int32, [c_void_p, c_void_p, c_int32, POINTER(IroLoad), c_size_t, POINTER(c_size_t),
                                     POINTER(TeamLoad)]),
    "iro_caseload_series": (c_int32, [c_void_p, c_void_p, c_int32, c_int32, POINTER(TeamLoad), c_size_t,
                                      POINTER(c_size_t)]),
    "iro_caseload_advise": (c_int32, [c_void_p, c_void_p, c_int32, c_char_p, c_char_p, POINTER(AllocationAdvice),
                                      c_size_t, POINTER(c_size_t)]),
    "iro_caseload_cover": (c_int32, [c_void_p, c_void_p, c_char_p, c_int32, c_int32, POINTER(CoverMove), c_size_t,
                                     POINTER(c_size_t), POINTER(ctypes.c_double)]),
    "iro_caseload_continuity": (c_int32, [c_void_p, c_int32, POINTER(ContinuityFigures)]),
    "iro_disputes_new": (c_int32, [c_void_p, c_void_p, POINTER(c_void_p)]),
    "iro_disputes_free": (None, [c_void_p]),
    "iro_disputes_add": (c_int32, [c_void_p, c_char_p, c_char_p, c_char_p, c_char_p]),
    "iro_disputes_add_event": (c_int32, [c_void_p, c_char_p, c_int32, c_int32, c_char_p]),
    "iro_disputes_load_csv": (c_int32, [c_void_p, c_char_p]),
    "iro_disputes_count": (c_int32, [c_void_p, POINTER(c_size_t)]),
    "iro_disputes_state": (c_int32, [c_void_p, c_char_p, c_int32, POINTER(DisputeState)]),
    "iro_disputes_stage_name": (c_int32, [c_void_p, c_int32, POINTER(c_char_p)]),
    "iro_disputes_figures": (c_int32, [c_void_p, c_int32, c_int32, POINTER(DisputeFigures)]),
    "iro_disputes_resolved_at": (c_int32, [c_void_p, c_int32, c_int32, POINTER(c_size_t), c_size_t, POINTER(c_size_t)]),
    "iro_casebook_new": (c_int32, [POINTER(c_void_p)]),
    "iro_casebook_free": (None, [c_void_p]),
    "iro_casebook_import_903": (c_int32, [c_void_p, c_char_p, c_int32, POINTER(c_size_t), POINTER(c_size_t)]),
    "iro_casebook_import_council": (c_int32, [c_void_p, c_char_p, c_void_p, c_void_p, c_int32, POINTER(c_size_t),
                                              POINTER(c_size_t)]),
    "iro_casebook_import_issues": (c_int32, [c_void_p, POINTER(ImportIssue), c_size_t, POINTER(c_size_t)]),
    "iro_casebook_import_rows": (c_int32, [c_void_p, POINTER(ImportRows), c_size_t, POINTER(c_size_t)]),
    "iro_casebook_synthesize": (c_int32, [c_void_p, ctypes.c_uint32, ctypes.c_uint32, ctypes.c_uint32, ctypes.c_uint64]),
    "iro_casebook_save": (c_int32, [c_void_p, c_char_p, c_int32]),
    "iro_casebook_load": (c_int32, [c_char_p, POINTER(c_void_p)]),
    "iro_casebook_counts": (c_int32, [c_void_p, POINTER(c_size_t), POINTER(c_size_t), POINTER(c_size_t)]),
    "iro_casebook_children": (c_int32, [c_void_p, POINTER(c_void_p)]),
    "iro_casebook_export": (c_int32, [c_void_p, c_void_p, c_void_p, c_int32, c_int32, c_char_p, c_size_t, POINTER(c_size_t)]),
    "iro_casebook_report": (c_int32, [c_void_p, c_void_p, c_void_p, c_int32, c_int32, c_char_p, c_size_t, POINTER(c_size_t)]),
    "iro_schedules_child_id": (c_int32, [c_void_p, c_size_t, POINTER(c_char_p)]),
    "iro_schedules_find": (c_int32, [c_void_p, c_char_p, POINTER(c_size_t)]),
    "iro_schedules_review_columns": (c_int32, [c_void_p, POINTER(ReviewColumns), c_size_t, POINTER(c_size_t)]),
    "iro_schedules_missed_columns": (c_int32, [c_void_p, POINTER(MissedColumns), c_size_t, POINTER(c_size_t)]),
    "iro_text_read": (c_int32, [c_void_p, POINTER(c_char_p), POINTER(c_size_t)]),
    "iro_text_free": (None, [c_void_p]),
    "iro_casebook_export_text": (c_int32, [c_void_p, c_void_p, c_void_p, c_int32, c_int32, POINTER(c_void_p)]),
    "iro_report_format_text": (c_int32, [c_void_p, c_int32, POINTER(c_void_p)]),
    "iro_report_new": (c_int32, [c_void_p, c_void_p, c_void_p, c_int32, POINTER(c_void_p)]),
    "iro_report_free": (None, [c_void_p]),
    "iro_report_summary": (c_int32, [c_void_p, POINTER(ReportSummary)]),
    "iro_report_cells": (c_int32, [c_void_p, POINTER(ReportCell), c_size_t, POINTER(c_size_t)]),
    "iro_report_figures": (c_int32, [c_void_p, POINTER(ReportFigure), c_size_t, POINTER(c_size_t)]),
    "iro_report_figure_count": (c_int32, [c_void_p, c_char_p, POINTER(ctypes.c_uint64)]),
    "iro_report_query": (c_int32, [c_void_p, c_char_p, POINTER(c_void_p)]),
    "iro_report_rows_read": (c_int32, [c_void_p, POINTER(ReportRow), c_size_t, POINTER(c_size_t)]),
    "iro_report_rows_free": (None, [c_void_p]),
    "iro_report_format": (c_int32, [c_void_p, c_int32, c_char_p, c_size_t, POINTER(c_size_t)]),
}


def _candidates():
    """Yields the paths to try, in order (see the module's docstring); None where find_library found
    nothing. A generator, so find_library (which may run ldconfig) runs only when it is needed."""
    env = os.environ.get("IRO_LIBRARY")
    if env:
        yield env
        return
    bundled = _bundled()
    if bundled is not None:
        yield bundled
    # Installed tree: <prefix>/<libdir>/iro/python/iro/_native.py with libiro.so in <prefix>/<libdir>.
    parents = Path(__file__).resolve().parents
    libdir = parents[3] if len(parents) > 3 else parents[-1]
    yield str(libdir / "libiro.so")
    multiarch = sysconfig.get_config_var("MULTIARCH")
    if multiarch:
        yield str(libdir / multiarch / "libiro.so")
    yield ctypes.util.find_library("iro")


def _bundled():
    """The path of the libiro a wheel bundled in iro/_lib, after loading the libraries bundled beside it
    (RTLD_GLOBAL, so libiro's needs are met by them); None when the package has no _lib directory."""
    directory = Path(__file__).resolve().parent / "_lib"
    if not directory.is_dir():
        return None
    libiro = sorted(p for p in directory.iterdir() if p.name.startswith("libiro.so"))
    for dependency in sorted(p for p in directory.iterdir() if ".so" in p.name and not p.name.startswith("libiro.so")):
        try:
            ctypes.CDLL(str(dependency), mode=ctypes.RTLD_GLOBAL)
        except OSError:
            pass  # reported when libiro itself fails to load
    return str(libiro[0]) if libiro else None


def _load():
    """(the loaded CDLL, its path), or ImportError naming every place tried."""
    tried = []
    for path in _candidates():
        if path is None:
            tried.append('ctypes.util.find_library("iro") (found nothing)')
            continue
        try:
            return ctypes.CDLL(path), path
        except OSError as e:
            tried.append(f"{path} ({e})")
    raise ImportError("iro: cannot load libiro.so; tried: " + "; ".join(tried) +
                      ". Set IRO_LIBRARY to the library's path.")


def _bind(library, path):
    """Checks the ABI version, then declares every function of _SIGNATURES on the library."""
    try:
        abi_version = library.iro_abi_version
    except AttributeError:
        raise ImportError(f"iro: {path} is not libiro: it has no iro_abi_version") from None
    abi_version.restype = c_int32
    abi_version.argtypes = []
    abi = abi_version()
    if abi != ABI_VERSION:
        raise ImportError(f"iro: {path} has ABI version {abi}, this package needs {ABI_VERSION}")
    for name, (restype, argtypes) in _SIGNATURES.items():
        try:
            function = getattr(library, name)
        except AttributeError:
            raise ImportError(f"iro: {path} has no {name}: the library is older than this package") from None
        function.restype = restype
        function.argtypes = argtypes


lib, library_path = _load()
_bind(lib, library_path)
