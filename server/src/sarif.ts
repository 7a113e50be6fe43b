/**
 * `samenspel check --format sarif`: the findings as SARIF 2.1.0, the format GitHub code scanning and other CI tools
 * read. Each rule carries its documentation and lesson; each result its lesson quote, location and fixes.
 */
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { version } from '../../package.json';
import { LESSON_SOURCE, RULES, lesson, lessonMarkdown, type AnalysisResult, type Language, type Range, type Severity } from './engine';
import { lessonLabel } from './engine/lessons';

/** What SARIF needs of a file's report: the analysis, or why the file could not be read. */
export interface SarifInput {
  path: string;
  result?: AnalysisResult;
  error?: string;
}

/** SARIF has three levels for a result; hints and information are both notes. */
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

const SRCROOT = '%SRCROOT%';

/** "missing-stakeholder" → "MissingStakeholder": SARIF's rule name is an identifier, the id stays the kebab-case one. */
const ruleName = (id: string): string => id.replace(/(^|-)([a-z])/g, (_, _dash: string, c: string) => c.toUpperCase());

/** The rule's page, shipped beside the bundle (dist/../docs/rules) as for the editor's links. */
const ruleDocsUri = (id: string): string => pathToFileURL(join(__dirname, '..', 'docs', 'rules', `${id}.md`)).href;

function lessonText(id: string, lang: Language): string {
  const l = lesson(id);
  const quotes = l.quotes.map((q) => `„${q.text}” — ${q.attribution[lang]}`);
  return [lessonLabel(l, lang), l.advice[lang], ...(l.pitfall ? [l.pitfall[lang]] : []), ...quotes, `${LESSON_SOURCE.publisher}, ${LESSON_SOURCE.title} (${LESSON_SOURCE.year})`].join('\n\n');
}

function rules(lang: Language): object[] {
  return RULES.map((rule) => ({
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.docs.summary[lang] },
    fullDescription: { text: rule.docs.details[lang] },
    help: {
      text: `${rule.docs.why[lang]}\n\n${lessonText(rule.lesson, lang)}`,
      markdown: `${rule.docs.why[lang]}\n\n${lessonMarkdown(rule.lesson, lang)}`,
    },
    helpUri: ruleDocsUri(rule.id),
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    properties: { tags: ['samenspel', rule.lesson], lesson: { id: rule.lesson, title: lessonLabel(lesson(rule.lesson), lang) } },
  }));
}

/** A path relative to the working folder as a URI reference (segments percent-encoded); outside it, a file URI. */
function artifactLocation(path: string, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = relative(cwd, resolve(cwd, path));
  if (isAbsolute(rel) || rel === '..' || rel.startsWith(`..${sep}`)) return { uri: pathToFileURL(resolve(cwd, path)).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/**
 * LSP positions count from 0 in UTF-16 code units; SARIF counts lines and columns from 1, here in UTF-16 code units
 * too (run.columnKind). Both ends are exclusive, so an insertion is an empty region.
 */
function region(range: Range): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

export function sarifLog(reports: SarifInput[], lang: Language, cwd = process.cwd()): object {
  const results: object[] = [];
  const notifications: object[] = [];
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  for (const report of reports) {
    const location = artifactLocation(report.path, cwd);
    if (report.error) {
      notifications.push({ level: 'error', message: { text: `${report.path}: ${report.error}` }, locations: [{ physicalLocation: { artifactLocation: location } }] });
      continue;
    }
    const result = report.result!;
    for (const n of result.notices) {
      notifications.push({ level: 'warning', message: { text: n.message }, locations: [{ physicalLocation: { artifactLocation: location, region: region(n.range) } }] });
    }
    for (const f of result.findings) {
      const { quote } = f.lesson;
      results.push({
        ruleId: f.ruleId,
        ruleIndex: ruleIndex.get(f.ruleId),
        level: LEVEL[f.severity],
        message: { text: `${f.message}\n\n${f.lesson.title}: „${quote.text}” — ${quote.attribution}` },
        locations: [{ physicalLocation: { artifactLocation: location, region: region(f.range) } }],
        ...(f.fixes.length
          ? {
              fixes: f.fixes.map((fix) => ({
                description: { text: fix.title },
                artifactChanges: [{ artifactLocation: location, replacements: fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })) }],
              })),
            }
          : {}),
        properties: { lesson: { id: f.lesson.id, title: f.lesson.title, quote: quote.text, attribution: quote.attribution }, data: f.data },
      });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Samenspel', version, semanticVersion: version, language: lang === 'nl' ? 'nl-NL' : 'en-US', rules: rules(lang) } },
        invocations: [{ executionSuccessful: !reports.some((r) => r.error), toolExecutionNotifications: notifications }],
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd.endsWith(sep) ? cwd : cwd + sep).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
