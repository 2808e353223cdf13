"""Status codes of iro.h mapped to exceptions carrying the library's message."""
from . import _native

OK = 0


class IroError(Exception):
    """A failed iro call: ``status`` (the pinned IRO_* code), ``status_name`` and the library's message."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.status_name = _native.lib.iro_status_name(status).decode()
        self.message = message


class InvalidArgumentError(IroError, ValueError):
    """IRO_E_INVALID_ARGUMENT: a NULL, a value outside its domain, an unknown enum value."""


class OutOfRangeError(IroError, ValueError):
    """IRO_E_OUT_OF_RANGE: a date or result outside the supported range."""


class InvalidDateError(IroError, ValueError):
    """IRO_E_INVALID_DATE: well-formed text or fields that name no date (2023-02-29)."""


class ParseError(IroError, ValueError):
    """IRO_E_PARSE: text or a file that does not follow its syntax."""


class BufferTooSmallError(IroError):
    """IRO_E_BUFFER_TOO_SMALL (the package sizes its buffers, so seeing this is a bug)."""


class NotFoundError(IroError, LookupError):
    """IRO_E_NOT_FOUND: a named thing (a division, an id) does not exist."""


class IroIOError(IroError, OSError):
    """IRO_E_IO: a file could not be opened, read or written."""


class NoMemoryError(IroError, MemoryError):
    """IRO_E_NO_MEMORY."""


class RuleViolationError(IroError):
    """IRO_E_RULE_VIOLATION: the request breaks a rule of the policy in force."""


class InternalError(IroError):
    """IRO_E_INTERNAL: a bug in iro."""


_BY_STATUS = {
    1: InvalidArgumentError, 2: OutOfRangeError, 3: InvalidDateError, 4: ParseError, 5: BufferTooSmallError,
    6: NotFoundError, 7: IroIOError, 8: NoMemoryError, 9: RuleViolationError, 10: InternalError,
}


def error_for(status, message):
    """The exception for a status (IroError itself for a code this package does not know)."""
    return _BY_STATUS.get(status, IroError)(status, message)


def check(status):
    """Raises the exception for a non-zero status, with this thread's last error message."""
    if status != OK:
        raise error_for(status, _native.lib.iro_last_error_message().decode("utf-8", "replace"))
