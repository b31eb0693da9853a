/**
 * A load-generator process: hosts many stock y-websocket clients (y-websocket v3 with `ws`,
 * BroadcastChannel off) and runs the scripted phases the orchestrator asks for over IPC.
 *
 * Every board's clients live in one process, so a write's send time (embedded in the card text)
 * and its receipt time are read from the same performance.now() clock.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebsocketProvider, messageAwareness, messageSync } from 'y-websocket';
import * as Y from 'yjs';
import { addCard, setCardText } from '../../shared/commands/cards';
import { initBoardDoc, roots } from '../../shared/doc/board-doc';
import { DEFAULT_LANES, DEFAULT_STAGES } from '../../shared/doc/schema';
import { randomId } from '../../shared/doc/ids';
import { seededRandom } from './stats';
import { fingerprint } from './stock-client';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

// Each stock provider adds a process 'exit' listener in Node; hundreds are expected here.
process.setMaxListeners(0);

interface Client {
  board: Board;
  idx: number;
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Highest write seq seen from each writer (index = writer idx). */
  lastSeen: Int32Array;
  /** Uses the light message handlers (see echoAwareness). */
  light: boolean;
}

interface Board {
  room: string;
  token: string;
  clients: Client[];
  /** Card id of each client's own card (index = client idx). */
  cardIds: string[];
  seq: Int32Array;
}

const boards: Board[] = [];
let wsBase = '';
let kind: 'ours' | 'reference' = 'ours';

/** Receipts of the current phase. */
let recording = false;
let latencies = new Float64Array(1 << 16);
let nLat = 0;
let lastReceiptAt = 0;

function record(ms: number) {
  if (nLat === latencies.length) {
    const bigger = new Float64Array(latencies.length * 2);
    bigger.set(latencies);
    latencies = bigger;
  }
  latencies[nLat++] = ms;
  lastReceiptAt = performance.now();
}

function resetRecording() {
  nLat = 0;
  nPresence = 0;
  lastReceiptAt = 0;
}

const TEXT_RE = /^w(\d+) s(\d+) t(\d+\.\d+)/;

function markText(writer: number, seq: number): string {
  return `w${writer} s${seq} t${performance.now().toFixed(3)} note`;
}

function write(board: Board, writer: number): void {
  const seq = ++board.seq[writer];
  const c = board.clients[writer];
  setCardText(c.doc, board.cardIds[writer], markText(writer, seq));
}

/**
 * A "light" client is the stock provider with message handlers swapped, so that 1,000 of them fit on
 * this machine next to the server. A stock client decodes every presence message (one JSON.parse per
 * person) and, because its awareness 'update' listener ignores the origin, sends the changed states
 * straight back to the server; the light handler sends the received entries back (all but its own, as
 * the stock client does) copied as bytes, without parsing them: the same traffic for the server. Under load (see lighten()) it also stops applying
 * other people's edits, which it does not need: it only ever edits its own card.
 */
let echoes = 0;
function echoAwareness(encoder: encoding.Encoder, decoder: decoding.Decoder, selfId: number): void {
  // Like the stock client: every entry but its own (its own state comes back unchanged, so a stock
  // client does not count it as an update). Entries are copied as bytes, never parsed.
  const payload = decoding.readVarUint8Array(decoder);
  const d = decoding.createDecoder(payload);
  const n = decoding.readVarUint(d);
  const out = encoding.createEncoder();
  let kept = 0;
  const body = encoding.createEncoder();
  for (let i = 0; i < n; i++) {
    const id = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    const state = decoding.readVarUint8Array(d);
    if (id === selfId) continue;
    kept++;
    encoding.writeVarUint(body, id);
    encoding.writeVarUint(body, clock);
    encoding.writeVarUint8Array(body, state);
  }
  if (kept === 0) return;
  echoes++;
  encoding.writeVarUint(out, kept);
  encoding.writeUint8Array(out, encoding.toUint8Array(body));
  encoding.writeVarUint(encoder, messageAwareness);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(out));
}

/** Presence receipts (capacity probes): now − sentAt of each changed remote state. */
let presenceLat = new Float64Array(1 << 14);
let nPresence = 0;
function recordPresence(ms: number) {
  if (nPresence === presenceLat.length) {
    const bigger = new Float64Array(presenceLat.length * 2);
    bigger.set(presenceLat);
    presenceLat = bigger;
  }
  presenceLat[nPresence++] = ms;
}

