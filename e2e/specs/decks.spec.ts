import { expect, test } from '../fixtures';
import { expectNoSeriousA11yViolations } from '../axe';
import { DeckPanel } from '../pages/deck-panel';

/**
 * A workshop deals cards from the decks: the team drags emotions onto the map with the mouse or the
 * keyboard, or uses "Add to…"; the facilitator brings in a deck of their own and exports decks; an
 * Italian participant reads the panel in Italian while the cards land in the board's English.
 * The curve, the moments and the question cards are in journey-map.spec.ts.
 */

test.describe('dealing deck cards onto the map', () => {
  test('a card dragged with the mouse lands in the cell under the pointer at 50% and at 200% zoom', async ({ createBoard, person }) => {
    await createBoard('Bike rental', 'en');
    const anna = await person('Anna', 'participant');
    const decks = new DeckPanel(anna.page, anna.board);
    await expect(decks.region).toBeVisible();
    await decks.openDeck('Emotions');

    await test.step('at 50%: Joy into Purchase · Emotions', async () => {
      await decks.zoomTo(0.5, 'purchase', 'emotions');
      await decks.dragToCell('Joy', 'purchase', 'emotions', { fx: 0.8, fy: 0.7 });
      const joy = decks.boardCards('Joy');
      await expect(joy).toHaveCount(1);
      await anna.board.expectNoteInCell(joy, 'purchase', 'emotions');
    });

    await test.step('at 200%: Doubt into Consideration · Emotions, near the cell’s edge', async () => {
      await decks.zoomTo(2, 'consideration', 'emotions');
      // Just inside the cell's top edge: an offset overlay or a scaled hit box would miss it.
      await decks.dragToCell('Doubt', 'consideration', 'emotions', { fx: 0.1, fy: 0.06 });
      const doubt = decks.boardCards('Doubt');
      await expect(doubt).toHaveCount(1);
      await anna.board.fitJourney();
      await anna.board.expectNoteInCell(doubt, 'consideration', 'emotions');
    });

    await test.step('the cards keep their kind: an emotion with its valence', async () => {
      const joy = decks.boardCards('Joy');
      await expect(joy.getByRole('img', { name: 'Valence +2: very positive' })).toBeVisible();
      await expect(decks.boardCards('Doubt').getByRole('img', { name: 'Valence -1: negative' })).toBeVisible();
    });

    await test.step('a card dropped outside the map adds nothing', async () => {
      const before = await anna.board.notes.count();
      const card = decks.card('Trust');
      const from = await card.boundingBox();
      await anna.page.mouse.move(from!.x + 20, from!.y + 10);
      await anna.page.mouse.down();
      await anna.page.mouse.move(from!.x + 40, from!.y + 200, { steps: 10 });
      await anna.page.mouse.up();
      await expect(anna.board.notes).toHaveCount(before);
    });
  });

  test('the keyboard picks a card up, moves it from cell to cell and drops it', async ({ createBoard, person }) => {
    await createBoard('Bike rental', 'en');
    const anna = await person('Anna', 'participant');
    const decks = new DeckPanel(anna.page, anna.board);
    await anna.board.fitJourney();
    await decks.openDeck('Emotions');

    // Relief suggests the Emotions lane; it starts over Awareness · Emotions. Two steps right, one down
    // and one up again: Purchase · Emotions.
    await decks.dealWithKeyboard('Relief', ['ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowUp']);
    const relief = decks.boardCards('Relief');
    await expect(relief).toHaveCount(1);
    await anna.board.expectNoteInCell(relief, 'purchase', 'emotions');

    await test.step('Escape cancels: nothing is added', async () => {
      await decks.card('Trust').focus();
      await anna.page.keyboard.press('Space');
      await anna.page.keyboard.press('ArrowRight');
      await anna.page.keyboard.press('Escape');
      await expect(anna.board.notes).toHaveCount(1);
    });

    await test.step('"Add to…" deals a card without dragging', async () => {
      await decks.openDeck('Customer goals');
      await decks.search.fill('real cost');
      const title = 'Understand the real cost';
      await expect(decks.card(title)).toBeVisible();
      await decks.addTo(title, 'Consideration', 'Goals');
      await anna.board.expectNoteInCell(decks.boardCards(title), 'consideration', 'goals');
      await expect(decks.status).toContainText(`“${title}” added to Consideration, Goals.`);
    });
  });
});

