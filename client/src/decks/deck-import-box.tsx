import { useId, useRef } from 'react';
import { Upload, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ImportState } from './use-deck-import';
import './deck-import.css';

interface Props {
  state: ImportState;
  importFile(file: File): void;
  dismiss(): void;
}

/**
 * The facilitator's import: a button that opens the file picker (the labelled file input stays in the
 * page, hidden, so assistive technology and tests can reach it) and the outcome of the last import.
 */
export function DeckImportBox({ state, importFile, dismiss }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const hintId = useId();

  return (
    <div className="deck-import">
      <button type="button" className="button deck-import-button" aria-describedby={hintId} onClick={() => input.current?.click()}>
        <Upload aria-hidden size={16} />
        {t('decks.import.button')}
      </button>
      <label htmlFor={inputId} className="sr-only">
        {t('decks.import.fileLabel')}
      </label>
      <input
        ref={input}
        id={inputId}
        type="file"
        accept=".json,application/json"
        className="sr-only"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // the same file can be chosen again after fixing it
          if (file) importFile(file);
        }}
      />
      <p id={hintId} className="hint">
        {t('decks.import.dropHint')}
      </p>
      {state.kind === 'reading' && <p className="hint">{t('decks.import.reading')}</p>}
      {state.kind === 'failed' && (
        <div className="deck-import-error" role="alert">
          <div className="deck-import-error-head">
            <strong>{t('decks.import.failed', { file: state.file })}</strong>
            <button type="button" className="icon-button" aria-label={t('decks.import.dismiss')} onClick={dismiss}>
              <X aria-hidden size={16} />
            </button>
          </div>
          <p>{t('decks.import.nothingImported')}</p>
          <ul>
            {state.lines.map((l, i) => (
              <li key={i}>
                <code>{l.where}</code> {l.text}
              </li>
            ))}
          </ul>
          {state.more > 0 && <p>{t('decks.import.more', { count: state.more })}</p>}
        </div>
      )}
    </div>
  );
}
