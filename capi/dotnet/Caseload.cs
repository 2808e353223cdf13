// Caseloads: Roster over an iro_roster handle, with checks against the policy's band; each result a named type.
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;

namespace Iro
{
    /// <summary>Owns an iro_roster*.</summary>
    public sealed class RosterHandle : SafeHandle
    {
        private RosterHandle() : base(IntPtr.Zero, true) { }
        internal RosterHandle(IntPtr h) : base(IntPtr.Zero, true) { SetHandle(h); }
        /// <summary>True when no roster is held.</summary>
        public override bool IsInvalid { get { return handle == IntPtr.Zero; } }
        /// <summary>Frees the roster.</summary>
        protected override bool ReleaseHandle() { NativeMethods.iro_roster_free(handle); return true; }
    }

    /// <summary>Where a load per FTE falls against the band (values as IRO_BAND_*).</summary>
    public enum Band
    {
        /// <summary>Below the band.</summary>
        Below = 0,
        /// <summary>Within the band, ends included.</summary>
        Within = 1,
        /// <summary>Above the band.</summary>
        Above = 2,
    }

    /// <summary>One IRO's load on a date.</summary>
    public sealed class OfficerLoad
    {
        internal OfficerLoad(string officer, IroOfficerLoadNative l)
        {
            Officer = officer; Index = (int)l.Officer; Children = (long)l.Children; Weighted = l.Weighted; PerFte = l.PerFte;
            WeightedPerFte = l.WeightedPerFte; Band = (Band)l.Band; Absent = l.Absent != 0;
        }
        /// <summary>The IRO's id.</summary>
        public string Officer { get; }
        /// <summary>The IRO's index on the roster (the order added).</summary>
        public int Index { get; }
        /// <summary>Children allocated.</summary>
        public long Children { get; }
        /// <summary>Children weighted by the policy's caseload weights.</summary>
        public double Weighted { get; }
        /// <summary>Children per FTE.</summary>
        public double PerFte { get; }
        /// <summary>Weighted children per FTE.</summary>
        public double WeightedPerFte { get; }
        /// <summary>Where PerFte falls against the band.</summary>
        public Band Band { get; }
        /// <summary>Absent on the date.</summary>
        public bool Absent { get; }
        /// <summary>"A: 4 children, 4.00 per FTE, Below".</summary>
        public override string ToString() { return Officer + ": " + Children + " children, " + PerFte.ToString("F2", System.Globalization.CultureInfo.InvariantCulture) + " per FTE, " + Band + (Absent ? ", absent" : ""); }
    }

    /// <summary>A team's load on a date.</summary>
    public sealed class TeamLoad
    {
        internal TeamLoad(IroTeamLoadNative t)
        {
            Date = IroDate.Unchecked(t.Day); Band = (Band)t.Band; Officers = (long)t.Officers; Children = (long)t.Children; Fte = t.Fte;
            PerFte = t.PerFte; MinPerFte = t.MinPerFte; MaxPerFte = t.MaxPerFte; Below = (long)t.Below; Within = (long)t.Within; Above = (long)t.Above;
        }
        /// <summary>The date.</summary>
        public IroDate Date { get; }
        /// <summary>Where PerFte falls against the band.</summary>
        public Band Band { get; }
        /// <summary>IROs in post.</summary>
        public long Officers { get; }
        /// <summary>Children allocated.</summary>
        public long Children { get; }
        /// <summary>Sum of the IROs' FTE.</summary>
        public double Fte { get; }
        /// <summary>Children per FTE (0 without FTE).</summary>
        public double PerFte { get; }
        /// <summary>The lowest IRO load per FTE.</summary>
        public double MinPerFte { get; }
        /// <summary>The highest IRO load per FTE.</summary>
        public double MaxPerFte { get; }
        /// <summary>IROs below the band.</summary>
        public long Below { get; }
        /// <summary>IROs within it.</summary>
        public long Within { get; }
        /// <summary>IROs above it.</summary>
        public long Above { get; }
    }

    /// <summary>Every IRO's load on a date and the team's (<see cref="Roster.Check"/>).</summary>
    public sealed class CaseloadCheck
    {
        internal CaseloadCheck(IReadOnlyList<OfficerLoad> officers, TeamLoad team) { Officers = officers; Team = team; }
        /// <summary>Each IRO's load, in roster order.</summary>
        public IReadOnlyList<OfficerLoad> Officers { get; }
        /// <summary>The team's load.</summary>
        public TeamLoad Team { get; }
    }

