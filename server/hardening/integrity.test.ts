/**
 * Issue 12, items 1, 2 and 8: a hand-made client with a participant link tries to change what the
 * locks, the vote and other people's client ids protect, with y-websocket frames built struct by
 * struct. Each attack is refused, and a stock client of the victim sees nothing change, before and
 * after a server restart.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, setCardText } from '../../shared/commands/cards';
import { setLock } from '../../shared/commands/facilitation';
import { renameAxisItem } from '../../shared/commands/skeleton';
import { VOTES_ROOT, readVote, revealVote, startVote, voteKey } from '../../shared/commands/votes';
import { roots } from '../../shared/doc/board-doc';
import { randomId } from '../../shared/doc/ids';
import { readAxis, readCards, readLocks, readMeta } from '../../shared/doc/read';
import { personIdFromKey } from '../../shared/identity';
import { CLOSE, type CreateBoardResponse } from '../../shared/protocol';
import { connectClient, createBoardViaApi, destroyAllClients, syncedClient, withTimeout, type TestClient } from '../test-support/clients';
import {
  any,
  buildUpdate,
  closeAllPeers,
  frame,
  lastStruct,
  newMap,
  openPeer,
  startHardServer,
  wsUrl,
  type HardServer,
  type Peer,
} from './support';

let h: HardServer;
beforeAll(async () => {
  h = await startHardServer({}, 'warn');
});
afterEach(() => {
  destroyAllClients();
  closeAllPeers();
});
afterAll(() => h.stop());

const dropped = (reason: string) => h.server.metrics.dropped.get(reason as never) ?? 0;

/** A hand-made client: a raw socket sending a person key, with a Y.Doc of its own to craft updates. */
async function attacker(board: CreateBoardResponse, personKey = randomId()) {
  const peer = openPeer(h.url, board.id, undefined, { rawUrl: `${wsUrl(h.url, board.id, board.tokens.participant)}&person=${personKey}` });
  await peer.opened;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await peer.sync());
  return {
    peer,
    doc,
    personId: await personIdFromKey(personKey),
    /** Refreshes `doc` from the server. */
    async resync() {
      Y.applyUpdate(doc, await peer.sync());
    },
    /** Makes a change on its doc the way a stock client would, and sends it. */
    write(fn: (d: Y.Doc) => void) {
      const updates: Uint8Array[] = [];
      const on = (u: Uint8Array) => updates.push(u);
      doc.on('update', on);
      fn(doc);
      doc.off('update', on);
      for (const u of updates) peer.send(frame.update(u));
    },
    send(update: Uint8Array) {
      peer.send(frame.update(update));
    },
  };
}

/**
 * Waits until everything the server accepted before now has reached `viewer`: the facilitator writes a
 * marker card, relayed after anything accepted earlier. Then an accepted attack would be visible.
 */
async function settled(fac: TestClient, viewer: TestClient, peer?: Peer) {
  if (peer?.isOpen()) await peer.probe();
  const id = addCard(fac.doc, { stage: 'advocacy', lane: 'ideas', text: 'marker' });
  await viewer.waitFor(() => viewer.doc.getMap('cards').has(id), 'the marker card');
}

/** The board as people see it, minus the marker cards. */
function seen(doc: Y.Doc) {
  return {
    title: readMeta(doc).title,
    lanes: readAxis(roots(doc).lanes).map((l) => `${l.id}:${l.title}`),
    stages: readAxis(roots(doc).stages).map((s) => `${s.id}:${s.title}`),
    cards: readCards(doc)
      .filter((c) => c.text !== 'marker')
      .map((c) => `${c.id}:${c.text}:${c.stage}/${c.lane}`)
      .sort(),
    locks: readLocks(doc),
    vote: readVote(doc),
    votes: Object.entries(doc.getMap(VOTES_ROOT).toJSON()).sort(),
    entries: [...doc.getMap<unknown>('cards').entries()]
      .filter(([, m]) => !(m instanceof Y.Map) || m.get('text')?.toString() !== 'marker')
      .map(([id, m]) => `${id}=${m instanceof Y.Map ? Object.keys(m.toJSON()).sort().join(',') : JSON.stringify(m)}`)
      .sort(),
  };
}

