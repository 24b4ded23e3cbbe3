#!/usr/bin/env bash
# The load benchmark (bench/README.md): builds Release, generates a bank of N questions, times the
# import and the start-up, then drives the app on 127.0.0.1 with wrk and writes the results.
#
#   bench/run.sh                  full run: N=10,000, 12 s per run, 1, 16 and 64 connections;
#                                 writes bench/results/latest.json and the table in docs/performance.md
#   bench/run.sh --smoke          N=200, 2 s per scenario, 16 connections; fails unless every
#                                 scenario answered without errors (no timing assertions)
#
#   bench/run.sh --provider postgres   the same on PostgreSQL: a throwaway cluster (tests/postgres.sh) for the run;
#                                 writes bench/results/latest-postgres.json and its own table in docs/performance.md
#   bench/run.sh --provider postgres --instances 2   the same against two app instances on that database behind
#                                 Debian's nginx (as deploy/nginx/interviewprep.conf sets it up, on plain HTTP);
#                                 writes bench/results/latest-postgres-2.json and its own table
#
# Options: --count N, --duration SECONDS, --connections "1 16 64", --seed S, --port P, --provider sqlite|postgres,
#          --instances N (PostgreSQL only; app CPU and peak memory are then the instances' sums),
#          --log-level LEVEL (the app's Serilog level, default Warning), --no-build,
#          --quiet-wait SECONDS (before each timed step, wait up to this long for other processes to
#          use less than a quarter of a core; default 30, 0 in smoke mode).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$root/bench/.work

smoke=0
count=10000
duration=12
connections="1 16 64"
seed=20261125
port=""
log_level=Warning
build=1
quiet_wait=30
provider=sqlite
instances=1
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) smoke=1; count=200; duration=2; connections="16"; quiet_wait=0 ;;
    --count) count=$2; shift ;;
    --duration) duration=$2; shift ;;
    --connections) connections=$2; shift ;;
    --seed) seed=$2; shift ;;
    --port) port=$2; shift ;;
    --log-level) log_level=$2; shift ;;
    --quiet-wait) quiet_wait=$2; shift ;;
    --no-build) build=0 ;;
    --provider) provider=$2; shift ;;
    --instances) instances=$2; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
mode=full
[ "$smoke" -eq 1 ] && mode=smoke
case "$provider" in
  sqlite) suffix="" ;;
  postgres) suffix="-postgres" ;;
  *) echo "unknown provider: $provider (sqlite or postgres)" >&2; exit 2 ;;
esac
[ "$instances" -gt 1 ] && suffix="$suffix-$instances"
if [ "$instances" -gt 1 ] && [ "$provider" != postgres ]; then
  echo "--instances needs --provider postgres: instances share one database only on a server" >&2; exit 2
fi
pg_dir=""
nginx_dir=""
# The further instances, beyond the first (server_pid), when --instances is more than 1.
more_pids=()

server_pid=""
finished=0
step="starting"
stop_one() {
  if [ -n "$1" ] && kill -0 "$1" 2>/dev/null; then
    kill "$1" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$1" 2>/dev/null || true
  fi
}
stop_server() {
  if [ -n "$nginx_dir" ] && [ -f "$nginx_dir/nginx.pid" ]; then
    stop_one "$(cat "$nginx_dir/nginx.pid")"
  fi
  for pid in "${more_pids[@]+"${more_pids[@]}"}"; do stop_one "$pid"; done
  more_pids=()
  stop_one "$server_pid"
  server_pid=""
}
on_exit() {
  local status=$?
  stop_server
  if [ -n "$pg_dir" ]; then
    tests/postgres.sh stop "$pg_dir" || true
  fi
  if [ "$finished" -ne 1 ]; then
    [ "$status" -eq 0 ] && status=1
    echo "bench $mode: FAILED while $step (exit $status)"
  fi
  exit "$status"
}
trap on_exit EXIT
trap 'exit 130' INT TERM

