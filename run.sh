#!/usr/bin/env bash
# Runs the main job on its embedded default (see README). Extra arguments go to the host, e.g. --Demo:ExitWhenDone=true
set -euo pipefail
cd "$(dirname "$0")"
scripts/prerequisites.sh
exec dotnet run --project src/OrleansPlans.Host -c Release -- "$@"
