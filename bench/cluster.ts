/**
 * Section `cluster`: two instances of our server on one PostgreSQL (docs/scaling.md), side by side
 * with the reference server.
 *
 * Instance A owns the boards (an extra stock client opens each board on A first, so A claims it, and
 * stays connected); instance B pipes its clients to A over a hop. Per run, stock clients in two worker
 * processes (a board's clients in one process: one clock for send and receipt); client 0 of each board
 * writes a card-text edit every INTERVAL_MS and every other client records receipt − send, with:
 *   owner        every client on A;
 *   writer on B  the writer on B (non-owner), the readers on A;
 *   readers on B the writer on A, the readers on B;
 *   reference    every client on the y-websocket@1.5.4 server.
 * Then takeover, repeated: a fresh board claimed by A, two stock clients on B (piped to A); A is killed
 * with SIGKILL; one of them makes an edit right away. Measured from the SIGKILL: until board_leases
 * names B, and until the other client on B sees the edit (both reconnect to B on their own).
 */
import pg from 'pg';
import { rmSync } from 'node:fs';
import * as Y from 'yjs';
import { addCard } from '../shared/commands/cards';
import { roots } from '../shared/doc/board-doc';
import { startPgCluster, type PgCluster } from '../server/test-support/pg-cluster';
import type { Row, SectionResult } from './support/report';
import { startOurs, startReference, type BenchServer } from './support/spawn-server';
import { connectStock, type StockClient } from './support/stock-client';
import { median, medianOf, summarize } from './support/stats';
import { split, startWorkers, type ClientWorker } from './support/workers';

export interface ClusterOptions {
  boards: number;
  clientsPerBoard: number;
  runs: number;
  writesPerBoard: number;
  intervalMs: number;
  takeovers: number;
  /** LEASE_MS of both instances. */
  leaseMs: number;
  seed: number;
}

export const CLUSTER_DEFAULTS: ClusterOptions = {
  boards: 2,
  clientsPerBoard: 4,
  runs: 3,
  writesPerBoard: 60,
  intervalMs: 40,
  takeovers: 3,
  // The default: a kill -9 ends the owner's database session, which frees the board at once, so the
  // takeover does not wait for the lease; LEASE_MS only matters for a frozen owner.
  leaseMs: 5_000,
  seed: 20261202,
};

type Placement = 'owner' | 'writer-on-b' | 'readers-on-b' | 'reference';
const PLACEMENTS: Placement[] = ['owner', 'writer-on-b', 'readers-on-b', 'reference'];
const PLACEMENT_NAME: Record<Placement, string> = {
  owner: 'every client on the owner (A)',
  'writer-on-b': 'writer on the non-owner (B), readers on A',
  'readers-on-b': 'writer on A, readers on the non-owner (B)',
  reference: 'reference server',
};

interface RunResult {
  placement: Placement;
  p50: number;
  p95: number;
  samples: number;
  lost: number;
}

const SECRET = 'bench-cluster-secret-0123456789abcdef';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function latencyRun(
  placement: Placement,
  boards: Array<{ room: string; token: string }>,
  a: BenchServer,
  b: BenchServer,
  reference: BenchServer,
  workers: ClientWorker[],
  opts: ClusterOptions,
  seed: number,
): Promise<RunResult> {
  const server = placement === 'reference' ? reference : a;
  const others = placement === 'readers-on-b' ? b.wsBase : server.wsBase;
  const writer = placement === 'writer-on-b' ? b.wsBase : server.wsBase;
  const wsBaseOf = Array.from({ length: opts.clientsPerBoard }, (_, i) => (i === 0 ? writer : others));
  const groups = split(boards, workers.length);
  const active = workers.filter((_, i) => groups[i].length > 0);
  try {
    await Promise.all(
      active.map((w, i) =>
        w.call({ type: 'connect', kind: server.kind, wsBase: server.wsBase, wsBaseOf, boards: groups[i], perBoard: opts.clientsPerBoard, seed: seed + i }, 60_000, 'connected'),
      ),
    );
    const lat = await Promise.all(
      active.map((w, i) =>
        w.call({ type: 'latency', writesPerBoard: opts.writesPerBoard, intervalMs: opts.intervalMs, drainMs: 5_000, seed: seed * 7 + i, writers: [0] }, 60_000, 'latencies'),
      ),
    );
    const all: number[] = lat.flatMap((l) => Array.from(l.latencies));
    const s = summarize(all);
    return { placement, p50: s.p50, p95: s.p95, samples: s.n, lost: lat.reduce((n, l) => n + (l.expected - l.received), 0) };
  } finally {
    await Promise.all(active.map((w) => w.call({ type: 'close' }, 30_000).catch(() => undefined)));
  }
}