# Requests a wrk run sent, from its JSON summary (those it counted; add one in flight per connection).
sent() { sed 's/.*"requests":\([0-9]*\).*/\1/' "$1"; }
ms_now() { echo $(( $(date +%s%N) / 1000000 )); }
ticks_per_s=$(getconf CLK_TCK)
. bench/idle.sh
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
# Time the hypervisor gave this virtual machine's cores to others ("steal"): a run with more of it
# had less of the machine, however quiet the machine itself was.
steal_ticks() { awk '/^cpu / {print $9}' /proc/stat; }
# Runs a timed step: records <key>_ms (wall time) and <key>_others_cores (the CPU that other
# processes used meanwhile, in cores), so a slow figure can be told apart from a busy machine.
timed() {
  local key=$1 log=$2 started machine_before cpu status=0
  shift 2
  started=$(ms_now); machine_before=$(machine_ticks)
  TIMEFORMAT='%3U %3S'
  { time "$@" > "$log" 2>&1 ; } 2> "$log.time" || status=$?
  local wall=$(( $(ms_now) - started )) machine=$(( $(machine_ticks) - machine_before ))
  cpu=$(awk '{printf "%.3f", $1 + $2}' "$log.time")
  record "${key}_ms" "$wall"
  record "${key}_others_cores" "$(awk -v m="$machine" -v t="$ticks_per_s" -v c="$cpu" -v w="$wall" 'BEGIN {o = (m / t - c) / (w / 1000); printf "%.2f", (o < 0 ? 0 : o)}')"
  return "$status"
}
in_publish() ( cd "$publish" && "$@" )
# The app's CPU time in clock ticks, all its instances (0 while it is not running).
app_ticks() {
  if [ -z "$server_pid" ]; then echo 0; return; fi
  local total=0 pid
  for pid in "$server_pid" "${more_pids[@]+"${more_pids[@]}"}"; do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}
