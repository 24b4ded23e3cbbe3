-- wrk script for every scenario of bench/run.sh.
-- Sends GET requests to the paths listed in $BENCH_PATHS (one a line) and writes a one-line JSON
-- summary (requests, bytes, errors, latency percentiles in microseconds) to $BENCH_OUT.
-- The paths are taken in order from $BENCH_OFFSET on, thread k of $BENCH_THREADS taking every
-- k-th one, so that successive runs can continue where the last one stopped: with a list longer
-- than the requests of a whole scenario, no path is asked for twice (and no cached answer is
-- measured). A short list simply repeats.
-- Headers given to wrk with -H (a session cookie, later) are sent with every request.

local prepared = {}
local position = 0
local step = 1
local threads_made = 0

function setup(thread)
  threads_made = threads_made + 1
  thread:set("thread_number", threads_made)
end

function init(args)
  local file = os.getenv("BENCH_PATHS")
  for line in io.lines(file) do
    if line ~= "" then
      prepared[#prepared + 1] = wrk.format("GET", line)
    end
  end
  if #prepared == 0 then
    error("no request paths in " .. tostring(file))
  end
  step = tonumber(os.getenv("BENCH_THREADS") or "1")
  position = tonumber(os.getenv("BENCH_OFFSET") or "0") + (thread_number or 1) - 1
end

function request()
  local r = prepared[position % #prepared + 1]
  position = position + step
  return r
end

function done(summary, latency, requests)
  local e = summary.errors
  local out = assert(io.open(os.getenv("BENCH_OUT"), "w"))
  out:write(string.format(
    '{"requests":%d,"duration_us":%d,"bytes":%d,"errors_connect":%d,"errors_read":%d,"errors_write":%d,' ..
    '"errors_status":%d,"errors_timeout":%d,"latency_p50_us":%d,"latency_p90_us":%d,"latency_p99_us":%d,' ..
    '"latency_mean_us":%.1f,"latency_max_us":%d}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.mean, latency.max))
  out:close()
end
