import { ClassicLevel } from 'classic-level';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard } from '../../shared/commands';
import { metric, parsedLogs, scrapeMetrics, startHardServer, type HardServer } from '../hardening/support';
import { createBoardViaApi, destroyAllClients, syncedClient, type TestClient } from '../test-support/clients';
import { openRecord, sealRecord } from './record-envelope';

let h: HardServer | undefined;
afterEach(async () => {
  destroyAllClients();
  await h?.stop();
  h = undefined;
});

const cardIds = (c: TestClient) => [...c.doc.getMap('cards').keys()].sort();

describe('damaged records on disk', () => {
  it('are dropped, logged with board and sequence and counted in /metrics; the rest of the board loads, and clients that still hold the lost writes bring them back', { timeout: 30_000 }, async () => {
    h = await startHardServer({ compactEvery: 10_000 });
    const b = await createBoardViaApi(h.url);
    const p1 = await syncedClient(h.url, b.id, b.tokens.participant);
    const p2 = await syncedClient(h.url, b.id, b.tokens.participant);
    const watcher = await syncedClient(h.url, b.id, b.tokens.viewer);
    const written = { p1: [] as string[], p2: [] as string[] };
    for (let i = 0; i < 8; i++) {
      for (const [name, c] of [['p1', p1], ['p2', p2]] as const) {
        const id = addCard(c.doc, { stage: 'use', lane: 'ideas', text: `${name} card ${i}` });
        written[name].push(id);
        await watcher.waitFor(() => watcher.doc.getMap('cards').has(id), `${name} card ${i}`);
      }
    }
    // The people keep their documents (as a browser tab does) but go away; the server stops without
    // compacting, so every update is still its own record (as after a crash).
    p1.destroy();
    p2.destroy();
    watcher.destroy();
    h.server.store.compact = async () => {};
    await h.server.close();

    // Damage two records on disk: one byte of p1's 4th card, and p2's 6th card cut in half (checksum
    // right, so only Yjs can tell).
    const db = new ClassicLevel<string, Uint8Array>(h.dataDir, { keyEncoding: 'utf8', valueEncoding: 'view' });
    await db.open();
    const records: Array<{ key: string; value: Uint8Array; client: number }> = [];
    for await (const [key, value] of db.iterator({ gte: `u:${b.id}:`, lt: `u:${b.id};` })) {
      const opened = openRecord(value);
      if (!opened.ok || !opened.sealed) throw new Error('every new record is sealed');
      records.push({ key, value, client: Y.decodeUpdate(opened.payload).structs[0].id.client });
    }
    const ofP1 = records.filter((r) => r.client === p1.doc.clientID);
    const ofP2 = records.filter((r) => r.client === p2.doc.clientID);
    expect([ofP1.length, ofP2.length]).toEqual([8, 8]);
    const flipped = ofP1[3].value.slice();
    flipped[flipped.length - 3] ^= 0x01;
    await db.put(ofP1[3].key, flipped);
    const half = openRecord(ofP2[5].value);
    if (!half.ok) throw new Error('unreachable');
    await db.put(ofP2[5].key, sealRecord(half.payload.slice(0, half.payload.length >> 1)));
    await db.close();
    const seqOf = (key: string) => Number(key.slice(key.lastIndexOf(':') + 1));

    h.logs.length = 0;
    await h.restart({ compactEvery: 10_000 });
    const viewer = await syncedClient(h.url, b.id, b.tokens.viewer);
    // p1's cards before the damaged one, p2's before the damaged one: later cards of the same author
    // wait for the missing piece (Yjs integrates each author's writes in order).
    expect(cardIds(viewer)).toEqual([...written.p1.slice(0, 3), ...written.p2.slice(0, 5)].sort());
    const dropped = parsedLogs(h.logs).filter((l) => l.msg === 'stored record dropped on load');
    expect(dropped.map(({ level, board, seq, reason, count }) => ({ level, board, seq, reason, count }))).toEqual([
      { level: 'error', board: b.id, seq: seqOf(ofP1[3].key), reason: 'checksum', count: 1 },
      { level: 'error', board: b.id, seq: seqOf(ofP2[5].key), reason: 'unreadable', count: 1 },
      { level: 'error', board: b.id, seq: seqOf(ofP1[4].key), reason: 'incomplete', count: 1 },
    ]);
    const m = await scrapeMetrics(h.url);
    expect(metric(m, 'journey_store_records_dropped_total{reason="checksum"}')).toBe(1);
    expect(metric(m, 'journey_store_records_dropped_total{reason="unreadable"}')).toBe(1);
    expect(metric(m, 'journey_store_records_dropped_total{reason="incomplete"}')).toBe(1);
    expect(metric(m, 'journey_store_records_dropped_total{reason="missing"}')).toBe(0);

    // The authors come back with their documents: their sync sends what the server lacks.
    await syncedClient(h.url, b.id, b.tokens.participant, { doc: p1.doc, person: p1.personKey });
    await syncedClient(h.url, b.id, b.tokens.participant, { doc: p2.doc, person: p2.personKey });
    const everything = [...written.p1, ...written.p2].sort();
    await viewer.waitFor(() => cardIds(viewer).length === everything.length, 'every card back');
    expect(cardIds(viewer)).toEqual(everything);
  });
});
