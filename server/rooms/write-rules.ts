import { ROOT } from '../../shared/doc/schema';
import type { Role } from '../../shared/protocol';
import type { UpdateScope } from './update-scope';

/** Why a write was refused; also the label of the dropped-writes metric. */
export type DropReason =
  | 'viewer'
  | 'skeleton'
  | 'meta'
  | 'unknown-root'
  | 'untraceable'
  | 'doc-too-large'
  | 'presence-too-large'
  | 'presence-not-own'
  | 'presence-role';

/** Roots a participant may write. Stages, lanes and meta belong to facilitators (docs/roles.md). */
const PARTICIPANT_ROOTS = new Set<string>([ROOT.cards]);

/** Decides whether a role may apply an update with this scope; null means allowed. */
export function checkWrite(role: Role, scope: UpdateScope): DropReason | null {
  if (role === 'viewer') return 'viewer';
  if (role === 'facilitator') return null;
  if (scope.unknown) return 'untraceable';
  for (const root of scope.roots) {
    if (PARTICIPANT_ROOTS.has(root)) continue;
    if (root === ROOT.stages || root === ROOT.lanes) return 'skeleton';
    if (root === ROOT.meta) return 'meta';
    return 'unknown-root';
  }
  return null;
}
