import { Eye, EyeOff } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { usePresence, type Peer } from '../store/presence-store';
import { useSession } from '../store/session-store';
import { useFacilitation } from './facilitation-store';
import { followPerson, stopFollowing } from './follow';

/** In the list of people online: follow this person's view (or stop). Only people who share a view can be followed. */
export function FollowButton({ peer }: { peer: Peer }) {
  const { t } = useTranslation();
  const following = useFacilitation((s) => s.following === peer.clientId);
  const hasView = usePresence((s) => !!s.viewports[peer.clientId]);
  const projector = useSession((s) => s.readOnly);
  if (projector || (!hasView && !following)) return null;
  const label = following ? t('facilitation.follow.stop') : t('facilitation.follow.follow', { name: peer.name });
  return (
    <button
      type="button"
      className="icon-button follow-button"
      aria-pressed={following}
      aria-label={t('facilitation.follow.follow', { name: peer.name })}
      title={label}
      onClick={() => (following ? stopFollowing() : followPerson(peer.clientId))}
    >
      {following ? <EyeOff aria-hidden size={16} /> : <Eye aria-hidden size={16} />}
    </button>
  );
}
