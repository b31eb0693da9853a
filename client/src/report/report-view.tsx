import { useEffect, useMemo, useRef, useState } from 'react';
import { FileDown, Printer, X } from 'lucide-react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { MOMENT_ICONS } from '../journey/moment-marker';
import { boardI18n, longDate } from '../export/board-language';
import { planSheet } from '../export/sheet-plan';
import { useBoard, type BoardState } from '../store/board-store';
import { voteResults } from '../sync/export-data';
import { buildReport, laneMayBreak, reportPeople, withoutRepeatedTitle, type ReportModel, type ReportPeople } from './report-model';
import { exportFileName } from '../export/file-name';
import { useSession } from '../store/session-store';
import { usePresence } from '../store/presence-store';
import { usePrefs } from '../store/prefs-store';
import { InsightsReportPage } from '../insights/insights-report-page';
import { MapGrowthSection } from './map-growth-section';
import { ReportMap } from './report-map';
import { ReportCard } from './report-card';
import { CurveTable, ReportCurve } from './report-curve';
import { Ideas } from './report-ideas';
import '../journey/emotion-curve.css';
import './report.css';
import { PersonaSummary } from '../personas/personas-dialog';
import { usePersonas } from '../personas/persona-store';

/**
 * The report: a printable document of the board in the board's language — the map, the emotion curve,
 * the key moments, every stage with its cards, the ideas ranked by votes, the questions and answers.
 * The browser prints it to PDF on A4 landscape (report.css). The map is the SVG export itself, inline,
 * not a bitmap, so its text stays sharp (and selectable) in the PDF at any zoom.
 */