function newClient(board: Board, idx: number, perBoard: number, light = false, base = wsBase): Client {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(base, board.room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    // A person key, as the app sends: its client id stays writable across reconnects.
    params: { ...(board.token && { token: board.token }), person: randomId() },
    // Reconnects would blur the numbers: a lost connection shows up as missing receipts instead.
    maxBackoffTime: 60_000,
  });
  const client: Client = { board, idx, doc, provider, lastSeen: new Int32Array(perBoard).fill(-1), light };
  if (light) {
    provider.messageHandlers[messageAwareness] = (encoder, decoder) => echoAwareness(encoder, decoder, doc.clientID);
  } else {
    provider.awareness.on('change', ({ added, updated }: { added: number[]; updated: number[] }, origin: unknown) => {
      if (!recording || origin !== provider) return;
      const now = performance.now();
      const states = provider.awareness.getStates();
      for (const id of added.concat(updated)) {
        const sentAt = (states.get(id) as { sentAt?: unknown } | undefined)?.sentAt;
        if (typeof sentAt === 'number') recordPresence(now - sentAt);
      }
    });
  }
  roots(doc).cards.observeDeep((events, txn) => {
    if (!recording || txn.origin !== provider) return;
    const now = performance.now();
    for (const e of events) {
      if (!(e.target instanceof Y.Text)) continue;
      const m = TEXT_RE.exec(e.target.toString());
      if (!m) continue;
      const writer = Number(m[1]);
      const seq = Number(m[2]);
      if (writer >= client.lastSeen.length || seq <= client.lastSeen[writer]) continue;
      client.lastSeen[writer] = seq;
      record(now - Number(m[3]));
    }
  });
  return client;
}

function waitSynced(c: Client, timeoutMs: number): Promise<void> {
  if (c.provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`client ${c.idx} of ${c.board.room} did not sync within ${timeoutMs} ms`)), timeoutMs);
    const on = (synced: boolean) => {
      if (!synced) return;
      clearTimeout(timer);
      c.provider.off('sync', on);
      resolve();
    };
    c.provider.on('sync', on);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(cond: () => boolean, timeoutMs: number, everyMs = 10): Promise<boolean> {
  const end = performance.now() + timeoutMs;
  while (!cond()) {
    if (performance.now() > end) return false;
    await sleep(everyMs);
  }
  return true;
}

const cardCount = (c: Client) => roots(c.doc).cards.size;

async function connect(req: Extract<WorkerRequest, { type: 'connect' }>): Promise<WorkerReply> {
  wsBase = req.wsBase;
  kind = req.kind;
  const t0 = performance.now();
  const rnd = seededRandom(req.seed);
  for (const b of req.boards) {
    const board: Board = { room: b.room, token: b.token, clients: [], cardIds: [], seq: new Int32Array(req.perBoard) };
    boards.push(board);
  }
  // Connect in waves so the handshakes do not all land in the same millisecond.
  const all: Client[] = [];
  const full = req.fullStockPerBoard ?? req.perBoard;
  for (let i = 0; i < req.perBoard; i++) for (const board of boards) all.push(newClient(board, i, req.perBoard, i >= full, req.wsBaseOf?.[i] ?? wsBase));
  for (const c of all) c.board.clients[c.idx] = c;
  const wave = req.connectWave ?? 50;
  for (let i = 0; i < all.length; i += wave) {
    await Promise.all(all.slice(i, i + wave).map((c) => waitSynced(c, 30_000)));
  }
  const connectMs = performance.now() - t0;
  if (req.seedCards === false) return { type: 'connected', connectMs, clients: all.length };
  // Seed: client 0 of each board writes the initial board (reference only: ours creates it) and one
  // card per client, spread over the grid.
  for (const board of boards) {
    const c0 = board.clients[0];
    if (kind === 'reference') initBoardDoc(c0.doc, { title: 'Bench', locale: 'en', createdAt: Date.now() });
    c0.doc.transact(() => {
      for (let i = 0; i < req.perBoard; i++) {
        const stage = DEFAULT_STAGES[Math.floor(rnd() * DEFAULT_STAGES.length)].id;
        const lane = DEFAULT_LANES[Math.floor(rnd() * DEFAULT_LANES.length)].id;
        board.cardIds[i] = addCard(c0.doc, { stage, lane, text: `card ${i}`, author: `Bench ${i}` });
      }
    });
  }
  const ok = await until(() => boards.every((b) => b.clients.every((c) => cardCount(c) >= req.perBoard)), 30_000, 20);
  if (!ok) throw new Error('the seeded cards did not reach every client within 30 s');
  return { type: 'connected', connectMs, clients: all.length };
}

