import { useId, useState } from 'react';
import { BookOpen } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { createBoardFrom, ImportError } from './import-board';
import { loadTemplate } from './load-template';

/**
 * "See a finished map" on the home page: the worked example (shared/templates/example.ts) in the
 * reader's language becomes a new board of their own (fresh links, opened as its facilitator), never
 * a shared demo board that strangers would edit together.
 */
export function WorkedExample() {
  const { t, i18n } = useTranslation();
  const ids = { heading: useId(), intro: useId() };
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const open = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const [example, { boardFromTemplate }] = await Promise.all([
        loadTemplate('example', i18n.language?.startsWith('it') ? 'it' : 'en'),
        import('../../../shared/templates/template-board'),
      ]);
      await createBoardFrom(boardFromTemplate(example, '', Date.now()));
    } catch (err) {
      const reason = err instanceof ImportError && err.failure.kind === 'failed' ? err.failure.reason : err instanceof Error ? err.message : String(err);
      setFailure(reason);
      setBusy(false);
    }
  };

  return (
    <section className="panel worked-example" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('templates.example.heading')}</h2>
      <p id={ids.intro} className="hint">
        {t('templates.example.intro')}
      </p>
      <button type="button" className="button button-primary" aria-describedby={ids.intro} disabled={busy} onClick={() => void open()}>
        <BookOpen aria-hidden size={18} />
        {busy ? t('templates.example.opening') : t('templates.example.open')}
      </button>
      <p className="hint">{t('templates.example.own')}</p>
      <div role="alert">{failure && <p className="error-text">{t('templates.example.failed', { reason: failure })}</p>}</div>
    </section>
  );
}
