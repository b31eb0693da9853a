import { CircleExclamationPoint } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../ui/app-link';
import { LanguageSelect } from '../ui/language-select';
import './status.css';

export type ErrorKind = 'badToken' | 'unknownBoard' | 'noToken' | 'notFound';

/** A whole-page explanation when a board cannot open, in the person's language, with a way out. */
export function ErrorPage({ kind }: { kind: ErrorKind }) {
  const { t } = useTranslation();
  return (
    <div className="status-page">
      <header className="status-header">
        <AppLink href="/" className="brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>{t('app.name')}</span>
        </AppLink>
        <LanguageSelect />
      </header>
      <main className="status-main">
        <div className="status-card" role="alert">
          <CircleExclamationPoint aria-hidden size={40} className="status-icon" />
          <h1>{t(`errors.${kind}.title`)}</h1>
          <p>{t(`errors.${kind}.body`)}</p>
          <AppLink href="/" className="button button-primary">
            {t('errors.goHome')}
          </AppLink>
        </div>
      </main>
    </div>
  );
}
