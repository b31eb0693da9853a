import type { Locator, Page } from '@playwright/test';
import { DEFAULT_AGENDA, goToStep } from '../../shared/commands/agenda';
import { addCard, cellCards, deleteCard } from '../../shared/commands/cards';
import { addPersona, setActivePersona, setCardPersona } from '../../shared/commands/personas';
import { revealVote } from '../../shared/commands/votes';
import type { Locale } from '../../shared/doc/schema';
import { seedWorkshop } from '../../scripts/screenshots/workshop';
import { expectNoSeriousA11yViolations } from '../axe';
import { expect, test, type Person, type TestBoard } from '../fixtures';
import { connectStockClient } from '../stock-client';

/**
 * What a person sees of the map where it is shown, measured in the browser (issue 10): the projector at
 * 1280×720 read from the back of the room, and a laptop's first view, "Fit the journey" and sticky
 * headers at 1280×800 and 1440×900. A realistic seeded workshop (the README's screenshots' board), in
 * English and in Italian, whose long stage names ("Considerazione") are the hard case.
 */

/** A persona with a long segment and quote: the crowded projector head bar (title, persona, agenda step, vote). */
const PERSONA = {
  en: { name: 'Francesca', segment: 'Owner of an accounting practice', quote: 'I have no time to learn another tool: I want the site to just work, and someone to answer when it breaks.' },
  it: { name: 'Francesca', segment: 'Titolare di uno studio di commercialisti', quote: 'Non ho tempo di imparare un altro programma: voglio che il sito funzioni e basta, e che qualcuno mi risponda quando si rompe.' },
} as const;

/** The built-in agenda's longest step in each language, as the head bar shows it. */
const LONGEST_STEP = (locale: Locale) => {
  const index = DEFAULT_AGENDA.reduce((best, st, i, all) => (typeof st.title !== 'string' && st.title[locale].length > (all[best].title as Record<Locale, string>)[locale].length ? i : best), 0);
  const title = (DEFAULT_AGENDA[index].title as Record<Locale, string>)[locale];
  const text = locale === 'it' ? `Passo ${index + 1} di ${DEFAULT_AGENDA.length}: ${title}` : `Step ${index + 1} of ${DEFAULT_AGENDA.length}: ${title}`;
  return { index, text };
};

const WORDS = {
  en: { map: 'Journey map', stages: ['Awareness', 'Consideration', 'Purchase', 'Use', 'Retention', 'Advocacy'], spotlight: 'Spotlight', lanes: ['Activities', 'Ideas'], fit: 'Fit the journey', facilitation: 'Facilitation', noData: 'no data', vote: 'Dot vote in progress', next: 'Next stage', zoomIn: 'Zoom in', zoomOut: 'Zoom out', addStage: 'Add stage', addLane: 'Add lane', addDot: (card: string) => `Add a dot to “${card}”` },
  it: { map: 'Mappa del percorso', stages: ['Consapevolezza', 'Considerazione', 'Acquisto', 'Utilizzo', 'Fidelizzazione', 'Passaparola'], spotlight: 'In evidenza', lanes: ['Attività', 'Idee'], fit: 'Mostra tutto il percorso', facilitation: 'Facilitazione', noData: 'nessun dato', vote: 'Voto a punti in corso', next: 'Fase successiva', zoomIn: 'Ingrandisci', zoomOut: 'Riduci', addStage: 'Aggiungi una fase', addLane: 'Aggiungi una corsia', addDot: (card: string) => `Aggiungi un punto a «${card}»` },
} as const;

async function seeded(serverUrl: string, locale: Locale): Promise<TestBoard> {
  const b = await seedWorkshop(serverUrl, locale, { reveal: false });
  return {
    id: b.id,
    title: '',
    tokens: b.tokens,
    url: (role) => `${serverUrl}/b/${b.id}#token=${b.tokens[role]}`,
    projectorUrl: (role = 'facilitator') => `${serverUrl}/b/${b.id}/projector#token=${b.tokens[role]}`,
  };
}

/**
 * Opens a page through this person's own network link without waiting for every resource: on a busy
 * machine the "load" event can take longer than the navigation timeout; the checks below wait for what
 * they need.
 */
async function openPage(p: Person, serverUrl: string, url: string): Promise<void> {
  await p.page.goto(p.origin + url.slice(serverUrl.length), { waitUntil: 'commit', timeout: 60_000 });
}

