"""Many dates for one batch call: numpy datetime64 or int32 day counts, or a sequence of datetime.date.

The C API reads and writes int32 days since 1970-01-01. When a copy is made:

- input, a C-contiguous int32 numpy array (days since 1970-01-01): no copy, the library reads the
  caller's memory (a non-contiguous one, a slice with a step, is first copied into a contiguous one);
- input, a datetime64[D] numpy array: numpy stores it as int64, so it is narrowed to int32 once (another
  datetime64 unit is first converted to days, one more copy);
- input, any other integer numpy array: converted to int32 once;
- input, a list or tuple of datetime.date: converted once;
- output: one new int32 array, returned as it is for integer input, converted once to datetime64[D] for
  datetime64 input, and to a list of datetime.date for a list. With out= (a C-contiguous int32 array of
  the same size) the library writes into the caller's array and nothing is allocated.

A pandas Series or DatetimeIndex is read as its numpy values (datetime64[ns] is converted to days, one
copy) and the results come back as a Series with the same index and name, or a DatetimeIndex; an array of
objects (datetime.date, Timestamp) is converted item by item, each checked as a single date is.

numpy is optional for the package; these batch calls need it.
"""
import sys
from typing import Any, Optional, Sequence, Tuple

from ._days import from_days, to_days
from .errors import InvalidArgumentError, OutOfRangeError

try:
    import numpy as np
except ImportError:  # only batch calls need numpy
    np = None

_INT32_MIN, _INT32_MAX = -(2 ** 31), 2 ** 31 - 1


def require_numpy() -> Any:
    """The numpy module, or an ImportError saying that batch calls need it."""
    if np is None:
        raise ImportError("iro: batch calls need numpy (apt install python3-numpy, or pip install numpy)")
    return np


def is_pandas(value: Any) -> bool:
    """Whether a value is a pandas Series or Index (without importing pandas)."""
    pandas = sys.modules.get("pandas")
    return pandas is not None and isinstance(value, (pandas.Series, pandas.Index))


def is_ndarray(value: Any) -> bool:
    """Whether a value is a numpy array (False when numpy is not installed)."""
    return np is not None and isinstance(value, np.ndarray)


def is_batch(value: Any) -> bool:
    """Whether an argument is many dates (a numpy array, a pandas Series or Index, a list or a tuple)
    rather than one."""
    return isinstance(value, (list, tuple)) or is_ndarray(value) or is_pandas(value)


