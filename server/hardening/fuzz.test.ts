import * as encoding from 'lib0/encoding';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAxisItem, addCard, deleteCard, moveCard, removeAxisItem, renameAxisItem, setCardColor, setCardText } from '../../shared/commands';
import { createBoardViaApi, destroyAllClients, syncedClient, waitUntil, withTimeout, type TestClient } from '../test-support/clients';
import {
  closeAllPeers,
  frame,
  metric,
  openPeer,
  rng,
  scrapeMetrics,
  seedFromEnv,
  settledMemory,
  startHardServer,
  type HardServer,
  type Rng,
} from './support';

/**
 * Seeded fuzzing of the websocket protocol: valid y-websocket frames and their mutations (bit flips,
 * truncation, splicing, huge varints, random bytes, oversized and text frames), sent by many
 * reconnecting connections with every role. Bounded by the count of frames, not by time, so a loaded
 * machine makes it slower, not red. Replay a run with FUZZ_SEED=<seed>.
 */
const SEED = seedFromEnv('FUZZ_SEED');
const FRAMES = 10_000;
const WORKERS = 8;
const MAX_MESSAGE_BYTES = 128 * 1024;

/** Valid frames and the Yjs updates and awareness payloads inside them, made from a real board. */
function buildCorpus(r: Rng, boardState: Uint8Array) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, boardState);
  doc.clientID = 1 + r.int(2 ** 30);
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const cardIds: string[] = [];
  const stages = () => doc.getArray<Y.Map<unknown>>('stages').toArray().map((m) => String(m.get('id')));
  const lanes = () => doc.getArray<Y.Map<unknown>>('lanes').toArray().map((m) => String(m.get('id')));
  const cell = () => ({ stage: r.pick(stages()), lane: r.pick(lanes()) });
  for (let i = 0; i < 80; i++) {
    const op = r.int(8);
    if (op <= 2 || cardIds.length === 0) cardIds.push(addCard(doc, { ...cell(), id: `card${i}x${r.int(1e9)}`, text: 'ü'.repeat(r.int(40)) }));
    else if (op === 3) setCardText(doc, r.pick(cardIds), `text ${r.int(1e6)}`);
    else if (op === 4) moveCard(doc, r.pick(cardIds), cell());
    else if (op === 5) setCardColor(doc, r.pick(cardIds), r.pick(['#fde68a', '#bfdbfe', '#fecaca']));
    else if (op === 6) deleteCard(doc, cardIds.splice(r.int(cardIds.length), 1)[0]);
    else {
      const which = r.pick(['stages', 'lanes'] as const);
      const id = addAxisItem(doc, which, `axis ${i}`);
      if (r.chance(0.5)) renameAxisItem(doc, which, id, 'renamed');
      if (r.chance(0.3)) removeAxisItem(doc, which, id);
    }
  }
  updates.push(Y.encodeStateAsUpdate(doc));
  const awareness: Uint8Array[] = [];
  for (let i = 0; i < 20; i++) {
    const e = encoding.createEncoder();
    const n = 1 + r.int(3);
    encoding.writeVarUint(e, n);
    for (let k = 0; k < n; k++) {
      encoding.writeVarUint(e, r.chance(0.5) ? doc.clientID : 1 + r.int(2 ** 30));
      encoding.writeVarUint(e, r.int(50));
      encoding.writeVarString(e, JSON.stringify(r.chance(0.1) ? null : { user: { name: `p${i}`, color: '#123456' }, cursor: { x: r.int(3000), y: r.int(2000) } }));
    }
    awareness.push(encoding.toUint8Array(e));
  }
  const wrapAwareness = (payload: Uint8Array) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, payload);
    return encoding.toUint8Array(e);
  };
  const valid: Uint8Array[] = [
    ...updates.map((u) => (r.chance(0.5) ? frame.update(u) : frame.step2(u))),
    ...awareness.map(wrapAwareness),
    frame.step1(Y.encodeStateVector(doc)),
    frame.step1(),
    frame.queryAwareness(),
    frame.auth(16),
  ];
  return { updates, awareness, valid, wrapAwareness };
}

