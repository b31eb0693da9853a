import * as Y from 'yjs';
import type { StoreApi } from 'zustand/vanilla';
import { roots } from '../../../shared/doc/board-doc';
import { readAxis, readCard, readMeta } from '../../../shared/doc/read';
import type { AxisItem, BoardMeta, CardData } from '../../../shared/doc/schema';
import { cardMetrics } from '../../../shared/card-layout/card-metrics';
import { computeLayout } from '../../../shared/layout';
import type { BoardState } from '../store/board-store';

/**
 * The one door from the Y.Doc into the board store. One observeDeep per root type; each transaction
 * patches only the ids it touched, whoever made it (this person, a remote peer, undo, IndexedDB).
 * Unchanged cards and axis items keep their object identity so their components do not re-render.
 */

function sameCard(a: CardData, b: CardData): boolean {
  const ka = Object.keys(a) as Array<keyof CardData>;
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => a[k] === b[k]);
}

/** Same cell, order and height: a text edit that adds a line grows the card and re-lays the map. */
const samePlace = (a: CardData, b: CardData) =>
  a.stage === b.stage &&
  a.lane === b.lane &&
  a.order === b.order &&
  cardMetrics(a).h === cardMetrics(b).h &&
  // An unplaced card keeps room for "Was in: …", sized from these titles.
  a.wasIn?.stage === b.wasIn?.stage &&
  a.wasIn?.lane === b.wasIn?.lane;

/** `next`, reusing the objects of `prev` that did not change; `prev` itself when nothing did. */
export function reuseAxis(prev: AxisItem[], next: AxisItem[]): AxisItem[] {
  const byId = new Map(prev.map((p) => [p.id, p]));
  const out = next.map((n) => {
    const p = byId.get(n.id);
    return p && p.title === n.title ? p : n;
  });
  return out.length === prev.length && out.every((o, i) => o === prev[i]) ? prev : out;
}

function reuseMeta(prev: BoardMeta, next: BoardMeta): BoardMeta {
  return (Object.keys(next) as Array<keyof BoardMeta>).every((k) => prev[k] === next[k]) ? prev : next;
}

/** Ids of cards touched by one transaction's events on the cards root. */
export function touchedCardIds(cardsRoot: Y.AbstractType<any>, events: Array<Y.YEvent<any>>): Set<string> {
  const ids = new Set<string>();
  for (const e of events) {
    if (e.target === cardsRoot) for (const key of (e as Y.YMapEvent<unknown>).keysChanged) ids.add(key);
    else if (typeof e.path[0] === 'string') ids.add(e.path[0]);
  }
  return ids;
}

export interface CardsPatch {
  cards: Readonly<Record<string, CardData>>;
  /** A card was added or removed, or changed cell, order or height: the layout must be recomputed. */
  placementChanged: boolean;
}

/** Applies the touched ids to `prev`; null when nothing visible changed. */
export function patchCards(prev: Readonly<Record<string, CardData>>, cardsRoot: Y.Map<Y.Map<unknown>>, ids: Iterable<string>): CardsPatch | null {
  let next: Record<string, CardData> | null = null;
  let placementChanged = false;
  for (const id of ids) {
    const m = cardsRoot.get(id);
    const old = prev[id];
    if (m instanceof Y.Map) {
      const card = readCard(id, m);
      if (old && sameCard(old, card)) continue;
      next ??= { ...prev };
      next[id] = card;
      if (!old || !samePlace(old, card)) placementChanged = true;
    } else if (old) {
      next ??= { ...prev };
      delete next[id];
      placementChanged = true;
    }
  }
  return next ? { cards: next, placementChanged } : null;
}

export function readBoardState(doc: Y.Doc): BoardState {
  const r = roots(doc);
  const cards: Record<string, CardData> = {};
  r.cards.forEach((m, id) => {
    if (m instanceof Y.Map) cards[id] = readCard(id, m);
  });
  const stages = readAxis(r.stages);
  const lanes = readAxis(r.lanes);
  return { meta: readMeta(doc), stages, lanes, cards, layout: computeLayout(stages, lanes, Object.values(cards)) };
}

/** Starts projecting `doc` into `store`; returns the function that stops it. */
export function projectDoc(doc: Y.Doc, store: StoreApi<BoardState>): () => void {
  const r = roots(doc);
  store.setState(readBoardState(doc), true);

  const relayout = (s: Pick<BoardState, 'stages' | 'lanes' | 'cards'>) => computeLayout(s.stages, s.lanes, Object.values(s.cards));

  const onMeta = () => {
    const s = store.getState();
    const meta = reuseMeta(s.meta, readMeta(doc));
    if (meta !== s.meta) store.setState({ meta });
  };
  const onAxis = (which: 'stages' | 'lanes') => () => {
    const s = store.getState();
    const next = reuseAxis(s[which], readAxis(r[which]));
    if (next === s[which]) return;
    const patched = { ...s, [which]: next };
    store.setState({ [which]: next, layout: relayout(patched) });
  };
  const onStages = onAxis('stages');
  const onLanes = onAxis('lanes');
  const onCards = (events: Array<Y.YEvent<any>>) => {
    const s = store.getState();
    const patch = patchCards(s.cards, r.cards, touchedCardIds(r.cards, events));
    if (!patch) return;
    store.setState(
      patch.placementChanged ? { cards: patch.cards, layout: relayout({ ...s, cards: patch.cards }) } : { cards: patch.cards },
    );
  };

  r.meta.observeDeep(onMeta);
  r.stages.observeDeep(onStages);
  r.lanes.observeDeep(onLanes);
  r.cards.observeDeep(onCards);
  return () => {
    r.meta.unobserveDeep(onMeta);
    r.stages.unobserveDeep(onStages);
    r.lanes.unobserveDeep(onLanes);
    r.cards.unobserveDeep(onCards);
  };
}
