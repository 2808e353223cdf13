"""Finding libiro (IRO_LIBRARY, an installed tree, find_library), the ImportErrors, the ABI check, and
importing without numpy. Each case imports iro in a fresh interpreter."""
import ctypes
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import unittest
from pathlib import Path

import iro
from iro import _native

PACKAGE = Path(iro.__file__).resolve().parent
LIBRARY = Path(os.environ["IRO_LIBRARY"]).resolve()


def run_python(code, pythonpath=PACKAGE.parent, **env):
    """Runs code in a new /usr/bin/python3; env values of None remove the variable."""
    full = dict(os.environ, PYTHONPATH=str(pythonpath))
    for name, value in env.items():
        if value is None:
            full.pop(name, None)
        else:
            full[name] = value
    return subprocess.run([sys.executable, "-c", code], env=full, capture_output=True, text=True, timeout=60)


def find_library(**env):
    """What ctypes.util.find_library("iro") gives in a new interpreter with env: a name or "None"."""
    return run_python('import ctypes.util; print(ctypes.util.find_library("iro"))', **env).stdout.strip()


def install_package(prefix):
    """Copies the package to <prefix>/lib/iro/python/iro, as cmake --install does; returns its parent."""
    target = prefix / "lib" / "iro" / "python"
    shutil.copytree(PACKAGE, target / "iro", ignore=shutil.ignore_patterns("__pycache__"))
    return target


class FromIroLibrary(unittest.TestCase):
    def test_the_library_named_by_iro_library_is_loaded(self):
        self.assertEqual(Path(iro.library_path()).resolve(), LIBRARY)
        self.assertEqual(iro.abi_version(), _native.ABI_VERSION)
        self.assertRegex(iro.__version__, r"^\d+\.\d+\.\d+$")
        self.assertEqual(_native.lib.iro_version_number(),
                         sum(int(p) * f for p, f in zip(iro.__version__.split("."), (10000, 100, 1))))

    def test_a_wrong_iro_library_is_an_import_error_not_another_copy(self):
        result = run_python("import iro", IRO_LIBRARY="/nonexistent/libiro.so")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("ImportError: iro: cannot load libiro.so; tried: /nonexistent/libiro.so (", result.stderr)
        self.assertIn("Set IRO_LIBRARY", result.stderr)

    def test_a_library_that_is_not_libiro_is_refused(self):
        result = run_python("import iro", IRO_LIBRARY="libc.so.6")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("ImportError: iro: libc.so.6 is not libiro: it has no iro_abi_version", result.stderr)


class FromAnInstalledTree(unittest.TestCase):
    def setUp(self):
        self.prefix = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, self.prefix)
        self.pythonpath = install_package(self.prefix)

    def loaded_from(self, **env):
        result = run_python("import iro; print(iro.library_path())", self.pythonpath, IRO_LIBRARY=None, **env)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout.strip()

    def test_libdir(self):
        (self.prefix / "lib" / "libiro.so").symlink_to(LIBRARY)
        self.assertEqual(self.loaded_from(LD_LIBRARY_PATH=None), str(self.prefix / "lib" / "libiro.so"))

    @unittest.skipUnless(sysconfig.get_config_var("MULTIARCH"), "this Python has no multiarch name")
    def test_multiarch_libdir(self):
        multiarch = self.prefix / "lib" / sysconfig.get_config_var("MULTIARCH")
        multiarch.mkdir()
        (multiarch / "libiro.so").symlink_to(LIBRARY)
        self.assertEqual(self.loaded_from(LD_LIBRARY_PATH=None), str(multiarch / "libiro.so"))

    def test_find_library_through_ld_library_path(self):
        found = find_library(LD_LIBRARY_PATH=str(LIBRARY.parent))
        if found == "None":
            self.skipTest("ctypes.util.find_library needs ld or gcc, which this machine lacks")
        self.assertEqual(self.loaded_from(LD_LIBRARY_PATH=str(LIBRARY.parent)), found)

    def test_nothing_found_lists_every_place_tried(self):
        if find_library(LD_LIBRARY_PATH=None) != "None":
            self.skipTest("a libiro is installed system-wide")
        result = run_python("import iro", self.pythonpath, IRO_LIBRARY=None, LD_LIBRARY_PATH=None)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn(f"tried: {self.prefix / 'lib' / 'libiro.so'} (", result.stderr)
        self.assertIn('ctypes.util.find_library("iro") (found nothing)', result.stderr)


# Replaces ctypes.CDLL with a proxy of the real library that reports another ABI version or hides a
# function, then imports iro: the checks of _native._bind run against the real library.
_PROXY = """
import ctypes
real_cdll = ctypes.CDLL
ABI, HIDDEN = {abi!r}, {hidden!r}
class Proxy:
    def __init__(self, path):
        self._real = real_cdll(path)
        if ABI is not None:
            self.iro_abi_version = lambda: ABI
    def __getattr__(self, name):
        if name == HIDDEN:
            raise AttributeError(name)
        return getattr(self._real, name)
ctypes.CDLL = Proxy
import iro
"""


class Checks(unittest.TestCase):
    def test_another_abi_version_is_refused(self):
        other = _native.ABI_VERSION + 1
        result = run_python(_PROXY.format(abi=other, hidden=None))
        self.assertNotEqual(result.returncode, 0)
        self.assertIn(f"ImportError: iro: {os.environ['IRO_LIBRARY']} has ABI version {other}, this package needs "
                      f"{_native.ABI_VERSION}", result.stderr)

    def test_a_library_without_a_function_is_refused(self):
        result = run_python(_PROXY.format(abi=None, hidden="iro_calendar_holidays"))
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("has no iro_calendar_holidays: the library is older than this package", result.stderr)

    def test_the_proxy_itself_imports_when_nothing_is_changed(self):
        result = run_python(_PROXY.format(abi=_native.ABI_VERSION, hidden=None) + "print(iro.abi_version())")
        self.assertEqual((result.returncode, result.stdout), (0, f"{_native.ABI_VERSION}\n"), result.stderr)

    def test_every_declared_function_is_bound(self):
        for name, (restype, argtypes) in _native._SIGNATURES.items():
            function = getattr(_native.lib, name)
            self.assertEqual((function.restype, function.argtypes), (restype, argtypes), name)
        self.assertIsNone(_native._SIGNATURES["iro_calendar_free"][0])

    def test_the_holiday_struct_follows_iro_h(self):
        self.assertEqual([name for name, _ in _native.Holiday._fields_], ["day", "kind", "substitute", "projected",
                                                                          "name"])
        self.assertEqual(ctypes.sizeof(_native.Holiday), 24)  # four int32_t and a pointer on LP64


class WithoutNumpy(unittest.TestCase):
    def test_the_package_imports_and_single_calls_work(self):
        code = """
import sys, datetime
sys.modules["numpy"] = None  # import numpy now raises ImportError
import iro
D = datetime.date
print(iro.add_months(D(2024, 8, 31), 6))
with iro.Calendar.builtin() as cal:
    print(cal.add_working_days(D(2024, 3, 25), 20))
    print(len(cal.with_closures([D(2024, 12, 27)]).holidays(D(2024, 12, 27), D(2024, 12, 27))))
    try:
        cal.add_working_days([D(2024, 3, 25)], 20)
    except ImportError as e:
        print(e)
"""
        result = run_python(code)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.splitlines(), ["2025-02-28", "2024-04-24", "1",
                                                      "iro: batch calls need numpy (apt install python3-numpy, "
                                                      "or pip install numpy)"])


if __name__ == "__main__":
    unittest.main()
