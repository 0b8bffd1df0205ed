#!/usr/bin/env bash
# Runs the main job on its embedded defaults (see README). Extra arguments go to the host, e.g. --Demo:ExitWhenDone=true
#
# ./run.sh --silos N [host arguments]: N host processes on this machine, one pipeline (README, "Several silos"). The
# first owns the dev broker and the embedded PostgreSQL and runs the sink and the demo; the others join it
# (--Dev:Join=true) with their own ports: silo 11111+i, gateway 30000+i, HTTP 8080+i for silo i+1. One operator key
# for all. Logs in .data/silos/; Ctrl+C (or the first silo ending, e.g. with --Demo:ExitWhenDone=true) stops them all.
set -euo pipefail
cd "$(dirname "$0")"

silos=1
if [[ "${1:-}" == "--silos" ]]; then
  silos="${2:-}"
  shift 2 || true
fi
if ! [[ "$silos" =~ ^[1-9]$ ]]; then
  echo "run.sh: --silos takes a number from 1 to 9, got '$silos'" >&2
  exit 2
fi

scripts/prerequisites.sh
if (( silos == 1 )); then
  exec dotnet run --project src/OrleansPlans.Host -c Release -- "$@"
fi

dotnet build src/OrleansPlans.Host -c Release --nologo -v quiet
host_dll=src/OrleansPlans.Host/bin/Release/net10.0/OrleansPlans.Host.dll
logs=.data/silos
mkdir -p "$logs"

# One key for every silo (the environment, not the command line, so it does not show in ps).
if [[ -z "${Api__OperatorKeys__0:-}" ]]; then
  export Api__OperatorKeys__0="dev-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
fi
echo "Operator API key for this dev run, valid on every silo (header X-Api-Key): $Api__OperatorKeys__0"

# Each silo in its own process group, so Ctrl+C reaches only this script, which then stops the joined silos while the
# first one's broker and database still answer, and the first one last.
set -m
pids=()
stop_one() {
  local pid=$1
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  # A joined silo whose broker and database went away with the first one cannot leave the cluster cleanly.
  echo "run.sh: silo process $pid did not stop within 30 s; killing it" >&2
  kill -KILL "$pid" 2>/dev/null || true
}
stop_all() {
  trap - EXIT INT TERM
  for (( k = ${#pids[@]} - 1; k >= 0; k-- )); do
    stop_one "${pids[$k]}"
  done
}
trap stop_all EXIT INT TERM

# Waits (at most 5 minutes) until silo $1 printed its ready line, failing if its process ended first.
wait_ready() {
  local number=$1 pid=$2 log=$3
  for _ in $(seq 1 600); do
    if grep -q "OrleansPlans silo ready" "$log"; then
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "run.sh: silo $number ended before it was ready; see $log" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "run.sh: silo $number not ready after 5 minutes; see $log" >&2
  exit 1
}

# The first silo: everything the single run does, its output on the terminal as well.
: > "$logs/silo-1.log"
dotnet "$host_dll" "$@" > >(tee -a "$logs/silo-1.log") 2>&1 &
pids+=($!)
wait_ready 1 "${pids[0]}" "$logs/silo-1.log"

for (( i = 1; i < silos; i++ )); do
  number=$((i + 1))
  : > "$logs/silo-$number.log"
  dotnet "$host_dll" --Dev:Join=true --Orleans:SiloPort=$((11111 + i)) --Orleans:GatewayPort=$((30000 + i)) \
    --Urls=http://127.0.0.1:$((8080 + i)) "$@" > "$logs/silo-$number.log" 2>&1 &
  pids+=($!)
  wait_ready "$number" "${pids[$i]}" "$logs/silo-$number.log"
  echo "Silo $number ready: dashboard http://127.0.0.1:$((8080 + i))/ (log $logs/silo-$number.log)"
done

echo "$silos silos running; Ctrl+C stops them all."
# Whichever silo ends first (Ctrl+C, a crash, the demo's ExitWhenDone) ends the run.
set +e
wait -n "${pids[@]}"
status=$?
stop_all
exit "$status"
