import type * as Y from 'yjs';
import { expect, test } from '../fixtures';
import { connectStockClient } from '../stock-client';
import { DeckPanel } from '../pages/deck-panel';
import { Facilitation } from '../pages/facilitation';

/**
 * The small things a Miro user expects (issue 10, item 7): an empty note opened by mistake goes away,
 * deleting a note someone is typing in asks first and lets them put it back, limits say so where they
 * bite, removing a lane with cards asks and keeps their old place by name, and the deck panel's message
 * follows a language switch.
 */

test('a new note left empty goes away on everyone’s board, and leaves nothing to undo', async ({ createBoard, person, server }) => {
  const board = await createBoard('Bike rental', 'en');
  const anna = await person('Anna', 'facilitator');
  // Everyone else's copy of the board: a stock client reading the shared document.
  const other = await connectStockClient(server.url, board.id, board.tokens.viewer);
  const cardsElsewhere = () => other.doc.getMap('cards').size;
  try {
    await anna.board.addNote('use', 'goals', 'Ride to work');
    await expect.poll(cardsElsewhere).toBe(1);
    const undo = anna.page.getByRole('button', { name: 'Undo' });
    await expect(undo).toBeEnabled();

    await test.step('double-click by mistake, then Escape', async () => {
      await anna.board.cell('purchase', 'ideas').dblclick();
      await expect(anna.board.noteEditor).toBeFocused();
      await expect.poll(cardsElsewhere).toBe(2);
      await anna.board.noteEditor.press('Escape');
      await expect(anna.board.notes).toHaveCount(1);
      await expect.poll(cardsElsewhere).toBe(1);
    });

    await test.step('or open one and click elsewhere', async () => {
      await anna.board.cell('retention', 'ideas').dblclick();
      await expect(anna.board.noteEditor).toBeFocused();
      await expect.poll(cardsElsewhere).toBe(2);
      await anna.board.cell('advocacy', 'channels').click({ position: { x: 5, y: 5 } });
      await expect(anna.board.notes).toHaveCount(1);
      await expect.poll(cardsElsewhere).toBe(1);
    });

    await test.step('undo takes back the last real change (the typing), not the empty notes', async () => {
      await undo.click();
      await expect(anna.board.notes).toHaveCount(1);
      await expect(anna.board.note('Ride to work')).toHaveCount(0);
      await expect.poll(() => [...other.doc.getMap<Y.Map<unknown>>('cards').values()].map((m) => String(m.get('text')))).toEqual(['']);
    });
  } finally {
    other.destroy();
  }
});

