/**
 * The look of each card kind: a light pastel background (readable with dark text, also on a projector)
 * and a lucide icon name. Built-in decks use these; a custom card without `color`/`icon` falls back here.
 */
import type { DeckCardKind } from './deck-schema';

export interface KindStyle {
  color: string;
  icon: string;
}

export const KIND_STYLE: Readonly<Record<DeckCardKind, KindStyle>> = {
  moment: { color: '#e3d4ff', icon: 'flag' },
  emotion: { color: '#ffd1dc', icon: 'smile' },
  activity: { color: '#c9e4ff', icon: 'footprints' },
  goal: { color: '#c8f2d0', icon: 'target' },
  channel: { color: '#ffd9a8', icon: 'radio-tower' },
  question: { color: '#d4f0ee', icon: 'circle-help' },
  note: { color: '#fff3a3', icon: 'sticky-note' },
  stage: { color: '#e8e8e8', icon: 'columns-3' },
};
