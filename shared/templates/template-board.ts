/**
 * Templates and boards, both ways. A template is a file in the backup format (docs/backup-format.md):
 * the ones in shared/templates/files/, or one a facilitator saved from a board ("Save as template").
 * Pure: the home page runs them before the upload, the export menu before the download.
 */
import { MAX_TITLE_LENGTH } from '../doc/schema';
import type { Backup } from '../backup/backup-schema';
import { freshWorkshop, SESSION_KEYS } from '../backup/fresh-workshop';

/**
 * The new board a template (or the worked example) becomes, under `title` (the template's own title
 * when empty): a fresh workshop (shared/backup/fresh-workshop.ts) whose dates are today's, the cards
 * keeping their order of creation.
 */
export function boardFromTemplate(template: Backup, title: string, now: number): Backup {
  const fresh = freshWorkshop(template, title.trim() || template.board.meta.title);
  // The newest card is dated now, the others as long before as they were before it.
  const newest = fresh.board.cards.reduce((m, c) => Math.max(m, c.createdAt), fresh.board.meta.createdAt);
  const shift = now - newest;
  return {
    ...fresh,
    exportedAt: now,
    board: {
      ...fresh.board,
      meta: { ...fresh.board.meta, createdAt: now },
      cards: fresh.board.cards.map((c) => ({ ...c, createdAt: c.createdAt + shift })),
    },
  };
}

/** Facilitation keys a template leaves out: the running session, the vote, the business's CLV figures (`clv`). */
export const NOT_IN_TEMPLATE: readonly string[] = [...SESSION_KEYS, 'vote', 'clv'];

/**
 * "Save as template": the board's content for another workshop. Kept: title, language, stages, lanes,
 * the cards with their text, kind, colour, author, valence and moment, imported decks, locks and the
 * agenda. Left out: what belongs to one workshop's people and results — the dot vote and its dots,
 * question cards' answers (emptied, the question stays), who owns each card (person ids), the running
 * session (timer, agenda step, spotlight, "bring everyone here", the projected insight) — and the
 * business's own figures: the CLV inputs and the ideas' expected effects.
 */
export function templateFromBoard(board: Backup, now: number): Backup {
  const facilitation = { ...board.board.facilitation };
  for (const k of NOT_IN_TEMPLATE) delete facilitation[k];
  return {
    ...board,
    exportedAt: now,
    board: {
      ...board.board,
      meta: { ...board.board.meta, title: board.board.meta.title.slice(0, MAX_TITLE_LENGTH) },
      cards: board.board.cards.map((card) => {
        const { ownerId: _owner, effect: _effect, answer, ...kept } = card;
        return answer === undefined ? kept : { ...kept, answer: '' };
      }),
      facilitation,
      votes: {},
    },
  };
}
