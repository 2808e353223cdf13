"""ctest python_wheel_install: builds the wheel from the build tree's libiro (capi/python/make_wheel.py),
installs it with `pip install --no-index --no-deps` into a new `/usr/bin/python3 -m venv
--system-site-packages` (numpy and pandas come from Debian), and runs tests/python/analyst_script.py with that
venv's python from a directory outside the tree, with no PYTHONPATH, no IRO_LIBRARY and no LD_LIBRARY_PATH.
Checks that iro, libiro and Boost were loaded from inside the venv (the bundled copies), not from the build
tree or the system. Exits 77 (ctest SKIP_RETURN_CODE) when venv or pip is unavailable.

    check_wheel_install.py --lib build/lib/libiro.so.2"""
import argparse
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKIP = 77


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lib", required=True)
    parser.add_argument("--python", default="/usr/bin/python3")
    args = parser.parse_args()
    python = args.python
    for module in ("venv", "pip", "ensurepip"):
        probe = subprocess.run([python, "-c", f"import {module}"], capture_output=True)
        if probe.returncode != 0 and module != "ensurepip":
            print(f"SKIP: {python} has no {module} (scripts/setup installs python3-venv and python3-pip)")
            return SKIP
    with tempfile.TemporaryDirectory(prefix="iro-wheel-") as tmp:
        tmp = Path(tmp)
        built = subprocess.run([python, str(ROOT / "capi/python/make_wheel.py"), "--lib", args.lib, "--out",
                                str(tmp / "dist")], capture_output=True, text=True)
        print(built.stdout, built.stderr, sep="")
        if built.returncode != 0:
            return 1
        wheel = Path(built.stdout.strip().splitlines()[-1])
        names = zipfile.ZipFile(wheel).namelist()
        print("wheel:", wheel.name, len(names), "files;", [n for n in names if "/_lib/" in n])
        assert any(n.startswith("iro/_lib/libiro.so.") for n in names), names
        assert "iro/py.typed" in names, names
        venv = tmp / "venv"
        made = subprocess.run([python, "-m", "venv", "--system-site-packages", str(venv)], capture_output=True,
                              text=True)
        if made.returncode != 0:
            print(f"SKIP: python3 -m venv failed (install python3-venv): {made.stderr.strip()[-300:]}")
            return SKIP
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "IRO_LIBRARY", "LD_LIBRARY_PATH",
                                                                  "LD_PRELOAD", "PYTHONHOME")}
        env["PIP_NO_INDEX"] = "1"
        vpython = str(venv / "bin" / "python")
        pip = subprocess.run([vpython, "-m", "pip", "install", "--no-index", "--no-deps", str(wheel)],
                             capture_output=True, text=True, env=env)
        print(pip.stdout[-600:], pip.stderr[-600:], sep="")
        if pip.returncode != 0:
            if "No module named pip" in pip.stderr:
                print("SKIP: the venv has no pip (install python3-pip)")
                return SKIP
            return 1
        work = tmp / "analyst"
        work.mkdir()
        run = subprocess.run([vpython, str(ROOT / "tests/python/analyst_script.py")], capture_output=True,
                             text=True, env=env, cwd=work)
        print(run.stdout, run.stderr, sep="")
        if run.returncode != 0:
            return 1
        site = str(venv.resolve())
        lines = {line.split(" ", 1)[0]: line.split(" ", 1)[1] for line in run.stdout.splitlines() if " " in line}
        loaded = lines.get("loaded:", "").split()
        problems = []
        if not lines.get("iro", "").split(" from ")[-1].startswith(site):
            problems.append("iro was not imported from the venv")
        if not Path(lines.get("libiro", "")).resolve().as_posix().startswith(site):
            problems.append("libiro was not loaded from the wheel")
        outside = [p for p in loaded if not Path(p).resolve().as_posix().startswith(site)]
        if outside:
            problems.append(f"libraries loaded from outside the venv: {outside}")
        if problems:
            print("FAIL:", "; ".join(problems))
            return 1
        print("wheel installed and used: ok")
        return 0


if __name__ == "__main__":
    sys.exit(main())
