// Tests of the C# wrapper (capi/dotnet) under mono. A small runner: every public static void method
// of Tests whose name starts with "Test" is a test; prints "N passed, M failed" and exits non-zero on failure.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Iro;

public static class Tests
{
    static string dataDir;
    static HashSet<int> published;

    static void Equal<T>(T expected, T actual, string what = "")
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
            throw new Exception("expected " + expected + ", got " + actual + (what == "" ? "" : " (" + what + ")"));
    }

    static void True(bool condition, string what)
    {
        if (!condition) throw new Exception("not true: " + what);
    }

    static TException Throws<TException>(Action action) where TException : Exception
    {
        try { action(); }
        catch (TException e) { return e; }
        catch (Exception e) { throw new Exception("expected " + typeof(TException).Name + ", got " + e.GetType().Name + ": " + e.Message); }
        throw new Exception("expected " + typeof(TException).Name + ", nothing thrown");
    }

    static IroDate D(string text) { return IroDate.Parse(text); }

    static bool Working(int day)
    {
        int weekday = ((day % 7) + 7 + 3) % 7;  // 0 = Monday
        return weekday < 5 && !published.Contains(day);
    }

    static int LoopAdd(int day, int n)
    {
        int step = n < 0 ? -1 : 1, counted = 0;
        while (counted != n) { day += step; if (Working(day)) counted += step; }
        return day;
    }

    static int LoopBetween(int a, int b)
    {
        int count = 0;
        for (int d = a + 1; d <= b; d++) if (Working(d)) count++;
        for (int d = b + 1; d <= a; d++) if (Working(d)) count--;
        return count;
    }

    public static void TestPolicyAddCountsAsThePolicyCounts()
    {
        using (var england = Policy.Builtin())
        using (var dayOne = england.WithOverrides("{\"anchor_day_counts\": true}"))
        using (var cal = Calendar.Builtin())
        {
            Equal(D("2024-01-24"), england.Add(cal, D("2023-12-22"), 20));
            Equal(D("2024-01-23"), dayOne.Add(cal, D("2023-12-22"), 20));
            Equal(D("2024-04-30"), england.Add(cal, D("2024-01-31"), 3, IntervalUnit.Months));
            Throws<Iro.OutOfRangeException>(() => england.Add(cal, D("2199-12-20"), 20));
            Throws<ArgumentNullException>(() => england.Add(null, D("2024-01-01"), 1));
        }
    }

    public static void TestVersionAndAbi()
    {
        Equal(Library.ExpectedAbiVersion, Library.AbiVersion);
        True(Regex.IsMatch(Library.Version, @"^\d+\.\d+\.\d+$"), "version " + Library.Version);
    }

    public static void TestMonthsFollowTheCorrespondingDateRule()
    {
        Equal(D("2025-02-28"), D("2024-08-31").AddMonths(6));
        Equal(D("2024-08-29"), D("2024-02-29").AddMonths(6));
        Equal(D("2024-09-30"), D("2024-09-02").AddWeeks(4));
        Equal("2025-02-28", D("2024-08-31").AddMonths(6).ToString());
        var batch = IroDate.AddMonths(new[] { D("2024-08-31"), D("2023-01-31") }, 3);
        Equal(D("2024-11-30"), batch[0]);
        Equal(D("2023-04-30"), batch[1]);
    }

    public static void TestFieldsWeekdayAndDateTime()
    {
        var d = IroDate.FromYmd(2024, 3, 25);
        Equal(19807, d.Days);
        Equal(2024, d.Year);
        Equal(3, d.Month);
        Equal(25, d.Day);
        Equal(DayOfWeek.Monday, d.DayOfWeek);
        Equal(DayOfWeek.Sunday, D("2024-03-24").DayOfWeek);
        Equal(new DateTime(2024, 3, 25), d.ToDateTime());
        Equal(d, IroDate.FromDateTime(new DateTime(2024, 3, 25, 15, 0, 0)));
        True(D("2024-01-01") < D("2024-01-02"), "order");
        Equal(29, D("2024-03-01") - D("2024-02-01"));
        Equal("1900-01-01", IroDate.MinValue.ToString());
        Equal("2199-12-31", IroDate.MaxValue.ToString());
    }

    public static void TestBadDatesThrowTheSpecificException()
    {
        True(Throws<InvalidDateException>(() => IroDate.Parse("2023-02-29")).Message.Contains("\"2023-02-29\""), "message names the value");
        Throws<InvalidDateException>(() => IroDate.Parse("2024-13-01"));
        Throws<ParseException>(() => IroDate.Parse(" 2024-01-01"));
        var e = Throws<ParseException>(() => IroDate.Parse("2024-1-1"));
        Equal("IRO_E_PARSE", e.StatusName);
        Equal(4, e.Status);
        Throws<OutOfRangeException>(() => IroDate.Parse("1899-12-31"));
        Throws<OutOfRangeException>(() => IroDate.FromYmd(2200, 1, 1));
        Throws<InvalidDateException>(() => IroDate.FromYmd(2023, 2, 29));
        Throws<OutOfRangeException>(() => IroDate.MaxValue.AddDays(1));
        Throws<OutOfRangeException>(() => IroDate.FromDays(84006));
        Throws<ArgumentException>(() => IroDate.Parse("2024-01-01\0x"));
        Throws<ArgumentNullException>(() => IroDate.Parse(null));
    }

    public static void TestEveryStatusMapsToItsException()
    {
        var expected = new Dictionary<int, Type> {
            {1, typeof(InvalidArgumentException)}, {2, typeof(Iro.OutOfRangeException)}, {3, typeof(InvalidDateException)},
            {4, typeof(ParseException)}, {5, typeof(BufferTooSmallException)}, {6, typeof(NotFoundException)},
            {7, typeof(IoException)}, {8, typeof(NoMemoryException)}, {9, typeof(RuleViolationException)},
            {10, typeof(InternalException)}, {42, typeof(IroException)} };
        foreach (var pair in expected)
        {
            var e = Errors.ToException(pair.Key, "m");
            Equal(pair.Value, e.GetType(), "status " + pair.Key);
            Equal(pair.Key, e.Status);
        }
        Equal("IRO_E_UNKNOWN", Errors.ToException(42, "m").StatusName);
    }

    public static void TestCalendarAgainstTheDayLoop()
    {
        using (var cal = Calendar.Builtin())
        {
            var rng = new Random(20240325);
            int lo = D("2012-02-01").Days, hi = D("2027-10-31").Days;
            var days = new int[3000];
            var ns = new int[days.Length];
            for (int i = 0; i < days.Length; i++) { days[i] = rng.Next(lo, hi + 1); ns[i] = rng.Next(-25, 26); }
            for (int i = 0; i < days.Length; i++)
                Equal(LoopAdd(days[i], ns[i]), cal.AddWorkingDays(IroDate.FromDays(days[i]), ns[i]).Days, "single " + days[i] + " + " + ns[i]);
            var batch = cal.AddWorkingDays(days, 20);
            for (int i = 0; i < days.Length; i++) Equal(LoopAdd(days[i], 20), batch[i], "batch " + days[i]);
            var reversed = days.Reverse().ToArray();
            var counts = cal.WorkingDaysBetween(days, reversed);
            for (int i = 0; i < days.Length; i++)
            {
                Equal(LoopBetween(days[i], reversed[i]), counts[i], "between " + days[i] + " " + reversed[i]);
                if (i < 300) Equal(counts[i], cal.WorkingDaysBetween(IroDate.FromDays(days[i]), IroDate.FromDays(reversed[i])));
            }
            var dates = cal.AddWorkingDays(new[] { D("2024-03-25"), D("2022-09-05") }, 20);
            Equal(D("2024-04-24"), dates[0]);
            Equal(D("2022-10-04"), dates[1]);
        }
    }

    public static void TestNamedDaysHolidaysAndExplanation()
    {
        using (var cal = Calendar.Builtin("england-and-wales"))
        {
            True(!cal.IsWorkingDay(D("2022-09-19")), "state funeral");
            True(!cal.IsWorkingDay(D("2023-05-08")), "coronation");
            True(!cal.IsWorkingDay(D("2022-12-27")), "Christmas substitute");
            Equal(D("2023-05-09"), cal.NextWorkingDay(D("2023-05-06")));
            Equal(D("2023-05-05"), cal.PreviousWorkingDay(D("2023-05-08")));
            var listed = cal.Holidays(D("2012-01-01"), D("2027-12-31"));
            Equal(published.Count, listed.Count);
            True(listed.All(h => published.Contains(h.Date.Days)), "every listed day is published");
            var funeral = listed.First(h => h.Date == D("2022-09-19"));
            Equal("Bank Holiday for the State Funeral of Queen Elizabeth II", funeral.Name);
            Equal(HolidayKind.BankHoliday, funeral.Kind);
            True(listed.First(h => h.Date == D("2022-12-27")).IsSubstitute, "substitute flag");
            True(cal.Holidays(D("2030-01-01"), D("2030-12-31")).All(h => h.IsProjected), "2030 projected");
            Equal(2027, cal.ConfirmedThrough);
            Equal(D("1970-01-01"), cal.First);
            Equal(D("2199-12-31"), cal.Last);
            Equal("england-and-wales", cal.Division);
            True(cal.Explain(D("2023-04-28"), 20).Contains("2023-05-08 Bank holiday for the coronation of King Charles III"), "explain");
        }
    }

    public static void TestSourcesClosuresAndUpdates()
    {
        string file = Path.Combine(dataDir, "bank-holidays.json");
        using (var cal = Calendar.Builtin())
        using (var council = cal.WithClosures(new[] { D("2022-12-28"), D("2022-12-29"), D("2022-12-30") }, "Christmas closure"))
        using (var govuk = Calendar.FromGovukFile(file))
        using (var fromText = Calendar.FromGovukText(File.ReadAllText(file)))
        using (var updated = cal.Updated(file))
        {
            Equal(D("2023-01-17"), council.AddWorkingDays(D("2022-12-12"), 20));
            Equal(D("2023-01-12"), cal.AddWorkingDays(D("2022-12-12"), 20));
            Equal(HolidayKind.Closure, council.Holidays(D("2022-12-28"), D("2022-12-28"))[0].Kind);
            Equal(D("2012-01-01"), govuk.First);
            Equal(D("2027-12-31"), govuk.Last);
            True(!fromText.IsWorkingDay(D("2023-05-08")), "from text");
            True(updated.Source.Contains("updated from"), updated.Source);
            Throws<Iro.OutOfRangeException>(() => govuk.AddWorkingDays(D("2028-01-05"), 1));
        }
        True(Throws<NotFoundException>(() => Calendar.Builtin("scotland")).Message.Contains("england-and-wales"), "lists built-in");
        Throws<IoException>(() => Calendar.FromGovukFile(Path.Combine(dataDir, "missing.json")));
        True(Throws<ParseException>(() => Calendar.FromGovukText("{\"england-and-wales\": {\"events\": [")).Message.Contains("<text>:1:"), "line and column");
    }

    public static void TestBatchErrorsAndDisposal()
    {
        var cal = Calendar.Builtin();
        var e = Throws<Iro.OutOfRangeException>(() => cal.AddWorkingDays(new[] { D("2024-01-02").Days, D("1960-01-04").Days }, 5));
        True(e.Message.Contains("item 1"), e.Message);
        Throws<ArgumentException>(() => cal.WorkingDaysBetween(new int[2], new int[1]));
        Equal(0, cal.AddWorkingDays(new int[0], 5).Length);
        cal.Dispose();
        cal.Dispose();
        Throws<ObjectDisposedException>(() => cal.IsWorkingDay(D("2024-01-02")));
    }

    public static void TestSchedulesForManyChildren()
    {
        using (var calendar = Calendar.Builtin())
        using (var policy = Policy.Builtin())
        using (var children = new Children())
        {
            int a = children.Add("A", D("2015-06-01"));
            children.AddPeriod(a, D("2024-01-08"));
            children.AddSwitch(a, D("2024-09-02"), Regime.AdoptionPlaced);
            int bad = children.Add("BAD");
            children.AddPeriod(bad, D("2024-03-25"));
            children.AddReviews(new[] { a, a, bad }, new[] { D("2024-02-02").Days, D("2024-09-25").Days, D("2023-01-01").Days }, new[] { 1, 2, -1 }, null);
            Equal(2, children.Count);
            using (var s = Schedules.Evaluate(children, policy, calendar, D("2024-12-31")))
            {
                Equal(2, s.Count);
                Equal(1, s.Failed);
                Equal(2L, s.ReviewsJudged);
                var first = s.Child(a);
                True(first.Error == null, "child A evaluated");
                Equal(D("2024-12-25"), first.NextDue.Value);
                Equal(Regime.AdoptionPlaced, first.NextRegime.Value);
                Equal(DueRule.AdoptionPlacedSecond, first.NextRule.Value);
                True(first.Overdue, "overdue");
                var reviews = s.Reviews(a);
                Equal(2, reviews.Count);
                Equal(D("2024-09-30"), reviews[1].Due);
                Equal(1, reviews[1].Number);
                Equal(2, reviews[1].Participation);
                var missed = s.Missed(a);
                Equal(D("2024-05-02"), missed[0].Due);
                Equal(Regime.Standard, missed[0].Regime);
                True(s.Explain(a, 1).Contains("AAR 2005 reg 36(3)(a)"), s.Explain(a, 1));
                var failed = s.Child(bad);
                True(failed.Error is InvalidArgumentException, "per-child error");
                True(failed.Error.Message.Contains("outside every period"), failed.Error.Message);
                Throws<NotFoundException>(() => s.Explain(bad));
                s.Reevaluate(children, policy, calendar, D("2024-04-01"));
                Equal(D("2024-05-02"), s.Child(a).NextDue.Value);
            }
            using (var days = policy.WithOverrides("{\"interval_unit\": \"days\"}"))
            using (var s = Schedules.Evaluate(children, days, calendar, D("2024-04-01")))
                Equal(D("2024-05-03"), s.Child(a).NextDue.Value);  // 2024-02-02 + 91 days
            Throws<ParseException>(() => policy.WithOverrides("{\"interval_unit\": \"weeks\"}"));
            Throws<NotFoundException>(() => children.AddPeriod(7, D("2024-01-01")));
            Throws<ArgumentException>(() => children.AddReviews(new[] { a }, new int[0]));
        }
    }

    public static void TestPolicyRuleGivesTheCitationAndWording()
    {
        Equal(9, (int)DueRule.Returned);
        Equal(10, (int)DueRule.ShortBreaksSecond);
        Equal(11, (int)DueRule.ReturnedLocal);
        var expected = new Dictionary<DueRule, string[]> {
            {DueRule.StandardFirst, new[] {"CPPCR 2010 reg 33(1)", "first review within 20 working days of the day the child became looked after"}},
            {DueRule.StandardSecond, new[] {"CPPCR 2010 reg 33(2)", "second review not more than 3 months after the first"}},
            {DueRule.StandardSubsequent, new[] {"CPPCR 2010 reg 33(2)", "review not more than 6 months after the previous one"}},
            {DueRule.ShortBreaksFirst, new[] {"CPPCR 2010 reg 48(3)", "first review within 3 months of the start of the first short break"}},
            {DueRule.ShortBreaksSubsequent, new[] {"CPPCR 2010 reg 48(3)", "review not more than 6 months after the previous one"}},
            {DueRule.AdoptionPlacedFirst, new[] {"AAR 2005 reg 36(3)(a)", "first review not more than 4 weeks after the child was placed for adoption"}},
            {DueRule.AdoptionPlacedSecond, new[] {"AAR 2005 reg 36(3)(b)", "second review not more than 3 months after the first"}},
            {DueRule.AdoptionPlacedSubsequent, new[] {"AAR 2005 reg 36(3)(c)", "review not more than 6 months after the previous one"}},
            {DueRule.AdoptionAuthorised, new[] {"AAR 2005 reg 36(1)(a)", "review not more than 3 months after the date on which the agency first had authority to place the child for adoption"}},
            {DueRule.Returned, new[] {"CPPCR 2010 reg 33(2)", "review not more than 6 months after the previous one"}},
            {DueRule.ShortBreaksSecond, new[] {"CPPCR 2010 reg 48(3)", "second review not more than 6 months after the first"}} };
        var policy = Policy.Builtin();
        foreach (var pair in expected)
        {
            RuleStep step = policy.Rule(pair.Key, D("2024-01-01"));
            Equal(pair.Value[0], step.Cite, pair.Key.ToString());
            Equal(pair.Value[1], step.Text, pair.Key.ToString());
        }
        // The anchor picks the version in force: the 1991 regulations before 1 April 2011.
        Equal("Review of Children's Cases Regulations 1991 reg 3", policy.Rule(DueRule.StandardFirst, D("2011-03-31")).Cite);
        Equal("first review within 4 weeks of the day the child became looked after", policy.Rule(DueRule.StandardFirst, D("2011-03-31")).Text);
        Equal("CPPCR 2010 reg 33(1)", policy.Rule(DueRule.StandardFirst, D("2011-04-01")).Cite);
        // The strings are copies: reading them many times, and after a collection, gives the same text.
        for (int i = 0; i < 1000; i++) Equal("CPPCR 2010 reg 33(2)", policy.Rule(DueRule.Returned, D("2024-01-01")).Cite);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Equal("CPPCR 2010 reg 33(2)", policy.Rule(DueRule.StandardSecond, D("2024-01-01")).Cite);
        True(Throws<InvalidArgumentException>(() => policy.Rule(DueRule.ReturnedLocal, D("2024-01-01"))).Message.Contains("sets no review after a return"), "no local review under England");
        Throws<InvalidArgumentException>(() => policy.Rule((DueRule)12, D("2024-01-01")));
        Throws<InvalidArgumentException>(() => policy.Rule((DueRule)(-1), D("2024-01-01")));
        policy.Dispose();
        Throws<ObjectDisposedException>(() => policy.Rule(DueRule.StandardFirst, D("2024-01-01")));
    }

    static int ReturnedChild(Children children)
    {
        int c = children.Add("RETURNED");
        children.AddPeriod(c, D("2023-01-09"));
        children.AddSwitch(c, D("2023-09-04"), Regime.AdoptionPlaced);
        children.AddSwitch(c, D("2024-02-05"), Regime.Standard);  // the prospective adopter returned the child
        children.AddReviews(new[] { c, c, c, c }, new[] { D("2023-02-01").Days, D("2023-05-01").Days, D("2023-09-20").Days, D("2024-03-01").Days });
        return c;
    }

    public static void TestAReturnToTheAgencyAndALocalReview()
    {
        using (var calendar = Calendar.Builtin())
        using (var england = Policy.Builtin())
        using (var children = new Children())
        {
            int c = ReturnedChild(children);
            using (var s = Schedules.Evaluate(children, england, calendar, D("2024-12-31")))
            {
                var reviews = s.Reviews(c);
                Equal(DueRule.Returned, reviews[3].Rule);
                Equal(1, reviews[3].Number);
                Equal(D("2024-03-20"), reviews[3].Due);  // 6 months after the review of 2023-09-20: no new first review
                Equal("CPPCR 2010 reg 33(2)", england.Rule(reviews[3].Rule, reviews[3].Anchor).Cite);
                Equal("AAR 2005 reg 36(3)(a)", england.Rule(reviews[2].Rule, reviews[2].Anchor).Cite);
                Equal(DueRule.Returned, s.Child(c).NextRule.Value);
                Equal(DueRule.AdoptionPlacedSecond, s.Missed(c)[0].Rule);
                True(s.Explain(c, 3).Contains("returned to the agency"), s.Explain(c, 3));
            }
            string file = Path.GetTempFileName();
            try
            {
                File.WriteAllText(file, "{\"format\": \"iro-policy/1\", \"id\": \"local\", \"extends\": \"england\", \"regimes\": " +
                                        "{\"return_to_agency\": {\"review\": {\"value\": 28, \"unit\": \"days\", \"cite\": \"Local procedure 4.2\"}}}}");
                using (var local = Policy.FromFile(file))
                using (var s = Schedules.Evaluate(children, local, calendar, D("2024-12-31")))
                {
                    RuleStep step = local.Rule(DueRule.ReturnedLocal, D("2024-02-05"));
                    Equal("Local procedure 4.2", step.Cite);
                    Equal("review within 28 days of the child's return to the agency (local procedure)", step.Text);
                    var after = s.Reviews(c)[3];
                    Equal(DueRule.ReturnedLocal, after.Rule);
                    Equal(D("2024-03-04"), after.Due);  // the earlier of 28 days after the return and 2024-03-20
                    Equal(D("2024-02-05"), after.Anchor);
                }
            }
            finally { File.Delete(file); }
        }
    }

    public static void TestExplainSaysWhyNothingIsOwed()
    {
        using (var calendar = Calendar.Builtin())
        using (var policy = Policy.Builtin())
        using (var children = new Children())
        {
            int left = children.Add("LEFT");
            children.AddPeriod(left, D("2024-01-08"), D("2024-06-03"));
            int adult = children.Add("ADULT", D("2006-07-01"));
            children.AddPeriod(adult, D("2023-01-09"));
            int later = children.Add("LATER");
            children.AddPeriod(later, D("2025-03-01"));
            int bad = children.Add("BAD");
            children.AddPeriod(bad, D("2024-01-08"));
            children.AddReviews(new[] { left, adult, bad }, new[] { D("2024-02-01").Days, D("2023-02-01").Days, D("2024-02-01").Days },
                                new[] { 1, 1, 1 }, new[] { 0, 0, 1 });
            using (var s = Schedules.Evaluate(children, policy, calendar, D("2024-12-31")))
            {
                True(!s.Child(left).NextDue.HasValue, "no next review after leaving care");
                Equal("Nothing is owed: the child stopped being looked after on 2024-06-03 (the first day out of care); a chain that ends on or before a due date owes nothing for it.", s.Explain(left));
                True(s.Explain(adult).Contains("the child turned 18 on 2024-07-01"), s.Explain(adult));
                True(s.Explain(later, -1).Contains("no period of care has started"), s.Explain(later));
                True(s.Explain(left, 0).Contains("CPPCR 2010 reg 33(1)"), s.Explain(left, 0));
                // A cancelled review with a participation code: the child is refused, and Explain says so.
                True(s.Child(bad).Error is InvalidArgumentException, "cancelled review with a code refused");
                True(Throws<NotFoundException>(() => s.Explain(bad)).Message.Contains("on a cancelled review"), "explain gives the child's error");
                Throws<NotFoundException>(() => s.Explain(left, 1));
            }
        }
    }

    public static void TestChildrenFromJson()
    {
        using (var calendar = Calendar.Builtin())
        using (var policy = Policy.Builtin())
        using (var children = new Children())
        {
            Equal(3, children.LoadJson(Path.Combine(dataDir, "children.json")));
            using (var s = Schedules.Evaluate(children, policy, calendar, D("2024-12-31")))
                Equal(D("2025-01-26"), s.Child(0).NextDue.Value);
            Throws<IoException>(() => children.LoadJson(Path.Combine(dataDir, "missing.json")));
        }
    }

    public static void TestPolicyFilesAndDiffs()
    {
        string examples = Path.Combine(dataDir, "..", "..", "examples", "policies");
        using (var calendar = Calendar.Builtin())
        using (var england = Policy.Builtin())
        using (var hounslow = Policy.FromFile(Path.Combine(examples, "hounslow.json")))
        using (var children = new Children())
        {
            Equal("hounslow", hounslow.Id);
            True(hounslow.Source.Contains("hounslow.json"), hounslow.Source);
            int c = children.Add("B");
            children.AddPeriod(c, D("2024-03-25"));
            children.AddReviews(new[] { c }, new[] { D("2024-04-22").Days });
            using (var diff = PolicyDiff.Compute(children, england, hounslow, calendar, D("2024-05-01")))
            {
                Equal(1L, diff.Current.Reviews);
                Equal(1L, diff.Proposed.InTime);
                var changes = diff.Changes();
                Equal(1, changes.Count);
                Equal("review 1 held 2024-04-22: record due 2024-05-21 -> 2024-05-14", changes[0].Changes[0]);
                True(diff.Report().Contains("england -> hounslow"), diff.Report());
            }
        }
        True(Throws<InvalidArgumentException>(() => Policy.FromFile(Path.Combine(dataDir, "policies", "cycle-a.json"))).Message.Contains("a cycle of extends"), "cycle");
    }

    public static void TestCaseloads()
    {
        using (var policy = Policy.Builtin())
        using (var roster = new Roster())
        {
            roster.LoadDirectory(Path.Combine(dataDir, "roster"));
            var counts = roster.Counts();
            Equal(4L, counts[0]);
            Equal(9L, counts[2]);
            TeamLoad team;
            var loads = roster.Check(policy, D("2024-03-15"), out team);
            Equal("B", loads[1].Iro);
            Equal(4.0, loads[1].PerFte);
            True(loads[2].Absent, "C absent");
            Equal(7L, team.Children);
            Equal(Band.Below, team.Band);
            Equal(3, roster.Series(policy, D("2024-01-10"), D("2024-03-05")).Count);
            Equal("C", roster.Advise(policy, D("2024-04-15"), "S1")[0]);
            double worst;
            var moves = roster.Cover(policy, "C", D("2024-03-01"), D("2024-03-31"), out worst);
            Equal("K6", moves[2].Key);
            Equal("D", moves[2].Value);
            Equal(4.0, worst);
            Equal(7L, roster.Continuity(D("2024-03-15"))[1]);
            True(Throws<InvalidArgumentException>(() => roster.AddIro("Z", 0.0)).Message.Contains("fte"), "fte");
            Throws<NotFoundException>(() => roster.AddAllocation("K9", "Q", D("2024-02-01")));
        }
    }

    public static void TestDisputes()
    {
        using (var calendar = Calendar.Builtin())
        using (var policy = Policy.Builtin())
        using (var reg = new Disputes(policy, calendar))
        {
            reg.LoadCsv(Path.Combine(dataDir, "disputes", "events.csv"));
            Equal(5, reg.Count);
            var s = reg.State("D1", D("2025-01-20"));
            Equal(DisputeStatus.Resolved, s.Status);
            Equal("director", s.Stage);
            Equal(D("2025-01-20"), s.FormalDeadline.Value);
            True(reg.State("D3", D("2025-02-03")).Overdue, "D3 overdue");
            Dictionary<string, long> resolvedAt;
            double median;
            var f = reg.Figures(D("2025-01-01"), D("2025-03-31"), out resolvedAt, out median);
            Equal(4L, f[0]);
            Equal(1L, resolvedAt["director"]);
            Equal(8.5, median);
            reg.Add("D9", "K9", "A");
            reg.Event("D9", D("2025-02-03"), DisputeAction.Raise);
            True(Throws<RuleViolationException>(() => reg.Event("D9", D("2025-02-04"), DisputeAction.Raise)).Message.Contains("already raised"), "second raise");
            Throws<NotFoundException>(() => reg.Event("D9", D("2025-02-04"), DisputeAction.Escalate, "board"));
        }
    }

    public static void TestCasebooks()
    {
        string path = Path.Combine(Path.GetTempPath(), "iro-dotnet-book.cbk");
        using (var book = new Casebook())
        {
            True(book.Import903(Path.Combine(dataDir, "903-sample")) > 0, "the sample's rejected rows");
            long children = book.Counts()[0];
            True(children > 2500, "children " + children);
            Throws<ParseException>(() => book.Import903(Path.Combine(dataDir, "903-sample"), true));
            book.Save(path);
            using (var loaded = Casebook.Load(path))
            using (var calendar = Calendar.Builtin())
            using (var policy = Policy.Builtin())
            using (var set = loaded.Children())
            using (var s = Schedules.Evaluate(set, policy, calendar, D("2016-03-31")))
            {
                Equal(children, loaded.Counts()[0]);
                Equal((int)children, s.Count);
                True(loaded.Export(policy, calendar, D("2016-03-31")).StartsWith("child_id,kind,number"), "csv export");
                True(loaded.Export(policy, calendar, D("2016-03-31"), ExportFormat.Reviews903).StartsWith("CHILD,DOB,REVIEW"), "903 export");
                using (Report report = loaded.Report(policy, calendar, 2015))
                {
                    True(report.Format(ReportFormat.Csv).StartsWith("table,row,measure,value\ntimeliness,Apr 2015,due,"), "report csv");
                    True(report.Format(ReportFormat.Html).Contains("<svg"), "report html");
                    Equal(2015, report.Year);
                    Equal("2015-04-01", report.From.ToString());
                    True(!report.RosterSupplied && !report.DisputesSupplied, "a 903 return alone has no roster or disputes");
                    var figures = report.Figures();
                    Equal("timeliness.2015-04.due", figures[0].Name);
                    Equal("timeliness.PERIOD.MEASURE", figures[0].Kind);
                    foreach (ReportFigure f in figures)
                    {
                        if (f.Name != "timeliness.year.due" && f.Name != "participation.PN1" && f.Name != "population.entered") continue;
                        Equal(f.Count, report.Figure(f.Name));
                        Equal((int)f.Count, report.Query(f.Name).Count);
                    }
                    True(report.Figure("timeliness.year.due") > 0, "reviews due");
                    var cells = report.Cells();
                    Equal(report.Format(ReportFormat.Csv).TrimEnd('\n').Split('\n').Length - 1, cells.Count);
                    True(cells[0].Number.HasValue && cells[0].Table == "timeliness", "cells are numbers");
                    bool saysNotSupplied = false;
                    foreach (ReportCell c in cells) saysNotSupplied |= c.Table == "disputes" && c.Measure == "supplied" && c.Text == "no" && !c.Number.HasValue;
                    True(saysNotSupplied, "disputes not supplied");
                    True(Throws<NotFoundException>(() => report.Query("no.such.figure")).Message.Contains("no figure"), "unknown figure");
                    True(Throws<NotFoundException>(() => report.Figure("disputes.raised")).Message.Contains("no figure"), "not supplied has no figures");
                    Throws<ArgumentNullException>(() => report.Figure(null));
                    Throws<InvalidArgumentException>(() => report.Format((ReportFormat)9));
                }
                True(Throws<InvalidArgumentException>(() => loaded.Report(policy, calendar, 1990)).Message.Contains("1990/91"), "report of an empty year");
                Throws<OutOfRangeException>(() => loaded.Report(policy, calendar, 3000));
                Report kept = loaded.Report(policy, calendar, 2015);
                kept.Dispose();
                Throws<ObjectDisposedException>(() => kept.Figures());
            }
            book.Synthesize(100, 3, 1, 5);
            Equal(100L, book.Counts()[0]);
        }
        File.WriteAllText(path, "not a casebook");
        Throws<ParseException>(() => Casebook.Load(path));
    }

    // A small council: two children, two IROs, one dispute; one bad roster row (line 4 of
    // roster/allocations.csv, month 13 in "from") and one dispute event at a stage England's ladder lacks.
    static void WriteCouncil(string dir)
    {
        var files = new Dictionary<string, string>
        {
            { "header.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n101,1,01/06/2012,WBRI,,,\n102,2,01/06/2014,WBRI,,,\n" },
            { "episodes.csv", "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n101,01/04/2024,S,C2,N1,U1,PR1,,,,,,\n102,15/05/2024,S,C2,N1,U1,PR1,,,,,,\n" },
            { "reviews.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\n101,01/06/2012,25/04/2024,PN1\n" },
            { "roster/iros.csv", "iro_id,fte\nA,1.0\nB,0.5\n" },
            { "roster/allocations.csv", "child_id,iro_id,from,to\n101,A,2024-04-01,\n102,B,2024-05-15,\n103,A,2024-13-01,\n" },
            { "disputes/events.csv", "dispute_id,date,action,stage,child_id,iro_id,category\nD1,2024-06-03,raise,,101,A,\nD1,2024-06-10,resolve,,,,\nD2,2024-07-01,raise,panel,102,B,\n" },
        };
        foreach (var f in files)
        {
            string path = Path.Combine(dir, f.Key);
            Directory.CreateDirectory(Path.GetDirectoryName(path));
            File.WriteAllText(path, f.Value);
        }
    }

    public static void TestImportCouncil()
    {
        // A scratch folder named by the process id, apart from other test runs.
        string dir = Path.Combine(Path.GetTempPath(), "iro-dotnet-council-" + System.Diagnostics.Process.GetCurrentProcess().Id);
        if (Directory.Exists(dir)) Directory.Delete(dir, true);
        try
        {
            WriteCouncil(dir);
            using (var calendar = Calendar.Builtin())
            using (var policy = Policy.Builtin())
            using (var book = new Casebook())
            {
                Equal(0, book.LastImport().Issues.Count, "no report before an import");
                book.Synthesize(50, 5, 1, 3);
                ImportReport report = book.ImportCouncil(dir, policy, calendar);
                var counts = book.Counts();
                Equal(2L, counts[0], "children");
                Equal(2L, counts[1], "IROs (the synthetic roster is replaced)");
                Equal(1L, counts[2], "disputes (D2 never entered)");
                Equal(2L, report.Rejected, "rejected");
                Equal(6, report.Rows.Count, "files read");
                Equal(3L, report.Rows["roster/allocations.csv"], "allocation rows");
                Equal(3L, report.Rows["disputes/events.csv"], "event rows");
                Equal(2L, report.Rows["header.csv"], "header rows");
                var roster = report.Issues.Single(i => i.File == "roster/allocations.csv");
                Equal(4L, roster.Line, "roster line");
                Equal("from", roster.Column, "roster column");
                True(roster.Rejected, "the roster row is rejected");
                True(roster.Message.Contains("2024-13-01"), roster.Message);
                True(roster.ToString().StartsWith("roster/allocations.csv:4: column from: "), roster.ToString());
                var dispute = report.Issues.Single(i => i.File == "disputes/events.csv");
                Equal(4L, dispute.Line, "dispute line");
                True(dispute.Message.Contains("no stage \"panel\""), dispute.Message);
                // Strict: the bad roster row fails it, and the casebook and its report are unchanged.
                True(Throws<InvalidDateException>(() => book.ImportCouncil(dir, policy, calendar, true)).Message.Contains("roster/allocations.csv:4"), "strict");
                Equal(2L, book.Counts()[1], "IROs after the failed import");
                Equal(report.Issues.Count, book.LastImport().Issues.Count, "issues after the failed import");
                Throws<IoException>(() => book.ImportCouncil(Path.Combine(dir, "no-such"), policy, calendar));
                Throws<ArgumentNullException>(() => book.ImportCouncil(dir, null, calendar));
                Throws<ArgumentNullException>(() => book.ImportCouncil(null, policy, calendar));
                // Import903 keeps its report too.
                long rejected = book.Import903(Path.Combine(dataDir, "903-sample"));
                var after903 = book.LastImport();
                Equal(rejected, after903.Rejected, "903 rejected rows");
                True(after903.Rows["episodes.csv"] > 2500, "903 episodes read");
                True(!after903.Rows.ContainsKey("roster/iros.csv"), "no roster in a 903 import");
            }
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    public static int Main(string[] args)
    {
        if (args.Length != 1) { Console.Error.WriteLine("usage: IroTests.exe TEST_DATA_DIR"); return 2; }
        dataDir = args[0];
        published = new HashSet<int>();
        foreach (Match m in Regex.Matches(File.ReadAllText(Path.Combine(dataDir, "bank-holidays.json")), "\"date\": \"(\\d{4}-\\d\\d-\\d\\d)\""))
            published.Add(IroDate.Parse(m.Groups[1].Value).Days);
        int passed = 0, failed = 0;
        foreach (var test in typeof(Tests).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.Name.StartsWith("Test")).OrderBy(m => m.Name))
        {
            try
            {
                test.Invoke(null, null);
                passed++;
                Console.WriteLine("ok   " + test.Name);
            }
            catch (TargetInvocationException e)
            {
                failed++;
                Console.WriteLine("FAIL " + test.Name + ": " + e.InnerException.Message);
            }
        }
        Console.WriteLine(passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }
}
