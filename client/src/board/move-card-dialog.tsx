import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { placeCard } from '../sync/actions';
import { useBoard, useCard } from '../store/board-store';
import { Modal } from '../ui/modal';
import { AxisSelect } from '../ui/axis-select';

/** "Move to…": the keyboard- and screen-reader-friendly alternative to dragging a note. */
export function MoveCardDialog({ cardId, onClose }: { cardId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const card = useCard(cardId);
  const stages = useBoard((s) => s.stages);
  const lanes = useBoard((s) => s.lanes);
  const ids = { stage: useId(), lane: useId() };
  const [stage, setStage] = useState(() => (stages.some((s) => s.id === card?.stage) ? card!.stage : (stages[0]?.id ?? '')));
  const [lane, setLane] = useState(() => (lanes.some((l) => l.id === card?.lane) ? card!.lane : (lanes[0]?.id ?? '')));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (card && stage && lane && (card.stage !== stage || card.lane !== lane)) placeCard(cardId, { stage, lane });
    onClose();
  };

  return (
    <Modal title={t('move.title')} onClose={onClose}>
      {card && <p className="move-preview">{card.text.trim() || t('card.empty')}</p>}
      <form onSubmit={submit} className="move-form">
        <AxisSelect id={ids.stage} label={t('move.stage')} value={stage} items={stages} onChange={setStage} />
        <AxisSelect id={ids.lane} label={t('move.lane')} value={lane} items={lanes} onChange={setLane} />
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={!card}>
            {t('move.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
