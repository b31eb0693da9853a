import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAxisItem, addCard, deleteCard, renameAxisItem, setCardText } from '../../shared/commands';
import { readAxis, readCards, readMeta } from '../../shared/doc/read';
import { createBoardViaApi, destroyAllClients, syncedClient } from '../test-support/clients';
import { startTestServer, type TestServer } from '../test-support/server';

describe('durability across a clean restart', () => {
  let t: TestServer | undefined;
  afterEach(async () => {
    destroyAllClients();
    await t?.stop();
    t = undefined;
  });

  async function writeABoard(s: TestServer) {
    const b = await createBoardViaApi(s.url, { title: 'Kept', locale: 'en' });
    const [f, p] = await Promise.all([syncedClient(s.url, b.id, b.tokens.facilitator), syncedClient(s.url, b.id, b.tokens.participant)]);
    const ids = Array.from({ length: 30 }, (_, i) => addCard(p.doc, { stage: 'use', lane: 'ideas', text: `card ${i}` }));
    setCardText(p.doc, ids[0], 'card 0, edited');
    deleteCard(p.doc, ids[1]);
    renameAxisItem(f.doc, 'stages', 'use', 'Usage');
    const stage = addAxisItem(f.doc, 'stages', 'Renewal');
    await f.waitFor(() => readCards(f.doc).length === 29 && readCards(f.doc).some((c) => c.text === 'card 0, edited'), 'all writes on f');
    await p.waitFor(() => readAxis(p.doc.getArray('stages')).some((s) => s.id === stage), 'the new stage on p');
    const expected = { cards: readCards(f.doc), stages: readAxis(f.doc.getArray('stages')), lanes: readAxis(f.doc.getArray('lanes')) };
    expect(readCards(p.doc)).toEqual(expected.cards);
    f.destroy();
    p.destroy();
    return { b, ids, expected };
  }

  async function expectBoard(s: TestServer, id: string, token: string, expected: { cards: unknown; stages: unknown; lanes: unknown }) {
    const c = await syncedClient(s.url, id, token);
    expect(readCards(c.doc)).toEqual(expected.cards);
    expect(readAxis(c.doc.getArray('stages'))).toEqual(expected.stages);
    expect(readAxis(c.doc.getArray('lanes'))).toEqual(expected.lanes);
    expect(readMeta(c.doc).title).toBe('Kept');
    c.destroy();
    return c;
  }

  it('close() and a new server on the same directory keep every card, edit, deletion and stage', async () => {
    t = await startTestServer();
    const { b, ids, expected } = await writeABoard(t);
    await t.restart();
    const c = await expectBoard(t, b.id, b.tokens.viewer, expected);
    expect(c.doc.getMap('cards').has(ids[1])).toBe(false);
    // And again: a second restart reads what the first one wrote (snapshot written by unload).
    await t.restart();
    await expectBoard(t, b.id, b.tokens.viewer, expected);
  });

  it('compaction: the update log becomes one snapshot, and nothing is lost across restarts', async () => {
    t = await startTestServer({ compactEvery: 4 });
    const { b, expected } = await writeABoard(t);
    // 30+ accepted updates, compacted every 4: soon only a few remain outside the snapshot
    // (compaction runs in the background, after the relays the clients have seen).
    let stored = await t.server.store.loadDoc(b.id);
    for (const deadline = Date.now() + 5000; stored.updates.length >= 4 && Date.now() < deadline; ) {
      await new Promise((r) => setTimeout(r, 20));
      stored = await t.server.store.loadDoc(b.id);
    }
    expect(stored.updates.length).toBeLessThan(4);
    expect(stored.snapshot).not.toBeNull();
    const fromStore = new Y.Doc();
    for (const u of [stored.snapshot!, ...stored.updates]) Y.applyUpdate(fromStore, u);
    expect(readCards(fromStore)).toEqual(expected.cards);

    await t.restart();
    // Write more after the restart (new sequence numbers after a compacted log), then restart again.
    const p = await syncedClient(t.url, b.id, b.tokens.participant);
    const more = Array.from({ length: 6 }, (_, i) => addCard(p.doc, { stage: 'purchase', lane: 'goals', text: `more ${i}` }));
    const f = await syncedClient(t.url, b.id, b.tokens.facilitator);
    await f.waitFor(() => more.every((id) => f.doc.getMap('cards').has(id)), 'the new cards');
    const all = readCards(f.doc);
    p.destroy();
    f.destroy();
    await t.restart({ compactEvery: 1000 });
    const c = await syncedClient(t.url, b.id, b.tokens.viewer);
    expect(readCards(c.doc)).toEqual(all);
    expect(all.length).toBe(35);
  });

  it('boards are independent: writing one never changes another', async () => {
    t = await startTestServer();
    const a = await createBoardViaApi(t.url);
    const z = await createBoardViaApi(t.url);
    const pa = await syncedClient(t.url, a.id, a.tokens.participant);
    const id = addCard(pa.doc, { stage: 'use', lane: 'ideas', text: 'only on a' });
    const fa = await syncedClient(t.url, a.id, a.tokens.viewer);
    expect(fa.doc.getMap('cards').has(id)).toBe(true);
    await t.restart();
    const fz = await syncedClient(t.url, z.id, z.tokens.viewer);
    expect(fz.doc.getMap('cards').size).toBe(0);
  });
});
