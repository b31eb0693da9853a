import { useId, useState, type FormEvent } from 'react';
import { Plus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { MAX_TITLE_LENGTH, type Locale } from '../../../shared/doc/schema';
import { createBoard } from '../lib/api';
import { saveBoard } from '../lib/saved-boards';
import { boardPath } from '../routing/route';
import { navigate } from '../routing/navigate';
import type { Backup } from '../../../shared/backup/backup-schema';
import { createBoardFrom, ImportError } from '../templates/import-board';
import { loadTemplate } from '../templates/load-template';
import { StartFrom, type FileFailure, type StartChoice } from '../templates/start-from';

/**
 * Creates a board on the server and opens it with the facilitator's link: the blank map through
 * POST /api/boards, a template or a template file through the backup import (templates/import-board.ts).
 */
export function NewBoardForm() {
  const { t, i18n } = useTranslation();
  const ids = { heading: useId(), title: useId(), hint: useId() };
  const [title, setTitle] = useState('');
  const [locale, setLocale] = useState<Locale>(i18n.language === 'en' ? 'en' : 'it');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(false);
  const [start, setStart] = useState<StartChoice>('blank');
  const [file, setFile] = useState<Backup | null>(null);
  const [fileFailure, setFileFailure] = useState<FileFailure | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(false);
    if (start !== 'blank') return void fromTemplate();
    setBusy(true);
    try {
      const res = await createBoard({ title, locale });
      saveBoard({
        id: res.id,
        title: title.trim(),
        role: 'facilitator',
        token: res.tokens.facilitator,
        links: res.tokens,
        lastOpened: Date.now(),
      });
      navigate(boardPath(res.id, res.tokens.facilitator));
    } catch {
      setError(true);
      setBusy(false);
    }
  };

  const fromTemplate = async () => {
    if (start === 'file' && !file) return setFileFailure({ kind: 'needed' });
    setBusy(true);
    setFileFailure(null);
    try {
      const [template, { boardFromTemplate }] = await Promise.all([
        start === 'file' ? file! : loadTemplate(start, locale),
        import('../../../shared/templates/template-board'),
      ]);
      await createBoardFrom(boardFromTemplate(template, title, Date.now()));
    } catch (err) {
      if (err instanceof ImportError && start === 'file') setFileFailure(err.failure);
      else setError(true);
      setBusy(false);
    }
  };

  return (
    <section className="panel new-board" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('home.newBoard')}</h2>
      <form onSubmit={submit} className="new-board-form">
        <div className="field">
          <label htmlFor={ids.title}>{t('home.titleLabel')}</label>
          <input
            id={ids.title}
            className="input"
            value={title}
            maxLength={MAX_TITLE_LENGTH}
            placeholder={t('home.titlePlaceholder')}
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        {start !== 'file' && (
          <fieldset className="field locale-field" aria-describedby={ids.hint}>
            <legend className="field-label">{t('home.contentLanguage')}</legend>
            <div className="segmented">
              {(['it', 'en'] as const).map((l) => (
                <label key={l} className={locale === l ? 'is-checked' : undefined}>
                  <input type="radio" name="locale" value={l} checked={locale === l} onChange={() => setLocale(l)} />
                  <span lang={l}>{t(`language.${l}`)}</span>
                </label>
              ))}
            </div>
            <p id={ids.hint} className="hint">
              {t('home.contentLanguageHint')}
            </p>
          </fieldset>
        )}
        <StartFrom
          choice={start}
          onChoice={(c) => {
            setStart(c);
            setFileFailure(null);
          }}
          locale={locale}
          file={file}
          onFile={setFile}
          fileFailure={fileFailure}
          onFileFailure={setFileFailure}
          disabled={busy}
        />
        {error && (
          <p className="error-text" role="alert">
            {t('home.createFailed')}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={busy}>
          <Plus aria-hidden size={18} />
          {busy ? t('home.creating') : t('home.create')}
        </button>
      </form>
    </section>
  );
}
