import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Axis } from '../../../shared/doc/schema';
import { cardsInAxis, removeAxisNow, removeCardNow } from '../sync/actions';
import { useBoard, useCard } from '../store/board-store';
import { Modal } from '../ui/modal';

/**
 * A question before a destructive action: Cancel (focused, the safe choice) and a danger button that
 * closes the dialog and acts; the danger button is disabled once its target is gone.
 */
function ConfirmDialog(props: { title: string; children: ReactNode; confirm: string; gone: boolean; onConfirm: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal title={props.title} onClose={props.onClose}>
      {props.children}
      <div className="modal-actions">
        <button type="button" className="button" onClick={props.onClose} autoFocus>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="button button-danger"
          disabled={props.gone}
          onClick={() => {
            props.onClose();
            props.onConfirm();
          }}
        >
          {props.confirm}
        </button>
      </div>
    </Modal>
  );
}

/** "Sam is editing this note": deleting a note someone else is typing in asks first. */
export function ConfirmDeleteDialog({ cardId, editor, onClose }: { cardId: string; editor: string; onClose: () => void }) {
  const { t } = useTranslation();
  const card = useCard(cardId);
  return (
    <ConfirmDialog title={t('notices.confirmDelete.title')} confirm={t('notices.confirmDelete.confirm')} gone={!card} onConfirm={() => removeCardNow(cardId)} onClose={onClose}>
      <p>{t('notices.confirmDelete.body', { name: editor })}</p>
      {card && <p className="move-preview">{card.text.trim() || t('card.empty')}</p>}
    </ConfirmDialog>
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
    <ConfirmDialog
      title={t(axis === 'stages' ? 'notices.removeAxis.stageTitle' : 'notices.removeAxis.laneTitle', { title })}
      confirm={t('notices.removeAxis.confirm')}
      gone={!item}
      onConfirm={() => removeAxisNow(axis, id)}
      onClose={onClose}
    >
      <p>{t('notices.removeAxis.body', { count })}</p>
    </ConfirmDialog>
  );
}