/** The map's current zoom: the scale of its one transformed layer. */
const zoomOf = (page: Page) => page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.board-layer')!).transform).a);

/** Rendered size of card text in view: its font size times the zoom, smallest first. */
async function cardTextPx(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const zoom = new DOMMatrix(getComputedStyle(document.querySelector('.board-layer')!).transform).a;
    const map = document.querySelector('.canvas')!.getBoundingClientRect();
    return [...document.querySelectorAll('[data-card-id] .card-text')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.left >= map.left && r.right <= map.right && r.top >= map.top && r.bottom <= map.bottom;
      })
      .map((el) => parseFloat(getComputedStyle(el).fontSize) * zoom)
      .sort((a, b) => a - b);
  });
}

/**
 * Whether the words of the notes in view are drawn: far out, the interactive map clips them and draws
 * grey bars instead (client/src/board/level-of-detail.ts). Per note in view: its words' clip-path.
 */
async function wordsClipped(page: Page): Promise<boolean[]> {
  return page.evaluate(() => {
    const map = document.querySelector('.canvas')!.getBoundingClientRect();
    return [...document.querySelectorAll('[data-card-id] .card-words')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.left >= map.left && r.right <= map.right && r.top >= map.top && r.bottom <= map.bottom;
      })
      .map((el) => getComputedStyle(el).clipPath !== 'none');
  });
}

/** Every cell of the grid lies inside `box` (the whole journey is in view). */
async function expectWholeJourneyIn(page: Page, map: Locator): Promise<void> {
  const box = (await map.boundingBox())!;
  const cells = await page.locator('[data-stage][data-lane]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
  expect(cells.length).toBeGreaterThanOrEqual(6 * 5);
  for (const c of cells) {
    expect(c.left).toBeGreaterThanOrEqual(box.x - 1);
    expect(c.top).toBeGreaterThanOrEqual(box.y - 1);
    expect(c.right).toBeLessThanOrEqual(box.x + box.width + 1);
    expect(c.bottom).toBeLessThanOrEqual(box.y + box.height + 1);
  }
}

/** The facilitator's "Add stage" and "Add lane" lie whole inside the map (Fit frames them too). */
async function expectAddButtonsIn(map: Locator, w: (typeof WORDS)[Locale]): Promise<void> {
  const box = (await map.boundingBox())!;
  for (const name of [w.addStage, w.addLane]) {
    const b = (await map.getByRole('button', { name, exact: true }).boundingBox())!;
    const where = `“${name}” at x ${b.x.toFixed(0)}–${(b.x + b.width).toFixed(0)}, y ${b.y.toFixed(0)}–${(b.y + b.height).toFixed(0)} in the map at x ${box.x.toFixed(0)}–${(box.x + box.width).toFixed(0)}, y ${box.y.toFixed(0)}–${(box.y + box.height).toFixed(0)}`;
    expect(b.x >= box.x - 0.5 && b.y >= box.y - 0.5 && b.x + b.width <= box.x + box.width + 0.5 && b.y + b.height <= box.y + box.height + 0.5, where).toBe(true);
  }
}

/**
 * A card's vote badge as drawn, with the card above it in its cell and its first line: boxes in screen
 * px, to check the badge stays in the band between them.
 */
function badgeBand(page: Page, id: string) {
  return page.evaluate((id) => {
    const card = document.querySelector(`[data-card-id="${id}"]`)!.getBoundingClientRect();
    const badge = document.querySelector(`[data-card-id-dots="${id}"]`)!.getBoundingClientRect();
    const text = document.querySelector(`[data-card-id="${id}"] .card-text`)!.getBoundingClientRect();
    const above = [...document.querySelectorAll('[data-card-id]')]
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.left < card.right - 1 && card.left < r.right - 1 && r.bottom <= card.top + 1)
      .sort((a, b) => b.bottom - a.bottom)[0];
    const zoom = new DOMMatrix(getComputedStyle(document.querySelector('.board-layer')!).transform).a;
    return { card: card.toJSON() as DOMRect, badge: badge.toJSON() as DOMRect, textTop: text.top, aboveBottom: above?.bottom ?? null, zoom };
  }, id);
}

/**
 * The projector's stage names as drawn: their text, computed font size, box, the box of the text itself
 * (the union of its line boxes) and any word whose letters lie on more than one line.
 */
