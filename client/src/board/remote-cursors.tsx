import { memo } from 'react';
import type { Role } from '../../../shared/protocol';
import { usePresence } from '../store/presence-store';

/**
 * Other people's pointers, in board coordinates inside the scaled layer and counter-scaled (CSS
 * --inv-zoom) so they keep their size. Updates arrive at most 20 times a second; a short CSS transition
 * smooths them. `onlyRole` limits them to one role (the projector shows only the facilitator's).
 */
export const RemoteCursors = memo(function RemoteCursors({ onlyRole }: { onlyRole?: Role }) {
  const peers = usePresence((s) => s.peers);
  const cursors = usePresence((s) => s.cursors);
  return (
    <div className="cursors-layer" aria-hidden>
      {peers.map((p) => {
        const c = cursors[p.clientId];
        if (!c || (onlyRole && p.role !== onlyRole)) return null;
        return (
          <div key={p.clientId} className="remote-cursor" style={{ transform: `translate(${c.x}px, ${c.y}px)` }}>
            <div className="remote-cursor-body">
              <svg width="18" height="22" viewBox="0 0 18 22">
                <path d="M1 1l15 10.5-6.6 1.2L13 20l-3 1.4-3.6-7.3L1 18.5z" fill={p.color} stroke="#fff" strokeWidth="1.5" strokeLinejoin="round" />
              </svg>
              <span className="remote-cursor-name" style={{ background: p.color }}>
                {p.name}
              </span>
            </div>
          </div>
        );
      })}
    </div>
  );
});
