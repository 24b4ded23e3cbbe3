# Sourced by bench/run.sh and bench/profile.sh.
# wait_until_idle PID SECONDS: waits until the process uses under a twentieth of a core for a second,
# at most SECONDS seconds (the app's start-up work runs in the background after its first healthy answer).
wait_until_idle() {
  local pid=$1 limit=$2 ticks_per_s a0 a1
  ticks_per_s=$(getconf CLK_TCK)
  for _ in $(seq 1 "$limit"); do
    a0=$(awk '{print $14 + $15}' "/proc/$pid/stat"); sleep 1; a1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    awk -v d=$((a1 - a0)) -v t="$ticks_per_s" 'BEGIN {exit !(d / t < 0.05)}' && return 0
  done
  return 0 # still busy after SECONDS: go on, as the figures record
}
