// What every call across the boundary shares: UTF-8 text, and the lease that keeps a handle alive
// while library-owned memory is read.
using System;
using System.Runtime.InteropServices;

namespace Iro
{
    /// <summary>
    /// Keeps a SafeHandle from being released while it is held: the native call and the copying of every
    /// string the handle owns happen inside one lease, so a Dispose on another thread waits for the copy
    /// (the handle is freed when the last lease ends). Throws ObjectDisposedException for a closed handle.
    /// </summary>
    internal sealed class HandleLease : IDisposable
    {
        private readonly SafeHandle handle;
        private bool added;

        internal HandleLease(SafeHandle handle, string owner)
        {
            this.handle = handle;
            if (handle.IsClosed) throw new ObjectDisposedException(owner);
            try
            {
                handle.DangerousAddRef(ref added);
            }
            catch (ObjectDisposedException)
            {
                throw new ObjectDisposedException(owner);
            }
        }

        /// <summary>Ends the lease; frees the handle if it was disposed meanwhile.</summary>
        public void Dispose()
        {
            if (added)
            {
                added = false;
                handle.DangerousRelease();
            }
        }

        /// <summary>For tests: runs after a native call that returned library-owned strings, before they are
        /// copied (a test disposes the owner here to show the copy is still safe). Per thread, so a test's hook
        /// never runs in another test's calls.</summary>
        [ThreadStatic] internal static Action? AfterNativeCall;

        internal static void Copying()
        {
            var hook = AfterNativeCall;
            if (hook != null) hook();
        }
    }

    /// <summary>UTF-8 text across the boundary.</summary>
    internal static class Utf8
    {
        /// <summary>NUL-terminated UTF-8 bytes of a string; refuses null and embedded NULs.</summary>
        internal static byte[] ToNative(string? text, string what)
        {
            if (text == null) throw new ArgumentNullException(what);
            if (text.IndexOf('\0') >= 0) throw new ArgumentException(what + " contains a NUL character", what);
            var bytes = System.Text.Encoding.UTF8.GetBytes(text);
            var result = new byte[bytes.Length + 1];
            Buffer.BlockCopy(bytes, 0, result, 0, bytes.Length);
            return result;
        }

        /// <summary>Decodes a library-owned NUL-terminated UTF-8 string without freeing it ("" for NULL).
        /// Call it inside a HandleLease of the handle that owns the string.</summary>
        internal static string FromNative(IntPtr text)
        {
            if (text == IntPtr.Zero) return "";
            int length = 0;
            while (Marshal.ReadByte(text, length) != 0) length++;
            var bytes = new byte[length];
            Marshal.Copy(text, bytes, 0, length);
            return System.Text.Encoding.UTF8.GetString(bytes);
        }

        /// <summary>Decodes the NUL-terminated text at the start of a buffer.</summary>
        internal static string FromBuffer(byte[] buffer)
        {
            int length = Array.IndexOf(buffer, (byte)0);
            return System.Text.Encoding.UTF8.GetString(buffer, 0, length < 0 ? buffer.Length : length);
        }
    }

    /// <summary>Argument checks shared by the public API.</summary>
    internal static class Check
    {
        internal static T NotNull<T>(T value, string name) where T : class
        {
            if (value == null) throw new ArgumentNullException(name);
            return value;
        }
    }
}
