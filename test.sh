#!/usr/bin/env bash
# Runs every test project and ends with one line: "N passed, N failed".
# On Debian it first installs what the tests need when it is missing (as root, or with sudo): Chromium for the browser
# tests, python3-numpy for the content check, PostgreSQL, of which it starts a throwaway cluster for the run of the
# unit, HTTP and reliability tests on PostgreSQL, stopped on every way out, and nginx for the tests of several instances.
set -uo pipefail
cd "$(dirname "$0")"

pg_dir=""
stop_postgres() {
  if [ -n "$pg_dir" ]; then
    tests/postgres.sh stop "$pg_dir"
    pg_dir=""
  fi
}
trap stop_postgres EXIT
trap 'stop_postgres; exit 130' INT TERM

results=tests/TestResults
rm -rf "$results"
mkdir -p "$results"

# Installs a Debian package for the tests (as root, or with sudo); says what will fail when it cannot.
install_package() { # PACKAGE WHAT-FOR
  if command -v apt-get >/dev/null 2>&1; then
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "Installing Debian's $1 for $2..."
    $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$1" >/dev/null \
      || echo "Could not install $1; $2 will fail." >&2
  else
    echo "No apt-get to install $1: $2 will fail (see README.md for what the tests need)." >&2
  fi
}

# The browser tests drive Debian's Chromium (or the one INTERVIEWPREP_CHROMIUM names).
if [ -z "${INTERVIEWPREP_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  install_package chromium "the browser tests"
fi

# The content check runs the bank's python blocks with Debian's python3 and NumPy (or INTERVIEWPREP_PYTHON).
if [ -z "${INTERVIEWPREP_PYTHON:-}" ] && ! /usr/bin/python3 -c 'import numpy' >/dev/null 2>&1; then
  install_package python3-numpy "the content check of the bank's code"
fi

# The tests on PostgreSQL run against Debian's server (15 on bookworm), in a cluster of their own.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  install_package postgresql "the tests on PostgreSQL"
fi

# The tests of several instances behind a proxy run Debian's nginx as this user, from a folder of their own. The
# package would start a server on port 80 when installed; it is stopped again (the tests start their own).
if [ ! -x /usr/sbin/nginx ]; then
  install_package nginx "the tests through nginx"
  if [ -f /run/nginx.pid ]; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo /usr/sbin/nginx -s quit 2>/dev/null || true
  fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if ! dotnet build InterviewPrep.sln -c Release -nologo -v quiet; then
  echo "The build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

status=0
run_tests() { # NAME PROJECT [dotnet test arguments...]
  local name=$1 project=$2
  shift 2
  echo "== $name"
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" "$@" || status=1
}

run_tests InterviewPrep.Tests tests/InterviewPrep.Tests --filter "Provider!=Postgres"

# The same tests on PostgreSQL, but for those of what only SQLite has (its write queue, kept statements, file backups,
# upgrades of old files, and FTS5 as the search engine's reference); and those of what needs a PostgreSQL server
# (moving a SQLite instance onto one).
pg_dir=$(mktemp -d)
if admin=$(tests/postgres.sh start "$pg_dir"); then
  export INTERVIEWPREP_TEST_POSTGRES="$admin"
  run_tests InterviewPrep.Tests.Postgres tests/InterviewPrep.Tests --filter "Provider!=Sqlite"
  unset INTERVIEWPREP_TEST_POSTGRES
else
  echo "PostgreSQL could not be started: the tests on PostgreSQL did not run."
  status=1
fi
stop_postgres

run_tests InterviewPrep.BrowserTests tests/InterviewPrep.BrowserTests

# The load benchmark in smoke mode on both providers, so that it never rots: every scenario must answer without errors.
bench_passed=0
bench_failed=0
# The last: two instances on one PostgreSQL behind nginx (issue 21).
for setup in sqlite postgres postgres-2; do
  provider=${setup%-2}
  echo "== bench smoke ($setup)"
  extra=()
  [ "$setup" != sqlite ] && extra=(--no-build)
  [ "$setup" = postgres-2 ] && extra+=(--instances 2)
  if bench/run.sh --smoke --provider "$provider" "${extra[@]}" > "$results/bench-smoke-$setup.log" 2>&1; then
    bench_passed=$((bench_passed + 1))
  else
    bench_failed=$((bench_failed + 1))
    status=1
  fi
  tail -n 1 "$results/bench-smoke-$setup.log"
done

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
