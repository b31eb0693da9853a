import pg from 'pg';
import type { VersionEntry } from '../../../shared/history/version-types';
import { FencedError, type BoardRecord, type BoardStore, type DroppedRecord, type Fence, type StoredDoc } from '../board-store';
import { migrate } from './migrate';

/**
 * The board store on PostgreSQL (DATABASE_URL), through node-postgres. Schema: migrations/*.sql.
 *
 * Writes go through one queue per board: writes issued in the same tick are grouped and committed
 * together (one transaction, one commit, as LevelDB's batches), and a board's groups commit one after
 * the other in the order issued, so a client id binding is durable no later than the update after it
 * and a compaction never overtakes the appends it replaces. Different boards commit in parallel, on
 * as many connections as the pool has. A write resolves once PostgreSQL has committed it (durable as
 * far as the server's synchronous_commit says; `on`, the default, means flushed to its WAL).
 */
type Write =
  | { kind: 'create'; record: BoardRecord; state: Uint8Array }
  | { kind: 'append'; seq: number; body: Uint8Array }
  | { kind: 'bind'; bindings: ReadonlyArray<readonly [number, string]> }
  | { kind: 'compact'; snapshot: Uint8Array; firstSeq: number; uptoSeq: number }
  | { kind: 'putVersion'; entry: VersionEntry; state: Uint8Array }
  | { kind: 'deleteVersions'; versionIds: readonly string[] };

interface Queued {
  write: Write;
  /** The owner's epoch when several instances share the database (server/cluster/). */
  fence: Fence;
  resolve: () => void;
  reject: (err: unknown) => void;
}

interface Lane {
  pending: Queued[];
  scheduled: boolean;
  running: Promise<void> | null;
}

interface Statement {
  text: string;
  values: unknown[];
}

export interface PgStoreOptions {
  /** Connections in the pool (DATABASE_POOL_SIZE). */
  poolSize?: number;
  /** How long to wait for a connection to PostgreSQL before giving up. */
  connectTimeoutMs?: number;
  /** Told about errors of idle connections (PostgreSQL restarted, network cut); the pool replaces them. */
  onIdleError?: (err: Error) => void;
}

/** PostgreSQL could not be reached or refused us at start: the message says where and why. */
export class DatabaseUnavailableError extends Error {}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(DATABASE_URL is not a valid URL)';
  }
}

const bytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

export class PgBoardStore implements BoardStore {
  private lanes = new Map<string, Lane>();
  private closed = false;

  private constructor(readonly pool: pg.Pool) {}

  /** Connects, checks the server answers, and migrates the schema. Throws DatabaseUnavailableError. */
  static async open(url: string, opts: PgStoreOptions = {}): Promise<PgBoardStore> {
    const where = redactUrl(url);
    let pool: pg.Pool;
    try {
      pool = new pg.Pool({
        connectionString: url,
        max: opts.poolSize ?? 10,
        connectionTimeoutMillis: opts.connectTimeoutMs ?? 10_000,
        // A database host that vanishes is noticed by TCP keepalive, not only at the next query.
        keepAlive: true,
        application_name: 'journey-studio',
      });
    } catch (err) {
      throw new DatabaseUnavailableError(`DATABASE_URL is not usable (${where}): ${(err as Error).message}`);
    }
    pool.on('error', (err) => opts.onIdleError?.(err));
    try {
      await migrate(pool);
    } catch (err) {
      await pool.end().catch(() => undefined);
      const e = err as { code?: string; message?: string };
      const why = e.message || e.code || String(err);
      throw new DatabaseUnavailableError(`could not use the PostgreSQL database at ${where}: ${why}`);
    }
    return new PgBoardStore(pool);
  }

