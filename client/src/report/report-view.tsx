import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { FileDown, Printer, X } from 'lucide-react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { formatValence, type CurvePoint } from '../../../shared/decks/emotion-curve';
import type { CardData, Locale } from '../../../shared/doc/schema';
import { KIND_STYLE } from '../../../shared/decks/kind-style';
import { CURVE_PAD, curveShape, valenceY, type CurveBox } from '../journey/curve-geometry';
import { MOMENT_ICONS } from '../journey/moment-marker';
import { momentOf } from '../journey/moments';
import { ValenceBadge } from '../journey/valence-badge';
import { boardI18n, longDate } from '../export/board-language';
import { ExportSheet } from '../export/export-sheet';
import { planSheet } from '../export/sheet-plan';
import { useBoard, type BoardState } from '../store/board-store';
import { voteResults } from '../sync/export-data';
import { buildReport, onlyRepeats, reportPeople, type ReportModel, type ReportPeople } from './report-model';
import { exportFileName } from '../export/file-name';
import { useSession } from '../store/session-store';
import { usePresence } from '../store/presence-store';
import { usePrefs } from '../store/prefs-store';
import { InsightsReportPage } from '../insights/insights-report-page';
import '../journey/emotion-curve.css';
import './report.css';

/**
 * The report: a printable document of the board in the board's language — the map, the emotion curve,
 * the key moments, every stage with its cards, the ideas ranked by votes, the questions and answers.
 * The browser prints it to PDF on A4 landscape (report.css). The map is the export sheet itself, not a
 * bitmap, so its text stays sharp (and selectable) in the PDF at any zoom.
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
      </section>

      <section className="report-flow report-map">
        <h2 className="report-h2">{t('export.report.map')}</h2>
        {plan && (
          <FitBox maxHeight={430} label={`${t('export.report.map')}: ${title}`}>
            <ExportSheet plan={plan} title={title} locale={locale} date={date} legend header={false} />
          </FitBox>
        )}
      </section>

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
                    {places.map(({ stage, card }) => (
                      <li key={card.id}>
                        <strong>{t('export.report.momentAt', { stage: stage.title })}</strong>
                        {!onlyRepeats(card.text, name, t('journey.moments.kicker')) && (
                          <>
                            {' — '}
                            <span dir="auto">{card.text}</span>
                          </>
                        )}
                      </li>
                    ))}
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
                    <div key={lane.id} className="report-lane">
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

/** Scales its content down (CSS zoom, so the layout shrinks too) to fit the page's width and a height. */
function FitBox({ maxHeight, label, children }: { maxHeight: number; label: string; children: ReactNode }) {
  const outer = useRef<HTMLDivElement>(null);
  const inner = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState(1);
  useLayoutEffect(() => {
    const o = outer.current;
    const i = inner.current;
    if (!o || !i) return;
    const measure = () => {
      const w = i.scrollWidth;
      const h = i.scrollHeight;
      if (!w || !h) return;
      setZoom(Math.min(1, o.clientWidth / w, maxHeight / h));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(o);
    return () => ro.disconnect();
  }, [maxHeight]);
  return (
    <figure className="report-figure" ref={outer} role="img" aria-label={label}>
      {/* An image to assistive technology: its words are in the sections that follow. */}
      <div ref={inner} style={{ zoom, width: 'max-content' }} aria-hidden="true">
        {children}
      </div>
    </figure>
  );
}

function ReportCard({ card }: { card: CardData }) {
  const { t } = useTranslation();
  const moment = momentOf(card);
  const momentName = moment ? t(`journey.moments.${moment}.name`) : '';
  const kind = card.kind !== 'note' && Object.hasOwn(KIND_STYLE, card.kind) ? t(`decks.kinds.${card.kind}` as 'decks.kinds.note') : null;
  return (
    <li className={`report-card${moment ? ` is-moment moment-${moment}` : ''}${card.text.length + (card.answer?.length ?? 0) > 600 ? ' is-long' : ''}`} style={moment ? undefined : { borderLeftColor: card.color }}>
      {moment ? (
        <span className="report-card-kind">{momentName}</span>
      ) : (
        kind && <span className="report-card-kind">{kind}</span>
      )}
      {card.kind === 'emotion' && typeof card.valence === 'number' && <ValenceBadge value={card.valence} />}
      {!(moment && onlyRepeats(card.text, momentName)) && (
        <span className="report-card-text" dir="auto">
          {card.text.trim() || '—'}
        </span>
      )}
      {card.kind === 'question' && (
        <span className={`report-card-answer${card.answer?.trim() ? '' : ' report-muted'}`} dir="auto">
          {t('export.report.answer')}: {card.answer?.trim() || t('export.report.noAnswer')}
        </span>
      )}
    </li>
  );
}

function Ideas({ model, board }: { model: ReportModel; board: Omit<BoardState, 'layout'> }) {
  const { t } = useTranslation();
  const { state, items } = model.ideas;
  const where = (c: CardData) => {
    const s = board.stages.find((x) => x.id === c.stage)?.title ?? c.stage;
    const l = board.lanes.find((x) => x.id === c.lane)?.title ?? c.lane;
    return `${s} · ${l}`;
  };
  if (items.length === 0) return <p className="report-muted">{t('export.report.ideasNone')}</p>;
  return (
    <>
      {state !== 'ranked' && <p className="report-muted">{t(state === 'hidden' ? 'export.report.ideasHidden' : 'export.report.ideasNoVote')}</p>}
      <table className="report-table">
        <thead>
          <tr>
            {state === 'ranked' && <th scope="col">{t('export.report.rank')}</th>}
            <th scope="col">{t('export.report.idea')}</th>
            <th scope="col">{t('export.report.where')}</th>
            {state === 'ranked' && <th scope="col">{t('export.report.votes')}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map(({ card, rank, dots }) => (
            <tr key={card.id}>
              {state === 'ranked' && <td className="report-num">{rank}</td>}
              <td dir="auto">{card.text.trim() || '—'}</td>
              <td>{where(card)}</td>
              {state === 'ranked' && <td className="report-num">{t('export.report.dots', { count: dots ?? 0 })}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

const CURVE_W = 1000;
const CURVE_H = 250;
const LABEL_H = 40;
const AXIS_W = 46;

/** The emotion curve on its own, wide: one column per stage with its title under it. */
function ReportCurve({ points }: { points: CurvePoint[] }) {
  const { t, i18n } = useTranslation();
  const sep = i18n.language?.startsWith('it') ? ',' : '.';
  const colW = (CURVE_W - AXIS_W) / Math.max(1, points.length);
  const columns = points.map((p, i) => ({ id: p.stageId, x: AXIS_W + i * colW, w: colW }));
  const box: CurveBox = { top: 0, height: CURVE_H };
  const shape = curveShape(points, columns, box);
  return (
    <svg className="report-curve" viewBox={`0 0 ${CURVE_W} ${CURVE_H + LABEL_H}`} role="img" aria-label={t('journey.curve.name')}>
      {[2, 1, 0, -1, -2].map((v) => (
        <g key={v} className={v === 0 ? 'emotion-curve-zero' : 'emotion-curve-grid'}>
          <line x1={AXIS_W} x2={CURVE_W} y1={valenceY(v, box)} y2={valenceY(v, box)} />
          <text className="emotion-curve-tick" x={AXIS_W - 8} y={valenceY(v, box) + 4} textAnchor="end">
            {formatValence(v)}
          </text>
        </g>
      ))}
      {columns.map((c) => (
        <line key={c.id} className="emotion-curve-column" x1={c.x} x2={c.x} y1={CURVE_PAD / 2} y2={CURVE_H - CURVE_PAD / 2} />
      ))}
      {shape.bands.map((d, i) => (
        <path key={`b${i}`} className="emotion-curve-band" d={d} />
      ))}
      {shape.lines.map((d, i) => (
        <path key={`l${i}`} className="emotion-curve-line" d={d} />
      ))}
      {shape.points.map((p) =>
        p.y === null ? (
          <text key={p.stageId} className="emotion-curve-nodata" x={p.x} y={CURVE_H / 2} textAnchor="middle">
            {t('journey.curve.noData')}
          </text>
        ) : (
          <g key={p.stageId} className="emotion-curve-point">
            <circle cx={p.x} cy={p.y} r={7} />
            <text x={p.x + 12} y={p.y < 30 ? p.y + 18 : p.y - 9}>
              {formatValence(p.point.median!, sep)}
            </text>
          </g>
        ),
      )}
      {points.map((p, i) => (
        <text key={p.stageId} className="report-curve-stage" x={columns[i].x + colW / 2} y={CURVE_H + 26} textAnchor="middle">
          {p.title.length > 22 ? `${p.title.slice(0, 21)}…` : p.title}
        </text>
      ))}
    </svg>
  );
}

function CurveTable({ points, locale }: { points: CurvePoint[]; locale: Locale }) {
  const { t } = useTranslation();
  const sep = locale === 'it' ? ',' : '.';
  const v = (x: number | null) => (x === null ? t('journey.curve.noData') : formatValence(x, sep));
  return (
    <table className="report-table report-curve-table">
      <caption>{t('export.report.curveTable')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('export.image.stageLabel')}</th>
          <th scope="col">{t('export.report.median')}</th>
          <th scope="col">{t('export.report.range')}</th>
          <th scope="col">{t('export.report.count')}</th>
        </tr>
      </thead>
      <tbody>
        {points.map((p) => (
          <tr key={p.stageId}>
            <th scope="row">{p.title}</th>
            <td className="report-num">{v(p.median)}</td>
            <td className="report-num">{p.min === null ? '—' : `${formatValence(p.min, sep)} … ${formatValence(p.max!, sep)}`}</td>
            <td className="report-num">{p.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
