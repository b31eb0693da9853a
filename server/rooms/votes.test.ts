import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addCard } from '../../shared/commands/cards';
import { VOTES_ROOT, changeDot, myDots, readVote, revealVote, startVote, tallies, voteKey } from '../../shared/commands/votes';
import { randomId } from '../../shared/doc/ids';
import { personIdFromKey } from '../../shared/identity';
import type { CreateBoardResponse } from '../../shared/protocol';
import { createBoardViaApi, sleep, waitUntil, wsBase } from '../test-support/clients';
import { startTestServer, type TestServer } from '../test-support/server';

let srv: TestServer;
let board: CreateBoardResponse;
const open: WebsocketProvider[] = [];

async function join(token: string) {
  const personKey = randomId();
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsBase(srv.url), board.id, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token, person: personKey },
  });
  open.push(provider);
  await new Promise<void>((r) => provider.once('sync', () => r()));
  return { doc, personId: await personIdFromKey(personKey) };
}
const settle = () => sleep(300);

beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv.stop());
beforeEach(async () => {
  board = await createBoardViaApi(srv.url, { title: 'Votes', locale: 'en' });
});
afterEach(() => {
  for (const p of open.splice(0)) p.destroy();
});

describe('dot voting, enforced by the server', () => {
  it('counts dots within the budget and refuses a participant who goes over it', async () => {
    const fac = await join(board.tokens.facilitator);
    const ann = await join(board.tokens.participant);
    const ideas = ['a', 'b', 'c'].map((t) => addCard(fac.doc, { stage: 'use', lane: 'ideas', text: t }));
    const goal = addCard(fac.doc, { stage: 'use', lane: 'goals', text: 'g' });
    startVote(fac.doc, 2, 'ideas');
    await waitUntil(() => readVote(ann.doc)?.open === true && ann.doc.getMap('cards').size === 4, 'vote to open', 5000, ann.doc);

    expect(changeDot(ann.doc, ann.personId, ideas[0], 1)).toBe(true);
    expect(changeDot(ann.doc, ann.personId, ideas[1], 1)).toBe(true);
    expect(changeDot(ann.doc, ann.personId, ideas[2], 1)).toBe(false); // the app stops at the budget
    await waitUntil(() => tallies(fac.doc).length === 2, 'two dots at the facilitator', 5000, fac.doc);

    // A hand-made client ignores the budget: the server does not.
    ann.doc.getMap(VOTES_ROOT).set(voteKey(readVote(ann.doc)!.id, ann.personId, ideas[2]), 1);
    // ...and a card outside the vote's lane, and someone else's entry.
    ann.doc.getMap(VOTES_ROOT).set(voteKey(readVote(ann.doc)!.id, ann.personId, goal), 1);
    ann.doc.getMap(VOTES_ROOT).set(voteKey(readVote(ann.doc)!.id, fac.personId, ideas[2]), 1);
    await settle();
    expect(tallies(fac.doc)).toEqual(
      [ideas[0], ideas[1]].sort().map((cardId) => ({ cardId, dots: 1 })),
    );
  });

  it('lets a participant move a dot, and refuses dots once the vote is revealed', async () => {
    const fac = await join(board.tokens.facilitator);
    const bob = await join(board.tokens.participant);
    const [x, y] = ['x', 'y'].map((t) => addCard(fac.doc, { stage: 'use', lane: 'ideas', text: t }));
    startVote(fac.doc, 1, null);
    await waitUntil(() => readVote(bob.doc)?.open === true && bob.doc.getMap('cards').size === 2, 'vote to open', 5000, bob.doc);
    changeDot(bob.doc, bob.personId, x, 1);
    changeDot(bob.doc, bob.personId, x, -1);
    changeDot(bob.doc, bob.personId, y, 1);
    await waitUntil(() => tallies(fac.doc)[0]?.cardId === y, 'dot moved to y', 5000, fac.doc);
    expect(tallies(fac.doc)).toEqual([{ cardId: y, dots: 1 }]);

    revealVote(fac.doc);
    await waitUntil(() => readVote(bob.doc)?.revealed === true, 'reveal', 5000, bob.doc);
    bob.doc.getMap(VOTES_ROOT).set(voteKey(readVote(bob.doc)!.id, bob.personId, x), 1);
    await settle();
    expect(myDots(fac.doc, bob.personId)).toEqual(new Map([[y, 1]]));
  });
});
