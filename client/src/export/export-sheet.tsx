import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/doc/schema';
import { KIND_STYLE } from '../../../shared/decks/kind-style';
import { cardIcon } from '../decks/deck-icons';
import { MOMENT_ICONS } from '../journey/moment-marker';
import { MOMENT_IDS, momentOf } from '../journey/moments';
import { ValenceBadge } from '../journey/valence-badge';
import { longDate } from './board-language';
import { SHEET_PAD, type SheetPlan } from './sheet-plan';
import { StaticMap } from './static-map';
import './export.css';

export interface SheetProps {
  plan: SheetPlan;
  title: string;
  locale: Locale;
  date: Date;
  legend: boolean;
  /** The report has its own title: it draws the map without the sheet's header. */
  header?: boolean;
}

/**
 * The map sheet of the printed report, as HTML: the board's title and the date, the map, optionally a
 * legend. The PNG and SVG exports do not use it any more: they draw the same content as true vector SVG
 * (shared/export/svg, written without a DOM). Kept for the report, which prints this sheet.
 */
export function ExportSheet({ plan, title, locale, date, legend, header = plan.header }: SheetProps) {
  const { t } = useTranslation();
  const pad = plan.scope === 'selection' ? SHEET_PAD / 2 : SHEET_PAD;
  return (
    <div className={`export-sheet scope-${plan.scope}`} lang={locale} style={{ width: plan.view.w + pad * 2, padding: pad }}>
      {header && (
        <header className="export-header">
          <div className="export-title-block">
            <h1 className="export-title" dir="auto">
              {title || t('home.untitled')}
            </h1>
            {plan.stageTitle && (
              <p className="export-subtitle" dir="auto">
                {t('export.image.stageLabel')}: {plan.stageTitle}
              </p>
            )}
          </div>
          <p className="export-date">{t('export.sheet.exported', { date: longDate(locale, date) })}</p>
        </header>
      )}
      <StaticMap plan={plan} />
      {legend && <Legend plan={plan} />}
    </div>
  );
}

function Legend({ plan }: { plan: SheetPlan }) {
  const { t } = useTranslation();
  const kinds = [...new Set(plan.cards.filter((c) => !momentOf(c)).map((c) => c.kind))]
    .filter((k) => Object.hasOwn(KIND_STYLE, k))
    .sort((a, b) => Object.keys(KIND_STYLE).indexOf(a) - Object.keys(KIND_STYLE).indexOf(b));
  if (kinds.length === 0) kinds.push('note');
  return (
    <section className="export-legend" aria-label={t('export.sheet.legend')}>
      <h2 className="export-legend-title">{t('export.sheet.legend')}</h2>
      <div className="export-legend-group">
        <h3>{t('export.sheet.cards')}</h3>
        <ul>
          {kinds.map((kind) => {
            const Icon = cardIcon(undefined, kind);
            return (
              <li key={kind} className="export-legend-kind">
                <span className="export-swatch" style={{ background: KIND_STYLE[kind as keyof typeof KIND_STYLE].color }}>
                  <Icon aria-hidden size={13} strokeWidth={2.25} />
                </span>
                {t(`decks.kinds.${kind}` as 'decks.kinds.note')}
              </li>
            );
          })}
        </ul>
      </div>
      <div className="export-legend-group">
        <h3>{t('export.sheet.moments')}</h3>
        <ul>
          {MOMENT_IDS.map((m) => {
            const Icon = MOMENT_ICONS[m];
            return (
              <li key={m} className={`export-legend-moment moment-${m}`}>
                <Icon aria-hidden size={14} strokeWidth={2.25} />
                {t(`journey.moments.${m}.name`)}
              </li>
            );
          })}
        </ul>
      </div>
      <div className="export-legend-group">
        <h3>{t('export.sheet.emotions')}</h3>
        <ul>
          {[-2, -1, 0, 1, 2].map((v) => (
            <li key={v}>
              <ValenceBadge value={v} />
            </li>
          ))}
        </ul>
        {plan.curve && <p className="export-legend-curve">{t('journey.curve.legend')}</p>}
      </div>
    </section>
  );
}

