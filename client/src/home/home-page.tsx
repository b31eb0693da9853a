import { useTranslation } from 'react-i18next';
import { LanguageSelect } from '../ui/language-select';
import { NewBoardForm } from './new-board-form';
import { RecentBoards } from './recent-boards';
import { RestoreBackup } from '../export/restore-backup';
import { WorkedExample } from '../templates/worked-example';
import './home.css';

export function HomePage() {
  const { t } = useTranslation();
  return (
    <div className="home">
      <header className="home-header">
        <a href="/" className="brand" aria-label={t('app.home')}>
          <img src="/favicon.svg" alt="" width={30} height={30} />
          <span aria-hidden>{t('app.name')}</span>
        </a>
        <LanguageSelect />
      </header>
      <main className="home-main">
        <section className="home-hero" aria-labelledby="home-heading">
          <h1 id="home-heading">{t('home.heading')}</h1>
          <p>{t('home.intro')}</p>
          <JourneyStrip />
        </section>
        <div className="home-grid">
          <NewBoardForm />
          <WorkedExample />
          <RecentBoards />
          <RestoreBackup />
        </div>
      </main>
    </div>
  );
}

/** The six stages as a quiet illustration: the method at a glance. */
function JourneyStrip() {
  const { i18n } = useTranslation();
  const it = i18n.language === 'it';
  const stages = it
    ? ['Consapevolezza', 'Considerazione', 'Acquisto', 'Utilizzo', 'Fidelizzazione', 'Passaparola']
    : ['Awareness', 'Consideration', 'Purchase', 'Use', 'Retention', 'Advocacy'];
  return (
    <ol className="journey-strip" aria-hidden>
      {stages.map((s, i) => (
        <li key={s} style={{ ['--i' as string]: i }}>
          {s}
        </li>
      ))}
    </ol>
  );
}
