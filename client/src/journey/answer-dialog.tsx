import { useEffect, useId, useLayoutEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { useTranslation } from 'react-i18next';
import { MAX_CARD_TEXT_LENGTH } from '../../../shared/doc/schema';
import { useCard } from '../store/board-store';
import { useCanChangeCard } from '../store/session-store';
import { transformCaret } from '../board/caret';
import { Modal } from '../ui/modal';
import { editCardAnswer, finishAnswer } from './answer-actions';
import './answer-dialog.css';

/** Which question card's answer is open for editing (local UI state). */
const answerStore = createStore<{ cardId: string | null }>(() => ({ cardId: null }));
export const openAnswer = (cardId: string) => answerStore.setState({ cardId });
const closeAnswer = () => answerStore.setState({ cardId: null });

/**
 * The answer of a question card, edited in a dialog at screen size (a question card is small on the map).
 * Each keystroke is written as a minimal diff of the card's `answer` Y.Text, so the team can type into
 * the same answer together; text arriving from others is merged into the field, caret kept.
 */
export function AnswerDialog() {
  const cardId = useStore(answerStore, (s) => s.cardId);
  const card = useCard(cardId ?? '');
  // In cards-only mode a participant answers only on their own question cards (docs/roles.md).
  const canEdit = useCanChangeCard(card?.ownerId);
  if (!cardId || !card || card.kind !== 'question' || !canEdit) return null;
  return <AnswerForm cardId={cardId} question={card.text} answer={card.answer ?? ''} />;
}

function AnswerForm({ cardId, question, answer }: { cardId: string; question: string; answer: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const firstLine = question.split('\n')[0];

  useEffect(() => {
    finishAnswer(); // what came before the dialog is not part of this answer's undo step
    return () => finishAnswer();
  }, []);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || el.value === answer) return;
    const start = transformCaret(el.value, answer, el.selectionStart);
    const end = transformCaret(el.value, answer, el.selectionEnd);
    el.value = answer;
    if (document.activeElement === el) el.setSelectionRange(start, end);
  }, [answer]);

  return (
    <Modal title={t('journey.question.answerFor', { question: firstLine })} onClose={closeAnswer} className="answer-dialog">
      <p className="answer-question" dir="auto">
        {question}
      </p>
      <div className="field">
        <label htmlFor={id}>{t('journey.question.answer')}</label>
        <textarea
          ref={ref}
          id={id}
          className="input answer-input"
          rows={6}
          defaultValue={answer}
          maxLength={MAX_CARD_TEXT_LENGTH}
          placeholder={t('journey.question.placeholder')}
          dir="auto"
          autoFocus
          onInput={(e) => editCardAnswer(cardId, e.currentTarget.value)}
        />
      </div>
      <div className="modal-actions">
        <button type="button" className="button button-primary" onClick={closeAnswer}>
          {t('common.close')}
        </button>
      </div>
    </Modal>
  );
}
