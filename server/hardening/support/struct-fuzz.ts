/**
 * Structure-aware fuzzing (issue 12): y-websocket frames carrying real Yjs structure, built against
 * what the server holds, sent by hand-made participant and viewer sockets. The shapes are the ones a
 * stock client never sends: structs overlapping clocks the server has, items under other people's
 * client ids (at clocks they have not used yet: clock burning), lying parents (a declared parent or an
 * origin that resolves somewhere the rules protect), writes to a locked skeleton, a locked board, the
 * meta and facilitation roots, someone else's cards, votes over the budget or on a revealed vote,
 * deletions of other people's items, presence floods and presence under other people's ids; plus a few
 * byte-level mutations of them, and ordinary writes the rules allow.
 *
 * After every batch the promises are checked as the facilitator's stock y-websocket client sees the
 * board: skeleton, title, locks, vote and other people's cards unchanged, the attacker's dots within the
 * budget, card entries holding the format's fields only, the locked board unchanged as a stock viewer
 * sees it, the facilitator's own writes (made while online and while offline, in the clocks the attacker
 * tries to burn) reaching everyone, and the facilitator's presence its own.
 *
 * Used by server/hardening/struct-fuzz.test.ts (a fixed seed, a fixed count) and by the bench's `fuzz`
 * section (more frames, several seeds, frames per second). Talks to the server over HTTP and websockets
 * only, so it runs against an in-process server or a spawned one alike.
 */
import * as Y from 'yjs';
import { validateBackup } from '../../../shared/backup/from-backup';
import { boardToBackup } from '../../../shared/backup/to-backup';
import { addCard, deleteCard, moveCard, setCardColor, setCardText } from '../../../shared/commands/cards';
import { setLock } from '../../../shared/commands/facilitation';
import { addAxisItem, removeAxisItem, renameAxisItem } from '../../../shared/commands/skeleton';
import { VOTES_ROOT, changeDot, readVote, revealVote, startVote, voteKey } from '../../../shared/commands/votes';
import { roots } from '../../../shared/doc/board-doc';
import { randomId } from '../../../shared/doc/ids';
import { readAxis, readCards, readLocks, readMeta } from '../../../shared/doc/read';
import { ROOT } from '../../../shared/doc/schema';
import { personIdFromKey } from '../../../shared/identity';
import type { CreateBoardResponse } from '../../../shared/protocol';
import { CARD_FIELDS } from '../../rooms/card-shape';
import { connectClient, createBoardViaApi, syncedClient, waitUntil, type TestClient } from '../../test-support/clients';
import { frame } from './frames';
import { openPeer, wsUrl, type Peer } from './peer';
import type { Rng } from './random';
import { any, buildUpdate, newMap, text, type StructSpec } from './structs';

export interface StructFuzzOptions {
  url: string;
  rng: Rng;
  /** Frames to send in all (the run is bounded by this count, never by time). */
  frames: number;
  /** Frames between two checks of the promises. */
  batch: number;
  /** Waits in a check (a marker to arrive…); generous, so a loaded machine slows the run, not fails it. */
  waitMs?: number;
  log?: (s: string) => void;
}

export interface StructFuzzResult {
  frames: number;
  batches: number;
  /** Sockets the attackers opened (the server closes some: overlaps, malformed frames, rate). */
  connections: number;
  seconds: number;
  /** Promises broken, each with the batch it was seen after; empty when every promise held. */
  broken: string[];
  /** Frames by kind, for the report. */
  kinds: Record<string, number>;
  boards: { open: CreateBoardResponse; locked: CreateBoardResponse };
}

/** One hand-made attacker: a raw socket with a role and maybe a person key, reopened when closed. */
interface Attacker {
  name: string;
  board: 'open' | 'locked';
  role: 'participant' | 'viewer';
  personKey: string | null;
  personId: string | null;
  /** Its own client id (a person's stays the same across sockets; an anonymous one is new per socket). */
  client: number;
  peer: Peer | null;
  weight: number;
}

/** A stable picture of a card for comparisons. */
function cardPicture(doc: Y.Doc, id: string): string | null {
  const m = roots(doc).cards.get(id);
  if (!(m instanceof Y.Map)) return m === undefined ? null : `not a map: ${JSON.stringify(m)}`;
  return JSON.stringify(Object.entries(m.toJSON()).sort(([a], [b]) => a.localeCompare(b)));
}

/** What the rules protect from a participant on the open board, as a stock client shows it. */
function protectedView(doc: Y.Doc, protectedCards: string[], attackers: Set<string>) {
  const vote = readVote(doc);
  return {
    title: readMeta(doc).title,
    meta: roots(doc).meta.toJSON(),
    lanes: readAxis(roots(doc).lanes).map((l) => `${l.id}:${l.title}`),
    stages: readAxis(roots(doc).stages).map((s) => `${s.id}:${s.title}`),
    locks: readLocks(doc),
    vote,
    facilitation: doc.getMap<unknown>(ROOT.facilitation).toJSON(),
    decks: doc.getMap<unknown>('decks').toJSON(),
    // Other people's dots (the attackers' own may change within their budget).
    votes: Object.entries(doc.getMap<unknown>(VOTES_ROOT).toJSON())
      .filter(([k]) => ![...attackers].some((p) => k.split('/')[1] === p))
      .sort(([a], [b]) => a.localeCompare(b)),
    cards: protectedCards.map((id) => [id, cardPicture(doc, id)]),
  };
}

