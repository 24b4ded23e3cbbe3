#!/usr/bin/env bash
# Where the CPU goes in one anonymous scenario of the load benchmark (bench/README.md, "Profiling"):
# runs the app from the last build of bench/run.sh on a copy of its data, drives one scenario with wrk at
# 64 connections, samples the app with Linux perf, and prints the hottest functions, by their own time and
# with what they call.
#
#   bench/profile.sh search           distinct searches (also: question-all, question, list, category, search-popular)
#
# Options: --seconds S (sampled, default 10), --top N (lines of each list, default 40), --port P.
# Needs a full bench/run.sh first (its build, bank and data in bench/.work/), wrk, and perf (installed with
# apt-get as linux-perf when missing). The app runs with the JIT's perf map on, write-xor-execute off and
# ReadyToRun off, so that every managed frame has a name: its code is jitted, as a long-running process's
# hot code is after tiering anyway.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$PWD/bench/.work
scenario=""
seconds=10
top=40
port=5388
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift ;;
    --top) top=$2; shift ;;
    --port) port=$2; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    -*) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    *) scenario=$1 ;;
  esac
  shift
done
case "$scenario" in
  search) paths=search-many.txt ;;
  search-popular) paths=search.txt ;;
  question) paths=question.txt ;;
  question-all) paths=question-all.txt ;;
  list) paths=- ; path=/questions ;;
  category) paths=- ; path=/categories/theory ;;
  *) echo "name a scenario: search, search-popular, question, question-all, list or category (see --help)" >&2; exit 2 ;;
esac

bank=$(ls -d "$work"/bank-* 2>/dev/null | head -1 || true)
if [ ! -f "$work/publish/InterviewPrep.Web.dll" ] || [ -z "$bank" ] || [ ! -d "$work/data-full" ]; then
  echo "run bench/run.sh first: this uses its build, bank and data in bench/.work/" >&2
  exit 1
fi
missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v perf >/dev/null 2>&1 || missing+=(linux-perf)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

out=$work/profile-$scenario
rm -rf "$out" && mkdir -p "$out"
cp -r "$work/data-full" "$out/data"
if [ "$paths" = "-" ]; then echo "$path" > "$out/paths.txt"; else cp "$bank/urls/$paths" "$out/paths.txt"; fi

server_pid=""
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null || true' EXIT
base=http://127.0.0.1:$port
(cd "$work/publish" && exec env DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 DOTNET_ReadyToRun=0 \
  dotnet InterviewPrep.Web.dll --urls "$base" --Content:Directory="$bank/content" --Storage:DataDirectory="$out/data" \
  --Serilog:MinimumLevel:Default=Warning > "$out/server.log" 2>&1) &
server_pid=$!
for _ in $(seq 1 150); do curl -fs "$base/healthz" 2>/dev/null | grep -q Healthy && break; sleep 0.2; done
# The app answers while its start-up work runs in the background: the import (all of it when the renderer's
# version has changed since bench/run.sh made the data). Sampled then, the profile would show that work.
echo "== waiting for the app's start-up work (the import of the bank)"
. bench/idle.sh
wait_until_idle "$server_pid" 300

load() { # offset, connections, seconds
  BENCH_PATHS=$out/paths.txt BENCH_OFFSET=$1 BENCH_THREADS=2 BENCH_OUT=$out/wrk-$1.json \
    wrk -t2 -c"$2" -d"$3"s -s bench/wrk/rotate.lua "$base" > /dev/null
}
echo "== warming up (10 s), then sampling $seconds s of $scenario at 64 connections"
load 100000 16 10
load 0 64 $((seconds + 3)) &
load_pid=$!
sleep 1
perf record -F 999 -g -p "$server_pid" -o "$out/perf.data" -- sleep "$seconds" > /dev/null 2>&1
wait "$load_pid"

report() { perf report -i "$out/perf.data" --sort "$1" --stdio -g none "${@:2}" 2>/dev/null | grep -v '^#' | grep -v '^$'; }
echo "== where the samples fell"
report dso --no-children | head -8
echo "== by own time"
report symbol --no-children | head -"$top" | cut -c1-200
echo "== with what they call (frames of the request pipeline left out)"
report symbol --children | grep -vE 'AsyncMethodBuilderCore|ExecutionContext|ThreadPool|AsyncStateMachineBox|StartHelper|start_thread|StartCallback|Middleware|ResourceInvoker|PageActionInvoker|ProcessRequests|0x0000' \
  | head -"$top" | cut -c1-200
echo "== perf data: $out/perf.data (perf report -i $out/perf.data)"
