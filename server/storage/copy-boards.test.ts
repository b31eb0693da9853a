import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { versionId } from '../../shared/history/version-id';
import type { VersionEntry } from '../../shared/history/version-types';
import { testDatabaseUrl } from '../test-support/pg-test-database';
import { tempDir } from '../test-support/server';
import type { BoardStore } from './board-store';
import { copyBoards, describeCopy, openStoreAt, parseCopyArgs, type ListableStore } from './copy-boards';
import { boardRecord } from './store-contract';

const databaseUrl = await testDatabaseUrl('copy_boards');

const entry = (at: number): VersionEntry => ({ id: versionId(at), at, by: null, kind: 'auto', label: '', summary: { cards: 0, cardsPerStage: [], unplaced: 0, moments: 0, votes: 0 } });

/** Everything copy-boards promises to carry, as plain data. */
async function contents(store: BoardStore, ids: string[]) {
  const out: Record<string, unknown> = {};
  for (const id of ids) {
    const stored = await store.loadDoc(id);
    const doc = new Y.Doc();
    for (const u of [stored.snapshot!, ...stored.updates]) Y.applyUpdate(doc, u);
    const versions = await store.listVersions(id);
    out[id] = {
      record: await store.getBoard(id),
      doc: { meta: doc.getMap('meta').toJSON(), cards: doc.getArray('cards').toArray() },
      owners: [...(await store.loadClientOwners(id))].sort((a, b) => a[0] - b[0]),
      versions,
      versionStates: await Promise.all(versions.map(async (v) => Buffer.from((await store.getVersion(id, v.id))!).toString('base64'))),
    };
  }
  return out;
}

describe('copy-boards arguments', () => {
  it('takes --from and --to, refusing a missing or identical pair', () => {
    expect(parseCopyArgs(['--from', './data', '--to', 'postgres://db/j'])).toEqual({ from: './data', to: 'postgres://db/j' });
    expect(parseCopyArgs(['--from', './data'])).toBeNull();
    expect(parseCopyArgs(['--from', '--to', 'x'])).toBeNull();
    expect(parseCopyArgs(['--from', 'x', '--to', 'x'])).toBeNull();
  });
});

describe.skipIf(!databaseUrl)('copy-boards: LevelDB → PostgreSQL → LevelDB', () => {
  const dirs: string[] = [];
  const open: ListableStore[] = [];
  afterAll(async () => {
    for (const s of open) await s.close().catch(() => undefined);
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });
  const at = async (where: string) => {
    const s = await openStoreAt(where);
    open.push(s);
    return s;
  };

  it('copies every board (record, document, owners, checkpoints), skips what is there, catches up a board that changed, and round-trips', async () => {
    const [dirA, dirB] = [await tempDir('journey-copy-a-'), await tempDir('journey-copy-b-')];
    dirs.push(dirA, dirB);
    const a = await at(dirA);
    const ids = ['boardCopyOneAAAAAA', 'boardCopyTwoAAAAAA', 'boardCopyThreeAAAA'];
    const docs = ids.map(() => new Y.Doc());
    for (const [i, id] of ids.entries()) {
      docs[i].getMap('meta').set('title', `Board ${i} «è»`);
      await a.createBoard(boardRecord(id, `Board ${i}`), Y.encodeStateAsUpdate(docs[i]));
    }
    // The first board: an update log with a deletion, a compaction, owners and two checkpoints.
    const cards = docs[0].getArray<string>('cards');
    let seq = 0;
    const write = async (change: () => void) => {
      const sv = Y.encodeStateVector(docs[0]);
      change();
      await a.appendUpdate(ids[0], seq++, Y.encodeStateAsUpdate(docs[0], sv));
    };
    for (let i = 0; i < 6; i++) await write(() => cards.push([`card ${i}`]));
    await write(() => cards.delete(1, 2));
    await a.compact(ids[0], Y.encodeStateAsUpdate(docs[0]), 0, 4);
    await write(() => cards.push(['after compaction']));
    await a.bindClientOwners(ids[0], [[docs[0].clientID, 'person-a'], [99, 'person-b']]);
    await a.putVersion(ids[0], entry(1_000), Y.encodeStateAsUpdate(docs[0]));
    await a.putVersion(ids[0], entry(2_000), new Uint8Array([0, 0]));
    const expected = await contents(a, ids);
    expect(expected[ids[0]]).toMatchObject({ doc: { meta: { title: 'Board 0 «è»' }, cards: ['card 0', 'card 3', 'card 4', 'card 5', 'after compaction'] } });

    const pg = await at(databaseUrl!);
    const first = await copyBoards(a, pg);
    expect(first).toMatchObject({ copied: 3, updated: 0, skipped: 0, conflicts: [], failed: [] });
    expect(describeCopy(first)).toMatch(/^3 of 3 boards are in the target: 3 copied, 0 brought up to date, 0 already there\.$/);
    expect(await contents(pg, ids)).toEqual(expected);

    // Again: nothing to do. Then the source changes and a third run brings that board up to date.
    expect(await copyBoards(a, pg)).toMatchObject({ copied: 0, updated: 0, skipped: 3 });
    await write(() => cards.push(['written after the first copy']));
    const second = await copyBoards(a, pg);
    expect(second).toMatchObject({ copied: 0, updated: 1, skipped: 2 });
    const changed = await contents(a, ids);
    expect(await contents(pg, ids)).toEqual(changed);

    // A board that differs in the target (written there, not in the source) is left alone and reported.
    const other = new Y.Doc();
    other.getArray<string>('cards').push(['only in the target']);
    await pg.appendUpdate(ids[1], (await pg.loadDoc(ids[1])).nextSeq, Y.encodeStateAsUpdate(other));
    const third = await copyBoards(a, pg);
    expect(third).toMatchObject({ copied: 0, updated: 0, skipped: 2, conflicts: [ids[1]] });
    expect(describeCopy(third)).toMatch(/1 left alone: the target holds a different board under the same id \(boardCopyTwoAAAAAA\)/);

    // And back to a new LevelDB directory.
    const b = await at(dirB);
    expect(await copyBoards(pg, b)).toMatchObject({ copied: 3, failed: [] });
    const back = await contents(b, ids);
    expect(back[ids[0]]).toEqual(changed[ids[0]]);
    expect(back[ids[2]]).toEqual(changed[ids[2]]);
    expect((back[ids[1]] as { doc: { cards: string[] } }).doc.cards).toEqual(['only in the target']);
  });
});
