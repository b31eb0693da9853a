import { ROOT, type FacilitationLocks } from '../../shared/doc/schema';
import type { Role } from '../../shared/protocol';
import { VOTES_ROOT } from '../../shared/commands/votes';
import type { UpdateScope } from './update-scope';
import { checkEffects } from './effect-rules';

/** Why a write was refused; also the label of the dropped-writes metric (presence: presence-limits.ts). */
export type DropReason =
  | 'viewer'
  | 'board-locked'
  | 'skeleton'
  | 'meta'
  | 'facilitator-only'
  | 'not-own-card'
  | 'unknown-root'
  | 'untraceable'
  | 'doc-too-large'
  | 'person-share'
  | 'content-limit'
  | 'incomplete'
  | 'vote-closed'
  | 'vote-not-own'
  | 'vote-invalid'
  | 'vote-out-of-scope'
  | 'vote-budget'
  | 'overlap'
  | 'struct-shape'
  | 'card-field'
  | 'client-id-not-own'
  | 'effect-not-own';

export interface WriteContext {
  locks: FacilitationLocks;
  /** The writer's person id (from its `person` key), if it sent one. */
  personId: string | null;
  /** Owner of an existing card (undefined: a card without owner); null when no such card exists yet. */
  ownerOf(cardId: string): string | undefined | null;
  /** Checks a write to the `votes` root (vote-rules.ts), given the vote keys it touches. */
  checkVotes(keys: Set<string>): DropReason | null;
}

/** Roots only facilitators write: board facts, facilitation state, imported decks. */
const FACILITATOR_ROOTS = new Set<string>([ROOT.meta, ROOT.facilitation, 'decks']);

/** Decides whether a role may apply an update with this scope; null means allowed (docs/roles.md). */
export function checkWrite(role: Role, scope: UpdateScope, ctx: WriteContext): DropReason | null {
  if (role === 'viewer') return 'viewer';
  // Shapes no client writes are refused whoever sends them (update-scope.ts `Invalid`).
  if (scope.overlap) return 'overlap';
  if (scope.invalid) return scope.invalid;
  if (role === 'facilitator') return null;
  if (ctx.locks.boardLocked) return 'board-locked';
  if (scope.unknown) return 'untraceable';
  for (const root of scope.roots) {
    if (root === ROOT.cards) {
      if (ctx.locks.cardsOnly && !ownsEvery(scope.keys.get(ROOT.cards), ctx)) return 'not-own-card';
      const effect = checkEffects(scope, ctx);
      if (effect) return effect;
      continue;
    }
    // Personas are part of the map's frame, like its stages and lanes: the same lock holds them.
    if (root === ROOT.stages || root === ROOT.lanes || root === ROOT.personas) {
      if (ctx.locks.skeletonLocked) return 'skeleton';
      continue;
    }
    if (root === VOTES_ROOT) {
      const refused = ctx.checkVotes(scope.keys.get(VOTES_ROOT) ?? new Set());
      if (refused) return refused;
      continue;
    }
    if (root === ROOT.meta) return 'meta';
    if (FACILITATOR_ROOTS.has(root)) return 'facilitator-only';
    return 'unknown-root';
  }
  return null;
}

/** New cards are anyone's to add; existing ones only their owner's to change or delete. */
function ownsEvery(cardIds: Set<string> | undefined, ctx: WriteContext): boolean {
  for (const id of cardIds ?? []) {
    const owner = ctx.ownerOf(id);
    if (owner === null) continue;
    if (!ctx.personId || owner !== ctx.personId) return false;
  }
  return true;
}
