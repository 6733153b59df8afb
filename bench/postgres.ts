// A private PostgreSQL 15 cluster for the bench's server-mode figures, as scripts/with-postgres.sh
// starts for the tests: initdb in a temp dir, a loopback port, stopped and removed afterwards.
// BENCH_DATABASE_URL (a server URL whose user may create databases) is used instead when set.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const PGBIN = '/usr/lib/postgresql/15/bin';

export interface PrivatePostgres {
  /** A new, empty database on the server. */
  createDatabase(name: string): Promise<string>;
  stop(): void;
}

function asPostgresUser(): string[] {
  if (process.getuid?.() !== 0) return [];
  try {
    execFileSync('id', ['postgres'], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['--system', '--no-create-home', 'postgres']);
  }
  return ['runuser', '-u', 'postgres', '--'];
}

function run(prefix: string[], command: string, args: string[]): void {
  const [file, ...rest] = [...prefix, command, ...args];
  execFileSync(file!, rest, { stdio: 'ignore' });
}

/** Starts a cluster, or explains why not (no server binaries); the caller reports the figures it could not take. */
export async function startPrivatePostgres(): Promise<PrivatePostgres | string> {
  const given = process.env.BENCH_DATABASE_URL;
  let url = given;
  let stop = () => {};
  if (!url) {
    if (!existsSync(`${PGBIN}/initdb`)) return `PostgreSQL 15 server binaries not found in ${PGBIN}`;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'baton-bench-pg-'));
    const prefix = asPostgresUser();
    if (prefix.length) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), 0);
    const port = 56000 + Math.floor(Math.random() * 1000);
    run(prefix, `${PGBIN}/initdb`, ['-D', `${dir}/data`, '-U', 'baton', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}`;
    run(prefix, `${PGBIN}/pg_ctl`, ['-D', `${dir}/data`, '-l', `${dir}/server.log`, '-w', '-o', options, 'start']);
    url = `postgres://baton@127.0.0.1:${port}/postgres`;
    stop = () => {
      try {
        run(prefix, `${PGBIN}/pg_ctl`, ['-D', `${dir}/data`, '-m', 'fast', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
    process.on('exit', () => {
      try {
        stop();
      } catch {
        // already stopped
      }
    });
  }
  const server = url;
  return {
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      const u = new URL(server);
      u.pathname = `/${name}`;
      return u.toString();
    },
    stop() {
      const done = stop;
      stop = () => {};
      done();
    },
  };
}
