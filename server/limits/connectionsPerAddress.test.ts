import { describe, expect, it } from 'vitest';
import { ConnectionsPerAddress } from './connectionsPerAddress.ts';

describe('connections per address', () => {
  it('COLLAB13 LIVE12 an address gets at most max slots, each address its own, and a released slot is free again', () => {
    const connections = new ConnectionsPerAddress(2);
    const first = connections.take('192.0.2.1');
    const second = connections.take('192.0.2.1');
    expect([first, second]).not.toContain(null);
    expect(connections.take('192.0.2.1')).toBeNull();
    expect(connections.take('192.0.2.2')).not.toBeNull();
    expect(connections.of('192.0.2.1')).toBe(2);
    first!();
    expect(connections.of('192.0.2.1')).toBe(1);
    expect(connections.take('192.0.2.1')).not.toBeNull();
  });

  it('COLLAB13 LIVE12 releasing a slot twice frees it once', () => {
    const connections = new ConnectionsPerAddress(2);
    const first = connections.take('192.0.2.1')!;
    connections.take('192.0.2.1');
    first();
    first();
    expect(connections.of('192.0.2.1')).toBe(1);
    expect(connections.take('192.0.2.1')).not.toBeNull();
    expect(connections.take('192.0.2.1')).toBeNull();
  });
});
