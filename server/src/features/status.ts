/**
 * samenspel/status: per open document, what a status bar needs — how many findings, whether it is checked and why
 * not, and how many of the six scan factors are green. Sent after each check, only to a client that asks for it
 * (initializationOptions.status = true): the check then rates the factors from the same analysis as its findings.
 */
import type { Connection } from 'vscode-languageserver/node';
import type { AnalysisResult } from '../engine';
import type { ScanItem } from '../engine/scan';
import type { Language, Scope } from '../engine/types';

export const STATUS_NOTIFICATION = 'samenspel/status';

export interface DocumentStatus {
  uri: string;
  version: number;
  analysed: boolean;
  scope: Scope;
  language: Language;
  /** Findings of the rules; notices about unreadable input are not counted. */
  findings: number;
  /** Green factors of the scan, out of total (six); null when the document is not checked. */
  scan: { green: number; total: number } | null;
}

export function statusWanted(initializationOptions: unknown): boolean {
  return (initializationOptions as { status?: unknown } | null | undefined)?.status === true;
}

export function statusOf(uri: string, version: number, result: AnalysisResult, items: ScanItem[] | null): DocumentStatus {
  return {
    uri,
    version,
    analysed: result.analysed,
    scope: result.scope,
    language: result.language,
    findings: result.findings.length,
    scan: result.analysed && items ? { green: items.filter((i) => i.status === 'green').length, total: items.length } : null,
  };
}

export function sendStatus(connection: Connection, status: DocumentStatus): void {
  void connection.sendNotification(STATUS_NOTIFICATION, status);
}
