import type { Page } from '@playwright/test';
import { addCard } from '../../shared/commands/cards';
import { renameAxisItem } from '../../shared/commands/skeleton';
import { momentsDeck } from '../../shared/decks/builtin/moments';
import { truthExerciseDeck } from '../../shared/decks/builtin/questions';
import { deckCardToAddInput } from '../../shared/decks/deck-to-card';
import { expect, test, type BoardLocale, type TestBoard } from '../fixtures';
import { ExportMenu } from '../pages/export-menu';
import { connectStockClient } from '../stock-client';

/**
 * Cards show all their words (issue 10): the three key moments, a long emotion quote, a question with
 * its answer and a very long note, in both languages. Measured in the browser: no card text element is
 * clipped (its content fits its box, no ellipsis or line clamp in effect, every line inside the card),
 * the moments' full names are visible text, and a long note shows an excerpt with its full text as a
 * tooltip. The same holds in the exported SVG (the drawing the PNG is made from).
 */

const WORDS = {
  en: {
    board: 'Bike rental',
    moments: ['Trigger moment', 'Moment of Truth', 'Medal moment'],
    kicker: 'Key moment',
    quote:
      'Frustration\n\n“I waited forty minutes at the counter, then they told me the bike I had booked online was not there; nobody could say when it would be back, and the app still showed it as available.”',
    answer: 'A bike ready at the time booked, a helmet that fits, and someone who explains the lock in two minutes. Today none of this is sure.',
    zoomIn: 'Zoom in',
    fit: 'Fit the journey',
    language: 'English',
    lane: 'Channels, touchpoints and every person the customer meets on the way to buying',
    stage: 'Consideration, comparison with the other rental companies and first questions',
  },
  it: {
    board: 'Noleggio bici',
    moments: ['Momento Grilletto', 'Momento della Verità', 'Momento Medaglia'],
    kicker: 'Momento chiave',
    quote:
      'Frustrazione\n\n«Ho aspettato quaranta minuti al banco, poi mi hanno detto che la bici prenotata online non c’era; nessuno sapeva dire quando sarebbe tornata, e l’app la dava ancora disponibile.»',
    answer: 'Una bici pronta all’ora prenotata, un casco della misura giusta e qualcuno che spieghi il lucchetto in due minuti. Oggi niente di questo è sicuro.',
    zoomIn: 'Ingrandisci',
    fit: 'Mostra tutto il percorso',
    language: 'Italiano',
    lane: 'Canali, punti di contatto e tutte le persone che il cliente incontra prima di comprare',
    stage: 'Considerazione, confronto con gli altri noleggi e prime domande',
  },
} as const;

/** A note of 4,000 characters: words of varied length and one very long word. */
function longNote(): string {
  const words = ['customer', 'journey', 'a', 'of', 'purchase', 'experience', 'why', 'Supercalifragilisticexpialidociousness'];
  let out = '';
  for (let i = 0; out.length < 4000; i++) out += words[(i * 7 + 3) % words.length] + ' ';
  return out.slice(0, 4000).trimEnd();
}

async function seed(serverUrl: string, board: TestBoard, locale: BoardLocale): Promise<void> {
  const w = WORDS[locale];
  const client = await connectStockClient(serverUrl, board.id, board.tokens.facilitator);
  try {
    for (const card of momentsDeck.cards) addCard(client.doc, deckCardToAddInput(momentsDeck, card, locale, { stage: card.stage!, lane: 'activities' }, 'Anna'));
    addCard(client.doc, { stage: 'use', lane: 'emotions', kind: 'emotion', text: w.quote, color: '#ffd1dc', author: 'Ben', extra: { valence: -2 } });
    const question = deckCardToAddInput(truthExerciseDeck, truthExerciseDeck.cards[1], locale, { stage: 'use', lane: 'ideas' }, 'Anna');
    addCard(client.doc, { ...question, extra: { ...question.extra, answer: w.answer } });
    addCard(client.doc, { stage: 'use', lane: 'goals', text: longNote(), author: 'Ben' });
    renameAxisItem(client.doc, 'lanes', 'channels', w.lane);
    renameAxisItem(client.doc, 'stages', 'consideration', w.stage);
    // The server confirms what it stored before the client says it is synced.
    await new Promise((r) => setTimeout(r, 300));
  } finally {
    client.destroy();
  }
}

interface Clip {
  card: string;
  what: string;
}

