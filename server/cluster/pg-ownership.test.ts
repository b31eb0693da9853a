import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { migrate } from '../storage/pg/migrate';
import { testDatabaseUrl } from '../test-support/pg-test-database';
import { PgOwnership } from './pg-ownership';
import { PgBoardStore } from '../storage/pg/pg-store';
import { FencedError } from '../storage/board-store';
import * as Y from 'yjs';

const databaseUrl = await testDatabaseUrl('pg_ownership');

/** Leases with a fencing epoch (pg-ownership.ts) between instances that share one database. */
describe.skipIf(!databaseUrl)('board ownership in PostgreSQL', () => {
  let pool: pg.Pool;
  let store: PgBoardStore;
  const started: PgOwnership[] = [];
  const instance = async (name: string, leaseMs = 60_000) => {
    const o = await PgOwnership.start({ databaseUrl: databaseUrl!, instanceId: name, internalUrl: `http://${name}.test:1`, leaseMs, log: createLogger('silent'), pool });
    started.push(o);
    return o;
  };
  let boards = 0;
  const board = () => `board-${++boards}-xxxxxxxxxxxxxxxx`;

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: databaseUrl!, max: 8 });
    await migrate(pool);
    store = await PgBoardStore.open(databaseUrl!);
  });
  afterAll(async () => {
    for (const o of started) await o.close();
    await store?.close();
    await pool?.end();
  });

  /** A stored board (its record and an empty first state), and an update that adds `text` to it. */
  const storedBoard = async () => {
    const id = board();
    const tokens = { facilitator: 'f'.repeat(22), participant: 'p'.repeat(22), viewer: 'v'.repeat(22) };
    await store.createBoard({ id, title: 't', locale: 'en', createdAt: 0, tokens }, Y.encodeStateAsUpdate(new Y.Doc()));
    return id;
  };
  const update = (text: string) => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, text);
    return Y.encodeStateAsUpdate(doc);
  };
  const storedTexts = async (id: string) => {
    const doc = new Y.Doc();
    const stored = await store.loadDoc(id);
    for (const u of [stored.snapshot!, ...stored.updates]) Y.applyUpdate(doc, u);
    return { text: doc.getText('t').toString(), nextSeq: stored.nextSeq };
  };
  const epochOf = (c: unknown) => (c as { epoch: number }).epoch;

  it('two instances claiming one board at once: exactly one owns it, the other is told where it is', async () => {
    const [a, b] = await Promise.all([instance('a'), instance('b')]);
    for (let i = 0; i < 5; i++) {
      const id = board();
      const claims = await Promise.all([a.claim(id), b.claim(id)]);
      const owners = claims.filter((c) => c.owner);
      expect(owners).toHaveLength(1);
      const winner = claims[0].owner ? 'a' : 'b';
      const other = claims.find((c) => !c.owner);
      expect(other).toEqual({ owner: false, instance: winner, url: `http://${winner}.test:1` });
      // The owner asking again keeps it, under a new epoch (its old copy, if any, can no longer write).
      const again = await (winner === 'a' ? a : b).claim(id);
      expect(again).toMatchObject({ owner: true, takenOver: false });
      expect((again as { epoch: number }).epoch).toBeGreaterThan((owners[0] as { epoch: number }).epoch);
    }
  });

  it('takeover: at once when the owner\'s database session ends, and after the lease when the owner stops renewing', async () => {
    const a = await instance('a2');
    const b = await instance('b2');
    const gone = board();
    const first = await a.claim(gone);
    expect(first).toMatchObject({ owner: true, takenOver: false });
    expect(await b.claim(gone)).toMatchObject({ owner: false, instance: 'a2' });
    // a's process dies: its session (and liveness lock) ends, its lease has not expired.
    await a.close();
    const taken = await b.claim(gone);
    expect(taken).toMatchObject({ owner: true, takenOver: true });
    expect((taken as { epoch: number }).epoch).toBe((first as { epoch: number }).epoch + 1);

    // c is frozen (alive, session open, no heartbeat): its lease runs out and d takes the board.
    const c = await instance('c2', 60_000);
    const d = await instance('d2');
    const frozen = board();
    const lost: string[] = [];
    c.onLost((id) => lost.push(id));
    expect(await c.claim(frozen)).toMatchObject({ owner: true });
    expect(await d.claim(frozen)).toMatchObject({ owner: false, instance: 'c2' });
    await pool.query("UPDATE board_leases SET expires_at = now() - interval '1 second' WHERE board_id = $1", [frozen]);
    expect(await d.claim(frozen)).toMatchObject({ owner: true, takenOver: true });
    // c wakes up: its next heartbeat finds the lease gone and drops the board.
    await (c as unknown as { renew(): Promise<void> }).renew();
    expect(lost).toEqual([frozen]);
    // Released boards are claimed by the next instance without a takeover.
    const released = board();
    const held = await d.claim(released);
    await d.release(released, (held as { epoch: number }).epoch);
    expect(await b.claim(released)).toMatchObject({ owner: true, takenOver: false });
  });

  it('an owner that was taken over cannot write: appends, bindings, compactions and checkpoints under its epoch are refused', async () => {
    const a = await instance('a3');
    const b = await instance('b3');
    const id = await storedBoard();
    const old = epochOf(await a.claim(id));
    await store.appendUpdate(id, 0, update('A'), old);
    await a.close(); // a's session ends (it is paused, partitioned, …) and b takes the board
    const fresh = epochOf(await b.claim(id));
    expect(fresh).toBeGreaterThan(old);
    // a wakes up and carries on writing as if it still owned the board.
    await expect(store.appendUpdate(id, 1, update('stale'), old)).rejects.toBeInstanceOf(FencedError);
    await expect(store.bindClientOwners(id, [[42, 'p:stale']], old)).rejects.toBeInstanceOf(FencedError);
    await expect(store.compact(id, update('stale snapshot'), 0, 1, old)).rejects.toBeInstanceOf(FencedError);
    // Nor may it add a checkpoint of its stale copy, or thin the new owner's.
    const summary = { cards: 0, cardsPerStage: [], unplaced: 0, moments: 0, votes: 0 };
    const entry = (vid: string) => ({ id: vid, at: 1, by: null, kind: 'auto' as const, label: '', summary });
    await expect(store.putVersion(id, entry('0000000001stale'), update('stale checkpoint'), old)).rejects.toBeInstanceOf(FencedError);
    await store.putVersion(id, entry('0000000002fresh'), update('fresh checkpoint'), fresh);
    await expect(store.deleteVersions(id, ['0000000002fresh'], old)).rejects.toBeInstanceOf(FencedError);
    expect((await store.listVersions(id)).map((v) => v.id)).toEqual(['0000000002fresh']);
    // The new owner writes on.
    await store.appendUpdate(id, 1, update('B'), fresh);
    expect(await storedTexts(id)).toEqual({ text: expect.stringMatching(/^(AB|BA)$/), nextSeq: 2 });
    expect(await store.loadClientOwners(id)).toEqual(new Map());
  });

  it('a takeover waits for the old owner\'s append in flight, and loads it', async () => {
    const a = await instance('a4');
    const b = await instance('b4');
    const id = await storedBoard();
    const old = epochOf(await a.claim(id));
    // a is gone for the others (its lease ran out, it stopped renewing) but still writing.
    await pool.query("UPDATE board_leases SET expires_at = now() - interval '1 second' WHERE board_id = $1", [id]);
    // Hold the old owner's append inside its transaction, past its fence check: a lock on the
    // update table makes its INSERT wait.
    const blocker = await pool.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE board_updates IN SHARE MODE');
    const order: string[] = [];
    const appended = store.appendUpdate(id, 0, update('in flight'), old).then(() => order.push('append committed'));
    for (;;) {
      const { rows } = await pool.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO board_updates%'");
      if (rows[0].n > 0) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    // b claims while a's append is still in flight.
    const claimed = b.claim(id).then((c) => (order.push('claimed'), c));
    // The claim is queued behind the append's fence (FOR SHARE) for as long as the append runs.
    for (;;) {
      const { rows } = await pool.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'SELECT owner_id%FOR UPDATE'");
      if (rows[0].n > 0) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(order).toEqual([]);
    await blocker.query('COMMIT');
    blocker.release();
    const claim = await claimed;
    await appended;
    expect(order).toEqual(['append committed', 'claimed']);
    expect(claim).toMatchObject({ owner: true, takenOver: true });
    // What the old owner had confirmed is there for the new one.
    expect(await storedTexts(id)).toEqual({ text: 'in flight', nextSeq: 1 });
  });
});
