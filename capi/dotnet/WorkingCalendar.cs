// Iro.WorkingCalendar: working-day calendars (not Calendar, which System.Globalization has) over an iro_calendar handle held in a SafeHandle.
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace Iro
{
    /// <summary>Owns an iro_calendar*; released with iro_calendar_free.</summary>
    public sealed class CalendarHandle : SafeHandle
    {
        private CalendarHandle() : base(IntPtr.Zero, true) { }

        internal CalendarHandle(IntPtr handle) : base(IntPtr.Zero, true) { SetHandle(handle); }

        /// <summary>True when no calendar is held.</summary>
        public override bool IsInvalid { get { return handle == IntPtr.Zero; } }

        /// <summary>Frees the calendar.</summary>
        protected override bool ReleaseHandle()
        {
            NativeMethods.iro_calendar_free(handle);
            return true;
        }
    }

    /// <summary>Whether a non-working weekday is a bank holiday or a council closure.</summary>
    public enum HolidayKind
    {
        /// <summary>A bank holiday, Christmas Day or Good Friday.</summary>
        BankHoliday = 1,
        /// <summary>A closure day the council added.</summary>
        Closure = 2,
    }

    /// <summary>One non-working weekday.</summary>
    public sealed class Holiday
    {
        internal Holiday(IroDate date, string name, HolidayKind kind, bool isSubstitute, bool isProjected)
        {
            Date = date; Name = name; Kind = kind; IsSubstitute = isSubstitute; IsProjected = isProjected;
        }
        /// <summary>The day.</summary>
        public IroDate Date { get; }
        /// <summary>Its name.</summary>
        public string Name { get; }
        /// <summary>Bank holiday or closure.</summary>
        public HolidayKind Kind { get; }
        /// <summary>A substitute day (the holiday itself fell at a weekend).</summary>
        public bool IsSubstitute { get; }
        /// <summary>In a year no published list has confirmed yet.</summary>
        public bool IsProjected { get; }
        /// <summary>"2022-09-19 Bank Holiday for ...".</summary>
        public override string ToString() { return Date + " " + Name; }
    }

    /// <summary>
    /// An immutable working-day calendar (England and Wales built in; GOV.UK lists; closure days).
    /// A working day is not a Saturday, Sunday, Christmas Day, Good Friday, bank holiday or closure day;
    /// "within n working days of d" counts d as day 0. One instance may be shared by many threads.
    /// </summary>
    public sealed class WorkingCalendar : IDisposable
    {
        private readonly CalendarHandle handle;

        private WorkingCalendar(IntPtr raw) { handle = new CalendarHandle(raw); }

        private static WorkingCalendar Make(int status, IntPtr raw)
        {
            Errors.Check(status);
            return new WorkingCalendar(raw);
        }

        /// <summary>The built-in calendar (1970-2199) from the statutory rules and proclamations.</summary>
        public static WorkingCalendar Builtin(string division = "england-and-wales")
        {
            Library.EnsureCompatible();
            IntPtr raw;
            int status = NativeMethods.iro_calendar_new_builtin(Utf8.ToNative(division, "division"), out raw);
            return Make(status, raw);
        }

        /// <summary>A calendar from a GOV.UK bank-holidays.json file alone, covering the file's years.</summary>
        public static WorkingCalendar FromGovukFile(string path, string division = "england-and-wales")
        {
            Library.EnsureCompatible();
            IntPtr raw;
            int status = NativeMethods.iro_calendar_new_from_govuk_file(Utf8.ToNative(path, "path"), Utf8.ToNative(division, "division"), out raw);
            return Make(status, raw);
        }

        /// <summary>As FromGovukFile, from the document's text.</summary>
        public static WorkingCalendar FromGovukText(string json, string division = "england-and-wales")
        {
            Library.EnsureCompatible();
            Check.NotNull(json, nameof(json));
            var bytes = System.Text.Encoding.UTF8.GetBytes(json);
            IntPtr raw;
            int status = NativeMethods.iro_calendar_new_from_govuk_text(bytes, (UIntPtr)bytes.Length, Utf8.ToNative(division, "division"), out raw);
            return Make(status, raw);
        }

        /// <summary>A new calendar: this one with a newer GOV.UK list's years replacing its own.</summary>
        public WorkingCalendar Updated(string path, string division = "england-and-wales")
        {
            IntPtr raw;
            int status = NativeMethods.iro_calendar_new_updated(Handle, Utf8.ToNative(path, "path"), Utf8.ToNative(division, "division"), out raw);
            return Make(status, raw);
        }

        /// <summary>A new calendar: this one plus the council's closure days.</summary>
        public WorkingCalendar WithClosures(IEnumerable<IroDate> days, string name = "Council closure")
        {
            Check.NotNull(days, nameof(days));
            var list = new List<int>();
            foreach (var d in days) list.Add(d.Days);
            IntPtr raw;
            int status = NativeMethods.iro_calendar_new_with_closures(Handle, list.ToArray(), (UIntPtr)list.Count, Utf8.ToNative(name, "name"), out raw);
            return Make(status, raw);
        }

        internal CalendarHandle NativeHandle { get { return Handle; } }

        private CalendarHandle Handle
        {
            get
            {
                if (handle.IsClosed) throw new ObjectDisposedException(nameof(WorkingCalendar));
                return handle;
            }
        }

        /// <summary>Frees the native calendar.</summary>
        public void Dispose() { handle.Dispose(); }

        private int[] Info()
        {
            int first, last, confirmed;
            Errors.Check(NativeMethods.iro_calendar_info(Handle, out first, out last, out confirmed));
            return new[] { first, last, confirmed };
        }

        /// <summary>The first day covered.</summary>
        public IroDate First { get { return IroDate.Unchecked(Info()[0]); } }
        /// <summary>The last day covered.</summary>
        public IroDate Last { get { return IroDate.Unchecked(Info()[1]); } }
        /// <summary>The last year a published list confirmed; later years are projected.</summary>
        public int ConfirmedThrough { get { return Info()[2]; } }

        private string[] Describe()
        {
            using (new HandleLease(handle, nameof(WorkingCalendar)))
            {
                IntPtr division, source;
                Errors.Check(NativeMethods.iro_calendar_describe(handle, out division, out source));
                HandleLease.Copying();
                return new[] { Utf8.FromNative(division), Utf8.FromNative(source) };
            }
        }

        /// <summary>The division, "england-and-wales".</summary>
        public string Division { get { return Describe()[0]; } }
        /// <summary>Where the calendar came from.</summary>
        public string Source { get { return Describe()[1]; } }

        /// <summary>Whether a day is a working day.</summary>
        public bool IsWorkingDay(IroDate date)
        {
            int result;
            Errors.Check(NativeMethods.iro_calendar_is_working_day(Handle, date.Days, out result));
            return result != 0;
        }

        /// <summary>The n-th working day after a date (before when n &lt; 0; the date when n = 0).</summary>
        public IroDate AddWorkingDays(IroDate date, int n)
        {
            int result;
            Errors.Check(NativeMethods.iro_calendar_add_working_days(Handle, date.Days, n, out result));
            return IroDate.Unchecked(result);
        }

        /// <summary>AddWorkingDays over day counts (days since 1970-01-01) in one native call.</summary>
        public int[] AddWorkingDays(int[] days, int n)
        {
            Check.NotNull(days, nameof(days));
            var result = new int[days.Length];
            Errors.Check(NativeMethods.iro_calendar_add_working_days_batch(Handle, days, (UIntPtr)days.Length, n, result));
            return result;
        }

        /// <summary>AddWorkingDays over dates in one native call.</summary>
        public IroDate[] AddWorkingDays(IroDate[] dates, int n)
        {
            Check.NotNull(dates, nameof(dates));
            return IroDate.FromDaysUnchecked(AddWorkingDays(IroDate.ToDays(dates), n));
        }

        /// <summary>Working days in (from, to]; negative when to is before from.</summary>
        public int WorkingDaysBetween(IroDate from, IroDate to)
        {
            int result;
            Errors.Check(NativeMethods.iro_calendar_working_days_between(Handle, from.Days, to.Days, out result));
            return result;
        }

        /// <summary>WorkingDaysBetween over arrays of day counts in one native call.</summary>
        public int[] WorkingDaysBetween(int[] from, int[] to)
        {
            Check.NotNull(from, nameof(from));
            Check.NotNull(to, nameof(to));
            if (from.Length != to.Length) throw new ArgumentException("from and to differ in length", nameof(to));
            var result = new int[from.Length];
            Errors.Check(NativeMethods.iro_calendar_working_days_between_batch(Handle, from, to, (UIntPtr)from.Length, result));
            return result;
        }

        /// <summary>The first working day on or after a date.</summary>
        public IroDate NextWorkingDay(IroDate date)
        {
            int result;
            Errors.Check(NativeMethods.iro_calendar_next_working_day(Handle, date.Days, out result));
            return IroDate.Unchecked(result);
        }

        /// <summary>The last working day on or before a date.</summary>
        public IroDate PreviousWorkingDay(IroDate date)
        {
            int result;
            Errors.Check(NativeMethods.iro_calendar_previous_working_day(Handle, date.Days, out result));
            return IroDate.Unchecked(result);
        }

        /// <summary>The non-working weekdays in [from, to], in date order.</summary>
        public IReadOnlyList<Holiday> Holidays(IroDate from, IroDate to)
        {
            // The names are owned by the calendar: the lease keeps it alive until they are copied, even when
            // another thread disposes it meanwhile.
            using (new HandleLease(handle, nameof(WorkingCalendar)))
            {
                UIntPtr count;
                int status = NativeMethods.iro_calendar_holidays(handle, from.Days, to.Days, null, UIntPtr.Zero, out count);
                if (status != Errors.Ok && status != Errors.BufferTooSmall) Errors.Check(status);
                var native = new IroHolidayNative[(int)count];
                Errors.Check(NativeMethods.iro_calendar_holidays(handle, from.Days, to.Days, native, (UIntPtr)native.Length, out count));
                HandleLease.Copying();
                var list = new List<Holiday>(native.Length);
                foreach (var h in native)
                    list.Add(new Holiday(IroDate.Unchecked(h.Day), Utf8.FromNative(h.Name), (HolidayKind)h.Kind, h.Substitute != 0, h.Projected != 0));
                return list;
            }
        }

        /// <summary>One sentence: the result of date + n working days and every non-working day stepped over.</summary>
        public string Explain(IroDate date, int n)
        {
            UIntPtr needed;
            int status = NativeMethods.iro_calendar_explain_add(Handle, date.Days, n, null, UIntPtr.Zero, out needed);
            if (status != Errors.BufferTooSmall) Errors.Check(status);
            var buffer = new byte[(int)needed];
            Errors.Check(NativeMethods.iro_calendar_explain_add(Handle, date.Days, n, buffer, (UIntPtr)buffer.Length, out needed));
            return Utf8.FromBuffer(buffer);
        }
    }
}
