import { spawn } from 'node:child_process';
import { ClassicLevel } from 'classic-level';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { applyStoredDoc } from './apply-stored';
import type { BoardRecord, DroppedRecord } from './board-store';
import { encodeLog, scanLog } from './leveldb-log';
import { newBoardOps } from './level-keys';
import { BoardRecordDamagedError, LevelBoardStore } from './level-store';

/**
 * Recovers what is readable from a damaged data directory into a new one, never touching the damaged
 * one. Steps:
 *  1. copy its files to a scratch directory, rewriting each write-ahead log with only its intact
 *     records (LevelDB would skip the rest of a 32 KiB block after one bad byte; see leveldb-log.ts);
 *  2. LevelDB's own repair on the copy: a new MANIFEST and CURRENT from whatever tables and logs are
 *     there, keeping the readable entries of damaged tables (in a child process: LevelDB aborts on
 *     some damaged tables, which are then found one by one and left out);
 *  3. every board read record by record (checksums, Yjs) and written to the new directory as its board
 *     record and one snapshot; keys of kinds this tool does not know are copied as they are.
 */
export interface SalvageReport {
  boardsKept: number;
  /** Boards whose record (title, links) cannot be read, or whose record is gone: they cannot be served. */
  boardsDropped: Array<{ board: string; why: string }>;
  /** Stored records (snapshots and updates) applied to the kept boards. */
  recordsKept: number;
  /** Records left out, by board. `incomplete` ones are kept aside in the snapshot, waiting for data. */
  recordsDropped: Array<DroppedRecord & { board: string }>;
  /** Bytes of the write-ahead logs that held no intact record. */
  logBytesDamaged: number;
  /** Keys of other kinds copied as they are. */
  otherKeysCopied: number;
  /** False when a damaged block ended the listing of the repaired store early (boards after it are not there). */
  listingComplete: boolean;
  /** What LevelDB's repair reported about damaged files (from its LOG). */
  repairNotes: string[];
}

export class SalvageError extends Error {}

const SKIP = new Set(['LOCK', 'LOG', 'LOG.old']);

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw err;
  }
}

export async function salvage(from: string, to: string): Promise<SalvageReport> {
  from = path.resolve(from);
  to = path.resolve(to);
  if (!(await stat(from).catch(() => null))?.isDirectory()) throw new SalvageError(`${from} is not a directory.`);
  if (from === to) throw new SalvageError('The new directory must differ from the damaged one: the damaged one is never changed.');
  if (!(await isEmptyOrMissing(to))) throw new SalvageError(`${to} is not empty: give a new or empty directory.`);
  await mkdir(path.dirname(to), { recursive: true });
  const scratch = await mkdtemp(path.join(path.dirname(to), '.salvage-'));
  try {
    let logBytesDamaged = await copyForRepair(from, scratch, new Set());
    const tablesSkipped: string[] = [];
    if (!(await repairInChild(scratch))) {
      // LevelDB, as built into classic-level, aborts the process (an internal assertion) on some
      // damaged tables. Find those by repairing each table alone, and repair again without them.
      for (const table of (await readdir(from)).filter((f) => /^\d+\.(ldb|sst)$/.test(f))) {
        const probe = await mkdtemp(path.join(path.dirname(to), '.salvage-probe-'));
        try {
          await copyFile(path.join(from, table), path.join(probe, table));
          if (!(await repairInChild(probe))) tablesSkipped.push(table);
        } finally {
          await rm(probe, { recursive: true, force: true });
        }
      }
      await rm(scratch, { recursive: true, force: true });
      await mkdir(scratch);
      logBytesDamaged = await copyForRepair(from, scratch, new Set(tablesSkipped));
      if (!(await repairInChild(scratch))) throw new SalvageError('LevelDB could not repair the copy, even without the tables it cannot read.');
    }
    const repairNotes = (await readFile(path.join(scratch, 'LOG'), 'utf8').catch(() => ''))
      .split('\n')
      .filter((l) => /corrupt|error|lost|ignor|dropping|missing/i.test(l))
      .map((l) => l.replace(/^\S+ \S+ /, '').trim())
      .slice(0, 20);
    for (const t of tablesSkipped) repairNotes.push(`table ${t} left out: LevelDB stops on it`);
    const report = await copyBoards(scratch, to);
    return { ...report, logBytesDamaged, repairNotes };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Copies the store's files, each write-ahead log rewritten with its intact records; returns the damaged log bytes. */
async function copyForRepair(from: string, scratch: string, leaveOut: Set<string>): Promise<number> {
  let logBytesDamaged = 0;
  for (const file of await readdir(from)) {
    if (SKIP.has(file) || leaveOut.has(file) || !(await stat(path.join(from, file))).isFile()) continue;
    if (/^\d+\.log$/.test(file)) {
      const scan = scanLog(new Uint8Array(await readFile(path.join(from, file))));
      logBytesDamaged += scan.damage.reduce((n, d) => n + d.length, 0);
      await writeFile(path.join(scratch, file), encodeLog(scan.records));
    } else await copyFile(path.join(from, file), path.join(scratch, file));
  }
  return logBytesDamaged;
}

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** LevelDB's repair of `dir`, in a process of its own, since LevelDB may abort on damaged input. */
function repairInChild(dir: string): Promise<boolean> {
  const script = `require('classic-level').ClassicLevel.repair(process.argv[1]).then(() => process.exit(0), (e) => { console.error(String(e)); process.exit(1); })`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', script, dir], { cwd: REPO_ROOT, stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('exit', (code) => resolve(code === 0));
  });
}

