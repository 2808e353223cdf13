// Review schedules, policies and policy diffs (ported from the mono tests), with child ids, Find and columns.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Iro;
using Xunit;
using static Iro.Tests.TestData;

namespace Iro.Tests
{
    public class ScheduleTests
    {
        [Fact]
        public void PolicyAddCountsAsThePolicyCounts()
        {
            using (var england = Policy.Builtin())
            using (var dayOne = england.WithOverrides("{\"anchor_day_counts\": true}"))
            using (var cal = WorkingCalendar.Builtin())
            {
                Assert.Equal(D("2024-01-24"), england.Add(cal, D("2023-12-22"), 20));
                Assert.Equal(D("2024-01-23"), dayOne.Add(cal, D("2023-12-22"), 20));
                Assert.Equal(D("2024-04-30"), england.Add(cal, D("2024-01-31"), 3, IntervalUnit.Months));
                Assert.Throws<IroOutOfRangeException>(() => england.Add(cal, D("2199-12-20"), 20));
                Assert.Equal("calendar", Assert.Throws<ArgumentNullException>(() => england.Add(null, D("2024-01-01"), 1)).ParamName);
            }
        }

        [Fact]
        public void SchedulesForManyChildren()
        {
            using (var calendar = WorkingCalendar.Builtin())
            using (var policy = Policy.Builtin())
            using (var children = new Children())
            {
                int a = children.Add("A", D("2015-06-01"));
                children.AddPeriod(a, D("2024-01-08"));
                children.AddSwitch(a, D("2024-09-02"), Regime.AdoptionPlaced);
                int bad = children.Add("BAD");
                children.AddPeriod(bad, D("2024-03-25"));
                children.AddReviews(new[] { a, a, bad }, new[] { D("2024-02-02").Days, D("2024-09-25").Days, D("2023-01-01").Days }, new[] { 1, 2, -1 }, null);
                Assert.Equal(2, children.Count);
                using (var s = Schedules.Evaluate(children, policy, calendar, D("2024-12-31")))
                {
                    Assert.Equal(2, s.Count);
                    Assert.Equal(1, s.Failed);
                    Assert.Equal(2L, s.ReviewsJudged);
                    var first = s.Child(a);
                    Assert.Null(first.Error);
                    Assert.Equal("A", first.Id);
                    Assert.Equal(a, first.Index);
                    Assert.Equal(D("2024-12-25"), first.NextDue.Value);
                    Assert.Equal(Regime.AdoptionPlaced, first.NextRegime.Value);
                    Assert.Equal(DueRule.AdoptionPlacedSecond, first.NextRule.Value);
                    Assert.Equal(D("2024-09-25"), first.NextAnchor.Value);
                    Assert.True(first.Overdue);
                    var reviews = s.Reviews(a);
                    Assert.Equal(2, reviews.Count);
                    Assert.Equal("A", reviews[1].ChildId);
                    Assert.Equal(D("2024-09-30"), reviews[1].Due);
                    Assert.Equal(1, reviews[1].Number);
                    Assert.Equal(2, reviews[1].Participation);
                    var missed = s.Missed(a);
                    Assert.Equal(D("2024-05-02"), missed[0].Due);
                    Assert.Equal(Regime.Standard, missed[0].Regime);
                    Assert.Equal("A", missed[0].ChildId);
                    Assert.Contains("AAR 2005 reg 36(3)(a)", s.Explain(a, 1));
                    var failed = s.Child(bad);
                    Assert.True(failed.Error is InvalidArgumentException);
                    Assert.Contains("outside every period", failed.Error.Message);
                    Assert.Equal("BAD", failed.Id);
                    Assert.Throws<NotFoundException>(() => s.Explain(bad));
                    Assert.Throws<NotFoundException>(() => s.Child(2));
                    Assert.Throws<ArgumentOutOfRangeException>(() => s.Child(-1));
                }
                using (var days = policy.WithOverrides("{\"interval_unit\": \"days\"}"))
                using (var s = Schedules.Evaluate(children, days, calendar, D("2024-04-01")))
                    Assert.Equal(D("2024-05-03"), s.Child(a).NextDue.Value);  // 2024-02-02 + 91 days
                Assert.Throws<ParseException>(() => policy.WithOverrides("{\"interval_unit\": \"weeks\"}"));
                Assert.Throws<NotFoundException>(() => children.AddPeriod(7, D("2024-01-01")));
                Assert.Throws<ArgumentException>(() => children.AddReviews(new[] { a }, new int[0]));
            }
        }

