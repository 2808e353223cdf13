// Disputes on the policy's escalation ladder: a register over an iro_disputes handle.
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace Iro
{
    /// <summary>Owns an iro_disputes*.</summary>
    public sealed class DisputesHandle : SafeHandle
    {
        private DisputesHandle() : base(IntPtr.Zero, true) { }
        internal DisputesHandle(IntPtr h) : base(IntPtr.Zero, true) { SetHandle(h); }
        /// <summary>True when no register is held.</summary>
        public override bool IsInvalid { get { return handle == IntPtr.Zero; } }
        /// <summary>Frees the register.</summary>
        protected override bool ReleaseHandle() { NativeMethods.iro_disputes_free(handle); return true; }
    }

    /// <summary>What happened to a dispute (values as IRO_ACTION_*).</summary>
    public enum DisputeAction
    {
        /// <summary>Open it.</summary>
        Raise = 0,
        /// <summary>To the next (or a named later) stage.</summary>
        Escalate = 1,
        /// <summary>Close it, resolved.</summary>
        Resolve = 2,
        /// <summary>Close it, withdrawn.</summary>
        Withdraw = 3,
        /// <summary>Refer to Cafcass.</summary>
        ReferCafcass = 4,
    }

    /// <summary>Where a dispute stands (values as IRO_DISPUTE_*).</summary>
    public enum DisputeStatus
    {
        /// <summary>No raise yet.</summary>
        NotRaised = 0,
        /// <summary>Open.</summary>
        Open = 1,
        /// <summary>Resolved.</summary>
        Resolved = 2,
        /// <summary>Withdrawn.</summary>
        Withdrawn = 3,
    }

    /// <summary>A dispute's state as of a date.</summary>
    public sealed class DisputeState
    {
        internal DisputeState() { }
        /// <summary>The status.</summary>
        public DisputeStatus Status { get; internal set; }
        /// <summary>The current (or final) stage's name, or null before a raise.</summary>
        public string? Stage { get; internal set; }
        /// <summary>The current (or final) stage's index in the policy's ladder, or -1.</summary>
        public int StageIndex { get; internal set; }
        /// <summary>When it was raised.</summary>
        public IroDate? Raised { get; internal set; }
        /// <summary>When the current stage was entered.</summary>
        public IroDate? StageEntered { get; internal set; }
        /// <summary>The stage's response deadline (none for a stage without one, or once closed).</summary>
        public IroDate? ResponseDue { get; internal set; }
        /// <summary>The end of the formal process (none while informal).</summary>
        public IroDate? FormalDeadline { get; internal set; }
        /// <summary>When it was resolved or withdrawn.</summary>
        public IroDate? Closed { get; internal set; }
        /// <summary>When referred to Cafcass.</summary>
        public IroDate? CafcassReferred { get; internal set; }
        /// <summary>Open and past a deadline.</summary>
        public bool Overdue { get; internal set; }
    }

    /// <summary>A register's figures for a period, as IRO annual reports give them (<see cref="Disputes.Figures"/>).</summary>
    public sealed class DisputeFigures
    {
        internal DisputeFigures(IroDisputeFiguresNative f, IReadOnlyDictionary<string, long> resolvedAt)
        {
            Raised = (long)f.Raised; InformalRaised = (long)f.InformalRaised; BecameFormal = (long)f.BecameFormal; Resolved = (long)f.Resolved;
            Withdrawn = (long)f.Withdrawn; Cafcass = (long)f.Cafcass; Open = (long)f.Open; Overdue = (long)f.Overdue;
            MedianWorkingDays = f.MedianWorkingDays; P90WorkingDays = f.P90WorkingDays; ResolvedAt = resolvedAt;
        }
        /// <summary>Raised in the period.</summary>
        public long Raised { get; }
        /// <summary>Of those, raised at an informal stage.</summary>
        public long InformalRaised { get; }
        /// <summary>Of those, escalated to a formal stage by the period's end.</summary>
        public long BecameFormal { get; }
        /// <summary>Resolved in the period.</summary>
        public long Resolved { get; }
        /// <summary>Withdrawn in the period.</summary>
        public long Withdrawn { get; }
        /// <summary>Referred to Cafcass in the period.</summary>
        public long Cafcass { get; }
        /// <summary>Open at the period's end.</summary>
        public long Open { get; }
        /// <summary>Of those, overdue.</summary>
        public long Overdue { get; }
        /// <summary>Median working days from raise to resolution.</summary>
        public double MedianWorkingDays { get; }
        /// <summary>90th percentile (nearest rank) of the same.</summary>
        public double P90WorkingDays { get; }
        /// <summary>Disputes resolved in the period by the stage they were resolved at, every stage of the ladder listed.</summary>
        public IReadOnlyDictionary<string, long> ResolvedAt { get; }
    }

    /// <summary>A register of disputes on a policy's ladder; a refused event throws RuleViolationException and changes nothing.</summary>
    public sealed class Disputes : IDisposable
    {
        private readonly DisputesHandle handle;

        /// <summary>An empty register.</summary>
        /// <param name="policy">The policy whose ladder and categories the events must fit.</param>
        /// <param name="calendar">The working-day calendar the deadlines count in.</param>
        public Disputes(Policy policy, WorkingCalendar calendar)
        {
            Check.NotNull(policy, nameof(policy));
            Check.NotNull(calendar, nameof(calendar));
            Library.EnsureCompatible();
            IntPtr raw;
            Errors.Check(NativeMethods.iro_disputes_new(Policy.Live(policy.Handle), calendar.NativeHandle, out raw));
            handle = new DisputesHandle(raw);
        }

        private DisputesHandle H { get { return Policy.Live(handle); } }
        private static IroDate? Maybe(int day) { return day == int.MinValue ? (IroDate?)null : IroDate.Unchecked(day); }

        /// <summary>Adds a dispute without events. A sibling group or several categories are written with ';'
        /// between ("K1;K2", "contact;education"), each once.</summary>
        /// <param name="id">The dispute's id.</param>
        /// <param name="child">The child's id, or the children's ids separated by ';' ("" when none).</param>
        /// <param name="officer">The IRO's id ("" when none).</param>
        /// <param name="category">Its category or categories separated by ';' ("" when none; else each one of the policy's).</param>
        public void Add(string id, string child = "", string officer = "", string category = "")
        {
            Errors.Check(NativeMethods.iro_disputes_add(H, Utf8.ToNative(id, nameof(id)), Utf8.ToNative(child, nameof(child)), Utf8.ToNative(officer, nameof(officer)), Utf8.ToNative(category, nameof(category))));
        }

        /// <summary>Adds an event; a refused event throws RuleViolationException and changes nothing.</summary>
        /// <param name="id">The dispute's id.</param>
        /// <param name="day">The event's date.</param>
        /// <param name="action">What happened.</param>
        /// <param name="stage">The stage raised at or escalated to, or null for the first (or next) one.</param>
        public void Event(string id, IroDate day, DisputeAction action, string? stage = null)
        {
            Errors.Check(NativeMethods.iro_disputes_add_event(H, Utf8.ToNative(id, nameof(id)), day.Days, (int)action, stage == null ? null : Utf8.ToNative(stage, nameof(stage))));
        }

        /// <summary>Adds the rows of a dispute events CSV file (all or nothing).</summary>
        public void LoadCsv(string path) { Errors.Check(NativeMethods.iro_disputes_load_csv(H, Utf8.ToNative(path, nameof(path)))); }

        /// <summary>The number of disputes.</summary>
        public int Count { get { UIntPtr n; Errors.Check(NativeMethods.iro_disputes_count(H, out n)); return (int)n; } }

        // Call inside a lease: the name is owned by the register.
        private string StageName(int stage)
        {
            IntPtr name;
            Errors.Check(NativeMethods.iro_disputes_stage_name(handle, stage, out name));
            return Utf8.FromNative(name);
        }

        private HandleLease Lease() { return new HandleLease(handle, nameof(Disputes)); }

        /// <summary>A dispute's state as of a date.</summary>
        /// <param name="id">The dispute's id.</param>
        /// <param name="asOf">The date.</param>
        /// <returns>The state.</returns>
        public DisputeState State(string id, IroDate asOf)
        {
            byte[] who = Utf8.ToNative(id, nameof(id));
            using (Lease())
            {
                IroDisputeStateNative s;
                Errors.Check(NativeMethods.iro_disputes_state(handle, who, asOf.Days, out s));
                return new DisputeState
                {
                    Status = (DisputeStatus)s.Status, Stage = s.Stage < 0 ? null : StageName(s.Stage), StageIndex = s.Stage,
                    Raised = Maybe(s.Raised), StageEntered = Maybe(s.StageEntered), ResponseDue = Maybe(s.ResponseDue),
                    FormalDeadline = Maybe(s.FormalDeadline), Closed = Maybe(s.Closed), CafcassReferred = Maybe(s.CafcassReferred),
                    Overdue = s.Overdue != 0,
                };
            }
        }

        /// <summary>The register's figures for a period (both days included).</summary>
        /// <param name="from">The first day.</param>
        /// <param name="to">The last day.</param>
        /// <returns>The figures, with the disputes resolved at each stage.</returns>
        public DisputeFigures Figures(IroDate from, IroDate to)
        {
            using (Lease())
            {
                IroDisputeFiguresNative f;
                Errors.Check(NativeMethods.iro_disputes_figures(handle, from.Days, to.Days, out f));
                UIntPtr count;
                int status = NativeMethods.iro_disputes_resolved_at(handle, from.Days, to.Days, null, UIntPtr.Zero, out count);
                if (status != Errors.Ok && status != Errors.BufferTooSmall) Errors.Check(status);
                var counts = new UIntPtr[(int)count];
                Errors.Check(NativeMethods.iro_disputes_resolved_at(handle, from.Days, to.Days, counts, (UIntPtr)counts.Length, out count));
                var resolvedAt = new Dictionary<string, long>();
                for (int i = 0; i < counts.Length; i++) resolvedAt[StageName(i)] = (long)counts[i];
                return new DisputeFigures(f, resolvedAt);
            }
        }

        /// <summary>Frees the native register.</summary>
        public void Dispose() { handle.Dispose(); }
    }
}
