#!/usr/bin/env bash
# Renders a StanceBench report.html in headless Chromium and saves a full-page PNG, to check by eye
# that every chart shows in a real browser. Installs nothing: it uses /usr/bin/chromium (Debian's
# `chromium` package; `apt-get install -y chromium`) or $CHROMIUM.
#
# Usage: reports/scripts/screenshot.sh [REPORT_HTML] [OUT_PNG] [HEIGHT]
#   REPORT_HTML  default out/reproduce/report.html
#   OUT_PNG      default: beside the report, report.png
#   HEIGHT       window height in pixels, default 10000 (the page is cut below it; nine classifiers with
#                benchmarks need about 8500)
# Exits 0 when the PNG was written and is non-trivial, 1 otherwise, 2 when Chromium is missing.
set -euo pipefail
report="${1:-out/reproduce/report.html}"
out="${2:-$(dirname "$report")/report.png}"
height="${3:-10000}"
browser="${CHROMIUM:-/usr/bin/chromium}"

if [ ! -x "$browser" ]; then
    echo "screenshot: $browser not found; install Debian's chromium package (apt-get install -y chromium) or set CHROMIUM" >&2
    exit 2
fi
if [ ! -f "$report" ]; then
    echo "screenshot: $report: no such file (run ./stancebench reproduce --quick first)" >&2
    exit 1
fi
report_abs="$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
out_abs="$(mkdir -p "$(dirname "$out")" && cd "$(dirname "$out")" && pwd)/$(basename "$out")"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
rm -f "$out_abs"

# Every network-facing feature is off: the page is a local file and must need nothing else.
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$profile" --window-size=1280,"$height" \
    --screenshot="$out_abs" "file://$report_abs" >"$profile/chromium.log" 2>&1 || {
    echo "screenshot: chromium failed:" >&2
    tail -n 20 "$profile/chromium.log" >&2
    exit 1
}

if [ ! -s "$out_abs" ]; then
    echo "screenshot: no PNG written to $out_abs" >&2
    exit 1
fi
# A PNG starts with \x89PNG; a blank page compresses to a few kilobytes, a page of charts does not.
magic="$(head -c 4 "$out_abs" | od -An -c | tr -d ' ')"
size="$(stat -c %s "$out_abs")"
if [ "$magic" != '211PNG' ] || [ "$size" -lt 50000 ]; then
    echo "screenshot: $out_abs looks wrong (magic '$magic', $size bytes): expected a PNG of at least 50 kB" >&2
    exit 1
fi
echo "screenshot: wrote $out_abs ($size bytes) from $report_abs"
