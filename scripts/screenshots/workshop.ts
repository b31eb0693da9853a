/**
 * A realistic workshop for the README's screenshots: the clients of a small web agency buy a new
 * website, then need care after its launch. Cards in every stage and lane, the three key moments,
 * emotions whose curve dips at the Moment of Truth (the first days with the new site), channels, ideas
 * with a dot vote, and a question with the team's answer. Written through the app's own command
 * functions (shared/commands) over stock y-websocket clients, as docs/document-format.md describes.
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

export const WORKSHOP_TITLE: Text = { en: 'Lumen web studio: new site and aftercare', it: 'Studio web Lumen: sito nuovo e assistenza' };

/** Deck cards by `deckId/cardId`, placed in a stage and lane. */
const DECK_CARDS: Array<[string, string, string]> = [
  ['activities/awareness-finds-online', 'awareness', 'activities'],
  ['activities/consideration-requests-quote', 'consideration', 'activities'],
  ['moments/trigger', 'purchase', 'activities'],
  ['activities/purchase-orders', 'purchase', 'activities'],
  ['moments/truth', 'use', 'activities'],
  ['activities/retention-contacts-support', 'retention', 'activities'],
  ['moments/medal', 'advocacy', 'activities'],
  ['goals/awareness-find-who-helps', 'awareness', 'goals'],
  ['goals/consideration-real-cost', 'consideration', 'goals'],
  ['goals/purchase-clear-timing', 'purchase', 'goals'],
  ['goals/use-easy-learning', 'use', 'goals'],
  ['goals/retention-fast-support', 'retention', 'goals'],
  ['emotions/curiosity', 'awareness', 'emotions'],
  ['emotions/doubt', 'consideration', 'emotions'],
  ['emotions/enthusiasm', 'purchase', 'emotions'],
  ['emotions/abandoned', 'use', 'emotions'],
  ['emotions/reassurance', 'retention', 'emotions'],
  ['emotions/pride', 'advocacy', 'emotions'],
  ['channels/search-engine', 'awareness', 'channels'],
  ['channels/website', 'consideration', 'channels'],
  ['channels/email', 'purchase', 'channels'],
  ['channels/phone-call', 'use', 'channels'],
  ['channels/chat', 'retention', 'channels'],
  ['channels/word-of-mouth', 'advocacy', 'channels'],
];

/** The team's own notes: [text, stage, lane, colour]. */
const NOTES: Array<[Text, string, string, string?]> = [
  [{ en: 'A customer says the old site is unreadable on a phone', it: 'Un cliente dice che il vecchio sito sul telefono non si legge' }, 'awareness', 'activities'],
  [{ en: 'Compares three agencies’ portfolios and prices', it: 'Confronta portfolio e prezzi di tre agenzie' }, 'consideration', 'activities'],
  [{ en: 'Gets the login to edit the site, but nobody shows how', it: 'Riceve l’accesso per modificare il sito, ma nessuno spiega come' }, 'use', 'activities', '#ffd6d6'],
  [{ en: 'The contact form sends no e-mails after launch', it: 'Dopo il lancio il modulo contatti non manda e-mail' }, 'use', 'activities', '#ffd6d6'],
  [{ en: 'Renews the care plan: updates, backups, an hour a month', it: 'Rinnova il piano di cura: aggiornamenti, backup, un’ora al mese' }, 'retention', 'activities'],
  [{ en: 'Tells the trade association who made the site', it: 'Racconta all’associazione di categoria chi ha fatto il sito' }, 'advocacy', 'activities'],
  [{ en: 'A site that stays fast and safe without thinking about it', it: 'Un sito che resta veloce e sicuro senza pensarci' }, 'retention', 'goals'],
  [{ en: 'Show the new site to their own customers', it: 'Mostrare il sito nuovo ai propri clienti' }, 'advocacy', 'goals'],
];

/** Ideas for the dot vote (green notes in the ideas lane). */
const IDEAS: Array<[Text, string]> = [
  [{ en: 'Hand over the site in a 30-minute call, recorded', it: 'Consegnare il sito in una chiamata di 30 minuti, registrata' }, 'use'],
  [{ en: 'Test the contact form together on launch day', it: 'Provare insieme il modulo contatti il giorno del lancio' }, 'use'],
  [{ en: 'A one-page monthly report: visits, updates, backups', it: 'Un resoconto mensile di una pagina: visite, aggiornamenti, backup' }, 'retention'],
  [{ en: 'Show the three packages’ prices on our site', it: 'Mostrare i prezzi dei tre pacchetti sul nostro sito' }, 'consideration'],
  [{ en: 'A case study written with the client', it: 'Un caso di studio scritto con il cliente' }, 'advocacy'],
  [{ en: 'Free speed check of an old site on phones', it: 'Controllo gratuito della velocità di un vecchio sito sul telefono' }, 'awareness'],
];
const IDEA_COLOR = '#c9f2d0';

const QUESTION: { deckCard: string; stage: string; lane: string; answer: Text } = {
  deckCard: 'truth-exercise/promised',
  stage: 'use',
  lane: 'ideas',
  answer: { en: 'A site they update themselves, online in eight weeks, with help whenever they need it', it: 'Un sito che aggiornano da soli, online in otto settimane, con aiuto quando serve' },
};

/** Who voted for which idea (index into IDEAS), one dot each. */
const VOTERS: Array<{ name: string; ideas: number[] }> = [
  { name: 'Sam', ideas: [0, 1, 2] },
  { name: 'Ana', ideas: [1, 2, 0] },
  { name: 'Luca', ideas: [1, 3, 4] },
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
  for (const [text, stage, lane, color] of NOTES) {
    addCard(fac.doc, { stage, lane, text: text[locale], color, author: authors[n % authors.length], ownerId: facilitatorId, now: base + n++ * 30_000 });
  }
  const ideaIds = IDEAS.map(([text, stage]) =>
    addCard(fac.doc, { stage, lane: 'ideas', text: text[locale], color: IDEA_COLOR, author: authors[n % authors.length], ownerId: facilitatorId, now: base + n++ * 30_000 }),
  );
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
