import type * as Y from 'yjs';
import { addCard } from '../../shared/commands/cards';
import type { StockClient } from './stock-client';

/**
 * "Another board stays fast": `a` adds a small card every `everyMs` until `until` settles, and `b`
 * (on the same board) records how long each took to arrive. Late arrivals still count with their real
 * delay; what has not arrived 5 s after the end is lost.
 */
export async function measureWritesWhile(a: StockClient, b: StockClient, everyMs: number, until: Promise<unknown>): Promise<{ delays: number[]; lost: number }> {
  const sent = new Map<string, number>();
  const delays: number[] = [];
  const cards = b.doc.getMap<Y.Map<unknown>>('cards');
  const seen = (e: Y.YMapEvent<Y.Map<unknown>>) => {
    const now = performance.now();
    for (const key of e.keysChanged) {
      const at = sent.get(key);
      if (at === undefined || !cards.has(key)) continue;
      delays.push(now - at);
      sent.delete(key);
    }
  };
  cards.observe(seen);
  let done = false;
  void until.finally(() => (done = true));
  let i = 0;
  while (!done) {
    const id = `probe-${Date.now()}-${i++}`;
    sent.set(id, performance.now());
    addCard(a.doc, { id, stage: 'use', lane: 'ideas', text: `probe ${i}` });
    await new Promise((r) => setTimeout(r, everyMs));
  }
  const deadline = performance.now() + 5_000;
  while (sent.size > 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  cards.unobserve(seen);
  return { delays, lost: sent.size };
}

/** The same for a fixed time of `ms`. */
export function measureWrites(a: StockClient, b: StockClient, ms: number, everyMs: number): Promise<{ delays: number[]; lost: number }> {
  return measureWritesWhile(a, b, everyMs, new Promise((r) => setTimeout(r, ms)));
}