async function latency(req: Extract<WorkerRequest, { type: 'latency' }>): Promise<WorkerReply> {
  resetRecording();
  recording = true;
  const rnd = seededRandom(req.seed);
  let expected = 0;
  const started = performance.now();
  // Each board writes every intervalMs from the next client in turn, boards out of phase.
  await Promise.all(
    boards.map(async (board) => {
      await sleep(rnd() * req.intervalMs);
      const writers = req.writers ?? board.clients.map((c) => c.idx);
      for (let k = 0; k < req.writesPerBoard; k++) {
        write(board, writers[k % writers.length]);
        expected += board.clients.length - 1;
        const next = started + (k + 1) * req.intervalMs;
        await sleep(Math.max(0, next - performance.now()));
      }
    }),
  );
  await until(() => nLat >= expected, req.drainMs);
  recording = false;
  return { type: 'latencies', latencies: latencies.slice(0, nLat), expected, received: nLat, spanMs: 0 };
}

async function burst(req: Extract<WorkerRequest, { type: 'burst' }>): Promise<WorkerReply> {
  resetRecording();
  recording = true;
  let expected = 0;
  const t0 = performance.now();
  for (let k = 0; k < req.writesPerClient; k++) {
    for (const board of boards) {
      for (const c of board.clients) {
        write(board, c.idx);
        expected += board.clients.length - 1;
      }
    }
  }
  const sentMs = performance.now() - t0;
  await until(() => nLat >= expected, req.drainMs);
  recording = false;
  const spanMs = (nLat ? lastReceiptAt : performance.now()) - t0;
  return { type: 'latencies', latencies: latencies.slice(0, nLat), expected, received: nLat, spanMs, sentMs };
}

async function converge(req: Extract<WorkerRequest, { type: 'converge' }>): Promise<WorkerReply> {
  const t0 = performance.now();
  const fingerprints: Record<string, string> = {};
  const boardsOk = await Promise.all(
    boards.map(async (board) => {
      const same = () => {
        const sv0 = Buffer.from(Y.encodeStateVector(board.clients[0].doc)).toString('base64');
        return board.clients.every((c) => Buffer.from(Y.encodeStateVector(c.doc)).toString('base64') === sv0);
      };
      if (!(await until(same, req.timeoutMs, 20))) return false;
      const fp = fingerprint(board.clients[0].doc);
      fingerprints[board.room] = fp;
      if (!board.clients.every((c) => fingerprint(c.doc) === fp)) return false;
      // And the server's copy: a fresh client syncs from it alone.
      const fresh = newClient(board, -1, 0);
      try {
        await waitSynced(fresh, req.timeoutMs);
        // The reference answers step 1 with its state; ours only once its store has it.
        return await until(() => fingerprint(fresh.doc) === fp, req.timeoutMs, 20);
      } finally {
        fresh.provider.destroy();
        fresh.doc.destroy();
      }
    }),
  );
  return { type: 'converged', boards: boards.length, converged: boardsOk.filter(Boolean).length, ms: performance.now() - t0, fingerprints };
}

/** After the initial sync: a light client ignores incoming document updates (see echoAwareness). */
function lighten(c: Client): void {
  c.provider.messageHandlers[messageSync] = () => {};
}

/** Capacity: presence at `hz` per client, a card edit every `editEveryMs` (±50%) per client. */
let loadTimers: NodeJS.Timeout[] = [];
let presenceSent = 0;
let loadWrites = 0;
let loadExpected = 0;
const eld = monitorEventLoopDelay({ resolution: 10 });
let cpuAtStart = process.cpuUsage();
let loadStartedAt = 0;

