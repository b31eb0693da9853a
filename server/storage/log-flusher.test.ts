import { readdir, rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/server';
import { LevelBoardStore } from './level-store';
import { LogFlusher } from './log-flusher';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

describe('LogFlusher: LevelDB log files flushed from outside LevelDB', () => {
  it('flushes every log file in the directory, picks up a new one, lets go of a deleted one', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    await writeFile(path.join(dir, '000003.log'), 'a');
    await writeFile(path.join(dir, 'MANIFEST-000002'), 'm');
    const f = new LogFlusher(dir);
    await f.flush();
    expect(f.openLogs).toEqual(['000003.log']);
    // LevelDB switched logs: both are flushed until the old one is gone.
    await writeFile(path.join(dir, '000005.log'), 'b');
    await f.flush();
    expect(f.openLogs).toEqual(['000003.log', '000005.log']);
    await unlink(path.join(dir, '000003.log'));
    await f.flush();
    expect(f.openLogs).toEqual(['000005.log']);
    await f.close();
    expect(f.openLogs).toEqual([]);
  });

  it('a store flushing after the write: many batches across a switch of log files all read back, after a reopen too', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    let store = await LevelBoardStore.open(dir, { fsync: 'after-write' });
    // 6 MiB in 64 KiB updates: past LevelDB's 4 MiB write buffer, so it switches to a new log meanwhile.
    const update = (i: number) => new Uint8Array(64 * 1024).fill(i % 251);
    await Promise.all(Array.from({ length: 96 }, (_, i) => store.appendUpdate('board', i, update(i))));
    const stored = await store.loadDoc('board');
    expect(stored.updates.length).toBe(96);
    await store.close();
    expect((await readdir(dir)).filter((f) => f.endsWith('.log')).length).toBeGreaterThan(0);
    store = await LevelBoardStore.open(dir, { fsync: 'after-write' });
    const again = await store.loadDoc('board');
    expect(again.updates.map((u) => u[0])).toEqual(Array.from({ length: 96 }, (_, i) => i % 251));
    await store.close();
  });
});
