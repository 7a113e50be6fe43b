import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const repo = join(__dirname, '..');
const dist = join(repo, 'dist');

/** Node's modules that open connections or resolve names. */
const NETWORK_MODULES = new Set(['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'undici']);
/** Browser-style network globals that Node also has. */
const NETWORK_GLOBALS = [/\bfetch\(/, /\bWebSocket\b/, /\bXMLHttpRequest\b/, /\bEventSource\b/, /\bsendBeacon\b/];

/**
 * The one exception, and why: vscode-jsonrpc (under vscode-languageserver and vscode-languageclient) offers the
 * `--pipe` and `--socket` transports besides stdio. They use `net` for a local named pipe or a socket on 127.0.0.1,
 * only when an editor starts the server that way; nothing connects elsewhere. The CLI has no `net` at all.
 */
const ALLOWED: Record<string, string[]> = { 'server.js': ['net'], 'client.js': ['net'] };

function networkUse(code: string): { modules: string[]; globals: string[] } {
  const modules = [...code.matchAll(/require\("(?:node:)?([a-z0-9_]+)(?:\/[a-z0-9_/]*)?"\)/g)].map((m) => m[1]).filter((m) => NETWORK_MODULES.has(m));
  return { modules: [...new Set(modules)].sort(), globals: NETWORK_GLOBALS.filter((re) => re.test(code)).map(String) };
}

describe('no network access and no telemetry', () => {
  const bundles = readdirSync(dist).filter((f) => f.endsWith('.js'));

  it('the scan finds network use where there is some', () => {
    assert.deepEqual(networkUse('var a=require("node:https"),b=require("dns/promises");fetch("x")'), { modules: ['dns', 'https'], globals: [String(NETWORK_GLOBALS[0])] });
  });

  it('no bundle uses a network API beyond the local LSP transports of vscode-jsonrpc', () => {
    assert.deepEqual(bundles.sort(), ['cli.js', 'client.js', 'server.js']);
    for (const bundle of bundles) {
      const code = readFileSync(join(dist, bundle), 'utf8');
      const { modules, globals } = networkUse(code);
      assert.deepEqual(modules, ALLOWED[bundle] ?? [], `${bundle}: network modules`);
      assert.deepEqual(globals, [], `${bundle}: network globals`);
      if (!modules.includes('net')) continue;
      // Where net is allowed: only the pipe/socket transport's calls, and a socket only on 127.0.0.1.
      const binding = /([A-Za-z_$][\w$]*)=require\("(?:node:)?net"\)/.exec(code)![1];
      const uses = [...code.matchAll(new RegExp(`\\(0,${binding.replace('$', '\\$')}\\.(\\w+)\\)\\(([^)]*)\\)`, 'g'))];
      assert.deepEqual([...new Set(uses.map((u) => u[1]))].sort(), ['createConnection', 'createServer'], bundle);
      for (const [, fn, args] of uses) if (fn === 'createConnection' && args.includes(',')) assert.match(args, /,"127\.0\.0\.1"$/, `${bundle}: ${fn}(${args})`);
      // A listen() whose argument is a callback (the JSON-RPC message reader's) opens nothing: only addresses count.
      const listens = [...code.matchAll(/\.listen\(([^)]*)\)/g)].map((m) => m[1]).filter((a) => a.includes('"') && !a.includes('=>'));
      for (const args of listens) assert.match(args, /"127\.0\.0\.1"/, `${bundle}: listen(${args})`);
    }
  });

  it('our own code sends no telemetry', () => {
    const sources = (dir: string): string[] => readdirSync(join(repo, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => join(repo, dir, f));
    for (const file of [...sources('server/src'), ...sources('client/src')]) assert.doesNotMatch(readFileSync(file, 'utf8'), /telemetry/i, file);
  });
});
