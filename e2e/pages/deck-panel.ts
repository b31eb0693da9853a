import { expect, type Locator, type Page } from '@playwright/test';
import type { BoardPage } from './board-page';

export type UiLang = 'en' | 'it';

/** The panel's words in each interface language, as a person reads them. */
const WORDS = {
  en: { panel: 'Decks', search: 'Search cards', addTo: 'Add to…', addCard: 'Add card', stage: 'Stage', lane: 'Lane', file: 'Deck file to import (JSON)', curve: 'Emotion curve', moments: 'Key moments on the map' },
  it: { panel: 'Mazzi', search: 'Cerca carte', addTo: 'Aggiungi a…', addCard: 'Aggiungi la carta', stage: 'Fase', lane: 'Corsia', file: 'File del mazzo da importare (JSON)', curve: 'Curva delle emozioni', moments: 'Momenti chiave sulla mappa' },
} as const;

/**
 * The deck panel beside the map (a complementary landmark named "Decks"/"Mazzi") and the journey
 * grammar it feeds: deck cards on the map, the emotion curve and the key-moments indicator.
 */
export class DeckPanel {
  readonly region: Locator;
  readonly search: Locator;
  readonly importInput: Locator;
  readonly importError: Locator;
  readonly status: Locator;
  readonly curve: Locator;
  readonly momentsIndicator: Locator;
  private readonly w: (typeof WORDS)[UiLang];

  constructor(
    readonly page: Page,
    readonly board: BoardPage,
    readonly lang: UiLang = 'en',
  ) {
    this.w = WORDS[lang];
    this.region = page.getByRole('complementary', { name: this.w.panel });
    this.search = this.region.getByRole('searchbox', { name: this.w.search });
    this.importInput = this.region.getByLabel(this.w.file);
    this.importError = this.region.getByRole('alert');
    this.status = this.region.getByRole('status');
    this.curve = page.getByRole('img', { name: this.w.curve });
    this.momentsIndicator = page.getByRole('group', { name: this.w.moments });
  }

  /** The heading button of a deck ("Emotions 19 cards"), which opens and closes its card list. */
  deckToggle(title: string): Locator {
    return this.region.getByRole('button', { name: new RegExp(`^${escape(title)}\\b`) });
  }

  async openDeck(title: string): Promise<void> {
    const toggle = this.deckToggle(title);
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  }

  /** A deck card: the draggable named by its title in the reader's language. */
  card(title: string): Locator {
    return this.region.getByRole('button', { name: title, exact: true });
  }

  /** The "Add to…" button next to a deck card. */
  addToButton(title: string): Locator {
    const card = this.page.getByRole('button', { name: title, exact: true });
    return this.region.getByRole('listitem').filter({ has: card }).getByRole('button', { name: this.w.addTo });
  }

  /** Deals a card without dragging: "Add to…", a stage and a lane by their titles, confirm. */
  async addTo(title: string, stage: string, lane: string): Promise<void> {
    await this.addToButton(title).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel(this.w.stage).selectOption({ label: stage });
    await dialog.getByLabel(this.w.lane).selectOption({ label: lane });
    await dialog.getByRole('button', { name: this.w.addCard }).click();
    await expect(dialog).toBeHidden();
  }

  /** Drags a deck card with the mouse onto a point of a cell's visible part (its middle by default), in small steps. */
  async dragToCell(title: string, stage: string, lane: string, at: { fx: number; fy: number } = { fx: 0.5, fy: 0.5 }): Promise<void> {
    const card = this.card(title);
    await card.scrollIntoViewIfNeeded();
    const from = await box(card);
    // The part of the cell on screen: at 200% a cell is wider than the map's free space.
    const cell = intersect(await box(this.board.cell(stage, lane)), await box(this.board.map));
    const to = { x: cell.x + cell.width * at.fx, y: cell.y + cell.height * at.fy };
    await this.page.mouse.move(from.x + 20, from.y + from.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + 30, from.y + from.height / 2 + 6, { steps: 3 });
    await this.page.mouse.move(to.x, to.y, { steps: 25 });
    await this.page.mouse.up();
  }

  /** Picks a card up with Enter, moves it with arrow keys (from its start cell) and drops it with Enter. */
  async dealWithKeyboard(title: string, arrows: string[]): Promise<void> {
    await this.card(title).focus();
    await this.page.keyboard.press('Enter');
    for (const key of arrows) await this.page.keyboard.press(key);
    await this.page.keyboard.press('Enter');
  }

  async importFile(name: string, content: string): Promise<void> {
    await this.importInput.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
  }

  /** Drops a file from the desktop onto the panel (an HTML drag and drop with a real File). */
  async dropFile(name: string, content: string): Promise<void> {
    const data = await this.page.evaluateHandle(
      ([n, c]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([c], n, { type: 'application/json' }));
        return dt;
      },
      [name, content] as const,
    );
    for (const type of ['dragenter', 'dragover', 'drop']) await this.region.dispatchEvent(type, { dataTransfer: data });
  }

  /** Clicks a deck's export button and returns the downloaded file. */
  async exportDeck(title: string): Promise<{ name: string; text: string }> {
    const button = this.region.getByRole('button', { name: `Export ${title} as a JSON file` });
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }

  /** Cards on the map whose text contains `text`. */
  boardCards(text: string | RegExp): Locator {
    return this.board.notes.filter({ hasText: text });
  }

  /** Zooms the map to exactly `zoom` around the middle of a cell (ctrl+wheel, like a trackpad pinch). */
  async zoomTo(zoom: number, stage: string, lane: string): Promise<void> {
    await this.board.fitJourney();
    const cell = await box(this.board.cell(stage, lane));
    await this.page.mouse.move(cell.x + cell.width / 2, cell.y + cell.height / 2);
    // The app's wheel-to-zoom rate is its own business: learn it from each step and correct.
    let rate = 0.004;
    for (let i = 0; i < 40; i++) {
      const current = await this.currentZoom();
      const remaining = Math.log(zoom / current);
      if (Math.abs(remaining) < 5e-4) break;
      const delta = Math.max(-50, Math.min(50, -remaining / rate));
      await this.page.keyboard.down('Control');
      await this.page.mouse.wheel(0, delta);
      await this.page.keyboard.up('Control');
      await expect.poll(() => this.currentZoom()).not.toBe(current);
      const done = Math.log((await this.currentZoom()) / current);
      if (done !== 0) rate = -done / delta;
    }
    await expect(this.board.map.getByRole('button', { name: new RegExp(`^Zoom ${Math.round(zoom * 100)}%`) })).toBeVisible();
  }

  /** The map's zoom, read from the board layer's transform. */
  async currentZoom(): Promise<number> {
    const transform = await this.page.locator('.board-layer').evaluate((el) => (el as HTMLElement).style.transform);
    const m = /scale\(([\d.]+)\)/.exec(transform);
    return m ? Number(m[1]) : 1;
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function intersect(a: Box, b: Box): Box {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return { x, y, width: Math.min(a.x + a.width, b.x + b.width) - x, height: Math.min(a.y + a.height, b.y + b.height) - y };
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function box(locator: Locator): Promise<Box> {
  await expect(locator).toBeVisible();
  const b = await locator.boundingBox();
  if (!b) throw new Error('element has no box');
  return b;
}