/** The whole board, for the locked board (nothing may change but the facilitator's marker cards). */
function wholeView(doc: Y.Doc) {
  return {
    meta: roots(doc).meta.toJSON(),
    lanes: roots(doc).lanes.toJSON(),
    stages: roots(doc).stages.toJSON(),
    facilitation: doc.getMap<unknown>(ROOT.facilitation).toJSON(),
    votes: doc.getMap<unknown>(VOTES_ROOT).toJSON(),
    cards: [...roots(doc).cards.keys()]
      .filter((id) => !String((roots(doc).cards.get(id) as Y.Map<unknown> | undefined)?.get?.('text') ?? '').startsWith('marker'))
      .sort()
      .map((id) => [id, cardPicture(doc, id)]),
  };
}

/** Every top-level key of the doc that is not one of the format's roots (a stock client reads none). */
const FORMAT_ROOTS = new Set<string>([...Object.values(ROOT), VOTES_ROOT, 'decks']);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Items of a doc that hold a type (maps, arrays, texts), as [id, parentSub] for lying parents. */
function typeItems(doc: Y.Doc): Y.Item[] {
  const out: Y.Item[] = [];
  for (const list of doc.store.clients.values()) {
    for (const s of list) if (s instanceof Y.Item && !s.deleted && s.content instanceof Y.ContentType) out.push(s);
  }
  return out;
}

function anyItems(doc: Y.Doc): Y.Item[] {
  const out: Y.Item[] = [];
  for (const list of doc.store.clients.values()) for (const s of list) if (s instanceof Y.Item) out.push(s);
  return out;
}

/** The updates a change on a copy of `base` under `client` makes: what a stock client would send. */
class WorkDocs {
  private docs = new Map<number, Y.Doc>();
  constructor(private base: Uint8Array) {}
  change(client: number, fn: (d: Y.Doc) => void): Uint8Array[] {
    let d = this.docs.get(client);
    if (!d) {
      d = new Y.Doc();
      Y.applyUpdate(d, this.base);
      // After the base: Yjs gives a doc a new client id when an update it receives writes under its own.
      d.clientID = client;
      this.docs.set(client, d);
    }
    const out: Uint8Array[] = [];
    const on = (u: Uint8Array) => out.push(u);
    d.on('update', on);
    try {
      fn(d);
    } finally {
      d.off('update', on);
    }
    return out;
  }
  /** The next clock of `client` after what this batch already wrote under it. */
  nextClock(client: number, server: number): number {
    const d = this.docs.get(client);
    return Math.max(server, d ? Y.getState(d.store, client) : 0, this.written.get(client) ?? 0);
  }
  /** Records hand-made structs written under `client` up to `end`. */
  wrote(client: number, end: number): void {
    this.written.set(client, Math.max(end, this.written.get(client) ?? 0));
  }
  private written = new Map<number, number>();
  destroy(): void {
    for (const d of this.docs.values()) d.destroy();
  }
}

type Kind =
  | 'overlap'
  | 'own-then-overlap'
  | 'foreign-command'
  | 'foreign-struct'
  | 'origin-elsewhere'
  | 'parent-elsewhere'
  | 'skeleton'
  | 'facilitation'
  | 'others-cards'
  | 'own-card'
  | 'card-junk-key'
  | 'votes'
  | 'delete-others'
  | 'resend-changed'
  | 'resent-parent'
  | 'long-text'
  | 'future-clock'
  | 'presence'
  | 'mutated';

const KINDS: Array<[Kind, number]> = [
  ['overlap', 10],
  ['own-then-overlap', 8],
  ['foreign-command', 10],
  ['foreign-struct', 8],
  ['origin-elsewhere', 8],
  ['parent-elsewhere', 8],
  ['skeleton', 6],
  ['facilitation', 5],
  ['others-cards', 8],
  ['own-card', 5],
  ['card-junk-key', 3],
  ['votes', 10],
  ['delete-others', 5],
  ['resend-changed', 3],
  ['resent-parent', 4],
  ['long-text', 3],
  ['future-clock', 2],
  ['presence', 12],
  ['mutated', 3],
];
const KIND_TOTAL = KINDS.reduce((n, [, w]) => n + w, 0);

function pickKind(r: Rng): Kind {
  let x = r.int(KIND_TOTAL);
  for (const [k, w] of KINDS) if ((x -= w) < 0) return k;
  return 'overlap';
}

interface GenContext {
  r: Rng;
  base: Y.Doc;
  work: WorkDocs;
  me: Attacker;
  /** Client ids of honest people on this board (their next clocks are what clock burning targets). */
  victims: number[];
  /** Person ids of honest people (to forge their dots and cards). */
  victimPersons: string[];
  /** Presence ids of honest people. */
  presenceIds: number[];
  fresh(): number;
}

const hostileValue = (r: Rng) => r.pick(['Hacked', '', 'x'.repeat(5000), 99, -1, null, true, { evil: 1 }, ['a']] as const);

