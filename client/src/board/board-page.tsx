import { IdeaEffectDialog } from '../insights/idea-effect-dialog';
import { PersonasDialog, TagCardDialog } from '../personas/personas-dialog';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Route } from '../routing/route';
import { openBoard } from '../sync/open-board';
import { useBoard } from '../store/board-store';
import { usePrefs } from '../store/prefs-store';
import { useSession } from '../store/session-store';
import { openDialog, uiStore } from '../store/ui-store';
import { ErrorPage, type ErrorKind } from '../status/error-page';
import { LoadingScreen } from '../status/loading-screen';
import { TopBar } from '../top-bar/top-bar';
import { BoardCanvas } from './board-canvas';
import { BoardDialogs } from './board-dialogs';
import { AnswerDialog } from '../journey/answer-dialog';
import { useBoardShortcuts } from './use-board-shortcuts';
import './board-page.css';

const FATAL: Record<string, ErrorKind> = { 'bad-token': 'badToken', 'unknown-board': 'unknownBoard', 'no-token': 'noToken' };

export function BoardPage({ route }: { route: Extract<Route, { kind: 'board' }> }) {
  const { t } = useTranslation();
  const fatal = useSession((s) => s.fatal);
  const ready = useSession((s) => s.synced || s.everSynced || s.localLoaded);
  const title = useBoard((s) => s.meta.title);
  const hasName = usePrefs((s) => !!s.name);

  useEffect(() => openBoard(route), [route]);
  useEffect(() => {
    if (!hasName && !route.projector && !uiStore.getState().dialog) openDialog({ kind: 'name' });
  }, [hasName, route.projector]);
  useEffect(() => {
    document.title = title ? `${title} · ${t('app.name')}` : t('app.name');
    return () => {
      document.title = t('app.name');
    };
  }, [title, t]);
  useBoardShortcuts();

  if (fatal) return <ErrorPage kind={FATAL[fatal]} />;
  return (
    <div className={`board-page${route.projector ? ' is-projector' : ''}`}>
      <TopBar />
      <main className="board-main">{ready ? <BoardCanvas /> : <LoadingScreen />}</main>
      <BoardDialogs />
      <AnswerDialog />
      <IdeaEffectDialog />
      <PersonasDialog />
      <TagCardDialog />
    </div>
  );
}