class DayArray:
    """Dates ready for a batch call: ``array`` (C-contiguous int32, 1-D), ``pointer`` (its address),
    ``size``, and the caller's ``shape`` and ``kind`` ("datetime64", "days" or "dates") for the results."""

    def __init__(self, values: Any) -> None:
        """Prepares a numpy array, a pandas Series or Index, or a sequence of datetime.date (see the module's
        docstring for copies)."""
        numpy = require_numpy()
        self.pandas = None
        if is_pandas(values):
            self.pandas = values
            values = values.to_numpy()
        if isinstance(values, numpy.ndarray) and values.dtype == object:
            self.shape = values.shape
            self.kind = "datetime64"
            array = numpy.fromiter((to_days(v) for v in values.reshape(-1)), dtype=numpy.int32, count=values.size)
        elif isinstance(values, numpy.ndarray):
            self.shape = values.shape
            if values.dtype == numpy.int32:
                self.kind = "days"
                array = numpy.ascontiguousarray(values)  # the caller's memory when already contiguous
            elif numpy.issubdtype(values.dtype, numpy.datetime64):
                self.kind = "datetime64"
                days = values.astype("datetime64[D]", copy=False)
                wide = days.view(numpy.int64)  # a view: datetime64[D] is int64 days since 1970-01-01
                if numpy.isnat(days).any():
                    raise InvalidArgumentError("the array holds NaT (not a time), which is no date")
                array = self._narrow(wide)
            elif numpy.issubdtype(values.dtype, numpy.integer):
                self.kind = "days"
                array = self._narrow(values)
            else:
                raise TypeError(f"expected datetime64 or integer days, got an array of {values.dtype}")
        elif isinstance(values, (list, tuple)):
            self.kind = "dates"
            array = numpy.fromiter((to_days(v) for v in values), dtype=numpy.int32, count=len(values))
            self.shape = array.shape
        else:
            raise TypeError(f"expected dates: a numpy array, a pandas Series, a list or a tuple, got "
                            f"{type(values).__name__}")
        self.array = array.reshape(-1)  # a view: array is C-contiguous
        self.size = self.array.size
        self.pointer = self.array.ctypes.data

    @classmethod
    def repeat(cls, date: Any, size: int) -> "DayArray":
        """One datetime.date repeated size times (to pair a single date with an array)."""
        return cls(require_numpy().full(size, to_days(date), dtype=np.int32))

    @staticmethod
    def _narrow(wide: Any) -> Any:
        """int32 copy of an integer array, refusing values that would wrap."""
        if wide.size and (wide.min() < _INT32_MIN or wide.max() > _INT32_MAX):
            raise OutOfRangeError("a date in the array is billions of days from 1970, which no int32 holds")
        return np.ascontiguousarray(wide, dtype=np.int32)

    def output(self, out: Optional[Any] = None, inputs: Sequence["DayArray"] = ()) -> Any:
        """Where the library writes the results: out (checked, flattened as a view) or a new int32 array.
        inputs are DayArrays out must not overlap (for calls whose C function does not allow it)."""
        if out is None:
            return np.empty(self.size, dtype=np.int32)
        if not isinstance(out, np.ndarray) or out.dtype != np.int32:
            raise TypeError(f"out must be an int32 numpy array, got {getattr(out, 'dtype', type(out).__name__)}")
        if not (out.flags.c_contiguous and out.flags.writeable):
            raise InvalidArgumentError("out must be a writeable C-contiguous array")
        if out.size != self.size:
            raise InvalidArgumentError(f"out has room for {out.size} results, {self.size} are needed")
        if any(np.may_share_memory(out, given.array) for given in inputs):
            raise InvalidArgumentError("out must not overlap an input of this call")
        return out.reshape(-1)

    def result(self, raw: Any, out: Optional[Any] = None) -> Any:
        """The results in the caller's form: out itself when given; else datetime64[D] for datetime64 input,
        int32 days for integer input, a list of datetime.date for a sequence; for a pandas Series a Series
        with its index and name, for an Index a DatetimeIndex."""
        if out is not None:
            return out
        if self.pandas is not None:
            values = raw.astype("datetime64[D]") if self.kind != "days" else raw
            return self.wrap(values.reshape(self.shape))
        if self.kind == "datetime64":
            return raw.astype("datetime64[D]").reshape(self.shape)
        if self.kind == "days":
            return raw.reshape(self.shape)
        return [from_days(d) for d in raw.tolist()]


    def wrap(self, values: Any) -> Any:
        """values (one per input item) in the caller's pandas form: a Series with the input's index and name,
        or an Index; values as they are for other input."""
        if self.pandas is None:
            return values
        import pandas
        if isinstance(self.pandas, pandas.Series):
            return pandas.Series(values, index=self.pandas.index, name=self.pandas.name)
        return pandas.Index(values, name=self.pandas.name)


def no_out(out: Any) -> None:
    """Refuses out= for a call with a single date (out= is for batch calls)."""
    if out is not None:
        raise TypeError("out= is for many dates (an array); this call was given one date")


def pair(first: Any, second: Any) -> Tuple[DayArray, DayArray]:
    """Two DayArrays of the same size from two batch arguments, or one batch argument and one date."""
    if not is_batch(first):
        b = DayArray(second)
        return DayArray.repeat(first, b.size), b
    a = DayArray(first)
    b = DayArray(second) if is_batch(second) else DayArray.repeat(second, a.size)
    if a.size != b.size:
        raise InvalidArgumentError(f"the arrays differ in size: {a.size} and {b.size} dates")
    return a, b