/** A declared parent: a root name or the id of an item holding a type. */
function lyingParent(c: GenContext): { parent: string | Y.ID; parentSub: string | null } {
  const { r } = c;
  if (r.chance(0.5)) {
    const root = r.pick([ROOT.cards, ROOT.stages, ROOT.lanes, ROOT.meta, ROOT.facilitation, VOTES_ROOT, 'decks', 'evil']);
    const sub =
      root === ROOT.stages || root === ROOT.lanes
        ? r.pick([null, null, 'x'])
        : root === VOTES_ROOT
          ? voteKey(readVote(c.base)?.id ?? 'v', r.pick([c.me.personId ?? 'p', ...c.victimPersons]), r.pick([...roots(c.base).cards.keys(), 'x']))
          : r.pick(['title', 'x', 'boardLocked', 'skeletonLocked', 'cardsOnly', 'vote', randomId()]);
    return { parent: root, parentSub: sub };
  }
  const holders = typeItems(c.base);
  const holder = holders.length ? r.pick(holders) : null;
  if (!holder) return { parent: ROOT.cards, parentSub: 'x' };
  return { parent: holder.id, parentSub: r.pick([null, 'title', 'text', 'ownerId', 'lane', 'id', 'evil']) };
}

function contentOf(c: GenContext, length: number): Y.ContentAny | Y.ContentString | Y.ContentType {
  const { r } = c;
  if (length === 1 && r.chance(0.2)) return newMap();
  if (r.chance(0.5)) return text('h'.repeat(length));
  return any(...Array.from({ length }, () => hostileValue(r)));
}

