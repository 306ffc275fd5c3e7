#!/usr/bin/env bash
# Installs what the page's end-to-end test drives, from Debian: Chromium, and Node.js with npm for
# playwright-core (pinned in tests/e2e/package.json to a release that runs on Debian 12's
# Node.js 18). Idempotent; quiet when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium chromium-driver)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian's ${missing[*]} for the browser test…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "the browser test needs ${missing[*]}: apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi
# playwright-core as pinned (an older copy left in node_modules is replaced)
want=$(node -p 'require("./tests/e2e/package.json").dependencies["playwright-core"]')
have=$(node -p 'try { require("./tests/e2e/node_modules/playwright-core/package.json").version } catch { "" }')
if [ "$want" != "$have" ]; then
  (cd tests/e2e && npm ci --silent --no-audit --no-fund)
fi