/** After a restart, a fresh viewer sees the same board. */
async function afterRestart(board: CreateBoardResponse, expected: ReturnType<typeof seen>) {
  destroyAllClients();
  closeAllPeers();
  await h.restart();
  const v = await syncedClient(h.url, board.id, board.tokens.viewer);
  expect(seen(v.doc)).toEqual(expected);
}

async function setup() {
  const board = await createBoardViaApi(h.url, { title: 'Bikes', locale: 'en' });
  const fac = await syncedClient(h.url, board.id, board.tokens.facilitator);
  const viewer = await syncedClient(h.url, board.id, board.tokens.viewer);
  return { board, fac, viewer };
}

describe('overlapping structs (issue 12, item 1)', () => {
  it('a lane is not renamed with the skeleton locked, by a struct overlapping the facilitator’s last item', async () => {
    const { board, fac, viewer } = await setup();
    renameAxisItem(fac.doc, 'lanes', 'goals', 'Aims');
    const a = await attacker(board);
    await viewer.waitFor(() => readAxis(roots(viewer.doc).lanes)[1].title === 'Aims', 'the rename');
    await a.resync();
    const before = seen(viewer.doc);
    const last = lastStruct(a.doc, fac.doc.clientID);
    // Starts on the facilitator's last clock (the lane title), declares a new card: the old rules read
    // "a new card" and Yjs put it next to the lane title, deleting it.
    a.send(buildUpdate([{ client: fac.doc.clientID, clock: last.clock + last.length - 1, parent: 'cards', parentSub: 'x', content: any('x', 'Hacked') }]));
    await settled(fac, viewer, a.peer);
    expect(seen(viewer.doc)).toEqual(before);
    expect(dropped('client-id-not-own')).toBeGreaterThan(0);
    await afterRestart(board, before);
  });

  it('the same struct overlapping the attacker’s own last item is refused too (the socket is closed)', async () => {
    const { board, fac, viewer } = await setup();
    setLock(fac.doc, 'skeletonLocked', false);
    const a = await attacker(board);
    await withTimeout(
      (async () => {
        while (readLocks(a.doc).skeletonLocked) await a.resync();
      })(),
      5000,
      'the unlock',
    );
    a.write((d) => renameAxisItem(d, 'lanes', 'ideas', 'Our ideas'));
    await viewer.waitFor(() => readAxis(roots(viewer.doc).lanes)[4].title === 'Our ideas', 'the participant’s rename');
    setLock(fac.doc, 'skeletonLocked', true);
    await viewer.waitFor(() => readLocks(viewer.doc).skeletonLocked, 'the lock');
    await a.resync();
    const before = seen(viewer.doc);
    const overlapsBefore = dropped('overlap');
    const last = lastStruct(a.doc, a.doc.clientID);
    a.send(buildUpdate([{ client: a.doc.clientID, clock: last.clock + last.length - 1, parent: 'cards', parentSub: 'x', content: any('x', 'Hacked') }]));
    expect((await withTimeout(a.peer.closed, 5000, 'the close')).code).toBe(CLOSE.policy);
    await settled(fac, viewer);
    expect(seen(viewer.doc)).toEqual(before);
    expect(dropped('overlap')).toBe(overlapsBefore + 1);
    await afterRestart(board, before);
  });

  it('cards-only mode is not switched off, and someone else’s card stays as it was', async () => {
    const { board, fac, viewer } = await setup();
    const annKey = randomId();
    const ann = await syncedClient(h.url, board.id, board.tokens.participant, { person: annKey });
    const annCard = addCard(ann.doc, { stage: 'use', lane: 'goals', text: 'Ann’s', ownerId: await personIdFromKey(annKey) });
    await fac.waitFor(() => fac.doc.getMap('cards').has(annCard), 'Ann’s card');
    setLock(fac.doc, 'cardsOnly', true); // the facilitator's last item
    await viewer.waitFor(() => readLocks(viewer.doc).cardsOnly, 'cards-only mode');
    const a = await attacker(board);
    const before = seen(viewer.doc);
    const last = lastStruct(a.doc, fac.doc.clientID);
    a.send(buildUpdate([{ client: fac.doc.clientID, clock: last.clock + last.length - 1, parent: 'cards', parentSub: 'y', content: any(true, 'x') }]));
    await a.resync();
    a.write((d) => setCardText(d, annCard, 'Mallory was here'));
    await settled(fac, viewer, a.peer);
    expect(seen(viewer.doc)).toEqual(before);
    expect(readLocks(ann.doc).cardsOnly).toBe(true);
    await afterRestart(board, before);
  });

  /** The facilitator opens a 3-dot vote on one idea; an attacker joins and waits until it sees both. */
  async function voteOnAnIdea(board: Parameters<typeof attacker>[0], fac: { doc: Y.Doc }) {
    const card = addCard(fac.doc, { stage: 'use', lane: 'ideas', text: 'vote for me' });
    startVote(fac.doc, 3, null);
    const a = await attacker(board);
    await withTimeout(
      (async () => {
        while (!readVote(a.doc) || !a.doc.getMap('cards').has(card)) await a.resync();
      })(),
      5000,
      'the vote',
    );
    return { card, a };
  }

  it('99 dots do not pass a budget of 3', async () => {
    const { board, fac, viewer } = await setup();
    const { card, a } = await voteOnAnIdea(board, fac);
    const key = voteKey(readVote(a.doc)!.id, a.personId, card);
    a.write((d) => d.getMap(VOTES_ROOT).set(key, 1));
    await viewer.waitFor(() => viewer.doc.getMap(VOTES_ROOT).get(key) === 1, 'one honest dot');
    await a.resync();
    const before = seen(viewer.doc);
    // Own id, overlapping the dot: the old rules read the first value (1), Yjs kept the second (99).
    const last = lastStruct(a.doc, a.doc.clientID);
    a.send(buildUpdate([{ client: a.doc.clientID, clock: last.clock, parent: VOTES_ROOT, parentSub: key, content: any(1, 99) }]));
    expect((await withTimeout(a.peer.closed, 5000, 'the close')).code).toBe(CLOSE.policy);

    // Two fresh ids of the same person set the same key to 1 and 99: whichever Yjs keeps, it must fit.
    const b = await attacker(board);
    const [lo, hi] = [1000, 4_000_000_000];
    const bKey = voteKey(readVote(b.doc)!.id, b.personId, card);
    // The lower id comes first (the old rules read its 1); Yjs keeps the higher id's value (99).
    b.send(
      buildUpdate([
        { client: lo, clock: 0, parent: VOTES_ROOT, parentSub: bKey, content: any(1) },
        { client: hi, clock: 0, parent: VOTES_ROOT, parentSub: bKey, content: any(99) },
      ]),
    );
    await settled(fac, viewer, b.peer);
    expect(seen(viewer.doc)).toEqual(before);
    await afterRestart(board, before);
  });

  it('a revealed vote is not changed afterwards', async () => {
    const { board, fac, viewer } = await setup();
    const { card, a } = await voteOnAnIdea(board, fac);
    const key = voteKey(readVote(a.doc)!.id, a.personId, card);
    a.write((d) => d.getMap(VOTES_ROOT).set(key, 2));
    await fac.waitFor(() => fac.doc.getMap(VOTES_ROOT).get(key) === 2, 'the dots');
    revealVote(fac.doc); // the facilitator's last item
    await viewer.waitFor(() => readVote(viewer.doc)?.revealed === true, 'the reveal');
    await a.resync();
    const before = seen(viewer.doc);
    // Under the facilitator's id, next to the reveal; and under the attacker's own id, next to its dots.
    const fl = lastStruct(a.doc, fac.doc.clientID);
    a.send(buildUpdate([{ client: fac.doc.clientID, clock: fl.clock + fl.length - 1, parent: 'cards', parentSub: 'z', content: any(0, { open: true }) }]));
    const al = lastStruct(a.doc, a.doc.clientID);
    a.send(buildUpdate([{ client: a.doc.clientID, clock: al.clock, parent: 'cards', parentSub: 'z', content: any(0, 3) }]));
    await settled(fac, viewer, a.peer);
    expect(seen(viewer.doc)).toEqual(before);
    expect(before.vote).toMatchObject({ open: false, revealed: true });
    await afterRestart(board, before);
  });
});

