import type { WebsocketProvider } from 'y-websocket';

type Change = { added: number[]; updated: number[]; removed: number[] };

/**
 * Stock y-websocket sends every presence change it sees back to the server, other people's included
 * (its awareness 'update' handler does not look at where a change came from). With 20 people moving
 * their pointers that is up to 400 echoes a second from each browser, which the server parses and
 * drops (server/rooms/presence-limits.ts: nobody may write someone else's presence), and 20 times the
 * presence traffic a board needs. The server already relays everyone's presence to everyone, so this
 * client sends only its own: the same handler, given only this client's id.
 */
export function sendOwnPresenceOnly(provider: WebsocketProvider): () => void {
  const awareness = provider.awareness;
  const own = (ids: number[]) => ids.filter((id) => id === awareness.clientID);
  const onUpdate = ({ added, updated, removed }: Change, origin: unknown) => {
    const mine = { added: own(added), updated: own(updated), removed: own(removed) };
    if (mine.added.length + mine.updated.length + mine.removed.length) provider._awarenessUpdateHandler(mine, origin);
  };
  awareness.off('update', provider._awarenessUpdateHandler);
  awareness.on('update', onUpdate);
  return () => awareness.off('update', onUpdate);
}
