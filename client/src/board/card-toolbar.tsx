import { Check, MessageSquareText, Move, Palette, Pencil, Trash, TrendingUp, UserRound } from 'lucide-react';
import { openTagCard } from '../personas/persona-actions';
import { usePersonas } from '../personas/persona-store';
import { openAnswer } from '../journey/answer-dialog';
import { useTranslation } from 'react-i18next';
import { CARD_COLORS } from '../../../shared/doc/schema';
import { recolorCard, startEditing } from '../sync/actions';
import { useBoard, useCard } from '../store/board-store';
import { useSession } from '../store/session-store';
import { isIdea } from '../../../shared/insights/ideas';
import { laneOf } from '../../../shared/insights/method-roles';
import { canSetEffect } from '../insights/clv-actions';
import { openEffect } from '../insights/idea-effect-dialog';
import { openDialog } from '../store/ui-store';
import { cardElement, removeCardKeepingFocus } from './focus';

const COLOR_NAMES = ['yellow', 'pink', 'blue', 'green', 'orange', 'purple', 'grey'] as const;

/** The selected note's own actions: edit, answer (questions), expected effect (ideas), colour, move, delete. Placed by card-actions-layer.tsx. */
export function CardToolbar({ id, colors, onColors }: { id: string; colors: boolean; onColors: (open: boolean) => void }) {
  const { t } = useTranslation();
  const card = useCard(id);
  const mayEffect = useSession((s) => canSetEffect(s, card));
  const ideasLane = useBoard((s) => laneOf(s.lanes, 'ideas'));
  const hasPersonas = usePersonas((s) => s.personas.length > 0);
  if (!card) return null;
  return (
    <>
      <button type="button" className="icon-button card-action" aria-label={t('card.edit')} title={t('card.edit')} onClick={() => startEditing(id)}>
        <Pencil aria-hidden size={18} />
      </button>
      {card.kind === 'question' && (
        <button type="button" className="icon-button card-action" aria-label={t('journey.question.edit')} title={t('journey.question.edit')} onClick={() => openAnswer(id)}>
          <MessageSquareText aria-hidden size={18} />
        </button>
      )}
      {mayEffect && isIdea(card, ideasLane) && (
        <button type="button" className="icon-button card-action" aria-label={t('insights.clv.effect.button')} title={t('insights.clv.effect.button')} onClick={() => openEffect(id)}>
          <TrendingUp aria-hidden size={18} />
        </button>
      )}
      {hasPersonas && (
        <button type="button" className="icon-button card-action" aria-label={t('personas.tag')} title={t('personas.tag')} onClick={() => openTagCard(id)}>
          <UserRound aria-hidden size={18} />
        </button>
      )}
      <button
        type="button"
        className="icon-button card-action"
        aria-label={t('card.color')}
        title={t('card.color')}
        aria-expanded={colors}
        onClick={() => onColors(!colors)}
      >
        <Palette aria-hidden size={18} />
      </button>
      <button type="button" className="icon-button card-action" aria-label={t('card.moveTo')} title={t('card.moveTo')} onClick={() => openDialog({ kind: 'move', cardId: id })}>
        <Move aria-hidden size={18} />
      </button>
      <button
        type="button"
        className="icon-button card-action danger"
        aria-label={t('card.delete')}
        title={t('card.delete')}
        onClick={() => {
          // Focus back on the note first, so it lands on its cell once the note is gone.
          cardElement(id)?.focus({ preventScroll: true });
          removeCardKeepingFocus(id);
        }}
      >
        <Trash aria-hidden size={18} />
      </button>
    </>
  );
}

/** The colour swatches, a row of 44 px targets above the actions. */
export function CardSwatches({ id }: { id: string }) {
  const { t } = useTranslation();
  const card = useCard(id);
  if (!card) return null;
  return (
    <div className="swatches" role="group" aria-label={t('card.colorGroup')}>
      {CARD_COLORS.map((c, i) => (
        <button
          key={c}
          type="button"
          className="swatch"
          style={{ background: c }}
          aria-label={t(`colors.${COLOR_NAMES[i]}`)}
          title={t(`colors.${COLOR_NAMES[i]}`)}
          aria-pressed={card.color === c}
          onClick={() => recolorCard(id, c)}
        >
          {card.color === c && <Check aria-hidden size={16} />}
        </button>
      ))}
    </div>
  );
}
