/** Section 3's gestures: mouse and wheel input at about 60 Hz, as a person would give it. */
import type { Page } from 'playwright-core';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A point of the canvas over empty space (no note, no control): where a drag pans. */
export async function emptyPoint(page: Page): Promise<{ x: number; y: number } | null> {
  return page.evaluate(() => {
    const canvas = document.querySelector('.canvas') ?? document.querySelector('[role="region"]');
    if (!canvas) return null;
    const r = canvas.getBoundingClientRect();
    for (let fy = 0.9; fy >= 0.1; fy -= 0.05) {
      for (let fx = 0.5; fx <= 0.95; fx += 0.05) {
        const x = r.left + r.width * fx;
        const y = r.top + r.height * fy;
        const el = document.elementFromPoint(x, y);
        if (el && canvas.contains(el) && !el.closest('[data-card-id], button, a, input, textarea, select, label, [data-no-pan]')) return { x, y };
      }
    }
    return null;
  });
}

/** Moves the mouse along a line at about 60 Hz. */
export async function glide(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, ms: number): Promise<void> {
  const steps = Math.max(2, Math.round(ms / 16));
  const t0 = performance.now();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps);
    const wait = t0 + (i * ms) / steps - performance.now();
    if (wait > 0) await sleep(wait);
  }
}

export async function wheelFor(page: Page, ms: number, dx: number, dy: number, flipEvery = 0): Promise<void> {
  const steps = Math.max(2, Math.round(ms / 16));
  const t0 = performance.now();
  for (let i = 1; i <= steps; i++) {
    const sign = flipEvery && Math.floor(i / flipEvery) % 2 === 1 ? -1 : 1;
    await page.mouse.wheel(dx * sign, dy * sign);
    const wait = t0 + (i * ms) / steps - performance.now();
    if (wait > 0) await sleep(wait);
  }
}
