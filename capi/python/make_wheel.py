#!/usr/bin/env python3
"""Builds the iro wheel: the pure-Python package with libiro bundled inside it.

    /usr/bin/python3 capi/python/make_wheel.py --lib build/lib/libiro.so.2 --out dist

writes dist/iro-<version>-py3-none-linux_x86_64.whl (the wheel format of PEP 427, written with zipfile;
nothing to download). The package goes in as it is in capi/python/iro; libiro goes to iro/_lib/ under its
soname, together with every shared library ldd lists for it that is not part of the C and C++ runtimes
(glibc, libstdc++, libgcc_s): on Debian 12 that is libboost_serialization (Boost is linked shared, see
TOOLCHAIN.md). iro/_native.py loads those first from the package's own _lib directory, so the installed
wheel needs no LD_LIBRARY_PATH, no IRO_LIBRARY and no Boost on the target machine.

The version is the library's own (iro_version_string()); when the script runs inside the iro source tree it
is checked against `project(iro VERSION x.y.z)` of CMakeLists.txt. Metadata comes from pyproject.toml.

This file is also pyproject.toml's in-tree PEP 517 backend, so `pip wheel --no-build-isolation --no-index
capi/python` builds the same wheel offline (the library from IRO_LIBRARY, or --config-settings lib=PATH).
"""
import argparse
import base64
import ctypes
import hashlib
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Dict, List, Optional, Tuple

HERE = Path(__file__).resolve().parent
PACKAGE = HERE / "iro"
TAG = "py3-none-linux_x86_64"
#: Libraries every Linux machine with a C++ runtime has: never bundled.
SYSTEM = re.compile(r"^(linux-vdso|linux-gate|ld-linux.*|libc|libm|libdl|libpthread|librt|libutil|libstdc\+\+|"
                    r"libgcc_s|libresolv)\.so")
DATE = (1980, 1, 1, 0, 0, 0)  # fixed timestamps: the same inputs give the same wheel


def library_version(lib: Path) -> str:
    """The version string of a libiro (loading it with ctypes)."""
    handle = ctypes.CDLL(str(lib))
    handle.iro_version_string.restype = ctypes.c_char_p
    return handle.iro_version_string().decode()


def cmake_version() -> Optional[str]:
    """The version of `project(iro VERSION x.y.z)` in the source tree's CMakeLists.txt, if this script is in
    one."""
    cmake = HERE.parents[1] / "CMakeLists.txt"
    if not cmake.is_file():
        return None
    found = re.search(r"project\(\s*iro\s+VERSION\s+(\d+\.\d+\.\d+)", cmake.read_text(encoding="utf-8"))
    return found.group(1) if found else None


def soname(lib: Path) -> str:
    """The SONAME of a shared library (readelf), or its file name when it has none."""
    try:
        out = subprocess.run(["readelf", "-d", str(lib)], capture_output=True, text=True, check=True).stdout
        found = re.search(r"\(SONAME\)\s+Library soname: \[([^\]]+)\]", out)
        if found:
            return found.group(1)
    except (OSError, subprocess.CalledProcessError):
        pass
    return lib.name


def dependencies(lib: Path) -> List[Tuple[str, Path]]:
    """(name, path) of every shared library ldd resolves for lib (all levels) that is not a system one."""
    out = subprocess.run(["ldd", str(lib)], capture_output=True, text=True, check=True).stdout
    found = []
    for line in out.splitlines():
        match = re.match(r"\s*(\S+)\s+=>\s+(\S+)\s+\(", line)
        if not match:
            if "not found" in line:
                raise SystemExit(f"make_wheel: {lib} needs {line.split()[0]}, which ldd cannot find")
            continue
        name, path = match.group(1), Path(match.group(2))
        if not SYSTEM.match(name):
            found.append((name, path))
    return found


