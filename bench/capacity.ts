/**
 * Section 2: capacity. 1,000 stock clients across 20 boards (50 each), every client sending presence
 * (a cursor move) at 10 Hz and a card-text edit every few seconds, against a fresh server process;
 * alternating ours and the reference. Measured over a steady window after a warm-up: server CPU (cores
 * busy, from /proc/<pid>/stat), resident memory (VmRSS), and edit latency to every other client.
 *
 * Then memory per idle board: boards with content loaded into memory (a client syncs and leaves),
 * RSS before and after; on ours again after the boards unloaded (UNLOAD_DELAY_MS shortened to 2 s for
 * this measurement only; production keeps them 30 s). The reference never unloads rooms.
 */
import { addCard } from '../shared/commands/cards';
import { initBoardDoc } from '../shared/doc/board-doc';
import { DEFAULT_LANES, DEFAULT_STAGES } from '../shared/doc/schema';
import { eventLoopSample, heapAfterGc, utilisation, type LoopSample } from './support/inspector';
import { MachineWindow } from './support/machine';
import { ProcWindow, rssBytes } from './support/proc-stats';
import type { Row, SectionResult } from './support/report';
import { startOurs, startReference, type BenchServer, type ServerKind } from './support/spawn-server';
import { connectStock } from './support/stock-client';
import { median, medianOf, seededRandom, summarize } from './support/stats';
import { split, startWorkers, type ClientWorker } from './support/workers';

export interface CapacityOptions {
  boards: number;
  perBoard: number;
  hz: number;
  editEveryMs: number;
  warmupMs: number;
  measureMs: number;
  runs: number;
  /** One extra run of ours with FSYNC=false, reported in the notes. */
  diagnostic: boolean;
  /** Clients per board that are fully stock (decode every presence message); the rest echo it undecoded. */
  fullStockPerBoard: number;
  idleBoards: number;
  cardsPerIdleBoard: number;
  seed: number;
}

export const CAPACITY_DEFAULTS: CapacityOptions = {
  boards: 20,
  perBoard: 50,
  hz: 10,
  editEveryMs: 3_000,
  warmupMs: 2_000,
  measureMs: 8_000,
  runs: 3,
  fullStockPerBoard: 2,
  diagnostic: true,
  idleBoards: 100,
  cardsPerIdleBoard: 60,
  seed: 4242,
};

