import { useTranslation } from 'react-i18next';
import type { Axis } from '../../../shared/doc/schema';
import { cardsInAxis, removeAxisNow, removeCardNow } from '../sync/actions';
import { useBoard, useCard } from '../store/board-store';
import { Modal } from '../ui/modal';

/** "Sam is editing this note": deleting a note someone else is typing in asks first. */
export function ConfirmDeleteDialog({ cardId, editor, onClose }: { cardId: string; editor: string; onClose: () => void }) {
  const { t } = useTranslation();
  const card = useCard(cardId);
  return (
    <Modal title={t('notices.confirmDelete.title')} onClose={onClose}>
      <p>{t('notices.confirmDelete.body', { name: editor })}</p>
      {card && <p className="move-preview">{card.text.trim() || t('card.empty')}</p>}
      <div className="modal-actions">
        <button type="button" className="button" onClick={onClose} autoFocus>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="button button-danger"
          disabled={!card}
          onClick={() => {
            onClose();
            removeCardNow(cardId);
          }}
        >
          {t('notices.confirmDelete.confirm')}
        </button>
      </div>
    </Modal>
  );
}

/** Removing a stage or lane that holds cards says how many, and that they are kept. */
export function ConfirmRemoveAxisDialog({ axis, id, onClose }: { axis: Axis; id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const item = useBoard((s) => s[axis].find((i) => i.id === id));
  // Re-counted on every board change: someone may add or move cards while the question is open.
  const count = useBoard(() => cardsInAxis(axis, id));
  const title = item?.title ?? '';
  return (
    <Modal title={t(axis === 'stages' ? 'notices.removeAxis.stageTitle' : 'notices.removeAxis.laneTitle', { title })} onClose={onClose}>
      <p>{t('notices.removeAxis.body', { count })}</p>
      <div className="modal-actions">
        <button type="button" className="button" onClick={onClose} autoFocus>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="button button-danger"
          disabled={!item}
          onClick={() => {
            onClose();
            removeAxisNow(axis, id);
          }}
        >
          {t('notices.removeAxis.confirm')}
        </button>
      </div>
    </Modal>
  );
}
