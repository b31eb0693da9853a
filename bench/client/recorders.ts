/**
 * Section 3's in-page recorders and the page-side waits: installed before any script of the app runs,
 * they record frame times, long animation frames, `[data-card-id]` counts and when the layout holds
 * every card; `frames()` measures one gesture with them and with CDP's main-thread counters.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { MachineWindow } from '../support/machine';
import type { FramesOptions } from './options';

/** The client keeps the display name here (client/src/lib/storage.ts); set, it skips the name dialog. */
const NAME_KEY = 'journey-studio:name';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** In-page recorders, installed before any script of the app runs. */
const initScript = (laneHeights: number[]) => `
(() => {
  const rec = { changes: [], frames: [], framesOn: false, layoutComplete: null, loaf: [] };
  window.__bench = rec;
  // Long animation frames (over 50 ms): how much of each was script and how much style and layout.
  try {
    new PerformanceObserver((list) => {
      if (!rec.framesOn) return;
      for (const e of list.getEntries()) {
        const script = (e.scripts || []).reduce((n, s) => n + s.duration, 0);
        const end = e.startTime + e.duration;
        rec.loaf.push({ d: e.duration, script, layout: e.styleAndLayoutStart ? end - e.styleAndLayoutStart : 0 });
      }
    }).observe({ type: 'long-animation-frame' });
  } catch {}
  // The lane rows' heights follow the number of notes per cell: when they equal those of the full
  // board's layout (computed in Node from the same document), the store holds every card.
  const want = ${JSON.stringify(laneHeights)}.join(',');
  const checkLayout = () => {
    const got = [...document.querySelectorAll('.lane-header')].map((el) => Math.round(parseFloat(el.style.height) || 0)).join(',');
    if (got === want) {
      rec.layoutComplete = performance.now();
      return;
    }
    requestAnimationFrame(checkLayout);
  };
  requestAnimationFrame(checkLayout);
  let last = -1;
  const count = () => {
    const n = document.querySelectorAll('[data-card-id]').length;
    if (n !== last) {
      last = n;
      const at = performance.now();
      // Painted: the frame after the DOM change.
      requestAnimationFrame(() => rec.changes.push({ n, at, painted: performance.now() }));
    }
  };
  new MutationObserver(count).observe(document, { childList: true, subtree: true });
  const loop = (ts) => {
    if (rec.framesOn) rec.frames.push(ts);
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
})();
`;

export interface Loaf {
  d: number;
  script: number;
  layout: number;
}

export interface Rec {
  changes: Array<{ n: number; at: number; painted: number }>;
  frames: number[];
  layoutComplete: number | null;
  loaf: Loaf[];
}

/** Renderer main-thread time during a phase, from CDP Performance.getMetrics (seconds → ms). */
export interface MainThread {
  script: number;
  style: number;
  layout: number;
  task: number;
}

export interface Phase {
  intervals: number[];
  loaf: Loaf[];
  /** Main-thread time during the phase, ms, and the phase's wall time, ms. */
  main: MainThread;
  ms: number;
  /** Cores busy machine-wide while the gesture ran (2 = all of this machine). */
  busyCores: number;
}

export async function openCold(browser: Browser, url: string, opts: FramesOptions, laneHeights: number[]) {
  const context = await browser.newContext({ viewport: opts.viewport, locale: 'en-US' });
  await context.addInitScript(`try { localStorage.setItem(${JSON.stringify(NAME_KEY)}, 'Bench Viewer'); } catch {}`);
  await context.addInitScript(initScript(laneHeights));
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit', timeout: 30_000 });
  return { context, page };
}

export const rec = (page: Page) => page.evaluate(() => (window as unknown as { __bench: Rec }).__bench);

/** Waits until the `[data-card-id]` count has not changed for `quietMs` (bounded). */
export async function waitStable(page: Page, quietMs: number, timeoutMs: number, min = 1): Promise<Rec['changes'][number] | null> {
  const end = performance.now() + timeoutMs;
  for (;;) {
    const r = await rec(page);
    const lastChange = r.changes[r.changes.length - 1];
    const now = await page.evaluate(() => performance.now());
    if (lastChange && lastChange.n >= min && now - lastChange.painted >= quietMs) return lastChange;
    if (performance.now() > end) return null;
    await sleep(50);
  }
}

export async function waitCount(page: Page, n: number, timeoutMs: number): Promise<Rec['changes'][number] | null> {
  const end = performance.now() + timeoutMs;
  for (;;) {
    const hit = (await rec(page)).changes.find((c) => c.n >= n);
    if (hit) return hit;
    if (performance.now() > end) return null;
    await sleep(25);
  }
}

const cdpSessions = new WeakMap<Page, CDPSession>();

/** Cumulative main-thread time of the page's renderer (one CDP session per page: enabling resets the counters). */
export async function mainThread(page: Page): Promise<MainThread> {
  let cdp = cdpSessions.get(page);
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    cdpSessions.set(page, cdp);
  }
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = (name: string) => (metrics.find((x) => x.name === name)?.value ?? NaN) * 1000;
  return { script: m('ScriptDuration'), style: m('RecalcStyleDuration'), layout: m('LayoutDuration'), task: m('TaskDuration') };
}

/** Frame intervals (ms), long animation frames and main-thread time while `action` runs. */
export async function frames(page: Page, action: () => Promise<void>): Promise<Phase> {
  const main0 = await mainThread(page);
  await page.evaluate(() => {
    const b = (window as unknown as { __bench: Rec & { framesOn: boolean } }).__bench;
    b.frames = [];
    b.loaf = [];
    b.framesOn = true;
  });
  const machine = new MachineWindow();
  const t0 = performance.now();
  await action();
  const ms = performance.now() - t0;
  const busyCores = machine.stop().busyCores;
  const { ts, loaf } = await page.evaluate(() => {
    const b = (window as unknown as { __bench: Rec & { framesOn: boolean } }).__bench;
    b.framesOn = false;
    return { ts: b.frames, loaf: b.loaf };
  });
  const intervals: number[] = [];
  for (let i = 1; i < ts.length; i++) intervals.push(ts[i] - ts[i - 1]);
  const main1 = await mainThread(page);
  const main = { script: main1.script - main0.script, style: main1.style - main0.style, layout: main1.layout - main0.layout, task: main1.task - main0.task };
  return { intervals, loaf, busyCores, main, ms };
}
