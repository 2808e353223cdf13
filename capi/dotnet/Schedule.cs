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
    public struct RuleStep
    {
        /// <summary>The provision ("CPPCR 2010 reg 33(2)").</summary>
        public string Cite;
        /// <summary>The rule in words with its interval ("second review not more than 3 months after the first").</summary>
        public string Text;
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
            Errors.Check(NativeMethods.iro_policy_new_builtin(Utf8.ToNative(name, "name"), out raw));
            return new Policy(raw);
        }

        /// <summary>Loads a policy file (iro-policy/1, with extends overlays); errors name the file and JSON path.</summary>
        public static Policy FromFile(string path)
        {
            Library.EnsureCompatible();
            IntPtr raw;
            Errors.Check(NativeMethods.iro_policy_new_from_file(Utf8.ToNative(path, "path"), out raw));
            return new Policy(raw);
        }

        private string[] Describe()
        {
            IntPtr id, source;
            Errors.Check(NativeMethods.iro_policy_describe(Live(Handle), out id, out source));
            return new[] { Utf8.FromNative(id), Utf8.FromNative(source) };
        }

        /// <summary>The policy's id ("england", "hounslow").</summary>
        public string Id { get { return Describe()[0]; } }
        /// <summary>Where it was loaded from, base first.</summary>
        public string Source { get { return Describe()[1]; } }

        /// <summary>A new policy with a case's policy overrides (JSON text), for example {"interval_unit": "days"}.</summary>
        public Policy WithOverrides(string json)
        {
            IntPtr raw;
            Errors.Check(NativeMethods.iro_policy_new_with_overrides(Live(Handle), Utf8.ToNative(json, "json"), out raw));
            return new Policy(raw);
        }

        /// <summary>The citation and wording of a rule step under this policy. <paramref name="anchor"/> is the date the
        /// rule counts from (<see cref="ReviewResult.Anchor"/>): it picks the version in force, so a child looked after before
        /// 1 April 2011 had the 1991 regulations. Throws InvalidArgumentException for a value that is no DueRule, or for
        /// ReturnedLocal under a policy that sets no review after a return to the agency.</summary>
        public RuleStep Rule(DueRule rule, IroDate anchor)
        {
            IntPtr cite, text;
            Errors.Check(NativeMethods.iro_policy_rule(Live(Handle), (int)rule, anchor.Days, out cite, out text));
            // Both are owned by the policy: copied here, never freed, while the policy is kept alive.
            var step = new RuleStep { Cite = Utf8.FromNative(cite), Text = Utf8.FromNative(text) };
            GC.KeepAlive(Handle);
            return step;
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
        /// <exception cref="IroException">A date leaves the calendar, or the calendar is of another division.</exception>
        public IroDate Add(Calendar calendar, IroDate from, int value, IntervalUnit unit = IntervalUnit.WorkingDays)
        {
            if (calendar == null) throw new ArgumentNullException("calendar");
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
        public int Add(string id, IroDate? dob = null)
        {
            int index;
            Errors.Check(NativeMethods.iro_children_add(Policy.Live(Handle), Utf8.ToNative(id, "id"), dob.HasValue ? dob.Value.Days : int.MinValue, out index));
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
        public void AddReviews(int[] children, int[] days, int[] codes = null, int[] flags = null)
        {
            if (children == null) throw new ArgumentNullException("children");
            if (days == null) throw new ArgumentNullException("days");
            if (days.Length != children.Length || (codes != null && codes.Length != children.Length) || (flags != null && flags.Length != children.Length))
                throw new ArgumentException("the arrays differ in length");
            Errors.Check(NativeMethods.iro_children_add_reviews(Policy.Live(Handle), children, days, codes, flags, (UIntPtr)children.Length));
        }

        /// <summary>Adds the children of a JSON file (the conformance case shape); returns how many.</summary>
        public int LoadJson(string path)
        {
            UIntPtr added;
            Errors.Check(NativeMethods.iro_children_load_json(Policy.Live(Handle), Utf8.ToNative(path, "path"), out added));
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
        /// <summary>Null when evaluated; otherwise why the child's data was refused.</summary>
        public IroException Error { get; internal set; }
        /// <summary>Held reviews judged.</summary>
        public int Reviews { get; internal set; }
        /// <summary>Missed due dates.</summary>
        public int Missed { get; internal set; }
        /// <summary>The next review's due date; null when no review is owed (Schedules.Explain(index) says why).</summary>
        public IroDate? NextDue { get; internal set; }
        /// <summary>Its place in its chain.</summary>
        public int NextNumber { get; internal set; }
        /// <summary>Its regime.</summary>
        public Regime? NextRegime { get; internal set; }
        /// <summary>The rule that set it.</summary>
        public DueRule? NextRule { get; internal set; }
        /// <summary>The due date is before the as-of date.</summary>
        public bool Overdue { get; internal set; }
        /// <summary>The midway review date.</summary>
        public IroDate? Midway { get; internal set; }
        /// <summary>Book the review by.</summary>
        public IroDate? BookBy { get; internal set; }
        /// <summary>The report deadline.</summary>
        public IroDate? ReportDue { get; internal set; }
    }

    /// <summary>One held review, judged.</summary>
    public struct ReviewResult
    {
        /// <summary>When it was held.</summary>
        public IroDate Date;
        /// <summary>Its place in its chain.</summary>
        public int Number;
        /// <summary>The regime it was held under.</summary>
        public Regime Regime;
        /// <summary>The deadline it had to meet.</summary>
        public IroDate Due;
        /// <summary>The rule that set the deadline.</summary>
        public DueRule Rule;
        /// <summary>The date the rule counts from.</summary>
        public IroDate Anchor;
        /// <summary>Held on or before the deadline.</summary>
        public bool OnTime;
        /// <summary>Calendar days late.</summary>
        public int DaysLate;
        /// <summary>The record must be circulated by this date.</summary>
        public IroDate RecordDue;
        /// <summary>The PN code (-1 when none).</summary>
        public int Participation;
    }

    /// <summary>One missed due date.</summary>
    public struct MissedReview
    {
        /// <summary>The deadline that passed with no review.</summary>
        public IroDate Due;
        /// <summary>The rule that set it.</summary>
        public DueRule Rule;
        /// <summary>The date the rule counts from.</summary>
        public IroDate Anchor;
        /// <summary>The regime it fell under.</summary>
        public Regime Regime;
    }

    /// <summary>Every child's evaluated schedule; immutable, so share it across threads.</summary>
    public sealed class Schedules : IDisposable
    {
        private readonly SchedulesHandle handle;
        private Schedules(IntPtr raw) { handle = new SchedulesHandle(raw); }

        /// <summary>Evaluates every child as of a date in one native call; an invalid child gets its own error.</summary>
        public static Schedules Evaluate(Children children, Policy policy, Calendar calendar, IroDate asOf)
        {
            if (children == null) throw new ArgumentNullException("children");
            if (policy == null) throw new ArgumentNullException("policy");
            if (calendar == null) throw new ArgumentNullException("calendar");
            IntPtr raw;
            Errors.Check(NativeMethods.iro_schedule_evaluate(Policy.Live(children.Handle), Policy.Live(policy.Handle), calendar.NativeHandle, asOf.Days, out raw));
            return new Schedules(raw);
        }

        /// <summary>Evaluates again into this object, reusing its memory.</summary>
        public void Reevaluate(Children children, Policy policy, Calendar calendar, IroDate asOf)
        {
            Errors.Check(NativeMethods.iro_schedule_evaluate_into(Policy.Live(children.Handle), Policy.Live(policy.Handle), calendar.NativeHandle, asOf.Days, Policy.Live(handle)));
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

        /// <summary>One child's result.</summary>
        public ChildSchedule Child(int index)
        {
            IroChildScheduleNative c;
            Errors.Check(NativeMethods.iro_schedules_child(Policy.Live(handle), (UIntPtr)index, out c));
            IntPtr message;
            Errors.Check(NativeMethods.iro_schedules_child_error(handle, (UIntPtr)index, out message));
            bool next = c.NextDue != int.MinValue;
            return new ChildSchedule
            {
                Error = c.Status == 0 ? null : Errors.ToException(c.Status, Utf8.FromNative(message)),
                Reviews = c.Reviews, Missed = c.Missed, NextDue = Maybe(c.NextDue), NextNumber = c.NextNumber,
                NextRegime = next ? (Regime?)c.NextRegime : null, NextRule = next ? (DueRule?)c.NextRule : null,
                Overdue = c.Overdue != 0, Midway = Maybe(c.Midway), BookBy = Maybe(c.BookBy), ReportDue = Maybe(c.ReportDue),
            };
        }

        /// <summary>A child's held reviews, judged, in date order.</summary>
        public IReadOnlyList<ReviewResult> Reviews(int index)
        {
            UIntPtr count;
            int status = NativeMethods.iro_schedules_reviews(Policy.Live(handle), (UIntPtr)index, null, UIntPtr.Zero, out count);
            if (status != Errors.Ok && status != Errors.BufferTooSmall) Errors.Check(status);
            var native = new IroReviewResultNative[(int)count];
            Errors.Check(NativeMethods.iro_schedules_reviews(handle, (UIntPtr)index, native, (UIntPtr)native.Length, out count));
            var list = new List<ReviewResult>(native.Length);
            foreach (var r in native)
                list.Add(new ReviewResult { Date = IroDate.Unchecked(r.Day), Number = r.Number, Regime = (Regime)r.Regime, Due = IroDate.Unchecked(r.Due), Rule = (DueRule)r.Rule, Anchor = IroDate.Unchecked(r.Anchor), OnTime = r.OnTime != 0, DaysLate = r.DaysLate, RecordDue = IroDate.Unchecked(r.RecordDue), Participation = r.Participation });
            return list;
        }

        /// <summary>A child's missed due dates, in date order.</summary>
        public IReadOnlyList<MissedReview> Missed(int index)
        {
            UIntPtr count;
            int status = NativeMethods.iro_schedules_missed(Policy.Live(handle), (UIntPtr)index, null, UIntPtr.Zero, out count);
            if (status != Errors.Ok && status != Errors.BufferTooSmall) Errors.Check(status);
            var native = new IroMissedReviewNative[(int)count];
            Errors.Check(NativeMethods.iro_schedules_missed(handle, (UIntPtr)index, native, (UIntPtr)native.Length, out count));
            var list = new List<MissedReview>(native.Length);
            foreach (var m in native)
                list.Add(new MissedReview { Due = IroDate.Unchecked(m.Due), Rule = (DueRule)m.Rule, Anchor = IroDate.Unchecked(m.Anchor), Regime = (Regime)m.Regime });
            return list;
        }

        /// <summary>Why a due date is what it is, in words an IRO can quote (the provision and its wording, the deadline's
        /// weekday, the event that started the chain, the arithmetic): review -1 is the next review, 0.. the held ones. For -1
        /// and a child who owes no review, why nothing is owed (left care, turned 18, not looked after yet). Throws
        /// NotFoundException for an index out of range or a child that could not be evaluated.</summary>
        public string Explain(int index, int review = -1)
        {
            UIntPtr needed;
            int status = NativeMethods.iro_schedules_explain(Policy.Live(handle), (UIntPtr)index, review, null, UIntPtr.Zero, out needed);
            if (status != Errors.BufferTooSmall) Errors.Check(status);
            var buffer = new byte[(int)needed];
            Errors.Check(NativeMethods.iro_schedules_explain(handle, (UIntPtr)index, review, buffer, (UIntPtr)buffer.Length, out needed));
            return Utf8.FromBuffer(buffer);
        }

        /// <summary>Frees the native schedules.</summary>
        public void Dispose() { handle.Dispose(); }
    }
}
