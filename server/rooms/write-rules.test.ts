import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, renameAxisItem } from '../../shared/commands';
import { initBoardDoc } from '../../shared/doc/board-doc';
import { refusedPlaceholder } from './refused-placeholder';
import type { UpdateScope } from './update-scope';
import { checkWrite, type WriteContext } from './write-rules';
import { DEFAULT_LOCKS, type FacilitationLocks } from '../../shared/doc/schema';

const scope = (roots: string[], unknown = false, cards: string[] = []): UpdateScope => ({
  roots: new Set(roots),
  keys: new Map(cards.length ? [['cards', new Set(cards)]] : []),
  unknown,
  overlap: false,
  invalid: null,
  cardFields: new Map(),
});
const ctx = (locks: Partial<FacilitationLocks> = {}, personId: string | null = null, owners: Record<string, string | undefined> = {}): WriteContext => ({
  locks: { ...DEFAULT_LOCKS, ...locks },
  personId,
  ownerOf: (id) => (id in owners ? owners[id] : null),
  checkVotes: () => 'vote-closed',
});

describe('checkWrite', () => {
  it('a viewer may write nothing, not even an empty update', () => {
    expect(checkWrite('viewer', scope([]), ctx())).toBe('viewer');
    expect(checkWrite('viewer', scope(['cards']), ctx({ skeletonLocked: false }))).toBe('viewer');
  });

  it('a facilitator may write everything, whatever the locks', () => {
    for (const roots of [[], ['cards'], ['stages', 'lanes', 'meta'], ['decks'], ['facilitation'], ['anything']]) {
      expect(checkWrite('facilitator', scope(roots), ctx({ boardLocked: true, cardsOnly: true }))).toBeNull();
    }
    expect(checkWrite('facilitator', scope(['stages'], true), ctx())).toBeNull();
  });

  it('a participant, by default: cards yes; skeleton, meta, facilitation, decks and unknown roots no', () => {
    const c = ctx();
    expect(checkWrite('participant', scope([]), c)).toBeNull();
    expect(checkWrite('participant', scope(['cards'], false, ['x']), c)).toBeNull();
    expect(checkWrite('participant', scope(['stages']), c)).toBe('skeleton');
    expect(checkWrite('participant', scope(['lanes']), c)).toBe('skeleton');
    expect(checkWrite('participant', scope(['cards', 'lanes']), c)).toBe('skeleton');
    expect(checkWrite('participant', scope(['meta']), c)).toBe('meta');
    expect(checkWrite('participant', scope(['cards', 'meta']), c)).toBe('meta');
    expect(checkWrite('participant', scope(['facilitation']), c)).toBe('facilitator-only');
    expect(checkWrite('participant', scope(['decks']), c)).toBe('facilitator-only');
    expect(checkWrite('participant', scope(['cards', 'x']), c)).toBe('unknown-root');
    expect(checkWrite('participant', scope(['cards'], true), c)).toBe('untraceable');
  });

  it('an unlocked skeleton lets participants change stages and lanes, and nothing more', () => {
    const c = ctx({ skeletonLocked: false });
    expect(checkWrite('participant', scope(['stages', 'lanes', 'cards']), c)).toBeNull();
    expect(checkWrite('participant', scope(['stages', 'meta']), c)).toBe('meta');
    expect(checkWrite('participant', scope(['stages'], true), c)).toBe('untraceable');
  });

  it('a locked board refuses every participant write', () => {
    expect(checkWrite('participant', scope([]), ctx({ boardLocked: true }))).toBe('board-locked');
    expect(checkWrite('participant', scope(['cards'], false, ['new']), ctx({ boardLocked: true }))).toBe('board-locked');
  });

  it('cards-only mode: new cards and one’s own cards only', () => {
    const owners = { mine: 'me', theirs: 'them', nobodys: undefined };
    const c = ctx({ cardsOnly: true }, 'me', owners);
    expect(checkWrite('participant', scope(['cards'], false, ['brand-new']), c)).toBeNull();
    expect(checkWrite('participant', scope(['cards'], false, ['mine', 'brand-new']), c)).toBeNull();
    expect(checkWrite('participant', scope(['cards'], false, ['theirs']), c)).toBe('not-own-card');
    expect(checkWrite('participant', scope(['cards'], false, ['mine', 'theirs']), c)).toBe('not-own-card');
    expect(checkWrite('participant', scope(['cards'], false, ['nobodys']), c)).toBe('not-own-card');
    // Without a person key nobody owns anything.
    expect(checkWrite('participant', scope(['cards'], false, ['mine']), ctx({ cardsOnly: true }, null, owners))).toBe('not-own-card');
    // The same writes are fine when the mode is off.
    expect(checkWrite('participant', scope(['cards'], false, ['theirs']), ctx({}, 'me', owners))).toBeNull();
  });
});