describe('a client id belongs to one person (issue 12, item 2)', () => {
  it('writes under the facilitator’s id at future clocks do not erase the facilitator’s offline card and rename', async () => {
    const { board, fac, viewer } = await setup();
    addCard(fac.doc, { stage: 'use', lane: 'ideas', text: 'online' }); // binds the facilitator's id
    setLock(fac.doc, 'boardLocked', true);
    await viewer.waitFor(() => readLocks(viewer.doc).boardLocked, 'the lock');
    fac.provider.disconnect();
    const offlineCard = addCard(fac.doc, { stage: 'use', lane: 'ideas', text: 'written offline' });
    fac.doc.transact(() => roots(fac.doc).meta.set('title', 'Bikes, renamed offline'));

    const a = await attacker(board);
    const next = Y.getState(a.doc.store, fac.doc.clientID);
    // Items and an empty (GC) struct at the clocks the facilitator used offline, with the board locked.
    a.send(buildUpdate([{ client: fac.doc.clientID, clock: next, parent: 'cards', parentSub: 'burn', content: newMap() }]));
    a.send(buildUpdate([{ client: fac.doc.clientID, clock: next, gc: 50 }]));
    const burnedBefore = dropped('client-id-not-own');
    await a.peer.probe();
    expect(dropped('client-id-not-own')).toBeGreaterThanOrEqual(burnedBefore);
    expect(Y.getState(viewer.doc.store, fac.doc.clientID)).toBe(next);

    fac.provider.connect();
    await viewer.waitFor(() => viewer.doc.getMap('cards').has(offlineCard) && readMeta(viewer.doc).title === 'Bikes, renamed offline', 'the offline work');
    await settled(fac, viewer, a.peer);
    const after = seen(viewer.doc);
    expect(after.cards.some((c) => c.includes('written offline'))).toBe(true);
    expect(viewer.doc.getMap('cards').has('burn')).toBe(false);
    await afterRestart(board, after);
  });

  it('offline edits merge under the same id, and under a person’s earlier id from a new session', async () => {
    const { board, fac, viewer } = await setup();
    const key = randomId();
    const first = await syncedClient(h.url, board.id, board.tokens.participant, { person: key });
    addCard(first.doc, { stage: 'use', lane: 'ideas', text: 'online' });
    first.provider.disconnect();
    addCard(first.doc, { stage: 'use', lane: 'ideas', text: 'offline, same id' });
    first.provider.connect();
    await viewer.waitFor(() => readCards(viewer.doc).some((c) => c.text === 'offline, same id'), 'the offline card');

    // Offline again; the tab is closed. A new session of the same person key (a new client id) starts
    // from the saved copy, as IndexedDB would, and the earlier id's offline work merges.
    first.provider.disconnect();
    addCard(first.doc, { stage: 'use', lane: 'ideas', text: 'offline, earlier id' });
    const saved = Y.encodeStateAsUpdate(first.doc);
    first.destroy();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, saved);
    const second = await syncedClient(h.url, board.id, board.tokens.participant, { doc, person: key });
    addCard(second.doc, { stage: 'use', lane: 'ideas', text: 'new session' });
    await viewer.waitFor(() => ['offline, earlier id', 'new session'].every((t) => readCards(viewer.doc).some((c) => c.text === t)), 'both');

    // Someone else carrying that person's work (another key) cannot add to it.
    const otherDoc = new Y.Doc();
    Y.applyUpdate(otherDoc, Y.encodeStateAsUpdate(second.doc));
    const impostor = connectClient(h.url, board.id, board.tokens.participant, { doc: otherDoc });
    await impostor.synced;
    otherDoc.clientID = doc.clientID; // writes as the second session's id
    addCard(otherDoc, { stage: 'use', lane: 'ideas', text: 'impostor' });
    await settled(fac, viewer);
    expect(readCards(viewer.doc).map((c) => c.text)).not.toContain('impostor');
    const after = seen(viewer.doc);
    await afterRestart(board, after);
  });

  it('a presence-only id stays its person’s after the socket drops, across a restart; the facilitator writes under it on return', async () => {
    const board = await createBoardViaApi(h.url, { title: 'Bikes', locale: 'en' });
    const viewer = await syncedClient(h.url, board.id, board.tokens.viewer);
    // A facilitator who only watches: its presence is published under its doc's client id, no writes.
    const fac = await syncedClient(h.url, board.id, board.tokens.facilitator);
    fac.provider.awareness.setLocalStateField('user', { name: 'Fede', role: 'facilitator' });
    const id = fac.doc.clientID;
    await viewer.waitFor(() => viewer.provider.awareness.getStates().has(id), 'the facilitator’s presence');
    fac.provider.disconnect();
    await viewer.waitFor(() => !viewer.provider.awareness.getStates().has(id), 'the facilitator to leave');

    // A participant who saw the id writes under it, at the clocks the facilitator will use.
    const steal = async () => {
      const a = await attacker(board);
      const before = dropped('client-id-not-own');
      a.send(buildUpdate([{ client: id, clock: 0, parent: 'cards', parentSub: 'stolen', content: newMap() }]));
      expect(await a.peer.probe()).toBe('answered');
      expect(dropped('client-id-not-own')).toBe(before + 1);
      a.peer.close();
    };
    await steal();
    viewer.destroy();
    await h.restart();
    await steal(); // the binding was stored with the board

    const back = await syncedClient(h.url, board.id, board.tokens.facilitator, { doc: fac.doc, person: fac.personKey });
    fac.provider.destroy();
    const card = addCard(back.doc, { stage: 'use', lane: 'ideas', text: 'written under the presence id' });
    const v = await syncedClient(h.url, board.id, board.tokens.viewer);
    await v.waitFor(() => v.doc.getMap('cards').has(card), 'the facilitator’s card');
    expect(v.doc.getMap('cards').has('stolen')).toBe(false);
  });

  it('the server’s own client id (board creation) is writable by nobody', async () => {
    const { board, fac, viewer } = await setup();
    const a = await attacker(board);
    const serverId = [...a.doc.store.clients.keys()].find((c) => c !== fac.doc.clientID)!;
    const before = seen(viewer.doc);
    a.send(buildUpdate([{ client: serverId, clock: Y.getState(a.doc.store, serverId), parent: 'cards', parentSub: 'legacy', content: newMap() }]));
    await settled(fac, viewer, a.peer);
    expect(seen(viewer.doc)).toEqual(before);
  });
});

