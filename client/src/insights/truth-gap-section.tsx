import { useMemo } from 'react';
import { TriangleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { formatValence } from '../../../shared/decks/emotion-curve';
import { firstLine } from '../../../shared/insights/board';
import { truthGap, type TruthGap } from '../../../shared/insights/truth-gap';
import { ValenceBadge } from '../journey/valence-badge';
import { CardLink } from './card-link';
import { InsightFrame } from './insight-frame';
import type { InsightSectionProps } from './sections';
import { decimalSeparator, useInsightBoard } from './use-insight-board';

/** Promise against experience around the Moment of Truth, the cards that pull it down, ideas "3 of 5". */
export function TruthGapSection({ mode }: InsightSectionProps) {
  const { t, i18n } = useTranslation();
  const board = useInsightBoard();
  const r = useMemo(() => truthGap(board), [board]);
  const sep = decimalSeparator(i18n.language);
  const v = (x: number | null) => (x === null ? t('insights.truthGap.noData') : formatValence(x, sep));
  const titles = (side: TruthGap['promise']) => side.stages.map((s) => s.title).join(', ');
  const verdict =
    r.gap === null ? null : r.flagged ? t('insights.truthGap.flagged') : r.gap < 0 ? t('insights.truthGap.below') : t('insights.truthGap.kept');

  return (
    <InsightFrame id="truth-gap" title={t('insights.truthGap.title')} mode={mode}>
      {mode === 'panel' && <p className="hint">{t('insights.truthGap.intro')}</p>}
      {r.status === 'no-passage' ? (
        <p className="insight-empty">{t('insights.truthGap.noPassage')}</p>
      ) : (
        <>
          <div className={`truth-figures${r.flagged ? ' is-flagged' : ''}`}>
            <CardLink mode={mode} insightKey="truth-gap:promise" ids={r.promise.cardIds} className="truth-figure">
              <span className="truth-figure-label">{t('insights.truthGap.promise')}</span>
              <span className="truth-figure-value" data-value={r.promise.median ?? ''}>
                {v(r.promise.median)}
              </span>
              <span className="truth-figure-where">{titles(r.promise)}</span>
            </CardLink>
            <CardLink mode={mode} insightKey="truth-gap:experience" ids={r.experience.cardIds} className="truth-figure">
              <span className="truth-figure-label">{t('insights.truthGap.experience')}</span>
              <span className="truth-figure-value" data-value={r.experience.median ?? ''}>
                {v(r.experience.median)}
              </span>
              <span className="truth-figure-where">{titles(r.experience)}</span>
            </CardLink>
            <div className="truth-figure truth-gap-figure">
              <span className="truth-figure-label">{t('insights.truthGap.gap')}</span>
              <span className="truth-figure-value" data-gap={r.gap ?? ''}>
                {r.flagged && <TriangleAlert aria-hidden className="truth-flag-icon" />}
                {v(r.gap)}
              </span>
            </div>
          </div>
          {r.status === 'no-promise' && <p className="insight-empty">{t('insights.truthGap.noPromise', { stages: titles(r.promise) })}</p>}
          {r.status === 'no-experience' && <p className="insight-empty">{t('insights.truthGap.noExperience', { stages: titles(r.experience) })}</p>}
          {verdict && <p className={`truth-verdict${r.flagged ? ' is-flagged' : ''}`}>{verdict}</p>}
        </>
      )}
      <div className="insight-row">
        {r.status !== 'no-passage' && r.pullingDown.length > 0 && (
          <div className="insight-sub">
            <h4>{t('insights.truthGap.pulling')}</h4>
            <ul className="insight-list">
              {r.pullingDown.map((p) => {
                const card = board.byId[p.cardId];
                const stage = board.stages.find((s) => s.id === p.stageId)?.title ?? '';
                return (
                  <li key={p.cardId}>
                    <CardLink mode={mode} insightKey={`truth-gap:card:${p.cardId}`} ids={[p.cardId]} className="pull-card">
                      <ValenceBadge value={p.valence} />
                      <span className="pull-text" dir="auto">
                        {firstLine(card?.text ?? '') || '—'}
                      </span>
                      <span className="pull-where">{t(p.side === 'promise' ? 'insights.truthGap.pullPromise' : 'insights.truthGap.pullExperience', { stage })}</span>
                    </CardLink>
                  </li>
                );
              })}
            </ul>
          </div>
        )}
        {r.ideas.stageId !== null && (
          <div className="insight-sub">
            <h4>{t('insights.truthGap.ideas')}</h4>
            <CardLink mode={mode} insightKey="truth-gap:ideas" ids={r.ideas.cardIds} className="ideas-count">
              <span className="ideas-count-value" data-count={r.ideas.count}>
                {t('insights.truthGap.ideasCount', { count: r.ideas.count, target: r.ideas.target })}
              </span>
              <span className="ideas-meter" aria-hidden>
                {Array.from({ length: Math.max(r.ideas.target, r.ideas.count) }, (_, i) => (
                  <span key={i} className={i < r.ideas.count ? 'is-on' : undefined} />
                ))}
              </span>
            </CardLink>
            <p className="hint">
              {r.ideas.count >= r.ideas.target
                ? t('insights.truthGap.ideasDone')
                : t('insights.truthGap.ideasHint', { stage: board.stages.find((s) => s.id === r.ideas.stageId)?.title ?? '' })}
            </p>
          </div>
        )}
      </div>
    </InsightFrame>
  );
}
