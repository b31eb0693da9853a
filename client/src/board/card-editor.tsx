import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_CARD_TEXT_LENGTH } from '../../../shared/doc/schema';
import { editCardText, finishEditing } from '../sync/actions';
import { boardStore } from '../store/board-store';
import { makeReadable } from './camera';
import { transformCaret } from './caret';
import { cardElement } from './focus';

/**
 * Edits a note in place. The textarea is uncontrolled: each input is written as a minimal diff (so two
 * people typing in one note keep both their words), and text changed by someone else is applied to
 * the field with the caret kept in place.
 */
export function CardEditor({ id, text }: { id: string; text: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    el.setSelectionRange(el.value.length, el.value.length);
    const rect = boardStore.getState().layout.cards.get(id);
    if (rect) makeReadable(rect);
  }, [id]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || el.value === text) return;
    const start = transformCaret(el.value, text, el.selectionStart);
    const end = transformCaret(el.value, text, el.selectionEnd);
    el.value = text;
    if (document.activeElement === el) el.setSelectionRange(start, end);
  }, [text]);

  const close = () => {
    finishEditing();
    // The note turns back into a focusable button on the next render; keep keyboard users on it.
    requestAnimationFrame(() => cardElement(id)?.focus({ preventScroll: true }));
  };

  return (
    <textarea
      ref={ref}
      className="card-editor"
      aria-label={t('card.textLabel')}
      defaultValue={text}
      maxLength={MAX_CARD_TEXT_LENGTH}
      dir="auto"
      onInput={(e) => editCardText(id, e.currentTarget.value)}
      onBlur={() => finishEditing()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
          e.preventDefault();
          close();
        }
      }}
    />
  );
}
