/**
 * The extension in real VS Code: e2e/run.sh packages the .vsix, installs it into code-server and drives the workbench
 * with headless Chromium (e2e/ui-test.js). Runs only when the tools are installed (e2e/setup.sh, ~920 MB); otherwise
 * it is skipped with a message, so `npm test` stays fast and offline-friendly on machines without them.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const e2e = join(__dirname, '..', '..', 'e2e');

describe('real editor: VS Code (code-server + headless Chromium)', function () {
  it('shows squiggles, Problems rows, the lesson on hover, the quick-fix, live updates, the status bar, the scan and lesson page in the document language, read-only rule docs, a settings change, the outline, a suppression comment and fix all', function () {
    if (!existsSync(join(e2e, 'node_modules', '.bin', 'code-server'))) {
      console.log('      the VS Code test was NOT run: its tools are not installed (run e2e/setup.sh, ~4 min, ~920 MB)');
      this.skip();
    }
    this.timeout(300000);
    const t0 = Date.now();
    const r = spawnSync('bash', [join(e2e, 'run.sh')], { encoding: 'utf8', timeout: 280000 });
    const output = `${r.stdout ?? ''}${r.stderr ?? ''}`
      .split('\n')
      .filter((l) => !/^\s*\x1b\[2m/.test(l)) // playwright's dimmed call log
      .join('\n')
      .trim();
    const report = `${output}\n--- e2e/run.sh: exit ${r.status}${r.signal ? ` signal ${r.signal}` : ''}, ${Date.now() - t0} ms`;
    if (r.status !== 0) assert.fail(`VS Code end-to-end test failed:\n${report}`);
    console.log(report.split('\n').filter((l) => /^\[|^e2e:|^---/.test(l)).map((l) => `      ${l.slice(0, 160)}`).join('\n'));
  });
});
