// Testing a policy change before adopting it: PolicyDiff over an iro_policy_diff handle.
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace Iro
{
    /// <summary>Owns an iro_policy_diff*.</summary>
    public sealed class PolicyDiffHandle : SafeHandle
    {
        private PolicyDiffHandle() : base(IntPtr.Zero, true) { }
        internal PolicyDiffHandle(IntPtr h) : base(IntPtr.Zero, true) { SetHandle(h); }
        /// <summary>True when no diff is held.</summary>
        public override bool IsInvalid { get { return handle == IntPtr.Zero; } }
        /// <summary>Frees the diff.</summary>
        protected override bool ReleaseHandle() { NativeMethods.iro_policy_diff_free(handle); return true; }
    }

    /// <summary>Headline figures of one side of a diff.</summary>
    public sealed class DiffFigures
    {
        internal DiffFigures(IroDiffFiguresNative n)
        {
            Children = (long)n.Children; Failed = (long)n.Failed; Reviews = (long)n.Reviews; InTime = (long)n.InTime; Missed = (long)n.Missed; Overdue = (long)n.Overdue;
        }
        /// <summary>Children given.</summary>
        public long Children { get; }
        /// <summary>Children the evaluation refused.</summary>
        public long Failed { get; }
        /// <summary>Held reviews judged.</summary>
        public long Reviews { get; }
        /// <summary>Of those, held in time.</summary>
        public long InTime { get; }
        /// <summary>Missed due dates.</summary>
        public long Missed { get; }
        /// <summary>Children overdue.</summary>
        public long Overdue { get; }
    }

    /// <summary>One child whose results change under the proposed policy.</summary>
    public sealed class ChildChange
    {
        internal ChildChange(int child, IReadOnlyList<string> changes) { Child = child; Changes = changes; }
        /// <summary>The child's index in the set evaluated.</summary>
        public int Child { get; }
        /// <summary>One line per change.</summary>
        public IReadOnlyList<string> Changes { get; }
    }

    /// <summary>The same children under two policies: what changes, and how the figures move; immutable.</summary>
    public sealed class PolicyDiff : IDisposable
    {
        private readonly PolicyDiffHandle handle;
        private PolicyDiff(IntPtr raw) { handle = new PolicyDiffHandle(raw); }

        /// <summary>Evaluates every child under the current and the proposed policy and compares.</summary>
        /// <param name="children">The children.</param>
        /// <param name="current">The policy in force.</param>
        /// <param name="proposed">The policy proposed.</param>
        /// <param name="calendar">The working-day calendar.</param>
        /// <param name="asOf">The date of both evaluations.</param>
        /// <returns>The diff; dispose it when done.</returns>
        public static PolicyDiff Compute(Children children, Policy current, Policy proposed, WorkingCalendar calendar, IroDate asOf)
        {
            Check.NotNull(children, nameof(children));
            Check.NotNull(current, nameof(current));
            Check.NotNull(proposed, nameof(proposed));
            Check.NotNull(calendar, nameof(calendar));
            IntPtr raw;
            Errors.Check(NativeMethods.iro_policy_diff_new(Policy.Live(children.Handle), Policy.Live(current.Handle), Policy.Live(proposed.Handle), calendar.NativeHandle, asOf.Days, out raw));
            return new PolicyDiff(raw);
        }

        /// <summary>The figures under the current policy.</summary>
        public DiffFigures Current { get { return Figures()[0]; } }
        /// <summary>The figures under the proposed policy.</summary>
        public DiffFigures Proposed { get { return Figures()[1]; } }

        private DiffFigures[] Figures()
        {
            IroDiffFiguresNative a, b;
            Errors.Check(NativeMethods.iro_policy_diff_figures(Policy.Live(handle), out a, out b));
            return new[] { new DiffFigures(a), new DiffFigures(b) };
        }

        /// <summary>Every child whose results change.</summary>
        /// <returns>The changes, copied out of the diff.</returns>
        public IReadOnlyList<ChildChange> Changes()
        {
            using (new HandleLease(handle, nameof(PolicyDiff)))
            {
                UIntPtr count;
                Errors.Check(NativeMethods.iro_policy_diff_changed(handle, out count));
                var list = new List<ChildChange>();
                for (int i = 0; i < (int)count; i++)
                {
                    UIntPtr child;
                    IntPtr text;
                    Errors.Check(NativeMethods.iro_policy_diff_change(handle, (UIntPtr)i, out child, out text));
                    list.Add(new ChildChange((int)child, Utf8.FromNative(text).Split('\n')));
                }
                return list;
            }
        }

        /// <summary>The diff as text for people.</summary>
        public string Report()
        {
            UIntPtr needed;
            int status = NativeMethods.iro_policy_diff_report(Policy.Live(handle), null, UIntPtr.Zero, out needed);
            if (status != Errors.BufferTooSmall) Errors.Check(status);
            var buffer = new byte[(int)needed];
            Errors.Check(NativeMethods.iro_policy_diff_report(handle, buffer, (UIntPtr)buffer.Length, out needed));
            return Utf8.FromBuffer(buffer);
        }

        /// <summary>Frees the native diff.</summary>
        public void Dispose() { handle.Dispose(); }
    }
}
