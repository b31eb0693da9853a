import { expect, test } from '../fixtures';
import { expectNoSeriousA11yViolations } from '../axe';
import { DeckPanel } from '../pages/deck-panel';

/**
 * The method on the map: the team deals emotion cards and watches the emotion curve change on everyone's
 * screen, places the key moments and sees which are still missing, and answers the question cards.
 */

test('the emotion curve changes on everyone’s screen; a moment is a marker with an explanation and the indicator shows which are missing; a question card takes the team’s answer', async ({ createBoard, person }) => {
  // One board and two people for the three checks (each page load costs seconds on two busy cores).
  test.slow();
  await createBoard('Bike rental', 'en');
  const anna = await person('Anna', 'facilitator');
  const ben = await person('Ben', 'participant');
  const annaDecks = new DeckPanel(anna.page, anna.board);
  const benDecks = new DeckPanel(ben.page, ben.board);

  await test.step('the emotion curve changes on everyone’s screen as emotion cards are added and removed', async () => {
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

  await test.step('a moment is a marker with an explanation, and the indicator shows which moments are missing', async () => {
    await expect(annaDecks.momentsIndicator).toHaveAccessibleDescription('0 of 3 key moments mapped');

    await annaDecks.openDeck('The three key moments');
    await annaDecks.addTo('Trigger moment', 'Purchase', 'Activities');
    await expect(annaDecks.momentsIndicator).toHaveAccessibleDescription('1 of 3 key moments mapped');
    await expect(annaDecks.momentsIndicator.getByText('Trigger moment: on the map, in Purchase')).toBeAttached();
    await expect(annaDecks.momentsIndicator.getByText('Medal moment: missing')).toBeAttached();

    const marker = annaDecks.boardCards('Trigger moment');
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

  await test.step('a question card takes the team’s answer, and everyone reads it', async () => {
    await annaDecks.openDeck('Exercise: the Moment of Truth');
    await annaDecks.addTo('What did we promise?', 'Use', 'Ideas');

    const question = annaDecks.boardCards('What did we promise?');
    await expect(question).toContainText('No answer yet');
    await anna.board.fitJourney();
    await question.click();
    await anna.page.getByRole('button', { name: 'Write the answer' }).click();
    const answer = anna.page.getByRole('dialog').getByRole('textbox', { name: 'Answer' });
    await answer.fill('Free delivery within 48 hours');
    await anna.page.getByRole('dialog').getByRole('button', { name: 'Close' }).last().click();
    await expect(question).toContainText('Free delivery within 48 hours');
    await expect(benDecks.boardCards('What did we promise?')).toContainText('Free delivery within 48 hours');

    await test.step('a map with deck cards, a moment, an emotion and the curve passes an accessibility check', async () => {
      await annaDecks.openDeck('The three key moments');
      await annaDecks.addTo('Moment of Truth', 'Use', 'Activities');
      await annaDecks.openDeck('Emotions');
      await annaDecks.addTo('Relief', 'Use', 'Emotions');
      await expectNoSeriousA11yViolations(anna.page, 'a map with deck cards');
    });
  });
});
