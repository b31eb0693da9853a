import { rm } from 'node:fs/promises';
import { ClassicLevel } from 'classic-level';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { versionId } from '../../shared/history/version-id';
import { tempDir } from '../test-support/server';
import { VersionDamagedError } from './board-store';
import { versionStateKey } from './level-keys';
import { LevelBoardStore } from './level-store';
import { versionStoreContract } from './version-store.contract';

const openFresh = async () => {
  const dir = await tempDir('journey-versions-');
  const store = await LevelBoardStore.open(dir, { fsync: false });
  return { dir, store, done: async () => (await store.close(), await rm(dir, { recursive: true, force: true })) };
};

describe('LevelBoardStore: checkpoints', () => {
  versionStoreContract(openFresh);

  it('refuses a damaged checkpoint state instead of serving it', async () => {
    const { dir, store } = await openFresh();
    const id = 'boardDDDDDDDDDDDD';
    const vid = versionId(1);
    await store.createBoard({ id, title: 't', locale: 'en', createdAt: 1, tokens: { facilitator: 'f', participant: 'p', viewer: 'v' } }, Y.encodeStateAsUpdate(new Y.Doc()));
    await store.putVersion(id, { id: vid, at: 1, by: null, kind: 'auto', label: '', summary: { cards: 0, cardsPerStage: [], unplaced: 0, moments: 0, votes: 0 } }, new Uint8Array([1, 2, 3, 4]));
    await store.close();
    const raw = new ClassicLevel<string, Uint8Array>(dir, { keyEncoding: 'utf8', valueEncoding: 'view' });
    await raw.open();
    const value = new Uint8Array(await raw.get(versionStateKey(id, vid)) as Uint8Array);
    value[value.length - 1] ^= 0xff;
    await raw.put(versionStateKey(id, vid), value);
    await raw.close();
    const again = await LevelBoardStore.open(dir, { fsync: false });
    try {
      await expect(again.getVersion(id, vid)).rejects.toBeInstanceOf(VersionDamagedError);
      expect((await again.listVersions(id)).length).toBe(1);
    } finally {
      await again.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
