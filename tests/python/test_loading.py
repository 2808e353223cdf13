"""Finding libiro: IRO_LIBRARY, a clear ImportError, the ABI check; numpy passes int32 without a copy."""
import ctypes
import os
import subprocess
import sys
import unittest
from pathlib import Path

import numpy as np

import iro
from iro import _arrays, _native

PACKAGE_DIR = str(Path(iro.__file__).resolve().parents[1])


def run_python(code, **env):
    full = dict(os.environ, PYTHONPATH=PACKAGE_DIR, **env)
    return subprocess.run([sys.executable, "-c", code], env=full, capture_output=True, text=True)


class Loading(unittest.TestCase):
    def test_loaded_from_iro_library(self):
        self.assertEqual(os.path.realpath(iro.library_path()), os.path.realpath(os.environ["IRO_LIBRARY"]))
        self.assertEqual(iro.abi_version(), _native.ABI_VERSION)
        self.assertRegex(iro.__version__, r"^\d+\.\d+\.\d+$")

    def test_a_missing_library_is_a_clear_import_error(self):
        result = run_python("import iro", IRO_LIBRARY="/nonexistent/libiro.so")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("cannot load libiro.so; tried: /nonexistent/libiro.so", result.stderr)

    def test_the_signature_table_covers_the_library(self):
        for name in _native._SIGNATURES:
            self.assertTrue(hasattr(_native.lib, name), name)


class ZeroCopy(unittest.TestCase):
    def test_contiguous_int32_days_are_passed_as_they_are(self):
        days = np.arange(19000, 19100, dtype=np.int32)
        prepared = _arrays.DayArray(days)
        self.assertEqual(prepared.pointer, days.ctypes.data)  # the library reads the caller's memory
        self.assertTrue(np.shares_memory(prepared.array, days))

    def test_datetime64_is_converted_once(self):
        dates = np.array(["2024-01-02"], dtype="datetime64[D]")
        prepared = _arrays.DayArray(dates)
        self.assertEqual(prepared.array.dtype, np.int32)
        self.assertEqual(int(prepared.array[0]), 19724)

    def test_in_place_results_through_the_c_call(self):
        days = np.array([19807], dtype=np.int32)  # 2024-03-25
        with iro.Calendar.builtin() as cal:  # keep the calendar alive across the raw call
            iro.errors.check(_native.lib.iro_calendar_add_working_days_batch(
                cal._h, days.ctypes.data, 1, 20, days.ctypes.data))
        self.assertEqual(int(days[0]), 19837)  # 2024-04-24, written into the caller's array
        self.assertIsInstance(ctypes.c_int32(int(days[0])).value, int)


if __name__ == "__main__":
    unittest.main()
