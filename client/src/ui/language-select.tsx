import { Languages } from 'lucide-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { setUiLanguage } from '../i18n/i18n';
import { UI_LANGUAGES, type UiLanguage } from '../i18n/detect-language';

/** The interface language switch ("Language" / "Lingua"), per person; board content is unaffected. */
export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="language-select">
      <Languages aria-hidden size={16} />
      <label htmlFor={id} className="sr-only">
        {t('language.label')}
      </label>
      <select id={id} value={i18n.language} onChange={(e) => setUiLanguage(e.target.value as UiLanguage)} title={t('language.label')}>
        {UI_LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
