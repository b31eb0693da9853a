/**
 * Issue 14 on the real server: the CLV inputs (`facilitation.clv`) are written by facilitators only,
 * an idea's effect by its author or a facilitator. Stock y-websocket clients and hand-made frames,
 * each refusal checked by what the facilitator and a fresh client see, after a barrier (a later
 * allowed write that arrives), never after a sleep.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, setCardText } from '../../shared/commands';
import { readClvRaw, setClvInputs, setIdeaEffect } from '../../shared/commands/clv';
import { readCards } from '../../shared/doc/read';
import { personIdFromKey } from '../../shared/identity';
import type { ClvStored } from '../../shared/insights/clv-schema';
import { any, buildUpdate } from '../hardening/support/structs';
import { frame } from '../hardening/support/frames';
import { closeAllPeers, openPeer } from '../hardening/support/peer';
import { createBoardViaApi, destroyAllClients, syncedClient, type TestClient } from '../test-support/clients';
import { startTestServer, type TestServer } from '../test-support/server';
import { CLV_EXAMPLE } from '../../shared/test-support/clv-example';


let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterEach(() => {
  destroyAllClients();
  closeAllPeers();
});
afterAll(async () => t?.stop());

/** A write `from` makes that `to` must see: everything `from` sent before has been judged by then. */
async function barrier(from: TestClient, to: TestClient, label: string) {
  const id = addCard(from.doc, { stage: 'use', lane: 'activities', text: label });
  await to.waitFor(() => to.doc.getMap('cards').has(id), `${label} to arrive`);
}
const effectOf = (c: TestClient, id: string) => readCards(c.doc).find((x) => x.id === id)?.effect;

describe('CLV inputs and idea effects on the server', () => {
  it('refuses CLV inputs from a stock client with the participant token; the facilitator sees nothing change', async () => {
    const board = await createBoardViaApi(t.url);
    const fac = await syncedClient(t.url, board.id, board.tokens.facilitator);
    const part = await syncedClient(t.url, board.id, board.tokens.participant);
    // Written by the participant's own client with the app's command: the server must say no.
    const before = t.server.metrics.dropped.get('facilitator-only') ?? 0;
    expect(setClvInputs(part.doc, { ...CLV_EXAMPLE, orderValue: 999 })).toBe(true);
    await barrier(part, fac, 'after the refused inputs');
    expect(readClvRaw(fac.doc)).toBeUndefined();
    expect(t.server.metrics.dropped.get('facilitator-only') ?? 0).toBeGreaterThan(before);

    // The facilitator's inputs reach participants; a participant's overwrite does not stick. (The first
    // participant's own copy keeps its refused write, as any refused write: a new client shows this.)
    setClvInputs(fac.doc, CLV_EXAMPLE);
    const other = await syncedClient(t.url, board.id, board.tokens.participant);
    await other.waitFor(() => (readClvRaw(other.doc) as ClvStored | undefined)?.orderValue === 80, 'the inputs to reach a participant');
    other.doc.getMap('facilitation').set('clv', { ...CLV_EXAMPLE, acquisitionCost: 0 });
    await barrier(other, fac, 'after the refused overwrite');
    expect(readClvRaw(fac.doc)).toEqual(CLV_EXAMPLE);
    const fresh = await syncedClient(t.url, board.id, board.tokens.viewer);
    expect(readClvRaw(fresh.doc)).toEqual(CLV_EXAMPLE);
  });

  it('refuses hand-made frames with the participant token that write the inputs, directly or through an origin', async () => {
    const board = await createBoardViaApi(t.url);
    const fac = await syncedClient(t.url, board.id, board.tokens.facilitator);
    setClvInputs(fac.doc, CLV_EXAMPLE);
    const viewer = await syncedClient(t.url, board.id, board.tokens.viewer);
    await viewer.waitFor(() => readClvRaw(viewer.doc) !== undefined, 'the inputs to reach the viewer');
    const clvItem = (fac.doc.getMap('facilitation') as unknown as { _map: Map<string, Y.Item> })._map.get('clv')!;

    const peer = openPeer(t.url, board.id, board.tokens.participant);
    await peer.opened;
    await peer.sync();
    const bad = { ...CLV_EXAMPLE, acquisitionCost: 0, orderValue: 1e6 };
    // 1. Straight into the `facilitation` root.
    peer.send(frame.update(buildUpdate([{ client: 424242, clock: 0, parent: 'facilitation', parentSub: 'clv', content: any(bad) }])));
    // 2. An item whose left neighbour is the facilitator's `clv` entry: Yjs would make it the new value.
    peer.send(frame.update(buildUpdate([{ client: 434343, clock: 0, origin: clvItem.id, content: any(bad) }])));
    // 3. The same, deleting the facilitator's value in the same update.
    peer.send(frame.update(buildUpdate([], [{ client: clvItem.id.client, clock: clvItem.id.clock, len: 1 }])));
    expect(await peer.probe()).toBe('answered');
    // An allowed write after them: once the facilitator sees it, the frames above have been judged.
    const fromPeer = new Y.Doc();
    const cardId = addCard(fromPeer, { stage: 'use', lane: 'ideas', text: 'from the hand-made client' });
    peer.send(frame.update(Y.encodeStateAsUpdate(fromPeer)));
    await fac.waitFor(() => fac.doc.getMap('cards').has(cardId), 'the allowed card to arrive');
    expect(readClvRaw(fac.doc)).toEqual(CLV_EXAMPLE);
    expect(readClvRaw(viewer.doc)).toEqual(CLV_EXAMPLE);
    const fresh = await syncedClient(t.url, board.id, board.tokens.viewer);
    expect(readClvRaw(fresh.doc)).toEqual(CLV_EXAMPLE);
  });

  it("lets an idea's author and a facilitator set its effect, and refuses another participant", async () => {
    const board = await createBoardViaApi(t.url);
    const fac = await syncedClient(t.url, board.id, board.tokens.facilitator);
    const anna = await syncedClient(t.url, board.id, board.tokens.participant);
    const bruno = await syncedClient(t.url, board.id, board.tokens.participant);
    const idea = addCard(anna.doc, { stage: 'use', lane: 'ideas', text: 'Onboarding call', ownerId: await personIdFromKey(anna.personKey!) });
    await bruno.waitFor(() => bruno.doc.getMap('cards').has(idea), 'the idea to reach Bruno');

    setIdeaEffect(bruno.doc, idea, 50);
    await barrier(bruno, fac, 'after Bruno’s effect');
    expect(effectOf(fac, idea)).toBeUndefined();

    setIdeaEffect(anna.doc, idea, 5);
    await fac.waitFor(() => effectOf(fac, idea) === 5, 'Anna’s effect to arrive');
    setIdeaEffect(fac.doc, idea, 8);
    await anna.waitFor(() => effectOf(anna, idea) === 8, 'the facilitator’s effect to arrive');
    // Bruno may still edit the card's text (no cards-only mode): only the effect is the author's.
    setCardText(bruno.doc, idea, 'Onboarding call, day one');
    await fac.waitFor(() => readCards(fac.doc).find((c) => c.id === idea)?.text === 'Onboarding call, day one', 'Bruno’s text edit');
    setIdeaEffect(bruno.doc, idea, null);
    await barrier(bruno, fac, 'after Bruno’s removal');
    expect(effectOf(fac, idea)).toBe(8);
  });
});
