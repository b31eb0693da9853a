import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAxisItem, addCard, deleteCard, moveAxisItem, removeAxisItem, renameAxisItem, setCardText } from '../../shared/commands';
import { readAxis, readCards, readMeta } from '../../shared/doc/read';
import { DEFAULT_LANES, DEFAULT_STAGES } from '../../shared/doc/schema';
import {
  awarenessBarrier,
  createBoardViaApi,
  destroyAllClients,
  syncedClient,
  withTimeout,
  type TestClient,
} from '../test-support/clients';
import { startTestServer, type TestServer } from '../test-support/server';
import { updateMessage } from './messages';
import * as encoding from 'lib0/encoding';

/** A v1 update with no structs and one delete range: what a hand-made client could send. */
function deleteOnlyUpdate(client: number, clock: number, len: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0); // no structs
  encoding.writeVarUint(e, 1); // delete set: one client
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, 1); // one range
  encoding.writeVarUint(e, clock);
  encoding.writeVarUint(e, len);
  return encoding.toUint8Array(e);
}

const cardText = (c: TestClient, id: string) =>
  (c.doc.getMap<Y.Map<unknown>>('cards').get(id)?.get('text') as Y.Text | undefined)?.toString();

/**
 * A write by a trusted client that every observer must receive. The server relays accepted updates in
 * the order it accepted them, so once observers have the fence they have every update accepted before it.
 */
async function fence(writer: TestClient, observers: TestClient[]): Promise<string> {
  const id = addCard(writer.doc, { stage: 'use', lane: 'ideas', text: 'fence' });
  await Promise.all(observers.map((o) => o.waitFor(() => o.doc.getMap('cards').has(id), 'the fence card')));
  return id;
}

/** Waits until the suspect's earlier messages were handled, then fences with a trusted writer. */
async function settle(suspect: TestClient, writer: TestClient, observers: TestClient[]): Promise<void> {
  await awarenessBarrier(suspect, [writer]);
  await fence(writer, observers);
}

const defaultSkeleton = (locale: 'it' | 'en') => ({
  stages: DEFAULT_STAGES.map((s) => ({ id: s.id, title: s.title[locale] })),
  lanes: DEFAULT_LANES.map((l) => ({ id: l.id, title: l.title[locale] })),
});
const skeleton = (c: TestClient) => ({ stages: readAxis(c.doc.getArray('stages')), lanes: readAxis(c.doc.getArray('lanes')) });

