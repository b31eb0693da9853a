import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardData } from '../../../shared/doc/schema';
import { ideaEffectOf } from '../../../shared/insights/clv-board';
import { laneOf } from '../../../shared/insights/method-roles';
import { useBoard } from '../store/board-store';
import { BADGE_H, badgeCaps, badgeWidth } from './corner-badges';
import { useCanEdit } from '../store/session-store';
import { useFacilitation } from './facilitation-store';
import './facilitation.css';
import { invZoomStyle } from '../board/inv-zoom';

/**
 * Facilitation drawn on the map itself, in board units inside the one scaled layer: the stage
 * spotlight (the other stages dim), the lane the current agenda step works on, and dot votes on cards.
 * The buttons to place dots are not here: they sit in the selected card's action bar, in screen space
 * (vote-controls.tsx).
 */
export const FacilitationLayers = memo(function FacilitationLayers() {
  return (
    <>
      <AgendaLane />
      <SpotlightLayer />
      <VotesLayer />
    </>
  );
});

function SpotlightLayer() {
  const spotlight = useFacilitation((s) => s.spotlight);
  const columns = useBoard((s) => s.layout.columns);
  const height = useBoard((s) => s.layout.height);
  if (!spotlight || !columns.some((c) => c.id === spotlight)) return null;
  return (
    <div className="spotlight-layer" aria-hidden>
      {columns.map((col) => (
        <div
          key={col.id}
          className={col.id === spotlight ? 'spotlight-frame' : 'spotlight-dim'}
          data-stage={col.id}
          style={{ left: col.x, top: 0, width: col.w, height }}
        />
      ))}
    </div>
  );
}

function AgendaLane() {
  const lane = useFacilitation((s) => (s.agenda.current === null ? undefined : s.agenda.steps[s.agenda.current]?.lane));
  const row = useBoard((s) => s.layout.rows.find((r) => r.id === lane));
  const width = useBoard((s) => s.layout.width);
  if (!row) return null;
  return <div className="agenda-lane" data-lane={row.id} aria-hidden style={{ left: 0, top: row.y, width, height: row.h }} />;
}

function VotesLayer() {
  const vote = useFacilitation((s) => s.vote);
  const layout = useBoard((s) => s.layout);
  const cards = useBoard((s) => s.cards);
  if (!vote) return null;
  const ids = [...layout.cards.keys()].filter((id) => vote.lane === null || cards[id]?.lane === vote.lane);
  return (
    <div className="votes-layer" style={invZoomStyle()}>
      {ids.map((id) => {
        const r = layout.cards.get(id)!;
        return <CardDots key={id} id={id} x={r.x + r.w} y={r.y} w={r.w} />;
      })}
    </div>
  );
}

export function cardLabel(card: CardData | undefined, empty: string): string {
  const text = card?.text.trim().split('\n')[0] ?? '';
  if (!text) return empty;
  return text.length > 96 ? `${text.slice(0, 95)}…` : text;
}

/** Whether a card shows a dots badge (corner-badges.ts shares its top edge with an idea's effect). */
export function useShowsDots(id: string): boolean {
  const canVote = useCanEdit();
  return useFacilitation((s) => (s.vote?.revealed ? (s.totals[id] ?? 0) > 0 : !!s.vote?.open && canVote && (s.myDots[id] ?? 0) > 0));
}

/**
 * One card's dots, a badge on its top right corner that keeps its screen size while it fits its share
 * of the card and the band between it and the card above (corner-badges.ts): mine while the vote is open (read as "Your dots here: 2"), everyone's
 * total once it is revealed. Not a control.
 */
const CardDots = memo(function CardDots({ id, x, y, w }: { id: string; x: number; y: number; w: number }) {
  const { t } = useTranslation();
  const revealed = useFacilitation((s) => !!s.vote?.revealed);
  const open = useFacilitation((s) => !!s.vote?.open);
  const mine = useFacilitation((s) => s.myDots[id] ?? 0);
  const total = useFacilitation((s) => s.totals[id] ?? 0);
  const canVote = useCanEdit();
  const hasEffect = useBoard((s) => {
    const card = s.cards[id];
    return !!card && card.effect !== undefined && !!ideaEffectOf(card, laneOf(s.lanes, 'ideas'));
  });
  const label = t('facilitation.vote.total', { count: total });
  const natural = revealed ? badgeWidth.total(label) : badgeWidth.mine(mine);
  const cap = badgeCaps(w, natural, hasEffect ? 1 : null, revealed ? BADGE_H.total : BADGE_H.mine).dots;
  const style = { left: x, top: y, '--cap': cap } as React.CSSProperties;

  if (revealed) {
    if (!total) return null;
    return (
      <span className="dot-total" data-card-id-dots={id} style={style}>
        <span className="dot" aria-hidden />
        {label}
      </span>
    );
  }
  if (!open || !canVote) return null;
  return (
    <span className={`dot-mine${mine ? ' has-dots' : ''}`} data-card-id-dots={id} style={style}>
      <span aria-hidden className="dot-pips">
        {Array.from({ length: Math.min(mine, 5) }, (_, i) => (
          <span key={i} className="dot" />
        ))}
        {mine > 5 && `+${mine - 5}`}
      </span>
      <span className="sr-only">{t('facilitation.vote.mine', { count: mine })}</span>
    </span>
  );
});