/** Frames of one kind, for attacker `me`. */
function generate(kind: Kind, c: GenContext): Uint8Array[] {
  const { r, base, me } = c;
  const state = (client: number) => Y.getState(base.store, client);
  const clientsWithItems = [...base.store.clients.keys()].filter((k) => state(k) > 0);
  const cardIds = [...roots(base).cards.keys()];
  const lanes = readAxis(roots(base).lanes).map((l) => l.id);
  const stages = readAxis(roots(base).stages).map((s) => s.id);
  const victimClient = () => (c.victims.length && r.chance(0.8) ? r.pick(c.victims) : r.pick(clientsWithItems.length ? clientsWithItems : [c.fresh()]));
  const wrap = (u: Uint8Array) => (r.chance(0.5) ? frame.update(u) : frame.step2(u));
  const forgedOwner = () => r.pick([...c.victimPersons, me.personId ?? 'nobody', 'x'.repeat(80)]);
  const command = (client: number, fn: (d: Y.Doc) => void) => c.work.change(client, fn).map(wrap);

  switch (kind) {
    case 'overlap': {
      // Starts inside a client's last struct (someone else's or one's own) and runs past it, declaring
      // any parent: Yjs would integrate the new part next to that client's last item.
      const client = r.chance(0.2) ? me.client : victimClient();
      const s = state(client);
      if (s === 0) return [];
      const back = 1 + r.int(Math.min(s, 4));
      const length = back + 1 + r.int(3);
      const p = lyingParent(c);
      const spec: StructSpec = { client, clock: s - back, parent: p.parent, parentSub: p.parentSub, content: contentOf(c, length) };
      if (r.chance(0.15)) return [wrap(buildUpdate([{ client, clock: s - back, gc: length }]))];
      return [wrap(buildUpdate([spec]))];
    }
    case 'own-then-overlap': {
      // A write the rules allow (a dot within the budget, one's own card's text), then a struct starting
      // on its last clock and running past it: Yjs would put the new part next to that last item (the
      // same vote entry, the same card field), whatever parent the struct declares.
      const vote = readVote(base);
      const own = readCards(base).filter((cd) => cd.ownerId === me.personId);
      const first = command(me.client, (d) => {
        if (vote && me.personId && r.chance(0.6)) {
          const inScope = readCards(d).filter((cd) => cd.lane === vote.lane || vote.lane === null);
          if (inScope.length) d.getMap<number>(VOTES_ROOT).set(voteKey(vote.id, me.personId, r.pick(inScope).id), 1);
        } else if (own.length) {
          const card = roots(d).cards.get(r.pick(own).id) as Y.Map<unknown> | undefined;
          card?.set(r.pick(['color', 'stage', 'lane']), r.pick(['#ffffff', 'use', 'ideas']));
        } else addCard(d, { stage: r.pick(stages), lane: r.pick(lanes), text: 'own', ownerId: me.personId ?? undefined });
      });
      const next = c.work.nextClock(me.client, state(me.client));
      if (next === 0) return first;
      const back = 1 + r.int(Math.min(next, 2));
      const length = back + 1 + r.int(2);
      const p = lyingParent(c);
      const content = r.chance(0.5) ? any(...Array.from({ length }, () => r.pick([99, 'Hacked', true, null] as const))) : contentOf(c, length);
      c.work.wrote(me.client, next - back + length);
      return [...first, wrap(buildUpdate([{ client: me.client, clock: next - back, parent: p.parent, parentSub: p.parentSub, content }]))];
    }
    case 'foreign-command': {
      // A stock client's change, written under an honest person's client id at its next clocks.
      const client = victimClient();
      return command(client, (d) => {
        switch (r.int(6)) {
          case 0:
            addCard(d, { stage: r.pick(stages), lane: r.pick(lanes), text: 'burnt', ownerId: forgedOwner() });
            break;
          case 1:
            if (lanes.length) renameAxisItem(d, 'lanes', r.pick(lanes), 'Burnt lane');
            break;
          case 2:
            d.getMap(ROOT.meta).set('title', 'Burnt title');
            break;
          case 3:
            if (cardIds.length) setCardText(d, r.pick(cardIds), 'burnt text');
            break;
          case 4:
            setLock(d, r.pick(['skeletonLocked', 'cardsOnly', 'boardLocked'] as const), false);
            break;
          default:
            if (cardIds.length) deleteCard(d, r.pick(cardIds));
        }
      });
    }
    case 'foreign-struct': {
      // A hand-made item under someone else's id, at their next clock or beyond it.
      const client = victimClient();
      const p = lyingParent(c);
      const clock = state(client) + (r.chance(0.8) ? 0 : 1 + r.int(5));
      return [wrap(buildUpdate([{ client, clock, parent: p.parent, parentSub: p.parentSub, content: contentOf(c, 1 + r.int(3)) }]))];
    }
    case 'origin-elsewhere': {
      // Declares nothing (an origin carries no parent on the wire): lands beside the origin, wherever
      // that is (a lane title, the board title, a lock, someone's card text, a vote entry).
      const items = anyItems(base);
      if (!items.length) return [];
      const n = r.pick(items);
      const id = Y.createID(n.id.client, n.id.clock + r.int(n.length));
      const right = r.chance(0.3);
      const clock = c.work.nextClock(me.client, state(me.client));
      const content = contentOf(c, 1 + r.int(2));
      c.work.wrote(me.client, clock + content.getLength());
      return [wrap(buildUpdate([{ client: me.client, clock, origin: right ? null : id, rightOrigin: right ? id : null, content }]))];
    }
    case 'parent-elsewhere': {
      // Under one's own id, a declared parent that is a protected type (a lane's map, a card's map…).
      const p = lyingParent(c);
      const clock = c.work.nextClock(me.client, state(me.client));
      const content = contentOf(c, 1 + r.int(2));
      c.work.wrote(me.client, clock + content.getLength());
      return [wrap(buildUpdate([{ client: me.client, clock, parent: p.parent, parentSub: p.parentSub, content }]))];
    }
    case 'skeleton':
      return command(me.client, (d) => {
        const which = r.pick(['lanes', 'stages'] as const);
        const ids = which === 'lanes' ? lanes : stages;
        if (r.chance(0.4) && ids.length) renameAxisItem(d, which, r.pick(ids), 'Renamed');
        else if (r.chance(0.5)) addAxisItem(d, which, 'Added');
        else if (ids.length) removeAxisItem(d, which, r.pick(ids));
      });
    case 'facilitation':
      return command(me.client, (d) => {
        switch (r.int(5)) {
          case 0:
            setLock(d, r.pick(['skeletonLocked', 'cardsOnly', 'boardLocked'] as const), false);
            break;
          case 1:
            startVote(d, 99, null);
            break;
          case 2:
            revealVote(d);
            break;
          case 3:
            d.getMap(ROOT.meta).set('title', 'Taken over');
            break;
          default:
            d.getMap('evil').set('x', 1);
        }
      });
    case 'others-cards': {
      const others = cardIds.filter((id) => (roots(base).cards.get(id) as Y.Map<unknown> | undefined)?.get('ownerId') !== me.personId);
      if (!others.length) return [];
      const id = r.pick(others);
      return command(me.client, (d) => {
        switch (r.int(5)) {
          case 0:
            setCardText(d, id, 'defaced');
            break;
          case 1:
            deleteCard(d, id);
            break;
          case 2:
            moveCard(d, id, { stage: r.pick(stages), lane: r.pick(lanes) });
            break;
          case 3:
            setCardColor(d, id, '#000000');
            break;
          default:
            (roots(d).cards.get(id) as Y.Map<unknown> | undefined)?.set('ownerId', me.personId ?? 'x');
        }
      });
    }
    case 'own-card':
      // What the rules allow on the open board (and not on the locked one): one's own new card.
      return command(me.client, (d) => {
        addCard(d, { stage: r.pick(stages), lane: r.pick(lanes), text: `own ${r.int(1e6)}`, ownerId: me.personId ?? undefined });
      });
    case 'card-junk-key':
      return command(me.client, (d) => {
        const id = addCard(d, { stage: r.pick(stages), lane: r.pick(lanes), text: 'junk', ownerId: me.personId ?? undefined });
        (roots(d).cards.get(id) as Y.Map<unknown>).set(r.pick(['evil', '__proto__', 'x'.repeat(40)]), r.pick(['x', 1, { a: 1 }]));
        if (r.chance(0.3)) roots(d).cards.set(randomId(), 'not a card' as never);
      });
    case 'votes': {
      const vote = readVote(base);
      const voteId = vote?.id ?? 'v';
      const person = r.chance(0.8) ? (me.personId ?? 'anon') : r.pick(c.victimPersons.length ? c.victimPersons : ['x']);
      return command(me.client, (d) => {
        const votes = d.getMap<number>(VOTES_ROOT);
        const many = r.chance(0.5);
        d.transact(() => {
          for (let i = many ? 2 + r.int(6) : 1; i > 0; i--) {
            // Mostly cards in the vote's scope, so the budget is what decides.
            const inScope = cardIds.filter((id) => (roots(base).cards.get(id) as Y.Map<unknown> | undefined)?.get('lane') === vote?.lane);
            const card = inScope.length && r.chance(0.8) ? r.pick(inScope) : cardIds.length ? r.pick(cardIds) : 'x';
            if (r.chance(0.15) && me.personId) changeDot(d, me.personId, card, 1);
            else if (r.chance(0.1)) votes.delete(voteKey(voteId, person, card));
            else votes.set(voteKey(r.chance(0.9) ? voteId : 'old', person, card), r.chance(0.8) ? 1 + r.int(3) : r.pick([4, 99, 0, -1, 1.5]));
          }
        });
      });
    }
    case 'delete-others': {
      const client = victimClient();
      const s = state(client);
      if (s === 0) return [];
      const from = r.int(s);
      return [wrap(buildUpdate([], [{ client, clock: from, len: 1 + r.int(Math.min(8, s - from + 3)) }]))];
    }
    case 'resend-changed': {
      // A struct the server already has, resent with other content and another parent: must change nothing.
      const client = victimClient();
      const s = state(client);
      if (s === 0) return [];
      const clock = r.int(s);
      const p = lyingParent(c);
      return [wrap(buildUpdate([{ client, clock, parent: p.parent, parentSub: p.parentSub, content: any('resent') }]))];
    }
    case 'resent-parent': {
      // A struct the server has, resent as something else, and a new item whose parent is its id: Yjs
      // puts the new item in what the server holds (a card text, a lane's map), not in the resent one.
      const holders = typeItems(base);
      // Mostly the texts of one's own cards (where the rules let the write through to the limits).
      const ownTexts = readCards(base)
        .filter((cd) => cd.ownerId === me.personId)
        .map((cd) => (roots(base).cards.get(cd.id) as Y.Map<unknown>).get('text'))
        .filter((t): t is Y.Text => t instanceof Y.Text && t._item !== null)
        .map((t) => t._item!);
      const intoText = ownTexts.length > 0 && r.chance(0.6);
      const pool = intoText ? ownTexts : holders;
      if (!pool.length) return [];
      const h = r.pick(pool);
      const clock = c.work.nextClock(me.client, state(me.client));
      const content = intoText ? text('y'.repeat(3000 + r.int(3000))) : r.chance(0.5) ? text('y'.repeat(1 + r.int(5000))) : any(hostileValue(r));
      c.work.wrote(me.client, clock + content.getLength());
      return [
        wrap(
          buildUpdate([
            { client: h.id.client, clock: h.id.clock, parent: r.pick([ROOT.meta, ROOT.cards]), parentSub: 'resent', content: any('resent') },
            { client: me.client, clock, parent: h.id, parentSub: intoText ? null : r.pick([null, 'title', 'text']), content },
          ]),
        ),
      ];
    }
    case 'long-text':
      // Past the backup limits: a card text over 4,000 characters, a long title, a long author.
      return command(me.client, (d) => {
        const own = readCards(d).filter((cd) => cd.ownerId === me.personId);
        const card = own.length ? (roots(d).cards.get(r.pick(own).id) as Y.Map<unknown>) : null;
        const t = card?.get('text');
        if (t instanceof Y.Text && r.chance(0.6)) t.insert(0, 'z'.repeat(3000 + r.int(3000)));
        else if (card) card.set('author', 'a'.repeat(200));
        else addCard(d, { stage: r.pick(stages), lane: r.pick(lanes), text: 'x', author: 'a'.repeat(500), ownerId: me.personId ?? undefined });
      });
    case 'future-clock': {
      // A gap before it: Yjs would keep it pending and apply it when the gap fills.
      const client = r.chance(0.5) ? me.client : victimClient();
      const p = lyingParent(c);
      return [wrap(buildUpdate([{ client, clock: state(client) + 1 + r.int(20), parent: p.parent, parentSub: p.parentSub, content: any('later') }]))];
    }
    case 'presence': {
      const entries = Array.from({ length: r.chance(0.2) ? 20 + r.int(100) : 1 + r.int(3) }, () => ({
        clientId: r.chance(0.4) && c.presenceIds.length ? r.pick(c.presenceIds) : r.chance(0.5) ? c.fresh() : me.client,
        clock: r.pick([0, 1, 2, 5 + r.int(50), 2 ** 30 + r.int(1000)]),
        state: r.pick([null, {}, { user: { name: 'Facilitator', role: 'facilitator' } }, { user: { name: 'x', role: me.role } }, { pad: 'p'.repeat(r.int(20_000)) }, { viewport: { x: 0, y: 0, w: 1, h: 1 } }]),
      }));
      return [frame.awareness(entries)];
    }
    case 'mutated': {
      const made = generate(r.pick(['overlap', 'foreign-struct', 'origin-elsewhere', 'votes'] as const), c);
      return made.map((f) => {
        const b = f.slice();
        for (let k = 1 + r.int(3); k > 0 && b.length > 3; k--) b[3 + r.int(b.length - 3)] ^= 1 << r.int(8);
        return b;
      });
    }
  }
}

