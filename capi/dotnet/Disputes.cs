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
        /// <summary>The status.</summary>
        public DisputeStatus Status { get; internal set; }
        /// <summary>The current (or final) stage's name, or null.</summary>
        public string Stage { get; internal set; }
        /// <summary>The stage's response deadline.</summary>
        public IroDate? ResponseDue { get; internal set; }
        /// <summary>The end of the formal process.</summary>
        public IroDate? FormalDeadline { get; internal set; }
        /// <summary>When referred to Cafcass.</summary>
        public IroDate? CafcassReferred { get; internal set; }
        /// <summary>Open and past a deadline.</summary>
        public bool Overdue { get; internal set; }
    }

    /// <summary>A register of disputes on a policy's ladder; a refused event throws RuleViolationException and changes nothing.</summary>
    public sealed class Disputes : IDisposable
    {
        private readonly DisputesHandle handle;

        /// <summary>An empty register.</summary>
        public Disputes(Policy policy, Calendar calendar)
        {
            if (policy == null) throw new ArgumentNullException("policy");
            if (calendar == null) throw new ArgumentNullException("calendar");
            IntPtr raw;
            Errors.Check(NativeMethods.iro_disputes_new(Policy.Live(policy.Handle), calendar.NativeHandle, out raw));
            handle = new DisputesHandle(raw);
        }

        private DisputesHandle H { get { return Policy.Live(handle); } }
        private static IroDate? Maybe(int day) { return day == int.MinValue ? (IroDate?)null : IroDate.Unchecked(day); }

        /// <summary>Adds a dispute without events.</summary>
        public void Add(string id, string child = "", string iro = "", string category = "")
        {
            Errors.Check(NativeMethods.iro_disputes_add(H, Utf8.ToNative(id, "id"), Utf8.ToNative(child, "child"), Utf8.ToNative(iro, "iro"), Utf8.ToNative(category, "category")));
        }

        /// <summary>Adds an event (stage: the stage raised at or escalated to, or null).</summary>
        public void Event(string id, IroDate day, DisputeAction action, string stage = null)
        {
            Errors.Check(NativeMethods.iro_disputes_add_event(H, Utf8.ToNative(id, "id"), day.Days, (int)action, stage == null ? null : Utf8.ToNative(stage, "stage")));
        }

        /// <summary>Adds the rows of a dispute events CSV file (all or nothing).</summary>
        public void LoadCsv(string path) { Errors.Check(NativeMethods.iro_disputes_load_csv(H, Utf8.ToNative(path, "path"))); }

        /// <summary>The number of disputes.</summary>
        public int Count { get { UIntPtr n; Errors.Check(NativeMethods.iro_disputes_count(H, out n)); return (int)n; } }

        private string StageName(int stage)
        {
            IntPtr name;
            Errors.Check(NativeMethods.iro_disputes_stage_name(H, stage, out name));
            return Utf8.FromNative(name);
        }

        /// <summary>A dispute's state as of a date.</summary>
        public DisputeState State(string id, IroDate asOf)
        {
            IroDisputeStateNative s;
            Errors.Check(NativeMethods.iro_disputes_state(H, Utf8.ToNative(id, "id"), asOf.Days, out s));
            return new DisputeState { Status = (DisputeStatus)s.Status, Stage = s.Stage < 0 ? null : StageName(s.Stage), ResponseDue = Maybe(s.ResponseDue), FormalDeadline = Maybe(s.FormalDeadline), CafcassReferred = Maybe(s.CafcassReferred), Overdue = s.Overdue != 0 };
        }

        /// <summary>(raised, resolved, Cafcass referrals, open, overdue) for the period, and disputes resolved by stage.</summary>
        public long[] Figures(IroDate from, IroDate to, out Dictionary<string, long> resolvedAt, out double medianWorkingDays)
        {
            IroDisputeFiguresNative f;
            Errors.Check(NativeMethods.iro_disputes_figures(H, from.Days, to.Days, out f));
            UIntPtr count;
            int status = NativeMethods.iro_disputes_resolved_at(H, from.Days, to.Days, null, UIntPtr.Zero, out count);
            if (status != Errors.Ok && status != Errors.BufferTooSmall) Errors.Check(status);
            var counts = new UIntPtr[(int)count];
            Errors.Check(NativeMethods.iro_disputes_resolved_at(H, from.Days, to.Days, counts, (UIntPtr)counts.Length, out count));
            resolvedAt = new Dictionary<string, long>();
            for (int i = 0; i < counts.Length; i++) resolvedAt[StageName(i)] = (long)counts[i];
            medianWorkingDays = f.MedianWorkingDays;
            return new[] { (long)f.Raised, (long)f.Resolved, (long)f.Cafcass, (long)f.Open, (long)f.Overdue };
        }

        /// <summary>Frees the native register.</summary>
        public void Dispose() { handle.Dispose(); }
    }
}
