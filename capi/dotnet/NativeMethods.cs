// The 1:1 P/Invoke layer over libiro.so: one declaration per function of iro.h, each on one line
// (tests/check_signatures.py compares this file with the header). Library-owned strings come back as
// IntPtr and are decoded by Utf8.FromNative inside a HandleLease (Interop.cs), so that a concurrent
// Dispose cannot free them before they are copied; mono must never free them.
#nullable disable
using System;
using System.Runtime.InteropServices;

namespace Iro
{
    /// <summary>struct iro_holiday of iro.h.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct IroHolidayNative
    {
        public int Day;
        public int Kind;
        public int Substitute;
        public int Projected;
        public IntPtr Name;
    }

    /// <summary>struct iro_child_schedule of iro.h.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct IroChildScheduleNative
    {
        public int Status, Reviews, Missed, NextDue, NextNumber, NextRegime, NextRule, NextAnchor, Overdue, Midway, BookBy, ReportDue;
    }

    /// <summary>struct iro_review_result of iro.h.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct IroReviewResultNative
    {
        public int Day, Number, Regime, Due, Rule, Anchor, OnTime, DaysLate, RecordDue, Participation;
    }

    /// <summary>struct iro_missed_review of iro.h.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct IroMissedReviewNative
    {
        public int Due, Rule, Anchor, Regime;
    }

    /// <summary>struct iro_diff_figures of iro.h.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct IroDiffFiguresNative
    {
        public ulong Children, Failed, Reviews, InTime, Missed, Overdue;
    }

    /// <summary>struct iro_officer_load of iro.h.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct IroOfficerLoadNative
    {
        public UIntPtr Officer, Children;
        public double Weighted, PerFte, WeightedPerFte;
        public int Band, Absent;
    }

    /// <summary>struct iro_team_load of iro.h.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct IroTeamLoadNative
    {
        public int Day, Band;
        public UIntPtr Officers, Children;
        public double Fte, PerFte, MinPerFte, MaxPerFte;
        public UIntPtr Below, Within, Above;
    }

    /// <summary>struct iro_allocation_advice of iro.h.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct IroAllocationAdviceNative
    {
        public UIntPtr Officer;
        public double PerFteAfter;
        public int BandAfter, HasSibling;
    }

    /// <summary>struct iro_cover_move of iro.h.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct IroCoverMoveNative
    {
        public UIntPtr Child, To;
    }

    /// <summary>struct iro_continuity of iro.h.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct IroContinuityNative
    {
        public UIntPtr Children, KeptOneIro, Changes;
    }

    /// <summary>struct iro_dispute_state of iro.h.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct IroDisputeStateNative
    {
        public int Status, Stage, Raised, StageEntered, ResponseDue, FormalDeadline, Closed, CafcassReferred, Overdue;
    }

    /// <summary>struct iro_dispute_figures of iro.h.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct IroDisputeFiguresNative
    {
        public UIntPtr Raised, InformalRaised, BecameFormal, Resolved, Withdrawn, Cafcass, Open, Overdue;
        public double MedianWorkingDays, P90WorkingDays;
    }

    /// <summary>struct iro_import_issue of iro.h (the strings are owned by the casebook).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct IroImportIssueNative
    {
        public IntPtr File;
        public UIntPtr Line;
        public IntPtr Column;
        public IntPtr Message;
        public int Rejected;
    }

    /// <summary>struct iro_import_rows of iro.h (the file name is owned by the casebook).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct IroImportRowsNative
    {
        public IntPtr File;
        public UIntPtr Rows;
    }

    /// <summary>struct iro_review_columns of iro.h: caller arrays (IntPtr.Zero columns are skipped).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct IroReviewColumnsNative
    {
        public IntPtr Child, Day, Number, Regime, Due, Rule, Anchor, OnTime, DaysLate, RecordDue, Participation;
    }

    /// <summary>struct iro_missed_columns of iro.h: caller arrays (IntPtr.Zero columns are skipped).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct IroMissedColumnsNative
    {
        public IntPtr Child, Due, Rule, Anchor, Regime;
    }

