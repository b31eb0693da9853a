import { useId, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { useTranslation } from 'react-i18next';
import { leverOfStage } from '../../../shared/insights/clv';
import { MAX_EFFECT_PCT, MIN_EFFECT_PCT } from '../../../shared/doc/schema';
import { parseTypedNumber } from '../../../shared/insights/clv-schema';
import { useBoard, useCard } from '../store/board-store';
import { useSession } from '../store/session-store';
import { Modal } from '../ui/modal';
import { useUiLocale } from '../journey/use-ui-locale';
import { canSetEffect, saveIdeaEffect } from './clv-actions';
import { formatPlain } from './clv-format';
import './clv.css';

/** Which idea's effect is open for editing (local UI state). */
const effectStore = createStore<{ cardId: string | null }>(() => ({ cardId: null }));
export const openEffect = (cardId: string) => effectStore.setState({ cardId });
const closeEffect = () => effectStore.setState({ cardId: null });

/**
 * An idea's expected effect on its stage's CLV lever, in percent of the lever's input (docs/insights.md).
 * Open for the idea's author and facilitators (the server refuses anyone else); mounted once per board.
 */
export function IdeaEffectDialog() {
  const cardId = useStore(effectStore, (s) => s.cardId);
  const card = useCard(cardId ?? '');
  const allowed = useSession((s) => canSetEffect(s, card));
  if (!cardId || !card || !allowed) return null;
  return <EffectForm key={cardId} cardId={cardId} />;
}

function EffectForm({ cardId }: { cardId: string }) {
  const { t } = useTranslation();
  const lang = useUiLocale();
  const card = useCard(cardId)!;
  const stage = useBoard((s) => s.stages.find((x) => x.id === card.stage));
  const lever = leverOfStage(card.stage);
  const [value, setValue] = useState(card.effect === undefined ? '' : formatPlain(card.effect, lang));
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const leverName = lever ? t(`insights.clv.lever.${lever}`) : '';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = parseTypedNumber(value.replace(/\u2212/g, '-'));
    if (n === undefined) {
      saveIdeaEffect(cardId, null);
      return closeEffect();
    }
    if (Number.isNaN(n)) return setProblem(t('insights.clv.effect.notNumber'));
    if (n < MIN_EFFECT_PCT || n > MAX_EFFECT_PCT) return setProblem(t('insights.clv.effect.outOfRange'));
    saveIdeaEffect(cardId, n);
    closeEffect();
  };

  return (
    <Modal title={t('insights.clv.effect.title', { idea: card.text.split('\n')[0] })} onClose={closeEffect} className="effect-dialog">
      {lever ? (
        <form onSubmit={submit} noValidate>
          <p>{t('insights.clv.effect.lever', { stage: stage?.title ?? '', lever: leverName })}</p>
          <div className="field">
            <label htmlFor={id}>{t('insights.clv.effect.label', { lever: leverName })}</label>
            <div className="effect-row">
              <input
                id={id}
                className="input"
                inputMode="decimal"
                autoComplete="off"
                autoFocus
                value={value}
                aria-invalid={problem ? true : undefined}
                aria-describedby={`${id}-help${problem ? ` ${id}-error` : ''}`}
                onChange={(e) => {
                  setValue(e.currentTarget.value);
                  setProblem(null);
                }}
              />
              <span aria-hidden>%</span>
            </div>
            <p id={`${id}-help`} className="hint">
              {t('insights.clv.effect.help')}
            </p>
            {problem && (
              <p id={`${id}-error`} className="error-text" role="alert">
                {problem}
              </p>
            )}
          </div>
          <div className="modal-actions">
            {card.effect !== undefined && (
              <button
                type="button"
                className="button button-danger"
                onClick={() => {
                  saveIdeaEffect(cardId, null);
                  closeEffect();
                }}
              >
                {t('insights.clv.effect.remove')}
              </button>
            )}
            <button type="button" className="button" onClick={closeEffect}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button-primary">
              {t('insights.clv.effect.save')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p>{t('insights.clv.effect.noLever')}</p>
          <div className="modal-actions">
            <button type="button" className="button button-primary" onClick={closeEffect}>
              {t('common.close')}
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}
