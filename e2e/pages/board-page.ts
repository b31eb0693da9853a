import { expect, type Locator, type Page } from '@playwright/test';

/**
 * A board as a person sees it: the top bar (title, connection, people, share, language), the journey
 * map (stage and lane headers, cells, notes) and its dialogs. Located by role and accessible name;
 * cells by `data-stage`/`data-lane` and notes by `data-card-id`, which the client exposes for tests.
 */
export class BoardPage {
  readonly title: Locator;
  readonly map: Locator;
  readonly connection: Locator;
  readonly viewOnlyBadge: Locator;
  readonly peopleButton: Locator;
  readonly shareButton: Locator;
  readonly languageSelect: Locator;
  readonly nameDialog: Locator;
  readonly noteEditor: Locator;
  readonly notes: Locator;

  constructor(readonly page: Page) {
    const topBar = page.getByRole('banner');
    this.title = topBar.getByRole('heading', { level: 1 });
    this.map = page.getByRole('region', { name: 'Journey map' });
    this.connection = topBar.getByRole('status');
    this.viewOnlyBadge = topBar.getByText('View only');
    this.peopleButton = topBar.getByRole('button', { name: /\bpe(rson|ople) online$/ });
    this.shareButton = topBar.getByRole('button', { name: 'Share' });
    this.languageSelect = topBar.getByRole('combobox');
    this.nameDialog = page.getByRole('dialog', { name: "What's your name?" });
    this.noteEditor = page.getByRole('textbox', { name: 'Note text' });
    this.notes = page.locator('[data-card-id]');
  }

  /** The board is open when its map shows; a first-time visitor is asked for a name first. */
  async ensureNamed(name: string): Promise<void> {
    // A large board on a busy machine (two test workers, each with browsers and a server) can take a while to load.
    await expect(this.map.or(this.nameDialog).first()).toBeVisible({ timeout: 60_000 });
    if (await this.nameDialog.isVisible()) await this.enterName(name);
    await expect(this.map).toBeVisible();
    await this.fitJourney();
  }

  async enterName(name: string): Promise<void> {
    await this.nameDialog.getByLabel('Your name').fill(name);
    await this.nameDialog.getByRole('button', { name: 'Join the board' }).click();
    await expect(this.nameDialog).toBeHidden();
  }

  stageHeading(title: string): Locator {
    return this.map.getByRole('heading', { name: title, exact: true });
  }

  cell(stage: string, lane: string): Locator {
    return this.page.locator(`[data-stage="${stage}"][data-lane="${lane}"]`);
  }

  /**
   * The note showing exactly `text`. A note's content is "Note: <text>" (the prefix is for screen
   * readers, which name an editable note by its content).
   */
  note(text: string): Locator {
    return this.notes.filter({ hasText: noteContent(text) });
  }

  /** The note shows `text`, and nothing else. */
  async expectNoteText(note: Locator, text: string): Promise<void> {
    await expect(note).toHaveText(noteContent(text));
  }

  noteById(id: string): Locator {
    return this.page.locator(`[data-card-id="${id}"]`);
  }

  /**
   * Shows the whole journey (the zoom group's "Fit the journey"), so every cell is on screen. The map
   * renders only the notes near the viewport, so people in these specs keep the whole journey in view.
   */
  async fitJourney(): Promise<void> {
    await this.map.getByRole('button', { name: 'Fit the journey' }).click();
  }

  /**
   * The cell's "+" button ("Add a note to …") after pointing at the cell: it shows (and is in the
   * accessibility tree) only while the pointer is over its cell, and only for someone who may add notes.
   */
  async addNoteButtonOver(stage: string, lane: string): Promise<Locator> {
    const cell = this.cell(stage, lane);
    const box = await cell.boundingBox();
    if (!box) throw new Error(`cell ${stage} · ${lane} is not on screen`);
    // Where the "+" shows (bottom right), clear of the notes that fill a cell from the top. Forced: once
    // shown, the "+" itself is under the pointer, which is the point.
    await cell.hover({ position: { x: box.width - 25, y: box.height - 25 }, force: true });
    // This cell's own "+" (the one of a cell just left may still be fading out), if it is a button now.
    const plus = this.page.locator(`.cell[data-stage="${stage}"][data-lane="${lane}"] + .cell-add`);
    return this.page.getByRole('button').and(plus);
  }

  /**
   * Adds a note with the cell's "+" button ("Add a note to Awareness · Activities"), enters the text
   * and closes the editor with Escape. Returns the new note's id.
   */
  async addNote(stage: string, lane: string, text: string): Promise<string> {
    await this.fitJourney();
    await (await this.addNoteButtonOver(stage, lane)).click();
    await expect(this.noteEditor).toBeFocused();
    const id = await this.notes.filter({ has: this.noteEditor }).getAttribute('data-card-id');
    if (!id) throw new Error('the note being edited has no data-card-id');
    // The words arrive as one input event (as a paste or an input method would send them), not a key at a
    // time: typing key by key is what the collaboration spec tests, and here it only cost seconds a note.
    await this.page.keyboard.insertText(text);
    await this.noteEditor.press('Escape');
    await expect(this.noteEditor).toBeHidden();
    // Typing zooms in on the note; step back to the whole journey.
    await this.fitJourney();
    await this.expectNoteText(this.noteById(id), text);
    return id;
  }

  /** Double-clicks a note to edit it, replaces its text and closes the editor. */
  async editNote(note: Locator, text: string): Promise<void> {
    await note.dblclick();
    await expect(this.noteEditor).toBeFocused();
    await this.noteEditor.fill(text);
    await this.noteEditor.press('Escape');
    await expect(this.noteEditor).toBeHidden();
    await this.fitJourney();
  }

  /** Drags a note with the mouse onto the middle of a cell, in small steps as a hand would. */
  async dragNote(note: Locator, stage: string, lane: string): Promise<void> {
    await this.fitJourney();
    const from = await centre(note);
    const to = await centre(this.cell(stage, lane));
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + 8, from.y + 8, { steps: 4 });
    await this.page.mouse.move(to.x, to.y, { steps: 20 });
    await this.page.mouse.up();
  }

  /** Waits until the note's centre lies inside the cell on screen. */
  async expectNoteInCell(note: Locator, stage: string, lane: string): Promise<void> {
    const cell = this.cell(stage, lane);
    await expect
      .poll(
        async () => {
          const [n, c] = await Promise.all([note.boundingBox(), cell.boundingBox()]);
          if (!n || !c) return false;
          const x = n.x + n.width / 2;
          const y = n.y + n.height / 2;
          return x > c.x && x < c.x + c.width && y > c.y && y < c.y + c.height;
        },
        { message: `note is in the cell ${stage} · ${lane}` },
      )
      .toBe(true);
  }

  async chooseLanguage(label: 'English' | 'Italiano'): Promise<void> {
    await this.languageSelect.selectOption({ label });
  }
}

function noteContent(text: string): RegExp {
  return new RegExp(`^\\s*(Note:\\s*)?${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  if (!box) throw new Error('element has no box');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
