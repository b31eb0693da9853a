import { createHash } from 'node:crypto';
import { PERSON_KEY_PATTERN, base64url } from '../shared/identity';

/** The person id for a `person` key, computed as shared/identity.ts defines it; null if absent or malformed. */
export function personIdFor(personKey: string | null): string | null {
  if (!personKey || !PERSON_KEY_PATTERN.test(personKey)) return null;
  return base64url(createHash('sha256').update(personKey).digest()).slice(0, 22);
}
