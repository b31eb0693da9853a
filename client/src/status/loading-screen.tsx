import { LoaderCircle, WifiOff } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../store/session-store';
import './status.css';

/** Shown until the board's first content arrives, from the server or from this device's copy. */
export function LoadingScreen() {
  const { t } = useTranslation();
  const online = useSession((s) => s.online);
  return (
    <div className="loading-screen" role="status">
      {online ? <LoaderCircle aria-hidden className="spin" size={32} /> : <WifiOff aria-hidden size={32} />}
      <p>{online ? t('board.loading') : t('board.waitingOffline')}</p>
    </div>
  );
}
