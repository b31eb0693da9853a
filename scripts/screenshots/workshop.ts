/**
 * A realistic workshop for the README's screenshots: a bike-rental company maps its customers' journey.
 * Cards in every stage and lane, the three key moments, emotions that draw a curve, a question with the
 * team's answer, and a revealed dot vote on the ideas. Written through the app's own command functions
 * (shared/commands) over stock y-websocket clients, as docs/document-format.md describes.
 */
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addCard } from '../../shared/commands/cards';
import { changeDot, readVote, revealVote, startVote, tallies } from '../../shared/commands/votes';
import { goToStep } from '../../shared/commands/agenda';
import { BUILTIN_DECKS } from '../../shared/decks/builtin';
import { deckCardToAddInput } from '../../shared/decks/deck-to-card';
import type { Locale } from '../../shared/doc/schema';
import { base64url, personIdFromKey } from '../../shared/identity';
import type { CreateBoardResponse } from '../../shared/protocol';

type Text = Record<Locale, string>;

export const WORKSHOP_TITLE: Text = { en: 'Bike rental in Milan: customer journey', it: 'Noleggio bici a Milano: il viaggio del cliente' };

/** Deck cards by `deckId/cardId`, placed in a stage and lane. */
const DECK_CARDS: Array<[string, string, string]> = [
  ['activities/awareness-hears-about', 'awareness', 'activities'],
  ['activities/consideration-reads-reviews', 'consideration', 'activities'],
  ['activities/consideration-compares', 'consideration', 'activities'],
  ['activities/purchase-chooses', 'purchase', 'activities'],
  ['goals/awareness-understand-problem', 'awareness', 'goals'],
  ['goals/consideration-real-cost', 'consideration', 'goals'],
  ['goals/purchase-easy', 'purchase', 'goals'],
  ['goals/use-quick-results', 'use', 'goals'],
  ['emotions/curiosity', 'awareness', 'emotions'],
  ['emotions/doubt', 'consideration', 'emotions'],
  ['emotions/enthusiasm', 'purchase', 'emotions'],
  ['emotions/frustration', 'use', 'emotions'],
  ['emotions/satisfaction', 'retention', 'emotions'],
  ['emotions/pride', 'advocacy', 'emotions'],
  ['channels/social-networks', 'awareness', 'channels'],
  ['channels/search-engine', 'consideration', 'channels'],
  ['channels/mobile-app', 'purchase', 'channels'],
  ['channels/device-smartphone', 'use', 'channels'],
  ['channels/email', 'retention', 'channels'],
  ['channels/word-of-mouth', 'advocacy', 'channels'],
  ['moments/trigger', 'purchase', 'activities'],
  ['moments/truth', 'use', 'activities'],
  ['moments/medal', 'advocacy', 'activities'],
];

/** The team's own notes. */
const NOTES: Array<[Text, string, string, string?]> = [
  [{ en: 'Sees the orange bikes parked outside the metro', it: 'Vede le bici arancioni parcheggiate fuori dalla metro' }, 'awareness', 'activities'],
  [{ en: 'Unlocks a bike with the app in under a minute', it: 'Sblocca una bici con l’app in meno di un minuto' }, 'use', 'activities'],
  [{ en: 'The saddle is too low and does not stay up', it: 'La sella è troppo bassa e non resta su' }, 'use', 'activities', '#ffd6d6'],
  [{ en: 'Renews the monthly pass', it: 'Rinnova l’abbonamento mensile' }, 'retention', 'activities'],
  [{ en: 'Posts the Sunday ride along the Naviglio', it: 'Pubblica il giro della domenica lungo il Naviglio' }, 'advocacy', 'activities'],
  [{ en: 'Get to work without sweating', it: 'Arrivare al lavoro senza sudare' }, 'retention', 'goals'],
  [{ en: 'Be the one who found the smart way around town', it: 'Essere quello che ha scoperto come muoversi in città' }, 'advocacy', 'goals'],
  [{ en: 'Bikes near the station at 8:30', it: 'Bici vicino alla stazione alle 8:30' }, 'retention', 'ideas', '#c9f2d0'],
  [{ en: 'Saddle height remembered per rider', it: 'Altezza della sella ricordata per ogni ciclista' }, 'use', 'ideas', '#c9f2d0'],
  [{ en: 'First ride free for a friend you invite', it: 'Primo giro gratis per l’amico che inviti' }, 'advocacy', 'ideas', '#c9f2d0'],
  [{ en: 'Price per ride shown before unlocking', it: 'Prezzo della corsa mostrato prima dello sblocco' }, 'consideration', 'ideas', '#c9f2d0'],
  [{ en: 'Posters at the university', it: 'Manifesti in università' }, 'awareness', 'ideas', '#c9f2d0'],
];

const QUESTION: { deckCard: string; stage: string; lane: string; answer: Text } = {
  deckCard: 'truth-exercise/promised',
  stage: 'use',
  lane: 'ideas',
  answer: { en: 'A bike within 200 m, ready in one tap', it: 'Una bici a 200 m, pronta con un tocco' },
};