function stageNames(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.projector-stage-name:not(.sr-only)')].map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const lines = [...range.getClientRects()];
      const text = el.textContent ?? '';
      const node = el.firstChild!;
      const brokenWords: string[] = [];
      let at = 0;
      for (const word of text.split(' ')) {
        const r = document.createRange();
        r.setStart(node, at);
        r.setEnd(node, at + word.length);
        if (new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top))).size > 1) brokenWords.push(word);
        at += word.length + 1;
      }
      const box = el.getBoundingClientRect();
      return {
        text,
        font: parseFloat(getComputedStyle(el).fontSize),
        height: box.height,
        left: box.left,
        right: box.right,
        textLeft: Math.min(...lines.map((l) => l.left)),
        textRight: Math.max(...lines.map((l) => l.right)),
        textTop: Math.min(...lines.map((l) => l.top)),
        textBottom: Math.max(...lines.map((l) => l.bottom)),
        brokenWords,
      };
    }),
  );
}

/** The projector's head bar as drawn: its parts' boxes, how much of the title and persona shows, and its texts that are cut. */
function headBar(page: Page) {
  return page.evaluate(() => {
    const head = document.querySelector('.projector-head')!.getBoundingClientRect();
    const parts = [...document.querySelectorAll('.projector-head > :not(.projector-status-bar), .projector-status-bar > *')]
      .map((el) => ({ cls: el.className, r: el.getBoundingClientRect().toJSON() as DOMRect }))
      .filter((p) => p.r.width > 0);
    const title = document.querySelector<HTMLElement>('.projector-title')!;
    const name = document.querySelector<HTMLElement>('.projector-persona strong');
    const quote = document.querySelector<HTMLElement>('.projector-persona .persona-card-quote');
    const box = document.querySelector('.projector-persona')?.getBoundingClientRect();
    // Every text shown in the bar, whole: nothing wider or taller than its box (an ellipsis, a clamp).
    const cut = [...document.querySelectorAll<HTMLElement>('.projector-head :is(h1, h2, p, span, strong)')]
      .filter((el) => el.getClientRects().length > 0 && !el.closest('.sr-only') && el.getBoundingClientRect().width > 1)
      .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
      .map((el) => `${el.className}: "${el.textContent}" ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`);
    return {
      head: head.toJSON() as DOMRect,
      parts,
      cut,
      title: { clamped: title.scrollHeight > title.clientHeight + 1, font: parseFloat(getComputedStyle(title).fontSize) },
      name: name && box ? { cut: name.scrollWidth > name.clientWidth + 1, inside: name.getBoundingClientRect().right <= box.right + 1 } : null,
      quote:
        quote && box ? { lines: Math.round(quote.getBoundingClientRect().height / parseFloat(getComputedStyle(quote).lineHeight)), bottom: quote.getBoundingClientRect().bottom, boxBottom: box.bottom } : null,
    };
  });
}

/** The head bar's parts lie inside it, none over another, and none of its texts is cut. */
function expectWholeAndApart(bar: Awaited<ReturnType<typeof headBar>>) {
  for (const [i, a] of bar.parts.entries()) {
    expect(a.r.left, a.cls).toBeGreaterThanOrEqual(bar.head.left);
    expect(a.r.right, a.cls).toBeLessThanOrEqual(bar.head.right + 1);
    expect(a.r.top, a.cls).toBeGreaterThanOrEqual(bar.head.top);
    expect(a.r.bottom, a.cls).toBeLessThanOrEqual(bar.head.bottom + 1);
    for (const b of bar.parts.slice(i + 1)) {
      const apart = a.r.right <= b.r.left + 1 || b.r.right <= a.r.left + 1 || a.r.bottom <= b.r.top + 1 || b.r.bottom <= a.r.top + 1;
      expect(apart, `${a.cls} | ${b.cls} overlap`).toBe(true);
    }
  }
  expect(bar.cut, 'texts cut in the head bar').toEqual([]);
}

/**
 * Every text a person sees on the projector outside the notes, at its rendered size: the font size
 * times the scale of the layers it is drawn in (the map's zoom for the curve's SVG), smallest first.
 * Notes are measured apart: their words are read zoomed in (20 px or more, below).
 */
