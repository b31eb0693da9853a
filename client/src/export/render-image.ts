import type { CardData, Locale } from '../../../shared/doc/schema';
import type { SheetPlan } from '../../../shared/export/sheet-plan';
import { sheetSvg, type SheetWords } from '../../../shared/export/svg/map-svg';
import { personaStore } from '../personas/persona-store';
import { cellName } from '../board/cell-name';
import { findDeckCard } from '../decks/board-decks-store';
import { hasIcon } from '../decks/deck-icons';
import { voteResults } from '../sync/export-data';
import { boardI18n, longDate } from './board-language';
import { embeddedFontCss } from './embedded-font';
import { fallbackRatio, MAX_CANVAS_SIDE, planPixelRatio } from './image-limits';

/**
 * Turns a sheet plan into a PNG or SVG file. Both start from the same vector drawing, written without a
 * DOM by shared/export/svg (rects, paths, <text> with the card layout's line breaks). The SVG file is
 * that text. The PNG is that drawing rasterised by the browser: Blob → <img> → a canvas at a pixel
 * ratio within the canvas limits; a drawing that comes out blank is drawn again smaller, never saved blank.
 */

export type Step = 'preparing' | 'drawing' | 'saving';

export interface ImageRequest {
  plan: SheetPlan;
  title: string;
  locale: Locale;
  date: Date;
  legend: boolean;
}

export interface ImageResult {
  blob: Blob;
  /** Size in pixels (SVG: in CSS px). */
  width: number;
  height: number;
  requestedRatio: number;
  ratio: number;
  /** Lowered to fit the browser's canvas limit. */
  scaled: boolean;
  /** The first drawing came out blank and was drawn again smaller. */
  retried: boolean;
  limit: number;
  ms: number;
  /** Where the time went, in ms: write, fonts, decode, draw, encode. */
  phases: Record<string, number>;
}

/** The browser gave back an empty drawing, or no PNG, at every ratio tried. */
export class BlankImageError extends Error {}
/** The browser could not load the drawing as an image. */
export class UnreadableImageError extends Error {}

/** The sheet's words in the board's language (the reader's interface may speak another). */
export function sheetWords(req: ImageRequest): SheetWords {
  const { t } = boardI18n(req.locale);
  const { plan } = req;
  return {
    title: req.title || t('home.untitled'),
    subtitle: plan.stageTitle !== undefined ? `${t('export.image.stageLabel')}: ${plan.stageTitle}` : undefined,
    date: t('export.sheet.exported', { date: longDate(req.locale, req.date) }),
    unplaced: t('board.unplaced'),
    unplacedFrom: (card: CardData) => t('card.unplacedFrom', { place: cellName(plan, card) }),
    curve: { name: t('journey.curve.name'), noData: t('journey.curve.noData') },
    persona: { label: t('personas.strip') },
    legend: {
      title: t('export.sheet.legend'),
      cards: t('export.sheet.cards'),
      moments: t('export.sheet.moments'),
      emotions: t('export.sheet.emotions'),
      curve: t('journey.curve.legend'),
    },
  };
}

/** Dots per card of the current vote, once the facilitator revealed it (a secret vote shows none). */
function revealedVotes(): Record<string, number> | undefined {
  const r = voteResults();
  if (!r?.vote?.revealed) return undefined;
  return Object.fromEntries(r.tallies.map((x) => [x.cardId, x.dots]));
}

/** A deck card's own icon, as on the map (deck-icons.ts); the writer falls back to its kind's. */
function iconOf(card: CardData): string | undefined {
  const icon = findDeckCard(card.deckCardId)?.card.icon;
  return icon && hasIcon(icon) ? icon : undefined;
}

/**
 * The map as SVG text (with `css` in its <style>: the PNG path embeds the font there; `idPrefix` for a
 * drawing put inline in a page, the report's).
 */
export function writeSvg(req: ImageRequest, css?: string, idPrefix?: string) {
  const { personas, active } = personaStore.getState();
  return sheetSvg({ plan: req.plan, locale: req.locale, words: sheetWords(req), legend: req.legend, votes: revealedVotes(), iconOf, css, personas: { list: personas, active }, idPrefix });
}

