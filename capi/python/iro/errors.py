"""Status codes of iro.h mapped to exceptions carrying the library's message.

Every failure raises a subclass of IroError; each subclass also derives from the built-in exception a
Python caller would expect (a bad date is a ValueError, a missing file an OSError).
"""
from . import _native


class IroError(Exception):
    """A failed iro call: ``status`` (the pinned IRO_* code), ``status_name`` ("IRO_E_PARSE") and
    ``message`` (the library's sentence naming the function, the value and the reason)."""

    #: The status code of the class; IroError itself is raised for codes this package does not know.
    STATUS = None

    def __init__(self, message, status=None):
        """An error with the library's message; status defaults to the class's own code."""
        super().__init__(message)
        self.status = self.STATUS if status is None else status
        self.status_name = _native.lib.iro_status_name(self.status).decode()
        self.message = message


class InvalidArgumentError(IroError, ValueError):
    """IRO_E_INVALID_ARGUMENT: a NULL, a value outside its domain, an unknown enum value."""

    STATUS = 1


class OutOfRangeError(IroError, ValueError):
    """IRO_E_OUT_OF_RANGE: a date or result outside the supported range."""

    STATUS = 2


class InvalidDateError(IroError, ValueError):
    """IRO_E_INVALID_DATE: well-formed text or fields that name no date (2023-02-29)."""

    STATUS = 3


class ParseError(IroError, ValueError):
    """IRO_E_PARSE: text or a file that does not follow its syntax."""

    STATUS = 4


class BufferTooSmallError(IroError):
    """IRO_E_BUFFER_TOO_SMALL (the package sizes its buffers, so seeing this is a bug)."""

    STATUS = 5


class NotFoundError(IroError, LookupError):
    """IRO_E_NOT_FOUND: a named thing (a division, an id) does not exist."""

    STATUS = 6


class IroIOError(IroError, OSError):
    """IRO_E_IO: a file could not be opened, read or written."""

    STATUS = 7


class NoMemoryError(IroError, MemoryError):
    """IRO_E_NO_MEMORY: memory could not be allocated."""

    STATUS = 8


class RuleViolationError(IroError):
    """IRO_E_RULE_VIOLATION: the request breaks a rule of the policy in force."""

    STATUS = 9


class InternalError(IroError):
    """IRO_E_INTERNAL: a bug in iro; please report it with the message."""

    STATUS = 10


_BY_STATUS = {cls.STATUS: cls for cls in (InvalidArgumentError, OutOfRangeError, InvalidDateError, ParseError,
                                          BufferTooSmallError, NotFoundError, IroIOError, NoMemoryError,
                                          RuleViolationError, InternalError)}


def error_for(status, message):
    """The exception for a non-zero status (IroError itself for a code this package does not know)."""
    return _BY_STATUS.get(status, IroError)(message, status)


def check(status):
    """Raises the exception for a non-zero status, with this thread's last error message; IRO_OK passes."""
    if status != _native.OK:
        raise error_for(status, _native.lib.iro_last_error_message().decode("utf-8", "replace"))