        [Fact]
        public void ResultsCarryChildIdsAndFindLooksThemUp()
        {
            using (var calendar = WorkingCalendar.Builtin())
            using (var policy = Policy.Builtin())
            using (var children = new Children())
            {
                int x = children.Add("X-100");
                children.AddPeriod(x, D("2024-01-08"));
                int y = children.Add("Y-200");
                children.AddPeriod(y, D("2024-03-25"));
                children.AddReviews(y, D("2024-04-22"), D("2024-07-01"));
                using (var s = Schedules.Evaluate(children, policy, calendar, D("2024-12-31")))
                {
                    Assert.Equal(y, s.Find("Y-200"));
                    Assert.Equal(x, s.Find("X-100"));
                    Assert.Equal("Y-200", s.ChildId(y));
                    Assert.Equal(new[] { "X-100", "Y-200" }, s.ChildIds());
                    Assert.Equal(D("2024-04-24"), s.Child("Y-200").Reviews == 2 ? s.Reviews(y)[0].Due : default(IroDate));
                    Assert.Throws<NotFoundException>(() => s.Find("Z"));
                    Assert.Throws<NotFoundException>(() => s.ChildId(2));

                    // The columns hold what the per-child calls give, row for row.
                    ReviewColumns columns = s.ReviewColumns();
                    Assert.Equal(2, columns.Count);
                    Assert.Equal(new[] { "X-100", "Y-200" }, columns.ChildIds.ToArray());
                    var perChild = s.Reviews(y);
                    for (int row = 0; row < columns.Count; row++)
                    {
                        var r = perChild[row];
                        Assert.Equal(y, columns.Child[row]);
                        Assert.Equal(r.Date.Days, columns.Day[row]);
                        Assert.Equal(r.Due.Days, columns.Due[row]);
                        Assert.Equal(r.Number, columns.Number[row]);
                        Assert.Equal((int)r.Rule, columns.Rule[row]);
                        Assert.Equal((int)r.Regime, columns.Regime[row]);
                        Assert.Equal(r.Anchor.Days, columns.Anchor[row]);
                        Assert.Equal(r.OnTime ? 1 : 0, columns.OnTime[row]);
                        Assert.Equal(r.DaysLate, columns.DaysLate[row]);
                        Assert.Equal(r.RecordDue.Days, columns.RecordDue[row]);
                        Assert.Equal(-1, columns.Participation[row]);
                        Assert.Null(r.Participation);
                    }
                    MissedColumns missed = s.MissedColumns();
                    var expected = new List<MissedReview>();
                    expected.AddRange(s.Missed(x));
                    expected.AddRange(s.Missed(y));
                    Assert.Equal(expected.Count, missed.Count);
                    Assert.True(missed.Count > 0);
                    for (int row = 0; row < missed.Count; row++)
                    {
                        Assert.Equal(expected[row].Child, missed.Child[row]);
                        Assert.Equal(expected[row].Due.Days, missed.Due[row]);
                        Assert.Equal((int)expected[row].Rule, missed.Rule[row]);
                        Assert.Equal(expected[row].Anchor.Days, missed.Anchor[row]);
                        Assert.Equal((int)expected[row].Regime, missed.Regime[row]);
                    }
                }
            }
        }

        [Fact]
        public void PolicyRuleGivesTheCitationAndWording()
        {
            var expected = new Dictionary<DueRule, string[]> {
                {DueRule.StandardFirst, new[] {"CPPCR 2010 reg 33(1)", "first review within 20 working days of the day the child became looked after"}},
                {DueRule.StandardSecond, new[] {"CPPCR 2010 reg 33(2)", "second review not more than 3 months after the first"}},
                {DueRule.AdoptionPlacedFirst, new[] {"AAR 2005 reg 36(3)(a)", "first review not more than 4 weeks after the child was placed for adoption"}},
                {DueRule.AdoptionAuthorised, new[] {"AAR 2005 reg 36(1)(a)", "review not more than 3 months after the date on which the agency first had authority to place the child for adoption"}},
                {DueRule.Returned, new[] {"CPPCR 2010 reg 33(2)", "review not more than 6 months after the previous one"}},
                {DueRule.ShortBreaksSecond, new[] {"CPPCR 2010 reg 48(3)", "second review not more than 6 months after the first"}} };
            var policy = Policy.Builtin();
            foreach (var pair in expected)
            {
                RuleStep step = policy.Rule(pair.Key, D("2024-01-01"));
                Assert.Equal(pair.Value[0], step.Cite);
                Assert.Equal(pair.Value[1], step.Text);
            }
            Assert.Equal("Review of Children's Cases Regulations 1991 reg 3", policy.Rule(DueRule.StandardFirst, D("2011-03-31")).Cite);
            Assert.Equal("CPPCR 2010 reg 33(1)", policy.Rule(DueRule.StandardFirst, D("2011-04-01")).Cite);
            Assert.Contains("sets no review after a return", Assert.Throws<InvalidArgumentException>(() => policy.Rule(DueRule.ReturnedLocal, D("2024-01-01"))).Message);
            Assert.Throws<InvalidArgumentException>(() => policy.Rule((DueRule)12, D("2024-01-01")));
            Assert.Equal("england", policy.Id);
            policy.Dispose();
            Assert.Throws<ObjectDisposedException>(() => policy.Rule(DueRule.StandardFirst, D("2024-01-01")));
            Assert.Throws<ObjectDisposedException>(() => policy.Id);
        }

