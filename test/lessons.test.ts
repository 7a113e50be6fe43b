import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LESSONS, LESSON_SOURCE } from '../server/src/engine';

// The seed lives in the shared folder beside the repository (also in CI).
const seedPath = join(__dirname, '..', '..', 'shared', LESSON_SOURCE.file);

describe('lessons are quoted faithfully from the publication', () => {
  const seedLines = existsSync(seedPath) ? readFileSync(seedPath, 'utf8').split('\n') : null;
  const normalized = (from: number, to: number): string => seedLines!.slice(from - 1, to).join(' ').replace(/\s+/g, ' ').trim();

  it('has the publication beside the repository', () => assert.ok(seedLines, `seed not found at ${seedPath}`));

  it('has six success factors and eight municipalities', () => {
    assert.deepEqual(LESSONS.filter((l) => l.kind === 'factor').map((l) => l.factor), [1, 2, 3, 4, 5, 6]);
    assert.equal(new Set(LESSONS.filter((l) => l.kind === 'example').map((l) => l.municipality)).size, 8);
  });

  for (const lesson of LESSONS) {
    it(`${lesson.id}: every quote stands word for word at its line numbers`, () => {
      assert.ok(lesson.quotes.length >= 1 && lesson.quotes.length <= 3);
      if (lesson.kind === 'factor') assert.ok(normalized(lesson.lines[0], lesson.lines[1]).includes(lesson.title.nl), 'factor title printed in its range');
      for (const q of lesson.quotes) {
        assert.ok(normalized(q.lines[0], q.lines[1]).includes(q.text), `"${q.text.slice(0, 60)}…" at lines ${q.lines.join('–')}`);
        assert.ok(q.lines[0] >= lesson.lines[0] && q.lines[1] <= lesson.lines[1], 'quote lies inside its lesson');
      }
    });
  }
});
