import { expect, test } from '../fixtures';
import { Facilitation } from '../pages/facilitation';

/**
 * "Compact the board": the facilitator rewrites the board without its history; everyone's page
 * reloads and shows the same notes (docs/api.md, POST /api/boards/:id/compact).
 */
test('the facilitator compacts the board; a participant’s page reloads and shows the same notes', async ({ createBoard, person }) => {
  test.slow(); // two people, two page loads each
  await createBoard('Compact me', 'en');
  const anna = await person('Anna', 'facilitator');
  const ben = await person('Ben', 'participant');

  const ids = await test.step('a board with some history', async () => {
    const first = await anna.board.addNote('awareness', 'activities', 'Sees a poster');
    await anna.board.editNote(anna.board.noteById(first), 'Sees a poster at the station');
    const second = await ben.board.addNote('use', 'goals', 'Rides to work');
    await ben.board.expectNoteText(ben.board.noteById(first), 'Sees a poster at the station');
    await anna.board.expectNoteText(anna.board.noteById(second), 'Rides to work');
    return { first, second };
  });

  // A mark that only this page load has: a reload removes it.
  await ben.page.evaluate(() => ((window as unknown as { beforeCompaction: boolean }).beforeCompaction = true));
  const fac = new Facilitation(anna.page, anna.board);
  await fac.compactTheBoard();

  await test.step('Ben’s page reloads and shows the same notes', async () => {
    // While the page navigates, evaluate fails: that counts as "not reloaded yet".
    const marked = () => ben.page.evaluate(() => (window as unknown as { beforeCompaction?: boolean }).beforeCompaction ?? false).catch(() => true);
    await expect.poll(marked, { timeout: 20_000 }).toBe(false);
    await expect(ben.board.map.getByRole('button', { name: 'Fit the journey' })).toBeVisible({ timeout: 30_000 });
    await ben.board.fitJourney();
    await ben.board.expectNoteText(ben.board.noteById(ids.first), 'Sees a poster at the station');
    await ben.board.expectNoteText(ben.board.noteById(ids.second), 'Rides to work');
    await ben.board.expectNoteInCell(ben.board.noteById(ids.second), 'use', 'goals');
    await expect(ben.board.notes).toHaveCount(2);
  });

  await test.step('Anna’s page reloads too; the panel says what it saved; the board still works', async () => {
    await expect(fac.panel.getByRole('status').filter({ hasText: /^Board compacted: .* KB before, .* KB now\.$/ })).toBeVisible({ timeout: 15_000 });
    await anna.board.expectNoteText(anna.board.noteById(ids.second), 'Rides to work');
    const third = await ben.board.addNote('purchase', 'goals', 'Pays by phone');
    await anna.board.expectNoteText(anna.board.noteById(third), 'Pays by phone');
  });
});