describe('card entries hold the format’s fields only (issue 12, item 8)', () => {
  it('refuses unknown keys, nested maps in fields and cards that are not maps', async () => {
    const { board, fac, viewer } = await setup();
    const a = await attacker(board);
    const card = addCard(fac.doc, { stage: 'use', lane: 'ideas', text: 'plain' });
    await withTimeout(
      (async () => {
        while (!a.doc.getMap('cards').has(card)) await a.resync();
      })(),
      5000,
      'the card',
    );
    await viewer.waitFor(() => viewer.doc.getMap('cards').has(card), 'the card');
    const before = seen(viewer.doc);
    const refusedBefore = dropped('card-field');
    // Each in one transaction (one update): a card with something extra.
    a.write((d) =>
      d.transact(() => {
        const id = addCard(d, { stage: 'use', lane: 'ideas', text: 'with a secret' });
        (d.getMap('cards').get(id) as Y.Map<unknown>).set('secret', 'no client shows this');
      }),
    );
    a.write((d) =>
      d.transact(() => {
        const id = addCard(d, { stage: 'use', lane: 'ideas', text: 'nested' });
        (d.getMap('cards').get(id) as Y.Map<unknown>).set('color', new Y.Map());
      }),
    );
    a.write((d) => d.getMap('cards').set('not-a-card', 'just a string'));
    await settled(fac, viewer, a.peer);
    expect(seen(viewer.doc)).toEqual(before);
    expect(dropped('card-field')).toBe(refusedBefore + 3);
    // An honest card from the same socket still goes through.
    a.write((d) => addCard(d, { stage: 'use', lane: 'ideas', text: 'honest' }));
    await viewer.waitFor(() => readCards(viewer.doc).some((c) => c.text === 'honest'), 'the honest card');
  });
});
