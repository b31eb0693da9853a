import type { CDPSession, Locator, Page } from '@playwright/test';
import { goToStep } from '../../shared/commands/agenda';
import { en } from '../../client/src/i18n/en';
import { it as itMessages } from '../../client/src/i18n/it';
import { expectNoSeriousA11yViolations } from '../axe';
import { expect, test, type Person, type TestBoard } from '../fixtures';
import { connectStockClient, writeNoteByHand, type StockClient } from '../stock-client';

/**
 * The map on a phone and the top bar on a laptop, in both languages, measured as a person sees them:
 * on a 390×844 phone the top bar fits (44 px targets, a readable one-line title; Share, Insights and
 * History in "More actions"), the workshop strip is one row that leaves the map the screen, every
 * panel, dialog and menu lies inside the screen, the selected note's action
 * bar (toolbar and − dots +) has 44 px targets beside the note at Fit and at 100 %, closes when the
 * map is swiped or pinched, and nobody's cursor label covers it; at 1280 px the top bar shows a long
 * title, the offline badge and all three moments with nothing clipped, and below that an overflow menu.
 * Names come from the app's own i18n resources, so both languages run the same steps.
 */

const LANGS = { en: { messages: en, locale: 'en-US' }, it: { messages: itMessages, locale: 'it-IT' } } as const;
type Lang = keyof typeof LANGS;
type Messages = typeof en;

const PHONE = { width: 390, height: 844 };
const TOUCH_TARGET = 44;

