import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TicketSigner } from '../../server/modules/collab/index.ts';
import { CloseCode, isCloseCode } from '../../shared/collab/closeCodes.ts';
import { articleTexts, ticketFor } from '../helpers/collabClients.ts';
import { type CollabWorld, startCollabWorld } from '../helpers/collabWorld.ts';
import { RawCollabClient } from '../helpers/rawCollabClient.ts';
import { pgliteTarget } from '../helpers/storageTargets.ts';

const SECRET_KEY = 'a collab access test secret of at least 32 characters';

/** Opens a socket that should be accepted and synced; returns the article texts it got. */
async function syncedTexts(url: string, document: string, options: { ticket?: string; origin?: string } = {}): Promise<string[]> {
  const client = await RawCollabClient.open(url, document, { ...options, autoSync: true });
  await client.synced();
  const texts = articleTexts(client.doc);
  expect(client.closeEvent).toBeNull();
  await client.close();
  return texts;
}

describe('COLLAB12 access to the collaboration endpoint', () => {
  let world: CollabWorld;
  let document: string;
  let other: string;

  beforeAll(async () => {
    world = await startCollabWorld(pgliteTarget, { rapporteurs: 1, env: { SECRET_KEY } });
    document = await world.newBill();
    other = await world.newBill();
  });
  afterAll(() => world?.server.stop());

  it('COLLAB12 a valid ticket, and no ticket at all on a public bill, open the document (controls)', async () => {
    const write = await ticketFor(world.rapporteurs[0]!.client, document);
    expect((await syncedTexts(world.url, document, { ticket: write.ticket })).length).toBeGreaterThan(0);
    expect((await syncedTexts(world.url, document)).length).toBeGreaterThan(0);
  });

  it('COLLAB12 an invalid, expired, forged or foreign-signed ticket closes with authenticationFailed', async () => {
    const valid = await ticketFor(world.citizen, document);
    const [version, payload, mac] = valid.ticket.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const base = { doc: document, sub: null, name: 'X', role: 'admin', color: 'red', access: 'write' as const, exp: Date.now() + 60_000 };
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, access: 'write' })).toString('base64url');
    const bad: Record<string, string> = {
      garbage: 'not-a-ticket',
      empty: '',
      expired: new TicketSigner(SECRET_KEY).sign({ ...base, exp: Date.now() - 1_000 }),
      forged: `${version}.${forgedPayload}.${mac}`,
      'signed with another key': new TicketSigner('another secret key that is at least 32 chars').sign(base),
      truncated: valid.ticket.slice(0, -2),
    };
    // The server's own key signs the expired one: only its expiry is wrong.
    expect((await syncedTexts(world.url, document, { ticket: new TicketSigner(SECRET_KEY).sign(base) })).length).toBeGreaterThan(0);
    const codes: Record<string, number> = {};
    for (const [name, ticket] of Object.entries(bad)) codes[name] = await RawCollabClient.closeCodeOf(world.url, document, { ticket });
    expect(codes).toEqual(Object.fromEntries(Object.keys(bad).map((name) => [name, CloseCode.authenticationFailed])));
  });

  it('COLLAB12 a ticket for another document closes with authenticationFailed', async () => {
    const write = await ticketFor(world.rapporteurs[0]!.client, other);
    const read = await ticketFor(world.citizen, other);
    expect(await RawCollabClient.closeCodeOf(world.url, document, { ticket: write.ticket })).toBe(CloseCode.authenticationFailed);
    expect(await RawCollabClient.closeCodeOf(world.url, document, { ticket: read.ticket })).toBe(CloseCode.authenticationFailed);
    expect(await RawCollabClient.closeCodeOf(world.url, `amendment:${other.slice('bill:'.length)}`, { ticket: write.ticket })).toBe(
      CloseCode.authenticationFailed,
    );
  });

  it('COLLAB12 malformed paths close with malformedPath', async () => {
    const paths = ['/collab/nope', '/collab/bill:x/extra', '/collab/bill%253Ax', '/collab/', '/collab/bill:', '/collab/motion:x', `/collab/${document}/`];
    const codes: Record<string, number> = {};
    for (const path of paths) codes[path] = await RawCollabClient.closeCodeOf(world.url, path);
    expect(codes).toEqual(Object.fromEntries(paths.map((path) => [path, CloseCode.malformedPath])));
  });

  it('COLLAB12 an unknown bill closes with unknownDocument; a percent-encoded colon still names the bill', async () => {
    expect(await RawCollabClient.closeCodeOf(world.url, 'bill:doesnotexist')).toBe(CloseCode.unknownDocument);
    expect((await syncedTexts(world.url, document.replace(':', '%3A'))).length).toBeGreaterThan(0);
  });

  it('COLLAB12 amendment:<id> of no amendment, without a ticket, is closed with unknownDocument', async () => {
    const code = await RawCollabClient.closeCodeOf(world.url, 'amendment:a1');
    expect(isCloseCode(code)).toBe(true);
    expect(code).toBe(CloseCode.unknownDocument);
  });

  it('COLLAB12 an upgrade to any other path is answered 404', async () => {
    for (const path of ['/other', '/collab', '/api/v1/collab/tickets', '/collabx/bill:x']) {
      expect({ path, status: await RawCollabClient.refusedStatus(world.url, path) }).toEqual({ path, status: 404 });
    }
    // The server is still fine.
    expect((await syncedTexts(world.url, document)).length).toBeGreaterThan(0);
  });
});

describe('COLLAB12 origin check when PUBLIC_ORIGIN is set', () => {
  let world: CollabWorld;
  let document: string;

  beforeAll(async () => {
    world = await startCollabWorld(pgliteTarget, { rapporteurs: 1, env: { PUBLIC_ORIGIN: 'http://allowed.example' } });
    document = await world.newBill();
  });
  afterAll(() => world?.server.stop());

  it('COLLAB12 a foreign Origin is refused with 403; the allowed origin and no origin connect', async () => {
    for (const origin of ['http://evil.example', 'https://allowed.example', 'http://allowed.example:8080', 'http://allowed.example.evil.example', 'null']) {
      expect({ origin, status: await RawCollabClient.refusedStatus(world.url, `/collab/${document}`, { origin }) }).toEqual({ origin, status: 403 });
    }
    const write = await ticketFor(world.rapporteurs[0]!.client, document);
    expect((await syncedTexts(world.url, document, { origin: 'http://allowed.example', ticket: write.ticket })).length).toBeGreaterThan(0);
    expect((await syncedTexts(world.url, document, { origin: 'http://allowed.example' })).length).toBeGreaterThan(0);
    expect((await syncedTexts(world.url, document)).length).toBeGreaterThan(0);
  });
});
