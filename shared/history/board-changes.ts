/**
 * "What changed since": the differences between two states of one board, card by card, grouped by
 * stage. Works on the document's plain form (a backup's `board`, docs/backup-format.md), so it compares
 * a checkpoint file with another one or with the live board (`plainBoard(doc)`) alike. Structured data
 * only: the client words it in the reader's language (client/src/history/change-words.ts).
 */
import type * as Y from 'yjs';
import { boardToBackup } from '../backup/to-backup';
import type { Backup, BackupCard } from '../backup/backup-schema';
import { parseVoteKey } from '../commands/votes';
import { compareByOrder } from '../order';

/** A board's content as plain data: the `board` part of a backup file. */
export type BoardPlain = Backup['board'];

/** The live document in the same plain form as a checkpoint's file. */
export function plainBoard(doc: Y.Doc): BoardPlain {
  return boardToBackup(doc, 0).board;
}

/** Card fields whose change counts as an edit. Position inside a cell (`order`) and `wasIn` do not. */
export const EDITED_FIELDS = ['text', 'answer', 'valence', 'moment', 'kind', 'color', 'effect', 'persona', 'votes'] as const;
export type EditedField = (typeof EDITED_FIELDS)[number];

export type ChangeKind = 'added' | 'removed' | 'moved' | 'edited';

/** A cell, with the titles it had in the state it is read from ('' for a stage or lane that does not exist there). */
export interface Place {
  stage: string;
  lane: string;
  stageTitle: string;
  laneTitle: string;
}

export interface CardChange {
  id: string;
  /** `moved` when the card changed stage or lane (it may also have been edited: see `fields`). */
  change: ChangeKind;
  /** The card as it is in the later state (in the earlier one for a removed card). */
  card: BackupCard;
  /** The card as it was, for moved and edited cards. */
  before?: BackupCard;
  /** Where the card is (was, for a removed card). */
  place: Place;
  /** Where a moved card was. */
  from?: Place;
  /** Fields that changed, in EDITED_FIELDS order; empty for added and removed cards. */
  fields: EditedField[];
  /** Dots of the current vote on the card, when they changed. */
  votes?: { before: number; after: number };
}

export interface StageChanges {
  /** The stage's id; null for cards whose stage or lane is not on the board ("Not placed"). */
  stageId: string | null;
  title: string;
  changes: CardChange[];
}

export interface AxisChange {
  axis: 'stages' | 'lanes';
  change: 'added' | 'removed' | 'renamed';
  id: string;
  title: string;
  /** The earlier title of a renamed item. */
  oldTitle?: string;
}

export interface BoardChanges {
  stages: StageChanges[];
  axes: AxisChange[];
  counts: Record<ChangeKind, number>;
  /** Card changes in all (the axes' changes are not counted). */
  total: number;
}

/** Dots per card in a state's current vote (earlier votes' dots stay in the document but do not count). */
export function dotsByCard(board: BoardPlain): Map<string, number> {
  const out = new Map<string, number>();
  const vote = board.facilitation.vote as { id?: unknown } | undefined;
  const voteId = vote && typeof vote === 'object' && typeof vote.id === 'string' ? vote.id : null;
  if (!voteId) return out;
  for (const [key, n] of Object.entries(board.votes)) {
    const k = parseVoteKey(key);
    if (k && k.voteId === voteId && n > 0) out.set(k.cardId, (out.get(k.cardId) ?? 0) + n);
  }
  return out;
}

function placeIn(board: BoardPlain, card: Pick<BackupCard, 'stage' | 'lane'>): Place {
  return {
    stage: card.stage,
    lane: card.lane,
    stageTitle: board.stages.find((s) => s.id === card.stage)?.title ?? '',
    laneTitle: board.lanes.find((l) => l.id === card.lane)?.title ?? '',
  };
}

function editedFields(a: BackupCard, b: BackupCard, dotsA: number, dotsB: number): EditedField[] {
  return EDITED_FIELDS.filter((f) => (f === 'votes' ? dotsA !== dotsB : a[f] !== b[f]));
}

