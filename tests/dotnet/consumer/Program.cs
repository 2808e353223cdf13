// The example of docs/dotnet.md "Installing from the package": a console program that uses the Iro package
// from a folder feed, with no LD_LIBRARY_PATH. The ctest dotnet_package_consumer builds and runs it.
using System;
using System.IO;
using System.Linq;
using Iro;

using var calendar = WorkingCalendar.Builtin();
using var policy = Policy.Builtin();
using var children = new Children();

// The first review: within 20 working days of the day the child became looked after (CPPCR 2010 reg 33(1)).
IroDate lookedAfter = IroDate.Parse("2024-03-25");
IroDate firstDue = calendar.AddWorkingDays(lookedAfter, 20);
Console.WriteLine($"first review due {firstDue}");                        // 2024-04-24

// One child, evaluated as of a day: the reviews held, judged, and the next one due.
int c = children.Add("C1", IroDate.Parse("2015-06-01"));
children.AddPeriod(c, lookedAfter);
children.AddSwitch(c, IroDate.Parse("2024-09-02"), Regime.AdoptionPlaced);
children.AddReviews(c, IroDate.Parse("2024-04-19"));
using var schedules = Schedules.Evaluate(children, policy, calendar, (IroDate)new DateOnly(2024, 12, 31));
ChildSchedule child = schedules.Child("C1");
foreach (ReviewResult review in schedules.Reviews(child.Index))
    Console.WriteLine($"{review.ChildId}: review {review.Number} held {review.Date}, due {review.Due}, on time {review.OnTime}");
DateOnly next = child.NextDue!.Value;
Console.WriteLine($"{child.Id}: next review due {next:yyyy-MM-dd} ({child.NextRule}), overdue {child.Overdue}");
Console.WriteLine(schedules.Explain(child.Index));

// Where the native libraries were loaded from (the package's runtimes folder, not the system's).
foreach (string path in File.ReadLines("/proc/self/maps").Where(l => l.Contains("libiro.so") || l.Contains("libboost_serialization"))
                                                         .Select(l => l.Substring(l.IndexOf('/'))).Distinct())
    Console.WriteLine("loaded " + path);