interface LoadRun {
  kind: ServerKind;
  cpuCores: number;
  rssMax: number;
  p50: number;
  p99: number;
  presenceP50: number;
  presenceP99: number;
  writes: number;
  delivered: number;
  clientCpuCores: number;
  clientLoopP99: number;
  connectMs: number;
  /** Server socket (and, for ours, store) traffic, bytes per second, from /proc/<pid>/io. */
  inBps: number;
  outBps: number;
  /** Ours only, from /metrics over the window. */
  messagesInPerSec: number;
  messagesOutPerSec: number;
  storeWriteMs: number;
  /** Cores busy machine-wide during the window, and what neither the server nor the load generator used. */
  machineCores: number;
  otherCores: number;
  /** Share of the window the server's event loop was busy (1 = never idle). */
  loopUtil: number;
  /** Presence updates the clients managed to set per second (asked: hz × clients). */
  presencePerSec: number;
  echoesPerSec: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function loadRun(kind: ServerKind, workers: ClientWorker[], opts: CapacityOptions, seed: number, env: Record<string, string> = {}): Promise<LoadRun> {
  // The inspector (loopback) only lets us read the event loop's utilisation; it is idle otherwise.
  const server = kind === 'ours' ? await startOurs({ inspect: true, env }) : await startReference({ inspect: true });
  try {
    const boards = [];
    for (let i = 0; i < opts.boards; i++) boards.push(await server.createBoard());
    const groups = split(
      boards.map((b) => ({ room: b.room, token: b.token })),
      workers.length,
    );
    const t0 = performance.now();
    await Promise.all(
      workers.map((w, i) =>
        w.call({ type: 'connect', kind, wsBase: server.wsBase, boards: groups[i], perBoard: opts.perBoard, seed: seed + i, connectWave: 100, fullStockPerBoard: opts.fullStockPerBoard },
          120_000,
          'connected',
        ),
      ),
    );
    const connectMs = performance.now() - t0;
    await Promise.all(workers.map((w, i) => w.call({ type: 'load-start', hz: opts.hz, editEveryMs: opts.editEveryMs, seed: seed * 3 + i }, 30_000)));
    await sleep(opts.warmupMs);
    await Promise.all(workers.map((w) => w.call({ type: 'load-measure' }, 30_000)));
    const m0 = await server.metrics();
    const loop0: LoopSample = await eventLoopSample(server.inspectorUrl!);
    const win = new ProcWindow(server.pid, 250);
    const machine = new MachineWindow();
    await sleep(opts.measureMs);
    const proc = win.stop();
    const machineCores = machine.stop().busyCores;
    const loopUtil = utilisation(loop0, await eventLoopSample(server.inspectorUrl!));
    const m1 = await server.metrics();
    const d = (k: string) => (m1.get(k) ?? NaN) - (m0.get(k) ?? NaN);
    const res = await Promise.all(workers.map((w) => w.call({ type: 'load-stop', drainMs: 3_000 }, 60_000, 'load')));
    const all = res.flatMap((r) => Array.from(r.latencies));
    const s = summarize(all);
    const pres = summarize(res.flatMap((r) => Array.from(r.presence)));
    const expected = res.reduce((n, r) => n + r.expected, 0);
    return {
      kind,
      cpuCores: proc.cpuCores,
      rssMax: proc.rssMax,
      p50: s.p50,
      p99: s.p99,
      presenceP50: pres.p50,
      presenceP99: pres.p99,
      writes: res.reduce((n, r) => n + r.writes, 0),
      delivered: expected ? res.reduce((n, r) => n + r.received, 0) / expected : NaN,
      clientCpuCores: res.reduce((n, r) => n + r.clientCpuCores, 0),
      clientLoopP99: Math.max(...res.map((r) => r.eventLoopP99Ms)),
      connectMs,
      inBps: proc.readBps,
      outBps: proc.writeBps,
      messagesInPerSec: d('journey_messages_in_total') / proc.seconds,
      messagesOutPerSec: d('journey_messages_out_total') / proc.seconds,
      storeWriteMs: d('journey_store_write_ms_sum') / d('journey_store_writes_total'),
      machineCores,
      loopUtil,
      presencePerSec: res.reduce((n, r) => n + r.presencePerSec, 0),
      echoesPerSec: res.reduce((n, r) => n + r.echoesPerSec, 0),
      otherCores: Math.max(0, machineCores - proc.cpuCores - res.reduce((n, r) => n + r.clientCpuCores, 0)),
    };
  } finally {
    await Promise.all(workers.map((w) => w.call({ type: 'close' }, 60_000).catch(() => undefined)));
    await server.stop();
  }
}

interface Mem {
  rss: number;
  heap: number;
}

interface IdleResult {
  kind: ServerKind;
  baseline: Mem;
  loaded: Mem;
  unloaded: Mem;
  /** Per board, bytes: JS heap after a full GC, and RSS. */
  heapLoaded: number;
  heapUnloaded: number;
  rssLoaded: number;
  rssUnloaded: number;
}

/** Fills `n` boards with `cards` cards each, one stock client at a time (which then leaves). */
async function idleBoards(kind: ServerKind, opts: CapacityOptions): Promise<IdleResult> {
  // Long enough that every board is still in memory when the last one has loaded (checked below).
  const unloadDelay = 6_000;
  const server: BenchServer =
    kind === 'ours'
      ? await startOurs({ env: { UNLOAD_DELAY_MS: String(unloadDelay), BOARDS_PER_MINUTE: String(opts.idleBoards * 10) }, inspect: true })
      : await startReference({ inspect: true });
  const mem = async (): Promise<Mem> => ({ heap: (await heapAfterGc(server.inspectorUrl!)).used, rss: rssBytes(server.pid) });
  try {
    const rnd = seededRandom(opts.seed);
    const fill = async () => {
      const b = await server.createBoard();
      const c = await connectStock(server.wsBase, b.room, b.token);
      if (kind === 'reference') initBoardDoc(c.doc, { title: 'Idle', locale: 'en', createdAt: Date.now() });
      c.doc.transact(() => {
        for (let i = 0; i < opts.cardsPerIdleBoard; i++) {
          const stage = DEFAULT_STAGES[Math.floor(rnd() * DEFAULT_STAGES.length)].id;
          const lane = DEFAULT_LANES[Math.floor(rnd() * DEFAULT_LANES.length)].id;
          addCard(c.doc, { stage, lane, text: `Idle card ${i}: a short note of about forty characters`, author: 'Bench' });
        }
      });
      // Leave once the server has everything: a second client sees all cards.
      const check = await connectStock(server.wsBase, b.room, b.token);
      check.destroy();
      c.destroy();
    };
    const inMemory = async () => (kind === 'ours' ? ((await server.metrics()).get('journey_boards_in_memory') ?? NaN) : NaN);
    const untilUnloaded = async () => {
      const end = performance.now() + 30_000;
      while ((await inMemory()) > 0 && performance.now() < end) await sleep(250);
    };
    const fillMany = async (n: number) => {
      for (let i = 0; i < n; i += 10) await Promise.all(Array.from({ length: Math.min(10, n - i) }, () => fill()));
    };
    // Warm-up: a round of boards loaded and (ours) unloaded, so that code, caches and pools that grow once
    // are in the baseline and not charged to the boards.
    await fillMany(20);
    if (kind === 'ours') await untilUnloaded();
    const baseline = await mem();
    const t0 = performance.now();
    await fillMany(opts.idleBoards);
    const fillMs = performance.now() - t0;
    const loadedBoards = await inMemory();
    const loaded = await mem();
    if (kind === 'ours' && loadedBoards < opts.idleBoards) {
      throw new Error(`only ${loadedBoards} of ${opts.idleBoards} boards were still in memory (loading took ${Math.round(fillMs)} ms, unload delay ${unloadDelay} ms)`);
    }
    let unloaded: Mem = { heap: NaN, rss: NaN };
    if (kind === 'ours') {
      await untilUnloaded();
      unloaded = await mem();
    }
    const per = (a: number, b: number) => (a - b) / opts.idleBoards;
    return {
      kind,
      baseline,
      loaded,
      unloaded,
      heapLoaded: per(loaded.heap, baseline.heap),
      heapUnloaded: per(unloaded.heap, baseline.heap),
      rssLoaded: per(loaded.rss, baseline.rss),
      rssUnloaded: per(unloaded.rss, baseline.rss),
    };
  } finally {
    await server.stop();
  }
}

export async function runCapacity(opts: CapacityOptions = CAPACITY_DEFAULTS, log: (s: string) => void = console.log): Promise<SectionResult> {
  const rows: Row[] = [];
  const notes: string[] = [];
  const workers = await startWorkers(2);
  const runs: LoadRun[] = [];
  let diag: LoadRun | null = null;
  try {
    for (let r = 0; r < opts.runs; r++) {
      const order: ServerKind[] = r % 2 === 0 ? ['ours', 'reference'] : ['reference', 'ours'];
      for (const kind of order) {
        const res = await loadRun(kind, workers, opts, opts.seed + r * 10);
        runs.push(res);
        log(
          `  capacity ${kind.padEnd(9)} run ${r + 1}: server CPU ${res.cpuCores.toFixed(2)} cores, RSS ${(res.rssMax / 2 ** 20).toFixed(0)} MiB, ` +
            `presence sent ${Math.round(res.presencePerSec)}/s (asked ${opts.hz * opts.boards * opts.perBoard}), echoed ${Math.round(res.echoesPerSec)}/s, ` +
            `edit p50 ${res.p50.toFixed(1)} p99 ${res.p99.toFixed(1)} ms, presence p50 ${res.presenceP50.toFixed(1)} p99 ${res.presenceP99.toFixed(1)} ms, ${res.writes} edits, delivered ${(res.delivered * 100).toFixed(1)}%, ` +
            `clients ${res.clientCpuCores.toFixed(2)} cores (loop p99 ${res.clientLoopP99.toFixed(0)} ms), connect ${(res.connectMs / 1000).toFixed(1)} s, ` +
            `server traffic in ${(res.inBps / 1e6).toFixed(1)} MB/s out ${(res.outBps / 1e6).toFixed(1)} MB/s, server event loop ${(res.loopUtil * 100).toFixed(0)} % busy, ` +
            `other processes ${res.otherCores.toFixed(2)} cores` +
            (kind === 'ours' ? `, ${Math.round(res.messagesInPerSec)} msgs/s in, ${Math.round(res.messagesOutPerSec)} out, store write ${res.storeWriteMs.toFixed(1)} ms` : ''),
        );
      }
    }
    // Diagnostic, not in the medians: ours without fsync, to tell the disk from the rest of the wait before relay.
    if (opts.diagnostic) {
      diag = await loadRun('ours', workers, opts, opts.seed + 99, { FSYNC: 'false' });
      log(
        `  capacity ours, FSYNC=false (diagnostic): edit p50 ${diag.p50.toFixed(1)} p99 ${diag.p99.toFixed(1)} ms, store write ${diag.storeWriteMs.toFixed(1)} ms, ` +
          `server event loop ${(diag.loopUtil * 100).toFixed(0)} % busy, other processes ${diag.otherCores.toFixed(2)} cores`,
      );
    }
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }
  const idle: IdleResult[] = [];
  const tIdle = performance.now();
  for (const kind of ['ours', 'reference'] as const) {
    const res = await idleBoards(kind, opts);
    idle.push(res);
    log(
      `  idle boards ${kind.padEnd(9)}: ${opts.idleBoards} boards × ${opts.cardsPerIdleBoard} cards, per board in memory: heap ${(res.heapLoaded / 1024).toFixed(0)} KiB, RSS ${(res.rssLoaded / 1024).toFixed(0)} KiB` +
        (kind === 'ours' ? `; after unloading: heap ${(res.heapUnloaded / 1024).toFixed(1)} KiB, RSS ${(res.rssUnloaded / 1024).toFixed(0)} KiB` : '') +
        ` (${((performance.now() - tIdle) / 1000).toFixed(0)} s so far)`,
    );
  }

  const o = runs.filter((r) => r.kind === 'ours');
  const ref = runs.filter((r) => r.kind === 'reference');
  const label = `${opts.boards * opts.perBoard} clients, ${opts.boards} boards, presence ${opts.hz} Hz, an edit every ~${opts.editEveryMs / 1000} s each`;
  const row = (metric: string, unit: string, pick: (r: LoadRun) => number, better: 'lower' | 'higher', decimals: number, target?: string, met?: (v: number) => boolean): Row => {
    const ov = medianOf(o, pick);
    return {
      metric: `${metric}, ${label}`,
      unit,
      ours: ov,
      reference: medianOf(ref, pick),
      better,
      decimals,
      runs: o.length,
      target,
      met: met ? met(ov) : undefined,
      perRun: { ours: o.map(pick), reference: ref.map(pick) },
    };
  };
  rows.push(row(`presence updates the clients sent (asked: ${(opts.hz * opts.boards * opts.perBoard).toLocaleString('en-US')}/s)`, '/s', (r) => r.presencePerSec, 'higher', 0));
  rows.push(row('server CPU', 'cores', (r) => r.cpuCores, 'lower', 2));
  rows.push(row('server event loop busy', '%', (r) => r.loopUtil * 100, 'lower', 0));
  rows.push(row('server resident memory (max)', 'MiB', (r) => r.rssMax / 2 ** 20, 'lower', 0));
  rows.push(row('server traffic in (socket reads)', 'MB/s', (r) => r.inBps / 1e6, 'lower', 1));
  rows.push(row('server traffic out (socket writes)', 'MB/s', (r) => r.outBps / 1e6, 'lower', 1));
  rows.push(row('edit latency p50', 'ms', (r) => r.p50, 'lower', 1));
  rows.push(row('edit latency p99', 'ms', (r) => r.p99, 'lower', 1));
  rows.push(row('presence latency p50 (seen by the fully stock clients)', 'ms', (r) => r.presenceP50, 'lower', 1));
  rows.push(row('presence latency p99', 'ms', (r) => r.presenceP99, 'lower', 1));
  rows.push(row('edits delivered to every other client', '%', (r) => r.delivered * 100, 'higher', 1));
  const oi = idle.find((i) => i.kind === 'ours')!;
  const ri = idle.find((i) => i.kind === 'reference')!;
  rows.push({
    metric: `memory per idle board in memory (${opts.cardsPerIdleBoard} cards, no clients): JS heap after GC`,
    unit: 'KiB',
    ours: oi.heapLoaded / 1024,
    reference: ri.heapLoaded / 1024,
    better: 'lower',
    decimals: 0,
    runs: 1,
  });
  rows.push({
    metric: '  the same, resident memory (RSS)',
    unit: 'KiB',
    ours: oi.rssLoaded / 1024,
    reference: ri.rssLoaded / 1024,
    better: 'lower',
    decimals: 0,
    runs: 1,
  });
  rows.push({
    metric: 'memory per idle board after unloading: JS heap after GC (ours; the reference never unloads)',
    unit: 'KiB',
    ours: oi.heapUnloaded / 1024,
    better: 'lower',
    decimals: 1,
    runs: 1,
  });
  rows.push({
    metric: '  the same, resident memory (RSS)',
    unit: 'KiB',
    ours: oi.rssUnloaded / 1024,
    better: 'lower',
    decimals: 0,
    runs: 1,
  });
  const clientCores = median(runs.map((r) => r.clientCpuCores));
  notes.push(
    `Method: ${opts.runs} runs per server, alternating, each on a fresh server process; ${opts.warmupMs / 1000} s warm-up, then a ${opts.measureMs / 1000} s window. ` +
      `Presence is the app's own fields (user, cursor, drag, editing) set at ${opts.hz} Hz, plus a \`sentAt\` field for the presence latency. ` +
      `All clients are stock y-websocket providers; ${opts.fullStockPerBoard} per board are unmodified and measure (edit latency: from the edit to each of them; ` +
      `presence latency: from a \`sentAt\` in the state to its arrival), the other ${opts.perBoard - opts.fullStockPerBoard} have two message handlers swapped. A stock ` +
      `client decodes every presence message and, because its awareness listener ignores the origin, sends every change it receives straight back to the ` +
      `server (the app's browsers do the same: client/src/sync/connect-board.ts uses the stock provider); the swapped handler sends the received entries back ` +
      `(all but its own, like the stock client) copied as bytes without parsing them, and, once the load starts, other people's edits are not applied (a light client only edits its own card). The server gets the ` +
      `same traffic; the load generator saves the CPU that 1,000 fully decoding clients would need and this machine does not have next to the server. ` +
      `The load generator (two worker processes) shares this 2-core machine with the server: it used a median of ${clientCores.toFixed(2)} cores ` +
      `(our runs ${median(o.map((r) => r.clientCpuCores)).toFixed(2)}, reference runs ${median(ref.map((r) => r.clientCpuCores)).toFixed(2)}); ` +
      `worst client event-loop delay p99: ours ${median(o.map((r) => r.clientLoopP99)).toFixed(0)} ms, reference ${median(ref.map((r) => r.clientLoopP99)).toFixed(0)} ms. ` +
      `Latency here includes time spent queued in the clients' own event loops.`,
  );
  const asked = opts.hz * opts.boards * opts.perBoard;
  const verdict = (rs: LoadRun[], name: string) => {
    if (!rs.length) return '';
    const cpu = median(rs.map((r) => r.cpuCores));
    const loop = median(rs.map((r) => r.clientLoopP99));
    const delivered = median(rs.map((r) => r.delivered));
    const sent = median(rs.map((r) => r.presencePerSec));
    const elu = median(rs.map((r) => r.loopUtil));
    const carried = delivered >= 0.99 && loop < 250;
    return (
      `${name}: server ${cpu.toFixed(2)} cores with its event loop ${(elu * 100).toFixed(0)} % busy${elu > 0.95 ? ' (at its limit)' : ''}, load generator ` +
      `${median(rs.map((r) => r.clientCpuCores)).toFixed(2)} cores, machine ${median(rs.map((r) => r.machineCores)).toFixed(1)} of 2 cores busy (other processes ` +
      `${median(rs.map((r) => r.otherCores)).toFixed(2)}); in ${(median(rs.map((r) => r.inBps)) / 1e6).toFixed(1)} MB/s, out ${(median(rs.map((r) => r.outBps)) / 1e6).toFixed(1)} MB/s. ` +
      `The clients managed ${Math.round((sent / asked) * 100)} % of the presence asked (${Math.round(sent).toLocaleString('en-US')} of ${asked.toLocaleString('en-US')}/s). ` +
      (carried
        ? `Every edit was delivered and the clients' event loops stayed responsive (delay p99 ${loop.toFixed(0)} ms).`
        : `Only ${(delivered * 100).toFixed(1)} % of edits were delivered within the window and the drain, and the clients' event-loop delay p99 was ` +
          `${loop.toFixed(0)} ms: latency here is mostly time spent queued.`)
    );
  };
  const mOurs = o.length ? median(o.map((r) => r.messagesInPerSec)) : NaN;
  notes.push(
    [verdict(o, 'Ours'), verdict(ref, 'Reference')].filter(Boolean).join(' ') +
      ` Traffic is socket reads and writes from /proc/<pid>/io (ours also includes its LevelDB writes, small next to the sockets).` +
      (Number.isFinite(mOurs)
        ? ` Our server received ${Math.round(mOurs).toLocaleString('en-US')} messages/s and sent ${Math.round(median(o.map((r) => r.messagesOutPerSec))).toLocaleString('en-US')}/s ` +
          `(presence batched every 50 ms per board); its store write before relay averaged ${median(o.map((r) => r.storeWriteMs)).toFixed(1)} ms. The reference relays ` +
          `every presence update to every client of the board at once (${opts.perBoard - 1} messages per update, ${(opts.hz * opts.perBoard * (opts.perBoard - 1) * opts.boards).toLocaleString('en-US')} messages/s offered), ` +
          `and every client sends each one back.`
        : ''),
  );
  if (o.length) {
    const store = median(o.map((r) => r.storeWriteMs));
    notes.push(
      `Edits against presence on our server: edit p50 ${median(o.map((r) => r.p50)).toFixed(0)} ms, presence p50 ${median(o.map((r) => r.presenceP50)).toFixed(0)} ms ` +
        `(presence is relayed every 50 ms without touching the store). Before relaying an edit the server waited ${store.toFixed(0)} ms on average for its ` +
        `store write (journey_store_write_ms), while an fsync on this disk takes well under a millisecond (see Machine)` +
        (diag
          ? `; in one extra run with FSYNC=false the wait was ${diag.storeWriteMs.toFixed(0)} ms (edit p50 ${diag.p50.toFixed(0)} ms), so the disk is not the cause. `
          : '. ') +
        `The wait is event-loop turns: an accepted update waits for the next setImmediate to be batched, the batch goes to LevelDB on the libuv thread ` +
        `pool, and the relay runs from a promise chained to the room's previous write; with the server's event loop ${(median(o.map((r) => r.loopUtil)) * 100).toFixed(0)} % busy ` +
        `(${Math.round(mOurs).toLocaleString('en-US')} messages/s in, of which about ${Math.round(median(o.map((r) => r.echoesPerSec))).toLocaleString('en-US')}/s are ` +
        `presence batches echoed back by the light clients alone, plus the stock ones' echoes), each of those turns is long. What would shorten it: less work per ` +
        `presence message — the server JSON-parses every entry of an echoed batch (readAwarenessEntries in server/rooms/awareness-guard.ts) before finding ` +
        `that it is not newer than what it holds; comparing the clock first would skip the parse for echoes — and a write path with fewer event-loop turns ` +
        `between accept and relay.`,
    );
  }
  const mib = (b: number) => (b / 2 ** 20).toFixed(1);
  notes.push(
    `Idle boards: a fresh server with its inspector on loopback (to force a full GC and read V8's used heap), a warm-up round of 20 boards, then ${opts.idleBoards} boards of ` +
      `${opts.cardsPerIdleBoard} cards each loaded by a client that then leaves. Heap / RSS: ours ${mib(oi.baseline.heap)} / ${mib(oi.baseline.rss)} MiB before, ` +
      `${mib(oi.loaded.heap)} / ${mib(oi.loaded.rss)} MiB with the boards in memory, ${mib(oi.unloaded.heap)} / ${mib(oi.unloaded.rss)} MiB after they unloaded ` +
      `(UNLOAD_DELAY_MS=6000 for this measurement, so the wait is short; production keeps an idle board 30 s); reference ${mib(ri.baseline.heap)} / ${mib(ri.baseline.rss)} → ` +
      `${mib(ri.loaded.heap)} / ${mib(ri.loaded.rss)} MiB, and it never unloads a room. RSS follows V8's and the allocator's page management (pages freed by ` +
      `a GC may be kept or returned later, so a per-board RSS delta can even come out negative); the heap after a full GC is the figure that shows what ` +
      `unloading frees. One run per server: the heap after a forced GC varies by well under 1 % between runs.`,
  );
  return { id: 'capacity', title: '2. Capacity', rows, notes };
}
