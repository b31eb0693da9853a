/** Section 3's table rows and notes, from the runs' results (client-frames.ts). */
import type { Row } from '../support/report';
import { median, summarize } from '../support/stats';
import type { FramesOptions } from './options';
import type { Loaf, MainThread, Phase } from './recorders';

export interface RunResult {
  firstCardMs: number;
  layoutCompleteMs: number;
  initialViewMs: number;
  initialCount: number;
  allCardsMs: number;
  allCount: number;
  idle: Phase;
  pan: Phase;
  wheel: Phase;
  zoom: Phase;
  drag: Phase;
  dragUpdatesDuring: number;
  dragUpdatesAfter: number;
  dragMoved: boolean;
}

/** Main-thread milliseconds per second of the phase. */
export function perSecond(ph: Phase): MainThread {
  const s = ph.ms / 1000;
  return { script: ph.main.script / s, style: ph.main.style / s, layout: ph.main.layout / s, task: ph.main.task / s };
}


export function framesReport(runs: RunResult[], opts: FramesOptions): { rows: Row[]; notes: string[] } {
  const rows: Row[] = [];
  const med = (f: (r: RunResult) => number) => median(runs.map(f).filter(Number.isFinite));
  rows.push({ metric: `open link → first note painted (${opts.cards.toLocaleString('en-US')} notes, ${opts.people} people moving cursors)`, unit: 'ms', ours: med((r) => r.firstCardMs), decimals: 0, runs: runs.length, better: 'lower', perRun: { ours: runs.map((r) => r.firstCardMs) } });
  rows.push({ metric: `open link → the canvas lays out all ${opts.cards.toLocaleString('en-US')} notes (store complete)`, unit: 'ms', ours: med((r) => r.layoutCompleteMs), decimals: 0, runs: runs.length, better: 'lower', perRun: { ours: runs.map((r) => r.layoutCompleteMs) } });
  rows.push({ metric: `open link → initial view complete (${med((r) => r.initialCount)} notes in view; culling)`, unit: 'ms', ours: med((r) => r.initialViewMs), decimals: 0, runs: runs.length, better: 'lower', perRun: { ours: runs.map((r) => r.initialViewMs) } });
  rows.push({ metric: `fit the journey ("1") → fitted map painted (${med((r) => r.allCount)} notes in view)`, unit: 'ms', ours: med((r) => r.allCardsMs), decimals: 0, runs: runs.length, better: 'lower', perRun: { ours: runs.map((r) => r.allCardsMs) } });
  const phases = [
    ['idle (only the 20 remote cursors moving)', (r: RunResult) => r.idle, false],
    ['panning (mouse drag on empty space)', (r: RunResult) => r.pan, true],
    ['panning (wheel)', (r: RunResult) => r.wheel, true],
    ['zooming (ctrl+wheel)', (r: RunResult) => r.zoom, true],
    ['dragging a note', (r: RunResult) => r.drag, true],
  ] as const;
  const missedPhases: string[] = [];
  for (const [name, pick, targeted] of phases) {
    const p50s = runs.map((r) => summarize(pick(r).intervals).p50);
    const p95s = runs.map((r) => summarize(pick(r).intervals).p95);
    rows.push({ metric: `frame time p50, ${name}`, unit: 'ms', ours: median(p50s.filter(Number.isFinite)), decimals: 1, runs: runs.length, better: 'lower', perRun: { ours: p50s } });
    const p95 = median(p95s.filter(Number.isFinite));
    rows.push({
      metric: `frame time p95, ${name}`,
      unit: 'ms',
      ours: p95,
      decimals: 1,
      runs: runs.length,
      target: targeted ? '< 20 ms' : undefined,
      met: targeted ? p95 < 20 : undefined,
      better: 'lower',
      perRun: { ours: p95s },
    });
    if (targeted && !(p95 < 20)) {
      const loaf = runs.flatMap((r) => pick(r).loaf);
      const frames = runs.reduce((n, r) => n + pick(r).intervals.length, 0);
      const avg = (f: (l: Loaf) => number) => (loaf.length ? loaf.reduce((n, l) => n + f(l), 0) / loaf.length : NaN);
      missedPhases.push(
        `${name}: p95 ${p95.toFixed(1)} ms, ${((p95 / 20 - 1) * 100).toFixed(0)} % over; ${loaf.length} of ${frames} frames took over 50 ms` +
          (loaf.length ? ` (on average ${avg((l) => l.d).toFixed(0)} ms: script ${avg((l) => l.script).toFixed(0)} ms, style and layout ${avg((l) => l.layout).toFixed(0)} ms)` : '') +
          `; over the whole gesture, per second, the renderer's main thread spent ${median(runs.map((r) => perSecond(pick(r)).script)).toFixed(0)} ms in script, ` +
          `${median(runs.map((r) => perSecond(pick(r)).style)).toFixed(0)} ms recalculating style and ${median(runs.map((r) => perSecond(pick(r)).layout)).toFixed(0)} ms in layout ` +
          `(CDP Performance.getMetrics)` +
          `; machine-wide ${median(runs.map((r) => pick(r).busyCores)).toFixed(1)} of 2 cores busy`,
      );
    }
  }
  const during = runs.map((r) => r.dragUpdatesDuring);
  const after = runs.map((r) => r.dragUpdatesAfter);
  rows.push({
    metric: 'document updates a drag writes before the drop / at the drop (seen by a stock client)',
    unit: '',
    ours: Math.max(...during),
    text: `${during.join(', ')} / ${after.join(', ')} (per run)`,
    target: '0 until drop',
    met: during.every((d) => d === 0) && runs.every((r) => r.dragMoved),
  });
  const idleP95 = median(runs.map((r) => summarize(r.idle.intervals).p95));
  const zoomStyle = median(runs.map((r) => perSecond(r.zoom).style));
  const panStyle = median(runs.map((r) => perSecond(r.pan).style));
  const styleRatio = zoomStyle / panStyle;
  const notes = [
    ...(missedPhases.length
      ? [
          `Missed (p95 < 20 ms): ${missedPhases.join('; ')}. With nothing but the remote cursors moving, p95 is ${idleP95.toFixed(1)} ms. ` +
            `A long frame is script, then style and layout (both measured above, from the Long Animation Frames API), then paint, raster and ` +
            `compositing — all in software here — or the renderer waiting for one of the two cores, which it shares with the server and the cursor clients ` +
            `("cores busy"). ` +
            (missedPhases.some((m) => m.startsWith('zooming'))
              ? `Zooming spends ${styleRatio.toFixed(1)}× as much time per second recalculating style as panning by mouse (${zoomStyle.toFixed(0)} vs ` +
                `${panStyle.toFixed(0)} ms/s). A zoom step changes the layer's transform, \`--inv-zoom\` inline on the few layers that keep a screen size ` +
                `(lane names, voting dots, name tags: client/src/board/inv-zoom.ts) and one transform per remote cursor (each its own ` +
                `compositor layer over the map: client/src/board/remote-cursors.tsx); the culling window stays fixed until the gesture rests ` +
                `(client/src/board/culling.ts), so no note mounts between two steps. The layer is a compositor layer through a 3D transform, ` +
                `without \`will-change\` (with it Chromium kept rastering at scale 1 or more whatever the zoom: many times the pixels shown when ` +
                `zoomed out); each step rasters the view once at the new scale, so text is sharp at every zoom. Below a zoom where a note's words ` +
                `would be under 5 px on screen (about 36 %), notes are drawn as shape, colour and grey bars without their text runs or soft ` +
                `shadows (level of detail, client/src/board/level-of-detail.ts), which cuts that raster on the far half of this gesture. What is left is mostly that raster ` +
                `(the part of a long frame that is neither script nor style and layout), and the machine's other load. `
              : '') +
            `A machine with a GPU takes raster off the CPU.`,
        ]
      : []),
    `Frame time is the interval between requestAnimationFrame callbacks (16.7 ms at 60 Hz; a longer interval is a dropped frame), in headless Chromium ` +
      `with --disable-gpu (software compositing) on this 2-core machine, which also runs the server and the 20 cursor clients. ` +
      `Viewport ${opts.viewport.width}×${opts.viewport.height}; each gesture lasts about ${opts.phaseMs / 1000} s; ${runs.length} runs, each a cold open (fresh browser context: no cache, no IndexedDB).`,
    `Notes are counted as \`[data-card-id]\` elements, painted = the animation frame after the DOM change. The canvas renders only the notes near the ` +
      `viewport (culling), so the count is what is in view, never the whole board at 1280×800: even fitted at the minimum zoom (10 %) the 1,000-note map is ` +
      `taller than the window. That the store holds every card is shown instead by the layout: the lane rows' heights (\`.lane-header\`) must equal those ` +
      `computed in Node (shared/layout) from the full document; "store complete" is the first frame where they do.`,
  ];
  return { rows, notes };
}
