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
        internal ImportIssue(string file, long line, string column, string message, bool rejected)
        {
            File = file; Line = line; Column = column; Message = message; Rejected = rejected;
        }
        /// <summary>The file, relative to the directory imported: "episodes.csv", "roster/allocations.csv".</summary>
        public string File { get; }
        /// <summary>The 1-based line of the row in its file (1 is the header row); 0 for an issue about a whole child.</summary>
        public long Line { get; }
        /// <summary>The column at fault ("from", "stage"), or "" when the issue is about the row.</summary>
        public string Column { get; }
        /// <summary>What is wrong, naming the value.</summary>
        public string Message { get; }
        /// <summary>True: the row was left out; false: it was kept, but is doubtful.</summary>
        public bool Rejected { get; }
        /// <summary>"roster/allocations.csv:5: column from: ...".</summary>
        public override string ToString()
        {
            return File + ":" + Line + ": " + (Column == "" ? "" : "column " + Column + ": ") + Message;
        }
    }

    /// <summary>What an import read and what it found.</summary>
    public sealed class ImportReport
    {
        internal ImportReport(IReadOnlyDictionary<string, long> rows, IReadOnlyList<ImportIssue> issues) { Rows = rows; Issues = issues; }
        /// <summary>Data rows read per file (rejected ones included), by the file's path relative to the
        /// directory; an absent file is not listed.</summary>
        public IReadOnlyDictionary<string, long> Rows { get; }
        /// <summary>Every rejected or doubtful row, in file and line order.</summary>
        public IReadOnlyList<ImportIssue> Issues { get; }
        /// <summary>The number of rows left out.</summary>
        public long Rejected { get { long n = 0; foreach (var i in Issues) if (i.Rejected) n++; return n; } }
        /// <summary>The number of rows kept but doubtful.</summary>
        public long Doubtful { get { return Issues.Count - Rejected; } }
    }

    /// <summary>What a casebook holds (<see cref="Casebook.Counts"/>).</summary>
    public sealed class CasebookCounts
    {
        internal CasebookCounts(long children, long officers, long disputes) { Children = children; Officers = officers; Disputes = disputes; }
        /// <summary>Children.</summary>
        public long Children { get; }
        /// <summary>IROs on the roster.</summary>
        public long Officers { get; }
        /// <summary>Disputes.</summary>
        public long Disputes { get; }
        /// <summary>"N children, N IROs, N disputes".</summary>
        public override string ToString() { return Children + " children, " + Officers + " IROs, " + Disputes + " disputes"; }
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
            Errors.Check(NativeMethods.iro_casebook_load(Utf8.ToNative(path, nameof(path)), out raw));
            return new Casebook(raw);
        }

        private CasebookHandle H { get { return Policy.Live(handle); } }

        /// <summary>Replaces the children with an SSDA903 return's (header.csv, episodes.csv, reviews.csv ...).</summary>
        /// <param name="directory">The return's directory.</param>
        /// <param name="strict">True: the first rejected row fails the import with its own error.</param>
        /// <returns>The report of the import: rows read per file, every rejected or doubtful row (also kept: see LastImport()).</returns>
        public ImportReport Import903(string directory, bool strict = false)
        {
            UIntPtr rejected, doubtful;
            Errors.Check(NativeMethods.iro_casebook_import_903(H, Utf8.ToNative(directory, nameof(directory)), strict ? 1 : 0, out rejected, out doubtful));
            return LastImport();
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
        /// <exception cref="IroIOException">header.csv or episodes.csv is missing, or a file cannot be read.</exception>
        /// <exception cref="ParseException">A file is not CSV or lacks a required column; in strict mode, a
        /// row that does not parse.</exception>
        public ImportReport ImportCouncil(string directory, Policy policy, WorkingCalendar calendar, bool strict = false)
        {
            byte[] dir = Utf8.ToNative(directory, nameof(directory));
            Check.NotNull(policy, nameof(policy));
            Check.NotNull(calendar, nameof(calendar));
            UIntPtr rejected, doubtful;
            Errors.Check(NativeMethods.iro_casebook_import_council(H, dir, Policy.Live(policy.Handle), calendar.NativeHandle, strict ? 1 : 0, out rejected, out doubtful));
            return LastImport();
        }

        /// <summary>The report of the last successful import into this casebook (ImportCouncil or
        /// Import903): the rows read per file and every rejected or doubtful row; empty before any import.</summary>
        /// <returns>The report, copied out of the casebook.</returns>
        public ImportReport LastImport()
        {
            // The strings are owned by the casebook: copied inside the lease.
            using (new HandleLease(handle, nameof(Casebook)))
            {
                UIntPtr count;
                int status = NativeMethods.iro_casebook_import_issues(handle, null, UIntPtr.Zero, out count);
                if (status != Errors.Ok && status != Errors.BufferTooSmall) Errors.Check(status);
                var issues = new IroImportIssueNative[(int)count];
                Errors.Check(NativeMethods.iro_casebook_import_issues(handle, issues, (UIntPtr)issues.Length, out count));
                status = NativeMethods.iro_casebook_import_rows(handle, null, UIntPtr.Zero, out count);
                if (status != Errors.Ok && status != Errors.BufferTooSmall) Errors.Check(status);
                var rows = new IroImportRowsNative[(int)count];
                Errors.Check(NativeMethods.iro_casebook_import_rows(handle, rows, (UIntPtr)rows.Length, out count));
                HandleLease.Copying();
                var list = new List<ImportIssue>(issues.Length);
                foreach (var i in issues)
                    list.Add(new ImportIssue(Utf8.FromNative(i.File), (long)(ulong)i.Line, Utf8.FromNative(i.Column), Utf8.FromNative(i.Message), i.Rejected != 0));
                var perFile = new Dictionary<string, long>();
                foreach (var r in rows) perFile[Utf8.FromNative(r.File)] = (long)(ulong)r.Rows;
                return new ImportReport(perFile, list);
            }
        }

        /// <summary>Replaces the contents with a synthetic council.</summary>
        /// <param name="children">How many children.</param>
        /// <param name="officers">How many IROs.</param>
        /// <param name="years">How many years of history.</param>
        /// <param name="seed">The random seed (the same seed gives the same council).</param>
        public void Synthesize(uint children, uint officers, uint years, ulong seed)
        {
            Errors.Check(NativeMethods.iro_casebook_synthesize(H, children, officers, years, seed));
        }

        /// <summary>Saves atomically (binary, or a portable text archive).</summary>
        public void Save(string path, bool text = false)
        {
            Errors.Check(NativeMethods.iro_casebook_save(H, Utf8.ToNative(path, nameof(path)), text ? 0 : 1));
        }

        /// <summary>How many children, IROs and disputes the casebook holds.</summary>
        /// <returns>The counts.</returns>
        public CasebookCounts Counts()
        {
            UIntPtr a, b, c;
            Errors.Check(NativeMethods.iro_casebook_counts(H, out a, out b, out c));
            return new CasebookCounts((long)a, (long)b, (long)c);
        }

        /// <summary>The children as a Children set for Schedules.Evaluate.</summary>
        public Children Children()
        {
            IntPtr raw;
            Errors.Check(NativeMethods.iro_casebook_children(H, out raw));
            return new Children(raw);
        }

        /// <summary>Every child's computed schedule as CSV or JSON, or the reviews as a 903 table.</summary>
        public string Export(Policy policy, WorkingCalendar calendar, IroDate asOf, ExportFormat format = ExportFormat.Csv)
        {
            Check.NotNull(policy, nameof(policy));
            Check.NotNull(calendar, nameof(calendar));
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
        /// <exception cref="IroOutOfRangeException">The year is outside 1900-2198.</exception>
        public Report Report(Policy policy, WorkingCalendar calendar, int year)
        {
            Check.NotNull(policy, nameof(policy));
            Check.NotNull(calendar, nameof(calendar));
            IntPtr raw;
            Errors.Check(NativeMethods.iro_report_new(H, Policy.Live(policy.Handle), calendar.NativeHandle, year, out raw));
            return new Report(raw);
        }

        /// <summary>Frees the native casebook.</summary>
        public void Dispose() { handle.Dispose(); }
    }
}