    /// <summary>One IRO ranked for a new child, with the reasons for its place (<see cref="Roster.Advise"/>).</summary>
    public sealed class AllocationAdvice
    {
        internal AllocationAdvice(string officer, IroAllocationAdviceNative a)
        {
            Officer = officer; PerFteAfter = a.PerFteAfter; BandAfter = (Band)a.BandAfter; HasSibling = a.HasSibling != 0;
        }
        /// <summary>The IRO's id.</summary>
        public string Officer { get; }
        /// <summary>Its load per FTE after taking the child.</summary>
        public double PerFteAfter { get; }
        /// <summary>Where that falls against the band.</summary>
        public Band BandAfter { get; }
        /// <summary>It already holds a sibling of the child (ranked first).</summary>
        public bool HasSibling { get; }
        /// <summary>"C: 3.00 per FTE after, Below, holds a sibling".</summary>
        public override string ToString() { return Officer + ": " + PerFteAfter.ToString("F2", System.Globalization.CultureInfo.InvariantCulture) + " per FTE after, " + BandAfter + (HasSibling ? ", holds a sibling" : ""); }
    }

    /// <summary>One child moved to another IRO for an absence.</summary>
    public sealed class CoverMove
    {
        internal CoverMove(string child, string to) { Child = child; To = to; }
        /// <summary>The child's id.</summary>
        public string Child { get; }
        /// <summary>The covering IRO's id.</summary>
        public string To { get; }
        /// <summary>"child -> IRO".</summary>
        public override string ToString() { return Child + " -> " + To; }
    }

    /// <summary>How an absent IRO's children are shared out (<see cref="Roster.Cover"/>).</summary>
    public sealed class CoverPlan
    {
        internal CoverPlan(IReadOnlyList<CoverMove> moves, double maxPerFte) { Moves = moves; MaxPerFte = maxPerFte; }
        /// <summary>The moves, evening out the loads.</summary>
        public IReadOnlyList<CoverMove> Moves { get; }
        /// <summary>The highest load per FTE among the covering IROs afterwards.</summary>
        public double MaxPerFte { get; }
    }

    /// <summary>Continuity of IROs up to a date (<see cref="Roster.Continuity"/>).</summary>
    public sealed class Continuity
    {
        internal Continuity(IroContinuityNative c) { Children = (long)c.Children; KeptOneOfficer = (long)c.KeptOneIro; Changes = (long)c.Changes; }
        /// <summary>Children with an allocation starting on or before the date.</summary>
        public long Children { get; }
        /// <summary>Of those, children who never changed IRO.</summary>
        public long KeptOneOfficer { get; }
        /// <summary>IRO changes in all.</summary>
        public long Changes { get; }
    }

    /// <summary>What a roster holds (<see cref="Roster.Counts"/>).</summary>
    public sealed class RosterCounts
    {
        internal RosterCounts(long officers, long children, long allocations) { Officers = officers; Children = children; Allocations = allocations; }
        /// <summary>IROs.</summary>
        public long Officers { get; }
        /// <summary>Children.</summary>
        public long Children { get; }
        /// <summary>Allocations.</summary>
        public long Allocations { get; }
    }

    /// <summary>IROs, children, allocations over time and absences; build from one thread at a time.</summary>
    public sealed class Roster : IDisposable
    {
        private readonly RosterHandle handle;

        /// <summary>An empty roster.</summary>
        public Roster()
        {
            Library.EnsureCompatible();
            IntPtr raw;
            Errors.Check(NativeMethods.iro_roster_new(out raw));
            handle = new RosterHandle(raw);
        }

        private RosterHandle H { get { return Policy.Live(handle); } }
        private static int Day(IroDate? d) { return d.HasValue ? d.Value.Days : int.MinValue; }

        /// <summary>Adds an IRO (FTE in (0, 1]).</summary>
        /// <param name="id">The IRO's id.</param>
        /// <param name="fte">Full-time equivalent, more than 0 and at most 1.</param>
        /// <param name="agency">An agency IRO.</param>
        /// <param name="start">The first day in post (null: always).</param>
        /// <param name="end">The last day in post (null: still in post).</param>
        /// <param name="attributes">Skills or languages that Advise can ask for.</param>
        public void AddOfficer(string id, double fte = 1.0, bool agency = false, IroDate? start = null, IroDate? end = null, params string[] attributes)
        {
            byte[] who = Utf8.ToNative(id, nameof(id));
            Iro.Check.NotNull(attributes, nameof(attributes));
            Errors.Check(NativeMethods.iro_roster_add_officer(H, who, fte, agency ? 1 : 0, Day(start), Day(end), Utf8.ToNative(string.Join(";", attributes), nameof(attributes))));
        }

