// Status codes of iro.h mapped to exceptions that carry the library's message. Each derives from the
// .NET exception a caller would catch for that kind of failure (ArgumentException, IOException,
// KeyNotFoundException ...) and implements IIroException, which gives the pinned status.
using System;
using System.Collections.Generic;
using System.IO;

namespace Iro
{
    /// <summary>What every exception thrown for a failed iro call has: the pinned status code and its name.
    /// Catch <c>Exception e when e is IIroException</c> for any of them.</summary>
    public interface IIroException
    {
        /// <summary>The IRO_* status code (1 to 10; another value for a code this wrapper does not know).</summary>
        int Status { get; }
        /// <summary>The status's pinned name, for example "IRO_E_PARSE".</summary>
        string StatusName { get; }
    }

    /// <summary>A failed iro call whose status has no closer .NET exception (IRO_E_INTERNAL, or a code this
    /// wrapper does not know).</summary>
    public class IroException : Exception, IIroException
    {
        /// <inheritdoc/>
        public int Status { get; }
        /// <inheritdoc/>
        public string StatusName { get; }
        /// <summary>Makes an exception for a status and the library's message.</summary>
        /// <param name="status">The IRO_* status code.</param>
        /// <param name="message">The library's message.</param>
        public IroException(int status, string message) : base(message)
        {
            Status = status;
            StatusName = Errors.StatusName(status);
        }
    }

    /// <summary>IRO_E_INVALID_ARGUMENT (1): a value outside its domain, an unknown enum value, data the rules refuse.</summary>
    public class InvalidArgumentException : ArgumentException, IIroException
    {
        /// <inheritdoc/>
        public int Status { get; }
        /// <inheritdoc/>
        public string StatusName { get { return Errors.StatusName(Status); } }
        internal InvalidArgumentException(int status, string message) : base(message) { Status = status; }
    }

    /// <summary>IRO_E_OUT_OF_RANGE (2): a date or result outside the supported range (1900-01-01 to 2199-12-31,
    /// or the calendar's years).</summary>
    public class IroOutOfRangeException : ArgumentOutOfRangeException, IIroException
    {
        /// <inheritdoc/>
        public int Status { get; }
        /// <inheritdoc/>
        public string StatusName { get { return Errors.StatusName(Status); } }
        internal IroOutOfRangeException(int status, string message) : base(null, message) { Status = status; }
    }

    /// <summary>IRO_E_INVALID_DATE (3): well-formed text or fields that name no date (2023-02-29).</summary>
    public class InvalidDateException : ArgumentException, IIroException
    {
        /// <inheritdoc/>
        public int Status { get; }
        /// <inheritdoc/>
        public string StatusName { get { return Errors.StatusName(Status); } }
        internal InvalidDateException(int status, string message) : base(message) { Status = status; }
    }

    /// <summary>IRO_E_PARSE (4): text or a file that does not follow its syntax.</summary>
    public class ParseException : FormatException, IIroException
    {
        /// <inheritdoc/>
        public int Status { get; }
        /// <inheritdoc/>
        public string StatusName { get { return Errors.StatusName(Status); } }
        internal ParseException(int status, string message) : base(message) { Status = status; }
    }

    /// <summary>IRO_E_BUFFER_TOO_SMALL (5): the wrapper sizes its buffers, so seeing it is a bug.</summary>
    public class BufferTooSmallException : InvalidOperationException, IIroException
    {
        /// <inheritdoc/>
        public int Status { get; }
        /// <inheritdoc/>
        public string StatusName { get { return Errors.StatusName(Status); } }
        internal BufferTooSmallException(int status, string message) : base(message) { Status = status; }
    }

    /// <summary>IRO_E_NOT_FOUND (6): a named thing (a division, a child, an IRO, a figure) does not exist.</summary>
    public class NotFoundException : KeyNotFoundException, IIroException
    {
        /// <inheritdoc/>
        public int Status { get; }
        /// <inheritdoc/>
        public string StatusName { get { return Errors.StatusName(Status); } }
        internal NotFoundException(int status, string message) : base(message) { Status = status; }
    }

    /// <summary>IRO_E_IO (7): a file could not be opened, read or written.</summary>
    public class IroIOException : IOException, IIroException
    {
        /// <inheritdoc/>
        public int Status { get; }
        /// <inheritdoc/>
        public string StatusName { get { return Errors.StatusName(Status); } }
        internal IroIOException(int status, string message) : base(message) { Status = status; }
    }

    /// <summary>IRO_E_NO_MEMORY (8).</summary>
    public class NoMemoryException : OutOfMemoryException, IIroException
    {
        /// <inheritdoc/>
        public int Status { get; }
        /// <inheritdoc/>
        public string StatusName { get { return Errors.StatusName(Status); } }
        internal NoMemoryException(int status, string message) : base(message) { Status = status; }
    }

    /// <summary>IRO_E_RULE_VIOLATION (9): the request breaks a rule of the policy in force (a dispute event the
    /// ladder does not allow).</summary>
    public class RuleViolationException : InvalidOperationException, IIroException
    {
        /// <inheritdoc/>
        public int Status { get; }
        /// <inheritdoc/>
        public string StatusName { get { return Errors.StatusName(Status); } }
        internal RuleViolationException(int status, string message) : base(message) { Status = status; }
    }

    /// <summary>IRO_E_INTERNAL (10): a bug in iro.</summary>
    public class InternalException : IroException
    {
        internal InternalException(int status, string message) : base(status, message) { }
    }

    /// <summary>Turns statuses into exceptions.</summary>
    public static class Errors
    {
        /// <summary>IRO_OK.</summary>
        public const int Ok = 0;
        /// <summary>IRO_E_BUFFER_TOO_SMALL.</summary>
        public const int BufferTooSmall = 5;

        /// <summary>The exception for a status and message (an IroException for an unknown code). Every one
        /// implements <see cref="IIroException"/>.</summary>
        /// <param name="status">The IRO_* status code.</param>
        /// <param name="message">The library's message.</param>
        /// <returns>The exception, not thrown.</returns>
        public static Exception ToException(int status, string message)
        {
            Iro.Check.NotNull(message, nameof(message));
            switch (status)
            {
                case 1: return new InvalidArgumentException(status, message);
                case 2: return new IroOutOfRangeException(status, message);
                case 3: return new InvalidDateException(status, message);
                case 4: return new ParseException(status, message);
                case 5: return new BufferTooSmallException(status, message);
                case 6: return new NotFoundException(status, message);
                case 7: return new IroIOException(status, message);
                case 8: return new NoMemoryException(status, message);
                case 9: return new RuleViolationException(status, message);
                case 10: return new InternalException(status, message);
                default: return new IroException(status, message);
            }
        }

        /// <summary>Throws for a non-zero status, with this thread's last error message.</summary>
        /// <param name="status">The status a native call returned.</param>
        public static void Check(int status)
        {
            if (status != Ok) throw ToException(status, Utf8.FromNative(NativeMethods.iro_last_error_message()));
        }

        internal static string StatusName(int status) { return Utf8.FromNative(NativeMethods.iro_status_name(status)); }

    }
}
