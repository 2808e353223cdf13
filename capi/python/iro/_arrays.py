"""Arrays of dates for batch calls: numpy datetime64[D] or int32 day counts, or sequences of dates.

When a copy happens:
- an int32 numpy array (days since 1970-01-01) that is C-contiguous is passed to the library as it is:
  no copy;
- a datetime64 array is converted once to int32 day counts (numpy stores it as int64);
- any other sequence (a list of datetime.date) is converted once.
Results are written by the library into one new int32 array, returned as datetime64[D] for datetime64
input, as int32 for int32 input, and as a list of datetime.date for other sequences.
"""
import datetime

from .dates import from_days, to_days
from .errors import InvalidArgumentError

try:
    import numpy as np
except ImportError:  # numpy is optional: only batch calls need it
    np = None

_INT32_MIN, _INT32_MAX = -(2 ** 31), 2 ** 31 - 1


def require_numpy():
    """numpy, or an ImportError that says batch calls need it."""
    if np is None:
        raise ImportError("iro: batch calls need numpy (apt install python3-numpy)")
    return np


class DayArray:
    """Day counts ready for a batch call: ``pointer`` (an address), ``size`` and ``array`` (int32)."""

    def __init__(self, values):
        numpy = require_numpy()
        self.kind = "list"
        if isinstance(values, numpy.ndarray):
            if values.dtype == numpy.int32:
                self.kind = "int32"
                array = numpy.ascontiguousarray(values)  # no copy when already contiguous
            elif numpy.issubdtype(values.dtype, numpy.datetime64):
                self.kind = "datetime64"
                days = values if values.dtype == numpy.dtype("datetime64[D]") else values.astype("datetime64[D]")
                wide = days.view(numpy.int64)  # no copy: datetime64[D] is int64 days since 1970-01-01
                if wide.size and wide.min() == numpy.iinfo(numpy.int64).min:
                    raise InvalidArgumentError(1, "the array holds NaT (not a time), which is no date")
                array = self._narrow(numpy, wide)
            elif numpy.issubdtype(values.dtype, numpy.integer):
                self.kind = "int32"
                array = self._narrow(numpy, values.astype(numpy.int64))
            else:
                raise InvalidArgumentError(1, f"expected datetime64 or integer days, got dtype {values.dtype}")
        else:
            array = numpy.fromiter((to_days(v) for v in values), dtype=numpy.int32)
        self.array = array.reshape(-1) if array.ndim != 1 else array
        self.shape = getattr(values, "shape", (len(self.array),))
        self.size = self.array.size
        self.pointer = self.array.ctypes.data

    @staticmethod
    def _narrow(numpy, wide):
        if wide.size and (wide.min() < _INT32_MIN or wide.max() > _INT32_MAX):
            raise InvalidArgumentError(1, "a date in the array is billions of days from 1970: out of range")
        return wide.astype(numpy.int32, order="C")

    def empty_like(self):
        """A new int32 array for the results."""
        return np.empty(self.size, dtype=np.int32)

    def result(self, out):
        """Results in the caller's form: datetime64[D], int32 or a list of datetime.date."""
        if self.kind == "datetime64":
            return out.astype(numpy_datetime64_days()).reshape(self.shape)
        if self.kind == "int32":
            return out.reshape(self.shape)
        return [from_days(int(d)) for d in out]


def numpy_datetime64_days():
    """The dtype datetime64[D]."""
    return np.dtype("datetime64[D]")


def is_batch(value):
    """Whether a calendar argument is many dates rather than one."""
    return not isinstance(value, datetime.date) and (np is not None and isinstance(value, np.ndarray)
                                                      or isinstance(value, (list, tuple)))