describe('refusedPlaceholder', () => {
  function board() {
    const server = new Y.Doc();
    initBoardDoc(server, { title: 'B', locale: 'en', createdAt: 1 });
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    return { server, client };
  }
  const updatesOf = (doc: Y.Doc, fn: () => void) => {
    const out: Uint8Array[] = [];
    const on = (u: Uint8Array) => out.push(u);
    doc.on('update', on);
    fn();
    doc.off('update', on);
    return out;
  };

  it('covers the refused clocks with GC structs only, so the author’s next update integrates', () => {
    const { server, client } = board();
    const before = JSON.stringify(server.toJSON());
    const [refused] = updatesOf(client, () => renameAxisItem(client, 'stages', 'use', 'Not allowed'));
    const placeholder = refusedPlaceholder(refused)!;
    const decoded = Y.decodeUpdate(placeholder);
    expect(decoded.structs.every((s) => s instanceof Y.GC)).toBe(true);
    expect(decoded.ds.clients.size).toBe(0);
    const span = (u: Uint8Array) =>
      Y.decodeUpdate(u)
        .structs.filter((s) => !(s instanceof Y.Skip))
        .map((s) => [s.id.client, s.id.clock, s.length]);
    expect(span(placeholder)).toEqual(span(refused));

    Y.applyUpdate(server, placeholder);
    expect(JSON.stringify(server.toJSON())).toBe(before);
    expect(Y.getState(server.store, client.clientID)).toBe(Y.getState(client.store, client.clientID));

    const [next] = updatesOf(client, () => addCard(client, { stage: 'use', lane: 'ideas', text: 'allowed', id: 'c1' }));
    Y.applyUpdate(server, next);
    expect(server.getMap('cards').has('c1')).toBe(true);
    expect(server.store.pendingStructs).toBeNull();
  });

  it('without it, the next update would stay pending (why the placeholder exists)', () => {
    const { server, client } = board();
    updatesOf(client, () => renameAxisItem(client, 'stages', 'use', 'Not allowed'));
    const [next] = updatesOf(client, () => addCard(client, { stage: 'use', lane: 'ideas', text: 'allowed', id: 'c1' }));
    Y.applyUpdate(server, next);
    expect(server.getMap('cards').has('c1')).toBe(false);
    expect(server.store.pendingStructs).not.toBeNull();
  });

  it('keeps gaps between ranges as gaps, and returns null for a deletion-only update', () => {
    const a = new Y.Doc();
    const u1 = updatesOf(a, () => a.getArray('x').push([1, 2, 3]))[0];
    updatesOf(a, () => a.getArray('x').push([4])); // a gap: not part of the merged update below
    const u3 = updatesOf(a, () => a.getArray('x').push([5, 6]))[0];
    const merged = Y.mergeUpdates([u1, u3]);
    const placeholder = refusedPlaceholder(merged)!;
    const structs = Y.decodeUpdate(placeholder).structs;
    expect(structs.map((s) => [s.constructor.name === 'Skip' ? 'skip' : s instanceof Y.GC ? 'gc' : 'item', s.id.clock, s.length])).toEqual([
      ['gc', 0, 3],
      ['skip', 3, 1],
      ['gc', 4, 2],
    ]);
    const del = updatesOf(a, () => a.getArray('x').delete(0, 1))[0];
    expect(refusedPlaceholder(del)).toBeNull();
  });
});
