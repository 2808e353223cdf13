// Regression tests of issue 16's C# defects: each failed against the wrapper before its fix.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Iro;
using Xunit;
using static Iro.Tests.TestData;

namespace Iro.Tests
{
    public class Issue16Tests
    {
        // A child with more than 32,767 reviews in one chain made every later child's results appear under the
        // wrong index (fixed in the C API, fe4a7f3): the wrapper sees the big child refused alone, and the next
        // child keeps its index, its id and its own review.
        [Fact]
        public void AChildWithTooManyReviewsFailsAloneAndTheNextChildKeepsItsIndex()
        {
            using (var calendar = WorkingCalendar.Builtin())
            using (var policy = Policy.Builtin())
            using (var children = new Children())
            {
                int many = children.Add("MANY");  // no date of birth: no 18th birthday ends the chain
                children.AddPeriod(many, D("2000-01-03"));
                int b = children.Add("B");
                children.AddPeriod(b, D("2024-03-25"));
                var who = new int[33001];
                var when = new int[33001];
                int start = D("2000-01-04").Days;
                for (int k = 0; k < 33000; k++) { who[k] = many; when[k] = start + k; }
                who[33000] = b;
                when[33000] = D("2024-04-22").Days;
                children.AddReviews(who, when);
                using (var s = Schedules.Evaluate(children, policy, calendar, D("2100-01-01")))
                {
                    Assert.Equal(2, s.Count);
                    Assert.Equal(1, s.Failed);
                    Assert.Equal(1L, s.ReviewsJudged);
                    var first = s.Child(many);
                    Assert.True(first.Error is InvalidArgumentException);
                    Assert.Contains("32767", first.Error.Message);
                    Assert.Empty(s.Reviews(many));
                    var second = s.Child(b);
                    Assert.Equal(1, b);
                    Assert.Null(second.Error);
                    Assert.Equal("B", second.Id);
                    Assert.Equal(1, second.Reviews);
                    var reviews = s.Reviews(b);
                    Assert.Equal(1, reviews.Count);
                    Assert.Equal(D("2024-04-22"), reviews[0].Date);
                    Assert.Equal(D("2024-04-24"), reviews[0].Due);
                    Assert.Equal(b, s.Find("B"));
                    Assert.Throws<NotFoundException>(() => s.Child(2));  // two children, not three
                    Assert.Equal(1, s.ReviewColumns().Count);
                }
            }
        }

        // Strings owned by the library were read after the native call returned: a Dispose in that gap freed
        // them first (garbage holiday names). The hook runs in that gap and disposes the calendar there.
        [Fact]
        public void ADisposeBetweenTheCallAndTheCopyWaitsForTheCopy()
        {
            var expected = new List<string>();
            using (var keep = WorkingCalendar.Builtin())
                foreach (var h in keep.Holidays(D("1970-01-01"), D("2199-12-31"))) expected.Add(h.Name);
            var cal = WorkingCalendar.Builtin();
            HandleLease.AfterNativeCall = () => { cal.Dispose(); GC.Collect(); };
            IReadOnlyList<Holiday> listed;
            try { listed = cal.Holidays(D("1970-01-01"), D("2199-12-31")); }
            finally { HandleLease.AfterNativeCall = null; }
            Assert.Equal(expected, listed.Select(h => h.Name).ToList());
            Assert.Throws<ObjectDisposedException>(() => cal.Holidays(D("2024-01-01"), D("2024-12-31")));

            var policy = Policy.Builtin();
            HandleLease.AfterNativeCall = () => policy.Dispose();
            RuleStep step;
            try { step = policy.Rule(DueRule.StandardSecond, D("2024-01-01")); }
            finally { HandleLease.AfterNativeCall = null; }
            Assert.Equal("CPPCR 2010 reg 33(2)", step.Cite);
            Assert.Equal("second review not more than 3 months after the first", step.Text);
            Assert.Throws<ObjectDisposedException>(() => policy.Id);
        }

