/**
 * Section 6: the structure-aware fuzzer, longer than in `npm test` (server/hardening/struct-fuzz.test.ts):
 * several seeds, more frames each, against our server as in production (a separate process). Reports
 * frames per second (the fuzzer waits for the server's answer after every batch of 50, so this is the
 * rate at which the server judges hostile structured frames while its promises are checked), every
 * promise broken (there should be none), and the server's RSS growth.
 */
import { rng } from '../server/hardening/support/random';
import { runStructFuzz } from '../server/hardening/support/struct-fuzz';
import { rssBytes } from './support/proc-stats';
import type { Row, SectionResult } from './support/report';
import { startOurs } from './support/spawn-server';

export interface FuzzOptions {
  seeds: number[];
  framesPerSeed: number;
}

export const FUZZ_DEFAULTS: FuzzOptions = { seeds: [1, 2, 3], framesPerSeed: 4_000 };

export async function runFuzz(opts: FuzzOptions, log: (s: string) => void): Promise<SectionResult> {
  const server = await startOurs();
  const broken: string[] = [];
  let frames = 0;
  let seconds = 0;
  let connections = 0;
  const rss0 = rssBytes(server.pid);
  let rssMax = rss0;
  try {
    for (const seed of opts.seeds) {
      const r = await runStructFuzz({ url: server.httpUrl, rng: rng(seed), frames: opts.framesPerSeed, batch: 50, log });
      frames += r.frames;
      seconds += r.seconds;
      connections += r.connections;
      broken.push(...r.broken);
      rssMax = Math.max(rssMax, rssBytes(server.pid));
      log(`  seed ${seed}: ${r.frames} frames in ${r.seconds.toFixed(1)} s (${(r.frames / r.seconds).toFixed(0)}/s), ${r.connections} sockets, ${r.broken.length} promises broken`);
    }
  } finally {
    await server.stop();
  }
  const rate = frames / seconds;
  const growth = (rssMax - rss0) / 2 ** 20;
  const rows: Row[] = [
    { metric: `structure-aware fuzz: hostile frames judged per second (${opts.seeds.length} seeds × ${opts.framesPerSeed})`, unit: '/s', ours: rate, better: 'higher', runs: opts.seeds.length, decimals: 0 },
    { metric: 'structure-aware fuzz: promises broken', unit: '', ours: broken.length, better: 'lower', target: '0', met: broken.length === 0, runs: opts.seeds.length, decimals: 0 },
    { metric: 'structure-aware fuzz: server RSS growth', unit: 'MiB', ours: growth, better: 'lower', target: '< 100 MiB', met: growth < 100, runs: 1 },
  ];
  const notes = [
    'The structure-aware fuzzer of `server/hardening/struct-fuzz.test.ts` (`server/hardening/support/struct-fuzz.ts`), longer: ' +
      `${opts.seeds.length} seeds (${opts.seeds.join(', ')}) × ${opts.framesPerSeed} frames against our server as in production. Hand-made participant and viewer ` +
      'sockets send y-websocket frames with real Yjs structure built against what the server holds: structs overlapping clocks it has, items under the ' +
      'facilitator’s and another participant’s client ids (also while the facilitator is offline with unsent work), lying parents and origins, writes to a ' +
      'locked skeleton, a locked board, the title and the locks, other people’s cards, junk card keys, votes over the budget and on a revealed vote, deletions ' +
      'of other people’s items, presence floods and presence under other people’s ids, and byte flips of these. After every 50 frames the facilitator’s stock ' +
      'client must see the skeleton, title, locks, vote, other people’s dots and cards unchanged and its own writes (online and offline) arrive, and a stock ' +
      'viewer of the locked board must see nothing change.',
    '- *hostile frames judged per second*: frames sent ÷ time, including the checks after every batch (each waits for the server to answer every attacker ' +
      'and for marker writes to reach the honest clients); a floor for the server’s rate, not its ceiling.\n' +
      '- *promises broken*: checks that failed, over all seeds (each is printed with its seed and batch; replay one with `STRUCT_FUZZ_SEED=<seed>` on the test).\n' +
      '- *server RSS growth*: the server’s resident memory after the worst seed minus before the first.',
    broken.length ? `Broken:\n${broken.map((b) => `- ${b}`).join('\n')}` : `No promise broken over ${frames} frames and ${connections} attacker sockets.`,
  ];
  return { id: 'fuzz', title: '6. Structure-aware fuzzing', rows, notes };
}
