// The loaded library: versions and the ABI check every entry point of the wrapper relies on.
using System;

namespace Iro
{
    /// <summary>The loaded libiro: its version and ABI.</summary>
    public static class Library
    {
        /// <summary>The ABI version of iro.h this wrapper was written for.</summary>
        public const int ExpectedAbiVersion = 2;

        private static readonly object Gate = new object();
        private static bool checkedAbi;

        /// <summary>The loaded library's version, "MAJOR.MINOR.PATCH".</summary>
        public static string Version { get { EnsureCompatible(); return Utf8.FromNative(NativeMethods.iro_version_string()); } }

        /// <summary>The loaded library's ABI version.</summary>
        public static int AbiVersion { get { return NativeMethods.iro_abi_version(); } }

        /// <summary>Throws when the loaded library's ABI differs from the one this wrapper was written for.</summary>
        public static void EnsureCompatible()
        {
            if (checkedAbi) return;
            lock (Gate)
            {
                int abi = NativeMethods.iro_abi_version();
                if (abi != ExpectedAbiVersion)
                    throw new InvalidOperationException("libiro has ABI version " + abi + ", this wrapper needs " + ExpectedAbiVersion);
                checkedAbi = true;
            }
        }
    }
}
