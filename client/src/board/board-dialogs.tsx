import { NameDialog } from '../presence/name-dialog';
import { ShareDialog } from '../share/share-dialog';
import { closeDialog, useUi } from '../store/ui-store';
import { ConfirmDeleteDialog, ConfirmRemoveAxisDialog } from './confirm-dialogs';
import { LostNoteNotice } from './lost-note-notice';
import { MoveCardDialog } from './move-card-dialog';

/** At most one dialog at a time, chosen by ui-store; and the notice of a note deleted while I typed. */
export function BoardDialogs() {
  return (
    <>
      <OneDialog />
      <LostNoteNotice />
    </>
  );
}

function OneDialog() {
  const dialog = useUi((s) => s.dialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'name':
      return <NameDialog onClose={closeDialog} />;
    case 'share':
      return <ShareDialog onClose={closeDialog} />;
    case 'move':
      return <MoveCardDialog cardId={dialog.cardId} onClose={closeDialog} />;
    case 'confirm-delete':
      return <ConfirmDeleteDialog cardId={dialog.cardId} editor={dialog.editor} onClose={closeDialog} />;
    case 'confirm-remove-axis':
      return <ConfirmRemoveAxisDialog axis={dialog.axis} id={dialog.id} onClose={closeDialog} />;
    default:
      return null;
  }
}
