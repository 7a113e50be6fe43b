/**
 * Over stdio, stdout is the JSON-RPC channel: nothing else may print there. The server imports this module first, so
 * that from the first line any other module runs, console output goes to stderr. Once connected, transport.ts sends
 * log, info, debug, warn and error to the client's log instead, while it can be reached.
 */
import { Console } from 'node:console';

export const stderrConsole = new Console({ stdout: process.stderr, stderr: process.stderr });

/** Every console method (log, dir, table, count, time …) writes to stderr. */
export function consoleToStderr(): void {
  const methods = console as unknown as Record<string, unknown>;
  for (const [name, method] of Object.entries(stderrConsole)) if (typeof method === 'function') methods[name] = method.bind(stderrConsole);
}

if (process.argv.includes('--stdio')) consoleToStderr();
