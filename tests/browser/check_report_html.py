#!/usr/bin/env python3
"""Renders the demo annual report in headless Chromium and checks that its charts drew.

usage: check_report_html.py IRO_TOOL WORK_DIR [--html FILE]

Writes WORK_DIR/report.html with `iro report --demo --format html`, then asks Chromium for the DOM after
rendering (--dump-dom) and for a screenshot (WORK_DIR/report.png, left there to look at). Passes when the
rendered page has its title and the six SVG charts with their bars (and the caseload chart's band), and
the screenshot is not blank: enough non-white pixels, pixels in the bar colour the page's CSS sets in six
separate places down the page (one per chart), and pixels in the band colour.
Exits 77 (ctest: skipped) only when Chromium is not installed; any other failure exits 1.
--html FILE checks a given page instead of generating one (to prove the check fails on a broken page).
IRO_CHROMIUM=PATH uses that browser instead of `chromium` on PATH (a path that is not executable: skipped).
Standard library only (no PyPI here): the PNG is decoded with zlib and struct.
"""
import os
import pathlib
import re
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import zlib

TIMEOUT = 120  # seconds, for every program this script starts
WIDTH = 1280
HEIGHTS = (4000, 8000, 16000)  # the window grows until the page ends above its bottom edge
BAR = (0x1D, 0x5F, 0x8A)  # .bar{fill:#1d5f8a} in report_html() (src/report/report.cpp)
BAND = (0xCD, 0xE8, 0xC6)  # .band{fill:#cde8c6}
CHARTS = 6
# Chromium must not inherit the sanitizer runtime that the ASan build's tests preload.
SANITIZER_VARIABLES = ("LD_PRELOAD", "ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS",
                       "MSAN_OPTIONS")


def fail(message):
    print("FAILED: " + message, flush=True)
    sys.exit(1)


def chromium():
    override = os.environ.get("IRO_CHROMIUM")
    if override is not None:
        return override if os.path.isfile(override) and os.access(override, os.X_OK) else None
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


def run(command, env=None, what=None):
    """stdout of command, run in its own process group, all of which is killed on a timeout."""
    what = what or os.path.basename(command[0])
    try:
        proc = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, start_new_session=True)
    except OSError as e:
        fail(f"cannot start {what} ({command[0]}): {e}")
    try:
        out, err = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        out, err = None, b""
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # the whole group: Chromium leaves helpers behind
        except ProcessLookupError:
            pass
    if out is None:
        try:
            proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        fail(f"{what} did not finish within {TIMEOUT} s and was killed: {' '.join(command)}")
    if proc.returncode != 0:
        fail(f"{what} exited {proc.returncode}: {' '.join(command)}\n{err.decode(errors='replace')[-3000:]}")
    return out


def run_chromium(binary, args):
    env = {k: v for k, v in os.environ.items() if k not in SANITIZER_VARIABLES}
    with tempfile.TemporaryDirectory(prefix="iro-chromium-", ignore_cleanup_errors=True) as profile:
        command = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                   "--disable-background-networking", "--disable-component-update", "--disable-sync",
                   "--hide-scrollbars", "--user-data-dir=" + profile] + args
        return run(command, env=env, what="chromium").decode("utf-8", errors="replace")


