import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addCard } from '../../shared/commands/cards';
import { addAxisItem, removeAxisItem } from '../../shared/commands/skeleton';
import { revealVote, startVote, voteKey } from '../../shared/commands/votes';
import { KIND_STYLE } from '../../shared/decks/kind-style';
import { COLUMN_W, GEOMETRY, computeLayout } from '../../shared/layout';
import { readAxis, readCards } from '../../shared/doc/read';
import { roots } from '../../shared/doc/board-doc';
import { personIdFromKey } from '../../shared/identity';
import { CURVE_TOP } from '../../client/src/journey/curve-geometry';
import { SHEET_PAD } from '../../client/src/export/sheet-plan';
import { expectNoSeriousA11yViolations } from '../axe';
import { expect, test, type TestBoard } from '../fixtures';
import { ExportMenu, EXPORT_WORDS } from '../pages/export-menu';
import { connectStockClient, type StockClient } from '../stock-client';
import { readPdf } from '../pdf-text';
import { pixelDiff, pixelStats } from '../png';

/**
 * Maps leave the tool as images in consultants' reports and slides, as backups and as spreadsheets.
 * The images are checked the way a person would: the right size for the whole map whatever the zoom,
 * not blank, the cards' colours in them; the SVG is well-formed and holds the text; a backup restores
 * an identical board and a broken one creates nothing; the CSV opens with the right columns.
 *
 * EXPORT_SAVE_DIR=/tmp saves the exported files there (export-*.png, report), to look at them.
 */

const SAVE_DIR = process.env.EXPORT_SAVE_DIR;
const ACTIVITY_BLUE = KIND_STYLE.activity.color; // #c9e4ff
const STAGES = ['awareness', 'consideration', 'purchase', 'use', 'retention', 'advocacy'];

const LANE_KINDS: Record<string, string> = { activities: 'activity', goals: 'goal', emotions: 'emotion', channels: 'channel', ideas: 'note' };
const WORDS = {
  en: ['Searches reviews on the phone', 'Asks a friend', 'Compares prices', 'Reads the label', 'Calls the shop', 'Shares a photo', 'Checks opening hours'],
  it: ['Cerca recensioni sul telefono', 'Chiede a un’amica', 'Confronta i prezzi', 'Più caffè, città!', 'Chiama il negozio', 'Condivide una foto', 'Perché così caro?'],
};

/**
 * Writes a workshop into a board with a stock client (as docs/document-format.md allows): `n` cards
 * spread over every stage and lane with their deck kinds and colours, an emotion per cell with a
 * valence, the three key moments, a question with its answer, and a revealed dot vote on the ideas.
 */
async function seedWorkshop(serverUrl: string, board: TestBoard, n: number, lang: 'en' | 'it'): Promise<void> {
  const client = await connectStockClient(serverUrl, board.id, board.tokens.facilitator);
  const doc = client.doc;
  const lanes = Object.keys(LANE_KINDS);
  const ideas: string[] = [];
  doc.transact(() => {
    for (let i = 0; i < n; i++) {
      const stage = STAGES[i % STAGES.length];
      const lane = lanes[Math.floor(i / STAGES.length) % lanes.length];
      const kind = LANE_KINDS[lane];
      const text = `${WORDS[lang][i % WORDS[lang].length]} ${i + 1}`;
      const id = addCard(doc, {
        stage,
        lane,
        kind,
        text,
        color: KIND_STYLE[kind as keyof typeof KIND_STYLE].color,
        author: 'Anna',
        extra: kind === 'emotion' ? { valence: ((i * 7) % 5) - 2 } : {},
      });
      if (lane === 'ideas') ideas.push(id);
    }
    addCard(doc, { stage: 'purchase', lane: 'emotions', kind: 'moment', text: lang === 'it' ? 'Sceglie il forno' : 'Picks the bakery', color: KIND_STYLE.moment.color, extra: { moment: 'trigger' } });
    addCard(doc, { stage: 'use', lane: 'emotions', kind: 'moment', text: lang === 'it' ? 'Primo morso' : 'First bite', color: KIND_STYLE.moment.color, extra: { moment: 'truth' } });
    addCard(doc, { stage: 'advocacy', lane: 'emotions', kind: 'moment', text: lang === 'it' ? 'Lo consiglia' : 'Recommends it', color: KIND_STYLE.moment.color, extra: { moment: 'medal' } });
    addCard(doc, {
      stage: 'purchase',
      lane: 'goals',
      kind: 'question',
      text: lang === 'it' ? 'Che cosa abbiamo promesso?' : 'What did we promise?',
      color: KIND_STYLE.question.color,
      extra: { answer: lang === 'it' ? 'Consegna in 24 ore' : 'Delivery within a day' },
    });
  });
  let votes = 0;
  if (ideas.length > 0) {
    // Two participants put their dots on ideas (each only their own, as the server requires), then the
    // facilitator reveals the vote.
    const voteId = startVote(doc, 3, 'ideas');
    const ballots: Array<[string, Array<[string, number]>]> = [
      ['participant-key-anna-0000000001', [[ideas[0], 3]]],
      ['participant-key-bruno-000000002', [[ideas[0], 1], [ideas[ideas.length - 1], 2]]],
    ];
    for (const [key, dots] of ballots) {
      const voter = await connectVoter(serverUrl, board, key);
      const me = await personIdFromKey(key);
      await expect.poll(() => voter.doc.getMap('facilitation').get('vote')).toMatchObject({ id: voteId, open: true });
      voter.doc.transact(() => {
        for (const [card, n] of dots) voter.doc.getMap<number>('votes').set(voteKey(voteId, me, card), n);
      });
      votes += dots.length;
      await expect.poll(() => doc.getMap('votes').size, { timeout: 20_000 }).toBe(votes);
      voter.destroy();
    }
    revealVote(doc);
  }
  // Another client sees everything: the server has stored it.
  const check = await connectStockClient(serverUrl, board.id, board.tokens.viewer);
  try {
    await expect.poll(() => check.doc.getMap('cards').size, { timeout: 20_000 }).toBe(n + 4);
    if (votes) await expect.poll(() => (check.doc.getMap('facilitation').get('vote') as { revealed?: boolean })?.revealed).toBe(true);
  } finally {
    check.destroy();
    client.destroy();
  }
}

