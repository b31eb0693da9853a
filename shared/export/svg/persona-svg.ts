/**
 * Personas in the vector export: the active persona as a band under the sheet's header (colour, name,
 * segment, quote), and on each tagged card a small tab with its persona's name, as the live map shows.
 */
import type { PersonaData } from '../../personas/persona-schema';
import type { Rect } from '../../layout';
import { textWidth, type TextStyle } from '../../text/measure';
import { shownLines, textBlock } from './svg-text';
import { el } from './xml';

const NAME: TextStyle = { size: 17, weight: 700, lineHeight: 24 };
const DETAIL: TextStyle = { size: 14, weight: 400, lineHeight: 20 };
const TAB: TextStyle = { size: 11, weight: 700, lineHeight: 14 };

/** "Customer type" and such, in the board's language. */
export interface PersonaWords {
  label: string;
}

/** The active persona's band, `w` wide at (x, y); its height. */
export function personaBand(p: PersonaData, words: PersonaWords, x: number, y: number, w: number): { svg: string; h: number } {
  const inner = w - 40;
  const head = `${words.label}: ${p.name}${p.segment ? ` · ${p.segment}` : ''}`;
  const nameLines = shownLines(head, NAME, inner).slice(0, 2);
  const details = [p.description, p.quote && `“${p.quote}”`].filter(Boolean).join('  ');
  const detailLines = details ? shownLines(details, DETAIL, inner).slice(0, 2) : [];
  const h = 16 + nameLines.length * NAME.lineHeight + detailLines.length * DETAIL.lineHeight + 12;
  let svg = el('rect', { x: x + 0.5, y: y + 0.5, width: w - 1, height: h - 1, rx: 10, fill: '#fff', stroke: p.color, 'stroke-width': 2 });
  svg += el('rect', { x: x + 1, y: y + 1, width: 10, height: h - 2, rx: 4, fill: p.color });
  svg += textBlock({ lines: nameLines, x: x + 24, top: y + 12, style: NAME, fill: p.color });
  if (detailLines.length) svg += textBlock({ lines: detailLines, x: x + 24, top: y + 12 + nameLines.length * NAME.lineHeight, style: DETAIL, fill: '#555b6e' });
  return { svg: el('g', { 'data-persona': p.id }, svg), h };
}

/** A tagged card's tab: its persona's name in a pill on the card's top right corner (marked with the card's id, as on the map). */
export function personaTab(p: PersonaData, rect: Rect, cardId: string): string {
  const name = p.name.length > 18 ? `${p.name.slice(0, 17)}…` : p.name;
  const w = Math.min(150, textWidth(name, TAB) + 14);
  const x = rect.x + rect.w - w;
  const y = rect.y - 8;
  return el(
    'g',
    { 'data-persona-for': cardId, 'data-persona': p.id },
    el('rect', { x, y, width: w, height: 16, rx: 8, fill: p.color }) + textBlock({ lines: shownLines(name, TAB, Infinity), x: x + 7, top: y + 1, style: TAB, fill: '#fff' }),
  );
}
