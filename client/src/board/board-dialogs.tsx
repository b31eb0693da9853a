import { NameDialog } from '../presence/name-dialog';
import { ShareDialog } from '../share/share-dialog';
import { closeDialog, useUi } from '../store/ui-store';
import { MoveCardDialog } from './move-card-dialog';

/** At most one dialog at a time, chosen by ui-store. */
export function BoardDialogs() {
  const dialog = useUi((s) => s.dialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'name':
      return <NameDialog onClose={closeDialog} />;
    case 'share':
      return <ShareDialog onClose={closeDialog} />;
    case 'move':
      return <MoveCardDialog cardId={dialog.cardId} onClose={closeDialog} />;
    default:
      return null;
  }
}
