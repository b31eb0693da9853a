import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, renameAxisItem, setCardText } from '../../shared/commands';
import { initBoardDoc } from '../../shared/doc/board-doc';
import { MAX_CARD_TEXT_LENGTH } from '../../shared/doc/schema';
import { any, buildUpdate, text as str } from '../hardening/support/structs';
import { checkContentLimits } from './content-limits';

/** A server doc and a client synced with it; `write` returns the client's update for a change. */
function pair() {
  const server = new Y.Doc();
  initBoardDoc(server, { title: 'T', locale: 'en', createdAt: 1 });
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const write = (change: (doc: Y.Doc) => void): Uint8Array => {
    const before = Y.encodeStateVector(client);
    change(client);
    return Y.encodeStateAsUpdate(client, before);
  };
  const accept = (u: Uint8Array) => Y.applyUpdate(server, u);
  return { server, client, write, accept };
}

describe('checkContentLimits: what import checks, checked on writes', () => {
  it('accepts ordinary writes: a card, an edit, a rename', () => {
    const { server, write, accept } = pair();
    let id = '';
    const add = write((d) => (id = addCard(d, { stage: 'use', lane: 'ideas', text: 'Hello', author: 'Ann' })));
    expect(checkContentLimits(server, add)).toBeNull();
    accept(add);
    expect(checkContentLimits(server, write((d) => setCardText(d, id, 'Hello, world')))).toBeNull();
    expect(checkContentLimits(server, write((d) => renameAxisItem(d, 'stages', 'use', 'First use')))).toBeNull();
  });

  it('a card text over 4,000 characters is refused, whether written at once or grown by edits', () => {
    const { server, write, accept } = pair();
    let id = '';
    const add = write((d) => (id = addCard(d, { stage: 'use', lane: 'ideas', text: 'x'.repeat(MAX_CARD_TEXT_LENGTH - 10) })));
    expect(checkContentLimits(server, add)).toBeNull();
    accept(add);
    const text = (d: Y.Doc) => d.getMap<Y.Map<unknown>>('cards').get(id)!.get('text') as Y.Text;
    expect(checkContentLimits(server, write((d) => text(d).insert(0, 'y'.repeat(11))))).toBe('content-limit');
    // Replacing the whole text with one of the same length deletes as much as it inserts: accepted.
    const replace = write((d) => {
      text(d).delete(0, text(d).length);
      text(d).insert(0, 'z'.repeat(MAX_CARD_TEXT_LENGTH));
    });
    expect(checkContentLimits(server, replace)).toBeNull();
    // Inserted and deleted again before sending (offline typing): only what stays counts.
    const fresh = pair();
    const offline = fresh.write((d) => {
      addCard(d, { id: 'c', stage: 'use', lane: 'ideas', text: 'a'.repeat(3000) });
      const t = d.getMap<Y.Map<unknown>>('cards').get('c')!.get('text') as Y.Text;
      t.delete(0, 2000);
      t.insert(0, 'b'.repeat(2500));
    });
    expect(checkContentLimits(fresh.server, offline)).toBeNull();
  });

  it('a plain string text, a long author, an out-of-range valence, a long card id, control characters are refused', () => {
    const { server, write } = pair();
    let n = 0;
    const card = (fields: Record<string, unknown>, id = `c${n++}`) =>
      write((d) => {
        const m = new Y.Map<unknown>();
        for (const [k, v] of Object.entries(fields)) m.set(k, v);
        d.getMap('cards').set(id, m);
      });
    expect(checkContentLimits(server, card({ stage: 'use', lane: 'ideas', text: 'ok' }))).toBeNull();
    expect(checkContentLimits(server, card({ text: 'x'.repeat(4001) }))).toBe('content-limit');
    expect(checkContentLimits(server, card({ author: 'a'.repeat(121) }))).toBe('content-limit');
    expect(checkContentLimits(server, card({ valence: 3 }))).toBe('content-limit');
    expect(checkContentLimits(server, card({ order: '' }))).toBe('content-limit');
    expect(checkContentLimits(server, card({ createdAt: Infinity }))).toBe('content-limit');
    expect(checkContentLimits(server, card({ text: 'bell\u0007' }))).toBe('content-limit');
    expect(checkContentLimits(server, card({ text: 'ok' }, 'k'.repeat(65)))).toBe('content-limit');
  });

  it('titles over 120 characters and a 51st stage are refused', () => {
    const { server, write } = pair();
    expect(checkContentLimits(server, write((d) => d.getMap('meta').set('title', 't'.repeat(121))))).toBe('content-limit');
    const stage = (d: Y.Doc) => d.getArray<Y.Map<unknown>>('stages').get(0);
    expect(checkContentLimits(server, write((d) => stage(d).set('title', 't'.repeat(121))))).toBe('content-limit');
    // A fresh client: the refused writes above left a gap in this one's clocks.
    const { server: s2, write: w2, accept } = pair();
    const addStages = (n: number) =>
      w2((d) => {
        const arr = d.getArray<Y.Map<unknown>>('stages');
        for (let i = 0; i < n; i++) {
          const m = new Y.Map<unknown>();
          m.set('id', `s${arr.length}`);
          m.set('title', 'S');
          arr.push([m]);
        }
      });
    const upTo50 = addStages(44);
    expect(checkContentLimits(s2, upTo50)).toBeNull();
    accept(upTo50);
    expect(checkContentLimits(s2, addStages(1))).toBe('content-limit');
  });

  it('a struct the server already has, resent with other content, does not hide where a new item goes', () => {
    const { server, write, accept } = pair();
    let id = '';
    accept(write((d) => (id = addCard(d, { stage: 'use', lane: 'ideas', text: 'x'.repeat(MAX_CARD_TEXT_LENGTH - 10) }))));
    const text = (server.getMap<Y.Map<unknown>>('cards').get(id)!.get('text') as Y.Text)._item!;
    // The update resends the text's own struct as a plain value under `meta` (Yjs skips it: the server
    // has that clock) and inserts 100 characters by the text's id: Yjs puts them in the card text.
    const update = buildUpdate([
      { client: text.id.client, clock: text.id.clock, parent: 'meta', parentSub: 'x', content: any('resent') },
      { client: 987654, clock: 0, parent: text.id, parentSub: null, content: str('y'.repeat(100)) },
    ]);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(server));
    Y.applyUpdate(copy, update);
    expect((copy.getMap<Y.Map<unknown>>('cards').get(id)!.get('text') as Y.Text).length).toBe(MAX_CARD_TEXT_LENGTH + 90);
    expect(checkContentLimits(server, update)).toBe('content-limit');
  });
});
