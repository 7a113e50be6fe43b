import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
// The SARIF 2.1.0 schema (rtm.5, the version of the OASIS standard), as Microsoft's SARIF SDK ships it: draft-04.
import sarifSchema from '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';

const repo = join(__dirname, '..');
const bin = join(repo, 'bin', 'samenspel.js');

function run(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'nl_NL.UTF-8', NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// unicodeRegExp off: one pattern in the schema (toolComponent.language) is not valid with the u flag.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(sarifSchema);

function assertValid(log: unknown): void {
  const ok = validate(log);
  assert.ok(ok, `SARIF schema errors: ${JSON.stringify(validate.errors?.slice(0, 5), null, 1)}`);
}

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Region } }>;
  fixes?: Array<{ description: { text: string }; artifactChanges: Array<{ replacements: Array<{ deletedRegion: Region; insertedContent: { text: string } }> }> }>;
  properties: { lesson: { id: string; quote: string; attribution: string } };
}
interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; rules: Array<Record<string, unknown> & { id: string; help: { text: string; markdown: string }; helpUri: string; defaultConfiguration: { level: string } }> } };
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ level: string; message: { text: string } }> }>;
    originalUriBaseIds: Record<string, { uri: string }>;
    columnKind: string;
    results: SarifResult[];
  }>;
}
interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  lesson: { quote: { text: string; attribution: string } };
  fixes: Array<{ title: string; edits: Array<{ range: JsonFinding['range']; newText: string }> }>;
}

/** The text a SARIF region covers, read with SARIF's own rules: lines and UTF-16 columns from 1, end exclusive. */
function regionText(text: string, r: Region): string {
  const lines = text.split('\n');
  const offset = (line: number, column: number): number => lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
  return text.slice(offset(r.startLine, r.startColumn), offset(r.endLine, r.endColumn));
}

