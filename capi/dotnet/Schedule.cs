// Review schedules: Policy, Children and Schedules over SafeHandles, with one native call for all children.
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace Iro
{
    /// <summary>Owns an iro_policy*.</summary>
    public sealed class PolicyHandle : SafeHandle
    {
        private PolicyHandle() : base(IntPtr.Zero, true) { }
        internal PolicyHandle(IntPtr h) : base(IntPtr.Zero, true) { SetHandle(h); }
        /// <summary>True when no policy is held.</summary>
        public override bool IsInvalid { get { return handle == IntPtr.Zero; } }
        /// <summary>Frees the policy.</summary>
        protected override bool ReleaseHandle() { NativeMethods.iro_policy_free(handle); return true; }
    }

    /// <summary>Owns an iro_children*.</summary>
    public sealed class ChildrenHandle : SafeHandle
    {
        private ChildrenHandle() : base(IntPtr.Zero, true) { }
        internal ChildrenHandle(IntPtr h) : base(IntPtr.Zero, true) { SetHandle(h); }
        /// <summary>True when no set is held.</summary>
        public override bool IsInvalid { get { return handle == IntPtr.Zero; } }
        /// <summary>Frees the set.</summary>
        protected override bool ReleaseHandle() { NativeMethods.iro_children_free(handle); return true; }
    }

    /// <summary>Owns an iro_schedules*.</summary>
    public sealed class SchedulesHandle : SafeHandle
    {
        private SchedulesHandle() : base(IntPtr.Zero, true) { }
        internal SchedulesHandle(IntPtr h) : base(IntPtr.Zero, true) { SetHandle(h); }
        /// <summary>True when no schedules are held.</summary>
        public override bool IsInvalid { get { return handle == IntPtr.Zero; } }
        /// <summary>Frees the schedules.</summary>
        protected override bool ReleaseHandle() { NativeMethods.iro_schedules_free(handle); return true; }
    }

    /// <summary>The rule a chain of reviews follows (values as IRO_REGIME_*).</summary>
    public enum Regime
    {
        /// <summary>CPPCR 2010 reg 33.</summary>
        Standard = 0,
        /// <summary>CPPCR 2010 reg 48.</summary>
        ShortBreaks = 1,
        /// <summary>AAR 2005 reg 36(3).</summary>
        AdoptionPlaced = 2,
        /// <summary>AAR 2005 reg 36(1): only as a switch from Standard (authority to place), or from AdoptionPlaced (the child was returned to the agency).</summary>
        AdoptionAuthorised = 3,
    }

    /// <summary>The unit of an interval for <see cref="Policy.Add"/> (IRO_UNIT_*).</summary>
    public enum IntervalUnit
    {
        /// <summary>Working days of the calendar under the policy.</summary>
        WorkingDays = 0,
        /// <summary>Calendar days.</summary>
        Days = 1,
        /// <summary>Weeks of 7 days.</summary>
        Weeks = 2,
        /// <summary>Calendar months (or days, under a policy that reads months as days).</summary>
        Months = 3,
    }

    /// <summary>The step of a chain of reviews that set a due date (values as IRO_RULE_*). Its citation, interval and
    /// wording are the policy's (<see cref="Policy.Rule"/>); the provisions below are those of the built-in England policy.</summary>
    public enum DueRule
    {
        /// <summary>CPPCR 2010 reg 33(1): first review within 20 working days of becoming looked after.</summary>
        StandardFirst = 0,
        /// <summary>CPPCR 2010 reg 33(2): second review not more than 3 months after the first.</summary>
        StandardSecond = 1,
        /// <summary>CPPCR 2010 reg 33(2): later reviews not more than 6 months after the previous one.</summary>
        StandardSubsequent = 2,
        /// <summary>CPPCR 2010 reg 48(3): first review within 3 months of the start of the first short break.</summary>
        ShortBreaksFirst = 3,
        /// <summary>CPPCR 2010 reg 48(3): third and later reviews, 6 months after the previous one.</summary>
        ShortBreaksSubsequent = 4,
        /// <summary>AAR 2005 reg 36(3)(a): first review not more than 4 weeks after placement for adoption.</summary>
        AdoptionPlacedFirst = 5,
        /// <summary>AAR 2005 reg 36(3)(b): second review not more than 3 months after the first.</summary>
        AdoptionPlacedSecond = 6,
        /// <summary>AAR 2005 reg 36(3)(c): later reviews not more than 6 months after the previous one.</summary>
        AdoptionPlacedSubsequent = 7,
        /// <summary>AAR 2005 reg 36(1)(a): 3 months after the agency first had authority to place set the date.</summary>
        AdoptionAuthorised = 8,
        /// <summary>After a return to the agency: not more than 6 months after the previous review (CPPCR 2010 reg 33(2)).</summary>
        Returned = 9,
        /// <summary>CPPCR 2010 reg 48(3): the second short-break review, 6 months after the first.</summary>
        ShortBreaksSecond = 10,
        /// <summary>A council's own review after a return to the agency, counted from the return (only under a policy that sets one).</summary>
        ReturnedLocal = 11,
    }

    /// <summary>The citation and wording of a rule step under a policy (<see cref="Policy.Rule"/>).</summary>
    public sealed class RuleStep
    {
        internal RuleStep(string cite, string text) { Cite = cite; Text = text; }
        /// <summary>The provision ("CPPCR 2010 reg 33(2)").</summary>
        public string Cite { get; }
        /// <summary>The rule in words with its interval ("second review not more than 3 months after the first").</summary>
        public string Text { get; }
        /// <summary>"Cite: Text".</summary>
        public override string ToString() { return Cite + ": " + Text; }
    }

    /// <summary>The settings the rules read; immutable, so share it across threads.</summary>
    public sealed class Policy : IDisposable
    {
        internal readonly PolicyHandle Handle;
        private Policy(IntPtr raw) { Handle = new PolicyHandle(raw); }

        /// <summary>The built-in policy ("england": CPPCR 2010 and the IRO Handbook 2010).</summary>
        public static Policy Builtin(string name = "england")
        {
            Library.EnsureCompatible();
            IntPtr raw;
            Errors.Check(NativeMethods.iro_policy_new_builtin(Utf8.ToNative(name, nameof(name)), out raw));
            return new Policy(raw);
        }

        /// <summary>Loads a policy file (iro-policy/1, with extends overlays); errors name the file and JSON path.</summary>
        public static Policy FromFile(string path)
        {
            Library.EnsureCompatible();
            IntPtr raw;
            Errors.Check(NativeMethods.iro_policy_new_from_file(Utf8.ToNative(path, nameof(path)), out raw));
            return new Policy(raw);
        }

        private string[] Describe()
        {
            using (new HandleLease(Handle, nameof(Policy)))
            {
                IntPtr id, source;
                Errors.Check(NativeMethods.iro_policy_describe(Handle, out id, out source));
                HandleLease.Copying();
                return new[] { Utf8.FromNative(id), Utf8.FromNative(source) };
            }
        }

        /// <summary>The policy's id ("england", "hounslow").</summary>
        public string Id { get { return Describe()[0]; } }
        /// <summary>Where it was loaded from, base first.</summary>
        public string Source { get { return Describe()[1]; } }

        /// <summary>A new policy with a case's policy overrides (JSON text), for example {"interval_unit": "days"}.</summary>
        public Policy WithOverrides(string json)
        {
            IntPtr raw;
            Errors.Check(NativeMethods.iro_policy_new_with_overrides(Live(Handle), Utf8.ToNative(json, nameof(json)), out raw));
            return new Policy(raw);
        }

        /// <summary>The citation and wording of a rule step under this policy. <paramref name="anchor"/> is the date the
        /// rule counts from (<see cref="ReviewResult.Anchor"/>): it picks the version in force, so a child looked after before
        /// 1 April 2011 had the 1991 regulations. Throws InvalidArgumentException for a value that is no DueRule, or for
        /// ReturnedLocal under a policy that sets no review after a return to the agency.</summary>
        /// <param name="rule">The step.</param>
        /// <param name="anchor">The date the rule counts from.</param>
        /// <returns>The citation and wording, copied out of the policy.</returns>
        public RuleStep Rule(DueRule rule, IroDate anchor)
        {
            using (new HandleLease(Handle, nameof(Policy)))
            {
                IntPtr cite, text;
                Errors.Check(NativeMethods.iro_policy_rule(Handle, (int)rule, anchor.Days, out cite, out text));
                HandleLease.Copying();
                return new RuleStep(Utf8.FromNative(cite), Utf8.FromNative(text));
            }
        }

        /// <summary>
        /// <paramref name="from"/> plus <paramref name="value"/> units, counted the way this policy counts: its
        /// anchor convention, its reading of months and its closure days on top of <paramref name="calendar"/>.
        /// A negative value counts back.
        /// </summary>
        /// <param name="calendar">The working-day calendar (of the policy's division).</param>
        /// <param name="from">The anchor.</param>
        /// <param name="value">How many units.</param>
        /// <param name="unit">The unit.</param>
        /// <returns>The date.</returns>
        /// <exception cref="ArgumentNullException">calendar is null.</exception>
        /// <exception cref="IroOutOfRangeException">A date leaves the calendar.</exception>
        public IroDate Add(WorkingCalendar calendar, IroDate from, int value, IntervalUnit unit = IntervalUnit.WorkingDays)
        {
            Check.NotNull(calendar, nameof(calendar));
            int day;
            Errors.Check(NativeMethods.iro_policy_add(Live(Handle), calendar.NativeHandle, from.Days, value, (int)unit, out day));
            return IroDate.FromDays(day);
        }

        internal static T Live<T>(T handle) where T : SafeHandle
        {
            if (handle.IsClosed) throw new ObjectDisposedException(typeof(T).Name);
            return handle;
        }

        /// <summary>Frees the native policy.</summary>
        public void Dispose() { Handle.Dispose(); }
    }

    /// <summary>Children to evaluate; mutable, so use it from one thread at a time.</summary>
    public sealed class Children : IDisposable
    {
        internal readonly ChildrenHandle Handle;

        /// <summary>An empty set.</summary>
        public Children()
        {
            Library.EnsureCompatible();
            IntPtr raw;
            Errors.Check(NativeMethods.iro_children_new(out raw));
            Handle = new ChildrenHandle(raw);
        }

        internal Children(IntPtr raw) { Handle = new ChildrenHandle(raw); }

        /// <summary>Adds a child and returns its index.</summary>
        /// <param name="id">The child's id (results carry it: <see cref="ChildSchedule.Id"/>, <see cref="Schedules.Find"/>).</param>
        /// <param name="dob">The date of birth, when known (the rules stop at 18).</param>
        /// <returns>The child's index.</returns>
        public int Add(string id, IroDate? dob = null)
        {
            int index;
            Errors.Check(NativeMethods.iro_children_add(Policy.Live(Handle), Utf8.ToNative(id, nameof(id)), dob.HasValue ? dob.Value.Days : int.MinValue, out index));
            return index;
        }

        /// <summary>Adds a period of care (end null: still looked after).</summary>
        public void AddPeriod(int child, IroDate start, IroDate? end = null, Regime regime = Regime.Standard)
        {
            Errors.Check(NativeMethods.iro_children_add_period(Policy.Live(Handle), child, start.Days, end.HasValue ? end.Value.Days : int.MinValue, (int)regime));
        }

        /// <summary>Adds a regime switch to the child's latest period.</summary>
        public void AddSwitch(int child, IroDate date, Regime regime)
        {
            Errors.Check(NativeMethods.iro_children_add_switch(Policy.Live(Handle), child, date.Days, (int)regime));
        }

        /// <summary>Adds many reviews in one call: child indexes, day counts, codes (-1 none, 0-7) and flags (1 = cancelled); codes and flags may be null.</summary>
        public void AddReviews(int[] children, int[] days, int[]? codes = null, int[]? flags = null)
        {
            Check.NotNull(children, nameof(children));
            Check.NotNull(days, nameof(days));
            if (days.Length != children.Length || (codes != null && codes.Length != children.Length) || (flags != null && flags.Length != children.Length))
                throw new ArgumentException("the arrays differ in length", nameof(days));
            Errors.Check(NativeMethods.iro_children_add_reviews(Policy.Live(Handle), children, days, codes, flags, (UIntPtr)children.Length));
        }

        /// <summary>Adds held reviews of one child, each with a participation code (null: none).</summary>
        /// <param name="child">The child's index.</param>
        /// <param name="dates">The days the reviews were held.</param>
        public void AddReviews(int child, params IroDate[] dates)
        {
            Check.NotNull(dates, nameof(dates));
            var who = new int[dates.Length];
            for (int i = 0; i < who.Length; i++) who[i] = child;
            AddReviews(who, IroDate.ToDays(dates));
        }

        /// <summary>Adds the children of a JSON file (the conformance case shape); returns how many.</summary>
        public int LoadJson(string path)
        {
            UIntPtr added;
            Errors.Check(NativeMethods.iro_children_load_json(Policy.Live(Handle), Utf8.ToNative(path, nameof(path)), out added));
            return (int)added;
        }

        /// <summary>The number of children.</summary>
        public int Count { get { UIntPtr n; Errors.Check(NativeMethods.iro_children_count(Policy.Live(Handle), out n)); return (int)n; } }

        /// <summary>Frees the native set.</summary>
        public void Dispose() { Handle.Dispose(); }
    }

    /// <summary>One child's evaluated schedule.</summary>
    public sealed class ChildSchedule
    {
        internal ChildSchedule() { Id = ""; }
        /// <summary>The child's index in the set evaluated.</summary>
        public int Index { get; internal set; }
        /// <summary>The child's id, as added.</summary>
        public string Id { get; internal set; }
        /// <summary>Null when evaluated; otherwise why the child's data was refused (an exception that implements
        /// <see cref="IIroException"/>, such as InvalidArgumentException).</summary>
        public Exception? Error { get; internal set; }
        /// <summary>Held reviews judged.</summary>
        public int Reviews { get; internal set; }
        /// <summary>Missed due dates.</summary>
        public int Missed { get; internal set; }
        /// <summary>The next review's due date; null when no review is owed (Schedules.Explain(index) says why).</summary>
        public IroDate? NextDue { get; internal set; }
        /// <summary>Its place in its chain (0 when none).</summary>
        public int NextNumber { get; internal set; }
        /// <summary>Its regime.</summary>
        public Regime? NextRegime { get; internal set; }
        /// <summary>The rule that set it.</summary>
        public DueRule? NextRule { get; internal set; }
        /// <summary>The date its rule counts from.</summary>
        public IroDate? NextAnchor { get; internal set; }
        /// <summary>The due date is before the as-of date.</summary>
        public bool Overdue { get; internal set; }
        /// <summary>The midway review date.</summary>
        public IroDate? Midway { get; internal set; }
        /// <summary>Book the review by.</summary>
        public IroDate? BookBy { get; internal set; }
        /// <summary>The report deadline.</summary>
        public IroDate? ReportDue { get; internal set; }
        /// <summary>"id: next due DATE" or "id: error".</summary>
        public override string ToString()
        {
            if (Error != null) return Id + ": " + Error.Message;
            return Id + ": " + (NextDue.HasValue ? "next due " + NextDue.Value + (Overdue ? " (overdue)" : "") : "no review owed");
        }
    }

    /// <summary>One held review, judged.</summary>
    public sealed class ReviewResult
    {
        internal ReviewResult() { ChildId = ""; }
        /// <summary>The child's index in the set evaluated.</summary>
        public int Child { get; internal set; }
        /// <summary>The child's id.</summary>
        public string ChildId { get; internal set; }
        /// <summary>When it was held.</summary>
        public IroDate Date { get; internal set; }
        /// <summary>Its place in its chain (1 = first).</summary>
        public int Number { get; internal set; }
        /// <summary>The regime it was held under.</summary>
        public Regime Regime { get; internal set; }
        /// <summary>The deadline it had to meet.</summary>
        public IroDate Due { get; internal set; }
        /// <summary>The rule that set the deadline.</summary>
        public DueRule Rule { get; internal set; }
        /// <summary>The date the rule counts from.</summary>
        public IroDate Anchor { get; internal set; }
        /// <summary>Held on or before the deadline.</summary>
        public bool OnTime { get; internal set; }
        /// <summary>Calendar days late (0 when on time).</summary>
        public int DaysLate { get; internal set; }
        /// <summary>The record must be circulated by this date.</summary>
        public IroDate RecordDue { get; internal set; }
        /// <summary>The participation code 0-7 (PN0-PN7), or null when none was recorded.</summary>
        public int? Participation { get; internal set; }
        /// <summary>"id review N held DATE, due DATE".</summary>
        public override string ToString() { return ChildId + " review " + Number + " held " + Date + ", due " + Due + (OnTime ? "" : " (" + DaysLate + " days late)"); }
    }

    /// <summary>One missed due date.</summary>
    public sealed class MissedReview
    {
        internal MissedReview() { ChildId = ""; }
        /// <summary>The child's index in the set evaluated.</summary>
        public int Child { get; internal set; }
        /// <summary>The child's id.</summary>
        public string ChildId { get; internal set; }
        /// <summary>The deadline that passed with no review.</summary>
        public IroDate Due { get; internal set; }
        /// <summary>The rule that set it.</summary>
        public DueRule Rule { get; internal set; }
        /// <summary>The date the rule counts from.</summary>
        public IroDate Anchor { get; internal set; }
        /// <summary>The regime it fell under.</summary>
        public Regime Regime { get; internal set; }
        /// <summary>"id missed: due DATE".</summary>
        public override string ToString() { return ChildId + " missed: due " + Due + " (" + Regime + ")"; }
    }

    /// <summary>Every held review of every child as columns (one array per field, one row per review, in child
    /// order): for data frames and bulk loads, read in one native call. Days are days since 1970-01-01.</summary>
    public sealed class ReviewColumns
    {
        internal ReviewColumns(int n, string[] ids)
        {
            ChildIds = ids;
            Child = new int[n]; Day = new int[n]; Number = new int[n]; Regime = new int[n]; Due = new int[n]; Rule = new int[n];
            Anchor = new int[n]; OnTime = new int[n]; DaysLate = new int[n]; RecordDue = new int[n]; Participation = new int[n];
        }
        /// <summary>The number of rows.</summary>
        public int Count { get { return Child.Length; } }
        /// <summary>Every child's id by index (ChildIds[Child[row]] is a row's child).</summary>
        public IReadOnlyList<string> ChildIds { get; }
        /// <summary>The child's index.</summary>
        public int[] Child { get; }
        /// <summary>When it was held.</summary>
        public int[] Day { get; }
        /// <summary>Its place in its chain (1 = first).</summary>
        public int[] Number { get; }
        /// <summary>The <see cref="Iro.Regime"/> it was held under.</summary>
        public int[] Regime { get; }
        /// <summary>The deadline it had to meet.</summary>
        public int[] Due { get; }
        /// <summary>The <see cref="DueRule"/> that set the deadline.</summary>
        public int[] Rule { get; }
        /// <summary>The date the rule counts from.</summary>
        public int[] Anchor { get; }
        /// <summary>1 when held on or before the deadline.</summary>
        public int[] OnTime { get; }
        /// <summary>Calendar days late.</summary>
        public int[] DaysLate { get; }
        /// <summary>The date its record must be circulated by.</summary>
        public int[] RecordDue { get; }
        /// <summary>The participation code 0-7, or -1 when none.</summary>
        public int[] Participation { get; }
    }

    /// <summary>Every missed due date of every child as columns, in child order (see <see cref="ReviewColumns"/>).</summary>
    public sealed class MissedColumns
    {
        internal MissedColumns(int n, string[] ids)
        {
            ChildIds = ids;
            Child = new int[n]; Due = new int[n]; Rule = new int[n]; Anchor = new int[n]; Regime = new int[n];
        }
        /// <summary>The number of rows.</summary>
        public int Count { get { return Child.Length; } }
        /// <summary>Every child's id by index.</summary>
        public IReadOnlyList<string> ChildIds { get; }
        /// <summary>The child's index.</summary>
        public int[] Child { get; }
        /// <summary>The deadline that passed with no review.</summary>
        public int[] Due { get; }
        /// <summary>The <see cref="DueRule"/> that set it.</summary>
        public int[] Rule { get; }
        /// <summary>The date the rule counts from.</summary>
        public int[] Anchor { get; }
        /// <summary>The <see cref="Iro.Regime"/> it fell under.</summary>
        public int[] Regime { get; }
    }

    /// <summary>Every child's evaluated schedule. Immutable: nothing changes it after Evaluate, so share it across
    /// threads. Reevaluate gives a new object.</summary>
    public sealed class Schedules : IDisposable
    {
        private readonly SchedulesHandle handle;
        private Schedules(IntPtr raw) { handle = new SchedulesHandle(raw); }

        private HandleLease Lease() { return new HandleLease(handle, nameof(Schedules)); }

        /// <summary>Evaluates every child as of a date in one native call; an invalid child gets its own error.</summary>
        /// <param name="children">The children (not changed; may be disposed afterwards).</param>
        /// <param name="policy">The settings.</param>
        /// <param name="calendar">The working-day calendar; the policy's closure days are added to it.</param>
        /// <param name="asOf">The date of the evaluation: later reviews are not known yet.</param>
        /// <returns>The schedules; dispose them when done.</returns>
        public static Schedules Evaluate(Children children, Policy policy, WorkingCalendar calendar, IroDate asOf)
        {
            Check.NotNull(children, nameof(children));
            Check.NotNull(policy, nameof(policy));
            Check.NotNull(calendar, nameof(calendar));
            IntPtr raw;
            Errors.Check(NativeMethods.iro_schedule_evaluate(Policy.Live(children.Handle), Policy.Live(policy.Handle), calendar.NativeHandle, asOf.Days, out raw));
            return new Schedules(raw);
        }

        /// <summary>Evaluates again (as of another date, under another policy, after children changed) into a new
        /// Schedules; this one is left as it is. The same as <see cref="Evaluate"/>.</summary>
        /// <param name="children">The children.</param>
        /// <param name="policy">The settings.</param>
        /// <param name="calendar">The working-day calendar.</param>
        /// <param name="asOf">The date of the evaluation.</param>
        /// <returns>New schedules; dispose them when done.</returns>
        public Schedules Reevaluate(Children children, Policy policy, WorkingCalendar calendar, IroDate asOf)
        {
            Check.NotNull(children, nameof(children));
            Check.NotNull(policy, nameof(policy));
            Check.NotNull(calendar, nameof(calendar));
            Policy.Live(handle);
            return Evaluate(children, policy, calendar, asOf);
        }

        /// <summary>The number of children evaluated.</summary>
        public int Count { get { return (int)Summary()[0]; } }
        /// <summary>The number of children whose data was refused.</summary>
        public int Failed { get { return (int)Summary()[1]; } }
        /// <summary>The number of held reviews judged.</summary>
        public long ReviewsJudged { get { return (long)Summary()[2]; } }

        private ulong[] Summary()
        {
            UIntPtr n, failed, reviews;
            Errors.Check(NativeMethods.iro_schedules_summary(Policy.Live(handle), out n, out failed, out reviews));
            return new[] { (ulong)n, (ulong)failed, (ulong)reviews };
        }

        private static IroDate? Maybe(int day) { return day == int.MinValue ? (IroDate?)null : IroDate.Unchecked(day); }

        private string IdOf(int index)
        {
            IntPtr id;
            Errors.Check(NativeMethods.iro_schedules_child_id(handle, (UIntPtr)index, out id));
            return Utf8.FromNative(id);
        }

        private static UIntPtr Index(int index)
        {
            if (index < 0) throw new ArgumentOutOfRangeException(nameof(index), index, "a child's index is 0 or more");
            return (UIntPtr)index;
        }

        /// <summary>A child's id, as added to the set evaluated.</summary>
        /// <param name="index">The child's index.</param>
        /// <returns>The id.</returns>
        /// <exception cref="NotFoundException">No child has the index.</exception>
        public string ChildId(int index)
        {
            Index(index);
            using (Lease()) { return IdOf(index); }
        }

        /// <summary>Every child's id, by index.</summary>
        /// <returns>The ids, copied.</returns>
        public string[] ChildIds()
        {
            using (Lease())
            {
                var ids = new string[Count];
                for (int i = 0; i < ids.Length; i++) ids[i] = IdOf(i);
                return ids;
            }
        }

        /// <summary>The index of the child with an id (the first, when ids repeat), in constant time.</summary>
        /// <param name="id">The child's id.</param>
        /// <returns>The index.</returns>
        /// <exception cref="NotFoundException">No child has the id.</exception>
        public int Find(string id)
        {
            UIntPtr index;
            Errors.Check(NativeMethods.iro_schedules_find(Policy.Live(handle), Utf8.ToNative(id, nameof(id)), out index));
            return (int)index;
        }

        /// <summary>One child's result by id (the first, when ids repeat).</summary>
        /// <param name="id">The child's id.</param>
        /// <returns>The result.</returns>
        /// <exception cref="NotFoundException">No child has the id.</exception>
        public ChildSchedule Child(string id) { return Child(Find(id)); }

        /// <summary>One child's result.</summary>
        /// <param name="index">The child's index.</param>
        /// <returns>The result.</returns>
        /// <exception cref="NotFoundException">No child has the index.</exception>
        public ChildSchedule Child(int index)
        {
            using (Lease())
            {
                IroChildScheduleNative c;
                Errors.Check(NativeMethods.iro_schedules_child(handle, Index(index), out c));
                IntPtr message;
                Errors.Check(NativeMethods.iro_schedules_child_error(handle, (UIntPtr)index, out message));
                HandleLease.Copying();
                bool next = c.NextDue != int.MinValue;
                return new ChildSchedule
                {
                    Index = index, Id = IdOf(index),
                    Error = c.Status == 0 ? null : Errors.ToException(c.Status, Utf8.FromNative(message)),
                    Reviews = c.Reviews, Missed = c.Missed, NextDue = Maybe(c.NextDue), NextNumber = c.NextNumber,
                    NextRegime = next ? (Regime?)c.NextRegime : null, NextRule = next ? (DueRule?)c.NextRule : null,
                    NextAnchor = next ? Maybe(c.NextAnchor) : null,
                    Overdue = c.Overdue != 0, Midway = Maybe(c.Midway), BookBy = Maybe(c.BookBy), ReportDue = Maybe(c.ReportDue),
                };
            }
        }

        /// <summary>A child's held reviews, judged, in date order.</summary>
        /// <param name="index">The child's index.</param>
        /// <returns>The reviews.</returns>
        public IReadOnlyList<ReviewResult> Reviews(int index)
        {
            using (Lease())
            {
                UIntPtr count;
                int status = NativeMethods.iro_schedules_reviews(handle, Index(index), null, UIntPtr.Zero, out count);
                if (status != Errors.Ok && status != Errors.BufferTooSmall) Errors.Check(status);
                var native = new IroReviewResultNative[(int)count];
                Errors.Check(NativeMethods.iro_schedules_reviews(handle, (UIntPtr)index, native, (UIntPtr)native.Length, out count));
                string id = IdOf(index);
                var list = new List<ReviewResult>(native.Length);
                foreach (var r in native)
                    list.Add(new ReviewResult { Child = index, ChildId = id, Date = IroDate.Unchecked(r.Day), Number = r.Number, Regime = (Regime)r.Regime, Due = IroDate.Unchecked(r.Due), Rule = (DueRule)r.Rule, Anchor = IroDate.Unchecked(r.Anchor), OnTime = r.OnTime != 0, DaysLate = r.DaysLate, RecordDue = IroDate.Unchecked(r.RecordDue), Participation = r.Participation < 0 ? (int?)null : r.Participation });
                return list;
            }
        }

        /// <summary>A child's missed due dates, in date order.</summary>
        /// <param name="index">The child's index.</param>
        /// <returns>The missed due dates.</returns>
        public IReadOnlyList<MissedReview> Missed(int index)
        {
            using (Lease())
            {
                UIntPtr count;
                int status = NativeMethods.iro_schedules_missed(handle, Index(index), null, UIntPtr.Zero, out count);
                if (status != Errors.Ok && status != Errors.BufferTooSmall) Errors.Check(status);
                var native = new IroMissedReviewNative[(int)count];
                Errors.Check(NativeMethods.iro_schedules_missed(handle, (UIntPtr)index, native, (UIntPtr)native.Length, out count));
                string id = IdOf(index);
                var list = new List<MissedReview>(native.Length);
                foreach (var m in native)
                    list.Add(new MissedReview { Child = index, ChildId = id, Due = IroDate.Unchecked(m.Due), Rule = (DueRule)m.Rule, Anchor = IroDate.Unchecked(m.Anchor), Regime = (Regime)m.Regime });
                return list;
            }
        }

        /// <summary>Every held review of every child as columns, in one native call.</summary>
        /// <returns>The columns.</returns>
        public ReviewColumns ReviewColumns()
        {
            using (Lease())
            {
                var none = new IroReviewColumnsNative();
                UIntPtr count;
                int status = NativeMethods.iro_schedules_review_columns(handle, ref none, UIntPtr.Zero, out count);
                if (status != Errors.Ok && status != Errors.BufferTooSmall) Errors.Check(status);
                var result = new ReviewColumns((int)count, ChildIds());
                var arrays = new[] { result.Child, result.Day, result.Number, result.Regime, result.Due, result.Rule, result.Anchor, result.OnTime, result.DaysLate, result.RecordDue, result.Participation };
                var pins = new GCHandle[arrays.Length];
                try
                {
                    for (int i = 0; i < arrays.Length; i++) pins[i] = GCHandle.Alloc(arrays[i], GCHandleType.Pinned);
                    var columns = new IroReviewColumnsNative
                    {
                        Child = pins[0].AddrOfPinnedObject(), Day = pins[1].AddrOfPinnedObject(), Number = pins[2].AddrOfPinnedObject(),
                        Regime = pins[3].AddrOfPinnedObject(), Due = pins[4].AddrOfPinnedObject(), Rule = pins[5].AddrOfPinnedObject(),
                        Anchor = pins[6].AddrOfPinnedObject(), OnTime = pins[7].AddrOfPinnedObject(), DaysLate = pins[8].AddrOfPinnedObject(),
                        RecordDue = pins[9].AddrOfPinnedObject(), Participation = pins[10].AddrOfPinnedObject(),
                    };
                    Errors.Check(NativeMethods.iro_schedules_review_columns(handle, ref columns, count, out count));
                }
                finally
                {
                    foreach (var pin in pins) if (pin.IsAllocated) pin.Free();
                }
                return result;
            }
        }

        /// <summary>Every missed due date of every child as columns, in one native call.</summary>
        /// <returns>The columns.</returns>
        public MissedColumns MissedColumns()
        {
            using (Lease())
            {
                var none = new IroMissedColumnsNative();
                UIntPtr count;
                int status = NativeMethods.iro_schedules_missed_columns(handle, ref none, UIntPtr.Zero, out count);
                if (status != Errors.Ok && status != Errors.BufferTooSmall) Errors.Check(status);
                var result = new MissedColumns((int)count, ChildIds());
                var arrays = new[] { result.Child, result.Due, result.Rule, result.Anchor, result.Regime };
                var pins = new GCHandle[arrays.Length];
                try
                {
                    for (int i = 0; i < arrays.Length; i++) pins[i] = GCHandle.Alloc(arrays[i], GCHandleType.Pinned);
                    var columns = new IroMissedColumnsNative
                    {
                        Child = pins[0].AddrOfPinnedObject(), Due = pins[1].AddrOfPinnedObject(), Rule = pins[2].AddrOfPinnedObject(),
                        Anchor = pins[3].AddrOfPinnedObject(), Regime = pins[4].AddrOfPinnedObject(),
                    };
                    Errors.Check(NativeMethods.iro_schedules_missed_columns(handle, ref columns, count, out count));
                }
                finally
                {
                    foreach (var pin in pins) if (pin.IsAllocated) pin.Free();
                }
                return result;
            }
        }

        /// <summary>Why a due date is what it is, in words an IRO can quote (the provision and its wording, the deadline's
        /// weekday, the event that started the chain, the arithmetic): review -1 is the next review, 0.. the held ones. For -1
        /// and a child who owes no review, why nothing is owed (left care, turned 18, not looked after yet). Throws
        /// NotFoundException for an index out of range or a child that could not be evaluated.</summary>
        /// <param name="index">The child's index.</param>
        /// <param name="review">-1 for the next review, or a held review's index.</param>
        /// <returns>The explanation.</returns>
        public string Explain(int index, int review = -1)
        {
            UIntPtr needed;
            int status = NativeMethods.iro_schedules_explain(Policy.Live(handle), Index(index), review, null, UIntPtr.Zero, out needed);
            if (status != Errors.BufferTooSmall) Errors.Check(status);
            var buffer = new byte[(int)needed];
            Errors.Check(NativeMethods.iro_schedules_explain(handle, (UIntPtr)index, review, buffer, (UIntPtr)buffer.Length, out needed));
            return Utf8.FromBuffer(buffer);
        }

        /// <summary>Frees the native schedules.</summary>
        public void Dispose() { handle.Dispose(); }
    }
}