/** Who voted for which idea (index into the idea notes above), one dot each. */
const VOTERS: Array<{ name: string; ideas: number[] }> = [
  { name: 'Sam', ideas: [7, 8, 8] },
  { name: 'Ana', ideas: [8, 9, 7] },
  { name: 'Luca', ideas: [8, 10, 7] },
];

export interface SeededBoard {
  id: string;
  tokens: CreateBoardResponse['tokens'];
}

interface Stock {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

async function connect(httpUrl: string, boardId: string, params: Record<string, string>): Promise<Stock> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(httpUrl.replace(/^http/, 'ws') + '/ws', boardId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params,
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('a seeding client did not sync within 10 s')), 10_000);
    provider.on('sync', (synced: boolean) => {
      if (!synced) return;
      clearTimeout(timer);
      resolve();
    });
  });
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves when `predicate` holds for `doc` (checked on every update), or rejects after 10 s. */
function until(doc: Y.Doc, predicate: () => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!predicate()) return;
      clearTimeout(timer);
      doc.off('update', check);
      resolve();
    };
    const timer = setTimeout(() => {
      doc.off('update', check);
      reject(new Error(`seeding: ${what} did not arrive within 10 s`));
    }, 10_000);
    doc.on('update', check);
    check();
  });
}

function deckCard(ref: string) {
  const [deckId, cardId] = ref.split('/');
  const deck = BUILTIN_DECKS.find((d) => d.id === deckId);
  const card = deck?.cards.find((c) => c.id === cardId);
  if (!deck || !card) throw new Error(`no built-in deck card ${ref}`);
  return { deck, card };
}

const randomKey = () => base64url(globalThis.crypto.getRandomValues(new Uint8Array(24)));

/** Creates the workshop board through the REST API and fills it; the dot vote is revealed or still open. */
export async function seedWorkshop(httpUrl: string, locale: Locale, opts: { reveal: boolean }): Promise<SeededBoard> {
  const res = await fetch(`${httpUrl}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: WORKSHOP_TITLE[locale], locale }),
  });
  if (res.status !== 201) throw new Error(`POST /api/boards answered ${res.status}: ${await res.text()}`);
  const board = (await res.json()) as CreateBoardResponse;

  const facilitatorKey = randomKey();
  const fac = await connect(httpUrl, board.id, { token: board.tokens.facilitator, person: facilitatorKey });
  const facilitatorId = await personIdFromKey(facilitatorKey);
  const authors = ['Sam', 'Ana', 'Luca', 'Giulia'];
  let n = 0;
  const base = Date.now() - 60 * 60_000;
  for (const [ref, stage, lane] of DECK_CARDS) {
    const { deck, card } = deckCard(ref);
    addCard(fac.doc, { ...deckCardToAddInput(deck, card, locale, { stage, lane }, authors[n % authors.length]), ownerId: facilitatorId, now: base + n++ * 30_000 });
  }
  const ideaIds: string[] = [];
  for (const [text, stage, lane, color] of NOTES) {
    const id = addCard(fac.doc, { stage, lane, text: text[locale], color, author: authors[n % authors.length], ownerId: facilitatorId, now: base + n++ * 30_000 });
    ideaIds.push(id);
  }
  const q = deckCard(QUESTION.deckCard);
  const input = deckCardToAddInput(q.deck, q.card, locale, { stage: QUESTION.stage, lane: QUESTION.lane }, 'Giulia');
  addCard(fac.doc, { ...input, extra: { ...input.extra, answer: QUESTION.answer[locale] }, ownerId: facilitatorId });

  // The agenda at its last step (dot voting), with its timer running; the vote on the ideas.
  const serverNow = Number(((await (await fetch(`${httpUrl}/api/time`)).json()) as { now: number }).now) || Date.now();
  goToStep(fac.doc, 5, serverNow);
  startVote(fac.doc, 3, 'ideas');
  const cardCount = fac.doc.getMap('cards').size;

  // Each voter is a participant with their own person key: the server accepts only one's own dots.
  let dots = 0;
  for (const v of VOTERS) {
    const key = randomKey();
    const voter = await connect(httpUrl, board.id, { token: board.tokens.participant, person: key });
    await until(voter.doc, () => voter.doc.getMap('cards').size === cardCount && readVote(voter.doc)?.open === true, 'the cards and the open vote');
    const personId = await personIdFromKey(key);
    for (const i of v.ideas) if (!changeDot(voter.doc, personId, ideaIds[i], 1)) throw new Error(`${v.name}'s dot was refused`);
    dots += v.ideas.length;
    await until(fac.doc, () => tallies(fac.doc).reduce((a, t) => a + t.dots, 0) === dots, `${v.name}'s dots`);
    voter.destroy();
  }
  if (opts.reveal) revealVote(fac.doc);
  // A fresh client that reads the vote as we left it proves every write reached the server.
  const check = await connect(httpUrl, board.id, { token: board.tokens.viewer });
  await until(check.doc, () => readVote(check.doc)?.revealed === opts.reveal && tallies(check.doc).length > 0, 'the vote');
  check.destroy();
  fac.destroy();
  return { id: board.id, tokens: board.tokens };
}
