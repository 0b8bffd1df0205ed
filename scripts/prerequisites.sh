#!/usr/bin/env bash
# Installs what OrleansPlans needs and a fresh machine may lack. Idempotent; quiet when all is present.
set -euo pipefail

need_apt=()
if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required (https://dot.net); this script cannot download it." >&2
  exit 1
fi
# PostgreSQL server binaries (initdb, pg_ctl, postgres): the tests and the main job start private clusters.
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  need_apt+=(postgresql)
fi
# Chromium (Debian's package): the dashboard's browser test drives it headless through Playwright (no browser download).
# Wanted, not required: without it only the browser tests skip (saying why), so a failed install must not stop the run.
want_apt=()
if [ ! -x /usr/bin/chromium ] && [ -z "${ORLEANSPLANS_CHROMIUM:-}" ]; then
  want_apt+=(chromium)
fi
if [ ${#need_apt[@]} -gt 0 ] || [ ${#want_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
    echo "Please install: ${need_apt[*]} ${want_apt[*]} (apt-get install -y ${need_apt[*]} ${want_apt[*]})" >&2
    [ ${#need_apt[@]} -gt 0 ] && exit 1
  else
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq || true
    if [ ${#need_apt[@]} -gt 0 ]; then
      echo "Installing ${need_apt[*]} ..."
      DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need_apt[@]}" >/dev/null
    fi
    if [ ${#want_apt[@]} -gt 0 ]; then
      echo "Installing ${want_apt[*]} ..."
      DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${want_apt[@]}" >/dev/null \
        || echo "warning: could not install ${want_apt[*]}; the dashboard's browser tests will be skipped" >&2
    fi
  fi
fi
