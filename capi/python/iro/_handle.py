"""A library handle owned by a Python object: freed by close(), a with block, or collection."""
import ctypes

from .errors import InvalidArgumentError, check


class Handle:
    """Base of the classes that own one iro handle. Subclasses set _free to the library's free function."""

    _free = None
    _what = "handle"

    def __init__(self, handle):
        self._handle = handle

    @classmethod
    def _make(cls, fn, *args):
        handle = ctypes.c_void_p()
        check(fn(*args, ctypes.byref(handle)))
        return cls(handle)

    @property
    def _h(self):
        if self._handle is None or not self._handle.value:
            raise InvalidArgumentError(1, f"the {self._what} is closed")
        return self._handle

    def close(self):
        """Frees the handle now; later calls raise InvalidArgumentError. Safe to call twice."""
        if self._handle is not None and self._handle.value and type(self)._free is not None:
            type(self)._free(self._handle)
        self._handle = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        if getattr(self, "_handle", None) is not None:
            self.close()
