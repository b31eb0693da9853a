import { expect, it } from 'vitest';
import * as Y from 'yjs';
import type { VersionEntry } from '../../shared/history/version-types';
import { versionId } from '../../shared/history/version-id';
import type { BoardRecord, BoardStore } from './board-store';

/**
 * What every BoardStore must do with checkpoints (putVersion, listVersions, getVersion, deleteVersions).
 * A store's test calls this inside its own `describe`, with a way to open an empty store:
 *   describe('LevelBoardStore: checkpoints', () => versionStoreContract(async () => …));
 * `open` gives a fresh, empty store and a `done` that closes and removes it.
 */
export function versionStoreContract(open: () => Promise<{ store: BoardStore; done(): Promise<void> }>): void {
  const record = (id: string): BoardRecord => ({ id, title: 't', locale: 'en', createdAt: 1, tokens: { facilitator: `f-${id}`, participant: `p-${id}`, viewer: `v-${id}` } });
  const entry = (at: number, fields: Partial<VersionEntry> = {}): VersionEntry => ({
    id: versionId(at),
    at,
    by: null,
    kind: 'auto',
    label: '',
    summary: { cards: 1, cardsPerStage: [{ stage: 'use', title: 'Use', cards: 1 }], unplaced: 0, moments: 0, votes: 0 },
    ...fields,
  });
  const state = (text: string) => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, text);
    return Y.encodeStateAsUpdate(doc);
  };
  /** The text a stored state holds (two encodings of one text differ: each doc has its own client id). */
  const textOf = (u: Uint8Array | null) => {
    if (!u) return null;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, u);
    return doc.getText('t').toString();
  };

  it('keeps each checkpoint’s entry and state, lists them oldest first, and keeps boards apart', async () => {
    const { store, done } = await open();
    try {
      // Board ids where one is a prefix of the other: a range by prefix alone would mix them.
      await store.createBoard(record('boardAAAAAAAAAAAA'), state(''));
      await store.createBoard(record('boardAAAAAAAAAAAAB'), state(''));
      const named = entry(2_000, { kind: 'named', by: 'Anna', label: 'Before voting «è»' });
      const reverted = entry(3_000, { kind: 'revert', revertedTo: named.id });
      const first = entry(1_000);
      // Written out of order: the list is in time order all the same.
      await store.putVersion('boardAAAAAAAAAAAA', named, state('two'));
      await store.putVersion('boardAAAAAAAAAAAA', reverted, state('three'));
      await store.putVersion('boardAAAAAAAAAAAA', first, state('one'));
      await store.putVersion('boardAAAAAAAAAAAAB', entry(1_500), state('other'));
      expect(await store.listVersions('boardAAAAAAAAAAAA')).toEqual([first, named, reverted]);
      expect((await store.listVersions('boardAAAAAAAAAAAAB')).map((v) => v.at)).toEqual([1_500]);
      expect(await store.listVersions('boardWithNothingAA')).toEqual([]);
      expect(textOf(await store.getVersion('boardAAAAAAAAAAAA', named.id))).toBe('two');
      expect(await store.getVersion('boardAAAAAAAAAAAAB', named.id)).toBeNull();
      expect(await store.getVersion('boardAAAAAAAAAAAA', versionId(9_999))).toBeNull();
    } finally {
      await done();
    }
  });

  it('deletes the checkpoints it is told to (entry and state), ignoring ids it does not have', async () => {
    const { store, done } = await open();
    try {
      const id = 'boardBBBBBBBBBBBB';
      await store.createBoard(record(id), state(''));
      const all = [entry(1), entry(2), entry(3)];
      for (const e of all) await store.putVersion(id, e, state(e.id));
      await store.deleteVersions(id, [all[0].id, all[2].id, versionId(4)]);
      await store.deleteVersions(id, []);
      expect(await store.listVersions(id)).toEqual([all[1]]);
      expect(await store.getVersion(id, all[0].id)).toBeNull();
      expect(textOf(await store.getVersion(id, all[1].id))).toBe(all[1].id);
      // The board's own document is untouched by its history.
      const doc = await store.loadDoc(id);
      expect(doc.snapshot).not.toBeNull();
    } finally {
      await done();
    }
  });

  it('stores a large state (half a megabyte) byte for byte', async () => {
    const { store, done } = await open();
    try {
      const id = 'boardCCCCCCCCCCCC';
      await store.createBoard(record(id), state(''));
      const big = state('x'.repeat(512 * 1024));
      const e = entry(5);
      await store.putVersion(id, e, big);
      const back = await store.getVersion(id, e.id);
      expect(back?.byteLength).toBe(big.byteLength);
      expect(Buffer.from(back!).equals(Buffer.from(big))).toBe(true);
    } finally {
      await done();
    }
  });
}