        /// <summary>Allocates a child to an IRO from a day up to (not including) another.</summary>
        public void AddAllocation(string child, string officer, IroDate from, IroDate? to = null)
        {
            Errors.Check(NativeMethods.iro_roster_add_allocation(H, Utf8.ToNative(child, nameof(child)), Utf8.ToNative(officer, nameof(officer)), from.Days, Day(to)));
        }

        /// <summary>Records an absence, both days included.</summary>
        public void AddAbsence(string officer, IroDate from, IroDate? to = null)
        {
            Errors.Check(NativeMethods.iro_roster_add_absence(H, Utf8.ToNative(officer, nameof(officer)), from.Days, Day(to)));
        }

        /// <summary>Adds or updates a child's attributes.</summary>
        public void SetChild(string id, IroDate? lookedAfterSince = null, bool placedFarAway = false, bool inProceedings = false, bool placementMoves = false, string siblingGroup = "")
        {
            int flags = (placedFarAway ? 1 : 0) | (inProceedings ? 2 : 0) | (placementMoves ? 4 : 0);
            Errors.Check(NativeMethods.iro_roster_set_child(H, Utf8.ToNative(id, nameof(id)), Day(lookedAfterSince), flags, Utf8.ToNative(siblingGroup, nameof(siblingGroup))));
        }

        /// <summary>Loads iros.csv, children.csv (if any), allocations.csv and absences.csv (if any) from a directory.</summary>
        public void LoadDirectory(string directory)
        {
            Iro.Check.NotNull(directory, nameof(directory));
            // (file, IRO_ROSTER_* kind, required), in the order the rows depend on each other.
            var files = new[] { Tuple.Create("iros", 0, true), Tuple.Create("children", 3, false),
                                 Tuple.Create("allocations", 1, true), Tuple.Create("absences", 2, false) };
            foreach (var f in files)
            {
                string path = Path.Combine(directory, f.Item1 + ".csv");
                if (f.Item3 || File.Exists(path))
                    Errors.Check(NativeMethods.iro_roster_load_csv(H, f.Item2, Utf8.ToNative(path, nameof(directory))));
            }
        }

        // Call inside a lease: the id is owned by the roster.
        private string Id(int isChild, UIntPtr index)
        {
            IntPtr text;
            Errors.Check(NativeMethods.iro_roster_id(handle, isChild, index, out text));
            return Utf8.FromNative(text);
        }

        private HandleLease Lease() { return new HandleLease(handle, nameof(Roster)); }

        /// <summary>Every IRO's load on a date, and the team's.</summary>
        /// <param name="policy">The policy (its band and weights).</param>
        /// <param name="day">The date.</param>
        /// <returns>The loads.</returns>
        public CaseloadCheck Check(Policy policy, IroDate day)
        {
            Iro.Check.NotNull(policy, nameof(policy));
            using (Lease())
            {
                UIntPtr count;
                IroTeamLoadNative t;
                int status = NativeMethods.iro_caseload_check(handle, Policy.Live(policy.Handle), day.Days, null, UIntPtr.Zero, out count, out t);
                if (status != Errors.Ok && status != Errors.BufferTooSmall) Errors.Check(status);
                var native = new IroOfficerLoadNative[(int)count];
                Errors.Check(NativeMethods.iro_caseload_check(handle, policy.Handle, day.Days, native, (UIntPtr)native.Length, out count, out t));
                var list = new List<OfficerLoad>(native.Length);
                foreach (var l in native) list.Add(new OfficerLoad(Id(0, l.Officer), l));
                return new CaseloadCheck(list, new TeamLoad(t));
            }
        }

