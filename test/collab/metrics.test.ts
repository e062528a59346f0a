import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import { articleTexts, connectProvider, synced, ticketFor, waitFor } from '../helpers/collabClients.ts';
import { articleText, captureUpdate, type CollabWorld, startCollabWorld } from '../helpers/collabWorld.ts';
import { RawCollabClient, syncFrame, SyncType } from '../helpers/rawCollabClient.ts';
import { pgliteTarget } from '../helpers/storageTargets.ts';

/** `GET /metrics`, parsed into `name{document="…"}` → value, checking the Prometheus text format on the way. */
async function scrape(url: string): Promise<Map<string, number>> {
  const response = await fetch(`${url}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const values = new Map<string, number>();
  for (const line of (await response.text()).split('\n')) {
    if (line === '' || line.startsWith('# HELP ') || line.startsWith('# TYPE ')) continue;
    const match = /^([a-z_]+\{document="[^"]+"\}) (-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)$/.exec(line);
    expect(match, `not a Prometheus sample: ${line}`).not.toBeNull();
    values.set(match![1]!, Number(match![2]));
  }
  return values;
}

describe('COLLAB21 metrics', () => {
  let world: CollabWorld;

  beforeAll(async () => {
    world = await startCollabWorld(pgliteTarget, { rapporteurs: 1 });
  });
  afterAll(() => world?.server.stop());

  it('COLLAB21 /metrics shows per-document connections, and update counters that move with accepted edits only', async () => {
    const [document, other] = [await world.newBill(), await world.newBill()];
    const sample = async (name: string, doc = document) => (await scrape(world.url)).get(`${name}{document="${doc}"}`);
    expect(await sample('collab_connections')).toBeUndefined();

    const writer = connectProvider(world.url, document, (await ticketFor(world.rapporteurs[0]!.client, document)).ticket);
    const readers = [connectProvider(world.url, document), connectProvider(world.url, document)];
    const elsewhere = connectProvider(world.url, other);
    const all = [writer, ...readers, elsewhere];
    try {
      await Promise.all(all.map(({ provider }) => synced(provider)));
      await waitFor(async () => {
        expect(await sample('collab_connections')).toBe(3);
        expect(await sample('collab_connections', other)).toBe(1);
      });
      const before = await scrape(world.url);
      const at = (name: string) => before.get(`${name}{document="${document}"}`) ?? 0;

      const sizes: number[] = [];
      for (let i = 0; i < 3; i++) {
        sizes.push(captureUpdate(writer.doc, () => articleText(writer.doc, 0).insert(0, `[metric ${i}] `)).length);
        await waitFor(() => expect(articleTexts(readers[0]!.doc)[0]).toMatch(new RegExp(`^\\[metric ${i}\\] `)));
      }
      // A refused update (read-only) counts for nothing.
      const intruder = await RawCollabClient.open(world.url, document);
      intruder.requestState();
      await intruder.synced();
      intruder.send(syncFrame(SyncType.update, captureUpdate(intruder.doc, () => articleText(intruder.doc, 0).insert(0, 'x'))));
      expect(await intruder.closed()).toBe(CloseCode.readOnly);

      await waitFor(async () => {
        expect(await sample('collab_updates_total')).toBe(at('collab_updates_total') + 3);
        expect(await sample('collab_update_bytes_total')).toBe(at('collab_update_bytes_total') + sizes.reduce((a, b) => a + b, 0));
        expect(await sample('collab_connections')).toBe(3);
      });
      const after = await scrape(world.url);
      expect(after.get(`collab_persist_batches_total{document="${document}"}`)).toBeGreaterThan(at('collab_persist_batches_total'));
      expect(after.get(`collab_persist_ms_total{document="${document}"}`)).toBeGreaterThan(0);
      expect(after.get(`collab_persist_ms_max{document="${document}"}`)).toBeGreaterThan(0);
      expect(after.get(`collab_updates_total{document="${other}"}`)).toBe(0);

      for (const { provider } of readers) provider.destroy();
      await waitFor(async () => expect(await sample('collab_connections')).toBe(1));
      writer.provider.destroy();
      await waitFor(async () => expect(await sample('collab_connections')).toBe(0));
      expect(await sample('collab_connections', other)).toBe(1);
    } finally {
      for (const { provider } of all) provider.destroy();
    }
  });
});
