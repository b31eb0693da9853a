import { describe, expect, it } from 'vitest';
import { personIdFromKey } from '../../../shared/identity';
import { myPerson, personIdSync } from './person';

describe('person identity', () => {
  it('derives the same person id as the server and shared/identity.ts', async () => {
    for (const key of ['aaaaaaaaaaaaaaaaaaaaaa', 'Zm9vYmFyLWJhei1xdXV4LTEyMzQ1Ng', 'x'.repeat(64)]) {
      expect(personIdSync(key)).toBe(await personIdFromKey(key));
    }
  });

  it('makes one well-formed key per browser and keeps it', () => {
    const a = myPerson();
    expect(a.key).toMatch(/^[A-Za-z0-9_-]{22,64}$/);
    expect(a.id).toHaveLength(22);
    expect(myPerson()).toBe(a);
  });
});
