// Dates and working-day calendars (ported from the mono tests, plus the exception types of issue 16).
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Iro;
using Xunit;
using static Iro.Tests.TestData;

namespace Iro.Tests
{
    public class DateTests
    {
        [Fact]
        public void VersionAndAbi()
        {
            Assert.Equal(Library.ExpectedAbiVersion, Library.AbiVersion);
            Assert.True(Regex.IsMatch(Library.Version, @"^\d+\.\d+\.\d+$"), Library.Version);
        }

        [Fact]
        public void MonthsFollowTheCorrespondingDateRule()
        {
            Assert.Equal(D("2025-02-28"), D("2024-08-31").AddMonths(6));
            Assert.Equal(D("2024-08-29"), D("2024-02-29").AddMonths(6));
            Assert.Equal(D("2024-09-30"), D("2024-09-02").AddWeeks(4));
            Assert.Equal("2025-02-28", D("2024-08-31").AddMonths(6).ToString());
            var batch = IroDate.AddMonths(new[] { D("2024-08-31"), D("2023-01-31") }, 3);
            Assert.Equal(D("2024-11-30"), batch[0]);
            Assert.Equal(D("2023-04-30"), batch[1]);
        }

        [Fact]
        public void FieldsWeekdayAndDateTime()
        {
            var d = IroDate.FromYmd(2024, 3, 25);
            Assert.Equal(19807, d.Days);
            Assert.Equal(2024, d.Year);
            Assert.Equal(3, d.Month);
            Assert.Equal(25, d.Day);
            Assert.Equal(DayOfWeek.Monday, d.DayOfWeek);
            Assert.Equal(DayOfWeek.Sunday, D("2024-03-24").DayOfWeek);
            Assert.Equal(new DateTime(2024, 3, 25), d.ToDateTime());
            Assert.Equal(d, IroDate.FromDateTime(new DateTime(2024, 3, 25, 15, 0, 0)));
            Assert.True(D("2024-01-01") < D("2024-01-02"));
            Assert.Equal(29, D("2024-03-01") - D("2024-02-01"));
            Assert.Equal("1900-01-01", IroDate.MinValue.ToString());
            Assert.Equal("2199-12-31", IroDate.MaxValue.ToString());
            Assert.Equal(new DateTime(1900, 1, 1), IroDate.MinValue.ToDateTime());
        }

#if NET6_0_OR_GREATER
        [Fact]
        public void DateOnlyConvertsBothWays()
        {
            Assert.Equal(new DateOnly(2024, 3, 25), D("2024-03-25").ToDateOnly());
            DateOnly implicitly = D("2025-02-28");
            Assert.Equal(new DateOnly(2025, 2, 28), implicitly);
            Assert.Equal(D("2024-04-24"), (IroDate)new DateOnly(2024, 4, 24));
            Assert.Equal(D("1900-01-01"), IroDate.FromDateOnly(new DateOnly(1900, 1, 1)));
            Assert.Equal(new DateOnly(2199, 12, 31), IroDate.MaxValue.ToDateOnly());
            Assert.Throws<IroOutOfRangeException>(() => IroDate.FromDateOnly(new DateOnly(1899, 12, 31)));
            Assert.Throws<IroOutOfRangeException>(() => (IroDate)new DateOnly(2200, 1, 1));
        }
#endif

