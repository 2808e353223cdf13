// Casebooks: a council's data imported from an SSDA903 return (or synthesized), saved, loaded, exported.
using System;
using System.Runtime.InteropServices;

namespace Iro
{
    /// <summary>Owns an iro_casebook*.</summary>
    public sealed class CasebookHandle : SafeHandle
    {
        private CasebookHandle() : base(IntPtr.Zero, true) { }
        internal CasebookHandle(IntPtr h) : base(IntPtr.Zero, true) { SetHandle(h); }
        /// <summary>True when no casebook is held.</summary>
        public override bool IsInvalid { get { return handle == IntPtr.Zero; } }
        /// <summary>Frees the casebook.</summary>
        protected override bool ReleaseHandle() { NativeMethods.iro_casebook_free(handle); return true; }
    }

    /// <summary>What to export.</summary>
    public enum ExportFormat
    {
        /// <summary>Every child's schedule as CSV.</summary>
        Csv = 0,
        /// <summary>Every child's schedule as JSON.</summary>
        Json = 1,
        /// <summary>The held reviews as an SSDA903 Reviews table.</summary>
        Reviews903 = 2,
    }

    /// <summary>The annual report's output format.</summary>
    public enum ReportFormat
    {
        /// <summary>Text tables for a terminal.</summary>
        Text = 0,
        /// <summary>The timeliness table (months, quarters, year) as CSV.</summary>
        Csv = 1,
        /// <summary>Every table as JSON.</summary>
        Json = 2,
        /// <summary>Every table as Markdown.</summary>
        Markdown = 3,
        /// <summary>One self-contained HTML page with SVG charts.</summary>
        Html = 4,
    }

    /// <summary>One council's children, roster and disputes; use it from one thread at a time.</summary>
    public sealed class Casebook : IDisposable
    {
        private readonly CasebookHandle handle;
        private Casebook(IntPtr raw) { handle = new CasebookHandle(raw); }

        /// <summary>An empty casebook.</summary>
        public Casebook()
        {
            Library.EnsureCompatible();
            IntPtr raw;
            Errors.Check(NativeMethods.iro_casebook_new(out raw));
            handle = new CasebookHandle(raw);
        }

        /// <summary>Loads a saved casebook (truncated, corrupted or newer files are refused).</summary>
        public static Casebook Load(string path)
        {
            Library.EnsureCompatible();
            IntPtr raw;
            Errors.Check(NativeMethods.iro_casebook_load(Utf8.ToNative(path, "path"), out raw));
            return new Casebook(raw);
        }

        private CasebookHandle H { get { return Policy.Live(handle); } }

        /// <summary>Replaces the children with an SSDA903 return's; returns the number of rows rejected.</summary>
        public long Import903(string directory, bool strict = false)
        {
            UIntPtr rejected, doubtful;
            Errors.Check(NativeMethods.iro_casebook_import_903(H, Utf8.ToNative(directory, "directory"), strict ? 1 : 0, out rejected, out doubtful));
            return (long)rejected;
        }

        /// <summary>Replaces the contents with a synthetic council.</summary>
        public void Synthesize(uint children, uint iros, uint years, ulong seed)
        {
            Errors.Check(NativeMethods.iro_casebook_synthesize(H, children, iros, years, seed));
        }

        /// <summary>Saves atomically (binary, or a portable text archive).</summary>
        public void Save(string path, bool text = false)
        {
            Errors.Check(NativeMethods.iro_casebook_save(H, Utf8.ToNative(path, "path"), text ? 0 : 1));
        }

        /// <summary>(children, IROs, disputes).</summary>
        public long[] Counts()
        {
            UIntPtr a, b, c;
            Errors.Check(NativeMethods.iro_casebook_counts(H, out a, out b, out c));
            return new[] { (long)a, (long)b, (long)c };
        }

        /// <summary>The children as a Children set for Schedules.Evaluate.</summary>
        public Children Children()
        {
            IntPtr raw;
            Errors.Check(NativeMethods.iro_casebook_children(H, out raw));
            return new Children(raw);
        }

