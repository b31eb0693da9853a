import { useLayoutEffect } from 'react';
import { createPortal } from 'react-dom';
import { closeReport } from '../export/export-actions';
import { useExport } from '../export/export-store';
import { ReportView } from './report-view';

/**
 * Shows the report over the board while it is open: a sibling of the app's root in <body>, so printing
 * hides the app (html.is-reporting, report.css) and prints the report alone. The app behind is inert.
 */
export function ReportHost() {
  const open = useExport((s) => s.reportOpen);
  // A layout effect: it runs before the report's own effect moves the focus into it.
  useLayoutEffect(() => {
    if (!open) return;
    const app = document.getElementById('root');
    const returnTo = document.activeElement;
    document.documentElement.classList.add('is-reporting');
    app?.setAttribute('inert', '');
    return () => {
      document.documentElement.classList.remove('is-reporting');
      app?.removeAttribute('inert');
      if (returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus({ preventScroll: true });
    };
  }, [open]);
  return open ? createPortal(<ReportView onClose={closeReport} />, document.body) : null;
}
