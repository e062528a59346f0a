import { describe, expect, it } from 'vitest';
import { isPrivateAddress } from './addressGuard.ts';

describe('the SSRF guard of webhooks', () => {
  it('FEED4 refuses loopback, private, link-local, shared, multicast and reserved addresses, IPv4 inside IPv6 included', () => {
    for (const address of [
      '127.0.0.1',
      '127.255.0.9',
      '10.0.0.1',
      '172.16.5.4',
      '172.31.255.255',
      '192.168.0.10',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '198.18.0.1',
      '::',
      '::1',
      'fe80::1',
      'fd12:3456::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:10.1.2.3',
      '64:ff9b::a9fe:a9fe',
      '2002:c0a8:0101::1',
      '2001:db8::1',
      'not an address',
    ]) {
      expect({ address, refused: isPrivateAddress(address) }).toEqual({ address, refused: true });
    }
  });

  it('FEED4 lets public addresses through', () => {
    for (const address of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '192.169.0.1', '2a00:1450:4007:80f::200e', '::ffff:93.184.216.34', '64:ff9b::808:808']) {
      expect({ address, refused: isPrivateAddress(address) }).toEqual({ address, refused: false });
    }
  });
});
