import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { getFontEmbedCSS, toSvg } from 'html-to-image';
import { boardI18n } from './board-language';
import { ExportSheet, type SheetProps } from './export-sheet';
import { fallbackRatio, MAX_CANVAS_SIDE, planPixelRatio } from './image-limits';

/**
 * Turns an export sheet into a PNG or SVG file: renders it off screen (a clean copy in the board's
 * language: no camera, no culling, no cursors or selection), then hands it to html-to-image with an
 * explicit size, a pixel ratio within the canvas limits, the fonts' CSS computed once and the map's
 * style rules. A drawing that comes out blank is drawn again smaller; it is never saved blank.
 */

export type Step = 'preparing' | 'drawing' | 'saving';

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
  /** Where the time went, in ms: render, clone, decode, draw, encode. */
  phases: Record<string, number>;
}

/** The browser gave back an empty drawing, or no PNG, at every ratio tried. */
export class BlankImageError extends Error {}
/** The browser could not load the serialised sheet as an image. */
export class UnreadableImageError extends Error {}

type Options = NonNullable<Parameters<typeof toSvg>[1]>;

/** The @font-face CSS of the app's web font (Inter, embedded as data URLs), computed once per page. */
let fontCss: Promise<string> | null = null;
function fontEmbedCss(node: HTMLElement): Promise<string> {
  fontCss ??= getFontEmbedCSS(node).catch(() => '');
  return fontCss;
}

/**
 * The app's own style rules, to travel inside the image. html-to-image's default is to copy every
 * computed property of every element into a style attribute: ~460 declarations × thousands of elements,
 * tens of megabytes of SVG for a 300-card map, and font sizes rounded down (its wrapping workaround).
 * The copy is built from the same class names as the map, so the same rules draw it exactly as on
 * screen, in a fraction of the time. @media rules stay out: an image does not depend on a screen.
 */
export function mapStyleText(sheets: Iterable<CSSStyleSheet> = document.styleSheets): string {
  const out: string[] = [];
  for (const sheet of sheets) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // another origin's sheet: not ours, not readable
    }
    for (const rule of rules) if (rule instanceof CSSStyleRule) out.push(rule.cssText);
  }
  return out.join('\n');
}

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/** Where an export's time went, as User Timing measures ("export:clone"…), for dev tools and tests. */
function report(phases: Record<string, number>): void {
  const end = performance.now();
  let at = end - Object.values(phases).reduce((a, b) => a + b, 0);
  for (const [name, ms] of Object.entries(phases)) {
    performance.measure(`export:${name}`, { start: at, duration: ms });
    at += ms;
  }
}

/** The serialised sheet as an image, decoded (the browser rasterises it again at each canvas size). */
function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => img.decode().then(() => resolve(img), () => resolve(img));
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

export async function renderSheet(
  props: SheetProps,
  format: 'png' | 'svg',
  requestedRatio: number,
  onStep: (step: Step) => void = () => {},
): Promise<ImageResult> {
  const started = performance.now();
  const phases: Record<string, number> = {};
  onStep('preparing');
  const host = document.createElement('div');
  host.className = 'export-host';
  host.setAttribute('aria-hidden', 'true');
  host.inert = true;
  document.body.append(host);
  const root = createRoot(host);
  try {
    flushSync(() =>
      root.render(
        <I18nextProvider i18n={boardI18n(props.locale)}>
          <ExportSheet {...props} />
        </I18nextProvider>,
      ),
    );
    await document.fonts.ready;
    await nextFrame();
    const sheet = host.firstElementChild as HTMLElement | null;
    if (!sheet) throw new Error('nothing to draw');
    const width = Math.ceil(sheet.offsetWidth);
    const height = Math.ceil(sheet.offsetHeight);
    const options: Options = {
      width,
      height,
      // Nothing copied from computed styles: the rules travel with the image (see mapStyleText).
      includeStyleProperties: [],
      // html-to-image puts this text in a <style> at the top of the copy: fonts, then the app's rules.
      // Fonts are embedded in the SVG only: Chromium stalls for minutes rasterising an SVG image that
      // carries the web fonts, so the PNG draws its text with the fallback fonts of the stack.
      fontEmbedCSS: `${format === "svg" ? await fontEmbedCss(sheet) : ""}\n${mapStyleText()}`,
      skipAutoScale: true,
      cacheBust: false,
    };

    phases.render = performance.now() - started;

    onStep('drawing');
    // One copy of the sheet (html-to-image: clone, fonts and rules, serialise) serves every attempt.
    let t0 = performance.now();
    const svgUrl = await toSvg(sheet, options);
    phases.clone = performance.now() - t0;
    if (format === 'svg') {
      onStep('saving');
      const markup = decodeURIComponent(svgUrl.slice(svgUrl.indexOf(',') + 1));
      const blob = new Blob(['<?xml version="1.0" encoding="UTF-8"?>\n', markup], { type: 'image/svg+xml' });
      report(phases);
      return { blob, width, height, requestedRatio: 1, ratio: 1, scaled: false, retried: false, limit: MAX_CANVAS_SIDE, ms: performance.now() - started, phases };
    }

    t0 = performance.now();
    const image = await loadImage(svgUrl);
    phases.decode = performance.now() - t0;
    const plan = planPixelRatio(width, height, requestedRatio);
    let ratio: number | null = plan.ratio;
    let retried = false;
    while (ratio !== null) {
      // What html-to-image's toCanvas does, without cloning the sheet again for a retry.
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
          return {
            blob,
            width: canvas.width,
            height: canvas.height,
            requestedRatio,
            ratio,
            scaled: ratio < requestedRatio,
            retried,
            limit: MAX_CANVAS_SIDE,
            ms: performance.now() - started,
            phases,
          };
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
    root.unmount();
    host.remove();
  }
}
