import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { testDatabaseUrl } from './pg-test-database';

const databaseUrl = await testDatabaseUrl('pg_cluster');

describe.skipIf(!databaseUrl)('the throwaway PostgreSQL the tests start', () => {
  it('listens on loopback only, keeps its durability settings, and gives each file its own database', async () => {
    const client = new pg.Client({ connectionString: databaseUrl! });
    await client.connect();
    try {
      const setting = async (name: string) => ((await client.query('SELECT current_setting($1) AS v', [name])).rows[0] as { v: string }).v;
      expect(await setting('listen_addresses')).toBe('127.0.0.1');
      expect(await setting('fsync')).toBe('on');
      expect(await setting('synchronous_commit')).toBe('on');
      expect(await setting('full_page_writes')).toBe('on');
      const { rows } = await client.query('SELECT current_database() AS db, (SELECT count(*) FROM pg_class WHERE relkind = $1 AND relnamespace = $2::regnamespace)::int AS tables', ['r', 'public']);
      expect(rows[0]).toMatchObject({ db: new URL(databaseUrl!).pathname.slice(1), tables: 0 });
      const other = await testDatabaseUrl('pg_cluster');
      expect(other).not.toBe(databaseUrl);
      expect(new URL(other!).port).toBe(new URL(databaseUrl!).port);
    } finally {
      await client.end();
    }
  });
});
