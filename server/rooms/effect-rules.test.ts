import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, deleteCard, setCardText } from '../../shared/commands';
import { setIdeaEffect } from '../../shared/commands/clv';
import { initBoardDoc } from '../../shared/doc/board-doc';
import { DEFAULT_LOCKS } from '../../shared/doc/schema';
import { updateScope } from './update-scope';
import { checkWrite, type WriteContext } from './write-rules';

function setup() {
  const server = new Y.Doc();
  initBoardDoc(server, { title: 'Board', locale: 'en', createdAt: 1 });
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}
function updateOf(doc: Y.Doc, fn: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const on = (u: Uint8Array) => updates.push(u);
  doc.on('update', on);
  fn();
  doc.off('update', on);
  return Y.mergeUpdates(updates);
}
const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
const ctxOf = (server: Y.Doc, personId: string | null, locks = {}): WriteContext => ({
  locks: { ...DEFAULT_LOCKS, ...locks },
  personId,
  ownerOf: (id) => {
    const card = server.getMap<unknown>('cards').get(id);
    if (!(card instanceof Y.Map)) return null;
    const owner = card.get('ownerId');
    return typeof owner === 'string' ? owner : undefined;
  },
  checkVotes: () => null,
});

describe("an idea's effect", () => {
  it('is traced to its card and field: set, changed (a set found through its origin) and removed', () => {
    const { server, client } = setup();
    const id = addCard(client, { stage: 'use', lane: 'ideas', text: 'Onboarding call', ownerId: 'anna' });
    sync(client, server);
    const set = updateOf(client, () => setIdeaEffect(client, id, 5));
    expect([...(updateScope(server, set).cardFields.get(id) ?? [])]).toEqual(['effect']);
    sync(client, server);
    const change = updateOf(client, () => setIdeaEffect(client, id, 8));
    expect([...(updateScope(server, change).cardFields.get(id) ?? [])]).toEqual(['effect']);
    sync(client, server);
    const remove = updateOf(client, () => setIdeaEffect(client, id, null));
    expect([...(updateScope(server, remove).cardFields.get(id) ?? [])]).toEqual(['effect']);
  });

  it("may be set by the card's author, not by another participant nor anonymously; facilitators always", () => {
    const { server, client } = setup();
    const id = addCard(client, { stage: 'use', lane: 'ideas', text: 'Onboarding call', ownerId: 'anna' });
    const orphan = addCard(client, { stage: 'use', lane: 'ideas', text: 'No owner' });
    sync(client, server);
    const set = updateScope(server, updateOf(client, () => setIdeaEffect(client, id, 5)));
    expect(checkWrite('participant', set, ctxOf(server, 'anna'))).toBeNull();
    expect(checkWrite('participant', set, ctxOf(server, 'bruno'))).toBe('effect-not-own');
    expect(checkWrite('participant', set, ctxOf(server, null))).toBe('effect-not-own');
    expect(checkWrite('facilitator', set, ctxOf(server, 'bruno'))).toBeNull();
    // Within the locks: a locked board refuses even the author.
    expect(checkWrite('participant', set, ctxOf(server, 'anna', { boardLocked: true }))).toBe('board-locked');
    const onOrphan = updateScope(server, updateOf(client, () => setIdeaEffect(client, orphan, 5)));
    expect(checkWrite('participant', onOrphan, ctxOf(server, 'anna'))).toBe('effect-not-own');
  });

  it('comes with a new card from its creator; other edits and deleting the card stay card rules', () => {
    const { server, client } = setup();
    const created = updateScope(server, updateOf(client, () => setIdeaEffect(client, addCard(client, { stage: 'use', lane: 'ideas', text: 'New' }), 5)));
    expect(checkWrite('participant', created, ctxOf(server, 'bruno'))).toBeNull();
    const id = addCard(client, { stage: 'use', lane: 'ideas', text: 'Onboarding call', ownerId: 'anna' });
    setIdeaEffect(client, id, 5);
    sync(client, server);
    const text = updateScope(server, updateOf(client, () => setCardText(client, id, 'Onboarding call, day one')));
    expect(text.cardFields.get(id)?.has('effect')).toBeFalsy();
    expect(checkWrite('participant', text, ctxOf(server, 'bruno'))).toBeNull();
    sync(client, server);
    const removed = updateScope(server, updateOf(client, () => deleteCard(client, id)));
    expect(removed.cardFields.get(id)?.has('effect')).toBeFalsy();
    expect(checkWrite('participant', removed, ctxOf(server, 'bruno'))).toBeNull();
  });
});
