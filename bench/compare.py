#!/usr/bin/env python3
"""+20 working days over 1,000,000 random dates 2012-2027, every peer in one run, printed as a table.

Runs the Google Benchmark binary (iro batch from C++ and the C API, iro single calls, a day loop,
QuantLib's UnitedKingdom calendar) and times, in this process, iro's batch call from Python with numpy
arrays and numpy.busday_offset with the same holidays and roll='backward' (numpy's convention that gives
the statutory answer: a non-working anchor rolls back, then counts forward).

Usage: compare.py BUILD_DIR   (run through bench/run)
"""
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
N = 20
COUNT = 1_000_000


def best_of(fn, repeat):
    best = float("inf")
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


# The date columns of every CSV file of a council (iro synth's layout), by file, and their formats.
COUNCIL_DATES = {
    "header.csv": ["DOB"], "episodes.csv": ["DECOM", "DEC"], "reviews.csv": ["DOB", "REVIEW"],
    "placed_for_adoption.csv": ["DOB", "DATE_PLACED", "DATE_PLACED_CEASED"],
    "review_records.csv": ["REVIEW", "RECORD_SENT"], "midway_reviews.csv": ["MIDWAY"],
    "roster/iros.csv": ["start", "end"], "roster/children.csv": ["looked_after_since"],
    "roster/allocations.csv": ["from", "to"], "roster/absences.csv": ["from", "to"],
    "disputes/events.csv": ["date"],
}


