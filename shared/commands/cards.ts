import * as Y from 'yjs';
import { roots } from '../doc/board-doc';
import { LOCAL_ORIGIN } from '../doc/origin';
import { randomId } from '../doc/ids';
import { readCard } from '../doc/read';
import { DEFAULT_CARD_COLOR, MAX_CARD_TEXT_LENGTH, type CardData } from '../doc/schema';
import { compareByOrder, orderBetween } from '../order';
import { applyTextChange } from './text';

export interface AddCardInput {
  stage: string;
  lane: string;
  text?: string;
  kind?: string;
  color?: string;
  author?: string;
  /** Person id of the creator (shared/identity.ts). */
  ownerId?: string;
  /** Place before this card of the same cell; by default the card goes last. */
  beforeId?: string;
  id?: string;
  now?: number;
  /** Extra typed fields (deck cards): deckCardId, valence, moment, answer. */
  extra?: { deckCardId?: string; valence?: number; moment?: string; answer?: string };
}

/** Cards of one cell in display order. */
export function cellCards(doc: Y.Doc, stage: string, lane: string, exceptId?: string): CardData[] {
  const out: CardData[] = [];
  roots(doc).cards.forEach((m, id) => {
    if (id === exceptId || !(m instanceof Y.Map)) return;
    if (m.get('stage') === stage && m.get('lane') === lane) out.push(readCard(id, m));
  });
  return out.sort(compareByOrder);
}

/** The order key for a card dropped before `beforeId` (or at the end) of a cell. */
function orderFor(doc: Y.Doc, stage: string, lane: string, beforeId: string | undefined, movingId?: string) {
  const cell = cellCards(doc, stage, lane, movingId);
  const idx = beforeId ? cell.findIndex((c) => c.id === beforeId) : -1;
  if (idx === -1) return orderBetween(cell.at(-1)?.order, undefined);
  return orderBetween(cell[idx - 1]?.order, cell[idx].order);
}

export function addCard(doc: Y.Doc, input: AddCardInput): string {
  const id = input.id ?? randomId();
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    const text = new Y.Text();
    text.insert(0, (input.text ?? '').slice(0, MAX_CARD_TEXT_LENGTH));
    m.set('id', id);
    m.set('kind', input.kind ?? 'note');
    m.set('text', text);
    m.set('stage', input.stage);
    m.set('lane', input.lane);
    m.set('order', orderFor(doc, input.stage, input.lane, input.beforeId));
    m.set('color', input.color ?? DEFAULT_CARD_COLOR);
    m.set('author', input.author ?? '');
    m.set('createdAt', input.now ?? Date.now());
    if (input.ownerId) m.set('ownerId', input.ownerId);
    const extra = input.extra ?? {};
    if (extra.deckCardId !== undefined) m.set('deckCardId', extra.deckCardId);
    if (extra.valence !== undefined) m.set('valence', extra.valence);
    if (extra.moment !== undefined) m.set('moment', extra.moment);
    if (extra.answer !== undefined) {
      const answer = new Y.Text();
      answer.insert(0, extra.answer);
      m.set('answer', answer);
    }
    roots(doc).cards.set(id, m);
  }, LOCAL_ORIGIN);
  return id;
}

function cardMap(doc: Y.Doc, id: string): Y.Map<unknown> | undefined {
  const m = roots(doc).cards.get(id);
  return m instanceof Y.Map ? m : undefined;
}

/**
 * Moves a card to a cell, before `beforeId` or last. One write, made on drop: live drag positions
 * travel as presence, never through the document.
 */
export function moveCard(doc: Y.Doc, id: string, to: { stage: string; lane: string; beforeId?: string }): boolean {
  const m = cardMap(doc, id);
  if (!m) return false;
  if (to.beforeId === id) return false;
  doc.transact(() => {
    if (m.get('stage') !== to.stage) m.set('stage', to.stage);
    if (m.get('lane') !== to.lane) m.set('lane', to.lane);
    m.set('order', orderFor(doc, to.stage, to.lane, to.beforeId, id));
    // Placed again: where it was before no longer matters.
    if (m.has('wasIn')) m.delete('wasIn');
  }, LOCAL_ORIGIN);
  return true;
}

export function setCardColor(doc: Y.Doc, id: string, color: string): boolean {
  const m = cardMap(doc, id);
  if (!m || m.get('color') === color) return false;
  doc.transact(() => m.set('color', color), LOCAL_ORIGIN);
  return true;
}

/** Replaces a card's text (or answer) with `next`, as the smallest edit, so concurrent typing merges. */
export function setCardText(doc: Y.Doc, id: string, next: string, field: 'text' | 'answer' = 'text'): boolean {
  const m = cardMap(doc, id);
  if (!m) return false;
  doc.transact(() => {
    let t = m.get(field);
    if (!(t instanceof Y.Text)) {
      const fresh = new Y.Text();
      fresh.insert(0, typeof t === 'string' ? t : '');
      m.set(field, fresh);
      t = fresh;
    }
    applyTextChange(t as Y.Text, next.slice(0, MAX_CARD_TEXT_LENGTH));
  }, LOCAL_ORIGIN);
  return true;
}

export function deleteCard(doc: Y.Doc, id: string): boolean {
  const cards = roots(doc).cards;
  if (!cards.has(id)) return false;
  doc.transact(() => cards.delete(id), LOCAL_ORIGIN);
  return true;
}
