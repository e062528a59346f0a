import { describe, expect, it } from 'vitest';
import { TicketSigner } from './tickets.ts';

const claims = { doc: 'bill:b1', sub: 'u1', name: 'Camille', role: 'parliamentarian', color: 'hsl(10 70% 40%)', access: 'write' as const, exp: Date.now() + 60_000 };

describe('collaboration tickets', () => {
  it('COLLAB-AUTH1 a signed ticket verifies and gives its claims back', () => {
    const signer = new TicketSigner('a secret of at least thirty-two characters!');
    const ticket = signer.sign(claims);
    expect(signer.verify(ticket)).toMatchObject(claims);
    expect(signer.sign(claims)).not.toBe(ticket);
  });

  it('COLLAB-AUTH1 expired, forged, re-signed-elsewhere or mangled tickets are refused', () => {
    const signer = new TicketSigner('a secret of at least thirty-two characters!');
    const other = new TicketSigner('another secret, also thirty-two characters');
    const ticket = signer.sign(claims);
    expect(signer.verify(ticket, claims.exp)).toBeNull();
    expect(signer.verify(other.sign(claims))).toBeNull();
    const [version, payload, mac] = ticket.split('.') as [string, string, string];
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), access: 'write', doc: 'bill:b2' })).toString('base64url');
    expect(signer.verify(`${version}.${forged}.${mac}`)).toBeNull();
    for (const bad of ['', 'v1', 'v1..', `v2.${payload}.${mac}`, `${ticket}.extra`, `${version}.${payload}.${mac.slice(1)}`]) {
      expect(signer.verify(bad)).toBeNull();
    }
  });

  it('COLLAB-AUTH1 a ticket verified once is remembered, yet still refused once it expires', () => {
    const signer = new TicketSigner('a secret of at least thirty-two characters!');
    const ticket = signer.sign(claims);
    expect(signer.verify(ticket)).toMatchObject(claims);
    expect(signer.verify(ticket)).toMatchObject(claims);
    expect(signer.verify(ticket, claims.exp)).toBeNull();
    expect(signer.verify(ticket, claims.exp - 1)).toMatchObject(claims);
  });
});