describe('samenspel check --format sarif', () => {
  it('writes valid SARIF 2.1.0 with the rules, their lessons and every finding of the JSON format', () => {
    const r = run(['check', 'examples', '--format', 'sarif'], repo);
    assert.equal(r.code, 0, r.stderr);
    const log = JSON.parse(r.stdout) as SarifLog;
    assertValid(log);
    assert.equal(log.version, '2.1.0');
    const [sarifRun] = log.runs;
    assert.equal(sarifRun.tool.driver.name, 'Samenspel');
    assert.equal(sarifRun.columnKind, 'utf16CodeUnits');
    assert.equal(sarifRun.originalUriBaseIds['%SRCROOT%'].uri, pathToFileURL(`${repo}/`).href);

    const rules = sarifRun.tool.driver.rules;
    assert.deepEqual(rules.map((x) => x.id), ['missing-stakeholder', 'vague-ambition', 'unstated-contribution', 'unfilled-placeholder']);
    for (const rule of rules) {
      for (const key of ['name', 'shortDescription', 'fullDescription', 'help', 'helpUri', 'defaultConfiguration']) assert.ok(rule[key], `${rule.id} has ${key}`);
      // The help is what GitHub shows beside an alert: the lesson with its quotes and the publication.
      assert.match(rule.help.markdown, /les \d: .*\n[\s\S]*> „[\s\S]*Berenschot/);
      assert.match(rule.help.text, /„.+” — /);
      const doc = new URL(rule.helpUri);
      assert.equal(doc.protocol, 'file:');
      assert.match(readFileSync(doc, 'utf8'), new RegExp(`^# ${rule.id}\\n`), 'helpUri opens the rule page');
    }
    assert.equal(rules.find((x) => x.id === 'unfilled-placeholder')!.defaultConfiguration.level, 'note');

    const json = JSON.parse(run(['check', 'examples', '--format', 'json'], repo).stdout) as { files: Array<{ path: string; findings: JsonFinding[] }> };
    const expected = json.files.flatMap((f) => f.findings.map((finding) => ({ path: f.path, finding })));
    assert.ok(expected.length > 5);
    assert.equal(sarifRun.results.length, expected.length);
    sarifRun.results.forEach((result, i) => {
      const { path, finding } = expected[i];
      assert.equal(result.ruleId, finding.ruleId);
      assert.equal(rules[result.ruleIndex].id, finding.ruleId);
      assert.equal(result.level, finding.severity === 'warning' ? 'warning' : finding.severity === 'error' ? 'error' : 'note');
      assert.ok(result.message.text.startsWith(finding.message));
      assert.ok(result.message.text.includes(`„${finding.lesson.quote.text}” — ${finding.lesson.quote.attribution}`), 'the lesson quote with its attribution');
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      assert.deepEqual(artifactLocation, { uri: path, uriBaseId: '%SRCROOT%' });
      const { start, end } = finding.range;
      assert.deepEqual(region, { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 });
      assert.equal(result.fixes?.length ?? 0, finding.fixes.length);
    });
  });

  it('counts columns in UTF-16 code units from 1, and its fixes change the same text as the editor fixes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samenspel-sarif-'));
    // An emoji (two UTF-16 code units) and an accented letter before the placeholder on its line; a name with a space.
    const text = [
      '---',
      'type: convenant',
      '---',
      '# Convenant kindcentrum',
      '',
      '## Partijen',
      '',
      '- Gemeente Rivierstad',
      '- Stichting Primair Onderwijs Rivierland',
      '',
      '## Bijdragen',
      '',
      '- 🎉 Café-overleg: de gemeente betaalt [bedrag] per jaar.',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'mijn convenant.md'), text);
    const r = run(['check', '.', '--format', 'sarif'], dir);
    const log = JSON.parse(r.stdout) as SarifLog;
    assertValid(log);
    const placeholder = log.runs[0].results.find((x) => x.ruleId === 'unfilled-placeholder');
    assert.ok(placeholder, JSON.stringify(log.runs[0].results.map((x) => x.ruleId)));
    const { artifactLocation, region } = placeholder.locations[0].physicalLocation;
    assert.equal(artifactLocation.uri, 'mijn%20convenant.md');
    assert.equal(region.startLine, 13);
    assert.equal(regionText(text, region), '[bedrag]');
    assert.equal(region.startColumn, '- 🎉 Café-overleg: de gemeente betaalt '.length + 1);

    // Every fix, applied by SARIF's regions, gives what the JSON format's LSP ranges give.
    const json = JSON.parse(run(['check', '.', '--format', 'json'], dir).stdout) as { files: Array<{ findings: JsonFinding[] }> };
    const findings = json.files[0].findings;
    assert.ok(findings.some((f) => f.fixes.length));
    findings.forEach((finding, i) => {
      finding.fixes.forEach((fix, j) => {
        const change = log.runs[0].results[i].fixes![j];
        assert.equal(change.description.text, fix.title);
        const [replacement] = change.artifactChanges[0].replacements;
        const [edit] = fix.edits;
        assert.equal(replacement.insertedContent.text, edit.newText);
        const lines = text.split('\n');
        const lspOffset = (p: { line: number; character: number }): number => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
        assert.equal(regionText(text, replacement.deletedRegion), text.slice(lspOffset(edit.range.start), lspOffset(edit.range.end)));
      });
    });
  });

  it('reports an unreadable file as a tool notification and stays valid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samenspel-sarif-'));
    copyFileSync(join(repo, 'examples', 'lea-2027-2030.md'), join(dir, 'lea.md'));
    writeFileSync(join(dir, 'binary.md'), Buffer.from([0, 1, 2, 3]));
    const r = run(['check', '.', '--format', 'sarif'], dir);
    assert.equal(r.code, 2);
    const log = JSON.parse(r.stdout) as SarifLog;
    assertValid(log);
    const [invocation] = log.runs[0].invocations;
    assert.equal(invocation.executionSuccessful, false);
    assert.equal(invocation.toolExecutionNotifications.length, 1);
    assert.match(invocation.toolExecutionNotifications[0].message.text, /^binary\.md: binair/);
    assert.ok(log.runs[0].results.length > 0, 'the readable file is still reported');
  });

  it('fails validation when a required property is missing (the schema check can fail)', () => {
    const log = JSON.parse(run(['check', 'examples/lea-2027-2030.md', '--format', 'sarif'], repo).stdout) as SarifLog;
    delete (log.runs[0].tool.driver as Partial<SarifLog['runs'][0]['tool']['driver']>).name;
    assert.equal(validate(log), false);
  });
});
