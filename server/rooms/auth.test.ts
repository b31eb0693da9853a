import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE } from '../../shared/protocol';
import { connectClient, createBoardViaApi, destroyAllClients, sleep, syncedClient, withTimeout, type TestClient } from '../test-support/clients';
import { startTestServer, type TestServer } from '../test-support/server';

/** Waits for the server's close, then long enough for two reconnect attempts, and checks none came. */
async function expectClosedForGood(c: TestClient, code: number) {
  const closed = await withTimeout(c.closed, 5000, `close ${code}`);
  expect(closed.code).toBe(code);
  // The provider's first retry would come after 200 ms, the next after 400 ms.
  await sleep(700);
  expect(c.attempts()).toBe(1);
  expect(c.closeCodes).toEqual([code]);
  expect(c.provider.shouldConnect).toBe(false);
  expect(c.provider.synced).toBe(false);
}

describe('websocket auth at upgrade', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterEach(() => destroyAllClients());
  afterAll(async () => t?.stop());

  it('a missing token closes with 4401 and the client stops reconnecting', async () => {
    const b = await createBoardViaApi(t.url);
    await expectClosedForGood(connectClient(t.url, b.id, undefined), CLOSE.badToken);
  });

  it('a wrong token, and another board’s token, close with 4401', async () => {
    const b = await createBoardViaApi(t.url);
    const other = await createBoardViaApi(t.url);
    const wrong = connectClient(t.url, b.id, 'x'.repeat(22));
    const foreign = connectClient(t.url, b.id, other.tokens.facilitator);
    await Promise.all([expectClosedForGood(wrong, CLOSE.badToken), expectClosedForGood(foreign, CLOSE.badToken)]);
    // Nothing of the board reached them.
    expect(wrong.doc.getArray('stages').length).toBe(0);
    expect(foreign.doc.getArray('stages').length).toBe(0);
  });

  it('an unknown board closes with 4404', async () => {
    const b = await createBoardViaApi(t.url);
    await expectClosedForGood(connectClient(t.url, 'AAAAAAAAAAAAAAAAAAAAAA', b.tokens.facilitator), CLOSE.unknownBoard);
  });

  it('a malformed board id closes with 4404', async () => {
    const b = await createBoardViaApi(t.url);
    await Promise.all([
      expectClosedForGood(connectClient(t.url, 'short', b.tokens.facilitator), CLOSE.unknownBoard),
      expectClosedForGood(connectClient(t.url, 'has%20space%21and-more-chars', b.tokens.facilitator), CLOSE.unknownBoard),
    ]);
  });

  it('refused sockets leave no connection or board behind, and a right token still syncs', async () => {
    const b = await createBoardViaApi(t.url);
    const bad = connectClient(t.url, b.id, 'nope');
    await withTimeout(bad.closed, 5000, 'close');
    expect(t.server.metrics.connections).toBe(0);
    const good = await syncedClient(t.url, b.id, b.tokens.viewer);
    expect(good.doc.getArray('stages').length).toBe(6);
    expect(t.server.metrics.connections).toBe(1);
  });
});
