import { useEffect, useMemo, useState } from 'react';
import type { ReplayCue } from '../../../shared/commands/replay';
import { REPLAY_MS } from '../../../shared/commands/replay';
import type { BoardPlain } from '../../../shared/history/board-changes';
import { serverNow } from '../facilitation/server-clock';
import { useBoard } from '../store/board-store';
import { ensureFile, liveBoard } from './history-actions';
import { NOW, useHistory } from './history-store';
import { frameAt, frameStart, pickFrames } from './replay-frames';

export interface ReplayFrame {
  /** A checkpoint id, or NOW for the live board (the replay's last frame). */
  id: string;
  /** When the checkpoint was taken; null for now. */
  at: number | null;
  /** The state, once its file is in (the live board always is). */
  board: BoardPlain | null;
}

export interface Replay {
  frames: ReplayFrame[];
  /** Checkpoint files still loading. */
  loading: number;
  index: number;
  playing: boolean;
  play(): void;
  pause(): void;
  seek(index: number): void;
}

/**
 * The replay's frames (up to 24 checkpoints, oldest first, then the board now) and its clock. Playing
 * runs through them in REPLAY_MS; with a `cue` (the replay a facilitator started on the projector) the
 * clock is the cue's, on the server's time, so every screen shows the same frame.
 */
export function useReplay(cue: ReplayCue | null = null): Replay {
  const versions = useHistory((s) => s.list.versions);
  const files = useHistory((s) => s.files);
  const fetching = useHistory((s) => s.fetching);
  const picked = useMemo(() => pickFrames(versions), [versions]);
  const liveCards = useBoard((s) => s.cards);
  const liveStages = useBoard((s) => s.stages);
  const live = useMemo(() => liveBoard(), [liveCards, liveStages]);

  // Load the checkpoints in time order, two at a time: the first frames are ready first.
  useEffect(() => {
    let stop = false;
    const queue = picked.map((v) => v.id);
    const next = async (): Promise<void> => {
      const id = queue.shift();
      if (!id || stop) return;
      await ensureFile(id);
      return next();
    };
    void Promise.all([next(), next()]);
    return () => {
      stop = true;
    };
  }, [picked]);

  const frames = useMemo<ReplayFrame[]>(
    () => [...picked.map((v) => ({ id: v.id, at: v.at, board: files[v.id]?.board ?? null })), { id: NOW, at: null, board: live }],
    [picked, files, live],
  );
  const count = frames.length;
  const [clock, setClock] = useState<{ playing: boolean; index: number; startedAt: number }>({ playing: false, index: 0, startedAt: 0 });
  const [, setTick] = useState(0);
  const running = clock.playing || !!cue;
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setTick((n) => n + 1), 100);
    return () => clearInterval(id);
  }, [running]);

  let index = clock.index;
  if (cue) index = frameAt(serverNow() - cue.startedAt, count, cue.durationMs);
  else if (clock.playing) index = frameAt(Date.now() - clock.startedAt, count, REPLAY_MS);
  index = Math.max(0, Math.min(count - 1, index));
  const ended = clock.playing && !cue && Date.now() - clock.startedAt >= REPLAY_MS;
  useEffect(() => {
    if (ended) setClock({ playing: false, index: count - 1, startedAt: 0 });
  }, [ended, count]);

  return {
    frames,
    loading: picked.filter((v) => !files[v.id] && fetching[v.id] !== 'error').length,
    index,
    playing: clock.playing || !!cue,
    // From the slider's frame, or from the start once at the end.
    play: () => {
      const from = index >= count - 1 ? 0 : index;
      setClock({ playing: true, index: from, startedAt: Date.now() - frameStart(from, count, REPLAY_MS) });
    },
    pause: () => setClock({ playing: false, index, startedAt: 0 }),
    seek: (i: number) => setClock({ playing: false, index: Math.max(0, Math.min(count - 1, i)), startedAt: 0 }),
  };
}

/** The frame's state, or the nearest earlier one that is loaded (a file still on its way). */
export function shownBoard(frames: ReplayFrame[], index: number): { board: BoardPlain | null; previous: BoardPlain | null } {
  let i = index;
  while (i >= 0 && !frames[i]?.board) i--;
  let j = i - 1;
  while (j >= 0 && !frames[j]?.board) j--;
  return { board: i >= 0 ? frames[i].board : null, previous: j >= 0 ? frames[j].board : null };
}