        // The same race for real: one thread reads holiday names while another disposes the calendar. Every
        // name read is a real one; the reader otherwise gets ObjectDisposedException.
        [Fact]
        public void ConcurrentDisposeNeverGivesGarbage()
        {
            var known = new HashSet<string>();
            using (var keep = WorkingCalendar.Builtin())
                foreach (var h in keep.Holidays(D("1970-01-01"), D("2199-12-31"))) known.Add(h.Name);
            int garbage = 0, read = 0;
            for (int i = 0; i < 40; i++)
            {
                var cal = WorkingCalendar.Builtin();
                int delay = new Random(i).Next(0, 3);
                var disposer = new Thread(() => { Thread.Sleep(delay); cal.Dispose(); });
                disposer.Start();
                try
                {
                    for (int k = 0; k < 100000; k++)
                        foreach (var h in cal.Holidays(D("2000-01-01"), D("2199-12-31")))
                        {
                            read++;
                            if (!known.Contains(h.Name)) garbage++;
                        }
                }
                catch (ObjectDisposedException) { }
                disposer.Join();
            }
            Assert.Equal(0, garbage);
            Assert.True(read > 0);
        }

        // Schedules are documented as immutable, but Reevaluate rebuilt them in place.
        [Fact]
        public void ReevaluateLeavesTheSchedulesItWasCalledOnAsTheyWere()
        {
            using (var calendar = WorkingCalendar.Builtin())
            using (var policy = Policy.Builtin())
            using (var children = new Children())
            {
                int a = children.Add("A");
                children.AddPeriod(a, D("2024-01-08"));
                children.AddReviews(a, D("2024-02-01"));
                using (var s = Schedules.Evaluate(children, policy, calendar, D("2024-12-31")))
                {
                    var before = s.Child(a);
                    Assert.Equal(D("2024-05-01"), before.NextDue.Value);
                    using (var earlier = s.Reevaluate(children, policy, calendar, D("2024-01-09")))
                    {
                        Assert.Equal(D("2024-02-05"), earlier.Child(a).NextDue.Value);
                        Assert.Equal(0, earlier.Child(a).Reviews);
                        Assert.Equal(D("2024-05-01"), s.Child(a).NextDue.Value);
                        Assert.Equal(1, s.Child(a).Reviews);
                        Assert.Equal(1, s.Reviews(a).Count);
                    }
                    Assert.Equal(D("2024-05-01"), s.Child(a).NextDue.Value);
                }
            }
        }

        // A null argument threw NullReferenceException (a null policy in Roster.Check, Advise, Cover, Series;
        // a null children in Reevaluate): now ArgumentNullException naming the parameter, before any native call.
        [Fact]
        public void NullArgumentsNameTheParameter()
        {
            using (var calendar = WorkingCalendar.Builtin())
            using (var policy = Policy.Builtin())
            using (var children = new Children())
            using (var roster = new Roster())
            using (var s = Schedules.Evaluate(children, policy, calendar, D("2024-12-31")))
            {
                Assert.Equal("policy", Assert.Throws<ArgumentNullException>(() => roster.Check(null, D("2024-01-01"))).ParamName);
                Assert.Equal("policy", Assert.Throws<ArgumentNullException>(() => roster.Series(null, D("2024-01-01"), D("2024-03-01"))).ParamName);
                Assert.Equal("policy", Assert.Throws<ArgumentNullException>(() => roster.Advise(null, D("2024-01-01"))).ParamName);
                Assert.Equal("policy", Assert.Throws<ArgumentNullException>(() => roster.Cover(null, "A", D("2024-01-01"), D("2024-01-31"))).ParamName);
                Assert.Equal("children", Assert.Throws<ArgumentNullException>(() => s.Reevaluate(null, policy, calendar, D("2024-12-31"))).ParamName);
                Assert.Equal("policy", Assert.Throws<ArgumentNullException>(() => Schedules.Evaluate(children, null, calendar, D("2024-12-31"))).ParamName);
                Assert.Equal("policy", Assert.Throws<ArgumentNullException>(() => new Disputes(null, calendar)).ParamName);
                Assert.Equal("id", Assert.Throws<ArgumentNullException>(() => s.Find(null)).ParamName);
            }
        }

#if NET6_0_OR_GREATER
        // Every public method and constructor, every parameter of a reference type not annotated as nullable:
        // null gives ArgumentNullException with that parameter's name.
        [Fact]
        public void EveryPublicMethodRefusesNullForEachNonNullableParameter()
        {
            using (var fixtures = new NullFixtures())
            {
                var context = new System.Reflection.NullabilityInfoContext();
                var checkedParameters = new List<string>();
                foreach (var type in typeof(WorkingCalendar).Assembly.GetExportedTypes())
                {
                    if (typeof(Exception).IsAssignableFrom(type) || typeof(System.Runtime.InteropServices.SafeHandle).IsAssignableFrom(type)) continue;
                    var members = new List<System.Reflection.MethodBase>();
                    members.AddRange(type.GetConstructors());
                    members.AddRange(type.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName));
                    foreach (var member in members)
                    {
                        var parameters = member.GetParameters();
                        for (int p = 0; p < parameters.Length; p++)
                        {
                            if (parameters[p].ParameterType.IsValueType) continue;
                            if (context.Create(parameters[p]).WriteState != System.Reflection.NullabilityState.NotNull) continue;
                            var args = parameters.Select(x => fixtures.Value(x.ParameterType)).ToArray();
                            args[p] = null;
                            object target = member.IsStatic || member is System.Reflection.ConstructorInfo ? null : fixtures.Instance(type);
                            string what = type.Name + "." + member.Name + "(" + parameters[p].Name + ")";
                            Exception thrown = null;
                            try
                            {
                                if (member is System.Reflection.ConstructorInfo ctor) ctor.Invoke(args);
                                else member.Invoke(target, args);
                            }
                            catch (System.Reflection.TargetInvocationException e) { thrown = e.InnerException; }
                            Assert.True(thrown is ArgumentNullException, what + " threw " + (thrown == null ? "nothing" : thrown.GetType().Name + ": " + thrown.Message));
                            Assert.Equal(parameters[p].Name, ((ArgumentNullException)thrown).ParamName);
                            checkedParameters.Add(what);
                        }
                    }
                }
                Assert.True(checkedParameters.Count > 60, checkedParameters.Count + " parameters checked");
                Assert.Contains("Roster.Check(policy)", checkedParameters);
                Assert.Contains("Schedules.Reevaluate(children)", checkedParameters);
            }
        }

