import { useTranslation } from 'react-i18next';
import { useBoard } from '../store/board-store';
import { cardLabel } from './board-overlays';
import { useFacilitation } from './facilitation-store';
import './facilitation.css';

/** After the reveal: the cards ranked by their dots, for everyone (the projector included). */
export function VoteResults({ className = '' }: { className?: string }) {
  const { t } = useTranslation();
  const revealed = useFacilitation((s) => !!s.vote?.revealed);
  const totals = useFacilitation((s) => s.totals);
  const cards = useBoard((s) => s.cards);
  if (!revealed) return null;
  const ranked = Object.entries(totals)
    .filter(([id]) => cards[id])
    .sort((a, b) => b[1] - a[1] || cards[a[0]].text.localeCompare(cards[b[0]].text));
  return (
    <section className={`vote-results ${className}`} aria-labelledby="vote-results-title" data-no-pan>
      <h2 id="vote-results-title">{t('facilitation.vote.results')}</h2>
      {ranked.length ? (
        <ol>
          {ranked.map(([id, dots]) => (
            <li key={id}>
              <span className="vote-results-dots">{t('facilitation.vote.total', { count: dots })}</span>
              <span className="vote-results-text" dir="auto">
                {cardLabel(cards[id], t('facilitation.vote.untitled'))}
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="hint">{t('facilitation.vote.noDots')}</p>
      )}
    </section>
  );
}
