import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * A throwaway PostgreSQL for tests and benches: Debian's binaries (installed with apt-get when missing),
 * a fresh cluster in a temporary directory, listening on 127.0.0.1 only, on a free port, with trust
 * authentication for the `postgres` user. PostgreSQL refuses to run as root, so as root every command
 * runs as the `postgres` user (`runuser`); as anyone else, as that user.
 *
 * The server keeps its durability settings (fsync, synchronous_commit, full_page_writes all on): an
 * acknowledged commit is on disk, which is what the store's tests are about. Only initdb skips its own
 * fsync of the new, empty cluster (--no-sync): nothing of value is in it yet.
 */
export interface PgCluster {
  port: number;
  dir: string;
  /** postgres://postgres@127.0.0.1:<port>/<database> */
  url(database?: string): string;
  /** Creates an empty database with a fresh name and returns its URL. */
  createDatabase(prefix?: string): Promise<string>;
  stop(): Promise<void>;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL program, as the postgres user when we are root. */
function asOwner(bin: string, args: string[], opts: { timeout?: number } = {}) {
  const [file, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  return run(file, argv, { timeout: opts.timeout ?? 60_000, env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' } });
}

async function findBinDir(): Promise<string | null> {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = (await readdir(base)).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (existsSync(path.join(base, v, 'bin', 'initdb'))) return path.join(base, v, 'bin');
  }
  try {
    const { stdout } = await run('pg_config', ['--bindir']);
    const dir = stdout.trim();
    if (existsSync(path.join(dir, 'initdb'))) return dir;
  } catch {
    /* no pg_config on PATH */
  }
  return null;
}

/** The directory of initdb/pg_ctl; installs Debian's postgresql (as e2e/run.ts installs chromium) when missing. */
export async function postgresBinDir(): Promise<string> {
  const found = await findBinDir();
  if (found) return found;
  if (!isRoot()) throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); install Debian\'s postgresql package.');
  process.stderr.write('PostgreSQL is not installed: installing Debian\'s postgresql with apt-get (about 30 s)…\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update'], { timeout: 300_000, env }).catch(() => undefined);
  await run('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], { timeout: 600_000, env });
  const after = await findBinDir();
  if (!after) throw new Error('apt-get installed postgresql but no initdb was found under /usr/lib/postgresql');
  return after;
}

/** Runs one statement on a connection of its own (CREATE DATABASE cannot run in a pool's transaction), and its rows. */
export async function sqlOnce<T extends pg.QueryResultRow = pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts a cluster in `dir` (created; must not hold one already), or in a new temporary directory.
 * `stop()` stops it and removes the directory.
 */
export async function startPgCluster(opts: { dir?: string } = {}): Promise<PgCluster> {
  const bin = await postgresBinDir();
  const dir = opts.dir ?? (await mkdtemp(path.join(os.tmpdir(), 'journey-pg-')));
  await mkdir(dir, { recursive: true });
  if (isRoot()) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  await chmod(dir, 0o700);
  const removeDir = () => rm(dir, { recursive: true, force: true });
  try {
    await asOwner(path.join(bin, 'initdb'), ['-D', dir, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
  } catch (err) {
    await removeDir();
    throw new Error(`initdb failed: ${(err as { stderr?: string }).stderr ?? String(err)}`);
  }
  // A port free a moment ago may be taken by another test run before postgres binds it: try a few.
  let lastError: unknown;
  for (let attempt = 0; attempt < 4; attempt++) {
    const port = await freePort();
    const options = [`-p ${port}`, `-k ${dir}`, "-c listen_addresses='127.0.0.1'", '-c max_connections=200', '-c fsync=on', '-c synchronous_commit=on'].join(' ');
    try {
      await asOwner(path.join(bin, 'pg_ctl'), ['-D', dir, '-w', '-t', '60', '-l', path.join(dir, 'server.log'), '-o', options, 'start'], { timeout: 90_000 });
    } catch (err) {
      lastError = err;
      continue;
    }
    const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
    let stopped = false;
    let counter = 0;
    return {
      port,
      dir,
      url,
      async createDatabase(prefix = 'test') {
        const name = `${prefix.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 40)}_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
        await sqlOnce(url(), `CREATE DATABASE "${name}"`);
        return url(name);
      },
      async stop() {
        if (stopped) return;
        stopped = true;
        await stopPgClusterAt(dir);
      },
    };
  }
  const log = await import('node:fs/promises').then((fs) => fs.readFile(path.join(dir, 'server.log'), 'utf8')).catch(() => '');
  await removeDir();
  throw new Error(`PostgreSQL did not start: ${(lastError as { stderr?: string })?.stderr ?? String(lastError)}\n${log.slice(-2000)}`);
}

/** Stops the cluster in `dir` if one runs there (from any process), and removes the directory. */
export async function stopPgClusterAt(dir: string): Promise<void> {
  if (existsSync(path.join(dir, 'postmaster.pid'))) {
    const bin = await findBinDir();
    if (bin) {
      const pgCtl = path.join(bin, 'pg_ctl');
      await asOwner(pgCtl, ['-D', dir, '-m', 'fast', '-w', 'stop']).catch(() => asOwner(pgCtl, ['-D', dir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined));
    }
  }
  await rm(dir, { recursive: true, force: true });
}