const KIND_ORDER: Record<ChangeKind, number> = { added: 0, moved: 1, edited: 2, removed: 3 };

export function compareBoards(before: BoardPlain, after: BoardPlain): BoardChanges {
  const old = new Map(before.cards.map((c) => [c.id, c]));
  const now = new Map(after.cards.map((c) => [c.id, c]));
  const dotsBefore = dotsByCard(before);
  const dotsAfter = dotsByCard(after);
  const changes: CardChange[] = [];
  for (const card of after.cards) {
    const was = old.get(card.id);
    if (!was) {
      changes.push({ id: card.id, change: 'added', card, place: placeIn(after, card), fields: [] });
      continue;
    }
    const da = dotsBefore.get(card.id) ?? 0;
    const db = dotsAfter.get(card.id) ?? 0;
    const fields = editedFields(was, card, da, db);
    const moved = was.stage !== card.stage || was.lane !== card.lane;
    if (!moved && fields.length === 0) continue;
    changes.push({
      id: card.id,
      change: moved ? 'moved' : 'edited',
      card,
      before: was,
      place: placeIn(after, card),
      ...(moved && { from: placeIn(before, was) }),
      fields,
      ...(da !== db && { votes: { before: da, after: db } }),
    });
  }
  for (const card of before.cards) {
    if (!now.has(card.id)) changes.push({ id: card.id, change: 'removed', card, place: placeIn(before, card), fields: [] });
  }

  // Each change goes under the stage the card is in now (was in, if removed); stages in the later
  // state's order, then stages only the earlier state had, then the cards with no place on the map.
  const stageOrder = [...after.stages, ...before.stages.filter((s) => !after.stages.some((a) => a.id === s.id))];
  const laneIdx = new Map([...after.lanes, ...before.lanes].map((l, i) => [l.id, i] as const).reverse());
  const placed = (c: CardChange, board: BoardPlain) => board.stages.some((s) => s.id === c.card.stage) && board.lanes.some((l) => l.id === c.card.lane);
  const groups = new Map<string | null, CardChange[]>();
  for (const c of changes) {
    const key = placed(c, c.change === 'removed' ? before : after) ? c.card.stage : null;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const sortChanges = (list: CardChange[]) =>
    list.sort((a, b) => KIND_ORDER[a.change] - KIND_ORDER[b.change] || (laneIdx.get(a.card.lane) ?? 1e9) - (laneIdx.get(b.card.lane) ?? 1e9) || compareByOrder(a.card, b.card));
  const stages: StageChanges[] = [];
  for (const s of stageOrder) {
    const list = groups.get(s.id);
    if (list) stages.push({ stageId: s.id, title: s.title, changes: sortChanges(list) });
  }
  const unplaced = groups.get(null);
  if (unplaced) stages.push({ stageId: null, title: '', changes: sortChanges(unplaced) });

  const counts: Record<ChangeKind, number> = { added: 0, removed: 0, moved: 0, edited: 0 };
  for (const c of changes) counts[c.change]++;
  return { stages, axes: [...axisChanges('stages', before, after), ...axisChanges('lanes', before, after)], counts, total: changes.length };
}

function axisChanges(axis: 'stages' | 'lanes', before: BoardPlain, after: BoardPlain): AxisChange[] {
  const old = new Map(before[axis].map((i) => [i.id, i.title]));
  const now = new Map(after[axis].map((i) => [i.id, i.title]));
  const out: AxisChange[] = [];
  for (const { id, title } of after[axis]) {
    const was = old.get(id);
    if (was === undefined) out.push({ axis, change: 'added', id, title });
    else if (was !== title) out.push({ axis, change: 'renamed', id, title, oldTitle: was });
  }
  for (const { id, title } of before[axis]) if (!now.has(id)) out.push({ axis, change: 'removed', id, title });
  return out;
}

/** Which change each card id had, for outlining them on a map. */
export function changeByCard(changes: BoardChanges): Map<string, ChangeKind> {
  return new Map(changes.stages.flatMap((s) => s.changes.map((c) => [c.id, c.change] as const)));
}
