/**
 * The text of the Samenspel status bar item, from the server's samenspel/status for the active document:
 * "Samenspel: 5 findings · scan 3/6", or why the document is not checked. Free of `vscode`, so it can be tested.
 */
import type { DocumentStatus } from '../../server/src/features/status';
import { describeScope } from './scanView';
import type { Translate } from './translate';

/** The short reason after "not checked —"; the tooltip gives the whole explanation. */
function shortReason(status: DocumentStatus, t: Translate): string {
  const [first] = status.scope.detail;
  switch (status.scope.code) {
    case 'excluded':
      return t('excluded by the setting Scope: Exclude');
    case 'declared-other':
      return t('its front matter says “{0}”', first);
    case 'genre':
      return t('a {0}, not an agreement', first);
    case 'auto-detect-off':
      return t('no type, and automatic recognition is off');
    case 'own-files':
      return t('Samenspel’s own documentation');
    case 'unreadable':
      return t('unreadable ({0})', first ?? '');
    default: {
      const words: Record<string, string> = {
        'municipal-or-education-party': t('no municipality or school board named'),
        'municipal-party': t('no municipality named'),
        'education-party': t('no school board named'),
        'kind-or-heading': t('no kind of document in the title, no heading Parties or Ambition'),
      };
      return t('not a partnership document ({0})', status.scope.detail.map((d) => words[d] ?? d).join('; '));
    }
  }
}

export function statusText(status: DocumentStatus, t: Translate): { text: string; tooltip: string } {
  if (!status.analysed) {
    return { text: t('Samenspel: not checked — {0}', shortReason(status, t)), tooltip: describeScope(status.scope, t) };
  }
  const findings = status.findings === 1 ? t('1 finding') : t('{0} findings', status.findings);
  const scan = status.scan ? ` · ${t('scan {0}/{1}', status.scan.green, status.scan.total)}` : '';
  return { text: `Samenspel: ${findings}${scan}`, tooltip: t('Open the partnership scan') };
}
