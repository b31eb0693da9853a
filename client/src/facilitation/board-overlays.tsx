import { memo } from 'react';
import { Minus, Plus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { GEOMETRY } from '../../../shared/layout';
import type { CardData } from '../../../shared/doc/schema';
import { useBoard, useCard } from '../store/board-store';
import { useCanEdit } from '../store/session-store';
import { moveDot } from './actions';
import { useFacilitation, usedDots } from './facilitation-store';
import './facilitation.css';

/**
 * Facilitation drawn on the map itself, in board units inside the one scaled layer: the stage
 * spotlight (the other stages dim), the lane the current agenda step works on, and dot votes on cards.
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
    <div className="votes-layer">
      {ids.map((id) => {
        const r = layout.cards.get(id)!;
        return <CardDots key={id} id={id} x={r.x} y={r.y} h={r.h} />;
      })}
    </div>
  );
}

export function cardLabel(card: CardData | undefined, empty: string): string {
  const text = card?.text.trim().split('\n')[0] ?? '';
  if (!text) return empty;
  return text.length > 48 ? `${text.slice(0, 47)}…` : text;
}

/** One card's dots: mine with − and + while the vote is open, everyone's total once it is revealed. */
const CardDots = memo(function CardDots({ id, x, y, h }: { id: string; x: number; y: number; h: number }) {
  const { t } = useTranslation();
  const card = useCard(id);
  const revealed = useFacilitation((s) => !!s.vote?.revealed);
  const open = useFacilitation((s) => !!s.vote?.open);
  const mine = useFacilitation((s) => s.myDots[id] ?? 0);
  const total = useFacilitation((s) => s.totals[id] ?? 0);
  const full = useFacilitation((s) => !!s.vote && usedDots(s) >= s.vote.dots);
  const canVote = useCanEdit();
  // At the card's bottom-right corner; cards are as tall as their text (shared/card-layout).
  const style = { left: x + GEOMETRY.cardW, top: y + h };

  if (revealed) {
    if (!total) return null;
    return (
      <span className="dot-total" data-card-id-dots={id} style={style}>
        <span className="dot" aria-hidden />
        {t('facilitation.vote.total', { count: total })}
      </span>
    );
  }
  if (!open || !canVote) return null;
  const label = cardLabel(card, t('facilitation.vote.untitled'));
  return (
    <div className={`dot-controls${mine ? ' has-dots' : ''}`} data-card-id-dots={id} style={style} data-no-pan>
      <button type="button" className="dot-button" aria-label={t('facilitation.vote.removeDot', { card: label })} disabled={!mine} onClick={() => moveDot(id, -1)}>
        <Minus aria-hidden size={14} />
      </button>
      <span className="dot-mine">
        <span aria-hidden className="dot-pips">
          {Array.from({ length: Math.min(mine, 5) }, (_, i) => (
            <span key={i} className="dot" />
          ))}
          {mine > 5 && `+${mine - 5}`}
        </span>
        <span className="sr-only">{t('facilitation.vote.mine', { count: mine })}</span>
      </span>
      <button type="button" className="dot-button" aria-label={t('facilitation.vote.addDot', { card: label })} disabled={full} onClick={() => moveDot(id, 1)}>
        <Plus aria-hidden size={14} />
      </button>
    </div>
  );
});
