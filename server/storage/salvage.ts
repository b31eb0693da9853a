import { ClassicLevel } from 'classic-level';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';
import { applyStoredDoc } from './apply-stored';
import type { BoardRecord, DroppedRecord } from './board-store';
import { encodeLog, scanLog } from './leveldb-log';
import { BOARD_KEY_PREFIXES, boardKey, decodeSeq, firstSeqKey, newBoardOps, nextSeqKey, seqOfKey, snapshotKey, updateRange } from './level-keys';
import { openRecord } from './record-envelope';
import { storedDocFrom } from './stored-doc';

/**
 * Recovers what is readable from a damaged data directory into a new one, never touching the damaged
 * one. Steps:
 *  1. copy its files to a scratch directory, rewriting each write-ahead log with only its intact
 *     records (LevelDB would skip the rest of a 32 KiB block after one bad byte; see leveldb-log.ts);
 *  2. LevelDB's own repair on the copy: a new MANIFEST and CURRENT from whatever tables and logs are
 *     there, keeping the readable entries of damaged tables;
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
    let logBytesDamaged = 0;
    for (const file of await readdir(from)) {
      if (SKIP.has(file) || !(await stat(path.join(from, file))).isFile()) continue;
      if (file.endsWith('.log') && /^\d+\.log$/.test(file)) {
        const scan = scanLog(new Uint8Array(await readFile(path.join(from, file))));
        logBytesDamaged += scan.damage.reduce((n, d) => n + d.length, 0);
        await writeFile(path.join(scratch, file), encodeLog(scan.records));
      } else await copyFile(path.join(from, file), path.join(scratch, file));
    }
    await ClassicLevel.repair(scratch);
    const repairNotes = (await readFile(path.join(scratch, 'LOG'), 'utf8').catch(() => ''))
      .split('\n')
      .filter((l) => /corrupt|error|lost|ignor|dropping|missing/i.test(l))
      .map((l) => l.replace(/^\S+ \S+ /, '').trim())
      .slice(0, 20);
    const report = await copyBoards(scratch, to);
    return { ...report, logBytesDamaged, repairNotes };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function copyBoards(fromDir: string, toDir: string): Promise<Omit<SalvageReport, 'logBytesDamaged' | 'repairNotes'>> {
  const src = new ClassicLevel<string, Uint8Array>(fromDir, { keyEncoding: 'utf8', valueEncoding: 'view', createIfMissing: false });
  const dst = new ClassicLevel<string, Uint8Array>(toDir, { keyEncoding: 'utf8', valueEncoding: 'view', errorIfExists: true });
  await src.open();
  await dst.open();
  const report: Omit<SalvageReport, 'logBytesDamaged' | 'repairNotes'> = { boardsKept: 0, boardsDropped: [], recordsKept: 0, recordsDropped: [], otherKeysCopied: 0 };
  try {
    // Board ids from every kind of board key, so boards that lost their record are reported too.
    const ids = new Set<string>();
    for await (const key of src.keys({ gte: 'b:', lt: 'b;' })) ids.add(key.slice(2));
    for await (const key of src.keys({ gte: 's:', lt: 's;' })) ids.add(key.slice(2));
    for await (const key of src.keys({ gte: 'u:', lt: 'u;' })) ids.add(key.slice(2, key.lastIndexOf(':')));
    for (const id of ids) {
      const raw = await src.get(boardKey(id));
      let record: BoardRecord | null = null;
      const opened = raw ? openRecord(raw) : null;
      try {
        if (opened?.ok) record = JSON.parse(new TextDecoder().decode(opened.payload)) as BoardRecord;
      } catch {
        /* reported below */
      }
      if (!record) {
        report.boardsDropped.push({ board: id, why: raw ? 'its board record is damaged' : 'its board record is missing' });
        continue;
      }
      const rawUpdates: Array<[number, Uint8Array]> = [];
      for await (const [key, value] of src.iterator(updateRange(id))) rawUpdates.push([seqOfKey(key), value]);
      const bounds = { first: decodeSeq(await src.get(firstSeqKey(id))), next: decodeSeq(await src.get(nextSeqKey(id))) };
      const stored = storedDocFrom(await src.get(snapshotKey(id)), rawUpdates, bounds);
      const doc = new Y.Doc();
      const dropped = applyStoredDoc(doc, stored, 'salvage');
      const unusable = dropped.filter((d) => d.reason === 'unreadable').length;
      report.recordsKept += (stored.snapshot ? 1 : 0) + stored.updates.length - unusable;
      report.recordsDropped.push(...dropped.map((d) => ({ board: id, ...d })));
      // Pending structs (waiting for missing data) are part of the encoded state: nothing is thrown away.
      await dst.batch(newBoardOps(record, Y.encodeStateAsUpdate(doc)));
      doc.destroy();
      report.boardsKept++;
    }
    for await (const [key, value] of src.iterator()) {
      if (BOARD_KEY_PREFIXES.some((p) => key.startsWith(p))) continue;
      await dst.put(key, value);
      report.otherKeysCopied++;
    }
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
  lines.push(`The salvaged store is in ${to}. Start the server with DATA_DIR=${to} and check the boards.`);
  return lines.join('\n');
}
