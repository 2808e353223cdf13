// The mono runner of the C# tests: the xunit facts of Iro.Tests/*.cs, compiled by mcs with the wrapper's
// sources (nullable annotations stripped by strip_nullable.py) and this file, which stands in for xunit: a
// [Fact] attribute, the asserts the facts use, and a runner that calls every fact. Prints one line per fact
// and "N passed, M failed"; exits non-zero on a failure. `dotnet test` runs the same facts under xunit.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace Xunit
{
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class FactAttribute : Attribute { }

    public sealed class AssertException : Exception
    {
        public AssertException(string message) : base(message) { }
    }

    public static class Assert
    {
        static bool Same(object expected, object actual)
        {
            if (expected is IEnumerable && actual is IEnumerable && !(expected is string) && !(actual is string))
                return ((IEnumerable)expected).Cast<object>().SequenceEqual(((IEnumerable)actual).Cast<object>());
            return Equals(expected, actual);
        }

        static string Show(object value)
        {
            if (value is IEnumerable && !(value is string)) return "[" + string.Join(", ", ((IEnumerable)value).Cast<object>()) + "]";
            return value == null ? "null" : value.ToString();
        }

        public static void Equal<T>(T expected, T actual)
        {
            if (!Same(expected, actual)) throw new AssertException("expected " + Show(expected) + ", got " + Show(actual));
        }

        public static void True(bool condition) { True(condition, "condition"); }
        public static void True(bool condition, string what) { if (!condition) throw new AssertException("not true: " + what); }
        public static void False(bool condition) { if (condition) throw new AssertException("not false"); }
        public static void Null(object value) { if (value != null) throw new AssertException("not null: " + value); }
        public static void NotNull(object value) { if (value == null) throw new AssertException("null"); }
        public static void Empty(IEnumerable values) { if (values.Cast<object>().Any()) throw new AssertException("not empty: " + Show(values)); }

        public static void Contains(string expected, string actual)
        {
            if (actual == null || !actual.Contains(expected)) throw new AssertException("\"" + expected + "\" not in \"" + actual + "\"");
        }

        public static void StartsWith(string expected, string actual)
        {
            if (actual == null || !actual.StartsWith(expected, StringComparison.Ordinal)) throw new AssertException("\"" + actual + "\" does not start with \"" + expected + "\"");
        }

        public static T Throws<T>(Func<object> code) where T : Exception { return Throws<T>(() => { code(); }); }

        public static T Throws<T>(Action code) where T : Exception
        {
            try { code(); }
            catch (Exception e)
            {
                if (e.GetType() == typeof(T)) return (T)e;
                throw new AssertException("expected " + typeof(T).Name + ", got " + e.GetType().Name + ": " + e.Message);
            }
            throw new AssertException("expected " + typeof(T).Name + ", nothing thrown");
        }
    }
}

public static class MonoRunner
{
    public static int Main(string[] args)
    {
        if (args.Length != 1) { Console.Error.WriteLine("usage: IroTests.exe TEST_DATA_DIR"); return 2; }
        Iro.Tests.TestData.Dir = args[0];
        int passed = 0, failed = 0;
        var facts = typeof(MonoRunner).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Where(m => m.GetCustomAttributes(typeof(Xunit.FactAttribute), false).Length > 0)
            .OrderBy(m => m.DeclaringType.Name + "." + m.Name);
        foreach (var fact in facts)
        {
            string name = fact.DeclaringType.Name + "." + fact.Name;
            try
            {
                fact.Invoke(Activator.CreateInstance(fact.DeclaringType), null);
                passed++;
                Console.WriteLine("ok   " + name);
            }
            catch (TargetInvocationException e)
            {
                failed++;
                Console.WriteLine("FAIL " + name + ": " + e.InnerException);
            }
        }
        Console.WriteLine(passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }
}