/** A participant's stock client with its own person key (dot votes are checked against it). */
async function connectVoter(serverUrl: string, board: TestBoard, personKey: string): Promise<StockClient> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(serverUrl.replace(/^http/, 'ws') + '/ws', board.id, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token: board.tokens.participant, person: personKey },
  });
  await new Promise<void>((resolve) => provider.on('sync', (synced: boolean) => synced && resolve()));
  return { doc, provider, destroy: () => (provider.destroy(), doc.destroy()) };
}

/** Size of the image the whole map gives at ratio 1: the map, the curve strip, the margins. */
function mapSize(doc: Y.Doc): { width: number; mapHeight: number } {
  const r = roots(doc);
  const layout = computeLayout(readAxis(r.stages), readAxis(r.lanes), readCards(doc));
  return { width: layout.width + 2 * SHEET_PAD, mapHeight: layout.height + CURVE_TOP };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1'), 'a PNG file').toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The last export's phases, from the app's User Timing measures ("export:clone" …). */
async function phases(page: Page): Promise<string> {
  return page.evaluate(() => {
    const last = new Map<string, number>();
    for (const m of performance.getEntriesByType('measure')) if (m.name.startsWith('export:')) last.set(m.name.slice(7), m.duration);
    return [...last].map(([k, v]) => `${k} ${Math.round(v)} ms`).join(', ');
  });
}

function save(name: string, bytes: Buffer | string): void {
  if (!SAVE_DIR) return;
  mkdirSync(SAVE_DIR, { recursive: true });
  writeFileSync(path.join(SAVE_DIR, name), bytes);
}

/** A CSV parser for the quoted-fields dialect the app writes (RFC 4180). */
function parseCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

test.describe('exporting a map', () => {
  test('the Export menu works with the keyboard, in English and in Italian', async ({ createBoard, person }) => {
    await createBoard('Bike rental', 'en');
    const anna = await person('Anna', 'facilitator');
    const menu = new ExportMenu(anna.page);
    await menu.button.focus();
    await anna.page.keyboard.press('Enter');
    await expect(menu.menu).toBeVisible();
    await expect(menu.button).toHaveAttribute('aria-expanded', 'true');
    await expect(menu.menu.getByRole('menuitem')).toHaveText(['PNG image', 'SVG image', 'JSON backup', 'CSV (spreadsheet)', 'Report', 'Save as template']);
    await expect(menu.item('png')).toBeFocused();
    await expectNoSeriousA11yViolations(anna.page, 'the open Export menu');
    if (SAVE_DIR) save('export-ui-menu.png', await anna.page.screenshot({ clip: { x: 640, y: 0, width: 640, height: 320 } }));
    await anna.page.keyboard.press('ArrowDown');
    await expect(menu.item('svg')).toBeFocused();
    await anna.page.keyboard.press('End');
    await expect(menu.item('template')).toBeFocused();
    await anna.page.keyboard.press('ArrowDown');
    await expect(menu.item('png')).toBeFocused();
    await anna.page.keyboard.press('ArrowUp');
    await expect(menu.item('template')).toBeFocused();
    await anna.page.keyboard.press('Escape');
    await expect(menu.menu).toBeHidden();
    await expect(menu.button).toBeFocused();
    await expect(menu.button).toHaveAttribute('aria-expanded', 'false');

    await test.step('ArrowUp on the button opens the menu on its last item; Enter opens the PNG dialog', async () => {
      await anna.page.keyboard.press('ArrowUp');
      await expect(menu.item('template')).toBeFocused();
      await anna.page.keyboard.press('Home');
      await anna.page.keyboard.press('Enter');
      await expect(anna.page.getByRole('dialog', { name: 'Export a PNG image' })).toBeVisible();
      await expect(anna.page.getByRole('radio', { name: /^2×/ })).toBeChecked();
      await expectNoSeriousA11yViolations(anna.page, 'the PNG dialog');
      await menu.closeDialog();
      await expect(menu.button).toBeFocused();
    });

    if (SAVE_DIR) {
      save('export-ui-topbar.png', await anna.page.getByRole('banner').screenshot());
      await anna.page.setViewportSize({ width: 390, height: 800 });
      save('export-ui-topbar-phone.png', await anna.page.getByRole('banner').screenshot());
      await anna.page.setViewportSize({ width: 1280, height: 800 });
    }
    await expect(menu.button).toBeInViewport();

    await test.step('in Italian the button is "Esporta"', async () => {
      await anna.board.chooseLanguage('Italiano');
      const it = new ExportMenu(anna.page, 'it');
      await it.open();
      await expect(it.menu.getByRole('menuitem')).toHaveText(['Immagine PNG', 'Immagine SVG', 'Backup JSON', 'CSV (foglio di calcolo)', 'Report', 'Salva come modello']);
      await anna.page.keyboard.press('Escape');
      await expect(it.menu).toBeHidden();
    });
  });

  test('a PNG of the whole map is complete, sharp and not blank, whatever the zoom', async ({ createBoard, person, server }) => {
    // A 60-card map at 2× is about 5000 × 2600 px: drawing and reading back its pixels takes a while.
    test.slow();
    const board = await createBoard('Panificio Rossi', 'it');
    await seedWorkshop(server.url, board, 60, 'it');
    const anna = await person('Anna', 'facilitator');
    const menu = new ExportMenu(anna.page);
    const doc = (await connectStockClient(server.url, board.id, board.tokens.viewer)) as StockClient;
    const size = mapSize(doc.doc);
    doc.destroy();
    expect(size.width).toBe(GEOMETRY.laneHeaderW + 6 * COLUMN_W + 2 * SHEET_PAD);

    // Zoomed in and scrolled to a corner: the export must not care.
    await anna.page.keyboard.press('+');
    await anna.page.keyboard.press('+');
    await anna.page.keyboard.press('+');
    await anna.board.map.hover();
    await anna.page.mouse.wheel(400, 300);

    const png = await menu.exportImage('png', { ratio: 2, legend: true });
    expect(png.name).toMatch(/^panificio-rossi-\d{4}-\d{2}-\d{2}\.png$/);
    const { width, height } = pngSize(png.bytes);
    expect(width).toBe(size.width * 2);
    expect(height).toBeGreaterThan(size.mapHeight * 2);
    expect(height).toBeLessThan((size.mapHeight + 500) * 2);
    save('export-test-2x.png', png.bytes);

    const stats = await pixelStats(png.bytes, [ACTIVITY_BLUE]);
    expect(stats.opaque, 'every pixel is drawn').toBe(width * height);
    expect(stats.lumaStdDev, 'the image is not one flat colour').toBeGreaterThan(12);
    expect(stats.distinctColours).toBeGreaterThan(40);
    // 12 activity cards of 168 × 96 at 2× are ~770,000 px of their blue, minus their words.
    expect(stats.colourPixels[ACTIVITY_BLUE], 'the activity cards’ blue is in the image').toBeGreaterThan(12 * 168 * 96 * 4 * 0.6);
    await expect(menu.dialog.getByRole('status')).toContainText(`${width} × ${height} px`);
    if (SAVE_DIR) save('export-ui-dialog.png', await menu.dialog.screenshot());

    await test.step('1× is half as wide; one stage is its own narrower image', async () => {
      await menu.closeDialog();
      const one = await menu.exportImage('png', { ratio: 1 });
      expect(pngSize(one.bytes).width).toBe(size.width);
      await menu.closeDialog();
      const stage = await menu.exportImage('png', { ratio: 2, scope: { stage: 'Acquisto' } });
      expect(stage.name).toMatch(/^panificio-rossi-acquisto-\d{4}-\d{2}-\d{2}\.png$/);
      expect(pngSize(stage.bytes).width).toBe((GEOMETRY.laneHeaderW + COLUMN_W + 2 * SHEET_PAD) * 2);
      const stageStats = await pixelStats(stage.bytes, [ACTIVITY_BLUE]);
      expect(stageStats.colourPixels[ACTIVITY_BLUE]).toBeGreaterThan(2 * 168 * 96 * 4 * 0.6);
      save('export-test-stage.png', stage.bytes);
    });

    await test.step('the selected card alone', async () => {
      await menu.closeDialog();
      await anna.board.fitJourney();
      const card = anna.page.locator('[data-card-id]').filter({ hasText: /telefono 1$/ });
      await card.click();
      const one = await menu.exportImage('png', { ratio: 2, scope: 'selection' });
      expect(one.name).toMatch(/-selezione-\d{4}-\d{2}-\d{2}\.png$/);
      expect(pngSize(one.bytes).width).toBe((GEOMETRY.cardW + 2 * GEOMETRY.cellPad + SHEET_PAD) * 2);
      const s = await pixelStats(one.bytes, [ACTIVITY_BLUE]);
      expect(s.colourPixels[ACTIVITY_BLUE]).toBeGreaterThan(168 * 96 * 4 * 0.6);
    });
  });

  test('an SVG of the map is made of SVG: every card’s words as <text>, and librsvg draws it like the PNG', async ({ createBoard, person, server }) => {
    const board = await createBoard('Bakery', 'en');
    await seedWorkshop(server.url, board, 30, 'en');
    const anna = await person('Anna', 'facilitator');
    const menu = new ExportMenu(anna.page);
    const svg = await menu.exportImage('svg', { legend: true });
    expect(svg.name).toMatch(/^bakery-\d{4}-\d{2}-\d{2}\.svg$/);
    const text = svg.bytes.toString('utf8');
    save('export-test.svg', text);
    expect(text.startsWith('<?xml')).toBe(true);
    expect(text, 'no HTML wrapped in SVG').not.toMatch(/foreignObject/i);
    const parsed = await anna.page.evaluate((markup) => {
      const d = new DOMParser().parseFromString(markup, 'image/svg+xml');
      const ns = 'http://www.w3.org/2000/svg';
      return {
        error: d.getElementsByTagName('parsererror').length,
        root: d.documentElement.localName,
        width: Number(d.documentElement.getAttribute('width')),
        font: d.documentElement.getAttribute('font-family'),
        // Each <text> as a reader sees it: its lines joined by spaces.
        texts: [...d.getElementsByTagNameNS(ns, 'text')].map((t) => {
          const spans = [...t.getElementsByTagNameNS(ns, 'tspan')];
          return (spans.length ? spans.map((s) => s.textContent ?? '') : [t.textContent ?? '']).join(' ');
        }),
      };
    }, text);
    expect(parsed.error, 'well-formed XML').toBe(0);
    expect(parsed.root).toBe('svg');
    expect(parsed.width).toBe(GEOMETRY.laneHeaderW + 6 * COLUMN_W + 2 * SHEET_PAD);
    expect(parsed.font).toMatch(/^Inter, .*sans-serif$/);

    await test.step('every card’s text is in the file as <text>', async () => {
      const viewer = await connectStockClient(server.url, board.id, board.tokens.viewer);
      const cards = readCards(viewer.doc);
      viewer.destroy();
      expect(cards).toHaveLength(34);
      const words = (s: string) => s.replace(/\s+/g, ' ').trim();
      const texts = parsed.texts.map(words);
      for (const card of cards) {
        const shown = card.kind === 'moment' ? card.text.split('\n')[0] : card.text;
        expect(texts.some((t) => t === words(shown)), `"${shown}" as a <text>`).toBe(true);
        if (card.answer) expect(texts).toContain(words(card.answer));
      }
      expect(texts).toEqual(expect.arrayContaining(['Bakery', 'Emotion curve', 'Legend', '● 4']));
    });

    await test.step('rsvg-convert (librsvg, as desktop tools) draws the same image as the PNG export', async () => {
      await menu.closeDialog();
      const png = await menu.exportImage('png', { ratio: 1, legend: true });
      const dir = path.join(tmpdir(), `svg-export-${process.pid}-${Date.now()}`);
      mkdirSync(dir, { recursive: true });
      const svgFile = path.join(dir, 'map.svg');
      writeFileSync(svgFile, text);
      const rendered = execFileSync('/usr/bin/rsvg-convert', ['--format=png', svgFile]);
      save('export-test-rsvg.png', rendered);
      save('export-test-1x.png', png.bytes);
      expect(pngSize(rendered)).toEqual(pngSize(png.bytes));
      const diff = await pixelDiff(png.bytes, rendered);
      console.log(`SVG (rsvg-convert) vs PNG at 1×: ${(diff.differing * 100).toFixed(2)} % of pixels differ, ${(diff.ink * 100).toFixed(1)} % of pixels are not background`);
      // The two draw the same shapes at the same places; only the text differs: the PNG embeds Inter,
      // librsvg here has no Inter and draws the fallback (Liberation Sans, Arial's metrics), and the
      // antialiasing differs: 1.6 % of the pixels here. 4 % leaves room for another fallback font and
      // fails for a misplaced, missing or differently sized part of the map (one lane is more than 4 %).
      expect(diff.differing).toBeLessThan(0.04);
      // ... and the comparison means something: much of the image is drawn (not background).
      expect(diff.ink).toBeGreaterThan(0.3);
    });
  });

  test('a JSON backup restores, after a confirm step, as a fresh board with the same content', async ({ createBoard, person, server }) => {
    const board = await createBoard('Panificio Rossi', 'it');
    await seedWorkshop(server.url, board, 36, 'it');
    const anna = await person('Anna', 'facilitator');
    const menu = new ExportMenu(anna.page);
    const first = await menu.exportData('json');
    expect(first.name).toMatch(/^panificio-rossi-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const original = JSON.parse(first.bytes.toString('utf8'));
    expect(original.format).toBe('journey-studio-backup');
    expect(original.board.cards).toHaveLength(40);
    expect(Object.keys(original.board.votes)).toHaveLength(3);

    await anna.page.goto('/');
    const restore = anna.page.getByRole('region', { name: 'Restore a backup' });
    const requests: string[] = [];
    anna.page.on('request', (r) => r.url().includes('/api/boards/import') && requests.push(r.method()));
    const file = restore.getByLabel('Backup file');
    const confirm = anna.page.getByRole('dialog', { name: 'Restore this backup?' });
    const title = confirm.getByRole('textbox', { name: 'Title of the new board' });

    await test.step('the confirm step says what will be created; Escape creates nothing', async () => {
      await file.setInputFiles(await first.download.path());
      await expect(confirm).toBeVisible();
      await expect(title).toBeFocused();
      await expect(title).toHaveValue(/^Panificio Rossi \(restored \d{1,2} [A-Z][a-z]{2} \d{4}\)$/);
      await expect(confirm).toContainText('Backup of “Panificio Rossi”, a board in Italian.');
      await expect(confirm.getByRole('definition')).toHaveText([/^6 \(Consapevolezza, Considerazione, /, '5', '40', 'none']);
      await expect(confirm).toContainText('The dot vote comes back as a closed result');
      await expectNoSeriousA11yViolations(anna.page, 'the restore confirm step');
      if (SAVE_DIR) save('export-ui-restore-confirm.png', await confirm.screenshot());
      await anna.page.keyboard.press('Escape');
      await expect(confirm).toBeHidden();
      expect(requests).toEqual([]);
    });

    await test.step('an edited title, confirmed with Enter, names the new board', async () => {
      await file.setInputFiles(await first.download.path());
      await expect(title).toBeFocused();
      await anna.page.keyboard.press('ControlOrMeta+A');
      await anna.page.keyboard.press('Delete');
      await expect(confirm.getByRole('button', { name: 'Create the board' })).toBeDisabled();
      await title.fill('Panificio Rossi, secondo giro');
      await anna.page.keyboard.press('Enter');
      await expect(anna.page).toHaveURL(/\/b\/[A-Za-z0-9_-]+#token=/);
    });
    expect(requests).toEqual(['POST']);
    const newId = /\/b\/([^#/]+)/.exec(anna.page.url())![1];
    expect(newId).not.toBe(board.id);
    await expect(anna.board.map).toBeVisible();
    await expect(anna.board.title).toHaveText('Panificio Rossi, secondo giro');
    // The facilitator's link: the share button shows, as on a board they created.
    await expect(anna.board.shareButton).toBeVisible();

    const second = await menu.exportData('json');
    const restored = JSON.parse(second.bytes.toString('utf8'));
    expect(restored.board.meta.title).toBe('Panificio Rossi, secondo giro');
    // Same content; the session state (none was running here) starts fresh, the revealed vote stays a closed result.
    expect({ ...restored, exportedAt: 0, board: { ...restored.board, meta: original.board.meta } }).toEqual({ ...original, exportedAt: 0 });

    await test.step('the new board is in "Your boards" under its new title', async () => {
      await anna.page.goto('/');
      await expect(anna.home.recentBoards.getByRole('link')).toHaveCount(2);
      await expect(anna.home.recentBoards.getByRole('link', { name: /Panificio Rossi, secondo giro/ })).toBeVisible();
      const links = await anna.home.recentBoards.getByRole('link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
      expect(links.some((h) => h?.startsWith(`/b/${newId}#token=`))).toBe(true);
    });
  });

  test('a broken backup shows what is wrong and creates nothing', async ({ person }) => {
    const lucia = await person('Lucia', null, { locale: 'it-IT' });
    const { page } = lucia;
    await page.goto('/');
    const requests: string[] = [];
    page.on('request', (r) => r.url().includes('/api/') && requests.push(`${r.method()} ${new URL(r.url()).pathname}`));
    const restore = page.getByRole('region', { name: EXPORT_WORDS.it.restore });
    const input = restore.getByLabel(EXPORT_WORDS.it.backupFile);
    const dir = path.join(tmpdir(), `broken-backups-${process.pid}-${Date.now()}`);
    mkdirSync(dir, { recursive: true });

    const notJson = path.join(dir, 'not-json.json');
    writeFileSync(notJson, '{ "format": "journey-studio-backup", ');
    await input.setInputFiles(notJson);
    const alert = restore.getByRole('alert');
    await expect(alert).toContainText('Questo file non è un backup valido di Journey Studio. Non è stata creata nessuna lavagna.');
    await expect(alert).toContainText('il file: non è un JSON valido');

    const badCard = path.join(dir, 'bad-card.json');
    writeFileSync(
      badCard,
      JSON.stringify({
        format: 'journey-studio-backup',
        version: 1,
        exportedAt: 1,
        board: {
          meta: { title: 'Rotto', locale: 'it', createdAt: 1 },
          stages: [{ id: 'use', title: 'Utilizzo' }],
          lanes: [{ id: 'ideas', title: 'Idee' }],
          cards: [{ id: 'c1', kind: 'note', text: 42, stage: 'use', lane: 'ideas', order: 'a0', color: '#fff3a3', author: '', createdAt: 1 }],
          decks: {},
          facilitation: {},
          votes: {},
        },
      }),
    );
    await input.setInputFiles(badCard);
    await expect(alert).toContainText('carta 1 → testo: un valore del tipo sbagliato (atteso: testo)');

    const deck = path.join(dir, 'deck.json');
    writeFileSync(deck, JSON.stringify({ formatVersion: 1, id: 'acme', title: { it: 'Acme', en: 'Acme' }, cards: [{ id: 'x', kind: 'activity', title: { it: 'A', en: 'A' } }] }));
    await input.setInputFiles(deck);
    await expect(alert).toHaveText(
      'Questo è un mazzo di carte, non il backup di una lavagna. Per usarlo apri una lavagna come facilitatore e importalo dal pannello Mazzi («Importa un mazzo…»). Non è stata creata nessuna lavagna.',
    );
    await expectNoSeriousA11yViolations(page, 'the home page with a restore error');
    if (SAVE_DIR) save('export-ui-restore-error.png', await restore.screenshot());
    await expect(page).toHaveURL(/\/$/);
    expect(requests, 'nothing was sent to the server').toEqual([]);
    await expect(lucia.home.recentBoards.getByRole('link')).toHaveCount(0);
  });

  test('the CSV opens in a spreadsheet with translated columns and accented text', async ({ createBoard, person, server }) => {
    const board = await createBoard('Panificio Rossi', 'it');
    await seedWorkshop(server.url, board, 12, 'it');

    await test.step('Italian interface: ";" and Italian headings', async () => {
      const lucia = await person('Lucia', null, { locale: 'it-IT' });
      await lucia.open(board.url('participant'));
      await expect(lucia.page.getByRole('region', { name: EXPORT_WORDS.it.map })).toBeVisible();
      const csv = await new ExportMenu(lucia.page, 'it').exportData('csv');
      expect(csv.name).toMatch(/^panificio-rossi-\d{4}-\d{2}-\d{2}\.csv$/);
      const text = csv.bytes.toString('utf8');
      expect(text.charCodeAt(0), 'a byte-order mark for Excel').toBe(0xfeff);
      const rows = parseCsv(text.slice(1), ';');
      expect(rows[0]).toEqual(['ID', 'Fase', 'Corsia', 'Posizione', 'Tipo', 'Testo', 'Autore', 'Valenza', 'Voti', 'Risposta', 'Persona', 'Effetto atteso (%)']);
      expect(rows).toHaveLength(1 + 16);
      expect(rows.every((r) => r.length === 12)).toBe(true);
      const accented = rows.find((r) => r[5] === 'Più caffè, città! 4');
      // No vote on this board: the votes column is empty; the kind is in the board's language.
      expect(accented?.slice(1)).toEqual(['Utilizzo', 'Attività', '1', 'Attività', 'Più caffè, città! 4', 'Anna', '', '', '', '', '']);
      const question = rows.find((r) => r[4] === 'Domanda');
      expect(question?.[9]).toBe('Consegna in 24 ore');
      // Numbers are bare (not quoted, no ' guard), so a spreadsheet reads them as numbers.
      expect(text).toContain('"Utilizzo";"Attività";1;"Attività";"Più caffè, città! 4"');
    });

    await test.step('English interface: "," and English headings', async () => {
      const ben = await person('Ben', 'participant');
      const csv = await new ExportMenu(ben.page).exportData('csv');
      const rows = parseCsv(csv.bytes.toString('utf8').slice(1), ',');
      expect(rows[0]).toEqual(['ID', 'Stage', 'Lane', 'Position', 'Kind', 'Text', 'Author', 'Valence', 'Votes', 'Answer', 'Persona', 'Expected effect (%)']);
      // The board is Italian: its kind words stay Italian whatever the reader's interface.
      expect(rows.find((r) => r[5] === 'Più caffè, città! 4')?.[4]).toBe('Attività');
    });
  });

  test('the report prints as a document: A4 landscape, pages full, no heading alone at a page’s foot', async ({ createBoard, person, server }) => {
    test.slow(); // two seeded boards, each printed to PDF
    const english = await createBoard('Rossi Bakery', 'en');
    await seedWorkshop(server.url, english, 60, 'en');
    const italian = await createBoard('Panificio Rossi', 'it');
    await seedWorkshop(server.url, italian, 13, 'it');
    // One note of the maximum length: it must wrap at the page's full width.
    const longNote = Array.from({ length: 800 }, (_, i) => ['pane', 'forno', 'cliente', 'caffè', 'città'][i % 5]).join(' ').slice(0, 4000);
    const writer = await connectStockClient(server.url, italian.id, italian.tokens.facilitator);
    addCard(writer.doc, { stage: 'use', lane: 'activities', kind: 'activity', text: longNote, color: ACTIVITY_BLUE, author: 'Marta' });
    await expect.poll(() => writer.doc.getMap('cards').size).toBe(18);
    writer.destroy();

    const anna = await person('Anna', 'facilitator', { board: english });
    const menu = new ExportMenu(anna.page);

    /** Prints the open report to PDF and checks it page by page; returns the pages' lines. */
    const printAndCheck = async (what: string, maxPages: number) => {
      const report = menu.report;
      // Every heading as printed (innerText applies text-transform, as the PDF does).
      const headings = new Set((await report.locator('h1, h2, h3, h4').evaluateAll((hs) => hs.map((h) => (h as HTMLElement).innerText.trim()))).filter(Boolean));
      const pdf = await anna.page.pdf({ preferCSSPageSize: true, printBackground: true });
      save(`export-report-${what}.pdf`, pdf);
      const doc = readPdf(pdf);
      console.log(`${what}: ${doc.pages} pages (${doc.size})`);
      // A4 landscape: 842 × 595 pt.
      expect(doc.size).toMatch(/^841\.\d+ x 59[45]\.\d+ pts \(A4\)/);
      expect(doc.pages, `${what}: page count`).toBeLessThanOrEqual(maxPages);
      // How much of each page the text fills: from the top margin to its lowest word, over the 190 mm
      // between the margins (report.css: A4 landscape, 10 mm margins). The report flows top down, so
      // what is white is the rest of the page below.
      const margin = (10 / 25.4) * 72;
      const filled = doc.reach.map((r) => (r.bottom - margin) / (r.height - 2 * margin));
      console.log(`${what}: text lines per page ${doc.lines.map((l) => l.length).join(' ')}; filled ${filled.map((f) => `${Math.round(f * 100)} %`).join(' ')}`);
      doc.lines.forEach((lines, i) => {
        const body = lines.filter((l) => !headings.has(l));
        expect(body.join(' ').length, `${what}: page ${i + 1} has body text`).toBeGreaterThan(80);
        expect(headings.has(lines.at(-1) ?? ''), `${what}: page ${i + 1} ends with the heading "${lines.at(-1)}"`).toBe(false);
        // No page left mostly empty: its text reaches at least half way down. A page ends early only
        // when the next block kept whole (a short lane, a moment, an insight, a figure) does not fit, and
        // at most that block's height is left white; a half-empty page means a break went wrong. (A count
        // of text lines misjudges pages of figures and boxes: a two-thirds full insights page has 14
        // lines, a page of card text 36.) The cover and the last page may be short.
        if (i > 0 && i < doc.pages - 1) expect(filled[i], `${what}: page ${i + 1} is mostly empty`).toBeGreaterThanOrEqual(0.5);
      });
      return doc.lines;
    };

    await test.step('English, 60 cards', async () => {
      await menu.choose('report');
      const report = menu.report;
      await expect(report).toBeVisible();
      await expect(report.getByRole('button', { name: 'Print', exact: true })).toBeVisible();
      await expect(report.getByRole('button', { name: 'Download PDF' })).toHaveAccessibleDescription(/choose “Save as PDF” as the destination/);
      await expect(report.getByRole('heading', { level: 1 })).toHaveText('Rossi Bakery');
      const facts = report.locator('.report-facts');
      await expect(facts).toContainText('Facilitator');
      await expect(facts.getByRole('definition').nth(1)).toHaveText('Anna');
      await expect(facts).toContainText('LanguageEnglish');
      for (const h of ['The journey map', 'Emotion curve', 'Key moments', 'Stage by stage', 'Ideas ranked by votes', 'Questions and answers']) {
        await expect(report.getByRole('heading', { name: h, exact: true })).toBeVisible();
      }
      await expectNoSeriousA11yViolations(anna.page, 'the report');
      const ideas = report.locator('table').filter({ hasText: 'Rank' });
      await expect(ideas.locator('tbody tr').first()).toContainText('4 dots');
      // The map is the SVG export itself, inline, as wide as the page's text.
      const map = report.getByRole('img', { name: 'The journey map: Rossi Bakery' });
      await expect(map.locator('svg text').filter({ hasText: 'Asks a friend 2' }).first()).toBeAttached();
      await expect(map.locator('svg g[data-card]')).toHaveCount(64);
      const [mapW, pageW] = await map.evaluate((f) => [f.querySelector('svg')!.getBoundingClientRect().width, f.parentElement!.clientWidth - 2 * parseFloat(getComputedStyle(f.parentElement!).paddingLeft)]);
      expect(Math.abs(mapW - pageW), `map ${mapW} px wide on a page ${pageW} px wide`).toBeLessThan(1);
      // 60 cards of one or two lines each, the map, the curve, the moments, the ideas and the questions.
      const lines = await printAndCheck('en-60', 10);
      // The map's words are text in the PDF (vector, sharp at any zoom), on the page under its heading:
      // cards of the first and the last stage, the curve's name and the legend.
      const mapPage = lines.find((page) => page.includes('The journey map'))?.join('\n') ?? '';
      for (const text of ['Asks a friend 2', 'Shares a photo 6', 'Emotion curve', 'Legend', 'Recommends it']) expect(mapPage, `the map page shows “${text}”`).toContain(text);
      const all = lines.flat().join('\n');
      for (const text of ['Searches reviews on the phone 1', 'Checks opening hours 56', 'Delivery within a day']) expect(all).toContain(text);
      await anna.page.keyboard.press('Escape');
      await expect(report).toBeHidden();
      await expect(menu.button).toBeFocused();
    });

    await test.step('Italian, 18 cards with a 4,000-character note', async () => {
      await anna.open(italian.url('facilitator'));
      await expect(anna.board.map).toBeVisible();
      await menu.choose('report');
      const report = menu.report;
      await expect(report.getByRole('heading', { level: 1 })).toHaveText('Panificio Rossi');
      // The interface is English, the board Italian: the toolbar speaks English, the report Italian.
      await expect(report.getByRole('button', { name: 'Download PDF' })).toBeVisible();
      for (const h of ['La mappa del percorso', 'Curva delle emozioni', 'Momenti chiave', 'Fase per fase', 'Idee in ordine di voti', 'Domande e risposte']) {
        await expect(report.getByRole('heading', { name: h, exact: true })).toBeVisible();
      }
      await expect(report.locator('.report-facts')).toContainText('Linguaitaliano');
      // A moment card is named once, with its own words.
      await expect(report.locator('.report-moment.moment-truth')).toContainText('In Utilizzo — Primo morso');
      // Cover, map, the curve and moments, the insights, the stages with the 4,000-character note running
      // on from one page to the next (no page left mostly empty before it).
      const lines = await printAndCheck('it-18', 7);
      // The long note runs across the page, not down a narrow column: about 28 lines of some 145
      // characters (in a column a sixth of the page wide it took over 150 short lines).
      expect(lines.flat().join(' '), 'the long note is in the PDF').toContain('pane forno cliente caffè città');
      const noteLines = lines
        .filter((page) => !page.includes('La mappa del percorso'))
        .flat()
        .filter((l) => /^(pane|forno|cliente|caffè|città)( |$)/.test(l));
      expect(noteLines.length, 'lines of the long note').toBeGreaterThan(20);
      expect(noteLines.length, 'lines of the long note').toBeLessThan(40);
      expect(noteLines.slice(0, -1).every((l) => l.length >= 100), `the long note's lines are page-wide: ${noteLines.map((l) => l.length).join(' ')}`).toBe(true);
      await anna.page.emulateMedia({ media: 'print' });
      await expect(anna.page.locator('#root')).toBeHidden();
      await anna.page.emulateMedia({ media: 'screen' });
    });
  });

  test('a map wider than the browser allows at 3× is scaled down, whole, and the person is told', async ({ createBoard, person, server }) => {
    // About 16,384 × 2,000 px to draw, encode and read back: a slow export on a busy machine.
    test.slow();
    const board = await createBoard('Grand tour', 'en');
    const client = await connectStockClient(server.url, board.id, board.tokens.facilitator);
    // Wide, but only two lanes high: the width is what is tested, and every lane more is a few million
    // pixels more to draw and check.
    client.doc.transact(() => {
      for (let i = 7; i <= 16; i++) addAxisItem(client.doc, 'stages', `Stage ${i}`);
      for (const lane of ['goals', 'emotions', 'channels']) removeAxisItem(client.doc, 'lanes', lane);
    });
    addCard(client.doc, { stage: 'awareness', lane: 'activities', kind: 'activity', text: 'First', color: ACTIVITY_BLUE });
    const stages = client.doc.getArray('stages');
    await expect.poll(() => stages.length).toBe(16);
    expect(client.doc.getArray('lanes').length).toBe(2);
    const last = (stages.get(15) as Y.Map<unknown>).get('id') as string;
    addCard(client.doc, { stage: last, lane: 'ideas', text: 'Last idea, far right', color: '#fff3a3' });
    const sheetWidth = GEOMETRY.laneHeaderW + 16 * COLUMN_W + 2 * SHEET_PAD;
    expect(sheetWidth * 3).toBeGreaterThan(16384);

    const anna = await person('Anna', 'facilitator');
    await expect(anna.board.connection).toHaveText(/^Connected/);
    client.destroy();
    const menu = new ExportMenu(anna.page);
    const png = await menu.exportImage('png', { ratio: 3 });
    const ratio = Math.floor((16384 / sheetWidth) * 100) / 100;
    const { width } = pngSize(png.bytes);
    expect(width).toBe(Math.floor(sheetWidth * ratio));
    expect(width).toBeLessThanOrEqual(16384);
    await expect(menu.dialog.getByRole('status')).toContainText(`The map was scaled to ${ratio}× to stay within the browser's limit of 16,384 px a side.`);
    if (SAVE_DIR) save('export-ui-scaled.png', await menu.dialog.screenshot());
    // One pass over the image, in the test process: every pixel drawn, the first stage's blue card and
    // the yellow note of the 16th stage both there, so nothing was cropped on the right.
    const stats = await pixelStats(png.bytes, [ACTIVITY_BLUE, '#fff3a3']);
    expect(stats.opaque).toBe(stats.width * stats.height);
    expect(stats.colourPixels[ACTIVITY_BLUE]).toBeGreaterThan(168 * 96 * ratio * ratio * 0.6);
    expect(stats.colourPixels['#fff3a3']).toBeGreaterThan(168 * 96 * ratio * ratio * 0.6);
  });

  test('a 300-card map exports as a complete 2× PNG', async ({ createBoard, person, server }) => {
    test.slow();
    const board = await createBoard('Panificio Rossi', 'it');
    await seedWorkshop(server.url, board, 300, 'it');
    const anna = await person('Anna', 'facilitator');
    await expect(anna.board.connection).toHaveText(/^Connected/);
    const menu = new ExportMenu(anna.page);
    const png = await menu.exportImage('png', { ratio: 2, legend: true });
    console.log(`300-card map, 2× PNG: ${png.ms} ms, ${png.bytes.length} bytes, ${pngSize(png.bytes).width} × ${pngSize(png.bytes).height} px; ${await phases(anna.page)}`);
    save('export-300-2x.png', png.bytes);
    const stats = await pixelStats(png.bytes, [ACTIVITY_BLUE]);
    expect(stats.lumaStdDev).toBeGreaterThan(12);
    // 60 activity cards, each mostly its blue.
    expect(stats.colourPixels[ACTIVITY_BLUE]).toBeGreaterThan(60 * 168 * 96 * 4 * 0.6);
    // How long it takes is measured by `npm run bench`, not asserted here.
  });
});

/** Only with EXPORT_SAVE_DIR: the 300-card map at 1× and 3× in both languages, to look at. */
test.describe('exported images to look at', () => {
  test.skip(!SAVE_DIR, 'set EXPORT_SAVE_DIR to save them');
  for (const lang of ['en', 'it'] as const) {
    test(`300 cards, ${lang}: 1× and 3×`, async ({ createBoard, person, server }) => {
      test.setTimeout(300_000);
      const board = await createBoard(lang === 'it' ? 'Panificio Rossi' : 'Rossi Bakery', lang);
      await seedWorkshop(server.url, board, 300, lang);
      const anna = await person('Anna', null, lang === 'it' ? { locale: 'it-IT' } : {});
      await anna.open(board.url('facilitator'));
      await expect(anna.page.getByRole('region', { name: EXPORT_WORDS[lang].map })).toBeVisible();
      const menu = new ExportMenu(anna.page, lang);
      // The live map at 100%, top left, to compare with the 1× image.
      await anna.page.keyboard.press('0');
      await anna.page.waitForTimeout(500);
      save(`export-live-${lang}.png`, await anna.page.getByRole('region', { name: EXPORT_WORDS[lang].map }).screenshot());
      for (const ratio of [1, 3] as const) {
        const png = await menu.exportImage('png', { ratio, legend: true });
        const { width, height } = pngSize(png.bytes);
        console.log(`${lang} ${ratio}×: ${png.ms} ms, ${width} × ${height} px, ${png.bytes.length} bytes; ${await phases(anna.page)}`);
        save(`export-${lang}-${ratio}x.png`, png.bytes);
        await menu.closeDialog();
      }
    });
  }
});
