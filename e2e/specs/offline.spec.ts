import { expect, test } from '../fixtures';

/**
 * Workshops happen on hotel Wi-Fi: notes survive reloads, a participant who loses the connection keeps
 * working, and what they wrote reaches everyone when they are back, even if they closed the tab meanwhile.
 */
test('the board survives a reload, and everybody leaving', async ({ createBoard, person, server }) => {
  const board = await createBoard('Bike rental', 'en');
  const anna = await person('Anna', 'facilitator');
  const id = await anna.board.addNote('purchase', 'emotions', 'Relieved the bike is ready');

  await anna.page.reload();
  await anna.board.ensureNamed('Anna');
  await anna.board.expectNoteText(anna.board.noteById(id), 'Relieved the bike is ready');
  await anna.board.expectNoteInCell(anna.board.noteById(id), 'purchase', 'emotions');

  // Everyone leaves; once the server has unloaded the board from memory, a newcomer (fresh browser,
  // nothing in IndexedDB) opens it and finds the note: it was stored, not just kept in memory.
  await anna.context.close();
  await expect
    .poll(async () => (await (await fetch(`${server.url}/metrics`)).text()).match(/^journey_boards_in_memory (\d+)$/m)?.[1], {
      message: 'the server unloads the board after everyone left',
      timeout: 15_000,
    })
    .toBe('0');
  const carla = await person('Carla', 'participant', { board });
  await carla.board.expectNoteText(carla.board.noteById(id), 'Relieved the bike is ready');
  await carla.board.expectNoteInCell(carla.board.noteById(id), 'purchase', 'emotions');
});

test('a note written offline reaches the facilitator when the participant is back online', async ({ createBoard, person }) => {
  await createBoard('Bike rental', 'en');
  const anna = await person('Anna', 'facilitator');
  const ben = await person('Ben', 'participant');
  await expect(ben.board.connection).toHaveText(/^Connected/);

  await ben.goOffline();
  await expect(ben.board.connection).toContainText('Offline');
  await expect(ben.board.connection).toContainText('Saved on this device');

  const id = await ben.board.addNote('use', 'emotions', 'Worried about rain');
  // Anna adds one too, so we know her connection is live while Ben's note does not arrive.
  await anna.board.addNote('use', 'ideas', 'Free ponchos');
  await expect(ben.board.note('Free ponchos')).toHaveCount(0);
  await expect(anna.board.noteById(id)).toHaveCount(0);

  await ben.goOnline();
  await expect(ben.board.connection).toHaveText(/^Connected/, { timeout: 20_000 });
  await anna.board.expectNoteText(anna.board.noteById(id), 'Worried about rain');
  await anna.board.expectNoteInCell(anna.board.noteById(id), 'use', 'emotions');
  await expect(ben.board.note('Free ponchos')).toBeVisible();
});

test('a note written offline in a tab that was closed reaches the facilitator when the board is opened again', async ({
  createBoard,
  person,
}) => {
  const board = await createBoard('Bike rental', 'en');
  const anna = await person('Anna', 'facilitator');
  const ben = await person('Ben', 'participant');

  await ben.goOffline();
  await expect(ben.board.connection).toContainText('Offline');
  const id = await ben.board.addNote('retention', 'goals', 'Wants a season pass');
  await ben.closePage();

  // Nothing reached the server: Anna does not have it (her own new note proves she is live).
  await anna.board.addNote('retention', 'ideas', 'Loyalty stamps');
  await expect(anna.board.noteById(id)).toHaveCount(0);

  // Later, online again, Ben opens the board in the same browser: the note kept in IndexedDB is sent.
  await ben.goOnline();
  await ben.reopen(board.url('participant'));
  await ben.board.expectNoteText(ben.board.noteById(id), 'Wants a season pass');
  await expect(ben.board.note('Loyalty stamps')).toBeVisible();
  await anna.board.expectNoteText(anna.board.noteById(id), 'Wants a season pass');
  await anna.board.expectNoteInCell(anna.board.noteById(id), 'retention', 'goals');
});
