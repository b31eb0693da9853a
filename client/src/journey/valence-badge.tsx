import { Angry, Frown, Laugh, Meh, Smile, type LucideIcon } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { formatValence } from '../../../shared/decks/emotion-curve';
import { valenceStep } from './valence-step';
import './valence-badge.css';

const FACES: Record<string, { icon: LucideIcon; meaning: 'm2' | 'm1' | 'zero' | 'p1' | 'p2' }> = {
  '-2': { icon: Angry, meaning: 'm2' },
  '-1': { icon: Frown, meaning: 'm1' },
  '0': { icon: Meh, meaning: 'zero' },
  '1': { icon: Smile, meaning: 'p1' },
  '2': { icon: Laugh, meaning: 'p2' },
};


/**
 * An emotion card's valence, −2…+2, as a face and a signed number: the face is for the room, the number
 * for precision, and the accessible name says it in words ("Valence +2: very positive").
 */
export function ValenceBadge({ value, className }: { value: number; className?: string }) {
  const { t, i18n } = useTranslation();
  const step = valenceStep(value);
  const { icon: Icon, meaning } = FACES[String(step)];
  const text = formatValence(value, i18n.language?.startsWith('it') ? ',' : '.');
  const label = t('journey.valence.label', { value: text, meaning: t(`journey.valence.${meaning}`) });
  return (
    <span className={`valence-badge valence-${step < 0 ? 'neg' : step > 0 ? 'pos' : 'zero'} ${className ?? ''}`} role="img" aria-label={label} title={label}>
      <Icon aria-hidden size={14} strokeWidth={2.25} />
      <span aria-hidden>{text}</span>
    </span>
  );
}