        [Fact]
        public void AReturnToTheAgencyAndALocalReview()
        {
            using (var calendar = WorkingCalendar.Builtin())
            using (var england = Policy.Builtin())
            using (var children = new Children())
            using (var scratch = new Scratch("policy"))
            {
                int c = children.Add("RETURNED");
                children.AddPeriod(c, D("2023-01-09"));
                children.AddSwitch(c, D("2023-09-04"), Regime.AdoptionPlaced);
                children.AddSwitch(c, D("2024-02-05"), Regime.Standard);
                children.AddReviews(c, D("2023-02-01"), D("2023-05-01"), D("2023-09-20"), D("2024-03-01"));
                using (var s = Schedules.Evaluate(children, england, calendar, D("2024-12-31")))
                {
                    var reviews = s.Reviews(c);
                    Assert.Equal(DueRule.Returned, reviews[3].Rule);
                    Assert.Equal(D("2024-03-20"), reviews[3].Due);
                    Assert.Equal(DueRule.AdoptionPlacedSecond, s.Missed(c)[0].Rule);
                    Assert.Contains("returned to the agency", s.Explain(c, 3));
                }
                string file = Path.Combine(scratch.Path, "local.json");
                System.IO.File.WriteAllText(file, "{\"format\": \"iro-policy/1\", \"id\": \"local\", \"extends\": \"england\", \"regimes\": " +
                                                  "{\"return_to_agency\": {\"review\": {\"value\": 28, \"unit\": \"days\", \"cite\": \"Local procedure 4.2\"}}}}");
                using (var local = Policy.FromFile(file))
                using (var s = Schedules.Evaluate(children, local, calendar, D("2024-12-31")))
                {
                    Assert.Equal("Local procedure 4.2", local.Rule(DueRule.ReturnedLocal, D("2024-02-05")).Cite);
                    var after = s.Reviews(c)[3];
                    Assert.Equal(DueRule.ReturnedLocal, after.Rule);
                    Assert.Equal(D("2024-03-04"), after.Due);
                    Assert.Equal(D("2024-02-05"), after.Anchor);
                }
            }
        }

        [Fact]
        public void ExplainSaysWhyNothingIsOwed()
        {
            using (var calendar = WorkingCalendar.Builtin())
            using (var policy = Policy.Builtin())
            using (var children = new Children())
            {
                int left = children.Add("LEFT");
                children.AddPeriod(left, D("2024-01-08"), D("2024-06-03"));
                int adult = children.Add("ADULT", D("2006-07-01"));
                children.AddPeriod(adult, D("2023-01-09"));
                int bad = children.Add("BAD");
                children.AddPeriod(bad, D("2024-01-08"));
                children.AddReviews(new[] { left, adult, bad }, new[] { D("2024-02-01").Days, D("2023-02-01").Days, D("2024-02-01").Days },
                                    new[] { 1, 1, 1 }, new[] { 0, 0, 1 });
                using (var s = Schedules.Evaluate(children, policy, calendar, D("2024-12-31")))
                {
                    Assert.False(s.Child(left).NextDue.HasValue);
                    Assert.Equal("Nothing is owed: the child stopped being looked after on 2024-06-03 (the first day out of care); a chain that ends on or before a due date owes nothing for it.", s.Explain(left));
                    Assert.Contains("the child turned 18 on 2024-07-01", s.Explain(adult));
                    Assert.True(s.Child(bad).Error is InvalidArgumentException);
                    Assert.Contains("on a cancelled review", Assert.Throws<NotFoundException>(() => s.Explain(bad)).Message);
                }
            }
        }

        [Fact]
        public void ChildrenFromJson()
        {
            using (var calendar = WorkingCalendar.Builtin())
            using (var policy = Policy.Builtin())
            using (var children = new Children())
            {
                Assert.Equal(3, children.LoadJson(TestData.File("children.json")));
                using (var s = Schedules.Evaluate(children, policy, calendar, D("2024-12-31")))
                    Assert.Equal(D("2025-01-26"), s.Child(0).NextDue.Value);
                Assert.Throws<IroIOException>(() => children.LoadJson(TestData.File("missing.json")));
            }
        }

        [Fact]
        public void PolicyFilesAndDiffs()
        {
            using (var calendar = WorkingCalendar.Builtin())
            using (var england = Policy.Builtin())
            using (var hounslow = Policy.FromFile(Path.Combine(Examples, "hounslow.json")))
            using (var children = new Children())
            {
                Assert.Equal("hounslow", hounslow.Id);
                Assert.Contains("hounslow.json", hounslow.Source);
                int c = children.Add("B");
                children.AddPeriod(c, D("2024-03-25"));
                children.AddReviews(c, D("2024-04-22"));
                using (var diff = PolicyDiff.Compute(children, england, hounslow, calendar, D("2024-05-01")))
                {
                    Assert.Equal(1L, diff.Current.Reviews);
                    Assert.Equal(1L, diff.Proposed.InTime);
                    var changes = diff.Changes();
                    Assert.Equal(1, changes.Count);
                    Assert.Equal("review 1 held 2024-04-22: record due 2024-05-21 -> 2024-05-14", changes[0].Changes[0]);
                    Assert.Contains("england -> hounslow", diff.Report());
                }
            }
            Assert.Contains("a cycle of extends", Assert.Throws<InvalidArgumentException>(() => Policy.FromFile(TestData.File("policies", "cycle-a.json"))).Message);
        }
    }
}