/** Every card's text elements: content that does not fit its box, ellipsis or clamps, text past the card. */
function findClipping(page: Page): Promise<Clip[]> {
  return page.evaluate(() => {
    const out: Array<{ card: string; what: string }> = [];
    // A note's shadow strip hangs below its box (card.css `.card::after`): decoration, not content, so it
    // is left out while the boxes are measured.
    const noShadow = document.createElement('style');
    noShadow.textContent = '.card::after { content: none !important; }';
    document.head.append(noShadow);
    // Cards, and stage and lane titles (they wrap and the header grows to fit them).
    const cards = document.querySelectorAll<HTMLElement>('[data-card-id], .lane-header .axis-title, .stage-header .axis-title');
    for (const card of cards) {
      const name = (card.textContent ?? '').slice(0, 40);
      const cardBox = card.getBoundingClientRect();
      for (const el of [card, ...card.querySelectorAll<HTMLElement>('*')]) {
        if (el.closest('.sr-only, [hidden]') || el instanceof SVGElement) continue;
        const cs = getComputedStyle(el);
        if (cs.textOverflow === 'ellipsis') out.push({ card: name, what: `${el.className}: text-overflow ellipsis` });
        if (cs.webkitLineClamp && cs.webkitLineClamp !== 'none') out.push({ card: name, what: `${el.className}: line clamp ${cs.webkitLineClamp}` });
        if (el.clientHeight > 0 && el.scrollHeight > el.clientHeight + 1) out.push({ card: name, what: `${el.className}: scrollHeight ${el.scrollHeight} > ${el.clientHeight}` });
        if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) out.push({ card: name, what: `${el.className}: scrollWidth ${el.scrollWidth} > ${el.clientWidth}` });
      }
      // Every line of text lies inside the card (the map is scaled: compare on screen, with a pixel to spare).
      const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent?.trim() || n.parentElement?.closest('.sr-only, [hidden]')) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const r of range.getClientRects()) {
          if (r.width === 0) continue;
          if (r.left < cardBox.left - 1 || r.right > cardBox.right + 1 || r.top < cardBox.top - 1 || r.bottom > cardBox.bottom + 1)
            out.push({ card: name, what: `text "${n.textContent.slice(0, 30)}" outside the card` });
        }
      }
    }
    noShadow.remove();
    return out;
  });
}

