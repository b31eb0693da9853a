/**
 * Who a person is, across reloads, without accounts. Each browser keeps a random secret `personKey`
 * and sends it when it connects (`person` query parameter). The public `personId` is derived from it:
 * the first 22 base64url characters of SHA-256(personKey). Cards record the personId of their creator;
 * the server derives the same id from the key, so nobody can act as the owner of a card by copying the
 * id they can read in the document: they would need the key, which never leaves its browser.
 */
export const PERSON_KEY_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;

export function base64url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function personIdFromKey(personKey: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(personKey));
  return base64url(new Uint8Array(digest)).slice(0, 22);
}
