import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { placeCard } from '../sync/actions';
import { useBoard, useCard } from '../store/board-store';
import { Modal } from '../ui/modal';

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
        <div className="field">
          <label htmlFor={ids.stage}>{t('move.stage')}</label>
          <select id={ids.stage} className="select" value={stage} onChange={(e) => setStage(e.target.value)}>
            {stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.lane}>{t('move.lane')}</label>
          <select id={ids.lane} className="select" value={lane} onChange={(e) => setLane(e.target.value)}>
            {lanes.map((l) => (
              <option key={l.id} value={l.id}>
                {l.title}
              </option>
            ))}
          </select>
        </div>
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