test('deleting a note someone is typing in asks first; they are told (in Italian) and can put it back', async ({ createBoard, person }) => {
  // Two browsers on a shared 2-core machine: opening the second one can take a while.
  test.slow();
  const board = await createBoard('Noleggio bici', 'it');
  const anna = await person('Anna', 'facilitator');
  await anna.board.addNote('awareness', 'goals', 'Arrivare asciutti');
  const marco = await person('Marco', 'participant', { locale: 'it-IT', open: false });
  await marco.open(board.url('participant'));
  const marcosNote = marco.page.locator('[data-card-id]').filter({ hasText: 'Arrivare asciutti' });
  await expect(marcosNote).toBeVisible({ timeout: 60_000 });

  await marcosNote.dblclick();
  const editor = marco.page.getByRole('textbox', { name: 'Testo della nota' });
  await expect(editor).toBeFocused();
  await editor.press('End');
  await editor.pressSequentially(' al lavoro');
  await expect(anna.board.note('Arrivare asciutti al lavoro')).toHaveCount(1);

  await anna.board.note('Arrivare asciutti al lavoro').click();
  await anna.page.keyboard.press('Delete');
  const ask = anna.page.getByRole('dialog', { name: 'Delete this note?' });
  await expect(ask).toContainText('Marco is editing this note.');
  await test.step('Cancel keeps it', async () => {
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await expect(ask).toBeHidden();
    await expect(anna.board.notes).toHaveCount(1);
  });
  await anna.board.note('Arrivare asciutti al lavoro').click();
  await anna.page.keyboard.press('Delete');
  await ask.getByRole('button', { name: 'Delete' }).click();
  await expect(anna.board.notes).toHaveCount(0);

  const notice = marco.page.getByRole('alert').filter({ hasText: 'Anna ha eliminato questa nota' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Arrivare asciutti al lavoro');
  await notice.getByRole('button', { name: 'Ripristina' }).click();
  await expect(notice).toBeHidden();
  // Back, with Marco's words, for everyone; and Marco can go on typing.
  await expect(editor).toBeFocused();
  await editor.press('End');
  await editor.pressSequentially('!');
  await editor.press('Escape');
  await expect(anna.board.note('Arrivare asciutti al lavoro!')).toHaveCount(1);
  await expect(anna.board.note('Arrivare asciutti al lavoro!')).toBeVisible();
});

/**
 * One facilitator on one board checks four small things in a row (a page load costs seconds on two busy
 * cores); each step switches back to English when it is done.
 */
test('limits, lane removal and messages on one board: the deck panel’s message follows a language switch; removing a lane with cards asks; the note length limit and number fields say why, in English and in Italian', async ({ createBoard, person }) => {
  await createBoard('Bike rental', 'en');
  const anna = await person('Anna', 'facilitator');

  await test.step('the deck panel’s message follows a language switch', async () => {
    const decks = new DeckPanel(anna.page, anna.board);
    await decks.openDeck('Emotions');
    await decks.addTo('Joy', 'Purchase', 'Emotions');
    await expect(decks.status).toHaveText('“Joy” added to Purchase, Emotions.');
    await anna.board.chooseLanguage('Italiano');
    await expect(new DeckPanel(anna.page, anna.board, 'it').status).toHaveText('«Gioia» aggiunta in Purchase, Emotions.');
    await anna.board.chooseLanguage('English');
  });

  await test.step('removing a lane with cards asks, says how many, and the cards keep the names of their old cell', async () => {
    await anna.board.addNote('retention', 'ideas', 'Bikes near the station');
    await anna.board.addNote('advocacy', 'ideas', 'Free ride for a friend');
    await anna.board.map.getByRole('button', { name: 'Remove lane Ideas' }).click();
    const ask = anna.page.getByRole('dialog', { name: 'Remove the lane “Ideas”?' });
    await expect(ask).toContainText('It holds 2 cards.');
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await expect(anna.board.cell('retention', 'ideas')).toHaveCount(1);

    await anna.board.map.getByRole('button', { name: 'Remove lane Ideas' }).click();
    await ask.getByRole('button', { name: 'Remove' }).click();
    await expect(anna.board.cell('retention', 'ideas')).toHaveCount(0);
    await anna.board.fitJourney();
    await expect(anna.board.map.getByText('Was in: Retention · Ideas')).toBeAttached();
    await expect(anna.board.map.getByText('Was in: Advocacy · Ideas')).toBeAttached();
    await expect(anna.page.getByText(/Was in: .*· ideas/)).toHaveCount(0);
  });

  await test.step('an empty lane goes without a question', async () => {
    await anna.board.map.getByRole('button', { name: 'Remove lane Channels and touchpoints' }).click();
    await expect(anna.page.getByRole('dialog')).toHaveCount(0);
    await expect(anna.board.cell('use', 'channels')).toHaveCount(0);
  });

  await test.step('the note length limit says so, in English and in Italian', async () => {
    const id = await anna.board.addNote('use', 'goals', 'x');
    await anna.board.noteById(id).dblclick();
    await expect(anna.board.noteEditor).toBeFocused();
    await anna.board.noteEditor.fill('a'.repeat(3990));
    await expect(anna.page.getByText('3,990 of 4,000 characters')).toBeVisible();
    await anna.board.noteEditor.fill('a'.repeat(3998));
    await anna.board.noteEditor.press('End');
    await anna.board.noteEditor.pressSequentially('bbbb');
    await expect(anna.board.noteEditor).toHaveValue('a'.repeat(3998) + 'bb');
    await expect(anna.page.getByRole('status').filter({ hasText: 'A note holds at most 4,000 characters' })).toBeVisible();
    await anna.board.noteEditor.press('Escape');

    await anna.board.chooseLanguage('Italiano');
    await anna.board.noteById(id).dblclick();
    await expect(anna.page.getByRole('status').filter({ hasText: 'Una nota contiene al massimo 4000 caratteri' })).toBeVisible();
    await anna.page.getByRole('textbox', { name: 'Testo della nota' }).press('Escape');
    await anna.board.chooseLanguage('English');
    await expect(anna.board.noteEditor).toHaveCount(0);
  });

  await test.step('number fields say why they refuse a value', async () => {
    const fac = new Facilitation(anna.page);
    await fac.openPanel();
    const minutes = fac.panel.getByLabel('Minutes', { exact: true });
    await minutes.fill('500');
    await expect(fac.panel.getByRole('button', { name: 'Start the timer' })).toBeDisabled();
    await expect(minutes).toHaveAccessibleDescription('The largest is 240.');
    await minutes.fill('2.5');
    await expect(minutes).toHaveAccessibleDescription('Whole numbers only, from 1 to 240.');
    await minutes.fill('5');
    await expect(fac.panel.getByRole('button', { name: 'Start the timer' })).toBeEnabled();

    const dots = fac.panel.getByLabel('Dots per person');
    await dots.fill('0');
    await expect(dots).toHaveAccessibleDescription('The smallest is 1.');

    const stepMinutes = fac.panel.getByLabel('Minutes for step 2');
    const before = await stepMinutes.inputValue();
    await stepMinutes.fill('999');
    await stepMinutes.press('Enter');
    await expect(stepMinutes).toHaveValue(before);
    await expect(fac.panel.getByText(`Step 2 keeps ${before} min. The largest is 240.`)).toBeVisible();

    await anna.board.chooseLanguage('Italiano');
    const minuti = anna.page.getByLabel('Minuti', { exact: true });
    await minuti.fill('500');
    await expect(minuti).toHaveAccessibleDescription('Il massimo è 240.');
  });
});
