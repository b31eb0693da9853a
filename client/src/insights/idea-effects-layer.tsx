import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { ideaEffectOf } from '../../../shared/insights/clv-board';
import { laneOf } from '../../../shared/insights/method-roles';
import { useUiLocale } from '../journey/use-ui-locale';
import { useBoard } from '../store/board-store';
import { formatSignedPct } from './clv-format';
import './clv.css';

/**
 * Each idea's expected effect as a small badge on its bottom left corner ("+10 %"), so the team sees on
 * the map which ideas carry one. In board units inside the scaled layer, at screen size like the vote
 * dots; not a control (the card's toolbar opens the editor).
 */
export const IdeaEffectsLayer = memo(function IdeaEffectsLayer() {
  const { t } = useTranslation();
  const lang = useUiLocale();
  const cards = useBoard((s) => s.cards);
  const rects = useBoard((s) => s.layout.cards);
  const ideasLane = useBoard((s) => laneOf(s.lanes, 'ideas'));
  const badges = [];
  for (const card of Object.values(cards)) {
    if (card.effect === undefined) continue;
    const e = ideaEffectOf(card, ideasLane);
    const r = e && rects.get(card.id);
    if (!e || !r) continue;
    const pct = formatSignedPct(e.pct, lang);
    badges.push(
      <span key={card.id} className="idea-effect-badge" data-effect-for={card.id} style={{ left: r.x, top: r.y + r.h }}>
        <span aria-hidden>{pct}</span>
        <span className="sr-only">{t('insights.clv.effect.badge', { effect: t('insights.clv.ideas.effect', { pct, lever: t(`insights.clv.lever.${e.lever}`) }) })}</span>
      </span>,
    );
  }
  return badges.length ? <div className="idea-effects-layer">{badges}</div> : null;
});
