import { toBlob } from 'html-to-image';
import { downloadBlob } from '../export/download';
import { embeddedFontCss } from '../export/embedded-font';
import { exportFileName } from '../export/file-name';

/** What a picture of the results leaves out: the controls (projector toggles, "Show these ideas…"), the CLV form, status lines. */
const LEFT_OUT = '.insight-project, .button, .clv-form, .insights-status';

/**
 * "Download as image": the panel's sections as they are on screen, drawn by html-to-image at twice the
 * pixels, without the controls and the form. html-to-image fixes every element's height as laid out, so
 * leaving parts out of its copy would leave holes: the picture is taken of a copy of the panel's body,
 * laid out out of view beside it (same width, or wider for the channels grid to show whole; same style
 * sheets) with those parts removed. Inter is
 * embedded (the PNG export's six faces, export/embedded-font.ts, handed to html-to-image ready-made so it
 * fetches nothing): in a fallback font the words are wider than the panel laid them out for, and amounts
 * wrapped onto the bars.
 */
export async function downloadInsightsImage(node: HTMLElement, boardTitle: string): Promise<void> {
  const width = node.clientWidth;
  const copy = node.cloneNode(true) as HTMLElement;
  copy.querySelectorAll(LEFT_OUT).forEach((el) => el.remove());
  copy.setAttribute('aria-hidden', 'true');
  copy.inert = true;
  Object.assign(copy.style, { position: 'absolute', left: '-100000px', top: '0', width: `${width}px`, height: 'auto', maxHeight: 'none', overflow: 'visible' });
  node.parentElement?.appendChild(copy);
  // The channels grid scrolls sideways in the panel; the picture shows it whole, as wide as it needs.
  const pad = parseFloat(getComputedStyle(copy).paddingLeft) + parseFloat(getComputedStyle(copy).paddingRight);
  copy.querySelectorAll<HTMLElement>('.silos-grid-wrap').forEach((el) => (el.style.overflow = 'visible'));
  const gridW = Math.max(0, ...[...copy.querySelectorAll<HTMLElement>('.silos-grid')].map((t) => Math.ceil(t.getBoundingClientRect().width)));
  const shotW = Math.max(width, gridW + pad);
  copy.style.width = `${shotW}px`;
  try {
    const fontEmbedCSS = await embeddedFontCss();
    const blob = await toBlob(copy, {
      pixelRatio: 2,
      backgroundColor: '#ffffff',
      fontEmbedCSS,
      cacheBust: false,
      width: shotW,
      height: copy.scrollHeight,
      style: { position: 'static', left: '0', top: '0' },
    });
    if (!blob) throw new Error('no image');
    downloadBlob(blob, exportFileName(boardTitle, new Date(), 'png', 'insights'));
  } finally {
    copy.remove();
  }
}
