import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CollabTicket } from '../../shared/api/collab.ts';
import { connectProvider, synced, ticketFor, waitFor } from '../helpers/collabClients.ts';
import { type CollabWorld, startCollabWorld } from '../helpers/collabWorld.ts';
import { awarenessFrame, queryAwarenessFrame, RawCollabClient } from '../helpers/rawCollabClient.ts';
import { pgliteTarget } from '../helpers/storageTargets.ts';

const FORGED = { name: 'Président de la République', role: 'admin', color: '#ff0000' };

/** The presence counts the server announces among the awareness states. */
function counts(states: Map<number, unknown>): unknown {
  const server = [...states.values()].find((state) => typeof state === 'object' && state !== null && 'presence' in state);
  return (server as { presence?: unknown } | undefined)?.presence;
}

describe('COLLAB18 presence', () => {
  let world: CollabWorld;
  let document: string;
  let tickets: CollabTicket[];
  const opened: { close(): Promise<void> | void }[] = [];

  /** Opens a raw client (closed after the test). */
  async function raw(ticket?: string): Promise<RawCollabClient> {
    const client = await RawCollabClient.open(world.url, document, { ticket, autoSync: true });
    opened.push(client);
    await client.synced();
    return client;
  }
  /** Connects a stock provider (destroyed after the test). */
  async function stock(ticket?: string) {
    const client = connectProvider(world.url, document, ticket);
    opened.push({ close: () => client.provider.destroy() });
    await synced(client.provider);
    return client;
  }

  beforeAll(async () => {
    world = await startCollabWorld(pgliteTarget, { rapporteurs: 3 });
  });
  beforeEach(async () => {
    document = await world.newBill();
    tickets = await Promise.all(world.rapporteurs.map(({ client }) => ticketFor(client, document)));
  });
  afterEach(async () => {
    for (const client of opened.splice(0)) await client.close();
  });
  afterAll(() => world?.server.stop());

  it('COLLAB18 a writer’s awareness with a forged user is relayed with the identity from its ticket', async () => {
    const [a, b] = tickets as [CollabTicket, CollabTicket];
    for (const [ticket, { me }] of [a, b].map((t, i) => [t, world.rapporteurs[i]!] as const)) {
      expect(ticket.identity).toEqual({ name: me.displayName, role: 'parliamentarian', color: expect.stringMatching(/^hsl\(/) as unknown });
    }
    const reader = await stock();
    const rawWriter = await raw(a.ticket);
    const stockWriter = await stock(b.ticket);
    rawWriter.send(awarenessFrame([{ clientId: 7001, clock: 1, state: { user: FORGED, cursor: { anchor: 3 } } }]));
    stockWriter.provider.awareness.setLocalStateField('user', FORGED);
    stockWriter.provider.awareness.setLocalStateField('cursor', { anchor: 5 });
    await waitFor(() => {
      const states = reader.provider.awareness.getStates();
      expect(states.get(7001)).toEqual({ user: a.identity, cursor: { anchor: 3 } });
      expect(states.get(stockWriter.doc.clientID)).toEqual({ user: b.identity, cursor: { anchor: 5 } });
      expect(rawWriter.states().get(stockWriter.doc.clientID)).toEqual({ user: b.identity, cursor: { anchor: 5 } });
    });
  });

  it('COLLAB18 readers’ awareness is not relayed to anyone, only counted', async () => {
    const observer = await raw();
    const writer = await stock(tickets[0]!.ticket);
    const reader = await stock();
    const citizen = await raw((await ticketFor(world.citizen, document)).ticket);
    await waitFor(() => expect(counts(observer.states())).toEqual({ readers: 3, writers: 1 }));
    reader.provider.awareness.setLocalStateField('user', FORGED);
    reader.provider.awareness.setLocalStateField('cursor', { anchor: 1 });
    citizen.send(awarenessFrame([{ clientId: 8001, clock: 1, state: { user: FORGED, cursor: { anchor: 2 } } }]));
    const asked = citizen.frames.length;
    citizen.send(queryAwarenessFrame());
    // The answer comes after the awareness was handled: the server does not hold the citizen's state.
    await citizen.frame((frame) => frame.kind === 'awareness' && citizen.frames.indexOf(frame) >= asked);
    expect(citizen.awareness.has(8001)).toBe(false);
    // Leaving is handled after each reader's earlier awareness: once the counts drop, any relay would have arrived.
    reader.provider.disconnect();
    await citizen.close();
    await waitFor(() => expect(counts(observer.states())).toEqual({ readers: 1, writers: 1 }));
    const relayed = [...observer.awareness.keys(), ...writer.provider.awareness.getStates().keys()];
    expect(relayed).not.toContain(8001);
    expect(relayed).not.toContain(reader.doc.clientID);
    expect(JSON.stringify(observer.frames)).not.toContain(FORGED.name);
  });

  it('COLLAB18 the presence counts the server announces follow joins and leaves', async () => {
    const observer = await raw();
    await waitFor(() => expect(counts(observer.states())).toEqual({ readers: 1, writers: 0 }));
    const w1 = await stock(tickets[0]!.ticket);
    const w2 = await stock(tickets[1]!.ticket);
    const r1 = await stock();
    const r2 = await raw((await ticketFor(world.citizen, document)).ticket);
    await waitFor(() => {
      expect(counts(observer.states())).toEqual({ readers: 3, writers: 2 });
      expect(counts(w1.provider.awareness.getStates())).toEqual({ readers: 3, writers: 2 });
      expect(counts(r1.provider.awareness.getStates())).toEqual({ readers: 3, writers: 2 });
    });
    w2.provider.destroy();
    r1.provider.destroy();
    await r2.close();
    await waitFor(() => {
      expect(counts(observer.states())).toEqual({ readers: 1, writers: 1 });
      expect(counts(w1.provider.awareness.getStates())).toEqual({ readers: 1, writers: 1 });
    });
  });

  it('COLLAB18 a writer cannot overwrite or remove another writer’s awareness client id; each manages its own', async () => {
    const [a, b] = tickets as [CollabTicket, CollabTicket];
    const observer = await raw();
    const writerA = await raw(a.ticket);
    const writerB = await raw(b.ticket);
    writerA.send(awarenessFrame([{ clientId: 9001, clock: 1, state: { cursor: 'A' } }]));
    await waitFor(() => expect(observer.states().get(9001)).toEqual({ cursor: 'A', user: a.identity }));
    writerB.send(awarenessFrame([{ clientId: 9001, clock: 5, state: { cursor: 'B' } }]));
    writerB.send(awarenessFrame([{ clientId: 9001, clock: 6, state: null }]));
    // Sent last on the same socket: once it is relayed, the two before it have been handled.
    writerB.send(awarenessFrame([{ clientId: 9002, clock: 1, state: { cursor: 'B' } }]));
    await waitFor(() => expect(observer.states().get(9002)).toEqual({ cursor: 'B', user: b.identity }));
    expect(observer.awareness.get(9001)).toEqual({ clock: 1, state: { cursor: 'A', user: a.identity } });
    // The owner may still move and then remove its own state.
    writerA.send(awarenessFrame([{ clientId: 9001, clock: 2, state: { cursor: 'A2' } }]));
    await waitFor(() => expect(observer.states().get(9001)).toEqual({ cursor: 'A2', user: a.identity }));
    writerA.send(awarenessFrame([{ clientId: 9001, clock: 3, state: null }]));
    await waitFor(() => expect(observer.awareness.get(9001)).toEqual({ clock: 3, state: null }));
    // A writer's states go when it leaves.
    await writerB.close();
    await waitFor(() => expect(observer.awareness.get(9002)?.state).toBeNull());
  });

  it('COLLAB18 a writer that reconnects announces its own awareness id again', async () => {
    const observer = await raw();
    const writer = await stock(tickets[0]!.ticket);
    writer.provider.awareness.setLocalStateField('cursor', { anchor: 1 });
    await waitFor(() => expect(observer.states().get(writer.doc.clientID)).toEqual({ cursor: { anchor: 1 }, user: tickets[0]!.identity }));
    writer.provider.disconnect();
    await waitFor(() => expect(observer.awareness.get(writer.doc.clientID)?.state).toBeNull());
    writer.provider.connect();
    await synced(writer.provider);
    writer.provider.awareness.setLocalStateField('cursor', { anchor: 2 });
    await waitFor(() => expect(observer.states().get(writer.doc.clientID)).toEqual({ cursor: { anchor: 2 }, user: tickets[0]!.identity }));
  });

  it('COLLAB18 a writer cannot overwrite or remove the server’s presence state', async () => {
    const observer = await raw();
    const writer = await raw(tickets[0]!.ticket);
    await waitFor(() => expect(counts(observer.states())).toEqual({ readers: 1, writers: 1 }));
    const serverId = [...observer.states()].find(([, state]) => counts(new Map([[0, state]])) !== undefined)![0];
    const clock = observer.awareness.get(serverId)!.clock;
    writer.send(awarenessFrame([{ clientId: serverId, clock: clock + 10, state: { presence: { readers: 999, writers: 999 } } }]));
    writer.send(awarenessFrame([{ clientId: serverId, clock: clock + 11, state: null }]));
    writer.send(awarenessFrame([{ clientId: 9300, clock: 1, state: { cursor: 'sentinel' } }]));
    await waitFor(() => expect(observer.states().get(9300)).toMatchObject({ cursor: 'sentinel' }));
    expect(observer.states().get(serverId)).toEqual({ presence: { readers: 1, writers: 1 } });
    const announced = observer.frames.flatMap((frame) => (frame.kind === 'awareness' ? frame.entries : [])).filter((e) => e.clientId === serverId);
    expect(announced.map((entry) => entry.state)).not.toContainEqual(expect.objectContaining({ presence: { readers: 999, writers: 999 } }));
  });

  it('COLLAB18 awareness messages are rate-limited: a flood is thinned out, not fatal', async () => {
    const observer = await raw();
    const flooder = await raw(tickets[0]!.ticket);
    const other = await raw(tickets[1]!.ticket);
    for (let clock = 1; clock <= 60; clock++) flooder.send(awarenessFrame([{ clientId: 9100, clock, state: { cursor: clock } }]));
    const asked = flooder.frames.length;
    flooder.send(queryAwarenessFrame());
    await flooder.frame((frame) => frame.kind === 'awareness' && flooder.frames.indexOf(frame) >= asked);
    other.send(awarenessFrame([{ clientId: 9200, clock: 1, state: { cursor: 'sentinel' } }]));
    await waitFor(() => expect(observer.states().get(9200)).toMatchObject({ cursor: 'sentinel' }));
    const relayed = observer.frames.flatMap((frame) => (frame.kind === 'awareness' ? frame.entries : [])).filter((e) => e.clientId === 9100);
    expect(relayed.length).toBeGreaterThan(0);
    // Default: 10 per second, bursts of 20.
    expect(relayed.length).toBeLessThan(30);
    expect(flooder.closeEvent).toBeNull();
  });
});
