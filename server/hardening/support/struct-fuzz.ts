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
import { addCard } from '../../../shared/commands/cards';
import { setLock } from '../../../shared/commands/facilitation';
import { VOTES_ROOT, changeDot, readVote, revealVote, startVote } from '../../../shared/commands/votes';
import { roots } from '../../../shared/doc/board-doc';
import { randomId } from '../../../shared/doc/ids';
import { readCards, readLocks } from '../../../shared/doc/read';
import { personIdFromKey } from '../../../shared/identity';
import type { CreateBoardResponse } from '../../../shared/protocol';
import { CARD_FIELDS } from '../../rooms/card-shape';
import { connectClient, createBoardViaApi, syncedClient, waitUntil, type TestClient } from '../../test-support/clients';
import { frame } from './frames';
import { openPeer, wsUrl } from './peer';
import type { Rng } from './random';

import { WorkDocs, generate, pickKind, type Attacker, type GenContext } from './struct-fuzz-frames';
import { addPersona } from '../../../shared/commands/personas';
import { FORMAT_ROOTS, protectedView, same, wholeView } from './struct-fuzz-views';

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
    addPersona(fac.doc, { name: 'Fede’s customer' });
    startVote(fac.doc, 3, 'ideas');
    await bob.waitFor(() => readVote(bob.doc)?.open === true && roots(bob.doc).cards.size === 8 && bob.doc.getMap('personas').size === 1, 'the open board set up', waitMs);
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
