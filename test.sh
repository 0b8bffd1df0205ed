#!/usr/bin/env bash
# Builds and runs every test project; ends with one line "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"
scripts/prerequisites.sh || exit 1

log=$(mktemp)
results=$(mktemp -d)
trap 'rm -rf "$log" "$results"' EXIT
dotnet build OrleansPlans.sln -c Release 2>&1 | tail -n 3
build=${PIPESTATUS[0]}
if [ "$build" -ne 0 ]; then
  dotnet build OrleansPlans.sln -c Release 2>&1 | grep -E "error" | sort -u | head -n 30
  echo "0 passed, 1 failed, 0 skipped"
  exit "$build"
fi

# One test project at a time: several start Orleans clusters, Kafka mock clusters and PostgreSQL servers,
# which would starve each other on a small machine.
# The TRX files name every test with its outcome: how the notes below tell "all skipped" from "some ran".
dotnet test OrleansPlans.sln -c Release --no-build -m:1 --logger "trx" --results-directory "$results" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

sum() { grep -oE "$1: +[0-9]+" "$log" | awk '{s += $2} END {print s + 0}'; }
passed=$(sum Passed)
failed=$(sum Failed)
skipped=$(sum Skipped)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the runner failed without reporting a test failure (crash, timeout): never report green
fi
# Tests needing what this machine may lack skip themselves; a run where all of a kind skipped says so, not just a count.
results_of() { cat "$results"/*.trx 2>/dev/null | grep -oE "<UnitTestResult [^>]*testName=\"[^\"]*$1[^>]*" ; }
note_if_all_skipped() {
  local total skipped
  total=$(results_of "$1" | wc -l)
  skipped=$(results_of "$1" | grep -c 'outcome="NotExecuted"')
  if [ "$total" -gt 0 ] && [ "$skipped" -eq "$total" ]; then
    echo "note: all $total $2 tests skipped ($3)"
  fi
}
note_if_all_skipped "\.RealKafkaTests\." "real-Kafka" "set ORLEANSPLANS_KAFKA_BOOTSTRAP to a Kafka cluster's bootstrap address"
note_if_all_skipped "\.DashboardBrowserTests\." "browser" "install Chromium: scripts/prerequisites.sh, or set ORLEANSPLANS_CHROMIUM"
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
