"""A library handle owned by a Python object: freed by close(), a with block, or collection.

Handles are never made from a value a caller passes: the classes that wrap a handle either have a public
constructor that makes a new one (Children(), Casebook(), Roster(), Disputes(policy, calendar)) or refuse
construction with a TypeError naming the factory to use (Calendar.builtin(), Policy.builtin(),
iro.evaluate() ...). Every argument that must be a handle is checked with ``Cls._arg(value, what)``
(an instance of exactly that class, still open) before any C call, so a swapped or foreign object is a
TypeError and never reaches the library as a pointer.
"""
import ctypes
from typing import Any, Callable, Optional, Type, TypeVar

from .errors import InvalidArgumentError, check

T = TypeVar("T", bound="Handle")


class Handle:
    """Base of the classes that own one iro handle. Subclasses set _free to the library's free function,
    _what to a name for messages and _factories to the public ways of making one."""

    _free: Optional[Callable[[Any], None]] = None
    _what = "handle"
    _factories = ""
    _handle: Optional[ctypes.c_void_p]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Refuses direct construction: a handle is only ever made by the library (see _factories)."""
        self._handle = None
        raise TypeError(f"iro.{type(self).__name__} cannot be constructed directly: use {self._factories}")

    @classmethod
    def _adopt(cls: Type[T], handle: ctypes.c_void_p) -> T:
        """An object owning a handle the library just made (internal: never a caller's value)."""
        if not isinstance(handle, ctypes.c_void_p) or not handle.value:
            raise InvalidArgumentError(f"no {cls._what} was made")
        obj = cls.__new__(cls)
        obj._handle = handle
        obj._adopted()
        return obj

    def _adopted(self) -> None:
        """Hook run once a handle is adopted (a subclass may read what it caches)."""

    @classmethod
    def _make(cls: Type[T], fn: Callable[..., int], *args: Any) -> T:
        """An object owning the handle fn(*args, &handle) makes."""
        handle = ctypes.c_void_p()
        check(fn(*args, ctypes.byref(handle)))
        return cls._adopt(handle)

    @classmethod
    def _arg(cls, value: Any, what: str) -> ctypes.c_void_p:
        """The open handle of value when it is an instance of this class: TypeError for any other object
        (a Calendar where a Policy belongs, a string, None), InvalidArgumentError when it was closed."""
        if not isinstance(value, cls):
            raise TypeError(f"{what} must be an iro.{cls.__name__}, got {_describe(value)}")
        return value._h

    @property
    def is_open(self) -> bool:
        """False once close() has been called."""
        return getattr(self, "_handle", None) is not None

    @property
    def _h(self) -> ctypes.c_void_p:
        """The handle, or InvalidArgumentError when closed."""
        handle = getattr(self, "_handle", None)
        if handle is None:
            raise InvalidArgumentError(f"the {self._what} is closed")
        return handle

    def close(self) -> None:
        """Frees the handle now; later calls raise InvalidArgumentError. Safe to call twice."""
        handle, self._handle = getattr(self, "_handle", None), None
        if handle is not None:
            type(self)._free(handle)

    def __enter__(self: T) -> T:
        """The object itself; the handle is freed when the with block ends."""
        return self

    def __exit__(self, *exc: Any) -> None:
        """Frees the handle (close())."""
        self.close()

    def __del__(self) -> None:
        # getattr: __init__ may not have run (an exception in a subclass's constructor).
        if getattr(self, "_handle", None) is not None:
            self.close()


def _describe(value: Any) -> str:
    """A short description of a value for a TypeError: its type, and the value unless it is long."""
    name = type(value).__module__ + "." + type(value).__qualname__ if not isinstance(value, Handle) \
        else f"iro.{type(value).__name__}"
    if name.startswith("builtins."):
        name = name[len("builtins."):]
    if isinstance(value, Handle) or value is None:
        return name if value is not None else "None"
    text = repr(value)
    return f"{name} {text}" if len(text) <= 60 else name
