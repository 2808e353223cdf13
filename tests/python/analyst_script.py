"""What a council analyst runs after `pip install iro-<version>-py3-none-linux_x86_64.whl`: no build tree, no
PYTHONPATH, no IRO_LIBRARY. Prints where iro and libiro were loaded from, then a first-review date, a synthetic
council evaluated, its review table in pandas and its annual report's month table; exits non-zero on any
surprise. Run by tests/python/check_wheel_install.py (ctest python_wheel_install)."""
import datetime
import sys

import iro

print("iro", iro.__version__, "from", iro.__file__)
print("libiro", iro.library_path())
print("loaded:", " ".join(sorted({line.split()[-1] for line in open("/proc/self/maps")
                                  if "libiro" in line or "boost" in line})))
with iro.Calendar.builtin() as cal, iro.Policy.builtin() as policy, iro.Casebook() as book:
    first = cal.add_working_days(datetime.date(2024, 3, 25), 20)
    print("first review due", first)
    book.synthesize(children=200, iros=4, years=2, seed=7)
    schedules = iro.evaluate(book.children(), policy, cal, datetime.date(2025, 3, 31))
    reviews = schedules.to_pandas()
    print(len(reviews), "reviews of", reviews["CHILD"].nunique(), "children; in time:",
          f"{reviews['on_time'].mean():.1%}")
    report = book.report(policy, cal, 2024)
    months = report.table("timeliness")
    print(months.tail(1).to_string())
    assert first == datetime.date(2024, 4, 24), first
    assert months.loc["Year", "due"] == report.figure("timeliness.year.due")
    assert len(reviews) == schedules.summary()[2] or len(reviews) > 0
print("analyst script: ok")
sys.exit(0)