/** Where an export's time went, as User Timing measures ("export:draw"…), for dev tools and tests. */
function report(phases: Record<string, number>): void {
  const end = performance.now();
  let at = end - Object.values(phases).reduce((a, b) => a + b, 0);
  for (const [name, ms] of Object.entries(phases)) {
    performance.measure(`export:${name}`, { start: at, duration: ms });
    at += ms;
  }
}

/**
 * The SVG as an image, loaded (parsed and laid out). No `decode()`: for an SVG it would rasterise the
 * drawing at its natural size, work thrown away when the canvas draws it again at the export's ratio.
 */
function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new UnreadableImageError('unreadable drawing'));
    img.decoding = 'async';
    img.src = url;
  });
}

/** An image that is mostly transparent or one flat colour is a failed drawing, not a map. */
function looksBlank(canvas: HTMLCanvasElement): boolean {
  const probe = document.createElement('canvas');
  probe.width = 64;
  probe.height = 64;
  const ctx = probe.getContext('2d');
  if (!ctx) return true;
  ctx.drawImage(canvas, 0, 0, 64, 64);
  const d = ctx.getImageData(0, 0, 64, 64).data;
  let opaque = 0;
  let min = 255;
  let max = 0;
  for (let i = 0; i < d.length; i += 4) {
    if (d[i + 3] > 200) opaque++;
    const lum = (d[i] * 3 + d[i + 1] * 6 + d[i + 2]) / 10;
    min = Math.min(min, lum);
    max = Math.max(max, lum);
  }
  return opaque < (d.length / 4) * 0.9 || max - min < 8;
}

function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new BlankImageError('no PNG'))), 'image/png'));
}

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

export async function renderImage(req: ImageRequest, format: 'png' | 'svg', requestedRatio: number, onStep: (step: Step) => void = () => {}): Promise<ImageResult> {
  const started = performance.now();
  const phases: Record<string, number> = {};
  onStep('preparing');
  // Let the progress message show before the work starts.
  await nextFrame();

  if (format === 'svg') {
    let t0 = performance.now();
    const { svg, width, height } = writeSvg(req);
    phases.write = performance.now() - t0;
    onStep('saving');
    report(phases);
    return { blob: new Blob([svg], { type: 'image/svg+xml' }), width, height, requestedRatio: 1, ratio: 1, scaled: false, retried: false, limit: MAX_CANVAS_SIDE, ms: performance.now() - started, phases };
  }

  let t0 = performance.now();
  const fonts = await embeddedFontCss();
  phases.fonts = performance.now() - t0;
  t0 = performance.now();
  const { svg, width, height } = writeSvg(req, fonts);
  phases.write = performance.now() - t0;

  onStep('drawing');
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    t0 = performance.now();
    const image = await loadImage(url);
    phases.decode = performance.now() - t0;
    const plan = planPixelRatio(width, height, requestedRatio);
    let ratio: number | null = plan.ratio;
    let retried = false;
    while (ratio !== null) {
      t0 = performance.now();
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(width * ratio);
      canvas.height = Math.floor(height * ratio);
      canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height);
      try {
        // The first read of the pixels is where the browser really rasterises the drawing.
        const blank = looksBlank(canvas);
        phases.draw = performance.now() - t0;
        if (!blank) {
          onStep('saving');
          t0 = performance.now();
          const blob = await canvasToPng(canvas);
          phases.encode = performance.now() - t0;
          report(phases);
          return { blob, width: canvas.width, height: canvas.height, requestedRatio, ratio, scaled: ratio < requestedRatio, retried, limit: MAX_CANVAS_SIDE, ms: performance.now() - started, phases };
        }
      } finally {
        // Give the memory back at once: a 3× map is hundreds of megabytes.
        canvas.width = 0;
        canvas.height = 0;
      }
      ratio = fallbackRatio(ratio);
      retried = true;
    }
    throw new BlankImageError('blank');
  } finally {
    URL.revokeObjectURL(url);
  }
}
