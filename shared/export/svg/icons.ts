/**
 * Icons in an SVG export: each lucide icon used is defined once as a <symbol> and placed with <use>,
 * stroked in the colour of where it sits (lucide's look: no fill, round caps and joins).
 */
import { ICON_NODES } from './icon-nodes';
import { el } from './xml';

export class IconSet {
  private used = new Set<string>();

  /** `prefix` starts every id, so two drawings inlined in one HTML page do not share ids. */
  constructor(private readonly prefix = '') {}

  /** An icon of `size` px at (x, y), stroked `color`; an unknown name draws nothing. */
  place(name: string, x: number, y: number, size: number, color: string, strokeWidth = 2.25, opacity?: number): string {
    if (!Object.hasOwn(ICON_NODES, name)) return '';
    this.used.add(name);
    return el('use', { 'xlink:href': `#${this.prefix}i-${name}`, x, y, width: size, height: size, fill: 'none', stroke: color, 'stroke-width': strokeWidth, 'stroke-opacity': opacity });
  }

  /** The <symbol>s of the icons placed so far, for the file's <defs>. */
  defs(): string {
    return [...this.used]
      .map((name) =>
        el(
          'symbol',
          { id: `${this.prefix}i-${name}`, viewBox: '0 0 24 24', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' },
          ICON_NODES[name].map(([tag, a]) => el(tag, a)).join(''),
        ),
      )
      .join('');
  }
}
