import { spawn } from 'node:child_process';
import { cp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ClassicLevel } from 'classic-level';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard } from '../../shared/commands';
import { startServer, type RunningServer } from '../app';
import { createBoard } from '../boards';
import { testConfig } from '../config';
import { destroyAllClients, syncedClient, withTimeout } from '../test-support/clients';
import { killAllServerProcesses, spawnServer } from '../test-support/server-process';
import { tempDir } from '../test-support/server';
import { rng } from '../hardening/support/random';
import type { BoardRecord } from './board-store';
import { DataDirDamagedError, LevelBoardStore } from './level-store';
import { applyStoredDoc } from './apply-stored';
import { salvage } from './salvage';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dirs: string[] = [];
const newDir = async () => {
  const d = await tempDir('journey-damaged-');
  dirs.push(d);
  return d;
};
let running: RunningServer | undefined;
afterEach(async () => {
  destroyAllClients();
  await killAllServerProcesses();
  await running?.close();
  running = undefined;
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

/**
 * Boards written through the store the way the server writes them: each card one update of its own
 * (one LevelDB write batch), each from a different Yjs client, as when many people add cards.
 */
async function writeBoards(dir: string, boards: number, cardsEach: number): Promise<Array<{ record: BoardRecord; cards: string[] }>> {
  const store = await LevelBoardStore.open(dir, { fsync: false });
  const out: Array<{ record: BoardRecord; cards: string[] }> = [];
  for (let b = 0; b < boards; b++) {
    const record = await createBoard(store, { title: `Board ${b}`, locale: 'en' });
    const cards: string[] = [];
    for (let i = 0; i < cardsEach; i++) {
      // A card needs nothing of the board's state: the cards map is a root type.
      const author = new Y.Doc();
      cards.push(addCard(author, { stage: 'use', lane: 'ideas', text: `board ${b} card ${i} ${'x'.repeat(200)}` }));
      await store.appendUpdate(record.id, i, Y.encodeStateAsUpdate(author));
    }
    out.push({ record, cards });
  }
  await store.close();
  return out;
}

/** The card ids a stock client sees on a board served from `dataDir`. */
async function cardsServed(dataDir: string, boards: Array<{ record: BoardRecord }>): Promise<string[][]> {
  running = await startServer(testConfig({ dataDir }));
  const seen: string[][] = [];
  for (const { record } of boards) {
    const c = await syncedClient(running.url, record.id, record.tokens.viewer);
    seen.push([...c.doc.getMap('cards').keys()].sort());
    c.destroy();
  }
  return seen;
}

const dataFiles = async (dir: string) => {
  const names = (await readdir(dir)).filter((f) => /^(MANIFEST-\d+|\d+\.(log|ldb))$/.test(f)).sort();
  return Promise.all(names.map(async (f) => `${f}:${(await stat(path.join(dir, f))).size}`));
};

function runSalvageCommand(from: string, to: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'salvage', '--', from, to], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

describe.sequential('a damaged data directory', () => {
  it('without its CURRENT file: the server refuses to start, says why and how to recover, and deletes nothing; `npm run salvage` brings every board back', { timeout: 60_000 }, async () => {
    const dataDir = await newDir();
    const boards = await writeBoards(dataDir, 3, 20);
    // Open once more, so the updates also sit in a table file, as on any server that ran a while.
    await (await LevelBoardStore.open(dataDir, { fsync: false })).close();
    await rm(path.join(dataDir, 'CURRENT'));
    const before = await dataFiles(dataDir);
    expect(before.some((f) => f.includes('.ldb'))).toBe(true);

    const server = spawnServer(dataDir);
    const exit = await withTimeout(server.exited, 20_000, 'the server to exit');
    expect(exit.code).toBe(1);
    expect(server.stderr()).toContain(`The data directory ${dataDir} holds a store that cannot be used safely: its CURRENT file is missing`);
    expect(server.stderr()).toContain(`npm run salvage -- ${dataDir} ${dataDir}-salvaged`);
    expect(server.stdout()).toContain('"msg":"data directory damaged: not starting"');
    expect(server.stdout()).not.toContain('"msg":"listening"');
    expect(await dataFiles(dataDir)).toEqual(before);

    const salvaged = path.join(await newDir(), 'salvaged');
    const run = await runSalvageCommand(dataDir, salvaged);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('Boards kept: 3. Boards dropped: 0.');
    expect(run.out).toContain('Records kept: 63. Records dropped: 0.');
    expect(await dataFiles(dataDir)).toEqual(before);
    expect(await cardsServed(salvaged, boards)).toEqual(boards.map((b) => [...b.cards].sort()));
  });

  it('with a damaged byte in the middle of its log: the start is refused (LevelDB alone would drop the rest of a 32 KiB block), and salvage loses only the damaged write', { timeout: 60_000 }, async () => {
    const dataDir = await newDir();
    const [board] = await writeBoards(dataDir, 1, 300);
    const logName = (await readdir(dataDir)).find((f) => f.endsWith('.log'))!;
    const logFile = path.join(dataDir, logName);
    const bytes = await readFile(logFile);
    expect(bytes.length).toBeGreaterThan(2 * 32768);
    bytes[32768 + 5000] ^= 0x20;
    await writeFile(logFile, bytes);

    await expect(LevelBoardStore.open(dataDir, { fsync: false })).rejects.toThrow(DataDirDamagedError);
    await expect(LevelBoardStore.open(dataDir, { fsync: false })).rejects.toThrow(
      new RegExp(`its write-ahead log ${logName} is damaged at byte \\d+ \\(\\d+ bytes unreadable\\) with intact writes after the damage`),
    );

    // What opening it anyway would have done: LevelDB skips the rest of the block, and says nothing.
    const copy = path.join(await newDir(), 'copy');
    await cp(dataDir, copy, { recursive: true });
    const raw = new ClassicLevel(copy, { createIfMissing: false });
    await raw.open();
    let keptByLevelDb = 0;
    for await (const key of raw.keys({ gte: 'u:', lt: 'u;' })) if (key) keptByLevelDb++;
    await raw.close();
    expect(keptByLevelDb).toBeLessThan(300 - 30);

    const salvaged = path.join(await newDir(), 'salvaged');
    const report = await salvage(dataDir, salvaged);
    expect(report.boardsKept).toBe(1);
    expect(report.boardsDropped).toEqual([]);
    expect(report.recordsKept).toBe(300);
    expect(report.recordsDropped).toEqual([{ board: board.record.id, seq: expect.any(Number), reason: 'missing', count: 1 }]);
    expect(report.logBytesDamaged).toBeGreaterThan(0);
    const lost = board.cards[report.recordsDropped[0].seq!];
    const [served] = await cardsServed(salvaged, [board]);
    expect(served).toEqual(board.cards.filter((c) => c !== lost).sort());
  });

  it('with a damaged table file: the board still loads, and every card is either there or reported dropped', { timeout: 60_000 }, async () => {
    const dataDir = await newDir();
    const [board] = await writeBoards(dataDir, 1, 300);
    await (await LevelBoardStore.open(dataDir, { fsync: false })).close(); // the log becomes a table
    const table = (await readdir(dataDir)).find((f) => f.endsWith('.ldb'))!;
    const original = await readFile(path.join(dataDir, table));
    const r = rng(12);
    let reported = 0;
    // Anywhere in the data blocks (the index and footer at the end are out of scope: there LevelDB
    // sees no table at all, and the board loads reporting only its snapshot as unreadable).
    for (let round = 0; round < 12; round++) {
      const at = Math.floor(original.length * (0.1 + 0.8 * r.next()));
      const damaged = path.join(await newDir(), 'damaged');
      await cp(dataDir, damaged, { recursive: true });
      const bytes = Buffer.from(original);
      bytes[at] ^= 1 << r.int(8);
      await writeFile(path.join(damaged, table), bytes);
      const store = await LevelBoardStore.open(damaged, { fsync: false });
      const doc = new Y.Doc();
      const dropped = applyStoredDoc(doc, await store.loadDoc(board.record.id), 'load');
      await store.close();
      // Cards are in the updates; the snapshot holds the board's skeleton only.
      const lost = dropped.filter((d) => d.seq !== null).reduce((n, d) => n + d.count, 0);
      expect(dropped.map((d) => d.reason).every((why) => why === 'checksum' || why === 'unreadable' || why === 'missing'), `byte ${at}`).toBe(true);
      expect(doc.getMap('cards').size + lost, `byte ${at}: cards there plus cards reported`).toBe(300);
      reported += lost;
    }
    expect(reported).toBeGreaterThan(0);
  });

  it('a new or empty directory still starts a new store, and salvage refuses to write into a directory that holds something', async () => {
    const parent = await newDir();
    const fresh = path.join(parent, 'not-yet-there');
    const store = await LevelBoardStore.open(fresh, { fsync: false });
    expect(store.startup).toEqual({ fresh: true, tornWrites: [] });
    await store.close();
    const reopened = await LevelBoardStore.open(fresh, { fsync: false });
    expect(reopened.startup.fresh).toBe(false);
    await reopened.close();
    await expect(salvage(fresh, fresh)).rejects.toThrow('must differ');
    await expect(salvage(fresh, parent)).rejects.toThrow('is not empty');
  });
});