        /// <summary>Every child's computed schedule as CSV or JSON, or the reviews as a 903 table.</summary>
        public string Export(Policy policy, Calendar calendar, IroDate asOf, ExportFormat format = ExportFormat.Csv)
        {
            if (policy == null) throw new ArgumentNullException("policy");
            if (calendar == null) throw new ArgumentNullException("calendar");
            UIntPtr needed;
            int status = NativeMethods.iro_casebook_export(H, Policy.Live(policy.Handle), calendar.NativeHandle, asOf.Days, (int)format, null, UIntPtr.Zero, out needed);
            if (status != Errors.BufferTooSmall) Errors.Check(status);
            var buffer = new byte[(int)needed];
            Errors.Check(NativeMethods.iro_casebook_export(H, policy.Handle, calendar.NativeHandle, asOf.Days, (int)format, buffer, (UIntPtr)buffer.Length, out needed));
            return Utf8.FromBuffer(buffer);
        }

        /// <summary>The IRO annual report for the year from 1 April <paramref name="year"/> (docs/report.md).</summary>
        public string Report(Policy policy, Calendar calendar, int year, ReportFormat format = ReportFormat.Text)
        {
            if (policy == null) throw new ArgumentNullException("policy");
            if (calendar == null) throw new ArgumentNullException("calendar");
            UIntPtr needed;
            int status = NativeMethods.iro_casebook_report(H, Policy.Live(policy.Handle), calendar.NativeHandle, year, (int)format, null, UIntPtr.Zero, out needed);
            if (status != Errors.BufferTooSmall) Errors.Check(status);
            var buffer = new byte[(int)needed];
            Errors.Check(NativeMethods.iro_casebook_report(H, policy.Handle, calendar.NativeHandle, year, (int)format, buffer, (UIntPtr)buffer.Length, out needed));
            return Utf8.FromBuffer(buffer);
        }

        /// <summary>Every figure of the annual report by name with its count, as CSV text "figure,count"
        /// ("timeliness.2024-06.due,63", "records.late,71"...; docs/report.md lists the names).</summary>
        /// <param name="policy">The policy.</param>
        /// <param name="calendar">The calendar.</param>
        /// <param name="year">The reporting year's first calendar year.</param>
        /// <returns>The CSV text.</returns>
        public string ReportFigures(Policy policy, Calendar calendar, int year)
        {
            if (policy == null) throw new ArgumentNullException("policy");
            if (calendar == null) throw new ArgumentNullException("calendar");
            UIntPtr needed;
            int status = NativeMethods.iro_casebook_report_figures(H, Policy.Live(policy.Handle), calendar.NativeHandle, year, null, UIntPtr.Zero, out needed);
            if (status != Errors.BufferTooSmall) Errors.Check(status);
            var buffer = new byte[(int)needed];
            Errors.Check(NativeMethods.iro_casebook_report_figures(H, policy.Handle, calendar.NativeHandle, year, buffer, (UIntPtr)buffer.Length, out needed));
            return Utf8.FromBuffer(buffer);
        }

        /// <summary>The rows behind one figure, as CSV text "figure,child,date,detail": one row per item
        /// counted, so the number of rows is the figure.</summary>
        /// <param name="policy">The policy.</param>
        /// <param name="calendar">The calendar.</param>
        /// <param name="year">The reporting year's first calendar year.</param>
        /// <param name="figure">The figure's name, as ReportFigures lists them.</param>
        /// <returns>The CSV text.</returns>
        /// <exception cref="NotFoundException">The name is no figure of the report.</exception>
        public string ReportQuery(Policy policy, Calendar calendar, int year, string figure)
        {
            if (policy == null) throw new ArgumentNullException("policy");
            if (calendar == null) throw new ArgumentNullException("calendar");
            byte[] name = Utf8.ToNative(figure, "figure");
            UIntPtr needed;
            int status = NativeMethods.iro_casebook_report_query(H, Policy.Live(policy.Handle), calendar.NativeHandle, year, name, null, UIntPtr.Zero, out needed);
            if (status != Errors.BufferTooSmall) Errors.Check(status);
            var buffer = new byte[(int)needed];
            Errors.Check(NativeMethods.iro_casebook_report_query(H, policy.Handle, calendar.NativeHandle, year, name, buffer, (UIntPtr)buffer.Length, out needed));
            return Utf8.FromBuffer(buffer);
        }

        /// <summary>Frees the native casebook.</summary>
        public void Dispose() { handle.Dispose(); }
    }
}
