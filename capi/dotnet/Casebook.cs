// Casebooks: a council's data imported from its directory or an SSDA903 return (or synthesized), saved,
// loaded, exported; and the report of what an import read and rejected.
using System;
using System.Collections.Generic;
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
        /// <summary>Every table as one long CSV: table,row,measure,value.</summary>
        Csv = 1,
        /// <summary>Every table as JSON.</summary>
        Json = 2,
        /// <summary>Every table as Markdown.</summary>
        Markdown = 3,
        /// <summary>One self-contained HTML page with SVG charts.</summary>
        Html = 4,
    }

    /// <summary>One rejected or doubtful row of an import.</summary>
    public sealed class ImportIssue
    {
        /// <summary>The file, relative to the directory imported: "episodes.csv", "roster/allocations.csv".</summary>
        public string File { get; internal set; }
        /// <summary>The 1-based line of the row in its file (1 is the header row); 0 for an issue about a whole child.</summary>
        public long Line { get; internal set; }
        /// <summary>The column at fault ("from", "stage"), or "" when the issue is about the row.</summary>
        public string Column { get; internal set; }
        /// <summary>What is wrong, naming the value.</summary>
        public string Message { get; internal set; }
        /// <summary>True: the row was left out; false: it was kept, but is doubtful.</summary>
        public bool Rejected { get; internal set; }
        /// <summary>"roster/allocations.csv:5: column from: ...".</summary>
        public override string ToString()
        {
            return File + ":" + Line + ": " + (Column == "" ? "" : "column " + Column + ": ") + Message;
        }
    }

    /// <summary>What an import read and what it found.</summary>
    public sealed class ImportReport
    {
        /// <summary>Data rows read per file (rejected ones included), by the file's path relative to the
        /// directory; an absent file is not listed.</summary>
        public IReadOnlyDictionary<string, long> Rows { get; internal set; }
        /// <summary>Every rejected or doubtful row, in file and line order.</summary>
        public IReadOnlyList<ImportIssue> Issues { get; internal set; }
        /// <summary>The number of rows left out.</summary>
        public long Rejected { get { long n = 0; foreach (var i in Issues) if (i.Rejected) n++; return n; } }
        /// <summary>The number of rows kept but doubtful.</summary>
        public long Doubtful { get { return Issues.Count - Rejected; } }
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

        /// <summary>Replaces the children with an SSDA903 return's; returns the number of rows rejected
        /// (LastImport() gives the rows read per file and every issue).</summary>
        public long Import903(string directory, bool strict = false)
        {
            UIntPtr rejected, doubtful;
            Errors.Check(NativeMethods.iro_casebook_import_903(H, Utf8.ToNative(directory, "directory"), strict ? 1 : 0, out rejected, out doubtful));
            return (long)rejected;
        }

        /// <summary>
        /// Replaces the children, the roster and the disputes with a council's whole directory (the layout
        /// of <c>iro synth</c>, docs/ssda903.md: header.csv and episodes.csv required; reviews.csv,
        /// placed_for_adoption.csv, review_records.csv, midway_reviews.csv; roster/iros.csv,
        /// roster/children.csv, roster/allocations.csv, roster/absences.csv; disputes/events.csv). Lenient by
        /// default: a bad row of any file, or a dispute event the policy's ladder or categories do not allow,
        /// is left out and reported, and the rest is read. On any error the casebook is unchanged, and so is
        /// its last report.
        /// </summary>
        /// <param name="directory">The council's directory.</param>
        /// <param name="policy">The policy whose ladder and categories the dispute events must fit.</param>
        /// <param name="calendar">The working-day calendar; the policy's closure days are added to it.</param>
        /// <param name="strict">True: the first rejected row fails the import with its own error, naming the
        /// file and line.</param>
        /// <returns>The report of the import (also kept: see LastImport()).</returns>
        /// <exception cref="IoException">header.csv or episodes.csv is missing, or a file cannot be read.</exception>
        /// <exception cref="ParseException">A file is not CSV or lacks a required column; in strict mode, a
        /// row that does not parse.</exception>
        public ImportReport ImportCouncil(string directory, Policy policy, Calendar calendar, bool strict = false)
        {
            if (policy == null) throw new ArgumentNullException("policy");
            if (calendar == null) throw new ArgumentNullException("calendar");
            UIntPtr rejected, doubtful;
            Errors.Check(NativeMethods.iro_casebook_import_council(H, Utf8.ToNative(directory, "directory"), Policy.Live(policy.Handle), calendar.NativeHandle, strict ? 1 : 0, out rejected, out doubtful));
            return LastImport();
        }

        /// <summary>The report of the last successful import into this casebook (ImportCouncil or
        /// Import903): the rows read per file and every rejected or doubtful row; empty before any import.</summary>
        /// <returns>The report, copied out of the casebook.</returns>
        public ImportReport LastImport()
        {
            UIntPtr count;
            int status = NativeMethods.iro_casebook_import_issues(H, null, UIntPtr.Zero, out count);
            if (status != Errors.Ok && status != Errors.BufferTooSmall) Errors.Check(status);
            var issues = new IroImportIssueNative[(int)count];
            Errors.Check(NativeMethods.iro_casebook_import_issues(H, issues, (UIntPtr)issues.Length, out count));
            status = NativeMethods.iro_casebook_import_rows(H, null, UIntPtr.Zero, out count);
            if (status != Errors.Ok && status != Errors.BufferTooSmall) Errors.Check(status);
            var rows = new IroImportRowsNative[(int)count];
            Errors.Check(NativeMethods.iro_casebook_import_rows(H, rows, (UIntPtr)rows.Length, out count));
            // The strings are copied while the casebook is alive.
            var list = new List<ImportIssue>(issues.Length);
            foreach (var i in issues)
                list.Add(new ImportIssue { File = Utf8.FromNative(i.File), Line = (long)(ulong)i.Line, Column = Utf8.FromNative(i.Column), Message = Utf8.FromNative(i.Message), Rejected = i.Rejected != 0 });
            var perFile = new Dictionary<string, long>();
            foreach (var r in rows) perFile[Utf8.FromNative(r.File)] = (long)(ulong)r.Rows;
            GC.KeepAlive(this);
            return new ImportReport { Rows = perFile, Issues = list };
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

        /// <summary>The IRO annual report for the year from 1 April <paramref name="year"/> (docs/report.md),
        /// computed once: read its figures, the rows behind them, its cells and any layout from the Report.</summary>
        /// <param name="policy">The policy (timescales, band, ladder).</param>
        /// <param name="calendar">The calendar; the policy's closure days are added to it.</param>
        /// <param name="year">The reporting year's first calendar year (2024 for 2024/25).</param>
        /// <returns>The report; dispose it when done.</returns>
        /// <exception cref="InvalidArgumentException">No child was looked after in the year.</exception>
        /// <exception cref="OutOfRangeException">The year is outside 1900-2198.</exception>
        public Report Report(Policy policy, Calendar calendar, int year)
        {
            if (policy == null) throw new ArgumentNullException("policy");
            if (calendar == null) throw new ArgumentNullException("calendar");
            IntPtr raw;
            Errors.Check(NativeMethods.iro_report_new(H, Policy.Live(policy.Handle), calendar.NativeHandle, year, out raw));
            return new Report(raw);
        }

        /// <summary>Frees the native casebook.</summary>
        public void Dispose() { handle.Dispose(); }
    }
}
