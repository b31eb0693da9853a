import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { testDatabaseUrl, unavailable } from './pg-test-database';

const databaseUrl = await testDatabaseUrl('pg_cluster');

describe.skipIf(!databaseUrl)('the throwaway PostgreSQL the tests start', () => {
  it('listens on loopback only, keeps its durability settings, and gives each store its own empty schema', async () => {
    const client = new pg.Client({ connectionString: databaseUrl! });
    await client.connect();
    try {
      const setting = async (name: string) => ((await client.query('SELECT current_setting($1) AS v', [name])).rows[0] as { v: string }).v;
      expect(await setting('listen_addresses')).toBe('127.0.0.1');
      expect(await setting('fsync')).toBe('on');
      expect(await setting('synchronous_commit')).toBe('on');
      expect(await setting('full_page_writes')).toBe('on');
      await client.query('CREATE TABLE here (x int)');
      const other = new pg.Client({ connectionString: (await testDatabaseUrl('pg_cluster'))! });
      await other.connect();
      try {
        // Same database, another schema: the table made through the first URL is not seen through the second.
        expect((await other.query('SELECT current_database() AS db')).rows).toEqual((await client.query('SELECT current_database() AS db')).rows);
        await expect(other.query('SELECT * FROM here')).rejects.toThrow(/does not exist/);
        await other.query('CREATE TABLE here (y text)');
      } finally {
        await other.end();
      }
    } finally {
      await client.end();
    }
  });
});

describe('when PostgreSQL cannot be started', () => {
  it('fails the run in CI, and elsewhere skips with a message that says why', () => {
    expect(() => unavailable('initdb failed: no space left', { CI: 'true' }, () => undefined)).toThrow(/CI=true and PostgreSQL could not be started for the tests: initdb failed: no space left/);
    const lines: string[] = [];
    expect(unavailable('initdb failed: no space left\nmore', {}, (l) => lines.push(l))).toBeNull();
    expect(lines.join('')).toMatch(/SKIPPING PostgreSQL tests: PostgreSQL could not be started \(initdb failed: no space left\)\. With CI=true this fails the run\./);
  });
});