function renderedTexts(page: Page) {
  return page.evaluate(() => {
    const scale = (el: Element) => {
      let s = 1;
      for (let e: Element | null = el; e; e = e.parentElement) {
        const t = getComputedStyle(e).transform;
        if (t && t !== 'none') s *= Math.hypot(new DOMMatrix(t).a, new DOMMatrix(t).b);
      }
      return s;
    };
    const out: Array<{ px: number; text: string; where: string }> = [];
    const walker = document.createTreeWalker(document.querySelector('.projector')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      if (!n.textContent?.trim() || el.closest('[data-card-id], .sr-only, desc, title, option')) continue;
      const style = getComputedStyle(el);
      if (style.visibility !== 'visible' || Number(style.opacity) === 0) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const shown = [...range.getClientRects()].some((r) => r.width > 1 && r.height > 1 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight);
      if (shown) out.push({ px: Math.round(parseFloat(style.fontSize) * scale(el) * 10) / 10, text: n.textContent.trim(), where: `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}` });
    }
    return out.sort((a, b) => a.px - b.px);
  });
}

for (const locale of ['en', 'it'] as const) {
  const w = WORDS[locale];
  const browserLocale = locale === 'it' ? 'it-IT' : 'en-US';

  test(`projector at 1280×720 (${locale}): the whole journey with large stage names, the spotlit stage and a selected card readable, stepping like slides`, async ({ server, person }) => {
    // A seeded workshop, a facilitator and the projector: more than one simple scene.
    test.setTimeout(120_000);
    const board = await seeded(server.url, locale);
    const stock = await connectStockClient(server.url, board.id, board.tokens.facilitator);
    const persona = addPersona(stock.doc, PERSONA[locale])!;
    setActivePersona(stock.doc, persona);
    addPersona(stock.doc, { name: 'Marco' });
    // The built-in agenda's longest step; a stage without emotions (its curve says "no data"); an
    // emotion tagged with the persona (a tab on the note; with a second persona, their curves compared
    // and a legend).
    const step = LONGEST_STEP(locale);
    goToStep(stock.doc, step.index, Date.now());
    for (const c of cellCards(stock.doc, 'purchase', 'emotions')) deleteCard(stock.doc, c.id);
    setCardPersona(stock.doc, cellCards(stock.doc, 'use', 'emotions')[0].id, persona);
    stock.destroy();
    const anna = await person('Anna', 'facilitator', { board, locale: browserLocale, open: false });
    await anna.page.setViewportSize({ width: 1440, height: 900 });
    await openPage(anna, server.url, board.url('facilitator'));
    const annaMap = anna.page.getByRole('region', { name: w.map });
    await expect(annaMap).toBeVisible({ timeout: 30_000 });
    const screen = await person('Screen', null, { board, locale: browserLocale });
    await screen.page.setViewportSize({ width: 1280, height: 720 });
    await screen.page.emulateMedia({ reducedMotion: 'reduce' });
    await openPage(screen, server.url, board.projectorUrl('facilitator'));
    const page = screen.page;
    const map = page.getByRole('region', { name: w.map });
    await expect(map).toBeVisible({ timeout: 30_000 });

    await test.step('the whole journey and its curve fit the screen; the stage names read like slide headings', async () => {
      for (const title of w.stages) await expect(map.getByRole('heading', { name: title, exact: true })).toBeInViewport({ ratio: 0.99 });
      const names = await stageNames(page);
      expect(names.map((n) => n.text)).toEqual(w.stages);
      // One size for all, at least 28 px tall, every word whole on one line, no name over another.
      expect(new Set(names.map((n) => n.font)).size, 'one common size').toBe(1);
      for (const n of names) {
        expect(n.height, `${n.text}: rendered height`).toBeGreaterThanOrEqual(28);
        expect(n.font * 1.2, `${n.text}: line height`).toBeGreaterThanOrEqual(28);
        expect(n.brokenWords, `${n.text}: words broken across lines`).toEqual([]);
        expect(n.textRight - n.textLeft, `${n.text}: not cut by its box`).toBeLessThanOrEqual(n.right - n.left + 1);
        expect(n.textLeft, `${n.text}: on screen`).toBeGreaterThanOrEqual(0);
        expect(n.textRight, `${n.text}: on screen`).toBeLessThanOrEqual(1280);
      }
      for (let i = 1; i < names.length; i++)
        for (let j = 0; j < i; j++) {
          const [a, b] = [names[i], names[j]];
          const apart = a.textLeft >= b.textRight || b.textLeft >= a.textRight || a.textTop >= b.textBottom || b.textTop >= a.textBottom;
          expect(apart, `${a.text} and ${b.text} overlap`).toBe(true);
        }
      await expectWholeJourneyIn(page, map);
      await expect(page.getByRole('img', { name: /^(Emotion curve|Curva delle emozioni)/ })).toBeInViewport({ ratio: 0.99 });
      // The projector always draws every word, however far out (no level of detail there).
      const clipped = await wordsClipped(page);
      expect(clipped.length).toBeGreaterThan(0);
      expect(clipped.every((c) => !c)).toBe(true);
    });

    await test.step('timer, agenda step, vote and QR code sit in a bar that does not overflow at 720 px', async () => {
      await expect(page.getByRole('timer')).toBeInViewport({ ratio: 0.99 });
      await expect(page.locator('.agenda-chip')).toBeInViewport({ ratio: 0.99 });
      await expect(page.locator('.projector-qr')).toBeInViewport({ ratio: 0.99 });
      const sizes = await page.evaluate(() => {
        const head = document.querySelector('.projector-head')!;
        return { page: document.documentElement.scrollHeight, head: head.getBoundingClientRect().height, headScroll: head.scrollHeight, headClient: head.clientHeight };
      });
      expect(sizes.page).toBeLessThanOrEqual(720);
      // Two rows (the board, then the room's state), the map keeping 87 % of the screen.
      expect(sizes.head).toBeLessThanOrEqual(720 * 0.13);
      expect(sizes.headScroll).toBeLessThanOrEqual(sizes.headClient + 1);
    });

    await test.step('with a persona in the bar, the board title and the persona stay readable', async () => {
      const persona = PERSONA[locale];
      const card = page.locator('.projector-persona');
      await expect(card).toBeInViewport({ ratio: 0.99 });
      const bar = await headBar(page);
      expectWholeAndApart(bar);
      await expect(page.locator('.projector-step')).toHaveText(step.text);
      await expect(page.locator('.projector-persona .strip-sub')).toBeVisible();
      expect(bar.title.clamped, 'the whole board title shows').toBe(false);
      expect(bar.title.font).toBeGreaterThanOrEqual(20);
      expect(bar.name?.cut || !bar.name?.inside, 'the persona name shows whole').toBe(false);
      // The quote: two lines at most inside the card (or none when the bar is crowded); its whole text
      // stays in the card's title and accessible name.
      expect(bar.quote!.lines).toBeLessThanOrEqual(2);
      expect(bar.quote!.bottom).toBeLessThanOrEqual(bar.quote!.boxBottom + 1);
      expect(await card.getAttribute('title')).toContain(persona.quote);
      await expect(card).toContainText(persona.quote);
      await expect(card.locator('strong')).toHaveText(persona.name);
    });

    await test.step('every text outside the notes reads at 12 px or more on the fitted journey, the curve\'s words included', async () => {
      const texts = await renderedTexts(page);
      console.log(`projector ${locale} 1280×720, smallest texts outside the notes:`, texts.slice(0, 4).map((t) => `${t.px} px ${t.where} "${t.text}"`).join('; '));
      expect(texts.length).toBeGreaterThan(20);
      for (const t of texts) expect(t.px, `${t.where} "${t.text}"`).toBeGreaterThanOrEqual(12);
      // The curve's words are among them: "no data" over the stage without emotions, a median per other
      // stage, the persona's name in the legend of the compared curves.
      expect(texts.filter((t) => t.text === PERSONA[locale].name), 'the persona in the head and in the legend').toHaveLength(2);
      // Its tab on the note would be 4 px here: it waits for the projector to zoom in.
      await expect(page.locator('.persona-tab')).toBeHidden();
      expect(texts.filter((t) => t.text === w.noData)).toHaveLength(1);
      expect(texts.filter((t) => /^[+-]\d/.test(t.text)).length).toBeGreaterThanOrEqual(5);
    });

    await test.step('key 4 spotlights a stage: the projector zooms to it, card text at least 20 px', async () => {
      await annaMap.click({ position: { x: 5, y: 5 } });
      await anna.page.keyboard.press('4');
      await expect(page.getByText(`${w.spotlight}: ${w.stages[3]}`, { exact: true })).toBeVisible();
      // The head bar now holds the title, the persona, the step, the spotlight and the vote: all whole, none over another.
      const bar = await headBar(page);
      expectWholeAndApart(bar);
      expect(bar.head.height).toBeLessThanOrEqual(720 * 0.13);
      for (const text of [step.text, `${w.spotlight}: ${w.stages[3]}`, w.vote]) await expect(page.getByText(text, { exact: true })).toBeInViewport({ ratio: 0.99 });
      expect(bar.title.clamped, 'the whole board title shows').toBe(false);
      expect(bar.name?.cut || !bar.name?.inside, 'the persona name shows whole').toBe(false);
      await expect.poll(() => zoomOf(page)).toBeGreaterThan(1);
      const sizes = await cardTextPx(page);
      expect(sizes.length).toBeGreaterThan(0);
      expect(sizes[0]).toBeGreaterThanOrEqual(20);
      // The persona's tab on the tagged emotion in this stage shows now, at a readable size.
      const tab = page.locator('.persona-tab');
      await expect(tab).toBeVisible();
      const tabPx = await tab.evaluate((el) => parseFloat(getComputedStyle(el).fontSize) * new DOMMatrix(getComputedStyle(document.querySelector('.board-layer')!).transform).a);
      expect(tabPx).toBeGreaterThanOrEqual(12);
      // Its name stays on top, and the room still sees which lane is which.
      await expect(map.getByRole('heading', { name: w.stages[3], exact: true })).toBeInViewport();
      await expect(map.getByRole('listitem').filter({ hasText: w.lanes[0] })).toBeInViewport();
    });

    await test.step('the arrow keys on the projector step to the next stage, for everyone', async () => {
      await page.keyboard.press('ArrowRight');
      await expect(page.getByText(`${w.spotlight}: ${w.stages[4]}`, { exact: true })).toBeVisible();
      await expect(anna.page.getByText(`${w.spotlight}: ${w.stages[4]}`, { exact: true })).toBeVisible();
      await expect(map.getByRole('heading', { name: w.stages[4], exact: true })).toBeInViewport();
      // Past the last stage, the whole journey again.
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expect(page.getByText(`${w.spotlight}: `)).toHaveCount(0);
      await expect.poll(() => zoomOf(page)).toBeLessThan(1);
      await expectWholeJourneyIn(page, map);
    });

    await test.step('the facilitator selects a card: the projector zooms to it', async () => {
      const note = anna.board.notes.first();
      const id = (await note.getAttribute('data-card-id'))!;
      await note.click();
      const card = page.locator(`[data-card-id="${id}"]`);
      await expect(card).toBeInViewport({ ratio: 0.99 });
      await expect.poll(() => zoomOf(page)).toBeGreaterThan(1);
      const px = await card.locator('.card-text').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(px * (await zoomOf(page))).toBeGreaterThanOrEqual(20);
    });

    await test.step('the vote revealed over the whole journey: the results list the totals; the 5-px badges on the notes wait for a zoom in', async () => {
      await anna.page.keyboard.press('Escape');
      await expect.poll(() => zoomOf(page)).toBeLessThan(1);
      const stock = await connectStockClient(server.url, board.id, board.tokens.facilitator);
      revealVote(stock.doc);
      stock.destroy();
      await expect(page.locator('.projector-results').getByRole('listitem').first()).toBeVisible();
      await expect(page.locator('.dot-total').first()).toBeAttached();
      await expect(page.locator('.dot-total:visible')).toHaveCount(0);
      const texts = await renderedTexts(page);
      for (const t of texts) expect(t.px, `${t.where} "${t.text}"`).toBeGreaterThanOrEqual(12);
      // Spotlit beside the results, the neighbouring stages' names stay clear of them.
      await annaMap.click({ position: { x: 5, y: 5 } });
      await anna.page.keyboard.press('4');
      await expect.poll(() => zoomOf(page)).toBeGreaterThan(1);
      const panel = (await page.locator('.projector-results').boundingBox())!;
      for (const n of await stageNames(page)) expect(n.textRight, `${n.text} under the results`).toBeLessThanOrEqual(panel.x + 1);
    });

    // One language is enough for axe here (the same page; the phone spec checks both languages).
    if (locale === 'en') {
      await test.step('the projector passes an accessibility check', async () => {
        await expectNoSeriousA11yViolations(page, `the projector (${locale})`);
      });
    }
  });

  test(`laptop (${locale}): the first view shows all six stages; Fit uses the height and the room beside panels; headers stay after zooming and panning`, async ({ server, person }) => {
    test.setTimeout(120_000);
    const board = await seeded(server.url, locale);
    const sizes = [{ width: 1280, height: 800 }, { width: 1440, height: 900 }];

    // One page: opened at 1280×800, then the window grows to 1440×900 (a first view on a wide screen is
    // fitted, and a fitted view fits again when its room changes).
    const p = await person('Anna', 'facilitator', { board, locale: browserLocale, open: false });
    await p.page.setViewportSize(sizes[0]);
    await openPage(p, server.url, board.url('facilitator'));
    const pMap = p.page.getByRole('region', { name: w.map });
    const heading = (title: string) => pMap.getByRole('heading', { name: title, exact: true });
    await expect(pMap).toBeVisible({ timeout: 30_000 });
    // The workshop's map is wide: its width limits the fitted zoom, and "Add stage" is at its right.
    for (const size of sizes) {
      await p.page.setViewportSize(size);
      await test.step(`${size.width}×${size.height}: the first view and Fit show the whole journey and the facilitator's “Add stage” and “Add lane”`, async () => {
        for (const title of w.stages) await expect(heading(title)).toBeInViewport({ ratio: 0.99 });
        await expectWholeJourneyIn(p.page, pMap);
        await expectAddButtonsIn(pMap, w);
        await pMap.getByRole('button', { name: w.fit }).click();
        await expectWholeJourneyIn(p.page, pMap);
        await expectAddButtonsIn(pMap, w);
      });
    }

    // Many notes in one cell make the map tall: fitting it by its width alone would cut its bottom off.
    const stock = await connectStockClient(server.url, board.id, board.tokens.facilitator);
    for (let i = 0; i < 24; i++) addCard(stock.doc, { stage: 'awareness', lane: 'ideas', text: `Idea ${i + 1}`, author: 'Sam', now: Date.now() });
    // All 24 are in when the ideas lane (its header's height, in board px) holds their twelve rows.
    await expect.poll(() => pMap.locator('.lane-header[data-lane="ideas"]').evaluate((el) => parseFloat(el.style.height))).toBeGreaterThan(12 * 106);
    stock.destroy();
    for (const size of sizes) {
      await p.page.setViewportSize(size);
      await test.step(`${size.width}×${size.height}, a tall map: Fit shows all of it, and “Add lane” under it`, async () => {
        await pMap.getByRole('button', { name: w.fit }).click();
        for (const title of w.stages) await expect(heading(title)).toBeInViewport({ ratio: 0.99 });
        await expectWholeJourneyIn(p.page, pMap);
        await expectAddButtonsIn(pMap, w);
      });
    }

    await test.step('a dot on a note under another one stays between them and above its words, at Fit', async () => {
      // "Idea 3" is in the second row of its cell, under another note.
      const idea = pMap.locator('[data-card-id]').filter({ has: p.page.locator('.card-words', { hasText: /^Idea 3$/ }) });
      const id = (await idea.getAttribute('data-card-id'))!;
      await idea.click();
      await p.page.getByRole('button', { name: w.addDot('Idea 3') }).click();
      await expect(p.page.locator(`[data-card-id-dots="${id}"].has-dots`)).toBeVisible();
      await p.page.keyboard.press('Escape');
      await pMap.getByRole('button', { name: w.fit }).click();
      await expect.poll(async () => (await badgeBand(p.page, id)).zoom).toBeLessThan(0.6);
      const b = await badgeBand(p.page, id);
      const at = `at zoom ${b.zoom.toFixed(2)}: badge y ${b.badge.top.toFixed(1)}–${b.badge.bottom.toFixed(1)}, card above ends at ${b.aboveBottom?.toFixed(1)}, first line at ${b.textTop.toFixed(1)}`;
      expect(b.aboveBottom, 'a note above it in its cell').not.toBeNull();
      expect(b.badge.height, `the badge is drawn (${at})`).toBeGreaterThan(2);
      expect(b.badge.top, `the badge does not cover the note above (${at})`).toBeGreaterThanOrEqual(b.aboveBottom! - 0.5);
      expect(b.badge.bottom, `the badge does not cover its note's words (${at})`).toBeLessThanOrEqual(b.textTop + 0.5);
      // Over its own note's width (and the few px its corner reaches past it), not the neighbour's.
      expect(b.badge.left).toBeGreaterThanOrEqual(b.card.left - 1);
      expect(b.badge.right).toBeLessThanOrEqual(b.card.right + 4 * b.zoom + 0.5);
    });

    await test.step('zoomed out until the words are under 5 px, the notes show bars instead and keep their names; zoomed in, the words return', async () => {
      const zoomOut = pMap.getByRole('button', { name: w.zoomOut });
      const zoomIn = pMap.getByRole('button', { name: w.zoomIn });
      const textPx = async () => (await zoomOf(p.page)) * 14;
      const note = pMap.locator('[data-card-id]').filter({ has: p.page.locator('.card-words') }).first();
      const words = ((await note.locator('.card-words').textContent()) ?? '').trim();
      while ((await textPx()) >= 5) await zoomOut.click();
      await expect.poll(async () => { const c = await wordsClipped(p.page); return c.length > 0 && c.every(Boolean); }).toBe(true);
      // Screen readers lose nothing: the note is still named by its words.
      await expect(note).toHaveAccessibleName(new RegExp(words.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      while ((await textPx()) < 5.5) await zoomIn.click();
      await expect.poll(async () => { const c = await wordsClipped(p.page); return c.length > 0 && !c.some(Boolean); }).toBe(true);
    });

    await test.step('Fit with the facilitation panel open: the whole journey, in its narrower room', async () => {
      await p.page.getByRole('banner').getByRole('button', { name: w.facilitation }).click();
      await expect(p.page.getByRole('complementary', { name: w.facilitation })).toBeVisible();
      await pMap.getByRole('button', { name: w.fit }).click();
      await expectWholeJourneyIn(p.page, pMap);
      for (const title of w.stages) await expect(heading(title)).toBeInViewport({ ratio: 0.99 });
    });

    await test.step('zoomed in and panned into the map, the stage and lane names stay in view', async () => {
      const zoomIn = pMap.getByRole('button', { name: w.zoomIn });
      for (let i = 0; i < 6; i++) await zoomIn.click();
      const box = (await pMap.boundingBox())!;
      // Drag the map up and left by empty canvas, well past the headers.
      const from = { x: box.x + box.width - 30, y: box.y + box.height / 2 };
      await p.page.mouse.move(from.x, from.y);
      await p.page.mouse.down();
      await p.page.mouse.move(from.x - 300, from.y - 350, { steps: 8 });
      await p.page.mouse.up();
      const visibleStage = pMap.locator('.stage-header').filter({ has: p.page.locator('h2') });
      const tops = await visibleStage.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
      expect(Math.min(...tops)).toBeGreaterThanOrEqual(box.y - 1);
      expect(Math.min(...tops)).toBeLessThan(box.y + 60);
      const lefts = await pMap.locator('.lane-header').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().left));
      expect(Math.min(...lefts)).toBeGreaterThanOrEqual(box.x - 1);
      expect(Math.min(...lefts)).toBeLessThan(box.x + 10);
      // The lane under the stage headers shows its name at the top of its part in view, even when the
      // lane's own top is far above the screen (the ideas lane is taller than the screen here).
      const lane = await p.page.evaluate((mapTop) => {
        const stageBottom = Math.max(mapTop, ...[...document.querySelectorAll('.stage-header')].map((e) => e.getBoundingClientRect().bottom));
        const header = [...document.querySelectorAll('.lane-header')].find((e) => {
          const r = e.getBoundingClientRect();
          return r.top <= stageBottom + 4 && r.bottom > stageBottom + 4;
        });
        const title = header?.querySelector('.axis-title')?.getBoundingClientRect();
        return { stageBottom, laneTop: header?.getBoundingClientRect().top ?? NaN, titleTop: title?.top ?? NaN, titleBottom: title?.bottom ?? NaN, titleWidth: title?.width ?? 0 };
      }, box.y);
      expect(lane.laneTop, 'the lane starts above the view').toBeLessThan(lane.stageBottom - 50);
      expect(lane.titleTop).toBeGreaterThanOrEqual(lane.stageBottom - 1);
      expect(lane.titleBottom).toBeLessThanOrEqual(box.y + box.height);
      expect(lane.titleWidth).toBeGreaterThan(0);
    });
  });
}