/** PHONE_SHOTS=<dir> saves what the steps look like, to look at by eye; nothing is asserted on them. */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.PHONE_SHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png` });
}

function fill(text: string, vars: Record<string, string | number> = {}): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k]));
}

const IDEAS = [
  { stage: 'awareness', text: 'Bikes at the station' },
  { stage: 'consideration', text: 'Compare prices in the app' },
  { stage: 'purchase', text: 'Pay by the minute' },
  { stage: 'use', text: 'Night rides with lights' },
];

/** Seeds notes the way another program would (a stock client), so the spec spends its time on the phone. */
async function seed(serverUrl: string, board: TestBoard): Promise<StockClient> {
  const client = await connectStockClient(serverUrl, board.id, board.tokens.facilitator);
  client.doc.transact(() => {
    IDEAS.forEach((idea, i) => writeNoteByHand(client.doc, { id: `idea${i}aaaaaaaaaaaaaaaaa`, text: idea.text, stage: idea.stage, lane: 'ideas', author: 'Seed' }));
    writeNoteByHand(client.doc, { id: 'activityaaaaaaaaaaaaaa', text: 'Looks for a bike near home', stage: 'awareness', lane: 'activities', author: 'Seed' });
  });
  // A workshop under way: an agenda step with its timer (the strip over the map shows both).
  goToStep(client.doc, 2, Date.now());
  return client;
}

/** Opens the board in this person's language and waits for the map (the fixture's helper speaks English). */
async function openBoard(p: Person, board: TestBoard, m: Messages, role: 'facilitator' | 'participant'): Promise<Locator> {
  await p.open(board.url(role));
  const map = p.page.getByRole('region', { name: m.board.mapLabel });
  await expect(map).toBeVisible({ timeout: 20_000 });
  return map;
}

async function boxOf(locator: Locator) {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  if (!box) throw new Error('no box');
  return box;
}

/** The element lies entirely inside the phone's screen. */
async function expectOnScreen(locator: Locator, what: string): Promise<void> {
  const b = await boxOf(locator);
  const inside = b.x >= -0.5 && b.y >= -0.5 && b.x + b.width <= PHONE.width + 0.5 && b.y + b.height <= PHONE.height + 0.5;
  expect(inside, `${what} lies inside the 390×844 screen (it is at x ${b.x.toFixed(1)}–${(b.x + b.width).toFixed(1)}, y ${b.y.toFixed(1)}–${(b.y + b.height).toFixed(1)})`).toBe(true);
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * The phone's top bar as drawn: every control's box and name, and the title's box, its lines (tops of
 * its text's line boxes) and whether it is cut.
 */
function topBarOnPhone(page: Page) {
  return page.getByRole('banner').evaluate((bar) => {
    const controls = [...bar.querySelectorAll<HTMLElement>('a, button, [role="status"]')]
      .filter((el) => el.getClientRects().length > 0 && !el.closest('[role="menu"], [role="region"]'))
      .map((el) => ({ name: el.getAttribute('aria-label') || el.textContent?.trim() || el.className, tag: el.tagName, r: el.getBoundingClientRect().toJSON() as DOMRect }));
    const title = bar.querySelector('h1')!;
    const range = document.createRange();
    range.selectNodeContents(title);
    const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    return { controls, title: { r: title.getBoundingClientRect().toJSON() as DOMRect, lines: lines.size, cut: title.scrollWidth > title.clientWidth + 1, overflow: getComputedStyle(title).textOverflow } };
  });
}

/** Every button of the action bar is at least 44×44 on screen, and the bar does not cover the note. */
async function expectTouchFriendlyBar(page: Page, bar: Locator, note: Locator, where: string): Promise<void> {
  const buttons = bar.getByRole('button');
  const count = await buttons.count();
  expect(count, `the action bar has buttons ${where}`).toBeGreaterThan(3);
  for (let i = 0; i < count; i++) {
    const b = await boxOf(buttons.nth(i));
    const name = await buttons.nth(i).getAttribute('aria-label');
    expect(Math.min(b.width, b.height), `“${name}” is at least ${TOUCH_TARGET} px ${where}`).toBeGreaterThanOrEqual(TOUCH_TARGET);
  }
  const text = await boxOf(note.locator('.card-text, p, span').first().or(note).first());
  expect(overlaps(await boxOf(bar), text), `the action bar does not cover the note’s text ${where}`).toBe(false);
  await expectOnScreen(bar, `the action bar ${where}`);
  void page;
}

type TouchStep = ['touchStart' | 'touchMove' | 'touchEnd', Array<{ x: number; y: number }>];

/**
 * A gesture of one or two fingers through Chromium's touch input (pointer events of type touch). All
 * steps are sent at once: a finger resting 250 ms on a note picks it up, and a busy machine must not
 * turn a swipe into that.
 */
async function gesture(cdp: CDPSession, steps: TouchStep[]): Promise<void> {
  await Promise.all(steps.map(([type, points]) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id })) })));
}

/** The board point under a screen point of this page, from the map layer's transform. */
async function screenToBoard(page: Page, p: { x: number; y: number }): Promise<{ x: number; y: number }> {
  return page.evaluate(({ x, y }) => {
    const layer = document.querySelector<HTMLElement>('.board-layer')!;
    const canvas = layer.parentElement!.getBoundingClientRect();
    const m = new DOMMatrixReadOnly(getComputedStyle(layer).transform);
    return { x: (x - canvas.left - m.e) / m.a, y: (y - canvas.top - m.f) / m.a };
  }, p);
}

/** A remote person's pointer, put exactly where we want it (their presence, as the app publishes it). */
async function pointAt(client: StockClient, at: { x: number; y: number }): Promise<void> {
  client.provider.awareness.setLocalState({ user: { name: 'Dario Remote', color: '#b42318', role: 'participant' }, cursor: at });
}

for (const lang of Object.keys(LANGS) as Lang[]) {
  const { messages: m, locale } = LANGS[lang];

  test(`on a 390×844 phone (${lang}): panels, dialogs and menus on screen, 44 px actions beside the note, closed by a swipe or a pinch`, async ({ createBoard, person, server }) => {
    test.setTimeout(120_000);
    // A long title: the bar shows three lines of it, the "More actions" menu all of it.
    const title =
      lang === 'it'
        ? 'Noleggio bici a Bologna: dal primo contatto alla restituzione, con il servizio clienti del negozio di via Irnerio'
        : 'Bike rental in Bologna: from the first contact to the return, with the customer service of the shop in via Irnerio';
    const board = await createBoard(title, lang);
    const seeder = await seed(server.url, board);
    const remote = await connectStockClient(server.url, board.id, board.tokens.participant);
    const sara = await person('Sara', 'facilitator', { locale, open: false });
    const page = sara.page;
    await page.setViewportSize(PHONE);
    const map = await openBoard(sara, board, m, 'facilitator');
    const banner = page.getByRole('banner');
    const fit = map.getByRole('button', { name: m.zoom.fit });
    const note = (text: string) => page.locator('[data-card-id]').filter({ hasText: text });
    const bar = page.getByRole('group', { name: m.card.actions });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });

    try {
      await test.step('the top bar fits: every control on screen and 44 px, the title on one readable line', async () => {
        const bar = await topBarOnPhone(page);
        await shot(page, `phone-${lang}-top-bar`);
        for (const c of bar.controls) {
          const at = `${c.name} at x ${c.r.left.toFixed(1)}–${c.r.right.toFixed(1)}`;
          expect(c.r.left >= -0.5 && c.r.right <= PHONE.width + 0.5, `${at} is on screen`).toBe(true);
          if (c.tag !== 'DIV') expect(Math.min(c.r.width, c.r.height), `${at} is a ${TOUCH_TARGET} px target`).toBeGreaterThanOrEqual(TOUCH_TARGET);
        }
        // Share, Insights and History wait in "More actions": the title keeps a readable width.
        expect(bar.controls.filter((c) => c.tag !== 'DIV').length, 'home, People, Facilitation, More').toBeLessThanOrEqual(4);
        expect(bar.title.r.width, 'the title’s width').toBeGreaterThanOrEqual(120);
        expect(bar.title.lines, 'the title is one line, no word broken across two').toBe(1);
        expect(bar.title.cut && bar.title.overflow === 'ellipsis', 'the long title ends in “…”').toBe(true);
      });

      await test.step('the people panel, the overflow menu and the share dialog lie inside the screen', async () => {
        await fit.click();
        await banner.locator('.people-button').click();
        await expectOnScreen(page.getByRole('region', { name: m.people.title }), 'the people panel');
        await shot(page, `phone-${lang}-people`);
        await page.keyboard.press('Escape');

        const more = banner.getByRole('button', { name: m.topBar.more });
        await more.click();
        const menu = page.getByRole('menu', { name: m.topBar.more });
        await expectOnScreen(menu, 'the overflow menu');
        await shot(page, `phone-${lang}-more`);
        for (const item of await menu.getByRole('menuitem').all()) expect((await boxOf(item)).height).toBeGreaterThanOrEqual(TOUCH_TARGET);
        // The bar cuts the long title; the menu shows all of it, on screen.
        expect(await banner.getByRole('heading', { level: 1 }).evaluate((el) => el.scrollWidth > el.clientWidth + 1)).toBe(true);
        const whole = menu.locator('.overflow-menu-title');
        await expect(whole).toHaveText(title);
        await expectOnScreen(whole, 'the whole title');
        expect(await whole.evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1)).toBe(true);
        // What left the bar is here, first after the title.
        await expect(menu.getByRole('group', { name: m.topBar.board }).getByRole('menuitem')).toHaveText([m.share.button, m.insights.button, m.boardHistory.button]);
        await page.keyboard.press('Escape');
        await expect(menu).toHaveCount(0);
        await expect(more).toBeFocused();

        await more.click();
        await menu.getByRole('menuitem', { name: m.share.button }).click();
        const share = page.getByRole('dialog', { name: m.share.title });
        await expectOnScreen(share, 'the share dialog');
        await shot(page, `phone-${lang}-share`);
        // The test server listens on loopback only: the dialog says phones cannot join, and what to do.
        await expect(share.getByText(m.share.room.localOnly)).toBeVisible();
        await page.keyboard.press('Escape');
        await expect(share).toHaveCount(0);
        await expect(more).toBeFocused();
      });

      await test.step('the decks and the facilitation panel lie inside the screen; a vote starts on the ideas', async () => {
        await page.getByRole('button', { name: m.decks.panel.show }).click();
        await expectOnScreen(page.getByRole('complementary', { name: m.decks.panel.title }), 'the decks panel');
        await page.getByRole('button', { name: m.decks.panel.hide }).click();

        await banner.getByRole('button', { name: m.facilitation.button }).click();
        const panel = page.getByRole('complementary', { name: m.facilitation.button });
        await expectOnScreen(panel, 'the facilitation panel');
        await shot(page, `phone-${lang}-facilitation`);
        await panel.getByLabel(m.facilitation.vote.dots).fill('3');
        await panel.getByLabel(m.facilitation.vote.scope).selectOption({ label: fill(m.facilitation.vote.lane, { lane: lang === 'it' ? 'Idee' : 'Ideas' }) });
        await panel.getByRole('button', { name: m.facilitation.vote.start }).click();
        await expect(panel.getByRole('button', { name: m.facilitation.vote.reveal })).toBeVisible();
        await banner.getByRole('button', { name: m.facilitation.button }).click();
        await expect(panel).toHaveCount(0);
      });

      await test.step('the workshop strip (step, timer, vote) is one row over a small part of the map, and a finger scrolls it', async () => {
        const strip = page.getByRole('region', { name: m.facilitation.strip });
        await expect(strip.locator('.vote-chip')).toBeVisible();
        await expect(strip.locator('.agenda-chip')).toBeAttached();
        await expect(strip.getByRole('timer')).toBeVisible();
        await shot(page, `phone-${lang}-strip`);
        const m2 = await strip.evaluate((el) => {
          const canvas = document.querySelector('.canvas')!.getBoundingClientRect();
          const r = el.getBoundingClientRect();
          const w = Math.max(0, Math.min(r.right, canvas.right) - Math.max(r.left, canvas.left));
          const h = Math.max(0, Math.min(r.bottom, canvas.bottom) - Math.max(r.top, canvas.top));
          // One row: every chip's height overlaps every other's.
          const chips = [...el.children].map((c) => ({ cls: c.className, r: c.getBoundingClientRect() })).filter((c) => c.r.width > 0 && c.r.height > 0);
          const oneRow = Math.max(...chips.map((c) => c.r.top)) < Math.min(...chips.map((c) => c.r.bottom));
          const layout = chips.map((c) => `${c.cls} y ${c.r.top.toFixed(0)}–${c.r.bottom.toFixed(0)}`).join('; ');
          return { share: (w * h) / (canvas.width * canvas.height), oneRow, layout, scrolls: el.scrollWidth > el.clientWidth + 1, height: r.height };
        });
        expect(m2.share, `the strip covers ${(m2.share * 100).toFixed(1)} % of the map (${m2.height.toFixed(0)} px tall)`).toBeLessThan(0.12);
        expect(m2.oneRow, `the chips are one row: ${m2.layout}`).toBe(true);
        expect(m2.scrolls, 'the chips that do not fit are a swipe away').toBe(true);
        const vote = await boxOf(strip.locator('.vote-chip'));
        const from = { x: vote.x + Math.min(vote.width - 10, 200), y: vote.y + vote.height / 2 };
        await gesture(cdp, [
          ['touchStart', [from]],
          ...Array.from({ length: 6 }, (_, i): TouchStep => ['touchMove', [{ x: from.x - (i + 1) * 25, y: from.y }]]),
          ['touchEnd', []],
        ]);
        await expect.poll(() => strip.evaluate((el) => el.scrollLeft), { message: 'a swipe on the strip scrolls it' }).toBeGreaterThan(40);
      });

      const idea = note(IDEAS[0].text);
      const addDot = bar.getByRole('button', { name: fill(m.facilitation.vote.addDot, { card: IDEAS[0].text }) });

      await test.step('at Fit: the selected note’s toolbar and − dots + are 44 px, beside the note, on screen', async () => {
        await fit.click();
        await idea.click();
        await expect(addDot).toBeVisible();
        await expectTouchFriendlyBar(page, bar, idea, 'at Fit');
        await shot(page, `phone-${lang}-fit-actions`);
        await addDot.click();
        await expect(page.locator(`[data-card-id-dots="idea0aaaaaaaaaaaaaaaaa"]`)).toContainText(fill(m.facilitation.vote.mine_other, { count: 1 }));

        await bar.getByRole('button', { name: m.card.color }).click();
        const swatches = page.getByRole('group', { name: m.card.colorGroup });
        await expectOnScreen(swatches, 'the colour swatches');
        await shot(page, `phone-${lang}-swatches`);
        for (const s of await swatches.getByRole('button').all()) expect(Math.min((await boxOf(s)).width, (await boxOf(s)).height)).toBeGreaterThanOrEqual(TOUCH_TARGET);

        await bar.getByRole('button', { name: m.card.moveTo }).click();
        const move = page.getByRole('dialog', { name: m.move.title });
        await expectOnScreen(move, 'the Move to… dialog');
        await page.keyboard.press('Escape');
        await expect(move).toHaveCount(0);
      });

      await test.step('at 100 %: the same 44 px, still beside the note', async () => {
        await map.getByRole('button', { name: /100/ }).click();
        await expect(page.locator('.board-layer')).toHaveAttribute('style', /scale\(1\)/);
        // Bring the note to the middle of the screen the way a person would: scroll the map (the sticky
        // lane headers cover its left edge).
        const at = (await idea.boundingBox())!;
        await page.mouse.move(200, 500);
        await page.mouse.wheel(at.x + at.width / 2 - PHONE.width / 2, at.y - 420);
        await idea.click();
        await expect(addDot).toBeVisible();
        await expectTouchFriendlyBar(page, bar, idea, 'at 100 %');
        await shot(page, `phone-${lang}-100-actions`);
      });

      await test.step('nobody’s cursor label covers the action bar or the top bar', async () => {
        const target = await boxOf(addDot);
        await pointAt(remote, await screenToBoard(page, { x: target.x - 6, y: target.y - 6 }));
        const label = map.locator('.remote-cursor-name', { hasText: 'Dario Remote' });
        await expect(label).toBeVisible();
        expect(overlaps(await boxOf(label), target), 'the remote label is drawn where the button is').toBe(true);
        await shot(page, `phone-${lang}-cursor-under-actions`);
        const onTop = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('button')?.getAttribute('aria-label') ?? null, {
          x: target.x + target.width / 2,
          y: target.y + target.height / 2,
        });
        expect(onTop, 'the button, not the label, is what a finger meets').toBe(fill(m.facilitation.vote.addDot, { card: IDEAS[0].text }));

        const mapBox = await boxOf(map);
        await pointAt(remote, await screenToBoard(page, { x: mapBox.x + 60, y: mapBox.y + 1 }));
        await expect.poll(async () => (await boxOf(label)).y).toBeGreaterThanOrEqual(mapBox.y);
        const bannerBox = await boxOf(banner);
        expect(overlaps(await boxOf(label), bannerBox), 'the label is not over the top bar').toBe(false);
      });

      await test.step('the board at phone size passes axe with the action bar and the vote open', async () => {
        await expectNoSeriousA11yViolations(page, `the board on a phone (${lang})`);
      });

      await test.step('a swipe that starts on the note pans the map and closes its action bar', async () => {
        await expect(bar).toBeVisible();
        const from = await boxOf(idea);
        const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
        await gesture(cdp, [
          ['touchStart', [start]],
          ...Array.from({ length: 6 }, (_, i): TouchStep => ['touchMove', [{ x: start.x - (i + 1) * 12, y: start.y + (i + 1) * 6 }]]),
          ['touchEnd', []],
        ]);
        await expect(bar).toHaveCount(0);
        const after = await boxOf(idea);
        expect(after.x, 'the map moved with the finger').toBeLessThan(from.x - 30);
      });

      await test.step('a pinch closes it too', async () => {
        const at = (await idea.boundingBox())!;
        await page.mouse.move(200, 500);
        await page.mouse.wheel(at.x + at.width / 2 - PHONE.width / 2, at.y - 420);
        await idea.click();
        await expect(bar).toBeVisible();
        const mapBox = await boxOf(map);
        const c = { x: mapBox.x + mapBox.width / 2, y: mapBox.y + mapBox.height / 2 };
        // The first finger on the note itself: a pinch that starts there must close its bar too.
        const zoom = () => page.locator('.board-layer').evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);
        const before = await zoom();
        const on = await boxOf(idea);
        const a = { x: on.x + on.width / 2, y: on.y + on.height / 2 };
        const b = { x: Math.min(a.x + 120, c.x + 150), y: a.y + 60 };
        await gesture(cdp, [
          ['touchStart', [a]],
          ['touchStart', [a, b]],
          ...Array.from({ length: 5 }, (_, i): TouchStep => ['touchMove', [{ x: a.x - (i + 1) * 8, y: a.y - (i + 1) * 8 }, { x: b.x + (i + 1) * 8, y: b.y + (i + 1) * 8 }]]),
          ['touchEnd', []],
        ]);
        await expect(bar).toHaveCount(0);
        expect(await zoom(), 'the pinch zoomed the map').toBeGreaterThan(before * 1.1);
      });

      await test.step('panned across the map, the lane names stay at the left edge as a narrow tab, whole', async () => {
        const titles = page.locator('.lane-header .axis-title');
        const names = await titles.allTextContents();
        await page.mouse.move(200, 500);
        await page.mouse.wheel(500, 0);
        await expect(page.locator('.lane-headers.is-stuck')).toHaveCount(1);
        const mapBox = await boxOf(map);
        const tabs = await page.locator('.lane-header').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
        for (const t of tabs) {
          expect(t.width, 'a stuck lane header leaves the map the room').toBeLessThanOrEqual(40);
          expect(t.left).toBeGreaterThanOrEqual(mapBox.x - 1);
        }
        // The whole name is still there for screen readers, and some lane's name is on screen.
        expect(await titles.allTextContents()).toEqual(names);
        const shown = await titles.evaluateAll((els, box) => els.filter((e) => {
          const r = e.getBoundingClientRect();
          return r.height > 0 && r.top >= box.y && r.bottom <= box.y + box.height;
        }).length, mapBox);
        expect(shown).toBeGreaterThan(0);
      });
    } finally {
      seeder.destroy();
      remote.destroy();
    }
  });

  test(`the top bar at 1280 px with a long title and offline (${lang}): all three moments, nothing clipped; narrower, an overflow menu`, async ({ createBoard, person }) => {
    const title =
      lang === 'it' ? 'Noleggio di biciclette elettriche per i pendolari della città metropolitana' : 'Electric bike rental for commuters of the metropolitan area';
    const board = await createBoard(title, lang);
    const anna = await person('Anna', 'facilitator', { locale, open: false });
    const page = anna.page;
    await page.setViewportSize({ width: 1280, height: 720 });
    await openBoard(anna, board, m, 'facilitator');
    const banner = page.getByRole('banner');

    await test.step('offline, the bar shows the title, the offline badge and all three moments, clipping nothing', async () => {
      await anna.goOffline();
      await expect(banner.getByRole('status')).toContainText(m.connection.offline);
      await expect(banner.getByRole('status')).toContainText(m.connection.savedLocally);
      const chips = banner.locator('.moment-chip');
      await expect(chips).toHaveCount(3);
      const bar = await boxOf(banner);
      for (const chip of await chips.all()) {
        const b = await boxOf(chip);
        expect(b.width, 'a moment chip shows its icon and state').toBeGreaterThan(30);
        expect(b.x + b.width).toBeLessThanOrEqual(bar.x + bar.width);
      }
      await expect(banner.getByRole('heading', { level: 1 })).toHaveText(title);
      await shot(page, `laptop-${lang}-1280-offline`);
      const clipped = await banner.evaluate((root) => {
        const out: string[] = [];
        for (const el of [root, ...root.querySelectorAll<HTMLElement>('*')]) {
          const style = getComputedStyle(el);
          // Visually hidden text (read, not shown) is not clipped content.
          const hidden = style.clip !== 'auto' || el.closest('.sr-only') || el.getClientRects().length === 0;
          if (hidden) continue;
          const clips = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
          // Content wider than its box is cut (overflow hidden) or spills under the next control.
          const box = style.display !== 'inline' && style.display !== 'contents';
          const tooWide = box && el.scrollWidth > el.clientWidth + 1;
          const tooTall = clips && el.scrollHeight > el.clientHeight + 1;
          if (tooWide || tooTall) out.push(`${el.tagName.toLowerCase()}.${el.className}: ${el.textContent?.slice(0, 40)}`);
          const r = el.getBoundingClientRect();
          if (r.right > innerWidth + 0.5 || r.left < -0.5) out.push(`${el.tagName.toLowerCase()}.${el.className} is off screen`);
        }
        // Side by side, never one over the other.
        const items = [...root.querySelectorAll<HTMLElement>(':scope > *, :scope > .top-bar-wide > *')]
          .map((el) => ({ el, r: el.getBoundingClientRect() }))
          .filter(({ r }) => r.width > 1)
          .sort((a, b) => a.r.left - b.r.left);
        for (let i = 1; i < items.length; i++) {
          if (items[i].r.left < items[i - 1].r.right - 0.5) out.push(`${items[i].el.className} overlaps ${items[i - 1].el.className}`);
        }
        return out;
      });
      expect(clipped, 'nothing in the top bar is clipped').toEqual([]);
      // Everything has its place at 1280: no overflow menu.
      await expect(banner.getByRole('button', { name: m.topBar.more })).toBeHidden();
      await expect(banner.getByRole('button', { name: m.export.menu.button })).toBeVisible();
    });

    await test.step('below 1280 px, undo/redo, Export and the language are in “More actions”, by keyboard', async () => {
      await page.setViewportSize({ width: 1100, height: 720 });
      const more = banner.getByRole('button', { name: m.topBar.more });
      await expect(more).toBeVisible();
      await expect(banner.getByRole('button', { name: m.export.menu.button })).toBeHidden();
      const chips = banner.locator('.moment-chip');
      for (const chip of await chips.all()) await expect(chip).toBeVisible();
      await more.focus();
      await page.keyboard.press('Enter');
      const menu = page.getByRole('menu', { name: m.topBar.more });
      await expect(menu).toBeVisible();
      await shot(page, `laptop-${lang}-1100-more`);
      await expect(menu.getByRole('menuitem', { name: m.history.undo })).toBeFocused();
      await page.keyboard.press('ArrowDown');
      await expect(menu.getByRole('menuitem', { name: m.history.redo })).toBeFocused();
      await page.keyboard.press('End');
      await expect(menu.getByRole('menuitemradio', { name: 'Italiano' })).toBeFocused();
      await expect(menu.getByRole('menuitem', { name: m.export.menu.csv })).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(menu).toHaveCount(0);
      await expect(more).toBeFocused();
      await expectNoSeriousA11yViolations(page, `the top bar at 1100 px (${lang})`);
    });
  });
}
