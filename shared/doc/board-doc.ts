import * as Y from 'yjs';
import { DEFAULT_LANES, DEFAULT_STAGES, ROOT, SCHEMA_VERSION, type Locale } from './schema';

/** Typed accessors for a board's root types. Names are fixed by the document format. */
export function roots(doc: Y.Doc) {
  return {
    meta: doc.getMap<unknown>(ROOT.meta),
    stages: doc.getArray<Y.Map<unknown>>(ROOT.stages),
    lanes: doc.getArray<Y.Map<unknown>>(ROOT.lanes),
    cards: doc.getMap<Y.Map<unknown>>(ROOT.cards),
  };
}

export function axisItemMap(id: string, title: string): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  m.set('id', id);
  m.set('title', title);
  return m;
}

export interface NewBoardInput {
  title: string;
  locale: Locale;
  createdAt: number;
}

/**
 * Writes a new board's initial content: meta, the six stages and five lanes titled in the board's
 * language. Done once, by the server, when the board is created, so every client starts from the
 * same items instead of racing to initialise.
 */
export function initBoardDoc(doc: Y.Doc, input: NewBoardInput): void {
  const r = roots(doc);
  doc.transact(() => {
    r.meta.set('schemaVersion', SCHEMA_VERSION);
    r.meta.set('title', input.title);
    r.meta.set('locale', input.locale);
    r.meta.set('createdAt', input.createdAt);
    r.stages.push(DEFAULT_STAGES.map((s) => axisItemMap(s.id, s.title[input.locale])));
    r.lanes.push(DEFAULT_LANES.map((l) => axisItemMap(l.id, l.title[input.locale])));
  });
}
