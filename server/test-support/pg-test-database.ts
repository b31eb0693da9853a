import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { inject } from 'vitest';
import { sqlOnce, startPgCluster } from './pg-cluster';

/**
 * A fresh, empty place in PostgreSQL for one store: a schema of its own (in the URL as
 * `?options=-c search_path=…`, which every connection made from it uses), in a database of this test
 * file's own, on the cluster shared by the whole Vitest run (pg-global-setup.ts). The first file to ask
 * starts the cluster (a second or two); the others wait for it. A schema costs milliseconds where a
 * database costs about a second on a busy machine (CREATE DATABASE copies and syncs a template).
 *
 * When PostgreSQL cannot be started: with CI=true this throws (the run fails, never skipped silently);
 * otherwise it prints why and returns null, and the file skips its PostgreSQL tests:
 *
 *   const databaseUrl = await testDatabaseUrl('my-file');
 *   describe.skipIf(!databaseUrl)('…', () => { … });
 */
export async function testDatabaseUrl(label = 'test'): Promise<string | null> {
  const database = await (fileDatabase ??= createFileDatabase(label));
  if (!database) return null;
  const schema = `s_${label.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 40)}_${++schemas}`;
  await sqlOnce(database, `CREATE SCHEMA "${schema}"`);
  return `${database}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

let fileDatabase: Promise<string | null> | undefined;
let schemas = 0;

async function createFileDatabase(label: string): Promise<string | null> {
  const base = await sharedClusterUrl();
  if (!base) return null;
  const name = `${label.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 40)}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await sqlOnce(base, `CREATE DATABASE "${name}"`);
  return base.replace(/\/postgres$/, `/${name}`);
}

const WAIT_MS = 10 * 60_000; // an apt-get install on a slow network

async function sharedClusterUrl(): Promise<string | null> {
  const runDir = inject('pgRunDir');
  if (!runDir) throw new Error('testDatabaseUrl() needs the Vitest global setup server/test-support/pg-global-setup.ts');
  const ready = path.join(runDir, 'ready.json');
  const failed = path.join(runDir, 'failed.txt');
  let starter = false;
  try {
    await mkdir(path.join(runDir, 'starting')); // atomic: exactly one worker starts the cluster
    starter = true;
  } catch {
    /* another test file is starting it */
  }
  if (starter) {
    try {
      const cluster = await startPgCluster({ dir: path.join(runDir, 'data') });
      await writeFile(`${ready}.tmp`, JSON.stringify({ url: cluster.url() }));
      await rename(`${ready}.tmp`, ready);
    } catch (err) {
      await writeFile(failed, (err as Error).message || String(err));
    }
  } else {
    for (const until = Date.now() + WAIT_MS; !existsSync(ready) && !existsSync(failed); ) {
      if (Date.now() > until) throw new Error(`PostgreSQL for the tests did not start within ${WAIT_MS / 1000} s`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  if (existsSync(ready)) return (JSON.parse(await readFile(ready, 'utf8')) as { url: string }).url;
  return unavailable(await readFile(failed, 'utf8'), process.env, (line) => process.stderr.write(line));
}

/** PostgreSQL could not be started: in CI the run fails; elsewhere its tests are skipped, saying why. */
export function unavailable(why: string, env: NodeJS.ProcessEnv, warn: (line: string) => void): null {
  if (env.CI === 'true') throw new Error(`CI=true and PostgreSQL could not be started for the tests: ${why}`);
  warn(`\nSKIPPING PostgreSQL tests: PostgreSQL could not be started (${why.split('\n')[0]}). With CI=true this fails the run.\n`);
  return null;
}
