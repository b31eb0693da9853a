import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, setCardText } from '../../shared/commands';
import { readAxis, readCard, readCards, readMeta } from '../../shared/doc/read';
import { DEFAULT_LANES, DEFAULT_STAGES } from '../../shared/doc/schema';
import { createBoardViaApi, destroyAllClients, syncedClient } from '../test-support/clients';
import { startTestServer, type TestServer } from '../test-support/server';

describe('a new board', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterEach(() => destroyAllClients());
  afterAll(async () => t?.stop());

  it.each(['it', 'en'] as const)('has meta, six stages and five lanes titled in its language (%s)', async (locale) => {
    const before = Date.now();
    const b = await createBoardViaApi(t.url, { title: `Board ${locale}`, locale });
    const c = await syncedClient(t.url, b.id, b.tokens.viewer);
    const meta = readMeta(c.doc);
    expect(meta).toMatchObject({ schemaVersion: 1, title: `Board ${locale}`, locale });
    // Raw values, not only what the tolerant reader makes of them.
    expect(c.doc.getMap('meta').get('schemaVersion')).toBe(1);
    expect(c.doc.getMap('meta').get('locale')).toBe(locale);
    expect(meta.createdAt).toBeGreaterThanOrEqual(before - 1000);
    expect(meta.createdAt).toBeLessThanOrEqual(Date.now());
    expect(readAxis(c.doc.getArray('stages'))).toEqual(DEFAULT_STAGES.map((s) => ({ id: s.id, title: s.title[locale] })));
    expect(readAxis(c.doc.getArray('lanes'))).toEqual(DEFAULT_LANES.map((l) => ({ id: l.id, title: l.title[locale] })));
    expect(c.doc.getArray('stages').length).toBe(6);
    expect(c.doc.getArray('lanes').length).toBe(5);
    expect(c.doc.getMap('cards').size).toBe(0);
  });

  it('titles are really translated', async () => {
    const it_ = await createBoardViaApi(t.url, { locale: 'it' });
    const c = await syncedClient(t.url, it_.id, it_.tokens.viewer);
    const stages = readAxis(c.doc.getArray('stages'));
    expect(stages[0]).toEqual({ id: 'awareness', title: 'Consapevolezza' });
    expect(readAxis(c.doc.getArray('lanes')).map((l) => l.id)).toEqual(['activities', 'goals', 'emotions', 'channels', 'ideas']);
  });
});

describe('sync between stock clients', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterEach(() => destroyAllClients());
  afterAll(async () => t?.stop());

  it('a card added by a participant reaches the facilitator and the viewer with every field', async () => {
    const b = await createBoardViaApi(t.url, { locale: 'en' });
    const [p, f, v] = await Promise.all([
      syncedClient(t.url, b.id, b.tokens.participant),
      syncedClient(t.url, b.id, b.tokens.facilitator),
      syncedClient(t.url, b.id, b.tokens.viewer),
    ]);
    const id = addCard(p.doc, {
      stage: 'purchase',
      lane: 'emotions',
      text: 'Felt unsure at checkout',
      kind: 'emotion',
      color: '#ffd1dc',
      author: 'Ada',
      now: 1_700_000_000_000,
      extra: { deckCardId: 'emotions/unsure', valence: -2, moment: 'pain', answer: 'Because of fees' },
    });
    const expected = {
      id,
      kind: 'emotion',
      text: 'Felt unsure at checkout',
      stage: 'purchase',
      lane: 'emotions',
      color: '#ffd1dc',
      author: 'Ada',
      createdAt: 1_700_000_000_000,
      deckCardId: 'emotions/unsure',
      valence: -2,
      moment: 'pain',
      answer: 'Because of fees',
    };
    for (const other of [f, v]) {
      await other.waitFor(() => other.doc.getMap('cards').has(id), 'the card');
      const m = other.doc.getMap<Y.Map<unknown>>('cards').get(id)!;
      expect(m.get('text')).toBeInstanceOf(Y.Text);
      expect(m.get('answer')).toBeInstanceOf(Y.Text);
      expect(typeof m.get('order')).toBe('string');
      expect(readCard(id, m)).toEqual({ ...expected, order: m.get('order') });
    }
    // Everyone agrees byte for byte on the card.
    expect(readCards(f.doc)).toEqual(readCards(p.doc));
  });

  it('concurrent edits of one card’s text from two clients merge', async () => {
    const b = await createBoardViaApi(t.url);
    const [p1, p2, f] = await Promise.all([
      syncedClient(t.url, b.id, b.tokens.participant),
      syncedClient(t.url, b.id, b.tokens.participant),
      syncedClient(t.url, b.id, b.tokens.facilitator),
    ]);
    const id = addCard(p1.doc, { stage: 'use', lane: 'ideas', text: 'hello world' });
    const text = (c: typeof p1) => (c.doc.getMap<Y.Map<unknown>>('cards').get(id)?.get('text') as Y.Text | undefined)?.toString();
    await p2.waitFor(() => text(p2) === 'hello world', 'the card on p2');
    // Both edit in the same tick: neither has seen the other's edit when making its own.
    setCardText(p1.doc, id, 'hello brave world');
    setCardText(p2.doc, id, 'hello world!');
    const merged = 'hello brave world!';
    await Promise.all([p1, p2, f].map((c) => c.waitFor(() => text(c) === merged, `merged text on ${c.doc.clientID}`)));
  });

  it('a card written field by field by a plain Yjs client (no shared helpers) reaches the others', async () => {
    const b = await createBoardViaApi(t.url);
    const [plain, f, v] = await Promise.all([
      syncedClient(t.url, b.id, b.tokens.participant),
      syncedClient(t.url, b.id, b.tokens.facilitator),
      syncedClient(t.url, b.id, b.tokens.viewer),
    ]);
    const id = 'card-from-a-script';
    const card = new Y.Map<unknown>();
    const text = new Y.Text();
    text.insert(0, 'Written by a script');
    card.set('id', id);
    card.set('kind', 'note');
    card.set('text', text);
    card.set('stage', 'awareness');
    card.set('lane', 'channels');
    card.set('order', 'a0');
    card.set('color', '#c9e4ff');
    card.set('author', 'script');
    card.set('createdAt', 1234);
    plain.doc.getMap('cards').set(id, card);
    for (const other of [f, v]) {
      await other.waitFor(() => other.doc.getMap('cards').has(id), 'the scripted card');
      expect(readCards(other.doc)).toEqual([
        { id, kind: 'note', text: 'Written by a script', stage: 'awareness', lane: 'channels', order: 'a0', color: '#c9e4ff', author: 'script', createdAt: 1234 },
      ]);
    }
  });

  it('a late joiner gets everything written before it connected', async () => {
    const b = await createBoardViaApi(t.url);
    const p = await syncedClient(t.url, b.id, b.tokens.participant);
    const f = await syncedClient(t.url, b.id, b.tokens.facilitator);
    const ids = Array.from({ length: 5 }, (_, i) => addCard(p.doc, { stage: 'use', lane: 'goals', text: `c${i}` }));
    await f.waitFor(() => ids.every((id) => f.doc.getMap('cards').has(id)), 'all cards on f');
    const late = await syncedClient(t.url, b.id, b.tokens.viewer);
    // "synced" must mean the stored state has arrived, not an empty board.
    expect(ids.every((id) => late.doc.getMap('cards').has(id))).toBe(true);
    expect(readCards(late.doc).map((c) => c.text).sort()).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
  });
});
