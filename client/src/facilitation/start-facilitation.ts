import type * as Y from 'yjs';
import { timerRemaining } from '../../../shared/commands/facilitation';
import type { LocalPresence } from '../sync/presence';
import { presenceStore } from '../store/presence-store';
import { sessionStore } from '../store/session-store';
import { uiStore } from '../store/ui-store';
import { armChime, playChime } from './chime';
import { facilitationStore, initialFacilitation } from './facilitation-store';
import { isFreshSummon, roundRect, visibleRect } from './follow-math';
import { issuedSummons, showRect, stopFollowing } from './follow';
import { showNotice } from './notice';
import { myPerson } from './person';
import { projectFacilitation } from './project-facilitation';
import { clockStore, measureClock, serverNow } from './server-clock';
import { hasCompactionResult } from './compact';

/** How long the timer's display pulses after reaching zero. */
export const RING_MS = 6_000;

export interface FacilitationBinding {
  doc: Y.Doc;
  undo: Y.UndoManager;
  presence: LocalPresence;
  /** The projector: publishes no view, and follows the facilitator by itself. */
  anonymous: boolean;
}

/**
 * Everything facilitation needs while a board is open: this person's id, the projection of the
 * facilitator's state, the server clock, the view others may follow, following and summons, and the
 * timer's signal at zero. Returns the clean-up.
 */
export function startFacilitation({ doc, undo, presence, anonymous }: FacilitationBinding): () => void {
  const person = myPerson();
  sessionStore.setState({ personId: person.id });
  const stops: Array<() => void> = [];

  stops.push(
    projectFacilitation(doc, {
      personId: person.id,
      // A participant's undo stack may hold changes the new lock forbids; the server would refuse them.
      onLocksTightened: () => sessionStore.getState().role === 'participant' && undo.clear(),
    }),
  );

  // The server clock: measured at once, and again when the network comes back.
  const clock = new AbortController();
  void measureClock(clock.signal);
  const remeasure = () => void measureClock(clock.signal);
  window.addEventListener('online', remeasure);
  stops.push(() => {
    clock.abort();
    window.removeEventListener('online', remeasure);
  });

  // My view, for anyone who follows me (the projector is nobody to follow).
  if (!anonymous) {
    const publish = () => {
      const { camera, viewport, cameraReady } = uiStore.getState();
      presence.setViewport(cameraReady && viewport.w && viewport.h ? roundRect(visibleRect(camera, viewport.w, viewport.h)) : null);
    };
    publish();
    stops.push(uiStore.subscribe((s, p) => (s.camera !== p.camera || s.viewport !== p.viewport || s.cameraReady !== p.cameraReady) && publish()));
    // My selected card: the projector zooms to a facilitator's (projector/projector-focus.ts).
    presence.setSelected(uiStore.getState().selectedId);
    stops.push(uiStore.subscribe((s, p) => s.selectedId !== p.selectedId && presence.setSelected(s.selectedId)));
  }

  // Following: a person follows whom they chose. The projector follows nobody: it has its own camera,
  // fitted to its own screen (projector/projector-map.tsx), and handles summons there too.
  const follow = () => {
    if (anonymous) return;
    const { peers, viewports } = presenceStore.getState();
    const target = facilitationStore.getState().following;
    if (target === null) return;
    if (!peers.some((p) => p.clientId === target)) return stopFollowing();
    const rect = viewports[target];
    if (rect) showRect(rect);
  };
  stops.push(presenceStore.subscribe(follow));
  stops.push(facilitationStore.subscribe((s, p) => s.following !== p.following && follow()));
  stops.push(uiStore.subscribe((s, p) => (s.viewport.w !== p.viewport.w || s.viewport.h !== p.viewport.h) && follow()));

  // "Bring everyone here": each client jumps once per summon, except the one that asked.
  let lastSummon = 0;
  const onSummon = () => {
    const s = facilitationStore.getState().summon;
    if (!s || s.at === lastSummon) return;
    lastSummon = s.at;
    if (anonymous || issuedSummons.has(s.at) || !isFreshSummon(s.at, serverNow())) return;
    stopFollowing();
    showRect(s);
    showNotice('youWereSummoned');
  };
  onSummon();
  stops.push(facilitationStore.subscribe((s, p) => s.summon !== p.summon && onSummon()));

  // The timer's signal at zero, for a countdown this person saw running (a late joiner after the end
  // just sees 0:00). Rescheduled whenever the timer or the clock estimate changes.
  let alarm: ReturnType<typeof setTimeout> | undefined;
  let ringOff: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(alarm);
    const t = facilitationStore.getState().timer;
    if (t?.status !== 'running') return;
    const left = timerRemaining(t, serverNow());
    if (left <= 0) return;
    alarm = setTimeout(() => {
      playChime();
      facilitationStore.setState({ ringing: true });
      clearTimeout(ringOff);
      ringOff = setTimeout(() => facilitationStore.setState({ ringing: false }), RING_MS);
    }, left + 50);
  };
  schedule();
  stops.push(facilitationStore.subscribe((s, p) => s.timer !== p.timer && (facilitationStore.setState({ ringing: false }), schedule())));
  stops.push(clockStore.subscribe(schedule));
  stops.push(() => {
    clearTimeout(alarm);
    clearTimeout(ringOff);
  });
  stops.push(armChime());
  // After this tab compacted the board and reloaded, the panel opens to say what it saved.
  const boardId = sessionStore.getState().boardId;
  if (!anonymous && boardId && hasCompactionResult(boardId)) facilitationStore.setState({ panelOpen: true });

  return () => {
    for (const stop of stops.reverse()) stop();
    facilitationStore.setState(initialFacilitation(), true);
  };
}
