/**
 * Section 3: the client in Chromium (Debian's /usr/bin/chromium through playwright-core, headless,
 * software rendering). Our server serves the production build; a board is seeded with 1,000 cards by a
 * stock Node client; 20 more stock clients (a worker process) are people moving their cursors at 20 Hz
 * over the part of the map in view.
 *
 * Per run, in a fresh browser context (no cache, no IndexedDB: a first visit), 1280×800:
 * - open the link and time (from navigation start, page clock) the first note painted, the layout of
 *   all 1,000 notes (the store holds them all) and the initial view complete: the notes of the initial
 *   viewport, counted as `[data-card-id]` elements, stable for 300 ms. The canvas renders only notes
 *   near the viewport (culling), so that count is not 1,000;
 * - press "1" (fit the journey) and time the fitted map's render;
 * - frame times (requestAnimationFrame intervals) while panning by mouse drag on empty space and by
 *   wheel, zooming with ctrl+wheel, and dragging a note to another cell. A stock client meanwhile
 *   counts document updates: a drag must write nothing until the drop, and one move then.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { roots } from '../shared/doc/board-doc';
import type { ClientBuild } from './bundle-size';
import type { SectionResult } from './support/report';
import type { StockClient } from './support/stock-client';
import { summarize } from './support/stats';
import { framesReport, perSecond, type RunResult } from './client/frames-report';
import { emptyPoint, glide, wheelFor } from './client/gestures';
import { CHROMIUM_ARGS, CHROMIUM_PATH, FRAMES_DEFAULTS, type FramesOptions } from './client/options';
import { frames, openCold, rec, waitCount, waitStable, type Phase } from './client/recorders';
import { startClientStage, type ClientStage } from './client/setup';

export { CHROMIUM_ARGS, CHROMIUM_PATH, FRAMES_DEFAULTS, type FramesOptions };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function oneRun(browser: Browser, url: string, opts: FramesOptions, observer: StockClient, cardIds: Set<string>, laneHeights: number[]): Promise<RunResult> {
  // 1. Cold open: first note, the whole board in the store, the initial view; then fit the journey.
  const b = await openCold(browser, url, opts, laneHeights);
  try {
    const page = b.page;
    const first = await waitCount(page, 1, 30_000);
    if (!first) throw new Error('no note appeared within 30 s');
    const firstCardMs = first.painted;
    const stable = await waitStable(page, 300, 15_000);
    const initialViewMs = stable?.painted ?? NaN;
    const initialCount = stable?.n ?? 0;
    const layoutCompleteMs = (await rec(page)).layoutComplete ?? NaN;
    // A wide screen opens on the whole journey already; from 100 % "1" has something to fit.
    // The fitted map holds more notes than the view at 100 %: wait for more than that view's count (the
    // first view may itself be fitted, so its count says nothing).
    await page.keyboard.press('0');
    const atFull = await waitStable(page, 300, 15_000);
    const pressedAt = await page.evaluate(() => performance.now());
    await page.keyboard.press('1');
    const fitted = await waitStable(page, 300, 20_000, (atFull?.n ?? 0) + 1);
    const allCardsMs = fitted ? fitted.painted - pressedAt : NaN;
    const allCount = fitted?.n ?? 0;

    // 2. Frames. Back to 100 % for panning and dragging (culling active), then zoom out and in.
    await page.keyboard.press('0');
    await sleep(300);
    const box = (await page.locator('.canvas').first().boundingBox()) ?? { x: 0, y: 0, width: opts.viewport.width, height: opts.viewport.height };
    const empty = (await emptyPoint(page)) ?? { x: box.x + box.width * 0.6, y: box.y + box.height * 0.8 };
    // Nothing but the remote cursors moving: the floor for the gestures below.
    const idle = await frames(page, async () => {
      await sleep(opts.phaseMs);
    });
    const pan = await frames(page, async () => {
      await page.mouse.move(empty.x, empty.y);
      await page.mouse.down();
      const left = { x: empty.x - box.width * 0.4, y: empty.y - box.height * 0.3 };
      await glide(page, empty, left, opts.phaseMs / 2);
      await glide(page, left, empty, opts.phaseMs / 2);
      await page.mouse.up();
    });
    const center = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.move(center.x, center.y);
    const wheel = await frames(page, () => wheelFor(page, opts.phaseMs, 6, 18, 40));
    const zoom = await frames(page, async () => {
      await page.keyboard.down('Control');
      try {
        await wheelFor(page, opts.phaseMs, 0, 40, 60);
      } finally {
        await page.keyboard.up('Control');
      }
    });
    await page.keyboard.press('0');
    await sleep(300);

    // Drag a note in view to a point about two cells away; the observer counts document updates.
    const target = await page.evaluate(() => {
      const canvas = document.querySelector('.canvas')!.getBoundingClientRect();
      for (const el of document.querySelectorAll('[data-card-id]')) {
        const r = el.getBoundingClientRect();
        if (r.left > canvas.left + 40 && r.top > canvas.top + 40 && r.right < canvas.left + canvas.width * 0.5 && r.bottom < canvas.top + canvas.height * 0.6) {
          return { id: el.getAttribute('data-card-id')!, x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }
      }
      return null;
    });
    let drag: Phase = { intervals: [], loaf: [], busyCores: NaN, main: { script: NaN, style: NaN, layout: NaN, task: NaN }, ms: NaN };
    let dragUpdatesDuring = NaN;
    let dragUpdatesAfter = NaN;
    let dragMoved = false;
    if (target && cardIds.has(target.id)) {
      const before = placeOf(observer, target.id);
      let updates = 0;
      const count = (_u: Uint8Array, origin: unknown) => {
        if (origin === observer.provider) updates++;
      };
      observer.doc.on('update', count);
      try {
        drag = await frames(page, async () => {
          await page.mouse.move(target.x, target.y);
          await page.mouse.down();
          await glide(page, target, { x: target.x + 12, y: target.y + 8 }, 100);
          const to = { x: Math.min(box.x + box.width - 60, target.x + box.width * 0.45), y: Math.min(box.y + box.height - 60, target.y + box.height * 0.3) };
          await glide(page, { x: target.x + 12, y: target.y + 8 }, to, opts.phaseMs);
          dragUpdatesDuring = updates;
          await page.mouse.up();
        });
        const deadline = performance.now() + 3_000;
        while (performance.now() < deadline && placeOf(observer, target.id) === before) await sleep(20);
        await sleep(200);
        dragUpdatesAfter = updates - dragUpdatesDuring;
        dragMoved = placeOf(observer, target.id) !== before;
      } finally {
        observer.doc.off('update', count);
      }
    }
    return { firstCardMs, layoutCompleteMs, initialViewMs, initialCount, allCardsMs, allCount, idle, pan, wheel, zoom, drag, dragUpdatesDuring, dragUpdatesAfter, dragMoved };
  } finally {
    await b.context.close();
  }
}

function placeOf(c: StockClient, id: string): string {
  const m = roots(c.doc).cards.get(id);
  return m ? `${m.get('stage')}|${m.get('lane')}|${m.get('order')}` : '';
}

export async function runClientFrames(build: ClientBuild, opts: FramesOptions = FRAMES_DEFAULTS, log: (s: string) => void = console.log): Promise<SectionResult> {
  const title = '3. The client in Chromium';
  if (!build.ok) {
    return { id: 'client', title, rows: [{ metric: 'client', unit: '', ours: NaN, text: 'the client does not build yet' }], notes: [] };
  }
  if (!existsSync(CHROMIUM_PATH)) {
    return { id: 'client', title, rows: [{ metric: 'client', unit: '', ours: NaN, text: `no Chromium at ${CHROMIUM_PATH}` }], notes: ['Set CHROMIUM_PATH to a Chromium binary.'] };
  }
  let stage: ClientStage | null = null;
  let browser: Browser | null = null;
  const runs: RunResult[] = [];
  try {
    stage = await startClientStage(build.dir, opts);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    for (let r = 0; r < opts.runs; r++) {
      const res = await oneRun(browser, stage.url, opts, stage.observer, stage.cardIds, stage.laneHeights);
      runs.push(res);
      const s = (ph: Phase) => {
        const q = summarize(ph.intervals);
        const m = perSecond(ph);
        return (
          `p50 ${q.p50.toFixed(1)} p95 ${q.p95.toFixed(1)} (${ph.loaf.length} long, ${ph.busyCores.toFixed(1)} cores busy; per second: ` +
          `script ${m.script.toFixed(0)} style ${m.style.toFixed(0)} layout ${m.layout.toFixed(0)} ms, tasks ${m.task.toFixed(0)} ms; ${(ph.ms / 1000).toFixed(1)} s)`
        );
      };
      log(
        `  client run ${r + 1}: first note ${res.firstCardMs.toFixed(0)} ms, layout of all notes ${res.layoutCompleteMs.toFixed(0)} ms, initial view (${res.initialCount} notes) ${res.initialViewMs.toFixed(0)} ms, ` +
          `fitted map (${res.allCount} notes) ${res.allCardsMs.toFixed(0)} ms; frames idle ${s(res.idle)}, pan ${s(res.pan)}, wheel ${s(res.wheel)}, zoom ${s(res.zoom)}, drag ${s(res.drag)}; ` +
          `doc updates during drag ${res.dragUpdatesDuring}, after drop ${res.dragUpdatesAfter}${res.dragMoved ? '' : ' (the note did not move)'}`,
      );
    }
  } finally {
    if (browser) await browser.close().catch(() => undefined);
    if (stage) await stage.stop();
  }
  return { id: 'client', title, ...framesReport(runs, opts) };
}
