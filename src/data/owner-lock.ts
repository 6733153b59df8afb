import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Who owns an embedded data directory, as written in its `baton.pid` (like PostgreSQL's
 * `postmaster.pid`): PGlite is a single-process database, so exactly one process may open it.
 */
export interface OwnerInfo {
  pid: number;
  /** When the owning process started, from /proc (guards against a reused pid after a crash). */
  processStart: string | null;
  hostname: string;
  /** What the owner is: `serve`, or the CLI command holding the directory. */
  command: string;
  since: string;
  /** The running server's command socket, once it accepts commands (see cli/control.ts). */
  socket?: string;
  /** The server's address, for messages. */
  url?: string;
  /** Shared secret a command must present on the socket; the file is readable by its owner only. */
  secret: string;
}

/** Another live process owns the data directory. */
export class DataDirInUseError extends Error {
  readonly owner: OwnerInfo;
  constructor(lockFile: string, owner: OwnerInfo) {
    const what =
      owner.command === 'serve' ? `Baton is running on it${owner.url ? ` at ${owner.url}` : ''}` : `"baton ${owner.command}" is using it`;
    super(`The data directory ${path.dirname(lockFile)} is in use: ${what} (pid ${owner.pid}, since ${owner.since}).`);
    this.owner = owner;
  }
}

export interface OwnerLock {
  readonly file: string;
  readonly info: OwnerInfo;
  /** Adds the command socket and address once the server listens. */
  update(change: Partial<Pick<OwnerInfo, 'socket' | 'url'>>): void;
  /** Removes the lock if it is still ours. */
  release(): void;
}

const LOCK_NAME = 'baton.pid';
/** Secrets of the locks this process holds. */
const HELD = new Set<string>();
/** A takeover guard older than this was left by a process killed mid-takeover. */
const GUARD_STALE_MS = 10_000;

/** The lock file of a Baton data directory (the folder holding `pglite/`). */
export function lockFileOf(dataDir: string): string {
  return path.join(dataDir, LOCK_NAME);
}

/** Start time of a process in clock ticks since boot (field 22 of /proc/PID/stat), or null off Linux. */
function processStart(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(owner: OwnerInfo): boolean {
  if (owner.hostname !== os.hostname()) return true; // cannot judge another machine's process: assume it lives
  // Our own pid: ours if we took it in this life, else left by an earlier process (a container restarted).
  if (owner.pid === process.pid) return HELD.has(owner.secret);
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const started = processStart(owner.pid);
  return started === null || owner.processStart === null || started === owner.processStart;
}

function readInfo(file: string): OwnerInfo | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as OwnerInfo;
  } catch {
    return undefined;
  }
}

/** The live owner of a data directory, if any (a stale lock counts as none). */
export function liveOwner(dataDir: string): OwnerInfo | undefined {
  const info = readInfo(lockFileOf(dataDir));
  return info && isAlive(info) ? info : undefined;
}

function writeExclusive(file: string, info: OwnerInfo): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    fs.writeSync(fd, JSON.stringify(info, null, 2));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

/**
 * Removes a stale lock under a guard file, so two processes finding the same stale lock cannot
 * both take it: only the one that creates the guard removes the lock, and only if it is unchanged.
 */
function removeStale(file: string, stale: string): void {
  const guard = `${file}.takeover`;
  try {
    fs.writeFileSync(guard, String(process.pid), { flag: 'wx' });
  } catch {
    const age = Date.now() - (fs.statSync(guard, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > GUARD_STALE_MS) fs.rmSync(guard, { force: true });
    return;
  }
  try {
    if (fs.readFileSync(file, 'utf8') === stale) fs.rmSync(file);
  } catch {
    // already gone
  } finally {
    fs.rmSync(guard, { force: true });
  }
}

/**
 * Takes the data directory for this process, or throws DataDirInUseError naming the live owner.
 * A lock left by a killed process is recognised (dead pid, or a pid reused by another process)
 * and taken over.
 * @example const lock = acquireOwnerLock('./data', 'serve'); … lock.release();
 */
export function acquireOwnerLock(dataDir: string, command: string): OwnerLock {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = lockFileOf(dataDir);
  let info: OwnerInfo = {
    pid: process.pid,
    processStart: processStart(process.pid),
    hostname: os.hostname(),
    command,
    since: new Date().toISOString(),
    secret: randomBytes(32).toString('base64url'),
  };
  for (let attempt = 0; attempt < 20; attempt++) {
    if (writeExclusive(file, info)) {
      HELD.add(info.secret);
      return ownedLock(
        file,
        () => info,
        (next) => (info = next),
      );
    }
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue; // released between our attempt and this read
    }
    const owner = readInfo(file);
    if (owner && isAlive(owner)) throw new DataDirInUseError(file, owner);
    // Unreadable: an owner may be writing it this instant; give it a moment before calling it stale.
    if (!owner && Date.now() - (fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0) < 2_000) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
      continue;
    }
    removeStale(file, text);
  }
  throw new Error(`Could not take the lock ${file}; remove it by hand if no Baton process is running.`);
}

function ownedLock(file: string, current: () => OwnerInfo, set: (info: OwnerInfo) => void): OwnerLock {
  const ours = () => readInfo(file)?.secret === current().secret;
  return {
    file,
    get info() {
      return current();
    },
    update(change) {
      const next = { ...current(), ...change };
      const temp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, JSON.stringify(next, null, 2), { mode: 0o600 });
      fs.renameSync(temp, file);
      set(next);
    },
    release() {
      if (ours()) fs.rmSync(file, { force: true });
      HELD.delete(current().secret);
    },
  };
}
