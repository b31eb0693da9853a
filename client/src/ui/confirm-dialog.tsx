import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from './modal';

/**
 * A question before a destructive action: Cancel (focused, the safe choice) and a danger button that
 * closes the dialog and acts; the danger button is disabled once its target is gone (when the caller says so).
 */
export function ConfirmDialog(props: { title: string; children: ReactNode; confirm: string; gone?: boolean; onConfirm: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal title={props.title} onClose={props.onClose}>
      {props.children}
      <div className="modal-actions">
        <button type="button" className="button" onClick={props.onClose} autoFocus>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="button button-danger"
          disabled={props.gone}
          onClick={() => {
            props.onClose();
            props.onConfirm();
          }}
        >
          {props.confirm}
        </button>
      </div>
    </Modal>
  );
}
