import { expect, test } from '../fixtures';

/** Each person picks the interface language; the board's own content (stage titles) never changes with it. */
test('the language switch turns the interface from English to Italian and back', async ({ createBoard, person }) => {
  await createBoard('Bike rental', 'en');
  const anna = await person('Anna', 'facilitator');
  const { board, page } = anna;

  await expect(board.shareButton).toBeVisible();
  await expect(board.connection).toHaveText(/^Connected/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await board.chooseLanguage('Italiano');
  await expect(page.getByRole('banner').getByRole('button', { name: 'Condividi' })).toBeVisible();
  await expect(board.shareButton).toHaveCount(0);
  await expect(page.getByRole('banner').getByRole('status')).toHaveText(/^Connesso/);
  await expect(page.getByRole('region', { name: 'Mappa del percorso' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('combobox', { name: 'Lingua' })).toHaveValue('it');
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  // The board's content is in its own language, whatever the interface says.
  await expect(page.getByRole('heading', { name: 'Awareness', exact: true })).toBeVisible();

  // The choice is remembered in this browser.
  await page.reload();
  await expect(page.getByRole('banner').getByRole('button', { name: 'Condividi' })).toBeVisible();

  await board.chooseLanguage('English');
  await expect(board.shareButton).toBeVisible();
  await expect(board.connection).toHaveText(/^Connected/);
  await expect(board.map).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('a browser set to Italian starts in Italian', async ({ createBoard, person }) => {
  const board = await createBoard('Noleggio bici', 'it');
  const lucia = await person('Lucia', null, { locale: 'it-IT' });
  const { home, page } = lucia;

  await page.goto('/');
  await expect(home.heading).toHaveText('Disegnate insieme il percorso dei vostri clienti');
  await expect(page.getByRole('button', { name: 'Crea la lavagna' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Italiano' })).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');

  await lucia.open(board.url('participant'));
  await expect(page.getByRole('region', { name: 'Mappa del percorso' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('status')).toHaveText(/^Connesso/);
  await expect(page.getByRole('heading', { name: 'Consapevolezza', exact: true })).toBeVisible();
  await expect(await lucia.board.addNoteButtonOver('awareness', 'activities')).toHaveAccessibleName('Aggiungi una nota in Consapevolezza · Attività');
});
