import { toBlob } from 'html-to-image';
import { downloadBlob } from '../export/download';
import { exportFileName } from '../export/file-name';

/**
 * "Download as image": the panel's sections as they are on screen, drawn by html-to-image at twice the
 * pixels. Web fonts are not embedded (Chromium stalled rasterising them, see export/CONTEXT.md): the
 * text falls back to the system sans-serif, which is fine for a picture of a few numbers and lists.
 * Buttons (the projector toggles) are left out of the picture.
 */
export async function downloadInsightsImage(node: HTMLElement, boardTitle: string): Promise<void> {
  const blob = await toBlob(node, {
    pixelRatio: 2,
    backgroundColor: '#ffffff',
    skipFonts: true,
    cacheBust: false,
    // The scrolling body is taller than its box: draw all of it.
    height: node.scrollHeight,
    style: { overflow: 'visible', height: `${node.scrollHeight}px`, maxHeight: 'none' },
    filter: (el) => !(el instanceof HTMLElement && el.classList.contains('insight-project')),
  });
  if (!blob) throw new Error('no image');
  downloadBlob(blob, exportFileName(boardTitle, new Date(), 'png', 'insights'));
}
