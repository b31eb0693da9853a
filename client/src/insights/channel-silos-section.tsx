import { useMemo } from 'react';
import { Unlink } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { channelCardIds, channelSilos, type Channel } from '../../../shared/insights/channel-silos';
import type { Locale } from '../../../shared/doc/schema';
import { useAllDecks } from '../decks/board-decks-store';
import { boardI18n } from '../export/board-language';
import { useBoard } from '../store/board-store';
import { CardLink } from './card-link';
import { InsightFrame } from './insight-frame';
import type { InsightSectionProps } from './sections';
import { useInsightBoard } from './use-insight-board';

/** "Website and E-commerce", "Sito web e E-commerce": channel names as the board's language lists them. */
export function listNames(names: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(names);
}

/** Channels × stages, the breaks between consecutive stages named in words, channels in one stage only. */
export function ChannelSilosSection({ mode }: InsightSectionProps) {
  const { t } = useTranslation();
  const board = useInsightBoard();
  const locale = useBoard((s) => s.meta.locale);
  const decks = useAllDecks();
  const r = useMemo(() => channelSilos(board, decks, locale), [board, decks, locale]);
  // A break is said in the board's language, like the channel and stage names inside it.
  const tb = boardI18n(locale).t;
  const breakBefore = new Set(r.breaks.map((b) => b.to.id));
  const stageTitle = (id: string) => board.stages.find((s) => s.id === id)?.title ?? '';

  return (
    <InsightFrame id="silos" title={t('insights.silos.title')} mode={mode}>
      {mode === 'panel' && <p className="hint">{t('insights.silos.intro')}</p>}
      {r.channels.length === 0 ? (
        <p className="insight-empty">{t('insights.silos.none')}</p>
      ) : (
        <>
          <div className="silos-grid-wrap">
            <table className="silos-grid">
              <caption className="sr-only">{t('insights.silos.gridLabel')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="silos-corner">
                    {t('insights.silos.channel')}
                  </th>
                  {r.stages.map((s) => (
                    <th key={s.id} scope="col" className={`silos-stage${breakBefore.has(s.id) ? ' has-break-before' : ''}`}>
                      <span>{s.title}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {r.channels.map((ch) => (
                  <tr key={ch.key} className={r.single.includes(ch) ? 'is-single' : undefined}>
                    <th scope="row" dir="auto">
                      {ch.name}
                    </th>
                    {r.stages.map((s) => {
                      const ids = ch.byStage[s.id] ?? [];
                      const label = t('insights.silos.cell', { channel: ch.name, stage: s.title, count: ids.length });
                      return (
                        <td key={s.id} className={breakBefore.has(s.id) ? 'has-break-before' : undefined}>
                          {ids.length > 0 && (
                            <CardLink mode={mode} insightKey={`silos:cell:${ch.key}:${s.id}`} ids={ids} className="silos-dot">
                              <span aria-hidden>●</span>
                              <span className="sr-only">{label}</span>
                            </CardLink>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="insight-sub">
            <h4>{t('insights.silos.breaks')}</h4>
            {r.breaks.length === 0 ? (
              <p className="insight-ok">{t('insights.silos.noBreaks')}</p>
            ) : (
              <ul className="insight-list">
                {r.breaks.map((b) => (
                  <li key={b.to.id}>
                    <CardLink mode={mode} insightKey={`silos:break:${b.to.id}`} ids={channelCardIds([...b.leaving, ...b.arriving], [b.from.id, b.to.id])} className="silos-break">
                      <Unlink aria-hidden className="silos-break-icon" />
                      <span lang={locale}>
                        {tb('insights.silos.break', {
                          from: b.from.title,
                          to: b.to.title,
                          leaving: listNames(b.leaving.map((c) => c.name), locale),
                          arriving: listNames(b.arriving.map((c) => c.name), locale),
                        })}
                      </span>
                    </CardLink>
                  </li>
                ))}
              </ul>
            )}
          </div>
          {r.single.length > 0 && (
            <div className="insight-sub">
              <h4>{t('insights.silos.single')}</h4>
              <ul className="insight-chips">
                {r.single.map((ch: Channel) => (
                  <li key={ch.key}>
                    <CardLink mode={mode} insightKey={`silos:single:${ch.key}`} ids={channelCardIds([ch])} className="insight-chip">
                      {t('insights.silos.singleItem', { channel: ch.name, stage: stageTitle(ch.stageIds[0]) })}
                    </CardLink>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {r.withoutChannels.length > 0 && <p className="hint">{t('insights.silos.without', { stages: r.withoutChannels.map((s) => s.title).join(', ') })}</p>}
        </>
      )}
    </InsightFrame>
  );
}
