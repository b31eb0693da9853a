/** The structure-aware fuzzer's attackers and the frames each kind of attack sends (see struct-fuzz.ts). */
import * as Y from 'yjs';
import { addCard, deleteCard, moveCard, setCardColor, setCardText } from '../../../shared/commands/cards';
import { setLock } from '../../../shared/commands/facilitation';
import { addAxisItem, removeAxisItem, renameAxisItem } from '../../../shared/commands/skeleton';
import { addPersona, deletePersona, updatePersona } from '../../../shared/commands/personas';
import { readPersonas } from '../../../shared/personas/read-personas';
import { VOTES_ROOT, changeDot, readVote, revealVote, startVote, voteKey } from '../../../shared/commands/votes';
import { roots } from '../../../shared/doc/board-doc';
import { randomId } from '../../../shared/doc/ids';
import { readAxis, readCards } from '../../../shared/doc/read';
import { ROOT } from '../../../shared/doc/schema';
import { frame } from './frames';
import { type Peer } from './peer';
import type { Rng } from './random';
import { any, buildUpdate, newMap, text, type StructSpec } from './structs';

/** One hand-made attacker: a raw socket with a role and maybe a person key, reopened when closed. */
export interface Attacker {
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

/** Items of a doc that hold a type (maps, arrays, texts), as [id, parentSub] for lying parents. */
export function typeItems(doc: Y.Doc): Y.Item[] {
  const out: Y.Item[] = [];
  for (const list of doc.store.clients.values()) {
    for (const s of list) if (s instanceof Y.Item && !s.deleted && s.content instanceof Y.ContentType) out.push(s);
  }
  return out;
}

export function anyItems(doc: Y.Doc): Y.Item[] {
  const out: Y.Item[] = [];
  for (const list of doc.store.clients.values()) for (const s of list) if (s instanceof Y.Item) out.push(s);
  return out;
}

/** The updates a change on a copy of `base` under `client` makes: what a stock client would send. */
export class WorkDocs {
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

export type Kind =
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

export const KINDS: Array<[Kind, number]> = [
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
export const KIND_TOTAL = KINDS.reduce((n, [, w]) => n + w, 0);

export function pickKind(r: Rng): Kind {
  let x = r.int(KIND_TOTAL);
  for (const [k, w] of KINDS) if ((x -= w) < 0) return k;
  return 'overlap';
}

export interface GenContext {
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

export const hostileValue = (r: Rng) => r.pick(['Hacked', '', 'x'.repeat(5000), 99, -1, null, true, { evil: 1 }, ['a']] as const);

/** A declared parent: a root name or the id of an item holding a type. */
export function lyingParent(c: GenContext): { parent: string | Y.ID; parentSub: string | null } {
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

export function contentOf(c: GenContext, length: number): Y.ContentAny | Y.ContentString | Y.ContentType {
  const { r } = c;
  if (length === 1 && r.chance(0.2)) return newMap();
  if (r.chance(0.5)) return text('h'.repeat(length));
  return any(...Array.from({ length }, () => hostileValue(r)));
}

/** Frames of one kind, for attacker `me`. */
export function generate(kind: Kind, c: GenContext): Uint8Array[] {
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
        // Personas are held by the same lock as stages and lanes.
        const persona = readPersonas(d)[0];
        if (r.chance(0.3)) {
          if (persona && r.chance(0.5)) updatePersona(d, persona.id, { name: 'Taken over', quote: 'q' });
          else if (persona && r.chance(0.5)) deletePersona(d, persona.id);
          else addPersona(d, { name: 'Intruder' });
          return;
        }
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