# The peak resident memory in KB since the last reset, summed over the instances.
app_peak_kb() {
  local total=0 pid
  for pid in "$server_pid" "${more_pids[@]+"${more_pids[@]}"}"; do
    total=$((total + $(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")))
  done
  echo "$total"
}
# Other work on the machine (builds, tests) skews the figures: before each run, wait a bounded
# time for it to calm down; whatever remains is recorded with the run as "other load".
wait_for_quiet() {
  waited=0
  while :; do
    local m0 a0 m1 a1
    m0=$(machine_ticks); a0=$(app_ticks); sleep 2; m1=$(machine_ticks); a1=$(app_ticks)
    others_before=$(awk -v m=$((m1 - m0)) -v a=$((a1 - a0)) -v t="$ticks_per_s" 'BEGIN {printf "%.2f", (m - a) / t / 2}')
    awk -v b="$others_before" 'BEGIN {exit !(b < 0.25)}' && return 0
    [ "$waited" -ge "$quiet_wait" ] && return 0
    sleep 3
    waited=$((waited + 5))
  done
}
settle() { others_before=0; waited=0; if [ "$quiet_wait" -gt 0 ]; then wait_for_quiet; fi; }
say() { echo "== $*"; }

# --- tools -------------------------------------------------------------------------------------
step="installing wrk and curl"
missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null 2>&1 || { echo "needs ${missing[*]} and there is no apt-get: install them by hand" >&2; exit 1; }
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  say "installing ${missing[*]} with apt-get"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
publish=$work/publish
tool=$work/tool/InterviewPrep.Bench.dll
app=$publish/InterviewPrep.Web.dll

# --- build -------------------------------------------------------------------------------------
if [ "$build" -eq 1 ] || [ ! -f "$app" ] || [ ! -f "$tool" ]; then
  step="building (dotnet publish -c Release, ReadyToRun)"
  say "building the app (Release) and the bench tool"
  # Published as a deployment would be: ReadyToRun, so that start-up and the import command do not wait for the JIT.
  dotnet publish src/InterviewPrep.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$publish" -nologo -v quiet
  dotnet build bench/InterviewPrep.Bench -c Release -o "$work/tool" -nologo -v quiet
fi

# --- the bank ----------------------------------------------------------------------------------
step="generating $count questions"
bank=$work/bank-$count
say "generating $count questions (seed $seed)"
dotnet "$tool" generate --count "$count" --seed "$seed" --out "$bank" \
  --categories content/categories --guides content/guides
content=$bank/content
# shellcheck disable=SC1091
. "$bank/manifest.txt"

run=$work/run-$mode$suffix
data=$work/data-$mode$suffix
rm -rf "$run" "$data" "$work/data-check"
mkdir -p "$run"
meta=$run/meta.txt
: > "$meta"
record() { echo "$1=$2" >> "$meta"; }

# The benchmark registers many users from one address: the per-address sign-in limit is lifted for it.
app_args=(--Content:Directory="$content" --Serilog:MinimumLevel:Default="$log_level" --RateLimiting:SignInPerMinute=1000000)
# Where the grading loop reads the review log back from.
log_args=(--database "$data/interviewprep.db")
if [ "$provider" = postgres ]; then
  step="starting PostgreSQL"
  say "starting a throwaway PostgreSQL cluster"
  pg_dir=$(mktemp -d)
  admin=$(tests/postgres.sh start "$pg_dir" durable)
  pg_port=$(echo "$admin" | sed 's/.*Port=\([0-9]*\).*/\1/')
  psql -h 127.0.0.1 -p "$pg_port" -U postgres -q -c "CREATE DATABASE bench" >/dev/null
  connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=bench"
  app_args+=(--Database:Provider=Postgres "--ConnectionStrings:Default=$connection")
  log_args=(--postgres "$connection")
  record postgres "$(psql -h 127.0.0.1 -p "$pg_port" -U postgres -Atc 'SHOW server_version')"
fi

if [ "$smoke" -eq 0 ]; then
  step="checking the generated bank (import --check)"
  say "import --check"
  settle
  if ! timed import_check "$run/check.log" in_publish dotnet "$app" import --check "${app_args[@]}" --Storage:DataDirectory="$work/data-check"; then
    tail -20 "$run/check.log"
    echo "the importer rejected the generated bank" >&2
    exit 1
  fi
  tail -1 "$run/check.log"
fi

step="timing the cold import"
say "cold import of $count questions into a fresh data folder"
# The import exits 1 on any problem, so a bank the importer rejects stops the run here (smoke too).
settle
if ! timed cold_import "$run/import-cold.log" in_publish dotnet "$app" import "${app_args[@]}" --Storage:DataDirectory="$data"; then
  tail -20 "$run/import-cold.log"
  echo "the import of the generated bank failed" >&2
  exit 1
fi
tail -2 "$run/import-cold.log"
# The import command ends with the most memory it held (VmHWM).
import_peak=$(sed -n 's/^Peak memory: \([0-9]*\) KB$/\1/p' "$run/import-cold.log" | tail -1)
[ -n "$import_peak" ] && record cold_import_peak_kb "$import_peak"

if [ "$smoke" -eq 0 ]; then
  step="timing the unchanged re-import"
  say "re-import, nothing changed"
  settle
  timed reimport "$run/import-again.log" in_publish dotnet "$app" import "${app_args[@]}" --Storage:DataDirectory="$data"
  tail -2 "$run/import-again.log"
fi

# --- the server --------------------------------------------------------------------------------
step="starting the app"
if [ -z "$port" ]; then
  port=5391
  while curl -s -o /dev/null -m 1 "http://127.0.0.1:$port/" && [ "$port" -lt 5420 ]; do port=$((port + 1)); done
fi
base=http://127.0.0.1:$port
say "starting the app on $base (bank already imported)"
settle
started=$(ms_now)
start_machine=$(machine_ticks)
cd "$publish"
dotnet "$app" --urls "$base" "${app_args[@]}" --Storage:DataDirectory="$data" > "$run/server.log" 2>&1 &
server_pid=$!
cd "$root"
healthy=0
for _ in $(seq 1 1200); do   # at most 120 s
  if [ "$(curl -s -m 1 "$base/healthz" 2>/dev/null)" = "Healthy" ]; then healthy=1; break; fi
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
if [ "$healthy" -ne 1 ]; then
  tail -20 "$run/server.log"
  echo "the app did not answer /healthz within 120 s" >&2
  exit 1
fi
record start_to_healthy_ms $(( $(ms_now) - started ))
if [ "$instances" -gt 1 ]; then
  # The further instances on the next ports, each with its own data folder, then nginx in front of them all.
  step="starting the other instances and nginx"
  upstreams="    server 127.0.0.1:$port max_fails=2 fail_timeout=10s;"
  for i in $(seq 2 "$instances"); do
    more_port=$((port + i - 1))
    cd "$publish"
    dotnet "$app" --urls "http://127.0.0.1:$more_port" "${app_args[@]}" --Storage:DataDirectory="$data-$i" > "$run/server-$i.log" 2>&1 &
    more_pids+=($!)
    cd "$root"
    for _ in $(seq 1 1200); do
      [ "$(curl -s -m 1 "http://127.0.0.1:$more_port/healthz/ready" 2>/dev/null)" = "Healthy" ] && break
      sleep 0.1
    done
    upstreams="$upstreams
    server 127.0.0.1:$more_port max_fails=2 fail_timeout=10s;"
  done
  nginx_dir=$(mktemp -d)
  nginx_port=$((port + instances))
  # The upstream and proxy settings of deploy/nginx/interviewprep.conf, on plain HTTP (wrk's TLS would measure wrk).
  cat > "$nginx_dir/nginx.conf" <<NGINX
$( [ "$(id -u)" -eq 0 ] && echo "user root;" || true )
pid $nginx_dir/nginx.pid;
error_log $nginx_dir/error.log warn;
worker_processes auto;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $nginx_dir/body;
    proxy_temp_path $nginx_dir/proxy;
    fastcgi_temp_path $nginx_dir/fastcgi;
    uwsgi_temp_path $nginx_dir/uwsgi;
    scgi_temp_path $nginx_dir/scgi;
    upstream interviewprep {
$upstreams
        keepalive 32;
    }
    server {
        listen 127.0.0.1:$nginx_port;
        client_max_body_size 64m;
        location / {
            proxy_pass http://interviewprep;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_next_upstream error timeout http_502 http_503;
            proxy_next_upstream_tries 2;
        }
    }
}
NGINX
  /usr/sbin/nginx -p "$nginx_dir/" -e "$nginx_dir/error.log" -c "$nginx_dir/nginx.conf"
  base=http://127.0.0.1:$nginx_port
  for _ in $(seq 1 100); do [ "$(curl -s -m 1 "$base/healthz/ready" 2>/dev/null)" = "Healthy" ] && break; sleep 0.1; done
  record instances "$instances"
  echo "$instances instances behind nginx on $base"
fi
record start_to_healthy_others_cores "$(awk -v m=$(( $(machine_ticks) - start_machine )) -v a="$(awk '{print $14 + $15}' "/proc/$server_pid/stat")" \
  -v t="$ticks_per_s" -v w=$(( $(ms_now) - started )) 'BEGIN {o = ((m - a) / t) / (w / 1000); printf "%.2f", (o < 0 ? 0 : o)}')"
record startup_peak_kb "$(awk '/^VmHWM/ {print $2}' "/proc/$server_pid/status")"
echo "healthy after $(( $(ms_now) - started )) ms"
# After start-up the app may still be working in the background (the start-up import, when the renderer's
# version changed). Wait until it is idle (under a twentieth of a core for a second; at most 120 s), so that
# this work does not run under the first scenarios, and record how long after the first healthy answer that
# was (in 1 s steps).
step="waiting for the app's start-up work"
idle_from=$(ms_now)
for pid in "$server_pid" "${more_pids[@]+"${more_pids[@]}"}"; do wait_until_idle "$pid" 120; done
record startup_work_ms $(( $(ms_now) - idle_from ))
echo "idle $(( $(ms_now) - idle_from )) ms later"

# --- the scenarios -----------------------------------------------------------------------------
# One line each: name|label|what to request|options. What to request is one path, or @file with
# one path a line (from the generated bank's urls/), taken in order by bench/wrk/rotate.lua: each
# run of a scenario goes on where the last stopped, so a long list is never asked twice (the app
# caches anonymous pages; the "each asked once" scenarios measure the pages themselves).
# Options (comma-separated): signed-in sends a session cookie (see sign_in below).
scenarios=(
  "baseline|Static file of a question page's size (baseline)|/bench-baseline.html"
  "question|Question page, anonymous: 200 pages in rotation|@question.txt"
  "question-all|Question page, anonymous: all $count pages in turn, each asked once|@question-all.txt"
  "list|Question list, page 1|/questions"
  "list-deep|Question list, page $deep_page of $list_pages|/questions?page=$deep_page"
  "category|Category page ($category, $category_count questions)|/categories/$category"
  "search|Search: distinct queries of common and rare words, each asked once|@search-many.txt"
  "search-popular|Search: $(wc -l < "$bank/urls/search.txt") popular queries in rotation|@search.txt"
  "dashboard|Dashboard (home page), signed in|/|signed-in"
  "review|Flashcard review page (all 10,000-card deck), signed in|/flashcards/review?deck=all|signed-in"
  # Not wrk: each grade posts the card and antiforgery token of the page read before it (Grading.cs).
  "grade|Grading a card: read the review page, post a grade through its form; one user per connection|/flashcards/review?deck=all|signed-in,grade"
)

# Registers a benchmark user through the real forms (once) and prints the Cookie header wrk sends.
sign_in() {
  if [ ! -s "$run/wrk-user.txt" ]; then
    dotnet "$tool" users --base "$base" --count 1 --prefix "wrk" --out "$run/wrk-user.txt" >&2
  fi
  head -1 "$run/wrk-user.txt"
}

# Runs the grading loop for one timed step: $1 connections (one fresh user each), $2 seconds, $3 JSON out.
grade_users=0
grade() {
  local users="$run/grade-users-$grade_users.txt"
  grade_users=$((grade_users + 1))
  dotnet "$tool" users --base "$base" --count "$1" --prefix "grade-$grade_users" --out "$users"
  GRADE_ARGS=(grade --base "$base" --users "$users" --duration "$2" --out "$3" "${log_args[@]}")
}

step="preparing the baseline file"
# The baseline is a static file as large as an average question page, served by the same process.
total=0
sampled=0
while read -r path; do
  size=$(curl -s -o /dev/null -w '%{size_download}' "$base$path")
  total=$((total + size)); sampled=$((sampled + 1))
  [ "$sampled" -ge 20 ] && break
done < "$bank/urls/question.txt"
baseline_bytes=$((total / sampled))
prefix='<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Baseline</title></head><body><p>'
{ printf '%s' "$prefix"; head -c $((baseline_bytes - ${#prefix})) /dev/zero | tr '\0' 'x'; } > "$publish/wwwroot/bench-baseline.html"
record baseline_bytes "$baseline_bytes"

step="checking every scenario answers"
say "checking that every path of every scenario answers 200"
: > "$run/results.jsonl"
: > "$run/response-bytes.txt"
names=()
for line in "${scenarios[@]}"; do
  IFS='|' read -r name label target options <<< "$line"
  names+=("$name")
  if [ "${target:0:1}" = "@" ]; then
    cp "$bank/urls/${target:1}" "$run/$name.paths"
  else
    echo "$target" > "$run/$name.paths"
  fi
  headers=()
  if [[ ",${options:-}," == *",signed-in,"* ]]; then
    headers=(-H "$(sign_in)")
  fi
  printf '%s\n' "${headers[@]+"${headers[@]}"}" > "$run/$name.headers"
  # A 404 or 500 here means a wrong scenario line or a broken page: stop before measuring.
  # Long lists are checked on their first 50 paths; the measurement starts after those.
  bytes=0
  paths=0
  while read -r path; do
    [ "$paths" -ge 50 ] && break
    code_size=$(curl -s -o /dev/null -m 30 -w '%{http_code} %{size_download}' "${headers[@]+"${headers[@]}"}" "$base$path")
    if [ "${code_size%% *}" != 200 ]; then
      echo "scenario $name: $path answered ${code_size%% *}" >&2
      exit 1
    fi
    bytes=$((bytes + ${code_size##* })); paths=$((paths + 1))
  done < "$run/$name.paths"
  echo "$name $((bytes / paths))" >> "$run/response-bytes.txt"
  echo "$paths" > "$run/$name.offset"
done

wrk_timeout=10
record wrk_timeout_s "$wrk_timeout"
record quiet_wait_s "$quiet_wait"
record loadavg_before "$(cut -d' ' -f1-3 /proc/loadavg)"

say "measuring: ${#names[@]} scenarios x connections {$connections} x ${duration}s"
for line in "${scenarios[@]}"; do
  IFS='|' read -r name label target options <<< "$line"
  mapfile -t headers < "$run/$name.headers"
  [ "${#headers[0]}" -eq 0 ] && headers=()
  offset=$(cat "$run/$name.offset")
  list_size=$(wc -l < "$run/$name.paths")
  grading=0
  [[ ",${options:-}," == *",grade,"* ]] && grading=1
  # Warm the JIT and the caches for this scenario (the smoke run has no timings to protect).
  if [ "$smoke" -eq 0 ]; then
    step="warming up $name"
    if [ "$grading" -eq 1 ]; then
      grade 16 3 "$run/$name.warmup.json" > /dev/null
      timeout 60 dotnet "$tool" "${GRADE_ARGS[@]}" > /dev/null
    else
      BENCH_PATHS="$run/$name.paths" BENCH_OUT="$run/$name.warmup.json" BENCH_OFFSET="$offset" BENCH_THREADS=2 timeout 60 \
        wrk -t2 -c16 -d3s --timeout "${wrk_timeout}s" -s bench/wrk/rotate.lua "${headers[@]+"${headers[@]}"}" "$base" > /dev/null
      offset=$((offset + $(sent "$run/$name.warmup.json") + 16))
    fi
  fi
  for c in $connections; do
    step="measuring $name at $c connections"
    threads=2
    [ "$c" -lt 2 ] && threads=1
    # Users are registered before the timed step (a registration hashes a password on purpose).
    [ "$grading" -eq 1 ] && grade "$c" "$duration" "$run/$name-c$c.json" > /dev/null
    settle
    # Reset the peak resident size, so that VmHWM afterwards is this run's peak (Linux 4.0 and later).
    for pid in "$server_pid" "${more_pids[@]+"${more_pids[@]}"}"; do echo 5 > "/proc/$pid/clear_refs" 2>/dev/null || true; done
    machine_before=$(machine_ticks); app_before=$(app_ticks); steal_before=$(steal_ticks); wall_before=$(ms_now)
    TIMEFORMAT='%3U %3S'
    first_index=$offset
    if [ "$grading" -eq 1 ]; then
      # The loop checks the review log itself; a grade missing from it fails the step (and the smoke run).
      { time timeout $((duration + 60)) dotnet "$tool" "${GRADE_ARGS[@]}" > "$run/$name-c$c.txt" 2>&1 ; } 2> "$run/$name-c$c.time" || true
      grep -q '^grades:' "$run/$name-c$c.txt" || { cat "$run/$name-c$c.txt"; echo "the grading loop failed" >&2; exit 1; }
    else
      { time BENCH_PATHS="$run/$name.paths" BENCH_OUT="$run/$name-c$c.json" BENCH_OFFSET="$offset" BENCH_THREADS="$threads" timeout $((duration + 60)) \
        wrk -t"$threads" -c"$c" -d"${duration}s" --timeout "${wrk_timeout}s" --latency -s bench/wrk/rotate.lua \
        "${headers[@]+"${headers[@]}"}" "$base" > "$run/$name-c$c.txt" 2>&1 ; } 2> "$run/$name-c$c.time"
    fi
    wall_ms=$(( $(ms_now) - wall_before ))
    offset=$((offset + $(sent "$run/$name-c$c.json") + c))
    kill -0 "$server_pid" 2>/dev/null || { tail -20 "$run/server.log"; echo "the app died during $name" >&2; exit 1; }
    machine_cpu=$(( $(machine_ticks) - machine_before )); app_cpu=$(( $(app_ticks) - app_before )); steal=$(( $(steal_ticks) - steal_before ))
    wrk_cpu=$(awk '{printf "%.3f", $1 + $2}' "$run/$name-c$c.time")
    peak_kb=$(app_peak_kb)
    printf '{"scenario":"%s","label":"%s","connections":%d,"threads":%d,"duration_s":%d,"peak_kb":%d,"wall_s":%s,"app_cpu_s":%s,"wrk_cpu_s":%s,"machine_cpu_s":%s,"steal_s":%s,"loadavg":"%s","others_before_cores":%s,"waited_s":%d,"paths":%d,"first_index":%d,"wrk":%s}\n' \
      "$name" "$label" "$c" "$threads" "$duration" "$peak_kb" \
      "$(awk -v v="$wall_ms" 'BEGIN {printf "%.3f", v / 1000}')" \
      "$(awk -v v="$app_cpu" -v t="$ticks_per_s" 'BEGIN {printf "%.2f", v / t}')" "$wrk_cpu" \
      "$(awk -v v="$machine_cpu" -v t="$ticks_per_s" 'BEGIN {printf "%.2f", v / t}')" \
      "$(awk -v v="$steal" -v t="$ticks_per_s" 'BEGIN {printf "%.2f", v / t}')" \
      "$(cut -d' ' -f1 /proc/loadavg)" "$others_before" "$waited" "$list_size" "$first_index" "$(cat "$run/$name-c$c.json")" >> "$run/results.jsonl"
    printf '  %-14s c=%-3s %s\n' "$name" "$c" "$(grep -E '^(Requests/sec|grades:)' "$run/$name-c$c.txt" | tr -s ' ')"
  done
done
record end_peak_kb_unreset "$(app_peak_kb)"
stop_server

# --- results -----------------------------------------------------------------------------------
step="writing the results"
record mode "$mode"
record date "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
record questions "$count"
record seed "$seed"
record duration_s "$duration"
record connections "$connections"
record log_level "$log_level"
record cores "$(nproc)"
record memory_kb "$(awk '/^MemTotal/ {print $2}' /proc/meminfo)"
record cpu "$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
record os "$( (. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME") || uname -s)"
record kernel "$(uname -r)"
record dotnet "$(dotnet --version)"
record wrk "$(wrk -v 2>&1 | head -1 | awk '{print $2}')"
record commit "$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
record provider "$provider"

if [ "$smoke" -eq 1 ]; then
  if dotnet "$tool" report --run "$run" --json "bench/results/smoke$suffix.json" --smoke; then
    finished=1
    echo "bench smoke: passed (${#names[@]} scenarios answered with no errors on $provider; N=$count)"
  else
    finished=1
    echo "bench smoke: FAILED (a scenario had errors; see the table above)"
    exit 1
  fi
else
  dotnet "$tool" report --run "$run" --json "bench/results/latest$suffix.json" --markdown docs/performance.md --section "bench:results$suffix"
  finished=1
  echo "bench: done; results in bench/results/latest$suffix.json and docs/performance.md"
fi
