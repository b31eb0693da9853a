/**
 * Issue 16 on the real server: personas (root `personas`) are written by facilitators, by participants
 * only while the skeleton is unlocked, never by viewers; the active persona is facilitator state. Stock
 * y-websocket clients writing with the app's own commands, and hand-made frames; each refusal checked by
 * what the facilitator and a fresh client see after a barrier (a later allowed write that arrives).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard } from '../../shared/commands';
import { setLock } from '../../shared/commands/facilitation';
import { addPersona, deletePersona, setActivePersona, setCardPersona, updatePersona } from '../../shared/commands/personas';
import { readCards, readLocks } from '../../shared/doc/read';
import { personIdFromKey } from '../../shared/identity';
import { readActivePersona, readPersonas } from '../../shared/personas/read-personas';
import { any, buildUpdate } from '../hardening/support/structs';
import { frame } from '../hardening/support/frames';
import { closeAllPeers, openPeer } from '../hardening/support/peer';
import { createBoardViaApi, destroyAllClients, syncedClient, type TestClient } from '../test-support/clients';
import { startTestServer, type TestServer } from '../test-support/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterEach(() => {
  destroyAllClients();
  closeAllPeers();
});
afterAll(async () => t?.stop());

async function barrier(from: TestClient, to: TestClient, label: string) {
  const id = addCard(from.doc, { stage: 'use', lane: 'activities', text: label });
  await to.waitFor(() => to.doc.getMap('cards').has(id), `${label} to arrive`);
}
const names = (c: TestClient) => readPersonas(c.doc).map((p) => p.name);
const dropped = (reason: string) => t.server.metrics.dropped.get(reason as never) ?? 0;

describe('personas on the server', () => {
  it('refuses a participant’s persona writes while the skeleton is locked and accepts them when unlocked; a viewer never', async () => {
    const board = await createBoardViaApi(t.url);
    const fac = await syncedClient(t.url, board.id, board.tokens.facilitator);
    const part = await syncedClient(t.url, board.id, board.tokens.participant);
    const viewer = await syncedClient(t.url, board.id, board.tokens.viewer);
    const maria = addPersona(fac.doc, { name: 'Maria', segment: 'Small business owner' })!;
    await part.waitFor(() => names(part).includes('Maria'), 'the facilitator’s persona to reach the participant');

    // Locked (the default): add, edit, delete and choosing the active one are all refused.
    expect(readLocks(part.doc).skeletonLocked).toBe(true);
    const before = dropped('skeleton');
    addPersona(part.doc, { name: 'Locked newcomer' });
    updatePersona(part.doc, maria, { quote: 'changed while locked' });
    await barrier(part, fac, 'after the locked writes');
    deletePersona(part.doc, maria);
    await barrier(part, fac, 'after the locked delete');
    expect(names(fac)).toEqual(['Maria']);
    expect(readPersonas(fac.doc)[0].quote).toBe('');
    expect(dropped('skeleton')).toBeGreaterThan(before);
    const fresh = await syncedClient(t.url, board.id, board.tokens.viewer);
    expect(names(fresh)).toEqual(['Maria']);

    // A viewer's writes are refused whatever the locks.
    setLock(fac.doc, 'skeletonLocked', false);
    await viewer.waitFor(() => !readLocks(viewer.doc).skeletonLocked, 'the unlock to reach the viewer');
    await part.waitFor(() => !readLocks(part.doc).skeletonLocked, 'the unlock to reach the participant');
    addPersona(viewer.doc, { name: 'Viewer’s persona' });
    const vBefore = dropped('viewer');
    // (A viewer cannot send a barrier card: wait for the metric instead.)
    await fac.waitFor(() => dropped('viewer') > vBefore, 'the viewer’s write to be refused');
    expect(names(fac)).not.toContain('Viewer’s persona');

    // Unlocked: a participant with a stock client adds, edits and deletes personas (a fresh one, since
    // the first participant's copy keeps its refused writes, as any refused write).
    const part2 = await syncedClient(t.url, board.id, board.tokens.participant);
    const luca = addPersona(part2.doc, { name: 'Luca', goals: 'A site that sells\nNo surprises' })!;
    await fac.waitFor(() => names(fac).includes('Luca'), 'the participant’s persona to arrive');
    updatePersona(part2.doc, maria, { quote: 'I have no time for this' });
    await fac.waitFor(() => readPersonas(fac.doc).find((p) => p.id === maria)?.quote === 'I have no time for this', 'the edit to arrive');
    deletePersona(part2.doc, luca);
    await fac.waitFor(() => !names(fac).includes('Luca'), 'the delete to arrive');

    // Choosing the active persona stays the facilitator's, locked or not.
    const other = addPersona(fac.doc, { name: 'Giulia' })!;
    await part2.waitFor(() => names(part2).includes('Giulia'), 'Giulia to reach the participant');
    setActivePersona(part2.doc, other);
    await barrier(part2, fac, 'after the participant’s active choice');
    expect(readActivePersona(fac.doc)?.name).toBe('Maria');
    setActivePersona(fac.doc, other);
    await part2.waitFor(() => readActivePersona(part2.doc)?.name === 'Giulia', 'the facilitator’s choice to arrive');
  });

  it('refuses hand-made participant frames that write a persona directly or through a neighbour while locked', async () => {
    const board = await createBoardViaApi(t.url);
    const fac = await syncedClient(t.url, board.id, board.tokens.facilitator);
    const maria = addPersona(fac.doc, { name: 'Maria' })!;
    const viewer = await syncedClient(t.url, board.id, board.tokens.viewer);
    await viewer.waitFor(() => names(viewer).includes('Maria'), 'Maria to reach the viewer');
    const item = (fac.doc.getMap('personas') as unknown as { _map: Map<string, Y.Item> })._map.get(maria)!;
    const stored = readPersonas(fac.doc)[0];

    const peer = openPeer(t.url, board.id, board.tokens.participant);
    await peer.opened;
    await peer.sync();
    const forged = { ...stored, name: 'Forged' };
    peer.send(frame.update(buildUpdate([{ client: 515151, clock: 0, parent: 'personas', parentSub: 'x1', content: any({ ...forged, id: 'x1' }) }])));
    // Declared as a new card, but its left neighbour is Maria's entry: Yjs would make it Maria's value.
    peer.send(frame.update(buildUpdate([{ client: 525252, clock: 0, origin: item.id, parent: 'cards', parentSub: 'c1', content: any(forged) }])));
    peer.send(frame.update(buildUpdate([], [{ client: item.id.client, clock: item.id.clock, len: 1 }])));
    expect(await peer.probe()).toBe('answered');
    const fromPeer = new Y.Doc();
    const cardId = addCard(fromPeer, { stage: 'use', lane: 'ideas', text: 'allowed' });
    peer.send(frame.update(Y.encodeStateAsUpdate(fromPeer)));
    await fac.waitFor(() => fac.doc.getMap('cards').has(cardId), 'the allowed card to arrive');
    expect(readPersonas(fac.doc)).toEqual([stored]);
    const fresh = await syncedClient(t.url, board.id, board.tokens.viewer);
    expect(readPersonas(fresh.doc)).toEqual([stored]);
  });

  it('holds every role to the persona limits: text lengths, palette, shape, at most eight', async () => {
    const board = await createBoardViaApi(t.url);
    const fac = await syncedClient(t.url, board.id, board.tokens.facilitator);
    const part = await syncedClient(t.url, board.id, board.tokens.participant);
    const first = addPersona(fac.doc, { name: 'Maria' })!;
    await part.waitFor(() => names(part).length === 1, 'Maria to arrive');
    const base = readPersonas(fac.doc)[0];
    const personas = fac.doc.getMap<unknown>('personas');
    const before = dropped('content-limit');
    fac.doc.transact(() => personas.set(first, { ...base, quote: 'q'.repeat(281) }));
    fac.doc.transact(() => personas.set('p2', { ...base, id: 'p2', color: '#ff0000' }));
    fac.doc.transact(() => personas.set('p3', { ...base, id: 'other' }));
    fac.doc.transact(() => personas.set('p4', new Y.Map()));
    fac.doc.transact(() => personas.set('p5', { ...base, id: 'p5', photo: 'data:image/png;base64,AAAA' }));
    await barrier(fac, part, 'after the bad personas');
    expect(dropped('content-limit')).toBeGreaterThanOrEqual(before + 5);
    const fresh = await syncedClient(t.url, board.id, board.tokens.viewer);
    expect(readPersonas(fresh.doc)).toEqual([base]);
    expect([...fresh.doc.getMap('personas').keys()]).toEqual([first]);

    // Eight personas fit; a ninth is refused (the app does not offer it, a script is refused).
    const fac2 = await syncedClient(t.url, board.id, board.tokens.facilitator);
    for (let i = 2; i <= 8; i++) expect(addPersona(fac2.doc, { name: `P${i}` })).not.toBeNull();
    await part.waitFor(() => names(part).length === 8, 'eight personas to arrive');
    fac2.doc.getMap<unknown>('personas').set('ninth', { ...base, id: 'ninth', name: 'Ninth' });
    await barrier(fac2, part, 'after the ninth');
    expect(names(part)).toHaveLength(8);
  });

  it('lets whoever may edit a card tag it with a persona; in cards-only mode only the owner', async () => {
    const board = await createBoardViaApi(t.url);
    const fac = await syncedClient(t.url, board.id, board.tokens.facilitator);
    const anna = await syncedClient(t.url, board.id, board.tokens.participant);
    const bruno = await syncedClient(t.url, board.id, board.tokens.participant);
    const maria = addPersona(fac.doc, { name: 'Maria' })!;
    const card = addCard(anna.doc, { stage: 'use', lane: 'emotions', text: 'Lost', ownerId: await personIdFromKey(anna.personKey!) });
    await bruno.waitFor(() => bruno.doc.getMap('cards').has(card) && names(bruno).length === 1, 'card and persona at Bruno');
    const personaOf = (c: TestClient) => readCards(c.doc).find((x) => x.id === card)?.persona;

    // The skeleton lock is about personas themselves, not tags: Bruno may tag Anna's card (he may edit it).
    setCardPersona(bruno.doc, card, maria);
    await fac.waitFor(() => personaOf(fac) === maria, 'Bruno’s tag to arrive');
    setLock(fac.doc, 'cardsOnly', true);
    await bruno.waitFor(() => readLocks(bruno.doc).cardsOnly && readLocks(anna.doc).cardsOnly, 'cards-only mode');
    setCardPersona(bruno.doc, card, null);
    await barrier(bruno, fac, 'after Bruno’s untag');
    expect(personaOf(fac)).toBe(maria);
    setCardPersona(anna.doc, card, null);
    await fac.waitFor(() => personaOf(fac) === undefined, 'Anna’s untag to arrive');
  });
});

describe('persona writes judged from their bytes', () => {
  it('accepts a persona created and edited offline, sent as one update (the overwritten value comes deleted)', async () => {
    const { checkContentLimits } = await import('./content-limits');
    const { updateScope } = await import('./update-scope');
    const { initBoardDoc } = await import('../../shared/doc/board-doc');
    const server = new Y.Doc();
    initBoardDoc(server, { title: 'T', locale: 'en', createdAt: 1 });
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const before = Y.encodeStateVector(client);
    const id = addPersona(client, { name: 'Maria' })!;
    updatePersona(client, id, { quote: 'Later' });
    const update = Y.encodeStateAsUpdate(client, before);
    expect(checkContentLimits(server, update)).toBeNull();
    const scope = updateScope(server, update);
    expect([...scope.roots]).toEqual(['personas']);
    expect(scope.invalid).toBeNull();
  });
});
