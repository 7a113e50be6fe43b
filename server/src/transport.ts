/**
 * The connection to the editor. Over stdio the message reader is our own, so a broken stream is never silent:
 * vscode-jsonrpc reports a bad header to nobody and then waits forever, or swallows the stream. A message that is not valid JSON is logged
 * and skipped (the framing is intact, the next message is read); a bad, negative or missing Content-Length loses
 * the framing for good, so it is logged and the server exits with code 1, which an editor sees and can restart.
 * Everything is logged to stderr: over stdio, stdout is the JSON-RPC channel.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { format } from 'node:util';
import {
  createConnection,
  ErrorCodes,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type Connection,
  type DataCallback,
  type Disposable,
  type Message,
  type ResponseMessage,
} from 'vscode-languageserver/node';
import { consoleToStderr, stderrConsole } from './stdio-console';

const log = (message: string): boolean => process.stderr.write(`samenspel: ${message}\n`);

/** A header block longer than this is no JSON-RPC header. */
const MAX_HEADER_BYTES = 8192;
/** Larger than the longest string V8 can hold: no message this long can be read. */
const MAX_CONTENT_LENGTH = 512 * 1024 * 1024;

function broken(reason: string): never {
  log(`broken JSON-RPC framing, exiting: ${reason}`);
  process.exit(1);
}

/**
 * Checks the framing as the bytes pass, before vscode-jsonrpc reads them: that reader takes a negative
 * Content-Length (it then swallows the stream) and one of 100 GB (it then waits) without a word.
 */
class FramingGuard extends Transform {
  private header = Buffer.alloc(0);
  private remaining = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.remaining > 0) {
        const n = Math.min(this.remaining, chunk.length - at);
        this.remaining -= n;
        at += n;
        continue;
      }
      const rest = chunk.subarray(at);
      const before = this.header.length;
      this.header = Buffer.concat([this.header, rest]);
      const end = this.header.indexOf('\r\n\r\n');
      if (end < 0) {
        if (this.header.length > MAX_HEADER_BYTES) broken('a header without an end');
        break;
      }
      const text = this.header.subarray(0, end).toString('ascii');
      at += end + 4 - before;
      this.header = Buffer.alloc(0);
      const value = /^content-length:(.*)$/im.exec(text)?.[1].trim();
      if (value === undefined) broken(`no Content-Length in header ${JSON.stringify(text.slice(0, 80))}`);
      if (!/^\d+$/.test(value) || Number(value) > MAX_CONTENT_LENGTH) broken(`Content-Length ${JSON.stringify(value.slice(0, 40))} is not a length`);
      this.remaining = Number(value);
    }
    done(null, chunk);
  }
}

/**
 * After `shutdown` the protocol allows only `exit`: requests get InvalidRequest, notifications are dropped, so no
 * edit arriving late starts an analysis and publishes diagnostics for a session that is over.
 */
class SessionReader extends StreamMessageReader {
  constructor(
    readable: NodeJS.ReadableStream,
    private readonly writer: StreamMessageWriter,
  ) {
    super(readable);
  }

  override listen(callback: DataCallback): Disposable {
    let shutdown = false;
    return super.listen((message: Message) => {
      const { id, method } = message as { id?: number | string | null; method?: string };
      if (shutdown && method !== undefined && method !== 'exit') {
        if (id !== undefined && id !== null) {
          const refusal: ResponseMessage = { jsonrpc: '2.0', id, error: { code: ErrorCodes.InvalidRequest, message: `${method} after shutdown` } };
          void this.writer.write(refusal);
        }
        return;
      }
      if (method === 'shutdown') shutdown = true;
      callback(message);
    });
  }
}

export function connect(argv: string[] = process.argv): Connection {
  if (!argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const writer = new StreamMessageWriter(process.stdout);
  const reader = new SessionReader(process.stdin.pipe(new FramingGuard()), writer);
  reader.onError((error) => {
    if (error instanceof SyntaxError) {
      log(`ignored a message that is not valid JSON: ${error.message}`);
      return;
    }
    broken(error.message.split('\n')[0]);
  });
  reader.onPartialMessage((info) => log(`waiting for the rest of a message (${info.waitingTime} ms so far): a too-large Content-Length?`));
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  // Given a reader, vscode-languageserver no longer sees the editor go away. An editor that closes the stream
  // without the exit notification has ended the session unasked: exit 1, as the protocol says for exit without shutdown.
  const gone = (): never => process.exit(1);
  process.stdin.on('end', gone);
  process.stdin.on('close', gone);
  routeConsole(connection, writer);
  return connection;
}

/**
 * Nothing may print to stdout but the connection. Given its own reader and writer, vscode-languageserver does not
 * patch the console as it does for plain --stdio, so do what it does: messages go to the client's log
 * (window/logMessage, a framed JSON-RPC message), which the editor shows in its output channel. Every other console
 * method (dir, table, count, time …) writes to stderr. Once a write to the client has failed, messages go to stderr
 * too: logging to the client again would fail again, and vscode-languageserver reports each failed log message with
 * console.error, which would come back here without end.
 */
function routeConsole(connection: Connection, writer: StreamMessageWriter): void {
  consoleToStderr();
  let reachable = true;
  writer.onError(() => (reachable = false));
  writer.onClose(() => (reachable = false));
  const to =
    (toClient: (message: string) => void, toStderr: (message: string) => void) =>
    (...args: unknown[]): void => {
      const message = format(...args);
      if (reachable) toClient(message);
      else toStderr(message);
    };
  console.log = console.info = console.debug = to((m) => connection.console.log(m), (m) => stderrConsole.log(m));
  console.warn = to((m) => connection.console.warn(m), (m) => stderrConsole.warn(m));
  console.error = to((m) => connection.console.error(m), (m) => stderrConsole.error(m));
}
