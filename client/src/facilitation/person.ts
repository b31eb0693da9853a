import { digest } from 'lib0/hash/sha256';
import { randomId } from '../../../shared/doc/ids';
import { base64url, PERSON_KEY_PATTERN } from '../../../shared/identity';
import { readLocal, writeLocal } from '../lib/storage';

/**
 * Who this browser is (shared/identity.ts): a random secret person key, made once and kept in
 * localStorage, sent only to the server (`person` websocket parameter); and the public person id
 * derived from it, which goes on the cards this person creates and on their votes.
 */
export const PERSON_KEY_STORAGE = 'journey-studio:person';

let cached: { key: string; id: string } | null = null;

/**
 * The person id for a key: the same value as shared/identity.ts `personIdFromKey`, computed
 * synchronously with lib0's SHA-256, because `crypto.subtle` exists only in secure contexts and phones
 * in the room often open the app at the laptop's plain-http network address.
 */
export function personIdSync(personKey: string): string {
  return base64url(digest(new TextEncoder().encode(personKey))).slice(0, 22);
}

export function myPerson(): { key: string; id: string } {
  if (cached) return cached;
  let key = readLocal(PERSON_KEY_STORAGE);
  if (!key || !PERSON_KEY_PATTERN.test(key)) {
    key = randomId(16);
    writeLocal(PERSON_KEY_STORAGE, key);
  }
  cached = { key, id: personIdSync(key) };
  return cached;
}