/** Runs the structure-aware fuzz against a server at `url`; resolves with what it sent and any promise broken. */
export async function runStructFuzz(opts: StructFuzzOptions): Promise<StructFuzzResult> {
  const { url, rng: r } = opts;
  const waitMs = opts.waitMs ?? 20_000;
  const log = opts.log ?? (() => {});
  const broken: string[] = [];
  const kinds: Record<string, number> = {};
  const clients: TestClient[] = [];
  const attackers: Attacker[] = [];
  let connections = 0;
  let fresh = 1 + r.int(1e6);
  const freshId = () => 0x40000000 + (fresh++ % 0x3fffffff);
  const started = performance.now();

  try {
    // The open board: skeleton locked, cards-only, a vote of 3 dots on the ideas lane; the facilitator and
    // Bob (an honest participant) have cards and Bob has voted.
    const open = await createBoardViaApi(url, { title: 'Fuzzed', locale: 'en' });
    const fac = await syncedClient(url, open.id, open.tokens.facilitator);
    const bob = await syncedClient(url, open.id, open.tokens.participant);
    clients.push(fac, bob);
    fac.provider.awareness.setLocalStateField('user', { name: 'Fede', role: 'facilitator' });
    const facPerson = await personIdFromKey(fac.personKey!);
    const bobPerson = await personIdFromKey(bob.personKey!);
    for (let i = 0; i < 4; i++) addCard(fac.doc, { stage: 'use', lane: i % 2 ? 'ideas' : 'goals', text: `fac card ${i}`, ownerId: facPerson });
    for (let i = 0; i < 4; i++) addCard(bob.doc, { stage: 'buy', lane: i % 2 ? 'ideas' : 'goals', text: `bob card ${i}`, ownerId: bobPerson });
    setLock(fac.doc, 'skeletonLocked', true);
    setLock(fac.doc, 'cardsOnly', true);
    startVote(fac.doc, 3, 'ideas');
    await bob.waitFor(() => readVote(bob.doc)?.open === true && roots(bob.doc).cards.size === 8, 'the open board set up', waitMs);
    const bobIdeas = readCards(bob.doc).filter((cd) => cd.lane === 'ideas');
    changeDot(bob.doc, bobPerson, bobIdeas[0].id, 1);
    changeDot(bob.doc, bobPerson, bobIdeas[1].id, 1);
    await fac.waitFor(() => [...fac.doc.getMap(VOTES_ROOT).keys()].length === 2, 'Bob’s dots', waitMs);

    // The locked board: a revealed vote, then the board locked; a stock viewer watches it.
    const locked = await createBoardViaApi(url, { title: 'Locked', locale: 'en' });
    const facL = await syncedClient(url, locked.id, locked.tokens.facilitator);
    const bobL = await syncedClient(url, locked.id, locked.tokens.participant);
    clients.push(facL, bobL);
    const bobLPerson = await personIdFromKey(bobL.personKey!);
    for (let i = 0; i < 3; i++) addCard(facL.doc, { stage: 'use', lane: 'ideas', text: `locked card ${i}`, ownerId: facPerson });
    const bobLCard = addCard(bobL.doc, { stage: 'use', lane: 'ideas', text: 'bob locked card', ownerId: bobLPerson });
    await facL.waitFor(() => roots(facL.doc).cards.has(bobLCard), 'Bob’s card on the locked board', waitMs);
    startVote(facL.doc, 3, null);
    await bobL.waitFor(() => readVote(bobL.doc)?.open === true, 'the vote on the locked board', waitMs);
    changeDot(bobL.doc, bobLPerson, bobLCard, 1);
    await facL.waitFor(() => [...facL.doc.getMap(VOTES_ROOT).keys()].length === 1, 'Bob’s dot on the locked board', waitMs);
    revealVote(facL.doc);
    setLock(facL.doc, 'boardLocked', true);
    const viewerL = await syncedClient(url, locked.id, locked.tokens.viewer);
    clients.push(viewerL);
    await viewerL.waitFor(() => readLocks(viewerL.doc).boardLocked && readVote(viewerL.doc)?.revealed === true, 'the locked board', waitMs);

    // The attackers: Mallory (a participant with a person key) on both boards, an anonymous participant
    // script, and a viewer with a person key.
    const malloryKey = randomId();
    const malloryPerson = await personIdFromKey(malloryKey);
    const mallory = (board: 'open' | 'locked', weight: number): Attacker => ({
      name: `mallory@${board}`,
      board,
      role: 'participant',
      personKey: malloryKey,
      personId: malloryPerson,
      client: 0,
      peer: null,
      weight,
    });
    attackers.push(
      mallory('open', 50),
      mallory('locked', 25),
      { name: 'anonymous@open', board: 'open', role: 'participant', personKey: null, personId: null, client: 0, peer: null, weight: 12 },
      { name: 'viewer@open', board: 'open', role: 'viewer', personKey: randomId(), personId: null, client: 0, peer: null, weight: 13 },
    );
    const malloryClient = freshId();
    for (const a of attackers) a.client = a.personKey === malloryKey ? malloryClient : freshId();
    const attackerPersons = new Set([malloryPerson]);
    const weightTotal = attackers.reduce((n, a) => n + a.weight, 0);
    const pickAttacker = () => {
      let x = r.int(weightTotal);
      for (const a of attackers) if ((x -= a.weight) < 0) return a;
      return attackers[0];
    };
    const boardOf = (a: Attacker) => (a.board === 'open' ? open : locked);
    const connect = async (a: Attacker) => {
      const b = boardOf(a);
      const base = wsUrl(url, b.id, b.tokens[a.role]);
      const p = openPeer(url, b.id, undefined, { rawUrl: a.personKey ? `${base}&person=${a.personKey}` : base });
      connections++;
      // An anonymous script's ids are its own only while its socket lasts: a new socket, a new id.
      if (!a.personKey) a.client = freshId();
      try {
        await p.opened;
        a.peer = p;
      } catch {
        a.peer = null;
      }
    };

    const expectedOpen = () => {
      const ids = readCards(fac.doc)
        .filter((cd) => cd.ownerId !== malloryPerson && cd.ownerId !== undefined && !cd.text.startsWith('fac write') && !cd.text.startsWith('marker'))
        .map((cd) => cd.id)
        .sort();
      return { ids, view: protectedView(fac.doc, ids, attackerPersons) };
    };
    const want = expectedOpen();
    const wantLocked = wholeView(viewerL.doc);
    const facWrites: string[] = [];
    const facPresence = () => fac.provider.awareness.getLocalState();

    let sent = 0;
    let batches = 0;
    const check = (what: string, ok: boolean, detail: () => string) => {
      if (ok) return;
      const line = `after batch ${batches} (${sent} frames, seed ${r.seed}): ${what}: ${detail()}`;
      broken.push(line);
      log(`  BROKEN ${line}`);
    };

    while (sent < opts.frames) {
      batches++;
      // Every few batches the facilitator goes offline and writes: the attackers see its next clocks
      // on the server and try to burn them before it comes back.
      const offline = batches % 4 === 0;
      let offlineCard: string | null = null;
      if (offline) {
        try {
          fac.provider.disconnect();
        } catch (err) {
          check('the facilitator’s client keeps working', false, () => String(err));
          break;
        }
        offlineCard = addCard(fac.doc, { stage: 'use', lane: 'ideas', text: `fac write offline ${batches}`, ownerId: facPerson });
        facWrites.push(offlineCard);
      }
      // What the attackers know of the boards: what the server holds (the stock clients are in sync).
      const bases = {
        open: Y.encodeStateAsUpdate(bob.doc),
        locked: Y.encodeStateAsUpdate(viewerL.doc),
      };
      const baseDocs = { open: new Y.Doc(), locked: new Y.Doc() };
      Y.applyUpdate(baseDocs.open, bases.open);
      Y.applyUpdate(baseDocs.locked, bases.locked);
      const work = { open: new WorkDocs(bases.open), locked: new WorkDocs(bases.locked) };
      const honest = {
        open: { victims: [fac.doc.clientID, bob.doc.clientID], persons: [facPerson, bobPerson], presence: [fac.doc.clientID, bob.doc.clientID] },
        locked: { victims: [facL.doc.clientID, bobL.doc.clientID], persons: [facPerson, bobLPerson], presence: [facL.doc.clientID, bobL.doc.clientID] },
      };
      const end = Math.min(opts.frames, sent + opts.batch);
      while (sent < end) {
        const a = pickAttacker();
        if (!a.peer?.isOpen()) await connect(a);
        if (!a.peer) {
          sent++; // a refused socket counts as a frame tried, so the count bounds the run whatever happens
          continue;
        }
        const kind = pickKind(r);
        const ctx: GenContext = {
          r,
          base: baseDocs[a.board],
          work: work[a.board],
          me: a,
          victims: honest[a.board].victims,
          victimPersons: honest[a.board].persons,
          presenceIds: honest[a.board].presence,
          fresh: freshId,
        };
        let frames: Uint8Array[] = [];
        try {
          frames = generate(kind, ctx);
        } catch {
          frames = []; // a command that does not apply to this board state
        }
        if (frames.length === 0) frames = [frame.step1(Y.encodeStateVector(baseDocs[a.board]))];
        for (const f of frames) a.peer.send(f);
        sent++;
        kinds[kind] = (kinds[kind] ?? 0) + 1;
      }
      work.open.destroy();
      work.locked.destroy();
      baseDocs.open.destroy();
      baseDocs.locked.destroy();

      // The server handled everything each attacker sent (or closed it).
      await Promise.all(attackers.map((a) => (a.peer?.isOpen() ? a.peer.probe(waitMs) : null)));
      if (offline) fac.provider.connect();
      // The facilitator writes online too, and Bob writes a marker: once the facilitator sees Bob's
      // marker, everything accepted before it has reached the facilitator (relays keep their order).
      const facCard = addCard(fac.doc, { stage: 'buy', lane: 'ideas', text: `fac write ${batches}`, ownerId: facPerson });
      facWrites.push(facCard);
      const marker = addCard(bob.doc, { stage: 'buy', lane: 'goals', text: `marker ${batches}`, ownerId: bobPerson });
      const markerL = addCard(facL.doc, { stage: 'use', lane: 'goals', text: `marker ${batches}`, ownerId: facPerson });
      try {
        await fac.waitFor(() => roots(fac.doc).cards.has(marker), 'Bob’s marker at the facilitator', waitMs);
        await bob.waitFor(() => facWrites.every((id) => roots(bob.doc).cards.has(id)), 'the facilitator’s writes at Bob', waitMs);
        await viewerL.waitFor(() => roots(viewerL.doc).cards.has(markerL), 'the marker on the locked board', waitMs);
      } catch (err) {
        check('honest writes arrive', false, () => String(err));
        const missing = facWrites.filter((id) => !roots(bob.doc).cards.has(id));
        if (missing.length) log(`  facilitator writes missing at Bob: ${missing.length} (offline one: ${offlineCard})`);
        break;
      }

      const got = protectedView(fac.doc, want.ids, attackerPersons);
      for (const key of Object.keys(want.view) as Array<keyof typeof want.view>) {
        check(`the facilitator sees ${key} unchanged`, same(got[key], want.view[key]), () => `${JSON.stringify(want.view[key]).slice(0, 300)} → ${JSON.stringify(got[key]).slice(0, 300)}`);
      }
      for (const id of facWrites) {
        const t = (roots(bob.doc).cards.get(id) as Y.Map<unknown> | undefined)?.get('text')?.toString() ?? '';
        check('the facilitator’s writes are intact', t.startsWith('fac write'), () => `${id}: ${t}`);
      }
      const vote = readVote(fac.doc);
      if (vote) {
        let dots = 0;
        fac.doc.getMap<unknown>(VOTES_ROOT).forEach((n, k) => {
          if (k.startsWith(`${vote.id}/${malloryPerson}/`) && typeof n === 'number') dots += n;
        });
        check('the attacker’s dots stay within the budget', dots <= vote.dots, () => `${dots} dots of ${vote.dots}`);
      }
      for (const [id, m] of roots(fac.doc).cards.entries()) {
        const keys = m instanceof Y.Map ? [...m.keys()] : ['(not a map)'];
        check('card entries hold the format’s fields only', keys.every((k) => CARD_FIELDS.has(k)), () => `${id}: ${keys.join(',')}`);
      }
      check('no roots outside the format', [...fac.doc.share.keys()].every((k) => FORMAT_ROOTS.has(k) || fac.doc.share.get(k)!._start === null && fac.doc.share.get(k)!._map.size === 0), () => [...fac.doc.share.keys()].join(','));
      for (const [name, d] of [['open', fac.doc], ['locked', viewerL.doc]] as const) {
        const v = validateBackup(JSON.parse(JSON.stringify(boardToBackup(d, 0))));
        check(`the ${name} board backs up and restores (the import's limits hold)`, v.ok, () => JSON.stringify(!v.ok && v.errors.slice(0, 3)));
      }
      check('the locked board is unchanged', same(wholeView(viewerL.doc), wantLocked), () => JSON.stringify(wholeView(viewerL.doc)).slice(0, 400));
      const seenPresence = bob.provider.awareness.getStates().get(fac.doc.clientID);
      check('the facilitator’s presence is its own', seenPresence === undefined || same(seenPresence, facPresence()), () => JSON.stringify(seenPresence).slice(0, 200));
      if (broken.length > 20) break;
    }

    // The facilitator's presence, as everyone sees it, is still its own (presence relays are batched).
    await waitUntil(() => same(bob.provider.awareness.getStates().get(fac.doc.clientID), facPresence()), 'the facilitator’s presence at Bob', waitMs).catch(() =>
      check('the facilitator’s presence reaches Bob unchanged', false, () => JSON.stringify(bob.provider.awareness.getStates().get(fac.doc.clientID)).slice(0, 200)),
    );
    // A newcomer sees what the facilitator sees.
    const newcomer = await syncedClient(url, open.id, open.tokens.viewer);
    clients.push(newcomer);
    check('a newcomer sees the same protected board', same(protectedView(newcomer.doc, want.ids, attackerPersons), protectedView(fac.doc, want.ids, attackerPersons)), () => 'differs');
    return { frames: sent, batches, connections, seconds: (performance.now() - started) / 1000, broken, kinds, boards: { open, locked } };
  } finally {
    for (const a of attackers) a.peer?.close();
    for (const c of clients) c.destroy();
  }
}

/** A stock client of `board` for checks after the run (a restart, say): the protected view and the locked board. */
export async function viewsAfter(url: string, boards: { open: CreateBoardResponse; locked: CreateBoardResponse }) {
  const o = connectClient(url, boards.open.id, boards.open.tokens.viewer);
  const l = connectClient(url, boards.locked.id, boards.locked.tokens.viewer);
  await Promise.all([o.synced, l.synced]);
  const out = { open: o.doc, locked: wholeView(l.doc) };
  return { ...out, destroy: () => (o.destroy(), l.destroy()) };
}
