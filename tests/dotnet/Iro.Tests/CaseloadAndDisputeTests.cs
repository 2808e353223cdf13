// Caseloads and disputes (ported from the mono tests), with the result fields issue 16 found dropped:
// advice reasons, team min and max, dispute dates, p90, withdrawn counts.
using System;
using System.IO;
using Iro;
using Xunit;
using static Iro.Tests.TestData;

namespace Iro.Tests
{
    public class CaseloadTests
    {
        [Fact]
        public void LoadsAdviceCoverAndContinuity()
        {
            using (var policy = Policy.Builtin())
            using (var roster = new Roster())
            {
                roster.LoadDirectory(TestData.File("roster"));
                var counts = roster.Counts();
                Assert.Equal(4L, counts.Officers);
                Assert.Equal(9L, counts.Allocations);
                CaseloadCheck check = roster.Check(policy, D("2024-03-15"));
                Assert.Equal("B", check.Officers[1].Officer);
                Assert.Equal(1, check.Officers[1].Index);
                Assert.Equal(4.0, check.Officers[1].PerFte);
                Assert.True(check.Officers[2].Absent);
                TeamLoad team = check.Team;
                Assert.Equal(7L, team.Children);
                Assert.Equal(Band.Below, team.Band);
                Assert.Equal(D("2024-03-15"), team.Date);
                double min = double.MaxValue, max = 0;
                foreach (var o in check.Officers) { min = Math.Min(min, o.PerFte); max = Math.Max(max, o.PerFte); }
                Assert.Equal(min, team.MinPerFte);
                Assert.Equal(max, team.MaxPerFte);
                Assert.Equal(team.Officers, team.Below + team.Within + team.Above);
                Assert.Equal(3, roster.Series(policy, D("2024-01-10"), D("2024-03-05")).Count);
                var advice = roster.Advise(policy, D("2024-04-15"), "S1");
                Assert.Equal("C", advice[0].Officer);
                Assert.True(advice[0].HasSibling);
                Assert.False(advice[1].HasSibling);
                Assert.True(advice[1].PerFteAfter > 0);
                Assert.Equal(Band.Below, advice[1].BandAfter);
                CoverPlan cover = roster.Cover(policy, "C", D("2024-03-01"), D("2024-03-31"));
                Assert.Equal("K6", cover.Moves[2].Child);
                Assert.Equal("D", cover.Moves[2].To);
                Assert.Equal(4.0, cover.MaxPerFte);
                Continuity continuity = roster.Continuity(D("2024-03-15"));
                Assert.Equal(7L, continuity.KeptOneOfficer);
                Assert.True(continuity.Children >= continuity.KeptOneOfficer);
                Assert.Contains("fte", Assert.Throws<InvalidArgumentException>(() => roster.AddOfficer("Z", 0.0)).Message);
                Assert.Throws<NotFoundException>(() => roster.AddAllocation("K9", "Q", D("2024-02-01")));
            }
        }
    }

    public class DisputeTests
    {
        [Fact]
        public void StatesAndFigures()
        {
            using (var calendar = WorkingCalendar.Builtin())
            using (var policy = Policy.Builtin())
            using (var reg = new Disputes(policy, calendar))
            {
                reg.LoadCsv(TestData.File("disputes", "events.csv"));
                Assert.Equal(5, reg.Count);
                var s = reg.State("D1", D("2025-01-20"));
                Assert.Equal(DisputeStatus.Resolved, s.Status);
                Assert.Equal("director", s.Stage);
                Assert.Equal(D("2025-01-20"), s.FormalDeadline.Value);
                Assert.True(s.Raised.HasValue && s.Closed.HasValue && s.StageEntered.HasValue);
                Assert.True(s.Raised.Value <= s.StageEntered.Value && s.StageEntered.Value <= s.Closed.Value);
                Assert.True(reg.State("D3", D("2025-02-03")).Overdue);
                DisputeFigures f = reg.Figures(D("2025-01-01"), D("2025-03-31"));
                Assert.Equal(4L, f.Raised);
                Assert.Equal(1L, f.ResolvedAt["director"]);
                Assert.Equal(8.5, f.MedianWorkingDays);
                Assert.True(f.P90WorkingDays >= f.MedianWorkingDays);
                Assert.True(f.InformalRaised <= f.Raised && f.BecameFormal <= f.Raised);
                reg.Add("D9", "K9", "A");
                reg.Event("D9", D("2025-02-03"), DisputeAction.Raise);
                Assert.Contains("already raised", Assert.Throws<RuleViolationException>(() => reg.Event("D9", D("2025-02-04"), DisputeAction.Raise)).Message);
                Assert.Throws<NotFoundException>(() => reg.Event("D9", D("2025-02-04"), DisputeAction.Escalate, "board"));
                reg.Event("D9", D("2025-02-05"), DisputeAction.Withdraw);
                Assert.Equal(DisputeStatus.Withdrawn, reg.State("D9", D("2025-02-06")).Status);
                Assert.Equal(D("2025-02-05"), reg.State("D9", D("2025-02-06")).Closed.Value);
                Assert.Equal(f.Withdrawn + 1, reg.Figures(D("2025-01-01"), D("2025-03-31")).Withdrawn);
                // A sibling group with several categories: ';' between the values, each once.
                reg.Add("S1", "K1;K2", "A", "contact;education");
                Assert.Equal(7, reg.Count);
                Assert.Contains("is empty", Assert.Throws<InvalidArgumentException>(() => reg.Add("S2", "K1;;K2", "A")).Message);
                Assert.Equal(7, reg.Count);
            }
        }
    }
}
