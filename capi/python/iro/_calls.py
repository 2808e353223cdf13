"""Helpers for calling the C API: checked int32 and text arguments, and the size-query pattern."""
import ctypes
import operator
import os

from ._native import E_BUFFER_TOO_SMALL, OK
from .errors import InvalidArgumentError, OutOfRangeError, check

_INT32_MIN, _INT32_MAX = -(2 ** 31), 2 ** 31 - 1


def int32(value, what):
    """value as an int that fits int32_t (ctypes would silently wrap a larger one), or OutOfRangeError."""
    if isinstance(value, bool) or not hasattr(type(value), "__index__"):
        raise TypeError(f"{what} must be an integer, got {type(value).__name__} {value!r}")
    number = operator.index(value)
    if not _INT32_MIN <= number <= _INT32_MAX:
        raise OutOfRangeError(f"{what} {number} does not fit a 32-bit integer")
    return number


def c_string(value, what):
    """UTF-8 bytes of a str (or os.PathLike) for a const char* argument; NUL inside it is refused."""
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    if not isinstance(value, str):
        raise TypeError(f"{what} must be text, got {type(value).__name__} {value!r}")
    if "\x00" in value:
        raise InvalidArgumentError(f"{what} {value!r} contains a NUL character")
    return value.encode("utf-8")


def read_text(fn, *args):
    """The text a fn(*args, buffer, buffer_size, out_needed) function writes: asks the size, then reads."""
    needed = ctypes.c_size_t()
    status = fn(*args, None, 0, ctypes.byref(needed))
    if status != E_BUFFER_TOO_SMALL:
        check(status)
    buffer = ctypes.create_string_buffer(needed.value)
    check(fn(*args, buffer, needed.value, None))
    return buffer.value.decode("utf-8")


def read_array(fn, struct, *args, after=()):
    """The items a fn(*args, items, capacity, out_count, *after) function lists: asks the count, then reads.
    Returns a list of struct (or of the plain values for a simple ctypes type)."""
    count = ctypes.c_size_t()
    status = fn(*args, None, 0, ctypes.byref(count), *after)
    if status not in (OK, E_BUFFER_TOO_SMALL):
        check(status)
    buffer = (struct * count.value)()
    check(fn(*args, buffer, count.value, ctypes.byref(count), *after))
    return buffer[:count.value]
