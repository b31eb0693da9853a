import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { setInsightsOpen, useInsights } from './insights-store';
import type { InsightsMode } from './sections';
import { showCards } from './show-cards';
import { isPhone } from '../ui/phone';

/**
 * A piece of an insight that leads to the cards behind it. In the panel a button: the map selects the
 * first card, outlines them all and centres on them (on a phone the panel steps aside so the map shows).
 * On the projector and in the report, the same content without the button.
 */
export function CardLink({ mode, insightKey, ids, className, children }: { mode: InsightsMode; insightKey: string; ids: readonly string[]; className?: string; children: ReactNode }) {
  const { t } = useTranslation();
  const active = useInsights((s) => s.highlight?.key === insightKey);
  if (mode !== 'panel' || ids.length === 0) return <span className={`insight-link-static ${className ?? ''}`}>{children}</span>;
  return (
    <button
      type="button"
      className={`insight-link ${className ?? ''}${active ? ' is-active' : ''}`}
      title={t('insights.showCards', { count: ids.length })}
      data-insight-key={insightKey}
      onClick={() => {
        showCards(insightKey, ids);
        if (isPhone()) setInsightsOpen(false, { keepHighlight: true });
      }}
    >
      {children}
    </button>
  );
}

/** Says how many cards the last click outlined (a live region in the panel). */
export function HighlightStatus() {
  const { t } = useTranslation();
  const n = useInsights((s) => s.highlight?.ids.length ?? null);
  return (
    <p className="insights-status insights-shown" role="status">
      {n === null ? '' : n === 0 ? t('insights.noCards') : t('insights.shownCards', { count: n })}
    </p>
  );
}
