import { useMemo } from 'react';
import type { Locale } from '../../../shared/doc/schema';
import type { SheetPlan } from '../../../shared/export/sheet-plan';
import { writeSvg } from '../export/render-image';

/**
 * The report's map: the SVG export itself (shared/export/svg: rects, paths and <text>), inline in the
 * page and scaled to the page's width (report.css), so the printed PDF holds the same vector drawing as
 * the SVG file, with real, selectable text. Without the sheet's own header (the report has its title),
 * with the legend. Its ids are prefixed: the page must not share them with another drawing.
 */
export function ReportMap({ plan, title, locale, date, label }: { plan: SheetPlan; title: string; locale: Locale; date: Date; label: string }) {
  const svg = useMemo(
    () => writeSvg({ plan: { ...plan, header: false }, title, locale, date, legend: true }, undefined, 'report-map-').svg.replace(/^<\?xml[^>]*\?>\s*/, ''),
    [plan, title, locale, date],
  );
  return (
    <figure className="report-figure report-map-figure" role="img" aria-label={label}>
      {/* An image to assistive technology: its words are in the sections that follow. */}
      <div className="report-map-svg" aria-hidden="true" dangerouslySetInnerHTML={{ __html: svg }} />
    </figure>
  );
}