function startLoad(req: Extract<WorkerRequest, { type: 'load-start' }>): WorkerReply {
  const rnd = seededRandom(req.seed);
  resetRecording();
  recording = false;
  loadWrites = 0;
  loadExpected = 0;
  for (const board of boards) {
    // Receivers that measure: the fully stock clients of the board.
    const full = board.clients.filter((c) => !c.light).length;
    for (const c of board.clients) {
      if (c.light) lighten(c);
      const aw = c.provider.awareness;
      // The fields the client app publishes (client/src/sync/presence-project.ts).
      const user = { name: `Person ${c.idx}`, color: '#3366cc', role: 'participant' };
      aw.setLocalState({ user, cursor: null, drag: null, editing: null });
      const area = req.area ?? { x: 0, y: 0, w: 2000, h: 1000 };
      let x = area.x + rnd() * area.w;
      let y = area.y + rnd() * area.h;
      const period = 1000 / req.hz;
      // `sentAt` is an extra field (ignored by the app) for the probes' presence latency.
      const presence = () => {
        x = Math.min(area.x + area.w, Math.max(area.x, x + (rnd() - 0.5) * 40));
        y = Math.min(area.y + area.h, Math.max(area.y, y + (rnd() - 0.5) * 40));
        aw.setLocalState({ user, cursor: { x: Math.round(x), y: Math.round(y) }, drag: null, editing: null, sentAt: performance.now() });
        if (recording) presenceSent++;
      };
      const first = setTimeout(() => {
        presence();
        loadTimers.push(setInterval(presence, period));
      }, rnd() * period);
      loadTimers.push(first);
      const scheduleEdit = () => {
        if (req.editEveryMs <= 0) return;
        const t = setTimeout(() => {
          if (recording && req.editEveryMs > 0) {
            write(board, c.idx);
            loadWrites++;
            loadExpected += full - (c.light ? 0 : 1);
          }
          scheduleEdit();
        }, req.editEveryMs * (0.5 + rnd()));
        loadTimers.push(t);
      };
      scheduleEdit();
    }
  }
  return { type: 'ok' };
}

function measureLoad(): WorkerReply {
  resetRecording();
  presenceSent = 0;
  echoes = 0;
  loadWrites = 0;
  loadExpected = 0;
  recording = true;
  eld.reset();
  eld.enable();
  cpuAtStart = process.cpuUsage();
  loadStartedAt = performance.now();
  return { type: 'ok' };
}

async function stopLoad(req: Extract<WorkerRequest, { type: 'load-stop' }>): Promise<WorkerReply> {
  const seconds = (performance.now() - loadStartedAt) / 1000;
  const cpu = process.cpuUsage(cpuAtStart);
  eld.disable();
  const writes = loadWrites;
  const expected = loadExpected;
  const sent = { presence: presenceSent / seconds, echoes: echoes / seconds };
  // Stop new writes (the edit timers check `recording` at the next tick), then let the last ones land.
  const stopWrites = performance.now();
  for (const t of loadTimers) clearTimeout(t);
  loadTimers = [];
  await until(() => nLat >= expected, req.drainMs);
  recording = false;
  return {
    type: 'load',
    latencies: latencies.slice(0, nLat),
    presence: presenceLat.slice(0, nPresence),
    writes,
    expected,
    received: nLat,
    clientCpuCores: (cpu.user + cpu.system) / 1e6 / seconds,
    eventLoopP99Ms: eld.percentile(99) / 1e6,
    drainMs: performance.now() - stopWrites,
    presencePerSec: sent.presence,
    echoesPerSec: sent.echoes,
  };
}

async function close(): Promise<WorkerReply> {
  for (const t of loadTimers) clearTimeout(t);
  loadTimers = [];
  for (const b of boards) {
    for (const c of b.clients) {
      c.provider.destroy();
      c.doc.destroy();
    }
  }
  boards.length = 0;
  await sleep(50);
  return { type: 'ok' };
}

async function handle(req: WorkerRequest): Promise<WorkerReply> {
  switch (req.type) {
    case 'connect':
      return connect(req);
    case 'latency':
      return latency(req);
    case 'burst':
      return burst(req);
    case 'converge':
      return converge(req);
    case 'load-start':
      return startLoad(req);
    case 'load-measure':
      return measureLoad();
    case 'load-stop':
      return stopLoad(req);
    case 'close':
      return close();
  }
}

process.on('message', (msg: { id: number; req: WorkerRequest }) => {
  handle(msg.req).then(
    (reply) => process.send!({ id: msg.id, reply }),
    (err: unknown) => process.send!({ id: msg.id, error: err instanceof Error ? err.stack ?? err.message : String(err) }),
  );
});
// The orchestrator went away: never linger.
process.on('disconnect', () => process.exit(0));
process.send!({ id: 0, reply: { type: 'ok' } });