type Corpus = ReturnType<typeof buildCorpus>;

/** A varint far beyond anything sane: 1 to 9 continuation bytes then a final one. */
const hugeVarint = (r: Rng) => [...Array.from({ length: 1 + r.int(9) }, () => 0x80 | r.int(128)), 1 + r.int(127)];

function mutate(r: Rng, input: Uint8Array, corpus: Corpus): Uint8Array {
  let b = Array.from(input);
  for (let n = 1 + r.int(3); n > 0; n--) {
    const at = r.int(b.length + 1);
    switch (r.int(8)) {
      case 0: // bit flips
        for (let k = 1 + r.int(8); k > 0 && b.length; k--) b[r.int(b.length)] ^= 1 << r.int(8);
        break;
      case 1: // random byte values
        for (let k = 1 + r.int(4); k > 0 && b.length; k--) b[r.int(b.length)] = r.int(256);
        break;
      case 2: // truncation
        b = b.slice(0, at);
        break;
      case 3: // random tail
        b = b.concat(Array.from(r.bytes(1 + r.int(32))));
        break;
      case 4: {
        // splice with another valid frame
        const other = r.pick(corpus.valid);
        b = b.slice(0, at).concat(Array.from(other.slice(r.int(other.length))));
        break;
      }
      case 5: // a huge varint (as a length, a count, a clock…)
        b.splice(at, r.chance(0.5) ? 1 : 0, ...hugeVarint(r));
        break;
      case 6: {
        // duplicated chunk
        const from = r.int(b.length + 1);
        b.splice(at, 0, ...b.slice(from, from + 1 + r.int(64)));
        break;
      }
      default: // deleted chunk
        b.splice(at, 1 + r.int(16));
    }
  }
  return Uint8Array.from(b);
}

function nextFrame(r: Rng, corpus: Corpus): Uint8Array | string {
  const roll = r.next();
  if (roll < 0.1) return r.pick(corpus.valid);
  if (roll < 0.4) return frame.update(mutate(r, r.pick(corpus.updates), corpus)); // good envelope, bad update
  if (roll < 0.5) return corpus.wrapAwareness(mutate(r, r.pick(corpus.awareness), corpus));
  if (roll < 0.88) return mutate(r, r.pick(corpus.valid), corpus);
  if (roll < 0.97) return r.bytes(r.int(48));
  if (roll < 0.99) return String.fromCharCode(...r.bytes(1 + r.int(20)));
  if (roll < 0.995) return new Uint8Array(MAX_MESSAGE_BYTES + 1 + r.int(1000)); // over the size limit
  return new Uint8Array(0);
}

