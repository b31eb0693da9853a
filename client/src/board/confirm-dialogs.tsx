import { useTranslation } from 'react-i18next';
import type { Axis } from '../../../shared/doc/schema';
import { cardsInAxis, removeAxisNow, removeCardNow } from '../sync/actions';
import { useBoard, useCard } from '../store/board-store';
import { ConfirmDialog } from '../ui/confirm-dialog';

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
