import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { addCard } from '../../shared/commands/cards';
import { KIND_STYLE } from '../../shared/decks/kind-style';
import { expectNoSeriousA11yViolations } from '../axe';
import { connectStockClient } from '../stock-client';
import { expect, test, type Person, type TestBoard } from '../fixtures';
import { connectAs, Facilitation, personKeyOf, ProjectorView, zoomInOn } from '../pages/facilitation';

/**
 * A workshop in a meeting room: Anna facilitates from her laptop, Ben takes part from his, and the
 * room's screen shows the projector view. Anna locks what should not move, spotlights a stage, runs
 * the timer, brings everyone to her view and holds a dot vote on the ideas.
 */

/** The public person id of a key, as shared/identity.ts computes it. */
function personId(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 22);
}

type PersonFn = (n: string, r?: 'facilitator' | 'participant' | 'viewer' | null) => Promise<Person>;

/** Anna and Ben on a new board, without the room's screen (each page load costs seconds). */
async function pair(createBoard: (t: string, l?: 'en' | 'it') => Promise<TestBoard>, person: PersonFn) {
  const board = await createBoard('Bike rental', 'en');
  const anna = await person('Anna', 'facilitator');
  const ben = await person('Ben', 'participant');
  return { board, anna, ben, annaFac: new Facilitation(anna.page, anna.board), benFac: new Facilitation(ben.page, ben.board) };
}

/** Anna, Ben and the room's screen showing the projector view. */
async function room(createBoard: (t: string, l?: 'en' | 'it') => Promise<TestBoard>, person: PersonFn) {
  const two = await pair(createBoard, person);
  const screen = await person('Room screen', null);
  await screen.page.setViewportSize({ width: 1280, height: 720 });
  await screen.open(two.board.projectorUrl('facilitator'));
  const projector = new ProjectorView(screen.page);
  await expect(projector.stageHeading('Awareness')).toBeVisible();
  return { ...two, screen, projector };
}

