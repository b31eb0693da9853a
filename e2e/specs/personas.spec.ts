import { addCard } from '../../shared/commands/cards';
import { addPersona, updatePersona } from '../../shared/commands/personas';
import { readPersonas } from '../../shared/personas/read-personas';
import { connectStockClient } from '../stock-client';
import { expect, test } from '../fixtures';
import { ExportMenu } from '../pages/export-menu';

/**
 * Personas (issue 16): the facilitator adds two customer types, tags two emotion cards, filters the map
 * and sees the emotion curve change; a participant's stock client cannot change personas while the
 * skeleton is locked. One page for everything; the rules in detail are in server/rooms/personas.test.ts.
 */
test('two personas: add, tag cards, filter the map and the curve; a locked participant cannot change them', async ({ createBoard, person, server }) => {
  const board = await createBoard('Web agency', 'en');
  // Emotion cards written by a stock client with the facilitator's token, as another program would.
  const seed = await connectStockClient(server.url, board.id, board.tokens.facilitator);
  const emotion = (text: string, valence: number) => addCard(seed.doc, { stage: 'use', lane: 'emotions', kind: 'emotion', text, extra: { valence } });
  const shared = emotion('Relieved it is online', 1);
  const sad = emotion('Lost after launch', -2);
  const glad = emotion('Proud of the new site', 2);
  const fede = await person('Fede', 'facilitator');
  const page = fede.page;
  const curve = fede.board.map.getByRole('img', { name: /^Emotion curve/ });
  // Only the Use stage has emotions: its point is the curve's only one.
  const useMedian = () => curve.locator('.emotion-curve-point text');
  await expect(useMedian()).toHaveText('+1');

  await test.step('add two personas in the Personas dialog', async () => {
    await page.getByRole('banner').getByRole('button', { name: 'Personas' }).click();
    const dialog = page.getByRole('dialog', { name: 'Personas' });
    for (const [name, segment, quote] of [
      ['Maria', 'Shop owner', 'I just want it to work'],
      ['Luca', 'Marketing manager', 'Show me the numbers'],
    ]) {
      await dialog.getByRole('button', { name: 'Add a persona' }).click();
      await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
      await dialog.getByRole('textbox', { name: 'Segment' }).fill(segment);
      await dialog.getByRole('textbox', { name: 'A quote' }).fill(quote);
      await dialog.getByRole('button', { name: 'Save' }).click();
      await expect(dialog.getByRole('listitem').filter({ hasText: name })).toBeVisible();
    }
    await dialog.getByRole('button', { name: 'Close' }).click();
    // The first one is shown over the map.
    await expect(page.locator('[data-persona-card]')).toContainText('Maria');
    await expect(page.locator('[data-persona-card]')).toContainText('Shop owner');
  });

  await test.step('tag two emotion cards; both personas’ curves are drawn over the board’s', async () => {
    for (const [id, name] of [
      [sad, 'Maria'],
      [glad, 'Luca'],
    ]) {
      await fede.board.noteById(id).click();
      await page.getByRole('button', { name: 'Persona', exact: true }).click();
      await page.getByRole('dialog', { name: 'Which customer type is this card about?' }).getByRole('button', { name }).click();
      await expect(page.locator(`[data-persona-for="${id}"]`)).toContainText(`Persona: ${name}`);
    }
    await expect(curve.locator('[data-persona-curve]')).toHaveCount(2);
    // Zoomed out (Fit), a tab stays a small tab on its note's top edge: it never covers the note's words.
    await page.getByRole('button', { name: 'Fit the journey' }).click();
    await expect.poll(async () => {
      const tab = await page.locator(`[data-persona-for="${sad}"]`).boundingBox();
      const words = await fede.board.noteById(sad).locator('.card-text').boundingBox();
      return !!tab && !!words && tab.y + tab.height <= words.y + 2;
    }, { message: 'the persona tab ends above the note’s text' }).toBe(true);
  });

  await test.step('filter to Maria: Luca’s card is dimmed, the curve is Maria’s', async () => {
    await page.getByRole('combobox', { name: 'Show cards of' }).selectOption({ label: 'Maria' });
    await expect(fede.board.map.getByRole('img', { name: 'Emotion curve of Maria' })).toBeVisible();
    // Maria's view: her card (−2) and the untagged one (+1): the median at Use is −0.5.
    await expect(useMedian()).toHaveText('-0.5');
    await expect(page.locator(`[data-dimmed-card="${glad}"]`)).toHaveCount(1);
    await expect(page.locator(`[data-dimmed-card="${sad}"], [data-dimmed-card="${shared}"]`)).toHaveCount(0);
    await page.getByRole('combobox', { name: 'Show cards of' }).selectOption({ label: 'Luca' });
    await expect(useMedian()).toHaveText('+1.5');
    await page.getByRole('combobox', { name: 'Show cards of' }).selectOption({ label: 'All personas' });
    await expect(useMedian()).toHaveText('+1');
  });

  await test.step('the report shows the personas, the tags and both curves', async () => {
    const menu = new ExportMenu(page);
    await menu.choose('report');
    await expect(menu.report.locator('[data-report-persona]')).toHaveText([/Maria · Shop owner/, /Luca · Marketing manager/]);
    await expect(menu.report.locator(`[data-persona-for="${sad}"]`)).toHaveText('Maria');
    await expect(menu.report.locator('[data-persona-curve]')).toHaveCount(2);
    await menu.report.getByRole('button', { name: 'Close the report' }).click();
  });

  await test.step('a participant’s stock client cannot change personas while the skeleton is locked', async () => {
    const part = await connectStockClient(server.url, board.id, board.tokens.participant);
    await expect.poll(() => readPersonas(part.doc).length).toBe(2);
    const maria = readPersonas(part.doc)[0];
    updatePersona(part.doc, maria.id, { name: 'Hacked' });
    addPersona(part.doc, { name: 'Intruder' });
    // A card it may add, after them: once the facilitator sees it, the persona writes were judged.
    addCard(part.doc, { stage: 'use', lane: 'activities', text: 'Participant was here' });
    await expect(fede.board.note('Participant was here')).toBeVisible();
    await expect(page.locator('[data-persona-card]')).toContainText('Maria');
    await page.getByRole('banner').getByRole('button', { name: 'Personas' }).click();
    const dialog = page.getByRole('dialog', { name: 'Personas' });
    await expect(dialog.getByRole('listitem').filter({ has: page.locator('.persona-name') })).toHaveCount(2);
    await expect(dialog.getByText('Intruder')).toHaveCount(0);
    await expect(dialog.getByText('Hacked')).toHaveCount(0);
    part.destroy();

    // Deleting asks first, and undo brings the persona back.
    await dialog.getByRole('button', { name: 'Delete Luca' }).click();
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(dialog.getByRole('listitem').filter({ has: page.locator('.persona-name') })).toHaveCount(1);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.keyboard.press('Control+z');
    await page.getByRole('banner').getByRole('button', { name: 'Personas' }).click();
    await expect(dialog.getByRole('listitem').filter({ hasText: 'Luca' })).toBeVisible();
  });
  seed.destroy();
});
