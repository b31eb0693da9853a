import { describe, expect, it } from 'vitest';
import { configFromEnv } from './config';

describe('configFromEnv', () => {
  it('listens on every interface by default, so phones in the room can join', () => {
    expect(configFromEnv({}, '/srv').host).toBe('');
    expect(configFromEnv({ HOST: '127.0.0.1' }, '/srv').host).toBe('127.0.0.1');
  });

  it('takes PUBLIC_URL as an origin', () => {
    expect(configFromEnv({}, '/srv').publicUrl).toBeNull();
    expect(configFromEnv({ PUBLIC_URL: 'https://Journey.example.org/' }, '/srv').publicUrl).toBe('https://journey.example.org');
    expect(configFromEnv({ PUBLIC_URL: 'http://journey.example.org:8080' }, '/srv').publicUrl).toBe('http://journey.example.org:8080');
  });

  it('refuses a PUBLIC_URL that links could not use, saying why', () => {
    expect(() => configFromEnv({ PUBLIC_URL: 'journey.example.org' }, '/srv')).toThrow(/not a URL/);
    expect(() => configFromEnv({ PUBLIC_URL: 'ftp://journey.example.org' }, '/srv')).toThrow(/http/);
    expect(() => configFromEnv({ PUBLIC_URL: 'https://example.org/journey' }, '/srv')).toThrow(/without a path/);
  });
});

describe('FSYNC', () => {
  it('flushes after the write by default; strict flushes before relaying; false leaves it to the OS', () => {
    expect(configFromEnv({}, '/srv').fsync).toBe(true);
    expect(configFromEnv({ FSYNC: 'true' }, '/srv').fsync).toBe(true);
    expect(configFromEnv({ FSYNC: 'Strict' }, '/srv').fsync).toBe('before-relay');
    expect(configFromEnv({ FSYNC: 'false' }, '/srv').fsync).toBe(false);
  });
});

describe('DATABASE_URL', () => {
  it('is off by default (the embedded store in DATA_DIR), and takes a postgres:// URL and a pool size', () => {
    expect(configFromEnv({}, '/srv')).toMatchObject({ databaseUrl: null, dataDir: '/srv/data', databasePoolSize: 10 });
    const c = configFromEnv({ DATABASE_URL: ' postgres://journey:pw@db:5432/journey ', DATABASE_POOL_SIZE: '20' }, '/srv');
    expect(c).toMatchObject({ databaseUrl: 'postgres://journey:pw@db:5432/journey', databasePoolSize: 20 });
    expect(configFromEnv({ DATABASE_URL: 'postgresql://db/journey', DATABASE_POOL_SIZE: '0' }, '/srv').databasePoolSize).toBe(1);
  });

  it('refuses anything else, saying what it expects', () => {
    expect(() => configFromEnv({ DATABASE_URL: 'db:5432' }, '/srv')).toThrow(/postgres:\/\//);
    expect(() => configFromEnv({ DATABASE_URL: 'mysql://db/journey' }, '/srv')).toThrow(/must start with postgres:\/\//);
  });
});
