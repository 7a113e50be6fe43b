/**
 * The connection to the editor. Over stdio the message reader is our own, so a broken stream is never silent:
 * vscode-jsonrpc reports a bad header to nobody and then waits forever. A message that is not valid JSON is logged
 * and skipped (the framing is intact, the next message is read); a bad, negative or missing Content-Length loses
 * the framing for good, so it is logged and the server exits with code 1, which an editor sees and can restart.
 * Everything is logged to stderr: over stdio, stdout is the JSON-RPC channel.
 */
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';

const log = (message: string): boolean => process.stderr.write(`samenspel: ${message}\n`);

export function connect(argv: string[] = process.argv): Connection {
  if (!argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const reader = new StreamMessageReader(process.stdin);
  reader.onError((error) => {
    if (error instanceof SyntaxError) {
      log(`ignored a message that is not valid JSON: ${error.message}`);
      return;
    }
    log(`broken JSON-RPC framing, exiting: ${error.message.split('\n')[0]}`);
    process.exit(1);
  });
  reader.onPartialMessage((info) => log(`waiting for the rest of a message (${info.waitingTime} ms so far): a too-large Content-Length?`));
  const connection = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
  // Given a reader, vscode-languageserver no longer sees the editor go away. An editor that closes the stream
  // without the exit notification has ended the session unasked: exit 1, as the protocol says for exit without shutdown.
  const gone = (): never => process.exit(1);
  process.stdin.on('end', gone);
  process.stdin.on('close', gone);
  // Nothing may print to stdout but the connection.
  console.log = console.info = console.debug = console.error;
  return connection;
}
