#!/usr/bin/env bash
# Runs every test project and ends with one line: "N passed, N failed".
# On Debian it first installs Chromium for the browser tests when it is missing (as root, or with sudo).
set -uo pipefail
cd "$(dirname "$0")"

results=tests/TestResults
rm -rf "$results"
mkdir -p "$results"

if [ -z "${INTERVIEWPREP_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "Installing Debian's chromium for the browser tests..."
    $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null \
      || echo "Could not install chromium; the browser tests will fail." >&2
  else
    echo "No chromium and no apt-get: set INTERVIEWPREP_CHROMIUM to a Chromium binary." >&2
  fi
fi

# The content check runs the bank's python blocks with Debian's python3 and NumPy.
if [ -z "${INTERVIEWPREP_PYTHON:-}" ] && ! /usr/bin/python3 -c 'import numpy' >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "Installing Debian's python3-numpy for the content check..."
    $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-numpy >/dev/null \
      || echo "Could not install python3-numpy; the content check of the bank's code will fail." >&2
  else
    echo "No python3 with NumPy and no apt-get: set INTERVIEWPREP_PYTHON to a python3 that has NumPy." >&2
  fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if ! dotnet build InterviewPrep.sln -c Release -nologo -v quiet; then
  echo "The build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

status=0
for project in tests/InterviewPrep.Tests tests/InterviewPrep.BrowserTests; do
  name=$(basename "$project")
  echo "== $name"
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" || status=1
done

# The load benchmark in smoke mode, so that it never rots: every scenario must answer without errors.
echo "== bench smoke"
bench_passed=0
bench_failed=0
if bench/run.sh --smoke > "$results/bench-smoke.log" 2>&1; then
  bench_passed=1
else
  bench_failed=1
  status=1
fi
tail -n 1 "$results/bench-smoke.log"

passed=$bench_passed
failed=$bench_failed
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
# A project that crashed before writing its results still fails the run.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
