import { useEffect, useState } from 'react';
import { History } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ReplayCue } from '../../../shared/commands/replay';
import { useFacilitation } from '../facilitation/facilitation-store';
import { serverNow } from '../facilitation/server-clock';
import { refreshVersions } from './history-actions';
import { ReplayStage, useFrameCaption } from './replay-stage';
import { useReplay } from './use-replay';
import './history.css';

/** The last frame stays this long after the replay's 30 s, then the projector shows the live map again. */
const HOLD_MS = 8_000;

/**
 * On the projector: the replay a facilitator started (`facilitation.replay`), over the map. Its clock
 * is the cue's on the server's time, so a projector that opens late joins at the same frame; once it is
 * over (or the facilitator stops it) the live map is back.
 */
export function ProjectorReplay() {
  const cue = useFacilitation((s) => s.replay);
  const [, setTick] = useState(0);
  const live = !!cue && serverNow() < cue.startedAt + cue.durationMs + HOLD_MS;
  useEffect(() => {
    if (!cue) return;
    const end = cue.startedAt + cue.durationMs + HOLD_MS - serverNow();
    if (end <= 0) return;
    const id = setTimeout(() => setTick((n) => n + 1), end + 50);
    return () => clearTimeout(id);
  }, [cue]);
  return live ? <Playing cue={cue} /> : null;
}

function Playing({ cue }: { cue: ReplayCue }) {
  const { t } = useTranslation();
  useEffect(() => void refreshVersions(), [cue.startedAt]);
  const replay = useReplay(cue);
  const caption = useFrameCaption(replay);
  return (
    <div className="projector-replay" data-frame={replay.index} data-frames={replay.frames.length}>
      <p className="projector-replay-title">
        <History aria-hidden />
        <span>{t('boardHistory.replay.banner')}</span>
        <span className="history-frame">{caption}</span>
      </p>
      <ReplayStage replay={replay} fitOnly />
    </div>
  );
}
