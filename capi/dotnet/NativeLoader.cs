// Finding libiro.so on .NET (Core): the NuGet package carries it, and the shared libraries it needs beyond
// the C and C++ runtimes (Boost.Serialization), under runtimes/linux-x64/native/. The host lists that
// folder in NATIVE_DLL_SEARCH_DIRECTORIES; the resolver below loads the bundled libraries from the folder
// where it finds libiro.so first (so the dynamic loader finds them by soname), then libiro.so itself.
// Mono and .NET Framework (the netstandard2.0 build) probe as DllImport always has: LD_LIBRARY_PATH and
// the application's folder.
using System;
#if NETCOREAPP3_0_OR_GREATER
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
#endif

namespace Iro
{
    internal static class NativeLoader
    {
#if NETCOREAPP3_0_OR_GREATER
        private static int registered;

        internal static void Register()
        {
            if (System.Threading.Interlocked.Exchange(ref registered, 1) != 0) return;
            try
            {
                NativeLibrary.SetDllImportResolver(typeof(NativeLoader).Assembly, Resolve);
            }
            catch (InvalidOperationException)
            {
                // A resolver was already set for this assembly (by the application): it decides.
            }
        }

        /// <summary>The folders searched for libiro.so, in order.</summary>
        internal static IEnumerable<string> Folders()
        {
            var host = AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") as string;
            if (host != null)
                foreach (var dir in host.Split(Path.PathSeparator))
                    if (dir.Length > 0) yield return dir;
            string here = Path.GetDirectoryName(typeof(NativeLoader).Assembly.Location) ?? "";
            if (here.Length > 0)
            {
                yield return here;
                yield return Path.Combine(here, "runtimes", RuntimeInformation.RuntimeIdentifier, "native");
                yield return Path.Combine(here, "runtimes", "linux-x64", "native");
            }
        }

        private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
        {
            if (name != NativeMethods.Lib) return IntPtr.Zero;
            foreach (var dir in Folders())
            {
                string path = Path.Combine(dir, "libiro.so");
                if (!File.Exists(path)) continue;
                foreach (var dependency in Directory.GetFiles(dir, "libboost_*.so*"))
                    NativeLibrary.TryLoad(dependency, out _);
                return NativeLibrary.Load(path);
            }
            return IntPtr.Zero;  // the default probing (LD_LIBRARY_PATH, the system's folders)
        }
#else
        internal static void Register() { }
#endif
    }
}
