/**
 * The language server's side of the project configuration: which `.samenspel.yaml` / `.samenspel.json` applies to a
 * document, its problems published as diagnostics on the file itself, and forgetting it when it changes on disk.
 * In an untrusted workspace no project file is read: only the user's settings apply.
 */
import { basename, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, FileChangeType, type Connection, type FileEvent } from 'vscode-languageserver/node';
import { CONFIG_NAMES, findConfigFile, readConfig, type ProjectConfig } from './config';

/** The glob the client watches: every project file in the workspace. */
export const CONFIG_GLOB = `**/{${CONFIG_NAMES.join(',')}}`;

export class ProjectSettings {
  /** Told by the client (VS Code's Workspace Trust); editors without trust are trusted. */
  trusted = true;
  private readonly nearest = new Map<string, string | null>();
  private readonly configs = new Map<string, ProjectConfig>();
  /** Config files whose last published diagnostics were not empty. */
  private readonly flagged = new Set<string>();

  constructor(private readonly connection: Connection) {}

  /** The project file that applies to a document (only files on disk have one), read once until it changes. */
  forDocument(uri: string): ProjectConfig | undefined {
    if (!this.trusted || !uri.startsWith('file:')) return undefined;
    let dir: string;
    try {
      dir = dirname(fileURLToPath(uri));
    } catch {
      return undefined;
    }
    let path = this.nearest.get(dir);
    if (path === undefined) this.nearest.set(dir, (path = findConfigFile(dir)));
    if (!path) return undefined;
    let config = this.configs.get(path);
    if (!config) {
      this.configs.set(path, (config = readConfig(path)));
      this.publish(config);
    }
    return config;
  }

  /** Forgets what the changes touch; true when a project file changed, so open documents must be checked again. */
  changed(changes: FileEvent[]): boolean {
    const touched = changes.filter((c) => CONFIG_NAMES.includes(basename(uriToPath(c.uri) ?? '')));
    if (!touched.length) return false;
    // A file created or deleted can change which one is nearest, for any folder.
    this.nearest.clear();
    for (const change of touched) {
      const path = uriToPath(change.uri);
      if (!path) continue;
      this.configs.delete(path);
      if (change.type === FileChangeType.Deleted) this.clear(path);
      else if (this.trusted) {
        // Read at once, so its diagnostics follow the edit even when no open document uses it.
        const config = readConfig(path);
        this.configs.set(path, config);
        this.publish(config);
      }
    }
    return true;
  }

  /** Trust granted (or settings reset): read every project file afresh. */
  reset(): void {
    this.nearest.clear();
    this.configs.clear();
  }

  private publish(config: ProjectConfig): void {
    if (!config.problems.length && !this.flagged.has(config.path)) return;
    if (config.problems.length) this.flagged.add(config.path);
    else this.flagged.delete(config.path);
    const consequence =
      config.raw === undefined
        ? 'Dit bestand telt niet mee; de standaardinstellingen gelden. / This file is ignored; the default settings apply.'
        : 'Deze waarde telt niet mee; de standaard geldt. / This value is ignored; the default applies.';
    void this.connection.sendDiagnostics({
      uri: pathToFileURL(config.path).href,
      diagnostics: config.problems.map((p) => ({ range: p.range, severity: DiagnosticSeverity.Warning, source: 'samenspel', message: `${p.message}\n${consequence}` })),
    });
  }

  private clear(path: string): void {
    if (!this.flagged.delete(path)) return;
    void this.connection.sendDiagnostics({ uri: pathToFileURL(path).href, diagnostics: [] });
  }
}

function uriToPath(uri: string): string | null {
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}
