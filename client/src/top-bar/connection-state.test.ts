import { describe, expect, it } from 'vitest';
import { connectionView, savesLocally } from './connection-state';

describe('connectionView', () => {
  const base = { online: true, socket: 'connected' as const, synced: true, everSynced: true };
  it('names each state', () => {
    expect(connectionView(base)).toBe('connected');
    expect(connectionView({ ...base, synced: false })).toBe('syncing');
    expect(connectionView({ ...base, socket: 'connecting', synced: false, everSynced: false })).toBe('connecting');
    expect(connectionView({ ...base, socket: 'disconnected', synced: false })).toBe('reconnecting');
    expect(connectionView({ ...base, online: false })).toBe('offline');
  });
  it('tells people their edits are safe when the server is out of reach', () => {
    expect(savesLocally('offline')).toBe(true);
    expect(savesLocally('reconnecting')).toBe(true);
    expect(savesLocally('connected')).toBe(false);
  });
});
