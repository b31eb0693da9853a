import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { testDatabaseUrl } from '../../test-support/pg-test-database';
import { sqlOnce as sql } from '../../test-support/pg-cluster';
import { boardRecord, storeContract } from '../store-contract';
import { loadMigrations, migrate, SchemaTooNewError } from './migrate';
import { DatabaseUnavailableError, PgBoardStore } from './pg-store';
import { versionStoreContract } from '../version-store.contract';

const baseUrl = await testDatabaseUrl('pg_store');

/** A fresh, empty schema on the test cluster (the first one is baseUrl's). */
let used = 0;
async function freshDatabase(): Promise<string> {
  return used++ === 0 ? baseUrl! : (await testDatabaseUrl('pg_store'))!;
}


if (baseUrl) {
  storeContract('PostgreSQL', async () => {
    const url = await freshDatabase();
    return { open: () => PgBoardStore.open(url, { poolSize: 4 }), dispose: async () => undefined };
  });
}

describe.skipIf(!baseUrl)('PgBoardStore: checkpoints', () => {
  versionStoreContract(async () => {
    const store = await PgBoardStore.open(await freshDatabase(), { poolSize: 2 });
    return { store, done: () => store.close() };
  });
});

describe.skipIf(!baseUrl)('PgBoardStore', () => {
  const stores: PgBoardStore[] = [];
  afterAll(async () => {
    for (const s of stores) await s.close().catch(() => undefined);
  });
  const open = async (url: string) => {
    const s = await PgBoardStore.open(url, { poolSize: 4 });
    stores.push(s);
    return s;
  };

  it('two instances starting at once on an empty database both start, and every migration runs once', async () => {
    const url = await freshDatabase();
    const [a, b] = await Promise.all([open(url), open(url)]);
    const versions = await sql<{ version: number }>(url, 'SELECT version FROM schema_migrations ORDER BY version');
    expect(versions.map((v) => v.version)).toEqual((await loadMigrations()).map((m) => m.version));
    // Both work on the one schema: a board created by one is read by the other.
    await a.createBoard(boardRecord('board-shared'), Y.encodeStateAsUpdate(new Y.Doc()));
    expect(await b.getBoard('board-shared')).toEqual(boardRecord('board-shared'));
    // A later start finds nothing to do.
    expect(await migrate(a.pool)).toEqual([]);
  });

  it('refuses a database migrated by a newer server', async () => {
    const url = await freshDatabase();
    await (await open(url)).close();
    await sql(url, "INSERT INTO schema_migrations (version, name) VALUES (999, 'from_the_future')");
    const err = await PgBoardStore.open(url).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseUnavailableError);
    expect(String(err)).toMatch(/schema is at version 999, newer than this server knows/);
    const pool = new pg.Pool({ connectionString: url });
    await expect(migrate(pool)).rejects.toBeInstanceOf(SchemaTooNewError);
    await pool.end();
  });

  it('an update is committed when appendUpdate resolves: another connection sees it', async () => {
    const url = await freshDatabase();
    const store = await open(url);
    const doc = new Y.Doc();
    await store.createBoard(boardRecord('board-durable'), Y.encodeStateAsUpdate(doc));
    doc.getMap('m').set('k', 'v');
    const update = Y.encodeStateAsUpdate(doc);
    await store.appendUpdate('board-durable', 0, update);
    const rows = await sql<{ seq: string; body: Buffer }>(url, 'SELECT seq, body FROM board_updates WHERE board_id = $1', ['board-durable']);
    expect(rows.map((r) => [Number(r.seq), new Uint8Array(r.body)])).toEqual([[0, update]]);
  });

  it('writes issued together are all or nothing: a failed group stores none of them, and says so to each', async () => {
    const url = await freshDatabase();
    const store = await open(url);
    const doc = new Y.Doc();
    await store.createBoard(boardRecord('board-atomic'), Y.encodeStateAsUpdate(doc));
    await store.appendUpdate('board-atomic', 0, Y.encodeStateAsUpdate(doc));
    // One tick: a binding, a new update, and an update reusing number 0 (which cannot be stored).
    const results = await Promise.allSettled([
      store.bindClientOwners('board-atomic', [[7, 'person-a']]),
      store.appendUpdate('board-atomic', 1, Y.encodeStateAsUpdate(doc)),
      store.appendUpdate('board-atomic', 0, Y.encodeStateAsUpdate(doc)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await store.loadClientOwners('board-atomic')).toEqual(new Map());
    expect((await store.loadDoc('board-atomic')).seqs).toEqual([0]);
    // The board's queue carries on after a failed group.
    await store.appendUpdate('board-atomic', 1, Y.encodeStateAsUpdate(doc));
    expect((await store.loadDoc('board-atomic')).seqs).toEqual([0, 1]);
  });

  it('a stored client id binding is never changed', async () => {
    const store = await open(await freshDatabase());
    await store.createBoard(boardRecord('board-bind'), Y.encodeStateAsUpdate(new Y.Doc()));
    await store.bindClientOwners('board-bind', [[1, 'first']]);
    await store.bindClientOwners('board-bind', [[1, 'second'], [2, 'second']]);
    expect(await store.loadClientOwners('board-bind')).toEqual(new Map([[1, 'first'], [2, 'second']]));
  });

  it('a database that stops answering is reported by check(), and the store recovers when it is back', async () => {
    const url = await freshDatabase();
    const store = await open(url);
    expect(await store.check()).toBeNull();
    const db = new URL(url).pathname.slice(1);
    const admin = new URL(url);
    admin.pathname = '/postgres';
    admin.search = '';
    await sql(admin.href, `ALTER DATABASE "${db}" ALLOW_CONNECTIONS false`);
    await sql(admin.href, 'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [db]);
    try {
      expect(await store.check()).toMatch(/database unreachable: .*not currently accepting connections/);
    } finally {
      await sql(admin.href, `ALTER DATABASE "${db}" ALLOW_CONNECTIONS true`);
    }
    expect(await store.check()).toBeNull();
    await store.createBoard(boardRecord('board-after'), Y.encodeStateAsUpdate(new Y.Doc()));
    expect(await store.getBoard('board-after')).not.toBeNull();
  });

  it('a wrong or unreachable DATABASE_URL fails at open with where (no password) and why', async () => {
    const port = new URL(baseUrl!).port;
    const wrongDb = await PgBoardStore.open(`postgres://postgres:secret@127.0.0.1:${port}/no_such_database`).catch((e: unknown) => e);
    expect(wrongDb).toBeInstanceOf(DatabaseUnavailableError);
    expect(String(wrongDb)).toMatch(/127\.0\.0\.1.*no_such_database.*does not exist/);
    expect(String(wrongDb)).not.toContain('secret');
    // A port nothing listens on: the one of a server that just closed.
    const net = await import('node:net');
    const closed = await new Promise<number>((resolve) => {
      const srv = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as import('node:net').AddressInfo).port;
        srv.close(() => resolve(p));
      });
    });
    const refused = await PgBoardStore.open(`postgres://postgres@127.0.0.1:${closed}/x`, { connectTimeoutMs: 2000 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DatabaseUnavailableError);
    expect(String(refused)).toMatch(new RegExp(`127\\.0\\.0\\.1:${closed}.*ECONNREFUSED`));
  });
});
