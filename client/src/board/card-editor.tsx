import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_CARD_TEXT_LENGTH } from '../../../shared/doc/schema';
import { editCardText, finishEditing } from '../sync/actions';
import { boardStore } from '../store/board-store';
import { makeReadable } from './camera';
import { transformCaret } from './caret';
import { cardElement } from './focus';
import './card-editor.css';

/** From this length on, the editor shows how many characters are left of the limit. */
export const NEAR_LIMIT = Math.floor(MAX_CARD_TEXT_LENGTH * 0.9);

/**
 * Edits a note in place. The textarea is uncontrolled: each input is written as a minimal diff (so two
 * people typing in one note keep both their words), and text changed by someone else is applied to
 * the field with the caret kept in place.
 */
export function CardEditor({ id, text }: { id: string; text: string }) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLTextAreaElement>(null);
  const limitId = useId();
  // Known from the first render (a long note opened for editing), then from every input.
  const [length, setLength] = useState(text.length);

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
    setLength(text.length);
    if (document.activeElement === el) el.setSelectionRange(start, end);
  }, [text]);

  const close = () => {
    finishEditing();
    // The note turns back into a focusable button on the next render; keep keyboard users on it.
    requestAnimationFrame(() => cardElement(id)?.focus({ preventScroll: true }));
  };

  const full = length >= MAX_CARD_TEXT_LENGTH;
  const near = length >= NEAR_LIMIT;
  const fmt = (n: number) => n.toLocaleString(i18n.language);

  return (
    <>
      <textarea
        ref={ref}
        className="card-editor"
        aria-label={t('card.textLabel')}
        aria-describedby={near ? limitId : undefined}
        defaultValue={text}
        maxLength={MAX_CARD_TEXT_LENGTH}
        dir="auto"
        onInput={(e) => {
          setLength(e.currentTarget.value.length);
          editCardText(id, e.currentTarget.value);
        }}
        onPaste={(e) => {
          // The browser cuts a paste at maxLength without a word: say so.
          const el = e.currentTarget;
          const pasted = e.clipboardData.getData('text').length;
          if (el.value.length - (el.selectionEnd - el.selectionStart) + pasted > MAX_CARD_TEXT_LENGTH) setLength(MAX_CARD_TEXT_LENGTH);
        }}
        onBlur={() => finishEditing()}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
            e.preventDefault();
            close();
          }
        }}
      />
      {near && !full && (
        <p id={limitId} className="card-editor-limit">
          {t('notices.textLimit.count', { count: fmt(length), max: fmt(MAX_CARD_TEXT_LENGTH) })}
        </p>
      )}
      {/* A live region that exists before it fills, so reaching the limit is announced once. */}
      <p id={full ? limitId : undefined} className="card-editor-limit is-full" role="status">
        {full ? t('notices.textLimit.full', { max: fmt(MAX_CARD_TEXT_LENGTH) }) : ''}
      </p>
    </>
  );
}
