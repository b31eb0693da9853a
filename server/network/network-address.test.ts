import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { isLoopbackHost, networkOrigin, pickNetworkAddress, type InterfaceList } from './network-address';

function v4(address: string, internal = false): NetworkInterfaceInfo {
  return { address, family: 'IPv4', internal, netmask: '255.255.255.0', mac: '00:00:00:00:00:00', cidr: `${address}/24` };
}
function v6(address: string, internal = false): NetworkInterfaceInfo {
  return { address, family: 'IPv6', internal, netmask: 'ffff:ffff:ffff:ffff::', mac: '00:00:00:00:00:00', cidr: `${address}/64`, scopeid: 0 };
}

// Addresses from the documentation ranges (RFC 5737, RFC 3849): nothing here is ever contacted.
const LAPTOP: InterfaceList = {
  lo: [v4('127.0.0.1', true), v6('::1', true)],
  wlan0: [v6('2001:db8::5'), v4('192.0.2.23')],
  eth1: [v4('198.51.100.7')],
};

describe('pickNetworkAddress', () => {
  it('takes the first IPv4 address that is not internal', () => {
    expect(pickNetworkAddress(LAPTOP)).toBe('192.0.2.23');
  });

  it('skips link-local addresses, which nobody else can reach', () => {
    expect(pickNetworkAddress({ eth0: [v4('169.254.10.2')], wlan0: [v4('203.0.113.9')] })).toBe('203.0.113.9');
  });

  it('is null with only loopback, only IPv6, or nothing', () => {
    expect(pickNetworkAddress({ lo: [v4('127.0.0.1', true)] })).toBeNull();
    expect(pickNetworkAddress({ wlan0: [v6('2001:db8::5')] })).toBeNull();
    expect(pickNetworkAddress({ missing: undefined })).toBeNull();
    expect(pickNetworkAddress({})).toBeNull();
  });

  it('accepts the numeric family older Node versions reported', () => {
    const info = { ...v4('192.0.2.40'), family: 4 } as unknown as NetworkInterfaceInfo;
    expect(pickNetworkAddress({ en0: [info] })).toBe('192.0.2.40');
  });
});

describe('networkOrigin', () => {
  it('on every interface (the default), links use the network address and the port', () => {
    expect(networkOrigin('', 8080, LAPTOP)).toBe('http://192.0.2.23:8080');
    expect(networkOrigin('0.0.0.0', 3000, LAPTOP)).toBe('http://192.0.2.23:3000');
    expect(networkOrigin('::', 3000, LAPTOP)).toBe('http://192.0.2.23:3000');
  });

  it('bound to one machine (HOST=127.0.0.1) there is no network link', () => {
    expect(networkOrigin('127.0.0.1', 8080, LAPTOP)).toBeNull();
    expect(networkOrigin('localhost', 8080, LAPTOP)).toBeNull();
    expect(networkOrigin('::1', 8080, LAPTOP)).toBeNull();
  });

  it('bound to one network address, links use that address', () => {
    expect(networkOrigin('198.51.100.7', 8080, LAPTOP)).toBe('http://198.51.100.7:8080');
    expect(networkOrigin('2001:db8::5', 8080, LAPTOP)).toBe('http://[2001:db8::5]:8080');
  });

  it('with no network at all there is none', () => {
    expect(networkOrigin('', 8080, { lo: [v4('127.0.0.1', true)] })).toBeNull();
  });
});

describe('isLoopbackHost', () => {
  it('knows the loopback names and addresses', () => {
    for (const h of ['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]', '::ffff:127.0.0.1']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['', '0.0.0.0', '192.0.2.1', 'example.org']) expect(isLoopbackHost(h), h).toBe(false);
  });
});
