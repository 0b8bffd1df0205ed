#!/usr/bin/env bash
# Builds and runs every test project; ends with one line "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"
scripts/prerequisites.sh || exit 1

log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet build OrleansPlans.sln -c Release 2>&1 | tail -n 3
build=${PIPESTATUS[0]}
if [ "$build" -ne 0 ]; then
  dotnet build OrleansPlans.sln -c Release 2>&1 | grep -E "error" | sort -u | head -n 30
  echo "0 passed, 1 failed, 0 skipped"
  exit "$build"
fi

# One test project at a time: several start Orleans clusters, Kafka mock clusters and PostgreSQL servers,
# which would starve each other on a small machine.
dotnet test OrleansPlans.sln -c Release --no-build -m:1 "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

sum() { grep -oE "$1: +[0-9]+" "$log" | awk '{s += $2} END {print s + 0}'; }
passed=$(sum Passed)
failed=$(sum Failed)
skipped=$(sum Skipped)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the runner failed without reporting a test failure (crash, timeout): never report green
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