describe('write rules per role, with stock clients', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterEach(() => destroyAllClients());
  afterAll(async () => t?.stop());

  it('a viewer’s card add, delete and text edit reach neither the others nor the store; the viewer still gets live updates', async () => {
    const b = await createBoardViaApi(t.url, { locale: 'en' });
    const [f, p, v] = await Promise.all([
      syncedClient(t.url, b.id, b.tokens.facilitator),
      syncedClient(t.url, b.id, b.tokens.participant),
      syncedClient(t.url, b.id, b.tokens.viewer),
    ]);
    const keep = addCard(f.doc, { stage: 'use', lane: 'goals', text: 'original' });
    const doomed = addCard(f.doc, { stage: 'use', lane: 'goals', text: 'viewer will try to delete me' });
    await v.waitFor(() => v.doc.getMap('cards').has(doomed), 'cards on the viewer');

    setCardText(v.doc, keep, 'edited by a viewer');
    const sneaky = addCard(v.doc, { stage: 'purchase', lane: 'ideas', text: 'from a viewer' });
    deleteCard(v.doc, doomed);
    // A direct write too, not only through the commands.
    v.doc.getMap('cards').set('raw-viewer-card', new Y.Map());

    await settle(v, f, [p, v]);
    const live = addCard(p.doc, { stage: 'advocacy', lane: 'emotions', text: 'live for the viewer' });
    await v.waitFor(() => v.doc.getMap('cards').has(live), 'a live card on the viewer');

    for (const c of [f, p]) {
      expect(c.doc.getMap('cards').has(sneaky)).toBe(false);
      expect(c.doc.getMap('cards').has('raw-viewer-card')).toBe(false);
      expect(c.doc.getMap('cards').has(doomed)).toBe(true);
      expect(cardText(c, keep)).toBe('original');
    }
    expect(t.server.metrics.dropped.get('viewer') ?? 0).toBeGreaterThanOrEqual(4);

    await t.restart();
    const fresh = await syncedClient(t.url, b.id, b.tokens.facilitator);
    expect(fresh.doc.getMap('cards').has(sneaky)).toBe(false);
    expect(fresh.doc.getMap('cards').has('raw-viewer-card')).toBe(false);
    expect(fresh.doc.getMap('cards').has(doomed)).toBe(true);
    expect(cardText(fresh, keep)).toBe('original');
    expect(fresh.doc.getMap('cards').has(live)).toBe(true);
  });

  it('a participant’s writes to stages, lanes and meta are refused; its card written in a separate update still goes through', async () => {
    const b = await createBoardViaApi(t.url, { title: 'Original', locale: 'en' });
    const [f, p, v] = await Promise.all([
      syncedClient(t.url, b.id, b.tokens.facilitator),
      syncedClient(t.url, b.id, b.tokens.participant),
      syncedClient(t.url, b.id, b.tokens.viewer),
    ]);
    renameAxisItem(p.doc, 'stages', 'awareness', 'Renamed by a participant');
    addAxisItem(p.doc, 'lanes', 'Lane by a participant');
    removeAxisItem(p.doc, 'stages', 'advocacy');
    moveAxisItem(p.doc, 'lanes', 'ideas', 0);
    p.doc.getMap('meta').set('title', 'Hijacked');
    p.doc.getMap('meta').set('extra', 'x');
    // A forbidden and an allowed write in one update: the whole update is refused.
    p.doc.transact(() => {
      renameAxisItem(p.doc, 'lanes', 'goals', 'Mixed');
      addCard(p.doc, { stage: 'use', lane: 'goals', text: 'smuggled with a lane rename', id: 'mixed-card' });
    });

    const card = addCard(p.doc, { stage: 'use', lane: 'goals', text: 'legit card' });
    await Promise.all([f, v].map((c) => c.waitFor(() => c.doc.getMap('cards').has(card), 'the participant’s legit card')));
    // And a later text edit of that card too.
    setCardText(p.doc, card, 'legit card, edited');
    await f.waitFor(() => cardText(f, card) === 'legit card, edited', 'the edit');

    for (const c of [f, v]) {
      expect(skeleton(c)).toEqual(defaultSkeleton('en'));
      expect(readMeta(c.doc).title).toBe('Original');
      expect(c.doc.getMap('meta').has('extra')).toBe(false);
      expect(c.doc.getMap('cards').has('mixed-card')).toBe(false);
    }
    expect(t.server.metrics.dropped.get('skeleton') ?? 0).toBeGreaterThanOrEqual(4);
    expect(t.server.metrics.dropped.get('meta') ?? 0).toBeGreaterThanOrEqual(2);

    await t.restart();
    const fresh = await syncedClient(t.url, b.id, b.tokens.viewer);
    expect(skeleton(fresh)).toEqual(defaultSkeleton('en'));
    expect(readMeta(fresh.doc).title).toBe('Original');
    expect(readCards(fresh.doc).map((c) => c.text)).toEqual(['legit card, edited']);
  });

  it('a facilitator may rename, add, remove and move stages and lanes, and edit meta', async () => {
    const b = await createBoardViaApi(t.url, { locale: 'it' });
    const [f, p, v] = await Promise.all([
      syncedClient(t.url, b.id, b.tokens.facilitator),
      syncedClient(t.url, b.id, b.tokens.participant),
      syncedClient(t.url, b.id, b.tokens.viewer),
    ]);
    renameAxisItem(f.doc, 'stages', 'awareness', 'Scoperta');
    const added = addAxisItem(f.doc, 'stages', 'Rinnovo', 2);
    removeAxisItem(f.doc, 'stages', 'advocacy');
    moveAxisItem(f.doc, 'lanes', 'ideas', 0);
    renameAxisItem(f.doc, 'lanes', 'goals', 'Scopi');
    removeAxisItem(f.doc, 'lanes', 'channels');
    f.doc.getMap('meta').set('title', 'Workshop di marzo');
    const expected = {
      stages: [
        { id: 'awareness', title: 'Scoperta' },
        { id: 'consideration', title: 'Considerazione' },
        { id: added, title: 'Rinnovo' },
        { id: 'purchase', title: 'Acquisto' },
        { id: 'use', title: 'Utilizzo' },
        { id: 'retention', title: 'Fidelizzazione' },
      ],
      lanes: [
        { id: 'ideas', title: 'Idee' },
        { id: 'activities', title: 'Attività' },
        { id: 'goals', title: 'Scopi' },
        { id: 'emotions', title: 'Emozioni' },
      ],
    };
    expect(skeleton(f)).toEqual(expected);
    for (const c of [p, v]) {
      await c.waitFor(() => JSON.stringify(skeleton(c)) === JSON.stringify(expected) && readMeta(c.doc).title === 'Workshop di marzo', 'the new skeleton');
    }
    await t.restart();
    const fresh = await syncedClient(t.url, b.id, b.tokens.viewer);
    expect(skeleton(fresh)).toEqual(expected);
    expect(readMeta(fresh.doc).title).toBe('Workshop di marzo');
  });

  it('a participant who reconnects with the facilitator’s earlier deletions in its sync step 2 is not refused', async () => {
    const b = await createBoardViaApi(t.url, { locale: 'en' });
    const [f, p] = await Promise.all([syncedClient(t.url, b.id, b.tokens.facilitator), syncedClient(t.url, b.id, b.tokens.participant)]);
    const first = addCard(p.doc, { stage: 'use', lane: 'goals', text: 'before' });
    await f.waitFor(() => f.doc.getMap('cards').has(first), 'first card');
    // The facilitator deletes things while the participant watches: the participant's doc now holds
    // those deletions (a removed stage, a renamed lane's old title, a deleted card).
    removeAxisItem(f.doc, 'stages', 'use');
    renameAxisItem(f.doc, 'lanes', 'goals', 'Aims');
    moveAxisItem(f.doc, 'stages', 'awareness', 3);
    deleteCard(f.doc, first);
    setCardText(f.doc, first, 'gone anyway');
    await p.waitFor(() => !p.doc.getMap('cards').has(first) && !readAxis(p.doc.getArray('stages')).some((s) => s.id === 'use'), 'the deletions');

    p.provider.disconnect();
    // Offline work: a card, and a card created and deleted again (its content is collected locally).
    const offline = addCard(p.doc, { stage: 'purchase', lane: 'goals', text: 'written offline' });
    const ephemeral = addCard(p.doc, { stage: 'purchase', lane: 'goals', text: 'short-lived' });
    deleteCard(p.doc, ephemeral);
    const droppedBefore = t.server.metrics.dropped.get('untraceable') ?? 0;
    const skeletonDropsBefore = t.server.metrics.dropped.get('skeleton') ?? 0;
    p.provider.connect();
    await withTimeout(new Promise<void>((r) => p.provider.once('sync', () => r())), 5000, 'resync');
    await f.waitFor(() => f.doc.getMap('cards').has(offline), 'the offline card');

    const after = addCard(p.doc, { stage: 'purchase', lane: 'goals', text: 'after reconnect' });
    await f.waitFor(() => f.doc.getMap('cards').has(after), 'a card written after reconnecting');
    expect(f.doc.getMap('cards').has(ephemeral)).toBe(false);
    expect(t.server.metrics.dropped.get('untraceable') ?? 0).toBe(droppedBefore);
    expect(t.server.metrics.dropped.get('skeleton') ?? 0).toBe(skeletonDropsBefore);

    // Same again across a server restart: the board is reloaded from the store, deleted items collected.
    p.destroy();
    f.destroy();
    await t.restart();
    const f2 = await syncedClient(t.url, b.id, b.tokens.facilitator);
    const p2 = await syncedClient(t.url, b.id, b.tokens.participant, { doc: p.doc, person: p.personKey });
    const last = addCard(p2.doc, { stage: 'purchase', lane: 'goals', text: 'after a restart' });
    await f2.waitFor(() => f2.doc.getMap('cards').has(last), 'a card written after the restart');
    expect(readCards(f2.doc).map((c) => c.text).sort()).toEqual(['after a restart', 'after reconnect', 'written offline']);
    expect(readAxis(f2.doc.getArray('stages')).map((s) => s.id)).toEqual(['consideration', 'purchase', 'retention', 'awareness', 'advocacy']);
  });

  it('a participant cannot delete the facilitator’s future items with a hand-made delete set', async () => {
    const b = await createBoardViaApi(t.url, { locale: 'en' });
    const [f, p, v] = await Promise.all([
      syncedClient(t.url, b.id, b.tokens.facilitator),
      syncedClient(t.url, b.id, b.tokens.participant),
      syncedClient(t.url, b.id, b.tokens.viewer),
    ]);
    // Clocks the facilitator has not used yet: Yjs would keep such a deletion pending and apply it
    // to whatever the facilitator writes there next.
    const next = Y.getState(f.doc.store, f.doc.clientID);
    p.provider.ws!.send(updateMessage(deleteOnlyUpdate(f.doc.clientID, next, 10_000)));
    await awarenessBarrier(p, [f]);
    const stage = addAxisItem(f.doc, 'stages', 'Added after the trap');
    await fence(f, [p, v]);
    for (const c of [p, v]) expect(readAxis(c.doc.getArray('stages')).map((s) => s.id)).toContain(stage);
    await t.restart();
    const fresh = await syncedClient(t.url, b.id, b.tokens.viewer);
    expect(readAxis(fresh.doc.getArray('stages')).map((s) => s.id)).toContain(stage);
  });
});
