import { expect, type Locator, type Page } from '@playwright/test';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { BoardPage } from './board-page';

/**
 * Running the room, as each person sees it: the facilitator's "Facilitation" panel (locks, timer,
 * agenda, spotlight, dot voting, "Bring everyone here"), the strip over everyone's map (agenda step,
 * timer, spotlight, vote, lock banners, whom one follows), dots on cards, and the projector view.
 */
export class Facilitation {
  readonly button: Locator;
  readonly panel: Locator;
  readonly timer: Locator;
  readonly results: Locator;
  readonly followChip: Locator;

  constructor(
    readonly page: Page,
    readonly board?: BoardPage,
  ) {
    this.button = page.getByRole('banner').getByRole('button', { name: 'Facilitation' });
    this.panel = page.getByRole('complementary', { name: 'Facilitation' });
    this.timer = page.getByRole('timer', { name: 'Timer' });
    this.results = page.getByRole('region', { name: 'Vote results' });
    this.followChip = page.getByText(/^Following /);
  }

  /** Opens the facilitator's side panel (the top bar's "Facilitation" button). */
  async openPanel(): Promise<void> {
    if (await this.panel.isVisible()) return;
    await this.button.click();
    await expect(this.panel).toBeVisible();
  }

  lock(name: 'Lock the stages and lanes' | 'Lock the board' | 'Cards only mode'): Locator {
    return this.panel.getByRole('switch', { name });
  }

  async setLock(name: 'Lock the stages and lanes' | 'Lock the board' | 'Cards only mode', on: boolean): Promise<void> {
    await this.openPanel();
    const sw = this.lock(name);
    await sw.setChecked(on);
    await expect(sw).toBeChecked({ checked: on });
  }

  /** "Compact the board…", by keyboard, then the confirmation's "Compact". */
  async compactTheBoard(): Promise<void> {
    await this.openPanel();
    await this.panel.getByRole('button', { name: 'Compact the board…' }).focus();
    await this.page.keyboard.press('Enter');
    const confirm = this.panel.getByRole('group', { name: /Compact the board now\?/ });
    await expect(confirm).toBeVisible();
    await confirm.getByRole('button', { name: 'Compact', exact: true }).click();
  }

  async startTimer(minutes: number): Promise<void> {
    await this.openPanel();
    await this.panel.getByLabel('Minutes', { exact: true }).fill(String(minutes));
    await this.panel.getByRole('button', { name: 'Start the timer' }).click();
    await expect(this.timer).toBeVisible();
  }

  timerButton(name: 'Pause the timer' | 'Resume the timer' | 'Add one minute' | 'Stop the timer'): Locator {
    return this.panel.getByRole('button', { name });
  }

  /** The time the timer shows, e.g. "4:59". */
  async timerText(): Promise<string> {
    return (await this.timer.textContent())?.trim() ?? '';
  }

  async goToStep(n: number, title: string): Promise<void> {
    await this.openPanel();
    await this.panel.getByRole('button', { name: `Go to step ${n}: ${title}` }).click();
  }

  agendaStep(n: number, total: number, title: string): Locator {
    // The chip over the map (or in the projector's header), not the panel's own status line.
    return this.page.locator('.agenda-chip').getByText(`Step ${n} of ${total}: ${title}`, { exact: true });
  }

  /** "Spotlight: Purchase", in the strip over the map or on the projector. */
  spotlightNote(stage: string): Locator {
    return this.page.getByText(`Spotlight: ${stage}`, { exact: true });
  }
  /** The dimmed overlay on a stage that is not in the spotlight. */
  dimmed(stageId: string): Locator {
    return this.page.locator(`.spotlight-dim[data-stage="${stageId}"]`);
  }
  spotlit(stageId: string): Locator {
    return this.page.locator(`.spotlight-frame[data-stage="${stageId}"]`);
  }

  async startVote(dots: number, lane: string): Promise<void> {
    await this.openPanel();
    await this.panel.getByLabel('Dots per person').fill(String(dots));
    await this.panel.getByLabel('Cards to vote on').selectOption({ label: `Lane: ${lane}` });
    await this.panel.getByRole('button', { name: 'Start the vote' }).click();
    await expect(this.panel.getByRole('button', { name: 'Reveal the results' })).toBeVisible();
  }

