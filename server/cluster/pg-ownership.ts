import { randomInt } from 'node:crypto';
import pg from 'pg';
import type { Logger } from '../log';
import type { Claim, Ownership } from './ownership';

/**
 * Board ownership in PostgreSQL (table board_leases, migration 0002): a lease per board with the
 * owner's name, its INTERNAL_URL, an epoch and an expiry renewed by a heartbeat.
 *
 * An owner counts as gone when its lease expired (it stopped renewing: frozen, partitioned, its
 * database unreachable) or when its liveness lock is free: each instance holds one session-level
 * advisory lock on a connection it keeps for life, which PostgreSQL frees the moment that session
 * ends (a kill -9 closes the socket; a vanished host after TCP keepalive). So a killed owner's boards
 * are taken over at the next claim, a frozen one's after the lease (LEASE_MS).
 *
 * Safety does not rest on either: each claim raises the board's epoch, and the store refuses any
 * write whose epoch is not the current one, in the write's own transaction (fence.ts). The claim
 * locks the lease row FOR UPDATE, which waits for the fenced writes in flight (they hold it FOR SHARE),
 * so a takeover loads everything the old owner ever had confirmed.
 */

/** First key of the two-key advisory locks this uses (one-key locks, e.g. migrations, never collide). */
export const LIVENESS_LOCK_CLASS = 0x4a53; // "JS"

export interface PgOwnershipOptions {
  databaseUrl: string;
  instanceId: string;
  /** Where the others reach this instance (its websocket hops go there). */
  internalUrl: string;
  leaseMs: number;
  log: Logger;
  /** Pool for claims, renewals and releases (the store's, usually). */
  pool: pg.Pool;
}

export class PgOwnership implements Ownership {
  readonly instanceId: string;
  /** Boards this instance holds, with the epoch of its claim. */
  private held = new Map<string, number>();
  private listeners: Array<(board: string, epoch: number) => void> = [];
  private liveness: pg.Client | null = null;
  private key = 0;
  private heartbeat: NodeJS.Timeout | null = null;
  /** When the last renewal that succeeded had started. */
  private renewedAt = Date.now();
  private closed = false;
  private reconnecting: Promise<void> | null = null;

  private constructor(private opts: PgOwnershipOptions) {
    this.instanceId = opts.instanceId;
  }

  static async start(opts: PgOwnershipOptions): Promise<PgOwnership> {
    const o = new PgOwnership(opts);
    await o.takeLiveness();
    o.heartbeat = setInterval(() => void o.renew(), Math.max(100, Math.floor(opts.leaseMs / 4)));
    o.heartbeat.unref();
    return o;
  }

