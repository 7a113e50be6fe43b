import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { analyze, lesson, RULES } from '../server/src/engine';

describe('rule metadata: docs are tests', () => {
  for (const rule of RULES) {
    describe(rule.id, () => {
      it('cites a lesson that exists and documents itself in Dutch and English', () => {
        assert.ok(lesson(rule.lesson));
        for (const id of rule.seeAlso) assert.ok(lesson(id));
        for (const text of [rule.docs.summary, rule.docs.details, rule.docs.why]) assert.ok(text.nl.length > 20 && text.en.length > 20);
        assert.ok(rule.docs.examples.some((e) => e.reports) && rule.docs.examples.some((e) => !e.reports), 'shows a failing and a passing example');
      });
      for (const example of rule.docs.examples) {
        it(`example "${example.title.nl}" ${example.reports ? 'reports' : 'passes'}`, () => {
          const findings = analyze(example.markdown).findings;
          assert.equal(findings.some((f) => f.ruleId === rule.id), example.reports);
          assert.deepEqual(findings.filter((f) => f.ruleId !== rule.id).map((f) => f.message), [], 'no other rule reports on it');
        });
      }
    });
  }

  it('generated docs, README rule list and package.json settings are up to date', () => {
    execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'scripts', 'generate.ts'), '--check'], { stdio: 'pipe' });
  });
});
