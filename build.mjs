// Bundles client, server and CLI to CommonJS: the unified family is ESM-only, VS Code loads CommonJS.
import { build } from 'esbuild';

// Minified: the server starts in every editor session, and a smaller bundle parses faster (cold start).
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, minify: true, keepNames: true, logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js' }),
]);
