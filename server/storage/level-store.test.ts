import { rm } from 'node:fs/promises';
import { ClassicLevel } from 'classic-level';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { tempDir } from '../test-support/server';
import { LevelBoardStore } from './level-store';
import { sealRecord } from './record-envelope';
import { storeContract } from './store-contract';

describe('LevelBoardStore', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });
  const open = async () => {
    const dir = await tempDir('journey-level-');
    dirs.push(dir);
    return { dir, store: await LevelBoardStore.open(dir, { fsync: false }) };
  };
  const record = (id: string) => ({ id, title: 't', locale: 'en' as const, createdAt: 1, tokens: { facilitator: 'f', participant: 'p', viewer: 'v' } });

  it('reads records written before checksums (no header) and sealed ones alike, and drops a damaged one with its sequence', async () => {
    const { dir, store } = await open();
    await store.close();
    const doc = new Y.Doc();
    doc.getMap('m').set('a', 1);
    const first = Y.encodeStateAsUpdate(doc);
    const sv = Y.encodeStateVector(doc);
    doc.getMap('m').set('b', 2);
    const second = Y.encodeStateAsUpdate(doc, sv);
    const raw = new ClassicLevel<string, Uint8Array>(dir, { keyEncoding: 'utf8', valueEncoding: 'view' });
    await raw.open();
    await raw.put('b:old', new TextEncoder().encode(JSON.stringify(record('old'))));
    await raw.put('s:old', first);
    await raw.put('u:old:000000000000', second);
    const damaged = sealRecord(second);
    damaged[damaged.length - 1] ^= 0xff;
    await raw.put('u:old:000000000001', damaged);
    await raw.put('u:old:000000000003', sealRecord(second));
    await raw.close();
    const again = await LevelBoardStore.open(dir, { fsync: false });
    try {
      expect(await again.getBoard('old')).toEqual(record('old'));
      const stored = await again.loadDoc('old');
      expect(new Uint8Array(stored.snapshot!)).toEqual(first);
      expect(stored.updates.map((u) => new Uint8Array(u))).toEqual([second, second]);
      expect(stored.seqs).toEqual([0, 3]);
      expect(stored.nextSeq).toBe(4);
      expect(stored.dropped).toEqual([
        { seq: 1, reason: 'checksum', count: 1 },
        { seq: 2, reason: 'missing', count: 1 },
      ]);
    } finally {
      await again.close();
    }
  });

  it('counts updates missing at either end of the range, which no gap inside it shows', async () => {
    const { dir, store } = await open();
    const doc = new Y.Doc();
    await store.createBoard(record('ends'), Y.encodeStateAsUpdate(doc));
    for (let seq = 0; seq < 10; seq++) {
      const sv = Y.encodeStateVector(doc);
      doc.getArray<number>('n').push([seq]);
      await store.appendUpdate('ends', seq, Y.encodeStateAsUpdate(doc, sv));
    }
    await store.compact('ends', Y.encodeStateAsUpdate(doc), 0, 4); // updates 4..9 remain
    await store.close();
    const raw = new ClassicLevel(dir);
    await raw.open();
    // As when LevelDB loses or cannot read them: the first remaining update and the last two.
    await raw.batch([4, 8, 9].map((seq) => ({ type: 'del' as const, key: `u:ends:${String(seq).padStart(12, '0')}` })));
    await raw.close();
    const again = await LevelBoardStore.open(dir, { fsync: false });
    try {
      const stored = await again.loadDoc('ends');
      expect(stored.seqs).toEqual([5, 6, 7]);
      expect(stored.dropped).toEqual([
        { seq: 4, reason: 'missing', count: 1 },
        { seq: 8, reason: 'missing', count: 2 },
      ]);
      // New updates never reuse the numbers of lost ones.
      expect([stored.firstSeq, stored.nextSeq]).toEqual([4, 10]);
    } finally {
      await again.close();
    }
  });

  it('a second open of the directory is refused while the first is open', async () => {
    const { dir, store } = await open();
    try {
      await expect(LevelBoardStore.open(dir, { fsync: false })).rejects.toThrow(dir);
    } finally {
      await store.close();
    }
  });
});

storeContract('LevelDB', async () => {
  const dir = await tempDir('journey-level-');
  return {
    open: () => LevelBoardStore.open(dir, { fsync: false }),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
});
