import { Cloud, CloudOff, LoaderCircle, RefreshCw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../store/session-store';
import { connectionView, savesLocally } from './connection-state';

/** Always-visible connection state; a live region, so changes are announced. */
export function ConnectionBadge() {
  const { t } = useTranslation();
  const view = useSession(connectionView);
  const local = savesLocally(view);
  const Icon = view === 'connected' ? Cloud : view === 'offline' ? CloudOff : view === 'reconnecting' ? RefreshCw : LoaderCircle;
  return (
    <div className={`connection connection-${view}`} role="status" title={local ? t('connection.savedLocallyLong') : undefined}>
      <Icon aria-hidden size={16} className={view === 'connecting' || view === 'syncing' ? 'spin' : undefined} />
      <span className="connection-text">{t(`connection.${view}`)}</span>
      {local && <span className="connection-local">{t('connection.savedLocally')}</span>}
    </div>
  );
}
