#!/usr/bin/env bash
# Installs what the benchmark (python -m benchmarks.run) measures with: Debian's wrk, the HTTP
# load generator (without it the benchmark falls back to a much slower Python client and says
# so), and GNU time, which reports the loaders' peak memory. Idempotent; quiet when both are there.
set -euo pipefail
missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
[ -x /usr/bin/time ] || missing+=(time)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian's ${missing[*]} for the benchmark…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "the benchmark needs ${missing[*]}: apt-get install ${missing[*]}" >&2
  exit 1
fi
