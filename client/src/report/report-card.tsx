import { useTranslation } from 'react-i18next';
import type { CardData } from '../../../shared/doc/schema';
import { KIND_STYLE } from '../../../shared/decks/kind-style';
import { momentOf } from '../journey/moments';
import { ValenceBadge } from '../journey/valence-badge';
import { isLongCard, withoutRepeatedTitle } from './report-model';

/** One card in the report's stage lists: its kind or moment, an emotion's valence, the text, a question's answer. */
export function ReportCard({ card }: { card: CardData }) {
  const { t } = useTranslation();
  const moment = momentOf(card);
  const momentName = moment ? t(`journey.moments.${moment}.name`) : '';
  const text = moment ? withoutRepeatedTitle(card.text, momentName) : card.text.trim();
  const kind = card.kind !== 'note' && Object.hasOwn(KIND_STYLE, card.kind) ? t(`decks.kinds.${card.kind}` as 'decks.kinds.note') : null;
  return (
    <li className={`report-card${moment ? ` is-moment moment-${moment}` : ''}${isLongCard(card) ? ' is-long' : ''}`} style={moment ? undefined : { borderLeftColor: card.color }}>
      {moment ? (
        <span className="report-card-kind">{momentName}</span>
      ) : (
        kind && <span className="report-card-kind">{kind}</span>
      )}
      {card.kind === 'emotion' && typeof card.valence === 'number' && <ValenceBadge value={card.valence} />}
      {moment ? (
        // The moment is named beside the text: its deck title is not repeated.
        text && (
          <span className="report-card-text" dir="auto">
            {text}
          </span>
        )
      ) : (
        <span className="report-card-text" dir="auto">
          {text || '—'}
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
