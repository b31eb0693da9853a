import type { UpdateScope } from './update-scope';
import type { DropReason, WriteContext } from './write-rules';

/** The card field holding an idea's expected effect on its stage's CLV lever (docs/document-format.md). */
export const EFFECT_FIELD = 'effect';

/**
 * An idea's effect is set or removed by its author or a facilitator (facilitators never reach this
 * check). The author is the card's owner: `ownerId` equal to the person id the server derives from
 * the connection's `person` key. A card created by the same update is its creator's; a card without
 * an owner only a facilitator's. Removing a whole card is the card rules' business, not this one's.
 */
export function checkEffects(scope: UpdateScope, ctx: Pick<WriteContext, 'personId' | 'ownerOf'>): DropReason | null {
  for (const [cardId, fields] of scope.cardFields) {
    if (!fields.has(EFFECT_FIELD)) continue;
    const owner = ctx.ownerOf(cardId);
    if (owner === null) continue; // a new card
    if (!ctx.personId || owner !== ctx.personId) return 'effect-not-own';
  }
  return null;
}
