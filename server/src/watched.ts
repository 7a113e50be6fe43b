/**
 * connection.onDidChangeWatchedFiles takes a single handler, and several features (project configuration, the
 * workspace check) react to files changing on disk: each registers a listener here instead.
 */
import type { Connection, FileEvent } from 'vscode-languageserver/node';

type Listener = (changes: FileEvent[]) => void;

const listeners = new WeakMap<Connection, Listener[]>();

export function onWatchedFiles(connection: Connection, listener: Listener): void {
  let list = listeners.get(connection);
  if (!list) {
    const created: Listener[] = [];
    listeners.set(connection, (list = created));
    connection.onDidChangeWatchedFiles((params) => {
      for (const l of created) l(params.changes);
    });
  }
  list.push(listener);
}