def read_png(path):
    """(width, height, channels, rows) of an 8-bit RGB or RGBA PNG; each row is a bytearray."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(f"{path} is not a PNG")
    pos, idat, header = 8, [], None
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body[:13])
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    if header is None or not idat:
        fail(f"{path}: a PNG without IHDR or IDAT")
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace != 0:
        fail(f"{path}: PNG depth {depth}, colour type {colour}, interlace {interlace} is not 8-bit RGB(A)")
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    if len(raw) != height * (stride + 1):
        fail(f"{path}: {len(raw)} bytes of image data, not {height * (stride + 1)}")
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:  # Sub
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 255
        elif kind == 2:  # Up
            line = bytearray((x + b) & 255 for x, b in zip(line, previous))
        elif kind == 3:  # Average
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((a + previous[i]) >> 1)) & 255
        elif kind == 4:  # Paeth
            for i in range(stride):
                if i >= channels:
                    a, c = line[i - channels], previous[i - channels]
                else:
                    a = c = 0
                b = previous[i]
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        elif kind != 0:
            fail(f"{path}: row {y} has PNG filter type {kind}")
        rows.append(line)
        previous = line
    return width, height, channels, rows


def near(pixel, colour, tolerance=8):
    return all(abs(pixel[i] - colour[i]) <= tolerance for i in range(3))


def analyse(rows, channels):
    """(non-white pixels, bar-colour pixels, band-colour pixels, rows with bar colour, last row with ink)."""
    ink = bars = band = 0
    bar_rows, last = [], -1
    for y, row in enumerate(rows):
        row_ink = row_bars = 0
        for pixel in zip(row[0::channels], row[1::channels], row[2::channels]):
            if pixel != (255, 255, 255):
                row_ink += 1
                if near(pixel, BAR):
                    row_bars += 1
                elif near(pixel, BAND):
                    band += 1
        ink += row_ink
        bars += row_bars
        if row_ink:
            last = y
        if row_bars:
            bar_rows.append(y)
    return ink, bars, band, bar_rows, last


def clusters(ys, gap=20):
    """Runs of row numbers no more than gap apart: the vertical extents of the painted charts."""
    runs = []
    for y in ys:
        if runs and y - runs[-1][1] <= gap:
            runs[-1][1] = y
        else:
            runs.append([y, y])
    return runs


def check_dom(dom):
    title = re.search(r"<title>(.*?)</title>", dom, re.S)
    if not title or "IRO annual report" not in title.group(1):
        fail("the rendered page has no <title> with \"IRO annual report\"")
    charts = re.findall(r"<svg\b[^>]*\bclass=\"chart\".*?</svg>", dom, re.S)
    if len(charts) != CHARTS:
        fail(f"the rendered page has {len(charts)} SVG charts (<svg class=\"chart\">), not {CHARTS}")
    for n, chart in enumerate(charts, 1):
        if not re.search(r"<rect\b[^>]*\bclass=\"(bar|band)\"", chart):
            fail(f"chart {n} of {CHARTS} has no <rect class=\"bar\"> (nor the band)")
    if not re.search(r"<rect\b[^>]*\bclass=\"band\"", dom):
        fail("no chart has the shaded band (<rect class=\"band\">) of the caseload chart")
    bars = sum(len(re.findall(r"<rect\b[^>]*\bclass=\"bar\"", chart)) for chart in charts)
    print(f"DOM: title \"{title.group(1).strip()}\", {len(charts)} charts, {bars} bars")


def main():
    args = sys.argv[1:]
    html = None
    if "--html" in args:
        i = args.index("--html")
        if i + 1 >= len(args):
            fail("--html needs a file\n" + __doc__)
        html = os.path.abspath(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2:
        fail("wrong arguments\n" + __doc__)
    tool, work = args
    binary = chromium()
    if binary is None:
        print("SKIPPED: chromium is not installed (scripts/setup installs Debian's chromium); "
              "the browser check did not run", flush=True)
        sys.exit(77)
    os.makedirs(work, exist_ok=True)
    if html is None:
        html = os.path.abspath(os.path.join(work, "report.html"))
        run([tool, "report", "--demo", "--format", "html", "--out", html], what="iro report")
    if not os.path.isfile(html):
        fail(f"no page to check at {html}")
    url = pathlib.Path(html).as_uri()
    print(f"checking {url} in {binary}", flush=True)

    check_dom(run_chromium(binary, ["--dump-dom", url]))

    png = os.path.join(work, "report.png")
    for height in HEIGHTS:
        if os.path.exists(png):
            os.remove(png)
        run_chromium(binary, [f"--window-size={WIDTH},{height}", "--screenshot=" + png, url])
        if not os.path.exists(png):
            fail(f"chromium wrote no screenshot to {png}")
        width, height, channels, rows = read_png(png)
        ink, bars, band, bar_rows, last = analyse(rows, channels)
        if last < height - 40:
            break  # the page ended inside the window: the screenshot holds all of it
    else:
        fail(f"the page is taller than {HEIGHTS[-1]} px; the screenshot {png} does not hold all of it")
    pixels = width * height
    painted = clusters(bar_rows)
    print(f"screenshot {png}: {width}x{height}, page {last + 1} px tall, "
          f"{100.0 * ink / pixels:.1f}% not white, {bars} pixels in the bar colour in {len(painted)} charts "
          f"(rows {', '.join(f'{a}-{b}' for a, b in painted)}), {band} in the band colour", flush=True)
    if ink < pixels * 0.02:
        fail(f"the screenshot {png} is (nearly) blank")
    if bars < 2000:
        fail(f"the screenshot {png} has almost no pixels in the bar colour #1d5f8a: the charts did not paint")
    if len(painted) < CHARTS:
        fail(f"bars painted in {len(painted)} places down the page, not {CHARTS}: some charts did not paint")
    if band < 1000:
        fail(f"the screenshot {png} has almost no pixels in the band colour #cde8c6: the band did not paint")
    print(f"PASSED: the report rendered in Chromium with its {CHARTS} charts; screenshot at {png}")


if __name__ == "__main__":
    main()
