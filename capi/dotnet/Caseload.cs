// Caseloads: Roster over an iro_roster handle, with checks against the policy's band.
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
    public struct IroLoad
    {
        /// <summary>The IRO's id.</summary>
        public string Iro;
        /// <summary>Children allocated.</summary>
        public long Children;
        /// <summary>Weighted children.</summary>
        public double Weighted;
        /// <summary>Children per FTE.</summary>
        public double PerFte;
        /// <summary>Its band.</summary>
        public Band Band;
        /// <summary>Absent on the date.</summary>
        public bool Absent;
    }

    /// <summary>A team's load on a date.</summary>
    public struct TeamLoad
    {
        /// <summary>The date.</summary>
        public IroDate Date;
        /// <summary>IROs in post.</summary>
        public long Iros;
        /// <summary>Children allocated.</summary>
        public long Children;
        /// <summary>Sum of FTE.</summary>
        public double Fte;
        /// <summary>Children per FTE.</summary>
        public double PerFte;
        /// <summary>Its band.</summary>
        public Band Band;
        /// <summary>IROs above the band.</summary>
        public long Above;

        internal static TeamLoad From(IroTeamLoadNative t)
        {
            return new TeamLoad { Date = IroDate.Unchecked(t.Day), Iros = (long)t.Officers, Children = (long)t.Children, Fte = t.Fte, PerFte = t.PerFte, Band = (Band)t.Band, Above = (long)t.Above };
        }
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
        public void AddIro(string id, double fte = 1.0, bool agency = false, IroDate? start = null, IroDate? end = null, params string[] attributes)
        {
            Errors.Check(NativeMethods.iro_roster_add_officer(H, Utf8.ToNative(id, "id"), fte, agency ? 1 : 0, Day(start), Day(end), Utf8.ToNative(string.Join(";", attributes), "attributes")));
        }

        /// <summary>Allocates a child to an IRO from a day up to (not including) another.</summary>
        public void AddAllocation(string child, string iro, IroDate from, IroDate? to = null)
        {
            Errors.Check(NativeMethods.iro_roster_add_allocation(H, Utf8.ToNative(child, "child"), Utf8.ToNative(iro, "iro"), from.Days, Day(to)));
        }

        /// <summary>Records an absence, both days included.</summary>
        public void AddAbsence(string iro, IroDate from, IroDate? to = null)
        {
            Errors.Check(NativeMethods.iro_roster_add_absence(H, Utf8.ToNative(iro, "iro"), from.Days, Day(to)));
        }

        /// <summary>Adds or updates a child's attributes.</summary>
        public void SetChild(string id, IroDate? lookedAfterSince = null, bool placedFarAway = false, bool inProceedings = false, bool placementMoves = false, string siblingGroup = "")
        {
            int flags = (placedFarAway ? 1 : 0) | (inProceedings ? 2 : 0) | (placementMoves ? 4 : 0);
            Errors.Check(NativeMethods.iro_roster_set_child(H, Utf8.ToNative(id, "id"), Day(lookedAfterSince), flags, Utf8.ToNative(siblingGroup ?? "", "siblingGroup")));
        }

        /// <summary>Loads iros.csv, children.csv (if any), allocations.csv and absences.csv (if any) from a directory.</summary>
        public void LoadDirectory(string directory)
        {
            // (file, IRO_ROSTER_* kind, required), in the order the rows depend on each other.
            var files = new[] { Tuple.Create("iros", 0, true), Tuple.Create("children", 3, false),
                                 Tuple.Create("allocations", 1, true), Tuple.Create("absences", 2, false) };
            foreach (var f in files)
            {
                string path = Path.Combine(directory, f.Item1 + ".csv");
                if (f.Item3 || File.Exists(path))
                    Errors.Check(NativeMethods.iro_roster_load_csv(H, f.Item2, Utf8.ToNative(path, "path")));
            }
        }

        private string Id(int isChild, UIntPtr index)
        {
            IntPtr text;
            Errors.Check(NativeMethods.iro_roster_id(H, isChild, index, out text));
            return Utf8.FromNative(text);
        }

        /// <summary>Every IRO's load on a date; the team's in <paramref name="team"/>.</summary>
        public IReadOnlyList<IroLoad> Check(Policy policy, IroDate day, out TeamLoad team)
        {
            UIntPtr count;
            IroTeamLoadNative t;
            int status = NativeMethods.iro_caseload_check(H, Policy.Live(policy.Handle), day.Days, null, UIntPtr.Zero, out count, out t);
            if (status != Errors.Ok && status != Errors.BufferTooSmall) Errors.Check(status);
            var native = new IroOfficerLoadNative[(int)count];
            Errors.Check(NativeMethods.iro_caseload_check(H, policy.Handle, day.Days, native, (UIntPtr)native.Length, out count, out t));
            team = TeamLoad.From(t);
            var list = new List<IroLoad>();
            foreach (var l in native)
                list.Add(new IroLoad { Iro = Id(0, l.Officer), Children = (long)l.Children, Weighted = l.Weighted, PerFte = l.PerFte, Band = (Band)l.Band, Absent = l.Absent != 0 });
            return list;
        }

        /// <summary>The team's load at each month end.</summary>
        public IReadOnlyList<TeamLoad> Series(Policy policy, IroDate from, IroDate to)
        {
            UIntPtr count;
            int status = NativeMethods.iro_caseload_series(H, Policy.Live(policy.Handle), from.Days, to.Days, null, UIntPtr.Zero, out count);
            if (status != Errors.Ok && status != Errors.BufferTooSmall) Errors.Check(status);
            var native = new IroTeamLoadNative[(int)count];
            Errors.Check(NativeMethods.iro_caseload_series(H, policy.Handle, from.Days, to.Days, native, (UIntPtr)native.Length, out count));
            var list = new List<TeamLoad>();
            foreach (var t in native) list.Add(TeamLoad.From(t));
            return list;
        }

        /// <summary>IRO ids ranked for a new child (sibling holders first, then by load per FTE after).</summary>
        public IReadOnlyList<string> Advise(Policy policy, IroDate day, string siblingGroup = "", string attribute = "")
        {
            UIntPtr count;
            byte[] group = Utf8.ToNative(siblingGroup ?? "", "siblingGroup"), attr = Utf8.ToNative(attribute ?? "", "attribute");
            int status = NativeMethods.iro_caseload_advise(H, Policy.Live(policy.Handle), day.Days, group, attr, null, UIntPtr.Zero, out count);
            if (status != Errors.Ok && status != Errors.BufferTooSmall) Errors.Check(status);
            var native = new IroAllocationAdviceNative[(int)count];
            Errors.Check(NativeMethods.iro_caseload_advise(H, policy.Handle, day.Days, group, attr, native, (UIntPtr)native.Length, out count));
            var list = new List<string>();
            foreach (var a in native) list.Add(Id(0, a.Officer));
            return list;
        }

        /// <summary>(child id, covering IRO id) moves sharing an absent IRO's children evenly.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Cover(Policy policy, string absentIro, IroDate from, IroDate to, out double maxPerFte)
        {
            UIntPtr count;
            byte[] who = Utf8.ToNative(absentIro, "absentIro");
            int status = NativeMethods.iro_caseload_cover(H, Policy.Live(policy.Handle), who, from.Days, to.Days, null, UIntPtr.Zero, out count, out maxPerFte);
            if (status != Errors.Ok && status != Errors.BufferTooSmall) Errors.Check(status);
            var native = new IroCoverMoveNative[(int)count];
            Errors.Check(NativeMethods.iro_caseload_cover(H, policy.Handle, who, from.Days, to.Days, native, (UIntPtr)native.Length, out count, out maxPerFte));
            var list = new List<KeyValuePair<string, string>>();
            foreach (var m in native) list.Add(new KeyValuePair<string, string>(Id(1, m.Child), Id(0, m.To)));
            return list;
        }

        /// <summary>(children, kept one IRO, changes) up to a date.</summary>
        public long[] Continuity(IroDate day)
        {
            IroContinuityNative c;
            Errors.Check(NativeMethods.iro_caseload_continuity(H, day.Days, out c));
            return new[] { (long)c.Children, (long)c.KeptOneIro, (long)c.Changes };
        }

        /// <summary>(IROs, children, allocations).</summary>
        public long[] Counts()
        {
            UIntPtr a, b, c;
            Errors.Check(NativeMethods.iro_roster_counts(H, out a, out b, out c));
            return new[] { (long)a, (long)b, (long)c };
        }

        /// <summary>Frees the native roster.</summary>
        public void Dispose() { handle.Dispose(); }
    }
}