  async reveal(): Promise<void> {
    await this.openPanel();
    await this.panel.getByRole('button', { name: 'Reveal the results' }).click();
  }

  /**
   * Selects a note (a click on it): its action bar, over the map in screen space, shows − my dots +
   * while a vote is open. Dots are placed one card at a time, as in Miro.
   */
  async selectCard(cardText: string): Promise<void> {
    if (!this.board) throw new Error('selectCard needs the board page');
    await this.board.note(cardText).click();
    await expect(this.page.getByRole('group', { name: 'Note actions' })).toBeVisible();
  }
  /** The selected note's "Add a dot" button (see selectCard). */
  addDot(cardText: string): Locator {
    return this.page.getByRole('button', { name: `Add a dot to “${cardText}”` });
  }
  removeDot(cardText: string): Locator {
    return this.page.getByRole('button', { name: `Remove a dot from “${cardText}”` });
  }
  /** Dots shown on a card: my own while the vote is open, everyone's total after the reveal. */
  dotsOn(cardId: string): Locator {
    return this.page.locator(`[data-card-id-dots="${cardId}"]`);
  }
  /** Every total shown on the map. */
  get totals(): Locator {
    return this.page.locator('.dot-total');
  }

  async bringEveryoneHere(): Promise<void> {
    await this.openPanel();
    await this.panel.getByRole('button', { name: 'Bring everyone here' }).click();
    await expect(this.page.getByText('Everyone was brought to your view.')).toBeVisible();
  }

  /** Follows someone from the list of people online. */
  async follow(name: string): Promise<void> {
    const people = this.page.getByRole('banner').getByRole('button', { name: /\bpe(rson|ople) online$/ });
    await people.click();
    const panel = this.page.getByRole('region', { name: 'People on this board' });
    await panel.getByRole('button', { name: `Follow ${name}` }).click();
    await this.page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(this.page.getByText(`Following ${name}`, { exact: true })).toBeVisible();
  }
}

/** Zooms this person's map to about twice the fitted view, around the middle of a cell. */
export async function zoomInOn(page: Page, board: BoardPage, stage: string, lane: string): Promise<void> {
  await board.fitJourney();
  const box = await board.cell(stage, lane).boundingBox();
  if (!box) throw new Error(`no cell ${stage} · ${lane}`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const before = await zoomOf(page);
  await page.keyboard.down('Control');
  for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -50);
  await page.keyboard.up('Control');
  await expect.poll(() => zoomOf(page)).toBeGreaterThan(before * 1.8);
}

async function zoomOf(page: Page): Promise<number> {
  const transform = await page.locator('.board-layer').evaluate((el) => (el as HTMLElement).style.transform);
  return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? 1);
}

/** The projector view: the board for the meeting room's screen. */
export class ProjectorView extends Facilitation {
  readonly map: Locator;
  readonly joinQr: Locator;
  readonly fullscreen: Locator;

  constructor(page: Page) {
    super(page);
    this.map = page.getByRole('region', { name: 'Journey map' });
    this.joinQr = page.getByRole('img', { name: 'QR code to join the board as a participant' });
    this.fullscreen = page.getByRole('button', { name: 'Full screen' });
  }

  stageHeading(title: string): Locator {
    return this.map.getByRole('heading', { name: title, exact: true });
  }
}

/**
 * A stock y-websocket client that sends a person key, as the app does: for checking what the server
 * accepts from a participant, whatever their app would allow.
 */
export async function connectAs(serverUrl: string, boardId: string, token: string, person: string): Promise<{ doc: Y.Doc; destroy(): void }> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(serverUrl.replace(/^http/, 'ws') + '/ws', boardId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token, person },
  });
  const destroy = () => {
    provider.destroy();
    doc.destroy();
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the stock client did not sync within 10 s')), 10_000);
    provider.on('sync', (synced: boolean) => {
      if (synced) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return { doc, destroy };
}

/** The secret person key a browser keeps (facilitation/person.ts). */
export async function personKeyOf(page: Page): Promise<string> {
  const key = await page.evaluate(() => localStorage.getItem('journey-studio:person'));
  if (!key) throw new Error('this browser has no person key yet');
  return key;
}
