import { useId, useState } from 'react';
import { X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { forgetSavedBoard, loadSavedBoards } from '../lib/saved-boards';
import { boardPath } from '../routing/route';
import { AppLink } from '../ui/app-link';

/** Boards this browser opened before, newest first, each with the key it was opened with. */
export function RecentBoards() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [boards, setBoards] = useState(loadSavedBoards);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section className="panel recent-boards" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('home.yourBoards')}</h2>
      {boards.length === 0 ? (
        <p className="hint">{t('home.noBoards')}</p>
      ) : (
        <ul className="board-list">
          {boards.map((b) => {
            const title = b.title || t('home.untitled');
            return (
              <li key={b.id}>
                <AppLink href={boardPath(b.id, b.token)} className="board-link">
                  <span className="board-link-title">{title}</span>
                  <span className="board-link-meta">
                    <span className={`badge role-${b.role}`}>{t(`roles.${b.role}`)}</span>
                    <span>{t('home.lastOpened', { date: date.format(b.lastOpened) })}</span>
                  </span>
                </AppLink>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('home.forget', { title })}
                  title={t('home.forget', { title })}
                  onClick={() => setBoards(forgetSavedBoard(b.id))}
                >
                  <X aria-hidden size={16} />
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
