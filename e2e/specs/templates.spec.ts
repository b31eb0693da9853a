/**
 * Issue 16, parts 1 and 2: the worked example and the journey templates, as a new facilitator meets
 * them. One person, one page, walked through: the example in English (map and report), "Save as
 * template", the example in Italian (map and report), a board from the saved template file (and a
 * broken file refused), and a board from a built-in template. The content of every template and of
 * the example is checked without a browser (shared/templates/templates.test.ts), and creating a board
 * from each of them through the import (server/http/templates-import.test.ts).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { expectNoSeriousA11yViolations } from '../axe';
import { expect, test } from '../fixtures';
import { ExportMenu } from '../pages/export-menu';

const BOARD_URL = /\/b\/[A-Za-z0-9_-]+#token=[A-Za-z0-9_-]+$/;

test('the worked example in both languages, save as template, and new boards from templates', async ({ person }, testInfo) => {
  test.setTimeout(120_000);
  const giulia = await person('Giulia');
  const { home, board, page } = giulia;

  // English: the example becomes a board of one's own, opened as its facilitator.
  await home.goto();
  const example = page.getByRole('region', { name: 'See a finished map' });
  await example.getByRole('button', { name: 'Open the worked example' }).click();
  await expect(page).toHaveURL(BOARD_URL);
  const firstUrl = page.url();
  await board.ensureNamed('Giulia');
  await expect(board.title).toHaveText('Example: Lumen web studio, new sites and aftercare');
  await board.fitJourney();
  for (const text of ['Gets the login to edit the site, but nobody shows how', 'Moment of Truth', 'Medal moment', 'Trigger moment', 'Feeling abandoned']) {
    await expect(board.map.getByText(text, { exact: false }).first()).toBeVisible();
  }
  await expect(board.notes).toHaveCount(53);
  // The facilitator's own tools are there: this is their board, not a shared demo.
  await expect(page.getByRole('banner').getByRole('button', { name: 'Facilitation' })).toBeVisible();

  // The report: the ideas ranked by the revealed vote, the answered questions.
  const menu = new ExportMenu(page, 'en');
  await menu.choose('report');
  await expect(menu.report.getByRole('heading', { level: 1 })).toHaveText('Example: Lumen web studio, new sites and aftercare');
  const ideas = menu.report.locator('table').filter({ hasText: 'Rank' });
  await expect(ideas.locator('tbody tr').first()).toContainText('Hand the site over in a 30-minute video call');
  await expect(ideas.locator('tbody tr').first()).toContainText('4');
  await expect(menu.report).toContainText('They log in on their own, cannot find where to change the opening hours');
  await page.keyboard.press('Escape');
  await expect(menu.report).toBeHidden();

  // Save as template: the content without the votes and the answers.
  await menu.open();
  const [download] = await Promise.all([page.waitForEvent('download'), menu.menu.getByRole('menuitem', { name: 'Save as template' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^example-lumen-web-studio-new-sites-and-aftercare-template-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(menu.toastStatus).toContainText('votes, answers');
  const saved = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
    board: { cards: Array<{ kind: string; text: string; answer?: string }>; votes: object; facilitation: object };
  };
  expect(saved.board.cards).toHaveLength(53);
  expect(saved.board.votes).toEqual({});
  expect(saved.board.facilitation).toEqual({});
  expect(saved.board.cards.filter((c) => c.kind === 'question').map((c) => c.answer)).toEqual(['', '', '']);
  const templateFile = testInfo.outputPath('agency-template.json');
  await writeFile(templateFile, JSON.stringify(saved));

  // Italian: another board of one's own, in Italian words.
  await page.getByRole('link', { name: 'Journey Studio home' }).click();
  await expect(home.recentBoard('Example: Lumen web studio')).toBeVisible();
  await home.languageSelect.selectOption('it');
  await page.getByRole('region', { name: 'Guarda una mappa completa' }).getByRole('button', { name: 'Apri l’esempio completo' }).click();
  await expect(page).toHaveURL(BOARD_URL);
  expect(page.url()).not.toBe(firstUrl);
  await expect(board.title).toHaveText('Esempio: Studio web Lumen, siti nuovi e assistenza');
  const mapIt = page.getByRole('region', { name: 'Mappa del percorso' });
  await mapIt.getByRole('button', { name: 'Mostra tutto il percorso' }).click();
  for (const text of ['Riceve le credenziali per modificare il sito, ma nessuno gli mostra come', 'Momento della Verità', 'Sentirsi abbandonato']) {
    await expect(mapIt.getByText(text, { exact: false }).first()).toBeVisible();
  }
  const menuIt = new ExportMenu(page, 'it');
  await menuIt.choose('report');
  await expect(menuIt.report.getByRole('heading', { level: 1 })).toHaveText('Esempio: Studio web Lumen, siti nuovi e assistenza');
  await expect(menuIt.report).toContainText('Consegnare il sito in una videochiamata di 30 minuti');
  await expect(menuIt.report).toContainText('Quando i loro clienti gli fanno i complimenti per il sito nuovo');
  await page.keyboard.press('Escape');
  await expect(menuIt.report).toBeHidden();

  // A template file: a broken one is refused with the reason and creates nothing; the saved one works.
  await page.getByRole('link', { name: 'Journey Studio home' }).or(page.getByRole('link', { name: 'Journey Studio, pagina iniziale' })).first().click();
  const form = page.getByRole('region', { name: 'Nuova lavagna' });
  await form.getByRole('radio', { name: 'Un file modello…' }).check();
  const fileInput = form.getByLabel('File modello (.json)');
  const broken = testInfo.outputPath('broken.json');
  await writeFile(broken, JSON.stringify({ ...saved, board: { ...saved.board, cards: [{ ...saved.board.cards[0], text: 7 }] } }));
  await fileInput.setInputFiles(broken);
  await expect(form.getByRole('alert')).toContainText('Questo file non è un modello valido. Nessuna lavagna è stata creata.');
  await expect(form.getByRole('alert')).toContainText('carta 1 → testo');
  await form.getByRole('button', { name: 'Crea la lavagna' }).click();
  await expect(form.getByRole('alert')).toContainText('Scegli prima un file modello.');
  await expectNoSeriousA11yViolations(page, 'the new-board form with a refused template file');
  await fileInput.setInputFiles(templateFile);
  await expect(form.getByRole('status').filter({ hasText: 'Lingua dei contenuti: English, dal file.' })).toBeVisible();
  await expect(form.getByRole('img', { name: /^Anteprima di «Example: Lumen web studio/ })).toBeVisible();
  await page.getByLabel('Titolo della lavagna').fill('Our agency');
  await form.getByRole('button', { name: 'Crea la lavagna' }).click();
  await expect(page).toHaveURL(BOARD_URL);
  await expect(board.title).toHaveText('Our agency');
  await mapIt.getByRole('button', { name: 'Mostra tutto il percorso' }).click();
  await expect(mapIt.getByText('Gets the login to edit the site, but nobody shows how')).toBeVisible();
  await expect(board.notes).toHaveCount(53);

  // A built-in template, chosen with its preview.
  await page.getByRole('link', { name: 'Journey Studio, pagina iniziale' }).click();
  await form.getByRole('radio', { name: 'Negozio online' }).check();
  await expect(form.getByRole('img', { name: /^Anteprima di «Negozio online»: 6 fasi \(Consapevolezza — pubblicità, ricerche, post;/ })).toBeVisible();
  await expect(form.getByText('7 carte domanda')).toBeVisible();
  await form.getByRole('radio', { name: 'Italiano' }).check();
  await form.getByRole('button', { name: 'Crea la lavagna' }).click();
  await expect(page).toHaveURL(BOARD_URL);
  await expect(board.title).toHaveText('Negozio online');
  await expect(mapIt.getByRole('heading', { name: 'Acquisto — carrello e pagamento', exact: true })).toBeVisible();
  await mapIt.getByRole('button', { name: 'Mostra tutto il percorso' }).click();
  await expect(mapIt.getByText('A quale passo del pagamento vengono abbandonati i carrelli, e perché?')).toBeVisible();
  await expect(board.notes).toHaveCount(7);
});
