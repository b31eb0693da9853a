import { expectNoSeriousA11yViolations } from '../axe';
import { expect, test } from '../fixtures';

/**
 * Customer Lifetime Value (issue 14): Anna facilitates in Italian and enters the figures; Ben, at his
 * own computer in English, watches the numbers and the lever bars change live, then gives his idea an
 * expected effect and both see "with the ideas" move. (A stock client writing the figures with the
 * participant token is refused: server/rooms/clv-roles.test.ts.)
 */
test('CLV: the facilitator fills the form in Italian, a participant sees numbers, levers and ideas live', async ({ createBoard, person }) => {
  // Two people, each with their own browser: two page loads and a live round trip per step.
  test.slow();
  const board = await createBoard('Panificio Rossi', 'it');
  const anna = await person('Anna', 'facilitator', { locale: 'it-IT', open: false });
  await anna.open(board.url('facilitator'));
  await expect(anna.page.getByRole('region', { name: 'Mappa del percorso' })).toBeVisible({ timeout: 20_000 });
  const ben = await person('Ben', 'participant');
  const annaPanel = anna.page.getByRole('complementary', { name: 'Analisi' });
  const benPanel = ben.page.getByRole('complementary', { name: 'Insights' });
  const total = (panel: typeof annaPanel) => panel.locator('[data-clv="total"]');
  const lever = (panel: typeof annaPanel, id: string) => panel.locator(`[data-lever="${id}"]`);
  const field = (label: string) => annaPanel.getByRole('textbox', { name: label, exact: true });

  await test.step('before any figures: Ben reads that they are missing and has no form', async () => {
    await ben.page.getByRole('button', { name: 'Insights' }).click();
    await expect(benPanel.getByText('The facilitator has not entered the figures yet.')).toBeVisible();
    await expect(benPanel.getByRole('button', { name: 'Save the figures' })).toHaveCount(0);
  });

  await test.step('Anna types the figures in Italian; a retention at its bound is refused with the reason', async () => {
    await anna.page.getByRole('button', { name: 'Analisi' }).click();
    await field('Valore medio dell’ordine').fill('80');
    await field('Acquisti all’anno').fill('4');
    await field('Margine lordo').fill('50');
    await field('Fidelizzazione del primo anno').fill('60');
    await field('Fidelizzazione annua successiva').fill('100');
    await field('Costo di acquisizione').fill('120');
    await field('Segnalazioni per cliente').fill('0,5');
    await field('Tasso di sconto annuo').fill('0');
    await field('Tasso di sconto annuo').press('Enter');
    const retention = field('Fidelizzazione annua successiva');
    await expect(retention).toBeFocused();
    await expect(retention).toHaveAttribute('aria-invalid', 'true');
    await expect(annaPanel.getByText(/deve essere sotto il 100 % più il tasso di sconto/)).toBeVisible();
    await expect(annaPanel.getByRole('status').filter({ hasText: 'Non salvati' })).toBeVisible();
    await expectNoSeriousA11yViolations(anna.page, 'the CLV form with a refused value');

    await retention.fill('75');
    await field('Tasso di sconto annuo').fill('10');
    await field('Tasso di sconto annuo').press('Enter');
    await expect(annaPanel.getByText('Salvati: tutti vedono i nuovi numeri.')).toBeVisible();
    await expect(total(annaPanel)).toHaveText(/^531,43\s€$/);
  });

  await test.step('Ben sees the worked example and the levers, largest first', async () => {
    await expect(total(benPanel)).toHaveText('€531.43');
    await expect(benPanel.locator('[data-clv="value"]')).toHaveText('€434.29');
    await expect(benPanel.locator('[data-clv="net"]')).toHaveText('€314.29');
    const levers = benPanel.locator('[data-clv="levers"] > li');
    await expect(levers).toHaveCount(5);
    await expect(levers.first()).toHaveAttribute('data-lever', 'retention');
    // Stage titles in the board's language, the lever in the reader's.
    await expect(lever(benPanel, 'acquisitionCost')).toContainText('Consapevolezza, Considerazione: acquisition cost −10 %');
    await expect(lever(benPanel, 'acquisitionCost')).toContainText('+€12.00');
    await expect(lever(benPanel, 'referrals')).toContainText('+€21.71');
  });

  await test.step('Anna doubles the referrals: Ben’s numbers and bars change live', async () => {
    await field('Segnalazioni per cliente').fill('1');
    await field('Segnalazioni per cliente').press('Enter');
    await expect(total(benPanel)).toHaveText('€748.57');
    await expect(lever(benPanel, 'referrals')).toContainText('+€43.43');
  });

  await test.step('Ben gives his idea an expected effect; "with the ideas" moves for both', async () => {
    await expect(benPanel.locator('[data-clv="with-ideas"]')).toHaveText('€748.57');
    await ben.page.getByRole('button', { name: 'Close the insights panel' }).click();
    const id = await ben.board.addNote('use', 'ideas', 'Onboarding call on day one');
    await ben.board.noteById(id).click();
    await ben.page.getByRole('button', { name: 'Expected effect on the value of a customer' }).click();
    const dialog = ben.page.getByRole('dialog', { name: 'Expected effect: Onboarding call on day one' });
    await expect(dialog.getByText('its effect is on the first-year retention')).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Change of the first-year retention, in %' }).fill('10');
    await dialog.getByRole('textbox', { name: 'Change of the first-year retention, in %' }).press('Enter');
    await expect(dialog).toBeHidden();
    // The idea carries its effect on the map, for everyone.
    await expect(anna.page.locator(`[data-effect-for="${id}"]`)).toContainText('+10 %');
    // r1 60 % → 66 %: V = 160 · (1 + 0.66 / 0.35) = 461.71, T = 2 · V − 120.
    await expect(annaPanel.locator('[data-clv="with-ideas"]')).toHaveText(/^803,43\s€\s\(\+54,86\s€\)$/);
    await expect(annaPanel.getByText('Onboarding call on day one')).toBeVisible();
    await ben.page.getByRole('button', { name: 'Insights' }).click();
    await expect(benPanel.locator('[data-clv="with-ideas"]')).toContainText('€803.43');
    await expect(total(benPanel)).toHaveText('€748.57');
  });
});
