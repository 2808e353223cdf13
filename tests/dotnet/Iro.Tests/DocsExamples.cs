// The examples of docs/dotnet.md, compiled and run: each fact's body between "// docs:" and "// end" is
// shown in the docs verbatim (DocsExamplesAreTheseOnes checks it), so the examples compile together.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Iro;
using Xunit;

namespace Iro.Tests
{
    public class DocsExamples
    {
        [Fact]
        public void Calendar()
        {
            var output = new StringWriter();
            // docs: calendar
            IroDate held = IroDate.Parse("2024-08-31");
            IroDate next = held.AddMonths(6);                                  // 2025-02-28 (Dodds v Walker)
            using (var cal = WorkingCalendar.Builtin("england-and-wales"))
            using (var council = cal.WithClosures(new[] { IroDate.Parse("2022-12-28") }, "Christmas closure"))
            {
                IroDate due = cal.AddWorkingDays(IroDate.Parse("2024-03-25"), 20);   // 2024-04-24
                IroDate closed = council.AddWorkingDays(IroDate.Parse("2022-12-12"), 20);
                int[] many = cal.AddWorkingDays(new[] { 19807, 19240 }, 20);     // days since 1970-01-01, one call
                foreach (Holiday h in cal.Holidays(IroDate.Parse("2022-01-01"), IroDate.Parse("2022-12-31")))
                    output.WriteLine(h);                                        // 2022-09-19 Bank Holiday for ...
                output.WriteLine(cal.Explain(IroDate.Parse("2023-04-28"), 20));
                output.WriteLine(next + " " + due + " " + closed + " " + many[0]);
            }
            // end
            Assert.Contains("2025-02-28 2024-04-24 2023-01-13 19837", output.ToString());
            Assert.Contains("2022-09-19 Bank Holiday for the State Funeral of Queen Elizabeth II", output.ToString());
        }

        [Fact]
        public void Schedules()
        {
            var output = new StringWriter();
            using (var cal = WorkingCalendar.Builtin())
            {
                // docs: schedules
                using (var policy = Policy.Builtin())
                using (var children = new Children())
                {
                    int c = children.Add("C1", IroDate.Parse("2015-06-01"));
                    children.AddPeriod(c, IroDate.Parse("2024-03-25"));
                    children.AddSwitch(c, IroDate.Parse("2024-09-02"), Regime.AdoptionPlaced);
                    children.AddReviews(c, IroDate.Parse("2024-04-19"));
                    using (var s = Iro.Schedules.Evaluate(children, policy, cal, IroDate.Parse("2024-12-31")))
                    {
                        ChildSchedule r = s.Child("C1");     // or s.Child(c); Id, NextDue, NextRule, Overdue, Error ...
                        foreach (ReviewResult review in s.Reviews(r.Index))
                            output.WriteLine(review);        // C1 review 1 held 2024-04-19, due 2024-04-24
                        output.WriteLine(s.Explain(r.Index)); // why the next review is due when it is
                        RuleStep step = policy.Rule(r.NextRule.Value, r.NextAnchor.Value);   // AAR 2005 reg 36(3)(a)
                        ReviewColumns all = s.ReviewColumns();  // every review of every child, one array per field
                        output.WriteLine(step.Cite + " " + all.Count);
                    }
                }
                // end
            }
            Assert.Contains("C1 review 1 held 2024-04-19, due 2024-04-24", output.ToString());
            Assert.Contains("AAR 2005 reg 36(3)(a) 1", output.ToString());
        }

        [Fact]
        public void Caseloads()
        {
            string directory = TestData.File("roster");
            var output = new StringWriter();
            // docs: caseloads
            using (var policy = Policy.Builtin())
            using (var roster = new Roster())
            {
                roster.LoadDirectory(directory);                   // iros.csv, allocations.csv, absences.csv ...
                CaseloadCheck check = roster.Check(policy, IroDate.Parse("2024-03-15"));
                foreach (OfficerLoad load in check.Officers) output.WriteLine(load);   // B: 2 children, 4.00 per FTE, Below
                output.WriteLine(check.Team.PerFte + " per FTE, from " + check.Team.MinPerFte + " to " + check.Team.MaxPerFte);
                foreach (AllocationAdvice a in roster.Advise(policy, IroDate.Parse("2024-04-15"), siblingGroup: "S1"))
                    output.WriteLine(a);                                // C: ... holds a sibling
                CoverPlan cover = roster.Cover(policy, "C", IroDate.Parse("2024-03-01"), IroDate.Parse("2024-03-31"));
                foreach (CoverMove move in cover.Moves) output.WriteLine(move);    // K6 -> D
            }
            // end
            Assert.Contains("B: 2 children, 4.00 per FTE, Below", output.ToString());
            Assert.Contains("K6 -> D", output.ToString());
        }