    /// <summary>struct iro_report_summary_info of iro.h (the council's name is owned by the report).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct IroReportSummaryNative
    {
        public IntPtr Council;
        public int Year, From, To;
        public UIntPtr ChildrenRefused;
        public int ReviewRecordsSupplied, MidwayReviewsSupplied, RosterSupplied, DisputesSupplied;
    }

    /// <summary>struct iro_report_cell of iro.h (the strings are owned by the report).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct IroReportCellNative
    {
        public IntPtr Table, Row, Measure, Text;
        public double Number;
        public int IsNumber;
    }

    /// <summary>struct iro_report_figure of iro.h (the name is owned by the report; the kind is static).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct IroReportFigureNative
    {
        public IntPtr Name;
        public ulong Count;
        public IntPtr Kind;
    }

    /// <summary>struct iro_report_row of iro.h (the strings are owned by the rows).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct IroReportRowNative
    {
        public IntPtr Child;
        public int Date;
        public IntPtr Detail;
    }

    internal static class NativeMethods
    {
        internal const string Lib = "iro";

        // Runs before the first call into libiro: on .NET (Core) it registers the resolver that finds
        // libiro.so in the package's runtimes folder (NativeLoader.cs); on mono and .NET Framework DllImport
        // probes as usual.
        static NativeMethods() { NativeLoader.Register(); }

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern IntPtr iro_version_string();
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_version_number();
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_abi_version();
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern IntPtr iro_last_error_message();
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern IntPtr iro_status_name(int status);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_date_check(int day);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_date_from_ymd(int year, int month, int day, out int outDay);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_date_to_ymd(int day, out int year, out int month, out int dayOfMonth);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_date_weekday(int day, out int weekday);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_date_parse(byte[] text, out int outDay);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_date_format(int day, byte[] buffer, UIntPtr bufferSize, out UIntPtr needed);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_date_add_days(int day, int n, out int outDay);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_date_add_weeks(int day, int n, out int outDay);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_date_add_months(int day, int n, out int outDay);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_date_add_months_batch(int[] days, UIntPtr count, int n, int[] outDays);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_calendar_new_builtin(byte[] division, out IntPtr calendar);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_calendar_new_from_govuk_file(byte[] path, byte[] division, out IntPtr calendar);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_calendar_new_from_govuk_text(byte[] text, UIntPtr length, byte[] division, out IntPtr calendar);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_calendar_new_updated(CalendarHandle calendar, byte[] path, byte[] division, out IntPtr updated);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_calendar_new_with_closures(CalendarHandle calendar, int[] days, UIntPtr count, byte[] name, out IntPtr updated);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern void iro_calendar_free(IntPtr calendar);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_calendar_info(CalendarHandle calendar, out int first, out int last, out int confirmedThrough);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_calendar_describe(CalendarHandle calendar, out IntPtr division, out IntPtr source);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_calendar_is_working_day(CalendarHandle calendar, int day, out int isWorking);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_calendar_add_working_days(CalendarHandle calendar, int day, int n, out int result);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_calendar_add_working_days_batch(CalendarHandle calendar, int[] days, UIntPtr count, int n, int[] results);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_calendar_working_days_between(CalendarHandle calendar, int from, int to, out int count);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_calendar_working_days_between_batch(CalendarHandle calendar, int[] from, int[] to, UIntPtr count, int[] results);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_calendar_next_working_day(CalendarHandle calendar, int day, out int result);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_calendar_previous_working_day(CalendarHandle calendar, int day, out int result);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_calendar_holidays(CalendarHandle calendar, int from, int to, [Out] IroHolidayNative[] holidays, UIntPtr capacity, out UIntPtr count);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_calendar_explain_add(CalendarHandle calendar, int day, int n, byte[] buffer, UIntPtr bufferSize, out UIntPtr needed);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_policy_new_builtin(byte[] name, out IntPtr policy);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_policy_new_with_overrides(PolicyHandle policy, byte[] json, out IntPtr result);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_policy_new_from_file(byte[] path, out IntPtr policy);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_policy_describe(PolicyHandle policy, out IntPtr id, out IntPtr source);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_policy_rule(PolicyHandle policy, int rule, int anchor, out IntPtr cite, out IntPtr text);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_policy_add(PolicyHandle policy, CalendarHandle calendar, int from, int value, int unit, out int day);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern void iro_policy_free(IntPtr policy);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_policy_diff_new(ChildrenHandle children, PolicyHandle a, PolicyHandle b, CalendarHandle calendar, int asOf, out IntPtr diff);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern void iro_policy_diff_free(IntPtr diff);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_policy_diff_figures(PolicyDiffHandle diff, out IroDiffFiguresNative a, out IroDiffFiguresNative b);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_policy_diff_changed(PolicyDiffHandle diff, out UIntPtr count);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_policy_diff_change(PolicyDiffHandle diff, UIntPtr index, out UIntPtr child, out IntPtr changes);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_roster_new(out IntPtr roster);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern void iro_roster_free(IntPtr roster);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_roster_add_officer(RosterHandle roster, byte[] id, double fte, int agency, int start, int end, byte[] attributes);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_roster_set_child(RosterHandle roster, byte[] id, int lookedAfterSince, int flags, byte[] siblingGroup);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_roster_add_allocation(RosterHandle roster, byte[] child, byte[] iro, int from, int to);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_roster_add_absence(RosterHandle roster, byte[] iro, int from, int to);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_roster_load_csv(RosterHandle roster, int kind, byte[] path);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_roster_counts(RosterHandle roster, out UIntPtr iros, out UIntPtr children, out UIntPtr allocations);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_roster_id(RosterHandle roster, int isChild, UIntPtr index, out IntPtr id);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_caseload_check(RosterHandle roster, PolicyHandle policy, int day, [Out] IroOfficerLoadNative[] loads, UIntPtr capacity, out UIntPtr count, out IroTeamLoadNative team);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_caseload_series(RosterHandle roster, PolicyHandle policy, int from, int to, [Out] IroTeamLoadNative[] months, UIntPtr capacity, out UIntPtr count);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_caseload_advise(RosterHandle roster, PolicyHandle policy, int day, byte[] siblingGroup, byte[] attribute, [Out] IroAllocationAdviceNative[] advice, UIntPtr capacity, out UIntPtr count);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_caseload_cover(RosterHandle roster, PolicyHandle policy, byte[] absentIro, int from, int to, [Out] IroCoverMoveNative[] moves, UIntPtr capacity, out UIntPtr count, out double maxPerFte);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_caseload_continuity(RosterHandle roster, int day, out IroContinuityNative result);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_disputes_new(PolicyHandle policy, CalendarHandle calendar, out IntPtr disputes);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern void iro_disputes_free(IntPtr disputes);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_disputes_add(DisputesHandle disputes, byte[] id, byte[] child, byte[] iro, byte[] category);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_disputes_add_event(DisputesHandle disputes, byte[] id, int day, int action, byte[] stage);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_disputes_load_csv(DisputesHandle disputes, byte[] path);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_disputes_count(DisputesHandle disputes, out UIntPtr count);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_disputes_state(DisputesHandle disputes, byte[] id, int asOf, out IroDisputeStateNative state);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_disputes_stage_name(DisputesHandle disputes, int stage, out IntPtr name);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_disputes_figures(DisputesHandle disputes, int from, int to, out IroDisputeFiguresNative figures);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_disputes_resolved_at(DisputesHandle disputes, int from, int to, [Out] UIntPtr[] counts, UIntPtr capacity, out UIntPtr count);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_casebook_new(out IntPtr casebook);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern void iro_casebook_free(IntPtr casebook);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_casebook_import_903(CasebookHandle casebook, byte[] directory, int strict, out UIntPtr rejected, out UIntPtr doubtful);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_casebook_import_council(CasebookHandle casebook, byte[] directory, PolicyHandle policy, CalendarHandle calendar, int strict, out UIntPtr rejected, out UIntPtr doubtful);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_casebook_import_issues(CasebookHandle casebook, [Out] IroImportIssueNative[] issues, UIntPtr capacity, out UIntPtr count);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_casebook_import_rows(CasebookHandle casebook, [Out] IroImportRowsNative[] rows, UIntPtr capacity, out UIntPtr count);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_casebook_synthesize(CasebookHandle casebook, uint children, uint iros, uint years, ulong seed);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_casebook_save(CasebookHandle casebook, byte[] path, int format);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_casebook_load(byte[] path, out IntPtr casebook);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_casebook_counts(CasebookHandle casebook, out UIntPtr children, out UIntPtr iros, out UIntPtr disputes);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_casebook_children(CasebookHandle casebook, out IntPtr children);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_casebook_export(CasebookHandle casebook, PolicyHandle policy, CalendarHandle calendar, int asOf, int format, byte[] buffer, UIntPtr bufferSize, out UIntPtr needed);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_casebook_report(CasebookHandle casebook, PolicyHandle policy, CalendarHandle calendar, int year, int format, byte[] buffer, UIntPtr bufferSize, out UIntPtr needed);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_schedules_child_id(SchedulesHandle schedules, UIntPtr child, out IntPtr id);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_schedules_find(SchedulesHandle schedules, byte[] id, out UIntPtr child);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_schedules_review_columns(SchedulesHandle schedules, ref IroReviewColumnsNative columns, UIntPtr capacity, out UIntPtr count);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_schedules_missed_columns(SchedulesHandle schedules, ref IroMissedColumnsNative columns, UIntPtr capacity, out UIntPtr count);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_text_read(IntPtr text, out IntPtr data, out UIntPtr size);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern void iro_text_free(IntPtr text);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_casebook_export_text(CasebookHandle casebook, PolicyHandle policy, CalendarHandle calendar, int asOf, int format, out IntPtr text);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_report_format_text(ReportHandle report, int format, out IntPtr text);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_report_new(CasebookHandle casebook, PolicyHandle policy, CalendarHandle calendar, int year, out IntPtr report);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern void iro_report_free(IntPtr report);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_report_summary(ReportHandle report, out IroReportSummaryNative info);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_report_cells(ReportHandle report, [Out] IroReportCellNative[] cells, UIntPtr capacity, out UIntPtr count);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_report_figures(ReportHandle report, [Out] IroReportFigureNative[] figures, UIntPtr capacity, out UIntPtr count);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_report_figure_count(ReportHandle report, byte[] figure, out ulong count);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_report_query(ReportHandle report, byte[] figure, out IntPtr rows);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_report_rows_read(IntPtr rows, [Out] IroReportRowNative[] out_rows, UIntPtr capacity, out UIntPtr count);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern void iro_report_rows_free(IntPtr rows);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_report_format(ReportHandle report, int format, byte[] buffer, UIntPtr bufferSize, out UIntPtr needed);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_policy_diff_report(PolicyDiffHandle diff, byte[] buffer, UIntPtr bufferSize, out UIntPtr needed);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_children_new(out IntPtr children);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern void iro_children_free(IntPtr children);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_children_add(ChildrenHandle children, byte[] id, int dob, out int index);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_children_add_period(ChildrenHandle children, int child, int start, int end, int regime);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_children_add_switch(ChildrenHandle children, int child, int day, int regime);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_children_add_reviews(ChildrenHandle children, int[] child, int[] days, int[] codes, int[] flags, UIntPtr count);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_children_load_json(ChildrenHandle children, byte[] path, out UIntPtr added);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_children_count(ChildrenHandle children, out UIntPtr count);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_schedule_evaluate(ChildrenHandle children, PolicyHandle policy, CalendarHandle calendar, int asOf, out IntPtr schedules);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_schedule_evaluate_into(ChildrenHandle children, PolicyHandle policy, CalendarHandle calendar, int asOf, SchedulesHandle reuse);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern void iro_schedules_free(IntPtr schedules);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_schedules_summary(SchedulesHandle schedules, out UIntPtr children, out UIntPtr failed, out UIntPtr reviews);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_schedules_child(SchedulesHandle schedules, UIntPtr child, out IroChildScheduleNative result);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_schedules_child_error(SchedulesHandle schedules, UIntPtr child, out IntPtr message);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_schedules_reviews(SchedulesHandle schedules, UIntPtr child, [Out] IroReviewResultNative[] reviews, UIntPtr capacity, out UIntPtr count);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_schedules_missed(SchedulesHandle schedules, UIntPtr child, [Out] IroMissedReviewNative[] missed, UIntPtr capacity, out UIntPtr count);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int iro_schedules_explain(SchedulesHandle schedules, UIntPtr child, int review, byte[] buffer, UIntPtr bufferSize, out UIntPtr needed);
    }
}