def metadata(version: str) -> str:
    """The METADATA file (core metadata 2.1) from pyproject.toml's [project] table."""
    import tomllib
    project = tomllib.loads((HERE / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines = ["Metadata-Version: 2.1", f"Name: {project['name']}", f"Version: {version}",
             f"Summary: {project['description']}", f"Requires-Python: {project['requires-python']}",
             f"License: {project['license']['text']}"]
    lines += [f"Author: {a['name']}" for a in project.get("authors", [])]
    lines += [f"Classifier: {c}" for c in project.get("classifiers", [])]
    for extra, requirements in project.get("optional-dependencies", {}).items():
        lines.append(f"Provides-Extra: {extra}")
        lines += [f'Requires-Dist: {r}; extra == "{extra}"' for r in requirements]
    readme = project.get("readme", {})
    lines.append(f"Description-Content-Type: {readme.get('content-type', 'text/plain')}")
    return "\n".join(lines) + "\n\n" + readme.get("text", "") + "\n"


def _record_hash(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def build(lib: Path, out: Path, version: Optional[str] = None) -> Path:
    """Writes the wheel for lib into out and returns its path."""
    lib = Path(lib).resolve()
    if not lib.is_file():
        raise SystemExit(f"make_wheel: no library at {lib}")
    built = library_version(lib)
    expected = cmake_version()
    if expected is not None and expected != built:
        raise SystemExit(f"make_wheel: {lib} is version {built}, CMakeLists.txt says {expected}: rebuild the library")
    version = version or built
    files: Dict[str, Tuple[bytes, int]] = {}
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix in (".py", ".typed"):
            files["iro/" + path.relative_to(PACKAGE).as_posix()] = (path.read_bytes(), 0o644)
    files[f"iro/_lib/{soname(lib)}"] = (lib.read_bytes(), 0o755)
    for name, path in dependencies(lib):
        files[f"iro/_lib/{name}"] = (path.read_bytes(), 0o755)
    info = f"iro-{version}.dist-info"
    files[f"{info}/METADATA"] = (metadata(version).encode(), 0o644)
    files[f"{info}/WHEEL"] = (f"Wheel-Version: 1.0\nGenerator: iro make_wheel.py\nRoot-Is-Purelib: false\n"
                              f"Tag: {TAG}\n".encode(), 0o644)
    files[f"{info}/top_level.txt"] = (b"iro\n", 0o644)
    licence = HERE.parents[1] / "LICENSE"
    if licence.is_file():
        files[f"{info}/LICENSE"] = (licence.read_bytes(), 0o644)
    record = "".join(f"{name},{_record_hash(data)},{len(data)}\n" for name, (data, _) in files.items())
    files[f"{info}/RECORD"] = ((record + f"{info}/RECORD,,\n").encode(), 0o644)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    wheel = out / f"iro-{version}-{TAG}.whl"
    with zipfile.ZipFile(wheel, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, (data, mode) in files.items():
            entry = zipfile.ZipInfo(name, DATE)
            entry.external_attr = (0o100000 | mode) << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, data)
    return wheel


# ---- PEP 517 in-tree backend (pyproject.toml: build-backend = "make_wheel", backend-path = ["."])
def _backend_lib(config_settings: Optional[dict]) -> Path:
    lib = (config_settings or {}).get("lib") or os.environ.get("IRO_LIBRARY")
    if not lib:
        raise SystemExit("make_wheel: give the library: IRO_LIBRARY=PATH or --config-settings lib=PATH")
    return Path(lib)


def get_requires_for_build_wheel(config_settings: Optional[dict] = None) -> List[str]:
    """PEP 517: nothing is needed beyond the standard library."""
    return []


def build_wheel(wheel_directory: str, config_settings: Optional[dict] = None,
                metadata_directory: Optional[str] = None) -> str:
    """PEP 517: builds the wheel into wheel_directory and returns its file name."""
    return build(_backend_lib(config_settings), Path(wheel_directory)).name


def main(argv: Optional[List[str]] = None) -> int:
    """The command line: --lib PATH --out DIR [--version X.Y.Z]; prints the wheel's path."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lib", required=True, type=Path, help="libiro.so.N to bundle")
    parser.add_argument("--out", required=True, type=Path, help="directory for the wheel")
    parser.add_argument("--version", help="the version (default: the library's own)")
    args = parser.parse_args(argv)
    print(build(args.lib, args.out, args.version))
    return 0


if __name__ == "__main__":
    sys.exit(main())