        private sealed class NullFixtures : IDisposable
        {
            private readonly List<IDisposable> owned = new List<IDisposable>();
            private readonly Dictionary<Type, object> made = new Dictionary<Type, object>();

            private T Own<T>(T value) where T : IDisposable { owned.Add(value); return value; }

            internal object Instance(Type type)
            {
                object value;
                if (made.TryGetValue(type, out value)) return value;
                if (type == typeof(WorkingCalendar)) return made[type] = Own(WorkingCalendar.Builtin());
                if (type == typeof(Policy)) return made[type] = Own(Policy.Builtin());
                var calendar = (WorkingCalendar)Instance(typeof(WorkingCalendar));
                var policy = (Policy)Instance(typeof(Policy));
                if (type == typeof(Children)) value = Own(new Children());
                else if (type == typeof(Roster)) value = Own(new Roster());
                else if (type == typeof(Casebook)) value = Own(new Casebook());
                else if (type == typeof(Disputes)) value = Own(new Disputes(policy, calendar));
                else if (type == typeof(Schedules)) value = Own(Schedules.Evaluate((Children)Instance(typeof(Children)), policy, calendar, D("2024-12-31")));
                else if (type == typeof(PolicyDiff)) value = Own(PolicyDiff.Compute((Children)Instance(typeof(Children)), policy, policy, calendar, D("2024-12-31")));
                else if (type == typeof(Report))
                {
                    var book = Own(new Casebook());
                    book.Synthesize(60, 3, 1, 7);
                    value = Own(book.Report(policy, calendar, ReportTests.SynthYear(book, policy, calendar)));
                }
                else throw new InvalidOperationException("no instance of " + type.Name + " for the null test: add one");
                made[type] = value;
                return value;
            }

            internal object Value(Type type)
            {
                if (type == typeof(string)) return "x";
                if (type == typeof(int[])) return new int[0];
                if (type == typeof(string[])) return new string[0];
                if (type == typeof(IroDate[])) return new IroDate[0];
                if (type == typeof(IEnumerable<IroDate>)) return new IroDate[0];
                if (type.IsValueType) return Activator.CreateInstance(type);
                return Instance(type);
            }

            public void Dispose() { for (int i = owned.Count - 1; i >= 0; i--) owned[i].Dispose(); }
        }
#endif
    }
}
