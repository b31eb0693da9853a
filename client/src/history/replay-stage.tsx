import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { changeByCard, compareBoards } from '../../../shared/history/board-changes';
import { contentOf, contentWithRemoved } from './board-content';
import { CheckpointMap } from './checkpoint-map';
import { shownBoard, type Replay } from './use-replay';
import { checkpointTime } from './version-words';

/** "10:42 (3 of 12)": the frame a replay shows. */
export function useFrameCaption(replay: Replay): string {
  const { t, i18n } = useTranslation();
  const frame = replay.frames[replay.index];
  const time = frame?.at === null || !frame ? t('boardHistory.replay.nowFrame') : checkpointTime(frame.at, i18n.language);
  return t('boardHistory.replay.frame', { time, index: replay.index + 1, count: replay.frames.length });
}

/**
 * One frame of the replay on the map: the state at that checkpoint, with what it changed since the
 * frame before outlined (cards appearing glow as they arrive: history.css).
 */
export function ReplayStage({ replay, fitOnly }: { replay: Replay; fitOnly?: boolean }) {
  const { t } = useTranslation();
  const caption = useFrameCaption(replay);
  const { board, previous } = shownBoard(replay.frames, replay.index);
  const shown = useMemo(() => {
    if (!board) return null;
    if (!previous) return { content: contentOf(board), marks: undefined };
    const changes = compareBoards(previous, board);
    return { content: contentWithRemoved(board, changes), marks: changeByCard(changes) };
  }, [board, previous]);
  if (!shown) return <p className="history-map-status">{t('boardHistory.replay.loading')}</p>;
  return <CheckpointMap board={shown.content} marks={shown.marks} label={`${t('boardHistory.replay.banner')}: ${caption}`} fitOnly={fitOnly} />;
}