  /** null when the database answers, otherwise why not (for /healthz). */
  async check(timeoutMs = 2000): Promise<string | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve(`no answer from the database within ${timeoutMs} ms`), timeoutMs);
    });
    const ping = this.pool.query('SELECT 1').then(
      () => null,
      (err: Error) => `database unreachable: ${err.message}`,
    );
    try {
      return await Promise.race([ping, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  // --- writes ---------------------------------------------------------------------------------

  private enqueue(boardId: string, write: Write, fence?: Fence): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the store is closed'));
    return new Promise((resolve, reject) => {
      let lane = this.lanes.get(boardId);
      if (!lane) this.lanes.set(boardId, (lane = { pending: [], scheduled: false, running: null }));
      lane.pending.push({ write, fence, resolve, reject });
      if (!lane.scheduled && !lane.running) {
        lane.scheduled = true;
        // Everything issued in this tick joins the same group (a binding and the update that needs it).
        setImmediate(() => this.startLane(boardId, lane));
      }
    });
  }

  private startLane(boardId: string, lane: Lane): void {
    lane.scheduled = false;
    if (!lane.running && lane.pending.length > 0) lane.running = this.drainLane(boardId, lane);
  }

  private async drainLane(boardId: string, lane: Lane): Promise<void> {
    while (lane.pending.length > 0) {
      // A group shares one fence (an epoch changes only when a board changes hands).
      const fence = lane.pending[0].fence;
      const cut = lane.pending.findIndex((g) => g.fence !== fence);
      const group = cut === -1 ? lane.pending : lane.pending.slice(0, cut);
      lane.pending = cut === -1 ? [] : lane.pending.slice(cut);
      try {
        await this.commit(statementsFor(boardId, group.map((g) => g.write)), fence === undefined ? undefined : { boardId, epoch: fence });
        for (const g of group) g.resolve();
      } catch (err) {
        for (const g of group) g.reject(err);
      }
    }
    lane.running = null;
    if (this.lanes.get(boardId) === lane && lane.pending.length === 0 && !lane.scheduled) this.lanes.delete(boardId);
  }

  /** One statement commits on its own; several go in one transaction (all or nothing). */
  private async commit(statements: Statement[], fence?: { boardId: string; epoch: number }): Promise<void> {
    if (statements.length === 1 && !fence) {
      await this.pool.query(statements[0].text, statements[0].values);
      return;
    }
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // A fenced group (server/cluster/) first checks, in the same transaction, that the epoch is still
      // the board's (FOR SHARE: a takeover, which locks the lease FOR UPDATE, waits for this commit),
      // and writes nothing if not.
      if (fence) {
        const held = await client.query('SELECT 1 FROM board_leases WHERE board_id = $1 AND epoch = $2 FOR SHARE', [fence.boardId, fence.epoch]);
        if (held.rowCount !== 1) throw new FencedError(fence.boardId, fence.epoch);
      }
      for (const s of statements) await client.query(s.text, s.values);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  createBoard(record: BoardRecord, initialState: Uint8Array): Promise<void> {
    return this.enqueue(record.id, { kind: 'create', record, state: initialState });
  }

  appendUpdate(id: string, seq: number, update: Uint8Array, fence?: Fence): Promise<void> {
    return this.enqueue(id, { kind: 'append', seq, body: update }, fence);
  }

  compact(id: string, snapshot: Uint8Array, firstSeq: number, uptoSeq: number, fence?: Fence): Promise<void> {
    return this.enqueue(id, { kind: 'compact', snapshot, firstSeq, uptoSeq }, fence);
  }

  bindClientOwners(id: string, bindings: ReadonlyArray<readonly [client: number, owner: string]>, fence?: Fence): Promise<void> {
    if (bindings.length === 0) return Promise.resolve();
    return this.enqueue(id, { kind: 'bind', bindings }, fence);
  }

  putVersion(id: string, entry: VersionEntry, state: Uint8Array, fence?: Fence): Promise<void> {
    return this.enqueue(id, { kind: 'putVersion', entry, state }, fence);
  }

  deleteVersions(id: string, versionIds: readonly string[], fence?: Fence): Promise<void> {
    if (versionIds.length === 0) return Promise.resolve();
    return this.enqueue(id, { kind: 'deleteVersions', versionIds }, fence);
  }

  // --- reads ----------------------------------------------------------------------------------

  async getBoard(id: string): Promise<BoardRecord | null> {
    const { rows } = await this.pool.query<{ record: BoardRecord }>('SELECT record FROM boards WHERE id = $1', [id]);
    return rows[0]?.record ?? null;
  }

  async loadDoc(id: string): Promise<StoredDoc> {
    // One statement sees one snapshot of the database: a compaction committing meanwhile is seen
    // entirely or not at all (never the old snapshot without the updates it replaced).
    const { rows } = await this.pool.query<{ seq: string | null; body: Buffer; first_seq: string | null }>(
      `SELECT NULL::bigint AS seq, snapshot AS body, first_seq FROM boards WHERE id = $1
       UNION ALL
       SELECT seq, body, NULL FROM board_updates WHERE board_id = $1
       ORDER BY seq NULLS FIRST`,
      [id],
    );
    const head = rows[0]?.seq === null ? rows[0] : undefined;
    if (!head) return { snapshot: null, updates: [], seqs: [], firstSeq: 0, nextSeq: 0, dropped: [{ seq: null, reason: 'missing', count: 1 }] };
    const firstSeq = Number(head.first_seq);
    const updates: Uint8Array[] = [];
    const seqs: number[] = [];
    const dropped: DroppedRecord[] = [];
    let expected = firstSeq;
    for (const row of rows.slice(1)) {
      const seq = Number(row.seq);
      // Left by a write that failed at the time (logged then), or below the snapshot: never loaded twice.
      if (seq < expected) continue;
      if (seq > expected) dropped.push({ seq: expected, reason: 'missing', count: seq - expected });
      updates.push(bytes(row.body));
      seqs.push(seq);
      expected = seq + 1;
    }
    return { snapshot: bytes(head.body), updates, seqs, dropped, firstSeq, nextSeq: expected };
  }

  async loadClientOwners(id: string): Promise<Map<number, string>> {
    const { rows } = await this.pool.query<{ client: string; owner: string }>('SELECT client, owner FROM board_client_owners WHERE board_id = $1', [id]);
    return new Map(rows.map((r) => [Number(r.client), r.owner]));
  }

  async listVersions(id: string): Promise<VersionEntry[]> {
    const { rows } = await this.pool.query<{ entry: VersionEntry }>('SELECT entry FROM board_versions WHERE board_id = $1 ORDER BY version_id', [id]);
    return rows.map((r) => r.entry);
  }

  async getVersion(id: string, versionId: string): Promise<Uint8Array | null> {
    const { rows } = await this.pool.query<{ state: Buffer }>('SELECT state FROM board_versions WHERE board_id = $1 AND version_id = $2', [id, versionId]);
    return rows[0] ? bytes(rows[0].state) : null;
  }

  /** Every board id, in id order, `limit` at a time after `after` (copy-boards). */
  async listBoardIds(after = '', limit = 500): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>('SELECT id FROM boards WHERE id > $1 ORDER BY id LIMIT $2', [after, limit]);
    return rows.map((r) => r.id);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Everything already issued is committed (or fails) before the connections close.
    while (this.lanes.size > 0) {
      await Promise.all([...this.lanes.values()].map((l) => l.running ?? new Promise<void>((r) => setImmediate(r))));
    }
    await this.pool.end();
  }
}

/** A group of writes as SQL, in the order issued; runs of appends or bindings become one statement. */
function statementsFor(boardId: string, writes: Write[]): Statement[] {
  const out: Statement[] = [];
  for (let i = 0; i < writes.length; i++) {
    const w = writes[i];
    switch (w.kind) {
      case 'create':
        out.push({
          text: 'INSERT INTO boards (id, record, snapshot, first_seq) VALUES ($1, $2, $3, 0)',
          values: [boardId, JSON.stringify(w.record), w.state],
        });
        break;
      case 'append': {
        const seqs: number[] = [];
        const bodies: Uint8Array[] = [];
        for (; i < writes.length && writes[i].kind === 'append'; i++) {
          const a = writes[i] as Extract<Write, { kind: 'append' }>;
          seqs.push(a.seq);
          bodies.push(a.body);
        }
        i--;
        out.push(
          seqs.length === 1
            ? { text: 'INSERT INTO board_updates (board_id, seq, body) VALUES ($1, $2, $3)', values: [boardId, seqs[0], bodies[0]] }
            : { text: 'INSERT INTO board_updates (board_id, seq, body) SELECT $1, * FROM unnest($2::bigint[], $3::bytea[])', values: [boardId, seqs, bodies] },
        );
        break;
      }
      case 'bind': {
        const clients: number[] = [];
        const owners: string[] = [];
        for (; i < writes.length && writes[i].kind === 'bind'; i++) {
          for (const [client, owner] of (writes[i] as Extract<Write, { kind: 'bind' }>).bindings) {
            clients.push(client);
            owners.push(owner);
          }
        }
        i--;
        // A binding is never changed once stored: the first one stays.
        out.push({
          text: 'INSERT INTO board_client_owners (board_id, client, owner) SELECT $1, * FROM unnest($2::bigint[], $3::text[]) ON CONFLICT DO NOTHING',
          values: [boardId, clients, owners],
        });
        break;
      }
      case 'compact':
        out.push(
          { text: 'UPDATE boards SET snapshot = $2, first_seq = $3 WHERE id = $1', values: [boardId, w.snapshot, w.uptoSeq] },
          // Everything below uptoSeq: what [firstSeq, uptoSeq) replaced, and any leftover of a failed write.
          { text: 'DELETE FROM board_updates WHERE board_id = $1 AND seq < $2', values: [boardId, w.uptoSeq] },
        );
        break;
      case 'putVersion':
        out.push({
          text: `INSERT INTO board_versions (board_id, version_id, entry, state) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (board_id, version_id) DO UPDATE SET entry = EXCLUDED.entry, state = EXCLUDED.state`,
          values: [boardId, w.entry.id, JSON.stringify(w.entry), w.state],
        });
        break;
      case 'deleteVersions':
        out.push({ text: 'DELETE FROM board_versions WHERE board_id = $1 AND version_id = ANY($2::text[])', values: [boardId, [...w.versionIds]] });
        break;
    }
  }
  return out;
}
