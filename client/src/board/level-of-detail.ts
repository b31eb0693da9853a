import { CARD_TEXT } from '../../../shared/card-layout/card-metrics';

/**
 * Level of detail of the notes on the interactive map, as Miro, tldraw and Excalidraw do: when the zoom
 * makes a note's words too small to read on screen, the map draws the notes without their text runs
 * (card shape, colour and grey bars where the lines are; kind labels, icons and badges hidden), which
 * is far less to paint and raster at every zoom step. The words stay in the page, clipped rather than
 * hidden, so a note keeps its accessible name. The projector, the report and the PNG/SVG exports never
 * use it: they always draw every word.
 */
export type Detail = 'full' | 'far';

/** Body text below this height on screen (CSS px) is not readable: the map draws bars instead. */
export const FAR_BELOW_PX = 5;
/**
 * During a zoom gesture, words that are gone come back only above this height: the gap keeps a zoom
 * that hovers around the threshold (a trackpad's small steps) from switching the map back and forth.
 */
export const FULL_ABOVE_PX = 5.5;

/**
 * The detail to draw at `zoom`. In a gesture (`gesture`: the zoom changed a moment ago) it depends on
 * the detail drawn so far (hysteresis); otherwise (a first view, Fit, a zoom button) only on the zoom,
 * so the same view always looks the same however it was reached.
 */
export function detailAt(zoom: number, prev: Detail = 'full', gesture = false): Detail {
  const px = CARD_TEXT.body.size * zoom;
  if (gesture && prev === 'far') return px > FULL_ABOVE_PX ? 'full' : 'far';
  return px < FAR_BELOW_PX ? 'far' : 'full';
}
