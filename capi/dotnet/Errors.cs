// Status codes of iro.h mapped to exceptions that carry the library's message.
using System;

namespace Iro
{
    /// <summary>A failed iro call: the pinned status code, its name, and the library's message.</summary>
    public class IroException : Exception
    {
        /// <summary>The IRO_* status code.</summary>
        public int Status { get; }
        /// <summary>The status's pinned name, for example "IRO_E_PARSE".</summary>
        public string StatusName { get; }
        /// <summary>Makes an exception for a status and message.</summary>
        public IroException(int status, string message) : base(message)
        {
            Status = status;
            StatusName = Utf8.FromNative(NativeMethods.iro_status_name(status));
        }
    }

    /// <summary>IRO_E_INVALID_ARGUMENT: a NULL, a value outside its domain, an unknown enum value.</summary>
    public class InvalidArgumentException : IroException { internal InvalidArgumentException(int s, string m) : base(s, m) { } }
    /// <summary>IRO_E_OUT_OF_RANGE: a date or result outside the supported range.</summary>
    public class OutOfRangeException : IroException { internal OutOfRangeException(int s, string m) : base(s, m) { } }
    /// <summary>IRO_E_INVALID_DATE: well-formed text or fields that name no date.</summary>
    public class InvalidDateException : IroException { internal InvalidDateException(int s, string m) : base(s, m) { } }
    /// <summary>IRO_E_PARSE: text or a file that does not follow its syntax.</summary>
    public class ParseException : IroException { internal ParseException(int s, string m) : base(s, m) { } }
    /// <summary>IRO_E_BUFFER_TOO_SMALL (the wrapper sizes its buffers; seeing it is a bug).</summary>
    public class BufferTooSmallException : IroException { internal BufferTooSmallException(int s, string m) : base(s, m) { } }
    /// <summary>IRO_E_NOT_FOUND: a named thing does not exist.</summary>
    public class NotFoundException : IroException { internal NotFoundException(int s, string m) : base(s, m) { } }
    /// <summary>IRO_E_IO: a file could not be opened, read or written.</summary>
    public class IoException : IroException { internal IoException(int s, string m) : base(s, m) { } }
    /// <summary>IRO_E_NO_MEMORY.</summary>
    public class NoMemoryException : IroException { internal NoMemoryException(int s, string m) : base(s, m) { } }
    /// <summary>IRO_E_RULE_VIOLATION: the request breaks a rule of the policy in force.</summary>
    public class RuleViolationException : IroException { internal RuleViolationException(int s, string m) : base(s, m) { } }
    /// <summary>IRO_E_INTERNAL: a bug in iro.</summary>
    public class InternalException : IroException { internal InternalException(int s, string m) : base(s, m) { } }

    /// <summary>Turns statuses into exceptions.</summary>
    public static class Errors
    {
        /// <summary>IRO_OK.</summary>
        public const int Ok = 0;
        /// <summary>IRO_E_BUFFER_TOO_SMALL.</summary>
        public const int BufferTooSmall = 5;

        /// <summary>The exception for a status and message (IroException itself for an unknown code).</summary>
        public static IroException ToException(int status, string message)
        {
            switch (status)
            {
                case 1: return new InvalidArgumentException(status, message);
                case 2: return new OutOfRangeException(status, message);
                case 3: return new InvalidDateException(status, message);
                case 4: return new ParseException(status, message);
                case 5: return new BufferTooSmallException(status, message);
                case 6: return new NotFoundException(status, message);
                case 7: return new IoException(status, message);
                case 8: return new NoMemoryException(status, message);
                case 9: return new RuleViolationException(status, message);
                case 10: return new InternalException(status, message);
                default: return new IroException(status, message);
            }
        }

        /// <summary>Throws for a non-zero status, with this thread's last error message.</summary>
        public static void Check(int status)
        {
            if (status != Ok) throw ToException(status, Utf8.FromNative(NativeMethods.iro_last_error_message()));
        }
    }
}
