import { useTranslation } from 'react-i18next';
import type { CardData } from '../../../shared/doc/schema';
import { cardMetrics, hasKindShape } from '../../../shared/card-layout/card-metrics';
import { cardIcon } from '../decks/deck-icons';
import { findDeckCard, useCustomDecks } from '../decks/board-decks-store';
import { MomentMarker } from './moment-marker';
import { momentOf } from './moments';
import { ValenceBadge } from './valence-badge';
import './kind-face.css';

/** True for cards that get a kind face: any card dealt from a deck or of a known non-note kind. */
export const hasKindFace = hasKindShape;

/**
 * What a deck card shows on the map: its kind as an icon and a word (emotion, goal, question…), the
 * valence of an emotion, the answer of a question, or a moment as a marker. The card's own colour stays
 * on the card, so kinds read apart even in a black-and-white printout thanks to the icon and word.
 * Texts are the card layout's (all words, or an excerpt of a very long one); `expanded` shows them whole.
 */
export function CardKindFace({ card, expanded = false }: { card: CardData; expanded?: boolean }) {
  const { t } = useTranslation();
  const custom = useCustomDecks();
  const moment = momentOf(card);
  if (moment) return <MomentMarker card={card} moment={moment} />;

  const source = findDeckCard(card.deckCardId, custom);
  const Icon = cardIcon(source?.card.icon, card.kind);
  const isQuestion = card.kind === 'question';
  const m = cardMetrics(card);
  const text = expanded || !m.text.truncated ? card.text : m.text.text;
  const answer = m.answer && !expanded ? m.answer.text : card.answer?.trim();
  return (
    <div className={`kind-face kind-${card.kind}`}>
      <div className="kind-face-head">
        <Icon aria-hidden size={14} strokeWidth={2.25} className="kind-face-icon" />
        <span className="kind-face-kind">
          {t(`decks.kinds.${card.kind}` as 'decks.kinds.note')}
          <span className="sr-only">:</span>
        </span>
        {card.kind === 'emotion' && typeof card.valence === 'number' && <ValenceBadge value={card.valence} className="kind-face-valence" />}
      </div>
      <div className={`card-text kind-face-text${isQuestion ? ' is-question' : ''}`} dir="auto">
        <span className="card-words">{text}</span>
      </div>
      {isQuestion && (
        <div className={`kind-face-answer${card.answer?.trim() ? '' : ' is-empty'}`} dir="auto">
          <span className="sr-only">{t('journey.question.answer')}: </span>
          {answer || t('journey.question.noAnswer')}
        </div>
      )}
    </div>
  );
}