async function until(cond: () => boolean | Promise<boolean>, timeoutMs: number, what: string, everyMs = 10): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!(await cond())) {
    if (performance.now() > end) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(everyMs);
  }
}

export async function runCluster(opts: ClusterOptions = CLUSTER_DEFAULTS, log: (s: string) => void = console.log): Promise<SectionResult> {
  const rows: Row[] = [];
  const notes: string[] = [];
  let cluster: PgCluster | null = null;
  let pool: pg.Pool | null = null;
  const servers = new Set<BenchServer>();
  const dataDirs: string[] = [];
  let workers: ClientWorker[] = [];
  const results: RunResult[] = [];
  const claimedMs: number[] = [];
  const relayedMs: number[] = [];
  const stock: StockClient[] = [];
  try {
    cluster = await startPgCluster();
    const databaseUrl = await cluster.createDatabase('cluster');
    pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    const startInstance = async (id: string) => {
      const s = await startOurs({ env: { DATABASE_URL: databaseUrl, CLUSTER_SECRET: SECRET, INSTANCE_ID: id, LEASE_MS: String(opts.leaseMs) } });
      servers.add(s);
      if (s.dataDir) dataDirs.push(s.dataDir);
      return s;
    };
    const ownerOf = async (board: string) =>
      (await pool!.query<{ owner_id: string | null }>('SELECT owner_id FROM board_leases WHERE board_id = $1', [board])).rows[0]?.owner_id ?? null;
    // A claims a board: the first client to reach it is on A, and stays there.
    const claimOnA = async (a: BenchServer, room: string, token: string, idA: string) => {
      stock.push(await connectStock(a.wsBase, room, token));
      const owner = await ownerOf(room);
      if (owner !== idA) throw new Error(`board ${room} is owned by ${owner}, expected ${idA}`);
    };

    let a = await startInstance('a');
    const b = await startInstance('b');
    const reference = await startReference();
    servers.add(reference);
    workers = await startWorkers(2);

    // 1. Latency by placement. The same boards serve every run of ours (A keeps them: its claim client stays).
    const oursBoards = [];
    for (let i = 0; i < opts.boards; i++) {
      const board = await a.createBoard();
      await claimOnA(a, board.room, board.token, 'a');
      oursBoards.push({ room: board.room, token: board.token });
    }
    let seed = opts.seed;
    for (let r = 0; r < opts.runs; r++) {
      // Rotated each run, so no placement always goes first.
      const order = PLACEMENTS.map((_, i) => PLACEMENTS[(i + r) % PLACEMENTS.length]);
      for (const placement of order) {
        const boards = placement === 'reference' ? await Promise.all(Array.from({ length: opts.boards }, () => reference.createBoard())) : oursBoards;
        const res = await latencyRun(placement, boards, a, b, reference, workers, opts, seed++);
        results.push(res);
        log(`  cluster ${placement.padEnd(12)} run ${r + 1}: p50 ${res.p50.toFixed(2)} p95 ${res.p95.toFixed(2)} ms (${res.samples} samples, ${res.lost} lost)`);
      }
    }
    for (const board of oursBoards) {
      const owner = await ownerOf(board.room);
      if (owner !== 'a') throw new Error(`board ${board.room} moved to ${owner} during the latency runs`);
    }
    const forwarded = (await b.metrics()).get('journey_cluster_forwarded_total');
    notes.push(`B piped ${forwarded ?? '?'} connections to A during the latency runs (journey_cluster_forwarded_total); every board stayed with A.`);

    // 2. Takeover after kill -9 of the owner.
    // The latency boards' claim clients go first: they would only retry the killed A.
    for (const c of stock.splice(0)) c.destroy();
    let idA = 'a';
    for (let t = 0; t < opts.takeovers; t++) {
      const board = await a.createBoard();
      await claimOnA(a, board.room, board.token, idA);
      const writer = await connectStock(b.wsBase, board.room, board.token);
      const reader = await connectStock(b.wsBase, board.room, board.token);
      stock.push(writer, reader);
      const killed = a;
      servers.delete(a);
      const t0 = performance.now();
      await killed.stop({ signal: 'SIGKILL' });
      const card = addCard(writer.doc, { stage: 'use', lane: 'ideas', text: `after kill ${t}`, author: 'bench' });
      let claimed = NaN;
      let relayed = NaN;
      await Promise.all([
        until(async () => (await ownerOf(board.room)) === 'b', 30_000, 'B to claim the board', 20).then(() => (claimed = performance.now() - t0)),
        until(() => roots(reader.doc).cards.get(card) instanceof Y.Map, 30_000, 'the edit made after the kill to reach the other client').then(() => (relayed = performance.now() - t0)),
      ]);
      claimedMs.push(claimed);
      relayedMs.push(relayed);
      log(`  takeover ${t + 1}: board claimed by B ${claimed.toFixed(0)} ms after SIGKILL, the edit relayed ${relayed.toFixed(0)} ms after`);
      for (const c of stock.splice(0)) c.destroy();
      // The killed owner comes back as a new process (a new name, so the lease check below is unambiguous).
      idA = `a${t + 1}`;
      if (t + 1 < opts.takeovers) a = await startInstance(idA);
    }
  } finally {
    for (const c of stock) c.destroy();
    await Promise.all(workers.map((w) => w.stop()));
    await Promise.all([...servers].map((s) => s.stop({ signal: 'SIGTERM' })));
    await pool?.end();
    await cluster?.stop();
    for (const d of dataDirs) rmSync(d, { recursive: true, force: true });
  }

  const pick = (p: Placement) => results.filter((r) => r.placement === p);
  const ref = pick('reference');
  const owner = pick('owner');
  const label = `${opts.boards} boards × ${opts.clientsPerBoard} clients`;
  for (const placement of PLACEMENTS.filter((p) => p !== 'reference')) {
    const o = pick(placement);
    for (const key of ['p50', 'p95'] as const) {
      const ov = medianOf(o, (x) => x[key]);
      const ownerP95 = medianOf(owner, (x) => x.p95);
      const target = key === 'p95' && placement !== 'owner';
      rows.push({
        metric: `write → every other client, ${key}, ${label}, ${PLACEMENT_NAME[placement]}`,
        unit: 'ms',
        ours: ov,
        reference: medianOf(ref, (x) => x[key]),
        better: 'lower',
        decimals: 2,
        runs: o.length,
        target: target ? `≤ 1.5 × owner's p95 (${(1.5 * ownerP95).toFixed(2)} ms)` : undefined,
        met: target ? ov <= 1.5 * ownerP95 : undefined,
        perRun: { ours: o.map((x) => x[key]), reference: ref.map((x) => x[key]) },
      });
    }
  }
  rows.push({
    metric: 'takeover after kill -9 of the owner: board claimed by another instance (board_leases)',
    unit: 'ms',
    ours: median(claimedMs),
    decimals: 0,
    runs: claimedMs.length,
    target: '< 5,000 ms',
    met: claimedMs.length > 0 && median(claimedMs) < 5_000,
    perRun: { ours: claimedMs },
  });
  rows.push({
    metric: 'takeover after kill -9 of the owner: an edit made right after it reaches a client on the other instance',
    unit: 'ms',
    ours: median(relayedMs),
    decimals: 0,
    runs: relayedMs.length,
    target: '< 5,000 ms',
    met: relayedMs.length > 0 && median(relayedMs) < 5_000,
    perRun: { ours: relayedMs },
  });
  const lost = results.reduce((n, r) => n + r.lost, 0);
  if (lost > 0) notes.push(`Receipts missing over all latency runs: ${lost} (a write not seen within the 5 s drain).`);
  notes.push(
    `Method: two instances of our server (A, B) on one throwaway PostgreSQL (loopback, fsync and synchronous_commit on), CLUSTER_SECRET set, ` +
      `LEASE_MS ${opts.leaseMs} (the default: a kill -9 ends the owner's database session, which frees its boards at once, so the takeover does not ` +
      `wait for the lease; a frozen owner's boards would wait up to LEASE_MS). ${opts.boards} boards claimed by A, ${opts.clientsPerBoard} stock clients ` +
      `per board in two worker processes; client 0 writes a card-text edit every ${opts.intervalMs} ms (${opts.writesPerBoard} per board), every other ` +
      `client records receipt − send. ${opts.runs} runs per placement, rotating which goes first; the reference (y-websocket@1.5.4, in memory) gets fresh ` +
      `rooms each run. Our target: a client on a non-owner instance sees p95 within 1.5 × the owner's (the hop adds one loopback pipe each way; the ` +
      `store write before relay happens once, on the owner). Takeover: ${opts.takeovers} repetitions, each with a fresh A owning a fresh board and two ` +
      `stock clients on B; the time runs from sending SIGKILL to A (its exit included); the stock clients reconnect to B on their own (first retry after ` +
      `100 ms). board_leases is polled every 20 ms, so the claim time can read a little later than the relay. Target < 5 s, the default LEASE_MS, i.e. no worse than the lease expiry a frozen owner would cost.`,
  );
  return { id: 'cluster', title: '7. Several instances (A owns, B forwards) vs the reference', rows, notes };
}
