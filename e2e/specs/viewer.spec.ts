import { expect, test } from '../fixtures';
import { DeckPanel } from '../pages/deck-panel';

/**
 * A client watches the workshop through a view-only link: they follow everything live, but nothing
 * they click, drag or type changes the board, for them or for anyone else.
 */
test('a viewer follows the board live but cannot change it', async ({ createBoard, person }) => {
  // Two people, each with a browser: over a minute when the other worker runs a heavy test.
  test.slow();
  await createBoard('Bike rental', 'en');
  const anna = await person('Anna', 'facilitator');
  const noteId = await anna.board.addNote('awareness', 'activities', 'Sees a poster');

  const vera = await person('Vera', 'viewer');
  const { board, page } = vera;

  await test.step('the board shows read-only', async () => {
    await expect(board.title).toHaveText('Bike rental');
    await expect(board.viewOnlyBadge).toBeVisible();
    await expect(board.stageHeading('Awareness')).toBeVisible();
    const note = board.noteById(noteId);
    await expect(note).toBeVisible();
    await board.expectNoteText(note, 'Sees a poster');
    // Not a button: nothing to press, drag or edit.
    await expect(note).toHaveRole('note');
    // No way to add, undo or rename anything.
    await expect(await board.addNoteButtonOver('awareness', 'activities')).toHaveCount(0);
    await expect(board.map.getByRole('button', { name: /^Rename stage/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Awareness · Activities' })).toHaveCount(0);
    // No deck panel to deal cards from, but the emotion curve is there to read.
    const decks = new DeckPanel(page, board);
    await expect(decks.region).toHaveCount(0);
    await expect(decks.curve).toBeAttached();
    // Anna sees the viewer among the people online.
    await expect(anna.board.peopleButton).toHaveAccessibleName('2 people online');
  });

  await test.step('double-clicks, keys and drags change nothing', async () => {
    await board.fitJourney();
    await board.cell('awareness', 'goals').dblclick();
    await board.noteById(noteId).dblclick();
    await expect(board.noteEditor).toHaveCount(0);
    await board.cell('consideration', 'goals').click();
    for (const key of ['Enter', 'n']) await page.keyboard.press(key);
    await board.noteById(noteId).click();
    for (const key of ['Enter', 'm', 'Delete', 'Backspace', 'Control+z', 'Control+y']) await page.keyboard.press(key);
    await page.keyboard.type('typed by the viewer');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await board.dragNote(board.noteById(noteId), 'purchase', 'ideas');

    await expect(board.notes).toHaveCount(1);
    await board.expectNoteText(board.noteById(noteId), 'Sees a poster');
    await board.expectNoteInCell(board.noteById(noteId), 'awareness', 'activities');
  });

  await test.step('the facilitator sees the board unchanged, even after a reload', async () => {
    // A change Anna makes afterwards reaches Vera: her connection is live, so anything she had
    // sent before would have arrived first.
    await anna.board.addNote('use', 'ideas', 'Rent by the hour');
    await expect(board.note('Rent by the hour')).toBeVisible();
    await anna.page.reload();
    await anna.board.ensureNamed('Anna');
    await expect(anna.board.notes).toHaveCount(2);
    await anna.board.expectNoteText(anna.board.noteById(noteId), 'Sees a poster');
    await anna.board.expectNoteInCell(anna.board.noteById(noteId), 'awareness', 'activities');
  });
});

// What a participant may not change (stages and lanes) is checked with the locks in facilitation.spec.ts.
