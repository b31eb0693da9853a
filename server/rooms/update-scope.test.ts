import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAxisItem, addCard, deleteCard, removeAxisItem, renameAxisItem, setCardColor, setCardText } from '../../shared/commands';
import { initBoardDoc } from '../../shared/doc/board-doc';
import { updateScope, type UpdateScope } from './update-scope';

/** The server's doc and a client that is in sync with it. */
function setup() {
  const server = new Y.Doc();
  initBoardDoc(server, { title: 'Board', locale: 'en', createdAt: 1 });
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

/** The update(s) `fn` makes on `doc`, merged into one. */
function updateOf(doc: Y.Doc, fn: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const on = (u: Uint8Array) => updates.push(u);
  doc.on('update', on);
  fn();
  doc.off('update', on);
  if (updates.length === 0) throw new Error('no update');
  return updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
}

const plain = (s: UpdateScope) => ({
  roots: [...s.roots].sort(),
  keys: Object.fromEntries([...s.keys].map(([root, keys]) => [root, [...keys].sort()])),
  unknown: s.unknown,
});

/** Lets the server and client exchange everything they lack. */
function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('updateScope', () => {
  it('an inserted card touches cards, keyed by its id', () => {
    const { server, client } = setup();
    let id = '';
    const u = updateOf(client, () => (id = addCard(client, { stage: 'use', lane: 'ideas', text: 'hi', extra: { answer: 'why' } })));
    expect(plain(updateScope(server, u))).toEqual({ roots: ['cards'], keys: { cards: [id] }, unknown: false });
  });

  it('a text edit nested inside a card is traced to that card', () => {
    const { server, client } = setup();
    const id = addCard(client, { stage: 'use', lane: 'ideas', text: 'hello world' });
    // A second card, so "keyed by that card" is not trivially true.
    addCard(client, { stage: 'use', lane: 'ideas', text: 'other' });
    sync(client, server);
    // Middle insert (neighbours, no parent in the encoding), a deletion only, and an append.
    for (const next of ['hello brave world', 'hello world', 'hello world!']) {
      const u = updateOf(client, () => setCardText(client, id, next));
      expect(plain(updateScope(server, u)), next).toEqual({ roots: ['cards'], keys: { cards: [id] }, unknown: false });
      Y.applyUpdate(server, u);
    }
  });

  it('map key overwrites: a meta field, a card field, a stage title', () => {
    const { server, client } = setup();
    const id = addCard(client, { stage: 'use', lane: 'ideas', text: 'x' });
    sync(client, server);
    const meta = updateOf(client, () => client.getMap('meta').set('title', 'Renamed'));
    expect(plain(updateScope(server, meta))).toEqual({ roots: ['meta'], keys: { meta: ['title'] }, unknown: false });
    const color = updateOf(client, () => setCardColor(client, id, '#c9e4ff'));
    expect(plain(updateScope(server, color))).toEqual({ roots: ['cards'], keys: { cards: [id] }, unknown: false });
    const title = updateOf(client, () => renameAxisItem(client, 'stages', 'use', 'Usage'));
    expect(plain(updateScope(server, title))).toEqual({ roots: ['stages'], keys: {}, unknown: false });
    // The overwritten value is in the update's delete set: tracing the deletion alone finds the root too.
    const { ds } = Y.decodeUpdate(title);
    expect(ds.clients.size).toBeGreaterThan(0);
  });

  it('deleting from an array (a stage, a lane) touches that root only', () => {
    const { server, client } = setup();
    const stage = updateOf(client, () => removeAxisItem(client, 'stages', 'advocacy'));
    expect(Y.decodeUpdate(stage).structs).toHaveLength(0); // a pure deletion
    expect(plain(updateScope(server, stage))).toEqual({ roots: ['stages'], keys: {}, unknown: false });
    const lane = updateOf(client, () => removeAxisItem(client, 'lanes', 'ideas'));
    expect(plain(updateScope(server, lane))).toEqual({ roots: ['lanes'], keys: {}, unknown: false });
    const added = updateOf(client, () => addAxisItem(client, 'lanes', 'New', 1));
    expect(plain(updateScope(server, added))).toEqual({ roots: ['lanes'], keys: {}, unknown: false });
  });

  it('deleting a card touches cards, keyed by the card', () => {
    const { server, client } = setup();
    const id = addCard(client, { stage: 'use', lane: 'ideas', text: 'bye' });
    sync(client, server);
    const u = updateOf(client, () => deleteCard(client, id));
    expect(plain(updateScope(server, u))).toEqual({ roots: ['cards'], keys: { cards: [id] }, unknown: false });
  });

  it('deletions the server already has touch nothing (a sync step 2 repeating others’ deletions)', () => {
    const { server, client } = setup();
    const facilitator = new Y.Doc();
    Y.applyUpdate(facilitator, Y.encodeStateAsUpdate(server));
    const id = addCard(facilitator, { stage: 'use', lane: 'ideas', text: 'soon gone' });
    sync(facilitator, server);
    removeAxisItem(facilitator, 'stages', 'use');
    renameAxisItem(facilitator, 'lanes', 'goals', 'Aims');
    facilitator.getMap('meta').set('title', 'New title');
    deleteCard(facilitator, id);
    sync(facilitator, server);
    sync(server, client);
    // What the client sends in sync step 2: nothing new, but its whole delete set.
    const step2 = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    expect(Y.decodeUpdate(step2).ds.clients.size).toBeGreaterThan(0);
    expect(plain(updateScope(server, step2))).toEqual({ roots: [], keys: {}, unknown: false });
    // Also against a server that reloaded the board from its stored state (deleted content collected).
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(server));
    expect(plain(updateScope(reloaded, step2))).toEqual({ roots: [], keys: {}, unknown: false });
  });

  it('a step 2 carries old deletions plus new cards: only the cards count', () => {
    const { server, client } = setup();
    const facilitator = new Y.Doc();
    Y.applyUpdate(facilitator, Y.encodeStateAsUpdate(server));
    removeAxisItem(facilitator, 'stages', 'purchase');
    sync(facilitator, server);
    sync(server, client);
    const id = addCard(client, { stage: 'use', lane: 'ideas', text: 'offline' });
    const gone = addCard(client, { stage: 'use', lane: 'ideas', text: 'created and deleted offline' });
    deleteCard(client, gone);
    const step2 = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    const scope = plain(updateScope(server, step2));
    expect(scope.roots).toEqual(['cards']);
    expect(scope.keys.cards).toContain(id);
    expect(scope.unknown).toBe(false);
  });

  it('an insert and a delete of the same new item in one update are traced through the update', () => {
    const { server, client } = setup();
    let id = '';
    const u = updateOf(client, () =>
      client.transact(() => {
        id = addCard(client, { stage: 'use', lane: 'ideas', text: 'blink' });
        deleteCard(client, id);
      }),
    );
    expect(plain(updateScope(server, u))).toEqual({ roots: ['cards'], keys: { cards: [id] }, unknown: false });
  });

  it('items the server already has touch nothing (a saved copy sent back whole, with one new card)', () => {
    const { server, client } = setup();
    // The whole client state, board skeleton included, plus one card the server lacks.
    const id = addCard(client, { stage: 'use', lane: 'ideas', text: 'written offline' });
    const whole = Y.encodeStateAsUpdate(client);
    expect(plain(updateScope(server, whole))).toEqual({ roots: ['cards'], keys: { cards: [id] }, unknown: false });
  });

  it('a write spanning two roots names both', () => {
    const { server, client } = setup();
    let id = '';
    const u = updateOf(client, () =>
      client.transact(() => {
        renameAxisItem(client, 'lanes', 'goals', 'Aims');
        id = addCard(client, { stage: 'use', lane: 'goals', text: 'x' });
      }),
    );
    expect(plain(updateScope(server, u))).toEqual({ roots: ['cards', 'lanes'], keys: { cards: [id] }, unknown: false });
  });

  it('writes to roots outside the format are named as such', () => {
    const { server, client } = setup();
    const u = updateOf(client, () => client.getMap('decks').set('x', 1));
    expect(plain(updateScope(server, u))).toEqual({ roots: ['decks'], keys: { decks: ['x'] }, unknown: false });
    const arr = updateOf(client, () => client.getArray('whatever').push([1]));
    expect(plain(updateScope(server, arr)).roots).toEqual(['whatever']);
  });

  it('an edit that builds on items the server does not have is untraceable', () => {
    const { server, client } = setup();
    const id = addCard(client, { stage: 'use', lane: 'ideas', text: 'abc' }); // never sent
    const u = updateOf(client, () => setCardText(client, id, 'abcd'));
    expect(updateScope(server, u).unknown).toBe(true);
  });

  it('a deletion of clocks nobody has written yet is untraceable (it would wait and hit future items)', () => {
    const { server } = setup();
    const facilitator = new Y.Doc();
    Y.applyUpdate(facilitator, Y.encodeStateAsUpdate(server));
    addCard(facilitator, { stage: 'use', lane: 'ideas', text: 'known' });
    sync(facilitator, server);
    const next = Y.getState(server.store, facilitator.clientID);
    // Build the deletion with Yjs itself: a doc that has the future items and deletes them.
    const ahead = new Y.Doc();
    Y.applyUpdate(ahead, Y.encodeStateAsUpdate(facilitator));
    ahead.clientID = facilitator.clientID;
    const futureStage = updateOf(ahead, () => addAxisItem(ahead, 'stages', 'future'));
    const del = updateOf(ahead, () => removeAxisItem(ahead, 'stages', readLast(ahead)));
    expect(Y.decodeUpdate(del).structs).toHaveLength(0);
    expect([...Y.decodeUpdate(del).ds.clients.get(facilitator.clientID)!].some((r) => r.clock >= next)).toBe(true);
    expect(updateScope(server, del).unknown).toBe(true);
    // Once the server has the items, the same deletion is traced normally.
    Y.applyUpdate(server, futureStage);
    expect(plain(updateScope(server, del))).toEqual({ roots: ['stages'], keys: {}, unknown: false });
  });

  it('an edit inside a card that the server already deleted and collected touches nothing', () => {
    const { server, client } = setup();
    const id = addCard(client, { stage: 'use', lane: 'ideas', text: 'abc' });
    sync(client, server);
    const facilitator = new Y.Doc();
    Y.applyUpdate(facilitator, Y.encodeStateAsUpdate(server));
    deleteCard(facilitator, id);
    sync(facilitator, server); // the server's copy of the card's text is garbage-collected now
    const u = updateOf(client, () => setCardText(client, id, 'abcd'));
    expect(plain(updateScope(server, u))).toEqual({ roots: [], keys: {}, unknown: false });
  });
});

function readLast(doc: Y.Doc): string {
  const stages = doc.getArray<Y.Map<unknown>>('stages');
  return String(stages.get(stages.length - 1).get('id'));
}
