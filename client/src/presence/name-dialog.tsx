import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { colorForName } from '../lib/name-color';
import { MAX_NAME_LENGTH, setMyName, usePrefs } from '../store/prefs-store';
import { Avatar } from '../top-bar/avatar';
import { Modal } from '../ui/modal';

/** Asks for the name others will see (first visit), or changes it. Remembered in this browser. */
export function NameDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const current = usePrefs((s) => s.name);
  const [name, setName] = useState(current);
  const inputId = useId();
  const first = !current;
  const clean = name.trim();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!clean) return;
    setMyName(clean);
    onClose();
  };

  return (
    <Modal title={t('name.title')} onClose={onClose}>
      <p className="hint">{t('name.intro')}</p>
      <form onSubmit={submit} className="name-form">
        <div className="field">
          <label htmlFor={inputId}>{t('name.label')}</label>
          <div className="name-row">
            <Avatar name={clean || '?'} color={clean ? colorForName(clean) : '#64748b'} size={36} />
            <input
              id={inputId}
              className="input"
              value={name}
              maxLength={MAX_NAME_LENGTH}
              autoComplete="name"
              autoFocus
              required
              onChange={(e) => setName(e.target.value)}
            />
          </div>
        </div>
        <div className="modal-actions">
          <button type="submit" className="button button-primary" disabled={!clean}>
            {first ? t('name.submit') : t('name.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