  /** Opens the liveness session and takes a lock key nobody holds. */
  private async takeLiveness(): Promise<void> {
    const client = new pg.Client({ connectionString: this.opts.databaseUrl, keepAlive: true, application_name: `journey ${this.instanceId} liveness` });
    await client.connect();
    for (;;) {
      const key = randomInt(1, 2 ** 31 - 1);
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [LIVENESS_LOCK_CLASS, key]);
      if (rows[0].ok) {
        this.key = key;
        break;
      }
    }
    client.on('error', (err) => this.livenessLost(client, String(err)));
    client.on('end', () => this.livenessLost(client, 'session ended'));
    this.liveness = client;
  }

  /**
   * The liveness session ended, so others may already have taken our boards: drop them all (the fence
   * would refuse their writes anyway) and start again under a new key.
   */
  private livenessLost(client: pg.Client, why: string): void {
    if (this.liveness !== client || this.closed) return;
    this.liveness = null;
    this.opts.log.error('database session of this instance ended; dropping its boards', { why });
    this.loseAll();
    this.reconnecting ??= (async () => {
      for (let delay = 200; !this.closed && !this.liveness; delay = Math.min(delay * 2, 5_000)) {
        try {
          await this.takeLiveness();
        } catch (err) {
          this.opts.log.warn('database still unreachable', { err: String(err) });
          await new Promise((r) => setTimeout(r, delay).unref());
        }
      }
      this.reconnecting = null;
    })();
  }

  private loseAll(): void {
    const lost = [...this.held];
    this.held.clear();
    for (const [board, epoch] of lost) for (const l of this.listeners) l(board, epoch);
  }

  onLost(listener: (board: string, epoch: number) => void): void {
    this.listeners.push(listener);
  }

  async claim(board: string): Promise<Claim> {
    if (this.closed) throw new Error('shutting down');
    if (!this.liveness) throw new Error('no database session (reconnecting)');
    const key = this.key;
    const client = await this.opts.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('INSERT INTO board_leases (board_id) VALUES ($1) ON CONFLICT (board_id) DO NOTHING', [board]);
      // FOR UPDATE waits for the old owner's fenced writes in flight (they hold the row FOR SHARE).
      const { rows } = await client.query<{ owner_id: string | null; owner_url: string | null; owner_key: number | null; live: boolean }>(
        'SELECT owner_id, owner_url, owner_key, expires_at > now() AS live FROM board_leases WHERE board_id = $1 FOR UPDATE',
        [board],
      );
      const row = rows[0];
      const foreign = row.owner_key !== null && row.owner_key !== key;
      if (foreign && row.live) {
        // The lease runs: the owner is alive unless its liveness lock is free (its session ended).
        const { rows: lock } = await client.query<{ free: boolean }>('SELECT pg_try_advisory_xact_lock($1, $2) AS free', [LIVENESS_LOCK_CLASS, row.owner_key]);
        if (!lock[0].free) {
          await client.query('COMMIT');
          return { owner: false, instance: row.owner_id ?? '?', url: row.owner_url ?? '' };
        }
      }
      const { rows: updated } = await client.query<{ epoch: string }>(
        `UPDATE board_leases SET owner_id = $2, owner_url = $3, owner_key = $4, epoch = epoch + 1,
           expires_at = now() + $5 * interval '1 millisecond'
         WHERE board_id = $1 RETURNING epoch`,
        [board, this.instanceId, this.opts.internalUrl, key, this.opts.leaseMs],
      );
      await client.query('COMMIT');
      const epoch = Number(updated[0].epoch);
      // Our liveness session may have ended while this ran: the lease is then under a dead key.
      if (key !== this.key || !this.liveness) throw new Error('database session of this instance ended during a claim');
      this.held.set(board, epoch);
      return { owner: true, epoch, takenOver: foreign };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  /** Another live instance that owns the board (its lease runs and its session lives), or null. */
  async ownerOf(board: string): Promise<{ instance: string; url: string } | null> {
    const client = await this.opts.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ owner_id: string; owner_url: string; owner_key: number }>(
        'SELECT owner_id, owner_url, owner_key FROM board_leases WHERE board_id = $1 AND owner_key IS NOT NULL AND owner_key <> $2 AND expires_at > now()',
        [board, this.key],
      );
      const row = rows[0];
      // Trying its liveness lock tells whether its session still lives; the lock goes with the transaction.
      const alive = row && (await client.query<{ free: boolean }>('SELECT pg_try_advisory_xact_lock($1, $2) AS free', [LIVENESS_LOCK_CLASS, row.owner_key])).rows[0].free === false;
      await client.query('COMMIT');
      return alive ? { instance: row.owner_id, url: row.owner_url } : null;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async release(board: string, epoch: number): Promise<void> {
    if (this.held.get(board) === epoch) this.held.delete(board);
    await this.opts.pool.query(
      `UPDATE board_leases SET owner_id = NULL, owner_url = NULL, owner_key = NULL, expires_at = '-infinity'
       WHERE board_id = $1 AND epoch = $2`,
      [board, epoch],
    );
  }

  /**
   * The heartbeat: extends every lease this instance holds, in one statement. A board it holds that is
   * not among them was taken over: it is dropped here. When renewals keep failing for a whole lease,
   * every board is dropped: another instance may take them over from then on.
   */
  private async renew(): Promise<void> {
    if (this.closed || !this.liveness) return;
    const started = Date.now();
    const before = new Map(this.held);
    try {
      const { rows } = await this.opts.pool.query<{ board_id: string; epoch: string }>(
        `UPDATE board_leases SET expires_at = now() + $3 * interval '1 millisecond'
         WHERE owner_key = $1 AND owner_id = $2 RETURNING board_id, epoch`,
        [this.key, this.instanceId, this.opts.leaseMs],
      );
      this.renewedAt = started;
      const still = new Map(rows.map((r) => [r.board_id, Number(r.epoch)]));
      for (const [board, epoch] of before) {
        if (still.get(board) === epoch || this.held.get(board) !== epoch) continue;
        this.held.delete(board);
        for (const l of this.listeners) l(board, epoch);
      }
    } catch (err) {
      this.opts.log.warn('lease renewal failed', { err: String(err) });
      if (Date.now() - this.renewedAt > this.opts.leaseMs) {
        this.opts.log.error('leases could not be renewed for a whole lease; dropping every board');
        this.loseAll();
      }
    }
  }

  /** How many boards this instance holds. */
  get size(): number {
    return this.held.size;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    const client = this.liveness;
    this.liveness = null;
    // Anything not released is freed by the session's end (the liveness lock) for the next claim.
    if (client) await client.end().catch(() => undefined);
  }
}
