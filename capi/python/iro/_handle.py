"""A library handle owned by a Python object: freed by close(), a with block, or collection."""
import ctypes

from .errors import InvalidArgumentError, check


class Handle:
    """Base of the classes that own one iro handle. Subclasses set _free to the library's free function
    and _what to a name for messages."""

    _free = None
    _what = "handle"

    def __init__(self, handle):
        """Takes ownership of a ctypes.c_void_p handle."""
        self._handle = handle

    @classmethod
    def _make(cls, fn, *args):
        """An object owning the handle fn(*args, &handle) makes."""
        handle = ctypes.c_void_p()
        check(fn(*args, ctypes.byref(handle)))
        return cls(handle)

    @property
    def is_open(self):
        """False once close() has been called."""
        return self._handle is not None

    @property
    def _h(self):
        """The handle, or InvalidArgumentError when closed."""
        if self._handle is None:
            raise InvalidArgumentError(f"the {self._what} is closed")
        return self._handle

    def close(self):
        """Frees the handle now; later calls raise InvalidArgumentError. Safe to call twice."""
        handle, self._handle = self._handle, None
        if handle is not None:
            type(self)._free(handle)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        # getattr: __init__ may not have run (an exception in a subclass's constructor).
        if getattr(self, "_handle", None) is not None:
            self.close()
