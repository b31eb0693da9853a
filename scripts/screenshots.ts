/**
 * `npm run screenshots`: builds the app, starts the real server on a free loopback port with a fresh
 * data directory, opens the worked example (shared/templates/files/example.en.json) as the home page's
 * button does, seeds a workshop with an open dot vote (scripts/screenshots/workshop.ts) and photographs
 * them in Chromium as a newcomer would see them: the example on the facilitator's laptop (1440×900) and
 * on the meeting-room projector (1280×720), and a participant's phone during the vote (390×844, in Italian). The PNGs go to docs/screenshots/ and are
 * shown in the README. Needs nothing else running; uses CHROMIUM_PATH or /usr/bin/chromium.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startRealServer } from '../e2e/real-server';
import type { Locale } from '../shared/doc/schema';
import { seedWorkshop, type SeededBoard } from './screenshots/workshop';
import { boardFromTemplate } from '../shared/templates/template-board';
import type { Backup } from '../shared/backup/backup-schema';
import type { CreateBoardResponse } from '../shared/protocol';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = process.env.SCREENSHOTS_DIR || path.join(ROOT, 'docs', 'screenshots');
const NAME_KEY = 'journey-studio:name';

interface Shot {
  file: string;
  viewport: { width: number; height: number };
  deviceScaleFactor: number;
  mobile?: boolean;
  locale: Locale;
  role: 'facilitator' | 'participant';
  name: string;
  projector?: boolean;
  /** Fit the whole journey (Shift+1) before the photo. */
  fit?: boolean;
  /** Hide the decks panel first (the map gets the room, as a facilitator does once the cards are dealt). */
  hideDecks?: boolean;
}

const SHOTS: Shot[] = [
  { file: 'laptop.png', viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, locale: 'en', role: 'facilitator', name: 'Giulia', fit: true, hideDecks: true },
  { file: 'projector.png', viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1, locale: 'en', role: 'facilitator', name: 'Giulia', projector: true },
  { file: 'phone.png', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, mobile: true, locale: 'it', role: 'participant', name: 'Marco' },
];

async function photograph(browser: Browser, serverUrl: string, boards: Record<Locale, SeededBoard>, shot: Shot): Promise<string> {
  const board = boards[shot.locale];
  const context = await browser.newContext({
    viewport: shot.viewport,
    deviceScaleFactor: shot.deviceScaleFactor,
    isMobile: shot.mobile ?? false,
    hasTouch: shot.mobile ?? false,
    locale: shot.locale === 'it' ? 'it-IT' : 'en-US',
    reducedMotion: 'reduce',
  });
  await context.addInitScript(([key, name]) => localStorage.setItem(key, name), [NAME_KEY, shot.name] as const);
  try {
    const page = await context.newPage();
    page.on('pageerror', (err) => console.warn(`  [${shot.file}] page error: ${err.message}`));
    const url = `${serverUrl}/b/${board.id}${shot.projector ? '/projector' : ''}#token=${board.tokens[shot.role]}`;
    await page.goto(url);
    await settle(page);
    if (shot.hideDecks) await page.getByRole('button', { name: 'Hide decks' }).click();
    if (shot.fit) {
      await page.keyboard.press('Shift+1');
      await settle(page);
    }
    const file = path.join(OUT, shot.file);
    await page.screenshot({ path: file });
    return file;
  } finally {
    await context.close();
  }
}

/** Waits until the cards are drawn and the page has stopped changing. */
async function settle(page: Page): Promise<void> {
  await page.locator('[data-card-id]').first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // Two animation frames after the last layout change; the camera eases only without reduced motion.
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
  await page.waitForTimeout(400);
}

/** The worked example as a new board, through the backup import like the home page's button. */
async function openExample(serverUrl: string): Promise<SeededBoard> {
  const example = JSON.parse(readFileSync(path.join(ROOT, 'shared', 'templates', 'files', 'example.en.json'), 'utf8')) as Backup;
  const res = await fetch(`${serverUrl}/api/boards/import`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(boardFromTemplate(example, '', Date.now())),
  });
  if (res.status !== 201) throw new Error(`POST /api/boards/import answered ${res.status}: ${await res.text()}`);
  const board = (await res.json()) as CreateBoardResponse;
  return { id: board.id, tokens: board.tokens };
}

async function main() {
  const t0 = performance.now();
  if (!existsSync(path.join(ROOT, 'dist', 'client', 'index.html'))) throw new Error('dist/client is missing: run `npm run screenshots` (it builds first).');
  mkdirSync(OUT, { recursive: true });
  const server = await startRealServer();
  let browser: Browser | null = null;
  try {
    console.log(`server on ${server.url}; seeding the workshop`);
    const boards = { en: await openExample(server.url), it: await seedWorkshop(server.url, 'it', { reveal: false }) };
    console.log(`  seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--font-render-hinting=none'],
    });
    for (const shot of SHOTS) {
      const file = await photograph(browser, server.url, boards, shot);
      console.log(`  ${path.relative(ROOT, file)}  ${shot.viewport.width}×${shot.viewport.height}  ${(statSync(file).size / 1024).toFixed(0)} KB`);
    }
  } finally {
    await browser?.close();
    await server.stop();
  }
  console.log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
