import { useId, useState } from 'react';
import { Eye, Play, Square } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { MAX_DOTS } from '../../../shared/commands/votes';
import { useBoard } from '../store/board-store';
import { endVote, openVote, revealResults } from './actions';
import { useFacilitation } from './facilitation-store';
import { numberProblem } from './number-check';
import { NumberHint } from './number-hint';

/** Facilitator: start a dot vote (N dots, all cards or one lane), watch how many voted, reveal, end. */
export function VoteSection() {
  const { t } = useTranslation();
  const vote = useFacilitation((s) => s.vote);
  const voters = useFacilitation((s) => s.voters);
  const lanes = useBoard((s) => s.lanes);
  const dotsId = useId();
  const scopeId = useId();
  const hintId = useId();
  const [dots, setDots] = useState('3');
  const [scope, setScope] = useState<string>(() => (lanes.some((l) => l.id === 'ideas') ? 'ideas' : ''));
  const n = Number(dots);
  const problem = numberProblem(dots, 1, MAX_DOTS);
  const valid = problem === null;

  return (
    <section className="fac-section" aria-labelledby="fac-vote-title">
      <h3 id="fac-vote-title">{t('facilitation.vote.title')}</h3>
      {vote ? (
        <>
          <p className="fac-status">
            {t('facilitation.vote.voters', { count: voters })}
            {' · '}
            {vote.lane ? t('facilitation.vote.lane', { lane: lanes.find((l) => l.id === vote.lane)?.title ?? vote.lane }) : t('facilitation.vote.allCards')}
          </p>
          <div className="fac-row">
            {vote.open && (
              <button type="button" className="button button-primary" onClick={revealResults}>
                <Eye aria-hidden size={16} />
                {t('facilitation.vote.reveal')}
              </button>
            )}
            <button type="button" className="button" onClick={endVote}>
              <Square aria-hidden size={16} />
              {t('facilitation.vote.end')}
            </button>
          </div>
        </>
      ) : (
        <form
          className="fac-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (valid) openVote(n, scope || null);
          }}
        >
          <div className="fac-row">
            <label htmlFor={dotsId}>{t('facilitation.vote.dots')}</label>
            <input
              id={dotsId}
              className="input fac-number"
              type="number"
              min={1}
              max={MAX_DOTS}
              step={1}
              value={dots}
              aria-invalid={!valid}
              aria-describedby={hintId}
              onChange={(e) => setDots(e.target.value)}
            />
            <NumberHint id={hintId} problem={problem} min={1} max={MAX_DOTS} />
          </div>
          <div className="field">
            <label htmlFor={scopeId}>{t('facilitation.vote.scope')}</label>
            <select id={scopeId} className="select" value={scope} onChange={(e) => setScope(e.target.value)}>
              <option value="">{t('facilitation.vote.allCards')}</option>
              {lanes.map((l) => (
                <option key={l.id} value={l.id}>
                  {t('facilitation.vote.lane', { lane: l.title })}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button-primary" disabled={!valid}>
            <Play aria-hidden size={16} />
            {t('facilitation.vote.start')}
          </button>
        </form>
      )}
    </section>
  );
}