        /// <summary>The team's load at each month end from one date to another.</summary>
        /// <param name="policy">The policy.</param>
        /// <param name="from">The first date.</param>
        /// <param name="to">The last date.</param>
        /// <returns>One load per month end.</returns>
        public IReadOnlyList<TeamLoad> Series(Policy policy, IroDate from, IroDate to)
        {
            Iro.Check.NotNull(policy, nameof(policy));
            UIntPtr count;
            int status = NativeMethods.iro_caseload_series(H, Policy.Live(policy.Handle), from.Days, to.Days, null, UIntPtr.Zero, out count);
            if (status != Errors.Ok && status != Errors.BufferTooSmall) Errors.Check(status);
            var native = new IroTeamLoadNative[(int)count];
            Errors.Check(NativeMethods.iro_caseload_series(H, policy.Handle, from.Days, to.Days, native, (UIntPtr)native.Length, out count));
            var list = new List<TeamLoad>(native.Length);
            foreach (var t in native) list.Add(new TeamLoad(t));
            return list;
        }

        /// <summary>IROs ranked for a new child (sibling holders first, then by load per FTE after), with the reasons.</summary>
        /// <param name="policy">The policy.</param>
        /// <param name="day">The date of the allocation.</param>
        /// <param name="siblingGroup">The child's sibling group ("" for none).</param>
        /// <param name="attribute">An attribute the IRO must have ("" for any).</param>
        /// <returns>The ranking.</returns>
        public IReadOnlyList<AllocationAdvice> Advise(Policy policy, IroDate day, string siblingGroup = "", string attribute = "")
        {
            Iro.Check.NotNull(policy, nameof(policy));
            byte[] group = Utf8.ToNative(siblingGroup, nameof(siblingGroup)), attr = Utf8.ToNative(attribute, nameof(attribute));
            using (Lease())
            {
                UIntPtr count;
                int status = NativeMethods.iro_caseload_advise(handle, Policy.Live(policy.Handle), day.Days, group, attr, null, UIntPtr.Zero, out count);
                if (status != Errors.Ok && status != Errors.BufferTooSmall) Errors.Check(status);
                var native = new IroAllocationAdviceNative[(int)count];
                Errors.Check(NativeMethods.iro_caseload_advise(handle, policy.Handle, day.Days, group, attr, native, (UIntPtr)native.Length, out count));
                var list = new List<AllocationAdvice>(native.Length);
                foreach (var a in native) list.Add(new AllocationAdvice(Id(0, a.Officer), a));
                return list;
            }
        }

        /// <summary>Moves sharing an absent IRO's children evenly among the others.</summary>
        /// <param name="policy">The policy.</param>
        /// <param name="absentOfficer">The absent IRO's id.</param>
        /// <param name="from">The first day of the absence.</param>
        /// <param name="to">The last day.</param>
        /// <returns>The moves and the highest load per FTE after them.</returns>
        public CoverPlan Cover(Policy policy, string absentOfficer, IroDate from, IroDate to)
        {
            Iro.Check.NotNull(policy, nameof(policy));
            byte[] who = Utf8.ToNative(absentOfficer, nameof(absentOfficer));
            using (Lease())
            {
                UIntPtr count;
                double maxPerFte;
                int status = NativeMethods.iro_caseload_cover(handle, Policy.Live(policy.Handle), who, from.Days, to.Days, null, UIntPtr.Zero, out count, out maxPerFte);
                if (status != Errors.Ok && status != Errors.BufferTooSmall) Errors.Check(status);
                var native = new IroCoverMoveNative[(int)count];
                Errors.Check(NativeMethods.iro_caseload_cover(handle, policy.Handle, who, from.Days, to.Days, native, (UIntPtr)native.Length, out count, out maxPerFte));
                var list = new List<CoverMove>(native.Length);
                foreach (var m in native) list.Add(new CoverMove(Id(1, m.Child), Id(0, m.To)));
                return new CoverPlan(list, maxPerFte);
            }
        }

        /// <summary>Continuity of IROs up to a date.</summary>
        /// <param name="day">The date.</param>
        /// <returns>Children, those who kept one IRO, and IRO changes.</returns>
        public Continuity Continuity(IroDate day)
        {
            IroContinuityNative c;
            Errors.Check(NativeMethods.iro_caseload_continuity(H, day.Days, out c));
            return new Continuity(c);
        }

        /// <summary>How many IROs, children and allocations the roster holds.</summary>
        /// <returns>The counts.</returns>
        public RosterCounts Counts()
        {
            UIntPtr a, b, c;
            Errors.Check(NativeMethods.iro_roster_counts(H, out a, out b, out c));
            return new RosterCounts((long)a, (long)b, (long)c);
        }

        /// <summary>Frees the native roster.</summary>
        public void Dispose() { handle.Dispose(); }
    }
}
