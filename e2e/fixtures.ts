/**
 * The workshop's cast for every spec:
 *   server       the real server of this worker (started once per worker, stopped at its end)
 *   createBoard  a new board through the REST API, with each role's link
 *   person       someone at their own computer: a fresh browser context (own storage, own IndexedDB),
 *                a page, and the board page object; closed at the end of the test
 */
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { CreateBoardResponse, Role } from '../shared/protocol';
import { BoardPage } from './pages/board-page';
import { HomePage } from './pages/home-page';
import { NetworkLink } from './network-link';
import { startRealServer, type RealServer } from './real-server';

export type BoardLocale = 'en' | 'it';
export type BrowserLocale = 'en-US' | 'it-IT';

export interface TestBoard {
  id: string;
  title: string;
  tokens: Record<Role, string>;
  /** `/b/<id>#token=<t>`: the link a person of this role opens. */
  url(role: Role): string;
  /** `/b/<id>/projector#token=<t>`: the projector view. */
  projectorUrl(role?: Role): string;
}

export interface PersonOptions {
  /** The board to open; by default the last one this test created. */
  board?: TestBoard;
  /** The browser's language; en-US by default. */
  locale?: BrowserLocale;
  /** Open the board right away (default) or leave the page blank. */
  open?: boolean;
  /** Pretend this person used the app before: their name is already stored (default). */
  knownName?: boolean;
}

export interface Person {
  name: string;
  role: Role | null;
  context: BrowserContext;
  page: Page;
  home: HomePage;
  board: BoardPage;
  /** Where this person's browser reaches the server (their own network link, see network-link.ts). */
  origin: string;
  /** Opens a board link (or any server URL) through this person's network link. */
  open(url: string): Promise<void>;
  /** Loses the network: the browser reports offline and every connection to the server drops. */
  goOffline(): Promise<void>;
  goOnline(): Promise<void>;
  /** Closes this person's browser tab (their IndexedDB stays with the browser profile). */
  closePage(): Promise<void>;
  /** Opens a new tab in the same browser profile and goes to `url`. */
  reopen(url: string): Promise<void>;
}

/**
 * localStorage key under which the client keeps the display name. Pre-setting it skips the name
 * dialog; BoardPage.ensureNamed fills the dialog when the client asks anyway.
 */
export const NAME_STORAGE_KEY = 'journey-studio:name';

interface TestFixtures {
  /** Prints and attaches the server's log lines of a failed test. */
  serverLog: void;
  createBoard(title: string, locale?: BoardLocale): Promise<TestBoard>;
  person(name: string, role?: Role | null, opts?: PersonOptions): Promise<Person>;
  /** Boards created in this test, oldest first (so `person` can default to the last one). */
  boards: TestBoard[];
}
interface WorkerFixtures {
  server: RealServer;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  server: [
    async ({}, use) => {
      const server = await startRealServer();
      await use(server);
      await server.stop();
    },
    { scope: 'worker', timeout: 30_000 },
  ],

  baseURL: async ({ server }, use) => use(server.url),

  serverLog: [
    async ({ server }, use, testInfo) => {
      const from = server.logs.length;
      await use();
      if (testInfo.status !== testInfo.expectedStatus) {
        const lines = server.logs.slice(from);
        console.log(`server log during this test:\n${lines.map((l) => `  [server] ${l}`).join('\n')}`);
        await testInfo.attach('server.log', { body: lines.join('\n'), contentType: 'text/plain' });
      }
    },
    { auto: true },
  ],

  boards: async ({}, use) => use([]),

  createBoard: async ({ server, boards }, use) => {
    await use(async (title, locale = 'en') => {
      const res = await fetch(`${server.url}/api/boards`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title, locale }),
      });
      expect(res.status, 'POST /api/boards answers 201').toBe(201);
      const body = (await res.json()) as CreateBoardResponse;
      const board: TestBoard = {
        id: body.id,
        title,
        tokens: body.tokens,
        url: (role) => `${server.url}/b/${body.id}#token=${body.tokens[role]}`,
        projectorUrl: (role = 'facilitator') => `${server.url}/b/${body.id}/projector#token=${body.tokens[role]}`,
      };
      boards.push(board);
      return board;
    });
  },

  person: async ({ browser, server, boards }, use, testInfo) => {
    const people: Array<{ person: Person; link: NetworkLink }> = [];
    await use(async (name, role = null, opts = {}) => {
      const board = opts.board ?? boards.at(-1);
      const link = await NetworkLink.open({ host: '127.0.0.1', port: server.port });
      const p = await newPerson(browser, server.url, link, name, role, opts.locale ?? 'en-US', opts.knownName ?? true);
      people.push({ person: p, link });
      if (role && opts.open !== false) {
        if (!board) throw new Error(`person(${name}, ${role}): create a board first or pass opts.board`);
        await p.open(board.url(role));
        if (opts.knownName !== false) await p.board.ensureNamed(name);
      }
      return p;
    });
    const failed = testInfo.status !== testInfo.expectedStatus;
    for (const { person: p, link } of people) {
      if (failed) {
        for (const [i, pg] of p.context.pages().entries()) {
          const shot = await pg.screenshot().catch(() => null);
          if (shot) await testInfo.attach(`${p.name}-${i}.png`, { body: shot, contentType: 'image/png' });
        }
      }
      await p.context.close().catch(() => {});
      await link.close();
    }
  },
});

async function newPerson(
  browser: Browser,
  serverUrl: string,
  link: NetworkLink,
  name: string,
  role: Role | null,
  locale: BrowserLocale,
  knownName: boolean,
): Promise<Person> {
  const context = await browser.newContext({ baseURL: link.origin, locale, viewport: { width: 1280, height: 800 } });
  // The display name is set before any page script runs, as if this person had used the app before.
  if (knownName) {
    await context.addInitScript(
      ([key, value]) => {
        try {
          if (!localStorage.getItem(key)) localStorage.setItem(key, value);
        } catch {
          /* about:blank has no storage */
        }
      },
      [NAME_STORAGE_KEY, name] as const,
    );
  }
  const viaLink = (url: string) => (url.startsWith(serverUrl) ? link.origin + url.slice(serverUrl.length) : url);
  const attach = (page: Page) => {
    person.page = page;
    person.home = new HomePage(page);
    person.board = new BoardPage(page);
    page.on('pageerror', (err) => console.log(`[${name}] page error: ${err.message}`));
  };
  const person: Person = {
    name,
    role,
    context,
    origin: link.origin,
    page: undefined as unknown as Page,
    home: undefined as unknown as HomePage,
    board: undefined as unknown as BoardPage,
    async open(url) {
      await person.page.goto(viaLink(url));
    },
    async goOffline() {
      await context.setOffline(true);
      link.cut();
    },
    async goOnline() {
      link.restore();
      await context.setOffline(false);
    },
    async closePage() {
      await person.page.close();
    },
    async reopen(url) {
      attach(await context.newPage());
      await person.open(url);
      await person.board.ensureNamed(name);
    },
  };
  attach(await context.newPage());
  return person;
}

export { expect };
