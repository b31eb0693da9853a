/**
 * Section 3's stage: our server serving the production build, a board seeded with `cards` cards by a
 * stock Node client, and `people` stock clients in a worker process moving their cursors at 20 Hz over
 * the part of the map in view. `stop()` ends all of it.
 */
import { addCard } from '../../shared/commands/cards';
import { DEFAULT_LANES, DEFAULT_STAGES } from '../../shared/doc/schema';
import { roots } from '../../shared/doc/board-doc';
import { readAxis, readCards } from '../../shared/doc/read';
import { computeLayout } from '../../shared/layout';
import { startOurs, type BenchServer } from '../support/spawn-server';
import { connectStock, type StockClient } from '../support/stock-client';
import { seededRandom } from '../support/stats';
import { startWorker, type ClientWorker } from '../support/workers';
import type { FramesOptions } from './options';

export interface ClientStage {
  /** The board's link, token included. */
  url: string;
  /** Stays connected: it sees the document updates the browser writes. */
  observer: StockClient;
  cardIds: Set<string>;
  /** Lane rows' heights of the full board's layout, computed here from the same document. */
  laneHeights: number[];
  stop(): Promise<void>;
}

export async function startClientStage(staticDir: string, opts: FramesOptions): Promise<ClientStage> {
  let server: BenchServer | null = null;
  let worker: ClientWorker | null = null;
  let seeder: StockClient | null = null;
  const stop = async () => {
    if (worker) {
      await worker.call({ type: 'close' }, 10_000).catch(() => undefined);
      await worker.stop();
    }
    seeder?.destroy();
    if (server) await server.stop();
  };
  try {
    server = await startOurs({ env: { STATIC_DIR: staticDir } });
    const board = await server.createBoard('Bench: 1,000 cards');
    seeder = await connectStock(server.wsBase, board.room, board.token);
    const rnd = seededRandom(opts.seed);
    const ids = new Set<string>();
    const doc = seeder.doc;
    // In chunks of 100 cards: each chunk is one update, well inside the message limits.
    for (let i = 0; i < opts.cards; i += 100) {
      doc.transact(() => {
        for (let k = i; k < Math.min(opts.cards, i + 100); k++) {
          const stage = DEFAULT_STAGES[Math.floor(rnd() * DEFAULT_STAGES.length)].id;
          const lane = DEFAULT_LANES[Math.floor(rnd() * DEFAULT_LANES.length)].id;
          ids.add(addCard(doc, { stage, lane, text: `Card ${k}: customers compare offers and ask friends`, author: `Person ${k % 20}` }));
        }
      });
    }
    const check = await connectStock(server.wsBase, board.room, board.token, 30_000);
    const ok = roots(check.doc).cards.size === opts.cards;
    check.destroy();
    if (!ok) throw new Error('the seeded cards did not all reach the server');

    worker = await startWorker();
    await worker.call(
      { type: 'connect', kind: 'ours', wsBase: server.wsBase, boards: [{ room: board.room, token: board.token }], perBoard: opts.people, seed: opts.seed, seedCards: false },
      60_000,
      'connected',
    );
    await worker.call({ type: 'load-start', hz: 20, editEveryMs: 0, seed: opts.seed + 1, area: { x: 0, y: 0, w: 1400, h: 900 } }, 30_000);

    const layout = computeLayout(readAxis(roots(doc).stages), readAxis(roots(doc).lanes), readCards(doc));
    return {
      url: `${server.httpUrl}/b/${board.room}#token=${board.token}`,
      observer: seeder,
      cardIds: ids,
      laneHeights: layout.rows.map((r) => Math.round(r.h)),
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
