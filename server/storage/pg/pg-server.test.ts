import net from 'node:net';
import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { addCard } from '../../../shared/commands';
import { createBoardViaApi, destroyAllClients, sleep, syncedClient, withTimeout } from '../../test-support/clients';
import { testDatabaseUrl } from '../../test-support/pg-test-database';
import { sqlOnce as sql } from '../../test-support/pg-cluster';
import { killAllServerProcesses, spawnServer } from '../../test-support/server-process';
import { startTestServer, tempDir, type TestServer } from '../../test-support/server';

const databaseUrl = await testDatabaseUrl('pg_server');


/** The server with DATABASE_URL: the same promises as on LevelDB, and the database's health told. */
describe.skipIf(!databaseUrl)('the server on PostgreSQL', () => {
  let t: TestServer | undefined;
  const dirs: string[] = [];
  afterEach(async () => {
    destroyAllClients();
    await t?.stop();
    t = undefined;
    await killAllServerProcesses();
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });

  it('kill -9 of the process: a new one on the same database has every card any client had received; nothing goes to DATA_DIR', async () => {
    const url = (await testDatabaseUrl('pg_server'))!;
    const dataDir = await tempDir('journey-pg-proc-');
    dirs.push(dataDir);
    // Compacting every few updates: snapshots replace the log in PostgreSQL while the burst runs.
    const first = spawnServer(dataDir, { DATABASE_URL: url, COMPACT_EVERY: '7' });
    const { url: http1 } = await withTimeout(first.ready, 20_000, 'the server to listen');
    const b = await createBoardViaApi(http1, { locale: 'en' });
    const [writer, reader] = await Promise.all([syncedClient(http1, b.id, b.tokens.participant), syncedClient(http1, b.id, b.tokens.viewer)]);
    let writing = true;
    const burst = (async () => {
      for (let i = 0; writing && i < 400; i++) {
        addCard(writer.doc, { stage: 'use', lane: 'ideas', text: `card ${i}` });
        await sleep(2);
      }
    })();
    await reader.waitFor(() => reader.doc.getMap('cards').size >= 20, 'twenty cards relayed', 15_000);
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    writing = false;
    await burst;
    // What the viewer received was relayed, so stored before: all of it must come back.
    const received = [...reader.doc.getMap('cards').keys()];
    destroyAllClients();
    const second = spawnServer(dataDir, { DATABASE_URL: url });
    const { url: http2 } = await withTimeout(second.ready, 20_000, 'the restarted server to listen');
    const fresh = await syncedClient(http2, b.id, b.tokens.viewer);
    expect(received.filter((id) => !fresh.doc.getMap('cards').has(id))).toEqual([]);
    expect(fresh.doc.getArray('stages').length).toBe(6);
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(dataDir)).toEqual([]);
  }, 60_000); // two server processes start: several seconds each on a busy machine

  it('/healthz answers 503 with the reason while the database refuses connections, 200 again once it is back', async () => {
    const url = (await testDatabaseUrl('pg_server'))!;
    t = await startTestServer({ databaseUrl: url });
    expect(await (await fetch(`${t.url}/healthz`)).json()).toEqual({ ok: true });
    const db = new URL(url).pathname.slice(1);
    const admin = new URL(url);
    admin.pathname = '/postgres';
    admin.search = '';
    await sql(admin.href, `ALTER DATABASE "${db}" ALLOW_CONNECTIONS false`);
    try {
      await sql(admin.href, 'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [db]);
      const down = await fetch(`${t.url}/healthz`);
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ ok: false, reason: expect.stringMatching(/^database unreachable: .*not currently accepting connections/) });
    } finally {
      await sql(admin.href, `ALTER DATABASE "${db}" ALLOW_CONNECTIONS true`);
    }
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    // And it serves again: a board can be created and opened.
    const b = await createBoardViaApi(t.url);
    await syncedClient(t.url, b.id, b.tokens.viewer);
  });

  it('an unreachable DATABASE_URL stops the start with where (without the password) and why', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const srv = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as net.AddressInfo).port;
        srv.close(() => resolve(p));
      });
    });
    const dataDir = await tempDir('journey-pg-proc-');
    dirs.push(dataDir);
    const proc = spawnServer(dataDir, { DATABASE_URL: `postgres://journey:hunter2@127.0.0.1:${closedPort}/journey` });
    const exit = await withTimeout(proc.exited, 20_000, 'the server to give up');
    expect(exit.code).toBe(1);
    expect(proc.stderr()).toContain(`could not use the PostgreSQL database at postgres://journey:***@127.0.0.1:${closedPort}/journey: `);
    expect(proc.stderr()).toMatch(/ECONNREFUSED/);
    expect(proc.stderr()).toMatch(/Check DATABASE_URL/);
    expect(proc.stderr() + proc.stdout()).not.toContain('hunter2');
  }, 30_000);
});
