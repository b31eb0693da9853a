import { useTranslation } from 'react-i18next';
import type { ClvBoardView } from '../../../shared/insights/clv-board';
import { useIsFacilitator } from '../store/session-store';
import { useUiLocale } from '../journey/use-ui-locale';
import { ClvForm } from './clv-form';
import { formatMoney, formatSignedMoney, formatSignedPct } from './clv-format';
import { InsightFrame } from './insight-frame';
import type { InsightSectionProps } from './sections';
import { showCards } from './show-cards';
import { useClv } from './use-clv';
import './clv.css';

type Ready = Extract<ClvBoardView, { state: 'ready' }>;

/**
 * Customer Lifetime Value by stage (docs/insights.md): the numbers, which stage's lever moves the value
 * most (bars, largest first, each with its amount in words), and the value today against the value
 * with the team's ideas. Facilitators get the inputs form in the panel; everyone else reads.
 */
export function ClvSection({ mode }: InsightSectionProps) {
  const { t } = useTranslation();
  const facilitator = useIsFacilitator();
  const view = useClv();
  const lang = useUiLocale();
  const withForm = mode === 'panel' && facilitator;
  return (
    <InsightFrame id="clv" title={t('insights.clv.title')} mode={mode}>
      {mode !== 'projector' && <p className="hint">{t('insights.clv.intro')}</p>}
      {view.state === 'unset' && <p className="clv-unset">{withForm ? t('insights.clv.unsetFacilitator') : t('insights.clv.unset')}</p>}
      {view.state === 'invalid' && (
        <div className="clv-invalid">
          <p>{t('insights.clv.invalid')}</p>
          <ul>
            {view.problems.map((p, i) => (
              <li key={i}>
                {p.field ? <code>{p.field}</code> : null} {p.message[lang]}
              </li>
            ))}
          </ul>
        </div>
      )}
      {view.state === 'ready' && <ClvResults view={view} mode={mode} />}
      {withForm && <ClvForm />}
    </InsightFrame>
  );
}

function ClvResults({ view, mode }: { view: Ready; mode: InsightSectionProps['mode'] }) {
  const { t } = useTranslation();
  const lang = useUiLocale();
  const cur = view.stored.currency;
  const money = (n: number) => formatMoney(n, cur, lang);
  const max = Math.max(0, ...view.levers.map((l) => l.gain));
  const delta = view.withIdeas.total - view.today.total;
  // On the projector: no explanations, no list of ideas (their count instead), two columns, so the
  // whole insight fits a 1280×720 screen with text of at least 20 px.
  const projector = mode === 'projector';
  return (
    <div className="clv-results">
      <dl className="clv-numbers clv-area-numbers">
        <div>
          <dt>{t('insights.clv.result.margin')}</dt>
          <dd data-clv="margin">{money(view.today.yearlyMargin)}</dd>
        </div>
        <div>
          <dt>{t('insights.clv.result.value')}</dt>
          <dd data-clv="value">{money(view.today.lifetimeValue)}</dd>
        </div>
        <div>
          <dt>{t('insights.clv.result.net')}</dt>
          <dd data-clv="net">{money(view.today.netValue)}</dd>
        </div>
        <div className="clv-total">
          <dt>{t('insights.clv.result.total')}</dt>
          <dd data-clv="total">{money(view.today.total)}</dd>
        </div>
      </dl>

      <div className="clv-area-levers">
        <h4>{t('insights.clv.levers.title')}</h4>
        {!projector && <p className="hint">{t('insights.clv.levers.intro')}</p>}
        {view.levers.length === 0 ? (
          <p className="hint">{t('insights.clv.levers.none')}</p>
        ) : (
          <ol className="clv-levers" data-clv="levers">
            {view.levers.map((l) => (
              <li key={l.lever} data-lever={l.lever}>
                <span className="clv-lever-label">
                  {t('insights.clv.levers.row', {
                    stages: l.stages.map((s) => s.title).join(', '),
                    lever: t(`insights.clv.lever.${l.lever}`),
                    step: formatSignedPct(l.stepPct, lang),
                  })}
                </span>
                <span className="clv-bar-track" aria-hidden>
                  <span className="clv-bar" style={{ width: `${max > 0 ? Math.max(0, (l.gain / max) * 100) : 0}%` }} />
                </span>
                <span className="clv-lever-gain">{formatSignedMoney(l.gain, cur, lang)}</span>
              </li>
            ))}
          </ol>
        )}
      </div>

      <div className="clv-area-ideas">
        <h4>{t('insights.clv.ideas.title')}</h4>
        <dl className="clv-numbers clv-compare">
          <div>
            <dt>{t('insights.clv.ideas.today')}</dt>
            <dd data-clv="today">{money(view.today.total)}</dd>
          </div>
          <div className="clv-total">
            <dt>{t('insights.clv.ideas.withIdeas')}</dt>
            <dd data-clv="with-ideas">
              {money(view.withIdeas.total)}
              {delta !== 0 && <span className="clv-delta"> ({formatSignedMoney(delta, cur, lang)})</span>}
            </dd>
          </div>
        </dl>
        <p className="hint">{view.basis === 'voted' ? t('insights.clv.ideas.basisVoted') : t('insights.clv.ideas.basisAll')}</p>
        {projector ? (
          <p className="clv-idea-count">{view.ideas.length ? t('insights.clv.ideas.count', { count: view.ideas.length }) : t('insights.clv.ideas.noneShort')}</p>
        ) : view.ideas.length === 0 ? (
          <p className="hint">{t('insights.clv.ideas.none')}</p>
        ) : (
          <>
            <ul className="clv-ideas" aria-label={t('insights.clv.ideas.count', { count: view.ideas.length })}>
              {view.ideas.map((i) => (
                <li key={i.card.id}>
                  <span className="clv-idea-effect">{t('insights.clv.ideas.effect', { pct: formatSignedPct(i.pct, lang), lever: t(`insights.clv.lever.${i.lever}`) })}</span>{' '}
                  <span className="clv-idea-text" dir="auto">
                    {i.card.text.split('\n')[0]}
                  </span>
                </li>
              ))}
            </ul>
            {mode === 'panel' && (
              <button type="button" className="button" onClick={() => showCards('clv', view.ideas.map((i) => i.card.id))}>
                {t('insights.clv.ideas.show')}
              </button>
            )}
          </>
        )}
      </div>
    </div>
  );
}
