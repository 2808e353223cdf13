#!/usr/bin/env python3
"""Renders the demo annual report in headless Chromium and checks that its charts drew.

usage: check_report_html.py IRO_TOOL WORK_DIR [--html FILE]

Writes WORK_DIR/report.html with `iro report --demo --format html`, then asks Chromium for the DOM after
rendering (--dump-dom) and for a screenshot (WORK_DIR/report.png). Passes when the rendered page holds the
five SVG charts with their bars and the screenshot is not blank: enough non-white pixels, and pixels in
the bar colour the page's CSS sets. Exits 77 (ctest: skipped) only when Chromium is not installed.
--html FILE checks a given page instead of generating one (to prove the check fails on a broken page).
"""
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

TIMEOUT = 120
BAR = (0x1D, 0x5F, 0x8A)  # .bar{fill:#1d5f8a} in report_html()


def fail(message):
    print("FAILED: " + message)
    sys.exit(1)


def chromium():
    override = os.environ.get("IRO_CHROMIUM")
    if override is not None:
        return override if os.access(override, os.X_OK) else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


def run_chromium(binary, args):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LD_PRELOAD", "ASAN_", "UBSAN_", "LSAN_"))}
    with tempfile.TemporaryDirectory(prefix="iro-chromium-") as profile:
        command = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                   "--disable-background-networking", "--disable-component-update", "--disable-sync",
                   "--disable-quic", "--hide-scrollbars", "--user-data-dir=" + profile] + args
        try:
            done = subprocess.run(command, env=env, capture_output=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            fail(f"chromium did not finish within {TIMEOUT} s: {' '.join(command)}")
    if done.returncode != 0:
        fail(f"chromium exited {done.returncode}: {done.stderr.decode(errors='replace')[-2000:]}")
    return done.stdout.decode("utf-8", errors="replace")


def read_png(path):
    """(width, height, rows of (r, g, b)) of an 8-bit RGB or RGBA PNG, decoded with zlib."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(f"{path} is not a PNG")
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            if depth != 8 or colour not in (2, 6):
                fail(f"{path}: PNG depth {depth} colour type {colour} is not 8-bit RGB(A)")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = previous[i]
            c = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[x * channels:x * channels + 3]) for x in range(width)])
        previous = line
    return width, height, rows


def main():
    args = sys.argv[1:]
    html = None
    if "--html" in args:
        i = args.index("--html")
        html = os.path.abspath(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2:
        fail(__doc__)
    tool, work = args
    binary = chromium()
    if binary is None:
        print("SKIPPED: chromium is not installed (scripts/setup installs Debian's chromium); the browser check did not run")
        sys.exit(77)
    os.makedirs(work, exist_ok=True)
    if html is None:
        html = os.path.abspath(os.path.join(work, "report.html"))
        made = subprocess.run([tool, "report", "--demo", "--format", "html", "--out", html],
                              capture_output=True, timeout=TIMEOUT)
        if made.returncode != 0:
            fail("iro report failed: " + made.stderr.decode(errors="replace"))
    url = "file://" + html
    dom = run_chromium(binary, ["--dump-dom", url])
    charts = re.findall(r"<svg class=\"chart\".*?</svg>", dom, re.S)
    if len(charts) != 5:
        fail(f"the rendered page has {len(charts)} SVG charts, not 5")
    for n, chart in enumerate(charts, 1):
        if not re.search(r"<rect class=\"bar\"", chart):
            fail(f"chart {n} has no bars")
    if "<rect class=\"band\"" not in dom:
        fail("the caseload chart has no shaded band")
    if "<title>IRO annual report" not in dom:
        fail("the page has no title")
    png = os.path.join(work, "report.png")
    if os.path.exists(png):
        os.remove(png)
    run_chromium(binary, ["--screenshot=" + png, "--window-size=1000,5200", url])
    if not os.path.exists(png):
        fail("chromium wrote no screenshot")
    width, height, rows = read_png(png)
    pixels = width * height
    ink = sum(1 for row in rows[::4] for p in row[::4] if p != (255, 255, 255)) * 16
    bars = sum(1 for row in rows for p in row if all(abs(p[i] - BAR[i]) <= 8 for i in range(3)))
    print(f"{png}: {width}x{height}, {100.0 * ink / pixels:.1f}% not white, {bars} pixels in the bar colour")
    if ink < pixels * 0.02:
        fail("the screenshot is (nearly) blank")
    if bars < 2000:
        fail("the screenshot has almost no pixels in the bar colour: the charts did not paint")
    print("the report rendered in Chromium with its 5 charts")


if __name__ == "__main__":
    main()
