import { useTranslation } from 'react-i18next';
import { restoreCard, startEditing } from '../sync/actions';
import { setUi, useUi } from '../store/ui-store';
import './lost-note-notice.css';

/**
 * Tells whoever was typing in a note that someone deleted it ("Ana deleted this note"), shows the text
 * they had, and offers to put the note back with that text, where it was.
 */
export function LostNoteNotice() {
  const { t } = useTranslation();
  const lost = useUi((s) => s.lostEdit);
  return (
    <div className="lost-note" role="alert">
      {lost && (
        <div className="lost-note-box">
          <p className="lost-note-title">{lost.by ? t('notices.lostEdit.byName', { name: lost.by }) : t('notices.lostEdit.bySomeone')}</p>
          {lost.card.text.trim() && (
            <>
              <p className="lost-note-text">{lost.card.text}</p>
              <p className="lost-note-hint">{t('notices.lostEdit.hint')}</p>
            </>
          )}
          <div className="lost-note-actions">
            <button type="button" className="button" onClick={() => setUi({ lostEdit: null })}>
              {t('notices.lostEdit.dismiss')}
            </button>
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                setUi({ lostEdit: null });
                const id = restoreCard(lost.card);
                if (id) startEditing(id);
              }}
            >
              {t('notices.lostEdit.restore')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