async function copyBoards(fromDir: string, toDir: string): Promise<Omit<SalvageReport, 'logBytesDamaged' | 'repairNotes'>> {
  // The repaired copy is read with the server's own tolerant reader; the new store is written raw.
  const src = await LevelBoardStore.open(fromDir, { fsync: false });
  const dst = new ClassicLevel<string, Uint8Array>(toDir, { keyEncoding: 'utf8', valueEncoding: 'view', errorIfExists: true });
  await dst.open();
  const report: Omit<SalvageReport, 'logBytesDamaged' | 'repairNotes'> = { boardsKept: 0, boardsDropped: [], recordsKept: 0, recordsDropped: [], otherKeysCopied: 0, listingComplete: true };
  try {
    const { boardIds, others, complete } = await src.inventory();
    report.listingComplete = complete;
    for (const id of boardIds) {
      let record: BoardRecord | null = null;
      try {
        record = await src.getBoard(id);
      } catch (err) {
        if (!(err instanceof BoardRecordDamagedError)) throw err;
        report.boardsDropped.push({ board: id, why: 'its board record is damaged' });
        continue;
      }
      if (!record) {
        report.boardsDropped.push({ board: id, why: 'its board record is missing' });
        continue;
      }
      const stored = await src.loadDoc(id);
      const doc = new Y.Doc();
      const dropped = applyStoredDoc(doc, stored, 'salvage');
      const unusable = dropped.filter((d) => d.reason === 'unreadable' && (d.seq === null ? stored.snapshot !== null : stored.seqs?.includes(d.seq))).length;
      report.recordsKept += (stored.snapshot ? 1 : 0) + stored.updates.length - unusable;
      report.recordsDropped.push(...dropped.map((d) => ({ board: id, ...d })));
      // Pending structs (waiting for missing data) are part of the encoded state: nothing is thrown away.
      await dst.batch(newBoardOps(record, Y.encodeStateAsUpdate(doc)));
      doc.destroy();
      report.boardsKept++;
    }
    for (const [key, value] of others) await dst.put(key, value);
    report.otherKeysCopied = others.length;
  } finally {
    await src.close();
    await dst.close();
  }
  return report;
}

/** The report in plain words, for the command line. */
export function describeSalvage(r: SalvageReport, to: string): string {
  const dropped = r.recordsDropped.filter((d) => d.reason !== 'incomplete');
  const waiting = r.recordsDropped.filter((d) => d.reason === 'incomplete');
  const lines = [
    `Boards kept: ${r.boardsKept}. Boards dropped: ${r.boardsDropped.length}.`,
    `Records kept: ${r.recordsKept}. Records dropped: ${dropped.reduce((n, d) => n + d.count, 0)}.`,
  ];
  for (const b of r.boardsDropped) lines.push(`  board ${b.board} dropped: ${b.why}`);
  for (const d of dropped) lines.push(`  board ${d.board}: ${d.count} record(s) from ${d.seq ?? 'snapshot'} dropped (${d.reason})`);
  for (const d of waiting) lines.push(`  board ${d.board}: changes from record ${d.seq ?? 'snapshot'} on wait for data that is gone; kept aside, not shown`);
  if (r.logBytesDamaged > 0) lines.push(`Damaged bytes skipped in the write-ahead logs: ${r.logBytesDamaged}.`);
  if (r.otherKeysCopied > 0) lines.push(`Other records copied as they were: ${r.otherKeysCopied}.`);
  for (const n of r.repairNotes) lines.push(`  LevelDB repair: ${n}`);
  if (!r.listingComplete) lines.push('The repaired store could not be listed to its end: boards after the damage are missing from this report.');
  lines.push(`The salvaged store is in ${to}. Start the server with DATA_DIR=${to} and check the boards.`);
  return lines.join('\n');
}