        [Fact]
        public void Disputes()
        {
            string events = TestData.File("disputes", "events.csv");
            var output = new StringWriter();
            // docs: disputes
            using (var cal = WorkingCalendar.Builtin())
            using (var policy = Policy.Builtin())
            using (var register = new Iro.Disputes(policy, cal))
            {
                register.LoadCsv(events);                          // dispute_id,date,action,stage,child_id,iro_id,category
                register.Add("D9", child: "K9", officer: "A");
                register.Event("D9", IroDate.Parse("2025-02-03"), DisputeAction.Raise);
                DisputeState state = register.State("D9", IroDate.Parse("2025-02-20"));   // Status, Stage, Raised, ResponseDue, Overdue ...
                DisputeFigures f = register.Figures(IroDate.Parse("2025-01-01"), IroDate.Parse("2025-03-31"));
                output.WriteLine(state.Status + "; " + f.Raised + " raised, " + f.Withdrawn + " withdrawn, median " + f.MedianWorkingDays + " working days");
            }
            // end
            Assert.Contains("Open; 5 raised, 1 withdrawn, median 8.5 working days", output.ToString());
        }

        [Fact]
        public void CasebookAndReport()
        {
            string returnDirectory = TestData.File("903-sample");
            var output = new StringWriter();
            using (var scratch = new TestData.Scratch("docs"))
            {
                string path = Path.Combine(scratch.Path, "book.cbk");
                // docs: casebook
                using (var cal = WorkingCalendar.Builtin())
                using (var policy = Policy.Builtin())
                using (var book = new Casebook())
                {
                    ImportReport imported = book.Import903(returnDirectory);      // or ImportCouncil(dir, policy, cal)
                    foreach (ImportIssue issue in imported.Issues.Take(3)) output.WriteLine(issue);   // file:line: column: message
                    CasebookCounts counts = book.Counts();                       // Children, Officers, Disputes
                    book.Save(path);
                    using (var loaded = Casebook.Load(path))
                    using (var children = loaded.Children())
                    using (var s = Iro.Schedules.Evaluate(children, policy, cal, IroDate.Parse("2016-03-31")))
                    {
                        string csv = loaded.Export(policy, cal, IroDate.Parse("2016-03-31"));   // every child's schedule
                        using (Report report = loaded.Report(policy, cal, 2015))            // the year from 1 April 2015
                        {
                            long due = report.Figure("timeliness.year.due");
                            foreach (ReportRow row in report.Query("timeliness.year.due").Take(2))
                                output.WriteLine(row);                                       // the children behind a figure
                            string html = report.Format(ReportFormat.Html);                  // one page with charts
                            output.WriteLine(counts + "; " + due + " reviews due; " + s.Count + " evaluated; " + csv.Length + " and " + html.Length + " characters");
                        }
                    }
                }
                // end
            }
            Assert.Contains("reviews due", output.ToString());
        }

        // The docs show exactly these examples (and tests/dotnet/consumer/Program.cs).
        [Fact]
        public void DocsExamplesAreTheseOnes()
        {
            string docs = File.ReadAllText(Path.Combine(TestData.Dir, "..", "..", "docs", "dotnet.md"));
            string here = Normal(File.ReadAllText(Path.Combine(TestData.Dir, "..", "dotnet", "Iro.Tests", "DocsExamples.cs")))
                        + Normal(File.ReadAllText(Path.Combine(TestData.Dir, "..", "dotnet", "consumer", "Program.cs")));
            var blocks = Regex.Matches(docs, "```csharp\n(.*?)```", RegexOptions.Singleline);
            Assert.True(blocks.Count >= 6, blocks.Count + " C# blocks");
            foreach (Match block in blocks)
                Assert.True(here.Contains(Normal(block.Groups[1].Value)), "not a tested example:\n" + block.Groups[1].Value);
        }

        static string Normal(string code)
        {
            return string.Join("\n", code.Split('\n').Select(l => l.Trim())
                .Where(l => l.Length > 0 && l != "// end" && !l.StartsWith("// docs:", StringComparison.Ordinal))) + "\n";
        }
    }
}
