import { useEffect, useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backup } from '../../../shared/backup/backup-schema';
import type { Locale } from '../../../shared/doc/schema';
import { TEMPLATE_IDS, type TemplateId } from '../../../shared/templates/template-ids';
import { problemText } from '../export/backup-problem';
import type { ImportFailure } from './import-board';
import { loadTemplate } from './load-template';
import { TemplatePreview } from './template-preview';

export type StartChoice = TemplateId | 'file';

/** A template file's refusal, before or after the upload. */
export type FileFailure = ImportFailure | { kind: 'deck' } | { kind: 'needed' };

/** Loaded on demand: the schema (zod) is not needed to show the home page. */
const loadBackupCode = () => Promise.all([import('../../../shared/backup/from-backup'), import('../../../shared/backup/backup-schema')]);

interface Props {
  choice: StartChoice;
  onChoice(choice: StartChoice): void;
  /** The content language chosen in the form (the built-in templates exist in both). */
  locale: Locale;
  file: Backup | null;
  onFile(file: Backup | null): void;
  fileFailure: FileFailure | null;
  onFileFailure(f: FileFailure | null): void;
  disabled: boolean;
}

/**
 * "Start from" in the new-board form: the blank map, a built-in template or a template file, with a
 * preview of the choice. A file is checked here with the backup schema (the server checks it again);
 * a broken one says what is wrong, in the reader's language, and no board is created.
 */
export function StartFrom({ choice, onChoice, locale, file, onFile, fileFailure, onFileFailure, disabled }: Props) {
  const { t } = useTranslation();
  const ids = { legend: useId(), file: useId(), fileHint: useId() };
  const [preview, setPreview] = useState<Backup | null>(null);
  const [reading, setReading] = useState(false);

  useEffect(() => {
    if (choice === 'file') return setPreview(null);
    let live = true;
    setPreview(null);
    loadTemplate(choice, locale).then(
      (b) => live && setPreview(b),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [choice, locale]);

  const onFileChange = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const chosen = input.files?.[0];
    onFile(null);
    onFileFailure(null);
    if (!chosen) return;
    setReading(true);
    try {
      const [{ parseBackup }, { MAX_BACKUP_BYTES }] = await loadBackupCode();
      if (chosen.size > MAX_BACKUP_BYTES) return onFileFailure({ kind: 'tooLarge' });
      const parsed = parseBackup(await chosen.text());
      if (!parsed.ok) return onFileFailure(parsed.deckFile ? { kind: 'deck' } : { kind: 'invalid', problems: parsed.errors });
      onFile(parsed.backup);
    } catch (err) {
      onFileFailure({ kind: 'failed', reason: err instanceof Error ? err.message : String(err) });
    } finally {
      setReading(false);
    }
  };

  const shown = choice === 'file' ? file : preview;
  const name = choice === 'file' ? (file?.board.meta.title ?? '') : t(`templates.start.${choice}`);
  return (
    <div className="start-from">
      <fieldset className="field start-field">
        <legend className="field-label" id={ids.legend}>
          {t('templates.start.legend')}
        </legend>
        <div className="start-options">
          {[...TEMPLATE_IDS, 'file' as const].map((id) => (
            <label key={id} className={choice === id ? 'start-option is-checked' : 'start-option'}>
              <input type="radio" name="start-from" value={id} checked={choice === id} disabled={disabled} onChange={() => onChoice(id)} />
              <span>{t(`templates.start.${id}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {choice === 'file' && (
        <div className="field">
          <label htmlFor={ids.file}>{t('templates.start.fileLabel')}</label>
          <input id={ids.file} type="file" accept=".json,application/json" aria-describedby={ids.fileHint} disabled={disabled || reading} onChange={(e) => void onFileChange(e)} />
          <p id={ids.fileHint} className="hint">
            {t('templates.start.fileHint')}
          </p>
          <div role="status" className="hint">
            {reading && t('templates.start.reading')}
            {file && t('templates.start.fileLanguage', { language: t(`language.${file.board.meta.locale}`) })}
          </div>
        </div>
      )}
      <div role="alert">{fileFailure && <FileFailureText failure={fileFailure} />}</div>
      <div className="start-preview">
        {shown ? <TemplatePreview template={shown} name={name} /> : choice !== 'file' && <p className="hint">{t('templates.preview.loading')}</p>}
        {choice !== 'file' && <p className="hint">{t(choice === 'blank' ? 'templates.start.blankHint' : 'templates.start.templateHint')}</p>}
      </div>
    </div>
  );
}

function FileFailureText({ failure }: { failure: FileFailure }) {
  const { t } = useTranslation();
  if (failure.kind === 'needed') return <p className="error-text">{t('templates.start.fileNeeded')}</p>;
  if (failure.kind === 'deck') return <p className="error-text">{t('templates.start.deckFile')}</p>;
  if (failure.kind === 'tooLarge') return <p className="error-text">{t('templates.start.tooLarge')}</p>;
  if (failure.kind === 'failed') return <p className="error-text">{t('templates.start.failed', { reason: failure.reason })}</p>;
  return (
    <div className="error-text">
      <p>{t('templates.start.invalid')}</p>
      <ul className="restore-problems">
        {failure.problems.map((p, i) => (
          <li key={i}>{problemText(p, t)}</li>
        ))}
      </ul>
    </div>
  );
}