test('a broken deck file is explained and changes nothing; a good one reaches everyone', async ({ createBoard, person }) => {
  await createBoard('Bike rental', 'en');
  const anna = await person('Anna', 'facilitator');
  const ben = await person('Ben', 'participant');
  const decks = new DeckPanel(anna.page, anna.board);
  const benDecks = new DeckPanel(ben.page, ben.board);
  const deckCount = await decks.region.getByRole('heading', { level: 3 }).count();

  await test.step('participants cannot import', async () => {
    await expect(benDecks.region).toBeVisible();
    await expect(benDecks.importInput).toHaveCount(0);
  });

  await test.step('not JSON', async () => {
    await decks.importFile('after-sale.json', '{ "formatVersion": 1, ');
    await expect(decks.importError).toContainText('“after-sale.json” was not imported');
    await expect(decks.importError).toContainText('This is not a JSON file');
  });

  await test.step('a missing translation and a duplicate id, each with where it is', async () => {
    const broken = {
      formatVersion: 1,
      id: 'acme-after-sale',
      title: { it: 'Dopo la vendita', en: 'After the sale' },
      cards: [
        { id: 'alone', kind: 'emotion', valence: -2, title: { en: 'Feeling abandoned' } },
        { id: 'alone', kind: 'goal', title: { it: 'Assistenza', en: 'Support' } },
      ],
    };
    await decks.importFile('after-sale.json', JSON.stringify(broken));
    await expect(decks.importError).toContainText('cards[0].title.it');
    await expect(decks.importError).toContainText('This field is required.');
    await expect(decks.importError).toContainText('cards[1].id');
    await expect(decks.importError).toContainText('The card id “alone” is already used by card cards[0].');
    await expect(decks.region.getByRole('heading', { level: 3 })).toHaveCount(deckCount);
    await expect(benDecks.region.getByRole('heading', { level: 3 })).toHaveCount(deckCount);
    await decks.openDeck('Emotions');
    await expectNoSeriousA11yViolations(anna.page, 'the deck panel with an import error and an open deck');
  });

  await test.step('a file dropped on the panel is checked the same way', async () => {
    await decks.dropFile('notes.json', '[1, 2, 3]');
    await expect(decks.importError).toContainText('“notes.json” was not imported');
    await expect(decks.importError).toContainText('Wrong type: expected an object.');
  });

  await test.step('a valid deck is on every panel', async () => {
    const good = {
      formatVersion: 1,
      id: 'acme-after-sale',
      title: { it: 'Dopo la vendita', en: 'After the sale' },
      cards: [{ id: 'alone', kind: 'emotion', valence: -2, title: { it: 'Sentirsi abbandonato', en: 'Feeling abandoned' } }],
    };
    await decks.importFile('after-sale.json', JSON.stringify(good));
    await expect(decks.importError).toHaveCount(0);
    await expect(decks.status).toContainText('Deck “After the sale” imported: 1 card.');
    await expect(benDecks.deckToggle('After the sale')).toBeVisible();
    await benDecks.openDeck('After the sale');
    await benDecks.addTo('Feeling abandoned', 'Use', 'Emotions');
    await expect(decks.curve).toHaveAccessibleDescription(/Use: -2;/);
  });

  await test.step('any deck can be exported as a deck file, built-in or not', async () => {
    const file = await benDecks.exportDeck('After the sale');
    expect(file.name).toBe('acme-after-sale.deck.json');
    expect(JSON.parse(file.text)).toMatchObject({ formatVersion: 1, id: 'acme-after-sale', cards: [{ id: 'alone', valence: -2 }] });
    const emotions = await benDecks.exportDeck('Emotions');
    expect(JSON.parse(emotions.text).cards).toHaveLength(19);
  });
});

test('an Italian interface on an English board: panel and curve in Italian, cards land in English', async ({ createBoard, person }) => {
  const board = await createBoard('Bike rental', 'en');
  // Giulia's browser speaks Italian: the board page object's English names do not apply, so she opens
  // the link herself and waits for the map by its Italian name.
  const giulia = await person('Giulia', 'participant', { locale: 'it-IT', open: false });
  await giulia.page.goto(board.url('participant'));
  await expect(giulia.page.getByRole('region', { name: 'Mappa del percorso' })).toBeVisible({ timeout: 20_000 });
  const decks = new DeckPanel(giulia.page, giulia.board, 'it');
  await expect(decks.region).toBeVisible();
  await expect(decks.search).toBeVisible();
  await expect(decks.curve).toHaveAccessibleDescription(/^Awareness: nessun dato;/);

  await decks.search.fill('gioia');
  await expect(decks.card('Gioia')).toBeVisible();
  await expect(decks.region.getByRole('status')).toHaveText('1 carta trovata');
  await decks.addTo('Gioia', 'Purchase', 'Emotions');
  // The board's content language is English: the card is written in English.
  await expect(decks.boardCards('Joy')).toHaveCount(1);
  await expect(decks.boardCards('Joy').getByRole('img', { name: 'Valenza +2: molto positiva' })).toBeVisible();
  await expect(decks.curve).toHaveAccessibleDescription(/Purchase: \+2;/);

  await test.step('switching to English renames the panel and the curve', async () => {
    await giulia.board.chooseLanguage('English');
    const en = new DeckPanel(giulia.page, giulia.board, 'en');
    await expect(en.region).toBeVisible();
    await expect(en.curve).toBeVisible();
    await en.search.fill('joy');
    await expect(en.card('Joy')).toBeVisible();
    await expect(decks.boardCards('Joy').getByRole('img', { name: 'Valence +2: very positive' })).toBeVisible();
  });
});

// A viewer gets no deck panel: checked in viewer.spec.ts, on the viewer's page there.
