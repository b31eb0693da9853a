import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addCard, deleteCard, setCardText } from '../../shared/commands/cards';
import { setLock } from '../../shared/commands/facilitation';
import { renameAxisItem } from '../../shared/commands/skeleton';
import { roots } from '../../shared/doc/board-doc';
import { readAxis, readCards, readLocks } from '../../shared/doc/read';
import { personIdFromKey } from '../../shared/identity';
import { randomId } from '../../shared/doc/ids';
import type { CreateBoardResponse } from '../../shared/protocol';
import { createBoardViaApi, sleep, waitUntil, wsBase } from '../test-support/clients';
import { startTestServer, type TestServer } from '../test-support/server';

/** A stock client that also sends a person key, as the app does. */
function person(url: string, boardId: string, token: string, personKey = randomId()) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsBase(url), boardId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token, person: personKey },
  });
  const synced = new Promise<void>((r) => provider.once('sync', () => r()));
  return { doc, provider, synced, personKey };
}

let srv: TestServer;
let board: CreateBoardResponse;
const open: Array<{ provider: WebsocketProvider }> = [];
const join = async (token: string, key?: string) => {
  const p = person(srv.url, board.id, token, key);
  open.push(p);
  await p.synced;
  return p;
};
const cardsOf = (doc: Y.Doc) => readCards(doc).map((c) => c.text).sort();
/** Lets any relay in flight arrive, for checks that something did NOT happen. */
const settle = () => sleep(300);

beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv.stop());
afterEach(() => {
  for (const p of open.splice(0)) p.provider.destroy();
});

describe('locks set by the facilitator are enforced by the server', () => {
  beforeEachBoard();

  it('lets participants change stages only while the skeleton is unlocked', async () => {
    const fac = await join(board.tokens.facilitator);
    const part = await join(board.tokens.participant);
    renameAxisItem(part.doc, 'stages', 'use', 'Locked rename');
    await settle();
    expect(readAxis(roots(fac.doc).stages)[3].title).toBe('Use');

    setLock(fac.doc, 'skeletonLocked', false);
    await waitUntil(() => !readLocks(part.doc).skeletonLocked, 'unlock to reach the participant', 5000, part.doc);
    renameAxisItem(part.doc, 'stages', 'retention', 'Loyalty');
    await waitUntil(() => readAxis(roots(fac.doc).stages)[4].title === 'Loyalty', 'rename to reach the facilitator', 5000, fac.doc);
  });

  it('refuses a participant who sets a lock', async () => {
    const fac = await join(board.tokens.facilitator);
    const part = await join(board.tokens.participant);
    setLock(part.doc, 'boardLocked', true);
    await settle();
    expect(readLocks(fac.doc).boardLocked).toBe(false);
  });

  it('makes the board read-only for participants when locked, not for the facilitator', async () => {
    const fac = await join(board.tokens.facilitator);
    const part = await join(board.tokens.participant);
    setLock(fac.doc, 'boardLocked', true);
    await waitUntil(() => readLocks(part.doc).boardLocked, 'lock to arrive', 5000, part.doc);
    addCard(part.doc, { stage: 'use', lane: 'ideas', text: 'while locked' });
    addCard(fac.doc, { stage: 'use', lane: 'ideas', text: 'facilitator note' });
    await waitUntil(() => cardsOf(part.doc).includes('facilitator note'), 'facilitator card', 5000, part.doc);
    await settle();
    expect(cardsOf(fac.doc)).not.toContain('while locked');
  });

  it('in cards-only mode lets participants change their own cards only', async () => {
    const fac = await join(board.tokens.facilitator);
    const ann = await join(board.tokens.participant);
    const bob = await join(board.tokens.participant);
    setLock(fac.doc, 'cardsOnly', true);
    await waitUntil(() => readLocks(ann.doc).cardsOnly && readLocks(bob.doc).cardsOnly, 'mode to arrive');

    const annId = await personIdFromKey(ann.personKey);
    const bobId = await personIdFromKey(bob.personKey);
    const annCard = addCard(ann.doc, { stage: 'use', lane: 'goals', text: 'ann', ownerId: annId });
    const bobCard = addCard(bob.doc, { stage: 'use', lane: 'goals', text: 'bob', ownerId: bobId });
    const facCard = addCard(fac.doc, { stage: 'use', lane: 'goals', text: 'fac' });
    await waitUntil(() => cardsOf(fac.doc).includes('ann') && cardsOf(fac.doc).includes('bob'), 'new cards');
    await waitUntil(() => cardsOf(bob.doc).includes('fac') && cardsOf(bob.doc).includes('ann'), 'cards at bob');

    setCardText(bob.doc, annCard, 'bob was here'); // not his
    deleteCard(bob.doc, facCard); // not his
    setCardText(bob.doc, bobCard, 'bob edited'); // his own
    await waitUntil(() => cardsOf(fac.doc).includes('bob edited'), 'own edit to pass', 5000, fac.doc);
    await settle();
    expect(cardsOf(fac.doc)).toEqual(['ann', 'bob edited', 'fac']);
    expect(cardsOf(ann.doc)).toEqual(['ann', 'bob edited', 'fac']);

    // Copying someone's id from the document does not make you them: the server derives it from the key.
    const mallory = await join(board.tokens.participant);
    const forged = addCard(mallory.doc, { stage: 'use', lane: 'goals', text: 'forged', ownerId: annId });
    await waitUntil(() => cardsOf(fac.doc).includes('forged'), 'a new card is anyone’s to add');
    setCardText(mallory.doc, annCard, 'mallory was here');
    await settle();
    expect(readCards(fac.doc).find((c) => c.id === annCard)?.text).toBe('ann');
    expect(readCards(fac.doc).find((c) => c.id === forged)?.ownerId).toBe(annId);

    // The same person, back on another connection with the same key, still owns the card.
    const annAgain = await join(board.tokens.participant, ann.personKey);
    deleteCard(annAgain.doc, annCard);
    await waitUntil(() => !cardsOf(fac.doc).includes('ann'), 'owner delete to pass', 5000, fac.doc);
  });
});

/** Each test gets its own board, so locks and cards of one never leak into the next. */
function beforeEachBoard() {
  beforeEach(async () => {
    board = await createBoardViaApi(srv.url, { title: 'Locks', locale: 'en' });
  });
}
