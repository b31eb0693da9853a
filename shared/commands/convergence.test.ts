import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { initBoardDoc, roots } from '../doc/board-doc';
import { readAxis, readCards } from '../doc/read';
import { compareByOrder } from '../order';
import { seededRandom } from '../test-support/seeded-random';
import { addCard, deleteCard, moveCard, setCardColor, setCardText } from './cards';
import { moveAxisItem, renameAxisItem } from './skeleton';

/**
 * Several replicas make random edits and exchange their updates in a random order, with delays and
 * duplicates; at the end every replica must show the same board. Replay a failure with its seed.
 */
function simulate(seed: number, replicas = 4, steps = 300) {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const origin = new Y.Doc();
  initBoardDoc(origin, { title: 'T', locale: 'en', createdAt: 1 });
  const docs = Array.from({ length: replicas }, () => {
    const d = new Y.Doc();
    Y.applyUpdate(d, Y.encodeStateAsUpdate(origin));
    return d;
  });
  // Messages in flight: [to, update]
  const inbox: Array<[number, Uint8Array]> = [];
  docs.forEach((d, i) =>
    d.on('update', (u: Uint8Array, o: unknown) => {
      if (o === 'remote') return;
      docs.forEach((_, j) => j !== i && inbox.push([j, u]));
    }),
  );
  const stages = ['awareness', 'consideration', 'purchase', 'use', 'retention', 'advocacy'];
  const lanes = ['activities', 'goals', 'emotions', 'channels', 'ideas'];
  for (let s = 0; s < steps; s++) {
    const d = pick(docs);
    const cards = readCards(d);
    const r = rnd();
    if (r < 0.3 || cards.length === 0) addCard(d, { stage: pick(stages), lane: pick(lanes), text: `c${s}` });
    else if (r < 0.55) {
      const target = pick(cards);
      moveCard(d, target.id, { stage: pick(stages), lane: pick(lanes), beforeId: rnd() < 0.5 ? pick(cards).id : undefined });
    } else if (r < 0.7) setCardText(d, pick(cards).id, `t${s}${pick(cards).text.slice(0, 5)}`);
    else if (r < 0.78) setCardColor(d, pick(cards).id, pick(['#fff3a3', '#c9e4ff']));
    else if (r < 0.86) deleteCard(d, pick(cards).id);
    else if (r < 0.93) moveAxisItem(d, 'stages', pick(stages), Math.floor(rnd() * 6));
    else renameAxisItem(d, 'lanes', pick(lanes), `L${s}`);
    // Deliver some messages out of order; occasionally deliver one twice.
    const deliveries = Math.floor(rnd() * 3);
    for (let k = 0; k < deliveries && inbox.length; k++) {
      const idx = Math.floor(rnd() * inbox.length);
      const [to, u] = inbox[idx];
      if (rnd() > 0.1) inbox.splice(idx, 1);
      Y.applyUpdate(docs[to], u, 'remote');
    }
  }
  while (inbox.length) {
    const [to, u] = inbox.splice(Math.floor(rnd() * inbox.length), 1)[0];
    Y.applyUpdate(docs[to], u, 'remote');
  }
  return docs;
}

const view = (d: Y.Doc) => ({
  stages: readAxis(roots(d).stages),
  lanes: readAxis(roots(d).lanes),
  cards: readCards(d).sort(compareByOrder),
});

describe('replicas exchanging updates in random order converge', () => {
  for (const seed of [1, 7, 42, 1234, 98765]) {
    it(`seed ${seed}`, () => {
      const docs = simulate(seed);
      const first = view(docs[0]);
      for (const d of docs.slice(1)) expect(view(d), `seed ${seed}`).toEqual(first);
      expect(first.stages).toHaveLength(6);
      expect(new Set(first.cards.map((c) => c.id)).size).toBe(first.cards.length);
    });
  }
});