describe.sequential('fuzzing the websocket protocol', () => {
  let h: HardServer;
  afterAll(async () => {
    destroyAllClients();
    closeAllPeers();
    await h?.stop();
  });

  it(`survives ${FRAMES} random and mutated frames; honest clients on another board keep syncing; memory stays bounded`, { timeout: 300_000 }, async () => {
    console.log(`fuzz seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
    h = await startHardServer({ maxMessageBytes: MAX_MESSAGE_BYTES, unloadDelayMs: 200 }, 'silent');
    const fuzzBoards = await Promise.all([0, 1, 2].map(() => createBoardViaApi(h.url)));
    const honestBoard = await createBoardViaApi(h.url);
    const probe = openPeer(h.url, fuzzBoards[0].id, fuzzBoards[0].tokens.facilitator);
    await probe.opened;
    const corpus = buildCorpus(rng(SEED), await probe.sync());
    probe.close();

    // Honest stock clients write to their own board during the whole run.
    const honest: TestClient[] = await Promise.all([0, 1, 2].map(() => syncedClient(h.url, honestBoard.id, honestBoard.tokens.participant)));
    const written: string[] = [];
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        written.push(addCard(honest[i % 3].doc, { stage: 'use', lane: 'ideas', text: `honest ${i}` }));
        await new Promise((res) => setTimeout(res, 100));
      }
    })();

    const before = await settledMemory();
    let sent = 0;
    let connections = 0;
    const worker = async (w: number) => {
      const r = rng((SEED + 7919 * (w + 1)) >>> 0);
      while (sent < FRAMES) {
        const board = r.pick(fuzzBoards);
        const token = r.chance(0.05) ? 'not-a-token' : board.tokens[r.pick(['facilitator', 'facilitator', 'participant', 'participant', 'viewer'] as const)];
        const p = openPeer(h.url, board.id, token);
        connections++;
        try {
          await p.opened;
        } catch {
          continue;
        }
        while (p.isOpen() && sent < FRAMES) {
          for (let n = r.chance(0.3) ? 2 + r.int(4) : 1; n > 0; n--) {
            p.send(nextFrame(r, corpus));
            sent++;
          }
          // The server answers a step 1 with a step 2 unless it closed the connection.
          await p.probe();
        }
        p.close();
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
    const seconds = (performance.now() - started) / 1000;
    writing = false;
    await writer;
    closeAllPeers();

    const m = await scrapeMetrics(h.url);
    console.log(
      `fuzz: ${sent} frames over ${connections} connections in ${seconds.toFixed(1)} s; server handled ` +
        `${metric(m, 'journey_messages_in_total')} messages, closed ${metric(m, 'journey_bad_messages_total')} for malformed ones`,
    );
    expect(sent).toBeGreaterThanOrEqual(FRAMES);
    expect(metric(m, 'journey_messages_in_total')).toBeGreaterThan(FRAMES / 2); // most frames were really handled
    expect(metric(m, 'journey_bad_messages_total')).toBeGreaterThan(100);

    // Honest clients kept syncing: every card reached every client, and a newcomer gets them all.
    for (const c of honest) await c.waitFor(() => written.every((id) => c.doc.getMap('cards').has(id)), 'honest cards', 10_000);
    const newcomer = await syncedClient(h.url, honestBoard.id, honestBoard.tokens.viewer);
    expect(written.every((id) => newcomer.doc.getMap('cards').has(id))).toBe(true);
    const late = addCard(honest[0].doc, { stage: 'use', lane: 'goals', text: 'after the fuzz' });
    await newcomer.waitFor(() => newcomer.doc.getMap('cards').has(late), 'a write after the fuzz');

    // Fuzzed boards still open for a stock client.
    for (const b of fuzzBoards) {
      const c = await syncedClient(h.url, b.id, b.tokens.viewer);
      expect(c.doc.getArray('stages').length).toBeGreaterThan(0);
      c.destroy();
    }

    // Memory: fuzzed boards unload, and the process is back near where it started.
    await waitUntil(() => h.server.rooms.size === 1, 'fuzzed boards to unload', 10_000);
    const after = await settledMemory();
    console.log(
      `fuzz memory: heapUsed ${before.heapUsed.toFixed(1)} → ${after.heapUsed.toFixed(1)} MiB, rss ${before.rss.toFixed(1)} → ${after.rss.toFixed(1)} MiB`,
    );
    expect(after.heapUsed - before.heapUsed).toBeLessThan(24);
    expect(after.rss - before.rss).toBeLessThan(200);

    // And everything the fuzz left in the store still loads after a restart.
    for (const c of honest) c.destroy();
    newcomer.destroy();
    await h.restart();
    for (const b of [...fuzzBoards, honestBoard]) {
      const c = await withTimeout(syncedClient(h.url, b.id, b.tokens.viewer), 10_000, 'a board after restart');
      if (b === honestBoard) expect(written.every((id) => c.doc.getMap('cards').has(id))).toBe(true);
      c.destroy();
    }
  });
});
