import { open, readdir, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/** LevelDB's write-ahead log files: `000123.log` (leveldb/db/filename.cc). */
const LOG_FILE = /^\d+\.log$/;

/**
 * Flushes LevelDB's write-ahead log to disk from outside LevelDB: `fdatasync` on its log files, opened
 * read-only by us (level-store.ts, FsyncMode `after-write`).
 *
 * Why not a synced LevelDB write: LevelDB syncs its log only inside a write, and every write queued
 * behind it waits for the disk too (one writer queue for the whole store): the updates relayed without
 * waiting for the disk would have waited behind each other's flush. `fdatasync` on another descriptor of
 * the same file flushes the same data (Linux and macOS flush a file, not a descriptor) without taking
 * LevelDB's queue. Every log file in the directory is flushed, so a write that landed in the previous
 * log just before LevelDB switched to a new one is flushed as well; a log LevelDB has deleted was
 * written into a table it had already flushed itself, so it is let go.
 */
export class LogFlusher {
  private files = new Map<string, FileHandle>();

  constructor(private dir: string) {}

  /** Everything written to the logs before this call is on disk when it resolves. Rejects on a disk error. */
  async flush(): Promise<void> {
    const names = (await readdir(this.dir)).filter((f) => LOG_FILE.test(f));
    for (const name of names) {
      if (this.files.has(name)) continue;
      try {
        this.files.set(name, await open(path.join(this.dir, name), 'r'));
      } catch (err) {
        // Deleted between the listing and the open: its writes are in a flushed table.
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
    for (const [name, file] of this.files) {
      if (names.includes(name)) continue;
      this.files.delete(name);
      await file.close().catch(() => undefined);
    }
    await Promise.all([...this.files.values()].map((f) => f.datasync()));
  }

  /** The log files it holds open (for tests). */
  get openLogs(): string[] {
    return [...this.files.keys()].sort();
  }

  async close(): Promise<void> {
    const files = [...this.files.values()];
    this.files.clear();
    await Promise.all(files.map((f) => f.close().catch(() => undefined)));
  }
}