        [Fact]
        public void BadDatesThrowTheSpecificException()
        {
            Assert.Contains("\"2023-02-29\"", Assert.Throws<InvalidDateException>(() => IroDate.Parse("2023-02-29")).Message);
            Assert.Throws<InvalidDateException>(() => IroDate.Parse("2024-13-01"));
            Assert.Throws<ParseException>(() => IroDate.Parse(" 2024-01-01"));
            var e = Assert.Throws<ParseException>(() => IroDate.Parse("2024-1-1"));
            Assert.Equal("IRO_E_PARSE", e.StatusName);
            Assert.Equal(4, e.Status);
            Assert.Throws<IroOutOfRangeException>(() => IroDate.Parse("1899-12-31"));
            Assert.Throws<IroOutOfRangeException>(() => IroDate.FromYmd(2200, 1, 1));
            Assert.Throws<InvalidDateException>(() => IroDate.FromYmd(2023, 2, 29));
            Assert.Throws<IroOutOfRangeException>(() => IroDate.MaxValue.AddDays(1));
            Assert.Throws<IroOutOfRangeException>(() => IroDate.FromDays(84006));
            Assert.Throws<ArgumentException>(() => IroDate.Parse("2024-01-01\0x"));
            Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => IroDate.Parse(null)).ParamName);
        }

        // Issue 16: each status derives from the .NET exception a caller would catch, and all carry Status.
        [Fact]
        public void EveryStatusMapsToAnExceptionDerivingFromTheMatchingDotNetOne()
        {
            var expected = new Dictionary<int, Type[]> {
                {1, new[] {typeof(InvalidArgumentException), typeof(ArgumentException)}},
                {2, new[] {typeof(IroOutOfRangeException), typeof(ArgumentOutOfRangeException)}},
                {3, new[] {typeof(InvalidDateException), typeof(ArgumentException)}},
                {4, new[] {typeof(ParseException), typeof(FormatException)}},
                {5, new[] {typeof(BufferTooSmallException), typeof(InvalidOperationException)}},
                {6, new[] {typeof(NotFoundException), typeof(KeyNotFoundException)}},
                {7, new[] {typeof(IroIOException), typeof(IOException)}},
                {8, new[] {typeof(NoMemoryException), typeof(OutOfMemoryException)}},
                {9, new[] {typeof(RuleViolationException), typeof(InvalidOperationException)}},
                {10, new[] {typeof(InternalException), typeof(IroException)}},
                {42, new[] {typeof(IroException), typeof(Exception)}} };
            foreach (var pair in expected)
            {
                Exception e = Errors.ToException(pair.Key, "the message");
                Assert.Equal(pair.Value[0], e.GetType());
                Assert.True(pair.Value[1].IsAssignableFrom(e.GetType()), pair.Value[1].Name);
                Assert.True(e is IIroException, "IIroException");
                Assert.Equal(pair.Key, ((IIroException)e).Status);
                Assert.Equal("the message", e.Message);
            }
            Assert.Equal("IRO_E_UNKNOWN", ((IIroException)Errors.ToException(42, "m")).StatusName);
            Assert.Equal("IRO_E_OUT_OF_RANGE", ((IIroException)Errors.ToException(2, "m")).StatusName);
        }
    }

    public class CalendarTests
    {
        static bool Working(int day)
        {
            int weekday = ((day % 7) + 7 + 3) % 7;  // 0 = Monday
            return weekday < 5 && !Published.Contains(day);
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

        [Fact]
        public void AgreesWithTheDayLoopOverThePublishedList()
        {
            using (var cal = WorkingCalendar.Builtin())
            {
                var rng = new Random(20240325);
                int lo = D("2012-02-01").Days, hi = D("2027-10-31").Days;
                var days = new int[2000];
                var ns = new int[days.Length];
                for (int i = 0; i < days.Length; i++) { days[i] = rng.Next(lo, hi + 1); ns[i] = rng.Next(-25, 26); }
                for (int i = 0; i < days.Length; i++)
                    Assert.Equal(LoopAdd(days[i], ns[i]), cal.AddWorkingDays(IroDate.FromDays(days[i]), ns[i]).Days);
                var batch = cal.AddWorkingDays(days, 20);
                for (int i = 0; i < days.Length; i++) Assert.Equal(LoopAdd(days[i], 20), batch[i]);
                var reversed = days.Reverse().ToArray();
                var counts = cal.WorkingDaysBetween(days, reversed);
                for (int i = 0; i < days.Length; i++)
                {
                    Assert.Equal(LoopBetween(days[i], reversed[i]), counts[i]);
                    if (i < 300) Assert.Equal(counts[i], cal.WorkingDaysBetween(IroDate.FromDays(days[i]), IroDate.FromDays(reversed[i])));
                }
                var dates = cal.AddWorkingDays(new[] { D("2024-03-25"), D("2022-09-05") }, 20);
                Assert.Equal(D("2024-04-24"), dates[0]);
                Assert.Equal(D("2022-10-04"), dates[1]);
            }
        }

        [Fact]
        public void NamedDaysHolidaysAndExplanation()
        {
            using (var cal = WorkingCalendar.Builtin("england-and-wales"))
            {
                Assert.False(cal.IsWorkingDay(D("2022-09-19")));
                Assert.False(cal.IsWorkingDay(D("2023-05-08")));
                Assert.False(cal.IsWorkingDay(D("2022-12-27")));
                Assert.Equal(D("2023-05-09"), cal.NextWorkingDay(D("2023-05-06")));
                Assert.Equal(D("2023-05-05"), cal.PreviousWorkingDay(D("2023-05-08")));
                var listed = cal.Holidays(D("2012-01-01"), D("2027-12-31"));
                Assert.Equal(Published.Count, listed.Count);
                Assert.True(listed.All(h => Published.Contains(h.Date.Days)));
                var funeral = listed.First(h => h.Date == D("2022-09-19"));
                Assert.Equal("Bank Holiday for the State Funeral of Queen Elizabeth II", funeral.Name);
                Assert.Equal(HolidayKind.BankHoliday, funeral.Kind);
                Assert.True(listed.First(h => h.Date == D("2022-12-27")).IsSubstitute);
                Assert.True(cal.Holidays(D("2030-01-01"), D("2030-12-31")).All(h => h.IsProjected));
                Assert.Equal(2027, cal.ConfirmedThrough);
                Assert.Equal(D("1970-01-01"), cal.First);
                Assert.Equal(D("2199-12-31"), cal.Last);
                Assert.Equal("england-and-wales", cal.Division);
                Assert.Contains("2023-05-08 Bank holiday for the coronation of King Charles III", cal.Explain(D("2023-04-28"), 20));
            }
        }

        [Fact]
        public void SourcesClosuresAndUpdates()
        {
            string file = TestData.File("bank-holidays.json");
            using (var cal = WorkingCalendar.Builtin())
            using (var council = cal.WithClosures(new[] { D("2022-12-28"), D("2022-12-29"), D("2022-12-30") }, "Christmas closure"))
            using (var govuk = WorkingCalendar.FromGovukFile(file))
            using (var fromText = WorkingCalendar.FromGovukText(System.IO.File.ReadAllText(file)))
            using (var updated = cal.Updated(file))
            {
                Assert.Equal(D("2023-01-17"), council.AddWorkingDays(D("2022-12-12"), 20));
                Assert.Equal(D("2023-01-12"), cal.AddWorkingDays(D("2022-12-12"), 20));
                Assert.Equal(HolidayKind.Closure, council.Holidays(D("2022-12-28"), D("2022-12-28"))[0].Kind);
                Assert.Equal(D("2012-01-01"), govuk.First);
                Assert.Equal(D("2027-12-31"), govuk.Last);
                Assert.False(fromText.IsWorkingDay(D("2023-05-08")));
                Assert.Contains("updated from", updated.Source);
                Assert.Throws<IroOutOfRangeException>(() => govuk.AddWorkingDays(D("2028-01-05"), 1));
            }
            Assert.Contains("england-and-wales", Assert.Throws<NotFoundException>(() => WorkingCalendar.Builtin("scotland")).Message);
            Assert.Throws<IroIOException>(() => WorkingCalendar.FromGovukFile(TestData.File("missing.json")));
            Assert.Contains("<text>:1:", Assert.Throws<ParseException>(() => WorkingCalendar.FromGovukText("{\"england-and-wales\": {\"events\": [")).Message);
        }

        [Fact]
        public void BatchErrorsAndDisposal()
        {
            var cal = WorkingCalendar.Builtin();
            var e = Assert.Throws<IroOutOfRangeException>(() => cal.AddWorkingDays(new[] { D("2024-01-02").Days, D("1960-01-04").Days }, 5));
            Assert.Contains("item 1", e.Message);
            Assert.Throws<ArgumentException>(() => cal.WorkingDaysBetween(new int[2], new int[1]));
            Assert.Empty(cal.AddWorkingDays(new int[0], 5));
            cal.Dispose();
            cal.Dispose();
            Assert.Throws<ObjectDisposedException>(() => cal.IsWorkingDay(D("2024-01-02")));
            Assert.Throws<ObjectDisposedException>(() => cal.Holidays(D("2024-01-01"), D("2024-12-31")));
            Assert.Throws<ObjectDisposedException>(() => cal.Division);
        }
    }
}
