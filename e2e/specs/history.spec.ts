import { addCard, deleteCard, moveCard, setCardText } from '../../shared/commands/cards';
import { readCards } from '../../shared/doc/read';
import { REPLAY_MS } from '../../shared/commands/replay';
import { expectNoSeriousA11yViolations } from '../axe';
import { expect, test } from '../fixtures';
import { connectStockClient } from '../stock-client';
import { ExportMenu } from '../pages/export-menu';

/**
 * Board history (issue 15) in the browser: Anna (facilitator) takes a named checkpoint; the team (a
 * stock y-websocket client, as a participant) changes the map; "What changed since" lists the changes
 * in words and outlines them on the map; the checkpoint opens read-only; reverting brings everyone back
 * (the stock client sees it too); the replay plays on the projector, in step with the server's clock;
 * the report shows how the map grew; a named checkpoint is deleted by keyboard. Axe on the panel; a
 * 390×844 phone for the read-only view.
 */
test('history: checkpoint, what changed since, read-only view, revert for everyone, replay on the projector', async ({ createBoard, person, server }) => {
  test.slow(); // the facilitator's page and the projector's, on one board
  const board = await createBoard('Panificio Rossi', 'en');
  const team = await connectStockClient(server.url, board.id, board.tokens.participant);
  const ids = {
    search: addCard(team.doc, { stage: 'awareness', lane: 'activities', text: 'Searches online', author: 'Team' }),
    ask: addCard(team.doc, { stage: 'awareness', lane: 'activities', text: 'Asks a friend', author: 'Team' }),
    queue: addCard(team.doc, { stage: 'purchase', lane: 'activities', text: 'Waits in the queue', author: 'Team' }),
  };

  const anna = await person('Anna', 'facilitator');
  const page = anna.page;
  await expect(anna.board.notes).toHaveCount(3);
  const panel = page.getByRole('complementary', { name: 'History' });
  const status = panel.getByRole('status');
  /** Unfolds a checkpoint's actions (a click on an unfolded one folds it). */
  const unfold = async (which: 'first' | 'last') => {
    const head = panel.locator('.history-item-head')[which]();
    if ((await head.getAttribute('aria-expanded')) !== 'true') await head.click();
  };

  await test.step('Anna takes a named checkpoint', async () => {
    await page.getByRole('button', { name: 'History' }).click();
    await expect(panel.getByText(/No checkpoints yet/)).toBeVisible();
    await panel.getByLabel('Checkpoint name').fill('Before the discussion');
    await panel.getByRole('button', { name: 'Take a checkpoint' }).click();
    await expect(status).toHaveText('Checkpoint “Before the discussion” taken.');
    await expect(panel.locator('.history-item')).toHaveCount(1);
    await expect(panel.locator('.history-item').first()).toContainText('Before the discussion');
    await expect(panel.locator('.history-item').first()).toContainText('by Anna · 3 cards · 0 moments · 0 dots');
  });

  await test.step('the team changes the map; What changed since lists it and outlines it', async () => {
    addCard(team.doc, { stage: 'use', lane: 'activities', text: 'Opens the app', author: 'Team' });
    moveCard(team.doc, ids.ask, { stage: 'consideration', lane: 'channels' });
    setCardText(team.doc, ids.search, 'Searches for reviews online');
    deleteCard(team.doc, ids.queue);
    await expect(anna.board.note('Opens the app')).toBeVisible();
    await expect(anna.board.notes).toHaveCount(3);

    await unfold('first');
    await panel.getByRole('button', { name: 'What changed since' }).click();
    const compare = panel.getByRole('region', { name: /What changed since \d\d:\d\d/ });
    await expect(compare.getByText('1 added, 1 removed, 1 moved, 1 edited')).toBeVisible();
    await expect(compare.getByRole('listitem')).toHaveText([
      'Edited “Searches for reviews online”: text',
      'Moved “Asks a friend” from Awareness · Activities to Consideration · Channels and touchpoints',
      'Removed “Waits in the queue” from Activities',
      'Added “Opens the app” in Activities',
    ]);
    const map = page.getByRole('region', { name: /with the changes since \d\d:\d\d outlined/ });
    await expect(map).toBeVisible();
    for (const kind of ['added', 'removed', 'moved', 'edited']) await expect(map.locator(`.history-mark.is-${kind}`)).toHaveCount(1);
    // The removed card is drawn where it was, under its "Removed" outline.
    await expect(map.locator('[data-export-card]')).toHaveCount(4);
    await expectNoSeriousA11yViolations(page, 'the History panel comparing a checkpoint with now');
  });

  await test.step('the checkpoint opens read-only and Escape goes back to the live map', async () => {
    await panel.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page.getByText(/^Viewing the checkpoint of \d\d:\d\d/)).toBeVisible();
    const map = page.getByRole('region', { name: /^The map at \d\d:\d\d, read-only$/ });
    await expect(map.locator('[data-export-card]')).toHaveText([/Searches online/, /Asks a friend/, /Waits in the queue/]);
    await page.keyboard.press('Escape');
    await expect(map).toBeHidden();
    await expect(anna.board.note('Opens the app')).toBeVisible();
  });

  await test.step('Anna reverts the board: everyone is back at the checkpoint, and a checkpoint of before is listed', async () => {
    await unfold('first');
    await panel.getByRole('button', { name: 'Revert this board' }).click();
    const dialog = page.getByRole('dialog', { name: /^Revert this board to \d\d:\d\d\?$/ });
    await expect(dialog).toContainText('A checkpoint of the map as it is now is taken first');
    await dialog.getByRole('button', { name: 'Revert the board' }).click();
    await expect(status).toContainText(/The board is back to \d\d:\d\d/);
    await expect(anna.board.note('Waits in the queue')).toBeVisible();
    await expect(anna.board.note('Opens the app')).toHaveCount(0);
    await expect.poll(() => readCards(team.doc).map((c) => c.text).sort()).toEqual(['Asks a friend', 'Searches online', 'Waits in the queue']);
    await expect(panel.locator('.history-item')).toHaveCount(2);
    await expect(panel.locator('.history-item').first()).toContainText('Before a revert');
  });

  await test.step('the replay plays on the projector, in step with the server clock', async () => {
    const screen = await anna.context.newPage();
    await screen.goto(board.projectorUrl('facilitator').replace(server.url, anna.origin));
    await expect(screen.getByRole('region', { name: 'Map' })).toBeVisible({ timeout: 30_000 });
    await panel.getByRole('button', { name: 'Replay how the map grew' }).click();
    await page.getByRole('button', { name: 'Show on the projector' }).click();
    const replay = screen.locator('.projector-replay');
    // Three frames: the named checkpoint, the one before the revert, and now; it starts at the first.
    await expect(replay).toHaveAttribute('data-frames', '3');
    await expect(replay).toContainText('How the map grew');
    await expect(replay).toHaveAttribute('data-frame', '0');
    await expect(replay.locator('[data-export-card]')).toHaveCount(3);
    // A projector joining late shows the frame the server's clock is at: set the cue two thirds in.
    const facilitator = await connectStockClient(server.url, board.id, board.tokens.facilitator);
    facilitator.doc.getMap('facilitation').set('replay', { startedAt: Date.now() - (REPLAY_MS * 2) / 3 - 500, durationMs: REPLAY_MS });
    await expect(replay).toHaveAttribute('data-frame', '2');
    facilitator.destroy();
    await page.getByRole('button', { name: 'Stop on the projector' }).click();
    await expect(replay).toBeHidden();
    await screen.close();
  });

  await test.step('the report shows how the map grew: the checkpoints and now, with their times', async () => {
    await page.getByRole('button', { name: 'Back to live' }).click();
    const menu = new ExportMenu(page, 'en');
    await menu.choose('report');
    const growth = menu.report.locator('.report-growth');
    await expect(growth.getByRole('heading', { level: 2, name: 'How the map grew' })).toBeVisible();
    await expect(growth.locator('.report-growth-caption')).toHaveText([/^At \d\d:\d\d · 3 cards$/, /^At \d\d:\d\d · 3 cards$/, /^When the report was made \(\d\d:\d\d\) · 3 cards$/]);
    await expect(growth.getByRole('img')).toHaveCount(3);
    await page.keyboard.press('Escape');
    await expect(menu.report).toBeHidden();
  });

  await test.step('by keyboard, Anna deletes the named checkpoint; the server\'s own checkpoints offer no Delete', async () => {
    await unfold('first');
    const before = panel.locator('.history-item').first();
    await expect(before.getByRole('button', { name: 'Revert this board' })).toBeVisible();
    await expect(before.getByRole('button', { name: 'Delete this checkpoint' })).toHaveCount(0);
    await unfold('last');
    await panel.locator('.history-item').last().getByRole('button', { name: 'Delete this checkpoint' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Delete the checkpoint “Before the discussion”?' });
    await expect(dialog).toContainText('The board itself does not change.');
    await dialog.getByRole('button', { name: 'Delete the checkpoint' }).focus();
    await page.keyboard.press('Enter');
    await expect(status).toHaveText('Checkpoint “Before the discussion” deleted.');
    await expect(panel.locator('.history-item')).toHaveCount(1);
    await expect(panel.locator('.history-item')).toContainText('Before a revert');
    await expect(panel.locator('.history-item-head')).toBeFocused(); // the keyboard goes on from the neighbour
  });

  await test.step('on a 390×844 phone the checkpoint takes the screen and the list comes back', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(panel).toBeVisible();
    await unfold('last');
    await panel.locator('.history-item').last().getByRole('button', { name: 'Open', exact: true }).click();
    await expect(panel).toBeHidden();
    await expect(page.getByRole('button', { name: 'Back to live' })).toBeInViewport();
    await page.getByRole('button', { name: 'Show the history' }).click();
    await expect(panel).toBeVisible();
  });
  team.destroy();
});
