import { expectNoSeriousA11yViolations } from '../axe';
import { expect, test } from '../fixtures';

const STAGES = ['Awareness', 'Consideration', 'Purchase', 'Use', 'Retention', 'Advocacy'];

test('a facilitator creates a board from the home page and finds it again under "Your boards"; one created in Italian gets Italian stage titles', async ({ person }) => {
  const giulia = await person('Giulia');
  const { home, board, page } = giulia;

  await home.goto();
  await expect(home.heading).toHaveText("Map your customers' journey, together");
  await expect(home.recentBoards.getByText('Boards you create or open in this browser will appear here.')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the home page');

  await home.createBoard('Bike rental in Bologna', 'English');

  await expect(page).toHaveURL(/\/b\/[A-Za-z0-9_-]+#token=[A-Za-z0-9_-]+$/);
  await board.ensureNamed('Giulia');
  await expect(board.title).toHaveText('Bike rental in Bologna');
  for (const stage of STAGES) await expect(board.stageHeading(stage)).toBeVisible();
  await expect(board.map.locator('[data-stage][data-lane]')).toHaveCount(6 * 5);
  await expect(board.connection).toHaveText(/Connected/);
  await expect(board.viewOnlyBadge).toBeHidden();
  await expect(page).toHaveTitle(/Bike rental in Bologna/);
  await expectNoSeriousA11yViolations(page, 'a new board');

  // Back home: the board is listed with the facilitator's role, and the link opens it again.
  await page.getByRole('link', { name: 'Journey Studio home' }).click();
  const entry = home.recentBoard('Bike rental in Bologna');
  await expect(entry).toBeVisible();
  await expect(entry).toContainText('Facilitator');
  await entry.click();
  await expect(board.title).toHaveText('Bike rental in Bologna');
  await expect(board.stageHeading('Awareness')).toBeVisible();

  await test.step('a board created in Italian gets Italian stage titles', async () => {
    await page.getByRole('link', { name: 'Journey Studio home' }).click();
    await home.createBoard('Panificio', 'Italiano');
    await board.ensureNamed('Giulia');
    await expect(board.title).toHaveText('Panificio');
    for (const stage of ['Consapevolezza', 'Considerazione', 'Acquisto', 'Utilizzo', 'Fidelizzazione', 'Passaparola']) {
      await expect(board.stageHeading(stage)).toBeVisible();
    }
    // The interface stays in English: the content language is the board's, not the person's.
    await expect(board.shareButton).toBeVisible();
  });
});
