import { readdir, readFile } from 'node:fs/promises';
import type pg from 'pg';

/**
 * Versioned migrations: one SQL file per version in ./migrations, named `NNNN_what.sql` (0001, 0002, …),
 * applied in number order. A new schema change is a new file with the next number; a file, once landed,
 * never changes. Each start applies the missing ones in ONE transaction that first takes a transaction
 * advisory lock, so several instances starting at once apply each migration exactly once (the others
 * wait for the lock, then find nothing left to do), and a failed migration leaves the schema as it was.
 */
const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
/** The advisory lock key for migrations (any fixed 64-bit number; 'journey\0' as ASCII). */
export const MIGRATION_LOCK_KEY = '7669477824774109440';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export async function loadMigrations(dir: URL = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const out: Migration[] = [];
  for (const file of files) {
    const m = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!m) throw new Error(`migration file ${file} is not named NNNN_what.sql`);
    const version = Number(m[1]);
    if (version !== out.length + 1) throw new Error(`migration ${file}: expected number ${out.length + 1} (no gaps, no duplicates)`);
    out.push({ version, name: m[2], sql: await readFile(new URL(file, dir), 'utf8') });
  }
  return out;
}

export class SchemaTooNewError extends Error {}

/** Brings the database to the newest schema; returns the versions it applied (none when up to date). */
export async function migrate(pool: pg.Pool, migrations?: Migration[]): Promise<number[]> {
  const all = migrations ?? (await loadMigrations());
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    const done = new Set(rows.map((r) => r.version));
    const newest = rows.length > 0 ? rows[rows.length - 1].version : 0;
    // A database migrated by a newer server: this one would misread it; refuse instead of guessing.
    if (newest > all.length) {
      throw new SchemaTooNewError(`the database schema is at version ${newest}, newer than this server knows (${all.length}): run the newer server, or restore a backup`);
    }
    const applied: number[] = [];
    for (const m of all) {
      if (done.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
