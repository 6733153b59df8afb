import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireOwnerLock, DataDirInUseError, liveOwner, lockFileOf, type OwnerInfo } from './owner-lock.ts';

const dirs: string[] = [];
const freshDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A pid that was alive a moment ago and is not now: a finished child's. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

const myStart = () => {
  const stat = fs.readFileSync(`/proc/${process.pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]!;
};

function leftBehind(dir: string, info: Partial<OwnerInfo>): void {
  const base: OwnerInfo = {
    pid: 1,
    processStart: null,
    hostname: os.hostname(),
    command: 'serve',
    since: '2026-01-01T00:00:00Z',
    secret: 'old',
  };
  fs.writeFileSync(lockFileOf(dir), JSON.stringify({ ...base, ...info }));
}

describe('the data directory owner lock', () => {
  it('records this process as the owner, readable by its owner only', () => {
    const dir = freshDir();
    const lock = acquireOwnerLock(dir, 'serve');
    expect(liveOwner(dir)).toMatchObject({ pid: process.pid, command: 'serve' });
    expect(fs.statSync(lock.file).mode & 0o777).toBe(0o600);
    lock.release();
    expect(fs.existsSync(lock.file)).toBe(false);
  });

  it('refuses a second owner while the first holds it, naming the first', () => {
    const dir = freshDir();
    const lock = acquireOwnerLock(dir, 'serve');
    lock.update({ url: 'http://127.0.0.1:3000' });
    expect(() => acquireOwnerLock(dir, 'import template')).toThrow(DataDirInUseError);
    expect(() => acquireOwnerLock(dir, 'import template')).toThrow(`Baton is running on it at http://127.0.0.1:3000 (pid ${process.pid}`);
    lock.release();
  });

  it.each([
    { case: 'a pid that no longer runs (kill -9)', info: () => ({ pid: deadPid() }) },
    { case: 'a pid now used by another process (its start time differs)', info: () => ({ pid: process.ppid, processStart: '1' }) },
    { case: 'our own pid from an earlier life (a container restarted)', info: () => ({ pid: process.pid, processStart: myStart() }) },
  ])('takes over a stale lock: $case', ({ info }) => {
    const dir = freshDir();
    leftBehind(dir, info());
    expect(liveOwner(dir)).toBeUndefined();
    const lock = acquireOwnerLock(dir, 'serve');
    expect(lock.info.secret).not.toBe('old');
    lock.release();
  });

  it('treats a live process with the recorded start time as the owner', () => {
    const dir = freshDir();
    const parentStart = fs.readFileSync(`/proc/${process.ppid}/stat`, 'utf8');
    leftBehind(dir, { pid: process.ppid, processStart: parentStart.slice(parentStart.lastIndexOf(')') + 2).split(' ')[19]! });
    expect(() => acquireOwnerLock(dir, 'serve')).toThrow(DataDirInUseError);
  });

  it('does not judge an owner on another machine (a shared disk): it stays the owner', () => {
    const dir = freshDir();
    leftBehind(dir, { hostname: 'another-host', pid: deadPid() });
    expect(() => acquireOwnerLock(dir, 'serve')).toThrow(DataDirInUseError);
  });

  it('takes over an unreadable lock once it is old enough not to be one being written', () => {
    const dir = freshDir();
    fs.writeFileSync(lockFileOf(dir), '{"pid": 12');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lockFileOf(dir), old, old);
    const lock = acquireOwnerLock(dir, 'serve');
    expect(liveOwner(dir)?.pid).toBe(process.pid);
    lock.release();
  });

  it('does not remove a lock that another process has taken since', () => {
    const dir = freshDir();
    const lock = acquireOwnerLock(dir, 'serve');
    leftBehind(dir, { pid: process.ppid, secret: 'theirs' });
    lock.release();
    expect(fs.existsSync(lockFileOf(dir))).toBe(true);
  });
});
