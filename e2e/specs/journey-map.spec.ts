import { expect, test } from '../fixtures';
import { expectNoSeriousA11yViolations } from '../axe';
import { DeckPanel } from '../pages/deck-panel';

/**
 * The method on the map: the team deals emotion cards and watches the emotion curve change on everyone's
 * screen, places the key moments and sees which are still missing, and answers the question cards.
 */

test('the emotion curve changes on everyone’s screen as emotion cards are added and removed', async ({ createBoard, person }) => {
  await createBoard('Bike rental', 'en');
  const anna = await person('Anna', 'facilitator');
  const ben = await person('Ben', 'participant');
  const annaDecks = new DeckPanel(anna.page, anna.board);
  const benDecks = new DeckPanel(ben.page, ben.board);

  await expect(annaDecks.curve).toHaveAccessibleDescription(/^Awareness: no data; Consideration: no data; Purchase: no data;/);

  await benDecks.openDeck('Emotions');
  await benDecks.addTo('Joy', 'Purchase', 'Emotions');
  await expect(annaDecks.curve).toHaveAccessibleDescription(/Purchase: \+2;/);

  await benDecks.addTo('Frustration', 'Purchase', 'Emotions');
  await benDecks.addTo('Curiosity', 'Awareness', 'Emotions');
  await expect(annaDecks.curve).toHaveAccessibleDescription(/^Awareness: \+1; Consideration: no data; Purchase: 0; Use: no data;/);

  await test.step('removing a card updates the curve for the other person too', async () => {
    await ben.board.fitJourney();
    const frustration = benDecks.boardCards('Frustration');
    await frustration.click();
    await ben.page.keyboard.press('Delete');
    await expect(annaDecks.curve).toHaveAccessibleDescription(/Purchase: \+2;/);
  });
});

test('a moment is a marker with an explanation, and the indicator shows which moments are missing', async ({ createBoard, person }) => {
  await createBoard('Bike rental', 'en');
  const anna = await person('Anna', 'facilitator');
  const decks = new DeckPanel(anna.page, anna.board);
  await expect(decks.momentsIndicator).toHaveAccessibleDescription('0 of 3 key moments mapped');

  await decks.openDeck('The three key moments');
  await decks.addTo('Trigger moment', 'Purchase', 'Activities');
  await expect(decks.momentsIndicator).toHaveAccessibleDescription('1 of 3 key moments mapped');
  await expect(decks.momentsIndicator.getByText('Trigger moment: on the map, in Purchase')).toBeAttached();
  await expect(decks.momentsIndicator.getByText('Medal moment: missing')).toBeAttached();

  const marker = decks.boardCards('Trigger moment');
  await anna.board.fitJourney();
  await anna.board.expectNoteInCell(marker, 'purchase', 'activities');
  await marker.hover();
  const tooltip = anna.page.getByRole('tooltip');
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText('The moment of decision');
  await expect(tooltip).toContainText('not the first stimulus');
  await anna.page.keyboard.press('Escape');
  await expect(tooltip).toBeHidden();
});

test('a question card takes the team’s answer, and everyone reads it', async ({ createBoard, person }) => {
  await createBoard('Bike rental', 'en');
  const anna = await person('Anna', 'facilitator');
  const ben = await person('Ben', 'participant');
  const decks = new DeckPanel(anna.page, anna.board);
  await decks.openDeck('Exercise: the Moment of Truth');
  await decks.addTo('What did we promise?', 'Use', 'Ideas');

  const question = decks.boardCards('What did we promise?');
  await expect(question).toContainText('No answer yet');
  await anna.board.fitJourney();
  await question.click();
  await anna.page.getByRole('button', { name: 'Write the answer' }).click();
  const answer = anna.page.getByRole('dialog').getByRole('textbox', { name: 'Answer' });
  await answer.fill('Free delivery within 48 hours');
  await anna.page.getByRole('dialog').getByRole('button', { name: 'Close' }).last().click();
  await expect(question).toContainText('Free delivery within 48 hours');
  await expect(new DeckPanel(ben.page, ben.board).boardCards('What did we promise?')).toContainText('Free delivery within 48 hours');

  await test.step('a map with deck cards, a moment, an emotion and the curve passes an accessibility check', async () => {
    await decks.openDeck('The three key moments');
    await decks.addTo('Moment of Truth', 'Use', 'Activities');
    await decks.openDeck('Emotions');
    await decks.addTo('Relief', 'Use', 'Emotions');
    await expectNoSeriousA11yViolations(anna.page, 'a map with deck cards');
  });
});
