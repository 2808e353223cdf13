// Iro.IroDate: a calendar date as days since 1970-01-01, the value the C API uses.
using System;

namespace Iro
{
    /// <summary>A date in the supported range 1900-01-01 to 2199-12-31, stored as days since 1970-01-01.</summary>
    public struct IroDate : IEquatable<IroDate>, IComparable<IroDate>
    {
        /// <summary>Days since 1970-01-01.</summary>
        public int Days { get; }

        private IroDate(int days) { Days = days; }

        /// <summary>1900-01-01.</summary>
        public static readonly IroDate MinValue = new IroDate(-25567);
        /// <summary>2199-12-31.</summary>
        public static readonly IroDate MaxValue = new IroDate(84005);

        /// <summary>The date of a day count; throws IroOutOfRangeException outside the supported range.</summary>
        public static IroDate FromDays(int days)
        {
            Library.EnsureCompatible();
            Errors.Check(NativeMethods.iro_date_check(days));
            return new IroDate(days);
        }

        /// <summary>The date with these fields; throws InvalidDateException (2023-02-29) or IroOutOfRangeException.</summary>
        public static IroDate FromYmd(int year, int month, int day)
        {
            Library.EnsureCompatible();
            int days;
            Errors.Check(NativeMethods.iro_date_from_ymd(year, month, day, out days));
            return new IroDate(days);
        }

        /// <summary>Parses strict ISO-8601 "YYYY-MM-DD"; throws ParseException, InvalidDateException or IroOutOfRangeException.</summary>
        public static IroDate Parse(string text)
        {
            Library.EnsureCompatible();
            int days;
            Errors.Check(NativeMethods.iro_date_parse(Utf8.ToNative(text, "text"), out days));
            return new IroDate(days);
        }

        /// <summary>The same calendar day as a DateTime's date part.</summary>
        public static IroDate FromDateTime(DateTime value) { return FromYmd(value.Year, value.Month, value.Day); }

        /// <summary>Midnight (unspecified kind) of this date.</summary>
        public DateTime ToDateTime() { return new DateTime(1970, 1, 1).AddDays(Days); }

#if NET6_0_OR_GREATER
        /// <summary>The same day as a DateOnly; throws IroOutOfRangeException outside 1900-01-01 to 2199-12-31.</summary>
        public static IroDate FromDateOnly(DateOnly value) { return FromDays(value.DayNumber - UnixDayNumber); }

        /// <summary>This date as a DateOnly.</summary>
        public DateOnly ToDateOnly() { return DateOnly.FromDayNumber(Days + UnixDayNumber); }

        /// <summary>Every IroDate is a DateOnly.</summary>
        public static implicit operator DateOnly(IroDate date) { return date.ToDateOnly(); }

        /// <summary>A DateOnly in the supported range as an IroDate (IroOutOfRangeException outside it).</summary>
        public static explicit operator IroDate(DateOnly date) { return FromDateOnly(date); }

        // DateOnly.DayNumber of 1970-01-01 (days since 0001-01-01).
        private const int UnixDayNumber = 719162;
#endif

        private int[] Fields()
        {
            int y, m, d;
            Errors.Check(NativeMethods.iro_date_to_ymd(Days, out y, out m, out d));
            return new[] { y, m, d };
        }

        /// <summary>The year.</summary>
        public int Year { get { return Fields()[0]; } }
        /// <summary>The month, 1-12.</summary>
        public int Month { get { return Fields()[1]; } }
        /// <summary>The day of the month.</summary>
        public int Day { get { return Fields()[2]; } }

        /// <summary>The day of the week.</summary>
        public DayOfWeek DayOfWeek
        {
            get
            {
                int w;
                Errors.Check(NativeMethods.iro_date_weekday(Days, out w));
                return (DayOfWeek)(w % 7);  // ISO 1 = Monday ... 7 = Sunday; .NET Sunday = 0
            }
        }

        /// <summary>This date plus n days.</summary>
        public IroDate AddDays(int n) { int r; Errors.Check(NativeMethods.iro_date_add_days(Days, n, out r)); return new IroDate(r); }
        /// <summary>"n weeks after": this date plus 7n days.</summary>
        public IroDate AddWeeks(int n) { int r; Errors.Check(NativeMethods.iro_date_add_weeks(Days, n, out r)); return new IroDate(r); }
        /// <summary>"n months after": the corresponding day, or the last day of a shorter month (2024-08-31 + 6 = 2025-02-28).</summary>
        public IroDate AddMonths(int n) { int r; Errors.Check(NativeMethods.iro_date_add_months(Days, n, out r)); return new IroDate(r); }

        /// <summary>Adds months to many dates in one native call.</summary>
        public static IroDate[] AddMonths(IroDate[] dates, int n)
        {
            Check.NotNull(dates, nameof(dates));
            var days = ToDays(dates);
            var result = new int[days.Length];
            Errors.Check(NativeMethods.iro_date_add_months_batch(days, (UIntPtr)days.Length, n, result));
            return FromDaysUnchecked(result);
        }

        internal static int[] ToDays(IroDate[] dates)
        {
            var days = new int[dates.Length];
            for (int i = 0; i < dates.Length; i++) days[i] = dates[i].Days;
            return days;
        }

        internal static IroDate[] FromDaysUnchecked(int[] days)
        {
            var dates = new IroDate[days.Length];
            for (int i = 0; i < days.Length; i++) dates[i] = new IroDate(days[i]);
            return dates;
        }

        internal static IroDate Unchecked(int days) { return new IroDate(days); }

        /// <summary>The ISO-8601 text "YYYY-MM-DD".</summary>
        public override string ToString()
        {
            var buffer = new byte[11];
            UIntPtr needed;
            Errors.Check(NativeMethods.iro_date_format(Days, buffer, (UIntPtr)buffer.Length, out needed));
            return Utf8.FromBuffer(buffer);
        }

        /// <summary>Equality by day.</summary>
        public bool Equals(IroDate other) { return Days == other.Days; }
        /// <summary>Equality by day.</summary>
        public override bool Equals(object? obj) { return obj is IroDate && Equals((IroDate)obj); }
        /// <summary>Hash of the day count.</summary>
        public override int GetHashCode() { return Days; }
        /// <summary>Order by day.</summary>
        public int CompareTo(IroDate other) { return Days.CompareTo(other.Days); }
        /// <summary>Equality.</summary>
        public static bool operator ==(IroDate a, IroDate b) { return a.Days == b.Days; }
        /// <summary>Inequality.</summary>
        public static bool operator !=(IroDate a, IroDate b) { return a.Days != b.Days; }
        /// <summary>Before.</summary>
        public static bool operator <(IroDate a, IroDate b) { return a.Days < b.Days; }
        /// <summary>After.</summary>
        public static bool operator >(IroDate a, IroDate b) { return a.Days > b.Days; }
        /// <summary>On or before.</summary>
        public static bool operator <=(IroDate a, IroDate b) { return a.Days <= b.Days; }
        /// <summary>On or after.</summary>
        public static bool operator >=(IroDate a, IroDate b) { return a.Days >= b.Days; }
        /// <summary>Calendar days from b to a.</summary>
        public static int operator -(IroDate a, IroDate b) { return a.Days - b.Days; }
    }
}