def import_section(build):
    """iro reading a national-scale council (83,000 children, 1,400 IROs, 3 years) against pandas.read_csv
    of every one of its CSV files with their dates parsed, and `iro report` as a fresh process."""
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        council = Path(tmp) / "council"
        iro_bin = str(build / "bin" / "iro")
        subprocess.run([iro_bin, "synth", "--children", "83000", "--iros", "1400", "--years", "3",
                        "--out", str(council)], check=True, capture_output=True)
        files = sorted(p for p in council.rglob("*.csv"))
        megabytes = sum(p.stat().st_size for p in files) / 1e6
        raw = subprocess.run([str(build / "bin" / "bench_import"), str(council), "--benchmark_format=json"],
                             check=True, capture_output=True, text=True).stdout
        results = {b["name"]: b["real_time"] for b in json.loads(raw)["benchmarks"]}
        print(f"\nReading a council: 83,000 synthetic children, 1,400 IROs, 3 years ({len(files)} CSV files, "
              f"{megabytes:.1f} MB)\n")
        for name, label in (("import_903_return/1", "iro import_903_directory, 1 thread"),
                            ("import_903_return/0", "iro import_903_directory"),
                            ("import_council/1", "iro import_council, 1 thread"),
                            ("import_council/0", "iro import_council")):
            ms = next((v for k, v in results.items() if k.startswith(name + "/")), None)
            if ms is not None:
                size = megabytes if name.startswith("import_council") else sum(
                    p.stat().st_size for p in files if p.parent == council) / 1e6
                print(f"{label:40} {ms:9.1f} ms  {size / ms * 1e3:7.0f} MB/s")

        def iro_report():
            subprocess.run([iro_bin, "report", str(council), "--year", "2024", "--format", "html"], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        report_s, _ = best_of(iro_report, 3)
        print(f"{'iro report DIR --format html (process)':40} {report_s * 1e3:9.1f} ms  (read, compute, write the page)")
        try:
            import pandas as pd
        except ImportError:
            print("pandas.read_csv: not installed (apt install python3-pandas)")
        else:
            def pandas_read():
                for path in files:
                    name = path.relative_to(council).as_posix()
                    frame = pd.read_csv(path, dtype=str)
                    fmt = "%d/%m/%Y" if "/" not in name else "%Y-%m-%d"
                    for c in COUNCIL_DATES.get(name, []):
                        if c in frame:
                            frame[c] = pd.to_datetime(frame[c], format=fmt, errors="coerce")
            pandas_s, _ = best_of(pandas_read, 3)
            print(f"{'pandas.read_csv + to_datetime, all files':40} {pandas_s * 1e3:9.1f} ms  {megabytes / pandas_s:7.0f} MB/s"
                  f"  (reading only)")
            print(f"{'ratio pandas / iro report':40} {pandas_s / report_s:9.1f}x (iro's whole report against pandas' reading)")
            council_ms = next((v for k, v in results.items() if k.startswith("import_council/0/")), None)
            if council_ms:
                print(f"{'ratio pandas / iro import_council':40} {pandas_s * 1e3 / council_ms:9.1f}x")
        for name, ms in results.items():
            if name.startswith("casebook_save_load"):
                kind = "binary" if "/0/" in name else "text"
                print(f"{'casebook save + load (' + kind + ')':40} {ms:9.1f} ms")


def main(build):
    build = Path(build).resolve()
    os.environ.setdefault("IRO_LIBRARY", str(build / "lib" / "libiro.so"))
    sys.path.insert(0, str(ROOT / "capi" / "python"))
    import iro  # noqa: E402  (after the path is set)

    raw = subprocess.run([str(build / "bin" / "bench_calendar"), "--benchmark_format=json"],
                         check=True, capture_output=True, text=True).stdout
    rows = []
    for b in json.loads(raw)["benchmarks"]:
        # The counter is seconds per sum (Google Benchmark's inverted rate).
        rows.append((b["name"].split("/")[0], b["ns_per_sum"] * 1e9, int(b["differ"])))

    rng = np.random.default_rng(20120101)
    lo = np.datetime64("2012-01-01", "D").astype(np.int64)
    hi = np.datetime64("2027-11-30", "D").astype(np.int64)
    days32 = rng.integers(lo, hi + 1, size=COUNT).astype(np.int32)
    dates = days32.astype("datetime64[D]")

    cal = iro.Calendar.builtin("england-and-wales")
    holidays = np.array([h.date for h in cal.holidays(iro.from_days(int(lo)), iro.from_days(int(hi) + 60))],
                        dtype="datetime64[D]")

    t_numpy, expect = best_of(lambda: np.busday_offset(dates, N, roll="backward", holidays=holidays), 5)
    t_iro_dt, got_dt = best_of(lambda: cal.add_working_days(dates, N), 20)
    t_iro_i32, got_i32 = best_of(lambda: cal.add_working_days(days32, N), 20)
    rows.append(("iro_batch_python_datetime64", t_iro_dt / COUNT * 1e9, int(np.count_nonzero(got_dt != expect))))
    rows.append(("iro_batch_python_int32", t_iro_i32 / COUNT * 1e9,
                 int(np.count_nonzero(np.asarray(got_i32).astype("datetime64[D]") != expect))))
    rows.append(("numpy_busday_offset", t_numpy / COUNT * 1e9, 0))

    numpy_ns = t_numpy / COUNT * 1e9
    print(f"+{N} working days, {COUNT:,} random dates 2012-2027, England and Wales (one run)\n")
    print(f"{'implementation':34} {'ns per sum':>12} {'vs numpy':>15} {'answers differing':>18}")
    for name, ns, differ in sorted(rows, key=lambda r: r[1]):
        ratio = numpy_ns / ns
        if name == "numpy_busday_offset":
            speed = "baseline"
        else:
            speed = f"{ratio:.1f}x faster" if ratio >= 1 else f"{1 / ratio:.1f}x slower"
        print(f"{name:34} {ns:12.2f} {speed:>15} {differ:18d}")
    print("\n'answers differing' counts results that differ from numpy's (Python rows) or iro's (C++ rows).")

    raw = subprocess.run([str(build / "bin" / "bench_schedule"), "--benchmark_format=json"],
                         check=True, capture_output=True, text=True).stdout
    print("\nReview schedules: 1,000,000 synthetic children (about 5 reviews each) through the C API, one core\n")
    print(f"{'call':34} {'ms per run':>12} {'reviews per second':>20}")
    for b in json.loads(raw)["benchmarks"]:
        print(f"{b['name'].split('/')[0]:34} {b['real_time']:12.0f} {b['reviews_per_second'] / 1e6:17.2f} M")

    raw = subprocess.run([str(build / "bin" / "bench_caseload"), "--benchmark_format=json"],
                         check=True, capture_output=True, text=True).stdout
    print("\nCaseloads: 2,000 IROs, 83,000 children, allocations over 3 years\n")
    for b in json.loads(raw)["benchmarks"]:
        print(f"{b['name']:34} {b['real_time']:9.2f} ms")

    import_section(build)

    raw = subprocess.run([str(build / "bin" / "bench_dispute"), "--benchmark_format=json"],
                         check=True, capture_output=True, text=True).stdout
    print("\nDisputes: 100,000 disputes with 500,000 events\n")
    for b in json.loads(raw)["benchmarks"]:
        print(f"{b['name']:34} {b['real_time']:9.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ROOT / "build"))
