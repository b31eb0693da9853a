import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { BoardRecord, BoardStore } from './board-store';

/**
 * What every BoardStore promises, run against each store (level-store.test.ts, pg/pg-store.test.ts).
 * `storage()` gives a fresh, empty place to keep boards; `open()` opens a store on it (again after a
 * close: what a restart sees); `dispose()` removes it.
 */
export interface StoreUnderTest {
  open(): Promise<BoardStore>;
  dispose(): Promise<void>;
}

export const boardRecord = (id: string, title = 't'): BoardRecord => ({
  id,
  title,
  locale: 'en',
  createdAt: 1,
  tokens: { facilitator: `f-${id}`, participant: `p-${id}`, viewer: `v-${id}` },
});

/** The document the stored snapshot and updates make. */
function docFrom(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc();
  for (const u of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) Y.applyUpdate(doc, u);
  return doc;
}

/** An update that pushes `value` to the array 'n' of `doc`. */
function push(doc: Y.Doc, value: number): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getArray<number>('n').push([value]);
  return Y.encodeStateAsUpdate(doc, before);
}

export function storeContract(name: string, storage: () => Promise<StoreUnderTest>): void {
  describe(`BoardStore contract: ${name}`, () => {
    const open: Array<{ s: StoreUnderTest; stores: BoardStore[] }> = [];
    afterEach(async () => {
      for (const o of open.splice(0)) {
        for (const st of o.stores) await st.close().catch(() => undefined);
        await o.s.dispose();
      }
    });
    /** A fresh storage and a store open on it; `reopen()` closes the store and opens a new one. */
    const fresh = async () => {
      const s = await storage();
      const entry = { s, stores: [await s.open()] };
      open.push(entry);
      return {
        get store() {
          return entry.stores[entry.stores.length - 1];
        },
        async reopen() {
          await entry.stores[entry.stores.length - 1].close();
          entry.stores.push(await s.open());
          return entry.stores[entry.stores.length - 1];
        },
      };
    };

    it('keeps boards, their records, updates in order and the next sequence across a close and reopen', async () => {
      const t = await fresh();
      const doc = new Y.Doc();
      doc.getMap('m').set('a', 1);
      await t.store.createBoard(boardRecord('board-a', 'Café ✓'), Y.encodeStateAsUpdate(doc));
      await t.store.createBoard(boardRecord('board-b'), Y.encodeStateAsUpdate(new Y.Doc()));
      for (let seq = 0; seq < 5; seq++) await t.store.appendUpdate('board-a', seq, push(doc, seq));
      const again = await t.reopen();
      expect(await again.getBoard('board-a')).toEqual(boardRecord('board-a', 'Café ✓'));
      expect(await again.getBoard('nope')).toBeNull();
      const stored = await again.loadDoc('board-a');
      expect(stored.updates).toHaveLength(5);
      expect(stored.seqs).toEqual([0, 1, 2, 3, 4]);
      expect([stored.firstSeq, stored.nextSeq]).toEqual([0, 5]);
      expect(stored.dropped ?? []).toEqual([]);
      const read = docFrom(stored);
      expect(read.getMap('m').toJSON()).toEqual({ a: 1 });
      expect(read.getArray('n').toArray()).toEqual([0, 1, 2, 3, 4]);
      // Boards are independent: the other one has none of these updates.
      const other = await again.loadDoc('board-b');
      expect([other.updates.length, other.firstSeq, other.nextSeq]).toEqual([0, 0, 0]);
      expect(other.snapshot).not.toBeNull();
    });

    it('an unknown board loads as nothing, with its snapshot reported missing', async () => {
      const t = await fresh();
      const stored = await t.store.loadDoc('never-created-board');
      expect(stored.snapshot).toBeNull();
      expect(stored.updates).toEqual([]);
      expect([stored.firstSeq, stored.nextSeq]).toEqual([0, 0]);
      expect(stored.dropped).toEqual([{ seq: null, reason: 'missing', count: 1 }]);
    });

    it('compaction replaces the updates it covers with the snapshot; later updates keep their numbers', async () => {
      const t = await fresh();
      const doc = new Y.Doc();
      await t.store.createBoard(boardRecord('board-c'), Y.encodeStateAsUpdate(doc));
      for (let seq = 0; seq < 6; seq++) await t.store.appendUpdate('board-c', seq, push(doc, seq));
      const snapshotAt4 = Y.encodeStateAsUpdate(docFrom({ snapshot: null, updates: (await t.store.loadDoc('board-c')).updates.slice(0, 4) }));
      await t.store.compact('board-c', snapshotAt4, 0, 4);
      let stored = await t.store.loadDoc('board-c');
      expect(stored.seqs).toEqual([4, 5]);
      expect([stored.firstSeq, stored.nextSeq]).toEqual([4, 6]);
      expect(docFrom(stored).getArray('n').toArray()).toEqual([0, 1, 2, 3, 4, 5]);
      // Everything compacted: the log is empty, and the next update is still number 6.
      await t.store.compact('board-c', Y.encodeStateAsUpdate(doc), 4, 6);
      await t.store.appendUpdate('board-c', 6, push(doc, 6));
      stored = await (await t.reopen()).loadDoc('board-c');
      expect(stored.seqs).toEqual([6]);
      expect([stored.firstSeq, stored.nextSeq]).toEqual([6, 7]);
      expect(docFrom(stored).getArray('n').toArray()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    });

    it('loadDoc reads a consistent state while a compaction lands', async () => {
      const { store } = await fresh();
      const id = 'board-consistent-read';
      const doc = new Y.Doc();
      await store.createBoard(boardRecord(id), Y.encodeStateAsUpdate(doc));
      let seq = 0;
      let first = 0;
      for (let round = 0; round < 40; round++) {
        await store.appendUpdate(id, seq++, push(doc, round));
        // A read and a compaction at the same moment, as when a board is opened while another copy compacts.
        const [stored] = await Promise.all([store.loadDoc(id), store.compact(id, Y.encodeStateAsUpdate(doc), first, seq)]);
        first = seq;
        expect(docFrom(stored).getArray('n').length, `round ${round}`).toBe(round + 1);
      }
    });

    it('writes issued together commit in the order issued, per board', async () => {
      const { store } = await fresh();
      const docs = [new Y.Doc(), new Y.Doc()];
      await Promise.all(['board-x', 'board-y'].map((id) => store.createBoard(boardRecord(id), Y.encodeStateAsUpdate(new Y.Doc()))));
      // Not awaited one by one: the room fires appends and a compaction without waiting.
      const writes: Promise<void>[] = [];
      for (let seq = 0; seq < 20; seq++) {
        writes.push(store.appendUpdate('board-x', seq, push(docs[0], seq)), store.appendUpdate('board-y', seq, push(docs[1], -seq)));
        if (seq === 9) writes.push(store.compact('board-x', Y.encodeStateAsUpdate(docs[0]), 0, 10));
      }
      await Promise.all(writes);
      const x = await store.loadDoc('board-x');
      const y = await store.loadDoc('board-y');
      expect(x.seqs).toEqual(Array.from({ length: 10 }, (_, i) => i + 10));
      expect(y.seqs).toEqual(Array.from({ length: 20 }, (_, i) => i));
      expect(docFrom(x).getArray('n').toArray()).toEqual(Array.from({ length: 20 }, (_, i) => i));
      expect(docFrom(y).getArray('n').toArray()).toEqual(Array.from({ length: 20 }, (_, i) => -i));
    });

    it('client id owners: stored by the time the update issued after them is, kept across a reopen', async () => {
      const t = await fresh();
      const doc = new Y.Doc();
      await t.store.createBoard(boardRecord('board-o'), Y.encodeStateAsUpdate(doc));
      // As the room does it: bind without waiting, then append in the same tick, and wait for the append only.
      void t.store.bindClientOwners('board-o', [[11, 'person-a'], [4_000_000_000, 'person-b']]);
      await t.store.appendUpdate('board-o', 0, push(doc, 1));
      expect(await t.store.loadClientOwners('board-o')).toEqual(new Map([[11, 'person-a'], [4_000_000_000, 'person-b']]));
      await t.store.bindClientOwners('board-o', [[12, 'person-c']]);
      const again = await t.reopen();
      expect(await again.loadClientOwners('board-o')).toEqual(new Map([[11, 'person-a'], [4_000_000_000, 'person-b'], [12, 'person-c']]));
      expect(await again.loadClientOwners('board-a')).toEqual(new Map());
    });
  });
}
