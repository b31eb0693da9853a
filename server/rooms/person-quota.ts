import * as Y from 'yjs';
import type { Role } from '../../shared/protocol';
import { readCards } from '../../shared/doc/read';
import { decoded, type DecodedUpdate } from './decoded-update';

/**
 * How much of a board's document size limit (MAX_DOC_BYTES) each person may use, so that no single
 * participant can fill a board and lock everyone else out of it (docs/operations.md, "Board size").
 *
 * - A participant may add at most PERSON_SHARE_PERCENT of the cap: the bytes of their accepted updates
 *   are counted by person id (the `person` key of their connection; clients that send no key share one
 *   count).
 * - Participants together stop at the cap minus a reserve (1/16 of it) that only facilitators may use,
 *   so whatever many person keys someone makes up, the facilitator can still lock the board and clean
 *   up.
 * - An update that adds nothing (deletions only) is always accepted: a full board can always be
 *   emptied, and a later compaction gives the space back.
 *
 * The count is kept in memory with the loaded board. When a board loads, each person starts from the
 * size of the cards they own in the document (their `ownerId`), so unloading the board or restarting
 * the server does not hand anyone a fresh share of what they already hold; history they wrote and
 * deleted is not counted again. "Compact the board" starts every count afresh the same way.
 */
export type QuotaRefusal = 'doc-too-large' | 'person-share';

/** Part of the cap kept for facilitators: 1/16 (1 MiB of the default 16 MiB). */
export const FACILITATOR_RESERVE_DIVISOR = 16;
/** Count for writers without a person key. */
const NO_PERSON = '';

export interface QuotaLimits {
  maxDocBytes: number;
  /** Percent of maxDocBytes one participant may add. */
  personSharePercent: number;
}

export class PersonQuota {
  private used = new Map<string, number>();

  /** Starts every count from the cards each person owns in `doc` (see above). */
  seed(doc: Y.Doc): void {
    this.used.clear();
    for (const card of readCards(doc)) {
      if (!card.ownerId) continue;
      this.used.set(card.ownerId, (this.used.get(card.ownerId) ?? 0) + JSON.stringify(card).length);
    }
  }

  usedBy(personId: string | null): number {
    return this.used.get(personId ?? NO_PERSON) ?? 0;
  }

  /** Whether a write of `bytes` that adds content may be accepted now; null when it may. */
  check(role: Role, personId: string | null, bytes: number, storedBytes: number, limits: QuotaLimits): QuotaRefusal | null {
    if (role === 'facilitator') return storedBytes + bytes > limits.maxDocBytes ? 'doc-too-large' : null;
    const reserve = Math.floor(limits.maxDocBytes / FACILITATOR_RESERVE_DIVISOR);
    if (storedBytes + bytes > limits.maxDocBytes - reserve) return 'doc-too-large';
    const share = Math.floor((limits.maxDocBytes * limits.personSharePercent) / 100);
    if (this.usedBy(personId) + bytes > share) return 'person-share';
    return null;
  }

  /** Counts an accepted update against its writer. */
  record(personId: string | null, bytes: number): void {
    const key = personId ?? NO_PERSON;
    this.used.set(key, (this.used.get(key) ?? 0) + bytes);
  }
}

/**
 * True when an update brings no new item to `doc`: only deletions, or items the doc already has (a
 * client's resend). Such an update can only make the board smaller and is never refused for size.
 */
export function addsNothing(doc: Y.Doc, update: Uint8Array | DecodedUpdate): boolean {
  const { structs } = decoded(update);
  return structs.every((s) => !(s instanceof Y.Item) || s.id.clock + s.length <= Y.getState(doc.store, s.id.client));
}
