import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { ideaEffectOf } from '../../../shared/insights/clv-board';
import { laneOf } from '../../../shared/insights/method-roles';
import { useUiLocale } from '../journey/use-ui-locale';
import { useBoard } from '../store/board-store';
import { badgeCaps, badgeWidth } from '../facilitation/corner-badges';
import { useShowsDots } from '../facilitation/board-overlays';
import { formatSignedPct } from './clv-format';
import './clv.css';
import { invZoomStyle } from '../board/inv-zoom';

/**
 * Each idea's expected effect as a small badge just above its top left corner ("+10 %"), so the team
 * sees on the map which ideas carry one. In board units inside the scaled layer, at screen size like
 * the vote dots on the top right corner while both fit the card's width (corner-badges.ts); not a
 * control (the card's toolbar opens the editor).
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
    badges.push(<EffectBadge key={card.id} id={card.id} x={r.x} y={r.y} w={r.w} pct={formatSignedPct(e.pct, lang)} lever={t(`insights.clv.lever.${e.lever}`)} />);
  }
  return badges.length ? (
    <div className="idea-effects-layer" style={invZoomStyle()}>
      {badges}
    </div>
  ) : null;
});

function EffectBadge({ id, x, y, w, pct, lever }: { id: string; x: number; y: number; w: number; pct: string; lever: string }) {
  const { t } = useTranslation();
  const dots = useShowsDots(id);
  const cap = badgeCaps(w, dots ? 1 : null, badgeWidth.effect(pct)).effect;
  return (
    <span className="idea-effect-badge" data-effect-for={id} style={{ left: x, top: y, ['--cap' as string]: cap }}>
      <span aria-hidden>{pct}</span>
      <span className="sr-only">{t('insights.clv.effect.badge', { effect: t('insights.clv.ideas.effect', { pct, lever }) })}</span>
    </span>
  );
}
