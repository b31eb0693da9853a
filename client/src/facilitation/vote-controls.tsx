import { Minus, Plus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useCard } from '../store/board-store';
import { useCanEdit } from '../store/session-store';
import { moveDot } from './actions';
import { cardLabel } from './board-overlays';
import { useFacilitation, usedDots } from './facilitation-store';

/** Can I place dots on this card now: a vote is open, not revealed, and the card is in its lane. */
export function useCanVoteOn(id: string): boolean {
  const lane = useCard(id)?.lane;
  const canVote = useCanEdit();
  return useFacilitation((s) => !!s.vote && s.vote.open && !s.vote.revealed && (s.vote.lane === null || s.vote.lane === lane)) && canVote;
}

/**
 * − my dots + for the selected card, inside its action bar: drawn in screen space with 44 px buttons
 * whatever the zoom, beside the note rather than over its words. One card at a time, as in Miro: at
 * the zoom that shows the whole journey, buttons for every card could not fit without covering them.
 */
export function CardVoteControls({ id }: { id: string }) {
  const { t } = useTranslation();
  const card = useCard(id);
  const mine = useFacilitation((s) => s.myDots[id] ?? 0);
  const full = useFacilitation((s) => !!s.vote && usedDots(s) >= s.vote.dots);
  const label = cardLabel(card, t('facilitation.vote.untitled'));
  return (
    <div className={`card-vote${mine ? ' has-dots' : ''}`}>
      <button type="button" className="icon-button card-action" aria-label={t('facilitation.vote.removeDot', { card: label })} title={t('facilitation.vote.removeDot', { card: label })} disabled={!mine} onClick={() => moveDot(id, -1)}>
        <Minus aria-hidden size={18} />
      </button>
      <span className="card-vote-count" aria-live="polite">
        <span aria-hidden className="dot" />
        <span aria-hidden>{mine}</span>
        <span className="sr-only">{t('facilitation.vote.mine', { count: mine })}</span>
      </span>
      <button type="button" className="icon-button card-action" aria-label={t('facilitation.vote.addDot', { card: label })} title={t('facilitation.vote.addDot', { card: label })} disabled={full} onClick={() => moveDot(id, 1)}>
        <Plus aria-hidden size={18} />
      </button>
    </div>
  );
}
