import { existsSync } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import type { BoardRecord, BoardStore } from './board-store';
import { LevelBoardStore } from './level-store';
import { PgBoardStore } from './pg/pg-store';

/**
 * Copies every board from one store to another (`npm run copy-boards`): its record (title, locale,
 * tokens, so every link keeps working), its document (as one snapshot), its client id owners and its
 * checkpoints. Resumable and repeatable: a board already in the target is compared, not rewritten:
 *   - the same record and document: its missing owners and checkpoints are added, if any (a copy that
 *     stopped half way), else it is skipped;
 *   - the target's document is an older state of the source's (the source kept changing after an
 *     earlier run): what the target lacks is appended as one update ("brought up to date");
 *   - anything else (a different record, or changes in the target the source does not have): left
 *     alone and reported as a conflict.
 */
export type ListableStore = BoardStore & { listBoardIds(after?: string, limit?: number): Promise<string[]> };

export interface CopyReport {
  copied: number;
  updated: number;
  skipped: number;
  conflicts: string[];
  failed: Array<{ id: string; error: string }>;
  /** Boards whose source had damaged or missing records (copied without them). */
  damaged: string[];
}

/**
 * Opens a store from a `postgres://` URL or a directory path. A source directory must hold a store
 * already: a mistyped path would otherwise become a new, empty one and "copy" nothing.
 */
export async function openStoreAt(where: string, opts: { source?: boolean } = {}): Promise<ListableStore> {
  if (/^postgres(ql)?:\/\//.test(where)) return PgBoardStore.open(where, { poolSize: 4 });
  if (opts.source && !existsSync(path.join(where, 'CURRENT'))) throw new Error(`${where} is not a Journey Studio data directory (no LevelDB store in it)`);
  return LevelBoardStore.open(where, { fsync: true });
}

function docFrom(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc();
  for (const u of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) Y.applyUpdate(doc, u);
  return doc;
}

/** Records compared field by field: a store may give the keys in another order (PostgreSQL's jsonb). */
const canonical = (r: BoardRecord) => JSON.stringify({ ...r, tokens: { facilitator: r.tokens.facilitator, participant: r.tokens.participant, viewer: r.tokens.viewer } }, Object.keys(r).concat('facilitator', 'participant', 'viewer').sort());
const sameRecord = (a: BoardRecord, b: BoardRecord) => canonical(a) === canonical(b);

/**
 * Same content: the same items (state vector) and the same deletions. Compared this way, not by the
 * encoded bytes, which depend on how the items were split and merged along the way.
 */
const sameContent = (a: Y.Doc, b: Y.Doc) => Y.equalSnapshots(Y.snapshot(a), Y.snapshot(b));

/** Does `target` hold nothing `source` lacks (items and deletions)? */
function contains(source: Y.Doc, target: Y.Doc): boolean {
  const merged = new Y.Doc();
  Y.applyUpdate(merged, Y.encodeStateAsUpdate(source));
  Y.applyUpdate(merged, Y.encodeStateAsUpdate(target));
  return sameContent(merged, source);
}

export async function copyBoards(from: ListableStore, to: ListableStore, progress: (line: string) => void = () => undefined): Promise<CopyReport> {
  const report: CopyReport = { copied: 0, updated: 0, skipped: 0, conflicts: [], failed: [], damaged: [] };
  let after = '';
  for (;;) {
    const ids = await from.listBoardIds(after, 200);
    if (ids.length === 0) break;
    after = ids[ids.length - 1];
    for (const id of ids) {
      try {
        const outcome = await copyOne(from, to, id, report);
        if (outcome === 'conflict') report.conflicts.push(id);
        else report[outcome]++;
      } catch (err) {
        report.failed.push({ id, error: (err as Error).message ?? String(err) });
        progress(`board ${id}: not copied (${(err as Error).message ?? String(err)})`);
      }
    }
  }
  return report;
}

async function copyOne(from: ListableStore, to: ListableStore, id: string, report: CopyReport): Promise<'copied' | 'updated' | 'skipped' | 'conflict'> {
  const record = await from.getBoard(id);
  if (!record) throw new Error('its record is missing');
  const stored = await from.loadDoc(id);
  if ((stored.dropped ?? []).length > 0) report.damaged.push(id);
  const doc = docFrom(stored);
  const state = Y.encodeStateAsUpdate(doc);
  const owners = await from.loadClientOwners(id);
  const versions = await from.listVersions(id);

  let outcome: 'copied' | 'updated' | 'skipped' = 'skipped';
  const existing = await to.getBoard(id);
  if (!existing) {
    await to.createBoard(record, state);
    outcome = 'copied';
  } else {
    if (!sameRecord(record, existing)) return 'conflict';
    const there = await to.loadDoc(id);
    const target = docFrom(there);
    if (!sameContent(target, doc)) {
      if (!contains(doc, target)) return 'conflict';
      await to.appendUpdate(id, there.nextSeq, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(target)));
      outcome = 'updated';
    }
  }
  // Owners and checkpoints the target lacks (all of them for a new board; some after an interrupted run).
  const targetOwners = outcome === 'copied' ? new Map<number, string>() : await to.loadClientOwners(id);
  for (const [client, owner] of targetOwners) if (owners.get(client) !== owner) return 'conflict';
  const missingOwners = [...owners].filter(([client]) => !targetOwners.has(client));
  if (missingOwners.length > 0) await to.bindClientOwners(id, missingOwners);
  const targetVersions = new Set(outcome === 'copied' ? [] : (await to.listVersions(id)).map((v) => v.id));
  let added = missingOwners.length > 0;
  for (const entry of versions) {
    if (targetVersions.has(entry.id)) continue;
    const versionState = await from.getVersion(id, entry.id);
    if (!versionState) continue;
    await to.putVersion(id, entry, versionState);
    added = true;
  }
  return outcome === 'skipped' && added ? 'updated' : outcome;
}

export function describeCopy(r: CopyReport): string {
  const lines = [
    `${r.copied + r.updated + r.skipped} of ${r.copied + r.updated + r.skipped + r.conflicts.length + r.failed.length} boards are in the target: ${r.copied} copied, ${r.updated} brought up to date, ${r.skipped} already there.`,
  ];
  if (r.damaged.length > 0) lines.push(`${r.damaged.length} had damaged or missing records in the source and were copied without them: ${r.damaged.join(', ')}`);
  if (r.conflicts.length > 0) lines.push(`${r.conflicts.length} left alone: the target holds a different board under the same id (${r.conflicts.join(', ')}).`);
  if (r.failed.length > 0) lines.push(`${r.failed.length} failed: ${r.failed.map((f) => `${f.id} (${f.error})`).join('; ')}`);
  return lines.join('\n');
}

/** The command line's `--from X --to Y`; null when either is missing or they are the same. */
export function parseCopyArgs(argv: string[]): { from: string; to: string } | null {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 && argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[i + 1] : null;
  };
  const from = value('--from');
  const to = value('--to');
  return from && to && from !== to ? { from, to } : null;
}
