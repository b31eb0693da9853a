import { useState } from 'react';
import { Check, MessageSquareText, Move, Palette, Pencil, Trash } from 'lucide-react';
import { openAnswer } from '../journey/answer-dialog';
import { useTranslation } from 'react-i18next';
import { CARD_COLORS } from '../../../shared/doc/schema';
import { recolorCard, startEditing } from '../sync/actions';
import { useCard } from '../store/board-store';
import { openDialog, useUi } from '../store/ui-store';
import { removeCardKeepingFocus } from './focus';

const COLOR_NAMES = ['yellow', 'pink', 'blue', 'green', 'orange', 'purple', 'grey'] as const;

/**
 * Actions for the selected note. It sits right after the note in the DOM (so Tab reaches it next) and
 * is counter-scaled, so it keeps its size on screen at any zoom.
 */
export function CardToolbar({ id, x, y }: { id: string; x: number; y: number }) {
  const { t } = useTranslation();
  const zoom = useUi((s) => s.camera.zoom);
  const card = useCard(id);
  const [colors, setColors] = useState(false);
  if (!card) return null;

  return (
    <div
      className="card-toolbar"
      role="group"
      aria-label={t('card.actions')}
      data-no-pan
      style={{ transform: `translate(${x}px, ${y}px) scale(${1 / zoom}) translateY(calc(-100% - 8px))` }}
    >
      <div className="card-toolbar-row">
        <button type="button" className="icon-button" aria-label={t('card.edit')} title={t('card.edit')} onClick={() => startEditing(id)}>
          <Pencil aria-hidden size={16} />
        </button>
        {card.kind === 'question' && (
          <button type="button" className="icon-button" aria-label={t('journey.question.edit')} title={t('journey.question.edit')} onClick={() => openAnswer(id)}>
            <MessageSquareText aria-hidden size={16} />
          </button>
        )}
        <button
          type="button"
          className="icon-button"
          aria-label={t('card.color')}
          title={t('card.color')}
          aria-expanded={colors}
          onClick={() => setColors(!colors)}
        >
          <Palette aria-hidden size={16} />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('card.moveTo')}
          title={t('card.moveTo')}
          onClick={() => openDialog({ kind: 'move', cardId: id })}
        >
          <Move aria-hidden size={16} />
        </button>
        <button type="button" className="icon-button danger" aria-label={t('card.delete')} title={t('card.delete')} onClick={() => removeCardKeepingFocus(id)}>
          <Trash aria-hidden size={16} />
        </button>
      </div>
      {colors && (
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
              {card.color === c && <Check aria-hidden size={14} />}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
