// Where the tests find their data: $IRO_TEST_DATA (ctest sets it), else tests/data beside this file.
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Iro;

namespace Iro.Tests
{
    internal static class TestData
    {
        private static string dir;
        private static HashSet<int> published;

        internal static string Dir
        {
            get
            {
                if (dir == null)
                {
                    string env = Environment.GetEnvironmentVariable("IRO_TEST_DATA") ?? "";
                    dir = env.Length > 0 ? env : Path.Combine(Here(), "..", "..", "data");
                }
                return dir;
            }
            set { dir = value; }
        }

        private static string Here([CallerFilePath] string file = "") { return Path.GetDirectoryName(file) ?? "."; }

        internal static string File(params string[] parts)
        {
            var all = new string[parts.Length + 1];
            all[0] = Dir;
            Array.Copy(parts, 0, all, 1, parts.Length);
            return Path.Combine(all);
        }

        internal static string Examples { get { return Path.Combine(Dir, "..", "..", "examples", "policies"); } }

        internal static IroDate D(string text) { return IroDate.Parse(text); }

        /// <summary>The days of the published GOV.UK list (England and Wales, 2012-2027).</summary>
        internal static HashSet<int> Published
        {
            get
            {
                if (published == null)
                {
                    var days = new HashSet<int>();
                    foreach (Match m in Regex.Matches(System.IO.File.ReadAllText(File("bank-holidays.json")), "\"date\": \"(\\d{4}-\\d\\d-\\d\\d)\""))
                        days.Add(IroDate.Parse(m.Groups[1].Value).Days);
                    published = days;
                }
                return published;
            }
        }

        /// <summary>A scratch folder of its own, removed by Dispose.</summary>
        internal sealed class Scratch : IDisposable
        {
            internal readonly string Path;
            internal Scratch(string name)
            {
                Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "iro-dotnet-" + name + "-" + System.Diagnostics.Process.GetCurrentProcess().Id + "-" + Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(Path);
            }
            public void Dispose() { if (Directory.Exists(Path)) Directory.Delete(Path, true); }
        }
    }
}