export function ReportView({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLDivElement>(null);
  const meta = useBoard((s) => s.meta);
  const stages = useBoard((s) => s.stages);
  const lanes = useBoard((s) => s.lanes);
  const cards = useBoard((s) => s.cards);
  const [date] = useState(() => new Date());
  const myName = usePrefs((s) => s.name);
  const facilitator = useSession((s) => s.role === 'facilitator');
  const peers = usePresence((s) => s.peers);
  const people = useMemo(() => reportPeople({ cards, me: { name: myName, facilitator }, peers }), [cards, myName, facilitator, peers]);
  const model = useMemo(() => {
    const votes = voteResults();
    return buildReport({ stages, lanes, cards, vote: votes?.vote ?? null, tallies: votes?.tallies ?? [] });
  }, [stages, lanes, cards]);

  useEffect(() => {
    heading.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <div className="report-root" role="dialog" aria-modal="true" aria-label={t('export.report.view')}>
      <div className="report-toolbar" ref={heading} tabIndex={-1}>
        <button type="button" className="button" onClick={() => window.print()}>
          <Printer aria-hidden size={16} />
          {t('export.report.print')}
        </button>
        <button type="button" className="button button-primary" aria-describedby="report-pdf-hint" onClick={() => printAsPdf(exportFileName(meta.title, date, 'pdf', t('export.report.filePart')))}>
          <FileDown aria-hidden size={16} />
          {t('export.report.pdf')}
        </button>
        <p id="report-pdf-hint" className="hint report-print-hint">
          {t('export.report.pdfHint')}
        </p>
        <button type="button" className="button" onClick={onClose}>
          <X aria-hidden size={16} />
          {t('export.report.close')}
        </button>
      </div>
      <I18nextProvider i18n={boardI18n(meta.locale)}>
        <ReportDocument board={{ meta, stages, lanes, cards }} model={model} people={people} date={date} />
      </I18nextProvider>
    </div>
  );
}

/** The customer types the journey is about, the one shown on the map first (none: nothing). */
function ReportPersonas() {
  const { t } = useTranslation();
  const personas = usePersonas((s) => s.personas);
  const active = usePersonas((s) => s.active);
  if (!active) return null;
  const ordered = [active, ...personas.filter((p) => p.id !== active.id)];
  return (
    <section className="report-personas" aria-label={t('personas.title')}>
      <h2 className="report-h2">{t('personas.title')}</h2>
      <ul className="report-persona-list">
        {ordered.map((p) => (
          <li key={p.id} className="persona-item" data-report-persona={p.name} style={{ '--persona': p.color } as React.CSSProperties}>
            <PersonaSummary persona={p} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * "Download PDF": browsers save a page as PDF only through their print dialog (Chromium: destination
 * "Save as PDF"), so this opens it with the document titled as the file should be named (Chromium
 * proposes the title as the PDF's name), and puts the title back when the dialog closes.
 */
function printAsPdf(fileName: string): void {
  const before = document.title;
  document.title = fileName.replace(/\.pdf$/, '');
  const restore = () => {
    document.title = before;
    window.removeEventListener('afterprint', restore);
  };
  window.addEventListener('afterprint', restore);
  window.print();
}

function ReportDocument({ board, model, people, date }: { board: Omit<BoardState, 'layout'>; model: ReportModel; people: ReportPeople; date: Date }) {
  const { t } = useTranslation();
  const locale = board.meta.locale;
  const plan = useMemo(() => planSheet(board, { kind: 'map' }), [board]);
  const title = board.meta.title || t('home.untitled');
  return (
    <article className="report" lang={locale}>
      <section className="report-cover">
        <header className="report-header">
          <p className="report-kicker">{t('export.report.kicker')}</p>
          <h1 className="report-title" dir="auto">
            {title}
          </h1>
        </header>
        <dl className="report-facts">
          <div>
            <dt>{t('export.report.dateLabel')}</dt>
            <dd>{longDate(locale, date)}</dd>
          </div>
          <div>
            <dt>{t('export.report.facilitator', { count: Math.max(1, people.facilitators.length) })}</dt>
            <dd>{people.facilitators.join(', ') || '—'}</dd>
          </div>
          <div>
            <dt>{t('export.report.participants')}</dt>
            <dd>{people.participants.join(', ') || '—'}</dd>
          </div>
          <div>
            <dt>{t('export.report.language')}</dt>
            <dd>{t(`export.report.languageName.${locale}`)}</dd>
          </div>
          <div>
            <dt>{t('export.report.contents')}</dt>
            <dd>{t('export.report.summary', { stages: board.stages.length, lanes: board.lanes.length, cards: model.cardCount })}</dd>
          </div>
        </dl>
        <ReportPersonas />
      </section>

      <section className="report-flow report-map">
        <h2 className="report-h2">{t('export.report.map')}</h2>
        {plan && <ReportMap plan={plan} title={title} locale={locale} date={date} label={`${t('export.report.map')}: ${title}`} />}
      </section>

      <MapGrowthSection board={board} date={date} />

      <section className="report-flow">
        <h2 className="report-h2">{t('export.report.curve')}</h2>
        <ReportCurve points={model.curve} />
        <CurveTable points={model.curve} locale={locale} />
        <h2 className="report-h2">{t('export.report.moments')}</h2>
        <ul className="report-moments">
          {model.moments.map(({ moment, places }) => {
            const Icon = MOMENT_ICONS[moment];
            const name = t(`journey.moments.${moment}.name`);
            return (
              <li key={moment} className={`report-moment moment-${moment}`}>
                <span className="report-moment-badge">
                  <Icon aria-hidden size={16} />
                  {name}
                </span>
                <span className="report-moment-where">{t(`journey.moments.${moment}.where`)}</span>
                {places.length === 0 ? (
                  <span className="report-muted">{t('export.report.momentMissing')}</span>
                ) : (
                  <ul>
                    {places.map(({ stage, card }) => {
                      const text = withoutRepeatedTitle(card.text, name, t('journey.moments.kicker'));
                      return (
                        <li key={card.id}>
                          <strong>{t('export.report.momentAt', { stage: stage.title })}</strong>
                          {text && (
                            <>
                              {' — '}
                              <span className="report-moment-text" dir="auto">
                                {text}
                              </span>
                            </>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      <InsightsReportPage />

      <section className="report-flow">
        <h2 className="report-h2">{t('export.report.stages')}</h2>
        {model.stages.map(({ stage, lanes, count }) => (
          <section key={stage.id} className="report-stage">
            <h3 className="report-h3">
              {stage.title} <span className="report-count">({count})</span>
            </h3>
            {count === 0 ? (
              <p className="report-muted">{t('export.report.noCards')}</p>
            ) : (
              <div className="report-lanes">
                {lanes
                  .filter((l) => l.cards.length > 0)
                  .map(({ lane, cards }) => (
                    <div key={lane.id} className={`report-lane${laneMayBreak(cards) ? ' can-break' : ''}`}>
                      <h4 className="report-h4">{lane.title}</h4>
                      <ul className="report-cards">
                        {cards.map((c) => (
                          <ReportCard key={c.id} card={c} />
                        ))}
                      </ul>
                    </div>
                  ))}
              </div>
            )}
          </section>
        ))}
        {model.unplaced.length > 0 && (
          <section className="report-stage">
            <h3 className="report-h3">
              {t('export.report.unplaced')} <span className="report-count">({model.unplaced.length})</span>
            </h3>
            <ul className="report-cards">
              {model.unplaced.map((c) => (
                <ReportCard key={c.id} card={c} />
              ))}
            </ul>
          </section>
        )}
      </section>

      <section className="report-flow">
        <h2 className="report-h2">{t('export.report.ideas')}</h2>
        <Ideas model={model} board={board} />
      </section>

      <section className="report-flow">
        <h2 className="report-h2">{t('export.report.questions')}</h2>
        {model.questions.length === 0 ? (
          <p className="report-muted">{t('export.report.noQuestions')}</p>
        ) : (
          <dl className="report-questions">
            {model.questions.map(({ card, stage, lane }) => (
              <div key={card.id} className="report-question">
                <dt dir="auto">
                  {card.text || '—'}
                  <span className="report-where">
                    {stage && lane ? `${stage.title} · ${lane.title}` : t('export.report.unplaced')}
                  </span>
                </dt>
                <dd dir="auto" className={card.answer?.trim() ? undefined : 'report-muted'}>
                  <span className="sr-only">{t('export.report.answer')}: </span>
                  {card.answer?.trim() || t('export.report.noAnswer')}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </section>
    </article>
  );
}

