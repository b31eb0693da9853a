import { expect, test } from '../fixtures';

/**
 * A facilitator and a participant at their own laptops map a bike-rental journey together: each adds,
 * edits and moves notes, and each sees the other's work appear without reloading.
 */
test.describe('two people on one board', () => {
  test('the facilitator and a participant see each other and each other’s notes; typing in the same note at once keeps both their words', async ({ createBoard, person }) => {
    // Two people, one board for every check (each page load costs seconds on two busy cores).
    test.slow();
    await createBoard('Bike rental', 'en');
    const anna = await person('Anna', 'facilitator');
    // Ben has never used the app: the board asks for his name first.
    const ben = await person('Ben', 'participant', { knownName: false });
    await expect(ben.board.nameDialog).toBeVisible();
    await ben.board.enterName('Ben');

    await test.step('presence: each sees the other online, with name and role', async () => {
      await expect(anna.board.peopleButton).toHaveAccessibleName('2 people online');
      await expect(ben.board.peopleButton).toHaveAccessibleName('2 people online');
      await anna.board.peopleButton.click();
      const panel = anna.page.getByRole('region', { name: 'People on this board' });
      await expect(panel.getByRole('listitem').filter({ hasText: 'Ben' })).toContainText('Participant');
      await expect(panel.getByRole('listitem').filter({ hasText: 'Anna (you)' })).toContainText('Facilitator');
      await anna.page.keyboard.press('Escape');
      await expect(panel).toBeHidden();
    });

    const poster = await test.step('Anna adds a note; Ben sees it in the same cell', async () => {
      const id = await anna.board.addNote('awareness', 'activities', 'Sees a poster at the station');
      const onBen = ben.board.note('Sees a poster at the station');
      await expect(onBen).toBeVisible();
      // What a screen reader announces for it: a draggable button named by its text.
      await expect(ben.page.getByRole('button', { name: 'Note: Sees a poster at the station' })).toHaveAttribute('data-card-id', id);
      await expect(onBen).toHaveAttribute('data-card-id', id);
      await ben.board.expectNoteInCell(onBen, 'awareness', 'activities');
      return id;
    });

    const prices = await test.step('Ben adds a note; Anna sees it', async () => {
      const id = await ben.board.addNote('consideration', 'goals', 'Compares prices');
      await anna.board.expectNoteText(anna.board.noteById(id), 'Compares prices');
      await anna.board.expectNoteInCell(anna.board.noteById(id), 'consideration', 'goals');
      return id;
    });

    await test.step('Ben edits Anna’s note; Anna edits Ben’s', async () => {
      await ben.board.editNote(ben.board.noteById(poster), 'Sees a poster at the train station');
      await anna.board.expectNoteText(anna.board.noteById(poster), 'Sees a poster at the train station');
      await anna.board.editNote(anna.board.noteById(prices), 'Compares prices online');
      await ben.board.expectNoteText(ben.board.noteById(prices), 'Compares prices online');
    });

    await test.step('each drags a note with the mouse; the other sees it move', async () => {
      await anna.board.dragNote(anna.board.noteById(prices), 'purchase', 'goals');
      await anna.board.expectNoteInCell(anna.board.noteById(prices), 'purchase', 'goals');
      await ben.board.expectNoteInCell(ben.board.noteById(prices), 'purchase', 'goals');

      await ben.board.dragNote(ben.board.noteById(poster), 'use', 'channels');
      await ben.board.expectNoteInCell(ben.board.noteById(poster), 'use', 'channels');
      await anna.board.expectNoteInCell(anna.board.noteById(poster), 'use', 'channels');
    });

    await test.step('nothing was duplicated or lost on the way', async () => {
      for (const p of [anna, ben]) {
        await expect(p.board.notes).toHaveCount(2);
        await expect(p.board.note('Sees a poster at the train station')).toHaveCount(1);
        await expect(p.board.note('Compares prices online')).toHaveCount(1);
      }
    });

    await test.step('two people typing in the same note at once keep both their words', async () => {
      const id = await anna.board.addNote('use', 'activities', 'rides along the river');
      await ben.board.expectNoteText(ben.board.noteById(id), 'rides along the river');

      // Both open the editor: the caret starts at the end. Ben moves to the start.
      await anna.board.noteById(id).dblclick();
      await expect(anna.board.noteEditor).toBeFocused();
      await ben.board.noteById(id).dblclick();
      await expect(ben.board.noteEditor).toBeFocused();
      await ben.board.noteEditor.press('Control+Home');

      // Each sees that the other is editing this note.
      await expect(anna.page.getByText('Ben is editing')).toBeVisible();
      await expect(ben.page.getByText('Anna is editing')).toBeVisible();

      // They type at the same time, key by key.
      await Promise.all([
        anna.board.noteEditor.pressSequentially(' at sunset', { delay: 40 }),
        ben.board.noteEditor.pressSequentially('Family ', { delay: 40 }),
      ]);

      const merged = 'Family rides along the river at sunset';
      await expect(anna.board.noteEditor).toHaveValue(merged);
      await expect(ben.board.noteEditor).toHaveValue(merged);
      await anna.board.noteEditor.press('Escape');
      await ben.board.noteEditor.press('Escape');
      await anna.board.expectNoteText(anna.board.noteById(id), merged);
      await ben.board.expectNoteText(ben.board.noteById(id), merged);
    });
  });
});
