/** Boards as plain data for the insight tests: the default stages and lanes, and terse card makers. */
import { DEFAULT_LANES, DEFAULT_STAGES, type AxisItem, type CardData, type Locale } from '../doc/schema';

export const stagesIn = (locale: Locale): AxisItem[] => DEFAULT_STAGES.map((s) => ({ id: s.id, title: s.title[locale] }));
export const lanesIn = (locale: Locale): AxisItem[] => DEFAULT_LANES.map((l) => ({ id: l.id, title: l.title[locale] }));

let n = 0;
export function card(stage: string, lane: string, fields: Partial<CardData> = {}): CardData {
  n += 1;
  const id = fields.id ?? `c${String(n).padStart(3, '0')}`;
  return { id, kind: 'note', text: '', stage, lane, order: `a${n}`, color: '#fff3a3', author: 'Test', createdAt: 0, ...fields };
}
export const emotion = (stage: string, valence: number, text = `feels ${valence}`, id?: string) =>
  card(stage, 'emotions', { kind: 'emotion', valence, text, ...(id && { id }) });
export const moment = (m: 'trigger' | 'truth' | 'medal', stage: string, id?: string) => card(stage, 'activities', { kind: 'moment', moment: m, text: m, ...(id && { id }) });
export const idea = (stage: string, text = 'An idea', id?: string) => card(stage, 'ideas', { text, ...(id && { id }) });
export const channel = (stage: string, deckCard: string, text: string, id?: string) =>
  card(stage, 'channels', { kind: 'channel', deckCardId: `channels/${deckCard}`, text, ...(id && { id }) });
export const note = (stage: string, lane: string, text: string, id?: string) => card(stage, lane, { text, ...(id && { id }) });
