#!/usr/bin/env bash
# Installs what the page's end-to-end test drives: Debian's Chromium and playwright-core.
# Idempotent; quiet when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian's chromium for the browser test…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "chromium is missing: install it (apt-get install chromium) to run the browser test" >&2
    exit 1
  fi
fi
if [ ! -d tests/e2e/node_modules/playwright-core ]; then
  (cd tests/e2e && npm ci --silent --no-audit --no-fund)
fi
