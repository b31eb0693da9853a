import { useEffect, useId, useRef, type ReactNode } from 'react';
import { X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import './modal.css';

interface ModalProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Hide the close button (a dialog that needs an answer first). */
  required?: boolean;
  className?: string;
}

/**
 * A modal on the native <dialog>: focus trapping, Escape, the inert page behind and the dialog role
 * come from the browser. Mounted = open.
 */
export function Modal({ title, onClose, children, required, className }: ModalProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const returnFocus = useRef<Element | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    returnFocus.current = document.activeElement;
    if (!d.open) d.showModal();
    return () => {
      d.close();
      if (returnFocus.current instanceof HTMLElement && returnFocus.current.isConnected) returnFocus.current.focus({ preventScroll: true });
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!required) onClose();
      }}
      onPointerDown={(e) => {
        // A press on the backdrop (the dialog element itself, outside its box) closes it.
        if (e.target === ref.current && !required) {
          const r = ref.current.getBoundingClientRect();
          const inside = e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom;
          if (!inside) onClose();
        }
      }}
    >
      <div className="modal-head">
        <h2 id={titleId} className="modal-title">
          {title}
        </h2>
        {!required && (
          <button type="button" className="icon-button" aria-label={t('common.close')} onClick={onClose}>
            <X aria-hidden size={18} />
          </button>
        )}
      </div>
      <div className="modal-body">{children}</div>
    </dialog>
  );
}
