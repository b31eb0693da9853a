import * as Y from 'yjs';
import { DEFAULT_CARD_COLOR, DEFAULT_LOCKS, MAX_EFFECT_PCT, MAX_TITLE_LENGTH, MIN_EFFECT_PCT, ROOT, type AxisItem, type BoardMeta, type CardData, type FacilitationLocks, type Locale } from './schema';
import { roots } from './board-doc';

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

function str(v: unknown, fallback = ''): string {
  return typeof v === 'string' ? v : fallback;
}
function textOf(v: unknown): string {
  if (v instanceof Y.Text) return v.toString();
  return typeof v === 'string' ? v : '';
}

export function readMeta(doc: Y.Doc): BoardMeta {
  const m = roots(doc).meta;
  const locale = m.get('locale');
  return {
    schemaVersion: typeof m.get('schemaVersion') === 'number' ? (m.get('schemaVersion') as number) : 1,
    title: str(m.get('title')),
    locale: (locale === 'en' ? 'en' : 'it') satisfies Locale,
    createdAt: typeof m.get('createdAt') === 'number' ? (m.get('createdAt') as number) : 0,
  };
}

/**
 * Reads a stage or lane array. Items are deduplicated by id (first wins): two people moving the same
 * stage at once both delete-and-insert it, which can leave two copies; readers see one.
 */
export function readAxis(arr: Y.Array<Y.Map<unknown>>): AxisItem[] {
  const seen = new Set<string>();
  const out: AxisItem[] = [];
  for (const m of arr.toArray()) {
    if (!(m instanceof Y.Map)) continue;
    const id = str(m.get('id'));
    if (!id || seen.has(id)) continue;
    seen.add(id);
    out.push({ id, title: str(m.get('title')) });
  }
  return out;
}

/** Projects one card's Y.Map into plain data, tolerating fields written by other programs. */
export function readCard(id: string, m: Y.Map<unknown>): CardData {
  const color = str(m.get('color'));
  const valence = m.get('valence');
  const card: CardData = {
    id,
    kind: str(m.get('kind'), 'note') || 'note',
    text: textOf(m.get('text')),
    stage: str(m.get('stage')),
    lane: str(m.get('lane')),
    order: str(m.get('order'), 'a0'),
    color: HEX_COLOR.test(color) ? color : DEFAULT_CARD_COLOR,
    author: str(m.get('author')),
    createdAt: typeof m.get('createdAt') === 'number' ? (m.get('createdAt') as number) : 0,
  };
  const ownerId = m.get('ownerId');
  if (typeof ownerId === 'string') card.ownerId = ownerId;
  const deckCardId = m.get('deckCardId');
  if (typeof deckCardId === 'string') card.deckCardId = deckCardId;
  if (typeof valence === 'number' && Number.isFinite(valence)) card.valence = valence;
  const moment = m.get('moment');
  if (typeof moment === 'string') card.moment = moment;
  if (m.has('answer')) card.answer = textOf(m.get('answer'));
  const wasIn = m.get('wasIn') as { stage?: unknown; lane?: unknown } | undefined;
  if (wasIn && typeof wasIn === 'object' && typeof wasIn.stage === 'string' && typeof wasIn.lane === 'string') {
    card.wasIn = { stage: wasIn.stage.slice(0, MAX_TITLE_LENGTH), lane: wasIn.lane.slice(0, MAX_TITLE_LENGTH) };
  }
  const effect = m.get('effect');
  if (typeof effect === 'number' && effect >= MIN_EFFECT_PCT && effect <= MAX_EFFECT_PCT) card.effect = effect;
  const persona = m.get('persona');
  if (typeof persona === 'string' && persona.length >= 1 && persona.length <= 64) card.persona = persona;
  return card;
}

export function readCards(doc: Y.Doc): CardData[] {
  const out: CardData[] = [];
  roots(doc).cards.forEach((m, id) => {
    if (m instanceof Y.Map) out.push(readCard(id, m));
  });
  return out;
}

/** The locks in force; anything missing or malformed reads as its default. */
export function readLocks(doc: Y.Doc): FacilitationLocks {
  const m = doc.getMap<unknown>(ROOT.facilitation);
  const flag = (k: keyof FacilitationLocks) => (typeof m.get(k) === 'boolean' ? (m.get(k) as boolean) : DEFAULT_LOCKS[k]);
  return { skeletonLocked: flag('skeletonLocked'), boardLocked: flag('boardLocked'), cardsOnly: flag('cardsOnly') };
}
