// The IRO annual report, computed once (iro_report_new) and then read as many times as needed: its tables
// as cells, every figure by name with its count, the rows behind any figure, and any layout as text.
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace Iro
{
    /// <summary>Owns an iro_report*.</summary>
    public sealed class ReportHandle : SafeHandle
    {
        private ReportHandle() : base(IntPtr.Zero, true) { }
        internal ReportHandle(IntPtr h) : base(IntPtr.Zero, true) { SetHandle(h); }
        /// <summary>True when no report is held.</summary>
        public override bool IsInvalid { get { return handle == IntPtr.Zero; } }
        /// <summary>Frees the report.</summary>
        protected override bool ReleaseHandle() { NativeMethods.iro_report_free(handle); return true; }
    }

    /// <summary>One cell of the report's tables in long form: (table, row, measure, value).</summary>
    public sealed class ReportCell
    {
        internal ReportCell(string table, string row, string measure, string text, double? number) { Table = table; Row = row; Measure = measure; Text = text; Number = number; }
        /// <summary>"timeliness", "by_number", "participation", "records", "midway", "population", "caseloads", "disputes"...</summary>
        public string Table { get; }
        /// <summary>"May 2024", "2023/24 first", "PN3", "IRO3", "team", "year"...</summary>
        public string Row { get; }
        /// <summary>"due", "percent_in_time", "per_fte", "band", "supplied"...</summary>
        public string Measure { get; }
        /// <summary>The value as text ("59", "48.00", "within", "no").</summary>
        public string Text { get; }
        /// <summary>The value when it is a number; null for words.</summary>
        public double? Number { get; }
        /// <summary>"table,row,measure: text".</summary>
        public override string ToString() { return Table + "," + Row + "," + Measure + ": " + Text; }
    }

    /// <summary>One figure of the report.</summary>
    public sealed class ReportFigure
    {
        internal ReportFigure(string name, long count, string kind) { Name = name; Count = count; Kind = kind; }
        /// <summary>"timeliness.2024-06.due", "records.late", "caseload.IRO3"...</summary>
        public string Name { get; }
        /// <summary>The count: Query(Name) lists exactly this many rows.</summary>
        public long Count { get; }
        /// <summary>Its kind's name pattern ("timeliness.PERIOD.MEASURE"; docs/report.md defines each).</summary>
        public string Kind { get; }
        /// <summary>"name = count".</summary>
        public override string ToString() { return Name + " = " + Count; }
    }

    /// <summary>One row behind a figure: a child (or dispute), a date and what the row is.</summary>
    public sealed class ReportRow
    {
        internal ReportRow(string child, IroDate date, string detail) { Child = child; Date = date; Detail = detail; }
        /// <summary>The child's id.</summary>
        public string Child { get; }
        /// <summary>The row's date: the due date, the day held, the start of care, the day raised...</summary>
        public IroDate Date { get; }
        /// <summary>What the row is ("review 2 due 2024-05-01, held 2024-05-10 (late by 9 days)").</summary>
        public string Detail { get; }
        /// <summary>"child date: detail".</summary>
        public override string ToString() { return Child + " " + Date + ": " + Detail; }
    }

    /// <summary>An annual report computed once from a casebook, a policy, a calendar and a year
    /// (<see cref="Casebook.Report"/>). It does not refer to them: they may change or be disposed. Immutable:
    /// any number of threads may read it at once. Dispose it to free the native report.</summary>
    public sealed class Report : IDisposable
    {
        private readonly ReportHandle handle;
        private readonly IroReportSummaryNative info;
        private readonly string council;

        internal Report(IntPtr raw)
        {
            handle = new ReportHandle(raw);
            using (new HandleLease(handle, nameof(Report)))
            {
                Errors.Check(NativeMethods.iro_report_summary(handle, out info));
                council = Utf8.FromNative(info.Council);
            }
        }

        private ReportHandle H
        {
            get
            {
                if (handle.IsClosed) throw new ObjectDisposedException("Report");
                return handle;
            }
        }

        /// <summary>The council's name ("" when none).</summary>
        public string Council { get { return council; } }
        /// <summary>The reporting year's first calendar year (2024 for 2024/25).</summary>
        public int Year { get { return info.Year; } }
        /// <summary>1 April.</summary>
        public IroDate From { get { return IroDate.FromDays(info.From); } }
        /// <summary>31 March.</summary>
        public IroDate To { get { return IroDate.FromDays(info.To); } }
        /// <summary>Children whose data could not be evaluated (not in the figures).</summary>
        public long ChildrenRefused { get { return (long)(ulong)info.ChildrenRefused; } }
        /// <summary>The casebook had review record dates (otherwise that table is "not supplied").</summary>
        public bool ReviewRecordsSupplied { get { return info.ReviewRecordsSupplied != 0; } }
        /// <summary>The casebook had midway reviews.</summary>
        public bool MidwayReviewsSupplied { get { return info.MidwayReviewsSupplied != 0; } }
        /// <summary>The casebook had a roster of IROs.</summary>
        public bool RosterSupplied { get { return info.RosterSupplied != 0; } }
        /// <summary>The casebook had disputes.</summary>
        public bool DisputesSupplied { get { return info.DisputesSupplied != 0; } }

        /// <summary>The report laid out as text.</summary>
        /// <param name="format">The layout.</param>
        /// <returns>The text.</returns>
        public string Format(ReportFormat format = ReportFormat.Text)
        {
            UIntPtr needed;
            int status = NativeMethods.iro_report_format(H, (int)format, null, UIntPtr.Zero, out needed);
            if (status != Errors.BufferTooSmall) Errors.Check(status);
            var buffer = new byte[(int)needed];
            Errors.Check(NativeMethods.iro_report_format(H, (int)format, buffer, (UIntPtr)buffer.Length, out needed));
            return Utf8.FromBuffer(buffer);
        }

        /// <summary>The report as text tables.</summary>
        /// <returns>Format(ReportFormat.Text).</returns>
        public override string ToString() { return Format(ReportFormat.Text); }

        /// <summary>Every table as cells, in the report's order: the rows of the CSV layout, with numbers as
        /// numbers. A table whose input was not supplied has one cell (table, "year", "supplied", "no").</summary>
        /// <returns>The cells, copied out of the report.</returns>
        public IReadOnlyList<ReportCell> Cells()
        {
            using (new HandleLease(handle, nameof(Report)))
            {
            UIntPtr count;
            int status = NativeMethods.iro_report_cells(H, null, UIntPtr.Zero, out count);
            if (status != Errors.Ok && status != Errors.BufferTooSmall) Errors.Check(status);
            var cells = new IroReportCellNative[(int)count];
            Errors.Check(NativeMethods.iro_report_cells(H, cells, (UIntPtr)cells.Length, out count));
            var list = new List<ReportCell>(cells.Length);
            foreach (var c in cells)
                list.Add(new ReportCell(Utf8.FromNative(c.Table), Utf8.FromNative(c.Row), Utf8.FromNative(c.Measure), Utf8.FromNative(c.Text), c.IsNumber != 0 ? c.Number : (double?)null));
            return list;
            }
        }

        /// <summary>Every figure with its count and kind, in the report's order.</summary>
        /// <returns>The figures, copied out of the report.</returns>
        public IReadOnlyList<ReportFigure> Figures()
        {
            using (new HandleLease(handle, nameof(Report)))
            {
            UIntPtr count;
            int status = NativeMethods.iro_report_figures(H, null, UIntPtr.Zero, out count);
            if (status != Errors.Ok && status != Errors.BufferTooSmall) Errors.Check(status);
            var figures = new IroReportFigureNative[(int)count];
            Errors.Check(NativeMethods.iro_report_figures(H, figures, (UIntPtr)figures.Length, out count));
            var list = new List<ReportFigure>(figures.Length);
            foreach (var f in figures)
                list.Add(new ReportFigure(Utf8.FromNative(f.Name), (long)f.Count, Utf8.FromNative(f.Kind)));
            return list;
            }
        }

        /// <summary>One figure's count by name.</summary>
        /// <param name="figure">The figure's name, as Figures() lists them.</param>
        /// <returns>The count.</returns>
        /// <exception cref="NotFoundException">The name is no figure of the report.</exception>
        public long Figure(string figure)
        {
            ulong count;
            Errors.Check(NativeMethods.iro_report_figure_count(H, Utf8.ToNative(figure, nameof(figure)), out count));
            return (long)count;
        }

        /// <summary>The rows behind one figure: one per item counted, so the number of rows is the figure.</summary>
        /// <param name="figure">The figure's name, as Figures() lists them.</param>
        /// <returns>The rows, in the order the report found them.</returns>
        /// <exception cref="NotFoundException">The name is no figure of the report.</exception>
        public IReadOnlyList<ReportRow> Query(string figure)
        {
            IntPtr rows;
            Errors.Check(NativeMethods.iro_report_query(H, Utf8.ToNative(figure, nameof(figure)), out rows));
            try
            {
                UIntPtr count;
                int status = NativeMethods.iro_report_rows_read(rows, null, UIntPtr.Zero, out count);
                if (status != Errors.Ok && status != Errors.BufferTooSmall) Errors.Check(status);
                var native = new IroReportRowNative[(int)count];
                Errors.Check(NativeMethods.iro_report_rows_read(rows, native, (UIntPtr)native.Length, out count));
                var list = new List<ReportRow>(native.Length);
                foreach (var r in native)
                    list.Add(new ReportRow(Utf8.FromNative(r.Child), IroDate.FromDays(r.Date), Utf8.FromNative(r.Detail)));
                return list;
            }
            finally
            {
                NativeMethods.iro_report_rows_free(rows);
            }
        }

        /// <summary>Frees the native report; later calls throw ObjectDisposedException.</summary>
        public void Dispose() { handle.Dispose(); }
    }
}