for (const locale of ['it', 'en'] as const) {
  const w = WORDS[locale];
  test(`cards show all their words (${locale})`, async ({ createBoard, person, server }) => {
    // A page, a zoom, a selection and an SVG export: ~25 s alone, more on a busy machine.
    test.setTimeout(150_000);
    const board = await createBoard(w.board, locale);
    await seed(server.url, board, locale);
    const anna = await person('Anna', 'facilitator', { open: false });
    await anna.page.setViewportSize({ width: 1440, height: 900 });
    await anna.open(board.url('facilitator'));
    // On a busy machine the first sync can take a while.
    await expect(anna.board.map).toBeVisible({ timeout: 60_000 });
    await anna.board.ensureNamed('Anna');
    await anna.board.chooseLanguage(w.language);
    const fit = () => anna.page.getByRole('button', { name: w.fit }).click();
    await fit();
    await expect(anna.page.locator('[data-card-id]')).toHaveCount(6);
    await anna.page.evaluate(() => document.fonts.ready);

    await test.step('the three moments show their full names', async () => {
      for (const name of w.moments) {
        const title = anna.page.locator('.moment-title', { hasText: name });
        await expect(title).toHaveText(name);
        await expect(title).toBeVisible();
      }
      await expect(anna.page.locator('.moment-kicker').first()).toHaveText(w.kicker);
    });

    await test.step('no card text is clipped, at the first view and zoomed in', async () => {
      expect(await findClipping(anna.page)).toEqual([]);
      await anna.page.getByRole('button', { name: w.zoomIn }).click();
      expect(await findClipping(anna.page)).toEqual([]);
    });

    await test.step('the emotion quote and the question’s answer are there whole', async () => {
      await expect(anna.page.locator('.kind-emotion .card-text')).toHaveText(w.quote);
      await expect(anna.page.locator('.kind-face-answer')).toContainText(w.answer);
      await expect(anna.page.locator('.lane-header .axis-title', { hasText: w.lane })).toHaveText(w.lane);
      // A long stage name wraps inside its header, which grows to hold it (shared/layout stageHeaderHeight).
      const stage = anna.page.locator('.stage-header', { hasText: w.stage });
      await expect(stage.locator('.axis-title')).toHaveText(w.stage);
      const [title, header] = await Promise.all([stage.locator('.axis-title').boundingBox(), stage.boundingBox()]);
      expect(title!.y + title!.height).toBeLessThanOrEqual(header!.y + header!.height + 1);
    });

    await test.step('a 4,000-character note shows an excerpt, its tooltip the whole text, and opens when selected', async () => {
      const note = anna.page.locator('[data-card-id]').filter({ hasText: 'Supercalifragilistic' });
      const text = longNote();
      await expect(note).toHaveAttribute('title', text);
      const shown = (await note.locator('.card-text').textContent()) ?? '';
      expect(shown.length).toBeGreaterThan(150);
      expect(shown.length).toBeLessThan(text.length);
      expect(shown.endsWith('…')).toBe(true);
      expect(text.startsWith(shown.slice(0, -1).trimEnd())).toBe(true);
      const before = (await note.boundingBox())!.height;
      await fit();
      await note.click();
      await expect(note.locator('.card-text')).toHaveText(text);
      expect((await note.boundingBox())!.height).toBeGreaterThan(before);
      await anna.page.keyboard.press('Escape');
    });

    if (process.env.CARD_SCREENSHOTS) {
      // Pictures to look at while working on the cards (not part of the test).
      await fit();
      await anna.page.screenshot({ path: `${process.env.CARD_SCREENSHOTS}/cards-${locale}-fit.png` });
      const box = (await anna.page.locator('.card.kind-emotion').boundingBox())!;
      await anna.page.mouse.move(box.x + box.width / 2, box.y);
      await anna.page.keyboard.down('Control');
      for (let i = 0; i < 6; i++) await anna.page.mouse.wheel(0, -60);
      await anna.page.keyboard.up('Control');
      await anna.page.waitForTimeout(500);
      await anna.page.screenshot({ path: `${process.env.CARD_SCREENSHOTS}/cards-${locale}-zoom.png` });
      await fit();
      const moment = (await anna.page.locator('.card.kind-moment').nth(1).boundingBox())!;
      await anna.page.mouse.move(moment.x + moment.width / 2, moment.y + moment.height / 2);
      await anna.page.keyboard.down('Control');
      for (let i = 0; i < 8; i++) await anna.page.mouse.wheel(0, -60);
      await anna.page.keyboard.up('Control');
      await anna.page.waitForTimeout(500);
      await anna.page.screenshot({ path: `${process.env.CARD_SCREENSHOTS}/cards-${locale}-moments.png` });
    }

    await test.step('the exported SVG draws the same cards, unclipped', async () => {
      const menu = new ExportMenu(anna.page, locale);
      const svg = await menu.exportImage('svg');
      await menu.closeDialog();
      const view = await anna.context.newPage();
      await view.setViewportSize({ width: 1440, height: 900 });
      await view.setContent(svg.bytes.toString('utf8').replace(/^<\?xml[^>]*>\s*/, ''));
      await expect(view.locator('svg g[data-card]')).toHaveCount(6);
      // Each moment's full name is drawn as text (wrapped lines are one <text> with a <tspan> each).
      const texts = await view.locator('svg text').evaluateAll((els) =>
        els.map((t) => Array.from(t.querySelectorAll('tspan'), (s) => s.textContent).join(' ')),
      );
      for (const name of w.moments) expect(texts).toContain(name);
      // Nothing drawn outside its card: each text's box lies inside the card's own shapes.
      const outside = await view.evaluate(() => {
        const out: string[] = [];
        for (const g of document.querySelectorAll<SVGGElement>('svg g[data-card]')) {
          const shapes = Array.from(g.querySelectorAll<SVGGraphicsElement>('path, rect')).map((e) => e.getBBox());
          const left = Math.min(...shapes.map((b) => b.x));
          const top = Math.min(...shapes.map((b) => b.y));
          const right = Math.max(...shapes.map((b) => b.x + b.width));
          const bottom = Math.max(...shapes.map((b) => b.y + b.height));
          for (const t of g.querySelectorAll<SVGTextElement>('text')) {
            const b = t.getBBox();
            if (b.x < left - 1 || b.y < top - 1 || b.x + b.width > right + 1 || b.y + b.height > bottom + 1)
              out.push(`${g.dataset.card}: "${t.textContent?.slice(0, 30)}"`);
          }
        }
        return out;
      });
      expect(outside).toEqual([]);
      if (process.env.CARD_SCREENSHOTS) await view.screenshot({ path: `${process.env.CARD_SCREENSHOTS}/cards-${locale}-svg.png` });
      await view.close();
    });
  });
}