test('locks: the skeleton, cards-only mode and the whole board, for the participant and against the server', async ({ createBoard, person, server }) => {
  const { board, anna, ben, annaFac, benFac } = await pair(createBoard, person);
  const renameAwareness = ben.board.map.getByRole('button', { name: /^Rename stage / }).first();

  await test.step('by default a participant works on notes but cannot change the stages and lanes', async () => {
    await expect(anna.board.map.getByRole('button', { name: 'Rename stage Awareness' })).toBeVisible();
    await expect(ben.board.stageHeading('Awareness')).toBeVisible();
    await expect(ben.board.map.getByRole('button', { name: /^(Rename|Remove|Move) (stage|lane)/ })).toHaveCount(0);
    await expect(ben.board.map.getByRole('button', { name: 'Add stage' })).toHaveCount(0);
    await expect(ben.board.viewOnlyBadge).toBeHidden();
    await expect(await ben.board.addNoteButtonOver('awareness', 'activities')).toHaveAccessibleName('Add a note to Awareness · Activities');
  });

  await test.step('unlocked, Ben renames a stage; locked, he cannot', async () => {
    await expect(annaFac.button).toBeVisible();
    await expect(benFac.button).toHaveCount(0);
    await annaFac.openPanel();
    await expect(annaFac.lock('Lock the stages and lanes')).toBeChecked();
    await expect(ben.board.map.getByRole('button', { name: 'Rename stage Awareness' })).toHaveCount(0);

    await annaFac.setLock('Lock the stages and lanes', false);
    await expect(ben.board.map.getByRole('button', { name: 'Add stage' })).toBeVisible();
    await ben.board.stageHeading('Awareness').hover();
    await renameAwareness.click();
    const field = ben.page.getByRole('textbox', { name: 'Stage name' });
    await field.fill('Discovery');
    await field.press('Enter');
    await expect(anna.board.stageHeading('Discovery')).toBeVisible();

    await annaFac.setLock('Lock the stages and lanes', true);
    await expect(ben.board.map.getByRole('button', { name: /^(Rename|Remove|Move) (stage|lane)/ })).toHaveCount(0);
    await expect(ben.board.map.getByRole('button', { name: /^Add (stage|lane)$/ })).toHaveCount(0);
  });

  await test.step('the server refuses Ben’s skeleton change even from a hand-made client', async () => {
    const rogue = await connectAs(server.url, board.id, board.tokens.participant, await personKeyOf(ben.page));
    try {
      const first = rogue.doc.getArray<Y.Map<unknown>>('stages').get(0);
      first.set('title', 'Hacked');
      await expect.poll(() => server.logs.some((l) => l.includes(board.id) && l.includes('"reason":"skeleton"'))).toBe(true);
      // A change Anna makes afterwards reaches Ben: anything accepted from the rogue client would have come first.
      await anna.board.addNote('consideration', 'goals', 'Checks the weather');
      await anna.page.keyboard.press('Escape');
      await expect(ben.board.note('Checks the weather')).toBeVisible();
      await expect(anna.board.stageHeading('Discovery')).toBeVisible();
      await expect(anna.board.stageHeading('Hacked')).toHaveCount(0);
    } finally {
      rogue.destroy();
    }
  });

  await test.step('cards only: Ben adds and changes his own notes, not Anna’s', async () => {
    const annas = await anna.board.addNote('purchase', 'activities', 'Pays at the kiosk');
    await anna.page.keyboard.press('Escape');
    await annaFac.setLock('Cards only mode', true);
    await expect(ben.page.getByText('Cards only: add cards, and change your own.')).toBeVisible();
    const bens = await ben.board.addNote('use', 'activities', 'Unlocks the bike with the app');
    await ben.board.editNote(ben.board.noteById(bens), 'Unlocks the bike with a code');
    await anna.board.expectNoteText(anna.board.noteById(bens), 'Unlocks the bike with a code');
    // Anna's note is not editable, movable or deletable for Ben: it reads as a plain note.
    await expect(ben.board.noteById(annas)).toHaveRole('note');
    await ben.board.noteById(annas).dblclick();
    await expect(ben.board.noteEditor).toHaveCount(0);
    await ben.board.noteById(annas).click();
    await ben.page.keyboard.press('Delete');
    await expect(anna.board.noteById(annas)).toBeVisible();
    await expect(ben.board.noteById(annas)).toBeVisible();
    await annaFac.setLock('Cards only mode', false);
    await expect(ben.board.noteById(annas)).toHaveRole('button');
  });

  await test.step('the locked board is read-only for Ben', async () => {
    await annaFac.setLock('Lock the board', true);
    await expect(ben.page.getByText('The facilitator has locked the board: you can look, not change.')).toBeVisible();
    await expect(await ben.board.addNoteButtonOver('awareness', 'activities')).toHaveCount(0);
    await expect(ben.page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
    await annaFac.setLock('Lock the board', false);
    await expect(await ben.board.addNoteButtonOver('awareness', 'activities')).toHaveAccessibleName('Add a note to Discovery · Activities');
  });
});

test('the spotlight reaches the projector; Ben follows Anna and is brought to her view; the timer shows the same time to everyone and a late joiner', async ({ createBoard, person }) => {
  // Three pages and a late joiner on two busy cores; one room for both (each room costs three page loads).
  test.slow();
  const { anna, ben, annaFac, benFac, projector } = await room(createBoard, person);

  await test.step('key 3 spotlights Purchase for everyone, the projector included', async () => {
    await anna.board.fitJourney();
    await anna.board.map.click({ position: { x: 5, y: 5 } });
    await anna.page.keyboard.press('3');
    for (const f of [annaFac, benFac, projector]) {
      await expect(f.spotlightNote('Purchase')).toBeVisible();
      await expect(f.spotlit('purchase')).toBeAttached();
      await expect(f.dimmed('awareness')).toBeVisible();
      await expect(f.dimmed('purchase')).toHaveCount(0);
    }
    await anna.page.keyboard.press('5');
    await expect(projector.spotlightNote('Retention')).toBeVisible();
    await anna.page.keyboard.press('Shift+Digit0');
    for (const f of [annaFac, benFac, projector]) {
      await expect(f.spotlightNote('Retention')).toHaveCount(0);
      await expect(f.dimmed('awareness')).toHaveCount(0);
    }
  });

  await test.step('the projector keeps its own camera: Anna zooming in on her laptop does not move it', async () => {
    await zoomInOn(anna.page, anna.board, 'use', 'goals');
    await expect(anna.board.stageHeading('Awareness')).not.toBeInViewport();
    await expect(projector.stageHeading('Awareness')).toBeInViewport();
    await expect(projector.stageHeading('Advocacy')).toBeInViewport();
    await anna.board.fitJourney();
  });

  await test.step('Ben follows Anna until he pans himself', async () => {
    await benFac.follow('Anna');
    await zoomInOn(anna.page, anna.board, 'consideration', 'activities');
    await expect(ben.board.stageHeading('Consideration')).toBeInViewport();
    await expect(ben.board.stageHeading('Advocacy')).not.toBeInViewport();
    await ben.board.fitJourney();
    await expect(benFac.followChip).toHaveCount(0);
    await expect(ben.board.stageHeading('Advocacy')).toBeInViewport();
  });

  await test.step('“Bring everyone here” moves Ben to Anna’s view', async () => {
    await zoomInOn(anna.page, anna.board, 'retention', 'emotions');
    await expect(ben.board.stageHeading('Awareness')).toBeInViewport();
    await annaFac.bringEveryoneHere();
    await expect(ben.page.getByText('The facilitator brought you to their view.')).toBeVisible();
    await expect(ben.board.stageHeading('Retention')).toBeInViewport();
    await expect(ben.board.stageHeading('Awareness')).not.toBeInViewport();
  });

  const everyone = [annaFac, benFac, projector];

  await test.step('a five-minute countdown runs for everyone', async () => {
    await annaFac.startTimer(5);
    for (const f of everyone) await expect(f.timer).toHaveText(/^(5:00|4:[45]\d)$/);
  });

  await test.step('paused, all three show exactly the same time, and so does someone who joins now', async () => {
    await annaFac.timerButton('Pause the timer').click();
    await expect(annaFac.panel.getByRole('button', { name: 'Resume the timer' })).toBeVisible();
    const shown = await annaFac.timerText();
    expect(shown).toMatch(/^(5:00|4:\d\d)$/);
    for (const f of everyone) await expect(f.timer).toHaveText(shown);
    const carla = await person('Carla', 'participant');
    await expect(new Facilitation(carla.page).timer).toHaveText(shown);
    await expect(projector.page.getByText('Paused', { exact: true })).toBeVisible();
  });

  await test.step('one more minute, then resumed: everyone runs from the same time', async () => {
    await annaFac.timerButton('Add one minute').click();
    await annaFac.timerButton('Resume the timer').click();
    for (const f of everyone) await expect(f.timer).toHaveText(/^(6:00|5:[45]\d)$/);
  });

  await test.step('moving to an agenda step sets everyone’s timer and shows the step', async () => {
    await annaFac.goToStep(3, 'Emotions and the curve');
    for (const f of everyone) {
      await expect(f.agendaStep(3, 6, 'Emotions and the curve')).toBeVisible();
      // The step sets a 15-minute countdown; three pages are checked one after the other.
      await expect(f.timer).toHaveText(/^(15:00|14:[0-5]\d)$/);
    }
    await expect(anna.page.locator('.agenda-lane[data-lane="emotions"]')).toBeAttached();
    await expect(projector.page.locator('.agenda-lane[data-lane="emotions"]')).toBeAttached();
  });

  await test.step('stopped, it disappears everywhere', async () => {
    await annaFac.timerButton('Stop the timer').click();
    for (const f of everyone) await expect(f.timer).toHaveCount(0);
  });
});

test('a dot vote stays hidden until the facilitator reveals it, and the budget holds against the server', async ({ createBoard, person, server }) => {
  // Three people and a projector, a dozen selections and dots: more than a minute on two busy cores.
  test.slow();
  const { board, anna, ben, annaFac, benFac, projector } = await room(createBoard, person);
  // The four notes come from a stock client in one transaction: writing notes is tested elsewhere, and
  // typing them here cost a quarter of this test.
  const writer = await connectStockClient(server.url, board.id, board.tokens.facilitator);
  const note = (stage: string, lane: string, text: string) => addCard(writer.doc, { stage, lane, kind: 'note', text, color: KIND_STYLE.note.color });
  let hour = '';
  let night = '';
  let pass = '';
  writer.doc.transact(() => {
    hour = note('awareness', 'ideas', 'Rent by the hour');
    night = note('use', 'ideas', 'Night rides');
    pass = note('retention', 'ideas', 'Family pass');
    note('use', 'activities', 'Rides to work');
  });
  for (const p of [anna, ben]) await expect(p.board.note('Rides to work')).toBeVisible();
  writer.destroy();

  await test.step('Anna opens a vote of 2 dots on the Ideas lane', async () => {
    await annaFac.startVote(2, 'Ideas');
    await expect(ben.page.getByText('Dot vote: 2 of 2 dots left')).toBeVisible();
    // Only the ideas take dots.
    await benFac.selectCard('Rides to work');
    await expect(benFac.addDot('Rides to work')).toHaveCount(0);
    await expect(projector.page.getByText('Dot vote in progress')).toBeVisible();
  });

  await test.step('Ben places both his dots; a third one is not possible', async () => {
    await benFac.selectCard('Night rides');
    await benFac.addDot('Night rides').click();
    await benFac.addDot('Night rides').click();
    await expect(ben.page.getByText('Dot vote: 0 of 2 dots left')).toBeVisible();
    await expect(benFac.dotsOn(night)).toContainText('Your dots here: 2');
    for (const text of ['Rent by the hour', 'Night rides', 'Family pass']) {
      await benFac.selectCard(text);
      await expect(benFac.addDot(text)).toBeDisabled();
    }
    await benFac.selectCard('Night rides');
    await benFac.removeDot('Night rides').click();
    await benFac.selectCard('Family pass');
    await benFac.addDot('Family pass').click();
    await benFac.removeDot('Family pass').click();
    await benFac.selectCard('Night rides');
    await benFac.addDot('Night rides').click();
    await annaFac.selectCard('Rent by the hour');
    await annaFac.addDot('Rent by the hour').click();
  });

  await test.step('nobody sees anyone else’s dots before the reveal', async () => {
    await expect(anna.page.getByText('2 people have voted').first()).toBeVisible();
    for (const f of [annaFac, benFac, projector]) await expect(f.totals).toHaveCount(0);
    await expect(benFac.dotsOn(hour)).toContainText('Your dots here: 0');
    await expect(annaFac.dotsOn(night)).toContainText('Your dots here: 0');
    await expect(projector.page.locator('[data-card-id-dots]')).toHaveCount(0);
    await expect(projector.results).toHaveCount(0);
  });

  await test.step('the server refuses a third dot from Ben’s own key', async () => {
    const rogue = await connectAs(server.url, board.id, board.tokens.participant, await personKeyOf(ben.page));
    try {
      const vote = rogue.doc.getMap<unknown>('facilitation').get('vote') as { id: string };
      const benId = personId(await personKeyOf(ben.page));
      expect([...rogue.doc.getMap<number>('votes').keys()]).toContain(`${vote.id}/${benId}/${night}`);
      rogue.doc.getMap<number>('votes').set(`${vote.id}/${benId}/${pass}`, 1);
      await expect.poll(() => server.logs.some((l) => l.includes(board.id) && l.includes('"reason":"vote-budget"'))).toBe(true);
      // A later change by Anna reaches everyone after anything the server accepted from the rogue client.
      await anna.board.addNote('advocacy', 'goals', 'Tells friends');
      await expect(ben.board.note('Tells friends')).toBeVisible();
    } finally {
      rogue.destroy();
    }
  });

  await test.step('revealed: everyone, the projector included, sees the totals and the ranking', async () => {
    await annaFac.reveal();
    for (const f of [annaFac, benFac, projector]) {
      await expect(f.dotsOn(night)).toHaveText('2 dots');
      await expect(f.dotsOn(hour)).toHaveText('1 dot');
      await expect(f.dotsOn(pass)).toHaveCount(0);
      await expect(f.results.getByRole('listitem')).toHaveText([/^2 dots\s*Night rides$/, /^1 dot\s*Rent by the hour$/]);
    }
    await benFac.selectCard('Night rides');
    await expect(benFac.addDot('Night rides')).toHaveCount(0);
  });

  await test.step('the projector passes an accessibility check with results, timer and QR code', async () => {
    await annaFac.startTimer(3);
    await expect(projector.timer).toBeVisible();
    await expect(projector.joinQr).toBeVisible();
    await expectNoSeriousA11yViolations(projector.page, 'the projector view');
    await expectNoSeriousA11yViolations(anna.page, 'the facilitator’s board with the facilitation panel open');
  });
});

test('a projector opened with the view-only link shows no QR code; the panel speaks Italian', async ({ createBoard, person }) => {
  const board = await createBoard('Noleggio bici', 'it');
  const screen = await person('Schermo', null, { locale: 'it-IT' });
  await screen.open(board.projectorUrl('viewer'));
  await expect(screen.page.getByRole('region', { name: 'Mappa del percorso' })).toBeVisible();
  await expect(screen.page.getByRole('button', { name: 'Schermo intero' })).toBeVisible();
  await expect(screen.page.getByRole('img', { name: /^Codice QR/ })).toHaveCount(0);

  const anna = await person('Anna', 'facilitator', { locale: 'it-IT', open: false });
  await anna.open(board.url('facilitator'));
  await expect(anna.page.getByRole('region', { name: 'Mappa del percorso' })).toBeVisible();
  await anna.page.getByRole('banner').getByRole('button', { name: 'Facilitazione' }).click();
  const panel = anna.page.getByRole('complementary', { name: 'Facilitazione' });
  for (const name of ['Blocca fasi e corsie', 'Blocca la lavagna', 'Solo carte']) await expect(panel.getByRole('switch', { name })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Porta tutti qui' })).toBeVisible();
  // The projector keeps its own camera: a facilitator arriving does not move it.
  await expect(screen.page.getByRole('heading', { name: 'Consapevolezza', level: 2 })).toBeInViewport();
});
