"""Helpers for calling the C API: checked int32, index, flag and text arguments, and the size-query pattern.

Every value is checked here before ctypes sees it: ctypes would wrap a negative index to 2**64 - 1, narrow
a large int silently, or take a bytes object as a pointer.
"""
import ctypes
import numbers
import operator
import os
from typing import Any, Callable, List, Optional, Sequence, Type, Union

from ._native import E_BUFFER_TOO_SMALL, OK
from .errors import InvalidArgumentError, OutOfRangeError, check

_INT32_MIN, _INT32_MAX = -(2 ** 31), 2 ** 31 - 1
_SIZE_MAX = 2 ** 64 - 1

PathLike = Union[str, os.PathLike]


def integer(value: Any, what: str) -> int:
    """value as a Python int: TypeError for a bool, a float, text or anything without __index__."""
    if isinstance(value, bool) or not hasattr(type(value), "__index__"):
        raise TypeError(f"{what} must be an integer, got {type(value).__name__} {value!r}")
    return operator.index(value)


def int32(value: Any, what: str) -> int:
    """value as an int that fits int32_t (ctypes would silently wrap a larger one), or OutOfRangeError."""
    number = integer(value, what)
    if not _INT32_MIN <= number <= _INT32_MAX:
        raise OutOfRangeError(f"{what} {number} does not fit a 32-bit integer")
    return number


def index(value: Any, what: str, limit: int = _SIZE_MAX) -> int:
    """A 0-based index: TypeError for a non-integer, IndexError for a negative one or one past limit (the
    largest index the C argument holds). An index past the last item is left to the library (NotFoundError)."""
    number = integer(value, what)
    if number < 0:
        raise IndexError(f"{what} {number} is negative: indexes count from 0")
    if number > limit:
        raise IndexError(f"{what} {number} is out of range")
    return number


def unsigned(value: Any, what: str, bits: int = 32) -> int:
    """A non-negative count that fits an unsigned integer of bits (OutOfRangeError otherwise)."""
    number = integer(value, what)
    if not 0 <= number < 2 ** bits:
        raise OutOfRangeError(f"{what} {number} is not a count from 0 to {2 ** bits - 1}")
    return number


def flag(value: Any, what: str) -> int:
    """1 or 0 for a bool (or the ints 0 and 1); TypeError for anything else."""
    if isinstance(value, bool) or (hasattr(type(value), "__index__") and operator.index(value) in (0, 1)):
        return 1 if value else 0
    raise TypeError(f"{what} must be True or False, got {type(value).__name__} {value!r}")


def number(value: Any, what: str) -> float:
    """A real number as a float; TypeError for text, None, a bool or anything else."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{what} must be a number, got {type(value).__name__} {value!r}")
    return float(value)


def c_string(value: Any, what: str) -> bytes:
    """UTF-8 bytes of a str (or os.PathLike) for a const char* argument; NUL inside it is refused."""
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    if not isinstance(value, str):
        raise TypeError(f"{what} must be text, got {type(value).__name__} {value!r}")
    if "\x00" in value:
        raise InvalidArgumentError(f"{what} {value!r} contains a NUL character")
    return value.encode("utf-8")


def choice(value: Any, choices: Sequence[str], what: str) -> int:
    """The position of a name in choices: TypeError for a non-str, InvalidArgumentError for another name."""
    if not isinstance(value, str):
        raise TypeError(f"{what} must be one of {', '.join(choices)}, got {type(value).__name__} {value!r}")
    if value not in choices:
        raise InvalidArgumentError(f"{what} {value!r} is not one of {', '.join(choices)}")
    return list(choices).index(value)


def read_text(fn: Callable[..., int], *args: Any, guess: int = 0) -> str:
    """The text a fn(*args, buffer, buffer_size, out_needed) function writes. With guess > 0 a buffer of that
    size is tried first, so a text that fits is produced by one call; otherwise (or when it does not fit)
    the size is asked, then the text read."""
    needed = ctypes.c_size_t()
    if guess > 0:
        buffer = ctypes.create_string_buffer(guess)
        status = fn(*args, buffer, guess, ctypes.byref(needed))
        if status == OK:
            return buffer.value.decode("utf-8")
        if status != E_BUFFER_TOO_SMALL:
            check(status)
    else:
        status = fn(*args, None, 0, ctypes.byref(needed))
        if status != E_BUFFER_TOO_SMALL:
            check(status)
    buffer = ctypes.create_string_buffer(needed.value)
    check(fn(*args, buffer, needed.value, None))
    return buffer.value.decode("utf-8")


def read_array(fn: Callable[..., int], struct: Type[Any], *args: Any, after: Sequence[Any] = ()) -> List[Any]:
    """The items a fn(*args, items, capacity, out_count, *after) function lists: asks the count, then reads.
    Returns a list of struct (or of the plain values for a simple ctypes type)."""
    count = ctypes.c_size_t()
    status = fn(*args, None, 0, ctypes.byref(count), *after)
    if status not in (OK, E_BUFFER_TOO_SMALL):
        check(status)
    buffer = (struct * count.value)()
    check(fn(*args, buffer, count.value, ctypes.byref(count), *after))
    return buffer[:count.value]


def optional(value: Optional[Any], convert: Callable[[Any], Any], default: Any) -> Any:
    """convert(value), or default when value is None."""
    return default if value is None else convert(value)
