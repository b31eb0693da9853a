import { lazy, Suspense } from 'react';
import { HomePage } from './home/home-page';
import { useRoute } from './routing/navigate';
import { ErrorPage } from './status/error-page';

// The board (Yjs, drag and drop, QR codes) loads on demand: the home page stays light on phones.
const BoardPage = lazy(() => import('./board/board-page').then((m) => ({ default: m.BoardPage })));
// The projector view (/b/<id>/projector): the same board, made for the screen in a meeting room.
const ProjectorPage = lazy(() => import('./projector/projector-page').then((m) => ({ default: m.ProjectorPage })));

export function App() {
  const route = useRoute();
  if (route.kind === 'home') return <HomePage />;
  if (route.kind === 'board')
    return (
      <Suspense fallback={null}>
        {route.projector ? (
          <ProjectorPage key={`${route.id}/projector/${route.token}`} route={route} />
        ) : (
          <BoardPage key={`${route.id}/${route.token}`} route={route} />
        )}
      </Suspense>
    );
  return <ErrorPage kind="notFound" />;
}
