// Casebooks, imports and the annual report (ported from the mono tests).
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Iro;
using Xunit;
using static Iro.Tests.TestData;

namespace Iro.Tests
{
    public class ReportTests
    {
        /// <summary>The first complete reporting year of a synthesized casebook.</summary>
        internal static int SynthYear(Casebook book, Policy policy, WorkingCalendar calendar)
        {
            for (int year = 2030; year > 2000; year--)
            {
                try { using (book.Report(policy, calendar, year)) return year; }
                catch (InvalidArgumentException) { }
            }
            throw new InvalidOperationException("no year with children");
        }

        [Fact]
        public void CasebooksSaveLoadExportAndReport()
        {
            using (var scratch = new Scratch("book"))
            using (var book = new Casebook())
            {
                string path = Path.Combine(scratch.Path, "book.cbk");
                ImportReport imported = book.Import903(TestData.File("903-sample"));
                Assert.True(imported.Rejected > 0);
                long children = book.Counts().Children;
                Assert.True(children > 2500, "children " + children);
                Assert.Throws<ParseException>(() => book.Import903(TestData.File("903-sample"), true));
                book.Save(path);
                using (var loaded = Casebook.Load(path))
                using (var calendar = WorkingCalendar.Builtin())
                using (var policy = Policy.Builtin())
                using (var set = loaded.Children())
                using (var s = Schedules.Evaluate(set, policy, calendar, D("2016-03-31")))
                {
                    Assert.Equal(children, loaded.Counts().Children);
                    Assert.Equal((int)children, s.Count);
                    string csv = loaded.Export(policy, calendar, D("2016-03-31"));
                    Assert.StartsWith("child_id,kind,number", csv);
                    Assert.StartsWith("CHILD,DOB,REVIEW", loaded.Export(policy, calendar, D("2016-03-31"), ExportFormat.Reviews903));
                    // Ids on results match the export's child ids, by id rather than by position.
                    int some = Enumerable.Range(s.Count / 2, s.Count / 2).First(i => s.Child(i).Error == null && s.Child(i).Reviews > 0);
                    string someId = s.ChildId(some);
                    Assert.Contains("\n" + someId + ",", csv);
                    Assert.Equal(someId, s.Child(someId).Id);
                    using (Report report = loaded.Report(policy, calendar, 2015))
                    {
                        Assert.StartsWith("table,row,measure,value\ntimeliness,Apr 2015,due,", report.Format(ReportFormat.Csv));
                        Assert.Contains("<svg", report.Format(ReportFormat.Html));
                        Assert.Equal(2015, report.Year);
                        Assert.Equal("2015-04-01", report.From.ToString());
                        Assert.False(report.RosterSupplied || report.DisputesSupplied);
                        var figures = report.Figures();
                        Assert.Equal("timeliness.2015-04.due", figures[0].Name);
                        Assert.Equal("timeliness.PERIOD.MEASURE", figures[0].Kind);
                        foreach (ReportFigure f in figures)
                        {
                            if (f.Name != "timeliness.year.due" && f.Name != "participation.PN1") continue;
                            Assert.Equal(f.Count, report.Figure(f.Name));
                            Assert.Equal((int)f.Count, report.Query(f.Name).Count);
                        }
                        var cells = report.Cells();
                        Assert.Equal(report.Format(ReportFormat.Csv).TrimEnd('\n').Split('\n').Length - 1, cells.Count);
                        Assert.True(cells[0].Number.HasValue && cells[0].Table == "timeliness");
                        Assert.Contains("no figure", Assert.Throws<NotFoundException>(() => report.Query("no.such.figure")).Message);
                        Assert.Throws<InvalidArgumentException>(() => report.Format((ReportFormat)9));
                    }
                    Assert.Contains("1990/91", Assert.Throws<InvalidArgumentException>(() => loaded.Report(policy, calendar, 1990)).Message);
                    Assert.Throws<IroOutOfRangeException>(() => loaded.Report(policy, calendar, 3000));
                    Report kept = loaded.Report(policy, calendar, 2015);
                    kept.Dispose();
                    Assert.Throws<ObjectDisposedException>(() => kept.Figures());
                }
                book.Synthesize(100, 3, 1, 5);
                Assert.Equal(100L, book.Counts().Children);
                System.IO.File.WriteAllText(path, "not a casebook");
                Assert.Throws<ParseException>(() => Casebook.Load(path));
            }
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
                System.IO.File.WriteAllText(path, f.Value);
            }
        }

        [Fact]
        public void ImportCouncilReportsEveryRow()
        {
            using (var scratch = new Scratch("council"))
            using (var calendar = WorkingCalendar.Builtin())
            using (var policy = Policy.Builtin())
            using (var book = new Casebook())
            {
                string dir = scratch.Path;
                WriteCouncil(dir);
                Assert.Empty(book.LastImport().Issues);
                book.Synthesize(50, 5, 1, 3);
                ImportReport report = book.ImportCouncil(dir, policy, calendar);
                var counts = book.Counts();
                Assert.Equal(2L, counts.Children);
                Assert.Equal(2L, counts.Officers);
                Assert.Equal(1L, counts.Disputes);
                Assert.Equal(2L, report.Rejected);
                Assert.Equal(6, report.Rows.Count);
                Assert.Equal(3L, report.Rows["roster/allocations.csv"]);
                var roster = report.Issues.Single(i => i.File == "roster/allocations.csv");
                Assert.Equal(4L, roster.Line);
                Assert.Equal("from", roster.Column);
                Assert.True(roster.Rejected);
                Assert.StartsWith("roster/allocations.csv:4: column from: ", roster.ToString());
                Assert.Contains("no stage \"panel\"", report.Issues.Single(i => i.File == "disputes/events.csv").Message);
                Assert.Contains("roster/allocations.csv:4", Assert.Throws<InvalidDateException>(() => book.ImportCouncil(dir, policy, calendar, true)).Message);
                Assert.Equal(2L, book.Counts().Officers);
                Assert.Throws<IroIOException>(() => book.ImportCouncil(Path.Combine(dir, "no-such"), policy, calendar));
                Assert.Equal("policy", Assert.Throws<ArgumentNullException>(() => book.ImportCouncil(dir, null, calendar)).ParamName);
                Assert.Equal("directory", Assert.Throws<ArgumentNullException>(() => book.ImportCouncil(null, policy, calendar)).ParamName);
                ImportReport after903 = book.Import903(TestData.File("903-sample"));
                Assert.Equal(after903.Rejected, book.LastImport().Rejected);
                Assert.True(after903.Rows["episodes.csv"] > 2500);
                Assert.False(after903.Rows.ContainsKey("roster/iros.csv"));
            }
        }
    }
}
