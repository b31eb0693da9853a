import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeckStatus } from './deck-status';
import type { Deck, DeckCard } from '../../../shared/decks/deck-schema';
import { useBoard } from '../store/board-store';
import { Modal } from '../ui/modal';
import { useUiLocale } from '../journey/use-ui-locale';
import { dealCard } from './deck-actions';
import { kindColor } from './kind-color';
import { AxisSelect } from '../ui/axis-select';

interface Props {
  deck: Deck;
  card: DeckCard;
  onClose(): void;
  /** Called with the sentence to announce once the card is on the map. */
  onAdded(status: DeckStatus): void;
}

/**
 * "Add to…": the non-drag way to deal a card, a stage and a lane chosen from two lists. Starts on the
 * card's suggested stage and lane when the board has them (emotions go to the Emotions lane).
 */
export function AddToDialog({ deck, card, onClose, onAdded }: Props) {
  const { t } = useTranslation();
  const lang = useUiLocale();
  const stages = useBoard((s) => s.stages);
  const lanes = useBoard((s) => s.lanes);
  const ids = { stage: useId(), lane: useId() };
  const [stage, setStage] = useState(() => stages.find((s) => s.id === card.stage)?.id ?? stages[0]?.id ?? '');
  const [lane, setLane] = useState(() => lanes.find((l) => l.id === card.lane)?.id ?? lanes[0]?.id ?? '');
  const title = card.title[lang];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!stage || !lane) return;
    const id = dealCard(deck, card, { stage, lane });
    if (id) {
      const where = { stage: stages.find((s) => s.id === stage)?.title ?? stage, lane: lanes.find((l) => l.id === lane)?.title ?? lane };
      onAdded((tr, l) => tr('decks.addTo.added', { card: card.title[l], ...where }));
    }
    onClose();
  };

  return (
    <Modal title={t('decks.addTo.title', { card: title })} onClose={onClose} className="add-to-dialog">
      <p className="add-to-preview" style={{ background: kindColor(card) }}>
        <strong>{title}</strong>
        {card.text && <span>{card.text[lang]}</span>}
      </p>
      <form onSubmit={submit} className="move-form">
        <AxisSelect id={ids.stage} label={t('decks.addTo.stage')} value={stage} items={stages} onChange={setStage} />
        <AxisSelect id={ids.lane} label={t('decks.addTo.lane')} value={lane} items={lanes} onChange={setLane} />
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={!stage || !lane}>
            {t('decks.addTo.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
