import { afterAll, describe, expect, it } from 'vitest';
import { MAX_PRESENCE_EVER_PER_CONNECTION, MAX_PRESENCE_PER_CONNECTION } from '../rooms/presence-limits';
import { createBoardViaApi, destroyAllClients, sleep, syncedClient, waitUntil } from '../test-support/clients';
import { closeAllPeers, frame, openPeer, rng, startHardServer, wsUrl, type HardServer, type Peer } from './support';

/**
 * Structure-aware presence fuzzing: seeded connections of every role, some with a person key (a few
 * shared keys, so the same person comes back on new sockets), send valid awareness messages built to hit
 * the presence rules: ids from a small pool (everyone's, the honest client's included), ever-new ids,
 * null and empty states, stale and far-future clocks, states near and over the size limit, claimed
 * roles, many entries per message; sockets drop and come back. After every step the board's books must
 * hold: bounded ids and bytes, every state held by a connection still there. An honest stock client's
 * presence is never changed by anyone else. Replay with PRESENCE_FUZZ_SEED=<seed>.
 */
const SEED = process.env.PRESENCE_FUZZ_SEED ? Number(process.env.PRESENCE_FUZZ_SEED) >>> 0 : 20261201;
const STEPS = 1500;
const MAX_AWARENESS_BYTES = 4096;

describe('presence fuzzing', () => {
  let h: HardServer;
  afterAll(async () => {
    destroyAllClients();
    closeAllPeers();
    await h?.stop();
  });

  it(`${STEPS} seeded presence messages keep the board's presence bounded and nobody else's changed`, { timeout: 60_000 }, async () => {
    const r = rng(SEED);
    console.log(`presence fuzz seed ${SEED} (replay with PRESENCE_FUZZ_SEED=${SEED})`);
    h = await startHardServer({ awarenessFlushMs: 5, maxAwarenessBytes: MAX_AWARENESS_BYTES, maxPresenceBytesPerBoard: 64 * 1024 }, 'silent');
    const b = await createBoardViaApi(h.url);
    const honest = await syncedClient(h.url, b.id, b.tokens.participant);
    honest.provider.awareness.setLocalStateField('user', { name: 'Honest' });
    const room = await h.server.rooms.open(b.id);
    await waitUntil(() => room.awareness.getStates().has(honest.doc.clientID), 'the honest presence');

    const persons = ['person-key-aaaaaaaaaaaaaaaaaaaaaa', 'person-key-bbbbbbbbbbbbbbbbbbbbbb', 'person-key-cccccccccccccccccccccc'];
    const pool = [honest.doc.clientID, ...Array.from({ length: 12 }, (_, i) => 1000 + i)];
    let fresh = 1_000_000;
    const peers: Peer[] = [];
    const open = () => {
      const role = r.pick(['facilitator', 'participant', 'viewer'] as const);
      const person = r.chance(0.7) ? r.pick(persons) : null;
      const url = wsUrl(h.url, b.id, b.tokens[role]) + (person ? `&person=${person}` : '');
      const p = openPeer(h.url, b.id, b.tokens[role], { rawUrl: url });
      peers.push(p);
      return p;
    };
    const state = () => {
      switch (r.int(6)) {
        case 0:
          return null;
        case 1:
          return {};
        case 2:
          return { user: { name: `n${r.int(100)}`, role: r.pick(['facilitator', 'participant', 'viewer']) } };
        case 3:
          return { pad: 'p'.repeat(r.int(MAX_AWARENESS_BYTES * 1.5)) };
        default:
          return { cursor: { x: r.int(3000), y: r.int(2000) } };
      }
    };
    for (let i = 0; i < 6; i++) open();

    for (let step = 0; step < STEPS; step++) {
      const live = peers.filter((p) => p.isOpen());
      if (live.length < 4 || r.chance(0.02)) open();
      if (r.chance(0.02) && live.length > 0) r.pick(live).close(); // a socket drops
      const openNow = peers.filter((q) => q.isOpen());
      if (openNow.length === 0) {
        await sleep(5);
        continue;
      }
      const p = r.pick(openNow);
      const entries = Array.from({ length: r.chance(0.1) ? 20 + r.int(200) : 1 + r.int(3) }, () => ({
        clientId: r.chance(0.3) ? fresh++ : r.pick(pool),
        clock: r.pick([0, 1, 2, r.int(50), 2 ** 31 + r.int(1000)]),
        state: state(),
      }));
      p.send(frame.awareness(entries));
      if (step % 50 === 49) {
        await Promise.all(peers.filter((q) => q.isOpen()).map((q) => q.probe()));
        await sleep(10);
        const s = room.presence.stats();
        const conns = room.conns.size;
        expect(s.liveIds).toBeLessThanOrEqual(conns * MAX_PRESENCE_PER_CONNECTION);
        expect(s.bytes).toBeLessThanOrEqual(64 * 1024);
        expect(s.awarenessStates).toBeLessThanOrEqual(s.liveIds);
        // Every state on the board is held by a connection that is still there.
        for (const id of room.awareness.getStates().keys()) expect(room.conns.has(room.presence.ownerOf(id)!), `owner of ${id}`).toBe(true);
        // Records are not kept for more ids than the board remembers.
        expect(s.awarenessMeta).toBeLessThanOrEqual(s.bindings + 1);
        expect(s.bindings).toBeLessThanOrEqual(peers.length * MAX_PRESENCE_EVER_PER_CONNECTION + 1);
      }
    }
    const sent = peers.length;
    // The honest client's presence is its own: no message from anyone else changed it.
    expect(room.awareness.getStates().get(honest.doc.clientID)).toEqual(honest.provider.awareness.getLocalState());
    // Everyone hostile leaves: only the honest presence is left, and records of ids nobody can take back go.
    for (const p of peers) p.close();
    await waitUntil(() => room.conns.size === 1, 'the hostile sockets to leave');
    await sleep(50);
    const s = room.presence.stats();
    console.log(`presence fuzz: ${STEPS} messages over ${sent} sockets; left behind`, s);
    expect(s.awarenessStates).toBe(1);
    expect(s.liveIds).toBe(1);
    expect(s.awarenessMeta).toBeLessThanOrEqual(s.bindings + 1);
    expect(room.awareness.getStates().get(honest.doc.clientID)).toMatchObject({ user: { name: 'Honest' } });
  });
});
