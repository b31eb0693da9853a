import { describe, expect, it } from 'vitest';
import { chooseShareOrigin, isLoopbackHostname } from './share-origin';

// Documentation addresses (RFC 5737) and reserved names: nothing here is contacted.
const NET = { publicUrl: null, networkUrl: 'http://192.0.2.23:8080' };

describe('chooseShareOrigin', () => {
  it('PUBLIC_URL wins wherever the browser is', () => {
    const info = { publicUrl: 'https://journey.example.org', networkUrl: 'http://192.0.2.23:8080' };
    expect(chooseShareOrigin('http://localhost:8080', info)).toEqual({ origin: 'https://journey.example.org', kind: 'public' });
    expect(chooseShareOrigin('http://192.0.2.23:8080', info)).toEqual({ origin: 'https://journey.example.org', kind: 'public' });
  });

  it('on localhost, links use the network address the server reported', () => {
    expect(chooseShareOrigin('http://localhost:8080', NET)).toEqual({ origin: 'http://192.0.2.23:8080', kind: 'network' });
    expect(chooseShareOrigin('http://127.0.0.1:8080', NET)).toEqual({ origin: 'http://192.0.2.23:8080', kind: 'network' });
    expect(chooseShareOrigin('http://[::1]:8080', NET)).toEqual({ origin: 'http://192.0.2.23:8080', kind: 'network' });
  });

  it('on localhost with no network address, phones cannot join: said, not hidden', () => {
    expect(chooseShareOrigin('http://localhost:8080', { publicUrl: null, networkUrl: null })).toEqual({ origin: 'http://localhost:8080', kind: 'local-only' });
    expect(chooseShareOrigin('http://localhost:8080', null)).toEqual({ origin: 'http://localhost:8080', kind: 'local-only' });
  });

  it('an address that already works from elsewhere is kept', () => {
    expect(chooseShareOrigin('http://192.0.2.23:8080', NET)).toEqual({ origin: 'http://192.0.2.23:8080', kind: 'browser' });
    expect(chooseShareOrigin('https://journey.example.org', null)).toEqual({ origin: 'https://journey.example.org', kind: 'browser' });
  });
});

describe('isLoopbackHostname', () => {
  it('knows loopback names', () => {
    for (const h of ['localhost', 'app.localhost', '127.0.0.1', '127.9.9.9', '[::1]']) expect(isLoopbackHostname(h), h).toBe(true);
    for (const h of ['192.0.2.1', 'example.org', '127.example.org']) expect(isLoopbackHostname(h), h).toBe(false);
  });
});
