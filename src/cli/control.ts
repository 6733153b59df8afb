import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../data/db.ts';
import type { OwnerInfo, OwnerLock } from '../data/owner-lock.ts';
import type { Services } from '../app/services.ts';
import { parseCommandLine, COMMANDS } from './commands.ts';
import { writeLocalFile, type CliIo, type CommandContext } from './context.ts';
import { describeFailure, EXIT, UsageError } from './errors.ts';

/**
 * The running server's door for `baton` commands: HTTP on a Unix socket in the data directory,
 * readable by its owner only, and each request must carry the secret from the owner's lock file.
 * A command typed in another terminal runs here, in the process that owns the database, instead
 * of opening the database a second time. Replies are JSON lines: {out}, {err}, {file}, then {exit}.
 */
type Event = { out: string } | { err: string } | { file: string; data: string } | { exit: number };

/** Unix socket paths are limited to about 107 bytes; a deep data directory gets one in the temp folder. */
function socketPathFor(dataDir: string): string {
  const inside = path.join(dataDir, 'baton.sock');
  return inside.length < 100 ? inside : path.join(os.tmpdir(), `baton-${randomBytes(6).toString('hex')}.sock`);
}

interface ControlOptions {
  config: Config;
  database: DatabaseHandle;
  services: Services;
  lock: OwnerLock;
  url: string;
}

/** Starts the command socket and records it in the lock; `close` waits for commands in flight. */
export async function startControlServer(options: ControlOptions): Promise<{ close(): Promise<void> }> {
  const socket = socketPathFor(options.config.dataDir);
  fs.rmSync(socket, { force: true }); // left by an owner that was killed: we hold the lock now
  const maxBody = Math.ceil(options.config.importMaxBytes * 1.4) + 64 * 1024;
  const server = http.createServer((request, response) => void handle(options, maxBody, request, response));
  const previousMask = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(socket, resolve));
  } finally {
    process.umask(previousMask);
  }
  fs.chmodSync(socket, 0o600);
  options.lock.update({ socket, url: options.url });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        fs.rmSync(socket, { force: true });
      }),
  };
}

function authorised(secret: string, header: string | undefined): boolean {
  const given = Buffer.from(header?.replace(/^Bearer /, '') ?? '');
  const wanted = Buffer.from(secret);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

async function readBody(request: http.IncomingMessage, maxBytes: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function handle(options: ControlOptions, maxBody: number, request: http.IncomingMessage, response: http.ServerResponse) {
  if (request.method !== 'POST' || request.url !== '/run' || !authorised(options.lock.info.secret, request.headers.authorization)) {
    response.writeHead(request.url === '/run' ? 401 : 404).end();
    return;
  }
  const body = await readBody(request, maxBody);
  if (body === undefined) {
    response.writeHead(413).end();
    return;
  }
  response.writeHead(200, { 'content-type': 'application/x-ndjson' });
  const send = (event: Event) => response.write(`${JSON.stringify(event)}\n`);
  const io: CliIo = { out: (text) => send({ out: text }), err: (text) => send({ err: text }) };
  send({ exit: await runHere(options, body, io, send) });
  response.end();
}

/** Runs one forwarded command with the server's own database and services. */
async function runHere(options: ControlOptions, body: string, io: CliIo, send: (event: Event) => void): Promise<number> {
  try {
    const { argv, inputs } = JSON.parse(body) as { argv: string[]; inputs: Record<string, string> };
    const line = parseCommandLine(argv);
    const spec = COMMANDS[line.command];
    if (!spec?.run || !spec.throughServer) throw new UsageError(`"baton ${line.command}" cannot run through the server.`);
    const ctx: CommandContext = {
      config: options.config,
      database: options.database,
      services: options.services,
      io,
      line,
      readInput(file) {
        const data = inputs[file];
        if (data === undefined) throw new UsageError(`Cannot read ${file}.`);
        return Buffer.from(data, 'base64');
      },
      async writeOutput(file, bytes) {
        send({ file, data: Buffer.from(bytes).toString('base64') });
      },
    };
    return await spec.run(ctx);
  } catch (error) {
    const failure = describeFailure(error);
    io.err(`baton: ${failure.message}\n${failure.hint ? `${failure.hint}\n` : ''}`);
    return failure.code;
  }
}

/**
 * Sends a command to the server that owns the data directory and relays its output, exit code and
 * files. Files the command reads are read here, where the operator typed it.
 */
export async function runThroughServer(owner: OwnerInfo, argv: string[], inputs: Record<string, Uint8Array>, io: CliIo): Promise<number> {
  const body = JSON.stringify({
    argv,
    inputs: Object.fromEntries(Object.entries(inputs).map(([name, bytes]) => [name, Buffer.from(bytes).toString('base64')])),
  });
  return new Promise<number>((resolve, reject) => {
    const request = http.request(
      {
        socketPath: owner.socket,
        path: '/run',
        method: 'POST',
        agent: false,
        headers: { authorization: `Bearer ${owner.secret}`, 'content-type': 'application/json' },
      },
      (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          reject(new Error(`The running server refused the command (HTTP ${response.statusCode}).`));
          return;
        }
        void relay(response, io).then(resolve, reject);
      },
    );
    request.on('error', (error) =>
      reject(
        new Error(
          `Baton's server (pid ${owner.pid}) owns the data directory but did not answer on ${owner.socket} (${(error as NodeJS.ErrnoException).code ?? error.message}). If it has stopped, run the command again.`,
        ),
      ),
    );
    request.end(body);
  });
}

async function relay(response: http.IncomingMessage, io: CliIo): Promise<number> {
  let exit: number = EXIT.failed;
  const apply = async (line: Buffer) => {
    if (!line.length) return;
    const event = JSON.parse(line.toString('utf8')) as Event;
    if ('out' in event) io.out(event.out);
    else if ('err' in event) io.err(event.err);
    else if ('file' in event) await writeLocalFile(event.file, Buffer.from(event.data, 'base64'));
    else exit = event.exit;
  };
  // A file arrives as one long line: gather its chunks and join them once, at its end.
  let parts: Buffer[] = [];
  for await (const chunk of response as AsyncIterable<Buffer>) {
    let from = 0;
    for (let at = chunk.indexOf(0x0a); at >= 0; at = chunk.indexOf(0x0a, from)) {
      parts.push(chunk.subarray(from, at));
      await apply(Buffer.concat(parts));
      parts = [];
      from = at + 1;
    }
    parts.push(chunk.subarray(from));
  }
  await apply(Buffer.concat(parts));
  return exit;
}
